"""Answers to searches: index hits enriched from the catalog.

Imports neither spaCy nor the PDF libraries, so a search starts fast.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..filters import Filters
from ..models import sole_party
from ..settings import Settings
from ..store.catalog import Catalog
from ..store.rows import RawHit
from .forgiving import resolved
from .opened import Opened, opened


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int
    hits: list[dict[str, Any]]
    unindexed: int = 0  # documents in the catalog the search index does not hold yet
    facets: dict[str, dict[str, int]] = field(default_factory=dict)  # over every hit
    suggestions: list[str] = field(default_factory=list)  # near word forms, when nothing matched

    def as_json(self) -> dict[str, Any]:
        found = {"query": self.query, "total": self.total, "hits": self.hits, "facets": self.facets}
        return found | ({"suggestions": self.suggestions} if not self.total else {})

    def public_json(self) -> dict[str, Any]:
        """What ``search --json`` and ``/api/search`` print: snippets without the highlight marks."""
        hits = [{**h, "snippet": unmarked(h["snippet"])} for h in self.hits]
        return {**self.as_json(), "hits": hits}


def unmarked(snippet: str) -> str:
    return snippet.replace("\x01", "").replace("\x02", "")


def search(
    settings: Settings,
    text: str,
    filters: Filters,
    limit: int = 10,
    offset: int = 0,
    kept: Opened | None = None,
) -> SearchResult:
    with opened(settings, kept) as held:
        catalog, reader = held.catalog, held.reader
        wanted = resolved(catalog, filters)
        total, raw = reader.search(text, wanted, limit, max(0, offset))
        parts = catalog.part_info(sorted({h.fields["part"] for h in raw}))
        repeats = catalog.repeats_of(list(parts))
        hits = [_enrich(catalog, h, parts, repeats) for h in raw if h.fields["part"] in parts]
        facts = catalog.page_facts([(h["document"], h["page"]) for h in hits])
        for hit in hits:  # a broken font map or OCR: the words shown may not be the page's
            hit.update(facts[(hit["document"], hit["page"])])
        behind = catalog.unindexed_count()
        facets = {
            name: {_key(k): n for k, n in counts.items()}
            for name, counts in reader.facets(text, wanted).items()
        }
        near = reader.near_words(text) if not total else []
    return SearchResult(text, total, hits, behind, facets, near)


def _key(value: str | int) -> str:
    """A facet value as JSON writes it: years as text, '' where a hit has none (year 0)."""
    return "" if value in (0, "") else str(value)


def _enrich(
    catalog: Catalog,
    raw: RawHit,
    parts: dict[int, dict[str, Any]],
    repeats: dict[int, list[dict[str, Any]]],
) -> dict[str, Any]:
    f = raw.fields
    part = parts[f["part"]]
    text = f["text"]
    line = _matched_line(text, raw.snippet)
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
        "section": catalog.section_at(f["part"], f["page"], line),
        "paragraph": catalog.paragraph_at(f["part"], f["page"], line),
        "party": part["party"] or sole_party(f["parties"]),
        "parties": f["parties"],  # who acted in the block: signed, moved, said (extract/acts.py)
        "speakers": json.loads(part["signatories"]) or _whole(f["speakers"]),
        "snippet": raw.snippet,
        "text": text,
        "score": round(raw.score, 3),
        "also_in": [catalog.where_else(r, text) for r in repeats.get(f["part"], [])],
    }


def _whole(keys: list[str]) -> list[str]:
    """The whole names among a block's speaker keys (not 'Ängberg' beside 'Heidi Ängberg')."""
    return [k for k in keys if not any(o.endswith(" " + k) for o in keys)]


def _matched_line(text: str, snippet: str) -> str:
    """The line of a block that holds the first highlighted word (else its first line)."""
    lines = [line for line in text.split("\n") if line.strip()]
    marked = snippet.split("\x01", 1)[1].split("\x02", 1)[0] if "\x01" in snippet else ""
    return next((line for line in lines if marked and marked in line), lines[0] if lines else "")
