"""Full minutes (protokoll) and agendas: the § range, the meeting's number, the
organ that met, the § titles a table of contents gives, and each item's decision.

Where a text layer is damaged the page furniture often is not (the running header
repeats the organ and the § of the page), nor is the table of contents, so these
are read first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..models import Page, RawPage, Statement
from .parties import NAME_PARTY_RE, PERSON

# 'Ärenden 39 – 49 §', 'Ärenden 10§–19§', 'Paragrafer §§ 12-30', '§§ 1–14'
RANGE_RE = re.compile(
    r"(?:Ärenden|Paragrafer|Paragraf|§§)\s*§*\s*(\d{1,4})\s*§?\s*[-–—]\s*§?\s*(\d{1,4})\s*§?", re.IGNORECASE
)
# '39 § Sammanträdets laglighet ....... 1' or '§ 39 Sammanträdets laglighet ... 1'
TOC_LINE_RE = re.compile(r"^\s*(?:(\d{1,4})\s*§|§\s*(\d{1,4}))\s+(.+?)\s*(?:\.{3,}|…+)\s*\d+\s*$")
NUMBER_RE = re.compile(
    r"^(?:Protokoll|PROTOKOLL|Sammanträdesprotokoll|Föredragningslista|FÖREDRAGNINGSLISTA|Kallelse|KALLELSE)"
    r"\s+(?:nr\.?\s*)?(\d{1,3}/\d{4})\b"
)
ORGAN_RE = re.compile(r"^(?:Organ|Organ:)\s+(.+)$")
AGENDA_RE = re.compile(r"^(Kallelse|Föredragningslista|KALLELSE|FÖREDRAGNINGSLISTA)\b")
# the letterhead beside the organ on one line: 'Kommunstyrelsen SAMMANTRÄDESPROTOKOLL', '… KALLELSE'
LETTERHEAD_WORD = re.compile(r"\b(?:SAMMANTRÄDESPROTOKOLL|PROTOKOLLSUTDRAG|PROTOKOLL)\b")
AGENDA_WORD = re.compile(r"\b(?:KALLELSE|FÖREDRAGNINGSLISTA)\b")
# 'Välfärdsnämndens beslut:', 'Kommunstyrelsens beslut', 'Beslut:'; a damaged layer may
# write 'Vvllvrdsnvmndens beslut:i' or 'beslui:', so one stray letter is allowed
DECISION_LABEL_RE = re.compile(r"^(?:[^\s:]+\s+){0,4}beslu\w{0,3}\s*:?\s*\w?\s*$", re.IGNORECASE)
PAGE_FOOT_RE = re.compile(
    r"^(?:\d{1,4}\s*§|§\s*\d{1,4}|Protokoll\s+[\d./]+\s*(?:Sida)?(?:\s*\d+)?|Sida(?:\s+\d+)?)$"
)
SEPARATOR_RE = re.compile(r"^[_–—\-=]{4,}$")
BOARD_WORDS = ["nämnd", "beredning", "styrelse", "fullmäktige", "utskott", "sektion", "råd", "direktion"]
BOARD_WORDS += ["kommission", "delegation", "presidium"]
ORGAN_WORD_RE = re.compile(rf"[\wåäö-]*(?:{'|'.join(BOARD_WORDS)})(?:en|et|n|iet|um)?s?")
MAX_DECISION_LINES = 20


@dataclass(frozen=True)
class MeetingFacts:
    """What the first pages of minutes say about the meeting."""

    organ: str | None  # as the running header or the 'Organ' line writes it
    number: str | None  # '5/2022'
    paragraphs: tuple[int, int] | None  # the § range the minutes cover
    titles: dict[int, str]  # § -> title, from the table of contents
    form: bool = False  # its first page is there: 'Organ', 'Protokoll 5/2022', 'Ärenden 39–49 §', contents


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def looks_like_organ(name: str) -> bool:
    """'Välfärdsnämnden', 'Rådet för funktionshindrade', 'Kommunstyrelsens arbetsutskott',
    'Personalsektionen' — not a document title that mentions a board."""
    words = name.lower().split()
    if (
        not 0 < len(words) <= 6
        or any(c.isdigit() for c in name)
        or words[0].startswith(("verksamhet", "protokoll"))
    ):
        return False
    return bool(ORGAN_WORD_RE.fullmatch(words[0]) or ORGAN_WORD_RE.fullmatch(words[-1]))


def _without_letterhead(line: str) -> str:
    """'Kommunstyrelsen SAMMANTRÄDESPROTOKOLL' -> 'Kommunstyrelsen'."""
    return " ".join(AGENDA_WORD.sub(" ", LETTERHEAD_WORD.sub(" ", line)).split())


def running_organ(pages: Sequence[Page]) -> str | None:
    """The organ named on the first furniture line of most pages ('Välfärdsnämnden')."""
    firsts = Counter(_without_letterhead(_lines(p.furniture)[0]) for p in pages if _lines(p.furniture))
    for line, count in firsts.most_common(3):
        if count >= max(2, len(pages) // 3) and looks_like_organ(line):
            return line
    return None


# A page's running head in Finland-Swedish minutes ('Protokoll 15.09.2022 Sida', 'Protokoll 44 §
# 15.09.2022 Sida'), the organ on a line below it. pdfium often reads it last on the page.
RUNNING_HEAD_RE = re.compile(
    r"^(Protokoll|Föredragningslista)\s+(?:\d{1,4}\s*§\s+)?(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+Sida)?(?:\s+\d+)?$"
)


@dataclass(frozen=True)
class RunningHead:
    kind: str  # 'protokoll' or 'föredragningslista'
    date: str  # the meeting's day, ISO
    organ: str | None


def running_head(page: Page) -> RunningHead | None:
    """The running head of a page of minutes, read at the page's top or its end (only those
    lines are split off: this runs for every page)."""
    top, end = page.body.split("\n", 8)[:8], page.body.rsplit("\n", 8)[-8:]
    for lines in (_lines("\n".join(top)), _lines("\n".join(end)), _lines(page.furniture)):
        for i, line in enumerate(lines):
            match = RUNNING_HEAD_RE.match(line)
            if match and 1 <= int(match.group(3)) <= 12 and 1 <= int(match.group(2)) <= 31:
                below = lines[i + 1 : i + 3] + _lines(page.furniture)
                organ = next((x for x in below if looks_like_organ(x)), None)
                word, day, month, year = match.groups()
                return RunningHead(word.lower(), f"{year}-{int(month):02d}-{int(day):02d}", organ)
    return None


# a line that is a diarienummer alone: 'NKBY/723/00.00.01.05/2022', 'KS 2022/123'
DIARIE_LINE_RE = re.compile(r"^[A-ZÅÄÖ]{2,6}[ /-]?\d+(?:[./]\d+)+$")
ITEM_MARK_RE = re.compile(r"^\s*(?:(\d{1,4})\s*§|§\s*(\d{1,4}))\s*$")


def item_marks(pages: Sequence[RawPage]) -> dict[int, int]:
    """page -> the § a page's own mark line names ('43 §' alone on a line, as page-per-item
    minutes print in the header or at the foot), read from the text layer before any OCR
    (which reads '§' as '8')."""
    marks: dict[int, int] = {}
    for page in pages:
        found = set(mark_numbers(line.text for line in page.lines))
        if len(found) == 1:
            marks[page.number] = found.pop()
    return marks


def mark_numbers(lines: Iterable[str]) -> list[int]:
    """The § numbers of the lines that are nothing but a § mark ('43 §', '§ 43'), in order."""
    return [int(m.group(1) or m.group(2)) for m in map(ITEM_MARK_RE.match, lines) if m]


def toc_titles(pages: Sequence[Page]) -> dict[int, str]:
    """§ -> title from table-of-contents lines on the first pages."""
    found: dict[int, str] = {}
    for page in pages[:3]:
        for line in _lines(page.body):
            match = TOC_LINE_RE.match(line)
            if match:
                number = int(match.group(1) or match.group(2))
                found.setdefault(number, " ".join(match.group(3).split()))
    return found


def meeting_facts(pages: Sequence[Page]) -> MeetingFacts:
    head = [line for p in pages[:2] for line in _lines(p.furniture) + _lines(p.body)]
    organ_line = next((m.group(1) for m in map(ORGAN_RE.match, head) if m), None)
    organ = running_organ(pages) or (organ_line if organ_line and looks_like_organ(organ_line) else None)
    number = next((m.group(1) for m in map(NUMBER_RE.match, head) if m), None)
    span = next((m for m in map(RANGE_RE.search, head) if m), None)
    titles = toc_titles(pages)
    paragraphs = (int(span.group(1)), int(span.group(2))) if span else None
    if titles and paragraphs != (
        min(titles),
        max(titles),
    ):  # the contents, where they disagree (OCR: '108–198')
        paragraphs = (min(titles), max(titles))
    form = organ_line is not None or number is not None or span is not None or bool(titles)
    return MeetingFacts(organ, number, paragraphs, titles, form)


def is_agenda(pages: Sequence[Page]) -> bool:
    """A kallelse or föredragningslista: said so at the top of its first page."""
    first = pages[0] if pages else None
    if first is None:
        return False
    lines = (_lines(first.furniture) + _lines(first.body))[:6]
    return any(
        AGENDA_RE.match(line) or (len(line.split()) <= 6 and AGENDA_WORD.search(line)) for line in lines
    )


def decision(text: str) -> str | None:
    """What was decided: the lines after the item's last decision label ('Välfärdsnämndens
    beslut:', 'Kommunstyrelsens beslut', 'Beslut:') up to a rule line or the next heading."""
    lines = _lines(text)
    labels = [i for i, line in enumerate(lines) if DECISION_LABEL_RE.match(line)]
    if not labels:
        return None
    taken: list[str] = []
    for line in lines[labels[-1] + 1 : labels[-1] + 1 + MAX_DECISION_LINES]:
        if SEPARATOR_RE.match(line) or (taken and _heading(line, taken[-1])):
            break
        if not PAGE_FOOT_RE.match(line):
            taken.append(line)
    return " ".join(" ".join(taken).split()) or None


