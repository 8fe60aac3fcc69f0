"""Watches: saved searches whose news a user reads (``handlingar watch``), kept in the catalog.

The catalog's reader never writes (``WatchReads`` is its part that reads watches); what a
watch has shown is a write, so watches have a small writer of their own (``Watches``): short
transactions on the catalog file, beside ingest's. What was shown is remembered by stable keys
(answer/watches.py makes them from a hit's document, page and text, a statement's document, §,
kind and people, an amount's document, page and offsets), never by row ids, so a re-ingest, an
index rebuild or a document read again does not make old news new.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from ..errors import CatalogReadOnly, NoIndex, NotFound, WatchError
from . import schema
from .connection import Connection, connect, explained, now


@dataclass(frozen=True)
class WatchRow:
    """A watch as stored: its name, query, filters (option name -> value) and when it was
    made and last read (None: never)."""

    name: str
    query: str
    filters: dict[str, str]
    created: str
    last_read: str | None


def _row(r: tuple[object, ...]) -> WatchRow:
    name, query, filters, created, last_read = r
    found = json.loads(str(filters))
    read = None if last_read is None else str(last_read)
    return WatchRow(str(name), str(query), {str(k): str(v) for k, v in found.items()}, str(created), read)


SELECT = "SELECT name, query, filters, created_at, read_at FROM watches"


class WatchReads:
    """The watches of a catalog and what each has shown: reads only."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> list[WatchRow]:
        return [_row(tuple(r)) for r in self.conn.execute(f"{SELECT} ORDER BY name")]

    def named(self, name: str) -> WatchRow:
        """The watch of that name, else NotFound naming those there are."""
        found = self.conn.execute(f"{SELECT} WHERE name = ?", (name,)).fetchone()
        if found is None:
            names = ", ".join(w.name for w in self.all()) or "inga"
            raise NotFound(f"ingen bevakning heter {name!r}; bevakningarna är: {names}")
        return _row(tuple(found))

    def seen(self, name: str) -> set[str]:
        """The keys of what the watch has shown."""
        rows = self.conn.execute("SELECT key FROM watch_seen WHERE watch = ?", (name,))
        return {str(r[0]) for r in rows}


class Watches:
    """The catalog opened to write watches: add, remove, mark what was shown as seen."""

    def __init__(self, conn: Connection, path: Path) -> None:
        self.conn, self.path = conn, path
        self.reads = WatchReads(conn)

    @classmethod
    def open(cls, path: Path) -> Watches:
        """Open for writing, run the migrations the file lacks, and make sure it can be
        written (a read-only index is one clear line, before anything is shown)."""
        if not path.exists():
            raise NoIndex(str(path.parent))
        try:
            with explained(path):
                conn = connect(path)
                try:
                    schema.migrate(conn)
                    conn.execute("BEGIN IMMEDIATE")  # a read-only file refuses this at once
                    conn.rollback()
                except BaseException:
                    conn.close()
                    raise
        except CatalogReadOnly:
            raise WatchError(
                f"katalogen {path} är skrivskyddad: en bevakning sparar där vad den har visat;"
                " titta utan att markera med 'handlingar watch --peek'"
            ) from None
        return cls(conn, path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Watches:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def add(self, name: str, query: str, filters: dict[str, str]) -> WatchRow:
        """A new watch; a name taken already is a WatchError."""
        with explained(self.path), self.conn:
            if self.conn.execute("SELECT 1 FROM watches WHERE name = ?", (name,)).fetchone():
                raise WatchError(
                    f"det finns redan en bevakning som heter {name!r}: välj ett annat namn,"
                    f" eller ta bort den med 'handlingar watch remove {name}'"
                )
            self.conn.execute(
                "INSERT INTO watches (name, query, filters, created_at) VALUES (?, ?, ?, ?)",
                (name, query, json.dumps(filters, ensure_ascii=False, sort_keys=True), now()),
            )
        return self.reads.named(name)

    def remove(self, name: str) -> WatchRow:
        """Remove a watch and what it has shown; NotFound when there is none of that name."""
        with explained(self.path), self.conn:
            row = self.reads.named(name)
            self.conn.execute("DELETE FROM watch_seen WHERE watch = ?", (name,))
            self.conn.execute("DELETE FROM watches WHERE name = ?", (name,))
        return row

    def mark_seen(self, name: str, keys: Iterable[str]) -> None:
        """What a watch has shown, never to be shown again; and when it was read."""
        with explained(self.path), self.conn:
            if self.conn.execute("UPDATE watches SET read_at = ? WHERE name = ?", (now(), name)).rowcount:
                self.conn.executemany(
                    "INSERT OR IGNORE INTO watch_seen (watch, key) VALUES (?, ?)", [(name, k) for k in keys]
                )
