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

from ..models import UPPER, DocumentKind, Page, RawPage
from .clean import join_lines
from .layout import FlatLine, flatten
from .organs import ORGAN_ALTERNATIVES

# the § range of minutes
RANGE_RE = re.compile(
    r"""(?:Ärenden|Paragrafer|Paragraf|§§)\s*§*  # 'Ärenden', 'Paragrafer §§', '§§'
    \s*(\d{1,4})\s*§?                          # the first: '39 ', '10§'
    \s*[-–—]\s*§?\s*(\d{1,4})\s*§?             # the last: '– 49 §', '-70', '–19§'""",
    re.VERBOSE | re.IGNORECASE,
)
# the meeting's number: 'Protokoll 5/2022', 'Kallelse nr 3/2023'
NUMBER_RE = re.compile(
    r"""^(?:
        Protokoll | PROTOKOLL | Sammanträdesprotokoll
      | Föredragningslista | FÖREDRAGNINGSLISTA | Kallelse | KALLELSE
    )\s+(?:nr\.?\s*)?(\d{1,3}/\d{4})\b""",
    re.VERBOSE,
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
    r"""^(?:
        \d{1,4}\s*§                                  # '44 §'
      | §\s*\d{1,4}                                  # '§ 111'
      | Protokoll\s+[\d./]+\s*(?:Sida)?(?:\s*\d+)?  # 'Protokoll 15.09.2022 Sida', 'Protokoll 5/2022'
      | Sida(?:\s+\d+)?                              # 'Sida', 'Sida 3'
    )$""",
    re.VERBOSE,
)
SEPARATOR_RE = re.compile(r"^[_–—\-=]{4,}$")
ORGAN_WORD_RE = re.compile(rf"[\wåäö-]*(?:{ORGAN_ALTERNATIVES})(?:en|et|n|iet|um)?s?")
MAX_DECISION_LINES = 20


@dataclass(frozen=True)
class MeetingFacts:
    """What the first pages of minutes say about the meeting."""

    organ: str | None  # as the running header or the 'Organ' line writes it
    number: str | None  # '5/2022'
    item_span: tuple[int, int] | None  # the § range the minutes cover
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
    r"""^(Protokoll|Föredragningslista)\s+
    (?:\d{1,4}\s*§\s+)?                   # the page's item: '44 § '
    (\d{1,2})\.(\d{1,2})\.(\d{4})          # the day: '15.09.2022'
    (?:\s+Sida)?(?:\s+\d+)?$              # ' Sida', ' Sida 3'""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class RunningHead:
    kind: DocumentKind  # PROTOKOLL or FÖREDRAGNINGSLISTA
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
                return RunningHead(
                    DocumentKind(word.lower()), f"{year}-{int(month):02d}-{int(day):02d}", organ
                )
    return None


# a line that is a diarienummer alone: 'NKBY/723/00.00.01.05/2022', 'KS 2022/123'
DIARIE_LINE_RE = re.compile(rf"^[{UPPER}]{{2,6}}[ /-]?\d+(?:[./]\d+)+$")
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


# an item's mark at a line's start: '§ 45 …', '§45', '45 § …' (not '§ 10, att …' inside a sentence)
ITEM_LINE_RE = re.compile(r"^(?:§\s*(\d{1,4})|(\d{1,4})\s*§)(?![\d.,:;)])\s*(.*)$")
LEADERS_RE = re.compile(r"\s*(?:\.{3,}|…{2,})\s*\d*\s*$")  # a contents line's dot leaders and page
# a diarienummer opening an item's heading line
DNR_HEAD_RE = re.compile(
    rf"""^(?P<dnr>
      (?i:dnr|diarienr|diarienummer)\.?\s*:?\s*(?:[{UPPER}]{{1,6}}[ -]?)?\d{{2,4}}[/.:-]\d+(?:[.:/-]\d+)*
                                          # 'Dnr KS 2022/123', 'Dnr: 2022.045', 'Dnr 2022-000123'
    | [{UPPER}]{{2,6}}[ -]?\d{{4}}[/.:-]\d+(?:[.:/-]\d+)*  # 'KFKS 2018/1071', 'KS-2022/176.915'
    | \d{{4}}\.\d{{1,5}}(?:[ ][{UPPER}]{{2,6}}\b)?          # '2026.272 KS' (year.number board)
    | [{UPPER}]{{2,6}}/\d+(?:/[\d.]+)+                     # 'NKBY/723/00.00.01.05/2022'
    )(?=\s|$)\s*""",
    re.VERBOSE,
)
RUN_GAP = 4  # lines at most between two marks of one list of items
MIN_RUN = 3  # marks at least in such a list


def split_dnr(text: str) -> tuple[str | None, str]:
    """'Dnr KFKS 2018/3 Anmälningar' -> ('Dnr KFKS 2018/3', 'Anmälningar'); a line without one
    -> (None, the line)."""
    stripped = LEADERS_RE.sub("", text.strip())
    match = DNR_HEAD_RE.match(stripped)
    if match is None:
        return None, stripped
    number = re.sub(r"^(?i:dnr|diarienr|diarienummer)\.?\s*:?\s*", "", match.group("dnr").strip())
    return number, stripped[match.end() :].strip()


@dataclass(frozen=True)
class Mark:
    """A line that opens with an item's §: a heading, or an entry of a list of items."""

    at: int  # position in the flat line list
    number: int
    rest: str  # the line after the mark
    listed: bool  # in a list of items (contents at the front, a list of another board's items)


