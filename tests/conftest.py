"""Shared fixtures: the bundled corpus, an index built from it once per session,
and the real-world PDFs in ../shared (skipped with a reason when absent)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.ingest import IngestReport, ingest
from pipeline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"

PLAN = "verksamhetsplan-trygghets-och-delaktighetsberedningen-2020.pdf"
MINUTES_2022 = "protokollsutdrag-2022-02-17-paragraf-12-verksamhetsberattelse-2021.pdf"
MINUTES_2021 = "protokollsutdrag-2021-05-05-paragraf-24-uppfoljning-program-trygghet-sakerhet.pdf"
V_STATEMENT = "protokollsanteckning-v-verksamhetsplan-2022.pdf"


def shared_dir(sub: str) -> Path:
    path = SHARED / sub
    if not path.is_dir():
        pytest.skip(f"{path} is absent: the real-world PDFs live in ../shared beside the checkout")
    return path


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, IngestReport]:
    """The four sample PDFs ingested once into a fresh index."""
    folder = tmp_path_factory.mktemp("corpus-index")
    settings = Settings(index_dir=folder / "index", workers=2)
    report = ingest([CORPUS], settings)
    return settings, report


@pytest.fixture()
def corpus_copy(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target
