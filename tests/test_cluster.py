"""Reading on a Dask cluster (--cluster): the catalog and the search answers are those of
the same ingest without one, a worker killed while it reads costs nothing, and each page a
scan needs OCR for is a task of its own."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tantivy
from click.testing import CliRunner

import pdfgen
from cli import main
from conftest import CORPUS, PLAN, ROOT, shared_dir
from pipeline.answer.search import search
from pipeline.filters import Filters
from pipeline.ingest import IngestReport, ingest
from pipeline.read.ocr import installed
from pipeline.records import as_json
from pipeline.settings import Settings

QUERIES = ("skola", "trygghet", "budget", '"barn och elever"', "ekonom*", "kommunstyrelsen", "resultat~")
# a row's own id and the part it belongs to are numbers of this catalog: a part is named by its
# document and its place in it instead; times of day are left out
PART = "(SELECT document_id || '#' || seq FROM parts q WHERE q.id = {})"
TABLES = {
    "documents": "id, title, kind, board, year, date, diarienummer, paragraph, party, pages, size,"
    " needs_ocr, indexed, first_paragraph, last_paragraph, reader",
    "paths": "path, document_id, size, mtime, raw",
    "parts": "document_id, seq, kind, title, party, signatories, first_page, last_page, header, chars,"
    f" shingles, {PART.format('t.repeat_of')}, similarity, year",
    "pages": "*",
    "blocks": f'document_id, {PART.format("t.part_id")}, page, start, "end", text',
    "shingles": f"hash, {PART.format('t.part_id')}",
    "shingle_counts": "*",
    "amounts": f'document_id, {PART.format("t.part_id")}, page, start, "end", text, value, qualifier,'
    " sentence, currency, rate, high, table_no, row_label, column_label",
    "speakers": f"document_id, {PART.format('t.part_id')}, page, name, party, role",
    "sections": f"document_id, {PART.format('t.part_id')}, seq, kind, area, number, title, first_page,"
    " last_page, text, decision, statements, diarienummer, proposals, votes, paper, signers",
    "sentences": f'document_id, {PART.format("t.part_id")}, page, start, "end", quotable, people, parties',
    "tables": "document_id, seq, page, unit, caption, columns, rows",
    "failures": "path, error",
}


def sources() -> list[Path]:
    realworld = shared_dir("realworld")
    picked = [
        "malformed/invalid.pdf",
        "malformed/aes-256-r6.pdf",
        "brf/281330_arsredovisning_leksand_brf_stappan.pdf",
    ]
    return [CORPUS, realworld / "nacka", *(realworld / name for name in picked)]


def content(settings: Settings) -> dict[str, list[tuple[Any, ...]]]:
    """Every table of the catalog by content, in a stable order."""
    with sqlite3.connect(settings.catalog_path) as conn:
        return {
            table: sorted(conn.execute(f"SELECT {columns} FROM {table} t").fetchall(), key=repr)
            for table, columns in TABLES.items()
        }


def answers(settings: Settings) -> list[object]:
    """Every hit of each query. Hits of equal score are in the order the index was given
    their blocks (with two readers, the order files were done in, cluster or not): they are
    compared in the order of their place instead."""
    found: list[object] = []
    for query in QUERIES:
        answer: Any = as_json(search(settings, query, Filters(), limit=1000))
        assert answer["total"] == len(answer["hits"]) < 1000
        answer["hits"].sort(key=lambda h: (-h["score"], h["document"], h["page"], h["text"]))
        found.append(answer)
    return found


def index_agrees(settings: Settings) -> None:
    """The search index holds each document's canonical blocks, and an entry for each page
    they are on, once each."""
    canonical = (
        "SELECT d.id, (SELECT count({}) FROM blocks b JOIN parts p ON p.id = b.part_id"
        " WHERE b.document_id = d.id AND p.repeat_of IS NULL) FROM documents d"
    )
    with sqlite3.connect(settings.catalog_path) as conn:
        blocks = dict(conn.execute(canonical.format("*")).fetchall())
        pages = dict(conn.execute(canonical.format("DISTINCT b.page")).fetchall())
        assert conn.execute("SELECT count(*) FROM documents WHERE indexed = 0").fetchone() == (0,)
    for folder, want in ((settings.search_dir, blocks), (settings.search_dir / "pages", pages)):
        ix = tantivy.Index.open(str(folder))
        searcher = ix.searcher()
        held = {doc: _count(searcher, tantivy.Query.term_query(ix.schema, "document", doc)) for doc in want}
        assert held == want, folder
        assert searcher.num_docs == sum(want.values())
    assert sum(blocks.values()) >= 10  # not an empty index agreeing with an empty catalog


def _count(searcher: Any, query: Any) -> int:
    return int(searcher.search(query, 1, count=True).count)


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, IngestReport]:
    settings = Settings(index_dir=tmp_path_factory.mktemp("plain") / "index", workers=2, ocr="never")
    return settings, ingest(sources(), settings)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A LocalCluster of two worker processes under nannies, as `dask worker` starts them;
    readers fork under their budgets, so the workers are not daemonic."""
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set({"distributed.worker.daemon": False}):
        started = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0", memory_limit="2GiB")
    with started, Client(started) as client:
        yield client


