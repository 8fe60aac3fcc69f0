"""Ingest on the sample corpus: documents, pages, parts and metadata."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from conftest import CORPUS, MINUTES_2021, MINUTES_2022, PLAN, V_STATEMENT
from pipeline.answer.listings import document_listing as documents
from pipeline.answer.search import search
from pipeline.filters import Filters
from pipeline.ingest import IngestReport, ingest
from pipeline.records import DocumentEntry
from pipeline.settings import Settings


def _by_path(settings: Settings) -> dict[str, DocumentEntry]:
    return {Path(p).name: d for d in documents(settings) for p in d["paths"]}


def test_sample_corpus_counts(corpus_index: tuple[Settings, IngestReport]) -> None:
    _, report = corpus_index
    assert report.documents_added == 4
    assert report.pages == 33
    assert report.failed == []


def test_plan_metadata(corpus_index: tuple[Settings, IngestReport]) -> None:
    doc = _by_path(corpus_index[0])[PLAN]
    assert (doc["kind"], doc["year"]) == ("verksamhetsplan", 2020)
    assert doc["board"] == "Trygghets- och delaktighetsberedningen"
    assert doc["title"] == "Verksamhetsplan för trygghets- och delaktighetsberedningen 2020"


def test_minutes_2022_metadata_and_parts(corpus_index: tuple[Settings, IngestReport]) -> None:
    doc = _by_path(corpus_index[0])[MINUTES_2022]
    assert doc["kind"] == "protokollsutdrag"
    assert (doc["date"], doc["paragraph"], doc["diarienummer"]) == ("2022-02-17", "§ 12", "KS-2022/176.915")
    kinds = [(p["kind"], p["party"], p["first_page"], p["last_page"]) for p in doc["parts"]]
    assert kinds == [
        ("protokollsutdrag", None, 1, 1),
        ("protokollsanteckning", "S", 2, 3),
        ("protokollsanteckning", "V", 4, 4),
        ("protokollsanteckning", "MP", 5, 5),
        ("tjänsteutlåtande", None, 6, 6),
        ("verksamhetsberättelse", None, 7, 12),
        ("verksamhetsberättelse", None, 13, 19),
    ]
    s_part = doc["parts"][1]
    assert s_part["signatories"] == [
        "Rasmus Lenefors",
        "Pran Malhotra",
        "Britt Flodetorp (suppleantyttrande)",
    ]
    assert doc["parts"][3]["signatories"] == ["Louise Rollins"]


def test_minutes_2021_metadata(corpus_index: tuple[Settings, IngestReport]) -> None:
    doc = _by_path(corpus_index[0])[MINUTES_2021]
    assert (doc["date"], doc["paragraph"], doc["diarienummer"]) == ("2021-05-05", "§ 24", "KS-2021/307.173")
    assert doc["board"] == "Kommunstyrelsen"


def test_v_statement_is_a_party_statement_on_the_2022_plan(
    corpus_index: tuple[Settings, IngestReport],
) -> None:
    doc = _by_path(corpus_index[0])[V_STATEMENT]
    assert (doc["kind"], doc["party"], doc["year"]) == ("protokollsanteckning", "V", 2022)
    assert "Verksamhetsplan" in doc["title"]
    assert doc["parts"][0]["signatories"] == ["Nujin Alacabek", "Aysegül Balci"]


def test_running_headers_are_kept_apart(corpus_index: tuple[Settings, IngestReport]) -> None:
    settings = corpus_index[0]
    conn = sqlite3.connect(settings.catalog_path)
    rows = conn.execute("SELECT number, body, furniture FROM pages ORDER BY document_id, number").fetchall()
    header = "Verksamhetsberättelse för trygghets- och delaktighetsberedningen år 2021"
    with_header = [n for n, _, furniture in rows if header in furniture]
    assert len(with_header) >= 7
    assert not any(body.startswith(header) for _, body, _ in rows)
    assert not any(body.startswith("PROTOKOLLSUTDRAG") for _, body, _ in rows)


def test_second_ingest_adds_nothing_and_is_fast(corpus_copy: Path, tmp_path: Path) -> None:
    settings = Settings(index_dir=tmp_path / "ix")
    started = time.perf_counter()
    first = ingest([corpus_copy], settings)
    first_s = time.perf_counter() - started
    started = time.perf_counter()
    again = ingest([corpus_copy], settings)
    again_s = time.perf_counter() - started
    assert first.documents_added == 4
    assert (again.documents_added, again.documents_unchanged, again.pages) == (0, 4, 0)
    assert again_s < first_s / 3


def test_same_bytes_under_another_name_is_one_document(corpus_copy: Path, tmp_path: Path) -> None:
    settings = Settings(index_dir=tmp_path / "ix")
    ingest([corpus_copy], settings)
    other = tmp_path / "downloads" / "opaque-name-123.PDF"
    other.parent.mkdir()
    shutil.copy(corpus_copy / PLAN, other)
    report = ingest([other.parent], settings)
    assert (report.documents_added, report.duplicates) == (0, 1)
    plan = _by_path(settings)[PLAN]
    assert len(plan["paths"]) == 2
    assert len(documents(settings)) == 4


def test_changed_file_replaces_its_records(corpus_copy: Path, tmp_path: Path) -> None:
    settings = Settings(index_dir=tmp_path / "ix")
    target = corpus_copy / "changing.pdf"
    shutil.copy(CORPUS / MINUTES_2021, target)
    ingest([target], settings)
    assert search(settings, "KS-2021/307.173", Filters()).total == 1
    shutil.copy(CORPUS / PLAN, target)
    shutil.copy(CORPUS / V_STATEMENT, corpus_copy / "a-new-file.pdf")  # indexed before the change is seen
    report = ingest([corpus_copy / "a-new-file.pdf", target], settings)
    assert report.documents_added == 2
    docs = documents(settings)
    assert sorted(d["kind"] for d in docs) == ["protokollsanteckning", "verksamhetsplan"]
    assert search(settings, "KS-2021/307.173", Filters()).total == 0  # the old text is gone from search
    assert search(settings, "trygghetsdialog", Filters()).total > 0
