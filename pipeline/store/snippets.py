"""A snippet: up to two fragments of a block around the words a query matched, with the
matches' places in them (``query.marked_spans`` finds the words)."""

from __future__ import annotations

import re

from ..records import Snippet


def snippet(text: str, spans: list[tuple[int, int]], width: int = 240, surround: int = 60) -> Snippet:
    """Up to two fragments of ``text`` around the matched spans, with the matches' places
    in them; the text's start when nothing is marked."""
    spans = _disjoint(spans)
    if not spans:
        return Snippet(_LEADERS.sub(" … ", text[:width]))
    out, count = "", 0
    i, end = 0, 0
    while i < len(spans) and count < 2:
        start = max(end, _word_start(text, max(0, spans[i][0] - surround)))
        j = i
        while j + 1 < len(spans) and spans[j + 1][1] - start <= width - surround:
            j += 1
        gap = text[end:start]
        if count:  # '…' only where text was left out between two fragments
            out += " " if not gap.strip() else " … "  # fragments are stripped: one space where they meet
        end = _word_end(text, min(len(text), spans[j][1] + surround))
        j = max(k for k in range(j, len(spans)) if spans[k][1] <= end)  # marks the context took in
        out += _mark(text, start, end, spans[i : j + 1])
        i, count = j + 1, count + 1
    return _unmarked(_LEADERS.sub(" … ", out))


def _unmarked(marked: str) -> Snippet:
    """The snippet whose matches ``_mark`` wrapped in MARK_OPEN…MARK_CLOSE, as text and places."""
    text, marks = "", []
    for i, piece in enumerate(marked.replace(MARK_CLOSE, MARK_OPEN).split(MARK_OPEN)):
        if i % 2:
            marks.append((len(text), len(text) + len(piece)))
        text += piece
    return Snippet(text, tuple(marks))


MARK_OPEN, MARK_CLOSE = "\x01", "\x02"  # inside ``snippet`` only: a page's text holds neither
# a table of contents' dot leaders ('Budgetdirektiv för 2023 ........ 18'): shown as one '…'
_LEADERS = re.compile(r"[ \t]*(?:\.[ \t]?){4,}[ \t]*")


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if kept and start < kept[-1][1]:
            kept[-1] = (kept[-1][0], max(end, kept[-1][1]))
        else:
            kept.append((start, end))
    return kept


def _word_start(text: str, at: int) -> int:
    while 0 < at < len(text) and not text[at - 1].isspace():
        at -= 1
    return at


def _word_end(text: str, at: int) -> int:
    while at < len(text) and not text[at].isspace():
        at += 1
    return at


def _mark(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    out, at = [], start
    for s, e in spans:
        out += [text[at:s], MARK_OPEN, text[s:e], MARK_CLOSE]
        at = e
    out.append(text[at:end])
    return "".join(out).strip()
