"""Text cleaning: NFC, bullets, ligatures, soft hyphens, running headers.

Works on plain :class:`RawPage` records; never sees a PDF object.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..models import Line, Page, RawPage

BULLETS = "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\u25cf\u25aa\u25a0\u2023\u2043\u25e6\u2219\u00b7"
_BULLET_RE = re.compile(f"^(\\s*)[{BULLETS}•](?:\\s+[-•–](?=\\s))?")
LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_LIGATURE_RE = re.compile("[" + "".join(LIGATURES) + "]")
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff\ufffe\uffff]")
# Words that follow a hyphen that is real ("mål- och budget", "kön- eller ...").
KEEP_HYPHEN_BEFORE = {"och", "eller", "samt", "respektive", "resp.", "till", "som", "&"}

LETTERHEAD_PATTERNS = [
    re.compile(r"^(PROTOKOLL(SUTDRAG)?|SAMMANTRÄDESPROTOKOLL|KALLELSE)\b[^a-zåäö]*$"),
    re.compile(r"^Sammanträdesdatum(\s+Paragraf)?$"),
    re.compile(r"^(SID|Sid|Sida|sida)\s+\d+\s*(\(\d+\)|av\s+\d+)?$"),
    re.compile(r"^[-–]?\s*\d{1,3}\s*[-–]?$"),
    re.compile(r"^\d{1,4}\s*\(\d{1,4}\)$"),
    re.compile(r"^(Justerandes sign(atur)?|Utdragsbestyrkande)\b.*$", re.IGNORECASE),
]


def normalise(text: str) -> str:
    """NFC; ligatures expanded; Word bullets mapped to '•'; control characters dropped."""
    text = unicodedata.normalize("NFC", text)
    text = _LIGATURE_RE.sub(lambda m: LIGATURES[m.group(0)], text)
    text = _CONTROL_RE.sub("", text)
    text = _BULLET_RE.sub(r"\1•", text)
    return text.rstrip()


def _joins(left: str, right: str) -> bool:
    """True when 'left' ends in a hyphen that only breaks a word across lines."""
    if len(left) < 3 or not left.endswith("-") or left.endswith(" -"):
        return False
    before = left[-2]
    word = right.split(" ", 1)[0] if right else ""
    if not before.isalpha() or not before.islower():
        return False
    if not word or not word[0].isalpha() or not word[0].islower():
        return False
    return word not in KEEP_HYPHEN_BEFORE


def dehyphenate(lines: Sequence[Line]) -> list[Line]:
    """Join 'rela-' / 'tioner' into 'relationer' on the first line, keeping the
    line count (so line breaks stay recoverable); keep '100-' / 'årsjubileet'."""
    out = list(lines)
    for i in range(len(out) - 1):
        left, right = out[i].text, out[i + 1].text.lstrip()
        if not _joins(left, right):
            continue
        word, _, rest = right.partition(" ")
        out[i] = replace(out[i], text=left[:-1] + word)
        out[i + 1] = replace(out[i + 1], text=rest)
    return out


_BREAK_AFTER_DASH = re.compile(r"(?<=\w)([-–])[ \t]*\n\s*(\S+)")


def join_lines(text: str) -> str:
    """Text with its line breaks joined, as one quotes it: a hyphen kept at a line
    end stays attached ('100-' / 'årsjubileet' -> '100-årsjubileet'), except
    before 'och', 'eller' … ('mål-' / 'och budget' -> 'mål- och budget')."""

    def attach(match: re.Match[str]) -> str:
        dash, word = match.group(1), match.group(2)
        return f"{dash} {word}" if word in KEEP_HYPHEN_BEFORE else f"{dash}{word}"

    return " ".join(_BREAK_AFTER_DASH.sub(attach, text).split())


@functools.lru_cache(maxsize=8192)  # each line near a page's top or foot is keyed twice; headers repeat
def line_key(text: str) -> str:
    """What two header lines share when they are the same header: numbers, case, punctuation,
    diacritics and stray one- or two-letter tokens aside, as OCR reads one header a little
    differently on each page ('Rådet för …' / 'Radet for …'). A line of figures keeps them
    ('+ 0,895 m€' ending a table is not the '41,3 m€' ending another page), but for a page's
    § mark ('39 §', one each page). A key to compare only: the text keeps its å, ä and ö."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if c.isalnum() or c.isspace())
    key = " ".join(w for w in re.sub(r"\d+", "#", folded).split() if len(w) > 2 or w == "#")
    return key if "§" in text or any(c.isalpha() for c in key) else " ".join(folded.split())


def _zone(lines: Sequence[Line], depth: int) -> list[int]:
    filled = [i for i, line in enumerate(lines) if line.text.strip()]
    head, tail = filled[:depth], filled[-depth:] if depth else []
    return sorted(set(head) | set(tail))


