"""Document structure from the text: parts of a composite PDF and metadata.

Kind, board, year, meeting date, diarienummer and paragraph are read from the
content, never from the file name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ..models import (
    MINUTES_KINDS,
    PLAN_KINDS,
    REPORT_KINDS,
    SIGNED_KINDS,
    DocumentKind,
    Meta,
    Page,
    Part,
)
from ..years import year_in
from . import minutes
from .kinds import carried_kind, is_letter, label_kind, title_kind
from .letterhead import (
    document_date,
    find_board as find_board,  # where compare and the tests ask for it
    letterhead_board,
    restarts,
    running_title,
)
from .meeting import DATE_RE, full_minutes, parse_date
from .parties import party_of_text, signatories
from .reports import annual_report
from .titles import (
    CONTENTS_RE,
    DIARIE_RE,
    fiscal_year,
    letter_date,
    named_year,
    no_title,
    part_title,
    repeated_lines,
)

ITEM_RE = re.compile(r"§\s*(\d+)")  # an item's mark: '§ 12'
# 'årsredovisning för räkenskapsåret 1 januari - 31 december 2021', '... 2022-01-01 - 2022-12-31'
ITEM_AFTER_RE = re.compile(r"\b(\d{1,3})\s*§")  # '12 §'

# What a member's own paper opens with: 'Motion om …', 'Interpellation till …', 'Enkel fråga från …'
SIGNED_ABOUT = "om|angående|ang\\.|gällande|avseende|rörande|till|från|med|för"

KIND_PATTERNS: list[tuple[DocumentKind, re.Pattern[str]]] = [
    (
        DocumentKind.PROTOKOLLSANTECKNING,
        re.compile(r"^(Protokollsanteckning|Reservation|Särskilt yttrande)\b"),
    ),
    (DocumentKind.PROTOKOLLSANTECKNING, re.compile(r"^Ärende\s+\d+\s*:")),
    (DocumentKind.TJÄNSTEUTLÅTANDE, re.compile(r"^(Tjänsteutlåtande|Förslag till beslut)\b")),
    (DocumentKind.MOTION, re.compile(rf"^Motion(?:\s+(?:{SIGNED_ABOUT})\b|\s*$)")),
    (DocumentKind.INTERPELLATION, re.compile(rf"^Interpellation(?:\s+(?:{SIGNED_ABOUT})\b|\s*$)")),
    (DocumentKind.FRÅGA, re.compile(rf"^(?:Enkel\s+)?[Ff]råga\s+(?:{SIGNED_ABOUT})\b")),
    (DocumentKind.FÖREDRAGNINGSLISTA, re.compile(r"^(Föredragningslista|Kallelse)\b", re.IGNORECASE)),
    (DocumentKind.VERKSAMHETSPLAN, re.compile(r"^Verksamhetsplan\b")),
    (DocumentKind.VERKSAMHETSBERÄTTELSE, re.compile(r"^Verksamhetsberättelse\b")),
    (
        DocumentKind.ÅRSREDOVISNING,
        re.compile(r"^([ÅA]rsredovisning|ÅRSREDOVISNING|ARSREDOVISNING|Bokslut)\b"),
    ),
]
TJUT_RE = KIND_PATTERNS[2][1]
# the kinds a page opens as a part of its own wherever it stands
OPENS_ALONE = (DocumentKind.PROTOKOLLSANTECKNING, DocumentKind.TJÄNSTEUTLÅTANDE)
PLANS = (DocumentKind.VERKSAMHETSPLAN, DocumentKind.VERKSAMHETSBERÄTTELSE)
WHOLE_MEETING = (DocumentKind.PROTOKOLL, DocumentKind.FÖREDRAGNINGSLISTA)  # whole minutes, or an agenda
LETTERHEAD_KIND = re.compile(
    r"""^(?:
        SAMMANTRÄDESPROTOKOLL | Sammanträdesprotokoll
      | PROTOKOLLSUTDRAG | Protokollsutdrag
      | (?:UTDRAG\ UR|Utdrag\ ur)\ (?:SAMMANTRÄDES|sammanträdes)?(?:PROTOKOLL|protokoll)
      | PROTOKOLL | Protokoll
    )\b
    | ^Organ\s  # a form's label: 'Organ Välfärdsnämnden'""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class _Start:
    kind: DocumentKind
    header: str
    cover: bool = False


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _is_cover(page: Page) -> bool:
    lines = _lines(page.body)
    return 0 < len(lines) <= 6 and not any(line.endswith((".", ":")) for line in lines)


