"""A table's grid from the positioned words of a page (RawPage.words): the text lines, the
columns a reader sees (bands of x where the rows' figures and labels stand), the header
lines above the first row of figures, and the rows below it.

The columns are read from the rows, not from rulings: many municipal tables have none, and
an office program's cell borders are drawn in pieces that do not line up. A row is a line
with a figure beside a label or two figures; a label that wraps onto the next line
('Kommuninterna' / 'bidrag') continues its row; a label alone on its line above a row of
figures without one names that row ('Fsk: Andel föräldrar …' / '95 (96)  95 (96)  95').
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..models import Word

GAP_EM = 0.6  # a gap wider than this many line heights parts two cells of a line
MAX_BREAK = 4  # lines without figures a table's body may hold in a row (a group's heading)
FAR_EM = 3.5  # a vertical gap of this many line heights ends a table
HEADER_LINES = 6
HEADER_GAP_EM = 4.0  # a header stands this close above the first row (an empty row between)
CAPTION_LINES = 2
CAPTION_CHARS = 80  # a longer line above a table is the text's, not its caption
TIGHT_EM = 0.6  # a line this close below another continues its cell

_NUMBER = r"[-−–+]?\s?\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?:,\d+)?\s?%?|[-−–+]?\d+(?:,\d+)?\s?%?"
# a cell's figure: '34 956', '-1 942', '(1 942)', '3,5%', '96 (93,7)' (a target and its outcome)
FIGURE_RE = re.compile(rf"(?:{_NUMBER}|\((?:{_NUMBER})\))(?:\s?\((?:{_NUMBER})\)?)?")
YEAR_RE = re.compile(r"(?:19|20)\d\d")
CONTINUES_RE = re.compile(r"(?:,|-|–|\boch|\bsamt|\binkl\.?|\bför|\bav|\bi)$")


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


def _valued(line: TextLine) -> bool:
    """A row of a table: a figure beside a label, or two figures."""
    figures = [i for i, p in enumerate(line.phrases) if is_figure(p.text)]
    return len(figures) >= 2 or any(i > 0 for i in figures)


def runs(lines: Sequence[TextLine]) -> Iterator[tuple[int, int]]:
    """(first, last) line index of each run of table rows: rows of figures, with at most a
    few lines without figures between them, none far from the last."""
    start = last = -1
    for i, line in enumerate(lines):
        if not _valued(line):
            continue
        far = last >= 0 and any(
            lines[k + 1].top - lines[k].bottom > FAR_EM * line.height for k in range(last, i)
        )
        if start >= 0 and (i - last - 1 > MAX_BREAK or far):
            yield start, last
            start = -1
        if start < 0:
            start = i
        last = i
    if start >= 0:
        yield start, last


def _bands(lines: Sequence[TextLine]) -> list[tuple[float, float]]:
    """Columns: the x ranges the rows' phrases cover, overlapping ones merged."""
    spans = sorted((p.x0, p.x1) for line in lines if _valued(line) for p in line.phrases)
    bands: list[tuple[float, float]] = []
    for x0, x1 in spans:
        if bands and x0 <= bands[-1][1] + 1:
            bands[-1] = (bands[-1][0], max(bands[-1][1], x1))
        else:
            bands.append((x0, x1))
    return bands


def band_of(phrase: Phrase, bands: Sequence[tuple[float, float]]) -> int:
    """The band a phrase overlaps most (the nearest where it overlaps none)."""

    def fit(k: int) -> float:
        x0, x1 = bands[k]
        overlap = min(x1, phrase.x1) - max(x0, phrase.x0)
        return overlap if overlap > 0 else -min(abs(phrase.x0 - x1), abs(x0 - phrase.x1))

    return max(range(len(bands)), key=fit)


def _covered(phrase: Phrase, bands: Sequence[tuple[float, float]]) -> list[int]:
    return [k for k, (x0, x1) in enumerate(bands) if min(x1, phrase.x1) - max(x0, phrase.x0) > 0]


