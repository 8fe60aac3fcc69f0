"""The answers' records: what every command returns, typed on the way out as models.py
types them on the way in.

Each record is a frozen dataclass whose fields, in order, are its JSON contract:
``to_json()`` is what ``--json`` and ``/api/`` print (the README lists the same fields, and
a test holds the two together). A record also reads as its JSON (``hit["page"]``), for
scripts and tests that treat answers as data.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any, TypeAlias

JsonValue: TypeAlias = "str | int | float | bool | Decimal | list[JsonValue] | dict[str, JsonValue] | None"
JsonObject: TypeAlias = "dict[str, JsonValue]"


def as_json(value: object) -> JsonValue:
    """A field's value as JSON: records by their ``to_json``, tuples as lists."""
    if isinstance(value, Record | Snippet):
        return value.to_json()
    if isinstance(value, tuple | list):
        return [as_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | Decimal):
        return value
    raise TypeError(f"not a JSON value: {type(value).__name__}")


class Record:
    """A record's JSON: its fields in order (a subclass may leave some out: ``HIDDEN``)."""

    HIDDEN: tuple[str, ...] = ()

    def to_json(self) -> JsonObject:
        return {
            f.name: as_json(getattr(self, f.name))
            for f in fields(self)  # type: ignore[arg-type]
            if f.name not in self.HIDDEN
        }

    # Read as its JSON, a record is untyped data (scripts, tests); the library reads fields.
    def __getitem__(self, key: str) -> Any:
        return self.to_json()[key]

    def get(self, key: str, default: JsonValue = None) -> Any:
        return self.to_json().get(key, default)


@dataclass(frozen=True)
class Snippet:
    """A hit's snippet: its text and the character ranges of the words the query matched."""

    text: str
    marks: tuple[tuple[int, int], ...] = ()

    def to_json(self) -> str:
        return self.text

    def pieces(self) -> list[tuple[str, bool]]:
        """The text cut at the marks: (piece, marked) in order."""
        out, at = [], 0
        for start, end in self.marks:
            out += [(self.text[at:start], False), (self.text[start:end], True)]
            at = end
        return [*out, (self.text[at:], False)]

    def marked(self, before: str, after: str) -> str:
        """The text with each match between ``before`` and ``after`` ('**', '**')."""
        return "".join(f"{before}{p}{after}" if m else p for p, m in self.pieces())

    def first_mark(self) -> str:
        return self.text[self.marks[0][0] : self.marks[0][1]] if self.marks else ""

    def collapsed(self) -> Snippet:
        """Runs of white space as one space, the ends stripped, the marks kept on their words."""
        out: list[str] = []
        at: list[int] = []  # at[i]: where the text's i-th character stands in the new text
        for ch in self.text:
            at.append(len(out))
            if not ch.isspace():
                out.append(ch)
            elif out and out[-1] != " ":
                out.append(" ")
        text = "".join(out).rstrip(" ")
        marks = tuple((at[s], min(at[e - 1] + 1, len(text))) for s, e in self.marks if e > s)
        return Snippet(text, marks)


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
class SearchResult(Record):
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]  # over every hit
    suggestions: tuple[str, ...] = ()  # near word forms, when nothing matched
    unindexed: int = 0  # documents in the catalog the search index does not hold yet

    def to_json(self) -> JsonObject:
        found = super().to_json()
        found.pop("unindexed")
        if self.total:
            found.pop("suggestions")
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
class SectionEntry(Record):
    """A goal area, priority or heading; of minutes, a § item."""

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
    key: str | int | None  # None: hits without one
    hits: int
    documents: int


@dataclass(frozen=True)
class Trend(Record):
    query: str
    by: str
    rows: tuple[TrendRow, ...]


@dataclass(frozen=True)
class Side(Record):
    """The plan or the report a comparison reads."""

    HIDDEN = ("part_id", "date")

    document: str
    title: str
    year: int | None
    path: str
    part_id: int = 0
    date: str | None = None


@dataclass(frozen=True)
class ItemRef(Record):
    number: int | None
    title: str
    page: int


@dataclass(frozen=True)
class CompareRow(Record):
    area: str | None
    plan: ItemRef | None
    report: ItemRef | None
    similarity: float
    status: str
    evidence: str
    evidence_page: int | None
    amounts_plan: tuple[str, ...]
    amounts_report: tuple[str, ...]


@dataclass(frozen=True)
class Comparison(Record):
    plan: Side
    report: Side
    rows: tuple[CompareRow, ...] = field(default_factory=tuple)
