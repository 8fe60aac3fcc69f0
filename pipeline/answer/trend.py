"""How often a query is met, per year, party, board or kind: the same hits as search."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..filters import Filters
from ..settings import Settings
from .forgiving import resolved
from .opened import Opened, opened

TREND_KEYS = ("year", "party", "board", "kind")


@dataclass(frozen=True)
class Trend:
    query: str
    by: str
    rows: list[dict[str, Any]]  # {key, hits, documents}; key None: hits without one

    def as_json(self) -> dict[str, Any]:
        return {"query": self.query, "by": self.by, "rows": self.rows}


def trend(settings: Settings, text: str, by: str, filters: Filters, kept: Opened | None = None) -> Trend:
    """Hits (search's unit: matching text blocks) and documents per key; years run
    without gaps from the first to the last with hits."""
    if by not in TREND_KEYS:
        raise ValueError(f"--by must be one of {', '.join(TREND_KEYS)}")
    with opened(settings, kept) as held:
        counts = held.reader.counts(text, resolved(held.catalog, filters), by)
    rows: list[dict[str, Any]] = [
        {"key": key or None, "hits": hits, "documents": docs} for key, hits, docs in counts
    ]
    if by == "year":
        rows = _every_year(rows)
    else:
        rows.sort(key=lambda r: (r["key"] is None, -r["hits"], str(r["key"])))
    return Trend(text, by, rows)


def _every_year(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    known = {r["key"]: r for r in rows if r["key"] is not None}
    filled = (
        [known.get(y, {"key": y, "hits": 0, "documents": 0}) for y in range(min(known), max(known) + 1)]
        if known
        else []
    )
    return filled + [r for r in rows if r["key"] is None]