def grid_of(lines: Sequence[TextLine], first: int, last: int) -> Grid | None:
    """The table whose rows are lines[first..last], with the header and caption above it."""
    body = lines[first : last + 1]
    bands = _bands(body)
    if len(bands) < 2:
        return None
    figured = _figured_bands(body, bands)
    if not figured:
        return None
    left = [k for k in range(min(figured)) if k not in figured]
    label_band = left[-1] if left else None
    head = _header_lines(lines, first, bands, figured)
    above = lines.index(head[0]) if head else first
    head = _tiers(head)
    titles = []  # single phrases atop the header: the table's title ('Resultatredovisning …')
    while head and len(head[0].phrases) == 1 and len(_covered(head[0].phrases[0], bands)) >= 2:
        titles.append(head.pop(0))
    headers = _headers(head, bands)
    caption = " ".join([_caption(lines, above), *(line.text for line in titles)]).strip()
    rows = _rows(body, bands, label_band)
    return Grid(tuple(bands), headers, label_band, tuple(rows), caption, frozenset(figured))


def _figured_bands(body: Sequence[TextLine], bands: Sequence[tuple[float, float]]) -> set[int]:
    counts: dict[int, list[bool]] = {}
    for line in body:
        if _valued(line):
            for p in line.phrases:
                counts.setdefault(band_of(p, bands), []).append(is_figure(p.text))
    return {k for k, seen in counts.items() if sum(seen) * 2 > len(seen)}


def _header_lines(
    lines: Sequence[TextLine], first: int, bands: Sequence[tuple[float, float]], figured: set[int]
) -> list[TextLine]:
    """The lines above the first row that name its figures' columns (a group's heading
    between them and the rows, 'UBN', is passed over)."""
    found: list[TextLine] = []
    below = lines[first]
    skipped = 0
    for line in reversed(lines[max(0, first - HEADER_LINES - 2) : first]):
        if below.top - line.bottom > HEADER_GAP_EM * line.height or len(found) >= HEADER_LINES:
            break
        names = any(set(_covered(p, bands)) & figured for p in line.phrases)
        if names and not any(is_figure(p.text) for p in line.phrases):
            found.append(line)
        elif found or skipped >= 2:
            break
        else:
            skipped += 1
        below = line
    return found[::-1]


def _tiers(head: Sequence[TextLine]) -> list[TextLine]:
    """Header lines set a little apart in height (cells of a header row centred each on its
    own) as one line: those whose heights overlap."""
    tiers: list[TextLine] = []
    for line in head:
        if tiers and line.top < tiers[-1].bottom - 0.2 * line.height:
            last = tiers[-1]
            phrases = tuple(sorted((*last.phrases, *line.phrases), key=lambda p: p.x0))
            tiers[-1] = TextLine(phrases, last.top, max(last.bottom, line.bottom))
        else:
            tiers.append(line)
    return tiers


def _headers(head: Sequence[TextLine], bands: Sequence[tuple[float, float]]) -> tuple[str, ...]:
    """Each band's header: its header lines' phrases top down; a phrase over several bands
    (a group's, 'Utfall 2018' over 'Intäkter' and 'Kostnader') heads each of them where the
    lines below name those bands one by one, else its words are the bands' own headers
    ('Kostnader Utfall netto', set too close to be parted)."""
    parts: list[list[str]] = [[] for _ in bands]
    for n, line in enumerate(head):
        below = {band_of(p, bands) for lower in head[n + 1 :] for p in lower.phrases}
        for p in line.phrases:
            covered = _covered(p, bands) or [band_of(p, bands)]
            if len(covered) == 1 or len(below & set(covered)) >= 2:
                for k in covered:
                    parts[k].append(p.text)
            else:
                for word in _words_of(p, line):
                    parts[band_of(word, bands)].append(word.text)
        _grouped(parts, n, line, below, bands)
    return tuple(" ".join(words) for words in parts)


