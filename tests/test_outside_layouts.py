"""An outside try: plans and reports in the styles other Swedish municipalities and regions
use (tests/fixtures/outside/, printed from the HTML in src/ by headless Chromium), read as a
new user would, against a hand-written gold (tests/gold/outside.json): each document's kind,
board, date and title; a plan's tree; compare's rows (status and its sentence, indicators'
target/outcome/met, money); every table cell; the amounts in running text.

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
from conftest import FIXTURES, Ingested
from pipeline.answer.status import judge

GOLD: dict[str, Any] = json.loads((Path(__file__).resolve().parent / "gold" / "outside.json").read_text())
FOLDER = FIXTURES / "outside"
Score = tuple[int, int]


@pytest.fixture(scope="module")
def index(shared_ingest: Callable[..., Ingested]) -> Ingested:
    return shared_ingest([FOLDER], workers=1, ocr="never")


def _json(index: Ingested, *args: str) -> Any:
    result = CliRunner().invoke(main, [*args, "--index", str(index[0].index_dir), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _key(text: str | None) -> str:
    return " ".join((text or "").split()).rstrip(".").lower()


def _report(what: str, name: str, score: Score) -> None:
    print(f"{what} {name}: {score[0]}/{score[1]}")


def documents_score(index: Ingested, name: str) -> Score:
    found = next(d for d in _json(index, "documents") if Path(d["paths"][0]).name == name)
    wanted: dict[str, str] = GOLD["documents"][name]
    return sum(found.get(k) == v for k, v in wanted.items()), len(wanted)


def sections_score(index: Ingested, name: str) -> Score:
    """Each goal, focus area (under its goal) and indicator (with its target per year, and
    the goal it stands under) of the gold found; each tree entry the gold does not hold
    counts against (a wrong one)."""
    found = _json(index, "sections", name)
    gold = GOLD["sections"][name]
    have = {(s["kind"], _key(s["area"]) if s["kind"] == "focus" else "", _key(s["title"])) for s in found}
    targets = {_key(s["title"]): {str(t["year"]): t["target"] for t in s.get("targets", [])} for s in found}
    goals = {_key(s["title"]): _key(s["area"]) for s in found if s["kind"] == "indicator"}
    wanted = [("goal", "", _key(g)) for g in gold["goal"]]
    wanted += [("focus", _key(g), _key(t)) for g, t in gold["focus"]]
    right = sum(w in have for w in wanted)
    right += sum(targets.get(_key(t)) == years for t, years, _ in gold["indicator"])
    right += sum(_key(t) in goals and goals[_key(t)] == _key(goal) for t, _, goal in gold["indicator"])
    tree = [x for x in have if x[0] in ("goal", "focus", "indicator")]
    held = set(wanted) | {("indicator", "", _key(t)) for t, _, _ in gold["indicator"]}
    wrong = sum(x not in held for x in tree)
    return right, len(wanted) + 2 * len(gold["indicator"]) + wrong


def _money(x: Any) -> Decimal | None:
    return None if x is None else Decimal(str(x))


def compare_score(index: Ingested, pair: dict[str, Any]) -> Score:
    """Each gold row found with its fields: a priority's report item, status and the words
    that decide it; an indicator's target, outcome and met; money's budget, outcome and
    deviation."""
    rows = _json(index, "compare", "--plan", pair["plan"], "--report", pair["report"])["rows"]
    right = total = 0
    for plan, report, status, words in pair["priority"]:
        row = next((r for r in rows if r["plan"] and _key(r["plan"]["title"]) == _key(plan)), None)
        total += 3
        if row is not None:
            right += bool(row["report"]) and _key(row["report"]["title"]) == _key(report)
            right += row["status"] == status
            right += words.lower() in row["evidence"].lower()
    for title, target, outcome, met in pair["indicator"]:
        row = next(
            (
                r
                for r in rows
                if r["kind"] == "indicator" and _key((r["plan"] or {}).get("title")) == _key(title)
            ),
            None,
        )
        total += 3
        if row is not None:
            right += row["target"] == target
            right += row["outcome"] == outcome
            right += row["met"] is met
    for label, budget, outcome, deviation in pair["money"]:
        row = next(
            (
                r
                for r in rows
                if r["kind"] == "money" and _key((r["report"] or {}).get("title")) == _key(label)
            ),
            None,
        )
        total += 3
        if row is not None:
            right += _money(row["budget"]) == Decimal(budget)
            right += _money(row["outcome"]) == Decimal(outcome)
            right += _money(row["deviation"]) == Decimal(deviation)
    return right, total


def tables_score(index: Ingested, name: str) -> Score:
    """Every cell: its page, row label, column header, text as printed and value."""
    tables = _json(index, "tables", name)
    have = {
        (t["page"], _key(row["label"]), col, cell["text"], _money(cell["value"]))
        for t in tables
        for row in t["rows"]
        for col, cell in row["cells"].items()
    }
    gold = GOLD["tables"][name]
    right = sum((p, _key(r), c, text, _money(v)) in have for p, r, c, text, v in gold)
    return right, len(gold)


def amounts_score(index: Ingested, name: str) -> Score:
    """The amounts of the running text (table cells aside): text, kronor, a range's top, rate."""
    found = [a for a in _json(index, "amounts", "--document", str(FOLDER / name)) if a["table"] is None]
    have = {(a["text"], _money(a["sek"]), _money(a["high"]), a["rate"]) for a in found}
    gold = GOLD["amounts"][name]
    right = sum((t, _money(s), _money(h), r) in have for t, s, h, r in gold)
    return right, len(gold) + len(have - {(t, _money(s), _money(h), r) for t, s, h, r in gold})


