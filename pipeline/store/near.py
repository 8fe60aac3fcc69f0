"""The catalog's reads for dedup: repeat groups and their copies."""

from __future__ import annotations

from typing import Any

from .connection import Connection


class NearReads:
    """Dedup's reads: repeat groups and the facts the canonical copy rule reads."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def canonical_of(self, part_id: int) -> int:
        row = self.conn.execute("SELECT repeat_of FROM parts WHERE id = ?", (part_id,)).fetchone()
        return int(row["repeat_of"]) if row and row["repeat_of"] is not None else part_id

    def repeat_ids(self, part_id: int) -> list[int]:
        return [r["id"] for r in self.conn.execute("SELECT id FROM parts WHERE repeat_of = ?", (part_id,))]

    def copies(self, part_ids: list[int]) -> list[dict[str, Any]]:
        marks = ",".join("?" * len(part_ids))
        rows = self.conn.execute(
            "SELECT p.id AS part_id, p.document_id, p.seq, p.chars,"
            " (SELECT COUNT(*) FROM parts q WHERE q.document_id = p.document_id) = 1 AS standalone,"
            " COALESCE(d.date, '') AS date"
            f" FROM parts p JOIN documents d ON d.id = p.document_id WHERE p.id IN ({marks})",
            part_ids,
        )
        return [{**dict(r), "standalone": bool(r["standalone"])} for r in rows]
