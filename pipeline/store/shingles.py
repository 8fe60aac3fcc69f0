"""Dedup's store of sampled shingles: the run's in memory, merged into the catalog in hash order.

A shingle inserted per document lands on a random page of three large B-trees (the
rows' hash index, the counts, the part index), and every commit writes those pages
again: the 100,000-page ingest wrote 76 GB for a 1.4 GB catalog. So the shingles of
this run's parts are kept in a temporary in-memory table, which every lookup reads
beside the catalog's, and are written to the catalog sorted by hash when the run ends
(or when the table holds ``FLUSH_ROWS``), each B-tree page once.

A run killed before it merges loses only those rows, never a document: the next
ingest finds the parts that have a shingle count and no shingles, and cuts them again
from their stored text (``missing_shingles``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

FLUSH_ROWS = 2_000_000  # rows of the run's table (about 100 MB) before they are merged

_RUN_SCHEMA = """
CREATE TEMP TABLE IF NOT EXISTS run_shingles (hash INTEGER NOT NULL, part_id INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS temp.run_shingles_hash ON run_shingles(hash);
CREATE INDEX IF NOT EXISTS temp.run_shingles_part ON run_shingles(part_id);
CREATE TEMP TRIGGER IF NOT EXISTS run_part_gone AFTER DELETE ON main.parts BEGIN
    DELETE FROM run_shingles WHERE part_id = OLD.id;
END;
"""


class ShingleStore:
    """A base of ``Catalog``: dedup's shingles, written and looked up."""

    conn: Any  # the catalog's sqlite3 connection, opened for writing
    transaction: Callable[[], AbstractContextManager[Any]]  # the catalog's unit of work
    commit_group: Callable[[], None]

    def start_shingles(self) -> None:
        self.conn.execute("PRAGMA temp_store = MEMORY")
        self.conn.executescript(_RUN_SCHEMA)
        self._held: dict[int, int] | None = {}  # how many of the run's parts hold each hash

    def store_shingles(self, part_id: int, hashes: list[int]) -> None:
        with self.transaction():
            self.conn.executemany("INSERT INTO run_shingles VALUES (?, ?)", [(h, part_id) for h in hashes])
            self.conn.execute("UPDATE parts SET shingles = ? WHERE id = ?", (len(hashes), part_id))
        held = self._run_held()
        for value in hashes:
            held[value] = held.get(value, 0) + 1
        if self._run_rows() >= FLUSH_ROWS:
            self.flush_shingles()

    def _run_held(self) -> dict[int, int]:
        """The run's count per hash, kept in memory (counting rows per lookup read every
        row of a boilerplate shingle); counted again after a part was removed."""
        if self._held is None:
            rows = self.conn.execute("SELECT hash, count(*) FROM run_shingles GROUP BY hash")
            self._held = {int(value): int(n) for value, n in rows}
        return self._held

    def forget_run_counts(self) -> None:
        """A part was removed (its run rows go with it): count the run's hashes again."""
        self._held = None

    def _run_rows(self) -> int:
        return int(self.conn.execute("SELECT max(rowid) FROM run_shingles").fetchone()[0] or 0)

    def flush_shingles(self) -> int:
        """Merge the run's shingles into the catalog, in hash order; returns how many."""
        with self.transaction():
            cursor = self.conn.execute(
                "INSERT INTO shingles SELECT hash, part_id FROM run_shingles ORDER BY hash"
            )
            self.conn.execute("DELETE FROM run_shingles")
        self._held = {}
        self.commit_group()  # its writes are dedup's, not those of the documents stored next
        return int(cursor.rowcount)

    def missing_shingles(self) -> list[int]:
        """Parts that have a shingle count but no shingles stored (a killed run's)."""
        rows = self.conn.execute(
            "SELECT id FROM parts p WHERE shingles > 0 AND NOT EXISTS"
            " (SELECT 1 FROM shingles s WHERE s.part_id = p.id)"
            " AND NOT EXISTS (SELECT 1 FROM run_shingles r WHERE r.part_id = p.id)"
        )
        return [int(r[0]) for r in rows]

    def shingle_candidates(
        self, part_id: int, hashes: list[int], max_parts: int, share: float
    ) -> list[tuple[int, int, int]]:
        """(other part, shared sampled shingles, its sampled shingle count) for the
        parts that may share ``share`` of this part's shingles (stored before this is
        asked), counted over the shingles at most ``max_parts`` parts hold.

        Prefix filtering: a part sharing at least ``needed`` of the ``usable``
        shingles must hold one of any ``usable - needed + 1`` of them, so only the
        rarest that many are looked up; common shingles are never scanned."""
        usable = self._usable(hashes, max_parts)
        needed = math.ceil(share * len(hashes))
        if not usable or len(usable) < needed:
            return []
        probe = json.dumps(usable[: len(usable) - needed + 1])
        # a part can share no more than it holds: a size out of range cannot qualify
        others = self.conn.execute(
            "SELECT p.id, p.shingles FROM parts p WHERE p.id IN"
            " (SELECT part_id FROM shingles WHERE hash IN (SELECT value FROM json_each(?))"
            " UNION SELECT part_id FROM run_shingles WHERE hash IN (SELECT value FROM json_each(?)))"
            " AND p.id != ? AND p.shingles BETWEEN ? AND ?",
            (probe, probe, part_id, needed, len(usable) / share),
        ).fetchall()
        shared = self._shared([other for other, _ in others], usable)
        return [(other, shared[other], size) for other, size in others]

    def _usable(self, hashes: list[int], max_parts: int) -> list[int]:
        """The hashes at most ``max_parts`` parts hold (the catalog's and the run's), the
        rarest first (ties by hash)."""
        held = dict(
            self.conn.execute(
                "SELECT hash, n FROM shingle_counts WHERE hash IN (SELECT value FROM json_each(?))",
                (json.dumps(hashes),),
            ).fetchall()
        )
        run = self._run_held()
        counted = sorted((held.get(h, 0) + run.get(h, 0), h) for h in hashes)
        return [h for n, h in counted if 1 <= n <= max_parts]

    def _shared(self, part_ids: list[int], usable: list[int]) -> dict[int, int]:
        """How many of the ``usable`` shingles each part holds, counted in one pass."""
        if not part_ids:
            return {}
        found: dict[int, int] = {}
        for table in ("shingles", "run_shingles"):
            rows = self.conn.execute(
                f"SELECT part_id, count(*) FROM {table} WHERE hash IN (SELECT value FROM json_each(?))"
                " AND part_id IN (SELECT value FROM json_each(?)) GROUP BY part_id",
                (json.dumps(usable), json.dumps(part_ids)),
            )
            for part, n in rows:
                found[int(part)] = found.get(int(part), 0) + int(n)
        return found
