"""extract/blocks.py: a page's body cut into paragraph-sized blocks, the unit of search, on
page 2 of the corpus's Verksamhetsplan 2020 (Huddinge)."""

from __future__ import annotations

import itertools
from pathlib import Path

from conftest import CORPUS, PLAN
from pipeline.extract.blocks import MIN_CHARS, page_blocks
from pipeline.extract.clean import clean_pages
from pipeline.models import Page
from pipeline.read.pdf import read_pages


def _plan_page(number: int) -> Page:
    return clean_pages(list(read_pages(Path(CORPUS / PLAN), 100)))[number - 1]


def test_a_heading_goes_with_its_paragraph_and_each_priority_starts_a_block() -> None:
    page = _plan_page(2)
    heads = [b.text.split("\n")[0] for b in page_blocks(page)]
    assert heads[:4] == [
        "Prioriteringar 2020",
        "1. Genomföra insatser utifrån lokal lägesbild och",
        "2. Lokal samverkan",
        "3. Ren och trygg utemiljö",
    ]


def test_blocks_are_offsets_into_the_body_and_cover_it_in_order() -> None:
    page = _plan_page(2)
    blocks = list(page_blocks(page))
    assert all(page.body[b.start : b.end] == b.text for b in blocks)
    assert all(a.end < b.start for a, b in itertools.pairwise(blocks))
    assert all(len(b.text) >= MIN_CHARS for b in blocks[:-1])  # short ones joined to the next


def test_an_empty_page_has_no_blocks() -> None:
    assert list(page_blocks(Page(3, "  \n", "Trygghets- och delaktighetsberedningen"))) == []
