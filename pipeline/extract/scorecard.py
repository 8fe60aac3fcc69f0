"""A scorecard's rows: an indicator followed by its target per year, where a header set
apart above the rows names the years ('Mål (utfall) 2017', 'Mål 2019'). A cell is the
target as printed with the outcome in parentheses where the year is done ('97 (95)'). The
row's text keeps one line per year: '2018: 97 (95)'."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Section, SectionKind
from .layout import FlatLine, styled

YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
CLOSING_RE = re.compile(r"^(?:[\d,\s]+|\w+(?:\s\w+){0,2})\)")  # '6)', 'observation)'
TARGET_WORD = re.compile(r"\bmål\b", re.IGNORECASE)
CELL_CHARS = re.compile(r"^[\d,.\s()*%–-]+$")
# a cell: '97', '15,1', '*', each maybe with its outcome '(95)', '(93,7)', '(ingen'
# (an outcome cut off where it is printed: '95 (' before the next column's '95')
OUTCOME = r"\s*\((?:\s*[^()\s][^()]*\)|[^()\s]*)"
CELL_RE = re.compile(rf"(?:\d+(?:,\d+)?%?|\*)(?:{OUTCOME})?")
TAIL_RE = re.compile(rf"(?:^|\s)((?:(?:\d+(?:,\d+)?%?|\*)(?:{OUTCOME})?\s*)+)$")


def _header(lines: Sequence[FlatLine], i: int, body: float) -> tuple[list[int], int] | None:
    """The years a header starting at line ``i`` names, and the line after it."""
    j = i
    while (j < len(lines) and styled(lines[j], body) and not CELL_CHARS.match(lines[j].text)) or (
        j < len(lines) and styled(lines[j], body) and YEAR_RE.fullmatch(lines[j].text.strip())
    ):
        j += 1
    text = " ".join(x.text for x in lines[i:j])
    years = list(dict.fromkeys(int(y) for y in YEAR_RE.findall(text)))
    alone = sum(bool(YEAR_RE.fullmatch(x.text.strip())) for x in lines[i:j])
    short = any(
        len(x.text.split()) <= 5 and TARGET_WORD.search(x.text) and YEAR_RE.search(x.text) for x in lines[i:j]
    )
    if j == i or len(years) < 2 or not TARGET_WORD.search(text) or not (alone >= 2 or short):
        return None  # a header's years stand alone or in short column heads ('Mål 2019')
    return years, j


def _cells(text: str) -> int:
    tail = TAIL_RE.search(text)
    return len(CELL_RE.findall(tail.group(1))) if tail else 0


def _joined(lines: Sequence[FlatLine], k: int) -> tuple[str, int]:
    """Line ``k`` with the pieces of its cells broken over the next lines ('265(265,' '6)',
    '(ingen' 'observation)'), and the cells standing on lines of their own."""
    text, j = lines[k].text, k + 1
    while text.count("(") > text.count(")") and j < len(lines) and CLOSING_RE.match(lines[j].text):
        text, j = f"{text}{lines[j].text}" if text.endswith(",") else f"{text} {lines[j].text}", j + 1
    while _cells(text) and j < len(lines) and CELL_CHARS.match(lines[j].text):
        text, j = f"{text} {lines[j].text}", j + 1
    return text, j


def _title(lines: Sequence[FlatLine], k: int, head: str, body: float, floor: int) -> str:
    """The indicator's name: the row's own text, with the lines it continues."""
    parts = [head] if head else []
    m = k - 1
    while (not parts or parts[0][:1].islower() or parts[0][:1] == "(") and m >= floor:
        if styled(lines[m], body) or TAIL_RE.search(lines[m].text):
            break
        parts.insert(0, lines[m].text)
        m -= 1
    return " ".join(" ".join(parts).split())


def _row(
    lines: Sequence[FlatLine], k: int, years: list[int], body: float, floor: int
) -> tuple[Section | None, int]:
    text, j = _joined(lines, k)
    tail = TAIL_RE.search(text)
    if tail is None:
        return None, k + 1
    cells = CELL_RE.findall(tail.group(1))
    if any(YEAR_RE.fullmatch(c.strip()) for c in cells):
        return None, k + 1  # a year is no cell: 'Halvår 1 2026'
    head = text[: tail.start(1)].strip()
    while len(cells) > len(years):  # a number that ends the name ('Meritvärde åk 9')
        head, cells = f"{head} {cells[0]}".strip(), cells[1:]
    title = _title(lines, k, head, body, floor)
    if not re.search(r"[^\W\d]{4}", title) or len(cells) < 2 or not title[:1].isupper():
        return None, k + 1
    shown = "\n".join(f"{y}: {c.strip()}" for y, c in zip(years[-len(cells) :], cells, strict=True))
    return Section(None, None, title, lines[k].page, lines[j - 1].page, shown, SectionKind.INDICATOR), j


def scorecard_rows(lines: Sequence[FlatLine], body: float) -> list[Section]:
    out: list[Section] = []
    years: list[int] = []
    goal: str | None = None
    k = floor = 0
    while k < len(lines):
        header = _header(lines, k, body) if styled(lines[k], body) else None
        if header:
            first = lines[k]
            if not TARGET_WORD.search(first.text) and not first.text.endswith((".", ":")):
                goal = first.text  # the goal above its table: 'Bästa utveckling för alla'
                out.append(Section(None, None, goal, first.page, first.page, "", SectionKind.GOAL))
            years, k = header
            floor = k
            continue
        if not years:
            k += 1
            continue
        row, nxt = _row(lines, k, years, body, floor)
        if row is not None:
            out.append(Section(goal, None, row.title, row.first_page, row.last_page, row.text, row.kind))
            floor = nxt
        k = nxt
    return out
