"""Opening the catalog file, and saying in one line what went wrong with it."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Self

from ..errors import CatalogDamaged, CatalogError, CatalogReadOnly


class CatalogFile:
    """The catalog file opened: its connection and path, closed at the end of a ``with``;
    an engine error met inside it is said in one line (``explain``). The reader and the writer
    are each one."""

    conn: sqlite3.Connection
    path: Path

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
        if isinstance(exc, sqlite3.DatabaseError):
            raise explain(self.path, exc) from None


Connection = sqlite3.Connection  # what the catalog's reads are given (they import no sqlite3)


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=30.0)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def connect_read_only(path: Path) -> sqlite3.Connection:
    """mode=ro; where even that cannot open it (a read-only folder without the WAL's
    shared-memory file), immutable=1: nothing writes to it while we read."""
    uri = path.resolve().as_uri()
    for options in ("mode=ro", "mode=ro&immutable=1"):
        conn = sqlite3.connect(f"{uri}?{options}", uri=True, timeout=30.0)
        try:
            conn.execute("PRAGMA user_version").fetchone()
        except sqlite3.OperationalError:
            conn.close()
            continue
        conn.row_factory = sqlite3.Row
        return conn
    return sqlite3.connect(f"{uri}?mode=ro", uri=True)  # fails with the engine's own reason


@contextmanager
def explained(path: Path) -> Iterator[None]:
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise explain(path, exc) from None


def explain(path: Path, exc: sqlite3.DatabaseError) -> CatalogError:
    """One line for what went wrong with the catalog file, and what to do."""
    why = str(exc)
    if "locked" in why or "busy" in why:
        return CatalogError(
            f"katalogen {path} är upptagen ({why}): försök igen när den andra inläsningen är klar"
        )
    if "readonly" in why or "read-only" in why or "unable to open" in why:
        return CatalogReadOnly(
            f"kan inte skriva katalogen {path} ({why}): inläsning behöver en mapp du kan skriva i"
        )
    return CatalogDamaged(
        f"katalogen {path} är skadad ({why}): återställ den från en säkerhetskopia, eller läs in"
        " PDF:erna igen i en ny --index-mapp"
    )
