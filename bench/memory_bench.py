"""Peak memory of a whole ingest: the main process and its readers together.

    python bench/memory_bench.py [--memory MB] [--workers N]

Builds a folder with a 300 MB decompression bomb, a 3,000-page PDF and the
sample corpus, runs `handlingar ingest` on it and samples every process of the
run every 20 ms: RSS per process and PSS summed over all of them (PSS shares a
copy-on-write page among the processes that map it, so the sum is the memory
the ingest really holds). Prints the peaks and the ingest's result.
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
sys.path.insert(0, str(ROOT / "tests"))

import pdfgen  # noqa: E402


def children(pid: int) -> list[int]:
    found = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        kids = (task / "children").read_text().split() if (task / "children").exists() else []
        for kid in kids:
            found += children(int(kid))
    return found


def kilobytes(pid: int, key: str, name: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def build(folder: Path) -> None:
    folder.mkdir()
    (folder / "bomb-300mb.pdf").write_bytes(pdfgen.deflate_bomb(300))
    generate = [sys.executable, str(ROOT / "bench" / "generate.py"), str(folder / "long")]
    subprocess.run(
        [*generate, "--pages", "3000", "--pages-per-doc", "3000"],
        check=True,
        capture_output=True,
    )
    for pdf in (ROOT / "corpus").glob("*.pdf"):
        shutil.copy(pdf, folder)


def measure(folder: Path, index: Path, memory: int, workers: int) -> None:
    args = ["handlingar", "ingest", str(folder), "--index", str(index), "--json"]
    args += ["--memory", str(memory), "--workers", str(workers)]
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak_pss = peak_main = peak_reader = 0
    while process.poll() is None:
        pids = children(process.pid)
        peak_pss = max(peak_pss, sum(kilobytes(p, "Pss", "smaps_rollup") for p in pids))
        peak_main = max(peak_main, kilobytes(process.pid, "VmRSS", "status"))
        peak_reader = max([peak_reader] + [kilobytes(p, "VmRSS", "status") for p in pids[1:]])
        time.sleep(0.02)
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    report = json.loads(out) if out.strip() else {}
    print(f"--memory {memory} MB, --workers {workers}: {seconds:.1f} s, exit {process.returncode}")
    print(f"  peak PSS of main + readers together: {peak_pss / 1024:.0f} MB")
    print(f"  peak RSS main {peak_main / 1024:.0f} MB, largest reader {peak_reader / 1024:.0f} MB")
    print(f"  added {report.get('documents_added')} documents, {report.get('pages')} pages")
    for failure in report.get("failed", []):
        print(f"  refused {Path(failure['path']).name}: {failure['error']}")
    if err.strip():
        print("  stderr:", err.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--memory", type=int, default=1024)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        build(folder)
        measure(folder, Path(tmp) / "index", args.memory, args.workers)


if __name__ == "__main__":
    main()
