"""Quotes: whole sentences from body text, verbatim, attributed and cited.

Candidates come from the search index (canonical text only, with the same
filters as search); each sentence is cut at the offsets stored at ingest and
checked to stand verbatim at those offsets before it is returned.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ..extract.clean import join_lines
from ..extract.parties import speakers_in
from ..extract.quality import sentence_shaped
from ..filters import Filters
from ..models import name_only
from ..settings import Settings
from ..store.catalog import Catalog
from ..years import shown_year
from .forgiving import resolved
from .opened import Opened, opened


@dataclass(frozen=True)
class Citation:
    document: str
    page: int
    start: int
    end: int


def joined(raw: str) -> str:
    """A sentence as quoted: line breaks inside it joined, characters kept."""
    return join_lines(raw)


def verify(catalog: Catalog, cite: Citation, quote: str) -> bool:
    """True when ``quote`` stands verbatim (line breaks aside) at the cited offsets."""
    raw = catalog.page_text(cite.document, cite.page, cite.start, cite.end)
    return raw is not None and joined(raw) == quote


def _attribution(part: dict[str, Any], quote: str) -> tuple[str | None, list[str]]:
    if part["part_kind"] == "protokollsanteckning":
        names = [name_only(n) for n in json.loads(part["signatories"])]
        return part["party"], names
    named = list(speakers_in(quote))
    parties = {p for _, p, _ in named}
    return (parties.pop() if len(parties) == 1 else None), [n for n, _, _ in named]


def quotes(
    settings: Settings, text: str, filters: Filters, kept: Opened | None = None
) -> list[dict[str, Any]]:
    """Every sentence that holds the query, with who said it and where. ``--party`` keeps
    the quotes attributed to that party: a statement's, and a sentence whose named speakers
    are all of it ('Bengt Berg (M) reserverar sig mot beslutet.' in minutes)."""
    with opened(settings, kept) as held:
        catalog, reader = held.catalog, held.reader
        wanted = resolved(catalog, filters)
        hits = reader.every_hit(text, replace(wanted, party=None))
        blocks = catalog.blocks_by_id([h.fields["block"] for h in hits])
        found = [
            q
            for q in _quoted(catalog, list(blocks.values()), reader.sentence_matcher(text))
            if wanted.party is None or q["party"] == wanted.party
        ]
        facts = catalog.page_facts([(q["document"], q["page"]) for q in found])
        for q in found:  # read by OCR: a journalist checks the scan before publishing
            q["ocr"] = facts[(q["document"], q["page"])]["ocr"]
    return sorted(found, key=lambda q: (q["date"] or str(q["year"] or ""), q["path"], q["page"], q["start"]))


def _quoted(
    catalog: Catalog, blocks: list[dict[str, Any]], matcher: Callable[[str], bool]
) -> list[dict[str, Any]]:
    """The blocks' whole sentences that hold the query, each verified at its offsets."""
    parts = catalog.part_info(sorted({b["part_id"] for b in blocks}))
    repeats = catalog.repeats_of(list(parts))
    found: dict[tuple[str, int, int], dict[str, Any]] = {}
    for block in blocks:
        for start, end in catalog.sentences_in(block["part_id"], block["page"], block["start"], block["end"]):
            cite = Citation(block["document_id"], block["page"], start, end)
            raw = catalog.page_text(cite.document, cite.page, start, end)
            if raw is None or (cite.document, cite.page, start) in found:
                continue
            if not sentence_shaped(raw) or not matcher(raw):
                continue
            quote = joined(raw)
            if verify(catalog, cite, quote):
                part = parts[block["part_id"]]
                found[(cite.document, cite.page, start)] = _record(catalog, quote, cite, part, repeats)
    return list(found.values())


def _record(
    catalog: Catalog,
    quote: str,
    cite: Citation,
    part: dict[str, Any],
    repeats: dict[int, list[dict[str, Any]]],
) -> dict[str, Any]:
    party, speakers = _attribution(part, quote)
    also = [catalog.where_else(r, quote) for r in repeats.get(part["id"], [])]
    return {
        "quote": quote,
        "party": party,
        "speakers": speakers,
        "kind": part["part_kind"],
        "title": part["part_title"],
        "board": part["board"],
        "date": part["date"],
        "year": shown_year(part["date"], part["year"]),
        "path": part["path"],
        "document": cite.document,
        "page": cite.page,
        "start": cite.start,
        "end": cite.end,
        "paragraph": catalog.paragraph_at(part["id"], cite.page, quote.split("\n")[0][:80]),
        "ocr": False,
        "also_in": also,
    }
