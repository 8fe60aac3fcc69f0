"""The catalog and the search index opened for answers: once per command, or once per
process by a server that keeps them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ..extract.lexicon import Lexicon
from ..settings import Settings
from ..store import index
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
