"""Minutes in the layout most Swedish municipalities use (SAMMANTRÄDESPROTOKOLL beside the
organ in the running header, 'Sammanträdesdatum', 'Beslutande Anna Andersson (S),
ordförande', '§ 45  Dnr KS 2022/123' above each item's title, 'Kommunstyrelsens beslut'),
as a real PDF written here; the gold is what a reader sees on its pages."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import pdfgen
from pipeline.answer.listings import amounts, document_listing, sections, speakers
from pipeline.answer.quotes import quotes
from pipeline.extract.names import given_first
from pipeline.filters import Filters
from pipeline.ingest import ingest
from pipeline.output.citations import citation_line
from pipeline.settings import Settings

FOOT = ["Justerandes signatur        Utdragsbestyrkande"]


def head(page: int) -> list[str]:
    return ["Kommunstyrelsen        SAMMANTRÄDESPROTOKOLL", "Sammanträdesdatum 2022-03-14", f"Sida {page}(5)"]


COVER = [
    "Plats och tid  Kommunhuset, Storgatan 1, kl. 13.00-15.30",
    "Beslutande  Anna Andersson (S), ordförande",
    "Bengt Berg (M), vice ordförande",
    "Cecilia Ceder (V)",
    "Lars Lind (C)",
    "Övriga deltagande  David Dahl, kommundirektör",
    "Eva Ek, sekreterare",
    "Utses att justera  Bengt Berg",
    "Justeringens plats och tid  Kommunhuset 2022-03-18",
    "Underskrifter  Sekreterare  Eva Ek  Paragrafer §§ 45-49",
    "Ordförande  Anna Andersson",
]
ITEMS = [
    [
        "§ 45    Dnr KS 2022/123",
        "Motion om fler cykelvägar i centrum",
        "Sammanfattning",
        "Cecilia Ceder (V) har i en motion föreslagit att kommunen bygger fler cykelvägar i centrum.",
        "Kostnaden beräknas till 2,5 mnkr.",
        "Kommunstyrelsens beslut",
        "Motionen bifalls.",
        "Reservation",
        "Bengt Berg (M) reserverar sig mot beslutet.",
    ],
    [
        "§ 46    Dnr KS 2022/130",
        "Budgetuppföljning februari 2022",
        "Ekonomichefen redovisar budgetuppföljningen. Prognosen visar ett underskott på 12 miljoner kronor.",
        "Kommunstyrelsens beslut",
        "Informationen noteras.",
        "",
        "§ 47    Dnr KS 2022/131",
        "Val av ombud till föreningsstämma",
        "Kommunstyrelsens beslut",
        "Lars Lind (C) utses till ombud.",
    ],
    [
        "§ 48    Dnr KS 2022/001",
        "Delegationsbeslut",
        "Redovisning av delegationsbeslut under perioden.",
        "Kommunstyrelsens beslut",
        "Redovisningen godkänns.",
    ],
    [
        "§ 49    Dnr KS 2022/002",
        "Meddelanden",
        "Inkomna skrivelser redovisas.",
        "Kommunstyrelsens beslut",
        "Meddelandena läggs till handlingarna.",
    ],
]
GOLD_ITEMS = [
    (45, "Motion om fler cykelvägar i centrum", "Motionen bifalls.", 2),
    (46, "Budgetuppföljning februari 2022", "Informationen noteras.", 3),
    (47, "Val av ombud till föreningsstämma", "Lars Lind (C) utses till ombud.", 3),
    (48, "Delegationsbeslut", "Redovisningen godkänns.", 4),
    (49, "Meddelanden", "Meddelandena läggs till handlingarna.", 5),
]


def split_headings(item: list[str]) -> list[str]:
    """'§ 45    Dnr KS 2022/123' as two lines, '§ 45' above 'Dnr KS 2022/123' (another common layout)."""
    return [part for line in item for part in (line.split("    ") if line.startswith("§") else [line])]


@pytest.fixture(scope="module", params=["heading on one line", "§ above its diarienummer"])
def minutes(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Settings:
    folder = tmp_path_factory.mktemp("sv-minutes")
    items = ITEMS if request.param == "heading on one line" else [split_headings(item) for item in ITEMS]
    pages = [head(1) + COVER + FOOT] + [head(n + 2) + item + FOOT for n, item in enumerate(items)]
    (folder / "ks-protokoll-2022-03-14.pdf").write_bytes(pdfgen.text_pages(pages))
    settings = Settings(index_dir=folder / "index")
    ingest([folder], settings)
    return settings


def test_the_meeting(minutes: Settings) -> None:
    [doc] = document_listing(minutes)
    assert (doc["kind"], doc["board"], doc["date"], doc["paragraph"]) == (
        "protokoll",
        "Kommunstyrelsen",
        "2022-03-14",
        "§ 45–49",
    )
    assert doc["title"] == "Protokoll Kommunstyrelsen 2022-03-14" == doc["parts"][0]["title"]


def test_each_item_with_its_title_decision_and_page(minutes: Settings) -> None:
    # the heading of an item that opens a page repeats near the top of every page, and so does
    # 'Kommunstyrelsens beslut' near the foot: neither is a running header
    items = [s for s in sections(minutes, "ks-protokoll-2022-03-14.pdf") if s["kind"] == "paragraph"]
    assert [(s["number"], s["title"], s["decision"], s["first_page"]) for s in items] == GOLD_ITEMS


def test_people_given_name_first_with_party_and_role(minutes: Settings) -> None:
    people = {p["name"]: (p["party"], p["role"]) for p in speakers(minutes)}
    assert people == {
        "Anna Andersson": ("S", "ordförande"),
        "Bengt Berg": ("M", "vice ordförande"),
        "Cecilia Ceder": ("V", "ledamot"),  # a member under 'Beslutande'
        "Lars Lind": ("C", "ledamot"),
        "David Dahl": (None, "kommundirektör"),
        "Eva Ek": (None, "sekreterare"),
    }


def test_amounts_and_quotes_carry_the_item(minutes: Settings) -> None:
    found = {(a["text"], a["sek"], a["paragraph"]) for a in amounts(minutes, Filters())}
    assert found == {
        ("2,5 mnkr", Decimal(2_500_000), "§ 45"),
        ("12 miljoner kronor", Decimal(12_000_000), "§ 46"),
    }
    [said] = quotes(minutes, "reserverar", Filters())
    assert said["quote"] == "Bengt Berg (M) reserverar sig mot beslutet."
    assert (
        citation_line(said)
        == "— Moderaterna (Bengt Berg), protokoll, Kommunstyrelsen, 2022-03-14, § 45, s. 2"
    )
    # --party keeps the quotes attributed to the party, in minutes too, and only those
    assert [q["quote"] for q in quotes(minutes, "beslutet", Filters(party="Moderaterna"))] == [said["quote"]]
    assert quotes(minutes, "beslutet", Filters(party="V")) == []
    # an item's first sentence, below its '§ 45  Dnr KS 2022/123', title and 'Sammanfattning' lines
    # (the cover page above ends with a name, no full stop: the sentence must not start there)
    [motion] = quotes(minutes, "cykelvägar", Filters())
    assert motion["quote"] == ITEMS[0][3]  # 'Cecilia Ceder (V) har i en motion föreslagit att …'
    assert (motion["party"], motion["page"], motion["paragraph"]) == ("V", 2, "§ 45")


@pytest.mark.parametrize(
    ("name", "given"),
    [
        ("Lindvall Mikael", False),
        ("Emilia Ingman", True),
        ("Tötterman-Engström Teresia", False),
        ("Eva Ek", True),
        ("Karlsson Berg", None),  # two surnames: the list decides
        ("Nguyen Tran", None),
    ],
)
def test_which_word_of_a_name_is_the_given_name(name: str, given: bool | None) -> None:
    assert given_first(name.split()) is given


def test_a_list_written_surname_first_is_turned_round(tmp_path: Path) -> None:
    lines = [
        "PROTOKOLL",
        "Närvarande",
        "Lindvall Mikael, ordförande",
        "Karlsson Berg, ledamot",
        "Paragrafer 1-2",
    ]
    lines += ["§ 1 Mötets öppnande", "Ordföranden öppnade mötet.", "§ 2 Avslutning", "Mötet avslutades."]
    (tmp_path / "p.pdf").write_bytes(pdfgen.text_pages([lines]))
    settings = Settings(index_dir=tmp_path / "index")
    ingest([tmp_path / "p.pdf"], settings)
    names = {p["name"] for p in speakers(settings)}
    assert names == {"Mikael Lindvall", "Berg Karlsson"}  # the undecided name follows its list


def test_an_agenda_numbered_1_2_3_and_an_extract(tmp_path: Path) -> None:
    agenda = ["Kommunstyrelsen        KALLELSE", "Sammanträdesdatum 2022-03-14", "Sida 1(1)"]
    agenda += ["Tid  Måndag 14 mars 2022 kl. 13.00", "Plats  Kommunhuset", "Ärenden", "1. Val av justerare"]
    agenda += ["2. Motion om fler cykelvägar i centrum  KS 2022/123", "3. Delegationsbeslut"]
    extract = ["Kommunstyrelsen        PROTOKOLLSUTDRAG", "Sammanträdesdatum 2022-03-14", "Sida 1(1)"]
    extract += ITEMS[0] + FOOT
    (tmp_path / "kallelse.pdf").write_bytes(pdfgen.text_pages([agenda]))
    (tmp_path / "utdrag.pdf").write_bytes(pdfgen.text_pages([extract]))
    settings = Settings(index_dir=tmp_path / "index")
    ingest([tmp_path / "kallelse.pdf", tmp_path / "utdrag.pdf"], settings)
    docs = {Path(d["paths"][0]).name: d for d in document_listing(settings)}
    assert (docs["kallelse.pdf"]["kind"], docs["kallelse.pdf"]["title"]) == (
        "föredragningslista",
        "Föredragningslista Kommunstyrelsen 2022-03-14",
    )
    items = [(s["number"], s["title"]) for s in sections(settings, docs["kallelse.pdf"]["id"])]
    assert items == [
        (1, "Val av justerare"),
        (2, "Motion om fler cykelvägar i centrum"),
        (3, "Delegationsbeslut"),
    ]
    utdrag = docs["utdrag.pdf"]
    assert (utdrag["kind"], utdrag["board"], utdrag["date"], utdrag["paragraph"]) == (
        "protokollsutdrag",
        "Kommunstyrelsen",
        "2022-03-14",
        "§ 45",
    )
    [item] = sections(settings, utdrag["id"])
    assert (item["number"], item["title"], item["decision"]) == (45, GOLD_ITEMS[0][1], "Motionen bifalls.")


def test_a_role_ends_where_the_next_columns_person_begins() -> None:
    from pipeline.extract.parties import attendance_in

    table = "Beslutande Ledamöter Tjänstgörande ersättare\n"
    table += "Anna Andersson (S), ordförande Karin Ek (S) för Lars Lind (C)\n"
    table += "Bengt Berg (M), 1:e vice ordförande\nUtses att justera Bengt Berg"
    present, _ = attendance_in(table)
    assert [(name, role) for name, role, _ in present] == [
        ("Anna Andersson", "ordförande"),
        ("Bengt Berg", "1:e vice ordförande"),
    ]


@pytest.mark.parametrize(
    ("first_line", "kind"),
    [
        ("Utdrag ur sammanträdesprotokoll", "protokollsutdrag"),
        ("UTDRAG UR PROTOKOLL", "protokollsutdrag"),
        ("Kommunstyrelsen SAMMANTRÄDESPROTOKOLL", "protokoll"),
        ("protokoll från mötet finns på webben", None),  # a sentence, not a letterhead
    ],
)
def test_the_letterhead_says_minutes_or_an_extract(first_line: str, kind: str | None) -> None:
    from pipeline.extract.structure import _minutes_kind
    from pipeline.models import Page

    assert _minutes_kind(Page(1, f"{first_line}\nSammanträdesdatum 2022-03-14\nText.", "")) == kind
