"""extract/structure.py: the parts of a composite PDF and what a document is, read from its
text: the corpus's Huddinge PDFs, and lines of Nykarleby's and Alingsås's minutes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from conftest import CORPUS, MINUTES_2022, V_STATEMENT
from pipeline.extract.clean import clean_pages
from pipeline.extract.structure import find_board, infer_meta, split_parts
from pipeline.extract.titles import fiscal_year, named_year
from pipeline.models import DocumentKind, Page
from pipeline.read.pdf import read_pages


def _pages(name: str) -> list[Page]:
    return clean_pages(list(read_pages(Path(CORPUS / name), 100)))


def test_an_extract_of_minutes_and_the_statements_in_it_are_parts_of_their_own() -> None:
    pages = _pages(MINUTES_2022)
    kinds = [(p.kind, p.first_page, p.party) for p in split_parts(pages)][:5]
    assert kinds == [
        (DocumentKind.PROTOKOLLSUTDRAG, 1, None),
        (DocumentKind.PROTOKOLLSANTECKNING, 2, "S"),
        (DocumentKind.PROTOKOLLSANTECKNING, 4, "V"),
        (DocumentKind.PROTOKOLLSANTECKNING, 5, "MP"),
        (DocumentKind.TJÄNSTEUTLÅTANDE, 6, None),
    ]


def test_an_extracts_meeting_item_and_board_come_from_its_first_page() -> None:
    pages = _pages(MINUTES_2022)
    meta = infer_meta(pages, split_parts(pages))
    assert (meta.kind, meta.date, meta.paragraph, meta.diarienummer) == (
        DocumentKind.PROTOKOLLSUTDRAG,
        "2022-02-17",
        "§ 12",
        "KS-2022/176.915",
    )
    assert (meta.board, meta.year) == ("Trygghets- och delaktighetsberedningen", 2021)


def test_a_protokollsanteckning_takes_no_item_from_a_paragraph_its_text_cites() -> None:
    pages = _pages(V_STATEMENT)
    cited = "av anpassade villkor. Enligt kommunallagen (2017:725) 4 kap. 1§ avses med förtroendevald"
    pages[0] = replace(pages[0], body=f"{pages[0].body}\n{cited}")  # a line of Alingsås KS 2026-06-15
    meta = infer_meta(pages, split_parts(pages))
    assert (meta.kind, meta.party, meta.paragraph, meta.paragraphs) == (
        DocumentKind.PROTOKOLLSANTECKNING,
        "V",
        None,
        None,
    )


@pytest.mark.parametrize(
    ("line", "board"),
    [
        ("Bilaga Rådet för funktionshindrade, 24.05.2023 § 13", "Rådet för funktionshindrade"),
        (
            "Barn- och ungdomsnämndens arbetsutskott har den 10 juni 2026, § 28 behandlat ärendet",
            "Barn- och ungdomsnämndens arbetsutskott",  # the utskott whole, as written
        ),
        ("Kommunfullmäktiges presidium föreslår att fullmäktige beslutar:", "Kommunfullmäktiges presidium"),
        (
            "1. Barn- och ungdomsnämndens ansökan om 6 mnkr från kommunens flyktingfond",
            "Barn- och ungdomsnämnden",
        ),
        ("Direktionen för Alingsås och Vårgårda Räddningstjänstförbund", "Direktionen för Alingsås"),
        ("Fokusområden", None),  # a bare 'råd' names no organ
    ],
)
def test_find_board(line: str, board: str | None) -> None:
    assert find_board(line) == board


def test_an_annual_reports_year_is_its_financial_years() -> None:
    # Brf 198532's annual report, page 1
    assert (
        fiscal_year(
            "Styrelsen får härmed avge årsredovisning för räkenskapsåret 1 januari - 31 december 2021."
        )
        == 2021
    )
    assert fiscal_year("Styrelsen för Bostadsrättsföreningen Stäppan i Leksand får härmed") is None


@pytest.mark.parametrize(
    ("first", "second", "year"),
    [  # the first pages of ../shared/realworld's documents without a date, as their text layers give them
        ("Nämnden för Intraservice\n\n\n\nDelårsrapport mars 2026-\nnämnder och styrelser", "", 2026),
        ("Underlag ramar\n2027-2029", "", 2029),  # a range: its last year, as a title's
        (
            "alingsås.se\nByt bild ut mot en bild som representerar nämndens\nverksamhet\nGenomlysning\n"
            "2026–2027\nTekniska nämnden\nDiarienummer: 2026.107 TEN Beställare: Kommunstyrelsen\n"
            "Datum: TEN 2026-06-15",
            "",
            2026,
        ),  # a sentence ends the heading: the date line's year
        (
            "Rapportsammandrag\nStadsrevisionen\nMissiv till ansvariga nämnder\noch bolagsstyrelser\n"
            "Revisionskontoret har på uppdrag av de förtroendevalda revisorerna genomfört granskningen.",
            "senast den 21 juni 2024.\nGöteborg den 19 mars 2024\nFör revisorsgruppen",
            2024,
        ),
        (
            "Bilaga 1. Styrkort Välfärd skola\nÖvergripande mål, fokusområden och resultatindikatorer\n"
            "Förtydligande – rubriker:\nUBN: Utbildningsnämndens fokusområden, resultatindikatorer och mål"
            " 2017-2019, som är relevanta för Välfärd",
            "",
            None,
        ),  # years in the text, none in its heading
        (
            "Motion om stöd till föreningar som nattvandrar i Alingsås\nVuxennärvaro på kvällstid är en"
            " trygghet för ungdomar, som 2024 visade.",
            "",
            None,
        ),
    ],
)
def test_a_document_without_a_date_takes_the_year_its_head_names(
    first: str, second: str, year: int | None
) -> None:
    assert named_year([Page(1, first, ""), Page(2, second, "")]) == year
