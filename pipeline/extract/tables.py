"""Tables as a reader sees them (grid.py reads their rows and columns from a page's words):
the unit the header or caption gives ('Belopp i tkr', 'mnkr', '%'), each cell's text as
printed and its value (kronor where the unit is money), and each money cell as an Amount
with its table, row and column.

A table is kept only when it looks like one: two columns or more, two rows of cells or
more, figures in most cells of its figures' columns, and those columns mostly filled (text
laid out in columns, a voteringslista's crosses or a list of names is none).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from ..models import Amount, Extracted, Page, Part, RawPage, Section, SectionKind, Table, TableCell, TableRow
from .grid import Grid, grid_of, runs
from .words import is_figure, text_lines

# the units a header or caption names, and what one is worth in kronor (None: not money)
UNITS: dict[str, Decimal | None] = {
    "tkr": Decimal(1000),
    "tsek": Decimal(1000),
    "ksek": Decimal(1000),
    "mnkr": Decimal(10**6),
    "mkr": Decimal(10**6),
    "msek": Decimal(10**6),
    "mdkr": Decimal(10**9),
    "kr": Decimal(1),
    "kronor": Decimal(1),
    "sek": Decimal(1),
    "%": None,
    "procent": None,
    "antal": None,
}
UNIT_RE = re.compile(
    r"(?<![\w])(tkr|tsek|ksek|mnkr|mkr|msek|mdkr|kr|kronor|sek|procent|antal)(?![\w])|%"
    r"|(?<![\w])(tusentals?|miljoner|miljontals)\s+kronor",
    re.I,
)
SPELLED = {"tusen": "tkr", "miljon": "mnkr"}  # 'tusentals kronor' is tkr, 'miljoner kronor' mnkr
MIN_FIGURES = 0.6  # of the cells in the figures' columns
MIN_FILLED = 0.5
MINUS = "-−–"


def unit_of(*texts: str) -> str | None:
    """The first unit the texts name, as a unit is written ('tkr', 'mnkr', '%')."""
    for text in texts:
        found = UNIT_RE.search(text)
        if found and found.group(2):
            return next(unit for stem, unit in SPELLED.items() if found.group(2).lower().startswith(stem))
        if found:
            return found.group(0).lower()
    return None


def number(text: str) -> Decimal | None:
    """A cell's number as printed: '-1 942' -> -1942, '(1 942)' -> -1942, '3,5%' -> 3.5,
    '−5 333' -> -5333; None for what is no one number ('96 (93,7)', '-', 'bestäms senare')."""
    cell = text.strip()
    if not is_figure(cell) or cell.count("(") > 1 or ("(" in cell and not cell.startswith("(")):
        return None
    negative = cell.startswith("(") and cell.endswith(")")
    cell = cell.strip("()").replace("%", "").strip()
    if cell[:1] in MINUS:
        negative, cell = not negative, cell[1:]
    cell = cell.lstrip("+")
    digits = "".join(cell.split()).replace(",", ".")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    return -value if negative else value


def page_tables(raw: RawPage, first_seq: int) -> list[Table]:
    """The tables of a page read from its words, numbered on from ``first_seq``."""
    if not raw.words:
        return []
    lines = text_lines(raw.words)
    found: list[Table] = []
    for first, last in runs(lines):
        grid = grid_of(lines, first, last, raw.rules)
        if grid is not None and credible(grid):
            found.append(table_of(grid, raw.number, first_seq + len(found)))
    return found


def document_tables(raw: Iterable[RawPage]) -> tuple[Table, ...]:
    found: list[Table] = []
    for page in raw:
        found += page_tables(page, len(found) + 1)
    return tuple(found)


def credible(grid: Grid) -> bool:
    """A table, not text in columns: figures in most of its figures' columns' cells, those
    columns mostly filled, two rows or more."""
    rows = [r for r in grid.rows if r.cells]
    headed = len(grid.figured) >= 2 and all(grid.headers[k] for k in grid.figured)
    if len(rows) < (1 if headed else 2) or len(grid.bands) < 2:
        return False  # one row is a table where a header names each of its columns
    cells = [r.cells.get(k, "") for r in rows for k in grid.figured]
    filled = [c for c in cells if c]
    if not filled or len(filled) < MIN_FILLED * len(cells):
        return False
    return sum(1 for c in filled if is_figure(c)) >= MIN_FIGURES * len(filled)


def _column_names(grid: Grid) -> list[str]:
    names: list[str] = []
    for k, header in enumerate(grid.headers):
        name = header or f"kolumn {k + 1}"
        while name in names:
            name = f"{name} ({k + 1})"
        names.append(name)
    return names


def table_of(grid: Grid, page: int, seq: int) -> Table:
    """A Table from a grid: each row's cells by column header, values in the unit's kronor."""
    names = _column_names(grid)
    label_header = grid.headers[grid.label_band] if grid.label_band is not None else ""
    unit = unit_of(label_header, grid.caption, *grid.headers)
    columns = [n for k, n in enumerate(names) if k != grid.label_band]
    rows = []
    for row in grid.rows:
        if not row.cells:
            continue
        cells = tuple(
            (names[k], TableCell(text, value_of(text, unit, row.label, names[k])))
            for k, text in sorted(row.cells.items())
            if text
        )
        rows.append(TableRow(row.label, cells))
    return Table(seq, page, unit, tuple(columns), tuple(rows), grid.caption)


def value_of(text: str, unit: str | None, label: str, column: str) -> Decimal | None:
    """A cell's value: in kronor under a unit of money ('10 300' under tkr: 10300000), else the
    number as printed; a share ('3,5%', a row or column of '%') is never money."""
    found = number(text)
    if found is None:
        return None
    scale = money_scale(text, unit, label, column)
    value = found * scale if scale is not None else found
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def cell_unit(unit: str | None, label: str, column: str) -> str | None:
    """A cell's unit: its row's or column's own ('Resultat (tkr)', 'Andel %') before the table's."""
    return unit_of(label, column) or unit


def money_scale(text: str, unit: str | None, label: str, column: str) -> Decimal | None:
    """What one of a cell's units is worth in kronor; None when the cell is no sum."""
    chosen = cell_unit(unit, label, column)
    if "%" in text or chosen is None:
        return None
    return UNITS.get(chosen)


