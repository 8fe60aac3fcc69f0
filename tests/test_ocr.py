"""OCR: scanned pages and broken text layers become searchable, quotable text.

Scans are made in the test from the sample PDFs (each page rendered to a JPEG and put
back into a PDF with no text layer, one turned 90°), so the original's words are known."""

from __future__ import annotations

import collections
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

import pdfgen
from conftest import CORPUS, MINUTES_2021, PLAN, V_STATEMENT, shared_dir
from pipeline.answer.listings import amounts, document_listing, speakers
from pipeline.answer.quotes import quotes
from pipeline.answer.search import search
from pipeline.extract.clean import clean_pages
from pipeline.filters import Filters
from pipeline.ingest import IngestReport, ingest
from pipeline.output.citations import markdown
from pipeline.read.ocr import installed, parse_tsv, repair
from pipeline.read.pdf import read_pages
from pipeline.settings import Settings

needs_tesseract = pytest.mark.skipif(
    not installed(), reason="Tesseract with Swedish is not installed (make system)"
)
SCANS = [(V_STATEMENT, 200, 0), (MINUTES_2021, 300, 90), (PLAN, 300, 0)]


def scan_name(name: str, dpi: int, rotate: int) -> str:
    return f"scan-{dpi}dpi-{rotate}deg-{name}"


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, IngestReport]:
    folder = tmp_path_factory.mktemp("scans")
    for name, dpi, rotate in SCANS:
        (folder / scan_name(name, dpi, rotate)).write_bytes(
            pdfgen.scanned_copy(str(CORPUS / name), dpi, rotate)
        )
    settings = Settings(index_dir=folder / "index", workers=2)
    return settings, ingest([folder], settings)


def words(text: str) -> collections.Counter[str]:
    return collections.Counter(re.findall(r"\w+", text.lower()))


def texts(settings: Settings, name: str) -> tuple[str, str]:
    """(the original's text layer, the text OCR gave its scan)."""
    import sqlite3

    original = "\n".join(
        p.furniture + "\n" + p.body for p in clean_pages(list(read_pages(CORPUS / name, 99)))
    )
    with sqlite3.connect(settings.catalog_path) as conn:
        rows = conn.execute(
            "SELECT g.furniture, g.body FROM pages g JOIN paths p ON p.document_id = g.document_id"
            " WHERE p.path LIKE ? ORDER BY g.number",
            (f"%-{name}",),
        ).fetchall()
    return original, "\n".join(f"{f}\n{b}" for f, b in rows)


@pytest.mark.ocr
@needs_tesseract
@pytest.mark.parametrize(("name", "dpi", "rotate"), SCANS)
def test_a_scan_reads_back_the_original_words(
    scans: tuple[Settings, IngestReport], name: str, dpi: int, rotate: int
) -> None:
    original, read = texts(scans[0], name)
    want, got = words(original), words(read)
    recovered = sum(min(n, got[w]) for w, n in want.items()) / sum(want.values())
    flat = " ".join(original.split())
    error = Levenshtein.distance(flat, " ".join(read.split())) / len(flat)
    print(
        f"{name} at {dpi} dpi, turned {rotate}°: {recovered:.1%} of words, character error rate {error:.2%}"
    )
    assert recovered >= 0.98 and error < 0.02


@pytest.mark.ocr
@needs_tesseract
def test_a_scan_is_read_like_its_original(scans: tuple[Settings, IngestReport]) -> None:
    settings, report = scans
    assert report.ocr_pages == 14 and report.pages_without_text == 0 and not report.needs_ocr
    docs = {Path(d["paths"][0]).name: d for d in document_listing(settings)}
    minutes = docs[scan_name(MINUTES_2021, 300, 90)]
    assert (minutes["kind"], minutes["date"], minutes["paragraph"], minutes["diarienummer"]) == (
        "protokollsutdrag",
        "2021-05-05",
        "§ 24",
        "KS-2021/307.173",
    )
    assert minutes["ocr_pages"] == [1, 2]
    people = {p["name"]: p["party"] for p in speakers(settings)}
    assert {people["Anders Lönroth"], people["Rasmus Lenefors"], people["Nujin Alacabek"]} == {"MP", "S", "V"}
    sums = {a["text"]: a["sek"] for a in amounts(settings, Filters()) if a["path"].endswith(PLAN)}
    assert sums["500 000 kr"] == 500_000 and sums["11,5 miljoner kronor"] == 11_500_000
    assert all(a["ocr"] for a in amounts(settings, Filters()))


@pytest.mark.ocr
@needs_tesseract
def test_hits_and_quotes_from_ocr_text_say_so(scans: tuple[Settings, IngestReport]) -> None:
    hits = search(scans[0], "trygghetsdialoger", Filters(), limit=5).hits
    assert hits and all(h["ocr"] and h["ocr_confidence"] > 50 for h in hits)
    found = quotes(scans[0], '"vapen"', Filters(party="V"))  # as written: not "vapnen"
    assert [q["quote"] for q in found] == [
        "För många unga är det lättare att få ett vapen i händerna än ett jobb."
    ]
    assert found[0]["ocr"] and "läst med OCR" in markdown(found)


