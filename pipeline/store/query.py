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
from .snippets import snippet as snippet  # where it always was, for its callers

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
    """Words that start with ``prefix``, and whatever the word itself finds (``forms``: its
    lemma's forms and the compounds it is a part of, 'underskott*' finds 'budgetunderskott')."""

    prefix: str  # case-folded
    forms: Words | None = None


@dataclass(frozen=True)
class Fuzzy:
    """Words within ``distance`` edits of the word as written, of its stem, of its lemma or
    of a compound's part, and whatever the word itself finds (``forms``): 'underskott~'
    finds all that 'underskott' finds, and 'underskot~' the forms of 'underskott'."""

    word: str  # case-folded
    stem: str
    distance: int
    lemma: str
    forms: Words | None = None


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
        raise QueryError("tom sökfråga")
    if text.count('"') % 2:
        raise QueryError(f"citattecknen går inte jämnt ut i {quoted(source)}")
    tokens = _TOKEN_RE.findall(_quote_paragraph_signs(text))
    parser = _Parser(tokens, analyzer, source)
    node = parser.expression()
    if parser.pos < len(tokens):
        raise QueryError(f"oväntat {tokens[parser.pos]!r} i {quoted(source)}")
    if node is None:
        raise QueryError(f"inget att söka efter i {quoted(source)}")
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
        return QueryError(f"{why} i {quoted(self.source)}")

    def expression(self) -> Node | None:
        children = [self.conjunction()]
        while self.peek() == "OR":
            self.take()
            if self.peek() in (None, ")", "OR", "AND"):
                raise self.fail("OR behöver något efter sig")
            children.append(self.conjunction())
        kept = tuple(c for c in children if c is not None)
        return kept[0] if len(kept) == 1 else (Or(kept) if kept else None)

    def conjunction(self) -> Node | None:
        children: list[Node | None] = []
        while self.peek() not in (None, ")", "OR"):
            if self.peek() == "AND":
                self.take()
                if self.peek() in (None, ")", "OR", "AND") or not children:
                    raise self.fail("AND behöver något på båda sidor")
            children.append(self.unary())
        kept = tuple(c for c in children if c is not None)
        return kept[0] if len(kept) == 1 else (And(kept) if kept else None)

    def unary(self) -> Node | None:
        token = self.take()
        if token in ("NOT", "("):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise self.fail(f"mer än {MAX_DEPTH} parenteser eller NOT i varandra")
            try:
                return self.nested(token)
            finally:
                self.depth -= 1
        if token == ")":
            raise self.fail("parenteserna går inte jämnt ut")
        if token.startswith('"'):
            return self.words(token.strip('"'), as_written=True)
        return self.word(token)

    def nested(self, token: str) -> Node | None:
        if token == "NOT":
            if self.peek() in (None, ")", "OR", "AND"):
                raise self.fail("NOT behöver något efter sig")
            child = self.unary()
            return Not(child) if child is not None else None
        inner = self.expression()
        if self.peek() != ")":
            raise self.fail("parenteserna går inte jämnt ut")
        self.take()
        return inner

    def word(self, token: str) -> Leaf | None:
        fuzzy = _FUZZY_RE.match(token)
        if token.endswith("*") and len(token.rstrip("*")) >= 1:
            word = token.rstrip("*")
            exact = self.analyzer.exact(word)
            return Prefix(exact[0].text, self.words(word)) if len(exact) == 1 else self.words(word)
        if fuzzy:
            word = fuzzy.group(1)
            exact, stems, lemmas = (
                view(word) for view in (self.analyzer.exact, self.analyzer.text, self.analyzer.lemmas)
            )
            if len(exact) == 1 and len(stems) == 1 and len(lemmas) == 1:
                edits = int(fuzzy.group(2) or 1)
                return Fuzzy(exact[0].text, stems[0].text, edits, lemmas[0].text, self.words(word))
            return self.words(word)
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
    own = leaf_spans(leaf.forms, views) if leaf.forms else []
    if isinstance(leaf, Prefix):
        return own + [(t.start, t.end) for t in views.exact if t.text.startswith(leaf.prefix)]
    near = [
        (t.start, t.end)
        for tokens, word in ((views.exact, leaf.word), (views.text, leaf.stem), (views.lemmas, leaf.lemma))
        for t in tokens
        if OSA.distance(t.text, word) <= leaf.distance
    ]
    parts = [(t.start, t.end) for t in views.parts if OSA.distance(t.text, leaf.lemma) <= leaf.distance]
    return own + near + parts


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
