"""What `documents` says each real plan, report, letter and minutes is: its kind, board, date
and title against tests/gold/realworld_documents.json (read off page 1 by a person), field by
field; and the rules that read them, on lines of those pages (extract/kinds.py, letterhead.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli
from conftest import ROOT, Ingested, shared_dir
from pipeline.answer.listings import document_listing
from pipeline.extract.clean import clean_pages
from pipeline.extract.kinds import title_kind
from pipeline.extract.letterhead import document_date, find_board, organ_alone
from pipeline.extract.structure import infer_meta, split_parts
from pipeline.models import KIND_ALIASES, DocumentKind, Page
from pipeline.read.pdf import read_pages

GOLD = json.loads((ROOT / "tests" / "gold" / "realworld_documents.json").read_text(encoding="utf-8"))
FIELDS = ("kind", "board", "date", "title")
FOLDERS = ("alingsas", "nacka", "goteborg", "brf", "nykarleby")


@pytest.fixture(scope="module")
def facts_index(shared_ingest: Callable[..., Ingested]) -> Ingested:
    """The realworld folders with the gold's documents, read from their text layers."""
    root = shared_dir("realworld")
    return shared_ingest([root / f for f in FOLDERS], ocr="never", workers=2)


@pytest.fixture(scope="module")
def found(facts_index: Ingested) -> dict[str, dict[str, object]]:
    """Each gold document's fields as `documents` lists them, by its path under realworld/."""
    root = shared_dir("realworld")
    listed = {}
    for doc in document_listing(facts_index[0]):
        for path in doc.paths:
            listed[str(Path(path).relative_to(root))] = {f: getattr(doc, f) for f in FIELDS}
    return listed


@pytest.mark.realworld
@pytest.mark.parametrize("field", FIELDS)
def test_every_documents_field_is_as_its_first_page_says(
    found: dict[str, dict[str, object]], field: str
) -> None:
    """Per field: right/total over every gold document, and which are wrong."""
    names = [n for n in GOLD if not n.startswith("_")]
    seen = {n: found.get(n, {}).get(field) for n in names}
    wrong = {n: (seen[n], GOLD[n][field]) for n in names if seen[n] != GOLD[n][field]}
    right = len(names) - len(wrong)
    assert not wrong, f"{field}: {right}/{len(names)} right; found, gold: {wrong}"


@pytest.mark.realworld
@pytest.mark.parametrize(
    ("wanted", "word", "title"),
    [
        ("affärsplan", "skola", "Affärsplan Välfärd skola 2019-2021"),  # another name of a kind
        ("årsboksluten", "skola", "Årsbokslut Välfärd skola 2018"),  # … in its definite plural
        ("rapportsammandrag", "avgifter", "Granskning av avgifter för vatten och avlopp i Göteborgs Stad"),
        ("delårsrapporter", "nämnden", "Delårsrapport mars 2026- nämnder och styrelser"),  # a kind's plural
        ("uppföljningar", "budget", "Uppföljning inriktning budget"),
        ("budget", "ram", "Underlag ramar 2027-2029"),
    ],
)
def test_kind_takes_each_kind_and_its_other_names(
    facts_index: Ingested, wanted: str, word: str, title: str
) -> None:
    """--kind affärsplan finds the affärsplan (a verksamhetsplan), --kind årsboksluten the
    årsbokslut, and each kind in its plural, and nothing of another kind."""
    index = str(facts_index[0].index_dir)
    args = ["search", word, "--kind", wanted, "--index", index, "--json", "--limit", "100"]
    result = CliRunner().invoke(cli.main, args)
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)["hits"]
    assert title in {hit["title"] for hit in hits}
    kind = KIND_ALIASES.get(wanted.removesuffix("en").removesuffix("ar"))
    assert kind is None or {hit["kind"] for hit in hits} == {kind}


