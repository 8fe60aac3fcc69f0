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

import re
import statistics
from collections.abc import Callable

from ..models import Page

Knows = Callable[[str], bool]

GOOD, GARBLED = "good", "garbled"
WORD_RE = re.compile(r"(?<![\w.-])[a-zåäöéü]{2,}(?![\w-]|\.\w)")  # not the pieces of 'bl.a.
GARBLED_BELOW = 0.85  # share of known distinct lowercase words under which a page is garbled
ENGLISH_STOP_SHARE = 0.3
MIN_WORDS = 12  # fewer distinct lowercase words than this: too little to judge, taken as good
COMPOUND_LETTERS = 10  # an unknown word this long is more likely a compound than a garble
RARE_WORD_PER = 20  # a sentence of this many words may hold one unknown short word
MIN_QUOTE_WORDS = 4
_ENDS = re.compile(r"[.!?…][”\"'’»)]*$")
_STARTS = re.compile(r"^[”\"'«(]?[A-ZÅÄÖÉÜ0-9]")
_FURNITURE = re.compile(r"\.{4,}|_{4,}|\[[ Xx]\]|\s{3,}\S")


def known_share(text: str, knows: Knows) -> tuple[float, int]:
    """(share of lowercase words the lexicon knows, how many there were)."""
    words = WORD_RE.findall(text)
    if not words:
        return 1.0, 0
    return sum(1 for w in words if knows(w)) / len(words), len(words)


def page_quality(text: str, knows: Knows, english: Knows) -> str:
    """Judged on distinct words: a rare word that recurs ('rok' in a housing table) is one
    word, while a broken font map makes many different non-words."""
    words = set(WORD_RE.findall(text))
    share = sum(1 for w in words if knows(w)) / len(words) if words else 1.0
    if len(words) < MIN_WORDS or share >= GARBLED_BELOW:
        return GOOD
    english_share, _ = known_share(text, english)  # English prose: a third or more are its stop words
    return GOOD if english_share >= ENGLISH_STOP_SHARE else GARBLED


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


def column_width(page: Page) -> int:
    """The page's usual line length in characters (a long table row does not count)."""
    lengths = sorted(len(line) for line in page.body.split("\n") if line.strip())
    return lengths[int(0.75 * (len(lengths) - 1))] if lengths else 0


def layout_breaks(page: Page, start: int, end: int, width: int) -> bool:
    """True when a line of ``page.body[start:end]`` other than its last is a heading,
    a label or a row: in a larger font than the page's text, or ending well short of
    the column. (Bold is not evidence: the PDF layer's weight is read per line start.)"""
    lines, at = [], 0
    for k, line in enumerate(page.body.split("\n")):
        if at + len(line) > start and at < end:
            lines.append((k, line))
        at += len(line) + 1
    usual = statistics.median(page.sizes) if page.sizes else 0.0
    for k, line in lines[:-1]:
        size = page.sizes[k] if k < len(page.sizes) else usual
        if size > usual + 0.5 or len(line.rstrip()) < 0.7 * width:
            return True
    return False
