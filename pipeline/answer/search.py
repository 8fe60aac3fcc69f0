"""Answers to searches: index hits enriched from the catalog.

Imports neither spaCy nor the PDF libraries, so a search starts fast.
"""

from __future__ import annotations

from ..filters import Filters
from ..models import sole_party
from ..records import Hit, SearchResult, Snippet, WithoutFilter
from ..settings import Settings
from ..store.catalog_rows import PageFacts, PartInfo, Repeat
from ..store.index import Reader
from ..store.reads import CatalogReader
from ..store.rows import RawHit
from .forgiving import resolved
from .labels import item_label, section_label
from .opened import Opened, opened


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
        hits = hits_of(catalog, raw)
        behind = catalog.unindexed_count()
        facets = {
            name: {_key(k): n for k, n in counts.items()}
            for name, counts in reader.facets(text, wanted).items()
        }
        near = reader.near_words(text) if not total else []
        unfiltered, without = _without_filters(reader, text, wanted) if not total else (0, ())
    return SearchResult(text, total, hits, facets, tuple(near), unfiltered, without, unindexed=behind)


def _without_filters(reader: Reader, text: str, wanted: Filters) -> tuple[int, tuple[WithoutFilter, ...]]:
    """Where filters left no hit: the hits without any filter, and without each one alone."""
    given = wanted.given()
    unfiltered = reader.search(text, Filters(), 0, 0, snippets=False)[0] if given else 0
    return unfiltered, tuple(
        WithoutFilter(name, value, reader.search(text, wanted.without(name), 0, 0, snippets=False)[0])
        if unfiltered
        else WithoutFilter(name, value, 0)
        for name, value in given
    )


def hits_of(catalog: CatalogReader, raw: list[RawHit]) -> list[Hit]:
    """The index's hits as search shows them, with their places from the catalog (a hit whose
    part the catalog no longer holds is left out)."""
    parts = catalog.part_info(sorted({h.fields.part for h in raw}))
    repeats = catalog.repeats_of(list(parts))
    found = [h for h in raw if h.fields.part in parts]
    facts = catalog.pages.page_facts([(h.fields.document, h.fields.page) for h in found])
    return [_hit(catalog, h, parts[h.fields.part], repeats, facts) for h in found]


def _key(value: str | int) -> str:
    """A facet value as JSON writes it: years as text, '' where a hit has none (year 0)."""
    return "" if value in (0, "") else str(value)


def _hit(
    catalog: CatalogReader,
    raw: RawHit,
    part: PartInfo,
    repeats: dict[int, list[Repeat]],
    facts: dict[tuple[str, int], PageFacts],
) -> Hit:
    f = raw.fields
    line = _matched_line(f.text, raw.snippet)
    fact = facts[(f.document, f.page)]  # a broken font map or OCR: the words shown may not be the page's
    return Hit(
        document=f.document,
        path=part.path,
        title=part.part_title if part.part_kind != part.kind else part.title,
        kind=part.kind,
        part_kind=part.part_kind,
        board=part.board,
        year=f.year,
        date=part.date,
        page=f.page,
        section=section_label(catalog.section_at(f.part, f.page, line)),
        paragraph=item_label(catalog.item_at(f.part, f.page, line)),
        party=part.party or sole_party(f.parties),
        parties=f.parties,
        speakers=tuple(part.signatories) or _whole(f.speakers),
        snippet=raw.snippet,
        text=f.text,
        score=round(raw.score, 3),
        also_in=tuple(catalog.where_else(r, f.text) for r in repeats.get(f.part, [])),
        text_quality=fact.text_quality,
        ocr=fact.ocr,
        ocr_confidence=fact.ocr_confidence,
    )


def _whole(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The whole names among a block's speaker keys (not 'Ängberg' beside 'Heidi Ängberg')."""
    return tuple(k for k in keys if not any(o.endswith(" " + k) for o in keys))


def _matched_line(text: str, snippet: Snippet) -> str:
    """The line of a block that holds the first highlighted word (else its first line)."""
    lines = [line for line in text.split("\n") if line.strip()]
    marked = snippet.first_mark()
    return next((line for line in lines if marked and marked in line), lines[0] if lines else "")
