"""The catalog's schema as a numbered list of migrations.

``PRAGMA user_version`` says how many have run. Opening a catalog runs the
missing ones in order, each in its own transaction, so a catalog made by an
older version is brought up to date in place and no PDF is read again.
A migration is never edited once released: a change is a new migration.
(Catalogs of version 1 predate user_version and say so in their meta table.)
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable

from ..errors import CatalogError
from ..years import year_in

V1_TABLES = """
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

# Version 1's indexes for the reads; version 1 created them on every open.
V1_INDEXES = """
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


def _v1(conn: sqlite3.Connection) -> None:
    """Tables and indexes as version 1 made them."""
    for sql in (V1_TABLES, V1_INDEXES):
        for statement in _statements(sql):
            conn.execute(statement)
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', '1')")


def _v2(conn: sqlite3.Connection) -> None:
    """Each part stores the year it is about (the rule in years.py, applied once)."""
    conn.execute("ALTER TABLE parts ADD COLUMN year INTEGER")
    conn.create_function("year_in", 1, year_in, deterministic=True)
    conn.execute(
        "UPDATE parts SET year = COALESCE(year_in(title),"
        " (SELECT year FROM documents WHERE documents.id = parts.document_id))"
    )
    conn.execute("DELETE FROM meta WHERE key = 'schema_version'")  # user_version says it now


def _v3(conn: sqlite3.Connection) -> None:
    """An identity for this catalog, written into the search index built from it, so an index
    left beside a replaced catalog is rebuilt instead of trusted."""
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (uuid.uuid4().hex,))


def _v4(conn: sqlite3.Connection) -> None:
    """A path's exact bytes beside its text (a file name that is not UTF-8 is stored with
    \\xNN escapes in ``path``; ``raw`` keeps what the file system said)."""
    conn.execute("ALTER TABLE paths ADD COLUMN raw BLOB")


def _v5(conn: sqlite3.Connection) -> None:
    """A page's text quality ('good', 'garbled'; NULL: not judged, ingested before) and
    whether a sentence is quotable (1/0; NULL: not judged)."""
    conn.execute("ALTER TABLE pages ADD COLUMN quality TEXT")
    conn.execute("ALTER TABLE sentences ADD COLUMN quotable INTEGER")


def _v6(conn: sqlite3.Connection) -> None:
    """The § range of a document (full minutes: 39–49; an extract: 12–12) and the
    decision of each § item."""
    conn.execute("ALTER TABLE documents ADD COLUMN first_paragraph INTEGER")
    conn.execute("ALTER TABLE documents ADD COLUMN last_paragraph INTEGER")
    conn.execute("ALTER TABLE sections ADD COLUMN decision TEXT")
    conn.execute(
        "UPDATE documents SET first_paragraph = CAST(substr(paragraph, 3) AS INTEGER),"
        " last_paragraph = CAST(substr(paragraph, 3) AS INTEGER) WHERE paragraph GLOB '§ [0-9]*'"
        " AND paragraph NOT LIKE '%–%'"
    )


def _v7(conn: sqlite3.Connection) -> None:
    """Pages read by OCR: their mean word confidence (NULL: read from the text layer)."""
    conn.execute("ALTER TABLE pages ADD COLUMN ocr_confidence REAL")


def _v8(conn: sqlite3.Connection) -> None:
    """The statements attached to a § item (JSON: [{kind, party, names}])."""
    conn.execute("ALTER TABLE sections ADD COLUMN statements TEXT NOT NULL DEFAULT '[]'")


def _v9(conn: sqlite3.Connection) -> None:
    """Shingles hashed anew (each word hashed once, five combined: dedup.py): the stored ones
    are dropped, and the next ingest cuts them again from the parts' text (dedup.recover)."""
    conn.execute("DELETE FROM shingles")


def _v10(conn: sqlite3.Connection) -> None:
    """Amounts in euro beside kronor: each amount's value is in its ``currency`` (the stored
    ones were all kronor)."""
    conn.execute("ALTER TABLE amounts RENAME COLUMN sek TO value")
    conn.execute("ALTER TABLE amounts ADD COLUMN currency TEXT NOT NULL DEFAULT 'SEK'")


def _v11(conn: sqlite3.Connection) -> None:
    """Which version of the reader (models.READER_VERSION) read each document: one read by an
    older one is read again at its next ingest, so what the reader now finds reaches it."""
    conn.execute("ALTER TABLE documents ADD COLUMN reader INTEGER NOT NULL DEFAULT 1")


