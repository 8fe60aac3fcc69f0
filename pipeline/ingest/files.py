"""The files an ingest is given: found, named and fingerprinted, without reading a page
(an unchanged re-ingest does only this, so it loads no PDF or language library)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from stat import S_ISCHR, S_ISFIFO, S_ISSOCK


def discover(paths: Iterable[Path]) -> Iterator[Path | tuple[Path, str]]:
    """Every *.pdf (any case) under the given files and folders, recursively;
    a path that does not exist is yielded with its reason."""
    for path in paths:
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.suffix.lower() == ".pdf" and p.is_file())
            yield from sorted(found)
        elif path.is_file():
            yield path
        else:
            yield path, _not_a_file(path)


def _not_a_file(path: Path) -> str:
    """Why a named path that is neither a file nor a folder is refused (never opened:
    a FIFO would block the batch)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "ingen sådan fil eller mapp"
    except OSError as exc:
        return exc.strerror or str(exc)
    kinds = [(S_ISFIFO, "ett namngivet rör (FIFO)"), (S_ISSOCK, "en socket"), (S_ISCHR, "en enhet")]
    kind = next((name for test, name in kinds if test(mode)), "en specialfil")
    return f"ingen vanlig fil ({kind})"


def shown(path: Path) -> str:
    """A path as text: bytes that are not UTF-8 (a name from another system) written as
    \\xNN, so the name is unique, storable and printable (the exact bytes are stored too)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