# what the reading got right after the outside try (tests hold it there)
FLOORS: dict[str, dict[str, int]] = {
    "documents": dict.fromkeys(GOLD["documents"], 4),
    "sections": {name: 0 for name in GOLD["sections"]},
    "compare": {},
    "tables": {name: len(cells) for name, cells in GOLD["tables"].items()},
    "amounts": {name: len(found) for name, found in GOLD["amounts"].items()},
}


@pytest.mark.parametrize("name", sorted(GOLD["documents"]))
def test_kind_board_date_title(index: Ingested, name: str) -> None:
    score = documents_score(index, name)
    _report("documents", name, score)
    assert score[0] >= FLOORS["documents"][name]


@pytest.mark.parametrize("name", sorted(GOLD["sections"]))
def test_a_plans_tree(index: Ingested, name: str) -> None:
    score = sections_score(index, name)
    _report("sections", name, score)
    assert score[0] == score[1] - SECTIONS_MISSED.get(name, 0)


@pytest.mark.parametrize("pair", GOLD["compare"], ids=lambda p: str(p["plan"]))
def test_compare_rows(index: Ingested, pair: dict[str, Any]) -> None:
    score = compare_score(index, pair)
    _report("compare", pair["plan"], score)
    assert score[0] == score[1]


@pytest.mark.parametrize("name", sorted(GOLD["tables"]))
def test_table_cells(index: Ingested, name: str) -> None:
    score = tables_score(index, name)
    _report("tables", name, score)
    assert score[0] == score[1]


@pytest.mark.parametrize("name", sorted(GOLD["amounts"]))
def test_amounts_in_text(index: Ingested, name: str) -> None:
    score = amounts_score(index, name)
    _report("amounts", name, score)
    assert score[0] == score[1]


# what the tree still gets wrong (known): the nämndplan's indicators, in a table under a
# heading 'Indikatorer' after the goals, are read as standing under that heading as a goal
SECTIONS_MISSED: dict[str, int] = {"nämndplan-fokusområden-punktlista.pdf": 3}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Bedömning: Målet är uppfyllt. Andelen ökade.", "uppfyllt"),
        ("Målet bedöms vara uppfyllt.", "uppfyllt"),
        ("Målet har uppnåtts.", "uppfyllt"),
        ("Måluppfyllelse: Uppfyllt.", "uppfyllt"),
        ("Bedömning: Grön. Besöken har ökat.", "uppfyllt"),
        ("Målet bedöms som delvis uppfyllt.", "delvis uppfyllt"),
        ("Målet är inte helt uppfyllt.", "delvis uppfyllt"),
        ("Status: gul. Arbetet pågår.", "delvis uppfyllt"),
        ("Målet har inte uppnåtts under året.", "ej uppfyllt"),
        ("Måluppfyllelse: Ej uppfyllt.", "ej uppfyllt"),
        ("Bedömning: Röd. Bokningen är försenad.", "ej uppfyllt"),
        ("Parken har fått fler gröna ytor.", "oklart"),
        ("Arbetet genomfördes under hösten.", "genomförd"),
    ],
)
def test_a_goals_assessment_is_its_status(text: str, status: str) -> None:
    """A report's own words on a goal: 'Målet är (delvis/ej) uppfyllt', or the traffic light
    after a label; a colour in running text is none."""
    assert judge(text).status == status


def test_a_letterhead_or_running_head_is_no_heading(index: Ingested) -> None:
    """'Uppsala kommun' atop page 1 and 'Region Värmland Budget 2026 och plan 2027–2028' atop
    page 2 name who writes (and what): no section of any file is titled by them."""
    for name in sorted(p.name for p in FOLDER.glob("*.pdf")):
        titles = [s["title"] for s in _json(index, "sections", name)]
        assert not [t for t in titles if t.startswith(("Uppsala kommun", "Region Värmland", "ÖREBRO KOMMUN"))]
