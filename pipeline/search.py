"""Answers to searches: index hits enriched from the catalog.

Imports neither spaCy nor the PDF libraries, so a search starts fast.
"""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from typing import Any

from . import catalog, index, queries
from .errors import HandlingarError
from .index import Filters
from .settings import Settings

YEAR_RANGE_RE = re.compile(r"^\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?$")


def parse_years(text: str | None) -> tuple[int, int] | None:
    """'2021' -> (2021, 2021); '2019-2022' -> (2019, 2022)."""
    if not text:
        return None
    match = YEAR_RANGE_RE.match(text)
    if not match:
        raise HandlingarError(f"--year must be a year or a range like 2019-2022, not {text!r}")
    first = int(match.group(1))
    last = int(match.group(2) or first)
    return (min(first, last), max(first, last))


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int
    hits: list[dict[str, Any]]

    def as_json(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "hits": self.hits}


def search(settings: Settings, text: str, filters: Filters, limit: int = 10, offset: int = 0) -> SearchResult:
    with closing(catalog.connect(settings.catalog_path)) as conn:
        total, raw = index.search(settings, text, filters, limit, max(0, offset))
        parts = queries.part_info(conn, sorted({h.fields["part"] for h in raw}))
        repeats = queries.repeats_of(conn, list(parts))
        hits = [_enrich(conn, h, parts, repeats) for h in raw if h.fields["part"] in parts]
    return SearchResult(text, total, hits)


def _enrich(
    conn: sqlite3.Connection,
    raw: index.RawHit,
    parts: dict[int, dict[str, Any]],
    repeats: dict[int, list[dict[str, Any]]],
) -> dict[str, Any]:
    f = raw.fields
    part = parts[f["part"]]
    text = f["text"]
    return {
        "document": f["document"],
        "path": part["path"],
        "title": part["part_title"] if part["part_kind"] != part["kind"] else part["title"],
        "kind": part["kind"],
        "part_kind": part["part_kind"],
        "board": part["board"],
        "year": f["year"],
        "date": part["date"],
        "page": f["page"],
        "section": queries.section_at(conn, f["part"], f["page"], _matched_line(text, raw.snippet)),
        "party": part["party"],
        "speakers": json.loads(part["signatories"]) or sorted(s for s in f["speakers"] if " " in s),
        "snippet": raw.snippet,
        "text": text,
        "score": round(raw.score, 3),
        "also_in": [queries.where_else(conn, r, text) for r in repeats.get(f["part"], [])],
    }


def _matched_line(text: str, snippet: str) -> str:
    """The line of a block that holds the first highlighted word (else its first line)."""
    lines = [line for line in text.split("\n") if line.strip()]
    marked = snippet.split("\x01", 1)[1].split("\x02", 1)[0] if "\x01" in snippet else ""
    return next((line for line in lines if marked and marked in line), lines[0] if lines else "")
