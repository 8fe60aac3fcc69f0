"""What the search index files a text block under, and what a hit brings back.
Plain data: the engine's own calls stay in index.py."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Protocol

from ..years import matched_years, shown_year
from .query import Token


class Views(Protocol):
    def lemmas(self, source: str) -> list[Token]: ...

    def parts(self, source: str) -> list[Token]: ...


@dataclass(frozen=True)
class RawHit:
    fields: dict[str, Any]
    score: float
    snippet: str


def board_words(board: str | None) -> str:
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFC", board or "").lower()))


def index_fields(row: dict[str, Any], analyzer: Views) -> dict[str, Any]:
    text = row["text"]
    return {
        "block": row["id"],
        "document": row["document_id"],
        "part": row["part_id"],
        "page": row["page"],
        "year": shown_year(row["date"], row["year"]) or 0,
        "years": sorted(matched_years(row["date"], row["year"])) or [0],
        "kind": row["kind"] or "",
        "part_kind": row["part_kind"] or "",
        "board": board_words(row["board"]),
        "party": row["party"] or "",
        "speakers": row["speakers"],
        "facet_kind": row["kind"] or "",
        "facet_board": row["board"] or "",
        "facet_party": row["party"] or "",
        "text": text,
        "exact": text,
        "lemma": " ".join(t.text for t in analyzer.lemmas(text)),
        "parts": " ".join(t.text for t in analyzer.parts(text)),
    }
