"""A follow-up that quotes its plan: each priority under its heading in a box (a paragraph
set in bold at the body's size: a sentence, or three lines or more), the report's plain text
below it (prose: a table's header over rows of numbers is no box). Where a heading holds
one box it names the priority; where it holds several (a table of assignments, each with its
comment), each box's own text does."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Section, SectionKind
from .layout import FlatLine

MAX_TITLE = 250
NUMBER_END_RE = re.compile(r"\d\s*%?$")  # a table's row after its header: 'Antal årsarbetare 197,7'
SECTION_NUMBER_RE = re.compile(r"^\d+(\.\d+)+\s")  # a numbered heading: '2.3.4 Uppföljning …'


@dataclass(frozen=True)
class _Box:
    heading: str | None
    heading_at: int
    start: int  # the box's first line
    end: int  # the line after it


def _larger(line: FlatLine, body: float) -> bool:
    return bool(body and line.size > body + 0.4)


def _bold_body(line: FlatLine, body: float) -> bool:
    return line.bold and not _larger(line, body)


def _heading_before(lines: Sequence[FlatLine], i: int, body: float) -> tuple[str | None, int]:
    """The heading (its lines joined) standing right above line ``i``, and its first line."""
    k = i
    while k > 0 and lines[k - 1].bold and _larger(lines[k - 1], body):
        k -= 1
    if k == i:
        return None, i
    return " ".join(x.text for x in lines[k:i]), k


def _last_heading(lines: Sequence[FlatLine], i: int, body: float) -> int:
    """The line of the last heading above line ``i`` (-1: none)."""
    return next((k for k in range(i - 1, -1, -1) if lines[k].bold and _larger(lines[k], body)), -1)


def _boxes(lines: Sequence[FlatLine], body: float) -> list[_Box]:
    out: list[_Box] = []
    i = 0
    while i < len(lines):
        if not _bold_body(lines[i], body):
            i += 1
            continue
        j = i
        while j < len(lines) and _bold_body(lines[j], body):
            j += 1
        sentence = j - i >= 3 or any(x.text.endswith(".") for x in lines[i:j])
        prose_after = j < len(lines) and not lines[j].bold and not NUMBER_END_RE.search(lines[j].text)
        words = sum(len(x.text.split()) for x in lines[i:j]) / (j - i)  # a table's header: 1–2 a line
        if sentence and prose_after and words >= 2.5 and not SECTION_NUMBER_RE.match(lines[i].text):
            heading, at = _heading_before(lines, i, body)
            out.append(_Box(heading, at, i, j))
        i = j
    return out


def _dated(text: str) -> bool:
    return bool(re.search(r"\b(?:19|20)\d\d\b", text))


def _box_text(lines: Sequence[FlatLine]) -> str:
    """A box's text without a table's header above it or a short label below it
    ('Centrala uppdrag Kommentar', 'Halvår 1 2026')."""
    texts = [x.text for x in lines]
    if len(texts) > 1 and len(texts[0].split()) <= 4 and texts[1][:1].isupper() and texts[0][-1:].isalpha():
        texts = texts[1:]
    if len(texts) > 1 and len(texts[-1].split()) <= 4 and (texts[-2].endswith(".") or _dated(texts[-1])):
        texts = texts[:-1]
    text = " ".join(texts)
    return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1].rsplit(" ", 1)[0] + " …"


def _report(lines: Sequence[FlatLine], start: int, stop: int, body: float) -> Sequence[FlatLine]:
    """The report's text under a box: to the next box or heading."""
    k = start
    while k < stop and not (lines[k].bold and _larger(lines[k], body)):
        k += 1
    return lines[start:k]


def boxed_focus(lines: Sequence[FlatLine], body: float) -> list[Section]:
    """The boxed priorities, each with the report's text that follows its box."""
    boxes = _boxes(lines, body)
    under = [_last_heading(lines, box.start, body) for box in boxes]
    per_heading = {h: under.count(h) for h in under}
    out: list[Section] = []
    for n, box in enumerate(boxes):
        stop = boxes[n + 1].heading_at if n + 1 < len(boxes) else len(lines)
        report = _report(lines, box.end, stop, body)
        own = box.heading if box.heading and per_heading[under[n]] == 1 else None
        title = own or _box_text(lines[box.start : box.end])
        first = lines[box.heading_at if own else box.start].page
        last = report[-1].page if report else lines[box.end - 1].page
        text = "\n".join(x.text for x in report)
        if out and title[:1].islower() and not own:  # a box carried over from the page before
            before = out.pop()
            title, text, first = f"{before.title} {title}", f"{before.text}\n{text}", before.first_page
        out.append(Section(None, None, title, first, last, text, SectionKind.FOCUS))
    return out
