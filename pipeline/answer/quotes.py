"""Quotes: whole sentences from body text, verbatim, attributed and cited.

Candidates come from the search index (canonical text only, with the same
filters as search); each sentence is cut at the offsets stored at ingest and
checked to stand verbatim at those offsets before it is returned.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..extract.clean import join_lines
from ..extract.quality import sentence_shaped
from ..filters import Filters, same_person
from ..models import Sentence, sole_party
from ..records import AlsoIn, Quote
from ..settings import Settings
from ..store.catalog_rows import BlockRef, PartInfo
from ..store.reads import CatalogReader
from ..years import shown_year
from .forgiving import resolved
from .labels import item_label
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


def verify(catalog: CatalogReader, cite: Citation, quote: str) -> bool:
    """True when ``quote`` stands verbatim (line breaks aside) at the cited offsets."""
    raw = catalog.pages.page_text(cite.document, cite.page, cite.start, cite.end)
    return raw is not None and joined(raw) == quote


@dataclass(frozen=True)
class QuotePage:
    """The quotes in [offset, offset+limit) of the ``total`` a query finds; ``complete`` False:
    a page read only the documents it needed, and ``total`` is how many those held (at least)."""

    total: int
    offset: int
    quotes: list[Quote]
    complete: bool = True


def quote_page(
    settings: Settings,
    text: str,
    filters: Filters,
    limit: int | None = None,
    offset: int = 0,
    kept: Opened | None = None,
) -> QuotePage:
    """A page of ``quotes`` (``limit`` None: every one from ``offset``). A page reads the hits'
    documents in quotes' order only until it holds its quotes, whatever the index's size
    (``limit`` 0 at ``offset`` 0 counts them all)."""
    if limit is None:
        found = quotes(settings, text, filters, kept)
        return QuotePage(len(found), offset, found[offset:])
    with opened(settings, kept) as held:
        wanted = resolved(held.catalog, filters)
        keys = held.catalog.quote_keys(list(held.reader.per_document(text, wanted)))
        order = sorted(keys, key=lambda d: keys[d])
        need, found, read = offset + limit, [], 0
        for doc in order:  # a quote sorts by its document's key first, so the page's last
            if len(found) >= need > 0 and keys[doc] > keys[order[read - 1]]:  # is the last read's:
                break  # every quote of this document and the rest sorts after it
            found += _found(held, text, replace(wanted, document=doc))
            read += 1
    found.sort(key=_order)
    return QuotePage(len(found), offset, found[offset:need], read == len(order))


def quotes(settings: Settings, text: str, filters: Filters, kept: Opened | None = None) -> list[Quote]:
    """Every sentence that holds the query, with who said it and where. ``--party`` and
    ``--speaker`` keep the quotes that are that party's or person's act: a statement's
    sentences, and a sentence whose subject acts ('Bengt Berg (M) reserverar sig mot
    beslutet.'); a name a sentence only mentions is not its author."""
    with opened(settings, kept) as held:
        found = _found(held, text, resolved(held.catalog, filters))
    return sorted(found, key=_order)


def _order(q: Quote) -> tuple[str, str, int, int]:
    """Quotes' order: by date (else year), file, page and place on it."""
    return (q.date or str(q.year or ""), q.path, q.page, q.start)


def _found(held: Opened, text: str, wanted: Filters) -> list[Quote]:
    """The quotes of the hits the (resolved) filters keep, unsorted."""
    catalog, reader = held.catalog, held.reader
    hits = reader.every_hit(text, wanted)
    blocks = catalog.blocks_by_id([h.fields.block for h in hits])
    found = [
        q
        for q in _quoted(catalog, list(blocks.values()), reader.sentence_matcher(text))
        if _made_by(q, wanted)
    ]
    facts = catalog.pages.page_facts([(q.document, q.page) for q in found])
    # read by OCR: a journalist checks the scan before publishing
    return [replace(q, ocr=facts[(q.document, q.page)].ocr) for q in found]


def _made_by(quote: Quote, wanted: Filters) -> bool:
    """True when the quote is the wanted party's and person's act (a surname will do)."""
    party = wanted.party is None or wanted.party.casefold() in (p.casefold() for p in quote.parties)
    return party and (wanted.speaker is None or same_person(wanted.speaker, quote.speakers))


def _quoted(catalog: CatalogReader, blocks: list[BlockRef], matcher: Callable[[str], bool]) -> list[Quote]:
    """The blocks' whole sentences that hold the query, each verified at its offsets."""
    parts = catalog.part_info(sorted({b.part_id for b in blocks}))
    repeats = catalog.repeats_of(list(parts))
    found: dict[tuple[str, int, int], Quote] = {}
    for block in blocks:
        for said in catalog.sentences_in(block.part_id, block.page, block.start, block.end):
            cite = Citation(block.document_id, block.page, said.start, said.end)
            raw = catalog.pages.page_text(cite.document, cite.page, cite.start, cite.end)
            if raw is None or (cite.document, cite.page, cite.start) in found:
                continue
            if not sentence_shaped(raw) or not matcher(raw):
                continue
            quote = joined(raw)
            if verify(catalog, cite, quote):
                also = tuple(catalog.where_else(r, quote) for r in repeats.get(block.part_id, []))
                found[(cite.document, cite.page, cite.start)] = _record(
                    catalog, quote, cite, parts[block.part_id], also, said
                )
    return list(found.values())


def _record(
    catalog: CatalogReader,
    quote: str,
    cite: Citation,
    part: PartInfo,
    also: tuple[AlsoIn, ...],
    said: Sentence,
) -> Quote:
    parties = tuple(said.parties)
    return Quote(
        quote=quote,
        party=sole_party(parties),
        parties=parties,
        speakers=tuple(p.name for p in said.people),
        kind=part.part_kind,
        title=part.part_title,
        board=part.board,
        date=part.date,
        year=shown_year(part.date, part.year),
        path=part.path,
        document=cite.document,
        page=cite.page,
        start=cite.start,
        end=cite.end,
        paragraph=item_label(catalog.item_at(part.id, cite.page, quote.split("\n")[0][:80])),
        ocr=False,
        also_in=also,
    )
