"""extract/sections.py: the areas, numbered priorities and headings of a plan, and an agenda's
numbered items: Huddinge's Verksamhetsplan 2020 for trygghets- och delaktighetsberedningen."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, PLAN
from pipeline.extract.clean import clean_pages
from pipeline.extract.sections import AGENDA_ITEM_RE, agenda_items, priority_sections
from pipeline.models import Page, SectionKind
from pipeline.read.pdf import read_pages


def _plan() -> list[Page]:
    return clean_pages(list(read_pages(Path(CORPUS / PLAN), 100)))


def test_the_numbered_priorities_under_their_goal_areas() -> None:
    found = [(s.kind, s.area, s.number, s.title) for s in priority_sections(_plan())]
    assert found[4:9] == [
        (SectionKind.AREA, "Ökad trygghet", None, "Ökad trygghet"),
        (
            SectionKind.PRIORITY,
            "Ökad trygghet",
            1,
            "Genomföra insatser utifrån lokal lägesbild och samverkansöverenskommelse",  # over two lines
        ),
        (SectionKind.PRIORITY, "Ökad trygghet", 2, "Lokal samverkan"),
        (SectionKind.PRIORITY, "Ökad trygghet", 3, "Ren och trygg utemiljö"),
        (SectionKind.PRIORITY, "Ökad trygghet", 4, "Samverkan med civilsamhället"),
    ]
    assert (found[9][0], found[9][1], found[10][2]) == (SectionKind.AREA, "Ökad delaktighet", 5)


def test_a_heading_that_no_priority_follows_is_a_heading() -> None:
    heads = [s.title for s in priority_sections(_plan()) if s.kind == SectionKind.HEADING]
    assert heads[:4] == [
        "Verksamhetsplan för trygghets- och delaktighetsberedningen",
        "Mål",
        "Mått och resultat",
        "Prioriteringar 2020",
    ]


def test_a_sections_text_runs_to_the_next_heading() -> None:
    lokal = next(s for s in priority_sections(_plan()) if s.title == "Lokal samverkan")
    assert lokal.text.startswith("Trygghetsdialoger för invånare och verksamma ska genomföras")
    assert "Ren och trygg utemiljö" not in lokal.text


def test_an_agenda_numbered_1_2_3_its_diarienummer_left_out() -> None:
    body = "1. Val av justerare\n2. Motion om fler cykelvägar  KS 2022/123\n3. Anmälningar"
    items = agenda_items([Page(1, body, "")])
    assert [(s.number, s.title, s.kind) for s in items] == [
        (1, "Val av justerare", SectionKind.ITEM),
        (2, "Motion om fler cykelvägar", SectionKind.ITEM),
        (3, "Anmälningar", SectionKind.ITEM),
    ]
    assert (
        AGENDA_ITEM_RE.match("1 JANUARI - 31 DECEMBER 2021 2020") is not None
    )  # one line alone is no agenda
    assert agenda_items([Page(1, "1 JANUARI - 31 DECEMBER 2021 2020", "")]) == []
