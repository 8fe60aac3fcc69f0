"""CatalogReader listings shaped for output: documents, duplicate groups, and what the
language stage found (amounts, speakers, sections).

Only canonical text counts: a repeated appendix never doubles a sum or a name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from ..filters import Filters, Range
from ..models import SIGNED_KINDS, name_only, sole_party
from ..records import (
    AmountEntry,
    DocumentEntry,
    DuplicateGroup,
    JsonObject,
    PagePlace,
    Paper,
    PartEntry,
    Place,
    ProposalEntry,
    RepeatPlace,
    SectionEntry,
    SpeakerEntry,
)
from ..settings import Settings
from ..store.catalog_rows import AmountRow, DocumentRow, PageLists, PartRow, SectionRow, SpeakerRow
from ..store.reads import CatalogReader
from ..years import shown_year
from .forgiving import document_id, resolved
from .labels import item_label, people_of, vote_json
from .tree import TREE_KINDS, budget_entries, focus_of, table_targets, targets_of


def document_listing(settings: Settings) -> list[DocumentEntry]:
    """Documents with their paths and parts (``repeat_of``: id of the canonical part)."""
    with CatalogReader.open(settings.catalog_path) as catalog:
        docs = catalog.documents_with_parts()
        lists = catalog.pages.page_lists()
    return [_entry(d, lists.get(d.id, PageLists())) for d in docs]


def _entry(d: DocumentRow, pages: PageLists) -> DocumentEntry:
    span = (d.first_paragraph, d.last_paragraph) if d.first_paragraph else None
    return DocumentEntry(
        *(d.id, d.title, d.kind, d.board, d.year, d.date, d.diarienummer, d.paragraph, d.party),
        paragraphs=span,  # type: ignore[arg-type]
        pages=d.pages,
        needs_ocr=bool(d.needs_ocr),
        garbled_pages=pages.garbled,
        ocr_pages=pages.ocr,
        low_confidence_pages=pages.low,
        paths=d.paths,
        parts=tuple(
            PartEntry(
                *(p.id, p.kind, p.title, p.party, p.signatories, p.first_page, p.last_page),
                *(p.repeat_of, p.similarity),
            )
            for p in d.parts
        ),
    )


def _where(part: PartRow, docs: dict[str, DocumentRow]) -> Place:
    doc = docs[part.document_id]
    path = doc.paths[0] if doc.paths else None
    return Place(doc.id, path, part.id, part.first_page, part.last_page)


def duplicate_groups(settings: Settings) -> list[DuplicateGroup]:
    """Each group: the canonical copy and its repeats with their similarity."""
    with CatalogReader.open(settings.catalog_path) as catalog:
        docs = {d.id: d for d in catalog.documents_with_parts()}
    parts = {p.id: p for d in docs.values() for p in d.parts}
    groups: dict[int, list[PartRow]] = {}
    for part in parts.values():
        if part.repeat_of is not None:
            groups.setdefault(part.repeat_of, []).append(part)
    return [
        DuplicateGroup(
            _where(parts[canon], docs),
            tuple(RepeatPlace(**vars(_where(r, docs)), similarity=r.similarity) for r in repeats),
        )
        for canon, repeats in sorted(groups.items())
    ]


def _makers(row: AmountRow) -> tuple[tuple[str, ...], list[str]]:
    """The parties and people whose act an amount's sentence is (a statement part's signers)."""
    people = [name_only(n) for n in row.signatories] + [str(p["name"]) for p in row.people]
    own = [row.part_party] if row.part_kind in SIGNED_KINDS and row.part_party else []
    return tuple(dict.fromkeys(own + list(row.parties))), people


def _kept(row: AmountRow, f: Filters) -> bool:
    """The search filters, applied to one amount's catalog row: ``party`` and ``speaker``
    as made by (signed, moved, said), not named."""
    parties, people = _makers(row)
    return (
        f.keeps_party(parties)
        and f.keeps_person(people)
        and f.keeps_place(
            row.date, row.year, (row.part_kind, row.doc_kind), row.board, row.document_id, row.part_title
        )
    )


ANY_AMOUNT = Range()


def amounts(settings: Settings, f: Filters, bounds: Range = ANY_AMOUNT) -> list[AmountEntry]:
    """Every sum of money in canonical text, exact, in kronor or euro, with its sentence
    and § item."""
    with CatalogReader.open(settings.catalog_path) as catalog:
        return [entry for _, entry in placed_amounts(catalog, f, bounds)]


def placed_amounts(
    catalog: CatalogReader, f: Filters, bounds: Range = ANY_AMOUNT, holds: Callable[[str], bool] | None = None
) -> list[tuple[AmountRow, AmountEntry]]:
    """The amounts ``amounts`` lists, each beside its catalog row (its part and offsets);
    ``holds``: only those whose sentence it holds true (a watch's query)."""
    f = resolved(catalog, f)
    rows = [
        r
        for r in catalog.canonical_amounts()
        if bounds.holds(Decimal(r.value), r.currency) and _kept(r, f) and (holds is None or holds(r.sentence))
    ]
    facts = catalog.pages.page_facts([(r.document_id, r.page) for r in rows])
    return [(r, _amount(catalog, r, facts[(r.document_id, r.page)].ocr)) for r in rows]


def _amount(catalog: CatalogReader, r: AmountRow, ocr: bool) -> AmountEntry:
    value, parties = Decimal(r.value), _makers(r)[0]
    return AmountEntry(
        text=" ".join(r.text.split()),
        sek=value if r.currency == "SEK" else None,  # the contract's field: kronor only
        value=value,
        currency=r.currency,
        qualifier=r.qualifier,
        sentence=r.sentence,
        page=r.page,
        part_kind=r.part_kind,
        document=r.document_id,
        path=r.path,
        year=shown_year(r.date, r.year),  # as a hit's and a quote's: the date's year first
        party=sole_party(parties),
        parties=parties,
        paragraph=item_label(catalog.item_at(r.part_id, r.page, r.text)),
        ocr=ocr,
        rate=r.rate,
        high=None if r.high is None else Decimal(r.high),
        table=r.table_no,
        row=r.row_label,
        column=r.column_label,
    )


@dataclass
class _Person:
    """A person gathered over the rows that name them."""

    name: str
    party: str | None = None
    role: str | None = None
    documents: list[str] = field(default_factory=list)
    pages: list[PagePlace] = field(default_factory=list)
    latest: str = ""  # the date of the meeting their role is from
    spellings: Counter[str] = field(default_factory=Counter)

    def add(self, r: SpeakerRow) -> None:
        self.spellings[r.name] += 1
        self.party = self.party or r.party
        if r.role and (r.date or "") >= self.latest:  # the role of the latest meeting
            self.role, self.latest = r.role, r.date or ""
        if r.document_id not in self.documents:
            self.documents.append(r.document_id)
        place = PagePlace(r.document_id, r.page)
        if place not in self.pages:
            self.pages.append(place)


def speakers(settings: Settings) -> list[SpeakerEntry]:
    """People, their party and role (at their latest meeting), and the documents and pages
    where they appear. One person whatever the name order ('Svenlin Johan' is 'Johan
    Svenlin'): the name is shown as it is written most often."""
    with CatalogReader.open(settings.catalog_path) as catalog:
        rows = catalog.speaker_rows()
    people: dict[frozenset[str], _Person] = {}
    for r in rows:
        people.setdefault(frozenset(r.name.casefold().split()), _Person(r.name)).add(r)
    for person in people.values():
        person.name = person.spellings.most_common(1)[0][0]
    found = [
        SpeakerEntry(p.name, p.party, p.role, tuple(p.documents), tuple(p.pages))
        for p in _whole_names(list(people.values()))
    ]
    return sorted(found, key=lambda p: (p.party or "~", p.name))


def _whole_names(people: list[_Person]) -> list[_Person]:
    """A name that is another's without its given name, of the same party, is that person
    ('Hankanen Ängberg', a line's end where 'Heidi' stood on the line above)."""
    by_name = {p.name: p for p in people}
    for person in people:
        whole = [q for q in people if q is not person and q.name.endswith(" " + person.name)]
        same = [q for q in whole if q.party == person.party or person.party is None]
        if len(person.name.split()) >= 2 and len(same) == 1:
            into = same[0]
            into.documents += [d for d in person.documents if d not in into.documents]
            into.pages += [x for x in person.pages if x not in into.pages]
            by_name.pop(person.name, None)
    return list(by_name.values())


def sections(settings: Settings, ref: str) -> list[SectionEntry]:
    """Goal areas, numbered priorities and headings of one document (canonical parts), a
    plan's tree (goals, focus areas, indicators with their targets, its tables' budget lines);
    of minutes, each § item with its diarienummer, decision, statements, proposals and votes."""
    with CatalogReader.open(settings.catalog_path) as catalog:
        doc_id = document_id(catalog, ref)
        rows = catalog.document_sections(doc_id)
        tables = catalog.document_tables(doc_id)
        budget = budget_entries(tables)
    found = [
        SectionEntry(
            *(r.area, r.number, r.title, r.first_page, r.last_page, r.text, r.kind, r.decision),
            diarienummer=r.diarienummer,
            statements=r.statements,
            proposals=tuple(_proposal(x) for x in r.proposals),
            votes=tuple(vote_json(x) for x in r.votes),
            paper=_paper(r),
            focus=focus,
            targets=targets_of(r) or table_targets(r, tables),
            part_kind=r.part_kind,
        )
        for r, focus in zip(rows, focus_of(rows), strict=True)
    ]
    return found + budget if any(r.kind in TREE_KINDS for r in rows) else found


def _paper(r: SectionRow) -> Paper | None:
    """A § item's member's paper: its kind, signers and their parties (None: no such item)."""
    if not r.paper:
        return None
    signers = tuple(people_of(r.signers))
    return Paper(r.paper, signers, tuple(dict.fromkeys(x.party for x in signers)))


def _proposal(p: JsonObject) -> ProposalEntry:
    people = tuple(people_of(p["people"]))
    parties = tuple(dict.fromkeys(x.party for x in people if x.party))
    return ProposalEntry(people, parties, str(p["proposal"]), int(str(p["page"])), str(p["text"]))
