"""A part's body text as one list of lines, each with its page and what the PDF says
about its font: what headings and § items are told apart by."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Page


@dataclass(frozen=True)
class FlatLine:
    page: int
    index: int  # the line's number on its page
    text: str
    bold: bool
    size: float
    marks: tuple[tuple[str, float], ...] = ()  # a table row's marks across the page (Line.marks)


def flatten(pages: Sequence[Page]) -> list[FlatLine]:
    """The non-empty body lines of ``pages``, in order."""
    out = []
    for page in pages:
        bold, marks = set(page.bold_lines), dict(page.marks)
        for i, text in enumerate(page.body.split("\n")):
            size = page.sizes[i] if i < len(page.sizes) else 0.0
            out.append(FlatLine(page.number, i, text.strip(), i in bold, size, marks.get(i, ())))
    return [line for line in out if line.text]


def body_size(lines: Sequence[FlatLine]) -> float:
    """The font size of the running text: the commonest size of long lines."""
    sizes = [line.size for line in lines if len(line.text) > 50]
    return max(set(sizes), key=sizes.count) if sizes else 0.0


def styled(line: FlatLine, body: float) -> bool:
    """Set apart from the running text: bold, or larger."""
    return line.bold or bool(body and line.size > body + 0.4)