@pytest.mark.realworld
def test_a_local_cluster_stores_what_a_plain_ingest_stores(
    plain: tuple[Settings, IngestReport], tmp_path: Path
) -> None:
    settings = Settings(index_dir=tmp_path / "index", ocr="never", cluster="local:2")
    report = ingest(sources(), settings)
    assert (report.files_seen, report.documents_added, report.pages) == (
        plain[1].files_seen,
        plain[1].documents_added,
        plain[1].pages,
    )
    assert sorted(f["path"] for f in report.failed) == sorted(f["path"] for f in plain[1].failed)
    assert report.documents_added >= 10 and len(report.failed) == 2
    assert content(settings) == content(plain[0])
    assert answers(settings) == answers(plain[0])
    assert all(a["total"] for a in answers(settings))  # type: ignore[index]
    index_agrees(settings)


def executing(dask_worker: Any) -> list[str]:
    """The keys a worker is running now (called on each worker by Client.run)."""
    return [str(key) for key, task in dask_worker.state.tasks.items() if task.state == "executing"]


def kill_a_reader(client: Any, running: threading.Thread) -> str | None:
    """Kill the worker process that runs a file's reading task, once one does: the key."""
    pids = client.run(os.getpid)
    while running.is_alive():
        for address, keys in client.run(executing).items():
            reading = [k for k in keys if k.startswith("read-")]
            if reading:
                os.kill(pids[address], signal.SIGKILL)
                return str(reading[0])
        time.sleep(0.005)
    return None


@pytest.mark.realworld
def test_a_worker_killed_while_it_reads_costs_no_file(
    plain: tuple[Settings, IngestReport], cluster: Any, tmp_path: Path
) -> None:
    settings = Settings(index_dir=tmp_path / "index", ocr="never", cluster=cluster.scheduler.address)
    reports: list[IngestReport] = []
    running = threading.Thread(target=lambda: reports.append(ingest(sources(), settings)))
    running.start()
    killed = kill_a_reader(cluster, running)
    running.join(timeout=300)
    assert killed is not None, "no reading task was seen running"
    (report,) = reports
    assert (report.files_seen, report.documents_added, report.pages) == (
        plain[1].files_seen,
        plain[1].documents_added,
        plain[1].pages,
    )
    assert len(report.failed) == len(plain[1].failed)
    assert content(settings) == content(plain[0])  # every document once, as without a cluster
    index_agrees(settings)
    cluster.wait_for_workers(2, timeout=60)  # the nanny started the killed worker again


def stored(catalog: Path) -> int:
    try:
        with sqlite3.connect(f"file:{catalog}?mode=ro", uri=True) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:  # not made yet
        return 0


