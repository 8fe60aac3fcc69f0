"""Sentence boundaries in Swedish municipal text, as character offsets.

Plain regular expressions over the text (the spaCy component in nlp.py turns
the offsets into token sentence starts): a sentence ends at . ! ? … before a
word that opens a sentence, unless the word before the stop is an
abbreviation (bl.a., t.ex., dvs., bitr.); a bullet that opens a line starts
one; a short line without a sentence end between two sentences (a heading)
is a sentence of its own.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from ..models import UPPER

OPENERS = f"{UPPER}0-9”\"'•(–§-"
STOP_RE = re.compile(rf"(\S*[.!?…])[”\"')]*\s+(?=[{OPENERS}])")
BULLET_RE = re.compile(r"\n[ \t]*([•–-])\s")
# what a line announces with its last colon starts on the next ('… lämnar följande protokollsanteckning:')
ANNOUNCED_RE = re.compile(rf":[ \t]*\n[ \t]*(?=[{OPENERS}])")
# Abbreviations that also end sentences often enough to count as a stop.
FINAL_ABBREVIATIONS = frozenset({"kr.", "m.m.", "osv.", "etc.", "m.fl.", "mfl.", "o.s.v."})
HEADING_MAX_WORDS = 14
# Used where spaCy's tokenizer exceptions are not at hand (compare's evidence sentences).
COMMON_ABBREVIATIONS = frozenset(
    {
        "bl.a.",
        "t.ex.",
        "dvs.",
        "d.v.s.",
        "bitr.",
        "resp.",
        "ca.",
        "kl.",
        "jfr.",
        "s.k.",
        "p.g.a.",
        "pga.",
        "f.d.",
        "o.d.",
        "fr.o.m.",
        "t.o.m.",
        "enl.",
        "nr.",
        "st.",
        "tel.",
    }
)


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((at + len(line) - len(line.lstrip()), at + len(line.rstrip())))
        at += len(line) + 1
    return spans


# A line that ends with one of these goes on ('… beslutar enligt' / 'Anton Césars förslag …'):
# no heading ends so.
_GOES_ON = "att och eller samt men för till av med i på om som en ett den det de enligt från mot vid"
_GOES_ON += " under över efter inom utan genom hos än så när där vars vilket vilka är har kan ska skall"
GOES_ON = frozenset(_GOES_ON.split())
TAG_NEXT_RE = re.compile(rf"\(\s*[{UPPER}a-zåäö-]{{1,4}}\s*\)")  # a name's party wrapped to the next line


def _goes_on(line: str, text: str, nxt: int | None) -> bool:
    last = line.split()[-1].lower() if line.split() else ""
    return last in GOES_ON or (nxt is not None and TAG_NEXT_RE.match(text, nxt) is not None)


def _heading_starts(text: str) -> Iterable[int]:
    lines = _line_spans(text)
    closed = True
    for k, (start, end) in enumerate(lines):
        line = text[start:end]
        nxt = lines[k + 1][0] if k + 1 < len(lines) else None
        opens_next = nxt is None or re.match(f"[{OPENERS}]", text[nxt]) is not None
        heading = (
            closed
            and len(line.split()) <= HEADING_MAX_WORDS
            and not line.endswith((".", "!", "?", "…", ",", ";"))
            and opens_next
            and not _goes_on(line, text, nxt)
        )
        if heading:
            yield start
            if nxt is not None:
                yield nxt
        closed = heading or line.endswith((".", "!", "?", "…", "”", ":"))


def split(text: str, abbreviations: frozenset[str] = COMMON_ABBREVIATIONS) -> list[str]:
    """The sentences of ``text``, stripped."""
    starts = [*sentence_starts(text, abbreviations), len(text)]
    pieces = (text[a:b].strip() for a, b in itertools.pairwise(starts))
    return [p for p in pieces if p]


def sentence_starts(text: str, abbreviations: frozenset[str]) -> list[int]:
    """Sorted character offsets where sentences start."""
    starts = {0}
    for match in STOP_RE.finditer(text):
        word = match.group(1).lower()
        if word in abbreviations and word not in FINAL_ABBREVIATIONS:
            continue
        if word == "kl." and text[match.end() : match.end() + 1].isdigit():
            continue
        starts.add(match.end())
    starts.update(m.start(1) for m in BULLET_RE.finditer(text))
    starts.update(m.end() for m in ANNOUNCED_RE.finditer(text))
    starts.update(_heading_starts(text))
    return sorted(s for s in starts if s < len(text))
