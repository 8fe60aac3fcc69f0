"""A user's query: parsed into a small tree that the index compiles for its
engine, that tells whether a sentence satisfies it, and that marks the words
it matched in a snippet. Knows no search engine: word forms come from
a ``ViewTokenizer`` that the index module provides (``index.Analyzer``).

Syntax: bare words are ANDed, each matching its forms (stem, lemma) and the
compounds it is a part of; ``AND``, ``OR``, ``NOT`` (upper case) and
parentheses as written; "phrases" (curly quotes too) match as written; ``prefix*``;
``fuzzy~`` (one edit) or ``fuzzy~2``; ``§ 12`` is the phrase "§ 12".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from rapidfuzz.distance import OSA

from ..errors import QueryError
from ..records import Snippet

_TOKEN_RE = re.compile(r'\(|\)|"[^"]*"|[^\s()"]+')
_FUZZY_RE = re.compile(r"^(.+?)~([12]?)$")


class Token(NamedTuple):  # a tuple: made for every word of every snippet, so cheap to build
    text: str  # the view's form: a stem for "text", the case-folded word for "exact"
    start: int
    end: int


class WordForms(Protocol):
    """Lemmas and compound parts of lowercase words (the lexicon the caller brings)."""

    key: str  # which word lists: an index is rebuilt when they change

    def lemma(self, word: str) -> str: ...

    def parts(self, word: str) -> tuple[str, ...]: ...


class ViewTokenizer(Protocol):
    """The views of a text the index holds, with character offsets: stems, exact
    forms, lemmas, and compound parts (each part spans its whole word)."""

    def text(self, source: str) -> list[Token]: ...

    def exact(self, source: str) -> list[Token]: ...

    def lemmas(self, source: str) -> list[Token]: ...

    def parts(self, source: str) -> list[Token]: ...


@dataclass(frozen=True)
class Words:
    """A word or a phrase in each view; ``stems`` and ``lemmas`` are empty when the
    Swedish views cannot say it (a lone '§') or it was quoted (matched as written).
    ``part`` is the lemma a single word matches as a compound's part ('kamera'
    in 'trygghetskameror'), else None."""

    stems: tuple[str, ...]
    exact: tuple[str, ...]
    lemmas: tuple[str, ...] = ()
    part: str | None = None


@dataclass(frozen=True)
class Prefix:
    prefix: str  # case-folded


@dataclass(frozen=True)
class Fuzzy:
    word: str  # case-folded
    stem: str
    distance: int


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    child: Node


Leaf = Words | Prefix | Fuzzy
Node = Leaf | And | Or | Not


def quoted(source: str, width: int = 80) -> str:
    """A query as an error message shows it: in quotes, a long one cut."""
    return repr(source if len(source) <= width else source[: width - 1] + "…")


def parse(source: str, analyzer: ViewTokenizer) -> Node:
    """Parse a user's query, or raise QueryError saying what is wrong with it."""
    text = re.sub("[”“„″]", '"', unicodedata.normalize("NFC", source)).strip()  # a decomposed å too
    if not text:
        raise QueryError("empty query")
    if text.count('"') % 2:
        raise QueryError(f"unbalanced quotation marks in {quoted(source)}")
    tokens = _TOKEN_RE.findall(_quote_paragraph_signs(text))
    parser = _Parser(tokens, analyzer, source)
    node = parser.expression()
    if parser.pos < len(tokens):
        raise QueryError(f"unexpected {tokens[parser.pos]!r} in {quoted(source)}")
    if node is None:
        raise QueryError(f"nothing to search for in {quoted(source)}")
    return node


def _quote_paragraph_signs(text: str) -> str:
    """'§ 12' outside quotes means the phrase "§ 12", as written."""
    pieces = text.split('"')
    for i in range(0, len(pieces), 2):
        pieces[i] = re.sub(r"§\s*(\d+)", r'"§ \1"', pieces[i])
    return '"'.join(pieces)


MAX_DEPTH = 32


