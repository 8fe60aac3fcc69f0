"""The last line of an ingest: how many watches have news. Light to import: an ingest of an
index without watches (most) loads no search or language code for it."""

from __future__ import annotations

from ..settings import Settings
from ..store.reads import CatalogReader


def count_news(settings: Settings) -> int | None:
    """How many watches have news (None: the index has no watch)."""
    with CatalogReader.open(settings.catalog_path) as catalog:
        if not catalog.watches.all():
            return None
    from .watches import news_count

    return news_count(settings)
