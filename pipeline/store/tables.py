"""A document's tables as the catalog stores them (catalog.py writes them: columns and rows
as JSON, each row's cells as [column, text, value])."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from .connection import Connection


@dataclass(frozen=True)
class StoredTable:
    seq: int
    page: int
    unit: str | None
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[tuple[str, str, Decimal | None], ...]], ...]  # (label, cells)
    path: str


def tables_of(conn: Connection, doc_id: str) -> list[StoredTable]:
    """The document's tables in order, each with the document's first path."""
    found = conn.execute("SELECT path FROM paths WHERE document_id = ? ORDER BY path LIMIT 1", (doc_id,))
    first = found.fetchone()
    path = str(first["path"]) if first else ""
    rows = conn.execute(
        "SELECT seq, page, unit, caption, columns, rows FROM tables WHERE document_id = ? ORDER BY seq",
        (doc_id,),
    )
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
