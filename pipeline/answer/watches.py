"""Watches: a saved search, and what is new for it since it was last read.

A watch's news are the hits (search's), statements (``statements``) and amounts
(``amounts``) matching its query and filters that it has not shown before; an amount matches
when its sentence holds the query. Reading them marks them seen (``mark``), so nothing is shown
twice. What was shown is remembered by stable keys, never by row or block ids: a hit by its
document, page and the hash of its text, a statement by its document, §, kind and people, an
amount by its document, page and offsets. A re-ingest, a rebuilt search index or a document read
again by a newer reader so makes no old news new; a removed document's news go with it.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, replace

from ..errors import NotFound, QueryError, WatchError
from ..extract.parties import party_code
from ..filters import Filters
from ..records import AmountEntry, Hit, Snippet, StatementEntry, WatchEntry, WatchNews
from ..settings import Settings
from ..store.query import TextViews, marked_spans, parse, snippet as make_snippet
from ..store.reads import CatalogReader
from ..store.rows import RawHit
from ..store.watches import Watches, WatchRow
from .forgiving import resolved
from .listings import placed_amounts
from .opened import Opened, opened
from .politics import statements
from .search import hits_of


def _text(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).split())


def hit_key(document: str, page: int, text: str) -> str:
    digest = hashlib.sha256(_text(text).encode()).hexdigest()[:32]
    return f"hit:{document}:{page}:{digest}"


def statement_key(s: StatementEntry) -> str:
    """People in any name order and case ('Svenlin Johan' is 'Johan Svenlin')."""
    people = sorted(" ".join(sorted(_text(p.name).casefold().split())) for p in s.people)
    return f"statement:{s.document}:{s.paragraph or ''}:{s.kind}:{';'.join(people)}"


def amount_key(document: str, page: int, start: int, end: int) -> str:
    return f"amount:{document}:{page}:{start}:{end}"


@dataclass(frozen=True)
class _Found:
    """A watch's news, each with its key (the hits as the index gives them)."""

    hits: list[tuple[str, RawHit]]
    statements: list[tuple[str, StatementEntry]]
    amounts: list[tuple[str, AmountEntry]]

    def keys(self) -> list[str]:
        return [k for found in (self.hits, self.statements, self.amounts) for k, _ in found]


def _filters(row: WatchRow) -> Filters:
    return Filters.of(row.filters.get)


def _options(f: Filters) -> dict[str, str]:
    """Filters as a watch stores them: the options' values ('2019-2022' for years)."""
    years = f.years and (str(f.years[0]) if f.years[0] == f.years[1] else f"{f.years[0]}-{f.years[1]}")
    values = {"year": years, "kind": f.kind, "board": f.board, "party": f.party}
    values |= {"speaker": f.speaker, "document": f.document}
    return {k: v for k, v in values.items() if v}


def _unseen(settings: Settings, held: Opened, row: WatchRow) -> _Found:
    seen = held.catalog.watches.seen(row.name)
    try:
        wanted = resolved(held.catalog, _filters(row))
    except NotFound:  # a party, kind or document the catalog does not hold (any more): nothing matches
        return _Found([], [], [])
    raw = [(k, h) for h in held.reader.every_hit(row.query, wanted) if (k := _raw_key(h)) not in seen]
    said = [
        (k, x) for x in statements(settings, row.query, wanted, held) if (k := statement_key(x)) not in seen
    ]
    sums = placed_amounts(held.catalog, wanted, holds=held.reader.sentence_matcher(row.query))
    placed = [(k, a) for r, a in sums if (k := amount_key(r.document_id, r.page, r.start, r.end)) not in seen]
    return _Found(raw, said, placed)


def _raw_key(h: RawHit) -> str:
    return hit_key(h.fields.document, h.fields.page, h.fields.text)


def _order(h: Hit) -> tuple[str, str, int]:
    return (h.date or str(h.year or ""), h.path, h.page)


def _with_snippets(held: Opened, query: str, raw: list[RawHit]) -> list[RawHit]:
    """The hits with their snippets, as search makes them (``every_hit`` makes none)."""
    analyzer = held.reader.analyzer
    tree = parse(query, analyzer)

    def snippet(text: str) -> Snippet:
        return make_snippet(text, marked_spans(tree, TextViews.of(text, analyzer)))

    return [replace(h, snippet=snippet(h.fields.text)) for h in raw]


