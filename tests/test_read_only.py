"""A read never writes: an index on a read-only mount answers, an older catalog there is
read through a migrated copy, and ingest into it fails in one line with nothing lost."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from conftest import CORPUS, FIXTURES, PLAN
from pipeline.answer.listings import document_listing
from pipeline.settings import Settings
from pipeline.store import schema


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["handlingar", *args], capture_output=True, text=True, check=False)


def test_an_index_on_a_read_only_mount_answers_and_refuses_ingest(tmp_path: Path) -> None:
    source, mounted = tmp_path / "source", tmp_path / "mounted"
    source.mkdir()
    mounted.mkdir()
    if os.geteuid() != 0:
        pytest.skip("a read-only mount needs root")
    assert run("ingest", str(CORPUS / PLAN), "--index", str(source / "index")).returncode == 0
    before = (source / "index" / "catalog.sqlite").read_bytes()
    if subprocess.run(["mount", "--bind", str(source), str(mounted)], check=False).returncode:
        pytest.skip("cannot mount here")
    try:
        assert subprocess.run(["mount", "-o", "remount,bind,ro", str(mounted)], check=False).returncode == 0
        index = str(mounted / "index")
        found = run("search", "trygghetsdialog", "--index", index, "--json")
        assert found.returncode == 0 and json.loads(found.stdout)["total"] > 0
        refused = run("ingest", str(CORPUS), "--index", index)
        assert refused.returncode == 1 and len(refused.stderr.strip().splitlines()) == 1
        assert "Fel:" in refused.stderr
    finally:
        subprocess.run(["umount", str(mounted)], check=False)
    assert (source / "index" / "catalog.sqlite").read_bytes() == before


def test_an_older_catalog_on_a_read_only_mount_is_read_through_a_migrated_copy(tmp_path: Path) -> None:
    source, mounted = tmp_path / "source", tmp_path / "mounted"
    (source / "index").mkdir(parents=True)
    mounted.mkdir()
    if os.geteuid() != 0:
        pytest.skip("a read-only mount needs root")
    with sqlite3.connect(source / "index" / "catalog.sqlite") as conn:
        conn.executescript((FIXTURES / "catalog-v1.sql").read_text())
    if subprocess.run(["mount", "--bind", str(source), str(mounted)], check=False).returncode:
        pytest.skip("cannot mount here")
    try:
        assert subprocess.run(["mount", "-o", "remount,bind,ro", str(mounted)], check=False).returncode == 0
        docs = document_listing(Settings(index_dir=mounted / "index"))
        assert {d.kind for d in docs} == {"protokollsutdrag", "protokollsanteckning"}
        listed = run("documents", "--index", str(mounted / "index"), "--json")
        assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 2
    finally:
        subprocess.run(["umount", str(mounted)], check=False)
    with sqlite3.connect(source / "index" / "catalog.sqlite") as conn:
        assert schema.version_of(conn) == 1  # never migrated in place by a reader
