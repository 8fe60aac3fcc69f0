"""The only module that imports the search engine (tantivy): schema,
analyzers, writing, and turning a parsed query into the engine's query.

Indexed unit: a block (paragraph) of canonical body text, with its page; beside
it, in ``pages/`` (so that no score changes), an entry per page of such text
filed as its blocks are, which only ``Reader.pages`` counts. Four
views of the text: ``text`` (Swedish Snowball stemming, case-folded, å/ä/ö
kept), ``exact`` (whitespace tokens, case-folded, outer punctuation trimmed) so
'11,5', 'KS-2022/176.915' and '§' match as written, ``lemma`` (one lemma per
word, in step with ``text``) and ``parts`` (the lemmas of each compound's parts).
Facets are counted from fast fields.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import tantivy
from tantivy import Filter, Occur, Query, TextAnalyzerBuilder, Tokenizer

from ..errors import HandlingarError, QueryError
from ..filters import Filters, board_words
from ..records import Snippet
from ..settings import Settings
from . import health
from .health import GENERATION_MARKER, SCHEMA_MARKER, IndexUnusable, engine_failed, short
from .query import (
    And,
    Fuzzy,
    Node,
    Not,
    Or,
    Prefix,
    SentenceMatcher,
    TextViews,
    WordForms,
    Words,
    marked_spans,
    nearest_forms,
    parse,
    plain_words,
    quoted,
    snippet as make_snippet,
)
from .rows import (
    EXACT_PATTERN,
    TEXT_PATTERN,
    IndexedViews,
    OffsetViews,
    RawHit,
    index_fields,
    page_fields,
    stored_of,
)

_REGEX_META = re.compile(r"([\\.+*?()|\[\]{}^$#&\-~])")


class Analyzer(OffsetViews):
    """The engine's own analyzers, and the same tokens with character offsets
    for snippets and sentences (each distinct word is analysed once, its views in
    rows.OffsetViews). Lemmas and compound parts come from the caller's lexicon (``WordForms``)."""

    def __init__(self, forms: WordForms) -> None:
        lower = TextAnalyzerBuilder(Tokenizer.regex(TEXT_PATTERN)).filter(Filter.lowercase())
        self.stemming = lower.filter(Filter.stemmer("swedish")).build()
        self.exacting = TextAnalyzerBuilder(Tokenizer.regex(EXACT_PATTERN)).filter(Filter.lowercase()).build()
        self.forms = forms
        self.stems: dict[str, str] = {}
        self.lines = IndexedViews(forms).lines

    def stem(self, word: str) -> str:
        found = self.stems.get(word)
        if found is None:
            found = self.stems[word] = "".join(self.stemming.analyze(word))
        return found


FACETS = ("year", "kind", "board", "party")  # what hits are counted by (fast fields)


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for name in ("block", "part", "page", "year"):  # year: the one shown (0: not known)
        builder.add_integer_field(name, stored=True, indexed=name == "year", fast=name == "year")
    builder.add_integer_field("years", indexed=True)  # every year --year matches: dated and about
    builder.add_text_field("document", stored=True, tokenizer_name="raw", fast=True)
    for name in ("kind", "part_kind", "party", "speakers"):  # matched case-folded, stored as written
        builder.add_text_field(name, stored=name in ("party", "speakers"), tokenizer_name="keyword")
    for name in FACETS[1:]:  # counted as written
        builder.add_text_field(f"facet_{name}", tokenizer_name="raw", fast=True)
    builder.add_text_field("board", tokenizer_name="default")
    builder.add_text_field("text", stored=True, tokenizer_name="sv_text")
    builder.add_text_field("exact", tokenizer_name="sv_exact")
    for name in ("lemma", "parts"):  # one lemma per word; the parts of each compound
        builder.add_text_field(name, tokenizer_name="sv_words")
    return builder.build()


def _register(ix: tantivy.Index, analyzer: Analyzer) -> None:
    ix.register_tokenizer("sv_text", analyzer.stemming)
    ix.register_tokenizer("sv_exact", analyzer.exacting)
    ix.register_tokenizer("sv_words", TextAnalyzerBuilder(Tokenizer.whitespace()).build())
    ix.register_tokenizer("keyword", TextAnalyzerBuilder(Tokenizer.raw()).filter(Filter.lowercase()).build())


PAGES = "pages"  # the folder of the page entries, inside the index's


