"""What a cluster's worker does (cluster.py sends these tasks; nothing here imports Dask).

A file is read in up to three kinds of task, each run by ``run``: the worker's resident
reader, under the per-file budgets (read/workers.py ``Resident``). ``read_task`` reads its
text layer and, when no page needs OCR, the whole document; otherwise it returns the layer,
and each page needing OCR is an ``ocr_task`` of its own (so one long scan spreads over the
workers), and ``finish_task`` cleans, parts and extracts the document once its pages are
back. Every task returns an Outcome, never raises: a failure is the file's one line.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from ..extract import nlp
from ..models import Document
from ..read.layers import recognised_page
from ..read.ocr import OcrPage
from ..read.workers import MAIN_RESERVE_MB, MIN_READER_MB, Outcome
from ..settings import Settings, default_cache_dir
from .reader import Layer, finished, read_layer

Run = Callable[[str, Callable[..., object], tuple[object, ...], Settings], Outcome]  # key, fn, args


@dataclass(frozen=True)
class Source:
    """Where a worker finds a file: at ``path`` (the cluster mounts the same folder,
    --shared-path), else in the bytes that travel with its tasks."""

    name: str  # the file's own name (a document without text is titled by it)
    path: str | None = None


def here(settings: Settings) -> Settings:
    """The settings as a worker uses them: on another machine, its own folder for the word
    lists (built once by each worker), and for the OCR cache unless the index's folder is
    shared (--shared-path). A local cluster's are this machine's (``ocr_cache_dir`` given)."""
    if settings.ocr_cache_dir is not None:
        return settings
    own = default_cache_dir(os.environ)
    return replace(
        settings,
        cache_dir=own,
        ocr_cache_dir=settings.ocr_cache if settings.shared_path else own / "ocr-cache",
    )


def share(settings: Settings) -> int:
    """A task's memory share: the worker's budget (--memory) less what the worker holds with
    the language pipeline built (once per worker, before the first fork, so readers share it)."""
    worker_mb = nlp.warm(settings.spacy_model, settings.cache_dir)
    return max(MIN_READER_MB, settings.memory_mb - worker_mb - MAIN_RESERVE_MB)


@contextmanager
def _file(source: Source, data: bytes | None) -> Iterator[Path]:
    """The file on this worker's disk: its shared path, or its bytes in a temporary file."""
    if data is None:
        yield Path(source.path or source.name)
        return
    fd, name = tempfile.mkstemp(suffix=".pdf", prefix="handlingar-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        yield Path(name)
    finally:
        os.unlink(name)


def held(data: bytes) -> bytes:
    """A file's bytes as a task's result: the scheduler can make it again on another worker."""
    return data


def read_task(
    run: Run, key: str, source: Source, data: bytes | None, digest: str, size: int, settings: Settings
) -> Outcome:
    """A file's text layer, and its Document where no page needs OCR (else its Layer)."""
    settings = here(settings)
    with _file(source, data) as path:
        return run(key, _layer_or_document, (path, source.name, digest, size, settings), settings)


def _layer_or_document(path: Path, name: str, digest: str, size: int, settings: Settings) -> Document | Layer:
    layer = read_layer(path, settings)
    return layer if layer.wanted else finished(name, digest, size, settings, layer, {})


def ocr_task(
    run: Run, key: str, source: Source, data: bytes | None, number: int, settings: Settings
) -> Outcome:
    """One page read by OCR: an OcrPage, or None where the page cannot be rendered."""
    settings = here(settings)
    with _file(source, data) as path:
        return run(key, recognised_page, (path, number, settings), settings)


def finish_task(
    run: Run,
    key: str,
    name: str,
    digest: str,
    size: int,
    settings: Settings,
    read: Outcome,
    pages: list[Outcome],
) -> Outcome:
    """The Document of a layer and its pages read by OCR, in the layer's order of ``wanted``
    (the first page that failed fails the file, as it would in one reader)."""
    settings = here(settings)
    failed = next((o for o in pages if o.error is not None), None)
    if failed is not None:
        return replace(failed, key=key)
    numbers = read.value.wanted
    found: dict[int, OcrPage] = {
        n: o.value for n, o in zip(numbers, pages, strict=True) if o.value is not None
    }
    return run(key, finished, (name, digest, size, settings, read.value, found), settings)
