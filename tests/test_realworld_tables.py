"""Tables read from real budget, follow-up and report PDFs, against a hand-read sample of
their cells (tests/gold/realworld_tables.json), and no junk tables from minutes or prose."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pipeline.answer.listings import amounts
from pipeline.answer.tables import tables
from pipeline.extract.tables import document_tables
from pipeline.filters import Filters
from pipeline.models import Table
from pipeline.read.pdf import read_pages

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "realworld"
GOLD = Path(__file__).resolve().parent / "gold" / "realworld_tables.json"
pytestmark = [
    pytest.mark.realworld,
    pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realworld is not here"),
]


def tables_of(name: str) -> tuple[Table, ...]:
    return document_tables(read_pages(REAL / name, 5000))


def _key(text: str) -> str:
    return " ".join(text.split())


def found_cells(name: str) -> dict[tuple[int, str, str], tuple[str, Decimal | None]]:
    cells: dict[tuple[int, str, str], tuple[str, Decimal | None]] = {}
    for table in tables_of(name):
        for row in table.rows:
            for column, cell in row.cells:
                cells.setdefault((table.page, _key(row.label), _key(column)), (cell.text, cell.value))
    return cells


def test_table_cells_against_the_hand_read_sample() -> None:
    gold = json.loads(GOLD.read_text())["cells"]
    right, report = 0, {}
    for name in sorted({g["document"] for g in gold}):
        found = found_cells(name)
        mine = [g for g in gold if g["document"] == name]
        ok = 0
        for g in mine:
            value = None if g["value"] is None else Decimal(g["value"])
            if found.get((g["page"], _key(g["row"]), _key(g["column"]))) == (g["text"], value):
                ok += 1
        report[name] = f"{ok}/{len(mine)}"
        right += ok
    print(f"table cells right: {right}/{len(gold)}", report)
    assert len(gold) >= 150 and right >= 0.9 * len(gold), report


def test_a_brf_annual_report_has_its_tables() -> None:
    found = tables_of("brf/brf_198532.pdf")
    assert len(found) >= 8
    figures = [c for t in found for r in t.rows for _, c in r.cells if c.value is not None]
    assert len(figures) >= 100


@pytest.mark.parametrize(
    "name",
    [
        "nykarleby/radet_for_funktionshindrade_protokoll_24_05_2023_16_00_163978.pdf",
        "nykarleby/ungdomsfullmaktige_protokoll_30_01_2023_16_15_153457.pdf",
        "alingsas/ks_protokoll_2026-06-15.pdf",
        "alingsas/kf_protokoll_2018-03-28.pdf",
        "alingsas/bun_protokoll_2026-06-16.pdf",
        "nacka/minutes_ks_2018-02-19.pdf",
        "nacka/minutes_ksvu_2018-12-18.pdf",
        "alingsas/motion_nattvandrare_S.pdf",
        "goteborg/revisionsberattelse_2023.pdf",
    ],
)
def test_minutes_and_prose_give_no_tables(name: str) -> None:
    assert tables_of(name) == ()


def test_a_tables_money_cells_are_kronor_and_shares_are_not() -> None:
    ramar = {t.page: t for t in tables_of("alingsas/ks_underlag_ramar_2027-2029.pdf")}
    rows = {r.label: dict(r.cells) for r in ramar[5].rows}
    assert rows["Ökning mot fg år (tkr)"]["2027"].value == Decimal(106343000)
    assert rows["Ökning mot fg år (%)"]["2027"].value == Decimal("3.5")
    ten = {t.page: t for t in tables_of("alingsas/ten_fordjupad_manadsuppfoljning_2026_april.pdf")}
    assert ten[2].unit == "tkr" and ten[2].columns[0] == "Budget 2026"


@pytest.fixture(scope="module")
def budget_index(shared_ingest: Any) -> Any:
    return shared_ingest([REAL / "alingsas" / "ten_fordjupad_manadsuppfoljning_2026_april.pdf"], ocr="never")


def test_tables_command_and_amounts_carry_each_money_cell_once(budget_index: Any) -> None:
    settings, _ = budget_index
    found = tables(settings, "ten_fordjupad_manadsuppfoljning_2026_april.pdf")
    drift = next(t for t in found if t.page == 2)
    cell = drift.rows[[r.label for r in drift.rows].index("Kommunbidrag")].cells["Budget 2026"]
    assert (drift.unit, cell.text, cell.value) == ("tkr", "85 940", Decimal(85940000))
    listed = json.loads(json.dumps(drift.to_json(), default=str))
    assert set(listed) == {"document", "path", "page", "table", "unit", "columns", "rows"}
    money = amounts(settings, Filters())
    cells = [a for a in money if a.table is not None]
    assert len(cells) == sum(len(r.cells) for t in found for r in t.rows)  # every cell is money here
    on_table = [a for a in money if a.table is None and a.page == 2 and a.sentence.startswith("Kommunbidrag")]
    assert on_table == []  # the flattened row is no amount of its own
    bidrag = [a for a in cells if a.row == "Kommunbidrag" and a.column == "Budget 2026" and a.page == 2]
    assert [(a.text, a.sek, a.table) for a in bidrag] == [("85 940", Decimal(85940000), drift.table)]
