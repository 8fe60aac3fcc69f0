"""Run each file's work in a forked reader under a time and memory budget.

A decompression bomb, a page with millions of operators or a crash inside the
PDF library costs that one file, never the batch: the reader is killed when it
runs over time, and its address space is capped for each file so an allocation
past the budget fails inside the reader.

Readers live across files (a fork per file cost the main process 10 ms, and each
reader started its caches of words from nothing): a reader is replaced when it
was killed, failed, or grew by more than half its share over what it held at start.
"""

from __future__ import annotations

import contextlib
import faulthandler
import multiprocessing
import os
import resource
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from ..errors import InputError

_PAGE = resource.getpagesize()


@dataclass(frozen=True)
class Outcome:
    key: str
    value: Any = None
    error: str | None = None  # the error class name, e.g. "Encrypted"
    detail: str = ""


# What the main process may still grow by while the readers work: the search index's
# writing heap, SQLite's page cache, and the documents it is storing.
MAIN_RESERVE_MB = 192
MIN_READER_MB = 64


def reader_share(budget_mb: int, workers: int, main_mb: int) -> int:
    """Each reader's share of a whole-ingest budget: what is left after the main process
    (``main_mb``, and its reserve), split among the readers. A reader is forked from the
    main process, so the pages they share count once; a share bounds what a reader adds.
    Raises ValueError when the budget leaves a reader too little."""
    share = (budget_mb - main_mb - MAIN_RESERVE_MB) // workers
    if share < MIN_READER_MB:
        need = main_mb + MAIN_RESERVE_MB + MIN_READER_MB * workers
        raise ValueError(
            f"en minnesbudget på {budget_mb} MB räcker inte till {workers} läsare: huvudprocessen"
            f" håller {main_mb} MB och har {MAIN_RESERVE_MB} MB i reserv; ge --memory {need}"
            " eller mer, eller färre --workers"
        )
    return share


def _limit_memory(memory_mb: int) -> None:
    """Cap the reader's address space at what it has now plus the budget (the soft limit
    only, so the next file's cap can be set again from what the reader holds then)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = _statm(0) + memory_mb * 1024 * 1024
    for bound in (soft, hard):
        limit = min(limit, bound) if bound >= 0 else limit  # RLIM_INFINITY is -1
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _statm(field: int) -> int:
    """Bytes of the process's address space (field 0) or resident memory (field 1)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[field]) * _PAGE
    except OSError:
        return 0


def _close_inherited(keep: int) -> None:
    """Close what the reader inherited from the parent but does not use: the
    search index's writer lock (a lock the reader held would outlive a killed
    parent), the catalog's files, the other readers' pipes."""
    limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    top = limit if 0 < limit < 1 << 20 else 1 << 16
    os.closerange(3, keep)
    os.closerange(keep + 1, top)


def _reader(conn: Connection, fn: Callable[..., Any], memory_mb: int, ticks: bool) -> None:
    """A reader's life: one job after another from the pipe, until told to stop, a job
    fails, or the reader has grown by more than half its share."""
    faulthandler.disable()  # a crash inside the PDF library is reported by the parent
    _close_inherited(conn.fileno())
    started, own_limit = _statm(1), resource.getrlimit(resource.RLIMIT_AS)
    while (job := conn.recv()) is not None:
        result = _run(conn, fn, job, memory_mb, ticks)
        resource.setrlimit(resource.RLIMIT_AS, own_limit)
        grown = _statm(1) - started > memory_mb * 1024 * 1024 // 2
        try:
            conn.send((*result, result[0] == "ok" and not grown))  # the last field: whether it goes on
        except MemoryError:
            conn.send(("err", "OverBudget", f"resultatet över läsarens minnesandel på {memory_mb} MB", False))
        if result[0] != "ok" or grown:
            break
    conn.close()


def _run(
    conn: Connection, fn: Callable[..., Any], args: tuple[Any, ...], memory_mb: int, ticks: bool
) -> tuple[Any, ...]:
    try:
        _limit_memory(memory_mb)
        value = fn(*args, tick=lambda *info: conn.send(("tick", *info))) if ticks else fn(*args)
        return ("ok", value)
    except InputError as exc:
        return ("err", type(exc).__name__, exc.detail)
    except MemoryError:
        return ("err", "OverBudget", f"over the reader's memory share of {memory_mb} MB")
    except Exception as exc:  # anything a broken PDF makes a library raise
        last = traceback.extract_tb(exc.__traceback__)[-1:]
        where = f" at {last[0].name}" if last else ""
        return ("err", "ReadFailed", f"{type(exc).__name__}: {exc}{where}"[:300])


@dataclass
class _Reader:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    key: str | None = None  # the job it reads now (None: idle)
    started: float = 0.0