@pytest.mark.realworld
def test_the_next_ingest_finishes_what_a_killed_main_process_began(
    plain: tuple[Settings, IngestReport], tmp_path: Path
) -> None:
    settings = Settings(index_dir=tmp_path / "index", ocr="never", cluster="local:2")
    args = [
        "ingest",
        *map(str, sources()),
        "--index",
        str(settings.index_dir),
        "--ocr",
        "never",
        "--cluster",
        "local:2",
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), *args], env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while stored(settings.catalog_path) < 1 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    run.kill()
    assert run.wait() == -signal.SIGKILL  # killed, not done
    assert stored(settings.catalog_path) >= 1  # it had begun storing
    ingest(sources(), settings)
    assert content(settings) == content(plain[0])
    index_agrees(settings)


def test_a_daemonic_worker_reads_in_itself(tmp_path: Path) -> None:
    """Workers under Dask's default nannies may not fork: each task reads in the worker."""
    from distributed import LocalCluster

    alone = Settings(index_dir=tmp_path / "alone", ocr="never")
    ingest([CORPUS], alone)
    with LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=":0") as daemonic:
        settings = Settings(index_dir=tmp_path / "cluster", ocr="never", cluster=daemonic.scheduler_address)
        report = ingest([CORPUS], settings)
    assert (report.documents_added, report.pages, report.failed) == (4, 33, [])
    assert content(settings) == content(alone)


@pytest.mark.realworld
@pytest.mark.ocr
@pytest.mark.skipif(not installed(), reason="Tesseract with Swedish is not installed (make system)")
def test_each_scanned_page_is_an_ocr_task_of_its_own(cluster: Any, tmp_path: Path) -> None:
    from distributed import get_task_stream

    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / f"scan-{PLAN}").write_bytes(pdfgen.scanned_copy(str(CORPUS / PLAN), 200, 0))
    alone = Settings(index_dir=tmp_path / "alone", workers=2)
    by_cluster = Settings(index_dir=tmp_path / "cluster", cluster=cluster.scheduler.address, shared_path=True)
    with get_task_stream(cluster) as stream:
        report = ingest([folder], by_cluster)
    ran = [t for t in stream.data if str(t["key"]).startswith("ocr-")]
    assert report.ocr_pages == 5 and len(ran) == 5  # the plan's five pages
    assert len({t["worker"] for t in ran}) == 2  # one scan spread over both workers
    assert (by_cluster.index_dir / "ocr-cache").is_dir()  # a shared path: the index's own cache
    ingest([folder], alone)
    assert content(by_cluster) == content(alone)
    assert answers(by_cluster) == answers(alone)
    index_agrees(by_cluster)


@pytest.mark.parametrize("spec", ["lokal:2", "local:0", "tcp://värd", "127.0.0.1:8786"])
def test_a_cluster_that_is_no_address_is_a_usage_error(spec: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["ingest", str(CORPUS), "--index", str(tmp_path / "ix"), "--cluster", spec]
    )
    assert result.exit_code == 2 and "är varken tcp://VÄRD:PORT eller local[:N]" in result.output
    assert not (tmp_path / "ix").exists()


def test_the_time_budget_holds_on_a_worker(tmp_path: Path) -> None:
    """A file over --timeout on a worker is one line, as without a cluster."""
    from conftest import MINUTES_2022

    folder = tmp_path / "pdfs"
    folder.mkdir()
    (folder / MINUTES_2022).write_bytes((CORPUS / MINUTES_2022).read_bytes())  # 19 pages: not read in 10 ms
    settings = Settings(index_dir=tmp_path / "index", ocr="never", cluster="local:1", timeout_s=0.01)
    report = ingest([folder], settings)
    assert report.failed == [
        {
            "path": str(folder / MINUTES_2022),
            "error": "över tids- eller minnesbudgeten (över tidsbudgeten på 0.01 s)",
        }
    ]
