"""Server time of `handlingar serve`'s pages, printed (the app and index opened once, as
`serve` does; Flask's test client, so no network in the figures).

python bench/web_bench.py --index DIR [--repeats 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.settings import Settings  # noqa: E402
from pipeline.web.app import create_app  # noqa: E402

PAGES = [
    "/search?q=trygghetsdialog",
    "/search?q=trygghet",
    "/search?q=trygghet&year=2020",
    "/search?q=%22lokal+samverkan%22",
    "/search?q=demokrati*",
    "/quotes?q=skjutningar",
    "/trend?q=trygghet&by=year",
    "/api/search?q=trygghet",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index", type=Path, default=ROOT / "index")
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args()
    started = time.perf_counter()
    client = create_app(Settings(index_dir=args.index)).test_client()
    print(f"app and index opened in {(time.perf_counter() - started) * 1000:.0f} ms")
    for url in PAGES:
        times = []
        for _ in range(args.repeats):
            began = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        print(f"{url:40} p50 {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms")


if __name__ == "__main__":
    main()
