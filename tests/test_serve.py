"""`handlingar serve` for several people at once: requests answered in parallel by threads
that each hold their own catalog and index, an ingest made while it runs found by the next
request, and an answer over the time limit cut off with a 503 in Swedish."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from conftest import CORPUS, PLAN, V_STATEMENT
from pipeline.answer.opened import Opened, PerThread
from pipeline.filters import Filters
from pipeline.ingest import IngestReport, ingest
from pipeline.settings import Settings
from pipeline.web.server import Deadline
from serving import request, serving

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

Corpus = tuple[Settings, IngestReport]


def totals(url: str, path: str, clients: int = 8) -> list[int]:
    """The total of /api/search asked by ``clients`` people at once."""
    with ThreadPoolExecutor(clients) as pool:
        answers = list(pool.map(lambda _: request(url, path), range(clients)))
    assert [a.status for a in answers] == [200] * clients
    return [int(a.json()["total"]) for a in answers]  # type: ignore[index]


def test_an_ingest_while_serving_is_found_by_the_next_request(tmp_path: Path) -> None:
    index = tmp_path / "index"
    ingest([CORPUS / PLAN], Settings(index_dir=index))
    with serving(index, "--threads", "4") as url:
        assert totals(url, "/api/search?q=vapen") == [0] * 8  # 'vapen' is in the V statement only
        added = subprocess.run(
            ["handlingar", "ingest", str(CORPUS / V_STATEMENT), "--index", str(index)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert added.returncode == 0, added.stderr
        assert totals(url, "/api/search?q=vapen") == [1] * 8  # every thread opened the index again
        documents = request(url, "/api/documents").json()
        assert isinstance(documents, list) and len(documents) == 2
        assert "protokollsanteckning" in request(url, "/search?q=vapen").text


def test_each_thread_holds_its_own_catalog_until_an_ingest(tmp_path: Path) -> None:
    settings = Settings(index_dir=tmp_path / "index")
    ingest([CORPUS / PLAN], settings)
    held, seen, together = PerThread(settings), list[Opened](), threading.Barrier(3)

    def answer() -> None:
        seen.append(held.now())
        assert held.now() is seen[-1]  # the same thread again: the same connection
        together.wait(30)  # all three alive at once: no thread hands its Opened on

    threads = [threading.Thread(target=answer) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len({id(o) for o in seen}) == 3 and len({id(o.catalog.conn) for o in seen}) == 3
    mine = held.now()
    assert mine.reader.search("vapen", Filters(), 10, 0)[0] == 0
    ingest([CORPUS / V_STATEMENT], settings)
    again = held.now()
    assert again is not mine and again.reader.search("vapen", Filters(), 10, 0)[0] == 1


def test_an_answer_over_the_time_limit_is_a_503_in_swedish(corpus_index: Corpus) -> None:
    with serving(corpus_index[0].index_dir, "--time-limit", "0.001") as url:
        page = request(url, "/quotes?q=trygghet")
        assert page.status == 503 and "Svaret tog längre än 0,001 s" in page.text
        assert page.headers["Retry-After"] == "10"
        api = request(url, "/api/quotes?q=trygghet")
        assert api.status == 503 and "Svaret tog längre än" in str(api.json())


def test_the_time_limit_frees_the_server_and_drops_what_never_started() -> None:
    ran: list[str] = []

    def slow(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        path = str(environ["PATH_INFO"])
        ran.append(path)
        if path == "/slow":
            time.sleep(1.0)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [path.encode()]

    deadline = Deadline(slow, 0.3, 1)
    began = time.perf_counter()
    assert _call(deadline, "/slow")[0].startswith("503")
    assert _call(deadline, "/queued")[0].startswith("503")  # waited behind /slow on the one thread
    assert time.perf_counter() - began < 0.9  # each gave up at the limit, neither waited for the other
    time.sleep(1.0)
    assert _call(deadline, "/fast") == ("200 OK", b"/fast")
    assert ran == ["/slow", "/fast"]  # /queued was cancelled before it started


def _call(app: Deadline, path: str) -> tuple[str, bytes]:
    status: list[str] = []

    def start_response(code: str, headers: list[tuple[str, str]], exc_info: object = None) -> object:
        status.append(code)
        return None

    body = b"".join(app({"PATH_INFO": path}, start_response))  # type: ignore[arg-type]
    return status[0], body
