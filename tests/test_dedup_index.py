"""The search index follows dedup's groups: a repeat's text is found under its canonical copy
(with the repeat in `also_in`), never as a hit of its own, whatever order the copies come in,
and a repeat whose canonical copy goes away is found again under its own name."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pdfgen
from conftest import CORPUS, PLAN, V_STATEMENT
from pipeline.answer.search import search
from pipeline.filters import Filters
from pipeline.ingest import ingest
from pipeline.settings import Settings

WORD = "hedersrelaterat"  # in the V statement's second and third pages


def two_copies(folder: Path) -> tuple[Path, Path]:
    """The V statement and the same pages saved again (other bytes, the same text), named so
    that the one read first (one reader reads in name order) is the repeat: dedup's canonical
    copy is, among equals, the one with the lowest document id (the SHA-256 of its bytes)."""
    original = (CORPUS / V_STATEMENT).read_bytes()
    resaved = pdfgen.pages_of(str(CORPUS / V_STATEMENT), range(1, 8))
    low, high = sorted([original, resaved], key=lambda b: hashlib.sha256(b).hexdigest())
    first, second = folder / "a-upprepning.pdf", folder / "b-original.pdf"
    first.write_bytes(high)
    second.write_bytes(low)
    return first, second


def hit_files(settings: Settings) -> list[str]:
    return sorted({Path(h["path"]).name for h in search(settings, WORD, Filters()).hits})


def ingested(tmp_path: Path) -> tuple[Settings, Path, Path, Path]:
    """(settings, folder, the repeat, the canonical copy) after one ingest with one reader."""
    folder = tmp_path / "pdfs"
    folder.mkdir()
    first, second = two_copies(folder)
    settings = Settings(index_dir=tmp_path / "ix", workers=1, ocr="never")
    ingest([folder], settings)
    return settings, folder, first, second


def test_a_repeat_stored_before_its_canonical_copy_leaves_the_index(tmp_path: Path) -> None:
    settings, _, first, second = ingested(tmp_path)
    hits = search(settings, WORD, Filters()).hits
    assert hit_files(settings) == [second.name]  # not the repeat as a hit of its own
    assert all(Path(a["path"]).name == first.name for h in hits for a in h["also_in"])


def test_a_repeat_whose_canonical_copy_went_is_found_under_its_own_name(tmp_path: Path) -> None:
    settings, folder, first, second = ingested(tmp_path)
    shutil.copy(CORPUS / PLAN, second)  # the canonical copy's file now holds another document
    ingest([folder], settings)
    assert hit_files(settings) == [first.name]
