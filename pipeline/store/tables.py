"""A document's tables as the catalog stores them (catalog.py writes them: columns and rows
as JSON, each row's cells as [column, text, value]); reads.py reads their rows."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class StoredTable:
    seq: int
    page: int
    unit: str | None
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[tuple[str, str, Decimal | None], ...]], ...]  # (label, cells)
    path: str


def stored_tables(rows: Iterable[Mapping[str, Any]], path: str) -> list[StoredTable]:
    """The document's tables from their rows in the catalog, each with the document's path."""
    return [
        StoredTable(
            int(r["seq"]),
            int(r["page"]),
            r["unit"],
            r["caption"] or "",
            tuple(json.loads(r["columns"])),
            tuple(
                (
                    str(row["label"]),
                    tuple((c, t, None if v is None else Decimal(v)) for c, t, v in row["cells"]),
                )
                for row in json.loads(r["rows"])
            ),
            path,
        )
        for r in rows
    ]
