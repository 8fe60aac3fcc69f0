"""How often a query is met, per year, party, board or kind: the same hits as search."""

from __future__ import annotations

from ..filters import Filters
from ..records import Trend, TrendRow
from ..settings import Settings
from .forgiving import resolved
from .opened import Opened, opened

TREND_KEYS = ("year", "party", "board", "kind")


def trend(settings: Settings, text: str, by: str, filters: Filters, kept: Opened | None = None) -> Trend:
    """Hits (search's unit: matching text blocks) and documents per key; years run
    without gaps from the first to the last with hits."""
    if by not in TREND_KEYS:
        raise ValueError(f"--by ska vara ett av {', '.join(TREND_KEYS)}")
    with opened(settings, kept) as held:
        counts = held.reader.counts(text, resolved(held.catalog, filters), by)
    rows = [TrendRow(key or None, hits, docs) for key, hits, docs in counts]
    if by == "year":
        rows = _every_year(rows)
    else:
        rows.sort(key=lambda r: (r.key is None, -r.hits, str(r.key)))
    return Trend(text, by, tuple(rows))


def _every_year(rows: list[TrendRow]) -> list[TrendRow]:
    known = {int(r.key): r for r in rows if r.key is not None}
    filled = [known.get(y, TrendRow(y, 0, 0)) for y in range(min(known), max(known) + 1)] if known else []
    return filled + [r for r in rows if r.key is None]
