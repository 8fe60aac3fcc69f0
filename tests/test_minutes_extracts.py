"""One § item of minutes published as a PDF of its own (Nykarleby publishes each item so): the
pages of the real Välfärdsnämnden minutes, cut out unchanged, with no first page to say what
they are. The pages' running head ('Protokoll 15.09.2022 Sida', 'Välfärdsnämnden', '44 §',
which pdfium reads last on the page) says it; the gold is what a reader sees on them."""

from __future__ import annotations

from pathlib import Path

import pytest

import pdfgen
from conftest import shared_dir
from pipeline.answer.listings import document_listing, sections
from pipeline.answer.quotes import quotes
from pipeline.filters import Filters
from pipeline.ingest import ingest
from pipeline.output.citations import citation_line
from pipeline.records import DocumentEntry
from pipeline.settings import Settings

pytestmark = pytest.mark.realworld

VALF = "valfardsnamnden_protokoll_15_09_2022_18_00_139758.pdf"
# file -> the minutes' pages it holds
EXTRACTS = {"rekrytering_av_valfardschef.pdf": [11, 12, 13], "budgetuppfoljning.pdf": [17, 18, 19]}
EXTRACTS["bilaga_resultatrakning.pdf"] = [22, 23]  # the appendix of § 49: two tables


@pytest.fixture(scope="module")
def extracts(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    folder = tmp_path_factory.mktemp("extracts")
    source = str(shared_dir("realworld/nykarleby") / VALF)
    for name, numbers in EXTRACTS.items():
        (folder / name).write_bytes(pdfgen.pages_of(source, numbers))
    settings = Settings(index_dir=folder / "index", ocr="never")
    ingest([folder], settings)
    return settings


def by_file(settings: Settings) -> dict[str, DocumentEntry]:
    return {Path(d["paths"][0]).name: d for d in document_listing(settings)}


def test_an_item_of_minutes_is_an_extract_of_its_meeting(extracts: Settings) -> None:
    doc = by_file(extracts)["rekrytering_av_valfardschef.pdf"]
    got = (doc["kind"], doc["title"], doc["board"], doc["date"], doc["paragraph"])
    # not 2022-09-05, the date of the earlier handling it cites ('Stadsstyrelsen 5.9.2022, 186 §')
    assert got == ("protokollsutdrag", "Rekrytering av välfärdschef", "Välfärdsnämnden", "2022-09-15", "§ 44")
    items = [
        (s["number"], s["title"], s["first_page"], s["last_page"]) for s in sections(extracts, doc["id"])
    ]
    assert items == [(44, "Rekrytering av välfärdschef", 1, 3)]


def test_two_items_of_minutes_keep_their_numbers(extracts: Settings) -> None:
    doc = by_file(extracts)["budgetuppfoljning.pdf"]
    assert (doc["kind"], doc["date"], doc["paragraph"]) == ("protokollsutdrag", "2022-09-15", "§ 47–48")
    found = {s["number"]: s["title"] for s in sections(extracts, str(doc["id"]))}
    assert found[48] == "Budgetuppföljning, Välfärdsnämnden"  # past its 'NKBY/499/02.02.00.01/2022'


def test_a_quote_from_an_extract_is_cited_with_its_meeting_and_paragraph(extracts: Settings) -> None:
    found = quotes(extracts, "rekryteringsgruppen", Filters())
    assert found
    assert (
        citation_line(found[0])
        == f"— protokollsutdrag, Välfärdsnämnden, 2022-09-15, § 44, s. {found[0]['page']}"
    )


def test_an_appendix_on_its_own_belongs_to_the_meeting_it_names(extracts: Settings) -> None:
    # its foot says: 'Bilaga Välfärdsnämnden, 15.09.2022 § 49'
    doc = by_file(extracts)["bilaga_resultatrakning.pdf"]
    assert (doc["kind"], doc["board"], doc["date"], doc["paragraph"]) == (
        "bilaga",
        "Välfärdsnämnden",
        "2022-09-15",
        "§ 49",
    )
    assert doc["title"].startswith("Budgetram – Talousarviokehys")
