"""A document's tables as ``tables DOKUMENT --json`` gives them: each row's cells by column
header, as printed and as a number (kronor under a unit of money)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .base import Record


@dataclass(frozen=True)
class TableCellEntry(Record):
    text: str  # as printed: '-1 942'
    value: Decimal | None  # kronor under a unit of money, else the number as printed


@dataclass(frozen=True)
class TableRowEntry(Record):
    label: str
    cells: dict[str, TableCellEntry]  # by column header


@dataclass(frozen=True)
class TableEntry(Record):
    document: str
    path: str
    page: int
    table: int
    unit: str | None
    columns: tuple[str, ...]
    rows: tuple[TableRowEntry, ...]
