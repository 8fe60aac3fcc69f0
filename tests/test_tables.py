"""A table cell's number, unit and value, and a table's money cells as amounts (one cell,
one amount: a running-text amount read off the same line gives way)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.extract.tables import number, unit_of, value_of, with_cells
from pipeline.models import Amount, Extracted, Page, Part, Table, TableCell, TableRow


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-1 942", Decimal(-1942)),
        ("−1 942", Decimal(-1942)),  # a minus sign, U+2212
        ("– 75", Decimal(-75)),
        ("(1 942)", Decimal(-1942)),
        ("+379", Decimal(379)),
        ("1 513,3", Decimal("1513.3")),
        ("3,5%", Decimal("3.5")),
        ("85 %", Decimal(85)),
        ("0", Decimal(0)),
        ("96 (93,7)", None),  # a target and its outcome: no one number
        ("-", None),
        ("bestäms senare", None),
        ("2026", None),  # a year heads a column, it is no figure
    ],
)
def test_a_cells_number_is_read_as_printed(text: str, expected: Decimal | None) -> None:
    assert number(text) == expected


@pytest.mark.parametrize(
    ("texts", "unit"),
    [
        (("Belopp i tkr",), "tkr"),
        (("Verksamhet, tkr",), "tkr"),
        (("Belopp i mnkr",), "mnkr"),
        (("", "De enheter som har de största avvikelserna mot budget (tusentals kronor)"), "tkr"),
        (("NÄMND", "Ramberedning 2027-2029"), None),
        (("Andel i %",), "%"),
    ],
)
def test_the_unit_is_the_first_a_header_or_caption_names(texts: tuple[str, ...], unit: str | None) -> None:
    assert unit_of(*texts) == unit


def test_money_cells_are_kronor_and_shares_are_not() -> None:
    assert value_of("10 300", "tkr", "Kommunbidrag", "Budget 2026") == Decimal(10300000)
    assert value_of("373,6", "mnkr", "Intäkter", "Period Utfall") == Decimal(373600000)
    assert value_of("106 343", None, "Ökning mot fg år (tkr)", "2027") == Decimal(106343000)
    assert value_of("3,5%", "tkr", "Ökning mot fg år (%)", "2027") == Decimal("3.5")
    assert value_of("95", None, "Andel nöjda", "Mål 2019") == Decimal(95)


def test_a_money_cell_is_one_amount_and_the_flattened_row_gives_way() -> None:
    body = "Drift\nKommunbidrag 85 940 85 940 0 tkr\nIntäkterna blir 2 200 tkr högre."
    page = Page(2, body, "")
    flattened = Amount("0 tkr", Decimal(0), "SEK", None, "Kommunbidrag 85 940 85 940 0 tkr", 2, 30, 35)
    prose = Amount("2 200 tkr", Decimal(2200000), "SEK", None, "Intäkterna blir 2 200 tkr högre.", 2, 53, 62)
    row = TableRow("Kommunbidrag", (("Budget 2026", TableCell("85 940", Decimal(85940000))),))
    table = Table(1, 2, "tkr", ("Budget 2026",), (row,), "Drift")
    part = Part(0, "other", "", 1, 3)
    out = with_cells({0: Extracted(amounts=(flattened, prose))}, [part], [page], [table])[0].amounts
    assert [(a.text, a.table, a.row, a.column) for a in out] == [
        ("85 940", 1, "Kommunbidrag", "Budget 2026"),
        ("2 200 tkr", None, None, None),
    ]
    cell = out[0]
    assert body[cell.start : cell.end] == "85 940" and cell.value == Decimal(85940000)
    assert cell.sentence == "Kommunbidrag · Budget 2026: 85 940 tkr"
