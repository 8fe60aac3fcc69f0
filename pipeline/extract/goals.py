"""A plan's or report's tree: goals, the focus areas under them, the indicators of each.

Read from the structure a reader sees: a goal is a set-apart line (bold or larger) whose
next line introduces a list of focus areas or indicators ('Fokusområde:', a bold
'Resultatindikatorer' bar), or a goal named in such a line ('Övergripande mål ”X”:'); the
items of a list are its bulleted or plain lines (a line starting in lower case goes on the
item before); a focus area's text is what follows its list up to the next heading. A
follow-up that quotes its plan sets each priority in a box: a heading whose first
paragraph is set in bold at the body's size, then the report's plain text (boxes.py).
A scorecard's row is an indicator followed by its targets per year (scorecard.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..models import UPPER, Page, Section, SectionKind
from .boxes import boxed_focus
from .layout import FlatLine, body_size, flatten, styled
from .numbered_goals import goal_lines, numbered_goals
from .scorecard import scorecard_rows
from .sections import TOC_RE

# the words that name a list of focus areas or priorities, and of indicators
FOCUS_WORDS = re.compile(r"fokus|prioriter|inriktning|satsningsområde|målområde|delmål", re.IGNORECASE)
INDICATOR_WORDS = re.compile(r"indikator|nyckeltal|mätetal|styrtal|\bmått\b", re.IGNORECASE)
# a goal named where it is introduced: 'Övergripande mål ”Bäst utveckling för alla”:'
GOAL_LINE_RE = re.compile(
    rf"^(?:[{UPPER}][a-zåäö]+\s+)?(?:mål|målområde|inriktningsmål|nämndmål|verksamhetsmål)\s*"
    r"[”\"'“:]\s*(?P<goal>[^”\"'“]+?)\s*[”\"'“]?\s*:?$",
    re.IGNORECASE,
)
# a target written with its indicator: 'Mål 2019: 95', 'målvärde 2020 – 80 %', 'Mål för 2021: Topp 3'
TARGET_RE = re.compile(
    r"\bmål(?:värde|nivå)?\s+(?:för\s+)?((?:19|20)\d\d)\s*[:=–-]?\s*(?P<value>[^;:]+?)(?=[;)]|\s+mål|$)",
    re.IGNORECASE,
)
BULLET_RE = re.compile(r"^[•●○▪■◦\-–*]\s*")
FOOTNOTE_RE = re.compile(r"^\d{1,2}\s+[A-ZÅÄÖa-zåäö]")
LONG_GOAL = 16  # a goal's line over a list's label may be a sentence's length
MAX_ITEM = 200  # an item longer than this is running text, not a list's item


@dataclass(frozen=True)
class _Item:
    at: int
    text: str


def _words(text: str) -> int:
    return len(text.split())


def _label(lines: Sequence[FlatLine], i: int, body: float) -> str | None:
    """'focus' or 'indicator' for a line that introduces a list of them: short, set apart
    or ending in ':', followed by a plain line."""
    line = lines[i]
    text = line.text.rstrip(":").strip()
    if _words(text) > 8 or not (styled(line, body) or line.text.endswith(":")) or TOC_RE.search(text):
        return None
    if body and line.size > body + 2:  # a chapter's heading, not a list's label
        return None
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt is None or (styled(nxt, body) and not BULLET_RE.match(nxt.text)):
        return None
    if INDICATOR_WORDS.search(text):
        return "indicator"
    return "focus" if FOCUS_WORDS.search(text) else None


def _goal_named(line: FlatLine) -> str | None:
    match = GOAL_LINE_RE.match(line.text)
    return match.group("goal").strip() if match and line.text.endswith(":") else None


def _goal_heading(lines: Sequence[FlatLine], i: int, body: float) -> bool:
    """A set-apart short line whose next line introduces focus areas or indicators (a list's
    label, or a table's header naming them)."""
    line = lines[i]
    labelled = i + 1 < len(lines) and _label(lines, i + 1, body) is not None
    if not styled(line, body) or _words(line.text) > (LONG_GOAL if labelled else 8):
        return False
    if line.text.endswith((".", ":", ",")):
        return False
    if i + 1 < len(lines) and TOC_RE.search(lines[i + 1].text):  # a table of contents' heading
        return False
    if _label(lines, i, body) or i + 1 >= len(lines):
        return False
    nxt = lines[i + 1]
    header = styled(nxt, body) and not (body and nxt.size > body + 0.4)  # a table's header row
    header = header and bool(FOCUS_WORDS.search(nxt.text) or INDICATOR_WORDS.search(nxt.text))
    return _label(lines, i + 1, body) is not None or header


def _continues(item: str, line: FlatLine) -> bool:
    unclosed = item.count("(") > item.count(")")
    return (line.text[:1].islower() or line.text[:1] == "(" or unclosed) and not item.endswith(":")


def _items(lines: Sequence[FlatLine], j: int, body: float) -> tuple[list[_Item], int]:
    """The items of a list starting at line ``j``, and the line after it."""
    items: list[_Item] = []
    longest = 1  # the most lines an item takes
    bulleted = bool(BULLET_RE.match(lines[j].text)) if j < len(lines) else False
    size = lines[j].size if j < len(lines) else 0.0
    while j < len(lines):
        line = lines[j]
        bullet = BULLET_RE.match(line.text)
        if line.size < size - 1:  # a smaller line (a running head, a note) ends the list
            break
        if _label(lines, j, body) or _goal_named(line) or (styled(line, body) and not bullet):
            break
        if TOC_RE.search(line.text):  # a line of contents: 'Revisorernas egna mål ..... 3'
            return [], j + 1
        if FOOTNOTE_RE.match(line.text) and j + 1 < len(lines) and lines[j + 1].page == line.page:
            j += 1
            while j < len(lines) and lines[j].page == line.page and lines[j].text[:1].islower():
                j += 1
            continue
        if items and _continues(items[-1].text, line) and not bullet:
            items[-1] = _Item(items[-1].at, f"{items[-1].text} {line.text}")
            longest = max(longest, j - items[-1].at + 1)
            if len(items[-1].text) > MAX_ITEM:
                items.pop()
                break
        elif bullet or not bulleted:
            items.append(_Item(j, line.text[bullet.end() :] if bullet else line.text))
        else:
            break
        j += 1
    if not bulleted and longest >= 3:  # a paragraph of running text, not a list's item
        return [], j
    return items, j


def _text_until_heading(lines: Sequence[FlatLine], j: int, body: float) -> tuple[str, int]:
    """The running text from line ``j`` to the next heading (a set-apart line not ending in
    ':'), list label or goal; and where it ends."""
    k = j
    while k < len(lines):
        line = lines[k]
        if _label(lines, k, body) or _goal_named(line) or _goal_heading(lines, k, body):
            break
        if styled(line, body) and not line.text.endswith(":") and not BULLET_RE.match(line.text):
            break
        k += 1
    return "\n".join(x.text for x in lines[j:k]), k


def _last_page(lines: Sequence[FlatLine], start: int, end: int) -> int:
    return lines[end - 1].page if end > start else lines[min(start, len(lines) - 1)].page


def tree_sections(pages: Sequence[Page]) -> list[Section]:
    """Goals, focus areas and indicators as a reader sees them; empty where there are none."""
    lines = flatten(pages)
    body = body_size(lines)
    numbered = numbered_goals(lines, body)
    card = scorecard_rows(lines, body)
    if sum(s.kind == SectionKind.INDICATOR for s in card) >= 2:
        listed = _listed(lines, body) if numbered else []
        if any(s.kind == SectionKind.INDICATOR for s in listed):  # a list's indicators, goals above them
            return _merged(numbered, listed)
        return _merged(numbered, card)
    found = _listed(lines, body)
    if not any(s.kind in (SectionKind.FOCUS, SectionKind.INDICATOR) for s in found):
        return _merged(numbered, boxed_focus(lines, body))
    return _merged(numbered, found)


def _merged(numbered: Sequence[Section], other: Sequence[Section]) -> list[Section]:
    """Goals numbered as headings with what else the tree holds: another reading's goals
    give way to the numbered ones, its focus areas and indicators stay (once)."""
    if not numbered:
        return list(other)
    held = {(s.kind, s.title) for s in numbered}
    rest = [s for s in other if s.kind != SectionKind.GOAL and (s.kind, s.title) not in held]
    return sorted([*numbered, *rest], key=lambda s: s.first_page)


def _listed(lines: Sequence[FlatLine], body: float) -> list[Section]:
    out: list[Section] = []
    goal: str | None = None
    numbered = goal_lines(lines, body)  # a list under a goal numbered as a heading is that goal's
    i = 0
    while i < len(lines):
        line = lines[i]
        goal = numbered.get(i, goal)
        label, named = _label(lines, i, body), _goal_named(line)
        if named:
            goal = named
            label = "focus"
        elif label is None and _goal_heading(lines, i, body):
            goal = line.text
            out.append(Section(None, None, goal, line.page, line.page, "", SectionKind.GOAL))
            i += 1
            continue
        if label is None:
            i += 1
            continue
        items, j = _items(lines, i + 1, body)
        if label == "indicator":
            out += _indicators(lines, goal, items)
            i = j
            continue
        text, end = _text_until_heading(lines, j, body)
        last = _last_page(lines, j, end)
        out += [Section(goal, None, x.text, lines[x.at].page, last, text, SectionKind.FOCUS) for x in items]
        i = max(j, i + 1)
    return out


CELLS_RE = re.compile(r"(?:\s+[-−–+]?\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?\s?%?)+$")


def _cells_off(title: str) -> tuple[str, str]:
    """An indicator's name without the figures a table's row prints after it ('Antal … 1 240
    1 100'), and those figures as printed."""
    found = CELLS_RE.search(title)
    if (
        found is None
        or len(found.group().split()) < 2
        or not re.search(r"[^\W\d]{3}", title[: found.start()])
    ):
        return title, ""
    return title[: found.start()].rstrip(" ,"), found.group().strip()


def _indicators(lines: Sequence[FlatLine], goal: str | None, items: Sequence[_Item]) -> list[Section]:
    """A list's indicators, each with the targets written with it ('Mål 2019: 95') as its
    text, a line per year ('2019: 95'); a line of targets alone is the indicator's above."""
    out: list[Section] = []
    for item in items:
        found = list(TARGET_RE.finditer(item.text))
        years = "\n".join(f"{m.group(1)}: {m.group('value').strip(' ,.')}" for m in found)
        title = item.text[: found[0].start()].rstrip(" ,;:–-(") if found else item.text
        if found and not title and out:
            before = out.pop()
            out.append(replace(before, text="\n".join(x for x in (before.text, years) if x)))
            continue
        page = lines[item.at].page
        title, cells = _cells_off(title or item.text)
        shown = years or cells
        out.append(Section(goal, None, title, page, page, shown, SectionKind.INDICATOR))
    return out
