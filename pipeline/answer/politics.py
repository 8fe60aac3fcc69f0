"""Statements and votes of minutes, read from the catalog's § items: who reserved
themselves, who entered a protokollsanteckning, who voted how.

``--party`` and ``--speaker`` mean made, signed or voted by: a statement's own parties
and people, a vote's voters (or, where no voteringslista is printed, nobody).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..extract.clean import join_lines
from ..filters import Filters
from ..models import DocumentKind, name_only
from ..records import JsonValue, PersonEntry, StatementEntry, VoteEntry, Voter
from ..settings import Settings
from ..store.catalog_rows import ItemRow
from ..years import shown_year
from .forgiving import resolved
from .labels import item_label, people_of, text_of, voters_of
from .opened import Opened, opened


def _where(row: ItemRow) -> tuple[str, str | None, str | None, int | None, str | None, str | None]:
    """document, path, date, year, board and paragraph of an item's record."""
    year = shown_year(row.date, row.year)
    return row.document_id, row.path, row.date, year, row.board, item_label(row.number)


def _in_scope(row: ItemRow, f: Filters) -> bool:
    """The filters that concern where an item stands: year, kind, board, document."""
    return f.keeps_place(row.date, row.year, (row.doc_kind, row.part_kind), row.board, row.document_id)


def _by(people: Iterable[PersonEntry | Voter], parties: Iterable[str], f: Filters) -> bool:
    """Made by the filters' party and person."""
    return f.keeps_party(parties) and f.keeps_person(p.name for p in people)


def statement_records(rows: list[ItemRow]) -> Iterator[StatementEntry]:
    for row in rows:
        for s in row.statements:
            first = int(str(s.get("page") or row.first_page))
            pages = tuple(range(first, int(str(s.get("last_page") or row.first_page)) + 1))
            party = s.get("party")
            parties = s.get("parties") or ([party] if party else [])
            people = people_of(s.get("people")) or [
                PersonEntry(str(n), text_of(party)) for n in _list(s["names"])
            ]
            text = str(s.get("text") or "")
            kind = str(s["kind"])
            yield StatementEntry(
                *_where(row), kind, tuple(map(str, _list(parties))), tuple(people), pages[0], pages, text
            )


def _list(value: JsonValue) -> list[JsonValue]:
    return value if isinstance(value, list) else []


def statements(
    settings: Settings, query: str | None, f: Filters, kept: Opened | None = None
) -> list[StatementEntry]:
    """Every reservation, protokollsanteckning and särskilt yttrande in canonical minutes,
    with who made it; with a query, those whose text or people hold it (Swedish word forms)."""
    with opened(settings, kept) as held:
        f = resolved(held.catalog, f)
        rows = [r for r in held.catalog.canonical_items() if _in_scope(r, f)]
        matches: Callable[[str], bool] = held.reader.sentence_matcher(query) if query else (lambda _: True)
        found = [*statement_records(rows), *_statement_parts(held, f)]
        return [
            s
            for s in sorted(found, key=lambda s: (s.date or "", s.path or "", s.page))
            if _by(s.people, s.parties, f) and matches(" ".join([s.text, *(p.name for p in s.people)]))
        ]


def _statement_parts(held: Opened, f: Filters) -> Iterator[StatementEntry]:
    """Statements published as documents or parts of their own (a protokollsanteckning
    with its 'För Vänsterpartiet' and names), canonical copies only."""
    catalog = held.catalog
    ids = [p.id for p in catalog.parts_of_kind(DocumentKind.PROTOKOLLSANTECKNING) if p.repeat_of is None]
    for part in catalog.part_info(ids).values():
        kinds = (part.kind, part.part_kind)
        if not f.keeps_place(part.date, part.year, kinds, part.board, part.document):
            continue
        paragraph = item_label(catalog.item_at(part.id, part.first_page))
        people = tuple(PersonEntry(name_only(n), part.party) for n in part.signatories)
        yield StatementEntry(
            *(part.document, part.path, part.date, shown_year(part.date, part.year), part.board, paragraph),
            kind=DocumentKind.PROTOKOLLSANTECKNING,
            parties=(part.party,) if part.party else (),
            people=people,
            page=part.first_page,
            pages=tuple(range(part.first_page, part.last_page + 1)),
            text=join_lines(catalog.part_text(part.id)),
        )


def votes(settings: Settings, f: Filters) -> list[VoteEntry]:
    """Every omröstning in canonical minutes: what ja and nej stood for, the counts, the
    result and the voteringslista where one is printed by name."""
    with opened(settings) as held:
        f = resolved(held.catalog, f)
        rows = [r for r in held.catalog.canonical_items() if _in_scope(r, f)]
    found = []
    for row in rows:
        for v in row.votes:
            voters = voters_of(v)
            ja, nej, avstar, absent = (_count(v[k]) for k in ("ja", "nej", "avstar", "absent"))
            record = VoteEntry(
                *_where(row),
                page=int(str(v["page"])),
                ja_for=text_of(v["ja_for"]),
                nej_for=text_of(v["nej_for"]),
                ja=ja,
                nej=nej,
                avstar=avstar,
                absent=absent,
                result=text_of(v["result"]),
                voters=voters,
            )
            if _by(voters, [x.party for x in voters if x.party], f):
                found.append(record)
    return found


def _count(value: JsonValue) -> int | None:
    return None if value is None else int(str(value))
