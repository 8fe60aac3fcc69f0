"""The only module that imports the search engine (tantivy): schema,
analyzers, writing, and turning a parsed query into the engine's query.

Indexed unit: a block (paragraph) of canonical body text, with its page. Two
views of the text: ``text`` (Swedish Snowball stemming, case-folded, å/ä/ö
kept) and ``exact`` (whitespace tokens, case-folded, outer punctuation
trimmed) so '11,5', 'KS-2022/176.915' and '§' match as written.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tantivy
from tantivy import Filter, Occur, Query, TextAnalyzerBuilder, Tokenizer

from ..errors import HandlingarError, QueryError
from ..filters import Filters
from ..settings import Settings
from .catalog import Catalog
from .query import And, Fuzzy, Node, Not, Or, Prefix, Token, Views, Words, holds, marked_spans, parse, quoted
from .query import snippet as make_snippet

SCHEMA_VERSION = "1"
_EDGE = re.escape("\"'”“„’‘«»()[]{},.;:!?…")
_TEXT_PATTERN = r"\w+(?:[.,:/]\w+)*"
_EXACT_PATTERN = rf"[^\s{_EDGE}](?:\S*[^\s{_EDGE}])?"
_TEXT_RE, _EXACT_RE = re.compile(_TEXT_PATTERN), re.compile(_EXACT_PATTERN)
_REGEX_META = re.compile(r"([\\.+*?()|\[\]{}^$#&\-~])")


class Analyzer:
    """The engine's own analyzers, and the same tokens with character offsets
    for snippets and sentences (each distinct word is stemmed once)."""

    def __init__(self) -> None:
        lower = TextAnalyzerBuilder(Tokenizer.regex(_TEXT_PATTERN)).filter(Filter.lowercase())
        self.stemming = lower.filter(Filter.stemmer("swedish")).build()
        self.exacting = (
            TextAnalyzerBuilder(Tokenizer.regex(_EXACT_PATTERN)).filter(Filter.lowercase()).build()
        )
        self.stems: dict[str, str] = {}

    def stem(self, word: str) -> str:
        found = self.stems.get(word)
        if found is None:
            found = self.stems[word] = "".join(self.stemming.analyze(word))
        return found

    def text(self, source: str) -> list[Token]:
        return [Token(self.stem(m.group()), m.start(), m.end()) for m in _TEXT_RE.finditer(source)]

    def exact(self, source: str) -> list[Token]:
        return [Token(m.group().lower(), m.start(), m.end()) for m in _EXACT_RE.finditer(source)]


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for name in ("block", "part", "page", "year"):  # year 0: not known
        builder.add_integer_field(name, stored=True, indexed=name == "year", fast=name == "year")
    builder.add_text_field("document", stored=True, tokenizer_name="raw")
    for name in ("kind", "part_kind", "party", "speakers"):  # matched case-folded, stored as written
        builder.add_text_field(name, stored=name == "speakers", tokenizer_name="keyword")
    builder.add_text_field("board", tokenizer_name="default")
    builder.add_text_field("text", stored=True, tokenizer_name="sv_text")
    builder.add_text_field("exact", tokenizer_name="sv_exact")
    return builder.build()


SCHEMA_MARKER, GENERATION_MARKER = "handlingar-schema", "handlingar-generation"


def _state(folder: Path, generation: str) -> str:
    """'current', 'missing', 'older' (another version's schema) or 'foreign'
    (made for another catalog: the catalog was replaced since)."""
    marker = folder / SCHEMA_MARKER
    if not marker.is_file():
        return "older" if folder.is_dir() and any(folder.iterdir()) else "missing"
    if marker.read_text() != SCHEMA_VERSION or not tantivy.Index.exists(str(folder)):
        return "older"
    owner = folder / GENERATION_MARKER
    return "current" if owner.is_file() and owner.read_text() == generation else "foreign"


_STATE_ERRORS = {
    "missing": "no search index in {0}: run 'handlingar ingest PATH'",
    "older": "the search index in {0} was made by an older version",
    "foreign": "the search index in {0} belongs to another catalog (the catalog was replaced since)",
    "damaged": "the search index in {0} is damaged ({1})",
}
_REBUILD = ": run 'handlingar ingest PATH' once to rebuild it from the catalog (no PDF is read again)"


_REASONS = {
    "missing": "it was missing",
    "older": "it was made by an older version",
    "foreign": "it belonged to another catalog",
    "damaged": "it was damaged ({0})",
}


class IndexUnusable(HandlingarError):
    """The search index is missing, of another version or catalog, or damaged."""

    def __init__(self, state: str, folder: Path, detail: str = "") -> None:
        tail = "" if state == "missing" else _REBUILD
        super().__init__(_STATE_ERRORS[state].format(folder, detail) + tail)
        self.reason = _REASONS[state].format(detail)


def _engine_failed(exc: BaseException) -> bool:
    """True for what the engine raises or panics with over bad files (pyo3's
    PanicException is a BaseException); False for a user's interrupt."""
    return not isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit | HandlingarError)


