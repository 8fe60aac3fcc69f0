"""The answers' records, one per answer and each part of one (see ``pipeline.records``)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .base import JsonObject, Record, Snippet, as_json


@dataclass(frozen=True)
class AlsoIn(Record):
    """Another copy of repeated text: its path and the page (else page range) holding it."""

    path: str
    pages: str


@dataclass(frozen=True)
class Hit(Record):
    document: str
    path: str
    title: str
    kind: str
    part_kind: str
    board: str | None
    year: int | None
    date: str | None
    page: int
    section: str | None
    paragraph: str | None
    party: str | None
    parties: tuple[str, ...]
    speakers: tuple[str, ...]
    snippet: Snippet
    text: str
    score: float
    also_in: tuple[AlsoIn, ...]
    text_quality: str
    ocr: bool
    ocr_confidence: float | None


@dataclass(frozen=True)
class WithoutFilter(Record):
    """A filter of a search that found nothing ('party', 'V'), and the hits without it alone."""

    filter: str  # its name, as the option (--party) and the web's argument (party=) write it
    value: str  # as the search read it: 'V', '2019-2022'
    total: int


@dataclass(frozen=True)
class SearchResult(Record):
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]  # over every hit
    suggestions: tuple[str, ...] = ()  # near forms of the words the index lacks, when nothing matched
    unfiltered: int = 0  # when nothing matched: the hits without any filter
    without: tuple[
        WithoutFilter, ...
    ] = ()  # when nothing matched: each filter given, and the hits without it
    unindexed: int = 0  # documents in the catalog the search index does not hold yet

    HIDDEN = ("unindexed",)
    WHEN_NOTHING = ("suggestions", "unfiltered", "without")  # printed only when total is 0

    def to_json(self) -> JsonObject:
        found = super().to_json()
        for name in self.WHEN_NOTHING if self.total else ():
            found.pop(name)
        return found


@dataclass(frozen=True)
class Quote(Record):
    quote: str
    party: str | None
    parties: tuple[str, ...]
    speakers: tuple[str, ...]
    kind: str
    title: str
    board: str | None
    date: str | None
    year: int | None
    path: str
    document: str
    page: int
    start: int
    end: int
    paragraph: str | None
    ocr: bool
    also_in: tuple[AlsoIn, ...]


@dataclass(frozen=True)
class AmountEntry(Record):
    text: str
    sek: Decimal | None  # the contract's field: kronor only
    value: Decimal
    currency: str
    qualifier: str | None
    sentence: str
    page: int
    part_kind: str
    document: str
    path: str
    year: int | None
    party: str | None
    parties: tuple[str, ...]
    paragraph: str | None
    ocr: bool
    rate: str | None  # a price per unit ('kr/m'), not a sum; None: a sum
    high: Decimal | None  # a range's high end, in ``currency`` (None: one sum)
    table: int | None  # a table's cell: the table's number in its document (None: running text)
    row: str | None
    column: str | None


@dataclass(frozen=True)
class PartEntry(Record):
    id: int
    kind: str
    title: str
    party: str | None
    signatories: tuple[str, ...]
    first_page: int
    last_page: int
    repeat_of: int | None
    similarity: float | None


@dataclass(frozen=True)
class DocumentEntry(Record):
    id: str
    title: str
    kind: str
    board: str | None
    year: int | None
    date: str | None
    diarienummer: str | None
    paragraph: str | None
    party: str | None
    paragraphs: tuple[int, int] | None
    pages: int
    needs_ocr: bool
    garbled_pages: tuple[int, ...]
    ocr_pages: tuple[int, ...]
    low_confidence_pages: tuple[int, ...]
    paths: tuple[str, ...]
    parts: tuple[PartEntry, ...]


@dataclass(frozen=True)
class PageEntry(Record):
    """One page of a document as a reader checks it; ``marks``: the query's words."""

    number: int
    text: str
    text_quality: str
    ocr_confidence: float | None
    marks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class DocumentView(Record):
    entry: DocumentEntry
    content: tuple[PageEntry, ...]

    def to_json(self) -> JsonObject:
        return {**self.entry.to_json(), "content": as_json(self.content)}


@dataclass(frozen=True)
class Place(Record):
    """Where a copy of repeated text stands."""

    document: str
    path: str | None
    part: int
    first_page: int
    last_page: int


