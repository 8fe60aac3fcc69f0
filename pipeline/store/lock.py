"""One ingest at a time per index folder: an advisory lock taken before anything is opened."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import HandlingarError

LOCK_NAME = ".ingest.lock"


@contextmanager
def ingest_lock(index_dir: Path) -> Iterator[None]:
    """Hold the index folder's lock for the block; a second ingest is refused at once.
    The kernel drops the lock when the holder dies, so a killed run never leaves it behind."""
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(index_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise HandlingarError(
            f"kan inte skriva i indexmappen {index_dir} ({exc.strerror}): inläsning behöver en mapp du kan"
            " skriva i (sökning, citat och listorna läser en skrivskyddad)"
        ) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise HandlingarError(
                f"indexet i {index_dir} är låst av en annan inläsning; försök igen när den är klar"
            ) from None
        yield
    finally:
        os.close(fd)