def _register(ix: tantivy.Index, analyzer: Analyzer) -> None:
    ix.register_tokenizer("sv_text", analyzer.stemming)
    ix.register_tokenizer("sv_exact", analyzer.exacting)
    ix.register_tokenizer("keyword", TextAnalyzerBuilder(Tokenizer.raw()).filter(Filter.lowercase()).build())


def _open(folder: Path, generation: str, create: bool = False) -> tuple[tantivy.Index, Analyzer]:
    state = _state(folder, generation)
    if state != "current" and not create:
        raise IndexUnusable(state, folder)
    try:
        if state != "current":
            folder.mkdir(parents=True, exist_ok=True)
            ix = tantivy.Index(_schema(), path=str(folder), reuse=False)
            (folder / SCHEMA_MARKER).write_text(SCHEMA_VERSION)
            (folder / GENERATION_MARKER).write_text(generation)
        else:
            ix = tantivy.Index.open(str(folder))
    except BaseException as exc:
        if not _engine_failed(exc):
            raise
        raise IndexUnusable("damaged", folder, _short(exc)) from None
    analyzer = Analyzer()
    _register(ix, analyzer)
    return ix, analyzer


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:100] or type(exc).__name__


def _problem(settings: Settings, generation: str) -> str | None:
    """Why the index cannot be used as it is (None: it can). Opening it and reading
    every segment's postings once shows a missing or cut segment file."""
    try:
        ix, _ = _open(settings.search_dir, generation)
        searcher = ix.searcher()
        searcher.search(Query.all_query(), 1, count=True)
        searcher.search(Query.term_query(ix.schema, "text", "och"), 1, count=True)
    except IndexUnusable as exc:
        return exc.reason
    except BaseException as exc:
        if not _engine_failed(exc):
            raise
        return IndexUnusable("damaged", settings.search_dir, _short(exc)).reason
    return None


def prepare(catalog: Catalog, settings: Settings) -> str | None:
    """When the search index is missing, of another version, made for another
    catalog or damaged, have every document indexed again from the catalog
    (no PDF is read again). Returns why it is rebuilt, or None."""
    problem = _problem(settings, catalog.generation)
    if problem is None:
        return None
    if settings.search_dir.is_dir():
        shutil.rmtree(settings.search_dir)
    catalog.mark_all_unindexed()
    return problem


def board_words(board: str | None) -> str:
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFC", board or "").lower()))


def open_writer(settings: Settings, generation: str) -> Any:
    """The index's one writer (its lock is the engine's own)."""
    ix, _ = _open(settings.search_dir, generation, create=True)
    try:
        return ix.writer(heap_size=128_000_000)
    except ValueError as exc:
        if "LockBusy" not in str(exc):
            raise
        raise HandlingarError(
            "the search index is locked by another ingest; try again when it ends"
        ) from None


def add_rows(writer: Any, rows: Iterable[dict[str, Any]]) -> None:
    for row in rows:
        writer.add_document(tantivy.Document(**_fields(row)))


def _fields(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "block": row["id"],
        "document": row["document_id"],
        "part": row["part_id"],
        "page": row["page"],
        "year": row["year"] or 0,
        "kind": row["kind"] or "",
        "part_kind": row["part_kind"] or "",
        "board": board_words(row["board"]),
        "party": row["party"] or "",
        "speakers": row["speakers"],
        "text": row["text"],
        "exact": row["text"],
    }


def _filter(schema: tantivy.Schema, f: Filters) -> list[Query]:
    def term(field: str, value: str) -> Query:  # keyword fields fold case at index time: so do we
        return Query.term_query(schema, field, unicodedata.normalize("NFC", value).lower())

    found: list[Query] = []
    if f.years:
        found.append(Query.range_query(schema, "year", tantivy.FieldType.Integer, f.years[0], f.years[1]))
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