def _grouped(
    parts: list[list[str]], n: int, line: TextLine, below: set[int], bands: Sequence[tuple[float, float]]
) -> None:
    """A group's header centred over its columns ('Utfall 2018' over 'Intäkter Kostnader
    Netto') also heads the columns beside it that its line leaves unnamed and the lines
    below name: each such band takes the nearest phrase of the line."""
    named = {k for p in line.phrases for k in _covered(p, bands) or [band_of(p, bands)]}
    if len(line.phrases) < 2 or len(below) < 2 * len(line.phrases):
        return
    for k in sorted(below - named):
        middle = (bands[k][0] + bands[k][1]) / 2
        nearest = min(line.phrases, key=lambda p: min(abs(p.x0 - middle), abs(p.x1 - middle)))
        if min(abs(nearest.x0 - middle), abs(nearest.x1 - middle)) <= nearest.x1 - nearest.x0:
            parts[k].append(nearest.text)


def _words_of(phrase: Phrase, line: TextLine) -> list[Phrase]:
    """A phrase's words, each placed as evenly along the phrase as its letters go."""
    words = phrase.text.split(" ")
    width = (phrase.x1 - phrase.x0) / max(len(phrase.text), 1)
    out, at = [], phrase.x0
    for word in words:
        out.append(Phrase(word, at, at + width * len(word), line.top, line.bottom))
        at += width * (len(word) + 1)
    return out


def _caption(lines: Sequence[TextLine], above: int) -> str:
    """The lines just above a table's header that stand alone: its caption ('Drift')."""
    found: list[str] = []
    below = lines[above] if above < len(lines) else None
    for line in reversed(lines[max(0, above - CAPTION_LINES) : above]):
        if below is not None and below.top - line.bottom > 3 * line.height:
            break
        if (
            len(line.phrases) > 1
            or _valued(line)
            or len(line.text) > CAPTION_CHARS
            or line.text.endswith(".")
        ):
            break
        found.append(line.text)
        below = line
    return " ".join(found[::-1])


def _rows(
    body: Sequence[TextLine], bands: Sequence[tuple[float, float]], label_band: int | None
) -> list[GridRow]:
    rows: list[GridRow] = []
    pending: list[TextLine] = []  # label lines above a row that prints none
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
        if _valued(line) or any(is_figure(t) for t in cells.values()):
            said = " ".join(p.text for p in pending)
            if pending and (not label or (tight and (label[:1].islower() or CONTINUES_RE.search(said)))):
                label = f"{said} {label}".strip()
            pending = []
            rows.append(GridRow(label, cells, line.top, line.bottom, [line]))
        elif rows and tight and previous is rows[-1].lines[-1] and _continues(rows[-1], label, cells):
            _extend(rows[-1], line, label, cells)
        elif label and not cells:
            pending = [*pending, line] if pending and tight else [line]
        else:
            pending = []
        previous = line
    _spanned(rows, spans)
    return rows


def _spanned(rows: Sequence[GridRow], spans: Sequence[tuple[int, Phrase]]) -> None:
    """Give each row the text of a column that spans rows ('Fokusområden'): the block of
    lines in that column whose middle is nearest the row's."""
    blocks: dict[int, list[list[Phrase]]] = {}
    for k, p in spans:
        column = blocks.setdefault(k, [])
        if column and p.top - column[-1][-1].bottom < TIGHT_EM * (p.bottom - p.top):
            column[-1].append(p)
        else:
            column.append([p])
    for k, column in blocks.items():
        for row in rows:
            middle = (row.top + row.bottom) / 2
            block = min(column, key=lambda b: abs((b[0].top + b[-1].bottom) / 2 - middle))
            row.cells[k] = " ".join(p.text for p in block)


def _continues(row: GridRow, label: str, cells: dict[int, str]) -> bool:
    """A line that wraps the row above: a label that goes on in lower case or after a comma,
    or the rest of a cell ('265(265,' / '6)')."""
    if label:
        return label[:1].islower() or label[:1] == "(" or bool(CONTINUES_RE.search(row.label))
    return bool(cells) and all(k in row.cells for k in cells)


def _extend(row: GridRow, line: TextLine, label: str, cells: dict[int, str]) -> None:
    if label:
        row.label = f"{row.label} {label}".strip()
    for k, text in cells.items():
        row.cells[k] = f"{row.cells.get(k, '')} {text}".strip()
    row.bottom = line.bottom
    row.lines.append(line)
