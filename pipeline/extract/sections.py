"""Sections of plans, reports and statements, and the § items of minutes.

Headings are told from what the PDF says about fonts (bold, larger size) and
from the text (a short line without sentence punctuation between two
sentences). A goal area is a heading whose next heading is a numbered
priority. A table of contents (dot leaders, trailing page numbers) is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..models import UPPER, Page, Section, SectionKind
from .kinds import title_kind
from .layout import FlatLine, body_size, flatten
from .parties import NAME_LINE_RE

NUMBERED_RE = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
# Priorities numbered within their goal area: '1.1 Genomföra trygghetsvandringar', '2.3. …'; the
# area is then the line numbered '1' ('1. Ökad trygghet', '1 Ökad trygghet').
SUB_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$")
TOP_RE = re.compile(rf"^(\d{{1,2}})\.?\s+([{UPPER}].*)$")
TOC_RE = re.compile(r"(\.{4,}|…{2,}|\s{3,})\s*\d*\s*$")
SIGNATURE_RE = re.compile(rf"^(För\s+[{UPPER}]|Protokollsanteckning$|Reservation$|Särskilt yttrande$)")
END_PUNCT = (".", "!", "?", ":", ";", ",", ")", "”")


@dataclass(frozen=True)
class _Heading:
    at: int  # position in the flat line list
    number: int | None
    title: str
    lines: int  # how many lines the title takes


# a letterhead's line that names only the municipality or region: 'Uppsala kommun', 'ÖREBRO
# KOMMUN', 'Göteborgs Stad', 'Region Värmland', 'Västra Götalandsregionen': who writes, no heading
PLACE_RE = re.compile(  # a name's capital: 'En växande kommun' may be a goal area
    rf"^(?:[{UPPER}][\w-]+ [Kk]ommun|[{UPPER}-]+ KOMMUN|[{UPPER}][\w-]+s [Ss]tad|[{UPPER}][\w-]+S STAD"
    rf"|Region [{UPPER}][\w-]+|REGION [{UPPER}-]+|(?:[{UPPER}][\w-]+ )?[{UPPER}][\w-]+regionen)"
    r"(?:$|\s*[–|-]?\s+(?P<rest>.+))"
)


def _letterhead(text: str) -> bool:
    """A line naming only who writes, or who writes and what ('Uppsala kommun – Verksamhetsberättelse
    2025', 'Region Värmland Budget 2026 och plan 2027–2028'): a letterhead or a running head."""
    found = PLACE_RE.match(text)
    if found is None:
        return False
    return not found["rest"] or title_kind(found["rest"]) is not None


def _looks_like_heading(lines: Sequence[FlatLine], i: int, body: float) -> bool:
    line = lines[i]
    text = line.text
    if TOC_RE.search(text) or not text[0].isupper() or text.endswith(END_PUNCT):
        return False
    if len(text) > 60 or len(text.split()) > 8:
        return False
    if SIGNATURE_RE.match(text) or NAME_LINE_RE.match(text) or _letterhead(text):
        return False
    prev = lines[i - 1] if i else None
    after_sentence = (
        prev is None or prev.page != line.page or prev.text.endswith(END_PUNCT) or prev.text.startswith("•")
    )
    styled = line.bold or (body and line.size > body + 0.4)
    following = lines[i + 1].text[:1] if i + 1 < len(lines) else ""
    return bool(styled and (after_sentence or (prev is not None and prev.bold))) or (
        (after_sentence and (following.isupper() or following.isdigit())) or following == "•"
    )


def _in_list(lines: Sequence[FlatLine], i: int) -> bool:
    """True for an item of a list that a line ending in ':' introduces ('… följande
    remisser:' and the titles under it): short unpunctuated lines on the same page. A line
    that opens a run of bullets is a heading of its own ('Övriga informationspunkter')."""
    if i + 1 < len(lines) and lines[i + 1].text.startswith("•") and not lines[i - 1].text.endswith(":"):
        return False
    k = i - 1
    while k >= 0 and lines[k].page == lines[i].page and len(lines[k].text) <= 80:
        if lines[k].text.endswith(":"):
            return True
        if lines[k].text.endswith((".", "!", "?")) or lines[k].text.startswith("•"):
            return False
        k -= 1
    return False


def _nested(lines: Sequence[FlatLine]) -> bool:
    """Whether the priorities are numbered within areas ('1.1', '1.2', '2.1')."""
    return sum(1 for line in lines if SUB_RE.match(line.text) and not TOC_RE.search(line.text)) >= 2


def _numbered(lines: Sequence[FlatLine], i: int, body: float, expected: int, nested: bool) -> _Heading | None:
    """A numbered priority at line ``i`` ('3. Title', or '1.3 Title' where they are nested:
    its number within its area, 3)."""
    match = SUB_RE.match(lines[i].text) if nested else NUMBERED_RE.match(lines[i].text)
    if not match or TOC_RE.search(lines[i].text):
        return None
    number, title = int(match.group(match.re.groups - 1)), match.group(match.re.groups).strip()
    styled = lines[i].bold or (body and lines[i].size > body + 0.4)
    if number not in (expected, 1) or not (styled or not title.endswith(".")):
        return None
    used = 1
    while i + used < len(lines) and _continues(title, lines[i + used]):
        title = f"{title} {lines[i + used].text}"
        used += 1
    return _Heading(i, number, title, used)


def _continues(title: str, line: FlatLine) -> bool:
    return line.text[:1].islower() and len(line.text) <= 60 and not title.endswith(".")


def _area_number(lines: Sequence[FlatLine], i: int) -> str | None:
    """The title of an area numbered '1' or '1.' whose first priority, '1.1', follows within
    a few lines; None for any other line."""
    top = TOP_RE.match(lines[i].text)
    if top is None or TOC_RE.search(lines[i].text) or len(top.group(2).split()) > 8:
        return None
    for line in lines[i + 1 : i + 5]:
        sub = SUB_RE.match(line.text)
        if sub:
            return top.group(2).strip() if sub.group(1) == top.group(1) else None
    return None


def _headings(lines: Sequence[FlatLine]) -> Iterator[_Heading]:
    body, nested = body_size(lines), _nested(lines)
    expected, i = 1, 0
    while i < len(lines):
        numbered = _numbered(lines, i, body, expected, nested)
        if numbered:
            expected = numbered.number + 1 if numbered.number else expected
            yield numbered
            i += numbered.lines
            continue
        top = _area_number(lines, i) if nested else None
        if top:
            yield _Heading(i, None, top, 1)  # an area's own number: '1. Ökad trygghet'
        elif _looks_like_heading(lines, i, body) and not _in_list(lines, i):
            yield _Heading(i, None, lines[i].text, 1)
        i += 1


def priority_sections(pages: Sequence[Page]) -> list[Section]:
    """Goal areas, numbered priorities and other headings, with text and pages."""
    lines = flatten(pages)
    heads = list(_headings(lines))
    sections: list[Section] = []
    area: str | None = None
    for k, head in enumerate(heads):
        nxt = heads[k + 1] if k + 1 < len(heads) else None
        if head.number is None and nxt is not None and nxt.number is not None:
            area = head.title
            kind = SectionKind.AREA
        elif head.number is None:
            area, kind = None, SectionKind.HEADING
        else:
            kind = SectionKind.PRIORITY
        end = nxt.at if nxt else len(lines)
        body = lines[head.at + head.lines : end]
        sections.append(
            Section(
                area=area
                if kind == SectionKind.PRIORITY
                else (head.title if kind == SectionKind.AREA else None),
                number=head.number,
                title=head.title,
                first_page=lines[head.at].page,
                last_page=(body[-1] if body else lines[head.at]).page,
                text="\n".join(line.text for line in body),
                kind=kind,
            )
        )
    return sections


# '1. Val av justerare', '2. Motion om fler cykelvägar  KS 2022/123' (its diarienummer left out)
AGENDA_ITEM_RE = re.compile(
    rf"""^(\d{{1,3}})\.?\s+([{UPPER}].+?)                         # '1. Val av justerare'
    (?:\s+(?:Dnr\s*)?[{UPPER}]{{2,6}}[ -]?\d{{4}}/\d+\S*)?$        # '  KS 2022/123', left out""",
    re.VERBOSE,
)


def agenda_items(pages: Sequence[Page]) -> list[Section]:
    """The items of an agenda that numbers them 1, 2, 3 … instead of by §."""
    items: list[Section] = []
    for line in flatten(pages):
        match = AGENDA_ITEM_RE.match(line.text)
        if match and int(match.group(1)) == len(items) + 1:
            title = match.group(2).strip()
            items.append(
                Section(None, len(items) + 1, title, line.page, line.page, "", SectionKind.ITEM, None, ())
            )
    return items if len(items) >= 2 else []
