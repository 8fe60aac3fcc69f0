"""Can a text layer be trusted, and is a sentence a whole one that can be quoted?

A page whose distinct lowercase words are mostly not Swedish words (nor English ones) has
a broken font map: its text is marked ``garbled``, never quoted, and its search
hits say the text may be wrong. A sentence is quotable when it has the shape of
one (capital or digit first, a full stop last, a few words, no form labels,
leader dots or check boxes), its words are words, and the layout shows nothing
else run into it (a bold or larger line, or a line that ends early, before its
last line: a heading, a label or a table row).
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass

from ..models import UPPER, Page, PageQuality

Knows = Callable[[str], bool]

WORD_RE = re.compile(r"(?<![\w.-])[a-zåäöéü]{2,}(?![\w-]|\.\w)")  # not the pieces of 'bl.a.
GARBLED_BELOW = 0.85  # share of known distinct lowercase words under which a page is garbled
ENGLISH_STOP_SHARE = 0.3
MIN_WORDS = 12  # fewer distinct lowercase words than this: too little to judge, taken as good
COMPOUND_LETTERS = 10  # an unknown word this long is more likely a compound than a garble
RARE_WORD_PER = 20  # a sentence of this many words may hold one unknown short word
MIN_QUOTE_WORDS = 4
_ENDS = re.compile(r"[.!?…][”\"'’»)]*$")
_STARTS = re.compile(rf"^[”\"'«(]?[{UPPER}0-9]")
_FURNITURE = re.compile(r"\.{4,}|_{4,}|\[[ Xx]\]|\s{3,}\S")


def known_share(text: str, knows: Knows) -> tuple[float, int]:
    """(share of lowercase words the lexicon knows, how many there were)."""
    words = WORD_RE.findall(text)
    if not words:
        return 1.0, 0
    return sum(1 for w in words if knows(w)) / len(words), len(words)


def page_quality(text: str, knows: Knows, english: Knows) -> PageQuality:
    """Judged on distinct words: a rare word that recurs ('rok' in a housing table) is one
    word, while a broken font map makes many different non-words."""
    words = set(WORD_RE.findall(text))
    if len(words) < MIN_WORDS:  # too few words to judge by the lexicon: by their shape
        return PageQuality.GARBLED if scrambled(text) else PageQuality.GOOD
    share = sum(1 for w in words if knows(w)) / len(words)
    if share >= GARBLED_BELOW:
        return PageQuality.GOOD
    english_share, _ = known_share(text, english)  # English prose: a third or more are its stop words
    return PageQuality.GOOD if english_share >= ENGLISH_STOP_SHARE else PageQuality.GARBLED


OCR_BETTER_BY = 0.05  # OCR replaces a text layer when this much more of its words are words


def reads_better(found: str, layer: str, knows: Knows) -> bool:
    """Whether ``found`` (OCR) reads better than ``layer`` (the text layer) of one page:
    more of its words are words, counted over every word ('Ovriga' and 'ordférande' are
    OCR that lost its å/ä/ö), or the layer is scrambled glyphs."""
    if scrambled(layer) and not scrambled(found):
        return True
    ocr_share, ocr_words = known_share(found, knows)
    layer_share, layer_words = known_share(layer, knows)
    if not layer_words:
        return bool(ocr_words)
    return ocr_share > layer_share + OCR_BETTER_BY


_CASE_FLIP = re.compile(rf"(?<=[^\W\d_])(?<![{UPPER}])[{UPPER}]")  # a capital after a small letter
_ODD_INSIDE = re.compile(r"[^\W\d_][\\~^|{}<>][^\W\d_]")  # 'GN\\QD~þW'
SCRAMBLED_FLIPS = 3  # 'McDonald' and 'iPhone' have one


def scrambled(text: str) -> bool:
    """Whether most longer tokens of a short text are not word-shaped: capitals inside
    small letters again and again, or symbols between letters (a font map that maps
    glyphs to the wrong letters: '3HQČåQtSURVWĜHGN\\QD~þWHFK')."""
    tokens = [t for t in text.split() if sum(c.isalpha() for c in t) >= 4]
    odd = sum(1 for t in tokens if len(_CASE_FLIP.findall(t)) >= SCRAMBLED_FLIPS or _ODD_INSIDE.search(t))
    return bool(tokens) and odd * 2 > len(tokens)


def sentence_shaped(text: str) -> bool:
    """The shape of a whole sentence, from its text alone (also used on catalogs
    written before sentences were judged at ingest)."""
    words = text.split()
    flat = " ".join(words)
    return (
        len(words) >= MIN_QUOTE_WORDS
        and bool(_STARTS.match(flat))
        and bool(_ENDS.search(flat))
        and not _FURNITURE.search(text)
        and _numeric(words) <= 0.4 * len(words)
    )


def _numeric(words: list[str]) -> int:
    """How many of the words hold a digit."""
    return sum(1 for w in words if not w.isalpha() and any(c.isdigit() for c in w))


def words_are_words(text: str, knows: Knows) -> bool:
    """Short words are words (a broken font map drops letters from them: 'at', 'haf',
    'fnns'); an unknown long one is more likely a compound the lexicon cannot split. A
    long sentence may hold one rare short word ('via')."""
    words = WORD_RE.findall(text)
    unknown = sum(1 for w in words if len(w) < COMPOUND_LETTERS and not knows(w))
    return unknown == 0 or (unknown == 1 and len(words) >= RARE_WORD_PER)


@dataclass(frozen=True)
class Layout:
    """What ``layout_breaks`` needs of a page, worked out once for all its sentences."""

    lines: tuple[str, ...]
    starts: tuple[int, ...]  # each line's offset in the page's body
    sizes: tuple[float, ...]
    usual: float  # the median font size
    width: int  # the usual line length in characters (a long table row does not count)

    @classmethod
    def of(cls, page: Page) -> Layout:
        lines = tuple(page.body.split("\n"))
        starts = tuple(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        lengths = sorted(len(line) for line in lines if line.strip())
        width = lengths[int(0.75 * (len(lengths) - 1))] if lengths else 0
        usual = statistics.median(page.sizes) if page.sizes else 0.0
        return cls(lines, starts, tuple(page.sizes), usual, width)


def layout_breaks(layout: Layout, start: int, end: int) -> bool:
    """True when a line of the page's ``body[start:end]`` other than its last is a heading,
    a label or a row: in a larger font than the page's text, or ending well short of
    the column. (Bold is not evidence: the PDF layer's weight is read per line start.)"""
    first = bisect.bisect_right(layout.starts, start) - 1
    while first + 1 < len(layout.lines) and layout.starts[first] + len(layout.lines[first]) <= start:
        first += 1  # a line ending at ``start`` is not in the span (its newline is)
    last = bisect.bisect_left(layout.starts, end) - 1  # the last line starting before ``end``
    for k in range(first, last):
        size = layout.sizes[k] if k < len(layout.sizes) else layout.usual
        if size > layout.usual + 0.5 or len(layout.lines[k].rstrip()) < 0.7 * layout.width:
            return True
    return False
