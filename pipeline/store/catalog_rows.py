"""What the catalog's reads return: typed rows, one dataclass per question, built from
the SQL row by field name. Lists stored as JSON are parsed here, once."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Any, Protocol, TypeVar

from ..records import JsonObject

T = TypeVar("T")


class Row(Protocol):
    """A row by column name (sqlite3.Row)."""

    def __getitem__(self, key: str) -> Any: ...


def build(cls: type[T], row: Row, **given: object) -> T:
    """A ``cls`` from the row's columns of its fields' names (``given``: set otherwise)."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    return cls(**{n: given[n] if n in given else row[n] for n in names})


def names(text: object) -> tuple[str, ...]:
    """A JSON list of names (signatories, parties) as a tuple."""
    return tuple(json.loads(str(text or "[]")))


def objects(text: object) -> tuple[JsonObject, ...]:
    """A JSON list of objects (statements, proposals, votes, people) as a tuple."""
    return tuple(json.loads(str(text or "[]")))


@dataclass(frozen=True)
class PageFacts:
    text_quality: str  # 'good', 'garbled' (a page ingested before it was judged: 'good')
    ocr: bool
    ocr_confidence: float | None  # its mean word confidence, when OCR read it


@dataclass(frozen=True)
class PageLists:
    """A document's garbled pages, pages read by OCR, and OCR pages of low confidence."""

    garbled: tuple[int, ...] = ()
    ocr: tuple[int, ...] = ()
    low: tuple[int, ...] = ()


@dataclass(frozen=True)
class PartInfo:
    """A part with its document's facts, as answers cite it."""

    id: int
    part_title: str
    part_kind: str
    party: str | None
    signatories: tuple[str, ...]
    first_page: int
    last_page: int
    document: str
    title: str
    kind: str
    board: str | None
    year: int | None
    date: str | None
    path: str


@dataclass(frozen=True)
class Repeat:
    """A repeat of a canonical part."""

    repeat_of: int
    id: int
    document_id: str
    first_page: int
    last_page: int
    similarity: float | None
    seq: int
    path: str


@dataclass(frozen=True)
class BlockRef:
    id: int
    document_id: str
    part_id: int
    page: int
    start: int
    end: int


@dataclass(frozen=True)
class PartRow:
    id: int
    document_id: str
    kind: str
    title: str
    party: str | None
    signatories: tuple[str, ...]
    first_page: int
    last_page: int
    repeat_of: int | None
    similarity: float | None


@dataclass(frozen=True)
class DocumentRow:
    id: str
    title: str
    kind: str
    board: str | None
    year: int | None
    date: str | None
    diarienummer: str | None
    paragraph: str | None
    party: str | None
    first_paragraph: int | None
    last_paragraph: int | None
    pages: int
    needs_ocr: int
    paths: tuple[str, ...]
    parts: tuple[PartRow, ...]


@dataclass(frozen=True)
class AmountRow:
    """An amount of canonical text with its part's and document's facts and whose act its
    sentence is (``people``: [{name, party}], ``parties``)."""

    document_id: str
    part_id: int
    page: int
    start: int
    end: int
    text: str
    value: str
    currency: str
    qualifier: str | None
    sentence: str
    part_kind: str
    part_party: str | None
    year: int | None
    date: str | None
    doc_kind: str
    board: str | None
    signatories: tuple[str, ...]
    path: str
    people: tuple[JsonObject, ...]
    parties: tuple[str, ...]
    part_title: str = ""
    rate: str | None = None
    high: str | None = None
    table_no: int | None = None
    row_label: str | None = None
    column_label: str | None = None


@dataclass(frozen=True)
class ItemRow:
    """A § item of canonical minutes with its document's facts."""

    number: int | None
    title: str
    first_page: int
    last_page: int
    statements: tuple[JsonObject, ...]
    proposals: tuple[JsonObject, ...]
    votes: tuple[JsonObject, ...]
    part_id: int
    document_id: str
    date: str | None
    year: int | None
    board: str | None
    doc_kind: str
    part_kind: str
    path: str | None


@dataclass(frozen=True)
class SpeakerRow:
    """A place a person spoke, was named with a party, or signed a statement."""

    name: str
    party: str | None
    role: str | None
    document_id: str
    page: int
    date: str | None


@dataclass(frozen=True)
class SectionRow:
    kind: str
    area: str | None
    number: int | None
    title: str
    first_page: int
    last_page: int
    text: str
    decision: str | None
    diarienummer: str | None
    statements: tuple[JsonObject, ...]
    proposals: tuple[JsonObject, ...]
    votes: tuple[JsonObject, ...]
    paper: str | None
    signers: tuple[JsonObject, ...]
    part_kind: str = ""


@dataclass(frozen=True)
class KindPart:
    """A part of one kind with its canonical part and document facts."""

    id: int
    document_id: str
    title: str
    repeat_of: int | None
    doc_title: str
    year: int | None
    date: str | None
    board: str | None
    path: str
    kind: str = ""


@dataclass(frozen=True)
class Heading:
    """The section a line stands under: its kind ('priority', 'paragraph' for a § item, …),
    number and title."""

    kind: str
    number: int | None
    title: str
