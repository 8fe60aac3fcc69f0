"""A table's grid from the positioned words of a page (RawPage.words): the text lines, the
columns a reader sees (bands of x where the rows' figures and labels stand), the header
lines above the first row of figures, and the rows below it.

The columns are read from the rows, not from rulings: many municipal tables have none, and
an office program's cell borders are drawn in pieces that do not line up (where the page draws
them, they bound a cell that spans rows, 'Fokusområden'). A row is a line
with a figure beside a label or two figures; a label that wraps onto the next line
('Kommuninterna' / 'bidrag') continues its row; a label alone on its line above a row of
figures without one names that row ('Fsk: Andel föräldrar …' / '95 (96)  95 (96)  95').
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from .headers import caption, header_lines, headers as headers_of, tiers
from .words import Phrase, TextLine, band_of, covered, is_figure, valued

MAX_BREAK = 4  # lines without figures a table's body may hold in a row (a group's heading)
FAR_EM = 3.5  # a vertical gap of this many line heights ends a table
Rules = Sequence[tuple[float, float, float, float]]  # drawn boxes: x0, top, x1, bottom
TIGHT_EM = 0.6  # a line this close below another continues its cell
PROSE_WORDS = 8  # a line of this many words ending in a full stop is running text

CONTINUES_RE = re.compile(r"(?:,|-|–|\boch|\bsamt|\binkl\.?|\bför|\bav|\bi)$")


@dataclass
class GridRow:
    """A table's row as read: its label, its cells by column (band) index, where it stands."""

    label: str
    cells: dict[int, str]
    top: float
    bottom: float
    lines: list[TextLine] = field(default_factory=list)


@dataclass(frozen=True)
class Grid:
    """A table read from a page: its columns' bands and headers, the label's band, rows."""

    bands: tuple[tuple[float, float], ...]
    headers: tuple[str, ...]
    label_band: int | None
    rows: tuple[GridRow, ...]
    caption: str
    figured: frozenset[int]  # the bands that hold figures


def runs(lines: Sequence[TextLine]) -> Iterator[tuple[int, int]]:
    """(first, last) line index of each run of table rows: rows of figures, with at most a
    few lines without figures between them, none far from the last."""
    start = last = -1
    for i, line in enumerate(lines):
        if not valued(line):
            continue
        far = last >= 0 and any(
            lines[k + 1].top - lines[k].bottom > FAR_EM * line.height for k in range(last, i)
        )
        parted = last >= 0 and any(_parts(lines[k]) for k in range(last + 1, i))
        if start >= 0 and (i - last - 1 > MAX_BREAK or far or parted):
            yield start, last
            start = -1
        if start < 0:
            start = i
        last = i
    if start >= 0:
        yield start, last


def _parts(line: TextLine) -> bool:
    """A line between rows of figures that ends a table: a sentence of the running text (a
    long line ending in a full stop), or a new table's header (cells, none a figure)."""
    if len(line.phrases) == 1:
        text = line.phrases[0].text
        return len(text.split()) >= PROSE_WORDS and text.endswith(".")
    return len(line.phrases) >= 3 and not any(is_figure(p.text) for p in line.phrases)


def _wrapped_tail(lines: Sequence[TextLine], last: int) -> int:
    """The last row's label wrapped onto the lines below it ('utredning', '%'): set tight
    under it, a single phrase that goes on in lower case or is a sign, no figure."""
    while last + 1 < len(lines):
        line, above = lines[last + 1], lines[last]
        text = line.text
        tight = line.top - above.bottom < TIGHT_EM * line.height
        if not tight or len(line.phrases) != 1 or is_figure(text) or not (text[:1].islower() or text == "%"):
            break
        last += 1
    return last


def _bands(lines: Sequence[TextLine]) -> list[tuple[float, float]]:
    """Columns: the x ranges the rows' phrases cover, overlapping ones merged."""
    spans = sorted((p.x0, p.x1) for line in lines if valued(line) for p in line.phrases)
    bands: list[tuple[float, float]] = []
    for x0, x1 in spans:
        if bands and x0 <= bands[-1][1] + 1:
            bands[-1] = (bands[-1][0], max(bands[-1][1], x1))
        else:
            bands.append((x0, x1))
    return bands


def grid_of(lines: Sequence[TextLine], first: int, last: int, rules: Rules = ()) -> Grid | None:
    """The table whose rows are lines[first..last], with the header and caption above it
    (``rules``: the boxes the page draws, which bound a cell that spans rows)."""
    last = _wrapped_tail(lines, last)
    body = lines[first : last + 1]
    bands = _bands(body)
    if len(bands) < 2:
        return None
    figured = _figured_bands(body, bands)
    if not figured:
        return None
    label_band = _label_band(body, bands, figured)
    head = header_lines(lines, first, bands, figured, label_band)
    above = lines.index(head[0]) if head else first
    head = tiers(head)
    titles = []  # single phrases atop the header: the table's title ('Resultatredovisning …')
    while head and len(head[0].phrases) == 1 and len(covered(head[0].phrases[0], bands)) >= 2:
        titles.append(head.pop(0))
    headers = headers_of(head, bands, label_band)
    named = " ".join([caption(lines, above), *(line.text for line in titles)]).strip()
    rows = _rows(body, bands, label_band, rules)
    return Grid(tuple(bands), headers, label_band, tuple(rows), named, frozenset(figured))


