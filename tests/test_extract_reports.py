"""extract/reports.py: a housing association's annual report named for its association, on
the first pages of the real reports in ../shared/realworld/brf."""

from __future__ import annotations

from pipeline.extract.reports import ASSOCIATION_RE, annual_report
from pipeline.models import Meta, Page


def test_the_association_names_the_report_and_is_its_board() -> None:
    first = (  # brf_198532.pdf, page 1
        "Årsredovisning\nBostadsrättsföreningen\nBjörk och Plaza\n"
        "Styrelsen får härmed avge årsredovisning för räkenskapsåret 1 januari - 31 december 2021."
    )
    meta = annual_report(Meta(title="Årsredovisning", year=2021), Page(1, first, ""))
    assert (meta.title, meta.board) == (
        "Årsredovisning Bostadsrättsföreningen Björk och Plaza 2021",
        "Bostadsrättsföreningen Björk och Plaza",
    )


def test_a_name_on_one_line_in_running_text() -> None:
    found = ASSOCIATION_RE.search("Styrelsen för Bostadsrättsföreningen Stäppan i Leksand får härmed avge")
    assert found is not None and found.group(1) == "Bostadsrättsföreningen Stäppan i Leksand"
    found = ASSOCIATION_RE.search("BRF Stäppan i Leksand.")
    assert found is not None and found.group(1) == "BRF Stäppan i Leksand."


def test_a_report_of_no_association_keeps_its_title() -> None:
    meta = Meta(title="Årsredovisning 2025 för Alingsås kommun", year=2025)
    assert annual_report(meta, Page(1, "Årsredovisning 2025 för Alingsås kommun\nInnehåll", "")) == meta
