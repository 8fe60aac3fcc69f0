"""A hit's section label is the heading its text stands under, and a snippet puts
'…' only where it leaves text out."""

from __future__ import annotations

import pytest

from conftest import MINUTES_2022, PLAN
from pipeline.answer.search import search
from pipeline.filters import Filters
from pipeline.ingest import IngestReport
from pipeline.settings import Settings
from pipeline.store.query import snippet

Corpus = tuple[Settings, IngestReport]


@pytest.mark.parametrize(
    ("query", "name", "page", "section"),
    [
        ('"särskilda prioriteringar"', MINUTES_2022, 7, "Uppföljning av särskilda prioriteringar 2021"),
        ('"Ren och trygg utemiljö"', PLAN, 2, "3. Ren och trygg utemiljö"),
        ("Segeltorps", MINUTES_2022, 11, "Övriga informationspunkter"),  # bullets, not a remiss title
        ("kommunpolisen", MINUTES_2022, 11, "Övriga informationspunkter"),
        ("hjärtstartare", MINUTES_2022, 11, "Remisser"),  # a remiss title is an item, not a heading
    ],
)
def test_a_hit_is_labelled_with_the_heading_it_stands_under(
    corpus_index: Corpus, query: str, name: str, page: int, section: str
) -> None:
    hits = [h for h in search(corpus_index[0], query, Filters(), limit=20).hits if h["path"].endswith(name)]
    assert [(h["page"], h["section"]) for h in hits if h["page"] == page] == [(page, section)]


def test_a_snippet_marks_only_what_it_leaves_out() -> None:
    text = "I samband med trygghetsdialogerna tillgängliggörs enkäten. I anknytning till trygghetsdialogerna"
    spans = [(text.index("anknytning"), text.index("anknytning") + 10), (text.rindex("trygg"), len(text))]
    assert "…" not in snippet(text, spans, width=240, surround=8).text
    far = text + " " + "ord " * 200 + "slutet"
    shown = snippet(far, [(0, 1), (len(far) - 6, len(far))], width=60, surround=5).text
    assert " … " in shown


def test_hits_in_the_sample_snippets_have_no_ellipsis_between_touching_fragments(
    corpus_index: Corpus,
) -> None:
    hit = search(corpus_index[0], "anknytning trygghetsdialogerna", Filters(), limit=1).hits[0]
    assert "I anknytning till trygghetsdialogerna" in " ".join(hit["snippet"].split())
