"""Each stage on its own, on the real sample PDFs and small fixtures: read,
clean, structure, blocks, sections, sentences, workers."""

from __future__ import annotations

import itertools
import os
import time
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, FIXTURES, MINUTES_2021, MINUTES_2022, PLAN
from pipeline.errors import Encrypted
from pipeline.extract.blocks import page_blocks
from pipeline.extract.clean import clean_pages, dehyphenate, join_lines, normalise
from pipeline.extract.meeting import parse_date
from pipeline.extract.sections import priority_sections
from pipeline.extract.sentences import COMMON_ABBREVIATIONS, sentence_starts, split
from pipeline.extract.structure import find_board, infer_meta, split_parts
from pipeline.models import Line, Page
from pipeline.read.pdf import read_pages
from pipeline.read.workers import run_budgeted


def pages_of(name: str) -> list[Page]:
    return clean_pages(list(read_pages(CORPUS / name, 5000)))


# -- read ------------------------------------------------------------------


def test_pdf_reads_every_page_with_swedish_letters_and_raw_bullets() -> None:
    raw = list(read_pages(CORPUS / PLAN, 5000))
    assert [p.number for p in raw] == [1, 2, 3, 4, 5]
    texts = [line.text for page in raw for line in page.lines]
    assert "Prioriteringar 2020" in texts
    assert any("\uf0b7" in t for t in texts)  # Word's Symbol bullet, as the PDF has it
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)


def test_pdf_gives_weight_and_size_per_line() -> None:
    lines = {line.text: line for line in list(read_pages(CORPUS / PLAN, 5000))[1].lines}
    heading = lines["Ökad trygghet"]
    assert heading.bold and heading.size > lines["prioriteringarna."].size
    assert not lines["prioriteringarna."].bold


@pytest.mark.realworld
def test_pdf_refuses_an_encrypted_file_by_name() -> None:
    from conftest import shared_dir

    with pytest.raises(Encrypted):
        list(read_pages(shared_dir("realworld/malformed") / "password-example.pdf", 5000))


# -- clean -----------------------------------------------------------------


def test_normalise_composes_maps_ligatures_and_bullets() -> None:
    assert normalise(unicodedata.normalize("NFD", "Årsmöte på ö")) == "Årsmöte på ö"
    assert normalise("\ufb01nansiering") == "finansiering"
    assert normalise("\uf0b7 Trygghetsvandringar") == "• Trygghetsvandringar"
    assert normalise("a\u200bb\x07c") == "abc"


def test_dehyphenate_joins_broken_words_and_keeps_real_hyphens() -> None:
    lines = [Line("viktiga rela-"), Line("tioner och 100-"), Line("årsjubileet i mål-"), Line("och budget")]
    joined = [line.text for line in dehyphenate(lines)]
    assert joined[0] == "viktiga relationer"
    assert "100-" in joined[1] and "mål-" in joined[2]
    assert len(joined) == len(lines)  # the line count stays: offsets per line still hold


def test_running_headers_go_to_furniture_never_the_body() -> None:
    pages = pages_of(MINUTES_2022)
    header = "Verksamhetsberättelse för trygghets- och delaktighetsberedningen år 2021"
    later = [p for p in pages if p.number in range(8, 13)]
    assert all(header in p.furniture for p in later)
    assert not any(p.body.startswith(header) for p in later)


def test_join_lines_keeps_characters() -> None:
    assert join_lines("ett vapen i\nhänderna") == "ett vapen i händerna"


# -- structure -------------------------------------------------------------