class _Parser:
    """Recursive descent: or := and ('OR' and)*; and := unary ('AND'? unary)*;
    unary := 'NOT' unary | '(' or ')' | phrase | word."""

    def __init__(self, tokens: list[str], analyzer: ViewTokenizer, source: str) -> None:
        self.tokens, self.analyzer, self.source, self.pos = tokens, analyzer, source, 0
        self.depth = 0  # parentheses and NOTs open around the current token

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> str:
        self.pos += 1
        return self.tokens[self.pos - 1]

    def fail(self, why: str) -> QueryError:
        return QueryError(f"{why} in {quoted(self.source)}")

    def expression(self) -> Node | None:
        children = [self.conjunction()]
        while self.peek() == "OR":
            self.take()
            if self.peek() in (None, ")", "OR", "AND"):
                raise self.fail("OR needs something after it")
            children.append(self.conjunction())
        kept = tuple(c for c in children if c is not None)
        return kept[0] if len(kept) == 1 else (Or(kept) if kept else None)

    def conjunction(self) -> Node | None:
        children: list[Node | None] = []
        while self.peek() not in (None, ")", "OR"):
            if self.peek() == "AND":
                self.take()
                if self.peek() in (None, ")", "OR", "AND") or not children:
                    raise self.fail("AND needs something on both sides")
            children.append(self.unary())
        kept = tuple(c for c in children if c is not None)
        return kept[0] if len(kept) == 1 else (And(kept) if kept else None)

    def unary(self) -> Node | None:
        token = self.take()
        if token in ("NOT", "("):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise self.fail(f"more than {MAX_DEPTH} parentheses or NOTs nested")
            try:
                return self.nested(token)
            finally:
                self.depth -= 1
        if token == ")":
            raise self.fail("unbalanced parentheses")
        if token.startswith('"'):
            return self.words(token.strip('"'), as_written=True)
        return self.word(token)

    def nested(self, token: str) -> Node | None:
        if token == "NOT":
            if self.peek() in (None, ")", "OR", "AND"):
                raise self.fail("NOT needs something after it")
            child = self.unary()
            return Not(child) if child is not None else None
        inner = self.expression()
        if self.peek() != ")":
            raise self.fail("unbalanced parentheses")
        self.take()
        return inner

    def word(self, token: str) -> Leaf | None:
        fuzzy = _FUZZY_RE.match(token)
        if token.endswith("*") and len(token.rstrip("*")) >= 1:
            exact = self.analyzer.exact(token.rstrip("*"))
            return Prefix(exact[0].text) if len(exact) == 1 else self.words(token.rstrip("*"))
        if fuzzy:
            exact, stems = self.analyzer.exact(fuzzy.group(1)), self.analyzer.text(fuzzy.group(1))
            if len(exact) == 1 and len(stems) == 1:
                return Fuzzy(exact[0].text, stems[0].text, int(fuzzy.group(2) or 1))
            return self.words(fuzzy.group(1))
        return self.words(token)

    def words(self, text: str, as_written: bool = False) -> Words | None:
        exact = tuple(t.text for t in self.analyzer.exact(text))
        if not exact:
            return None
        if as_written or not all(self.analyzer.text(word) for word in text.split()):
            return Words((), exact)
        stems = tuple(t.text for t in self.analyzer.text(text))
        lemmas = tuple(t.text for t in self.analyzer.lemmas(text))
        return Words(stems, exact, lemmas, lemmas[0] if len(lemmas) == 1 else None)


class TextViews:
    """A text's tokens in every view, each made the first time a query asks for it (a
    prefix never needs lemmas; splitting every word of a snippet into compound parts is
    most of a search's time when the word lists are not yet warm)."""

    def __init__(self, source: str, analyzer: ViewTokenizer) -> None:
        self.source, self.analyzer = source, analyzer

    @classmethod
    def of(cls, source: str, analyzer: ViewTokenizer) -> TextViews:
        return cls(source, analyzer)

    @functools.cached_property
    def text(self) -> list[Token]:
        return self.analyzer.text(self.source)

    @functools.cached_property
    def exact(self) -> list[Token]:
        return self.analyzer.exact(self.source)

    @functools.cached_property
    def lemmas(self) -> list[Token]:
        return self.analyzer.lemmas(self.source)

    @functools.cached_property
    def parts(self) -> list[Token]:
        return self.analyzer.parts(self.source)


def _runs(tokens: Sequence[Token], words: Sequence[str]) -> Iterator[tuple[int, int]]:
    """The words' spans wherever ``words`` stand one after another in ``tokens``."""
    n = len(words)
    if n == 0:
        return
    for i in range(len(tokens) - n + 1):
        if tokens[i].text == words[0] and all(tokens[i + k].text == words[k] for k in range(1, n)):
            yield from ((t.start, t.end) for t in tokens[i : i + n])


def leaf_spans(leaf: Leaf, views: TextViews) -> list[tuple[int, int]]:
    """Where a leaf of the query matches the text."""
    if isinstance(leaf, Words):
        parts = [(t.start, t.end) for t in views.parts if t.text == leaf.part] if leaf.part else []
        found = [*_runs(views.exact, leaf.exact), *_runs(views.text, leaf.stems)]
        return [*found, *_runs(views.lemmas, leaf.lemmas), *parts] if leaf.lemmas else found
    if isinstance(leaf, Prefix):
        return [(t.start, t.end) for t in views.exact if t.text.startswith(leaf.prefix)]
    near = [(t.start, t.end) for t in views.exact if OSA.distance(t.text, leaf.word) <= leaf.distance]
    return near + [(t.start, t.end) for t in views.text if OSA.distance(t.text, leaf.stem) <= leaf.distance]


