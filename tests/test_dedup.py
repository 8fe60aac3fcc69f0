"""Repeated appendices: found inside one PDF and across PDFs, order-independent,
and never grouping documents that only share boilerplate."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from conftest import CORPUS, FIXTURES, MINUTES_2022, PLAN
from pipeline.answer.listings import duplicate_groups
from pipeline.ingest import IngestReport, ingest
from pipeline.records import DuplicateGroup, Place
from pipeline.settings import Settings
from pipeline.store.dedup import shingles, similarity

STANDALONE = FIXTURES / "verksamhetsberattelse-2021-standalone.pdf"


def _shape(groups: list[DuplicateGroup]) -> list[tuple[tuple[str, int, int], list[tuple[str, int, int]]]]:
    def place(p: Place) -> tuple[str, int, int]:
        return (Path(p.path or "").name, p.first_page, p.last_page)

    return [(place(g.canonical), sorted(place(r) for r in g.repeats)) for g in groups]


def test_sample_corpus_has_one_group(corpus_index: tuple[Settings, IngestReport]) -> None:
    groups = duplicate_groups(corpus_index[0])
    assert _shape(groups) == [((MINUTES_2022, 7, 12), [(MINUTES_2022, 13, 19)])]
    assert groups[0]["repeats"][0]["similarity"] >= 0.95


def test_standalone_copy_joins_the_group_in_either_order(tmp_path: Path) -> None:
    shapes = []
    for name, order in (("after", [CORPUS, STANDALONE]), ("before", [STANDALONE, CORPUS])):
        settings = Settings(index_dir=tmp_path / name)
        for path in order:
            ingest([path], settings)
        shapes.append(_shape(duplicate_groups(settings)))
    assert shapes[0] == shapes[1]
    canonical, repeats = shapes[0][0]
    assert canonical == (STANDALONE.name, 1, 6)
    assert repeats == [(MINUTES_2022, 7, 12), (MINUTES_2022, 13, 19)]


def test_plan_and_report_sharing_opening_paragraphs_are_not_grouped(tmp_path: Path) -> None:
    settings = Settings(index_dir=tmp_path / "ix")
    ingest([CORPUS / PLAN, STANDALONE], settings)
    assert duplicate_groups(settings) == []


def test_exact_copy_of_a_file_is_one_document_not_a_group(tmp_path: Path) -> None:
    folder = tmp_path / "twice"
    folder.mkdir()
    shutil.copy(CORPUS / PLAN, folder / "a.pdf")
    shutil.copy(CORPUS / PLAN, folder / "b.pdf")
    settings = Settings(index_dir=tmp_path / "ix")
    report = ingest([folder], settings)
    assert (report.documents_added, report.duplicates) == (1, 1)
    assert duplicate_groups(settings) == []


def test_shingles_ignore_line_breaks_and_case() -> None:
    text = "Beredningen har under året tagit del av det arbete som den operativa samordnaren gjort"
    assert shingles(text) == shingles(text.upper().replace(" ", "\n"))
    assert similarity(text, text.replace(" ", "\n")) == 1.0


def _stored_shingles(settings: Settings) -> set[tuple[int, int]]:
    conn = sqlite3.connect(settings.catalog_path)
    try:
        return set(conn.execute("SELECT hash, part_id FROM shingles").fetchall())
    finally:
        conn.close()


def test_shingles_a_killed_run_held_in_memory_are_cut_again(tmp_path: Path) -> None:
    """The run's shingles are merged into the catalog when it ends; a run killed before
    that leaves parts with a shingle count and no shingles, which the next ingest cuts
    again from their stored text, so later files are still compared with them."""
    settings = Settings(index_dir=tmp_path / "ix")
    ingest([CORPUS], settings)
    merged = _stored_shingles(settings)
    assert len(merged) > 1000
    conn = sqlite3.connect(settings.catalog_path)
    with conn:
        conn.execute("DELETE FROM shingles")  # what a kill before the merge leaves
    conn.close()
    ingest([STANDALONE], settings)
    after = _stored_shingles(settings)
    assert merged <= after and len(after) > len(merged)  # the corpus's again, and the new file's
    shape = _shape(duplicate_groups(settings))
    canonical, repeats = shape[0]
    assert Path(STANDALONE).name in {canonical[0], *(r[0] for r in repeats)}
