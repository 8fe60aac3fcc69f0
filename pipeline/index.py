"""The only module that imports whoosh: schema, analyzers, writing and querying.

Indexed unit: a block (paragraph) of canonical body text, with its page. Two
views of the text: ``text`` (Swedish Snowball stemming, case-folded, å/ä/ö
kept) and ``exact`` (whitespace tokens, case-folded, outer punctuation
trimmed) so '11,5', 'KS-2022/176.915' and '§' match as written.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from whoosh import fields, highlight, index, qparser, query
from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StemFilter, Token
from whoosh.searching import Hit

from . import catalog, queries
from .errors import HandlingarError, QueryError
from .settings import Settings

_EDGE_PUNCT = "\"'”“„’‘«»()[]{},.;:!?…"
_TEXT = RegexTokenizer(r"\w+(?:[.,:/]\w+)*") | LowercaseFilter() | StemFilter(lang="sv", cachesize=100_000)


class TrimFilter(Filter):  # type: ignore[misc]
    """Trims quotes and sentence punctuation from both ends of a token; keeps
    inner punctuation and a lone '§'."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            text = token.text
            trimmed = text.strip(_EDGE_PUNCT)
            if not trimmed:
                continue
            if trimmed != text and hasattr(token, "startchar"):
                lead = len(text) - len(text.lstrip(_EDGE_PUNCT))
                token.startchar += lead
                token.endchar = token.startchar + len(trimmed)
            token.text = trimmed
            yield token


