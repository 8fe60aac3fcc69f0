"""Paragraph-sized blocks of a page's body text: the unit of search and dedup."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import Block, Page

_STARTS_ITEM = re.compile(r"^\s*(•|\d{1,2}\.\s|[-–]\s)")
MAX_LINES = 14
MIN_CHARS = 400


def _breaks_before(lines: list[str], i: int, bold: set[int], width: int) -> bool:
    prev, line = lines[i - 1].rstrip(), lines[i]
    if (i in bold) != (i - 1 in bold) or _STARTS_ITEM.match(line):
        return True
    return prev.endswith((".", ":", "!", "?", "”")) and len(prev) < 0.8 * width


def page_blocks(page: Page) -> Iterator[Block]:
    """Paragraphs of a page body, a short one joined to the next (a heading and
    its first paragraph, a run of bullets) up to MIN_CHARS; offsets are into
    ``page.body``. Fewer, fuller blocks make the index smaller and faster."""
    pending: Block | None = None
    for block in _paragraphs(page):
        if pending is None:
            pending = block
        elif len(pending.text) < MIN_CHARS:
            pending = Block(page.number, pending.start, block.end, page.body[pending.start : block.end])
        else:
            yield pending
            pending = block
    if pending is not None:
        yield pending


def _paragraphs(page: Page) -> Iterator[Block]:
    """Split a page body into paragraphs."""
    lines = page.body.split("\n")
    if not page.body.strip():
        return
    width = max(len(line) for line in lines)
    bold = set(page.bold_lines)
    start_line, offset, start = 0, 0, 0
    for i, line in enumerate(lines):
        if i and (i - start_line >= MAX_LINES or _breaks_before(lines, i, bold, width)):
            yield from _block(page, start, offset - 1)
            start_line, start = i, offset
        offset += len(line) + 1
    yield from _block(page, start, len(page.body))


def _block(page: Page, start: int, end: int) -> Iterator[Block]:
    text = page.body[start:end]
    if text.strip():
        yield Block(page.number, start, end, text)
