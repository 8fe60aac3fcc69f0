"""extract/items.py: the § items of minutes from their own headings (Nacka KSVU 2018-12-18
in ../shared/realworld, Huddinge's extract of § 12 in corpus/), and which rule a part's
kind takes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from conftest import CORPUS, MINUTES_2022, PLAN, shared_dir
from pipeline.extract.clean import clean_pages
from pipeline.extract.items import LABEL_RE, minutes_items, part_sections
from pipeline.extract.minutes import item_marks
from pipeline.models import DocumentKind, Page, Part, SectionKind
from pipeline.read.pdf import read_pages


def _pages(path: Path) -> list[Page]:
    raw = list(read_pages(path, 100))
    marks = item_marks(raw)
    return [replace(p, item=marks.get(p.number)) for p in clean_pages(raw)]


@pytest.mark.realworld
def test_each_item_with_its_title_diarienummer_and_decision() -> None:
    pages = _pages(shared_dir("realworld") / "nacka" / "minutes_ksvu_2018-12-18.pdf")
    items = minutes_items(pages, "§ 68–75", "Protokoll Kommunstyrelsens verksamhetsutskott 18.12.2018")
    assert [(s.number, s.diarienummer) for s in items] == [
        (68, "KFKS 2018/3"),
        (69, "KFKS 2018/2"),
        (70, "KFKS 2018/1071"),
        (71, "KFKS 2018/1041"),
        (72, "KFKS 2018/1172"),
        (73, "KFKS 2018/1173"),
        (74, "KFKS 2018/1169"),
        (75, None),
    ]
    assert (items[0].title, items[0].decision) == ("Anmälningar", "Anmälningar noteras till protokollet.")
    assert items[2].title == "Affärsplan Välfärd skola 2019-2021"
    assert all(s.kind == SectionKind.ITEM for s in items)


def test_a_one_item_extract_is_its_item() -> None:
    pages = _pages(CORPUS / MINUTES_2022)[:1]
    (item,) = minutes_items(
        pages, "§ 12", "Verksamhetsberättelse för trygghets- och delaktighetsberedningen 2021"
    )
    assert (item.number, item.first_page) == (12, 1)


def test_an_items_labels_are_no_title() -> None:
    assert all(
        LABEL_RE.match(x) for x in ("Beslutsunderlag", "Yrkanden", "Kommunstyrelsens beslut", "Beslut:")
    )
    assert not LABEL_RE.match("Anmälningar")


def test_a_plan_has_priorities_and_minutes_have_items() -> None:
    plan = _pages(CORPUS / PLAN)
    kinds = {s.kind for s in part_sections(Part(0, DocumentKind.VERKSAMHETSPLAN, "", 1, 5), plan, None)}
    assert kinds == {SectionKind.HEADING, SectionKind.AREA, SectionKind.PRIORITY}
    extract = _pages(CORPUS / MINUTES_2022)[:1]
    found = part_sections(Part(0, DocumentKind.PROTOKOLLSUTDRAG, "x", 1, 1), extract, "§ 12")
    assert [s.kind for s in found] == [SectionKind.ITEM]