# An item's heading: its § and more ('§ 45 Dnr KS 2022/123', '§ 45 Motion om ...'); items that
# each open a page put one near the top of every page, with another number each time.
_ITEM_HEADING = re.compile(r"^(?:§\s*\d{1,4}|\d{1,4}\s*§)\s+\S")
# 'Kommunstyrelsens beslut', 'Beslut', 'Förslag till beslut': a decision's label.
_DECISION_LABEL = re.compile(r"^(?:\S+\s+){0,3}beslut\s*:?$", re.IGNORECASE)


def _sentence(text: str) -> bool:
    """A line that is a sentence ('Antecknades för kännedom.'), a label ('Ungdomsfullmäktiges
    beslut:', 'Kommunstyrelsens beslut') or an item's heading is the page's text even when it
    repeats near the top or foot of several pages (as it does in OCR text, which has no rule
    lines below it, and in minutes whose items each open a page); headers and footers are none
    of them."""
    words = len(text.split())
    return (
        (text.endswith((".", "!", "?")) and words >= 3)
        or (text[:1].isupper() and text.endswith(":") and 1 <= words <= 6)
        or bool(_ITEM_HEADING.match(text) or _DECISION_LABEL.match(text))
    )


GROWN = 3  # lines a header or footer block may run on past ``depth``, line by line


def find_furniture(pages: Sequence[Sequence[Line]], depth: int) -> list[set[int]]:
    """For each page, the indexes of its lines that are running headers, footers
    or letterheads: lines near the top or bottom that repeat on at least three
    pages (or on at least half of a short document), or that look like a
    letterhead or page number. A block of such lines may run a few lines deeper
    ('Kommunstyrelsen / Protokoll / 2026-06-15 / Expedieras till / Utdragsbestyrkande'):
    a repeating line just below a header (above a footer) is furniture too."""
    seen: Counter[str] = Counter()
    wide: Counter[str] = Counter()
    zones = [_zone(lines, depth) for lines in pages]
    edges = [_edges(lines, depth) for lines in pages]
    for lines, zone, (below, above) in zip(pages, zones, edges, strict=True):
        seen.update({line_key(lines[i].text) for i in zone})
        wide.update({line_key(lines[i].text) for i in below + above})
    needed = max(2, min(3, (len(pages) + 1) // 2))
    result: list[set[int]] = []
    for lines, zone, (below, above) in zip(pages, zones, edges, strict=True):
        marked = set()
        for i in zone:
            text = lines[i].text.strip()
            repeated = seen[line_key(text)] >= needed and len(pages) > 1 and not _sentence(text)
            if repeated or any(p.match(text) for p in LETTERHEAD_PATTERNS):
                marked.add(i)
        for run in (below, above):
            _grow(lines, run, marked, lambda text: wide[line_key(text)] >= needed)
        result.append(marked)
    return result


def _grow(
    lines: Sequence[Line], run: Sequence[int], marked: set[int], repeats: Callable[[str], bool]
) -> None:
    """Mark the lines of ``run`` (the first beside a zone's edge line, ``run[0] ∓ …``) while each
    repeats and the one before it is marked."""
    before = run[0] - 1 if run else 0
    for i in run:
        text = lines[i].text.strip()
        if "§" in text or not (
            _previous_marked(lines, i, before, marked) and repeats(text) and not _sentence(text)
        ):
            return
        marked.add(i)
        before = i


def _previous_marked(lines: Sequence[Line], i: int, before: int, marked: set[int]) -> bool:
    """Whether the filled line next to ``i`` on its zone's side is marked."""
    step = -1 if before < i else 1
    k = i + step
    while 0 <= k < len(lines) and not lines[k].text.strip():
        k += step
    return k in marked


def _edges(lines: Sequence[Line], depth: int) -> tuple[list[int], list[int]]:
    """The few filled lines just below the top zone and just above the foot zone."""
    filled = [i for i, line in enumerate(lines) if line.text.strip()]
    if len(filled) <= 2 * (depth + GROWN):
        return [], []
    return filled[depth : depth + GROWN], filled[-depth - GROWN : -depth][::-1]


def clean_pages(raw: Sequence[RawPage], depth: int = 3) -> list[Page]:
    """Raw pages -> pages with body and furniture apart."""
    cleaned = [dehyphenate([replace(line, text=normalise(line.text)) for line in page.lines]) for page in raw]
    furniture = find_furniture(cleaned, depth)
    return [_page(page, lines, marks) for page, lines, marks in zip(raw, cleaned, furniture, strict=True)]


def _page(raw: RawPage, lines: Sequence[Line], marks: set[int]) -> Page:
    body = [line for i, line in enumerate(lines) if i not in marks]
    while body and not body[-1].text.strip():
        body.pop()
    while body and not body[0].text.strip():
        body.pop(0)
    return Page(
        number=raw.number,
        body="\n".join(line.text for line in body),
        furniture="\n".join(lines[i].text for i in sorted(marks)),
        bold_lines=tuple(i for i, line in enumerate(body) if line.bold),
        sizes=tuple(line.size for line in body),
        ocr_confidence=raw.ocr_confidence,
        marks=tuple((i, line.marks) for i, line in enumerate(body) if line.marks),
    )
