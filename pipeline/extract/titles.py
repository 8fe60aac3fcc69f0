"""A document's or a part's title, read from the first lines of its first page past what is
no title however high it stands: a line that repeats on the document's pages (a running head
or foot the furniture missed), a line of contents (dot leaders and a page number), a web or
mail address, a page mark ('1 (1)', 'Sida 1 av 3'), a date or a diarienummer alone."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import MINUTES_KINDS, UPPER, DocumentKind, Page
from ..years import year_in
from . import minutes
from .clean import line_key
from .meeting import DATE_RE, NUMERIC_DATE_RE, parse_date

DIARIE_RE = re.compile(rf"\b[{UPPER}]{{2,6}}[ -]?\d{{4}}/\d+(?:[.:]\d+)*\b")
# 'Verksamhetsberättelse……3', '2.1 Ekonominyckeltal.......6', '1 Sammanfattning ..... 3'
CONTENTS_RE = re.compile(r"(?:\.{3,}|…|(?:\.\s){3,}|_{3,}|·{3,})\s*\d{1,4}\s*$")
# 'www.goteborg.se/stadsrevisionen', 'info@nacka.se', 'alingsås.se' alone
ADDRESS_RE = re.compile(
    r"(?:https?://|\bwww\.)\S|\S@[\w-]+\.\w|^[\w-]+(?:\.[\w-]+)*\.(?:se|fi|ax|nu|com|org|net|eu)$",
    re.IGNORECASE,
)
# a page's mark ending its head or foot: 'Göteborgs Stad kommunfullmäktige 1 (1)', 'Sida 2 av 17'
PAGE_MARK_RE = re.compile(
    r"(?:^|\s)(?:\d{1,4}\s*\(\d{1,4}\)|(?:sida|sid)\s+\d{1,4}(?:\s+av\s+\d{1,4})?)$", re.I
)
DATE_ALONE_RE = re.compile(rf"(?:{DATE_RE.pattern})|(?:{NUMERIC_DATE_RE.pattern})", re.IGNORECASE)
DIARIE_ALONE_RE = re.compile(
    rf"(?:(?:Dnr|Diarienummer):?\s*)?(?:{DIARIE_RE.pattern}|{minutes.DIARIE_LINE_RE.pattern[1:-1]})"
)
KIND_OPENING = re.compile(r"^(Ärende\s+\d+\s*:|Verksamhets|Årsredovisning|Tjänsteutlåtande)")
WRAPS = (" och", "-", " för", " i", " av", "Verksamhetsberättelse")
YEARS_LINE = re.compile(r"(?:år )?\d{4}(?:\s*[-–]\s*\d{4})?")
GENITIVE = re.compile(r"\w{3,}s$")  # 'avseende Göteborgs': the noun it governs is on the next line
LOOKED_AT = 8  # the first lines of a page a title is looked for in
LARGER = 1.2  # a line set this much larger than the first one is the title (a cover's big type)
COVER_LINES = 6  # a page of no more lines is a cover: its first line is its title


def no_title(line: str, repeated: frozenset[str] = frozenset()) -> bool:
    """A line that names no document wherever it stands on the page (``repeated``: the
    document's lines that repeat on its pages, from ``repeated_lines``)."""
    line = line.strip()
    return bool(
        CONTENTS_RE.search(line)
        or ADDRESS_RE.search(line)
        or PAGE_MARK_RE.search(line)
        or DATE_ALONE_RE.fullmatch(line)
        or DIARIE_ALONE_RE.fullmatch(line)
        or (repeated and line_key(line) in repeated)
    )


def repeated_lines(pages: Sequence[Page]) -> frozenset[str]:
    """The lines (as clean.line_key compares them) found on at least three pages and at least
    half the pages of a document, in its text or furniture: a running head or foot, no title."""
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({line_key(x) for x in f"{page.body}\n{page.furniture}".split("\n") if x.strip()})
    needed = max(3, (len(pages) + 1) // 2)
    return frozenset(key for key, n in seen.items() if n >= needed and key)


@dataclass(frozen=True)
class _Line:
    number: int  # its line in the page's body
    text: str
    title: bool  # it may be a title


def _lines(page: Page, repeated: frozenset[str]) -> list[_Line]:
    found = [(i, x.strip()) for i, x in enumerate(page.body.split("\n")) if x.strip()]
    return [_Line(i, x, not no_title(x, repeated)) for i, x in found]


def part_title(kind: str, pages: Sequence[Page], header: str, repeated: frozenset[str] = frozenset()) -> str:
    """The title of a part (``pages``: its pages; ``header``: its running head) of the given
    kind: in minutes the line after the diarienummer, else a line that opens with the kind's
    name, else the running head of a plan or report, else the title lines of the first page."""
    page = pages[0]
    every = _lines(page, repeated)
    if sum(not x.title for x in every) * 2 > len(every):  # pages that are copies of one another
        every = _lines(page, frozenset())
    lines = [x for x in every if x.title]
    if not lines:
        return header or (every[0].text if every else "")
    if kind in MINUTES_KINDS:
        dnr = (
            k for k, x in enumerate(every) if DIARIE_RE.search(x.text) or minutes.DIARIE_LINE_RE.match(x.text)
        )
        after = next((k + 1 for k in dnr), None)
        below = [x for x in every[after:] if x.title] if after is not None else []
        if below:
            return _joined(page, lines, lines.index(below[0]))
    for i, line in enumerate(lines[:6]):
        if KIND_OPENING.match(line.text):
            return _joined(page, lines, i)
    if kind in (DocumentKind.VERKSAMHETSPLAN, DocumentKind.VERKSAMHETSBERÄTTELSE) and header:
        return header
    return _joined(page, lines, _first_title(page, lines))[:200]


def _dnr_line(text: str) -> bool:
    return minutes.DIARIE_LINE_RE.match(text) is not None


def _first_title(page: Page, lines: Sequence[_Line]) -> int:
    """Which of the first lines is the title: one set in larger type than the first (a cover's
    big title below a small logo or organ); else, where the first is plain text, the first bold
    one below it (a letter's subject under its letterhead), but on a cover, whose first line is
    its title whatever its type; else the first."""
    first = lines[:LOOKED_AT]
    size = [_size(page, x.number) for x in first]
    largest = max(range(len(first)), key=lambda i: (size[i], -i))
    if size[0] and size[largest] >= size[0] * LARGER:
        return largest
    bold = [i for i, x in enumerate(first) if x.number in page.bold_lines]
    cover = sum(1 for x in page.body.split("\n") if x.strip()) <= COVER_LINES
    return bold[0] if bold and bold[0] > 0 and not cover else 0


def _size(page: Page, number: int) -> float:
    return page.sizes[number] if number < len(page.sizes) else 0.0


def _joined(page: Page, lines: Sequence[_Line], first: int) -> str:
    """A title line with the lines it wraps onto: a line in lower case, a year or years, a line
    after one that breaks off ('trygghets- och'), or one in the same bold type after a genitive
    ('Revisionsberättelse avseende Göteborgs' / 'Stads verksamheter under 2023'); never across
    a line that is no title."""
    at, title = lines[first], lines[first].text
    body = page.body.split("\n")
    for line in lines[first + 1 : first + 4]:
        if any(x.strip() for x in body[at.number + 1 : line.number]):
            break  # a line that is no title stands between
        bold = at.number in page.bold_lines
        same = bold == (line.number in page.bold_lines) and _size(page, at.number) == _size(page, line.number)
        genitive = bold and same and GENITIVE.search(title) is not None
        if title.endswith(WRAPS) or line.text[:1].islower() or YEARS_LINE.fullmatch(line.text) or genitive:
            title, at = f"{title} {line.text}", line
        else:
            break
    return " ".join(title.split())


def letter_date(page: Page) -> str | None:
    """The date a letter, a tjänsteskrivelse or a report is dated with: a date alone on one of
    the first lines of its first page ('2018-03-20' above 'Tjänsteskrivelse')."""
    for line in [x.strip() for x in page.body.split("\n") if x.strip()][:3]:
        if DATE_ALONE_RE.fullmatch(line):
            return parse_date(line)
    return None


FISCAL_RE = re.compile(r"\b(?:räkenskaps|verksamhets)året\b([^.\n]{0,40})", re.IGNORECASE)


def fiscal_year(text: str) -> int | None:
    """The year an annual report is about, from the financial year it names (the last year
    written just after 'räkenskapsåret' or 'verksamhetsåret'); None where none is named."""
    for match in FISCAL_RE.finditer(text):
        found = year_in(match.group(1))
        if found is not None:
            return found
    return None


# a line that dates a letter or a report: 'Göteborg den 19 mars 2024', 'Datum: TEN 2026-06-15'
DATED_RE = re.compile(rf"^(?:[{UPPER}][\w-]+(?: [{UPPER}][\w-]+)?,? den|Datum(?: för beslut)?:)\s")


def named_year(pages: Sequence[Page]) -> int | None:
    """The year a document without a date names at its head: the last year in the lines it
    opens with, its title as the first page sets it ('Delårsrapport mars 2026-', 'Underlag
    ramar' over '2027-2029'), else the year of a line that dates it on its first two pages
    ('Göteborg den 19 mars 2024' above the signatures); None where neither is written."""
    lines = _body_lines(pages[0].body) if pages else []
    heading = []
    for line in lines[:6]:  # the heading ends where the text begins: a sentence, or a label
        if len(line.split()) > 8 or line.endswith((".", ":")):
            break
        heading.append(line)
    found = year_in(" ".join(heading))
    if found is not None:
        return found
    dated = (parse_date(line) for p in pages[:2] for line in _body_lines(p.body) if DATED_RE.match(line))
    return next((int(date[:4]) for date in dated if date), None)


def _body_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]
