"""Damaged stores, odd names, hostile text and bad options: each case ends in one
clear line or a right answer, never a traceback or a wrong answer (issue 12)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from conftest import CORPUS, FIXTURES, MINUTES_2021, PLAN, V_STATEMENT
from pipeline.answer.quotes import quotes
from pipeline.answer.search import search
from pipeline.errors import CatalogDamaged, HandlingarError, QueryError
from pipeline.extract.nlp import extract_part
from pipeline.extract.passages import chunks
from pipeline.filters import Filters
from pipeline.ingest import ingest
from pipeline.models import Page, Part
from pipeline.output.formats import md_text, printable, to_csv, to_markdown
from pipeline.output.views import Cell, Column
from pipeline.settings import Settings
from pipeline.store.query import parse
from pipeline.store.reads import CatalogReader


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["handlingar", *args], capture_output=True, text=True, env={**os.environ, **(env or {})}, check=False
    )


def fresh(tmp_path: Path, *names: str) -> Settings:
    settings = Settings(index_dir=tmp_path / "index")
    ingest([CORPUS / n for n in names] or [CORPUS], settings)
    return settings


# 1. A search index that no longer matches the catalog is never trusted.


def test_an_index_left_beside_a_deleted_catalog_is_rebuilt(tmp_path: Path) -> None:
    settings = fresh(tmp_path)
    assert search(settings, "trygghetsdialog", Filters()).total == 3
    for path in settings.index_dir.glob("catalog.sqlite*"):
        path.unlink()
    report = ingest([CORPUS], settings)
    assert report.documents_added == 4
    assert search(settings, "trygghetsdialog", Filters()).total == 3  # not 6


def test_an_index_of_other_files_is_not_read_as_this_catalogs(tmp_path: Path) -> None:
    settings = fresh(tmp_path, V_STATEMENT)
    for path in settings.index_dir.glob("catalog.sqlite*"):
        path.unlink()
    ingest([CORPUS / PLAN], settings)
    assert search(settings, "borgerliga", Filters()).total == 0  # only in the V statement, not ingested now
    hits = search(settings, "trygghetsdialog", Filters()).hits
    assert hits and all(Path(h["path"]).name == PLAN for h in hits)


def test_a_reader_refuses_an_index_made_for_another_catalog(tmp_path: Path) -> None:
    settings = fresh(tmp_path, PLAN)
    (settings.search_dir / "handlingar-generation").write_text("another")
    with pytest.raises(HandlingarError, match="hör till en annan katalog"):
        search(settings, "trygghetsdialog", Filters())


# 2. Between a killed ingest and the next, search says the index is behind.


def test_search_says_when_the_index_is_behind_the_catalog(tmp_path: Path) -> None:
    settings = fresh(tmp_path, PLAN)
    with sqlite3.connect(settings.catalog_path) as conn:
        conn.execute("UPDATE documents SET indexed = 0")  # as a kill between store and commit leaves it
    result = run("search", "trygghetsdialog", "--index", str(settings.index_dir))
    assert result.returncode == 0 and "finns inte i sökindexet än" in result.stderr
    assert search(settings, "trygghetsdialog", Filters()).unindexed == 1


# 3. A file name that is not UTF-8 is ingested; the batch goes on.


def test_a_file_name_that_is_not_utf8_is_ingested(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    odd = os.fsdecode(bytes(folder) + b"/protokoll-caf\xe9.pdf")
    shutil.copy(CORPUS / PLAN, odd)
    shutil.copy(CORPUS / MINUTES_2021, folder)
    settings = Settings(index_dir=tmp_path / "index")
    report = ingest([folder], settings)
    assert (report.documents_added, report.failed) == (2, [])
    again = ingest([folder], settings)
    assert again.documents_unchanged == 2
    listed = run("documents", "--index", str(settings.index_dir), "--json")
    assert listed.returncode == 0 and "protokoll-caf\\\\xe9.pdf" in listed.stdout
    with sqlite3.connect(settings.catalog_path) as conn:
        raw = conn.execute("SELECT raw FROM paths WHERE path LIKE '%caf%'").fetchone()[0]
    assert raw.endswith(b"protokoll-caf\xe9.pdf")  # the exact bytes, for the file system


# 4. A part longer than spaCy's max_length is read in chunks.


def test_a_part_longer_than_spacys_limit_is_read_in_chunks() -> None:
    body = "Nämnden har avsatt 500 000 kr för arbetet under året. " * 20
    pages = [Page(n, body, "") for n in range(1, 1101)]  # 1.1 M characters
    last = Page(1101, "Till sist beslutades 11,5 mnkr för trygghetskameror.", "")
    pages.append(last)
    found = extract_part(
        Part(0, "verksamhetsberättelse", "Rapport", 1, 1101), pages, cache_dir=Settings().cache_dir
    )
    assert len(found.amounts) == 1100 * 20 + 1
    assert found.amounts[-1].page == 1101 and found.amounts[-1].text == "11,5 mnkr"
    assert len(found.sentences) == 1100 * 20 + 1
    assert all(sum(len(p.body) for p in c) <= 200_000 for c in chunks(pages))


def test_chunks_end_where_a_page_ends_a_sentence() -> None:
    pages = [Page(n, "x" * 900 + ("." if n % 3 == 0 else " och"), "") for n in range(1, 31)]
    cut = [c[-1].number for c in chunks(pages, size=5_000)]
    assert all(n % 3 == 0 for n in cut[:-1]) and cut[-1] == 30


# 5. A damaged search index: one line, and the next ingest rebuilds it.


@pytest.mark.parametrize("damage", ["meta.json", "segment", "term"])
def test_a_damaged_search_index_is_one_line_then_rebuilt(tmp_path: Path, damage: str) -> None:
    settings = fresh(tmp_path, PLAN)
    folder = settings.search_dir
    if damage == "meta.json":
        (folder / "meta.json").write_text("garbage")
    elif damage == "segment":
        next(folder.glob("*.idx")).unlink()
    else:
        term = next(folder.glob("*.term"))
        term.write_bytes(term.read_bytes()[:100])
    for command in (["search", "trygghetsdialog"], ["quotes", "trygghetsdialog"]):
        result = run(*command, "--index", str(settings.index_dir))
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "är skadat" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    report = ingest([CORPUS / PLAN], settings)
    assert report.index_rebuilt and "skadat" in report.index_rebuilt
    assert search(settings, "trygghetsdialog", Filters()).total > 0


# 6. A damaged catalog: one line naming the file and what to do.


def _damage(path: Path, how: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    if how == "header":
        data[:100] = b"\x07" * 100
    elif how == "half":
        data = data[: len(data) // 2]
    else:
        middle = len(data) // 2
        data[middle : middle + 8192] = b"\xa5" * 8192
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["header", "half", "middle"])
def test_a_damaged_catalog_is_one_clear_line(tmp_path: Path, how: str) -> None:
    settings = fresh(tmp_path)
    _damage(settings.catalog_path, how)
    commands = [["search", "trygghetsdialog"], ["quotes", "vapen"], ["documents"], ["amounts"], ["speakers"]]
    commands += [["compare", "--plan", "2020", "--report", "2021"], ["ingest", str(CORPUS)]]
    for command in commands:
        result = run(*command, "--index", str(settings.index_dir))
        assert "Traceback" not in result.stderr, (command, result.stderr)
        if result.returncode:
            assert "catalog.sqlite är skadad" in result.stderr and "ny --index-mapp" in result.stderr
    if how != "middle":  # the middle pages may hold nothing a command reads
        with pytest.raises(CatalogDamaged):
            search(settings, "trygghetsdialog", Filters())


def test_a_damaged_page_row_is_not_quoted_and_nothing_breaks(tmp_path: Path) -> None:
    settings = fresh(tmp_path, V_STATEMENT)
    assert quotes(settings, "vapen", Filters())
    with sqlite3.connect(settings.catalog_path) as conn:
        conn.execute("UPDATE pages SET body = X'00ff10' WHERE number = 4")
    assert quotes(settings, "vapen", Filters()) == []


# 7. A read-only index is searched; ingest says it needs a writable folder.


def test_readers_open_the_catalog_read_only(tmp_path: Path) -> None:

    settings = fresh(tmp_path, PLAN)
    with (
        CatalogReader.open(settings.catalog_path) as catalog,
        pytest.raises(sqlite3.OperationalError, match="readonly"),
    ):
        catalog.conn.execute("DELETE FROM documents")


def test_an_index_on_a_read_only_disk_is_searched(tmp_path: Path) -> None:
    settings = fresh(tmp_path, PLAN)
    folder = str(settings.index_dir)
    script = (
        f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && touch {folder}/x 2>/dev/null"
        f" && exit 9; handlingar search trygghetsdialog --index {folder} --limit 0 &&"
        f" handlingar quotes trygghetsdialog --index {folder} --json > /dev/null &&"
        f" handlingar ingest {CORPUS / PLAN} --index {folder}"
    )
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    if probe.returncode:
        pytest.skip("no private mount namespace here to make a read-only disk")
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("1 träff för 'trygghetsdialog'")
    assert "inläsning behöver en mapp du kan skriva i" in result.stderr and "Traceback" not in result.stderr


# 8-10. Limits, nesting and options.


def test_huge_limits_and_offsets_are_harmless(tmp_path: Path) -> None:
    folder = str(fresh(tmp_path, PLAN).index_dir)
    for args in (["--limit", "2000000000"], ["--offset", "1000000000000"], ["--limit", str(10**20)]):
        result = run("search", "trygghetsdialog", *args, "--index", folder, "--json")
        assert result.returncode == 0, result.stderr
    assert run("search", "x", "--limit", "1e20", "--index", folder).returncode == 2


def test_deeply_nested_queries_are_refused_in_one_line() -> None:
    from pipeline.extract.lexicon import Lexicon
    from pipeline.store.index import Analyzer

    analyzer = Analyzer(Lexicon(Settings().cache_dir))
    for text in ("(" * 400 + "x" + ")" * 400, "NOT " * 1000 + "x"):
        with pytest.raises(QueryError, match="i varandra") as caught:
            parse(text, analyzer)
        assert len(str(caught.value)) < 200
    assert parse("(" * 30 + "x" + ")" * 30, analyzer)


@pytest.mark.parametrize("option", [["--workers", "0"], ["--timeout", "-5"], ["--memory", "1"]])
def test_bad_ingest_options_are_usage_errors(tmp_path: Path, option: list[str]) -> None:
    result = CliRunner().invoke(main, ["ingest", str(CORPUS), "--index", str(tmp_path / "ix"), *option])
    assert result.exit_code == 2 and "Ogiltigt värde" in result.output
    assert not (tmp_path / "ix").exists()


# 11. Two ingests on a new index: the loser is told, never crashes.


def test_two_ingests_on_a_new_index(tmp_path: Path) -> None:
    folder = str(tmp_path / "new")
    results: list[subprocess.CompletedProcess[str]] = []
    threads = [
        threading.Thread(target=lambda: results.append(run("ingest", str(CORPUS), "--index", folder)))
        for _ in range(2)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.returncode for r in results) in ([0, 0], [0, 1])
    for r in results:
        assert "Traceback" not in r.stderr
        assert r.returncode == 0 or "låst av en annan inläsning" in r.stderr
    assert search(Settings(index_dir=Path(folder)), "trygghetsdialog", Filters()).total == 3


# 12. A terminal that is not UTF-8.


@pytest.mark.parametrize(
    "env",
    [{"PYTHONIOENCODING": "latin-1"}, {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}],
)
def test_a_terminal_that_is_not_utf8(tmp_path: Path, env: dict[str, str]) -> None:
    folder = str(fresh(tmp_path, MINUTES_2021).index_dir)
    for command in (["search", "säkerhet"], ["quotes", "säkerhet"], ["quotes", "säkerhet", "--format", "md"]):
        result = subprocess.run(
            ["handlingar", *command, "--index", folder],
            capture_output=True,
            env={**os.environ, **env},
            check=False,
        )
        assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr
    found = subprocess.run(
        ["handlingar", "search", "säkerhet", "--index", folder, "--json"],
        capture_output=True,
        env={**os.environ, **env},
        check=False,
    )
    assert b'"total": 0' not in found.stdout and "kan inte köra frågan".encode() not in found.stderr


# 13-15. Output a reader can trust.


def _keys(*names: str) -> list[Column[dict[str, Cell]]]:
    """A view of plain rows: one column per key."""
    return [Column(n, lambda row, n=n: row[n]) for n in names]  # type: ignore[misc]


def test_csv_cells_that_would_be_formulas_are_neutralised() -> None:
    rows: list[dict[str, Cell]] = [
        {"a": '=HYPERLINK("http://x")', "b": "+1", "c": "-2 kr", "d": "@SUM(A1)", "e": 500, "f": "\tx"}
    ]
    written = to_csv(rows, _keys("a", "b", "c", "d", "e", "f")).splitlines()[1]
    assert written == '"\'=HYPERLINK(""http://x"")",\'+1,\'-2 kr,\'@SUM(A1),500,\'\tx'


def test_html_and_control_characters_are_escaped() -> None:
    hostile = '<script>alert(1)</script><img src=x onerror="y"> \x1b]0;owned\x07'
    row: dict[str, Cell] = {"t": hostile}
    md = to_markdown([row], _keys("t"))
    assert "<script>" not in md and "<img" not in md and "\x1b" not in md and "\x07" not in md
    assert "&lt;script&gt;" in md and "\\x1b]0;owned\\x07" in md
    assert md_text("a & b") == "a &amp; b" and printable("ok\nok\ttab") == "ok\nok\ttab"


def test_a_terminal_title_sequence_in_a_file_name_reaches_no_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPUS / PLAN, folder / "plan\x1b]0;owned\x07.pdf")
    index = str(tmp_path / "index")
    ingest([folder], Settings(index_dir=Path(index)))
    for command in (
        ["search", "trygghetsdialog"],
        ["quotes", "trygghetsdialog"],
        ["documents", "--format", "md"],
    ):
        out = run(*command, "--index", index).stdout
        assert "\x1b]0;" not in out and "\x07" not in out


def test_no_color_is_honoured_on_a_terminal(tmp_path: Path) -> None:
    import pty

    index = str(fresh(tmp_path, PLAN).index_dir)

    def screen(env: dict[str, str]) -> bytes:
        pid, fd = pty.fork()
        if pid == 0:
            os.execvpe("handlingar", ["handlingar", "search", "trygghetsdialog", "--index", index], env)
        chunks = []
        try:
            while data := os.read(fd, 4096):
                chunks.append(data)
        except OSError:
            pass
        os.waitpid(pid, 0)
        return b"".join(chunks)

    plain = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    assert b"\x1b[1;33m" in screen({**plain, "TERM": "xterm"})  # bold yellow marks on a terminal
    muted = screen({**plain, "TERM": "xterm", "NO_COLOR": "1"})
    assert b"\x1b[33" not in muted and b"\x1b[1;33m" not in muted and b"trygghetsdialog" in muted.lower()


# 16. Not a regular file.


def test_a_fifo_named_on_the_command_line_is_said_to_be_one(tmp_path: Path) -> None:
    fifo = tmp_path / "y.pdf"
    os.mkfifo(fifo)
    report = ingest([fifo, FIXTURES / "text-page-swedish.pdf"], Settings(index_dir=tmp_path / "ix"))
    assert report.failed == [{"path": str(fifo), "error": "ingen vanlig fil (ett namngivet rör (FIFO))"}]
    assert report.documents_added == 1