def _open(
    folder: Path, generation: str, forms: WordForms, create: bool = False
) -> tuple[tantivy.Index, tantivy.Index, Analyzer]:
    """The index of blocks and the index of pages in ``folder``, and the analyzer."""
    state = health.state(folder, generation, forms.key)
    if state != "current" and not create:
        raise IndexUnusable(state, folder)
    try:
        ix, pages = _index(folder, state != "current"), _index(folder / PAGES, state != "current")
        if state != "current":
            (folder / SCHEMA_MARKER).write_text(health.marker(forms.key))
            (folder / GENERATION_MARKER).write_text(generation)
    except BaseException as exc:
        if not engine_failed(exc):
            raise
        raise IndexUnusable("damaged", folder, short(exc)) from None
    analyzer = Analyzer(forms)
    _register(ix, analyzer)
    _register(pages, analyzer)
    return ix, pages, analyzer


def _index(folder: Path, fresh: bool) -> tantivy.Index:
    if fresh:
        folder.mkdir(parents=True, exist_ok=True)
        return tantivy.Index(_schema(), path=str(folder), reuse=False)
    if not (folder / "meta.json").is_file():  # made before the pages were
        raise IndexUnusable("older", folder.parent)
    return tantivy.Index.open(str(folder))


def problem(settings: Settings, generation: str, forms: WordForms) -> str | None:
    """Why the index cannot be used as it is (None: it can). Opening it and reading
    every segment's postings once shows a missing or cut segment file."""
    try:
        ix, pages, _ = _open(settings.search_dir, generation, forms)
        pages.searcher().search(Query.all_query(), 1, count=True)
        searcher = ix.searcher()
        searcher.search(Query.all_query(), 1, count=True)
        searcher.search(Query.term_query(ix.schema, "text", "och"), 1, count=True)
    except IndexUnusable as exc:
        return exc.reason
    except BaseException as exc:
        if not engine_failed(exc):
            raise
        return IndexUnusable("damaged", settings.search_dir, short(exc)).reason
    return None


def open_writer(settings: Settings, generation: str, forms: WordForms) -> tuple[Any, Any, Analyzer]:
    """The writers of blocks and of pages (each lock is the engine's own), and the analyzer."""
    ix, pages, analyzer = _open(settings.search_dir, generation, forms, create=True)
    try:
        return ix.writer(heap_size=128_000_000), pages.writer(heap_size=20_000_000, num_threads=1), analyzer
    except ValueError as exc:
        if "LockBusy" not in str(exc):
            raise
        raise HandlingarError(
            "sökindexet är låst av en annan inläsning; försök igen när den är klar"
        ) from None


def add_rows(
    writers: tuple[Any, Any],
    analyzer: Analyzer,
    rows: Iterable[dict[str, Any]],
    given: dict[str, tuple[str, str]] | None,
) -> None:
    """A document's blocks, and an entry for each of their pages."""
    blocks = [index_fields(row, analyzer, given) for row in rows]
    for fields in blocks:
        writers[0].add_document(tantivy.Document(**fields))
    for fields in page_fields(blocks):
        writers[1].add_document(tantivy.Document(**fields))


def _filter(schema: tantivy.Schema, f: Filters) -> list[Query]:
    def term(field: str, value: str) -> Query:  # keyword fields fold case at index time: so do we
        return Query.term_query(schema, field, unicodedata.normalize("NFC", value).lower())

    found: list[Query] = []
    if f.years:
        found.append(Query.range_query(schema, "years", tantivy.FieldType.Integer, f.years[0], f.years[1]))
    if f.kind:
        found.append(
            Query.boolean_query(
                [(Occur.Should, term("kind", f.kind)), (Occur.Should, term("part_kind", f.kind))]
            )
        )
    if f.board:
        found.extend(term("board", w) for w in board_words(f.board).split())
    if f.party:
        found.append(term("party", f.party))
    if f.speaker:
        found.append(term("speakers", f.speaker))
    if f.document:
        found.append(term("document", f.document))
    return [Query.const_score_query(q, 0.0) for q in found]


def _words(schema: tantivy.Schema, field: str, words: Sequence[str]) -> Query | None:
    if not words:
        return None
    if len(words) == 1:
        return Query.term_query(schema, field, words[0])
    return Query.phrase_query(schema, field, list(words))


ONE_PASS = 10_000  # hits a page may ask for and have counted in the same pass

BOOSTS = {"exact": 4.0, "lemma": 2.0, "text": 1.5, "parts": 1.0}  # as written > lemma > stem > part