def _heading(line: str, before: str) -> bool:
    """A line that starts the next section: short, no sentence punctuation, after a full stop."""
    return before.endswith((".", ":")) and len(line.split()) <= 5 and not line.endswith((".", ",", ";"))


# 'Rasmus Lenefors (S) anmäler protokollsanteckning', 'Anna Berg (M) och Per Ek (M) reserverar sig',
# 'Lisa Ny (C) lämnar ett särskilt yttrande'
STATEMENT_RE = re.compile(
    rf"((?:{PERSON}\s*\([A-ZÅÄÖ]{{1,4}}\)(?:\s*,\s*|\s+och\s+)?)+)\s+"
    r"(reserverar sig|reserverade sig|(?:anmäler|anmälde|lämnar|lämnade|avger|avgav)\s+(?:en\s+|ett\s+)?"
    r"(?:skriftlig\s+)?(protokollsanteckning|reservation|särskilt yttrande))",
    re.IGNORECASE,
)


def statements(text: str) -> tuple[Statement, ...]:
    """The statements attached to an item, each with the party and names of who made it."""
    found: list[Statement] = []
    for match in STATEMENT_RE.finditer(text):  # lines kept: a name never runs over one, its party may
        kind = (match.group(3) or "reservation").lower()
        people = [(" ".join(m.group(1).split()), m.group(2)) for m in NAME_PARTY_RE.finditer(match.group(1))]
        for party in dict.fromkeys(p for _, p in people):
            names = tuple(n for n, p in people if p == party)
            found.append(Statement(kind, party, names))
    return tuple(found)
