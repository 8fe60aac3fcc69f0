"""A document read by an older version of the reader is read again at its next ingest, so what
the reader has learnt since (euro amounts, for one) reaches catalogs made before; nothing of it
is lost on the way."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import shared_dir
from pipeline.answer.listings import amounts, document_listing, duplicate_groups
from pipeline.answer.search import search
from pipeline.filters import Filters, Range
from pipeline.ingest import ingest
from pipeline.settings import Settings

pytestmark = pytest.mark.realworld

VALF = "valfardsnamnden_protokoll_15_09_2022_18_00_139758.pdf"


@pytest.fixture()
def aged(tmp_path: Path) -> tuple[Settings, list[Path]]:
    """An index of the minutes (at two paths) as the version before euro amounts left it: the
    documents marked read by reader 1, without the euro amounts that reader did not find."""
    folder = tmp_path / "pdfs"
    folder.mkdir()
    shutil.copy(shared_dir("realworld/nykarleby") / VALF, folder / VALF)
    shutil.copy(folder / VALF, folder / "kopia.pdf")
    settings = Settings(index_dir=tmp_path / "index", ocr="never")
    ingest([folder], settings)
    with sqlite3.connect(settings.catalog_path) as conn:
        conn.execute("DELETE FROM amounts WHERE currency = 'EUR'")
        conn.execute("UPDATE documents SET reader = 1")
    return settings, [folder]


Aged = tuple[Settings, list[Path]]


def test_an_older_readers_document_is_read_again_with_its_paths_kept(aged: Aged) -> None:
    settings, folders = aged
    hits_before = search(settings, "budgetuppföljning", Filters()).total
    assert amounts(settings, Filters(), Range(currency="EUR")) == []
    report = ingest(folders, settings)
    assert (report.documents_reread, report.documents_added, report.failed) == (1, 0, [])
    assert len(amounts(settings, Filters(), Range(currency="EUR"))) >= 18
    (doc,) = document_listing(settings)
    assert sorted(Path(p).name for p in doc["paths"]) == sorted([VALF, "kopia.pdf"])
    assert search(settings, "budgetuppföljning", Filters()).total == hits_before  # replaced, not doubled
    again = ingest(folders, settings)
    assert (again.documents_reread, again.documents_unchanged) == (0, 2)


def test_a_reread_that_fails_keeps_what_was_stored(aged: Aged) -> None:
    settings, folders = aged
    hits_before = search(settings, "budgetuppföljning", Filters()).total
    report = ingest(folders, replace(settings, timeout_s=0.01))
    assert report.documents_reread == 0 and len(report.failed) == 1
    assert len(document_listing(settings)) == 1
    assert search(settings, "budgetuppföljning", Filters()).total == hits_before
    assert duplicate_groups(settings) == []
    assert ingest(folders, settings).documents_reread == 1  # and the next ingest tries again