def _leaf(schema: tantivy.Schema, leaf: Words | Prefix | Fuzzy) -> Query:
    if isinstance(leaf, Prefix | Fuzzy):  # what the word finds, and the words that start like it or are near
        own = [_leaf(schema, leaf.forms)] if leaf.forms else []
        if isinstance(leaf, Prefix):
            like = [Query.regex_query(schema, "exact", _REGEX_META.sub(r"\\\1", leaf.prefix) + ".*")]
        else:
            near = [("exact", leaf.word), ("text", leaf.stem), ("lemma", leaf.lemma), ("parts", leaf.lemma)]
            like = [Query.fuzzy_term_query(schema, f, word, distance=leaf.distance) for f, word in near]
        return Query.boolean_query([(Occur.Should, q) for q in own + like])
    views: list[tuple[str, Sequence[str]]] = [
        ("exact", leaf.exact),
        ("text", leaf.stems),
        ("lemma", leaf.lemmas),
    ]
    views += [("parts", (leaf.part,))] if leaf.part else []
    found: list[tuple[str, Query]] = []
    for field, words in views:
        q = _words(schema, field, words)
        if q is not None:
            found.append((field, q))
    if len(found) == 1:
        return found[0][1]
    return Query.boolean_query([(Occur.Should, Query.boost_query(q, BOOSTS[field])) for field, q in found])


def _compile(schema: tantivy.Schema, node: Node) -> Query:
    if isinstance(node, Or):
        return Query.boolean_query([(Occur.Should, _compile(schema, c)) for c in node.children])
    if isinstance(node, And | Not):
        children = node.children if isinstance(node, And) else (node,)
        clauses = [
            (Occur.MustNot, _compile(schema, c.child))
            if isinstance(c, Not)
            else (Occur.Must, _compile(schema, c))
            for c in children
        ]
        if all(occur == Occur.MustNot for occur, _ in clauses):
            clauses.append((Occur.Must, Query.all_query()))
        return Query.boolean_query(clauses)
    return _leaf(schema, node)


