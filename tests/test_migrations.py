"""A catalog made by an older version is migrated in place: nothing is re-read.

``fixtures/catalog-v1.sql`` is the ``.dump`` of a real catalog written by
handlingar 0.1.0 (schema version 1, commit 0314037) after ingesting the
2021-05-05 protokollsutdrag and text-page-swedish.pdf.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from conftest import CORPUS, FIXTURES, MINUTES_2021, PLAN
from pipeline.answer.listings import document_listing, duplicate_groups
from pipeline.answer.search import search
from pipeline.errors import CatalogError
from pipeline.filters import Filters
from pipeline.ingest import ingest
from pipeline.settings import Settings
from pipeline.store import schema
from pipeline.store.catalog import Catalog
from pipeline.store.reads import CatalogReader


def v1_index(tmp_path: Path) -> Settings:
    settings = Settings(index_dir=tmp_path / "index")
    settings.index_dir.mkdir()
    with sqlite3.connect(settings.catalog_path) as conn:
        conn.executescript((FIXTURES / "catalog-v1.sql").read_text())
    return settings


def test_a_version_1_catalog_is_read_through_a_migrated_copy_and_migrated_by_ingest(
    tmp_path: Path,
) -> None:
    settings = v1_index(tmp_path)
    before = settings.catalog_path.read_bytes()
    with sqlite3.connect(settings.catalog_path) as conn:
        assert schema.version_of(conn) == 1
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    docs = document_listing(settings)  # a reader never writes: it reads a migrated copy
    assert {d["kind"] for d in docs} == {"protokollsutdrag", "protokollsanteckning"}
    with CatalogReader.open(settings.catalog_path) as catalog:
        copy = catalog.copy
        assert copy is not None and copy.exists() and schema.version_of(catalog.conn) == schema.VERSION
        years = catalog.conn.execute("SELECT kind, year FROM parts ORDER BY kind").fetchall()
    assert [tuple(r) for r in years] == [("protokollsanteckning", None), ("protokollsutdrag", 2020)]
    assert not copy.exists() and settings.catalog_path.read_bytes() == before  # the file is as it was
    ingest([], settings)  # the writer migrates the file in place
    with sqlite3.connect(settings.catalog_path) as conn:
        assert schema.version_of(conn) == schema.VERSION
    with CatalogReader.open(settings.catalog_path) as catalog:
        assert catalog.copy is None


def test_a_migrated_catalog_takes_new_files_and_answers_searches(tmp_path: Path) -> None:
    settings = v1_index(tmp_path)
    report = ingest([CORPUS / PLAN], settings)
    assert report.documents_added == 1 and not report.failed
    found = search(settings, "Lönroth", Filters())  # only in the v1 document: indexed from the catalog
    assert found.total == 2 and {h["document"][:10] for h in found.hits} == {"6d48d03228"}
    assert search(settings, "trygghetsdialog", Filters()).total > 0
    assert len(document_listing(settings)) == 3


def test_migrations_are_all_or_nothing(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite"
    with sqlite3.connect(path) as conn:
        conn.executescript((FIXTURES / "catalog-v1.sql").read_text())
        conn.execute("ALTER TABLE parts ADD COLUMN year INTEGER")  # v2's first step would now fail
    with pytest.raises(CatalogError, match="duplicate column"):  # said in one line, nothing half-done
        Catalog.open(path)
    with sqlite3.connect(path) as conn:
        assert schema.version_of(conn) == 1
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("1",)


def test_a_catalog_newer_than_this_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "catalog.sqlite"
    Catalog.open(path, create=True).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    with pytest.raises(CatalogError, match="nyare än denna handlingar"):
        Catalog.open(path)


def test_shingles_hashed_by_an_older_version_are_cut_again(tmp_path: Path) -> None:
    """The v1 catalog's shingles are blake2b hashes of whole 5-grams; this version hashes each
    word once and combines five. Its parts' shingles are cut again from their stored text, so a
    copy of the v1 document ingested now is still found to repeat it."""
    settings = v1_index(tmp_path)
    with sqlite3.connect(settings.catalog_path) as conn:
        old = {r[0] for r in conn.execute("SELECT hash FROM shingles")}
    assert old
    copy = tmp_path / "copy.pdf"
    copy.write_bytes((CORPUS / MINUTES_2021).read_bytes() + b"%another copy\n")  # another SHA-256
    ingest([copy], settings)
    with CatalogReader.open(settings.catalog_path) as catalog:
        new = {r[0] for r in catalog.conn.execute("SELECT hash FROM shingles")}
    assert new and not new & old  # none of the old hashes is left
    [group] = duplicate_groups(settings)  # the copy and the v1 document: one text, whichever is canonical
    paths = {Path(group["canonical"]["path"]).name} | {Path(r["path"]).name for r in group["repeats"]}
    assert paths == {"copy.pdf", MINUTES_2021} and [r["similarity"] for r in group["repeats"]] == [1.0]


def test_kronor_stored_before_euro_was_read_stay_kronor(tmp_path: Path) -> None:
    from decimal import Decimal

    from pipeline.answer.listings import amounts

    settings = v1_index(tmp_path)
    with sqlite3.connect(settings.catalog_path) as conn:  # an amount as version 1 stored it
        parts = conn.execute("SELECT document_id, id FROM parts WHERE kind = 'protokollsutdrag'")
        doc, part = parts.fetchone()
        conn.execute(
            'INSERT INTO amounts (document_id, part_id, page, start, "end", text, sek, qualifier, sentence)'
            " VALUES (?, ?, 1, 0, 10, '11,5 mnkr', '11500000', NULL, 'Det kostar 11,5 mnkr.')",
            (doc, part),
        )
    (row,) = amounts(settings, Filters())
    assert (row["text"], row["sek"], row["value"], row["currency"]) == (
        "11,5 mnkr",
        Decimal(11_500_000),
        Decimal(11_500_000),
        "SEK",
    )
