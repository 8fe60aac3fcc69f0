"""The § items of minutes, read from each item's own heading on its own pages.

A list of the items at the front (contents, 'Paragrafer', 'Ärenden') gives titles where
an item's heading has none, never an item's place. Of the lines that open with a §, the
headings are the longest rising run of numbers within the meeting's § range: a reference
to another meeting's § inside an item ('… den 3 mars 2025 § 40') or a list of another
board's items under 'Meddelanden' does not start an item.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..models import MINUTES_KINDS, DocumentKind, Page, Part, Section, SectionKind
from . import politics
from .clean import join_lines
from .goals import tree_sections
from .layout import FlatLine, body_size, flatten, styled
from .minutes import ITEM_LINE_RE, Mark, decision, front_list, mark_numbers, marks_in, split_dnr, wraps
from .proposals import proposals
from .sections import agenda_items, priority_sections
from .votes import votes

# the labels an item's text is divided by: never part of its title
LABEL_RE = re.compile(
    r"""^(?:
      Beslut | Beslutet | Ärendebeskrivning | Ärendet | Ärende | Beredning | Sammanfattning
    | Bakgrund | Yrkanden? | Beslutsgång | Beslutsunderlag | Handlingar\ i\ ärendet | Propositionsordning
    | Omröstning\w* | Votering\w* | Reservationer? | Protokollsanteckningar? | Anteckning | Särskilt\ yttrande
    | Jäv | Motivering | Yttrande | Förslag\ till\ beslut.* | Expedieras\ till.* | Beslutet\ skickas\ till.*
    | \w+s\ beslut                                  # 'Kommunstyrelsens beslut'
    )\s*:?$""",
    re.VERBOSE | re.IGNORECASE,
)
HEADING_BONUS = 0.5  # a mark that also looks like a heading outweighs one that does not


def _heading_like(mark: Mark) -> bool:
    """A mark whose line goes on like a heading: nothing, a diarienummer, or a title."""
    return not mark.rest or mark.rest[0].isupper() or mark.rest[0].isdigit()


def _weight(lines: Sequence[FlatLine], mark: Mark, body: float) -> float:
    line = lines[mark.at]
    top = mark.at < 3 or lines[mark.at - 3].page != line.page  # among its page's first lines
    below = lines[mark.at + 1] if mark.at + 1 < len(lines) else None
    strong = top or split_dnr(mark.rest)[0] is not None or (below is not None and styled(below, body))
    return 1.0 + (HEADING_BONUS if strong or styled(line, body) else 0.0)


def headings(lines: Sequence[FlatLine], marks: Sequence[Mark], span: tuple[int, int] | None) -> list[Mark]:
    """The marks that open items: the heaviest run of rising § numbers (in range) among
    the marks that are not in a list of items."""
    body = body_size(lines)
    cands = [
        m
        for m in marks
        if not m.listed and _heading_like(m) and (span is None or span[0] <= m.number <= span[1])
    ]
    weights = [_weight(lines, m, body) for m in cands]
    best: list[float] = []
    back: list[int] = []
    for k, mark in enumerate(cands):
        before = [j for j in range(k) if cands[j].number < mark.number]
        j = max(before, key=lambda j: best[j], default=-1)
        best.append(weights[k] + (best[j] if j >= 0 else 0.0))
        back.append(j)
    chosen: list[Mark] = []
    k = max(range(len(cands)), key=lambda k: best[k], default=-1)
    while k >= 0:
        chosen.append(cands[k])
        k = back[k]
    return chosen[::-1]


def own_title(lines: Sequence[FlatLine], mark: Mark) -> tuple[str, str | None]:
    """An item's title and diarienummer from its heading: the rest of its § line, or the
    next lines past a diarienummer, joined over line breaks while the lines keep the
    heading's font (or, where the font says nothing, while a line goes on with the one
    before)."""
    dnr, text = split_dnr(mark.rest)
    page, k = lines[mark.at].page, mark.at + 1
    first = lines[mark.at]
    while not text and k < len(lines) and lines[k].page == page and k <= mark.at + 2:
        found, text = split_dnr(lines[k].text)
        dnr, first, k = dnr or found, lines[k], k + 1
    if not text or LABEL_RE.match(text):
        return "", dnr
    body, taken = body_size(lines), [text]
    while k < len(lines) and len(taken) < 4 and lines[k].page == page:
        line = lines[k]
        if (
            LABEL_RE.match(line.text)
            or ITEM_LINE_RE.match(line.text)
            or not _goes_on(taken, first, line, body)
        ):
            break
        taken.append(line.text)
        k += 1
    return join_lines("\n".join(taken)), dnr


def _goes_on(taken: list[str], first: FlatLine, line: FlatLine, body: float) -> bool:
    if taken[-1].endswith((".", ":", "!", "?")):
        return False
    if styled(first, body):
        return line.bold == first.bold and abs(line.size - first.size) < 0.3
    return wraps(taken, line.text)


def _starts(lines: Sequence[FlatLine], chosen: Sequence[Mark]) -> list[tuple[int, Mark]]:
    """(first line, mark) of each item. Where a bare '39 §' mark stands at the foot of a
    page (page-per-item minutes), its item starts at the top of that page."""
    out = []
    for mark in chosen:
        page = [k for k, line in enumerate(lines) if line.page == lines[mark.at].page]
        below = lines[mark.at + 1] if mark.at + 1 < len(lines) and mark.at + 1 <= page[-1] else None
        heading = below is not None and not split_dnr(below.text)[1]  # '§ 47' above 'Dnr KS 2022/131'
        if not mark.rest and not heading and mark.at >= page[-1] - 4 and mark.at - page[0] > 2:
            out.append((page[0], Mark(page[0], mark.number, lines[page[0]].text, False)))
        else:
            out.append((mark.at, mark))
    return out


def minutes_items(pages: Sequence[Page], item_span: str | None, title: str) -> list[Section]:
    """The § items of minutes, with title, pages, text, decision, diarienummer, statements,
    proposals and votes; for a one-item extract without such marks, its § and title."""
    lines = flatten(pages)
    known = politics.known_parties(lines)
    marks = marks_in(lines)
    listed = front_list(lines, marks)
    span = _span(item_span, listed)
    chosen = headings(lines, marks, span)
    single = re.fullmatch(r"§\s*(\d+)", item_span or "")
    if not chosen and single:
        return [_item(int(single.group(1)), title, None, lines, known)]
    marked = {p.item for p in pages if p.item is not None}
    if not chosen or (_one_item_a_page(pages) and len({m.number for m in chosen}) <= len(marked)):
        return _items_by_header(pages, listed, known)  # unless the headings in the text name more items
    starts = _starts(lines, chosen)
    items = []
    for k, (at, mark) in enumerate(starts):
        end = _end(lines, starts[k + 1][0]) if k + 1 < len(starts) else len(lines)
        named, dnr = own_title(lines, mark)
        found = listed.get(mark.number, ("", None))
        items.append(
            _item(mark.number, named or found[0], dnr or found[1], lines[at:end], known, mark.at - at + 1)
        )
    return items


def _end(lines: Sequence[FlatLine], following: int) -> int:
    """Where an item ends: where the next begins, or, when that is among its page's first
    lines, at the page before (the lines above the next heading are its page's head)."""
    page = lines[following].page
    top = following
    while top > 0 and lines[top - 1].page == page:
        top -= 1
    return top if following - top < 3 and top > 0 else following


def _span(item_span: str | None, listed: dict[int, tuple[str, str | None]]) -> tuple[int, int] | None:
    """The § range the minutes cover: their own ('§ 39–49') and their list of items together."""
    found = [int(x) for x in re.findall(r"\d+", item_span or "")] + list(listed)
    return (min(found), max(found)) if len(found) >= 2 else None


def _item(
    number: int,
    title: str,
    dnr: str | None,
    lines: Sequence[FlatLine],
    known: Mapping[str, str],
    skip: int = 0,
) -> Section:
    """A § item, with what its text holds (the heading's line passed over: ``skip``);
    ``known``: the party each person named with one in the minutes has."""
    body = lines[skip:]
    text = "\n".join(line.text for line in body)
    first, last = (lines[0].page, (body[-1] if body else lines[0]).page) if lines else (0, 0)
    return Section(
        None,
        number,
        title,
        first,
        last,
        text,
        SectionKind.ITEM,
        decision(text),
        politics.statements(body, known),
        dnr,
        proposals(body, known),
        votes(body, known),
        *politics.paper(title, known),
    )


def _one_item_a_page(pages: Sequence[Page]) -> bool:
    """Page-per-item minutes: every page from the first marked one on names its § (Page.item)."""
    marked = [p for p in pages if p.item is not None]
    return len(marked) >= 2 and len(marked) >= 0.6 * len([p for p in pages if p.number >= marked[0].number])


def _page_item(page: Page) -> int | None:
    if page.item is not None:
        return page.item
    marks = mark_numbers(page.furniture.split("\n"))
    return marks[0] if marks else None


def _items_by_header(
    pages: Sequence[Page], listed: dict[int, tuple[str, str | None]], known: Mapping[str, str]
) -> list[Section]:
    """§ items from the mark that names each page's § (its header or foot, in the text layer)."""
    runs: list[tuple[int, list[Page]]] = []
    for page in pages:
        number = _page_item(page)
        if number is None and runs:  # an unmarked page (an appendix) goes with the item before it
            runs[-1][1].append(page)
            continue
        if number is None or (listed and not min(listed) <= number <= max(listed)):
            continue
        if runs and runs[-1][0] == number:
            runs[-1][1].append(page)
        else:
            runs.append((number, [page]))
    items = []
    for number, run in runs:
        lines = flatten(run)
        own = next((t for line in lines[:3] if (t := split_dnr(line.text)[1])), "")  # past its diarienummer
        dnr = next((d for line in lines[:3] if (d := split_dnr(line.text)[0])), None)
        found = listed.get(number, ("", None))
        items.append(_item(number, found[0] or own, dnr or found[1], lines, known))
    return items


def part_sections(part: Part, pages: Sequence[Page], item_span: str | None) -> list[Section]:
    """A part's sections: the § items of minutes (or of an agenda, else its numbered items),
    the areas, priorities and headings of anything else."""
    if part.kind == DocumentKind.FÖREDRAGNINGSLISTA:
        return minutes_items(pages, item_span, part.title) or agenda_items(pages)
    if part.kind in MINUTES_KINDS:
        return minutes_items(pages, item_span, part.title)
    return with_tree(tree_sections(pages), priority_sections(pages))


SUB_NUMBER = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+")  # a goal's number within its goal: '1.2 '


def with_tree(tree: Sequence[Section], headings: Sequence[Section]) -> list[Section]:
    """A plan's tree with the other headings, by page: a heading the tree holds once."""
    held = {s.title for s in tree} | {SUB_NUMBER.sub("", s.title) for s in tree}
    rest = [s for s in headings if not any(t.startswith(s.title) for t in held)]
    return sorted([*tree, *rest], key=lambda s: s.first_page)