def _label_band(
    body: Sequence[TextLine], bands: Sequence[tuple[float, float]], figured: set[int]
) -> int | None:
    """The rows' labels: of the text columns before the figures, the one most rows fill (a
    column that spans rows, 'Fokusområden', fills few; so does a column of notes, 'Not 2')."""
    left = [k for k in range(min(figured)) if k not in figured]
    filled = {k: 0 for k in left}
    for line in body:
        if valued(line):
            for k in {band_of(p, bands) for p in line.phrases} & set(left):
                filled[k] += 1
    return max(left, key=lambda k: (filled[k], -k)) if left else None


def _figured_bands(body: Sequence[TextLine], bands: Sequence[tuple[float, float]]) -> set[int]:
    counts: dict[int, list[bool]] = {}
    for line in body:
        if valued(line):
            for p in line.phrases:
                counts.setdefault(band_of(p, bands), []).append(is_figure(p.text))
    return {k for k, seen in counts.items() if sum(seen) * 2 > len(seen)}


def _rows(
    body: Sequence[TextLine], bands: Sequence[tuple[float, float]], label_band: int | None, rules: Rules
) -> list[GridRow]:
    rows: list[GridRow] = []
    pending: list[str] = []  # labels alone on their lines above a row that prints none
    previous: TextLine | None = None
    spans: list[tuple[int, Phrase]] = []  # the text of columns left of the label's, which span rows
    for line in body:
        placed = [(band_of(p, bands), p) for p in line.phrases]
        label = " ".join(p.text for k, p in placed if k == label_band)
        cells = {k: p.text for k, p in placed if label_band is None or k > label_band}
        spans += [(k, p) for k, p in placed if label_band is not None and k < label_band]
        if not label and not cells:
            continue
        tight = previous is not None and line.top - previous.bottom < TIGHT_EM * line.height
        if valued(line) or any(is_figure(t) for t in cells.values()):
            said = " ".join(pending)
            if pending and (not label or (tight and (label[:1].islower() or CONTINUES_RE.search(said)))):
                label = f"{said} {label}".strip()
            pending = []
            rows.append(GridRow(label, cells, line.top, line.bottom, [line]))
        elif rows and tight and previous is rows[-1].lines[-1] and _continues(rows[-1], label, cells):
            _extend(rows[-1], line, label, cells)
        elif label and not cells and _heading(placed, bands, label_band):
            pending = []  # a group's heading over the figures' columns ('Upplevelse av …')
        elif label and not cells:
            pending = [*pending, label] if pending and tight else [label]
        else:
            pending = []
        previous = line
    _spanned(rows, spans, bands, rules)
    return rows


def _spanned(
    rows: Sequence[GridRow],
    spans: Sequence[tuple[int, Phrase]],
    bands: Sequence[tuple[float, float]],
    rules: Rules,
) -> None:
    """Give each row the text of a column that spans rows ('Fokusområden'): what stands in
    that column between the rulings above and below the row, where the page draws them; else
    the block of lines in that column nearest the row."""
    blocks: dict[int, list[list[Phrase]]] = {}
    for k, p in spans:
        column = blocks.setdefault(k, [])
        if column and p.top - column[-1][-1].bottom < TIGHT_EM * (p.bottom - p.top):
            column[-1].append(p)
        else:
            column.append([p])
    for k, column in blocks.items():
        edges = _edges(rules, bands[k][0] + 1)
        for row in rows:
            middle = (row.top + row.bottom) / 2
            above = max((e for e in edges if e <= middle), default=middle)
            below = min((e for e in edges if e >= middle), default=middle)
            inside = [p for b in column for p in b if above < (p.top + p.bottom) / 2 < below]
            if inside:
                row.cells[k] = " ".join(p.text for p in inside)
            else:
                block = min(column, key=lambda b: max(b[0].top - middle, middle - b[-1].bottom, 0))
                row.cells[k] = " ".join(p.text for p in block)


def _edges(rules: Rules, x: float) -> list[float]:
    """The heights of the rulings (a box's top and bottom) that cross a column at ``x``."""
    return sorted(
        {y for x0, top, x1, bottom in rules if x0 <= x <= x1 and x1 - x0 > 3 for y in (top, bottom)}
    )


def _heading(
    placed: Sequence[tuple[int, Phrase]], bands: Sequence[tuple[float, float]], label: int | None
) -> bool:
    """A label that runs on over the next columns: a group's heading, no row's label."""
    return any(k == label and len(covered(p, bands)) > 1 for k, p in placed)


def _continues(row: GridRow, label: str, cells: dict[int, str]) -> bool:
    """A line that wraps the row above: a label that goes on in lower case (after a dash, too)
    or after a comma, or the rest of a cell ('265(265,' / '6)')."""
    if label:
        opening = label.lstrip("-–• ")[:1]  # '- kommunbidrag' goes on; '- Ekonomi' is a row's own
        return opening.islower() or opening == "(" or bool(CONTINUES_RE.search(row.label))
    return bool(cells) and all(k in row.cells for k in cells)


def _extend(row: GridRow, line: TextLine, label: str, cells: dict[int, str]) -> None:
    if label:
        row.label = f"{row.label} {label}".strip()
    for k, text in cells.items():
        row.cells[k] = f"{row.cells.get(k, '')} {text}".strip()
    row.bottom = line.bottom
    row.lines.append(line)