def _news(held: Opened, row: WatchRow, found: _Found) -> tuple[WatchNews, list[str]]:
    """A watch's news as shown (the hits as search shows them, in date order) and their keys."""
    raw = _with_snippets(held, row.query, [h for _, h in found.hits])
    hits = sorted(hits_of(held.catalog, raw), key=_order)
    said, sums = tuple(s for _, s in found.statements), tuple(a for _, a in found.amounts)
    keys = [hit_key(h.document, h.page, h.text) for h in hits]  # those shown: a part gone is not
    keys += [k for k, _ in found.statements] + [k for k, _ in found.amounts]
    return WatchNews(entry(row), tuple(hits), said, sums), keys


def entry(row: WatchRow) -> WatchEntry:
    get = row.filters.get
    places = (get("year"), get("kind"), get("board"), get("party"), get("speaker"), get("document"))
    return WatchEntry(row.name, row.query, *places, created=row.created, last_read=row.last_read)


def watch_list(settings: Settings) -> list[WatchEntry]:
    with CatalogReader.open(settings.catalog_path) as catalog:
        return [entry(row) for row in catalog.watches.all()]


def add(settings: Settings, name: str, query: str, filters: Filters, from_now: bool = False) -> WatchEntry:
    """Save a watch (its query checked, its filters as the catalog holds them: 'V' for
    'vänsterpartiet'); ``from_now``: what matches now counts as seen, only later news show."""
    name, query = _text(name), _text(query)
    if not name or not query:
        raise WatchError("en bevakning behöver ett namn och en sökfråga")
    with Watches.open(settings.catalog_path) as writer, opened(settings) as held:
        wanted = _checked(held.catalog, filters)  # an unknown party or kind: one clear line
        held.reader.sentence_matcher(query)  # a malformed query: one clear line
        row = writer.add(name, query, _options(wanted))
        if from_now:
            writer.mark_seen(name, _unseen(settings, held, row).keys())
            row = writer.reads.named(name)
    return entry(row)


def _checked(catalog: CatalogReader, f: Filters) -> Filters:
    """The filters as the catalog holds them; a party it holds nothing of yet is kept by its
    code when it is a known party ('sd', 'Sverigedemokraterna': 'SD'): the watch waits for it."""
    try:
        return resolved(catalog, f)
    except NotFound:
        typed = (f.party or "").strip()
        forms = (typed, typed.upper(), typed[:1].upper() + typed[1:].lower())
        code = next((c for c in map(party_code, forms) if c), None)
        if not typed or code is None or code in catalog.known_values("party"):
            raise
        return replace(resolved(catalog, replace(f, party=None)), party=code)


def remove(settings: Settings, name: str) -> WatchEntry:
    with Watches.open(settings.catalog_path) as writer:
        return entry(writer.remove(_text(name)))


def news(
    settings: Settings, name: str | None = None, mark: bool = True, kept: Opened | None = None
) -> list[WatchNews]:
    """What is new for the watch ``name`` (None: every watch); ``mark``: and never show it
    again (a write: a read-only index is refused before anything is shown)."""
    writer = Watches.open(settings.catalog_path) if mark else None
    try:
        with opened(settings, kept) as held:
            rows = [held.catalog.watches.named(_text(name))] if name else held.catalog.watches.all()
            shown = [_news(held, row, _unseen(settings, held, row)) for row in rows]
        for found, keys in shown:
            if writer is not None:
                writer.mark_seen(found.watch.name, keys)
    finally:
        if writer is not None:
            writer.close()
    return [found for found, _ in shown]


def news_count(settings: Settings) -> int:
    """How many watches have news; a watch whose query no longer runs counts as none."""
    with opened(settings) as held:
        rows = held.catalog.watches.all()
        return sum(1 for row in rows if _has_news(settings, held, row))


def _has_news(settings: Settings, held: Opened, row: WatchRow) -> bool:
    try:
        return bool(_unseen(settings, held, row).keys())
    except QueryError:
        return False
