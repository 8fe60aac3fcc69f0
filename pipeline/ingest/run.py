"""The orchestrator: files -> readers (child processes) -> catalog + index.

One bad file never stops the batch: its failure is recorded and the rest goes
on. Each file is read in a child process under a time and memory budget
(reader.py is what the child does).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .. import errors
from ..errors import HandlingarError
from ..extract.lexicon import Lexicon
from ..models import Block, Document
from ..read import ocr
from ..read.workers import Outcome, reader_share, run_budgeted
from ..settings import Settings
from ..store import dedup
from ..store.catalog import Catalog
from ..store.lock import ingest_lock
from ..store.writer import Batch, prepare, sync
from .files import discover, sha256_of, shown
from .report import IngestReport

Progress = Callable[[int, int, str], None]


Job = tuple[Path, str, os.stat_result]  # a file, the SHA-256 of its bytes, its stat


@dataclass
class Plan:
    """What an ingest has to do after triage: files to read, keyed by their
    resolved path, and paths that repeat a file of this batch (pointed at its
    document once that one is stored)."""

    read: dict[str, Job] = field(default_factory=dict)
    repeats: list[tuple[str, Job]] = field(default_factory=list)

    def has(self, digest: str) -> bool:
        return any(d == digest for _, d, _ in self.read.values())


def _triage(catalog: Catalog, path: Path, report: IngestReport, plan: Plan, batch: Batch) -> None:
    """Decide without parsing whether ``path`` is unchanged, a duplicate or new."""
    key = shown(path.resolve())
    stat = path.stat()
    known = catalog.reads.document_of_path(key)
    if (
        known is not None
        and (known["size"], known["mtime"]) == (stat.st_size, stat.st_mtime)
        and not catalog.reads.read_by_older(known["document_id"])
    ):
        report.documents_unchanged += 1
        return
    digest = sha256_of(path)
    stored = catalog.reads.has_document(digest)
    if (not stored or catalog.reads.read_by_older(digest)) and not plan.has(digest):
        plan.read[key] = (path, digest, stat)  # new, or read again by this version of the reader
        return
    if stored:
        removed = catalog.add_path(key, digest, stat.st_size, stat.st_mtime, os.fsencode(path))
        if removed:
            batch.remove([removed])
    else:
        plan.repeats.append((key, (path, digest, stat)))
    if known is not None and known["document_id"] == digest:
        report.documents_unchanged += 1
    else:
        report.duplicates += 1


def ingest(
    paths: Iterable[Path],
    settings: Settings,
    progress: Progress | None = None,
    watches: Callable[[Settings], int | None] | None = None,
) -> IngestReport:
    """Ingest files and folders into the catalog and search index at ``settings.index_dir``;
    ``watches``, when given, counts the watches with news once it is done (answer/watches.py)."""
    report = IngestReport()
    with ingest_lock(settings.index_dir), Catalog.open(settings.catalog_path, create=True) as catalog:
        words = Lexicon(settings.cache_dir)
        rebuilt = prepare(catalog, settings, words)
        report.index_rebuilt = rebuilt if rebuilt and catalog.reads.unindexed_count() else None
        batch = Batch(catalog, settings, words)
        try:
            batch.open()
            sync(batch)  # finish what a killed run left unindexed
            dedup.recover(catalog)  # and the shingles it held in memory
            plan = Plan()
            for found in discover(paths):
                report.files_seen += 1
                if isinstance(found, tuple):
                    _fail(catalog, report, shown(found[0]), found[1])
                    continue
                try:
                    _triage(catalog, found, report, plan, batch)
                except OSError as exc:
                    _fail(catalog, report, shown(found), exc.strerror or str(exc))
            _process(catalog, plan, batch, report, progress)
            batch.close()
            report.without_text_why = _why_without_text(report, settings)
        except BaseException:
            batch.cancel()
            raise
    report.watches_with_news = watches(settings) if watches else None
    return report


def _why_without_text(report: IngestReport, settings: Settings) -> str | None:
    if not report.pages_without_text:
        return None
    if settings.ocr == "never":
        return "never"
    return "read" if ocr.installed() else "missing"


def _fail(catalog: Catalog, report: IngestReport, path: str, reason: str) -> None:
    catalog.record_failure(path, reason)
    report.failed.append({"path": path, "error": reason})


def _process(
    catalog: Catalog, plan: Plan, batch: Batch, report: IngestReport, progress: Progress | None
) -> None:
    def ocr_page_read(key: str, cached: bool) -> None:  # a reader OCRed a page: count it, show it
        report.ocr_pages += 1
        report.ocr_cached += int(cached)
        if progress:
            progress(
                report.documents_added, len(plan.read), f"OCR s. {report.ocr_pages}: {plan.read[key][0].name}"
            )

    outcomes = _read(plan, batch.settings, ocr_page_read) if plan.read else iter(())
    with catalog.grouped():
        _store_all(catalog, outcomes, plan, batch, report, progress)
        with report.stage("dedup"):
            catalog.shingles.flush_shingles()
        with report.stage("index"):
            batch.commit()
    for key, (path, digest, stat) in plan.repeats:
        if catalog.reads.has_document(digest):
            catalog.add_path(key, digest, stat.st_size, stat.st_mtime, os.fsencode(path))
    with report.stage("index"):
        sync(batch)


def _read(plan: Plan, settings: Settings, on_page: Callable[[str, bool], None]) -> Iterator[Outcome]:
    """Each file's Outcome: read on the cluster (--cluster), else by forked readers here."""
    if settings.cluster:
        from .cluster import read_all

        files = ((key, path, digest, stat.st_size) for key, (path, digest, stat) in plan.read.items())
        return read_all(files, settings, on_page)
    # only now the PDF and language libraries: an unchanged re-ingest never loads them
    from ..extract import nlp

    main_mb = nlp.warm(settings.spacy_model, settings.cache_dir)  # built once, before the children fork
    try:  # --memory bounds the whole ingest: each reader gets a share of what the main process leaves
        share = reader_share(settings.memory_mb, settings.workers, main_mb)
    except ValueError as exc:
        raise HandlingarError(str(exc)) from None
    jobs = ((key, (path, digest, stat.st_size, settings)) for key, (path, digest, stat) in plan.read.items())
    return run_budgeted(jobs, _reader(), settings.workers, settings.timeout_s, share, on_page)