# -- money cells as amounts ------------------------------------------------------------


def cell_amounts(tables: Sequence[Table], pages: Sequence[Page]) -> Iterator[tuple[Amount, tuple[int, int]]]:
    """Each money cell as an Amount, with the span of the page's body its row's line takes
    (where the row is found in the body; else (-1, -1))."""
    bodies = {p.number: p.body for p in pages}
    for table in tables:
        body = bodies.get(table.page)
        if body is None:
            continue
        after = 0
        for row in table.rows:
            at = body.find(row.label, after) if row.label else -1
            line = _line_span(body, at) if at >= 0 else (-1, -1)
            if at >= 0:
                after = at + len(row.label)
            cursor = after
            for column, cell in row.cells:
                scale = money_scale(cell.text, table.unit, row.label, column)
                if cell.value is None or scale is None:
                    continue
                found = body.find(cell.text, cursor, line[1]) if at >= 0 else -1
                start, end = (found, found + len(cell.text)) if found >= 0 else line
                cursor = end if found >= 0 else cursor
                yield _amount(table, row.label, column, cell, start, end), line


def _line_span(body: str, at: int) -> tuple[int, int]:
    start = body.rfind("\n", 0, at) + 1
    end = body.find("\n", at)
    return start, len(body) if end < 0 else end


def _amount(table: Table, label: str, column: str, cell: TableCell, start: int, end: int) -> Amount:
    assert cell.value is not None
    where = " · ".join(x for x in (label, column) if x)
    unit = cell_unit(table.unit, label, column)
    return Amount(
        text=cell.text,
        value=cell.value,
        currency="SEK",
        qualifier=None,
        sentence=f"{where}: {cell.text} {unit or ''}".strip(),
        page=table.page,
        start=max(start, 0),
        end=max(end, 0),
        table=table.seq,
        row=label or None,
        column=column,
    )


def with_cells(
    extracted: dict[int, Extracted], parts: Sequence[Part], pages: Sequence[Page], tables: Sequence[Table]
) -> dict[int, Extracted]:
    """The parts' amounts with each table's money cells added to the part that holds its
    page, and the running-text amounts read off a table's rows (its flattened lines) dropped:
    one cell, one amount."""
    cells = list(cell_amounts(tables, pages))
    taken: dict[int, list[tuple[int, int]]] = {}
    for amount, line in cells:
        if line[0] >= 0:
            taken.setdefault(amount.page, []).append(line)
    out = dict(extracted)
    for part in parts:
        found = out.get(part.seq)
        if found is None:
            continue
        kept = [a for a in found.amounts if a.table is not None or not _on(taken.get(a.page, ()), a.start)]
        kept += [a for a, _ in cells if part.holds(a.page)]
        sections = without_headers(found.sections, tables)
        out[part.seq] = replace(
            found, amounts=tuple(sorted(kept, key=lambda a: (a.page, a.start))), sections=sections
        )
    return out


def _header_of(title: str, page: int, tables: Sequence[Table]) -> bool:
    """A line read as a heading that is a table's header row on its page (bold cells:
    'Indikator Utgångsvärde Målvärde 2025'), or a piece of one ('Utfall' over '2025')."""
    for table in tables:
        named = [c for c in table.columns if c and not c.startswith("kolumn ")]
        if table.page != page or len(named) < 2:
            continue
        joined = " ".join(named)
        if all(c in title for c in named) or (len(title) >= 4 and f" {title} " in f" {joined} "):
            return True
    return False


def _named_by_row(section: Section, tables: Sequence[Table]) -> Section:
    """An indicator read from a flattened row whose name ends in a number the line's figures
    took ('Genomsnittligt meritvärde åk' for the row 'Genomsnittligt meritvärde åk 9'): the
    table's row label on its page names it."""
    for table in tables:
        for row in table.rows if table.page == section.first_page else ():
            rest = row.label[len(section.title) :].strip()
            if row.label.startswith(section.title) and rest and re.fullmatch(r"\d{1,3}", rest):
                return replace(section, title=row.label)
    return section


def without_headers(sections: Sequence[Section], tables: Sequence[Table]) -> tuple[Section, ...]:
    """The sections less the headings and areas that are tables' header rows; a priority
    under such an 'area' stands under none."""
    headed = {
        s.title
        for s in sections
        if s.kind in (SectionKind.HEADING, SectionKind.AREA) and _header_of(s.title, s.first_page, tables)
    }
    sections = [_named_by_row(s, tables) if s.kind == SectionKind.INDICATOR else s for s in sections]
    if not headed:
        return tuple(sections)
    kept = [
        s for s in sections if not (s.kind in (SectionKind.HEADING, SectionKind.AREA) and s.title in headed)
    ]
    return tuple(replace(s, area=None) if s.area in headed else s for s in kept)


def _on(lines: Iterable[tuple[int, int]], at: int) -> bool:
    return any(start <= at <= end for start, end in lines)
