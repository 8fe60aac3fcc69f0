"""A killed ingest leaves whole documents only, and the next run finishes the
job; user settings that name local parties or a spaCy model behave."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import pdfgen
from cli import main
from conftest import CORPUS, PLAN, ROOT
from pipeline.answer.search import search
from pipeline.errors import HandlingarError
from pipeline.extract.parties import load_party_names, party_of_text
from pipeline.filters import Filters
from pipeline.ingest import ingest
from pipeline.settings import Settings


def _generated(folder: Path, docs: int) -> None:
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "generate.py"),
            str(folder),
            "--pages",
            str(docs * 10),
            "--pages-per-doc",
            "10",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _whole(catalog: Path) -> None:
    conn = sqlite3.connect(catalog)
    for doc_id, pages in conn.execute("SELECT id, pages FROM documents"):
        stored = conn.execute("SELECT COUNT(*) FROM pages WHERE document_id = ?", (doc_id,)).fetchone()[0]
        parts = conn.execute("SELECT COUNT(*) FROM parts WHERE document_id = ?", (doc_id,)).fetchone()[0]
        assert stored == pages and parts >= 1


def test_kill_during_ingest_then_finish(tmp_path: Path) -> None:
    pdfs, index_dir = tmp_path / "pdfs", tmp_path / "ix"
    _generated(pdfs, 12)
    proc = subprocess.Popen(
        ["handlingar", "ingest", str(pdfs), "--index", str(index_dir), "--workers", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.time() + 60
    catalog = index_dir / "catalog.sqlite"
    while time.time() < deadline:  # kill once some, not all, documents are stored
        if catalog.exists():
            try:
                count = sqlite3.connect(catalog).execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                count = 0
            if count >= 2:
                break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    _whole(catalog)
    report = ingest([pdfs], Settings(index_dir=index_dir))
    assert report.failed == []
    _whole(catalog)
    conn = sqlite3.connect(catalog)
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 12
    assert conn.execute("SELECT COUNT(*) FROM documents WHERE indexed = 0").fetchone()[0] == 0
    blocks = conn.execute("SELECT COUNT(*) FROM blocks").fetchone()[0]
    everything = search(Settings(index_dir=index_dir), "och OR att OR som OR för", Filters(), limit=1)
    assert everything.total <= blocks  # no block indexed twice


def test_search_while_an_ingest_writes_sees_the_last_commit(tmp_path: Path) -> None:
    settings = Settings(index_dir=tmp_path / "ix")
    ingest([CORPUS / PLAN], settings)
    before = search(settings, "trygghetsdialog", Filters()).total
    pdfs = tmp_path / "pdfs"
    _generated(pdfs, 8)
    proc = subprocess.Popen(
        ["handlingar", "ingest", str(pdfs), "--index", str(settings.index_dir), "--workers", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    seen = []
    while proc.poll() is None:
        seen.append(search(settings, "trygghetsdialog", Filters()).total)
        time.sleep(0.05)
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    after = search(settings, "trygghetsdialog", Filters()).total
    assert after > before and len(seen) > 3
    assert set(seen) <= {before, after} and seen == sorted(seen)  # the last commit, never a part of one


def test_local_party_names_from_a_toml_file(tmp_path: Path) -> None:
    names = tmp_path / "partier.toml"
    names.write_text('[parties]\n"Huddingepartiet" = "HP"\n', encoding="utf-8")
    local = load_party_names(names)
    assert party_of_text("Protokollsanteckning\nHuddingepartiet anser att ...", local) == "HP"
    statement = tmp_path / "hp.pdf"
    statement.write_bytes(
        pdfgen.text_page(
            [
                "Protokollsanteckning",
                "Vi vill ha fler bibliotek i Huddinge.",
                "För Huddingepartiet",
                "Anna Andersson",
            ]
        )
    )
    folder = str(tmp_path / "ix")
    result = CliRunner().invoke(main, ["ingest", str(statement), "--parties", str(names), "--index", folder])
    assert result.exit_code == 0, result.output
    docs = CliRunner().invoke(main, ["documents", "--json", "--index", folder]).output
    assert '"party": "HP"' in docs and '"Anna Andersson"' in docs


def test_bad_party_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[parties\n", encoding="utf-8")
    with pytest.raises(HandlingarError, match="kan inte läsa partinamnen"):
        load_party_names(bad)


def test_missing_spacy_model_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "ingest",
            str(ROOT / "tests" / "fixtures" / "text-page-swedish.pdf"),
            "--spacy-model",
            "sv_core_news_sm",
            "--index",
            str(tmp_path / "ix"),
        ],
    )
    assert result.exit_code == 1
    assert "'sv_core_news_sm' är inte installerad" in result.output
