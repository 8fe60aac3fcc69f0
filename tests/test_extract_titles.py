"""extract/titles.py: a document's and a part's title is the line that names it, never what
stands above it on the page: a logo's web address, a page's head with its mark, a letter's date
and diarienummer, a line of contents or a line that repeats on every page. Lines of the PDFs
in corpus/ and ../shared/realworld."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from conftest import CORPUS, PLAN, shared_dir
from pipeline.extract.clean import clean_pages
from pipeline.extract.structure import infer_meta, split_parts, titled
from pipeline.extract.titles import no_title
from pipeline.models import DocumentKind, Page
from pipeline.read.pdf import read_pages


def _pages(path: Path) -> list[Page]:
    return clean_pages(list(read_pages(path, 100)))


def _titles(pages: list[Page]) -> tuple[str, str | None, list[str]]:
    found = split_parts(pages)
    meta = infer_meta(pages, found)
    return meta.title, meta.date, [p.title for p in titled(found, meta)]


@pytest.mark.parametrize(
    "line",
    [
        "alingsas.se",  # the logo atop Alingsås' reports
        "alingsås.se",
        "www.goteborg.se/stadsrevisionen",
        "stadsrevisionen@stadsrevisionen.goteborg.se",
        "Nacka kommun, 131 81 Nacka Stadshuset, Granitvägen 15 08-718 80 00 info@nacka.se www.nacka.se",
        "Göteborgs Stad kommunfullmäktige 1 (1)",  # a page's head with its mark
        "Sida 1 av 17",
        "2018-03-20",  # a tjänsteskrivelse's date and diarienummer, above its subject
        "KFKS 2017/457",
        "Diarienummer KS-2021/307.173",
        "2.1. Ekonominyckeltal.....................................................................6",
        "1 Sammanfattning ..................................................................... 3",
        "Verksamhetsberättelse……3",
    ],
)
def test_what_names_no_document(line: str) -> None:
    assert no_title(line)


@pytest.mark.parametrize(
    "line",
    ["Årsredogörelse", "Uppföljning", "Underlag ramar", "Genomlysning", "2027-2029", "Rapportsammandrag"],
)
def test_titles_stay_titles(line: str) -> None:
    assert not no_title(line)


def test_a_page_of_contents_opens_no_part_and_names_none() -> None:
    """A plan whose second page lists its chapters: 'Verksamhetsberättelse……3' there is a line of
    contents, not the start of a verksamhetsberättelse (it was a part of its own, titled so)."""
    pages = _pages(CORPUS / PLAN)
    contents = Page(2, "Innehåll\nVerksamhetsberättelse 2019……3\nLokal samverkan……4", "")
    pages = [pages[0], contents, *(replace(p, number=p.number + 1) for p in pages[1:])]
    parts = split_parts(pages)
    assert [(p.kind, p.first_page, p.last_page) for p in parts] == [(DocumentKind.VERKSAMHETSPLAN, 1, 6)]
    alone = split_parts([replace(contents, number=1)])
    assert [p.title for p in alone] == ["Innehåll"]


@pytest.mark.realworld
@pytest.mark.parametrize(
    ("path", "title", "date"),
    [
        (  # 'Datum för beslut: 2026-05-26' below the cover's title
            "alingsas/bun_uppfoljning_inriktning_budget_2026_april.pdf",
            "Uppföljning inriktning budget",
            "2026-05-26",
        ),
        ("alingsas/ten_genomlysning_2026-2027.pdf", "Genomlysning 2026–2027", "2026-06-15"),
        ("alingsas/ks_underlag_ramar_2027-2029.pdf", "Underlag ramar 2027-2029", None),
        (  # the cover's 'Årsredogörelse' is a label; the running head names it
            "goteborg/stadsrevisionens_arsredogorelse_2022.pdf",
            "Stadsrevisionens årsredogörelse 2022",
            None,
        ),
        (  # 'Göteborg den 9 april 2024' above the signatures
            "goteborg/revisionsberattelse_2023.pdf",
            "Revisionsberättelse avseende Göteborgs Stads verksamheter under 2023",
            "2024-04-09",
        ),
        (
            "goteborg/intraservice-delarsrapport-2026-mars.pdf",
            "Delårsrapport mars 2026- nämnder och styrelser",
            None,
        ),
        (
            "nacka/report_arsbokslut_2017_valfard_skola_tjskr.pdf",
            "Årsbokslut Välfärd skola 2017",
            "2018-03-20",
        ),
        (
            "nacka/plan_affarsplan_valfard_skola_2019-2021.pdf",
            "Affärsplan Välfärd skola 2019-2021",
            "2018-11-19",
        ),
        (
            "alingsas/motion_nattvandrare_S.pdf",
            "Motion om stöd till föreningar som nattvandrar i Alingsås",
            None,
        ),
        ("alingsas/bun_fordjupad_manadsuppfoljning_2026_april.pdf", "Fördjupad månadsuppföljning 2026", None),
    ],
)
def test_the_title_is_the_line_that_names_the_document(path: str, title: str, date: str | None) -> None:
    """Read past the logo's address (Alingsås), a page's head with its mark (Göteborg), a
    letter's date, diarienummer and address (Nacka: its date is the document's), to the cover's
    largest type or the letter's bold subject, with the lines it wraps onto."""
    found = _titles(_pages(shared_dir("realworld") / path))
    assert found == (title, date, [title])


@pytest.mark.realworld
def test_a_line_on_every_page_is_no_title() -> None:
    """A running line that the furniture missed, first on each page's text (as pdfium reads
    some page foots first), is passed over."""
    pages = _pages(shared_dir("realworld") / "alingsas/ks_underlag_ramar_2027-2029.pdf")
    footed = [  # in the type of the page's first line, so only its repeating tells it apart
        replace(
            p,
            body=f"Alingsås kommun\n{p.body}",
            sizes=(p.sizes[0], *p.sizes),
            bold_lines=(0, *(n + 1 for n in p.bold_lines)),
        )
        for p in pages
    ]
    assert _titles(footed)[0] == "Underlag ramar 2027-2029"
    copies = [replace(pages[0], number=n) for n in range(1, 5)]  # one page four times: its lines stay
    assert _titles(copies)[0] == "Underlag ramar 2027-2029"
