"""The catalog: one SQLite file in the index folder, schema versioned.

Every document is written in one transaction: a crash or kill at any moment
leaves it either fully stored or not at all. Open it with ``sqlite3`` or
datasette; the tables are documented by their CREATE statements below.
Reads live in queries.py; these two are the only modules that speak SQL.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from .errors import CatalogError, NoIndex
from .models import Block, Document, Extracted

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,            -- SHA-256 of the file's bytes
    title TEXT NOT NULL, kind TEXT NOT NULL, board TEXT, year INTEGER, date TEXT,
    diarienummer TEXT, paragraph TEXT, party TEXT,
    pages INTEGER NOT NULL, size INTEGER NOT NULL, needs_ocr INTEGER NOT NULL DEFAULT 0,
    indexed INTEGER NOT NULL DEFAULT 0,  -- 1 once the search index holds it
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS paths (
    path TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    size INTEGER NOT NULL, mtime REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS paths_document ON paths(document_id);
CREATE TABLE IF NOT EXISTS parts (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL,
    party TEXT, signatories TEXT NOT NULL DEFAULT '[]',
    first_page INTEGER NOT NULL, last_page INTEGER NOT NULL, header TEXT NOT NULL DEFAULT '',
    chars INTEGER NOT NULL DEFAULT 0, shingles INTEGER NOT NULL DEFAULT 0,
    repeat_of INTEGER REFERENCES parts(id) ON DELETE SET NULL, similarity REAL
);
CREATE INDEX IF NOT EXISTS parts_document ON parts(document_id);
CREATE TABLE IF NOT EXISTS pages (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number INTEGER NOT NULL, body TEXT NOT NULL, furniture TEXT NOT NULL,
    bold_lines TEXT NOT NULL DEFAULT '[]', sizes TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (document_id, number)
);
CREATE TABLE IF NOT EXISTS blocks (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    part_id INTEGER NOT NULL REFERENCES parts(id) ON DELETE CASCADE,
    page INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS blocks_part ON blocks(part_id);
CREATE TABLE IF NOT EXISTS shingles (
    hash INTEGER NOT NULL, part_id INTEGER NOT NULL REFERENCES parts(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS shingles_hash ON shingles(hash);
CREATE INDEX IF NOT EXISTS shingles_part ON shingles(part_id);
-- How many parts hold each sampled shingle; kept by triggers. Dedup ignores
-- shingles held by very many parts (boilerplate), so its cost stays flat.
CREATE TABLE IF NOT EXISTS shingle_counts (hash INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE TRIGGER IF NOT EXISTS shingle_added AFTER INSERT ON shingles BEGIN
    INSERT INTO shingle_counts VALUES (NEW.hash, 1) ON CONFLICT(hash) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS shingle_removed AFTER DELETE ON shingles BEGIN
    UPDATE shingle_counts SET n = n - 1 WHERE hash = OLD.hash;
END;
CREATE TABLE IF NOT EXISTS amounts (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    part_id INTEGER NOT NULL REFERENCES parts(id) ON DELETE CASCADE,
    page INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, sek TEXT NOT NULL, qualifier TEXT, sentence TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS speakers (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    part_id INTEGER NOT NULL REFERENCES parts(id) ON DELETE CASCADE,
    page INTEGER NOT NULL, name TEXT NOT NULL, party TEXT, role TEXT
);
CREATE TABLE IF NOT EXISTS sections (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    part_id INTEGER NOT NULL REFERENCES parts(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, kind TEXT NOT NULL, area TEXT, number INTEGER, title TEXT NOT NULL,
    first_page INTEGER NOT NULL, last_page INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sentences (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    part_id INTEGER NOT NULL REFERENCES parts(id) ON DELETE CASCADE,
    page INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sentences_page ON sentences(document_id, page);
CREATE TABLE IF NOT EXISTS failures (path TEXT PRIMARY KEY, error TEXT NOT NULL, at TEXT NOT NULL);
"""