def _v12(conn: sqlite3.Connection) -> None:
    """A repeat whose canonical copy went (its document removed: a changed file, a re-read)
    is canonical now, and its document is queued for the search index, which held none of
    it: the foreign key's SET NULL fires this trigger. (Repeats orphaned before are indexed
    again with everything else: reader version 2 reads every document again.)"""
    conn.execute(
        "CREATE TRIGGER IF NOT EXISTS repeat_orphaned AFTER UPDATE OF repeat_of ON parts"
        " WHEN NEW.repeat_of IS NULL AND OLD.repeat_of IS NOT NULL BEGIN"
        " UPDATE documents SET indexed = 0 WHERE id = NEW.document_id; END"
    )


def _v13(conn: sqlite3.Connection) -> None:
    """A § item's diarienummer, proposals (yrkanden) and votes (omröstningar), as JSON; its
    statements gain people, parties, pages and text (reader version 3 reads them again)."""
    conn.execute("ALTER TABLE sections ADD COLUMN diarienummer TEXT")
    conn.execute("ALTER TABLE sections ADD COLUMN proposals TEXT NOT NULL DEFAULT '[]'")
    conn.execute("ALTER TABLE sections ADD COLUMN votes TEXT NOT NULL DEFAULT '[]'")


def _v14(conn: sqlite3.Connection) -> None:
    """Whose act each sentence is: the people (name and party) and parties who made it, as
    JSON; a § item's member's paper (motion, interpellation, fråga) and its signers (reader
    version 4 reads them)."""
    conn.execute("ALTER TABLE sentences ADD COLUMN people TEXT NOT NULL DEFAULT '[]'")
    conn.execute("ALTER TABLE sentences ADD COLUMN parties TEXT NOT NULL DEFAULT '[]'")
    conn.execute("ALTER TABLE sections ADD COLUMN paper TEXT")  # a motion's item: 'motion', its signers
    conn.execute("ALTER TABLE sections ADD COLUMN signers TEXT NOT NULL DEFAULT '[]'")


def _v15(conn: sqlite3.Connection) -> None:
    """Watches: saved searches (a query and its filters, as JSON) and what each has shown, by
    stable keys (store/watches.py), not row ids: a re-ingest, an index rebuild or a document
    read again never makes old news new. No document refers to them: ingest keeps them."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS watches (name TEXT PRIMARY KEY, query TEXT NOT NULL,"
        " filters TEXT NOT NULL DEFAULT '{}', created_at TEXT NOT NULL, read_at TEXT)"
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS watch_seen (watch TEXT NOT NULL REFERENCES watches(name)"
        " ON DELETE CASCADE, key TEXT NOT NULL, PRIMARY KEY (watch, key)) WITHOUT ROWID"
    )


def _v16(conn: sqlite3.Connection) -> None:
    """Amounts' rates ('kr/m'), ranges' high ends and, for a table's cell, its table, row and
    column; each document's tables (columns and rows as JSON). Reader version 6 reads them."""
    for column in ("rate TEXT", "high TEXT", "table_no INTEGER", "row_label TEXT", "column_label TEXT"):
        conn.execute(f"ALTER TABLE amounts ADD COLUMN {column}")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS tables (id INTEGER PRIMARY KEY,"
        " document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
        " seq INTEGER NOT NULL, page INTEGER NOT NULL, unit TEXT, caption TEXT NOT NULL DEFAULT '',"
        " columns TEXT NOT NULL, rows TEXT NOT NULL)"
    )
    conn.execute("CREATE INDEX IF NOT EXISTS tables_document ON tables(document_id, seq)")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    *(_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9, _v10, _v11, _v12, _v13, _v14, _v15, _v16),
)
VERSION = len(MIGRATIONS)


def _statements(script: str) -> list[str]:
    """A script cut into statements (triggers hold ';' inside BEGIN … END)."""
    out: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    return [s for s in out if s]


def version_of(conn: sqlite3.Connection) -> int:
    """How many migrations a catalog has had (0: an empty file)."""
    found = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if found:
        return found
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError:
        return 0
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection) -> int:
    """Run the migrations a catalog lacks, each in one transaction; returns how many ran."""
    have = version_of(conn)
    if have > VERSION:
        raise CatalogError(
            f"katalogen har schemaversion {have}, nyare än denna handlingar ({VERSION}):"
            " uppgradera handlingar"
        )
    for number in range(have + 1, VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number - 1](conn)
            conn.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
    return VERSION - have
