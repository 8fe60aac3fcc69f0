"""Ingest at scale: 100,000 generated pages with --workers 2, printed as figures.

    python bench/scale_bench.py                      # generates 100,000 pages, then ingests them
    python bench/scale_bench.py --pages 20000        # a smaller run
    python bench/scale_bench.py --pdfs DIR           # ingest a folder generated before

Prints pages/s, the peak memory of the whole ingest (PSS summed over the main process
and its readers, sampled every 200 ms), the bytes the ingest wrote to disk beside the
catalog's and the search index's sizes, the time per page for each tenth of the run (a
flat curve: the cost of a page does not grow with the corpus) and the time of an
unchanged re-ingest of the same folder, from the shell.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from memory_bench import children, kilobytes  # noqa: E402


def child(pdfs: Path, index: Path, workers: int, out_file: Path) -> None:
    """The ingest itself, in this process, so that its own write count can be read."""
    from pipeline.ingest import ingest
    from pipeline.settings import Settings

    started = time.perf_counter()
    marks: list[tuple[float, int]] = []
    report = ingest(
        [pdfs],
        Settings(index_dir=index, workers=workers),
        lambda done, total, name: marks.append((time.perf_counter() - started, done)),
    )
    seconds = time.perf_counter() - started
    io = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
    out: dict[str, object] = {"pages": report.pages, "files": report.documents_added, "seconds": seconds}
    out |= {"written": int(io["write_bytes"]), "marks": marks, "stages": report.seconds}
    out |= {"written_by_stage": report.written}
    out_file.write_text(json.dumps(out))


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def run(pdfs: Path, index: Path, workers: int) -> tuple[dict[str, object], int]:
    """The child's figures and the peak PSS (KB) of its whole process tree."""
    figures = index.parent / "figures.json"
    command = [sys.executable, __file__, "--child", str(pdfs), str(index), str(workers), str(figures)]
    process = subprocess.Popen(command)
    peak = 0
    while process.poll() is None:
        peak = max(peak, sum(kilobytes(pid, "Pss", "smaps_rollup") for pid in children(process.pid)))
        time.sleep(0.2)
    if process.returncode:
        raise SystemExit(f"the ingest failed ({process.returncode})")
    return json.loads(figures.read_text()), peak


def curve(marks: list[tuple[float, int]], pages_per_file: float) -> list[str]:
    lines, step = [], max(1, len(marks) // 10)
    before_t, before_n = 0.0, 0
    for k in range(step - 1, len(marks), step):
        at, done = marks[k]
        per = (at - before_t) / ((done - before_n) * pages_per_file) * 1000
        first, last = before_n * pages_per_file, done * pages_per_file
        lines.append(f"  pages {first:8.0f}-{last:8.0f}: {per:5.2f} ms/page")
        before_t, before_n = at, done
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pdfs", type=Path, help="a folder generated before (bench/generate.py)")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), int(args.child[2]), Path(args.child[3]))
        return
    tmp = Path(tempfile.mkdtemp(prefix="handlingar-scale-"))
    try:
        pdfs = args.pdfs
        if pdfs is None:
            pdfs = tmp / "pdfs"
            generate = [
                sys.executable,
                str(ROOT / "bench" / "generate.py"),
                str(pdfs),
                "--pages",
                str(args.pages),
            ]
            subprocess.run(generate, check=True, capture_output=True)
        index = tmp / "index"
        found, peak = run(pdfs, index, args.workers)
        report(found, peak, index)
        again = ["handlingar", "ingest", str(pdfs), "--index", str(index), "--json"]
        started = time.perf_counter()
        subprocess.run(again, check=True, capture_output=True)
        print(f"unchanged re-ingest of the same folder: {time.perf_counter() - started:.2f} s (wall, shell)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def report(found: dict[str, object], peak_kb: int, index: Path) -> None:
    pages, seconds = int(str(found["pages"])), float(str(found["seconds"]))
    catalog, search = (index / "catalog.sqlite").stat().st_size, folder_bytes(index / "search")
    written = int(str(found["written"]))
    print(f"ingest of {pages} generated pages: {seconds:.1f} s, {pages / seconds:.0f} pages/s")
    print(f"  main-process seconds by stage: {found['stages']}")
    print(f"  peak memory of the whole ingest (PSS, main + readers): {peak_kb / 1024:.0f} MB")
    print(
        f"  written to disk: {written / 1e6:.0f} MB; catalog {catalog / 1e6:.0f} MB, search index"
        f" {search / 1e6:.0f} MB; writes / catalog = {written / catalog:.2f}"
    )
    by_stage: dict[str, int] = found["written_by_stage"]  # type: ignore[assignment]
    dedup = by_stage.get("dedup", 0)
    shown = ", ".join(f"{k} {v / 1e6:.0f} MB" for k, v in sorted(by_stage.items()))
    print(f"  written while in each stage of the main process: {shown}")
    print(f"  dedup's writes / catalog = {dedup / catalog:.2f} (goal: at most 2)")
    marks = [(float(t), int(n)) for t, n in found["marks"]]  # type: ignore[attr-defined]
    print("\n".join(curve(marks, pages / max(1, int(str(found["files"]))))))


if __name__ == "__main__":
    main()