@pytest.mark.parametrize(
    ("title", "kind"),
    [  # titles and labels as the realworld documents print them
        ("Affärsplan Välfärd skola 2019-2021", DocumentKind.VERKSAMHETSPLAN),
        ("Årsbokslut Välfärd skola 2018", DocumentKind.ÅRSREDOVISNING),
        ("Fördjupad månadsuppföljning 2026", DocumentKind.MÅNADSUPPFÖLJNING),
        ("Uppföljning inriktning budget", DocumentKind.MÅNADSUPPFÖLJNING),  # an uppföljning, of a plan
        ("Underlag ramar 2027-2029", DocumentKind.BUDGET),
        ("Delårsrapport mars 2026- nämnder och styrelser", DocumentKind.DELÅRSRAPPORT),
        (
            "Revisionsberättelse avseende Göteborgs Stads verksamheter under 2023",
            DocumentKind.REVISIONSBERÄTTELSE,
        ),
        ("Rapportsammandrag", DocumentKind.GRANSKNINGSRAPPORT),
        ("Stadsrevisionens årsredogörelse 2022", DocumentKind.ÅRSREDOGÖRELSE),
        ("Genomlysning 2026–2027", None),
        ("Bilaga 1. Styrkort Välfärd skola", None),
        ("Motion om stöd till föreningar som nattvandrar i Alingsås", None),
        ("Förslag till budget 2027", DocumentKind.BUDGET),
        ("Svar på granskning av bidragsgivning", None),  # about an audit, no audit
        # as other municipalities title theirs
        ("Årsplan 2026 för socialnämnden", DocumentKind.VERKSAMHETSPLAN),
        ("Strategisk plan 2024–2027", DocumentKind.VERKSAMHETSPLAN),
        ("Socialnämndens verksamhetsplan 2025", DocumentKind.VERKSAMHETSPLAN),
        ("Tertialrapport 2 2025", DocumentKind.DELÅRSRAPPORT),
        ("Budgetuppföljning april 2026", DocumentKind.MÅNADSUPPFÖLJNING),
        ("Handlingsplan för trygghet 2024", None),  # a plan of actions, not the board's plan
    ],
)
def test_a_title_names_its_kind_at_its_head(title: str, kind: DocumentKind | None) -> None:
    assert title_kind(title) == kind


@pytest.mark.parametrize(
    ("line", "organ"),
    [  # lines of the realworld documents' first pages
        ("Nämnden för Intraservice", "Nämnden för Intraservice"),
        ("tekniska nämnden", "Tekniska nämnden"),
        ("Barn- och ungdomsnämnden 2026", "Barn- och ungdomsnämnden"),
        ("Göteborgs Stad kommunfullmäktige 1 (1)", "Kommunfullmäktige"),
        ("Stadsrevisionen", "Stadsrevisionen"),
        (" Kommunstyrelsens verksamhetsutskott", "Kommunstyrelsens verksamhetsutskott"),
        ("Nämnden", None),
        ("Överförmyndarnämnden 5 202 0 0 5 202 0 5 202", None),  # a table's row
        ("1. Produktionsområdets ansvar och uppgifter", None),
        ("Stadsrevisionen sammanfattar", None),
    ],
)
def test_a_letterhead_line_names_an_organ_and_nothing_else(line: str, organ: str | None) -> None:
    assert organ_alone(line) == organ


@pytest.mark.parametrize(
    ("text", "board"),
    [
        ("Fördjupad månadsuppföljning 2026 tekniska nämnden", "Tekniska nämnden"),
        ("2.2 Utveckling inom personalområdet", None),
        ("1. Produktionsområdets ansvar och uppgifter", None),
        ("Nämnden har även tilldelats mer statsbidrag", None),
        ("Missiv till ansvariga nämnder och bolagsstyrelser. Hela nämnden", None),
    ],
)
def test_running_text_names_an_organ_whole_or_none(text: str, board: str | None) -> None:
    assert find_board(text) == board


def _pages(path: Path) -> list[Page]:
    return clean_pages(list(read_pages(path, 100)))


@pytest.mark.realworld
def test_a_tjanskrivelse_and_the_plan_it_presents_in_one_pdf_is_that_plan() -> None:
    """Nacka's tjänsteskrivelse (pages '1 (2)', '2 (2)') and the affärsplan it sends as bilaga 1
    ('1 (13)' …), bound into one PDF: two parts, a tjänsteskrivelse and a verksamhetsplan, and
    the document is the plan, so that compare finds it."""
    nacka = shared_dir("realworld/nacka")
    letter = _pages(nacka / "plan_affarsplan_valfard_skola_2019-2021_tjskr.pdf")
    plan = _pages(nacka / "plan_affarsplan_valfard_skola_2019-2021.pdf")
    pages = [*letter, *(replace(p, number=p.number + len(letter)) for p in plan)]
    parts = split_parts(pages)
    assert [(p.kind, p.first_page, p.last_page) for p in parts] == [
        (DocumentKind.TJÄNSTESKRIVELSE, 1, 2),
        (DocumentKind.VERKSAMHETSPLAN, 3, 15),
    ]
    meta = infer_meta(pages, parts)
    assert (meta.kind, meta.title, meta.board) == (
        DocumentKind.VERKSAMHETSPLAN,
        "Affärsplan Välfärd skola 2019-2021",
        "Kommunstyrelsen",
    )


