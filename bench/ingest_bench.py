"""Ingest speed and memory: pages/s and peak resident memory, printed.

    python bench/ingest_bench.py                 # sample corpus, ../shared/realworld, 2,000 generated pages
    python bench/ingest_bench.py --pages 10000   # a larger generated corpus
Also: the cost of ingesting one more PDF into a large index against an empty one
(dedup must not grow with the corpus) and the language stage's words/s.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.ingest import ingest  # noqa: E402
from pipeline.settings import Settings  # noqa: E402


def peak_mb() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, child


def run(label: str, paths: list[Path], index_dir: Path, workers: int) -> float:
    started = time.perf_counter()
    report = ingest(paths, Settings(index_dir=index_dir, workers=workers))
    seconds = time.perf_counter() - started
    me, child = peak_mb()
    rate = report.pages / seconds if seconds else 0.0
    print(f"  main-process seconds by stage: {report.seconds}")
    print(
        f"{label:34} {report.pages:7d} pages {seconds:8.1f} s {rate:7.1f} pages/s "
        f"peak RSS: main {me:5.0f} MB, largest reader {child:5.0f} MB, failed {len(report.failed)}"
    )
    return seconds


def from_shell(args: list[str], runs: int = 5) -> float:
    """The best wall time of ``handlingar ARGS`` as a user runs it (a new process each time)."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(["handlingar", *args], capture_output=True, check=True)
        best = min(best, time.perf_counter() - started)
    return best


def unchanged_again(index: Path) -> None:
    """What a weekly routine pays when nothing changed: an unchanged re-ingest from the shell
    (goal: no more than 0.5 s, about a search), beside a search."""
    again = from_shell(["ingest", str(ROOT / "corpus"), "--index", str(index)])
    found = from_shell(["search", "trygghet", "--index", str(index)])
    print(f"unchanged re-ingest from the shell   {again:.2f} s (best of 5; a search: {found:.2f} s)")


def one_more(big: Path, extra: Path, tmp: Path) -> None:
    empty = tmp / "empty-index"
    small = run("one PDF into an empty index", [extra], empty, 1)
    large = run("one PDF into the large index", [extra], big, 1)
    print(f"  ratio large/empty: {large / small:.2f}")


def nlp_rate(folder: Path) -> None:
    from pipeline.extract import nlp
    from pipeline.extract.clean import clean_pages
    from pipeline.models import Part
    from pipeline.read.pdf import read_pages

    pages = []
    for pdf in sorted(folder.glob("*.pdf"))[:40]:
        pages += clean_pages(list(read_pages(pdf, 5000)))
    words = sum(len(p.body.split()) for p in pages)
    cache = Settings().cache_dir
    nlp.warm(None, cache)
    started = time.perf_counter()
    for k in range(0, len(pages), 20):
        nlp.extract_part(Part(0, "other", "", 1, 1), pages[k : k + 20], cache_dir=cache)
    seconds = time.perf_counter() - started
    print(
        f"language stage (one core)          {words:7d} words {seconds:8.1f} s {words / seconds:9.0f} words/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="handlingar-bench-"))
    try:
        run("sample corpus (4 PDFs)", [ROOT / "corpus"], tmp / "sample", args.workers)
        again = run("  again, unchanged", [ROOT / "corpus"], tmp / "sample", args.workers)
        print(f"  (second run {again:.2f} s)")
        unchanged_again(tmp / "sample")
        realworld = ROOT.parent / "shared" / "realworld"
        if realworld.is_dir():
            run("../shared/realworld", [realworld], tmp / "realworld", args.workers)
        generated = tmp / "generated"
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "generate.py"), str(generated), "--pages", str(args.pages)],
            check=True,
        )
        extra = tmp / "extra"
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "generate.py"),
                str(extra),
                "--pages",
                "20",
                "--seed",
                "99",
            ],
            check=True,
        )
        run(f"generated ({args.pages} pages)", [generated], tmp / "big", args.workers)
        one_more(tmp / "big", extra, tmp)
        nlp_rate(generated)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
