"""Reading on a Dask cluster against the plain ingest, printed.

    python bench/cluster_bench.py                 # text layers, scans, and the overhead per file
    python bench/cluster_bench.py --skip-scans    # without the OCR runs (they take minutes)

For each set, a fresh index each run: the plain ingest with 1 and 2 readers, then
`--cluster local:1` and `local:2` (a LocalCluster started by the ingest). Pages/s counts the
whole ingest (the cluster's start included) and, beside it, without the start (the time a
LocalCluster of that size takes to start and build the language pipeline on its workers,
measured on its own). The overhead per file: N one-page files, `local:2` less the plain
ingest with 2 readers, the start left out, per file; and a Dask round trip of a task that
does nothing. On a 2-CPU machine, 2 local workers are the machine's two cores: the figures
say what the seam costs, not what 20 machines give.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import pdfgen  # noqa: E402
from pipeline.ingest import ingest  # noqa: E402
from pipeline.settings import Settings  # noqa: E402

SCANS = [
    "protokollsutdrag-2021-05-05-paragraf-24-uppfoljning-program-trygghet-sakerhet.pdf",
    "verksamhetsplan-trygghets-och-delaktighetsberedningen-2020.pdf",
]
RUNS = [
    ("plain, 1 reader", 1, None),
    ("plain, 2 readers", 2, None),
    ("local:1", 1, "local:1"),
    ("local:2", 2, "local:2"),
]


def noop(x: int) -> int:
    return x


def startup(workers: int) -> float:
    """Seconds a LocalCluster of ``workers`` takes to start and warm the language pipeline."""
    import dask
    from distributed import Client, LocalCluster

    from pipeline.extract import nlp

    started = time.perf_counter()
    with dask.config.set({"distributed.worker.daemon": False}):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=":0")
    with cluster, Client(cluster) as client:
        cache = Settings().cache_dir
        client.run(nlp.warm, None, cache)
        return time.perf_counter() - started


def round_trip(tasks: int = 500) -> float:
    """Milliseconds per task of a Dask task that does nothing (submit, run, result), 2 workers."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0") as cluster,
        Client(cluster) as c,
    ):
        c.gather(c.map(noop, range(20)))
        started = time.perf_counter()
        c.gather(c.map(noop, range(tasks)))
        return (time.perf_counter() - started) * 1000 / tasks


def timed(paths: list[Path], workers: int, cluster: str | None, ocr: str) -> tuple[float, int, int]:
    """(seconds, pages, OCR pages) of one ingest into a fresh index."""
    index = Path(tempfile.mkdtemp(prefix="handlingar-cluster-bench-"))
    try:
        settings = Settings(index_dir=index / "index", workers=workers, cluster=cluster, ocr=ocr)
        started = time.perf_counter()
        report = ingest(paths, settings)
        return time.perf_counter() - started, report.pages, report.ocr_pages
    finally:
        shutil.rmtree(index, ignore_errors=True)


def table(label: str, paths: list[Path], ocr: str, starts: dict[int, float]) -> dict[str, float]:
    print(f"\n{label}")
    seconds = {}
    for name, workers, cluster in RUNS:
        took, pages, ocr_pages = timed(paths, workers, cluster, ocr)
        seconds[name] = took
        start = starts[workers] if cluster else 0.0
        net = max(took - start, 1e-3)
        print(
            f"  {name:18} {pages:5d} pages ({ocr_pages:3d} by OCR) {took:7.1f} s {pages / took:7.1f} pages/s"
            + (
                f"  without the cluster's start ({start:.1f} s): {pages / net:7.1f} pages/s"
                if cluster
                else ""
            )
        )
        sys.stdout.flush()
    return seconds


def one_page_files(out: Path, files: int) -> Path:
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "generate.py"),
            str(out),
            "--pages",
            str(files),
            "--pages-per-doc",
            "1",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-scans", action="store_true")
    parser.add_argument("--files", type=int, default=200, help="one-page files for the overhead per file")
    args = parser.parse_args()
    print(f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at the start")
    starts = {n: startup(n) for n in (1, 2)}
    print(f"LocalCluster start, language pipeline built: 1 worker {starts[1]:.1f} s, 2 {starts[2]:.1f} s")
    print(f"Dask round trip of a task that does nothing: {round_trip():.2f} ms")
    texts = [ROOT / "corpus", ROOT.parent / "shared" / "realworld"]
    table(
        "text layers (corpus/ and ../shared/realworld, --ocr never)",
        [p for p in texts if p.exists()],
        "never",
        starts,
    )
    tmp = Path(tempfile.mkdtemp(prefix="handlingar-cluster-bench-files-"))
    try:
        small = one_page_files(tmp / "small", args.files)
        took = table(f"{args.files} one-page files (the overhead per file)", [small], "never", starts)
        for n, readers in ((1, "1 reader"), (2, "2 readers")):
            per_file = (took[f"local:{n}"] - starts[n] - took[f"plain, {readers}"]) * 1000 / args.files
            print(f"  overhead per file, local:{n} against {readers}, the start left out: {per_file:.1f} ms")
        if not args.skip_scans:
            scans = tmp / "scans"
            scans.mkdir()
            for name in SCANS:
                (scans / f"scan-{name}").write_bytes(pdfgen.scanned_copy(str(ROOT / "corpus" / name), 200, 0))
            table("scans (two sample PDFs scanned at 200 dpi, OCR auto)", [scans], "auto", starts)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end (other work on this machine slows every run)")


if __name__ == "__main__":
    main()
