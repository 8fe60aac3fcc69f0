"""A page's positioned words (RawPage.words) as a reader takes in a table: lines, each cut
into phrases (a cell's text on one line) at gaps wider than a word's; which phrases are
figures; which column (a band of x) a phrase stands in."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Word

GAP_EM = 0.6  # a gap wider than this many line heights parts two cells of a line

_NUMBER = r"[-−–+]?\s?\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?\s?%?|[-−–+]?\d+(?:,\d+)?\s?%?"
# a cell's figure: '34 956', '-1 942', '(1 942)', '3,5%', '96 (93,7)' (a target and its outcome)
FIGURE_RE = re.compile(rf"(?:{_NUMBER}|\((?:{_NUMBER})\))(?:\s?\((?:{_NUMBER})\)?)?")
YEAR_RE = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class Phrase:
    """A cell's text on one line: words closer than a cell's gap."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True)
class TextLine:
    phrases: tuple[Phrase, ...]
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.phrases)


def is_figure(text: str) -> bool:
    """A cell's text that is a figure ('-1 942', '95 %', '96 (93,7)'); a bare year is not."""
    return bool(FIGURE_RE.fullmatch(text.strip())) and not YEAR_RE.fullmatch(text.strip())


def text_lines(words: Sequence[Word]) -> list[TextLine]:
    """Words gathered into lines (a word whose middle lies within a line's height joins it),
    each cut into phrases at gaps wider than a cell's."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        middle = (word.top + word.bottom) / 2
        for line in reversed(lines[-3:]):
            if line[0].top <= middle <= line[0].bottom:
                line.append(word)
                break
        else:
            lines.append([word])
    return [_line(sorted(ws, key=lambda w: w.x0)) for ws in lines]


def _line(words: list[Word]) -> TextLine:
    height = max(w.bottom - w.top for w in words)
    phrases: list[list[Word]] = [[words[0]]]
    for word in words[1:]:
        if word.x0 - phrases[-1][-1].x1 > GAP_EM * height:
            phrases.append([word])
        else:
            phrases[-1].append(word)
    return TextLine(
        tuple(
            Phrase(
                " ".join(w.text for w in p),
                p[0].x0,
                max(w.x1 for w in p),
                min(w.top for w in p),
                max(w.bottom for w in p),
            )
            for p in phrases
        ),
        min(w.top for w in words),
        max(w.bottom for w in words),
    )


def valued(line: TextLine) -> bool:
    """A row of a table: a figure beside a label, or two figures."""
    figures = [i for i, p in enumerate(line.phrases) if is_figure(p.text)]
    return len(figures) >= 2 or any(i > 0 for i in figures)


def band_of(phrase: Phrase, bands: Sequence[tuple[float, float]]) -> int:
    """The band a phrase overlaps most (the nearest where it overlaps none)."""

    def fit(k: int) -> float:
        x0, x1 = bands[k]
        overlap = min(x1, phrase.x1) - max(x0, phrase.x0)
        return overlap if overlap > 0 else -min(abs(phrase.x0 - x1), abs(x0 - phrase.x1))

    return max(range(len(bands)), key=fit)


def covered(phrase: Phrase, bands: Sequence[tuple[float, float]]) -> list[int]:
    return [k for k, (x0, x1) in enumerate(bands) if min(x1, phrase.x1) - max(x0, phrase.x0) > 0]
