"""`--year` and a title's span of years: a plan for 2019–2021 is found under each of them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Ingested, shared_dir
from pipeline.answer.listings import amounts
from pipeline.answer.search import search
from pipeline.filters import Filters
from pipeline.years import matched_years, spanned_years


def test_a_titles_span_is_every_year_of_it() -> None:
    assert spanned_years("Affärsplan Välfärd skola 2019-2021") == {2019, 2020, 2021}
    assert spanned_years("Genomlysning 2026–2027") == {2026, 2027}
    assert spanned_years("Budget 2026 och plan 2027–2028") == {2026, 2027, 2028}  # a budget and its plan
    assert spanned_years("Verksamhetsplan 2020") == set()
    assert spanned_years("Protokoll 2018 - 1990") == set()  # last before first: no span
    assert spanned_years("Jämförelse 1990-2020") == set()  # longer than a plan's: no span
    assert matched_years("2018-11-19", 2021, "Affärsplan 2019-2021") == {2018, 2019, 2020, 2021}


@pytest.fixture(scope="module")
def spans(shared_ingest: Callable[..., Ingested]) -> Ingested:
    folder = shared_dir("realworld")
    files = [
        folder / "alingsas/ks_underlag_ramar_2027-2029.pdf",
        folder / "nacka/plan_affarsplan_valfard_skola_2019-2021.pdf",
    ]
    return shared_ingest(files, ocr="never")


def _files(paths: list[str]) -> set[str]:
    return {Path(p).name for p in paths}


@pytest.mark.realworld
def test_year_finds_a_document_under_each_year_of_its_titles_span(spans: Ingested) -> None:
    settings = spans[0]
    for year, name in (
        (2028, "ks_underlag_ramar_2027-2029.pdf"),
        (2020, "plan_affarsplan_valfard_skola_2019-2021.pdf"),
    ):
        found = search(settings, "budget", Filters(years=(year, year)), 1000)
        assert name in _files([h.path for h in found.hits])
    assert _files([a.path for a in amounts(settings, Filters(years=(2028, 2028)))]) == {
        "ks_underlag_ramar_2027-2029.pdf"
    }
    assert not search(settings, "budget", Filters(years=(2024, 2024)), 1000).hits
