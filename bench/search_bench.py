"""Search latency by query type, in-process and from the shell, printed.

python bench/search_bench.py --pages 20000        # generates, ingests, then measures
python bench/search_bench.py --index DIR           # measures an existing index
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.answer.opened import Opened  # noqa: E402
from pipeline.answer.search import search  # noqa: E402
from pipeline.filters import Filters  # noqa: E402
from pipeline.settings import Settings  # noqa: E402

QUERIES: dict[str, list[tuple[str, Filters]]] = {
    "term": [
        (q, Filters()) for q in ("trygghetsdialog", "valdeltagande", "skjutningar", "klotter", "segregation")
    ],
    "phrase": [(q, Filters()) for q in ('"lokal samverkan"', '"nationella minoriteter"', '"ökad trygghet"')],
    "boolean": [
        (q, Filters())
        for q in (
            "valdeltagande AND NOT pandemin",
            "trygghet OR delaktighet",
            "(kameror OR trygghetskameror) AND skolor",
        )
    ],
    "filter": [
        ("trygghet", Filters(years=(2015, 2020))),
        ("demokrati", Filters(kind="verksamhetsplan")),
        ("valdeltagande", Filters(party="V")),
    ],
    "prefix": [(q, Filters()) for q in ("demokrati*", "trygghets*", "val*")],
    "fuzzy": [(q, Filters()) for q in ("trygghetskamrorna~", "segregaton~", "valdeltagandet~")],
}


def describe(settings: Settings) -> None:
    with sqlite3.connect(settings.catalog_path) as conn:
        pages, blocks = conn.execute(
            "SELECT (SELECT COUNT(*) FROM pages), (SELECT COUNT(*) FROM blocks)"
        ).fetchone()
    size = sum(f.stat().st_size for f in settings.search_dir.rglob("*") if f.is_file())
    print(f"index: {pages} pages, {blocks} blocks, full-text index {size / 1e6:.0f} MB")


def measure(settings: Settings, repeats: int) -> None:
    describe(settings)
    kept = Opened.of(settings)
    for held, label in ((None, "each search opens the index"), (kept, "index held open (as serve)")):
        print(label)
        _latencies(settings, repeats, held)
    kept.close()
    _shell(settings)


def _latencies(settings: Settings, repeats: int, kept: Opened | None) -> None:
    for kind, queries in QUERIES.items():
        times = []
        for _ in range(repeats):
            for text, filters in queries:
                started = time.perf_counter()
                result = search(settings, text, filters, limit=10, kept=kept)
                times.append((time.perf_counter() - started) * 1000)
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        print(
            f"{kind:8} p50 {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms  max {times[-1]:7.1f} ms"
            f"  (last total {result.total})"
        )


def _shell(settings: Settings) -> None:
    walls = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run(
            ["handlingar", "search", "trygghetsdialog", "--index", str(settings.index_dir)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        walls.append(time.perf_counter() - started)
    print(
        f"handlingar search from the shell: median {statistics.median(walls):.2f} s, max {max(walls):.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index", type=Path)
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args()
    index_dir = args.index
    if index_dir is None:
        tmp = Path(tempfile.mkdtemp(prefix="handlingar-search-bench-"))
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "generate.py"),
                str(tmp / "pdfs"),
                "--pages",
                str(args.pages),
            ],
            check=True,
        )
        started = time.perf_counter()
        subprocess.run(
            ["handlingar", "ingest", str(tmp / "pdfs"), "--index", str(tmp / "index"), "--json"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"ingested {args.pages} pages in {time.perf_counter() - started:.0f} s")
        index_dir = tmp / "index"
    measure(Settings(index_dir=index_dir), args.repeats)


if __name__ == "__main__":
    main()
