"""The catalog's reads for dedup: parts that may repeat a new part, and their groups."""

from __future__ import annotations

import json
import math
from typing import Any


class NearReads:
    """A base of ``Reads``: candidate repeats by shared shingles, and repeat groups."""

    conn: Any  # the catalog's sqlite3 connection (opened by catalog.py)

    def shingle_candidates(
        self, part_id: int, hashes: list[int], max_parts: int, share: float
    ) -> list[tuple[int, int, int]]:
        """(other part, shared sampled shingles, its sampled shingle count) for the
        parts that may share ``share`` of this part's shingles, counted over the
        shingles at most ``max_parts`` parts hold.

        Prefix filtering: a part sharing at least ``needed`` of the ``usable``
        shingles must hold one of any ``usable - needed + 1`` of them, so only the
        rarest that many are looked up; common shingles are never scanned."""
        usable = [
            r["hash"]
            for r in self.conn.execute(
                "SELECT hash FROM shingle_counts WHERE hash IN (SELECT value FROM json_each(?)) AND n <= ?"
                " ORDER BY n, hash",
                (json.dumps(hashes), max_parts),
            )
        ]
        needed = math.ceil(share * len(hashes))
        if not usable or len(usable) < needed:
            return []
        probe = usable[: len(usable) - needed + 1]
        # a part can share no more than it holds: a size out of range cannot qualify
        others = self.conn.execute(
            "SELECT DISTINCT s.part_id, p.shingles FROM shingles s JOIN parts p ON p.id = s.part_id"
            " WHERE s.hash IN (SELECT value FROM json_each(?)) AND s.part_id != ?"
            " AND p.shingles BETWEEN ? AND ?",
            (json.dumps(probe), part_id, needed, len(usable) / share),
        ).fetchall()
        shared = self._shared([other for other, _ in others], usable)
        return [(other, shared[other], size) for other, size in others]

    def _shared(self, part_ids: list[int], usable: list[int]) -> dict[int, int]:
        """How many of the ``usable`` shingles each part holds, counted in one pass."""
        if not part_ids:
            return {}
        rows = self.conn.execute(
            "SELECT part_id, count(*) FROM shingles WHERE hash IN (SELECT value FROM json_each(?))"
            " AND part_id IN (SELECT value FROM json_each(?)) GROUP BY part_id",
            (json.dumps(usable), json.dumps(part_ids)),
        )
        return {int(part): int(n) for part, n in rows}

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
