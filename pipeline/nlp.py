"""The only module that builds the spaCy pipeline, and the language stage.

The pipeline is ``spacy.blank("sv")`` (Swedish tokenizer exceptions, stop
words, ``like_num``) plus the lookup lemmatizer from spacy-lookups-data and
this project's own registered components: sentence boundaries that survive
Swedish abbreviations and headings, and amounts from token patterns. A user's
trained Swedish pipeline (``Settings.spacy_model``) may be used instead; its
PER entities then add people, and nothing depends on it.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import amounts as money
from .errors import HandlingarError
from .models import Amount, Extracted, Page, Part, Section, Sentence, Speaker
from .parties import officials_in, speakers_in
from .sections import paragraph_items, priority_sections

SENTENCE_END = {".", "!", "?", "…"}
# Abbreviations the tokenizer keeps whole that often end a sentence too.
FINAL_ABBREVIATIONS = {"kr.", "m.m.", "osv.", "etc.", "m.fl.", "mfl.", "o.s.v.", "kl."}
BULLETS = {"•", "-", "–"}


def _opens_sentence(token: Any) -> bool:
    first = token.text[:1]
    return first.isupper() or first.isdigit() or first in "”\"'•(–-"


def _lines(doc: Doc) -> list[tuple[int, int]]:
    """(first token, end token) of each line that has words."""
    lines, start = [], 0
    for i, token in enumerate(doc):
        if token.is_space and "\n" in token.text:
            if i > start:
                lines.append((start, i))
            start = i + 1
    if start < len(doc):
        lines.append((start, len(doc)))
    return lines


def _mark_headings(doc: Doc) -> None:
    """A short line without a sentence end, standing after a sentence end (or
    another heading) and before a line that opens a sentence, is a sentence of
    its own: 'Protokollsanteckning', 'Ärende 12: Verksamhetsberättelse … 2021'."""
    lines = _lines(doc)
    closed = True  # the text so far ends a sentence
    for k, (first, end) in enumerate(lines):
        last = doc[end - 1].text
        nxt = doc[lines[k + 1][0]] if k + 1 < len(lines) else None
        heading = closed and end - first <= 14 and last not in SENTENCE_END | {",", ";"}
        heading = heading and (nxt is None or _opens_sentence(nxt))
        if heading:
            doc[first].is_sent_start = True
            if nxt is not None:
                nxt.is_sent_start = True
        closed = heading or last in SENTENCE_END or last in FINAL_ABBREVIATIONS


@Language.component("handlingar_sentences")
def sentences(doc: Doc) -> Doc:
    """Sentence starts after . ! ? before an upper-case word or a digit, at
    bullets that open a line, and around heading lines."""
    previous = None
    for i, token in enumerate(doc):
        start = i == 0
        if i and not token.is_space and previous is not None:
            if previous.text in SENTENCE_END | FINAL_ABBREVIATIONS:
                start = _opens_sentence(token) and not (previous.text == "kl." and token.text[:1].isdigit())
            elif "\n" in doc[i - 1].text and doc[i - 1].is_space:
                start = token.text in BULLETS
        token.is_sent_start = start
        if not token.is_space:
            previous = token
    _mark_headings(doc)
    return doc


@Language.factory("handlingar_amounts")
def amounts_component(nlp: Language, name: str) -> Any:
    matcher = Matcher(nlp.vocab)
    matcher.add("AMOUNT", money.matcher_patterns())

    def find(doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label="AMOUNT") for _, s, e in matcher(doc)]
        doc.spans["amounts"] = filter_spans(spans)
        return doc

    return find


@functools.lru_cache(maxsize=2)
def build(model: str | None = None) -> Language:
    """The pipeline, built once per process (cached)."""
    if model:
        if not spacy.util.is_package(model):
            raise HandlingarError(f"spaCy pipeline {model!r} is not installed; leave it out to use the rules")
        nlp = spacy.load(model, exclude=["parser", "senter"])
    else:
        nlp = spacy.blank("sv")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    nlp.add_pipe("handlingar_sentences", first=not model)
    nlp.add_pipe("handlingar_amounts")
    return nlp


def warm(model: str | None = None) -> None:
    """Build the pipeline before worker processes fork, so they share it."""
    build(model)


@dataclass(frozen=True)
class _Pages:
    """Where each page starts in the part's text (pages joined by one newline)."""

    numbers: list[int]
    starts: list[int]

    @classmethod
    def of(cls, pages: Sequence[Page]) -> _Pages:
        starts, at = [], 0
        for page in pages:
            starts.append(at)
            at += len(page.body) + 1
        return cls([p.number for p in pages], starts)

    def locate(self, offset: int) -> tuple[int, int]:
        """Part offset -> (page number, offset in that page's body)."""
        k = bisect.bisect_right(self.starts, offset) - 1
        return self.numbers[k], offset - self.starts[k]


def _amounts(doc: Doc, where: _Pages) -> Iterator[Amount]:
    for span in doc.spans["amounts"]:
        before = [t.text for t in doc[max(0, span.start - 2) : span.start] if not t.is_space]
        value = money.sek_value(span.text)
        if before and before[-1].lower() == "minus":
            value = -value
        text = span.text[:-1] if span.text.endswith(".") else span.text  # 'kr.' ending a sentence
        page, start = where.locate(span.start_char)
        yield Amount(
            text=text,
            sek=value,
            qualifier=money.qualifier(before),
            sentence=" ".join(span.sent.text.split()),
            page=page,
            start=start,
            end=start + len(text),
        )


def _speakers(doc: Doc, where: _Pages) -> Iterator[Speaker]:
    seen = set()
    for name, party, offset in speakers_in(doc.text):
        seen.add((name, where.locate(offset)[0]))
        yield Speaker(name, party, None, where.locate(offset)[0])
    for name, role, offset in officials_in(doc.text):
        if (name, where.locate(offset)[0]) not in seen:
            seen.add((name, where.locate(offset)[0]))
            yield Speaker(name, None, role, where.locate(offset)[0])
    for ent in doc.ents:
        page = where.locate(ent.start_char)[0]
        if ent.label_ in ("PER", "PRS") and len(ent.text.split()) >= 2 and (ent.text, page) not in seen:
            seen.add((ent.text, page))
            yield Speaker(ent.text, None, None, page)


def _sentences(doc: Doc, where: _Pages) -> Iterator[Sentence]:
    for sent in doc.sents:
        text = sent.text
        if not text.strip():
            continue
        lead = len(text) - len(text.lstrip())
        page, start = where.locate(sent.start_char + lead)
        yield Sentence(page, start, start + len(text.strip()))


def extract_part(
    part: Part, pages: Sequence[Page], paragraph: str | None = None, model: str | None = None
) -> Extracted:
    """Amounts, speakers, sentences and sections of one part, read as one text
    so that a sentence may run over a page break."""
    where = _Pages.of(pages)
    doc = build(model)("\n".join(p.body for p in pages))
    return Extracted(
        tuple(_amounts(doc, where)),
        tuple(_speakers(doc, where)),
        tuple(_sections(part, pages, paragraph)),
        tuple(_sentences(doc, where)),
    )


def _sections(part: Part, pages: Sequence[Page], paragraph: str | None) -> list[Section]:
    if part.kind in ("protokoll", "protokollsutdrag"):
        return paragraph_items(pages, paragraph, part.title)
    return priority_sections(pages)
