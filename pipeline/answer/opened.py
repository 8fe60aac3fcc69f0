"""The catalog and the search index opened for answers: once per command, or once per
thread by a server that keeps them (``PerThread``), opened again after an ingest."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..extract.lexicon import Lexicon
from ..settings import Settings
from ..store import index
from ..store.health import GENERATION_MARKER
from ..store.reads import CatalogReader


@dataclass
class Opened:
    catalog: CatalogReader  # read-only
    reader: index.Reader
    words: Lexicon

    @classmethod
    def of(cls, settings: Settings) -> Opened:
        catalog = CatalogReader.open(settings.catalog_path)
        try:
            words = Lexicon(settings.cache_dir)
            return cls(catalog, index.Reader(settings, catalog.generation, words), words)
        except BaseException:
            catalog.close()
            raise

    def close(self) -> None:
        self.catalog.close()
        self.words.close()


@contextmanager
def opened(settings: Settings, kept: Opened | None = None) -> Iterator[Opened]:
    """``kept`` when the caller holds one open, else one opened for this answer and closed after."""
    if kept is not None:
        yield kept
        return
    fresh = Opened.of(settings)
    try:
        yield fresh
    finally:
        fresh.close()


Stamp = tuple[tuple[int, int, int] | None, ...]


def stamp(settings: Settings) -> Stamp:
    """What an ingest changes when it commits: the catalog file and its write-ahead log, and
    the search index's list of segments and owner (inode, mtime and size of each; None: absent)."""
    files = (
        settings.catalog_path,
        settings.catalog_path.with_name(settings.catalog_path.name + "-wal"),
        settings.search_dir / "meta.json",
        settings.search_dir / GENERATION_MARKER,
    )
    return tuple(_stat(path) for path in files)


def _stat(path: Path) -> tuple[int, int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_ino, found.st_mtime_ns, found.st_size


class PerThread:
    """The catalog and search index for a server's answers: one ``Opened`` per thread (an
    SQLite connection belongs to the thread that made it), opened on a thread's first answer
    and opened again when an ingest has changed the index since (``stamp``)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._local = threading.local()
        Opened.of(settings).close()  # a missing or unusable index fails at once, not at a request

    def now(self) -> Opened:
        """This thread's catalog and index as the last ingest left them."""
        local, now = self._local, stamp(self.settings)
        kept: Opened | None = getattr(local, "opened", None)
        if kept is not None and local.stamp == now:
            return kept
        local.opened = None
        if kept is not None:
            kept.close()
        fresh = Opened.of(self.settings)  # stamped before it opens: a change meanwhile is seen next time
        local.opened, local.stamp = fresh, now
        return fresh