def _minutes_kind(page: Page) -> DocumentKind | None:
    if minutes.is_agenda([page]):
        return DocumentKind.FÖREDRAGNINGSLISTA
    for line in _lines(page.furniture)[:3] + _lines(page.body)[:6]:  # OCR may read a logo first
        match = LETTERHEAD_KIND.match(line) or (
            len(line.split()) <= 6 and minutes.LETTERHEAD_WORD.search(line)
        )
        if match:
            word = match.group(0).upper()
            return DocumentKind.PROTOKOLLSUTDRAG if "UTDRAG" in word else DocumentKind.PROTOKOLL
    head = minutes.running_head(page)  # its running head, which pdfium may read last on the page
    return head.kind if head else None


def _text_kind(lines: Sequence[str]) -> DocumentKind | None:
    for line in lines:
        for kind, pattern in KIND_PATTERNS:
            if pattern.match(line):
                return kind
    return None


def _header(page: Page) -> str:
    lines = _lines(page.furniture)
    return next((line for line in lines if not LETTERHEAD_KIND.match(line)), "")


def _title_header(page: Page) -> str:
    """The running head a title may be: not a letterhead, a page mark or an address."""
    lines = _lines(page.furniture)
    return next((line for line in lines if not LETTERHEAD_KIND.match(line) and not no_title(line)), "")


def _start_of(page: Page, current: _Start | None) -> _Start | None:
    """The part that ``page`` starts, or None when it continues ``current``."""
    minutes = _minutes_kind(page)
    header = _header(page)
    if minutes:
        return None if current and current.kind == minutes else _Start(minutes, header)
    if current is None and is_letter(page):
        return _Start(DocumentKind.TJÄNSTESKRIVELSE, header)
    body = [line for line in _lines(page.body) if not CONTENTS_RE.search(line)]  # names parts, opens none
    kind = _text_kind(body[:3])
    if kind != DocumentKind.PROTOKOLLSANTECKNING and any(TJUT_RE.match(line) for line in body[:6]):
        kind = DocumentKind.TJÄNSTEUTLÅTANDE
    opens = kind in SIGNED_KINDS and _text_kind(body[:1]) is not None  # a motion's own first page
    if kind is not None and (kind in OPENS_ALONE or opens):
        return _Start(kind, header)
    cover_kind = _text_kind([" ".join(body[:4])]) if _is_cover(page) else None
    if current is None or cover_kind:
        return _Start(
            kind or cover_kind or _text_kind([header]) or DocumentKind.OTHER, header, bool(cover_kind)
        )
    if current.cover:
        return None
    if header and header != current.header and _text_kind([header]):
        return _Start(_text_kind([header]) or DocumentKind.OTHER, header)
    if kind in PLANS and current.kind != kind:
        return _Start(kind, header)
    return None


def split_parts(pages: Sequence[Page], party_names: Mapping[str, str] | None = None) -> list[Part]:
    """Split a composite PDF into parts with page ranges."""
    starts: list[tuple[int, _Start]] = []
    current: _Start | None = None
    previous: Page | None = None
    for page in pages:
        start = _start_of(page, current)
        if start is None and current and current.kind in LETTERS and _next_document(current, previous, page):
            start = _Start(DocumentKind.OTHER, _header(page))
        previous = page
        if start is not None:
            starts.append((page.number, start))
            current = start
        elif current is not None and current.cover:
            current = _Start(current.kind, _header(page) or current.header)
            starts[-1] = (starts[-1][0], current)
    parts = []
    repeated = repeated_lines(pages)
    for seq, (first, start) in enumerate(starts):
        last = starts[seq + 1][0] - 1 if seq + 1 < len(starts) else pages[-1].number
        span = [p for p in pages if first <= p.number <= last]
        parts.append(_make_part(seq, start, span, party_names, repeated))
    return parts


