"""Reading on a Dask cluster (the only module that imports Dask): each file's reading is a
task, each page needing OCR a task of its own, and the main process, which stores, dedups
and indexes, gets one Outcome per file as each is done (run.py, as from read/workers.py).

A worker that dies takes its tasks with it: the scheduler runs them again on another
worker (a file's bytes are a task's result, made again too), and the main process, the one
writer, stores the one result it is given. A file that kills three workers is one line.
"""

from __future__ import annotations

import logging
import queue
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin

from ..errors import HandlingarError
from ..read.workers import Outcome, Resident
from ..settings import LOCAL_CLUSTER, Settings
from . import tasks
from .reader import Layer

FileJob = tuple[str, Path, str, int]  # the plan's key, the file, its SHA-256, its size
OnPage = Callable[[str, bool], None]  # a page read by OCR: the file's key, whether from the cache
FILES_PER_WORKER = 3  # files in flight per worker: enough to keep it busy, few bytes held


@contextmanager
def connected(settings: Settings) -> Iterator[Any]:
    """A client of the cluster ``settings.cluster`` names: a scheduler's address, or a
    LocalCluster of N worker processes (one thread each) started for this ingest."""
    import dask
    from distributed import Client, LocalCluster

    spec = settings.cluster or "local"
    local = LOCAL_CLUSTER.fullmatch(spec)
    if local is None:
        try:
            client = Client(spec, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise HandlingarError(f"--cluster: når inte schemaläggaren på {spec} ({exc})") from None
        with client:
            yield client
        return
    # readers fork under their budgets: a nanny's worker may have children only when not daemonic
    with dask.config.set({"distributed.worker.daemon": False}):
        cluster = LocalCluster(
            n_workers=int(local.group(1) or 1),
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            memory_limit=f"{settings.memory_mb}MiB",
            silence_logs=logging.ERROR,
        )
    with cluster, Client(cluster) as client:
        yield client


class Readers(WorkerPlugin):
    """A worker's resident readers, one for each of its threads, kept across tasks (a reader
    forked for each task started its caches of words from nothing: 120 ms a file)."""

    name = "handlingar-readers"
    free: queue.SimpleQueue[Resident]

    def setup(self, worker: Any) -> None:
        self.free = queue.SimpleQueue()

    def teardown(self, worker: Any) -> None:
        while not self.free.empty():
            self.free.get().close()

    def run(self, key: str, fn: Callable[..., Any], args: tuple[Any, ...], settings: Settings) -> Outcome:
        budgets = (settings.timeout_s, tasks.share(settings))
        try:
            reader = self.free.get_nowait()
        except queue.Empty:
            reader = Resident(*budgets)
        if (reader.timeout_s, reader.memory_mb) != budgets:  # another ingest's budgets
            reader.close()
            reader = Resident(*budgets)
        try:
            return reader.run(key, fn, args)
        finally:
            self.free.put(reader)


def on_worker(task: Callable[..., Outcome], *args: Any) -> Outcome:
    """Run one of tasks.py's tasks with this worker's resident readers."""
    from distributed import get_worker

    readers = get_worker().plugins[Readers.name]
    assert isinstance(readers, Readers)
    return task(readers.run, *args)


@dataclass
class _File:
    key: str
    source: tasks.Source
    digest: str
    size: int
    data: Any = None  # the future of its bytes (None: the workers read its shared path)
    futures: list[Any] = field(default_factory=list)  # held until the file is done


@dataclass
class _Run:
    client: Any
    settings: Settings  # as the workers get them
    on_page: OnPage | None
    done: Any = None  # distributed.as_completed of every task of the files in flight
    roles: dict[Any, tuple[str, _File]] = field(default_factory=dict)

    def submit(self, role: str, file: _File, fn: Callable[..., Any], *args: Any) -> Any:
        key = f"{role}-{file.digest[:16]}-{uuid.uuid4().hex[:8]}"
        future = self.client.submit(fn, *args, key=key, pure=False)
        file.futures.append(future)
        self.roles[future] = (role, file)
        self.done.add(future)
        return future

    def start(self, job: FileJob) -> None:
        key, path, digest, size = job
        shared = self.settings.shared_path
        file = _File(key, tasks.Source(path.name, str(path.resolve()) if shared else None), digest, size)
        if not shared:
            file.data = self.submit("pdf", file, tasks.held, path.read_bytes())
        args = (key, file.source, file.data, digest, size, self.settings)
        self.submit("read", file, on_worker, tasks.read_task, *args)

    def landed(self, future: Any) -> Outcome | None:
        """The file's Outcome when ``future`` ends it, else None (its pages are being read)."""
        role, file = self.roles.pop(future)
        if role == "pdf":
            return None
        if future.status != "finished":
            return _failed(file.key, future)
        outcome: Outcome = future.result()
        if role == "ocr":
            if self.on_page and outcome.error is None:
                self.on_page(file.key, bool(outcome.value and outcome.value.cached))
            return None
        if role == "read" and isinstance(outcome.value, Layer):
            self._pages(file, future, outcome.value)
            return None
        file.futures.clear()  # the file is done: the cluster may let go of its bytes and results
        return outcome

    def _pages(self, file: _File, read: Any, layer: Layer) -> None:
        """Each page needing OCR a task, and the file's finish once they are back."""
        pages = [
            self.submit(
                "ocr", file, on_worker, tasks.ocr_task, file.key, file.source, file.data, n, self.settings
            )
            for n in layer.wanted
        ]
        args = (file.key, file.source.name, file.digest, file.size, self.settings, read, pages)
        self.submit("finish", file, on_worker, tasks.finish_task, *args)


def _failed(key: str, future: Any) -> Outcome:
    """A task that raised or whose workers died: the file's one line."""
    from distributed import KilledWorker

    exc = future.exception()
    if isinstance(exc, KilledWorker):
        return Outcome(
            key, error="ReadFailed", detail=f"klustrets arbetare dog under filen, gång på gång ({exc})"[:300]
        )
    return Outcome(key, error="ReadFailed", detail=f"{type(exc).__name__}: {exc}"[:300])


def read_all(jobs: Iterable[FileJob], settings: Settings, on_page: OnPage | None = None) -> Iterator[Outcome]:
    """Each file's Outcome, read on the cluster, as each is done; a few files per worker
    in flight at a time (their bytes held on the cluster until they are done)."""
    from distributed import as_completed

    with connected(settings) as client:
        client.register_plugin(Readers())
        run = _Run(client, _for_workers(settings), on_page, as_completed())
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending, in_flight = iter(jobs), 0
        while in_flight < FILES_PER_WORKER * workers and (job := next(pending, None)) is not None:
            run.start(job)
            in_flight += 1
        for future in run.done:
            outcome = run.landed(future)
            if outcome is None:
                continue
            in_flight -= 1
            if (job := next(pending, None)) is not None:
                run.start(job)
                in_flight += 1
            yield outcome


def _for_workers(settings: Settings) -> Settings:
    """The settings the tasks carry: a local cluster shares this machine's OCR cache (the
    index's); one task at a time on each worker, so one OCR thread each."""
    if settings.cluster and LOCAL_CLUSTER.fullmatch(settings.cluster):
        return replace(settings, workers=1, ocr_cache_dir=settings.ocr_cache.resolve())
    return replace(settings, workers=1, index_dir=settings.index_dir.resolve())
