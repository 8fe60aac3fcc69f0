"""Shared fixtures: the bundled corpus, an index built from it once per session,
and the real-world PDFs in ../shared (skipped with a reason when absent), with the
indexes of them that several tests read, each ingested once per session."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

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


Ingested = tuple[Settings, IngestReport]


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


@pytest.fixture(scope="session")
def shared_ingest(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Ingested]:
    """ingested(sources, **settings): the index of those sources ingested with those Settings
    fields, made once per session and shared by every test that asks for the same. Only for
    tests that read the index: one that ingests again, deletes or changes anything makes its own."""
    built: dict[tuple[tuple[str, ...], tuple[tuple[str, Any], ...]], Ingested] = {}

    def ingested(sources: Sequence[Path], **options: Any) -> Ingested:
        key = (tuple(str(s) for s in sources), tuple(sorted(options.items())))
        if key not in built:
            settings = Settings(index_dir=tmp_path_factory.mktemp("shared-index") / "index", **options)
            built[key] = (settings, ingest(list(sources), settings))
        return built[key]

    return ingested


@pytest.fixture(scope="session")
def realworld_index(shared_ingest: Callable[..., Ingested]) -> Ingested:
    """The sample corpus and every real-world PDF, two readers, OCR as by default (auto)."""
    return shared_ingest([CORPUS, shared_dir("realworld")], workers=2)


@pytest.fixture(scope="session")
def nykarleby_index(shared_ingest: Callable[..., Ingested]) -> Ingested:
    """Nykarleby's three minutes, with the default settings (one reader, OCR auto)."""
    return shared_ingest([shared_dir("realworld/nykarleby")])