def test_composite_minutes_split_into_their_parts() -> None:
    pages = pages_of(MINUTES_2022)
    parts = split_parts(pages)
    assert [(p.kind, p.first_page, p.last_page, p.party) for p in parts] == [
        ("protokollsutdrag", 1, 1, None),
        ("protokollsanteckning", 2, 3, "S"),
        ("protokollsanteckning", 4, 4, "V"),
        ("protokollsanteckning", 5, 5, "MP"),
        ("tjänsteutlåtande", 6, 6, None),
        ("verksamhetsberättelse", 7, 12, None),
        ("verksamhetsberättelse", 13, 19, None),
    ]
    meta = infer_meta(pages, parts)
    assert (meta.kind, meta.date, meta.paragraph, meta.diarienummer) == (
        "protokollsutdrag",
        "2022-02-17",
        "§ 12",
        "KS-2022/176.915",
    )
    assert (meta.board, meta.year) == ("Trygghets- och delaktighetsberedningen", 2021)


@pytest.mark.parametrize(
    ("text", "date"),
    [("den 5 maj 2021", "2021-05-05"), ("Protokoll 28.3.2023", "2023-03-28"), ("2022-02-17", "2022-02-17")],
)
def test_dates_in_their_written_forms(text: str, date: str) -> None:
    assert parse_date(text) == date


def test_board_from_running_text() -> None:
    assert find_board("Protokoll från Kommunstyrelsen 2021") == "Kommunstyrelsen"


# -- blocks, sections, sentences -------------------------------------------


def test_blocks_are_character_offsets_into_the_body_in_order() -> None:
    for page in pages_of(MINUTES_2022):
        blocks = list(page_blocks(page))
        assert all(page.body[b.start : b.end] == b.text for b in blocks)
        assert all(a.end <= b.start for a, b in itertools.pairwise(blocks))


def test_plan_priorities_under_their_goal_areas() -> None:
    found = [s for s in priority_sections(pages_of(PLAN)) if s.kind == "priority"]
    assert [s.number for s in found] == list(range(1, 15))
    assert (found[1].area, found[1].title) == ("Ökad trygghet", "Lokal samverkan")
    assert found[4].area == "Ökad delaktighet"


def test_sentences_do_not_end_at_swedish_abbreviations() -> None:
    text = "Beredningen har bl.a. följt upp arbetet. Bitr. säkerhetschef deltog."
    assert split(text) == ["Beredningen har bl.a. följt upp arbetet.", "Bitr. säkerhetschef deltog."]
    assert sentence_starts(text, COMMON_ABBREVIATIONS) == [0, text.index("Bitr.")]


# -- workers ---------------------------------------------------------------


def _sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "slept"


def _refuse(path: str) -> None:
    raise Encrypted(path)


def _allocate(megabytes: int) -> int:
    return len(bytearray(megabytes << 20))


def test_workers_keep_each_job_within_its_budget(tmp_path: Path) -> None:
    jobs = [("quick", (0.0,)), ("slow", (30.0,))]
    outcomes = {o.key: o for o in run_budgeted(jobs, _sleep, 2, 1.0, 512)}
    assert outcomes["quick"].value == "slept"
    assert outcomes["slow"].error == "OverBudget" and "tidsbudgeten" in outcomes["slow"].detail


def test_workers_report_a_named_error_and_a_memory_overrun() -> None:
    refused = next(run_budgeted([("locked", ("x.pdf",))], _refuse, 1, 10.0, 512))
    assert refused.error == "Encrypted"
    bomb = next(run_budgeted([("bomb", (2048,))], _allocate, 1, 30.0, 256))
    assert bomb.error in {"OverBudget", "ReadFailed"} and bomb.value is None


def test_fixture_names_say_their_case() -> None:
    assert all("-" in p.stem for p in FIXTURES.glob("*.pdf")), os.listdir(FIXTURES)


@pytest.mark.parametrize(
    ("text", "board"),
    [
        ("Protokoll från Personalsektionen 2022", "Personalsektionen"),
        ("Kommunstyrelsens arbetsutskott 12 maj 2022", "Kommunstyrelsens arbetsutskott"),
        ("Äldrerådet sammanträdde", "Äldrerådet"),
        (
            "Direktionen för Södertörns brandförsvarsförbund",
            "Direktionen för Södertörns brandförsvarsförbund",
        ),
        ("Kommunfullmäktiges presidium", "Kommunfullmäktiges presidium"),
        ("Näringslivsdelegationen", "Näringslivsdelegationen"),
        ("Trygghets- och delaktighetsberednings beslut", "Trygghets- och delaktighetsberedningen"),
        ("inom olika områden och förråd", None),
    ],
)
def test_any_organ_that_meets_is_a_board(text: str, board: str | None) -> None:
    assert find_board(text) == board


