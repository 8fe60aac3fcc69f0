"""Frozen records passed between the stages.

Pages are 1-based PDF page numbers. Offsets are character offsets (Python
``str`` indices) into a page's stored ``body`` text, never byte offsets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from .vocabulary import (  # the shared words, with the records
    KIND_ALIASES as KIND_ALIASES,
    MINUTES_KINDS as MINUTES_KINDS,
    PLAN_KINDS as PLAN_KINDS,
    REPORT_KINDS as REPORT_KINDS,
    UPPER as UPPER,
    DocumentKind as DocumentKind,
    PageQuality as PageQuality,
    SectionKind as SectionKind,
    StatementKind as StatementKind,
)

# The national parties: code -> the names they are written with (the first is the official one).
NATIONAL: dict[str, tuple[str, ...]] = {
    "S": ("Socialdemokraterna", "Arbetarepartiet-Socialdemokraterna", "Socialdemokratiska"),
    "M": ("Moderaterna", "Moderata samlingspartiet"),
    "SD": ("Sverigedemokraterna",),
    "C": ("Centerpartiet",),
    "V": ("Vänsterpartiet",),
    "KD": ("Kristdemokraterna",),
    "L": ("Liberalerna", "Folkpartiet"),
    "MP": ("Miljöpartiet de gröna", "Miljöpartiet"),
}


def sole_party(parties: Sequence[str]) -> str | None:
    """The one party of an act made by one party alone (None: by none, or jointly)."""
    return parties[0] if len(parties) == 1 else None


def party_name(code: str | None) -> str | None:
    """'V' -> 'Vänsterpartiet'; a local party's code as it is."""
    return NATIONAL[code][0] if code in NATIONAL else code


@dataclass(frozen=True)
class Line:
    """One text line of a page as the PDF layer gave it, after cleaning."""

    text: str
    bold: bool = False
    size: float = 0.0
    # where a table's marks stand across the page: ('Ja', 312.5), ('X', 318.0) (read/pdf.py)
    marks: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Word:
    """A word of a page where the text layer sets it, in points from the page's top left:
    what a table's columns are read from (read/pdf.py, extract/grid.py)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True)
class RawPage:
    """A page as read from the PDF: its lines, before headers are told apart."""

    number: int
    lines: tuple[Line, ...]
    ocr_confidence: float | None = None  # read by OCR: its mean word confidence (0–100)
    # the words of a page whose lines look like a table's rows (figures beside labels), else none
    words: tuple[Word, ...] = ()
    # the boxes of the same page's drawn lines and rectangles (a table's rulings): x0, top, x1, bottom
    rules: tuple[tuple[float, float, float, float], ...] = ()


@dataclass(frozen=True)
class Page:
    """A page split into body text (searched, quoted) and furniture (running
    headers, footers, letterheads: stored, never searched)."""

    number: int
    body: str
    furniture: str
    bold_lines: tuple[int, ...] = ()
    sizes: tuple[float, ...] = ()
    quality: str = PageQuality.GOOD
    ocr_confidence: float | None = None  # read by OCR (not the text layer): mean word confidence
    item: int | None = None  # the § its text layer's header or foot names ('43 §'), in page-per-item minutes
    marks: tuple[tuple[int, tuple[tuple[str, float], ...]], ...] = ()  # body line -> its Line.marks

    @property
    def ocr(self) -> bool:
        return self.ocr_confidence is not None

    @property
    def has_text(self) -> bool:
        return bool(self.body.strip() or self.furniture.strip())


# Part kinds that members sign: every sentence of one is its signers' act
SIGNED_KINDS = (
    DocumentKind.PROTOKOLLSANTECKNING,
    DocumentKind.MOTION,
    DocumentKind.INTERPELLATION,
    DocumentKind.FRÅGA,
)


@dataclass(frozen=True)
class Part:
    """A run of pages in a composite PDF that forms one document of its own."""

    seq: int
    kind: str  # a DocumentKind
    title: str
    first_page: int
    last_page: int
    party: str | None = None
    signatories: tuple[str, ...] = ()  # as signed: 'Nujin Alacabek' or 'Name (note)'
    header: str = ""

    def holds(self, page: int) -> bool:
        return self.first_page <= page <= self.last_page


def name_only(signatory: str) -> str:
    """A signatory without the note in parentheses: 'Anna Berg (ersättare)' -> 'Anna Berg'."""
    return signatory.split(" (")[0].strip()


@dataclass(frozen=True)
class Block:
    """A paragraph-sized piece of body text on one page: the unit of search."""

    page: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Amount:
    """A sum of money in running text (``table`` None) or a table's cell (``table`` its
    number in the document, ``row`` its row's label, ``column`` its column's header)."""

    text: str
    value: Decimal  # in ``currency``: exact; a range's low end
    currency: str  # 'SEK' or 'EUR'
    qualifier: str | None
    sentence: str
    page: int
    start: int
    end: int
    rate: str | None = None  # a price per unit ('kr/m', 'kr/invånare'), not a sum: as printed
    high: Decimal | None = None  # a range's high end ('1 800–2 200 tkr'), in ``currency``
    table: int | None = None
    row: str | None = None
    column: str | None = None


@dataclass(frozen=True)
class TableCell:
    """A table's cell: ``text`` exactly as printed ('-1 942'), ``value`` the number in kronor
    where the table's unit is money, else the number as printed (None: not a number)."""

    text: str
    value: Decimal | None


@dataclass(frozen=True)
class TableRow:
    label: str  # the row's label: its first column's text ('Kommunbidrag')
    cells: tuple[tuple[str, TableCell], ...]  # (column header, cell), in the table's order


