"""How often a query is met, per year, party, board or kind: the same hits as search, beside
the pages of text under each key, so that a rate shows where one long document made a peak."""

from __future__ import annotations

from ..filters import Filters
from ..records import Trend, TrendRow
from ..settings import Settings
from .forgiving import resolved
from .opened import Opened, opened

TREND_KEYS = ("year", "party", "board", "kind")


def trend(settings: Settings, text: str, by: str, filters: Filters, kept: Opened | None = None) -> Trend:
    """Hits (search's unit: matching text blocks), the documents they are in, the pages of
    text under the key (the same filters, without the query) and the hits per 100 of those
    pages, for every key with pages; years run without gaps from the first to the last."""
    if by not in TREND_KEYS:
        raise ValueError(f"--by ska vara ett av {', '.join(TREND_KEYS)}")
    with opened(settings, kept) as held:
        wanted = resolved(held.catalog, filters)
        counts = {_key(k, by): (hits, docs) for k, hits, docs in held.reader.counts(text, wanted, by)}
        pages = {_key(k, by): n for k, n in held.reader.pages(wanted, by).items()}
        total = held.reader.search(text, wanted, 0, 0, snippets=False)[0]
    keys: set[str | int | None] = set(counts) | set(pages)
    years = [int(k) for k in keys if isinstance(k, int)]
    if years:  # every year from the first to the last
        keys |= set(range(min(years), max(years) + 1))
    rows = [_row(key, *counts.get(key, (0, 0)), pages.get(key, 0)) for key in keys]
    if by == "year":
        rows.sort(key=lambda r: (r.key is None, int(r.key or 0)))
    else:
        rows.sort(key=lambda r: (r.key is None, -r.hits, -r.pages, str(r.key)))
    return Trend(text, by, tuple(rows), total)


def _key(value: str | int, by: str) -> str | int | None:
    """A facet's value as a row's key: a year as a number, None where a hit has none."""
    if by == "year":
        return int(value) or None
    return str(value) or None


def _row(key: str | int | None, hits: int, documents: int, pages: int) -> TrendRow:
    rate = round(100 * hits / pages, 2) if pages else None
    return TrendRow(key, hits, documents, pages, rate)
