"""How the catalog, the search index and query latency grow with the corpus, printed
(docs/scale.md extrapolates from these figures).

    python bench/growth_bench.py                          # 10,000, 30,000 and 100,000 generated pages
    python bench/growth_bench.py --steps 5000 20000       # smaller steps

The pages are generated once (bench/generate.py), in folders of 10,000, and ingested into
one index a step at a time (a step's ingest reads only the new folders); after each step:
catalog and full-text index bytes per page, and the p50/p95 of each query kind of
bench/search_bench.py with the index held open, as `handlingar serve` holds it.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from search_bench import QUERIES  # noqa: E402

from pipeline.answer.opened import Opened  # noqa: E402
from pipeline.answer.search import search  # noqa: E402
from pipeline.ingest import ingest  # noqa: E402
from pipeline.settings import Settings  # noqa: E402

FOLDER_PAGES = 10_000


def folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def generate(out: Path, pages: int, seed: int) -> None:
    script = str(ROOT / "bench" / "generate.py")
    subprocess.run([sys.executable, script, str(out), "--pages", str(pages), "--seed", str(seed)], check=True)


def latencies(settings: Settings, repeats: int) -> dict[str, tuple[float, float]]:
    """(p50, p95) in ms of each query kind, the index held open."""
    kept = Opened.of(settings)
    found = {}
    try:
        for kind, queries in QUERIES.items():
            times = []
            for _ in range(repeats):
                for text, filters in queries:
                    started = time.perf_counter()
                    search(settings, text, filters, limit=10, kept=kept)
                    times.append((time.perf_counter() - started) * 1000)
            times.sort()
            found[kind] = (statistics.median(times), times[int(0.95 * (len(times) - 1))])
    finally:
        kept.close()
    return found


def step(settings: Settings, folders: list[Path], repeats: int) -> None:
    started = time.perf_counter()
    report = ingest(folders, settings)
    seconds = time.perf_counter() - started
    with sqlite3.connect(settings.catalog_path) as conn:
        pages, blocks = conn.execute(
            "SELECT (SELECT COUNT(*) FROM pages), (SELECT COUNT(*) FROM blocks)"
        ).fetchone()
    catalog = settings.catalog_path.stat().st_size
    index = folder_bytes(settings.search_dir)
    print(
        f"{pages:7d} pages {blocks:7d} blocks: +{report.pages} pages in {seconds:.0f} s;"
        f" catalog {catalog / 1e6:7.1f} MB ({catalog / pages:6.0f} B/page),"
        f" index {index / 1e6:6.1f} MB ({index / pages:5.0f} B/page)"
    )
    for kind, (p50, p95) in latencies(settings, repeats).items():
        print(f"    {kind:8} p50 {p50:6.1f} ms  p95 {p95:6.1f} ms")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--keep", action="store_true", help="keep the generated PDFs and the index")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="handlingar-growth-"))
    settings = Settings(index_dir=tmp / "index", workers=2)
    folders: list[Path] = []
    try:
        for target in args.steps:
            while len(folders) * FOLDER_PAGES < target:
                folder = tmp / f"pdfs-{len(folders):02d}"
                generate(folder, min(FOLDER_PAGES, target - len(folders) * FOLDER_PAGES), len(folders) + 1)
                folders.append(folder)
            step(settings, folders, args.repeats)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