# Indexes for the reads in queries.py; created on every open (a no-op once they exist).
INDEXES = """
CREATE INDEX IF NOT EXISTS sections_part ON sections(part_id);
CREATE INDEX IF NOT EXISTS parts_repeat ON parts(repeat_of);
CREATE INDEX IF NOT EXISTS sentences_part_page ON sentences(part_id, page);
CREATE INDEX IF NOT EXISTS amounts_part ON amounts(part_id);
CREATE INDEX IF NOT EXISTS speakers_part ON speakers(part_id);
CREATE INDEX IF NOT EXISTS blocks_document ON blocks(document_id);
CREATE INDEX IF NOT EXISTS speakers_document ON speakers(document_id);
CREATE INDEX IF NOT EXISTS amounts_document ON amounts(document_id);
CREATE INDEX IF NOT EXISTS sections_document ON sections(document_id);
"""


def connect(path: Path, create: bool = False) -> sqlite3.Connection:
    """Open the catalog; with ``create`` make the folder and schema if missing."""
    if not path.exists():
        if not create:
            raise NoIndex(str(path.parent))
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=30.0)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA cache_size = -65536")  # 64 MiB: dedup's shingle inserts land all over big B-trees
    _check_schema(conn, create)
    return conn


def _check_schema(conn: sqlite3.Connection, create: bool) -> None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError:
        row = None
    if row is None:
        if not create:
            raise CatalogError("the catalog is empty: run 'handlingar ingest PATH' first")
        with conn:
            conn.executescript(SCHEMA)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    elif int(row["value"]) != SCHEMA_VERSION:
        raise CatalogError(
            f"catalog schema version {row['value']} is not {SCHEMA_VERSION}: "
            "rebuild it by ingesting into a new --index folder"
        )
    with conn:
        conn.executescript(INDEXES)


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")


def document_of_path(conn: sqlite3.Connection, path: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT document_id, size, mtime FROM paths WHERE path = ?", (path,)
    ).fetchone()
    return row


def has_document(conn: sqlite3.Connection, doc_id: str) -> bool:
    return conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None


def add_path(conn: sqlite3.Connection, path: str, doc_id: str, size: int, mtime: float) -> str | None:
    """Point ``path`` at ``doc_id``. Returns the document the path pointed at before,
    when that document now has no path left and was removed (a changed file)."""
    with conn:
        return _point_path(conn, path, doc_id, size, mtime)


def _point_path(conn: sqlite3.Connection, path: str, doc_id: str, size: int, mtime: float) -> str | None:
    """Inside a transaction: record ``path`` for ``doc_id``, clear its failure, and
    remove the document it pointed at before if no path is left to it."""
    old = document_of_path(conn, path)
    conn.execute("INSERT OR REPLACE INTO paths VALUES (?, ?, ?, ?)", (path, doc_id, size, mtime))
    conn.execute("DELETE FROM failures WHERE path = ?", (path,))
    return _drop_orphan(conn, old["document_id"]) if old and old["document_id"] != doc_id else None


def _drop_orphan(conn: sqlite3.Connection, doc_id: str) -> str | None:
    if conn.execute("SELECT 1 FROM paths WHERE document_id = ?", (doc_id,)).fetchone():
        return None
    conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    return doc_id


def store_document(
    conn: sqlite3.Connection, doc: Document, path: str, mtime: float, blocks: Iterable[Block]
) -> tuple[list[int], str | None]:
    """Write a whole document in one transaction; returns its part ids (in order)
    and the id of a document this path pointed at before, if that one was removed."""
    with conn:
        m = doc.meta
        conn.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0,?)",
            (
                doc.id,
                m.title,
                m.kind,
                m.board,
                m.year,
                m.date,
                m.diarienummer,
                m.paragraph,
                m.party,
                len(doc.pages),
                doc.size,
                int(doc.needs_ocr),
                now(),
            ),
        )
        part_ids = [_insert_part(conn, doc, part.seq) for part in doc.parts]
        conn.executemany(
            "INSERT INTO pages VALUES (?,?,?,?,?,?)",
            [
                (doc.id, p.number, p.body, p.furniture, json.dumps(p.bold_lines), json.dumps(p.sizes))
                for p in doc.pages
            ],
        )
        _insert_blocks(conn, doc, part_ids, blocks)
        for seq, extracted in doc.extracted.items():
            _insert_extracted(conn, doc.id, part_ids[seq], extracted)
        removed = _point_path(conn, path, doc.id, doc.size, mtime)
    return part_ids, removed


