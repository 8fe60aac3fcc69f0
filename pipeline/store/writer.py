"""Writing the search index during an ingest: one writer, batched commits.

The catalog marks a document indexed only after the commit that holds it, so
a killed run is finished by the next one (``sync``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..settings import Settings
from . import index
from .catalog import Catalog
from .query import WordForms


class Batch:
    """One writer for a whole ingest: documents are added as they are stored
    (so indexing overlaps the readers' work) and committed every ``every``
    documents."""

    def __init__(self, catalog: Catalog, settings: Settings, forms: WordForms, every: int = 500) -> None:
        self.catalog, self.settings, self.forms, self.every = catalog, settings, forms, every
        self.pending: list[str] = []
        self.changed = False  # anything added or deleted since the last commit
        self.writer: Any = None
        self.analyzer: index.Analyzer | None = None

    def open(self) -> tuple[Any, index.Analyzer]:
        if self.writer is None or self.analyzer is None:
            self.writer, self.analyzer = index.open_writer(
                self.settings, self.catalog.reads.generation, self.forms
            )
        return self.writer, self.analyzer

    def add(self, doc_id: str, fresh: bool = False, views: dict[str, tuple[str, str]] | None = None) -> None:
        """Index a document's canonical blocks; ``fresh`` when this run stored it
        (nothing of it can be in the index yet, so no delete); ``views``: the lemma and
        parts views of its block texts, when a reader made them."""
        writer, analyzer = self.open()
        if not fresh:
            writer.delete_documents_by_term("document", doc_id)
        index.add_rows(writer, analyzer, self.catalog.reads.blocks.canonical_blocks(doc_id), views)
        self.pending.append(doc_id)
        self.changed = True
        if len(self.pending) >= self.every:
            self.commit()

    def refresh(self, doc_ids: Iterable[str]) -> None:
        """Index again the documents of this batch (added, not yet committed) whose canonical
        parts changed since: a copy stored before its canonical one arrived is a repeat now.
        (Committed documents are queued by the catalog instead: set_repeats, and ``sync``.)"""
        writer, analyzer = self.open()
        for doc_id in set(doc_ids) & set(self.pending):
            writer.delete_documents_by_term("document", doc_id)
            index.add_rows(writer, analyzer, self.catalog.reads.blocks.canonical_blocks(doc_id), None)
            self.changed = True

    def remove(self, doc_ids: Sequence[str]) -> None:
        if doc_ids:
            writer, _ = self.open()
            for doc_id in doc_ids:
                writer.delete_documents_by_term("document", doc_id)
            self.changed = True
            self.commit()

    def commit(self) -> None:
        """Commit what was added or deleted (nothing to commit: no commit, which costs ~9 ms)."""
        if self.writer is not None and self.changed:
            self.catalog.commit_group()  # the index never holds a document the catalog may lose
            self.writer.commit()
            self.catalog.mark_indexed(self.pending)
        self.pending, self.changed = [], False

    def close(self) -> None:
        """Commit, then let the engine finish merging segments."""
        self.commit()
        if self.writer is not None:
            self.writer.wait_merging_threads()
        self.writer = self.analyzer = None

    def cancel(self) -> None:
        if self.writer is not None:
            self.writer.rollback()
        self.writer, self.analyzer, self.pending = None, None, []


def sync(batch: Batch) -> int:
    """Bring the search index up to the catalog: every document not yet indexed
    (or whose canonical parts changed) has its old entries replaced."""
    todo = batch.catalog.reads.unindexed()
    for doc_id in todo:
        batch.add(doc_id)
    batch.commit()
    return len(todo)