def _leaf(schema: tantivy.Schema, leaf: Words | Prefix | Fuzzy) -> Query:
    if isinstance(leaf, Prefix):
        return Query.regex_query(schema, "exact", _REGEX_META.sub(r"\\\1", leaf.prefix) + ".*")
    if isinstance(leaf, Fuzzy):
        views = [("exact", leaf.word), ("text", leaf.stem)]
        found = [Query.fuzzy_term_query(schema, field, word, distance=leaf.distance) for field, word in views]
    else:
        found = [q for q in (_words(schema, "exact", leaf.exact), _words(schema, "text", leaf.stems)) if q]
    return Query.boolean_query([(Occur.Should, q) for q in found]) if len(found) > 1 else found[0]


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


@dataclass(frozen=True)
class RawHit:
    fields: dict[str, Any]
    score: float
    snippet: str


def _stored(doc: tantivy.Document) -> dict[str, Any]:
    found = doc.to_dict()
    return {
        "block": found["block"][0],
        "document": found["document"][0],
        "part": found["part"][0],
        "page": found["page"][0],
        "year": found["year"][0] or None,
        "speakers": found.get("speakers", []),
        "text": found["text"][0],
    }


class Reader:
    """The search index opened once for reading (a process may keep one)."""

    def __init__(self, settings: Settings, generation: str) -> None:
        self.folder = settings.search_dir
        self.copy: tempfile.TemporaryDirectory[str] | None = None
        where = self.folder
        if self.folder.is_dir() and not os.access(self.folder, os.W_OK):
            # the engine takes a lock file even to read: a read-only index is read from a copy
            self.copy = tempfile.TemporaryDirectory(prefix="handlingar-search-")
            where = Path(shutil.copytree(self.folder, Path(self.copy.name) / "search"))
        self.ix, self.analyzer = _open(where, generation)
        self.searcher = self.ix.searcher()

    def search(
        self, text: str, filters: Filters, limit: int | None, offset: int, snippets: bool = True
    ) -> tuple[int, list[RawHit]]:
        """Total number of matching blocks and the hits in [offset, offset+limit)
        (``limit`` None: all of them)."""
        tree = parse(text, self.analyzer)
        schema = self.ix.schema
        clauses = [(Occur.Must, _compile(schema, tree))] + [(Occur.Must, q) for q in _filter(schema, filters)]
        q = Query.boolean_query(clauses)
        total = _count(self._run(text, q, 1, 0))
        wanted = total - offset if limit is None else min(limit, total - offset)  # never more than exist
        if wanted <= 0:
            return total, []
        hits = []
        for score, address in self._run(text, q, wanted, offset).hits[:wanted]:
            stored = _stored(self.searcher.doc(address))
            shown = self._snippet(tree, stored["text"]) if snippets else ""
            hits.append(RawHit(stored, float(score), shown))
        return total, hits

    def _snippet(self, tree: Node, text: str) -> str:
        return make_snippet(text, marked_spans(tree, Views.of(text, self.analyzer)))

    def _run(self, text: str, q: Query, limit: int, offset: int) -> tantivy.SearchResult:
        try:
            return self.searcher.search(q, limit, count=True, offset=offset)
        except ValueError as exc:  # what the engine refuses to run: a term too long, say
            raise QueryError(f"cannot run query {quoted(text)}: {_short(exc)}") from None
        except BaseException as exc:
            if not _engine_failed(exc):
                raise
            raise IndexUnusable("damaged", self.folder, _short(exc)) from None

    def every_hit(self, text: str, filters: Filters) -> list[RawHit]:
        """All matching blocks, without snippets."""
        return self.search(text, filters, None, 0, snippets=False)[1]

    def sentence_matcher(self, text: str) -> SentenceMatcher:
        return SentenceMatcher(parse(text, self.analyzer), self.analyzer)


def _count(found: tantivy.SearchResult) -> int:
    return int(found.count or 0)  # type: ignore[attr-defined]  # the stub lacks count


@dataclass(frozen=True)
class SentenceMatcher:
    """Tells whether a sentence satisfies the query on its own: word forms,
    exact tokens, phrases, prefixes, fuzzy words, AND/OR/NOT."""

    tree: Node
    analyzer: Analyzer

    def __call__(self, sentence: str) -> bool:
        return holds(self.tree, Views.of(sentence, self.analyzer))
