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

from ..models import Page, Section
from .minutes import DIARIE_LINE_RE, decision, mark_numbers, statements, toc_titles
from .parties import NAME_LINE_RE

NUMBERED_RE = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
# Priorities numbered within their goal area: '1.1 Genomföra trygghetsvandringar', '2.3. …'; the
# area is then the line numbered '1' ('1. Ökad trygghet', '1 Ökad trygghet').
SUB_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$")
TOP_RE = re.compile(r"^(\d{1,2})\.?\s+([A-ZÅÄÖ].*)$")
PARAGRAPH_ITEM_RE = re.compile(r"^(?:§\s*(\d+)|(\d+)\s*§)\s*(.*)$")
# a diarienummer after an item's §: 'Dnr KS 2022/123', 'Dnr: 2022.045', 'KS 2022/123', 'Dnr 2022-000123'
DNR_RE = re.compile(
    r"^(?:(?i:dnr|diarienr|diarienummer)\.?\s*:?\s*(?:[A-ZÅÄÖ]{1,6}[ -]?)?|[A-ZÅÄÖ]{2,6}[ -]?(?=\d{4}[/.:-]))"
    r"\d{2,4}[/.:-]\d+(?:[.:/-]\d+)*\s*"
)
TOC_RE = re.compile(r"(\.{4,}|…{2,}|\s{3,})\s*\d*\s*$")
SIGNATURE_RE = re.compile(r"^(För\s+[A-ZÅÄÖ]|Protokollsanteckning$|Reservation$|Särskilt yttrande$)")
END_PUNCT = (".", "!", "?", ":", ";", ",", ")", "”")


@dataclass(frozen=True)
class _Line:
    page: int
    index: int
    text: str
    bold: bool
    size: float


@dataclass(frozen=True)
class _Heading:
    at: int  # position in the flat line list
    number: int | None
    title: str
    lines: int  # how many lines the title takes


def _flatten(pages: Sequence[Page]) -> list[_Line]:
    out = []
    for page in pages:
        bold = set(page.bold_lines)
        for i, text in enumerate(page.body.split("\n")):
            size = page.sizes[i] if i < len(page.sizes) else 0.0
            out.append(_Line(page.number, i, text.strip(), i in bold, size))
    return [line for line in out if line.text]


def _body_size(lines: Sequence[_Line]) -> float:
    sizes = [line.size for line in lines if len(line.text) > 50]
    return max(set(sizes), key=sizes.count) if sizes else 0.0


def _looks_like_heading(lines: Sequence[_Line], i: int, body: float) -> bool:
    line = lines[i]
    text = line.text
    if TOC_RE.search(text) or not text[0].isupper() or text.endswith(END_PUNCT):
        return False
    if len(text) > 60 or len(text.split()) > 8:
        return False
    if SIGNATURE_RE.match(text) or NAME_LINE_RE.match(text):
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


def _in_list(lines: Sequence[_Line], i: int) -> bool:
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


def _nested(lines: Sequence[_Line]) -> bool:
    """Whether the priorities are numbered within areas ('1.1', '1.2', '2.1')."""
    return sum(1 for line in lines if SUB_RE.match(line.text) and not TOC_RE.search(line.text)) >= 2


def _numbered(lines: Sequence[_Line], i: int, body: float, expected: int, nested: bool) -> _Heading | None:
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


def _continues(title: str, line: _Line) -> bool:
    return line.text[:1].islower() and len(line.text) <= 60 and not title.endswith(".")


def _area_number(lines: Sequence[_Line], i: int) -> str | None:
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


def _headings(lines: Sequence[_Line]) -> Iterator[_Heading]:
    body, nested = _body_size(lines), _nested(lines)
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
    lines = _flatten(pages)
    heads = list(_headings(lines))
    sections: list[Section] = []
    area: str | None = None
    for k, head in enumerate(heads):
        nxt = heads[k + 1] if k + 1 < len(heads) else None
        if head.number is None and nxt is not None and nxt.number is not None:
            area = head.title
            kind = "area"
        elif head.number is None:
            area, kind = None, "heading"
        else:
            kind = "priority"
        end = nxt.at if nxt else len(lines)
        body = lines[head.at + head.lines : end]
        sections.append(
            Section(
                area=area if kind == "priority" else (head.title if kind == "area" else None),
                number=head.number,
                title=head.title,
                first_page=lines[head.at].page,
                last_page=(body[-1] if body else lines[head.at]).page,
                text="\n".join(line.text for line in body),
                kind=kind,
            )
        )
    return sections


def _item_starts(lines: Sequence[_Line]) -> Iterator[tuple[int, int, str]]:
    """(line position, § number, title) for each § item. Where the '39 §' mark
    stands at the foot of a page (as in page-per-item minutes), the item
    starts at the top of that page and its title is the page's first line."""
    seen: set[int] = set()
    for i, line in enumerate(lines):
        match = PARAGRAPH_ITEM_RE.match(line.text)
        number = int(match.group(1) or match.group(2)) if match else None
        if match is None or number is None or number in seen or TOC_RE.search(line.text):
            continue
        seen.add(number)
        same_page = [k for k, other in enumerate(lines) if other.page == line.page]
        rest = match.group(3).strip()  # the title, or a diarienummer above it (see _first_title)
        below = lines[i + 1] if i + 1 < len(lines) and lines[i + 1].page == line.page else None
        heading = below is not None and not _undiarised(below.text)  # a bare '§ 47' above 'Dnr KS 2022/131'
        if not rest and not heading and i >= same_page[-1] - 4 and i - same_page[0] > 2:
            yield same_page[0], number, lines[same_page[0]].text
        else:
            yield i, number, rest