def plain_words(node: Node) -> list[Words]:
    """The single words of a query (not under NOT), to suggest other forms of."""
    if isinstance(node, Not):
        return []
    if isinstance(node, And | Or):
        return [w for child in node.children for w in plain_words(child)]
    return [node] if isinstance(node, Words) and len(node.exact) == 1 else []


def holds(node: Node, views: TextViews) -> bool:
    """True when the text satisfies the query on its own."""
    if isinstance(node, And):
        return all(holds(child, views) for child in node.children)
    if isinstance(node, Or):
        return any(holds(child, views) for child in node.children)
    if isinstance(node, Not):
        return not holds(node.child, views)
    return bool(leaf_spans(node, views))


def marked_spans(node: Node, views: TextViews) -> list[tuple[int, int]]:
    """Every span matched by a leaf not under a NOT, in order."""
    if isinstance(node, Not):
        return []
    if isinstance(node, And | Or):
        return sorted({span for child in node.children for span in marked_spans(child, views)})
    return sorted(set(leaf_spans(node, views)))


def snippet(text: str, spans: list[tuple[int, int]], width: int = 240, surround: int = 60) -> Snippet:
    """Up to two fragments of ``text`` around the matched spans, with the matches' places
    in them; the text's start when nothing is marked."""
    spans = _disjoint(spans)
    if not spans:
        return Snippet(_LEADERS.sub(" … ", text[:width]))
    out, count = "", 0
    i, end = 0, 0
    while i < len(spans) and count < 2:
        start = max(end, _word_start(text, max(0, spans[i][0] - surround)))
        j = i
        while j + 1 < len(spans) and spans[j + 1][1] - start <= width - surround:
            j += 1
        gap = text[end:start]
        if count:  # '…' only where text was left out between two fragments
            out += " " if not gap.strip() else " … "  # fragments are stripped: one space where they meet
        end = _word_end(text, min(len(text), spans[j][1] + surround))
        j = max(k for k in range(j, len(spans)) if spans[k][1] <= end)  # marks the context took in
        out += _mark(text, start, end, spans[i : j + 1])
        i, count = j + 1, count + 1
    return _unmarked(_LEADERS.sub(" … ", out))


def _unmarked(marked: str) -> Snippet:
    """The snippet whose matches ``_mark`` wrapped in MARK_OPEN…MARK_CLOSE, as text and places."""
    text, marks = "", []
    for i, piece in enumerate(marked.replace(MARK_CLOSE, MARK_OPEN).split(MARK_OPEN)):
        if i % 2:
            marks.append((len(text), len(text) + len(piece)))
        text += piece
    return Snippet(text, tuple(marks))


MARK_OPEN, MARK_CLOSE = "\x01", "\x02"  # inside ``snippet`` only: a page's text holds neither
# a table of contents' dot leaders ('Budgetdirektiv för 2023 ........ 18'): shown as one '…'
_LEADERS = re.compile(r"[ \t]*(?:\.[ \t]?){4,}[ \t]*")


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if kept and start < kept[-1][1]:
            kept[-1] = (kept[-1][0], max(end, kept[-1][1]))
        else:
            kept.append((start, end))
    return kept


def _word_start(text: str, at: int) -> int:
    while 0 < at < len(text) and not text[at - 1].isspace():
        at -= 1
    return at


def _word_end(text: str, at: int) -> int:
    while at < len(text) and not text[at].isspace():
        at += 1
    return at


def _mark(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    out, at = [], start
    for s, e in spans:
        out += [text[at:s], MARK_OPEN, text[s:e], MARK_CLOSE]
        at = e
    out.append(text[at:end])
    return "".join(out).strip()


@dataclass(frozen=True)
class SentenceMatcher:
    """Tells whether a sentence satisfies the query on its own: word forms,
    exact tokens, phrases, prefixes, fuzzy words, AND/OR/NOT."""

    tree: Node
    analyzer: ViewTokenizer

    def __call__(self, sentence: str) -> bool:
        return holds(self.tree, TextViews.of(sentence, self.analyzer))


def nearest_forms(words: Sequence[str], texts: Sequence[str], analyzer: ViewTokenizer) -> list[str]:
    """The words of ``texts`` within two edits of one of ``words`` (not the word
    itself), nearest first, then the most frequent."""
    seen: dict[str, tuple[int, int]] = {}
    for text in texts:
        for token in analyzer.exact(text):
            distance = min((OSA.distance(token.text, w) for w in words), default=3)
            if 0 < distance <= 2 and token.text.isalpha():
                seen[token.text] = (distance, seen.get(token.text, (0, 0))[1] - 1)
    return sorted(seen, key=lambda w: seen[w])
