"""A document's tables: each row's cells by column header, values in kronor where the
table's unit is money (``handlingar tables DOKUMENT``)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..records import TableCellEntry, TableEntry, TableRowEntry
from ..settings import Settings
from ..store.reads import CatalogReader
from .forgiving import document_id


def tables(settings: Settings, ref: str) -> list[TableEntry]:
    """The tables of the document ``ref`` names (an id or its start, a path, a file name)."""
    with CatalogReader.open(settings.catalog_path) as catalog:
        doc = document_id(catalog, ref)
        stored = catalog.document_tables(doc)
    return [
        TableEntry(
            doc,
            t.path,
            t.page,
            t.seq,
            t.unit,
            t.columns,
            tuple(
                TableRowEntry(label, {column: TableCellEntry(text, value) for column, text, value in cells})
                for label, cells in t.rows
            ),
        )
        for t in stored
    ]


@dataclass(frozen=True)
class CellLine:
    """One cell of a table on a line of its own (csv, md, the terminal's table)."""

    table: int
    page: int
    row: str
    column: str
    text: str
    value: Decimal | None
    unit: str | None


def cell_lines(found: list[TableEntry]) -> list[object]:
    """One line per cell (typed loosely: a view of any record shows them)."""
    return [
        CellLine(t.table, t.page, r.label, column, cell.text, cell.value, t.unit)
        for t in found
        for r in t.rows
        for column, cell in r.cells.items()
    ]
