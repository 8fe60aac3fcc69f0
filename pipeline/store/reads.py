"""The catalog's reads: the base of ``Catalog`` (catalog.py holds the writes).

Every answer reads through these methods; none of them writes.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import NoIndex
from ..models import READER_VERSION, SectionKind, Sentence, name_only
from ..records import AlsoIn
from . import schema
from .blocks import BlockReads, sentence_of
from .catalog_rows import (
    AmountRow,
    BlockRef,
    DocumentRow,
    Heading,
    ItemRow,
    KindPart,
    PartInfo,
    PartRow,
    Repeat,
    SectionRow,
    SpeakerRow,
    build,
    names,
    objects,
)
from .connection import CatalogFile, connect, connect_read_only, explained
from .near import NearReads
from .pages import PageReads, body_of
from .tables import StoredTable, tables_of
from .watches import WatchReads

# The path a document is shown under: the first of its paths.
FIRST_PATH = "(SELECT MIN(path) FROM paths WHERE document_id = {}) AS path"
# Ids given as one JSON list: any number of them (one "?" each stops at SQLite's 32,766 variables)
ANY_OF = "(SELECT value FROM json_each(?))"
# Parts with their documents' facts, as compare reads them (KindPart)
KIND_PARTS = (
    "SELECT p.id, p.document_id, p.title, p.repeat_of, d.title AS doc_title, p.year, d.date, d.board,"
    f" {FIRST_PATH.format('d.id')}, p.kind FROM parts p JOIN documents d ON d.id = p.document_id"
)
# Whose act an amount's sentence is: its people or parties (as JSON)
ACTS = (
    "(SELECT s.{0} FROM sentences s WHERE s.part_id = a.part_id AND s.page = a.page"
    ' AND s.start <= a.start AND s."end" > a.start LIMIT 1) AS {0}'
)


class CatalogReader(CatalogFile):
    """The catalog opened for the answers: read-only questions, answered as typed rows.
    Composed of its page reads (``pages``), dedup's reads (``near``) and the watches'."""

    def __init__(self, conn: sqlite3.Connection, path: Path, copy: Path | None = None) -> None:
        self.conn, self.path, self.copy = conn, path, copy
        self.pages = PageReads(conn)
        self.near = NearReads(conn)
        self.blocks = BlockReads(conn)
        self.watches = WatchReads(conn)

    @classmethod
    def open(cls, path: Path) -> CatalogReader:
        """Open read-only: a reader never writes (an index on a read-only disk is searchable).
        A catalog of an older schema is read through a migrated copy in a temporary file;
        the file itself is migrated by the next ingest."""
        if not path.exists():
            raise NoIndex(str(path.parent))
        with explained(path):
            conn = connect_read_only(path)
            if schema.version_of(conn) >= schema.VERSION:
                return cls(conn, path)
            copy, name = _migrated_copy(conn)
        return cls(copy, path, name)

    def close(self) -> None:
        super().close()
        if self.copy is not None:
            self.copy.unlink(missing_ok=True)

    @property
    def generation(self) -> str:
        """This catalog's identity (the search index built from it carries it too)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return str(row[0]) if row else ""

    def known_values(self, field: str) -> set[str]:
        """The parties or the kinds (of documents and of parts) the catalog holds."""
        if field == "party":
            sql = "SELECT party FROM parts UNION SELECT party FROM speakers UNION SELECT party FROM documents"
        else:
            sql = "SELECT kind FROM documents UNION SELECT kind FROM parts"
        return {str(row[0]) for row in self.conn.execute(sql) if row[0]}

    def document_of_path(self, path: str) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute(
            "SELECT document_id, size, mtime FROM paths WHERE path = ?", (path,)
        ).fetchone()
        return row

    def read_by_older(self, doc_id: str) -> bool:
        """Whether a stored document was read by an older version of the reader."""
        row = self.conn.execute("SELECT reader FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None and int(row[0]) < READER_VERSION

    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def documents_of(self, part_ids: Iterable[int]) -> set[str]:
        """The documents the given parts belong to."""
        ids = json.dumps(sorted(part_ids))
        rows = self.conn.execute(
            "SELECT DISTINCT document_id FROM parts WHERE id IN (SELECT value FROM json_each(?))", (ids,)
        )
        return {str(r[0]) for r in rows}

    def unindexed(self) -> list[str]:
        return [r["id"] for r in self.conn.execute("SELECT id FROM documents WHERE indexed = 0")]

    def unindexed_count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM documents WHERE indexed = 0").fetchone()[0])

    def documents_with_parts(self) -> list[DocumentRow]:
        """Every document with its paths and parts, in title order."""
        paths: dict[str, list[str]] = {}
        for row in self.conn.execute("SELECT path, document_id FROM paths ORDER BY path"):
            paths.setdefault(row["document_id"], []).append(row["path"])
        parts: dict[str, list[PartRow]] = {}
        for row in self.conn.execute("SELECT * FROM parts ORDER BY document_id, seq"):
            part = build(PartRow, row, signatories=names(row["signatories"]))
            parts.setdefault(row["document_id"], []).append(part)
        rows = self.conn.execute("SELECT * FROM documents ORDER BY kind, year, date, title")
        return [
            build(DocumentRow, r, paths=tuple(paths.get(r["id"], [])), parts=tuple(parts.get(r["id"], [])))
            for r in rows
        ]

    def part_info(self, part_ids: list[int]) -> dict[int, PartInfo]:
        if not part_ids:
            return {}
        rows = self.conn.execute(
            "SELECT p.id, p.title AS part_title, p.kind AS part_kind, p.party, p.signatories,"
            " p.first_page, p.last_page, d.id AS document, d.title, d.kind, d.board, d.year, d.date,"
            f" {FIRST_PATH.format('d.id')}"
            f" FROM parts p JOIN documents d ON d.id = p.document_id WHERE p.id IN {ANY_OF}",
            (json.dumps(part_ids),),
        )
        return {r["id"]: build(PartInfo, r, signatories=names(r["signatories"])) for r in rows}

    def quote_keys(self, doc_ids: list[str]) -> dict[str, tuple[str, str]]:
        """Each document's place in quotes' order: (its date, else its year; its first path)."""
        rows = self.conn.execute(
            f"SELECT d.id, d.date, d.year, {FIRST_PATH.format('d.id')} FROM documents d"
            f" WHERE d.id IN {ANY_OF}",
            (json.dumps(doc_ids),),
        )
        return {r["id"]: (r["date"] or str(r["year"] or ""), r["path"] or "") for r in rows}

    def repeats_of(self, part_ids: list[int]) -> dict[int, list[Repeat]]:
        """canonical part id -> its repeats, each with a path and page range."""
        if not part_ids:
            return {}
        out: dict[int, list[Repeat]] = {}
        rows = self.conn.execute(
            "SELECT p.repeat_of, p.id, p.document_id, p.first_page, p.last_page, p.similarity,"
            f" p.seq, {FIRST_PATH.format('p.document_id')}"
            f" FROM parts p WHERE p.repeat_of IN {ANY_OF} ORDER BY p.document_id, p.seq",
            (json.dumps(part_ids),),
        )
        for row in rows:
            out.setdefault(row["repeat_of"], []).append(build(Repeat, row))
        return out

    def part_text(self, part_id: int) -> str:
        rows = self.conn.execute(
            "SELECT g.body FROM pages g JOIN parts p ON p.document_id = g.document_id"
            " WHERE p.id = ? AND g.number BETWEEN p.first_page AND p.last_page ORDER BY g.number",
            (part_id,),
        )
        return "\n".join(body_of(r) for r in rows)

    def section_at(self, part_id: int, page: int, text: str = "") -> Heading | None:
        """The section of a part that holds the line ``text`` on ``page`` (else the
        last one that starts on or before the page)."""
        row = self._section_row(part_id, page, text)
        return None if row is None else Heading(row["kind"], row["number"], str(row["title"]))

    def item_at(self, part_id: int, page: int, text: str = "") -> int | str | None:
        """The § item that ``text`` on ``page`` falls in (its number); for an extract of one
        item, the § its document names ('§ 85')."""
        row = self._section_row(part_id, page, text, kind=SectionKind.ITEM)
        if row is not None:
            return int(row["number"])
        found = self.conn.execute(
            "SELECT d.paragraph FROM parts p JOIN documents d ON d.id = p.document_id"
            " WHERE p.id = ? AND d.first_paragraph = d.last_paragraph",
            (part_id,),
        ).fetchone()
        return str(found["paragraph"]) if found and found["paragraph"] else None

    def _section_row(self, part_id: int, page: int, text: str, kind: str | None = None) -> sqlite3.Row | None:
        where = "kind = ?" if kind else "kind != ?"
        rows = self.conn.execute(
            "SELECT number, title, text, kind FROM sections WHERE part_id = ? AND first_page <= ?"
            f" AND last_page >= ? AND {where} ORDER BY first_page DESC, seq DESC",
            (part_id, page, page, kind or SectionKind.AREA),
        ).fetchall()
        if not rows:
            return None
        probe = " ".join(text.split())
        holds = [r for r in rows if probe and (probe in " ".join(r["text"].split()) or _names(probe, r))]
        found: sqlite3.Row = holds[0] if holds else rows[0]
        return found

    def resolve_document(self, ref: str) -> str | None:
        """A document id from an id (or its prefix), a path, or a file name."""
        row = self.conn.execute(
            "SELECT id FROM documents WHERE id = ? OR id LIKE ?", (ref, f"{ref}%")
        ).fetchall()
        if len(row) == 1 and len(ref) >= 6:
            return str(row[0]["id"])
        rows = self.conn.execute(
            "SELECT DISTINCT document_id FROM paths WHERE path = ? OR path LIKE ?", (ref, f"%/{ref}")
        ).fetchall()
        return str(rows[0]["document_id"]) if len(rows) == 1 else None

    def canonical_amounts(self) -> list[AmountRow]:
        rows = self.conn.execute(
            "SELECT a.*, p.kind AS part_kind, p.title AS part_title, p.party AS part_party,"
            " d.party AS doc_party, p.year, d.date, d.kind AS doc_kind, d.board, p.signatories,"
            f" {FIRST_PATH.format('d.id')}, {ACTS.format('people')}, {ACTS.format('parties')}"
            " FROM amounts a JOIN parts p ON p.id = a.part_id JOIN documents d ON d.id = a.document_id"
            " WHERE p.repeat_of IS NULL ORDER BY d.year, a.document_id, a.page, a.start"
        )
        return [
            build(
                AmountRow,
                r,
                signatories=names(r["signatories"]),
                people=objects(r["people"]),
                parties=names(r["parties"]),
            )
            for r in rows
        ]

    def canonical_items(self) -> list[ItemRow]:
        """The § items of canonical minutes, each with its document's facts."""
        rows = self.conn.execute(
            "SELECT s.number, s.title, s.first_page, s.last_page, s.statements, s.proposals, s.votes,"
            " s.part_id, d.id AS document_id, d.date, d.year, d.board, d.kind AS doc_kind,"
            " p.kind AS part_kind,"
            f" {FIRST_PATH.format('d.id')} FROM sections s JOIN parts p ON p.id = s.part_id"
            " JOIN documents d ON d.id = s.document_id WHERE p.repeat_of IS NULL AND s.kind = 'paragraph'"
            " ORDER BY d.date, d.id, s.seq"
        )
        return [
            build(
                ItemRow,
                r,
                statements=objects(r["statements"]),
                proposals=objects(r["proposals"]),
                votes=objects(r["votes"]),
            )
            for r in rows
        ]

    def speaker_rows(self) -> list[SpeakerRow]:
        """Every place a person spoke, was named with a party, or signed a statement."""
        spoke = self.conn.execute(
            "SELECT s.name, s.party, s.role, s.document_id, s.page, d.date FROM speakers s"
            " JOIN parts p ON p.id = s.part_id JOIN documents d ON d.id = s.document_id"
            " WHERE p.repeat_of IS NULL"
        )
        out = [build(SpeakerRow, r) for r in spoke]
        signed = self.conn.execute(
            "SELECT p.signatories, p.party, p.document_id, p.first_page, p.last_page, d.date FROM parts p"
            " JOIN documents d ON d.id = p.document_id WHERE p.repeat_of IS NULL AND p.signatories != '[]'"
        )
        for row in signed:
            for name in json.loads(row["signatories"]):
                where = (row["party"], None, row["document_id"], row["last_page"], row["date"])
                out.append(SpeakerRow(name_only(name), *where))
        return out

    def document_tables(self, doc_id: str) -> list[StoredTable]:
        """The tables read from a document's pages, in order (store/tables.py)."""
        return tables_of(self.conn, doc_id)

    def document_sections(self, doc_id: str, canonical_only: bool = True) -> list[SectionRow]:
        where = " AND p.repeat_of IS NULL" if canonical_only else ""
        rows = self.conn.execute(
            "SELECT s.*, p.kind AS part_kind, p.title AS part_title FROM sections s"
            f" JOIN parts p ON p.id = s.part_id WHERE s.document_id = ?{where} ORDER BY p.seq, s.seq",
            (doc_id,),
        )
        return [_section(r) for r in rows]

    def parts_of_kind(self, kind: str) -> list[KindPart]:
        """Parts of one kind, each with its canonical part id and document facts."""
        rows = self.conn.execute(f"{KIND_PARTS} WHERE p.kind = ? ORDER BY d.id, p.seq", (kind,))
        return [build(KindPart, r) for r in rows]

    def document_parts(self, doc_id: str) -> list[KindPart]:
        """A document's parts whatever their kind, in order, with its facts."""
        rows = self.conn.execute(f"{KIND_PARTS} WHERE d.id = ? ORDER BY p.seq", (doc_id,))
        return [build(KindPart, r) for r in rows]

    def part_sections(self, part_id: int) -> list[SectionRow]:
        rows = self.conn.execute("SELECT * FROM sections WHERE part_id = ? ORDER BY seq", (part_id,))
        return [_section(r) for r in rows]

    def part_amounts(self, part_id: int) -> list[str]:
        """The amounts of a part as written, in order."""
        rows = self.conn.execute(
            "SELECT text FROM amounts WHERE part_id = ? ORDER BY page, start", (part_id,)
        )
        return [str(r["text"]) for r in rows]

    def blocks_by_id(self, block_ids: list[int]) -> dict[int, BlockRef]:
        if not block_ids:
            return {}
        rows = self.conn.execute(
            f'SELECT id, document_id, part_id, page, start, "end" FROM blocks WHERE id IN {ANY_OF}',
            (json.dumps(block_ids),),
        )
        return {r["id"]: build(BlockRef, r) for r in rows}

    def sentences_in(self, part_id: int, page: int, start: int, end: int) -> list[Sentence]:
        """The quotable sentences of a part that begin on ``page`` within [start, end), with
        whose act each is, on a page whose text is not garbled (not judged, in an older
        catalog: kept)."""
        rows = self.conn.execute(
            'SELECT s.page, s.start, s."end", s.people, s.parties FROM sentences s JOIN pages g'
            " ON g.document_id = s.document_id AND g.number = s.page WHERE s.part_id = ? AND s.page = ?"
            " AND s.start < ? AND s.\"end\" > ? AND s.quotable IS NOT 0 AND g.quality IS NOT 'garbled'"
            " ORDER BY s.start",
            (part_id, page, end, start),
        )
        return [sentence_of(r) for r in rows]

    def where_else(self, repeat: Repeat, text: str) -> AlsoIn:
        """Where a repeat holds ``text``: its path and the page (else its page range)."""
        page = self.pages.page_with_text(repeat.document_id, repeat.first_page, repeat.last_page, text)
        return AlsoIn(repeat.path, str(page) if page else f"{repeat.first_page}–{repeat.last_page}")


def _migrated_copy(conn: sqlite3.Connection) -> tuple[sqlite3.Connection, Path]:
    """The catalog copied to a temporary file and migrated there: its connection and path."""
    handle, name = tempfile.mkstemp(prefix="handlingar-catalog-", suffix=".sqlite")
    os.close(handle)
    copy = connect(Path(name))
    try:
        conn.backup(copy)
        schema.migrate(copy)
    except BaseException:
        copy.close()
        Path(name).unlink(missing_ok=True)
        raise
    finally:
        conn.close()
    return copy, Path(name)


def _names(line: str, section: sqlite3.Row) -> bool:
    """True when ``line`` is the section's heading ('3. Ren och trygg utemiljö', '§ 44 Rekrytering …')."""
    title = " ".join(str(section["title"]).split())
    return bool(title) and (line == title or (line.endswith(title) and len(line) - len(title) <= 6))


def _section(row: sqlite3.Row) -> SectionRow:
    lists = {k: objects(row[k]) for k in ("statements", "proposals", "votes", "signers")}
    return build(SectionRow, row, **lists, part_kind=dict(row).get("part_kind", ""))
