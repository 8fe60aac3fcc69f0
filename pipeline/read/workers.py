"""Run one file's work in a forked child under a time and memory budget.

A decompression bomb, a page with millions of operators or a crash inside the
PDF library costs that one file, never the batch: the child is killed when it
runs over time, and its address space is capped so an allocation past the
budget fails inside the child.
"""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import resource
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
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
            f"a memory budget of {budget_mb} MB leaves too little for {workers} reader(s): the main"
            f" process holds {main_mb} MB and keeps {MAIN_RESERVE_MB} MB in reserve; give --memory {need}"
            " or more, or fewer --workers"
        )
    return share


def _limit_memory(memory_mb: int) -> None:
    """Cap the child's address space at what it has now plus the budget."""
    try:
        with open("/proc/self/statm") as fh:
            current = int(fh.read().split()[0]) * _PAGE
    except OSError:
        current = 0
    limit = current + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _close_inherited(keep: int) -> None:
    """Close what the child inherited from the parent but does not use: the
    search index's writer lock (a lock the child held would outlive a killed
    parent), the catalog's files, the other children's pipes."""
    limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    top = limit if 0 < limit < 1 << 20 else 1 << 16
    os.closerange(3, keep)
    os.closerange(keep + 1, top)


def _child(
    conn: Connection, fn: Callable[..., Any], args: tuple[Any, ...], memory_mb: int, ticks: bool
) -> None:
    result: tuple[Any, ...]
    faulthandler.disable()  # a crash inside the PDF library is reported by the parent
    _close_inherited(conn.fileno())
    try:
        _limit_memory(memory_mb)
        result = ("ok", fn(*args, tick=lambda *info: conn.send(("tick", *info))) if ticks else fn(*args))
    except InputError as exc:
        result = ("err", type(exc).__name__, exc.detail)
    except MemoryError:
        result = ("err", "OverBudget", f"over the reader's memory share of {memory_mb} MB")
    except Exception as exc:  # anything a broken PDF makes a library raise
        last = traceback.extract_tb(exc.__traceback__)[-1:]
        where = f" at {last[0].name}" if last else ""
        result = ("err", "ReadFailed", f"{type(exc).__name__}: {exc}{where}"[:300])
    try:
        conn.send(result)
    except MemoryError:
        conn.send(("err", "OverBudget", f"result over the reader's memory share of {memory_mb} MB"))
    conn.close()


@dataclass
class _Running:
    key: str
    process: multiprocessing.process.BaseProcess
    conn: Connection
    started: float


def run_budgeted(
    jobs: Iterable[tuple[str, tuple[Any, ...]]],
    fn: Callable[..., Any],
    workers: int,
    timeout_s: float,
    memory_mb: int,
    on_tick: Callable[..., None] | None = None,
) -> Iterator[Outcome]:
    """Run ``fn(*args)`` for each (key, args) in forked children, ``workers`` at
    a time, yielding an Outcome per job as each finishes. With ``on_tick``, ``fn`` is
    also given ``tick``: each call tells the parent the child got a step further (a page
    read by OCR), which starts its time budget again and is passed on to ``on_tick``."""
    context = multiprocessing.get_context("fork")
    pending = iter(jobs)
    running: list[_Running] = []
    exhausted = False
    while running or not exhausted:
        while not exhausted and len(running) < workers:
            job = next(pending, None)
            if job is None:
                exhausted = True
                break
            parent, child = context.Pipe(duplex=False)
            process = context.Process(
                target=_child, args=(child, fn, job[1], memory_mb, on_tick is not None), daemon=True
            )
            process.start()
            child.close()
            running.append(_Running(job[0], process, parent, time.monotonic()))
        if running:
            yield from _collect(running, timeout_s, memory_mb, on_tick)


def _collect(
    running: list[_Running], timeout_s: float, memory_mb: int, on_tick: Callable[..., None] | None
) -> Iterator[Outcome]:
    ready = set(wait([r.conn for r in running], timeout=0.1))
    for item in list(running):
        outcome: Outcome | None = None
        if item.conn in ready:
            received = _receive(item, memory_mb)
            if isinstance(received, tuple):  # a tick: the child is alive and a step further
                item.started = time.monotonic()
                if on_tick:
                    on_tick(item.key, *received)
                continue
            outcome = received
        elif time.monotonic() - item.started > timeout_s:
            item.process.kill()
            outcome = Outcome(item.key, error="OverBudget", detail=f"over the time budget of {timeout_s:g} s")
        if outcome is not None:
            item.process.join(timeout=5)
            item.conn.close()
            running.remove(item)
            yield outcome


def _receive(item: _Running, memory_mb: int) -> Outcome | tuple[Any, ...]:
    try:
        message = item.conn.recv()
    except (EOFError, OSError):
        item.process.join(timeout=5)
        code = item.process.exitcode or 0
        if code < 0:
            detail = f"the reader died on signal {-code}, most likely over its memory share of {memory_mb} MB"
            return Outcome(item.key, error="OverBudget", detail=detail)
        return Outcome(item.key, error="ReadFailed", detail=f"the reader crashed (exit code {code})")
    if message[0] == "tick":
        return tuple(message[1:])
    if message[0] == "ok":
        return Outcome(item.key, value=message[1])
    return Outcome(item.key, error=message[1], detail=message[2])