def _reader() -> Callable[..., Document]:
    from .reader import read_document

    return read_document


GROUP_DOCUMENTS, GROUP_SECONDS = 64, 2.0  # the catalog commits after this many documents or seconds


def _store_all(
    catalog: Catalog,
    outcomes: Iterable[Outcome],
    plan: Plan,
    batch: Batch,
    report: IngestReport,
    progress: Progress | None,
) -> None:
    """Store each outcome as it comes, committing the catalog a group at a time."""
    group, since = 0, time.monotonic()
    for done, outcome in enumerate(outcomes, start=1):
        stored = _store(catalog, outcome, plan.read[outcome.key], batch, report)
        if stored:
            with report.stage("index"):  # a document read again has its old entries replaced
                batch.add(stored[0], fresh=not stored[1], views=outcome.value.views)
        group += 1
        if group >= GROUP_DOCUMENTS or time.monotonic() - since >= GROUP_SECONDS:
            with report.stage("store"):
                catalog.commit_group()
            group, since = 0, time.monotonic()
        if progress:
            progress(done, len(plan.read), shown(Path(plan.read[outcome.key][0].name)))


def _blocks(doc: Document) -> tuple[Block, ...]:
    from .reader import blocks_of

    return blocks_of(doc)


def _store(
    catalog: Catalog, outcome: Outcome, job: Job, batch: Batch, report: IngestReport
) -> tuple[str, bool] | None:
    """Write one outcome to the catalog; the id of a stored document and whether it replaced
    the copy an older reader made, or None."""
    path, _digest, stat = job
    if outcome.error is not None:
        error_class = getattr(errors, outcome.error, errors.ReadFailed)
        _fail(catalog, report, shown(path), error_class(shown(path), outcome.detail).why)
        return None
    doc: Document = outcome.value
    again = catalog.reads.has_document(doc.id)  # read by an older reader: replaced
    with report.stage("store"):
        part_ids, removed = catalog.store_document(
            doc, outcome.key, stat.st_mtime, _blocks(doc), os.fsencode(path)
        )
    if removed:
        batch.remove([removed])
    with report.stage("dedup"):
        changed = dedup.update(catalog, doc, part_ids)
    if changed:
        with report.stage("index"):
            batch.refresh(catalog.reads.documents_of(changed) - {doc.id})
    if again:
        report.documents_reread += 1
    else:
        report.documents_added += 1
    report.pages += len(doc.pages)
    report.pages_without_text += sum(1 for p in doc.pages if not p.has_text)
    if doc.needs_ocr:
        report.needs_ocr.append(shown(path))
    return doc.id, again