class NotPlainWordFilter(Filter):  # type: ignore[misc]
    """Keeps the tokens the Swedish view cannot match as written: those with a
    digit or a sign in them ('11,5', 'KS-2022/176.915', '§', '74%'). Plain
    words are found through the stemmed view; positions are kept, so phrases
    like '§ 12' still work. Only indexing drops words (queries keep them, and
    miss harmlessly): the index is about half the size."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            if token.mode != "index" or not token.text.isalpha():
                yield token


_EXACT = RegexTokenizer(r"\S+") | TrimFilter() | NotPlainWordFilter() | LowercaseFilter()
_KEYWORDS = fields.KEYWORD(stored=True, commas=True, lowercase=True, scorable=False)


def _schema() -> fields.Schema:
    return fields.Schema(
        block=fields.ID(stored=True, unique=True),
        document=fields.ID(stored=True),
        part=fields.ID(stored=True),
        page=fields.STORED(),  # shown, never searched
        year=fields.ID(stored=True),  # a year range is an OR of its years: cheaper than numeric tries
        kind=fields.ID(stored=True),
        part_kind=fields.ID(stored=True),
        board=fields.KEYWORD(stored=True, lowercase=True, scorable=False),
        party=_KEYWORDS,
        speakers=_KEYWORDS,
        text=fields.TEXT(analyzer=_TEXT, stored=True),
        exact=fields.TEXT(analyzer=_EXACT),
    )


def _open(settings: Settings, create: bool = False) -> index.Index:
    folder = settings.search_dir
    if index.exists_in(str(folder)):
        return index.open_dir(str(folder))
    if not create:
        raise HandlingarError(f"no search index in {folder}: run 'handlingar ingest PATH'")
    folder.mkdir(parents=True, exist_ok=True)
    return index.create_in(str(folder), _schema())


def board_words(board: str | None) -> str:
    return " ".join(re.findall(r"\w+", (board or "").lower()))


def _writer(ix: index.Index) -> Any:
    try:
        return ix.writer(timeout=120.0, limitmb=256)
    except index.LockError:
        raise HandlingarError(
            "the search index is locked by another ingest; try again when it ends"
        ) from None


class Batch:
    """One writer for a whole ingest: documents are added as they are stored
    (so indexing overlaps the readers' work) and committed every ``every``
    documents. The catalog marks a document indexed only after its commit, so
    a killed run is finished by the next one."""

    def __init__(self, conn: sqlite3.Connection, settings: Settings, every: int = 500) -> None:
        self.conn, self.settings, self.every = conn, settings, every
        self.pending: list[str] = []
        self.writer: Any = None

    def add(self, doc_id: str, fresh: bool = False) -> None:
        """Index a document's canonical blocks; ``fresh`` when this run stored it
        (nothing of it can be in the index yet, so no delete: deletes are slow)."""
        if self.writer is None:
            self.writer = _writer(_open(self.settings, create=True))
        if not fresh:
            self.writer.delete_by_term("document", doc_id)
        for row in queries.canonical_blocks(self.conn, doc_id):
            self.writer.add_document(**_fields(row))
        self.pending.append(doc_id)
        if len(self.pending) >= self.every:
            self.commit()

    def commit(self) -> None:
        if self.writer is not None:
            self.writer.commit()
            catalog.mark_indexed(self.conn, self.pending)
        self.writer, self.pending = None, []

    def cancel(self) -> None:
        if self.writer is not None:
            self.writer.cancel()
        self.writer, self.pending = None, []


def sync(conn: sqlite3.Connection, settings: Settings) -> int:
    """Bring the search index up to the catalog: every document not yet indexed
    (or whose canonical parts changed) has its old entries replaced."""
    todo = catalog.unindexed(conn)
    batch = Batch(conn, settings, every=len(todo) + 1)
    try:
        for doc_id in todo:
            batch.add(doc_id)
        batch.commit()
    except BaseException:
        batch.cancel()
        raise
    return len(todo)


def _fields(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "block": str(row["id"]),
        "document": row["document_id"],
        "part": str(row["part_id"]),
        "page": row["page"],
        "year": str(row["year"] or ""),
        "kind": row["kind"],
        "part_kind": row["part_kind"],
        "board": board_words(row["board"]),
        "party": row["party"] or "",
        "speakers": ",".join(row["speakers"]),
        "text": row["text"],
        "exact": row["text"],
    }


def remove_documents(doc_ids: Sequence[str], settings: Settings) -> None:
    if not index.exists_in(str(settings.search_dir)):
        return
    writer = _writer(_open(settings))
    for doc_id in doc_ids:
        writer.delete_by_term("document", doc_id)
    writer.commit()


@dataclass(frozen=True)
class Filters:
    years: tuple[int, int] | None = None
    kind: str | None = None
    board: str | None = None
    party: str | None = None
    speaker: str | None = None
    document: str | None = None


def _filter(f: Filters) -> query.Query | None:
    terms: list[query.Query] = []
    if f.years:
        years = range(f.years[0], f.years[1] + 1)
        terms.append(query.Or([query.Term("year", str(y)) for y in years]))
    if f.kind:
        kind = f.kind.lower()
        terms.append(query.Or([query.Term("kind", kind), query.Term("part_kind", kind)]))
    if f.board:
        terms.extend(query.Term("board", w) for w in board_words(f.board).split())
    if f.party:
        terms.append(query.Term("party", f.party.lower()))
    if f.speaker:
        terms.append(query.Term("speakers", f.speaker.lower()))
    if f.document:
        terms.append(query.Term("document", f.document))
    return query.And(terms) if terms else None


def parse(text: str) -> query.Query:
    """Parse a user's query: AND between bare words, OR/NOT/parentheses,
    "phrases" (curly quotes too), prefix*, fuzzy~ ."""
    text = re.sub("[”“„″]", '"', text).strip()
    if not text:
        raise QueryError("empty query")
    if text.count('"') % 2:
        raise QueryError(f"unbalanced quotation marks in {text!r}")
    if text.count("(") != text.count(")"):
        raise QueryError(f"unbalanced parentheses in {text!r}")
    text = _quote_paragraph_signs(text)
    parser = qparser.MultifieldParser(["text", "exact"], _schema())
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.remove_plugin_class(qparser.FieldsPlugin)
    try:
        parsed = parser.parse(text)
    except Exception as exc:  # whoosh raises assorted errors on odd input
        raise QueryError(f"cannot parse query {text!r}: {exc}") from None
    if parsed is query.NullQuery:
        raise QueryError(f"nothing to search for in {text!r}")
    return parsed


def _quote_paragraph_signs(text: str) -> str:
    """'§ 12' outside quotes means the phrase "§ 12", as written."""
    pieces = text.split('"')
    for i in range(0, len(pieces), 2):
        pieces[i] = re.sub(r"§\s*(\d+)", r'"§ \1"', pieces[i])
    return '"'.join(pieces)


class _Marks(highlight.Formatter):  # type: ignore[misc]
    def format_token(self, text: str, token: Token, replace: bool = False) -> str:
        return "\x01" + str(highlight.get_text(text, token, replace)) + "\x02"


@dataclass(frozen=True)
class RawHit:
    fields: dict[str, Any]
    score: float
    snippet: str


def search(
    settings: Settings, text: str, filters: Filters, limit: int, offset: int
) -> tuple[int, list[RawHit]]:
    """Total number of matching blocks and the hits in [offset, offset+limit)."""
    q = parse(text)
    ix = _open(settings)
    with ix.searcher() as searcher:
        results = searcher.search(q, limit=offset + limit, filter=_filter(filters))
        results.formatter = _Marks()
        results.fragmenter = highlight.ContextFragmenter(maxchars=240, surround=60)
        total = len(results)
        hits = [_hit(hit) for hit in results[offset : offset + limit]]
    return total, hits


def _hit(hit: Hit) -> RawHit:
    stored = dict(hit.fields())
    snippet = hit.highlights("text", top=2) or hit.highlights("exact", text=stored["text"], top=2)
    return RawHit(stored, float(hit.score or 0.0), snippet or stored["text"][:240])


def _tokens(field: str, text: str) -> list[str]:
    analyzer = _TEXT if field == "text" else _EXACT
    return [t.text for t in analyzer(text)]


# A query compiled for sentences: ("and"|"or", parts) | ("not", part) |
# ("terms", field, words) | ("phrase", field, words).
Node = tuple[Any, ...]


def _compile(q: query.Query, reader: Any) -> Node:
    if isinstance(q, query.Not):
        return ("not", _compile(q.query, reader))
    if isinstance(q, query.AndNot):
        return ("and", [_compile(q.a, reader), ("not", _compile(q.b, reader))])
    if isinstance(q, query.Phrase):
        return ("phrase", q.fieldname, tuple(_tokens(q.fieldname, " ".join(q.words))))
    if isinstance(q, query.And | query.Or):
        return ("and" if isinstance(q, query.And) else "or", [_compile(c, reader) for c in q.children()])
    found = q.existing_terms(reader, expand=True)
    words = {t.decode("utf-8") if isinstance(t, bytes) else t for _, t in found}
    return ("terms", getattr(q, "fieldname", "text"), frozenset(words))


def _holds(node: Node, views: dict[str, list[str]]) -> bool:
    kind = node[0]
    if kind in ("and", "or"):
        results = (_holds(child, views) for child in node[1])
        return all(results) if kind == "and" else any(results)
    if kind == "not":
        return not _holds(node[1], views)
    if kind == "terms":
        return any(token in node[2] for token in views[node[1]])
    tokens, words = views[node[1]], node[2]
    return any(tuple(tokens[i : i + len(words)]) == words for i in range(len(tokens) - len(words) + 1))


@dataclass(frozen=True)
class SentenceMatcher:
    """Tells whether a sentence satisfies the query on its own: word forms,
    exact tokens, phrases, expanded prefix and fuzzy terms, AND/OR/NOT."""

    tree: Node

    def __call__(self, sentence: str) -> bool:
        return _holds(self.tree, {field: _tokens(field, sentence) for field in ("text", "exact")})


def sentence_matcher(settings: Settings, text: str) -> SentenceMatcher:
    q = parse(text)
    with _open(settings).searcher() as searcher:
        return SentenceMatcher(_compile(q, searcher.reader()))