@pytest.mark.parametrize(
    ("text", "date"),
    [("måndag den 5 maj 2021", "2021-05-05"), ("Tisdag 28.3.2023 kl. 18.00", "2023-03-28")],
)
def test_dates_with_a_weekday(text: str, date: str) -> None:
    assert parse_date(text) == date


def test_an_agenda_is_its_own_kind_with_its_items(tmp_path: Path) -> None:
    import pdfgen
    from pipeline.answer.listings import document_listing, sections
    from pipeline.ingest import ingest
    from pipeline.settings import Settings

    pages = [
        ["Kallelse och föredragningslista", "Organ Tekniska nämnden", "Sammanträdestid 3.10.2023 kl. 18.00",
         "Ärenden 60 – 61 §", "60 § Val av protokolljusterare .......... 2",
         "61 § Vägunderhåll i Jeppo .......... 3"],
        ["Val av protokolljusterare", "Beredning: Tekniska chefen", "Förslag:",
         "Nämnden utser två protokolljusterare.", "60 §"],
        ["Vägunderhåll i Jeppo", "Beredning: Tekniska chefen", "Förslag:",
         "Nämnden godkänner planen för vägunderhåll.", "61 §"],
    ]  # fmt: skip
    agenda = tmp_path / "kallelse-tekniska-namnden.pdf"
    agenda.write_bytes(pdfgen.text_pages(pages))
    settings = Settings(index_dir=tmp_path / "ix")
    ingest([agenda], settings)
    doc = document_listing(settings)[0]
    assert (doc["kind"], doc["board"], doc["paragraphs"]) == (
        "föredragningslista",
        "Tekniska nämnden",
        [60, 61],
    )
    items = [(s["number"], s["title"], s["decision"]) for s in sections(settings, doc["id"])]
    assert items == [(60, "Val av protokolljusterare", None), (61, "Vägunderhåll i Jeppo", None)]


def test_statements_attached_to_an_item_with_party_and_names() -> None:
    from pipeline.extract.layout import FlatLine
    from pipeline.extract.politics import statements

    text = (
        "Protokollsanteckningar\nRasmus Lenefors (S) anmäler protokollsanteckning, se bilaga.\n"
        "Nujin Alacabek\n(V) anmäler protokollsanteckning.\n"
        "Anna Berg (M) och Per Ek (KD) reserverar sig mot beslutet.\n"
        "Lisa Ny (C) lämnar ett särskilt yttrande."
    )
    lines = [FlatLine(1, i, line, False, 11.0) for i, line in enumerate(text.split("\n"))]
    assert [(s.kind, s.parties, s.names) for s in statements(lines)] == [
        ("protokollsanteckning", ("S",), ("Rasmus Lenefors",)),
        ("protokollsanteckning", ("V",), ("Nujin Alacabek",)),
        ("reservation", ("M", "KD"), ("Anna Berg", "Per Ek")),
        ("särskilt yttrande", ("C",), ("Lisa Ny",)),
    ]


def test_an_extract_is_one_item_with_its_decision_and_statements(corpus_index: tuple[Any, Any]) -> None:
    from pipeline.answer.listings import sections

    item = next(s for s in sections(corpus_index[0], MINUTES_2021) if s["kind"] == "paragraph")
    assert (item["number"], item["first_page"], item["last_page"]) == (24, 1, 2)
    assert item["decision"].startswith("Uppföljningen av ”Program för trygghet och säkerhet 2018–2021”")
    assert {(s["party"], tuple(s["names"])) for s in item["statements"]} == {
        ("MP", ("Anders Lönroth",)),
        ("S", ("Rasmus Lenefors",)),
        ("V", ("Nujin Alacabek",)),
    }
