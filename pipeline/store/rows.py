"""What the search index files a text block under, and what a hit brings back.
Plain data: the engine's own calls stay in index.py."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from ..filters import board_words
from ..records import Snippet
from ..years import matched_years, shown_year
from .query import Token, WordForms

TEXT_PATTERN = r"\w+(?:[.,:/]\w+)*"  # a word of the stemmed, lemma and parts views
TEXT_RE = re.compile(TEXT_PATTERN)
_EDGE = re.escape("\"'”“„’‘«»()[]{},.;:!?…")
EXACT_PATTERN = rf"[^\s{_EDGE}](?:\S*[^\s{_EDGE}])?"  # a word of the exact view: outer punctuation trimmed
EXACT_RE = re.compile(EXACT_PATTERN)


class LineViews(Protocol):
    def lines(self, source: str) -> tuple[str, str]: ...


class OffsetViews:
    """A text's tokens in each view, with character offsets (for snippets and sentences):
    the stemmed words (``stem``: the engine's stemmer, index.Analyzer's), the words as
    written, their lemmas and their compounds' parts (each part spans its whole word)."""

    forms: WordForms

    def stem(self, word: str) -> str:
        raise NotImplementedError

    def text(self, source: str) -> list[Token]:
        return [Token(self.stem(m.group()), m.start(), m.end()) for m in TEXT_RE.finditer(source)]

    def exact(self, source: str) -> list[Token]:
        return [Token(m.group().lower(), m.start(), m.end()) for m in EXACT_RE.finditer(source)]

    def lemmas(self, source: str) -> list[Token]:
        """One lemma per word of the stemmed view (the two line up position by position)."""
        lemma = self.forms.lemma
        return [Token(lemma(m.group().lower()), m.start(), m.end()) for m in TEXT_RE.finditer(source)]

    def parts(self, source: str) -> list[Token]:
        parts = self.forms.parts
        return [
            Token(part, m.start(), m.end())
            for m in TEXT_RE.finditer(source)
            for part in parts(m.group().lower())
        ]


class IndexedViews:
    """The lemma and parts views of a text as the index takes them: one lemma per word
    (in step with the stemmed view's words), and each compound's parts; each distinct
    word as written is read from the lexicon once."""

    def __init__(self, forms: WordForms) -> None:
        self.forms = forms
        self.viewed: dict[str, tuple[str, str]] = {}  # a word as written -> its lemma, its parts

    def lines(self, source: str) -> tuple[str, str]:
        known = self.viewed.get
        views = [known(word) or self._views(word) for word in TEXT_RE.findall(source)]
        return " ".join(lemma for lemma, _ in views), " ".join(parts for _, parts in views if parts)

    def _views(self, word: str) -> tuple[str, str]:
        found = self.viewed.get(word)
        if found is None:
            lower = word.lower()
            found = self.viewed[word] = (self.forms.lemma(lower), " ".join(self.forms.parts(lower)))
        return found


@dataclass(frozen=True)
class Stored:
    """What the index stores of a block."""

    block: int
    document: str
    part: int
    page: int
    year: int | None
    speakers: tuple[str, ...]  # keys of who acted in the block (whole names and surnames)
    parties: tuple[str, ...]  # who acted in the block: signed, moved, said (extract/acts.py)
    text: str


def stored_of(found: dict[str, list[Any]]) -> Stored:
    """A block as the index stored it (a document's ``to_dict()``)."""
    return Stored(
        found["block"][0],
        found["document"][0],
        found["part"][0],
        found["page"][0],
        found["year"][0] or None,
        tuple(found.get("speakers", [])),
        tuple(found.get("party", [])),
        found["text"][0],
    )


@dataclass(frozen=True)
class RawHit:
    fields: Stored
    score: float
    snippet: Snippet


def index_fields(
    row: dict[str, Any], analyzer: LineViews, given: dict[str, tuple[str, str]] | None = None
) -> dict[str, Any]:
    """The fields of one block; ``given``: a reader's lemma and parts views by block text."""
    text = row["text"]
    lemmas, parts = (given or {}).get(text) or analyzer.lines(text)
    return {
        "block": row["id"],
        "document": row["document_id"],
        "part": row["part_id"],
        "page": row["page"],
        "year": shown_year(row["date"], row["year"]) or 0,
        "years": sorted(matched_years(row["date"], row["year"], row["part_title"])) or [0],
        "kind": row["kind"] or "",
        "part_kind": row["part_kind"] or "",
        "board": board_words(row["board"]),
        "party": row["parties"],
        "speakers": row["speakers"],
        "facet_kind": row["kind"] or "",
        "facet_board": row["board"] or "",
        "facet_party": row["parties"] or [""],  # a hit made jointly counts for each of its parties
        "text": text,
        "exact": text,
        "lemma": lemmas,
        "parts": parts,
    }


def page_fields(blocks: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One entry per page of text from its blocks' fields (``index_fields``): filed under all
    that its blocks are (its part's year, kind and board; everyone who acted in any of them, and
    no one where a block has no one), so the filters and keys that find a block find its page."""
    pages: dict[tuple[str, int], dict[str, Any]] = {}
    for block in blocks:
        page = pages.get((block["document"], block["page"]))
        if page is None:
            keep = ("document", "part", "page", "year", "years", "kind", "part_kind", "board", "facet_kind")
            page = pages[(block["document"], block["page"])] = {name: block[name] for name in keep}
            page["facet_board"] = block["facet_board"]
            page |= {"party": [], "speakers": [], "facet_party": []}
        for name in ("party", "speakers", "facet_party"):
            page[name] += [x for x in block[name] if x not in page[name]]
    yield from pages.values()


def block_views(texts: Iterable[str], forms: WordForms) -> dict[str, tuple[str, str]]:
    """Each block text's lemma and parts views (made by a reader, in parallel)."""
    views = IndexedViews(forms)
    return {text: views.lines(text) for text in texts}
