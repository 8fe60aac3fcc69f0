"""A plan and its report from another board, whose priorities are numbered within their goal
areas ('1. Ökad trygghet', then '1.1 Genomföra trygghetsvandringar …', '1.2 …', '2. …', '2.1 …'),
as real PDFs written here; the gold is what a reader sees on their pages."""

from __future__ import annotations

import pytest

import pdfgen
from pipeline.answer.compare import compare
from pipeline.answer.listings import sections
from pipeline.ingest import ingest
from pipeline.settings import Settings

PRIORITIES = [
    ("Ökad trygghet", "Genomföra trygghetsvandringar i alla kommundelar"),
    ("Ökad trygghet", "Utveckla samverkan med polisen"),
    ("Ökad delaktighet", "Starta ungdomsråd i varje kommundel"),
    ("Ökad delaktighet", "Genomföra medborgardialoger om fritidsutbudet"),
]
PLANNED = [
    "Tillsammans med boende och föreningar ska vi genomföra trygghetsvandringar i alla kommundelar.",
    "Nämnden ska ta fram en gemensam lägesbild tillsammans med polisen varje kvartal.",
    "Unga ska få ett eget forum för inflytande i varje kommundel.",
    "Minst tre medborgardialoger ska genomföras om fritidsutbudet under året.",
]
DONE = [
    "Trygghetsvandringar har genomförts i samtliga kommundelar under året.",
    "Arbetet med en gemensam lägesbild pågår och fortsätter under 2024.",
    "Ungdomsråd har bildats i alla kommundelar och möten hölls första gången i mars.",
    "Tre medborgardialoger om fritidsutbudet genomfördes under hösten.",
]


def document(title: str, bodies: list[str]) -> bytes:
    pages: list[list[str]] = [[title, "Kultur- och fritidsnämnden", "Inledning", "Nämnden har två mål."]]
    for k, ((area, priority), body) in enumerate(zip(PRIORITIES, bodies, strict=True)):
        major, minor = (1, k + 1) if k < 2 else (2, k - 1)
        if minor == 1:
            if major == 2:
                pages.append([])
            pages[-1].append(f"{major}. {area}")
        pages[-1] += [f"{major}.{minor} {priority}", body]
    return pdfgen.text_pages(pages)


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    folder = tmp_path_factory.mktemp("nested")
    (folder / "verksamhetsplan-kultur-2023.pdf").write_bytes(document("Verksamhetsplan 2023", PLANNED))
    report = document("Verksamhetsberättelse 2023", DONE)
    (folder / "verksamhetsberattelse-kultur-2023.pdf").write_bytes(report)
    settings = Settings(index_dir=folder / "index", ocr="never")
    ingest([folder], settings)
    return settings


def test_priorities_numbered_within_their_areas(pair: Settings) -> None:
    found = [s for s in sections(pair, "verksamhetsplan-kultur-2023.pdf") if s["kind"] == "priority"]
    assert [(s["area"], s["number"], s["title"], s["first_page"]) for s in found] == [
        ("Ökad trygghet", 1, PRIORITIES[0][1], 1),
        ("Ökad trygghet", 2, PRIORITIES[1][1], 1),
        ("Ökad delaktighet", 1, PRIORITIES[2][1], 2),
        ("Ökad delaktighet", 2, PRIORITIES[3][1], 2),
    ]
    areas = [s["title"] for s in sections(pair, "verksamhetsplan-kultur-2023.pdf") if s["kind"] == "area"]
    assert areas == ["Ökad trygghet", "Ökad delaktighet"]  # '1. Ökad trygghet' is an area, not priority 1


def test_the_plan_beside_its_report(pair: Settings) -> None:
    rows = compare(pair, "verksamhetsplan-kultur-2023.pdf", "verksamhetsberattelse-kultur-2023.pdf")["rows"]
    got = [(r["area"], r["plan"]["title"], r["report"]["title"], r["status"]) for r in rows]
    assert got == [
        ("Ökad trygghet", PRIORITIES[0][1], PRIORITIES[0][1], "genomförd"),
        ("Ökad trygghet", PRIORITIES[1][1], PRIORITIES[1][1], "pågår"),
        ("Ökad delaktighet", PRIORITIES[2][1], PRIORITIES[2][1], "genomförd"),
        ("Ökad delaktighet", PRIORITIES[3][1], PRIORITIES[3][1], "genomförd"),
    ]
    assert [r["evidence"] for r in rows] == DONE