@pytest.mark.ocr
@needs_tesseract
def test_a_scan_read_twice_is_read_by_ocr_once(scans: tuple[Settings, IngestReport], tmp_path: Path) -> None:
    settings = scans[0]
    again = tmp_path / "rescan.pdf"  # the same page images in another file (another SHA-256)
    again.write_bytes(
        (settings.index_dir.parent / scan_name(MINUTES_2021, 300, 90)).read_bytes() + b"%rescan\n"
    )
    report = ingest([again], settings)
    assert (report.documents_added, report.ocr_pages, report.ocr_cached) == (1, 2, 2)


@pytest.mark.ocr
@needs_tesseract
def test_ocr_never_and_always(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(pdfgen.scanned_copy(str(CORPUS / MINUTES_2021), 150))
    never = ingest([scan], Settings(index_dir=tmp_path / "never", ocr="never"))
    assert (never.ocr_pages, never.pages_without_text, len(never.needs_ocr)) == (0, 2, 1)
    always = ingest([CORPUS / MINUTES_2021], Settings(index_dir=tmp_path / "always", ocr="always"))
    assert always.ocr_pages == 2  # a good text layer is read again only when asked
    auto = ingest([CORPUS / MINUTES_2021], Settings(index_dir=tmp_path / "auto"))
    assert auto.ocr_pages == 0  # ... and never otherwise


@pytest.mark.ocr
@pytest.mark.realworld
@needs_tesseract
def test_the_scanned_housing_report_is_searchable(tmp_path: Path) -> None:
    settings = Settings(index_dir=tmp_path / "index", workers=2)
    ingest([shared_dir("realworld/brf") / "281330_arsredovisning_leksand_brf_stappan.pdf"], settings)
    # read off page 2 of the scan: 'FÖRVALTNINGSBERÄTTELSE', 'Allmänt om verksamheten', 591 kr/kvm
    hits = search(settings, '"allmänt om verksamheten"', Filters(), limit=5).hits
    assert [(h["page"], h["ocr"]) for h in hits] == [(2, True)]
    assert {h["page"] for h in search(settings, "förvaltningsberättelse", Filters()).hits} >= {1, 2}
    sums = {(a["page"], a["sek"]) for a in amounts(settings, Filters())}
    assert {(2, 591), (2, 11228)} <= sums
    assert document_listing(settings)[0]["kind"] == "årsredovisning"


def test_without_tesseract_ingest_works_and_says_how_to_get_ocr(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(pdfgen.scanned_copy(str(CORPUS / MINUTES_2021), 100))
    handlingar = shutil.which("handlingar")
    assert handlingar
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}  # no tesseract on this PATH
    result = subprocess.run(
        [handlingar, "ingest", str(scan), "--index", str(tmp_path / "ix")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "2 sidor lagrades utan text" in result.stdout and "tesseract-ocr-swe" in result.stdout


@pytest.mark.ocr
@pytest.mark.realworld
@needs_tesseract
def test_a_blank_page_ocr_read_is_not_sent_to_install_tesseract(tmp_path: Path) -> None:
    blank = shared_dir("realworld/malformed") / "no_contents.pdf"  # one page, no content stream
    handlingar = shutil.which("handlingar")
    assert handlingar
    said = {}
    for mode in ("auto", "never"):
        index = tmp_path / mode
        done = subprocess.run(
            [handlingar, "ingest", str(blank), "--index", str(index), "--ocr", mode],
            capture_output=True,
            text=True,
        )
        report = ingest([blank], Settings(index_dir=tmp_path / f"{mode}-lib", ocr=mode))
        said[mode] = (done.returncode, report.pages_without_text, report.without_text_why, done.stdout)
    assert said["auto"][:3] == (0, 1, "read") and said["never"][:3] == (0, 1, "never")
    assert "OCR fann ingen text" in said["auto"][3] and "tesseract-ocr-swe" not in said["auto"][3]
    assert "utan text" in said["auto"][3] and "behöver OCR" not in said["auto"][3]
    assert "--ocr auto" in said["never"][3] and "behöver OCR" in said["never"][3]


def test_tesseract_tsv_and_its_usual_misreads() -> None:
    tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    tsv += "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t90\tKommunstyrelsen\n5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t80\t2021\n"
    tsv += "5\t1\t1\t1\t1\t3\t0\t0\t1\t1\t70\t8\n5\t1\t1\t1\t1\t4\t0\t0\t1\t1\t60\t24\n"
    tsv += "5\t1\t1\t1\t2\t1\t0\t0\t1\t1\t95\tDiarienummer\n"
    page = parse_tsv(tsv)
    assert [line.text for line in page.lines] == ["Kommunstyrelsen 2021 § 24", "Diarienummer"]
    assert page.confidence == 79.0
    assert repair("e Remisser") == "• Remisser" and repair("Det kostar 8 12 kr") == "Det kostar 8 12 kr"
    assert repair("Ärenden 108-198") == "Ärenden 10§–19§"


@pytest.mark.ocr
@needs_tesseract
def test_a_poster_sized_scan_is_read_at_a_lower_dpi_not_failed(tmp_path: Path) -> None:
    """A page 10,000 points wide (139 inches) at 300 dpi would be a 41,700-pixel-wide image,
    over a reader's memory share: it is rendered to at most read.pdf.MAX_PIXELS instead."""
    poster = tmp_path / "affisch.pdf"
    poster.write_bytes(pdfgen.poster_copy(str(CORPUS / PLAN), 10_000))
    settings = Settings(index_dir=tmp_path / "ix")
    report = ingest([poster], settings)
    assert (report.failed, report.ocr_pages, report.pages_without_text) == ([], 1, 0)
    assert search(settings, "delaktighetsberedningen", Filters()).total >= 1
