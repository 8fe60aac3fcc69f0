"""Ingest speed beside Recoll's on the same PDFs, in the same run: pages/s of both and the ratio.

    python bench/recoll_bench.py            # ../shared/realworld, corpus/, 2,000 generated pages, all three
    python bench/recoll_bench.py --runs 3   # best of three runs each

Recoll (Debian's recollcmd: Xapian, with poppler's pdftotext for PDFs) is what a user
would pick instead for "search my folder of PDFs". Both are started from the shell
into a new index, so each pays its own start-up. Recoll reads no page by OCR unless it
is configured to, so the real documents are also timed with ``--ocr never``: the same
work as Recoll's (a scanned page gives neither of them text). Pages are counted once,
from our ingest report, and the same count divides both times.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def wall(command: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):  # 1: some files failed, which the real set has on purpose
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr[-500:]}")
    return seconds, done.stdout


def ours(folders: list[Path], tmp: Path, runs: int, *extra: str) -> tuple[float, int]:
    """(best wall seconds, pages stored) of `handlingar ingest` into a new index."""
    best, pages = float("inf"), 0
    for k in range(runs):
        index = tmp / f"ours-{time.monotonic_ns()}-{k}"
        command = ["handlingar", "ingest", *map(str, folders), "--index", str(index), "--json", *extra]
        seconds, out = wall(command)
        best, pages = min(best, seconds), json.loads(out)["pages"]
        shutil.rmtree(index, ignore_errors=True)
    return best, pages


def recoll(folders: list[Path], tmp: Path, runs: int) -> float:
    """Best wall seconds of `recollindex` into a new index of the same folders."""
    best = float("inf")
    for k in range(runs):
        conf = tmp / f"recoll-{time.monotonic_ns()}-{k}"
        conf.mkdir()
        topdirs = " ".join(str(f.resolve()) for f in folders)
        (conf / "recoll.conf").write_text(
            f"topdirs = {topdirs}\nindexstemminglanguages = swedish\nloglevel = 1\n"
        )
        env = {**os.environ, "RECOLL_CONFDIR": str(conf)}
        seconds, _ = wall(["recollindex", "-c", str(conf), "-z"], env)
        best = min(best, seconds)
        shutil.rmtree(conf, ignore_errors=True)
    return best


def row(label: str, pages: int, mine: float, theirs: float) -> None:
    print(
        f"{label:38} {pages:6d} {mine:8.2f} {pages / mine:9.1f} {theirs:8.2f} {pages / theirs:10.1f}"
        f" {theirs / mine:6.2f}"
    )


def cold_start(tmp: Path) -> None:
    one = tmp / "one"
    one.mkdir()
    small = min((ROOT / "corpus").glob("*.pdf"), key=lambda p: p.stat().st_size)
    shutil.copy(small, one / small.name)
    index = tmp / "cold"
    ingest_s, _ = wall(["handlingar", "ingest", str(one / small.name), "--index", str(index), "--json"])
    search_s, _ = wall(["handlingar", "search", "trygghet", "--index", str(index), "--json"])
    print(f"\ncold start: one {small.stat().st_size // 1024} KB PDF into a new index {ingest_s:.2f} s;")
    print(f"            `handlingar search` {search_s:.2f} s (both wall, from the shell)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--pages", type=int, default=2000)
    args = parser.parse_args()
    if shutil.which("recollindex") is None:
        raise SystemExit(
            "recollindex is not installed: apt-get install recollcmd poppler-utils (make bench does)"
        )
    tmp = Path(tempfile.mkdtemp(prefix="handlingar-recoll-"))
    try:
        generated = tmp / "generated"
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "generate.py"), str(generated), "--pages", str(args.pages)],
            check=True,
            capture_output=True,
        )
        realworld = ROOT.parent / "shared" / "realworld"
        sets = [("../shared/realworld", [realworld]), ("corpus/ (4 PDFs)", [ROOT / "corpus"])]
        sets += [(f"generated ({args.pages} pages)", [generated])]
        sets += [("all three together", [realworld, ROOT / "corpus", generated])]
        heads = (
            ("pages", 6),
            ("ours s", 8),
            ("ours p/s", 9),
            ("recoll s", 8),
            ("recoll p/s", 10),
            ("ratio", 6),
        )
        print(f"{'':38} " + " ".join(f"{h:>{w}}" for h, w in heads))
        for label, folders in sets:
            folders = [f for f in folders if f.is_dir()]
            theirs = recoll(folders, tmp, args.runs)
            mine, pages = ours(folders, tmp, args.runs)
            row(label, pages, mine, theirs)
            if realworld in folders:
                plain, _ = ours(folders, tmp, args.runs, "--ocr", "never")
                row("  the same, --ocr never (as Recoll)", pages, plain, theirs)
        cold_start(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
