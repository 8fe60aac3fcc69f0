"""Plan 2020 against report 2021 on the sample corpus, and matching that does
not lean on item numbers."""

from __future__ import annotations

import random
import sqlite3
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from cli import main
from conftest import MINUTES_2022, PLAN
from pipeline.answer.compare import compare, match, resolve
from pipeline.answer.status import judge
from pipeline.errors import NotFound
from pipeline.ingest import IngestReport
from pipeline.records import Comparison
from pipeline.settings import Settings
from pipeline.store.reads import CatalogReader

Corpus = tuple[Settings, IngestReport]


def _pairs(result: Comparison) -> list[tuple[int | None, int | None, str]]:
    return [
        (r.plan.number if r.plan else None, r.report.number if r.report else None, r.status)
        for r in result.rows
    ]


def test_plan_2020_against_report_2021(corpus_index: Corpus) -> None:
    result = compare(corpus_index[0], "2020", "2021")
    pairs = _pairs(result)
    matched = [(p, r) for p, r, _ in pairs if p is not None and r is not None]
    assert matched == [(n, n) for n in (1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13)]
    status = {(p, r): s for p, r, s in pairs}
    assert status[(4, None)] == status[(14, None)] == "ej redovisad"
    assert status[(None, 4)] == "ny"
    assert status[(7, 7)] == "uppskjuten"
    assert status[(2, 2)] == "delvis"
    assert [p for p, _, _ in pairs][:14] == list(range(1, 15))  # plan order first


def test_every_status_shows_its_sentence_and_page(corpus_index: Corpus) -> None:
    result = compare(corpus_index[0], "2020", "2021")
    conn = sqlite3.connect(corpus_index[0].catalog_path)
    for row in result["rows"]:
        if row["report"] is None:
            continue
        assert row["evidence"] and row["evidence_page"]
        body = conn.execute(
            "SELECT body FROM pages WHERE document_id = ? AND number = ?",
            (result["report"]["document"], row["evidence_page"]),
        ).fetchone()[0]
        assert row["evidence"][:40] in " ".join(body.split())
    seven = next(r for r in result["rows"] if (r["report"] or {}).get("number") == 7)
    assert "kommer att redovisas" in seven["evidence"] and seven["evidence_page"] == 9


def test_report_is_the_canonical_copy_and_documents_work_as_references(corpus_index: Corpus) -> None:
    by_year = compare(corpus_index[0], "2020", "2021")
    by_file = compare(corpus_index[0], PLAN, MINUTES_2022)
    assert by_file["rows"] == by_year["rows"]
    assert by_year["report"]["path"].endswith(MINUTES_2022)
    assert by_year["plan"]["year"] == 2020


def test_a_year_without_a_plan_lists_what_is_there(corpus_index: Corpus) -> None:
    with pytest.raises(NotFound, match="0 organ"):
        compare(corpus_index[0], "2019", "2021")


def test_matching_does_not_rely_on_numbers(corpus_index: Corpus) -> None:
    conn = CatalogReader.open(corpus_index[0].catalog_path)
    plan_part = resolve(conn, "plan", "2020", None).part_id
    report_part = resolve(conn, "report", "2021", None).part_id
    plan = [s for s in conn.part_sections(plan_part) if s.kind == "priority"]
    report = [s for s in conn.part_sections(report_part) if s.kind == "priority"]
    random.Random(7).shuffle(report)
    edited = [  # renumbered in the new order, years retitled
        replace(
            s, number=n, title=s.title.replace("2021", "2022").replace("Demokratidagar", "Demokratidagarna")
        )
        for n, s in enumerate(report, start=1)
    ]
    pairs = match(plan, edited)
    by_title = {plan[i].title: edited[j].title for i, j, _ in pairs if i is not None and j is not None}
    assert by_title["Lokal samverkan"] == "Lokal samverkan"
    assert by_title["Demokratidagar 2020"] == "Demokratidagarna 2022"
    assert (
        by_title["Social hållbarhet i samhällsbyggnadsprocessen"]
        == "Social hållbarhet i samhällbyggnadsprocessen"
    )
    assert "Samverkan med civilsamhället" not in by_title
    assert len(by_title) == 12


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Dialogerna har fått ställas in under året.", "inställd"),
        ("Arbetet inleddes först i slutet av året, och har därför inte kunnat slutföras.", "pågår"),
        ("Uppföljningen kommer att redovisas i februari 2022.", "uppskjuten"),
        ("Dagarna genomfördes via livesändning.", "genomförd"),
        ("Beredningen har informerats om arbetet.", "genomförd"),
        ("Kommunen har ett stort ansvar.", "oklart"),
        # status labels, as many reports write them beside each item
        ("Status: Genomförd.", "genomförd"),
        ("Status: Ej genomförd.", "inställd"),  # not 'delvis' for the 'genomförd' inside it
        ("Status: Pågående.", "pågår"),
        ("Aktiviteten är delvis genomförd.", "delvis"),
        ("Arbetet är klart.", "genomförd"),
        ("Arbetet är inte klart.", "pågår"),
        # both in one sentence: some done, some cancelled
        ("Två vandringar genomfördes men tre fick ställas in.", "delvis"),
    ],
)
def test_status_rules(text: str, status: str) -> None:
    verdict = judge(text)
    assert verdict.status == status
    assert verdict.evidence == text


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cells = 0
        self.external = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.cells += tag == "td"
        self.external |= any(v and v.startswith("http") for _, v in attrs)


def test_formats_from_the_command_line(corpus_index: Corpus) -> None:
    folder = str(corpus_index[0].index_dir)
    args = ["compare", "--plan", "2020", "--report", "2021", "--index", folder]
    page = CliRunner().invoke(main, [*args, "--format", "html"])
    assert page.exit_code == 0 and page.output.startswith("<!DOCTYPE html>")
    parser = _Cells()
    parser.feed(page.output)
    assert parser.cells == 15 * 7 and not parser.external
    assert "(s. 9)" in page.output
    md = CliRunner().invoke(main, [*args, "--format", "md"]).output
    assert "| område | plan | rapport | likhet | status | belägg | belopp |" in md
    csv = CliRunner().invoke(main, [*args, "--format", "csv"]).output
    assert (
        csv.splitlines()[0] == "område,plan,rapport,likhet,status,belägg,belopp"
        and len(csv.splitlines()) == 16
    )
    data = CliRunner().invoke(main, [*args, "--json"]).output
    assert '"evidence_page": 9' in data and '"amounts_plan": [' in data
