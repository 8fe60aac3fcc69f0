"""Writing the search index during an ingest: one writer, batched commits.

The catalog marks a document indexed only after the commit that holds it, so
a killed run is finished by the next one (``sync``).
"""

from __future__ import annotations

import shutil
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
        self.writers: tuple[Any, Any] | None = None  # of blocks and of pages
        self.analyzer: index.Analyzer | None = None

    def open(self) -> tuple[tuple[Any, Any], index.Analyzer]:
        if self.writers is None or self.analyzer is None:
            blocks, pages, self.analyzer = index.open_writer(
                self.settings, self.catalog.reads.generation, self.forms
            )
            self.writers = (blocks, pages)
        return self.writers, self.analyzer

    def _delete(self, doc_id: str) -> None:
        for writer in self.open()[0]:
            writer.delete_documents_by_term("document", doc_id)

    def add(self, doc_id: str, fresh: bool = False, views: dict[str, tuple[str, str]] | None = None) -> None:
        """Index a document's canonical blocks; ``fresh`` when this run stored it
        (nothing of it can be in the index yet, so no delete); ``views``: the lemma and
        parts views of its block texts, when a reader made them."""
        writers, analyzer = self.open()
        if not fresh:
            self._delete(doc_id)
        index.add_rows(writers, analyzer, self.catalog.reads.blocks.canonical_blocks(doc_id), views)
        self.pending.append(doc_id)
        self.changed = True
        if len(self.pending) >= self.every:
            self.commit()

    def refresh(self, doc_ids: Iterable[str]) -> None:
        """Index again the documents of this batch (added, not yet committed) whose canonical
        parts changed since: a copy stored before its canonical one arrived is a repeat now.
        (Committed documents are queued by the catalog instead: set_repeats, and ``sync``.)"""
        writers, analyzer = self.open()
        for doc_id in set(doc_ids) & set(self.pending):
            self._delete(doc_id)
            index.add_rows(writers, analyzer, self.catalog.reads.blocks.canonical_blocks(doc_id), None)
            self.changed = True

    def remove(self, doc_ids: Sequence[str]) -> None:
        if doc_ids:
            for doc_id in doc_ids:
                self._delete(doc_id)
            self.changed = True
            self.commit()

    def commit(self) -> None:
        """Commit what was added or deleted (nothing to commit: no commit, which costs ~9 ms)."""
        if self.writers is not None and self.changed:
            self.catalog.commit_group()  # the index never holds a document the catalog may lose
            for writer in self.writers:
                writer.commit()
            self.catalog.mark_indexed(self.pending)
        self.pending, self.changed = [], False

    def close(self) -> None:
        """Commit, then let the engine finish merging segments."""
        self.commit()
        for writer in self.writers or ():
            writer.wait_merging_threads()
        self.writers, self.analyzer = None, None

    def cancel(self) -> None:
        for writer in self.writers or ():
            writer.rollback()
        self.writers, self.analyzer, self.pending = None, None, []


def prepare(catalog: Catalog, settings: Settings, forms: WordForms) -> str | None:
    """When the search index is missing, of another version, made for another
    catalog or damaged, have every document indexed again from the catalog
    (no PDF is read again). Returns why it is rebuilt, or None."""
    problem = index.problem(settings, catalog.reads.generation, forms)
    if problem is None:
        return None
    if settings.search_dir.is_dir():
        shutil.rmtree(settings.search_dir)
    catalog.mark_all_unindexed()
    return problem


def sync(batch: Batch) -> int:
    """Bring the search index up to the catalog: every document not yet indexed
    (or whose canonical parts changed) has its old entries replaced."""
    todo = batch.catalog.reads.unindexed()
    for doc_id in todo:
        batch.add(doc_id)
    batch.commit()
    return len(todo)
