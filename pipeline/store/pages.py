"""The catalog's reads of one document's pages, for a reader who checks the original."""

from __future__ import annotations

import os
from typing import Any

from ..records import PageEntry


class PageReads:
    """A base of ``Reads``: every page of a document, and where its file is."""

    conn: Any  # the catalog's sqlite3 connection (opened by catalog.py)

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
                row["quality"] or "good",
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
