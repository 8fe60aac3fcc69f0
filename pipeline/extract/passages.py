"""Where the language stage looks in a part's text: page offsets, bounded chunks,
sentence bounds, and the few stretches of text around a sum of money that need tokens.

Plain text arithmetic (no spaCy): nlp.py tokenizes only the stretches given here.
spaCy's tokenizer splits on whitespace first and reads each whitespace-delimited piece
on its own, so a stretch that starts where a word starts and ends after a run of
whitespace is tokenized exactly as the same characters are inside the whole text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..models import Page
from . import amounts as money
from .sentences import sentence_starts

CHUNK_CHARS = 200_000  # the language stage reads a long part in page-aligned pieces of about this size
BEFORE_WINDOW, AFTER_WINDOW = 40, 25  # characters around a number and its unit that the token patterns see
CONTEXT_WORDS = 3  # whole words kept before a window: an amount's qualifier ('cirka', 'minus') stands there


@dataclass(frozen=True)
class PageStarts:
    """Where each page starts in the part's text (pages joined by one newline)."""

    numbers: list[int]
    starts: list[int]

    @classmethod
    def of(cls, pages: Sequence[Page]) -> PageStarts:
        starts, at = [], 0
        for page in pages:
            starts.append(at)
            at += len(page.body) + 1
        return cls([p.number for p in pages], starts)

    def locate(self, offset: int) -> tuple[int, int]:
        """Part offset -> (page number, offset in that page's body)."""
        k = bisect.bisect_right(self.starts, offset) - 1
        return self.numbers[k], offset - self.starts[k]


def chunks(pages: Sequence[Page], size: int = CHUNK_CHARS) -> Iterator[Sequence[Page]]:
    """Runs of whole pages of about ``size`` characters; a run ends, where it can, with a
    page whose text ends a sentence (so that no sentence is cut between two runs)."""
    start = 0
    while start < len(pages):
        end, length = start, 0
        while end < len(pages) and (end == start or length + len(pages[end].body) <= size):
            length += len(pages[end].body) + 1
            end += 1
        if end < len(pages):
            ends = [k for k in range(end, max(start + 1, end - 5), -1) if _ends_sentence(pages[k - 1])]
            end = ends[0] if ends else end
        yield pages[start:end]
        start = end


def _ends_sentence(page: Page) -> bool:
    return page.body.rstrip().endswith((".", "!", "?", ":", "”"))


def sentence_bounds(text: str, abbreviations: frozenset[str]) -> list[int]:
    """Offsets where sentences start, and the end of the text. Every start that
    sentences.py finds follows whitespace (or opens the text), so it is where a token
    starts: these are the bounds the spaCy component marks, without the tokens."""
    if not text:
        return [0]
    return [*sorted({0, *sentence_starts(text, abbreviations)}), len(text)]


def sentence_at(text: str, bounds: list[int], offset: int) -> str:
    k = bisect.bisect_right(bounds, offset) - 1
    return " ".join(text[bounds[k] : bounds[k + 1]].split())


def money_windows(text: str) -> list[tuple[int, int]]:
    """Character ranges around each number followed by a currency or scale word
    (overlapping ranges merged): the only places an amount's token pattern can match."""
    ranges: list[list[int]] = []
    for first, last in money.money_hints(text):
        start, end = max(0, first - BEFORE_WINDOW), min(len(text), last + AFTER_WINDOW)
        if ranges and start <= ranges[-1][1]:
            ranges[-1][1] = end
        else:
            ranges.append([start, end])
    return [(start, end) for start, end in ranges]


@dataclass(frozen=True)
class Stretch:
    """A run of text to tokenize (``start`` opens a word or the text; ``end`` closes a
    run of whitespace or the text) and the money windows inside it."""

    start: int
    end: int
    windows: tuple[tuple[int, int], ...]


def stretches(text: str, windows: Sequence[tuple[int, int]]) -> Iterator[Stretch]:
    """The windows grouped into stretches that share no character, each widened to whole
    words, with ``CONTEXT_WORDS`` words before its first window."""
    current: list[int] | None = None
    held: list[tuple[int, int]] = []
    for window in windows:
        start, end = _word_start(text, window[0]), _after_space(text, window[1])
        if current is not None and start <= current[1]:
            current[1] = max(current[1], end)
        else:
            if current is not None:
                yield Stretch(current[0], current[1], tuple(held))
            current, held = [start, end], []
        held.append(window)
    if current is not None:
        yield Stretch(current[0], current[1], tuple(held))


def _word_start(text: str, at: int, words: int = CONTEXT_WORDS) -> int:
    """The start of the word at ``at`` (or of the text), ``words`` whole words further back."""
    i = at
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    for _ in range(words):
        while i > 0 and text[i - 1].isspace():
            i -= 1
        while i > 0 and not text[i - 1].isspace():
            i -= 1
    return i


def _after_space(text: str, at: int) -> int:
    """The end of the word at ``at`` and of the whitespace after it."""
    i = at
    while i < len(text) and not text[i].isspace():
        i += 1
    while i < len(text) and text[i].isspace():
        i += 1
    return i
