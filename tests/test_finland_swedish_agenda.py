"""An agenda in the layout of Finland's Swedish-speaking municipalities (Nykarleby's: a form on
the first page, 'Föredragningslista 10/2022', '180 § Title' items, each page headed
'Föredragningslista 180 § 26.09.2022 Sida'), counting in euro, as a real PDF written here; the
gold is what a reader sees on its pages."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import pdfgen
from pipeline.answer.listings import amounts, document_listing, sections
from pipeline.answer.search import search
from pipeline.filters import Filters
from pipeline.ingest import ingest
from pipeline.settings import Settings

TOC = [
    ("180", "Sammanträdets laglighet och beslutförhet", 1),
    ("181", "Val av protokolljusterare", 2),
    ("182", "Budgetuppföljning januari-augusti 2022", 3),
    ("183", "Anhållan om bidrag för 2023, Dagcentret Hyddan rf", 4),
]
FORM = [
    "Föredragningslista        10/2022",
    "Organ                    Stadsstyrelsen",
    "Sammanträdestid          26.09.2022 kl. 16:30",
    "Sammanträdesplats        Stadshuset, stadsstyrelsens rum",
    "Ärenden                                                     Sida",
    *(f"{n} § {title} {'.' * (60 - len(title))} {page}" for n, title, page in TOC),
]
BODIES = {
    "180": ["Ordföranden konstaterar om stadsstyrelsen är lagligt sammankallad och beslutför."],
    "181": ["Stadsdirektörens förslag:", "Till protokolljusterare väljs Tobias Wik och Robert Blomqvist."],
    "182": [
        "Verksamhetens nettokostnader har ökat med 1,2 miljoner euro jämfört med föregående år.",
        "Energikostnaderna överskrider budgeten med 350 000 euro.",
        "Stadsdirektörens förslag:",
        "Stadsstyrelsen antecknar budgetuppföljningen för kännedom.",
    ],
    "183": [
        "Dagcentret Hyddan rf anhåller om ett verksamhetsbidrag om 15 000 euro för år 2023.",
        "Stadsdirektörens förslag:",
        "Stadsstyrelsen beviljar föreningen ett bidrag om 12 000€ för år 2023.",
    ],
}


def page(number: str, title: str, sida: int, head_last: bool) -> list[str]:
    head = ["Föredragningslista        26.09.2022        Sida", "Stadsstyrelsen", f"{number} §", str(sida)]
    text = [f"{number} § {title}", *BODIES[number]]
    return [*text, *head] if head_last else [*head, *text]


# the running head at the top of each page, or read last, as pdfium reads Nykarleby's minutes
@pytest.fixture(scope="module", params=["head first", "head last"])
def agenda(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> tuple[Settings, str]:
    folder = tmp_path_factory.mktemp("agenda")
    pdf = folder / "stadsstyrelsen_foredragningslista_26_09_2022.pdf"
    last = request.param == "head last"
    pdf.write_bytes(pdfgen.text_pages([FORM, *(page(n, t, s, last) for n, t, s in TOC)]))
    settings = Settings(index_dir=folder / "index", ocr="never")
    ingest([pdf], settings)
    (doc,) = document_listing(settings)
    return settings, str(doc["id"])


def test_the_agenda_is_named_numbered_and_dated(agenda: tuple[Settings, str]) -> None:
    (doc,) = document_listing(agenda[0])
    assert (doc["kind"], doc["board"], doc["date"]) == ("föredragningslista", "Stadsstyrelsen", "2022-09-26")
    assert doc["title"] == "Föredragningslista 10/2022 Stadsstyrelsen 26.9.2022"
    assert doc["paragraph"] == "§ 180–183"
    assert [p["kind"] for p in doc["parts"]] == ["föredragningslista"]  # one part, not one a page


def test_each_item_with_its_title_and_page(agenda: tuple[Settings, str]) -> None:
    found = [s for s in sections(*agenda) if s["kind"] == "paragraph"]
    items = [(s["number"], s["title"], s["first_page"]) for s in found]
    assert items == [(int(n), title, sida + 1) for n, title, sida in TOC]


def test_its_sums_in_euro(agenda: tuple[Settings, str]) -> None:
    found = [(a["text"], a["value"], a["currency"], a["paragraph"]) for a in amounts(agenda[0], Filters())]
    assert found == [
        ("1,2 miljoner euro", Decimal(1_200_000), "EUR", "§ 182"),
        ("350 000 euro", Decimal(350_000), "EUR", "§ 182"),
        ("15 000 euro", Decimal(15_000), "EUR", "§ 183"),
        ("12 000€", Decimal(12_000), "EUR", "§ 183"),
    ]


def test_a_hit_in_the_table_of_contents_shows_no_dot_leaders(agenda: tuple[Settings, str]) -> None:
    hits = search(agenda[0], "protokolljusterare", Filters()).hits
    contents = next(h for h in hits if h["page"] == 1)
    assert "...." not in contents["snippet"] and "…" in contents["snippet"]


def test_no_leader_is_left_in_a_snippet(tmp_path: Path) -> None:
    from pipeline.store.query import snippet

    text = "39 § Sammanträdets laglighet ........................ 1 40 § Val . . . . . . 2"
    assert (
        snippet(text, [(5, 18)]).marked("\x01", "\x02")
        == "39 § \x01Sammanträdets\x02 laglighet … 1 40 § Val … 2"
    )