# the kinds of part a page that numbers itself 1 again ends: a letter, a plan or a report
LETTERS = (DocumentKind.OTHER, DocumentKind.TJÄNSTESKRIVELSE, *PLAN_KINDS, *REPORT_KINDS)


def _next_document(current: _Start, previous: Page | None, page: Page) -> bool:
    """A page that opens the next document bound into the PDF: one that numbers itself 1 again
    ('1 (13)' after '2 (2)'), or, after a tjänsteskrivelse, the cover of the plan or report
    it presents ('Delårsrapport januari–augusti 2023' alone on a page)."""
    if restarts(previous, page):
        return True
    cover = " ".join(_lines(page.body)[:4]) if _is_cover(page) else ""
    return current.kind == DocumentKind.TJÄNSTESKRIVELSE and title_kind(cover) in PLAN_KINDS + REPORT_KINDS


def _kind_of(kind: str, title: str, pages: Sequence[Page]) -> str:
    """A part's kind where its first page named none: the kind its title names ('Affärsplan
    …'); a tjänsteskrivelse's, the plan or report it holds (kinds.carried_kind)."""
    if kind == DocumentKind.TJÄNSTESKRIVELSE:
        return carried_kind(title, pages)
    return (title_kind(title) or label_kind(pages[0]) or kind) if kind == DocumentKind.OTHER else kind


def _label_title(title: str, pages: Sequence[Page]) -> str:
    """A title that is a kind's name alone ('Årsredogörelse', 'Rapportsammandrag': a label
    above the cover's picture or letter) gives way to the running head's title."""
    if len(YEAR_END.sub("", title).split()) == 1 and title_kind(title):
        return running_title(pages) or title
    return title


YEAR_END = re.compile(r"\s*\b(?:19|20)\d\d\s*$")


def _make_part(
    seq: int,
    start: _Start,
    pages: Sequence[Page],
    party_names: Mapping[str, str] | None,
    repeated: frozenset[str],
) -> Part:
    text = "\n".join(p.body for p in pages)
    title = part_title(start.kind, pages, _title_header(pages[0]), repeated)
    kind = _kind_of(start.kind, title, pages)
    if kind != start.kind:
        title = _label_title(title, pages)
    party = signed = None
    if start.kind in SIGNED_KINDS:
        party = party_of_text(text, party_names)
        signed = tuple(signatories(text))
    return Part(
        seq=seq,
        kind=kind,
        title=title,
        first_page=pages[0].number,
        last_page=pages[-1].number,
        party=party,
        signatories=signed or (),
        header=start.header,
    )


def _meeting_line(lines: Sequence[str]) -> str | None:
    """A line naming a meeting and its § ('Välfärdsnämnden 15 september 2022 § 49'), not a
    sentence citing another handling ('Kommunstyrelsen har den 13 april 2026, § 27 behandlat
    ärendet.')."""
    return next(
        (line for line in lines if ITEM_RE.search(line) and DATE_RE.search(line) and not _cites(line)),
        None,
    )


# a date that is not the meeting's: when the minutes were checked or posted, an earlier handling
OTHER_DATE_RE = re.compile(
    r"""\bden\s+\d{1,2}\s+[a-zåäö]+\s+\d{4}  # an earlier handling: 'har den 13 april 2026, § 27 behandlat'
    | juster                                # when the minutes were checked: 'Justeringsdatum'
    | anslag                                # … or posted: 'Anslaget'
    | tidigare                              # 'Tidigare behandling: Stadsstyrelsen 5.9.2022, 186 §'
    | skrivelse                             # another act's date: 'skrivelse den …'""",
    re.VERBOSE | re.IGNORECASE,
)


def _cites(line: str) -> bool:
    """A line whose date and § are another meeting's or another act's."""
    return bool(OTHER_DATE_RE.search(line)) or (line.endswith(".") and len(line.split()) > 6)


DOCUMENT_KINDS = LETTERS  # what a municipality writes that is no minutes


def _carried(parts: Sequence[Part]) -> Part:
    """The part a document is named for: its first, but where a tjänsteskrivelse presents
    the plan or report that follows it in the same PDF, that plan or report."""
    first = parts[0]
    if first.kind == DocumentKind.TJÄNSTESKRIVELSE:
        return next((p for p in parts[1:] if p.kind in PLAN_KINDS + REPORT_KINDS), first)
    return first


