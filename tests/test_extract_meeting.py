"""extract/meeting.py: the meeting's day and organ, and whether minutes are whole or an
extract, on what the real minutes write (Nykarleby, Alingsås, Huddinge)."""

from __future__ import annotations

import pytest

from pipeline.extract.meeting import full_minutes, normalise_board, parse_date
from pipeline.models import DocumentKind, Meta, Page


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Sammanträdestd 15.9.2022 kl. 18.00 – 19.37", "2022-09-15"),  # Nykarleby
        ("Kommunstyrelsen har den 13 april 2026, § 27 behandlat ärendet.", "2026-04-13"),  # Alingsås
        ("Sammanträdesdatum 2022-02-17", "2022-02-17"),  # Huddinge
        ("Protokollet justeras elektroniskt senast 31.13.2022", None),  # no 13th month
    ],
)
def test_parse_date(text: str, day: str | None) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Trygghets- och delaktighetsberednings", "Trygghets- och delaktighetsberedningen"),
        ("kommunstyrelsens", "Kommunstyrelsen"),
        ("Välfärdsnämndens", "Välfärdsnämnden"),
        ("Kommunstyrelsens arbetsutskott", "Kommunstyrelsens arbetsutskott"),  # as written
    ],
)
def test_normalise_board(written: str, name: str) -> None:
    assert normalise_board(written) == name


def _page(number: int, body: str, item: int | None = None) -> Page:
    return Page(number, body, "", item=item)


def test_pages_under_a_running_head_without_the_first_page_are_an_extract() -> None:
    """Nykarleby publishes each § of Välfärdsnämnden 15.09.2022 as its own pages."""
    pages = [
        _page(9, "Protokoll 44 § 15.09.2022 Sida\nVälfärdsnämnden\n44 §\nRekrytering av välfärdschef", 44),
        _page(10, "Protokoll 44 § 15.09.2022 Sida\nVälfärdsnämnden\nAntecknades för kännedom.", 44),
    ]
    meta = full_minutes(Meta(title="Rekrytering av välfärdschef", kind=DocumentKind.PROTOKOLL), pages)
    assert (meta.kind, meta.date, meta.board, meta.paragraph, meta.paragraphs) == (
        DocumentKind.PROTOKOLLSUTDRAG,
        "2022-09-15",
        "Välfärdsnämnden",
        "§ 44",
        (44, 44),
    )


def test_whole_minutes_are_titled_by_their_number_organ_and_day() -> None:
    first = (
        "Protokoll 5/2022\nOrgan Välfärdsnämnden\n"
        "Sammanträdestd 15.9.2022 kl. 18.00 – 19.37\nÄrenden 39 – 49 §"
    )
    meta = full_minutes(Meta(kind=DocumentKind.PROTOKOLL, date="2022-09-15"), [_page(1, first)])
    assert (meta.title, meta.board, meta.paragraph) == (
        "Protokoll 5/2022 Välfärdsnämnden 15.9.2022",
        "Välfärdsnämnden",
        "§ 39–49",
    )
