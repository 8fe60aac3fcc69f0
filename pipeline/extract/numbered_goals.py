"""Goals numbered as headings, and the goals numbered within them: 'Mål 1. Fler barn …',
'Strategiskt mål 2: Hållbar …', '1. Kommunfullmäktiges inriktningsmål: …' over 'Nämndmål
1.1 Fler barn …' or '1.1 Fler invånare …'. A goal is a line set apart (bold or larger) that
names a goal by its number (a word ending in 'mål' before it), or a numbered heading with a
goal numbered under it; a goal within it carries its number and its own ('1.2'). Each has
the text below it up to the next goal or heading as large as it; a report that numbers
its goals as the plan does judges each there ('Bedömning: Målet är uppfyllt')."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..models import UPPER, Section, SectionKind
from .layout import FlatLine, styled

_WORD = r"(?:[^\W\d]+\s+)?[^\W\d]*mål"  # 'Mål', 'Nämndmål', 'Strategiskt mål'
GOAL_RE = re.compile(
    rf"^(?:(?P<word>{_WORD})\s+)?(?P<n>\d{{1,2}})\s*[.:]?\s+(?P<title>[{UPPER}\"”“].*)$", re.I
)
SUB_RE = re.compile(
    rf"^(?:(?P<word>{_WORD})\s+)?(?P<n>\d{{1,2}})\.(?P<m>\d{{1,2}})\.?:?\s+(?P<title>[{UPPER}].*)$", re.I
)
MAX_WORDS = 16  # a goal's line is a heading, not running text


@dataclass(frozen=True)
class _Mark:
    number: int
    sub: int | None
    title: str


def _mark(line: FlatLine, body: float) -> _Mark | None:
    if not styled(line, body) or len(line.text.split()) > MAX_WORDS or line.text.endswith((",", ";")):
        return None
    sub = SUB_RE.match(line.text)
    if sub:
        return _Mark(int(sub.group("n")), int(sub.group("m")), line.text)
    top = GOAL_RE.match(line.text)
    if top is None:
        return None
    title = line.text if top.group("word") else top.group("title")
    return _Mark(int(top.group("n")), None, title.strip())


def _wrapped(lines: Sequence[FlatLine], i: int) -> int:
    """How many lines a heading at ``i`` takes: the lines set as it is that go on in lower
    case ('Uppsala ska vara' / 'en trygg kommun')."""
    used = 1
    while i + used < len(lines):
        line, first = lines[i + used], lines[i]
        if line.page != first.page or line.bold != first.bold or abs(line.size - first.size) > 0.2:
            break
        if not line.text[:1].islower() or first.text.endswith("."):
            break
        used += 1
    return used


def _joined(lines: Sequence[FlatLine], i: int) -> FlatLine:
    used = _wrapped(lines, i)
    return replace(lines[i], text=" ".join(x.text for x in lines[i : i + used]))


def _marks(lines: Sequence[FlatLine], body: float) -> list[tuple[int, _Mark]]:
    """Goals and the goals within them, by position: a bare numbered heading ('1. …') counts
    as a goal only where a goal numbered under it follows before the next one."""
    found = [(i, m) for i in range(len(lines)) if (m := _mark(_joined(lines, i), body))]
    kept: list[tuple[int, _Mark]] = []
    for k, (i, m) in enumerate(found):
        named = GOAL_RE.match(_joined(lines, i).text)
        if m.sub is None and not (named and named.group("word")):
            nxt = found[k + 1][1] if k + 1 < len(found) else None
            if nxt is None or nxt.sub is None or nxt.number != m.number:
                continue
        kept.append((i, m))
    return kept


def _end(lines: Sequence[FlatLine], start: int, stop: int, size: float, body: float) -> int:
    """Where a goal's text ends: at ``stop`` or at a heading as large as its own."""
    for k in range(start, stop):
        line = lines[k]
        if (
            body
            and line.size > body + 0.4
            and line.size >= size - 0.2
            and len(line.text.split()) <= MAX_WORDS
        ):
            return k
    return stop


def numbered_goals(lines: Sequence[FlatLine], body: float) -> list[Section]:
    """The goals and the goals within them; none unless two goals are numbered."""
    marks = _marks(lines, body)
    if sum(m.sub is None for _, m in marks) < 2 and len(marks) < 2:
        return []
    out: list[Section] = []
    goal: _Mark | None = None
    for k, (i, m) in enumerate(marks):
        if m.sub is None:
            goal = m
        elif goal is None or goal.number != m.number:
            continue
        later = [j for j, x in marks[k + 1 :] if x.sub is None or m.sub is not None]
        stop = _end(lines, i + _wrapped(lines, i), later[0] if later else len(lines), lines[i].size, body)
        start = i + _wrapped(lines, i)
        text = "\n".join(x.text for x in lines[start:stop])
        last = lines[stop - 1].page if stop > start else lines[i].page
        if m.sub is None:
            out.append(Section(None, m.number, m.title, lines[i].page, last, text, SectionKind.GOAL))
        else:
            out.append(Section(goal.title, m.sub, m.title, lines[i].page, last, text, SectionKind.FOCUS))
    return out if sum(s.kind == SectionKind.GOAL for s in out) >= 1 and len(out) >= 2 else []


def goal_lines(lines: Sequence[FlatLine], body: float) -> dict[int, str]:
    """For each line that numbers a goal or a goal within one, the goal's title (the goal
    a goal within it stands under)."""
    out: dict[int, str] = {}
    goal: str | None = None
    for i, m in _marks(lines, body):
        goal = m.title if m.sub is None else goal
        if goal is not None:
            out[i] = goal
    return out