def _dated(kind: str, pages: Sequence[Page]) -> str | None:
    return document_date(pages) if kind in DOCUMENT_KINDS else letter_date(pages[0])


def infer_meta(pages: Sequence[Page], parts: Sequence[Part]) -> Meta:
    """Document metadata from the first part and the first pages."""
    first = _carried(parts)
    head = "\n".join(p.furniture + "\n" + p.body for p in pages[:2])
    lines = _lines(head)
    meeting = None if first.kind in LETTERS[1:] else _meeting_line(lines)  # a plan's or report's § cite
    date = parse_date(meeting or "") or (
        parse_date(head) if _is_minutes(first.kind) else _dated(first.kind, pages)
    )
    item = None
    if first.kind in MINUTES_KINDS:
        item = ITEM_RE.search(meeting or head) or ITEM_AFTER_RE.search(head)
    diarie = DIARIE_RE.search(head)
    board = find_board(DATE_RE.split(meeting, maxsplit=1)[0]) if meeting else None
    if first.kind in DOCUMENT_KINDS:
        board = board or letterhead_board(pages) or find_board(first.title)
    else:
        board = board or find_board(first.title) or find_board(head)
    year = year_in(first.title) or (int(date[:4]) if date else None) or fiscal_year(head) or named_year(pages)
    meta = Meta(
        title=first.title,
        kind=first.kind,
        board=board,
        year=year,
        date=date,
        diarienummer=diarie.group(0) if diarie else None,
        paragraph=f"§ {item.group(1)}" if item else None,
        party=first.party,
        paragraphs=(int(item.group(1)), int(item.group(1))) if item else None,
    )
    if first.kind in DOCUMENT_KINDS:
        meta = _appendix(meta, pages[0])
    if first.kind == DocumentKind.ÅRSREDOVISNING:
        return annual_report(meta, pages[0])
    return full_minutes(meta, pages) if first.kind in WHOLE_MEETING else meta


BILAGA_RE = re.compile(r"^(?:Bilaga|BILAGA)\b")


def _appendix(meta: Meta, page: Page) -> Meta:
    """An appendix published on its own that names the meeting it belongs to ('Bilaga
    Välfärdsnämnden, 15.09.2022 § 49', at its top or foot): a bilaga of that meeting's § — or,
    where its title names a plan or report, that plan or report, of that meeting's §."""
    lines = _lines(page.body)
    for line in lines[:3] + lines[-3:] + _lines(page.furniture):
        date = parse_date(line)
        if BILAGA_RE.match(line) and date and len(line.split()) <= 12:
            found = ITEM_RE.search(line) or ITEM_AFTER_RE.search(line)
            number = int(found.group(1)) if found else None
            other = meta.kind == DocumentKind.OTHER
            return replace(
                meta,
                kind=DocumentKind.BILAGA if other else meta.kind,
                date=date if other else meta.date or date,
                board=find_board(line) or meta.board,
                paragraph=f"§ {number}" if number else meta.paragraph,
                paragraphs=(number, number) if number else meta.paragraphs,
            )
    return meta


# a first part's kind, and what infer_meta may find its document is instead
RELABELLED = (
    (DocumentKind.PROTOKOLL, DocumentKind.PROTOKOLLSUTDRAG),
    (DocumentKind.OTHER, DocumentKind.BILAGA),
)


def titled(parts: Sequence[Part], meta: Meta) -> tuple[Part, ...]:
    """The parts, the first of whole minutes (or an agenda) under the meeting's title
    ('Protokoll 5/2022 Välfärdsnämnden 15.9.2022'), not its first line, which is often a
    form label ('Organ Välfärdsnämnden') or, read by OCR, a stray word."""
    first = parts[0]
    if first.kind in WHOLE_MEETING and meta.kind == first.kind and meta.title:
        return (replace(first, title=meta.title), *parts[1:])
    if (first.kind, meta.kind) in RELABELLED:
        return tuple(replace(p, kind=meta.kind) if p.kind == first.kind else p for p in parts)
    return tuple(parts)


def _is_minutes(kind: str) -> bool:
    return kind in MINUTES_KINDS or kind == DocumentKind.FÖREDRAGNINGSLISTA
