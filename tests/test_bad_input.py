"""Bad input: one clear line naming the file and the reason; the batch goes on;
nothing stored earlier is lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import pdfgen
from cli import main
from conftest import CORPUS, FIXTURES, PLAN, Ingested, shared_dir
from pipeline.answer.listings import document_listing as documents
from pipeline.errors import Encrypted, HandlingarError, NoPages
from pipeline.ingest import ingest
from pipeline.read.pdf import open_pdf
from pipeline.settings import Settings

CASES = {
    "empty-file.pdf": "tom fil",
    "html-error-page.pdf": "inte en PDF (en webbsida sparad som .pdf)",
    "random-bytes.pdf": "inte en PDF (inget %PDF-huvud)",
    "no-pages.pdf": "PDF:en har inga sidor",
    "truncated-download.pdf": "avkortad eller skadad PDF",
}


@pytest.mark.realworld
def test_a_file_read_after_an_encrypted_one_gets_its_own_reason(tmp_path: Path) -> None:
    """pdfium keeps its last error: a reader that refused an encrypted file must not call
    the next broken file encrypted too (readers live across files)."""
    encrypted = shared_dir("realworld/malformed") / "password-example.pdf"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(encrypted, folder / "a-encrypted.pdf")
    shutil.copy(FIXTURES / "no-pages.pdf", folder / "b-no-pages.pdf")
    report = ingest([folder], Settings(index_dir=tmp_path / "ix", workers=1))
    reasons = {Path(f["path"]).name: f["error"] for f in report.failed}
    assert reasons["a-encrypted.pdf"].startswith("krypterad")
    assert reasons["b-no-pages.pdf"].startswith("PDF:en har inga sidor")
    with pytest.raises(Encrypted):
        open_pdf(encrypted)
    with pytest.raises(NoPages):
        open_pdf(FIXTURES / "no-pages.pdf")


@pytest.mark.parametrize(("name", "reason"), sorted(CASES.items()))
def test_bad_file_gets_its_reason(name: str, reason: str, tmp_path: Path) -> None:
    report = ingest([FIXTURES / name], Settings(index_dir=tmp_path / "ix"))
    assert len(report.failed) == 1
    assert report.failed[0]["path"].endswith(name)
    assert report.failed[0]["error"].startswith(reason)


def test_batch_goes_on_and_keeps_what_was_stored(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    for name in CASES:
        shutil.copy(FIXTURES / name, batch / name)
    shutil.copy(CORPUS / PLAN, batch / PLAN)
    index_dir = tmp_path / "ix"
    ingest([CORPUS], Settings(index_dir=index_dir))
    result = CliRunner().invoke(main, ["ingest", str(batch), "--index", str(index_dir), "--json"])
    assert result.exit_code == 1
    assert len(documents(Settings(index_dir=index_dir))) == 4
    assert '"failed"' in result.output and "html-error-page.pdf" in result.output


def test_missing_path_is_reported(tmp_path: Path) -> None:
    report = ingest([tmp_path / "nowhere.pdf"], Settings(index_dir=tmp_path / "ix"))
    assert report.failed == [{"path": str(tmp_path / "nowhere.pdf"), "error": "ingen sådan fil eller mapp"}]


def test_decompression_bomb_is_refused_over_memory_budget(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(pdfgen.deflate_bomb(300))
    good = tmp_path / PLAN
    shutil.copy(CORPUS / PLAN, good)
    # the default budget of 1 GB is the whole ingest's: two readers get a share of what is left each
    report = ingest([bomb, good], Settings(index_dir=tmp_path / "ix", workers=2))
    assert report.documents_added == 1
    assert [f["path"] for f in report.failed] == [str(bomb)]
    assert "budget" in report.failed[0]["error"] or "crashed" in report.failed[0]["error"]


def test_a_budget_too_small_for_the_readers_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(HandlingarError, match=r"räcker inte till 2 läsare.*ge --memory \d+"):
        ingest([CORPUS / PLAN], Settings(index_dir=tmp_path / "ix", workers=2, memory_mb=256))


def test_slow_file_is_refused_over_time_budget(tmp_path: Path) -> None:
    heavy = tmp_path / "million-operators.pdf"
    heavy.write_bytes(pdfgen.many_operators(2_000_000))
    report = ingest([heavy], Settings(index_dir=tmp_path / "ix", timeout_s=0.05))
    assert report.failed and "över tidsbudgeten" in report.failed[0]["error"]


@pytest.mark.realworld
def test_real_world_malformed_pdfs(tmp_path: Path) -> None:
    folder = shared_dir("realworld/malformed")
    report = ingest([folder], Settings(index_dir=tmp_path / "ix", ocr="never"))
    failed = {Path(f["path"]).name: f["error"] for f in report.failed}
    assert failed["aes-256-r6.pdf"].startswith("krypterad")
    assert failed["password-example.pdf"].startswith("krypterad")
    assert failed["invalid.pdf"].startswith("avkortad eller skadad")
    assert report.documents_added == 6  # the others open, some with repairs
    assert {Path(p).name for p in report.needs_ocr} == {"cardinal.pdf", "no_contents.pdf"}


@pytest.mark.realworld
def test_scanned_pdf_is_stored_as_needing_ocr_without_it(tmp_path: Path) -> None:
    folder = shared_dir("realworld/brf")
    report = ingest([folder], Settings(index_dir=tmp_path / "ix", ocr="never"))
    assert report.failed == []
    assert [Path(p).name for p in report.needs_ocr] == ["281330_arsredovisning_leksand_brf_stappan.pdf"]
    docs = documents(Settings(index_dir=tmp_path / "ix"))
    assert sum(d["needs_ocr"] for d in docs) == 1


@pytest.mark.ocr
@pytest.mark.realworld
def test_nykarleby_minutes_ingest(nykarleby_index: Ingested) -> None:
    settings, report = nykarleby_index  # the folder, with the default settings
    assert (report.documents_added, report.failed) == (3, [])
    docs = {d["board"]: d for d in documents(settings)}
    assert docs["Välfärdsnämnden"]["date"] == "2022-09-15"
    assert docs["Välfärdsnämnden"]["kind"] == "protokoll"


def test_reason_is_right_when_the_file_name_holds_a_colon(tmp_path: Path) -> None:
    odd = tmp_path / "Protokoll: maj 2021.pdf"
    shutil.copy(FIXTURES / "html-error-page.pdf", odd)
    report = ingest([odd], Settings(index_dir=tmp_path / "ix"))
    assert report.failed == [{"path": str(odd), "error": "inte en PDF (en webbsida sparad som .pdf)"}]
