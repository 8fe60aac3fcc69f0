"""trend: a key's hits beside the pages of text under it, so that a rate shows where one long
document made a peak. The pages are counted from the search index's page entries and checked
here against the catalog, on corpus/ and on Alingsås' and Nacka's PDFs in ../shared/realworld."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable

import pytest
from click.testing import CliRunner

from cli import main
from conftest import Ingested, shared_dir
from pipeline.answer.search import search
from pipeline.answer.trend import TREND_KEYS, trend
from pipeline.filters import Filters
from pipeline.records import Hit, Trend
from pipeline.settings import Settings
from pipeline.years import shown_year

TEXT_PAGES = (  # each page of canonical text once, with what its document and part file it under
    "SELECT DISTINCT b.document_id, b.page, d.date, p.year, d.kind, d.board FROM blocks b"
    " JOIN parts p ON p.id = b.part_id JOIN documents d ON d.id = b.document_id WHERE p.repeat_of IS NULL"
)


def text_pages(settings: Settings) -> list[tuple[str, int, str | None, int | None, str, str | None]]:
    with sqlite3.connect(settings.catalog_path) as conn:
        return list(conn.execute(TEXT_PAGES))


def by_key(found: Trend) -> dict[str | int | None, tuple[int, int]]:
    return {r.key: (r.hits, r.pages) for r in found.rows}


def hit_pages(settings: Settings, query: str, filters: Filters, by: str) -> Counter[str | int | None]:
    """The distinct pages the query's hits are on, under each key (a hit under all its parties)."""
    hits = search(settings, query, filters, 10_000).hits
    return Counter(key for key, _, _ in {(k, h.document, h.page) for h in hits for k in _keys(h, by)})


def _keys(hit: Hit, by: str) -> list[str | int | None]:
    if by == "party":
        return list(hit.parties) or [None]
    return [{"year": hit.year, "board": hit.board, "kind": hit.kind}[by]]


def test_pages_per_year_kind_and_board_are_the_catalogs_pages_of_text(corpus_index: Ingested) -> None:
    """Every page of text is under one year (its document's date's, else its part's), kind and
    board; the 2021 report repeated in the 2022 minutes is counted once."""
    settings = corpus_index[0]
    rows = text_pages(settings)
    wanted: dict[str, Counter[str | int | None]] = {
        "year": Counter(shown_year(date, year) for _, _, date, year, _, _ in rows),
        "kind": Counter(kind for *_, kind, _ in rows),
        "board": Counter(board for *_, board in rows),
    }
    for by, counted in wanted.items():
        found = trend(settings, "trygghet", by, Filters())
        assert {r.key: r.pages for r in found.rows if r.pages} == dict(counted)
    assert len(rows) == 26  # 33 pages ingested, 7 of them the repeated report's
    years = [r.key for r in trend(settings, "skjutningar", "year", Filters()).rows]
    assert years == [2020, 2021, 2022]  # every year with pages, with hits or not


def test_the_pages_do_not_depend_on_the_query_and_keep_the_filters(corpus_index: Ingested) -> None:
    settings = corpus_index[0]
    for by in TREND_KEYS:
        one, other = trend(settings, "trygghet", by, Filters()), trend(settings, "budget", by, Filters())
        assert {r.key: r.pages for r in one.rows} == {r.key: r.pages for r in other.rows}
    narrowed = by_key(trend(settings, "trygghet", "year", Filters(years=(2022, 2022))))
    assert (
        set(narrowed) == {2022}
        and narrowed[2022][1] == by_key(trend(settings, "trygghet", "year", Filters()))[2022][1]
    )
    parties = trend(settings, "trygghet", "party", Filters())
    v_only = trend(settings, "trygghet", "year", Filters(party="V"))
    assert sum(r.pages for r in v_only.rows) == next(r.pages for r in parties.rows if r.key == "V")


@pytest.mark.parametrize("by", TREND_KEYS)
@pytest.mark.parametrize("filters", [Filters(), Filters(party="V"), Filters(years=(2021, 2022))])
def test_every_hits_page_is_among_its_keys_pages(corpus_index: Ingested, by: str, filters: Filters) -> None:
    """So the rate is of hits on pages that could be hit: never more pages with hits than pages."""
    settings = corpus_index[0]
    found = trend(settings, "trygghet", by, filters)
    pages = {r.key: r.pages for r in found.rows}
    for key, n in hit_pages(settings, "trygghet", filters, by).items():
        assert pages[key] >= n >= 1
    for row in found.rows:
        assert row.per_100_pages == (round(100 * row.hits / row.pages, 2) if row.pages else None)
        assert row.hits == 0 or row.pages >= 1


@pytest.fixture(scope="module")
def municipal(shared_ingest: Callable[..., Ingested]) -> Settings:
    """Alingsås' and Nacka's PDFs (minutes, reports, plans: all with a text layer)."""
    return shared_ingest([shared_dir("realworld/alingsas"), shared_dir("realworld/nacka")], ocr="never")[0]


@pytest.mark.realworld
def test_one_short_report_is_a_peak_of_hits_but_the_rate_tells(municipal: Settings) -> None:
    """'budget' by year: 2019's hits are one 9-page årsbokslut (Nacka's 2018, dated 2019-02-13),
    few beside 2026's, but per page the most; 2018's 182 pages hold 37."""
    found = by_key(trend(municipal, "budget", "year", Filters()))
    assert found[2019] == (10, 9) and found[2018][1] > 100
    rates = {r.key: r.per_100_pages for r in trend(municipal, "budget", "year", Filters()).rows}
    assert max(rates, key=lambda k: rates[k] or 0) == 2019
    assert sum(r.hits for r in trend(municipal, "budget", "year", Filters()).rows) == (
        search(municipal, "budget", Filters(), 0).total
    )
    for by in TREND_KEYS:
        pages = {r.key: r.pages for r in trend(municipal, "budget", by, Filters(party="S")).rows}
        for key, n in hit_pages(municipal, "budget", Filters(party="S"), by).items():
            assert pages[key] >= n


def test_the_table_shows_the_rate(corpus_index: Ingested) -> None:
    folder = str(corpus_index[0].index_dir)
    out = CliRunner().invoke(main, ["trend", "trygghet", "--by", "party", "--index", folder]).output
    lines = out.splitlines()
    assert (  # the search's 40 hits: two made jointly stand in two parties' rows each (42 in the rows)
        lines[0] == "40 träffar för 'trygghet' per parti — stapeln: träffar per 100 sidor där partiet agerar"
    )
    found = trend(corpus_index[0], "trygghet", "party", Filters())
    assert found.hits == search(corpus_index[0], "trygghet", Filters(), 0).total == 40
    assert sum(r.hits for r in found.rows) == 42
    v = next(line for line in lines if line.startswith("V "))
    assert "per 100 s." in v and "sidor" in v