@pytest.mark.realworld
def test_a_tjanskrivelse_before_a_reports_cover_is_a_part_of_its_own() -> None:
    """A letter followed by a report whose pages number themselves no '1 (N)': the report's
    cover ('Fördjupad månadsuppföljning' / '2026' / 'Barn- och ungdomsnämnden') opens it."""
    letter = _pages(shared_dir("realworld/nacka") / "plan_affarsplan_valfard_skola_2019-2021_tjskr.pdf")
    report = _pages(shared_dir("realworld/alingsas") / "bun_fordjupad_manadsuppfoljning_2026_april.pdf")
    pages = [*letter, *(replace(p, number=p.number + len(letter)) for p in report)]
    parts = split_parts(pages)
    assert [(p.kind, p.first_page, p.last_page) for p in parts] == [
        (DocumentKind.TJÄNSTESKRIVELSE, 1, 2),
        (DocumentKind.MÅNADSUPPFÖLJNING, 3, 7),
    ]


@pytest.mark.parametrize(
    ("head", "second", "date"),
    [  # the first lines of realworld pages, and one page's furniture
        (
            "Uppföljning\ninriktning budget\nBeslutande instans: Barn- och ungdomsnämnden\n"
            "Datum för beslut: 2026-05-26",
            "",
            "2026-05-26",
        ),
        (
            "Genomlysning\n2026–2027\nTekniska nämnden\n"
            "Diarienummer: 2026.107 TEN Beställare: Kommunstyrelsen\nDatum: TEN 2026-06-15",
            "",
            "2026-06-15",
        ),
        ("2018-11-19\nBilaga 1\nKFKS 2018/1071", "", "2018-11-19"),
        ("2018-11-19 KFKS 2018/1071\nBilaga 1", "", "2018-11-19"),  # a date and a diarienummer in one line
        ("Tjänsteskrivelse\nDatum\n2018-11-19\nKommunstyrelsen", "", "2018-11-19"),  # a label above its date
        (
            "Rapportsammandrag\nStadsrevisionen\nMissiv till ansvariga nämnder",
            "senast den 21 juni 2024.\nGöteborg den 19 mars 2024",
            "2024-03-19",
        ),
        (
            "Fördjupad månadsuppföljning\n2026\nBarn- och ungdomsnämnden",
            "Helårsprognosen per april är ett överskott",
            None,
        ),
        ("Bostadsrättsföreningen registrerades 2014-11-03. Föreningens nuvarande ekonomiska plan", "", None),
    ],
)
def test_a_document_is_dated_by_the_date_its_head_gives_it(head: str, second: str, date: str | None) -> None:
    pages = [Page(1, head, ""), Page(2, second, "")]
    assert document_date(pages) == date


@pytest.mark.realworld
def test_a_plan_appended_to_a_meeting_stays_a_plan_of_that_meetings_item() -> None:
    """Nacka's affärsplan under a Nykarleby bilaga's line ('Bilaga Välfärdsnämnden, 15.09.2022
    § 49'): a verksamhetsplan still (compare finds it), of that §, dated by its own letterhead."""
    pages = _pages(shared_dir("realworld/nacka") / "plan_affarsplan_valfard_skola_2019-2021.pdf")
    pages[0] = replace(pages[0], body=f"Bilaga Välfärdsnämnden, 15.09.2022 § 49\n{pages[0].body}")
    meta = infer_meta(pages, split_parts(pages))
    assert (meta.kind, meta.paragraph, meta.date, meta.board) == (
        DocumentKind.VERKSAMHETSPLAN,
        "§ 49",
        "2018-11-19",
        "Välfärdsnämnden",
    )