def _undiarised(text: str) -> str:
    """A line without the diarienummer it opens with: '' for a diarienummer alone ('Dnr KS
    2022/123', 'NKBY/723/00.00.01.05/2022')."""
    stripped = text.strip()
    return "" if DIARIE_LINE_RE.match(stripped) else DNR_RE.sub("", stripped, count=1)


def paragraph_items(pages: Sequence[Page], paragraph: str | None, title: str) -> list[Section]:
    """The § items of minutes, with title, pages, text and decision; for a one-item
    extract without such marks, its § and title. A table of contents, where the
    minutes have one, gives the titles (it is often cleaner than the item's own page)."""
    lines = _flatten(pages)
    found = list(_item_starts(lines))
    single = re.fullmatch(r"§\s*(\d+)", paragraph or "")
    if not found and single:
        text = "\n".join(line.text for line in lines)
        number = int(single.group(1))
        return [_item(number, title, pages[0].number, pages[-1].number, text)]
    titles = toc_titles(pages)
    marked = {p.item for p in pages if p.item is not None}
    if not found or (_one_item_a_page(pages) and len({f[1] for f in found}) <= len(marked)):
        return _items_by_header(pages, titles)  # unless the headings in the text name more items
    if titles:  # numbers outside the contents' range are other meetings' § ('Stadsstyrelsen 5.9.2022, 186 §')
        found = [f for f in found if min(titles) <= f[1] <= max(titles)]
    items = []
    for k, (i, number, rest) in enumerate(found):
        end = found[k + 1][0] if k + 1 < len(found) else len(lines)
        body = lines[i + 1 : end]
        last = (body[-1] if body else lines[i]).page
        text = "\n".join(line.text for line in body)
        named = titles.get(number) or _first_title(rest, body)
        items.append(_item(number, named, lines[i].page, last, text))
    return items


# '1. Val av justerare', '2. Motion om fler cykelvägar  KS 2022/123' (its diarienummer left out)
AGENDA_ITEM_RE = re.compile(
    r"^(\d{1,3})\.?\s+([A-ZÅÄÖ].+?)(?:\s+(?:Dnr\s*)?[A-ZÅÄÖ]{2,6}[ -]?\d{4}/\d+\S*)?$"
)


def agenda_items(pages: Sequence[Page]) -> list[Section]:
    """The items of an agenda that numbers them 1, 2, 3 … instead of by §."""
    items: list[Section] = []
    for line in _flatten(pages):
        match = AGENDA_ITEM_RE.match(line.text)
        if match and int(match.group(1)) == len(items) + 1:
            title = match.group(2).strip()
            items.append(
                Section(None, len(items) + 1, title, line.page, line.page, "", "paragraph", None, ())
            )
    return items if len(items) >= 2 else []


def _item(number: int, title: str, first: int, last: int, text: str) -> Section:
    """A § item, with the decision and the statements its text holds."""
    return Section(None, number, title, first, last, text, "paragraph", decision(text), statements(text))


def _first_title(rest: str, body: Sequence[_Line]) -> str:
    """The item's own title: the rest of its § line or one of the next lines, passing over a
    diarienummer ('§ 45 Dnr KS 2022/123', then 'Motion om …'; 'NKBY/723/00.00.01.05/2022')."""
    candidates = [rest, *(line.text for line in body[:3])]
    return next((title for c in candidates if (title := _undiarised(c))), rest)


def _one_item_a_page(pages: Sequence[Page]) -> bool:
    """Page-per-item minutes: every page from the first marked one on names its § (Page.item)."""
    marked = [p for p in pages if p.item is not None]
    return len(marked) >= 2 and len(marked) >= 0.6 * len([p for p in pages if p.number >= marked[0].number])


def _page_item(page: Page) -> int | None:
    if page.item is not None:
        return page.item
    marks = mark_numbers(page.furniture.split("\n"))
    return marks[0] if marks else None


def _items_by_header(pages: Sequence[Page], titles: dict[int, str]) -> list[Section]:
    """§ items from the mark that names each page's § (its header or foot, in the text layer)."""
    runs: list[tuple[int, list[Page]]] = []
    for page in pages:
        number = _page_item(page)
        if number is None and runs:  # an unmarked page (an appendix) goes with the item before it
            runs[-1][1].append(page)
            continue
        if number is None or (titles and not min(titles) <= number <= max(titles)):
            continue
        if runs and runs[-1][0] == number:
            runs[-1][1].append(page)
        else:
            runs.append((number, [page]))
    items = []
    for number, run in runs:
        text = "\n".join(p.body for p in run)
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        own = next((t for line in lines[:3] if (t := _undiarised(line))), "")  # past its diarienummer
        title = titles.get(number) or own
        items.append(_item(number, title, run[0].number, run[-1].number, text))
    return items
