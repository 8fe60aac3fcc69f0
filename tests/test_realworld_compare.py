"""compare and sections on real plans and reports, against a hand-read gold
(tests/gold/realworld_compare.json): the Nacka affärsplan's tree against its årsbokslut 2018
and 2017 and its styrkort, and Alingsås' follow-up that quotes its plan, against itself.

Each test prints what it measured (right/total) and holds a floor under it."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cli import main
from conftest import Ingested, shared_dir
from pipeline.answer.compare import compare
from pipeline.answer.listings import sections
from pipeline.records import CompareRow, Comparison, SectionEntry
from pipeline.web.app import create_app

GOLD = json.loads((Path(__file__).resolve().parent / "gold" / "realworld_compare.json").read_text())
pytestmark = pytest.mark.realworld


@pytest.fixture(scope="module")
def index(shared_ingest: Callable[..., Ingested]) -> Ingested:
    """The Nacka, Alingsås and Göteborg plans and reports, read without OCR."""
    folders = [shared_dir(f"realworld/{town}") for town in ("nacka", "alingsas", "goteborg")]
    return shared_ingest(folders, workers=2, ocr="never")


def _key(text: str | None) -> str:
    return " ".join((text or "").split()).rstrip(".").lower()


def _starts(have: tuple[str, str, str], wanted: tuple[str, str, str]) -> bool:
    return have[:2] == wanted[:2] and have[2].startswith(wanted[2])


def _path(index: Ingested, name: str) -> str:
    return str(Path(shared_dir("realworld")) / name)


def _tree(index: Ingested, name: str) -> list[SectionEntry]:
    return sections(index[0], _path(index, name))


@pytest.mark.parametrize("name", sorted(GOLD["sections"]))
def test_a_plans_tree(index: Ingested, name: str) -> None:
    gold: dict[str, Any] = GOLD["sections"][name]
    found = _tree(index, name)
    have = {(s.kind, _key(s.area), _key(s.title)) for s in found}
    wanted = [("goal", "", _key(g)) for g in gold["goal"]]
    wanted += [("focus", _key(g), _key(t)) for g, t in gold.get("focus", [])]
    wanted += [("indicator", _key(g), _key(t)) for g, t in gold.get("indicator", [])]
    wanted += [("budget", "", _key(t)) for t in gold.get("budget", [])]
    prefixes = [("focus", _key(g), _key(t)) for g, t in gold.get("focus_prefix", [])]
    right = sum(w in have for w in wanted) + sum(any(_starts(h, p) for h in have) for p in prefixes)
    wanted += prefixes
    extra = {
        (s.kind, s.title)
        for s in found
        if s.kind in ("goal", "focus", "indicator")
        and not any(_starts((s.kind, _key(s.area), _key(s.title)), w) for w in wanted)
    }
    print(f"{name}: tree {right}/{len(wanted)} right, {len(extra)} not in the gold")
    assert right >= 0.85 * len(wanted)
    if gold["complete"]:
        assert len(extra) <= 0.1 * len(wanted), sorted(extra)


def test_a_scorecards_targets_per_year(index: Ingested) -> None:
    name = "nacka/report_styrkort_valfard_skola_2018.pdf"
    gold: dict[str, dict[str, list[str | None]]] = GOLD["sections"][name]["targets"]
    by_title = {_key(s.title): s for s in _tree(index, name) if s.kind == "indicator"}
    right = total = 0
    for title, years in gold.items():
        shown = {str(t.year): [t.target, t.outcome] for t in by_title[_key(title)].targets}
        for year, cell in years.items():
            total += 1
            right += shown.get(year) == cell
    print(f"styrkort: targets {right}/{total} right")
    assert right == total


def _same(row: CompareRow, gold: dict[str, Any], prefix: bool = False) -> bool:
    """The row pairs what the gold pairs (``prefix``: the gold names an item by its start)."""
    plan, report = _key(row.plan.title if row.plan else None), _key(row.report.title if row.report else None)

    def alike(found: str, wanted: str | None) -> bool:
        return found.startswith(_key(wanted)) if prefix and wanted else found == _key(wanted)

    return (
        row.kind == gold["kind"]
        and alike(plan, gold["plan"])
        and (alike(report, gold["report"]) or gold["plan"] is None)
    )


def _right(row: CompareRow, gold: dict[str, Any]) -> list[str]:
    """What the row has wrong against its gold ([]: nothing)."""
    fields: tuple[str, ...] = ("status", "target", "outcome", "met", "unit", "goal")
    wrong = [f for f in fields if f in gold and row[f] != gold[f]]
    for money in ("budget", "outcome", "deviation"):
        if gold["kind"] == "money" and Decimal(str(row[money])) != Decimal(gold[money]):
            wrong.append(money)
    if gold["pages"] and row.evidence_page not in gold["pages"]:
        wrong.append("evidence_page")
    return wrong


def _measure(
    result: Comparison, rows: list[dict[str, Any]], prefix: bool = False
) -> tuple[int, int, list[str]]:
    right, misses = 0, []
    for gold in rows:
        found = [r for r in result.rows if _same(r, gold, prefix)]
        wrong = _right(found[0], gold) if found else ["unpaired"]
        right += not wrong
        misses += [f"{gold['plan'] or gold['report']}: {', '.join(wrong)}"] if wrong else []
    return right, len(rows), misses


@pytest.mark.parametrize(
    "pair", GOLD["pairs"], ids=lambda p: f"{Path(p['plan']).stem}-{Path(p['report']).stem}"
)
def test_compare_rows_against_the_gold(index: Ingested, pair: dict[str, Any]) -> None:
    result = compare(index[0], _path(index, pair["plan"]), _path(index, pair["report"]))
    right, total, misses = _measure(result, pair["rows"], pair.get("prefix", False))
    print(f"{Path(pair['plan']).name} / {Path(pair['report']).name}: {right}/{total} rows right; {misses}")
    floor = {"priority": pair.get("floor", 0.8), "indicator": 0.75, "money": 1.0}
    for kind, share in floor.items():
        of_kind = [g for g in pair["rows"] if g["kind"] == kind]
        got = _measure(result, of_kind, pair.get("prefix", False))[0]
        assert got >= share * len(of_kind), (kind, misses)


def test_a_plan_for_three_years_against_a_report_on_one_by_year(index: Ingested) -> None:
    """--plan 2019 takes the affärsplan for 2019–2021, --report 2018 the årsbokslut (their
    kinds read from their titles): the same rows as naming the files."""
    pair = GOLD["pairs"][0]
    by_year = compare(index[0], "2019", "2018")
    by_file = compare(index[0], _path(index, pair["plan"]), _path(index, pair["report"]))
    assert by_year.plan.path.endswith(pair["plan"]) and by_year.report.path.endswith(pair["report"])
    assert by_year.rows == by_file.rows
    board = compare(index[0], "2019", "2018", board="Kommunstyrelsens verksamhetsutskott")  # the report's
    assert board.rows == by_file.rows  # the plan names no board: it is taken as the board's


def test_where_nothing_pairs_one_line_says_what_each_holds(index: Ingested) -> None:
    result = compare(
        index[0],
        _path(index, GOLD["pairs"][0]["plan"]),
        _path(index, "goteborg/revisionsberattelse_2023.pdf"),
    )
    assert not any(r.plan and r.report for r in result.rows)
    assert result.held and result.held.startswith("planen: 4 mål, 11 fokusområden")
    folder = str(index[0].index_dir)
    shown = CliRunner().invoke(
        main,
        ["compare", "--plan", "2019", "--report", "goteborg/revisionsberattelse_2023.pdf", "--index", folder],
    )
    assert shown.exit_code == 0 and "rapporten:" in shown.output.splitlines()[-1]


def test_the_web_page_shows_the_indicator_and_money_columns(index: Ingested) -> None:
    client = create_app(index[0]).test_client()
    shown = client.get("/compare?plan=2019&report=2018").get_data(as_text=True)
    for header in ("typ", "utfall", "budget", "avvikelse", "enhet"):
        assert f"<th>{header}</th>" in shown
    assert "<th>målvärde</th>" not in shown  # a column no row fills is left out
    assert "-6 348 000" in shown  # 943 Orminge: the printed deviation, in kronor
    card = client.get("/compare?plan=2019&report=report_styrkort_valfard_skola_2018.pdf").get_data(
        as_text=True
    )
    for header in ("typ", "målvärde", "utfall", "uppnått"):
        assert f"<th>{header}</th>" in card
    assert "<th>budget</th>" not in card
    assert "Gr: Andel elever i åk 9 som blir behöriga till gymnasiet." in card and "ej uppnådd" in card
    api = client.get("/api/compare?plan=2019&report=2018").get_json()
    assert {r["kind"] for r in api["rows"]} == {"priority", "money"}
