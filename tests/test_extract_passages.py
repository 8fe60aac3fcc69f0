"""extract/passages.py: where the language stage looks in a part's text, on text of the real
minutes (Nacka KSVU 2018-12-18, Nykarleby Välfärdsnämnden 2022-09-15). The equality of its
stretches' tokens with the whole text's is tested in test_passages.py."""

from __future__ import annotations

from pipeline.extract.passages import (
    PageStarts,
    chunks,
    money_windows,
    sentence_at,
    sentence_bounds,
    stretches,
)
from pipeline.extract.sentences import COMMON_ABBREVIATIONS
from pipeline.models import Page

AMOUNTS = (
    "Beräknat sammanlagt värde för avtalet är cirka 1 750 000 kronor årligen, viket ger en\n"
    "totalkostnad på cirka 7 000 000 kronor."
)


def test_an_offset_in_the_parts_text_is_a_page_and_an_offset_on_it() -> None:
    where = PageStarts.of([Page(8, "Yrkanden", ""), Page(9, "Mats Gerdau (M) yrkade bifall.", "")])
    assert [where.locate(k) for k in (0, 7, 9, 14)] == [(8, 0), (8, 7), (9, 0), (9, 5)]


def test_a_long_part_is_read_in_runs_that_end_with_a_sentence() -> None:
    pages = [
        Page(n, "Antecknades för kännedom." if n % 2 else "Budgetuppföljning, Välfärdsnämnden", "")
        for n in range(1, 9)
    ]
    assert [[p.number for p in run] for run in chunks(pages, 125)] == [[1, 2, 3], [4, 5, 6, 7], [8]]


def test_money_windows_around_each_amount_merge_where_they_meet() -> None:
    windows = money_windows(AMOUNTS)
    assert windows == [(15, len(AMOUNTS))]  # the two amounts' windows overlap
    assert money_windows("Välfärdsnämnden utser protokolljusterare.") == []


def test_a_stretch_starts_at_a_word_and_holds_its_windows() -> None:
    (stretch,) = stretches(AMOUNTS, money_windows(AMOUNTS))
    assert (stretch.start, stretch.end, stretch.windows) == (0, len(AMOUNTS), ((15, len(AMOUNTS)),))


def test_the_sentence_around_an_offset() -> None:
    text = "Anmälningar noteras till protokollet. Delegationsbesluten noteras till protokollet."
    bounds = sentence_bounds(text, COMMON_ABBREVIATIONS)
    assert bounds == [0, 38, len(text)]
    assert sentence_at(text, bounds, 50) == "Delegationsbesluten noteras till protokollet."
