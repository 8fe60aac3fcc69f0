"""The catalog: one SQLite file in the index folder. ``Catalog`` is its writer (ingest);
``reads.CatalogReader`` its reader (every answer), which never writes.

The writer owns its connection and the writes; it is composed of a reader on the same
connection (``reads``) and dedup's store of shingles (``shingles``); the schema and its
migrations are in schema.py. Every document is written in one transaction: a crash or kill
at any moment leaves it either fully stored or not at all. Open the file with ``sqlite3``
or datasette; the tables are documented by their CREATE statements.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..errors import CatalogError, NoIndex
from ..models import READER_VERSION, Amount, Block, Document, Extracted, Part, Person, Section, Table
from ..years import about_year
from . import schema
from .connection import CatalogFile, connect, explained, now
from .reads import CatalogReader
from .shingles import ShingleStore


class Catalog(CatalogFile):
    """A catalog file opened for writing (ingest)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn, self.path = conn, path
        self.grouping = False  # inside ``grouped``: units of work are savepoints
        self.reads = CatalogReader(conn, path)
        self.shingles = ShingleStore(conn, self.transaction, self.commit_group)

    @classmethod
    def open(cls, path: Path, create: bool = False) -> Catalog:
        """Open for writing; with ``create`` make the folder and the file when missing.
        Migrations the file lacks are run first."""
        if not path.exists():
            if not create:
                raise NoIndex(str(path.parent))
            path.parent.mkdir(parents=True, exist_ok=True)
        with explained(path):
            conn = connect(path)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute(
                "PRAGMA cache_size = -65536"
            )  # 64 MiB: dedup's shingle inserts land all over big B-trees
            if schema.version_of(conn) == 0 and not create:
                conn.close()
                raise CatalogError("katalogen är tom: kör 'handlingar ingest SÖKVÄG' först")
            schema.migrate(conn)
        return cls(conn, path)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One unit of work, all or nothing: its own transaction, or inside a group (see
        ``grouped``) a savepoint of the group's."""
        if not self.grouping:
            with self.conn:
                yield self.conn
            return
        self.conn.execute("SAVEPOINT unit")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK TO unit")
            self.conn.execute("RELEASE unit")
            raise
        self.conn.execute("RELEASE unit")

    @contextmanager
    def grouped(self) -> Iterator[None]:
        """Commit the documents an ingest stores a group at a time (``commit_group``), not
        one by one: each commit writes again the pages all its tables end on. A run killed
        in a group loses that group's documents whole, to be read again the next time."""
        self.conn.execute("BEGIN")
        self.grouping = True
        try:
            yield
            self.conn.commit()
        except BaseException:
            self.conn.rollback()
            raise
        finally:
            self.grouping = False

    def commit_group(self) -> None:
        if self.grouping:
            self.conn.commit()
            self.conn.execute("BEGIN")

    # -- paths and documents -------------------------------------------------

    def add_path(self, path: str, doc_id: str, size: int, mtime: float, raw: bytes) -> str | None:
        """Point ``path`` (``raw``: its exact bytes) at ``doc_id``. Returns the document the
        path pointed at before, when that one now has no path left and was removed (a changed file)."""
        with self.transaction():
            return self._point_path(path, doc_id, size, mtime, raw)

    def _point_path(self, path: str, doc_id: str, size: int, mtime: float, raw: bytes) -> str | None:
        """Inside a transaction: record ``path`` for ``doc_id``, clear its failure, and
        remove the document it pointed at before if no path is left to it."""
        old = self.reads.document_of_path(path)
        self.conn.execute(
            "INSERT OR REPLACE INTO paths (path, document_id, size, mtime, raw) VALUES (?, ?, ?, ?, ?)",
            (path, doc_id, size, mtime, raw),
        )
        self.conn.execute("DELETE FROM failures WHERE path = ?", (path,))
        return self._drop_orphan(old["document_id"]) if old and old["document_id"] != doc_id else None

    def _drop_orphan(self, doc_id: str) -> str | None:
        if self.conn.execute("SELECT 1 FROM paths WHERE document_id = ?", (doc_id,)).fetchone():
            return None
        self._delete_document(doc_id)
        return doc_id

    def _delete_document(self, doc_id: str) -> None:
        in_run = self.shingles.in_run(doc_id)
        self.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        if in_run:
            self.shingles.forget_run_map()  # its parts' run shingles went with it

    def store_document(
        self, doc: Document, path: str, mtime: float, blocks: Iterable[Block], raw: bytes
    ) -> tuple[list[int], str | None]:
        """Write a whole document in one transaction; returns its part ids (in order)
        and the id of a document this path pointed at before, if that one was removed. A
        document stored before (read by an older reader) is replaced whole, its paths kept."""
        with self.transaction() as conn:
            kept = self._drop_for_reread(doc.id)
            self._insert_document(doc)
            part_ids = [self._insert_part(doc, part) for part in doc.parts]
            self._insert_pages(doc)
            self._insert_blocks(doc, part_ids, blocks)
            for seq, extracted in doc.extracted.items():
                self._insert_extracted(doc.id, part_ids[seq], extracted)
            self._insert_tables(doc)
            conn.executemany(
                "INSERT INTO paths (path, document_id, size, mtime, raw) VALUES (?,?,?,?,?)", kept
            )
            removed = self._point_path(path, doc.id, doc.size, mtime, raw)
        return part_ids, removed

    def _insert_document(self, doc: Document) -> None:
        m = doc.meta
        span = m.paragraphs or (None, None)
        self.conn.execute(
            "INSERT INTO documents (id, title, kind, board, year, date, diarienummer, paragraph, party,"
            " pages, size, needs_ocr, indexed, ingested_at, first_paragraph, last_paragraph, reader)"
            f" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0,?,?,?,{READER_VERSION})",
            (
                *(doc.id, m.title, m.kind, m.board, m.year, m.date, m.diarienummer, m.paragraph, m.party),
                *(len(doc.pages), doc.size, int(doc.needs_ocr), now(), *span),
            ),
        )

    def _drop_for_reread(self, doc_id: str) -> list[tuple[object, ...]]:
        """Inside a transaction: remove the stored copy of a document read again, and return
        its paths to put back (parts that repeated it are grouped again by dedup)."""
        rows = self.conn.execute(
            "SELECT path, document_id, size, mtime, raw FROM paths WHERE document_id = ?", (doc_id,)
        ).fetchall()
        if self.reads.has_document(doc_id):
            self._delete_document(doc_id)
        return [tuple(r) for r in rows]

    def _insert_pages(self, doc: Document) -> None:
        self.conn.executemany(
            "INSERT INTO pages (document_id, number, body, furniture, bold_lines, sizes, quality,"
            " ocr_confidence) VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    doc.id,
                    p.number,
                    p.body,
                    p.furniture,
                    json.dumps(p.bold_lines),
                    json.dumps(p.sizes),
                    p.quality,
                    p.ocr_confidence,
                )
                for p in doc.pages
            ],
        )

    def _insert_part(self, doc: Document, part: Part) -> int:
        chars = sum(len(p.body) for p in doc.pages_of(part))
        cursor = self.conn.execute(
            "INSERT INTO parts (document_id, seq, kind, title, party, signatories, first_page,"
            " last_page, header, chars, year) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc.id,
                part.seq,
                part.kind,
                part.title,
                part.party,
                json.dumps(part.signatories, ensure_ascii=False),
                part.first_page,
                part.last_page,
                part.header,
                chars,
                about_year(part.title, doc.meta.year),
            ),
        )
        return int(cursor.lastrowid or 0)

    def _insert_blocks(self, doc: Document, part_ids: list[int], blocks: Iterable[Block]) -> None:
        def part_of(page: int) -> int:
            found = (pid for part, pid in zip(doc.parts, part_ids, strict=True) if part.holds(page))
            return next(found, part_ids[-1])

        self.conn.executemany(
            'INSERT INTO blocks (document_id, part_id, page, start, "end", text) VALUES (?,?,?,?,?,?)',
            [(doc.id, part_of(b.page), b.page, b.start, b.end, b.text) for b in blocks],
        )

    def _insert_extracted(self, doc_id: str, part_id: int, ex: Extracted) -> None:
        conn = self.conn
        conn.executemany(
            'INSERT INTO amounts (document_id, part_id, page, start, "end", text, value, currency,'
            " qualifier, sentence, rate, high, table_no, row_label, column_label)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(doc_id, part_id, *_amount_row(a)) for a in ex.amounts],
        )
        conn.executemany(
            "INSERT INTO speakers (document_id, part_id, page, name, party, role) VALUES (?,?,?,?,?,?)",
            [(doc_id, part_id, s.page, s.name, s.party, s.role) for s in ex.speakers],
        )
        conn.executemany(
            'INSERT INTO sentences (document_id, part_id, page, start, "end", quotable, people, parties)'
            " VALUES (?,?,?,?,?,?,?,?)",
            [
                (doc_id, part_id, s.page, s.start, s.end, int(s.quotable), *_acts(s.people, s.parties))
                for s in ex.sentences
            ],
        )
        conn.executemany(
            "INSERT INTO sections (document_id, part_id, seq, kind, area, number, title, first_page,"
            " last_page, text, decision, statements, diarienummer, proposals, votes, paper, signers)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(doc_id, part_id, i, *_section_row(s)) for i, s in enumerate(ex.sections)],
        )

    def _insert_tables(self, doc: Document) -> None:
        self.conn.executemany(
            "INSERT INTO tables (document_id, seq, page, unit, caption, columns, rows)"
            " VALUES (?,?,?,?,?,?,?)",
            [(doc.id, *_table_row(t)) for t in doc.tables],
        )

    def record_failure(self, path: str, error: str) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?)", (path, error, now()))

    # -- the search index's bookkeeping --------------------------------------

    def mark_indexed(self, doc_ids: Iterable[str]) -> None:
        with self.transaction() as conn:
            conn.executemany("UPDATE documents SET indexed = 1 WHERE id = ?", [(d,) for d in doc_ids])

    def mark_all_unindexed(self) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE documents SET indexed = 0")

    # -- dedup ---------------------------------------------------------------

    def set_repeats(self, updates: list[tuple[int, int | None, float | None]]) -> None:
        """(part id, canonical part id or None, similarity) for every copy in a group;
        documents whose parts changed are queued for re-indexing."""
        with self.transaction() as conn:
            for part_id, repeat_of, score in updates:
                cursor = conn.execute(
                    "UPDATE parts SET repeat_of = ?, similarity = ? WHERE id = ?"
                    " AND (repeat_of IS NOT ? OR similarity IS NOT ?)",
                    (repeat_of, score, part_id, repeat_of, score),
                )
                if cursor.rowcount:
                    conn.execute(
                        "UPDATE documents SET indexed = 0 WHERE id ="
                        " (SELECT document_id FROM parts WHERE id = ?)",
                        (part_id,),
                    )


