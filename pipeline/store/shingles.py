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

from .connection import Connection

FLUSH_ROWS = 2_000_000  # rows of the run's table (about 100 MB) before they are merged

_RUN_SCHEMA = """
CREATE TEMP TABLE IF NOT EXISTS run_shingles (hash INTEGER NOT NULL, part_id INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS temp.run_shingles_part ON run_shingles(part_id);
CREATE TEMP TRIGGER IF NOT EXISTS run_part_gone AFTER DELETE ON main.parts BEGIN
    DELETE FROM run_shingles WHERE part_id = OLD.id;
END;
"""


class ShingleStore:
    """Dedup's shingles, written and looked up: a part of the catalog's writer."""

    def __init__(
        self,
        conn: Connection,  # the catalog's, opened for writing
        transaction: Callable[[], AbstractContextManager[Any]],  # the catalog's unit of work
        commit_group: Callable[[], None],
    ) -> None:
        self.conn, self.transaction, self.commit_group = conn, transaction, commit_group
        self.conn.execute("PRAGMA temp_store = MEMORY")
        self.conn.executescript(_RUN_SCHEMA)
        self._run: RunMap | None = {}  # hash -> the run's part (or parts) that hold it

    def store_shingles(self, part_id: int, hashes: list[int]) -> None:
        with self.transaction():
            self.conn.executemany("INSERT INTO run_shingles VALUES (?, ?)", [(h, part_id) for h in hashes])
            self.conn.execute("UPDATE parts SET shingles = ? WHERE id = ?", (len(hashes), part_id))
        run = self._run_map()
        for value in hashes:
            _hold(run, value, part_id)
        if self._run_rows() >= FLUSH_ROWS:
            self.flush_shingles()

    def _run_map(self) -> RunMap:
        """Which of the run's parts hold each hash, kept in memory: an index in the temporary
        table cost 2.6 µs a row to keep, and counting its rows per lookup read every row of
        a boilerplate shingle. Made again from the table after a part was removed."""
        if self._run is None:
            self._run = {}
            for value, part in self.conn.execute("SELECT hash, part_id FROM run_shingles"):
                _hold(self._run, int(value), int(part))
        return self._run

    def in_run(self, doc_id: str) -> bool:
        """Whether this run stored shingles of the document's parts (a document removed
        otherwise, one from an earlier run, leaves the run's map as it is)."""
        row = self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM parts p JOIN run_shingles r ON r.part_id = p.id"
            " WHERE p.document_id = ?)",
            (doc_id,),
        ).fetchone()
        return bool(row[0])

    def forget_run_map(self) -> None:
        """A part was removed (its run rows go with it): map the run's hashes again."""
        self._run = None

    def _run_rows(self) -> int:
        return int(self.conn.execute("SELECT max(rowid) FROM run_shingles").fetchone()[0] or 0)

    def flush_shingles(self) -> int:
        """Merge the run's shingles into the catalog, in hash order; returns how many."""
        with self.transaction():
            cursor = self.conn.execute(
                "INSERT INTO shingles SELECT hash, part_id FROM run_shingles ORDER BY hash"
            )
            self.conn.execute("DELETE FROM run_shingles")
        self._run = {}
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
        probe = usable[: len(usable) - needed + 1]
        run = self._run_map()
        held = {p for value in probe for p in _parts(run.get(value))}
        # a part can share no more than it holds: a size out of range cannot qualify
        bounds, size_rule = (part_id, needed, len(usable) / share), "p.id != ? AND p.shingles BETWEEN ? AND ?"
        among = (
            ("SELECT part_id FROM shingles WHERE hash IN (SELECT value FROM json_each(?))", probe),
            ("SELECT value FROM json_each(?)", sorted(held)),  # the run's parts, from memory
        )
        others: dict[int, int] = {}
        for parts, values in among:
            query = f"SELECT p.id, p.shingles FROM parts p WHERE p.id IN ({parts}) AND {size_rule}"
            others.update(self.conn.execute(query, (json.dumps(values), *bounds)).fetchall())
        shared = self._shared(list(others), usable)
        return [(other, shared[other], size) for other, size in others.items()]

    def _usable(self, hashes: list[int], max_parts: int) -> list[int]:
        """The hashes at most ``max_parts`` parts hold (the catalog's and the run's), the
        rarest first (ties by hash)."""
        held = dict(
            self.conn.execute(
                "SELECT hash, n FROM shingle_counts WHERE hash IN (SELECT value FROM json_each(?))",
                (json.dumps(hashes),),
            ).fetchall()
        )
        run = self._run_map()
        counted = sorted((held.get(h, 0) + len(_parts(run.get(h))), h) for h in hashes)
        return [h for n, h in counted if 1 <= n <= max_parts]

    def _shared(self, part_ids: list[int], usable: list[int]) -> dict[int, int]:
        """How many of the ``usable`` shingles each part holds, counted in one pass."""
        if not part_ids:
            return {}
        rows = self.conn.execute(
            "SELECT part_id, count(*) FROM shingles WHERE hash IN (SELECT value FROM json_each(?))"
            " AND part_id IN (SELECT value FROM json_each(?)) GROUP BY part_id",
            (json.dumps(usable), json.dumps(part_ids)),
        )
        found = {int(part): int(n) for part, n in rows}
        wanted, run = set(part_ids), self._run_map()
        for value in usable:
            for part in _parts(run.get(value)):
                if part in wanted:
                    found[part] = found.get(part, 0) + 1
        return found


RunMap = dict[int, "int | list[int]"]  # one part as an int (most hashes), several as a list


def _hold(run: RunMap, value: int, part: int) -> None:
    held = run.get(value)
    if held is None:
        run[value] = part
    elif isinstance(held, list):
        held.append(part)
    else:
        run[value] = [held, part]


def _parts(held: int | list[int] | None) -> list[int]:
    if held is None:
        return []
    return held if isinstance(held, list) else [held]