def marks_in(lines: Sequence[FlatLine]) -> list[Mark]:
    """Every line that opens with a §, each told listed or not: a contents line (dot
    leaders), or one of a run of three or more marks with only short unpunctuated lines
    (wrapped titles) between them on one page."""
    found = [
        (i, int(m.group(1) or m.group(2)), m.group(3).strip(), bool(LEADERS_RE.search(lines[i].text)))
        for i, m in ((i, ITEM_LINE_RE.match(line.text)) for i, line in enumerate(lines))
        if m
    ]
    listed = {i for i, (_, _, _, toc) in enumerate(found) if toc}
    run = [0] if found else []
    for k in range(1, len(found) + 1):
        if k < len(found) and _close(lines, found[k - 1][0], found[k][0]):
            run.append(k)
            continue
        if len(run) >= MIN_RUN:
            listed.update(run)
        run = [k]
    return [Mark(at, number, rest, k in listed) for k, (at, number, rest, _) in enumerate(found)]


def _close(lines: Sequence[FlatLine], a: int, b: int) -> bool:
    between = lines[a + 1 : b]
    return (
        lines[a].page == lines[b].page
        and b - a <= RUN_GAP
        and not any(line.text.endswith((".", ":", ";", "!", "?")) for line in between)
    )


def front_list(lines: Sequence[FlatLine], marks: Sequence[Mark]) -> dict[int, tuple[str, str | None]]:
    """§ -> (title, diarienummer) from the list of items before the first item's own heading
    (a contents page, or a list headed 'Paragrafer' or 'Ärenden'); titles joined over their
    line breaks."""
    first_heading = next((m.at for m in marks if not m.listed), len(lines))
    listed = [m for m in marks if m.listed and m.at < first_heading]
    found: dict[int, tuple[str, str | None]] = {}
    for k, mark in enumerate(listed):
        end = min(listed[k + 1].at if k + 1 < len(listed) else mark.at + RUN_GAP, mark.at + RUN_GAP)
        dnr, title = split_dnr(mark.rest)
        taken = [title] if title else []
        for line in lines[mark.at + 1 : end]:
            text = LEADERS_RE.sub("", line.text)
            if line.page != lines[mark.at].page or ITEM_LINE_RE.match(text) or not wraps(taken, text):
                break
            taken.append(text)
        found.setdefault(mark.number, (join_lines("\n".join(taken)), dnr))
    return found


# a line that ends so that the next one goes on with it: a title wrapped at a line break
WRAP_END: tuple[str, ...] = ("-", "–", ",", " och", " för", " i", " av", " om", " till", " med", " samt")
WRAP_END += (
    " på",
    " från",
    " vid",
    " inom",
    " efter",
    " mot",
    " enligt",
    " avseende",
    " gällande",
    " angående",
)


def wraps(taken: Sequence[str], line: str) -> bool:
    """Whether ``line`` goes on with the title lines ``taken`` (none yet: it starts it)."""
    if not taken:
        return True
    last = taken[-1].rstrip()
    return not last.endswith((".", ":", "!", "?")) and (line[:1].islower() or last.endswith(WRAP_END))


def toc_titles(pages: Sequence[Page]) -> dict[int, str]:
    """§ -> title from the list of items at the front of minutes, where there is one."""
    lines = flatten(pages)
    return {n: title for n, (title, _) in front_list(lines, marks_in(lines)).items() if title}


def meeting_facts(pages: Sequence[Page]) -> MeetingFacts:
    head = [line for p in pages[:2] for line in _lines(p.furniture) + _lines(p.body)]
    organ_line = next((m.group(1) for m in map(ORGAN_RE.match, head) if m), None)
    organ = running_organ(pages) or (organ_line if organ_line and looks_like_organ(organ_line) else None)
    number = next((m.group(1) for m in map(NUMBER_RE.match, head) if m), None)
    span = next((m for m in map(RANGE_RE.search, head) if m), None)
    titles = toc_titles(pages)
    items = (int(span.group(1)), int(span.group(2))) if span else None
    if titles and items != (
        min(titles),
        max(titles),
    ):  # the contents, where they disagree (OCR: '108–198')
        items = (min(titles), max(titles))
    form = organ_line is not None or number is not None or span is not None or bool(titles)
    return MeetingFacts(organ, number, items, titles, form)


def is_agenda(pages: Sequence[Page]) -> bool:
    """A kallelse or föredragningslista: said so at the top of its first page."""
    first = pages[0] if pages else None
    if first is None:
        return False
    lines = (_lines(first.furniture) + _lines(first.body))[:6]
    return any(
        AGENDA_RE.match(line) or (len(line.split()) <= 6 and AGENDA_WORD.search(line)) for line in lines
    )


# a sub-label over what a board proposes to another: 'Förslag till beslut i kommunfullmäktige'
PROPOSED_TO_RE = re.compile(
    r"""^(?:
        Förslag\ till\ beslut                 # 'Förslag till beslut'
      | \w+s\ förslag\ till\ (?:beslut\ )?    # 'Kommunstyrelsens förslag till (beslut)'
    )(?:\s+(?:i|till|för))?                   # ' i'
    \s+\w*(?:fullmäktige|styrelsen|nämnden|beredningen|utskottet)\s*:?$  # ' kommunfullmäktige'""",
    re.VERBOSE | re.IGNORECASE,
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
        if not PAGE_FOOT_RE.match(line) and not (not taken and PROPOSED_TO_RE.match(line)):
            taken.append(line)
    return " ".join(" ".join(taken).split()) or None


def _heading(line: str, before: str) -> bool:
    """A line that starts the next section: short, no sentence punctuation, after a full stop."""
    return before.endswith((".", ":")) and len(line.split()) <= 5 and not line.endswith((".", ",", ";"))