@dataclass(frozen=True)
class RepeatPlace(Place):
    similarity: float | None = None


@dataclass(frozen=True)
class DuplicateGroup(Record):
    canonical: Place
    repeats: tuple[RepeatPlace, ...]


@dataclass(frozen=True)
class PagePlace(Record):
    document: str
    page: int


@dataclass(frozen=True)
class SpeakerEntry(Record):
    name: str
    party: str | None
    role: str | None
    documents: tuple[str, ...]
    pages: tuple[PagePlace, ...]


@dataclass(frozen=True)
class PersonEntry(Record):
    name: str
    party: str | None


@dataclass(frozen=True)
class Voter(Record):
    name: str
    party: str | None
    vote: str


@dataclass(frozen=True)
class ProposalEntry(Record):
    people: tuple[PersonEntry, ...]
    parties: tuple[str, ...]
    proposal: str
    page: int
    text: str


@dataclass(frozen=True)
class Paper(Record):
    """A member's motion, interpellation or fråga a § item handles."""

    kind: str
    signers: tuple[PersonEntry, ...]
    parties: tuple[str | None, ...]


@dataclass(frozen=True)
class Target(Record):
    """An indicator's target for a year as printed ('97'), and its outcome ('95'; None: not
    given)."""

    year: int
    target: str | None
    outcome: str | None


@dataclass(frozen=True)
class SectionEntry(Record):
    """A goal area, priority or heading; a plan's goal, focus area, indicator or budget
    line; of minutes, a § item."""

    HIDDEN = ("part_kind",)

    area: str | None
    number: int | None
    title: str
    first_page: int
    last_page: int
    text: str
    kind: str
    decision: str | None
    diarienummer: str | None
    statements: tuple[JsonObject, ...]  # as the minutes' reader stored them
    proposals: tuple[ProposalEntry, ...]
    votes: tuple[JsonObject, ...]  # each with its voters as {name, party, vote}
    paper: Paper | None
    focus: str | None = None  # an indicator's focus area (the last one listed above it)
    targets: tuple[Target, ...] = ()  # an indicator's target (and outcome) per year
    part_kind: str = ""


@dataclass(frozen=True)
class StatementEntry(Record):
    document: str
    path: str | None
    date: str | None
    year: int | None
    board: str | None
    paragraph: str | None
    kind: str
    parties: tuple[str, ...]
    people: tuple[PersonEntry, ...]
    page: int
    pages: tuple[int, ...]
    text: str


@dataclass(frozen=True)
class VoteEntry(Record):
    document: str
    path: str | None
    date: str | None
    year: int | None
    board: str | None
    paragraph: str | None
    page: int
    ja_for: str | None
    nej_for: str | None
    ja: int | None
    nej: int | None
    avstar: int | None
    absent: int | None
    result: str | None
    voters: tuple[Voter, ...]


@dataclass(frozen=True)
class TrendRow(Record):
    """A key's hits, the documents they are in, the pages of text under the key with the same
    filters (what could have been hit) and the hits per 100 of those pages (None: no pages)."""

    key: str | int | None  # None: hits without one
    hits: int
    documents: int
    pages: int = 0
    per_100_pages: float | None = None


@dataclass(frozen=True)
class Trend(Record):
    query: str
    by: str
    rows: tuple[TrendRow, ...]
    hits: int  # the search's hits: by party or board a joint hit is in each of its keys' rows


@dataclass(frozen=True)
class WatchEntry(Record):
    """A saved search: its query and filters (None: not filtered on; ``year``: '2021' or
    '2019-2022'), when it was made and when its news were last read (None: never)."""

    name: str
    query: str
    year: str | None
    kind: str | None
    board: str | None
    party: str | None
    speaker: str | None
    document: str | None
    created: str
    last_read: str | None


@dataclass(frozen=True)
class WatchNews(Record):
    """What is new for a watch since it was last read (its ``last_read``; None: never): the
    hits, statements and amounts matching its query and filters that it has not shown."""

    watch: WatchEntry
    hits: tuple[Hit, ...]
    statements: tuple[StatementEntry, ...]
    amounts: tuple[AmountEntry, ...]

    @property
    def count(self) -> int:
        return len(self.hits) + len(self.statements) + len(self.amounts)
