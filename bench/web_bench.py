"""Server time of `handlingar serve`'s pages, printed.

python bench/web_bench.py --index DIR [--repeats 10]
    each page in turn, the app and index opened once, as `serve` does (Flask's test client,
    so no network in the figures)
python bench/web_bench.py --index DIR --load 8 [--requests 50] [--seconds 120] [--threads 4]
    load: `handlingar serve` started on a free port of 127.0.0.1 and N clients at once, each
    asking the pages in turn over one kept-alive connection until it has made --requests or
    --seconds have passed; prints errors, requests/s and p50/p95 of every page, then stops
    the server. Exits 1 if any request failed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import subprocess
import sys
import threading
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
Timed = tuple[str, int, float]  # page, status (0: no answer), ms


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[int(0.95 * (len(ordered) - 1))]


def one_by_one(index: Path, repeats: int, pages: list[str]) -> None:
    started = time.perf_counter()
    client = create_app(Settings(index_dir=index)).test_client()
    print(f"app and index opened in {(time.perf_counter() - started) * 1000:.0f} ms")
    for url in pages:
        times = []
        for _ in range(repeats):
            began = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - began) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        print(f"{url:40} p50 {statistics.median(times):7.1f} ms  p95 {p95(times):7.1f} ms")


def start_server(index: Path, threads: int) -> tuple[subprocess.Popen[str], int]:
    command = ["handlingar", "serve", "--index", str(index), "--port", "0", "--json"]
    server = subprocess.Popen([*command, "--threads", str(threads)], stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    lines: list[str] = []
    while not lines or lines[-1].strip() != "}":
        line = server.stdout.readline()
        if not line:
            sys.exit("serve did not start")
        lines.append(line)
    return server, int(json.loads("".join(lines))["url"].rsplit(":", 1)[1].strip("/"))


def client(port: int, first: int, count: int, until: float, pages: list[str], out: list[Timed]) -> None:
    """One person: the pages in turn from the ``first``, ``count`` requests or until ``until``."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for n in range(count):
        if time.monotonic() > until:
            break
        page = pages[(first + n) % len(pages)]
        began = time.perf_counter()
        try:
            conn.request("GET", page)
            answer = conn.getresponse()
            answer.read()
            status = answer.status
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            status = 0
        out.append((page, status, (time.perf_counter() - began) * 1000))
    conn.close()


def load(index: Path, clients: int, requests: int, seconds: float, threads: int, pages: list[str]) -> int:
    server, port = start_server(index, threads)
    try:
        client(port, 0, len(pages), time.monotonic() + 60, pages, [])  # warm: each page once, not timed
        timed: list[Timed] = []
        until = time.monotonic() + seconds
        people = [
            threading.Thread(target=client, args=(port, n, requests, until, pages, timed))
            for n in range(clients)
        ]
        began = time.perf_counter()
        for person in people:
            person.start()
        for person in people:
            person.join()
        wall = time.perf_counter() - began
    finally:
        server.terminate()
        server.wait(30)
    return report(timed, clients, wall, threads)


def report(timed: list[Timed], clients: int, wall: float, threads: int) -> int:
    errors = [t for t in timed if t[1] != 200]
    print(
        f"{clients} clients at once, server --threads {threads}: {len(timed)} requests in {wall:.1f} s"
        f" ({len(timed) / wall:.1f}/s), {len(errors)} errors"
        + (f" (statuses {sorted({t[1] for t in errors})})" if errors else "")
    )
    every = [t[2] for t in timed]
    median, most = statistics.median(every), max(every)
    print(f"{'all pages':40} p50 {median:7.1f} ms  p95 {p95(every):7.1f} ms  max {most:.0f} ms")
    for page in dict.fromkeys(t[0] for t in timed):
        times = [t[2] for t in timed if t[0] == page]
        print(f"{page:40} p50 {statistics.median(times):7.1f} ms  p95 {p95(times):7.1f} ms  ({len(times)})")
    return 1 if errors else 0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--index", type=Path, default=ROOT / "index")
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument(
        "--load", type=int, default=0, metavar="N", help="N clients at once against the server"
    )
    parser.add_argument("--requests", type=int, default=50, help="requests per client (load)")
    parser.add_argument("--seconds", type=float, default=120.0, help="the load stops after this long")
    parser.add_argument("--threads", type=int, default=4, help="the server's --threads (load)")
    parser.add_argument("--page", action="append", help="a page to ask instead of the default ones")
    args = parser.parse_args()
    pages = args.page or PAGES
    if not args.load:
        one_by_one(args.index, args.repeats, pages)
        return
    sys.exit(load(args.index, args.load, args.requests, args.seconds, args.threads, pages))


if __name__ == "__main__":
    main()