@dataclass
class _Pool:
    """The readers of one run, started when there is work for them."""

    fn: Callable[..., Any]
    size: int
    memory_mb: int
    ticks: bool
    readers: list[_Reader] = field(default_factory=list)

    def has_room(self) -> bool:
        return len(self.readers) < self.size or any(r.key is None for r in self.readers)

    def idle(self) -> _Reader:
        """An idle reader, started when there is room for one (see ``has_room``)."""
        for reader in self.readers:
            if reader.key is None:
                return reader
        return self._start()

    def _start(self) -> _Reader:
        context = multiprocessing.get_context("fork")
        parent, child = context.Pipe(duplex=True)
        process = context.Process(
            target=_reader, args=(child, self.fn, self.memory_mb, self.ticks), daemon=True
        )
        process.start()
        child.close()
        reader = _Reader(process, parent)
        self.readers.append(reader)
        return reader

    def give(self, reader: _Reader, key: str, args: tuple[Any, ...]) -> None:
        reader.conn.send(args)
        reader.key, reader.started = key, time.monotonic()

    def busy(self) -> list[_Reader]:
        return [r for r in self.readers if r.key is not None]

    def retire(self, reader: _Reader, kill: bool = False) -> None:
        if kill:
            reader.process.kill()
        reader.process.join(timeout=5)
        reader.conn.close()
        self.readers.remove(reader)

    def close(self) -> None:
        for reader in list(self.readers):
            with contextlib.suppress(OSError):
                reader.conn.send(None)
            self.retire(reader, kill=reader.key is not None)


def run_budgeted(
    jobs: Iterable[tuple[str, tuple[Any, ...]]],
    fn: Callable[..., Any],
    workers: int,
    timeout_s: float,
    memory_mb: int,
    on_tick: Callable[..., None] | None = None,
) -> Iterator[Outcome]:
    """Run ``fn(*args)`` for each (key, args) in forked readers, ``workers`` at a
    time, yielding an Outcome per job as each finishes. With ``on_tick``, ``fn`` is
    also given ``tick``: each call tells the parent the reader got a step further (a page
    read by OCR), which starts its time budget again and is passed on to ``on_tick``."""
    pool = _Pool(fn, workers, memory_mb, on_tick is not None)
    pending = iter(jobs)
    try:
        _refill(pool, pending)
        while pool.busy():  # a job left is always given: no reader busy means none is left
            # each reader has its next file before the caller stores what the last one read
            done = list(_collect(pool, timeout_s, on_tick))
            _refill(pool, pending)
            yield from done
    finally:
        pool.close()


def _refill(pool: _Pool, pending: Iterator[tuple[str, tuple[Any, ...]]]) -> None:
    """Give each idle reader (or a new one, while there is room) the next job."""
    while pool.has_room() and (job := next(pending, None)) is not None:
        pool.give(pool.idle(), job[0], job[1])


def _collect(pool: _Pool, timeout_s: float, on_tick: Callable[..., None] | None) -> Iterator[Outcome]:
    busy = pool.busy()
    ready = set(wait([r.conn for r in busy], timeout=0.1))
    for reader in busy:
        assert reader.key is not None
        key = reader.key
        if reader.conn in ready:
            outcome, goes_on = _receive(reader, key, pool.memory_mb)
            if outcome is None:  # a tick: the reader is alive and a step further
                reader.started = time.monotonic()
                if on_tick:
                    on_tick(key, *goes_on)
                continue
            reader.key = None
            if goes_on is not True:
                pool.retire(reader)
            yield outcome
        elif time.monotonic() - reader.started > timeout_s:
            pool.retire(reader, kill=True)
            yield Outcome(key, error="OverBudget", detail=f"över tidsbudgeten på {timeout_s:g} s")


def _receive(reader: _Reader, key: str, memory_mb: int) -> tuple[Outcome | None, Any]:
    """(the outcome, whether the reader goes on), or (None, the tick's details)."""
    try:
        message = reader.conn.recv()
    except (EOFError, OSError):
        reader.process.join(timeout=5)
        code = reader.process.exitcode or 0
        if code < 0:
            detail = f"läsaren dog av signal {-code}, troligen över sin minnesandel på {memory_mb} MB"
            return Outcome(key, error="OverBudget", detail=detail), False
        return Outcome(key, error="ReadFailed", detail=f"läsaren kraschade (slutstatus {code})"), False
    if message[0] == "tick":
        return None, tuple(message[1:])
    if message[0] == "ok":
        return Outcome(key, value=message[1]), message[2]
    return Outcome(key, error=message[1], detail=message[2]), False


def _call(fn: Callable[..., Any], *args: Any) -> Any:
    return fn(*args)


@dataclass
class Resident:
    """One reader that lives across jobs given one at a time, each under the budgets (what
    a cluster's worker keeps for each of its threads: ingest/cluster.py). In a process that
    may not fork (a daemonic one: a Dask worker under a nanny that says so) a job runs in the
    process itself, where only the worker's own memory limit holds."""

    timeout_s: float
    memory_mb: int
    pool: _Pool | None = None

    def run(self, key: str, fn: Callable[..., Any], args: tuple[Any, ...]) -> Outcome:
        if multiprocessing.current_process().daemon:
            return _inline(key, fn, args)
        if self.pool is None:
            self.pool = _Pool(_call, 1, self.memory_mb, False)
        self.pool.give(self.pool.idle(), key, (fn, *args))
        while not (done := list(_collect(self.pool, self.timeout_s, None))):
            pass
        return done[0]

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()


def _inline(key: str, fn: Callable[..., Any], args: tuple[Any, ...]) -> Outcome:
    try:
        return Outcome(key, value=fn(*args))
    except InputError as exc:
        return Outcome(key, error=type(exc).__name__, detail=exc.detail)
    except Exception as exc:  # anything a broken PDF makes a library raise
        return Outcome(key, error="ReadFailed", detail=f"{type(exc).__name__}: {exc}"[:300])