def _insert_part(conn: sqlite3.Connection, doc: Document, seq: int) -> int:
    part = doc.parts[seq]
    chars = sum(len(p.body) for p in doc.pages if part.first_page <= p.number <= part.last_page)
    cursor = conn.execute(
        "INSERT INTO parts (document_id, seq, kind, title, party, signatories, first_page,"
        " last_page, header, chars) VALUES (?,?,?,?,?,?,?,?,?,?)",
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
        ),
    )
    return int(cursor.lastrowid or 0)


def _part_of_page(doc: Document, part_ids: list[int], page: int) -> int:
    for part, part_id in zip(doc.parts, part_ids, strict=True):
        if part.first_page <= page <= part.last_page:
            return part_id
    return part_ids[-1]


def _insert_blocks(
    conn: sqlite3.Connection, doc: Document, part_ids: list[int], blocks: Iterable[Block]
) -> None:
    conn.executemany(
        'INSERT INTO blocks (document_id, part_id, page, start, "end", text) VALUES (?,?,?,?,?,?)',
        [(doc.id, _part_of_page(doc, part_ids, b.page), b.page, b.start, b.end, b.text) for b in blocks],
    )


def _insert_extracted(conn: sqlite3.Connection, doc_id: str, part_id: int, ex: Extracted) -> None:
    conn.executemany(
        'INSERT INTO amounts (document_id, part_id, page, start, "end", text, sek, qualifier,'
        " sentence) VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (doc_id, part_id, a.page, a.start, a.end, a.text, str(a.sek), a.qualifier, a.sentence)
            for a in ex.amounts
        ],
    )
    conn.executemany(
        "INSERT INTO speakers (document_id, part_id, page, name, party, role) VALUES (?,?,?,?,?,?)",
        [(doc_id, part_id, s.page, s.name, s.party, s.role) for s in ex.speakers],
    )
    conn.executemany(
        'INSERT INTO sentences (document_id, part_id, page, start, "end") VALUES (?,?,?,?,?)',
        [(doc_id, part_id, s.page, s.start, s.end) for s in ex.sentences],
    )
    conn.executemany(
        "INSERT INTO sections (document_id, part_id, seq, kind, area, number, title, first_page,"
        " last_page, text) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [
            (doc_id, part_id, i, s.kind, s.area, s.number, s.title, s.first_page, s.last_page, s.text)
            for i, s in enumerate(ex.sections)
        ],
    )


def record_failure(conn: sqlite3.Connection, path: str, error: str) -> None:
    with conn:
        conn.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?)", (path, error, now()))


def mark_indexed(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> None:
    with conn:
        conn.executemany("UPDATE documents SET indexed = 1 WHERE id = ?", [(d,) for d in doc_ids])


def mark_all_unindexed(conn: sqlite3.Connection) -> None:
    with conn:
        conn.execute("UPDATE documents SET indexed = 0")


def unindexed(conn: sqlite3.Connection) -> list[str]:
    return [r["id"] for r in conn.execute("SELECT id FROM documents WHERE indexed = 0")]


def store_shingles(conn: sqlite3.Connection, part_id: int, hashes: list[int]) -> None:
    with conn:
        conn.executemany("INSERT INTO shingles VALUES (?, ?)", [(h, part_id) for h in hashes])
        conn.execute("UPDATE parts SET shingles = ? WHERE id = ?", (len(hashes), part_id))


def set_repeats(conn: sqlite3.Connection, updates: list[tuple[int, int | None, float | None]]) -> None:
    """(part id, canonical part id or None, similarity) for every copy in a group;
    documents whose parts changed are queued for re-indexing."""
    with conn:
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
