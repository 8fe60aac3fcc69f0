"""The real documents in ../shared/realworld, against gold written by reading their
pages: which pages have a broken font map, and what may and may not be quoted."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, MINUTES_2022, PLAN, Ingested, shared_dir
from pipeline.answer.listings import amounts, document_listing, sections, speakers
from pipeline.answer.quotes import quotes
from pipeline.answer.search import search
from pipeline.extract.quality import page_quality
from pipeline.filters import Filters
from pipeline.ingest import ingest
from pipeline.models import PageQuality
from pipeline.output.citations import citation_line
from pipeline.read.ocr import installed as ocr_installed
from pipeline.settings import Settings

NYKARLEBY = "realworld/nykarleby"
VALF = "valfardsnamnden_protokoll_15_09_2022_18_00_139758.pdf"
UNG = "ungdomsfullmaktige_protokoll_30_01_2023_16_15_153457.pdf"
RFF = "radet_for_funktionshindrade_protokoll_24_05_2023_16_00_163978.pdf"
WORDS = ["budget", "verksamheten", "beslutar", "barn", "underskott", "föreslår", "kommunen", "arbetet"]
WORDS += ["nämnden", "trygghet"]

# Pages a reader sees are unreadable in the text layer ('Tijj protokojjjusterare utsågs',
# 'Uisiällningar och evenemang i siadsbiblioiekei', 'E elina Sund ik äljs tll ice ordförande').
GARBLED = {VALF: {4, 7, 8, 14, 17, 18, 20, 24, 25}, UNG: {6, 7, 8, 9, 10, 11}, RFF: {4, 5}}
# One line, too few words for the lexicon to judge: the page shows 'Peněžní prostředky na účtech',
# the text layer gives '3HQČåQtSURVWĜHGN\QD~þWHFK'.
GARBLED["issue-791-non-unicode-cmap.pdf"] = {1}
# Pages a reader sees are fine (attendance lists with many names, the table of contents).
GOOD = {VALF: {1, 2, 12, 22}, UNG: {1, 2}, RFF: {2, 10}}


@pytest.fixture(scope="module")
def realworld(realworld_index: Ingested) -> Settings:
    """Ingested with OCR auto: its garbled pages and the scanned annual report are OCRed, so a test
    of it is marked ocr as well as realworld."""
    return realworld_index[0]


def qualities(settings: Settings) -> dict[str, dict[int, str]]:
    """file -> page -> 'good', 'garbled', or 'ocr' (a garbled page read again by OCR)."""
    with sqlite3.connect(settings.catalog_path) as conn:
        rows = conn.execute(
            "SELECT p.path, g.number, g.quality, g.ocr_confidence FROM pages g"
            " JOIN paths p ON p.document_id = g.document_id"
        ).fetchall()
    found: dict[str, dict[int, str]] = {}
    for path, number, quality, confidence in rows:
        found.setdefault(Path(path).name, {})[number] = "ocr" if confidence is not None else quality
    return found


@pytest.mark.ocr
@pytest.mark.realworld
def test_pages_with_a_broken_font_map_are_marked_garbled_and_read_by_ocr(realworld: Settings) -> None:
    found = qualities(realworld)
    judged = "ocr" if ocr_installed() else "garbled"
    for name, pages in GARBLED.items():
        assert {n for n in pages if found[name][n] != judged} == set(), name
    for name, pages in GOOD.items():
        assert {n for n in pages if found[name][n] != "good"} == set(), name


@pytest.mark.ocr
@pytest.mark.realworld
def test_clean_documents_have_no_garbled_page_and_are_never_ocred(realworld: Settings) -> None:
    found = qualities(realworld)
    clean = [p.name for p in CORPUS.glob("*.pdf")] + ["brf_198532.pdf", "zen_of_python_corrupted.pdf"]
    for name in clean:
        assert set(found[name].values()) == {"good"}, name


@pytest.mark.ocr
@pytest.mark.realworld
def test_no_quote_comes_from_a_garbled_page(realworld: Settings) -> None:
    garbled = {
        (name, n) for name, pages in qualities(realworld).items() for n, q in pages.items() if q == "garbled"
    }
    for word in WORDS:
        for q in quotes(realworld, word, Filters()):
            assert (Path(q["path"]).name, q["page"]) not in garbled, q["quote"]


@pytest.mark.ocr
@pytest.mark.realworld
def test_quotes_for_ordinary_words_are_whole_sentences(realworld: Settings) -> None:
    found = [q["quote"] for word in WORDS for q in quotes(realworld, word, Filters())]
    assert len(found) > 150
    for quote in found:
        assert quote[0].isupper() or quote[0].isdigit() or quote[0] in '”"(', quote
        assert quote.rstrip("”\"')»").endswith((".", "!", "?", "…")), quote
        assert "____" not in quote and "...." not in quote and "[X]" not in quote, quote
        assert len(quote.split()) >= 4, quote


@pytest.mark.ocr
@pytest.mark.realworld
@pytest.mark.parametrize(
    "fragment",
    [
        "Budget",  # a heading
        "Verksamheten",
        "Välfärdsnämndens beslut:",  # a label
        "Beslut:",
        "Det övergripande målet i ”Program för trygghet och säkerhet 2018–2021” är att",  # cut at a list
        "Beslutande ordinarie ersättare [X] Lindvall Mikael",  # an attendance list
        "42 § Presentation av verksamheten: International Club 2022 ....",  # a line of contents
    ],
)
def test_what_is_not_a_sentence_is_never_quoted(realworld: Settings, fragment: str) -> None:
    words = {fragment.split()[0].strip("”:").lower(), "beslut", "budget", "verksamheten"}
    found = [q["quote"] for w in words for q in quotes(realworld, w, Filters())]
    # 'Budget', not 'Budgetuppföljning'. A one-word heading runs into the next sentence's capital
    # ('Verksamheten Nämnden har …'); 'Verksamheten har slutit avtal …' and 'Budget 2027 och ramar
    # … godkänns.' (a decision) are sentences of their own.
    heading = " " not in fragment and not fragment.endswith(":")
    start = re.compile(re.escape(fragment.rstrip(". ")) + (r"(?=\s+[A-ZÅÄÖ]|$)" if heading else r"(?!\w)"))
    cut = fragment.endswith(" att")  # the sentence goes on past the line: it is quoted whole, below
    assert not any(q == fragment or (start.match(q) and not cut) for q in found)


@pytest.mark.ocr
@pytest.mark.realworld
def test_a_sentence_over_a_line_that_ends_in_att_is_quoted_whole(realworld: Settings) -> None:
    """'… 2018–2021” är att' ends a line, not a heading: the sentence goes on to 'där.'."""
    found = [q["quote"] for q in quotes(realworld, "övergripande", Filters())]
    assert (
        "Det övergripande målet i ”Program för trygghet och säkerhet 2018–2021” är att Huddinge ska"
        " vara en trygg och säker kommun för alla som bor, verkar och vistas där."
    ) in found


@pytest.mark.ocr
@pytest.mark.realworld
def test_a_sentence_whose_subject_is_a_heading_word_is_quoted_whole(realworld: Settings) -> None:
    found = [q["quote"] for q in quotes(realworld, "vindkraftsproducenter", Filters())]
    assert (
        "Verksamheten har slutit avtal med vindkraftsproducenter som inte varit lönsamma"
        " och där verksamheten har burit riskerna."
    ) in found


@pytest.mark.ocr
@pytest.mark.realworld
@pytest.mark.parametrize(
    ("word", "sentence"),
    [
        ("budget", "Vi hade ett annat förslag till mål och budget för 2021."),
        ("beslutar", "Rekryteringsgruppen befullmäktigas besluta om tidtabellen för rekryteringsprocessen."),
        ("kommunen", "Kommunens demokratiarbete ska vara framåtblickande och innovativt."),
        ("kommunen", "Vi vill bl.a. nämna Huddinge kommuns trygghetsdialoger i kommunens olika områden"),
        (
            "verksamheten",
            "Antagandet om fortsatt drift tillämpas dock inte om beslut har fattats om att avveckla",
        ),
        (
            "nämnden",
            "Nämnden tackade ungdomarna för en utmärkt presentation och den antecknades för kännedom.",
        ),
    ],
)
def test_whole_sentences_are_still_quoted(realworld: Settings, word: str, sentence: str) -> None:
    assert any(q["quote"].startswith(sentence) for q in quotes(realworld, word, Filters()))


def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((Path(__file__).parent / "gold" / "nykarleby.json").read_text())
    return {k: v for k, v in data.items() if not k.startswith("_")}


@pytest.mark.ocr
@pytest.mark.realworld
@pytest.mark.parametrize("name", sorted(gold()))
def test_full_minutes_against_gold(realworld: Settings, name: str) -> None:
    want = gold()[name]
    doc = next(d for d in document_listing(realworld) if any(p.endswith(name) for p in d["paths"]))
    assert (doc["kind"], doc["board"], doc["date"]) == (want["kind"], want["board"], want["date"])
    assert doc["paragraphs"] == want["paragraphs"]
    assert doc["paragraph"] == f"§ {want['paragraphs'][0]}–{want['paragraphs'][1]}"
    assert want["number"] in doc["title"] and want["board"] in doc["title"]
    assert doc["parts"][0]["title"] == doc["title"]  # the meeting's title, not 'Organ …' (its first line)
    items = [s for s in sections(realworld, doc["id"]) if s["kind"] == "paragraph"]
    assert [(s["number"], s["title"], s["first_page"], s["last_page"]) for s in items] == [
        tuple(item[:4]) for item in want["items"]
    ]
    for item, found in zip(want["items"], items, strict=True):
        if item[4] is not None:  # the decision as a reader sees it, where the page reads right
            assert (found["decision"] or "").startswith(item[4]), (item[0], found["decision"])


@pytest.mark.ocr
@pytest.mark.realworld
def test_hits_quotes_and_amounts_carry_their_paragraph(realworld: Settings) -> None:
    hits = search(realworld, "rekryteringsgruppen", Filters(), limit=5).hits
    assert hits and {h["paragraph"] for h in hits} == {"§ 44"}
    assert {h["section"] for h in hits} == {"Rekrytering av välfärdschef"}
    found = quotes(realworld, "rekryteringsgruppen", Filters())
    assert found and {q["paragraph"] for q in found} == {"§ 44"}
    assert {q["title"] for q in found} == {"Protokoll 5/2022 Välfärdsnämnden 15.9.2022"}
    assert citation_line(found[0]) == f"— protokoll, Välfärdsnämnden, 2022-09-15, § 44, s. {found[0]['page']}"
    extract = search(realworld, "trygghetsdialogerna", Filters(kind="protokollsutdrag"), limit=3).hits
    assert extract and {h["paragraph"] for h in extract} == {"§ 12"}
    sums = [a for a in amounts(realworld, Filters()) if a["path"].endswith(MINUTES_2022)]
    assert sums and {a["paragraph"] for a in sums} == {"§ 12"}


@pytest.mark.ocr
@pytest.mark.realworld
def test_one_person_whatever_the_name_order_with_roles_from_the_attendance_list(realworld: Settings) -> None:
    people = {p["name"]: p for p in speakers(realworld)}
    assert "Svenlin Johan" not in people and "Lindvall Mikael" not in people
    assert people["Johan Svenlin"]["role"] == "sekreterare för rådet"
    assert people["Mikael Lindvall"]["role"] == "ordförande"
    assert people["Anna Caldén"]["role"] == "ordförande"
    assert people["Linda Rögård"]["role"] == "ersättare"  # the right-hand column of 'ordinarie ersättare'
    assert people["Tua Backman"]["role"] == "ledamot"
    assert people["Jean Hellsten"]["role"] == "viceordförande"  # '(distans)' is a note, not a role
    assert "Karita Eklund" not in people  # '[ ] Eklund Karita': not there
    # 'Emilia Ingman, planläggningschef på Nykarleby stad, klockan 16.00–16.50, §10–13' (OCR: '810-13')
    assert people["Emilia Ingman"]["role"] == "planläggningschef på Nykarleby stad"


@pytest.mark.realworld
def test_hits_on_a_garbled_page_say_so_without_ocr(tmp_path: Path) -> None:
    settings = Settings(index_dir=tmp_path / "index", ocr="never")
    ingest([shared_dir(NYKARLEBY) / RFF, CORPUS / PLAN], settings)
    hits = search(settings, "protokolljusterare", Filters(), limit=20).hits
    assert {h["text_quality"] for h in hits} == {"good", "garbled"} and not any(h["ocr"] for h in hits)
    for hit in hits:
        assert hit["text_quality"] == qualities(settings)[Path(hit["path"]).name][hit["page"]]
    listed = {Path(d["paths"][0]).name: d["garbled_pages"] for d in document_listing(settings)}
    assert set(GARBLED[RFF]) <= set(listed[RFF]) and listed[PLAN] == []


@pytest.mark.ocr
@pytest.mark.realworld
def test_the_minutes_with_a_broken_font_map_read_right_after_ocr(realworld: Settings) -> None:
    if not ocr_installed():
        pytest.skip("Tesseract with Swedish is not installed (make system)")
    first = search(realworld, '"Elektroniska underskrifter"', Filters(), limit=5).hits
    assert [(Path(h["path"]).name, h["page"], h["ocr"]) for h in first] == [(RFF, 1, True)]
    organ = search(
        realworld, '"Rådet för funktionshindrade"', Filters(document=first[0]["document"]), limit=50
    )
    assert 1 in {h["page"] for h in organ.hits}


@pytest.mark.parametrize(
    ("text", "scrambled"),
    [
        ("3HQČåQtSURVWĜHGN\\QD~þWHFK", True),
        ("Hello world Hello world", False),
        ("ÅRSREDOVISNING 2021 Brf Stappan", False),
        ("KS-2022/176.915 iPhone McDonald PowerPoint", False),
        ("info@brf.se www.huddinge.se 08-535 300 00", False),
        ("Protokoll 5/2022 Välfärdsnämnden 15.9.2022", False),
    ],
)
def test_a_short_page_is_judged_by_the_shape_of_its_words(text: str, scrambled: bool) -> None:
    assert (page_quality(text, lambda w: True, lambda w: False) == PageQuality.GARBLED) is scrambled


@pytest.mark.ocr
@pytest.mark.realworld
def test_an_annual_report_is_about_the_financial_year_it_names(realworld: Settings) -> None:
    # page 1: 'årsredovisning för räkenskapsåret 1 januari - 31 december 2021'; the scanned
    # Stäppan report, page 2: 'under räkenskapsåret 2022-01-01 - 2022-12-31'
    years = {Path(d["paths"][0]).name: d["year"] for d in document_listing(realworld)}
    assert years["brf_198532.pdf"] == 2021
    assert years["281330_arsredovisning_leksand_brf_stappan.pdf"] == 2022
    hits = search(realworld, "underhåll", Filters(years=(2021, 2021), kind="årsredovisning"), limit=50).hits
    assert hits and {Path(h["path"]).name for h in hits} == {"brf_198532.pdf"}


@pytest.mark.ocr
@pytest.mark.realworld
def test_an_annual_report_is_named_for_its_association(realworld: Settings) -> None:
    # page 1: 'Brf Björk och Plaza' above, 'Bostadsrättsföreningen' / 'Björk och Plaza' below the
    # title; the scanned Stäppan report: 'Styrelsen för Bostadsrättsföreningen Stäppan i Leksand får …'
    docs = {Path(d["paths"][0]).name: d for d in document_listing(realworld)}
    plaza, stappan = docs["brf_198532.pdf"], docs["281330_arsredovisning_leksand_brf_stappan.pdf"]
    assert plaza["title"] == "Årsredovisning Brf Björk och Plaza 2021"
    assert plaza["board"] == "Brf Björk och Plaza"
    assert stappan["board"] == "Bostadsrättsföreningen Stäppan i Leksand"
    assert stappan["title"].endswith("redovisning Bostadsrättsföreningen Stäppan i Leksand 2022")
    assert search(realworld, "underhåll", Filters(board="Stäppan"), limit=5).hits
