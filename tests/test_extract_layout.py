"""extract/layout.py: a part's body lines in one list, with what the PDF says of their font."""

from __future__ import annotations

from pipeline.extract.layout import FlatLine, body_size, flatten, styled
from pipeline.models import Page

# Nacka KSVU 2018-12-18, page 8: a label in bold over the running text
BODY = "Yrkanden\n\nMats Gerdau (M) yrkade bifall till enhetens förslag till beslut och därmed avslag."


def test_flatten_drops_empty_lines_and_keeps_each_lines_page_and_font() -> None:
    page = Page(8, BODY, "", bold_lines=(0,), sizes=(11.0, 0.0, 10.0))
    lines = flatten([page])
    assert [(x.page, x.index, x.bold, x.size) for x in lines] == [(8, 0, True, 11.0), (8, 2, False, 10.0)]
    assert lines[0].text == "Yrkanden"


def test_the_body_size_is_the_commonest_size_of_long_lines() -> None:
    long = "Mats Gerdau (M) yrkade bifall till enhetens förslag till beslut och därmed avslag."
    lines = [FlatLine(1, 0, "Yrkanden", True, 12.0), *(FlatLine(1, i, long, False, 10.0) for i in (1, 2))]
    lines.append(FlatLine(1, 3, long, False, 9.0))
    assert body_size(lines) == 10.0
    assert body_size([FlatLine(1, 0, "Yrkanden", True, 12.0)]) == 0.0  # no long line: unknown


def test_styled_is_bold_or_larger_than_the_body() -> None:
    assert styled(FlatLine(1, 0, "Yrkanden", True, 10.0), 10.0)
    assert styled(FlatLine(1, 0, "Beslutsgång", False, 12.0), 10.0)
    assert not styled(FlatLine(1, 0, "Beslutsgång", False, 10.2), 10.0)
