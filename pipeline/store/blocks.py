"""The catalog's reads for the search index: each canonical block with what the index
files it under (who acted in it)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..filters import name_keys
from ..models import Person, Sentence, name_only
from .connection import Connection


class BlockReads:
    """What the index writer reads."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def canonical_blocks(self, doc_id: str) -> Iterator[dict[str, Any]]:
        """Blocks of the document's canonical parts, with what the index files them under."""
        rows = self.conn.execute(
            'SELECT b.id, b.document_id, b.part_id, b.page, b.start, b."end", b.text, p.year, d.date,'
            " d.kind, d.board,"
            " p.kind AS part_kind, p.title AS part_title, p.party, p.signatories"
            " FROM blocks b JOIN parts p ON p.id = b.part_id JOIN documents d ON d.id = b.document_id"
            " WHERE b.document_id = ? AND p.repeat_of IS NULL ORDER BY b.id",
            (doc_id,),
        )
        acts = self.acts_by_page(doc_id)
        for row in rows:
            said = [
                s
                for s in acts.get((row["part_id"], row["page"]), [])
                if s.start < row["end"] and s.end > row["start"]
            ]
            names = [name_only(n) for n in json.loads(row["signatories"])] + [
                p.name for s in said for p in s.people
            ]
            parties = [row["party"]] if row["party"] else []
            yield {
                **dict(row),
                "parties": list(dict.fromkeys(parties + [p for s in said for p in s.parties])),
                "speakers": list(dict.fromkeys(k for n in names for k in name_keys(n))),
            }

    def acts_by_page(self, doc_id: str) -> dict[tuple[int, int], list[Sentence]]:
        """(part id, page) -> the document's sentences that are somebody's act, in order."""
        out: dict[tuple[int, int], list[Sentence]] = {}
        for row in self.conn.execute(
            'SELECT part_id, page, start, "end", people, parties FROM sentences'
            " WHERE document_id = ? AND parties || people != '[][]' ORDER BY part_id, page, start",
            (doc_id,),
        ):
            out.setdefault((row["part_id"], row["page"]), []).append(sentence_of(row))
        return out


def sentence_of(row: Any) -> Sentence:
    """A sentence row with whose act it is (its people and parties, stored as JSON)."""
    people = tuple(Person(p["name"], p["party"]) for p in json.loads(row["people"] or "[]"))
    parties = tuple(json.loads(row["parties"] or "[]"))
    return Sentence(row["page"], row["start"], row["end"], True, people, parties)