class Reader:
    """The search index opened once for reading (a process may keep one)."""

    def __init__(self, settings: Settings, generation: str, forms: WordForms) -> None:
        self.folder = settings.search_dir
        self.copy: tempfile.TemporaryDirectory[str] | None = None
        where = self.folder
        if self.folder.is_dir() and not os.access(self.folder, os.W_OK):
            # the engine takes a lock file even to read: a read-only index is read from a copy
            self.copy = tempfile.TemporaryDirectory(prefix="handlingar-search-")
            where = Path(shutil.copytree(self.folder, Path(self.copy.name) / "search"))
        self.ix, pages, self.analyzer = _open(where, generation, forms)
        self.searcher, self.pages_searcher = self.ix.searcher(), pages.searcher()

    def _query(self, text: str, filters: Filters) -> tuple[Node, Query]:
        tree = parse(text, self.analyzer)
        schema = self.ix.schema
        clauses = [(Occur.Must, _compile(schema, tree))] + [(Occur.Must, q) for q in _filter(schema, filters)]
        return tree, Query.boolean_query(clauses)

    def search(
        self, text: str, filters: Filters, limit: int | None, offset: int, snippets: bool = True
    ) -> tuple[int, list[RawHit]]:
        """Total number of matching blocks and the hits in [offset, offset+limit)
        (``limit`` None: all of them)."""
        tree, q = self._query(text, filters)
        total, found = self._page(text, q, limit, offset)
        hits = []
        for score, address in found:
            stored = stored_of(self.searcher.doc(address).to_dict())
            shown = self._snippet(tree, stored.text) if snippets else Snippet("")
            hits.append(RawHit(stored, float(score), shown))
        return total, hits

    def _page(self, text: str, q: Query, limit: int | None, offset: int) -> tuple[int, list[Any]]:
        """The total and the (score, address) of the hits in [offset, offset+limit)."""
        if limit is not None and limit + offset <= ONE_PASS:  # a page of hits: one pass counts them too
            found = self._run(text, q, max(limit, 1), offset)
            return _count(found), found.hits[:limit]
        total = _count(self._run(text, q, 1, 0))  # never ask for more than exist: the engine sizes
        wanted = total - offset if limit is None else min(limit, total - offset)  # its heap by the limit
        return total, self._run(text, q, wanted, offset).hits[:wanted] if wanted > 0 else []

    def _snippet(self, tree: Node, text: str) -> Snippet:
        return make_snippet(text, marked_spans(tree, TextViews.of(text, self.analyzer)))

    def _run(self, text: str, q: Query, limit: int, offset: int) -> tantivy.SearchResult:
        try:
            return self.searcher.search(q, limit, count=True, offset=offset)
        except ValueError as exc:  # what the engine refuses to run: a term too long, say
            raise QueryError(f"kan inte köra frågan {quoted(text)}: {short(exc)}") from None
        except BaseException as exc:
            if not engine_failed(exc):
                raise
            raise IndexUnusable("damaged", self.folder, short(exc)) from None

    def counts(self, text: str, filters: Filters, by: str) -> list[tuple[str | int, int, int]]:
        """(key, matching blocks, documents among them) for each value of a facet that
        has hits ('' or 0: none); the blocks add up to the search's total."""
        field = "year" if by == "year" else f"facet_{by}"
        wanted = {
            "k": {
                "terms": {"field": field, "size": 100_000},
                "aggs": {"d": {"cardinality": {"field": "document"}}},
            }
        }
        buckets = self._aggregate(self._query(text, filters)[1], wanted)["k"]["buckets"]
        return [(b["key"], int(b["doc_count"]), round(b["d"]["value"])) for b in buckets]

    def per_document(self, text: str, filters: Filters) -> dict[str, int]:
        """The matching blocks in each document that has any."""
        wanted = {"k": {"terms": {"field": "document", "size": 1_000_000}}}
        buckets = self._aggregate(self._query(text, filters)[1], wanted)["k"]["buckets"]
        return {str(b["key"]): int(b["doc_count"]) for b in buckets}

    def pages(self, filters: Filters, by: str) -> dict[str | int, int]:
        """Pages of text under each value of a facet ('' or 0: none) that the filters keep: a
        page is under all its blocks are (so every hit's page is under the hit's key)."""
        clauses = [(Occur.Must, q) for q in [Query.all_query(), *_filter(self.ix.schema, filters)]]
        field = "year" if by == "year" else f"facet_{by}"
        wanted = {"k": {"terms": {"field": field, "size": 100_000}}}
        buckets = self._aggregate(Query.boolean_query(clauses), wanted, self.pages_searcher)["k"]["buckets"]
        return {b["key"]: int(b["doc_count"]) for b in buckets}

    def facets(self, text: str, filters: Filters) -> dict[str, dict[str | int, int]]:
        """Hits counted by year, kind, board and party, over every hit."""
        fields = {name: "year" if name == "year" else f"facet_{name}" for name in FACETS}
        wanted = {name: {"terms": {"field": field, "size": 100_000}} for name, field in fields.items()}
        found = self._aggregate(self._query(text, filters)[1], wanted)
        return {name: {b["key"]: int(b["doc_count"]) for b in found[name]["buckets"]} for name in FACETS}

    def _aggregate(self, q: Query, wanted: dict[str, Any], searcher: Any = None) -> dict[str, Any]:
        try:
            return dict((searcher or self.searcher).aggregate(q, wanted))
        except BaseException as exc:
            if not engine_failed(exc):
                raise
            raise IndexUnusable("damaged", self.folder, short(exc)) from None

    def near_words(self, text: str, many: int = 5) -> list[str]:
        """Word forms in the index nearest the query's plain words that it does not hold (for a
        search with no hits), read from the blocks that the closest fuzzy matches are in."""
        lacked = [w for w in plain_words(parse(text, self.analyzer)) if not self._holds(text, w)]
        words, texts = [leaf.exact[0] for leaf in lacked], []
        for word in words:
            fuzzy = Query.fuzzy_term_query(self.ix.schema, "exact", word, distance=1 if len(word) < 6 else 2)
            found = self._run(text, fuzzy, 30, 0).hits
            texts += [stored_of(self.searcher.doc(a).to_dict()).text for _, a in found]
        return nearest_forms(words, texts, self.analyzer)[:many]

    def _holds(self, text: str, word: Words) -> bool:
        """Whether any block holds the word (in any of its forms)."""
        return _count(self._run(text, _leaf(self.ix.schema, word), 1, 0)) > 0

    def every_hit(self, text: str, filters: Filters) -> list[RawHit]:
        """All matching blocks, without snippets."""
        return self.search(text, filters, None, 0, snippets=False)[1]

    def sentence_matcher(self, text: str) -> SentenceMatcher:
        return SentenceMatcher(parse(text, self.analyzer), self.analyzer)


def _count(found: tantivy.SearchResult) -> int:
    return int(found.count or 0)  # type: ignore[attr-defined]  # the stub lacks count
