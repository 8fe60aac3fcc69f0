"""Watches across ingests, through the command line on real PDFs and a real index: a new
document makes news once, an unchanged re-ingest, a re-read or a rebuilt search index none; a
removed document's hits are not news; watches survive ingest, names are unique, and the web
page shows news without marking them seen."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cli import main
from conftest import CORPUS, PLAN, V_STATEMENT
from pipeline.answer.watches import news, statement_key
from pipeline.records import PersonEntry, StatementEntry
from pipeline.settings import Settings
from pipeline.store import schema
from pipeline.web.app import create_app

V_DOC = "1b2179051b"  # the V protokollsanteckning's document id starts so


def cli(index: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, [*args, "--index", str(index)])
    assert result.exit_code == code, (args, result.output)
    return result.stdout if code == 0 else result.output


def as_json(index: Path, *args: str) -> Any:
    return json.loads(cli(index, *args, "--json"))


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """A folder with the 2020 plan, its index ingested, and a watch 'vapen' for the word."""
    pdfs = tmp_path / "pdf"
    pdfs.mkdir()
    shutil.copy(CORPUS / PLAN, pdfs / PLAN)
    index = tmp_path / "index"
    cli(index, "ingest", str(pdfs))
    cli(index, "watch", "add", "vapen", "vapen")
    return tmp_path


def test_a_new_document_makes_news_once_and_an_unchanged_reingest_none(folder: Path) -> None:
    index, pdfs = folder / "index", folder / "pdf"
    (first,) = as_json(index, "watch")
    assert first["watch"]["name"] == "vapen" and first["watch"]["last_read"] is None
    assert (first["hits"], first["statements"], first["amounts"]) == ([], [], [])  # the plan has no 'vapen'
    shutil.copy(CORPUS / V_STATEMENT, pdfs / V_STATEMENT)
    said = cli(index, "ingest", str(pdfs))
    assert said.splitlines()[-1] == "1 bevakning har nyheter: 'handlingar watch' visar dem"
    (new,) = as_json(index, "watch", "vapen")
    assert new["watch"]["last_read"] is not None
    assert [(h["document"][:10], h["page"]) for h in new["hits"]] == [(V_DOC, 4)]
    assert "vapen i händerna" in new["hits"][0]["snippet"].replace("\n", " ")
    assert [(s["kind"], s["parties"]) for s in new["statements"]] == [("protokollsanteckning", ["V"])]
    (again,) = as_json(index, "watch", "vapen")  # shown once: never again
    assert (again["hits"], again["statements"], again["amounts"]) == ([], [], [])
    report = as_json(index, "ingest", str(pdfs))
    assert (report["documents_unchanged"], report["watches_with_news"]) == (2, 0)
    assert cli(index, "ingest", str(pdfs)).splitlines()[-1] == "inga bevakningar har nyheter"
    assert [w["name"] for w in as_json(index, "watch", "list")] == ["vapen"]  # it survived the ingests


def test_a_reread_and_a_rebuilt_index_make_no_old_news_new(folder: Path) -> None:
    index, pdfs = folder / "index", folder / "pdf"
    shutil.copy(CORPUS / V_STATEMENT, pdfs / V_STATEMENT)
    cli(index, "ingest", str(pdfs))
    cli(index, "watch", "add", "belopp", "valdeltagandet", "--party", "V")
    (shown,) = as_json(index, "watch", "belopp")
    assert shown["hits"] and shown["statements"]
    assert {a["text"] for a in shown["amounts"]} >= {"2 mnkr"}  # a sentence that holds the word
    as_json(index, "watch", "vapen")
    with sqlite3.connect(index / "catalog.sqlite") as conn:  # as an older reader left them
        conn.execute("UPDATE documents SET reader = 1")
    reread = as_json(index, "ingest", str(pdfs))
    assert (reread["documents_reread"], reread["watches_with_news"]) == (2, 0)
    shutil.rmtree(index / "search")  # the search index rebuilt from the catalog: new block ids
    rebuilt = as_json(index, "ingest", str(pdfs))
    assert rebuilt["index_rebuilt"] and rebuilt["watches_with_news"] == 0
    assert all(n["hits"] == n["statements"] == n["amounts"] == [] for n in as_json(index, "watch"))


def test_a_removed_documents_hits_are_not_news(folder: Path) -> None:
    index, pdfs = folder / "index", folder / "pdf"
    changing = pdfs / "utskick.pdf"
    shutil.copy(CORPUS / V_STATEMENT, changing)
    assert as_json(index, "ingest", str(pdfs))["watches_with_news"] == 1
    (pending,) = as_json(index, "watch", "--peek")  # looked at, not marked
    assert len(pending["hits"]) == 1
    shutil.copy(CORPUS / PLAN, changing)  # the file now holds other bytes: its old document goes
    os.utime(changing, (1, 1))
    assert as_json(index, "ingest", str(pdfs))["watches_with_news"] == 0
    (left,) = as_json(index, "watch")
    assert (left["hits"], left["statements"], left["amounts"]) == ([], [], [])


def test_names_are_unique_and_remove_removes(folder: Path) -> None:
    index = folder / "index"
    taken = cli(index, "watch", "add", "vapen", "trygghet", code=1)
    assert "det finns redan en bevakning som heter 'vapen'" in taken and len(taken.strip().splitlines()) == 1
    assert "är ett kommando under watch" in cli(index, "watch", "add", "list", "trygghet", code=2)
    assert "ingen bevakning heter 'x'" in cli(index, "watch", "x", code=1)
    assert as_json(index, "watch", "remove", "vapen")["name"] == "vapen"
    assert as_json(index, "watch", "list") == [] and as_json(index, "watch") == []
    assert "ingen bevakning heter 'vapen'" in cli(index, "watch", "remove", "vapen", code=1)
    cli(index, "watch", "add", "vapen", "trygghet")  # the name is free again, with nothing seen
    assert as_json(index, "watch", "vapen")[0]["hits"]


def test_from_now_peek_and_every_format(folder: Path) -> None:
    index, pdfs = folder / "index", folder / "pdf"
    cli(index, "watch", "add", "trygg", "trygghet", "--year", "2020-2022", "--from-now")
    (entry,) = [w for w in as_json(index, "watch", "list") if w["name"] == "trygg"]
    assert entry["year"] == "2020-2022" and entry["last_read"] is not None
    assert as_json(index, "watch", "trygg")[0]["hits"] == []  # what matched when it was added
    shutil.copy(CORPUS / V_STATEMENT, pdfs / V_STATEMENT)
    cli(index, "ingest", str(pdfs))
    table = cli(index, "watch", "trygg", "--peek")
    assert table.startswith("trygg: 6 nya träffar, 1 nytt uttalande") and "(--peek: inget markerades" in table
    csv = cli(index, "watch", "trygg", "--peek", "--format", "csv").splitlines()
    assert csv[0] == "watch,what,year,paragraph,page,text,path" and csv[1].startswith("trygg,träff,2022,,1,")
    md = cli(index, "watch", "--peek", "--format", "md")
    assert "| trygg | protokollsanteckning | 2022 |" in md and "| trygg | belopp |" in md
    assert as_json(index, "watch", "trygg")[0]["hits"]  # peeking marked nothing
    assert "trygg: inga nyheter (sedan " in cli(index, "watch")


def test_the_web_page_lists_news_without_marking_them(folder: Path) -> None:
    index, pdfs = folder / "index", folder / "pdf"
    shutil.copy(CORPUS / V_STATEMENT, pdfs / V_STATEMENT)
    cli(index, "ingest", str(pdfs))
    client = create_app(Settings(index_dir=index)).test_client()
    for _ in range(2):  # shown twice: the page marks nothing
        html = client.get("/watches").get_data(as_text=True)
        assert "vapen: <a href=" in html and "1 ny träff, 1 nytt uttalande, 0 nya belopp" in html
        assert "<mark>vapen</mark>" in html and "Nujin Alacabek (V)" in html
    assert client.get("/api/watches").get_json() == as_json(index, "watch", "--peek")
    as_json(index, "watch")
    assert news(Settings(index_dir=index), mark=False)[0].count == 0


def test_a_statements_key_takes_its_people_in_any_name_order() -> None:
    def said(*names: str) -> StatementEntry:
        people = tuple(PersonEntry(n, "S") for n in names)
        return StatementEntry("d", None, None, None, None, "§ 4", "reservation", ("S",), people, 1, (1,), "")

    assert statement_key(said("Johan Svenlin", "Anna Berg")) == statement_key(
        said("Berg Anna", "Svenlin  Johan")
    )
    assert statement_key(said("Anna Berg")) != statement_key(said("Anna Berg", "Per Ek"))


def test_a_catalog_made_before_watches_has_none_until_one_is_added(tmp_path: Path) -> None:
    index = tmp_path / "index"
    cli(index, "ingest", str(CORPUS / PLAN))
    with sqlite3.connect(index / "catalog.sqlite") as conn:  # as the version before watches (14) left it
        conn.executescript("DROP TABLE watch_seen; DROP TABLE watches; DROP TABLE tables;")
        for column in ("rate", "high", "table_no", "row_label", "column_label"):  # version 16's
            conn.execute(f"ALTER TABLE amounts DROP COLUMN {column}")
        conn.execute("PRAGMA user_version = 14")
    before = (index / "catalog.sqlite").read_bytes()
    assert as_json(index, "watch", "list") == [] and as_json(index, "watch", "--peek") == []
    assert (index / "catalog.sqlite").read_bytes() == before  # read through a migrated copy
    cli(index, "watch", "add", "plan", "trygghetsdialog")  # a write: the file is migrated in place
    with sqlite3.connect(index / "catalog.sqlite") as conn:
        assert schema.version_of(conn) == schema.VERSION
    (found,) = as_json(index, "watch")
    assert [h["page"] for h in found["hits"]] == [2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["handlingar", *args], capture_output=True, text=True, check=False)


def test_a_read_only_index_refuses_marking_in_one_line_and_peeks(folder: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("a read-only mount needs root")
    mounted = folder.parent / "mounted"
    mounted.mkdir()
    if subprocess.run(["mount", "--bind", str(folder), str(mounted)], check=False).returncode:
        pytest.skip("cannot mount here")
    try:
        assert subprocess.run(["mount", "-o", "remount,bind,ro", str(mounted)], check=False).returncode == 0
        index = str(mounted / "index")
        refused = run("watch", "--index", index)
        assert refused.returncode == 1 and refused.stdout == ""
        assert refused.stderr.strip().splitlines() == [
            f"Fel: katalogen {index}/catalog.sqlite är skrivskyddad: en bevakning sparar där vad den har"
            " visat; titta utan att markera med 'handlingar watch --peek'"
        ]
        assert run("watch", "add", "x", "y", "--index", index).returncode == 1
        peeked = run("watch", "--peek", "--json", "--index", index)
        assert peeked.returncode == 0 and json.loads(peeked.stdout)[0]["watch"]["name"] == "vapen"
    finally:
        subprocess.run(["umount", str(mounted)], check=False)
