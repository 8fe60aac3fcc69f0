"""What minutes say of their meeting: the organ, the meeting's number and day, the §
range, and whether they are the whole minutes or an extract of one § or a few."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..models import DocumentKind, Meta, Page
from ..years import year_in
from . import minutes

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ]
    )
}
DATE_RE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)
NUMERIC_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


def parse_date(text: str) -> str | None:
    match = DATE_RE.search(text)
    if match:
        day, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3))
        return f"{year:04d}-{month:02d}-{day:02d}"
    numeric = NUMERIC_DATE_RE.search(text)
    if numeric is None:
        return None
    if numeric.group(1):
        return f"{numeric.group(1)}-{numeric.group(2)}-{numeric.group(3)}"
    day, month, year = int(numeric.group(4)), int(numeric.group(5)), int(numeric.group(6))
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


DEFINITE = {"beredning": "en", "nämnd": "en", "styrelse": "n", "utskott": "et", "fullmäktige": ""}
DEFINITE |= {"sektion": "en", "direktion": "en", "kommission": "en", "delegation": "en"}
_BOARD_END = re.compile(rf"({'|'.join(DEFINITE)})(en|et|n)?s?$")


def normalise_board(name: str) -> str:
    """'Trygghets- och delaktighetsberednings' -> 'Trygghets- och delaktighetsberedningen'."""
    name = " ".join(name.split())
    if not re.search(
        r"s\s+\w*(utskott|presidium)(et)?$", name
    ):  # 'Kommunstyrelsens arbetsutskott' as written
        name = _BOARD_END.sub(lambda m: m.group(1) + DEFINITE[m.group(1)], name)
    return name[:1].upper() + name[1:]


def full_minutes(meta: Meta, pages: Sequence[Page]) -> Meta:
    """Minutes of a whole meeting (or its agenda): the organ that met, the meeting's
    number, the § range it covers, and a title that says so."""
    facts = minutes.meeting_facts(pages)
    head = minutes.running_head(pages[0])
    if meta.kind == DocumentKind.PROTOKOLL and head and not facts.form:
        return _extract_by_running_head(meta, pages, head)
    opening = _opening_item(pages[0])
    if meta.kind == DocumentKind.PROTOKOLL and opening is not None and not facts.form:
        return _extract_by_opening_item(meta, pages, opening)
    board = normalise_board(facts.organ) if facts.organ else meta.board
    span = facts.item_span
    name = "Föredragningslista" if meta.kind == DocumentKind.FÖREDRAGNINGSLISTA else "Protokoll"
    title = " ".join(x for x in (name, facts.number, board, _day(meta.date, pages)) if x)
    return replace(
        meta,
        title=title,
        board=board,
        year=meta.year if facts.number is None else int(facts.number[-4:]),
        paragraph=_item_label(span) if span else meta.paragraph,
        paragraphs=span or meta.paragraphs,
    )


def _opening_item(page: Page) -> int | None:
    """The § a page of minutes opens with ('§ 85 2026.019 KS' among its first lines, after
    the running head): minutes that open so lack the meeting's first page."""
    for line in [x.strip() for x in page.body.split("\n") if x.strip()][:6]:
        found = minutes.ITEM_LINE_RE.match(line)
        if found and not minutes.LEADERS_RE.search(line):
            return int(found.group(1) or found.group(2))
    return None


def _extract_by_opening_item(meta: Meta, pages: Sequence[Page], first: int) -> Meta:
    """An extract of one § or a few, published alone: dated by its running head (the first
    date on its pages, not a date its text cites) and numbered by the items it opens with."""
    marks = [first]
    for page in pages[1:]:
        found = _opening_item(page)
        if found is not None and marks[-1] < found <= marks[-1] + 10:
            marks.append(found)
    span = (marks[0], marks[-1])
    head = [x for x in pages[0].furniture.split("\n") + pages[0].body.split("\n")[:6] if x.strip()]
    date = next((d for d in map(parse_date, head) if d), meta.date)
    return replace(
        meta, kind=DocumentKind.PROTOKOLLSUTDRAG, date=date, paragraph=_item_label(span), paragraphs=span
    )


def _item_label(span: tuple[int, int]) -> str:
    """'§ 39–49' for a range of items, '§ 44' for one."""
    return f"§ {span[0]}–{span[1]}" if span[0] != span[1] else f"§ {span[0]}"


def _extract_by_running_head(meta: Meta, pages: Sequence[Page], head: minutes.RunningHead) -> Meta:
    """Pages of minutes without the meeting's first page (one § item, or a few, as a
    municipality publishes each item): an extract, dated and signed by the pages' running
    head; its § from the pages' own marks ('44 §'), not from an earlier handling it cites
    ('Tidigare behandling: Stadsstyrelsen 5.9.2022, 186 §')."""
    items = sorted({p.item for p in pages if p.item is not None})
    span = (items[0], items[-1]) if items else meta.paragraphs
    return replace(
        meta,
        kind=DocumentKind.PROTOKOLLSUTDRAG,
        date=head.date,
        board=normalise_board(head.organ) if head.organ else meta.board,
        year=year_in(meta.title) or int(head.date[:4]),
        paragraph=_item_label(span) if span else None,
        paragraphs=span,
    )


def _day(date: str | None, pages: Sequence[Page]) -> str | None:
    """The meeting's day as its minutes write it: '2022-03-14' where the first page has it
    so ('Sammanträdesdatum 2022-03-14'), else '15.9.2022'."""
    if not date:
        return None
    if pages and date in pages[0].furniture + pages[0].body:
        return date
    year, month, day = date.split("-")
    return f"{int(day)}.{int(month)}.{year}"
