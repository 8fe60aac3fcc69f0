"""One document as a reader checks it: its parts and its pages as text, the words of a
query marked, and the file it came from (for the page image)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import NotFound
from ..records import DocumentView
from ..settings import Settings
from ..store.query import TextViews, marked_spans, parse
from .forgiving import document_id
from .listings import document_listing
from .opened import Opened, opened


def document_view(
    settings: Settings, ref: str, query: str | None = None, kept: Opened | None = None
) -> DocumentView:
    """The document's listing entry (as ``documents --json``) with ``content``: each page's
    number, text, quality, OCR confidence and ``marks`` ([start, end] character offsets of
    the words the query matches)."""
    with opened(settings, kept) as held:
        doc_id = document_id(held.catalog, ref)
        pages = held.catalog.pages.document_pages(doc_id)
        tree = parse(query, held.reader.analyzer) if query and query.strip() else None
    entry = next(d for d in document_listing(settings) if d.id == doc_id)
    analyzer = held.reader.analyzer
    content = tuple(
        replace(page, marks=tuple(marked_spans(tree, TextViews.of(page.text, analyzer)))) if tree else page
        for page in pages
    )
    return DocumentView(entry, content)


def document_file(settings: Settings, doc_id: str, kept: Opened | None = None) -> Path:
    """The PDF a document known to the catalog was read from; NotFound for any other id
    (no path from a request reaches the file system except through this)."""
    with opened(settings, kept) as held:
        found = held.catalog.pages.document_file(doc_id) if len(doc_id) == 64 else None
    if found is None or not Path(found).is_file():
        raise NotFound(f"inget dokument {doc_id!r} i katalogen, eller så är dess fil borta")
    return Path(found)
