"""Sums of money in the running text of real plans, follow-ups, reports and minutes (Alingsås,
Nacka, Göteborg), against gold read off their pages (tests/gold/realworld_amounts.json): each
found, with its value in kronor, its sign, its rate ('kr/invånare', 'tkr per år') and, for a
range, its high end."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, Ingested, shared_dir
from pipeline.answer.listings import amounts
from pipeline.filters import Filters
from pipeline.output.views import amounts_view
from pipeline.records import AmountEntry
from pipeline.settings import Settings

GOLD = json.loads((ROOT / "tests" / "gold" / "realworld_amounts.json").read_text())["amounts"]
FOLDERS = ("alingsas", "nacka", "goteborg")


@dataclass(frozen=True)
class Score:
    total: int  # gold amounts
    found: int  # a found amount stands on the gold's page at the gold's words
    right: int  # ... and reads right: value, currency, rate and high end
    extra: int  # found amounts that stand for no gold amount
    wrong: tuple[str, ...]  # what was found wrong or missed, for the failure's message


def _core(text: str) -> str:
    return " ".join(text.split())


def _within(found: str, gold: str) -> bool:
    """The found amount's words stand in the gold's, whole numbers only ('75 tkr' in '- 75 tkr',
    '7,8 kr' in '7,8 kr/m'; not '0 kr' in '30 000 kr')."""
    return re.search(rf"(?<![\d,]){re.escape(_core(found))}(?![\d])", _core(gold)) is not None


def _reads(found: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    high = None if gold["high"] is None else Decimal(gold["high"])
    found_high = None if found["high"] is None else Decimal(str(found["high"]))
    return (
        Decimal(str(found["value"])) == Decimal(gold["value"])
        and found["currency"] == gold["currency"]
        and found["rate"] == gold["rate"]
        and found_high == high
    )


def score(rows: Iterable[Any], gold: list[dict[str, Any]]) -> Score:
    """Each gold amount paired with a found one on its page whose words it holds (one that reads
    right first); found amounts of the gold's files left unpaired are extra."""
    files = {g["file"] for g in gold}
    pool: dict[tuple[str, int], list[Any]] = {}
    for row in rows:
        name = "/".join(Path(row["path"]).parts[-2:])
        if name in files:
            pool.setdefault((name, row["page"]), []).append(row)
    found = right = 0
    wrong: list[str] = []
    for g in gold:
        here = [r for r in pool.get((g["file"], g["page"]), []) if _within(r["text"], g["text"])]
        best = next((r for r in here if _reads(r, g)), here[0] if here else None)
        if best is None:
            wrong.append(f"missed {g['file']} p.{g['page']} {g['text']!r}")
            continue
        pool[(g["file"], g["page"])].remove(best)
        found += 1
        if _reads(best, g):
            right += 1
        else:
            wrong.append(
                f"{g['file']} p.{g['page']} {g['text']!r}: {best['value']} {best['rate']} {best['high']}"
            )
    extra = sum(len(rest) for rest in pool.values())
    return Score(len(gold), found, right, extra, tuple(wrong))


@pytest.fixture(scope="module")
def reports(shared_ingest: Callable[..., Ingested]) -> Settings:
    return shared_ingest([shared_dir(f"realworld/{f}") for f in FOLDERS], ocr="never")[0]


def _running(table: bool) -> list[dict[str, Any]]:
    return [g for g in GOLD if g["table"] is table]


@pytest.mark.realworld
def test_amounts_in_running_text_against_gold(reports: Settings) -> None:
    found = [a for a in amounts(reports, Filters()) if a.table is None]  # a table's cells: tables' gold
    result, extra = score(found, _running(False)), score(found, GOLD).extra
    print(f"running text: {result.right}/{result.total} right, {result.found} found, {extra} not in the gold")
    assert result.total >= 80
    assert result.found >= result.total - 2, result.wrong
    assert result.right >= result.total - 3, result.wrong
    assert extra <= 2


@pytest.mark.realworld
def test_signed_forms_and_rates_read_right(reports: Settings) -> None:
    """Every amount the gold signs or prices per unit reads exactly: '- 75 tkr' and '+379 tkr' in
    BUN's list of deviations, '-584 tusen kronor', '74,11 kr/invånare', '5 kr/h', '5000 SEK/månad'."""
    marked = [g for g in _running(False) if g["rate"] or g["text"][:1] in "+-−–"]
    result = score(amounts(reports, Filters()), marked)
    assert len(marked) >= 40
    assert result.right == result.total, result.wrong


@pytest.mark.realworld
def test_rates_in_a_tables_cells(reports: Settings) -> None:
    """Tekniska nämndens genomlysning compares prices per unit in a table ('7,8 kr/m', '368
    kr/inv.', '138,13kr/kvm' written on its number): each is a rate, none a sum."""
    result = score(amounts(reports, Filters()), _running(True))
    print(f"table cells: {result.right}/{result.total} right")
    assert result.right == result.total, result.wrong


@pytest.mark.realworld
def test_the_amounts_table_shows_a_rate_per_unit(reports: Settings) -> None:
    from click.testing import CliRunner

    from cli import main

    result = CliRunner().invoke(main, ["amounts", "--index", str(reports.index_dir), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert list(rows[0])[:5] == ["sek", "value", "currency", "text", "per"]
    per = {(r["text"], r["per"]) for r in rows if r["path"].endswith("kf_protokoll_2018-03-28.pdf")}
    assert {("74,11 kr", "kr/invånare"), ("75,52 kr", "kr/invånare"), ("519 tkr", "")} <= per


def test_a_ranges_value_is_its_low_and_high_end() -> None:
    entry = AmountEntry(
        text="1 800-2 200 tkr",
        sek=Decimal(1_800_000),
        value=Decimal(1_800_000),
        currency="SEK",
        qualifier=None,
        sentence="Kostnaden beräknas till 1 800-2 200 tkr.",
        page=1,
        part_kind="other",
        document="x",
        path="/a.pdf",
        year=None,
        party=None,
        parties=(),
        paragraph=None,
        ocr=False,
        rate=None,
        high=Decimal(2_200_000),
        table=None,
        row=None,
        column=None,
    )
    value = next(c for c in amounts_view(with_sek=False, short_path=True) if c.header == "value")
    assert value.value(entry) == "1800000–2200000"
    assert value.value(replace(entry, high=None)) == Decimal(1_800_000)