def _amount_row(a: Amount) -> tuple[object, ...]:
    high = None if a.high is None else str(a.high)
    return (
        *(a.page, a.start, a.end, a.text, str(a.value), a.currency, a.qualifier, a.sentence),
        *(a.rate, high, a.table, a.row, a.column),
    )


def _table_row(t: Table) -> tuple[object, ...]:
    """A table as stored: its rows as [{label, cells: [[column, text, value]]}]."""
    rows = [
        {
            "label": r.label,
            "cells": [[c, x.text, None if x.value is None else str(x.value)] for c, x in r.cells],
        }
        for r in t.rows
    ]
    dumps = json.dumps
    return (
        t.seq,
        t.page,
        t.unit,
        t.caption,
        dumps(t.columns, ensure_ascii=False),
        dumps(rows, ensure_ascii=False),
    )


def _json(records: Sequence[Any]) -> str:
    return json.dumps([asdict(x) for x in records], ensure_ascii=False)


def _section_row(s: Section) -> tuple[Any, ...]:
    return (
        *(s.kind, s.area, s.number, s.title, s.first_page, s.last_page, s.text, s.decision),
        *(_json(s.statements), s.diarienummer, _json(s.proposals), _json(s.votes)),
        *(s.paper, _json(s.signers)),
    )


def _acts(people: Sequence[Person], parties: Sequence[str]) -> tuple[str, str]:
    """A sentence's acts as stored: its people and its parties, as JSON."""
    return _json(people), json.dumps(list(parties), ensure_ascii=False)
