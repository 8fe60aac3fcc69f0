"""The only module that imports the search engine (tantivy): schema,
analyzers, writing, and turning a parsed query into the engine's query.

Indexed unit: a block (paragraph) of canonical body text, with its page. Two
views of the text: ``text`` (Swedish Snowball stemming, case-folded, å/ä/ö
kept) and ``exact`` (whitespace tokens, case-folded, outer punctuation
trimmed) so '11,5', 'KS-2022/176.915' and '§' match as written.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tantivy
from tantivy import Filter, Occur, Query, TextAnalyzerBuilder, Tokenizer

from ..errors import HandlingarError, QueryError
from ..filters import Filters
from ..settings import Settings
from .catalog import Catalog
from .query import And, Fuzzy, Node, Not, Or, Prefix, Token, Views, Words, holds, marked_spans, parse
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


def _current(folder: Path) -> bool:
    """True when ``folder`` holds an index of this version's schema."""
    marker = folder / "handlingar-schema"
    return marker.is_file() and marker.read_text() == SCHEMA_VERSION and tantivy.Index.exists(str(folder))


def _open(settings: Settings, create: bool = False) -> tuple[tantivy.Index, Analyzer]:
    folder = settings.search_dir
    current = _current(folder)
    if not current and not create:
        if folder.is_dir() and any(folder.iterdir()):
            raise HandlingarError(
                f"the search index in {folder} was made by an older version: run 'handlingar ingest PATH'"
                " once to rebuild it from the catalog (no PDF is read again)"
            )
        raise HandlingarError(f"no search index in {folder}: run 'handlingar ingest PATH'")
    if not current:
        folder.mkdir(parents=True, exist_ok=True)
        ix = tantivy.Index(_schema(), path=str(folder), reuse=False)
        (folder / "handlingar-schema").write_text(SCHEMA_VERSION)
    else:
        ix = tantivy.Index.open(str(folder))
    analyzer = Analyzer()
    ix.register_tokenizer("sv_text", analyzer.stemming)
    ix.register_tokenizer("sv_exact", analyzer.exacting)
    ix.register_tokenizer("keyword", TextAnalyzerBuilder(Tokenizer.raw()).filter(Filter.lowercase()).build())
    return ix, analyzer


def prepare(catalog: Catalog, settings: Settings) -> None:
    """When the search index is missing or of another version, have every
    document indexed again from the catalog (no PDF is read again)."""
    if _current(settings.search_dir):
        return
    if settings.search_dir.is_dir():  # an older index (whoosh's, or a past schema)
        shutil.rmtree(settings.search_dir)
    catalog.mark_all_unindexed()


def board_words(board: str | None) -> str:
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFC", board or "").lower()))


class Batch:
    """One writer for a whole ingest: documents are added as they are stored
    (so indexing overlaps the readers' work) and committed every ``every``
    documents. The catalog marks a document indexed only after its commit, so
    a killed run is finished by the next one."""

    def __init__(self, catalog: Catalog, settings: Settings, every: int = 500) -> None:
        self.catalog, self.settings, self.every = catalog, settings, every
        self.pending: list[str] = []
        self.writer: Any = None

    def open(self) -> Any:
        if self.writer is None:
            ix, _ = _open(self.settings, create=True)
            try:
                self.writer = ix.writer(heap_size=128_000_000)
            except ValueError as exc:
                if "LockBusy" not in str(exc):
                    raise
                raise HandlingarError(
                    "the search index is locked by another ingest; try again when it ends"
                ) from None
        return self.writer

    def add(self, doc_id: str, fresh: bool = False) -> None:
        """Index a document's canonical blocks; ``fresh`` when this run stored it
        (nothing of it can be in the index yet, so no delete)."""
        writer = self.open()
        if not fresh:
            writer.delete_documents_by_term("document", doc_id)
        for row in self.catalog.canonical_blocks(doc_id):
            writer.add_document(tantivy.Document(**_fields(row)))
        self.pending.append(doc_id)
        if len(self.pending) >= self.every:
            self.commit()

    def remove(self, doc_ids: Sequence[str]) -> None:
        if doc_ids:
            writer = self.open()
            for doc_id in doc_ids:
                writer.delete_documents_by_term("document", doc_id)
            self.commit()

    def commit(self) -> None:
        if self.writer is not None:
            self.writer.commit()
            self.catalog.mark_indexed(self.pending)
        self.pending = []

    def close(self) -> None:
        """Commit, then let the engine finish merging segments."""
        self.commit()
        if self.writer is not None:
            self.writer.wait_merging_threads()
        self.writer = None

    def cancel(self) -> None:
        if self.writer is not None:
            self.writer.rollback()
        self.writer, self.pending = None, []


def sync(batch: Batch) -> int:
    """Bring the search index up to the catalog: every document not yet indexed
    (or whose canonical parts changed) has its old entries replaced."""
    todo = batch.catalog.unindexed()
    for doc_id in todo:
        batch.add(doc_id)
    batch.commit()
    return len(todo)


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


def search(
    settings: Settings, text: str, filters: Filters, limit: int | None, offset: int, snippets: bool = True
) -> tuple[int, list[RawHit]]:
    """Total number of matching blocks and the hits in [offset, offset+limit)
    (``limit`` None: all of them)."""
    ix, analyzer = _open(settings)
    tree = parse(text, analyzer)
    schema, searcher = ix.schema, ix.searcher()
    try:  # the engine refuses what it cannot run (a term too long, say) with a ValueError
        clauses = [(Occur.Must, _compile(schema, tree))] + [(Occur.Must, q) for q in _filter(schema, filters)]
        q = Query.boolean_query(clauses)
        if limit is None:
            limit = _count(searcher.search(q, 1, count=True))
        found = searcher.search(q, max(limit, 1), count=True, offset=offset)
    except ValueError as exc:
        raise QueryError(f"cannot run query {text!r}: {exc}") from None
    hits = []
    for score, address in found.hits[:limit]:
        stored = _stored(searcher.doc(address))
        shown = (
            make_snippet(stored["text"], marked_spans(tree, Views.of(stored["text"], analyzer)))
            if snippets
            else ""
        )
        hits.append(RawHit(stored, float(score), shown))
    return _count(found), hits


def _count(found: tantivy.SearchResult) -> int:
    return int(found.count or 0)  # type: ignore[attr-defined]  # the stub lacks count


def every_hit(settings: Settings, text: str, filters: Filters) -> list[RawHit]:
    """All matching blocks, without snippets."""
    return search(settings, text, filters, None, 0, snippets=False)[1]


@dataclass(frozen=True)
class SentenceMatcher:
    """Tells whether a sentence satisfies the query on its own: word forms,
    exact tokens, phrases, prefixes, fuzzy words, AND/OR/NOT."""

    tree: Node
    analyzer: Analyzer

    def __call__(self, sentence: str) -> bool:
        return holds(self.tree, Views.of(sentence, self.analyzer))


def sentence_matcher(settings: Settings, text: str) -> SentenceMatcher:
    _, analyzer = _open(settings)
    return SentenceMatcher(parse(text, analyzer), analyzer)
