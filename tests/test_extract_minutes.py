"""extract/minutes.py: what the first pages and the running heads of minutes say, on lines of
the real minutes (Nykarleby Välfärdsnämnden 2022-09-15, Nacka KSVU 2018-12-18, Alingsås KF
2026-05-06)."""

from __future__ import annotations

import pytest

from pipeline.extract.minutes import (
    decision,
    looks_like_organ,
    mark_numbers,
    meeting_facts,
    running_head,
    split_dnr,
)
from pipeline.models import DocumentKind, Page

FIRST_PAGE = """Protokoll 5/2022
Organ Välfärdsnämnden
Sammanträdestd 15.9.2022 kl. 18.00 – 19.37
Sammanträdesplats Stadshuset, stadsstyrelsens rum
Ärenden 39 – 49 §
Beslutande"""


def test_the_meetings_number_organ_and_item_range_from_its_first_page() -> None:
    facts = meeting_facts([Page(1, FIRST_PAGE, "")])
    assert (facts.organ, facts.number, facts.item_span, facts.form) == (
        "Välfärdsnämnden",
        "5/2022",
        (39, 49),
        True,
    )


def test_a_running_head_dates_the_page_and_names_the_organ_below_it() -> None:
    page = Page(9, "Protokoll 44 § 15.09.2022 Sida\nVälfärdsnämnden\nRekrytering av välfärdschef", "")
    head = running_head(page)
    assert head is not None
    assert (head.kind, head.date, head.organ) == (DocumentKind.PROTOKOLL, "2022-09-15", "Välfärdsnämnden")
    assert running_head(Page(9, "Protokoll 44 § 15.13.2022 Sida", "")) is None  # no 13th month


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("Dnr KFKS 2018/3 Anmälningar", ("KFKS 2018/3", "Anmälningar")),  # Nacka KSVU, § 68
        (
            "2026.019 KS Årsredovisning 2025 för Alingsås kommun",
            ("2026.019 KS", "Årsredovisning 2025 för Alingsås kommun"),
        ),
        ("Övriga frågor", (None, "Övriga frågor")),
    ],
)
def test_split_dnr(line: str, found: tuple[str | None, str]) -> None:
    assert split_dnr(line) == found


def test_an_organ_is_told_from_a_title_that_names_one() -> None:
    assert looks_like_organ("Välfärdsnämnden") and looks_like_organ("Rådet för funktionshindrade")
    assert looks_like_organ("Kommunstyrelsens verksamhetsutskott")
    assert looks_like_organ("Kommunfullmäktiges presidium")
    assert not looks_like_organ("Verksamhetsplan för trygghets- och delaktighetsberedningen")


def test_lines_that_are_only_an_items_mark() -> None:
    assert mark_numbers(["39 §", "Protokoll 15.09.2022 Sida", "§ 111", "§ 10, att fastställa"]) == [39, 111]


def test_the_decision_is_what_follows_the_last_decision_label() -> None:
    text = """Bildningsdirektör/tf välfärdschef Teresia Tötterman-Engströms förslag:
Välfärdsnämnden utser protokolljusterare.
Välfärdsnämndens beslut:
Till protokolljusterare utsågs Johanna Norrbygård och Tua Backman.
Protokollet justeras elektroniskt senast 21.9.2022 kl. 16.00.
______"""
    assert decision(text) == (
        "Till protokolljusterare utsågs Johanna Norrbygård och Tua Backman. "
        "Protokollet justeras elektroniskt senast 21.9.2022 kl. 16.00."
    )
    assert decision("Välfärdsnämnden utser protokolljusterare.") is None