@dataclass(frozen=True)
class Table:
    """A table on a page as a reader sees it: its columns' headers, its rows by label, and
    the unit its header or caption gives ('tkr', 'mnkr', 'kr', '%'; None: none given)."""

    seq: int  # its number in the document, from 1
    page: int
    unit: str | None
    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]
    caption: str = ""


@dataclass(frozen=True)
class Speaker:
    name: str
    party: str | None
    role: str | None
    page: int


@dataclass(frozen=True)
class Person:
    """Someone who signed, moved or voted: 'Heidi Hankanen Ängberg', 'C'."""

    name: str
    party: str | None = None


@dataclass(frozen=True)
class Statement:
    """A statement attached to a § item: 'Rasmus Lenefors (S) anmäler protokollsanteckning',
    or a written reservation under its heading, with its text."""

    kind: str  # a StatementKind: protokollsanteckning, reservation, särskilt yttrande
    party: str | None  # the first of ``parties``
    names: tuple[str, ...]
    people: tuple[Person, ...] = ()
    parties: tuple[str, ...] = ()
    page: int = 0
    last_page: int = 0
    text: str = ""  # the statement as written out in the minutes ('' where only announced)


@dataclass(frozen=True)
class Proposal:
    """A yrkande: who moved what ('bifall', 'avslag', 'återremiss', 'tillägg', 'ändring',
    'eget förslag'), with the sentence that says so."""

    people: tuple[Person, ...]
    proposal: str
    page: int
    text: str


@dataclass(frozen=True)
class Vote:
    """An omröstning: what ja and nej stood for, the counts, the result and, where the
    minutes print one, the voteringslista."""

    page: int
    ja_for: str | None
    nej_for: str | None
    ja: int | None
    nej: int | None
    avstar: int | None
    absent: int | None
    result: str | None
    voters: tuple[tuple[str, str | None, str], ...] = ()  # (name, party, 'ja' | 'nej' | 'avstår')


@dataclass(frozen=True)
class Section:
    area: str | None
    number: int | None
    title: str
    first_page: int
    last_page: int
    text: str
    kind: str = SectionKind.PRIORITY
    decision: str | None = None  # a § item's decision, as the minutes write it
    statements: tuple[Statement, ...] = ()  # reservations, protokollsanteckningar … on a § item
    diarienummer: str | None = None  # a § item's, as its heading prints it
    proposals: tuple[Proposal, ...] = ()
    votes: tuple[Vote, ...] = ()
    paper: str | None = None  # the item handles a member's motion, interpellation or fråga
    signers: tuple[Person, ...] = ()  # … signed by these, as its title names them


@dataclass(frozen=True)
class Sentence:
    """A sentence starting on ``page`` at ``start``; ``end`` may run past the
    page's text into the next page (pages joined by one newline)."""

    page: int
    start: int
    end: int
    quotable: bool = True  # a whole sentence of the body: no heading, label, row or fragment
    people: tuple[Person, ...] = ()  # whose act the sentence is (extract/acts.py): none, nobody's
    parties: tuple[str, ...] = ()


@dataclass(frozen=True)
class Extracted:
    """What the language stage found in one part."""

    amounts: tuple[Amount, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    sections: tuple[Section, ...] = ()
    sentences: tuple[Sentence, ...] = ()


@dataclass(frozen=True)
class Meta:
    title: str = ""
    kind: str = DocumentKind.OTHER
    board: str | None = None
    year: int | None = None
    date: str | None = None
    diarienummer: str | None = None
    paragraph: str | None = None  # '§ 12' for an extract, '§ 39–49' for full minutes
    party: str | None = None
    paragraphs: tuple[int, int] | None = None  # the first and last § the document covers


# What a reader finds in a PDF, by version: a document read by an older one is read again at
# its next ingest. 1: before euro amounts (and table figures at a page's foot) were read;
# 2: before § items were read from their own headings, with statements, proposals and votes;
# 3: before each sentence knew whose act it is; 4: before a document with no date and no year
# in its title took the year its first page names, a title passed over what names no document
# (a line of contents, an address, a page's mark, a line repeated on the pages) and a letter's
# own date (a date alone atop its first page) was read; 5: before reports' and plans' kinds,
# tables, and amounts' signs, ranges and rates were read.
READER_VERSION = 6


@dataclass(frozen=True)
class Document:
    """One PDF's content, identified by the SHA-256 of its bytes."""

    id: str
    meta: Meta
    pages: tuple[Page, ...]
    parts: tuple[Part, ...]
    size: int = 0
    needs_ocr: bool = False
    extracted: dict[int, Extracted] = field(default_factory=dict)
    # dedup's sampled shingle hashes by part seq, made by the reader (a part too short to
    # compare has none); missing for a document read before, which dedup then cuts itself
    shingles: dict[int, tuple[int, ...]] | None = None
    # the reader's blocks of every page, and each block text's lemma and parts views for
    # the index (see store/rows.py); missing for a document read before
    blocks: tuple[Block, ...] | None = None
    views: dict[str, tuple[str, str]] | None = None
    tables: tuple[Table, ...] = ()  # the tables its pages hold (extract/tables.py)

    def pages_of(self, part: Part) -> list[Page]:
        return pages_in(self.pages, part)

    def part_text(self, part: Part) -> str:
        """A part's body text, its pages joined by one newline."""
        return "\n".join(p.body for p in self.pages_of(part))


def pages_in(pages: Iterable[Page], part: Part) -> list[Page]:
    """The pages of ``pages`` that lie in ``part``'s page range."""
    return [p for p in pages if part.holds(p.number)]
