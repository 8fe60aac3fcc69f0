"""The catalog's reads of one document's pages, for a reader who checks the original."""

from __future__ import annotations

import os
from typing import Any

from ..models import PageQuality
from ..records import PageEntry
from .catalog_rows import PageFacts, PageLists
from .connection import Connection

LOW_OCR_CONFIDENCE = 80.0  # an OCR page under this mean word confidence is flagged: check the scan


def body_of(row: Any) -> str:
    """A page's body text; a damaged row (not text) reads as empty."""
    body = row["body"]
    return body if isinstance(body, str) else ""


class PageReads:
    """The catalog's reads of pages: their text at offsets, their quality, a document's
    pages, and where its file is."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def page_facts(self, places: list[tuple[str, int]]) -> dict[tuple[str, int], PageFacts]:
        """(document, page) -> its text quality ('good', 'garbled'; a page ingested before it
        was judged: 'good') and whether it was read by OCR (with its mean word confidence)."""
        found: dict[tuple[str, int], PageFacts] = {}
        for doc_id, number in set(places):
            row = self.conn.execute(
                "SELECT quality, ocr_confidence FROM pages WHERE document_id = ? AND number = ?",
                (doc_id, number),
            ).fetchone()
            quality, confidence = (row["quality"], row["ocr_confidence"]) if row else (None, None)
            found[(doc_id, number)] = PageFacts(
                quality or PageQuality.GOOD, confidence is not None, confidence
            )
        return found

    def page_lists(self) -> dict[str, PageLists]:
        """document -> its garbled pages, pages read by OCR, and OCR pages of low confidence."""
        found: dict[str, dict[str, list[int]]] = {}
        rows = self.conn.execute(
            "SELECT document_id, number, quality, ocr_confidence FROM pages"
            " WHERE quality = 'garbled' OR ocr_confidence IS NOT NULL ORDER BY 1, 2"
        )
        for row in rows:
            lists = found.setdefault(row["document_id"], {"garbled": [], "ocr": [], "low": []})
            if row["quality"] == PageQuality.GARBLED:
                lists["garbled"].append(row["number"])
            if row["ocr_confidence"] is not None:
                lists["ocr"].append(row["number"])
                if row["ocr_confidence"] < LOW_OCR_CONFIDENCE:
                    lists["low"].append(row["number"])
        return {doc: PageLists(*(tuple(v) for v in lists.values())) for doc, lists in found.items()}

    def page_with_text(self, doc_id: str, first: int, last: int, text: str) -> int | None:
        """The page in [first, last] of a document whose body holds the start of ``text``."""
        probe = " ".join(text.split()[:8])
        if not probe:
            return None
        rows = self.conn.execute(
            "SELECT number, body FROM pages WHERE document_id = ? AND number BETWEEN ? AND ? ORDER BY number",
            (doc_id, first, last),
        )
        for row in rows:
            if probe in " ".join(body_of(row).split()):
                return int(row["number"])
        return None

    def page_text(self, doc_id: str, page: int, start: int, end: int) -> str | None:
        """The body text at [start, end) of ``page``, running on into the next pages
        (joined by one newline) when ``end`` passes the page's end."""
        rows = self.conn.execute(
            "SELECT body FROM pages WHERE document_id = ? AND number >= ? ORDER BY number LIMIT 3",
            (doc_id, page),
        ).fetchall()
        if not rows or not isinstance(rows[0]["body"], str):
            return None  # a damaged row is never quoted
        text = "\n".join(body_of(r) for r in rows)
        return text[start:end] if 0 <= start < end <= len(text) else None

    def document_pages(self, doc_id: str) -> list[PageEntry]:
        """Each page's number, body text, text quality and OCR confidence (None: its text layer)."""
        rows = self.conn.execute(
            "SELECT number, body, quality, ocr_confidence FROM pages WHERE document_id = ? ORDER BY number",
            (doc_id,),
        )
        return [
            PageEntry(
                row["number"],
                row["body"] if isinstance(row["body"], str) else "",
                row["quality"] or PageQuality.GOOD,
                row["ocr_confidence"],
            )
            for row in rows
        ]

    def document_file(self, doc_id: str) -> str | None:
        """The first path the document was ingested from, as the file system spells it
        (None: no such document)."""
        row = self.conn.execute(
            "SELECT path, raw FROM paths WHERE document_id = ? ORDER BY path LIMIT 1", (doc_id,)
        ).fetchone()
        if row is None:
            return None
        return os.fsdecode(bytes(row["raw"])) if row["raw"] else str(row["path"])
