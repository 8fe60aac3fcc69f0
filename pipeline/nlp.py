"""The only module that builds the spaCy pipeline, and the language stage.

The pipeline is ``spacy.blank("sv")`` (Swedish tokenizer exceptions, stop
words, ``like_num``) plus the lookup lemmatizer from spacy-lookups-data and
this project's own registered components: sentence boundaries that survive
Swedish abbreviations and headings, and amounts from token patterns. A user's
trained Swedish pipeline (``Settings.spacy_model``) may be used instead; its
PER entities then add people, and nothing depends on it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import amounts as money
from .errors import HandlingarError
from .models import Amount, Extracted, Page, Part, Section, Speaker
from .parties import officials_in, speakers_in
from .sections import paragraph_items, priority_sections

SENTENCE_END = {".", "!", "?", "…"}
BULLETS = {"•", "-", "–"}


def _opens_sentence(token: Any) -> bool:
    first = token.text[:1]
    return first.isupper() or first.isdigit() or first in "”\"'•(–-"


def _line_is_heading(doc: Doc, newline: int) -> bool:
    """The line before the newline at ``newline`` is short and has no sentence end."""
    start = newline - 1
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    line = doc[start:newline]
    return 0 < len(line) <= 8 and line[-1].text not in SENTENCE_END | {",", ";", ":"}


@Language.component("handlingar_sentences")
def sentences(doc: Doc) -> Doc:
    """Sentence starts after . ! ? before an upper-case word or a digit, at
    bullets that open a line, and after heading lines."""
    previous = None
    for i, token in enumerate(doc):
        if i == 0:
            token.is_sent_start = True
            continue
        start = False
        if token.is_space:
            start = False
        elif previous is not None and previous.text in SENTENCE_END:
            start = _opens_sentence(token)
        elif doc[i - 1].is_space and "\n" in doc[i - 1].text:
            start = token.text in BULLETS or (_line_is_heading(doc, i - 1) and _opens_sentence(token))
        token.is_sent_start = start
        if not token.is_space:
            previous = token
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


def _amounts(doc: Doc, page: int) -> Iterator[Amount]:
    for span in doc.spans["amounts"]:
        before = [t.text for t in doc[max(0, span.start - 2) : span.start] if not t.is_space]
        value = money.sek_value(span.text)
        if before and before[-1].lower() == "minus":
            value = -value
        sentence = span.sent
        yield Amount(
            text=span.text,
            sek=value,
            qualifier=money.qualifier(before),
            sentence=" ".join(sentence.text.split()),
            page=page,
            start=span.start_char,
            end=span.end_char,
        )


def _speakers(doc: Doc, page: int) -> Iterator[Speaker]:
    seen = set()
    for name, party, _ in speakers_in(doc.text):
        seen.add(name)
        yield Speaker(name, party, None, page)
    for name, role, _ in officials_in(doc.text):
        if name not in seen:
            seen.add(name)
            yield Speaker(name, None, role, page)
    for ent in doc.ents:
        if ent.label_ in ("PER", "PRS") and len(ent.text.split()) >= 2 and ent.text not in seen:
            seen.add(ent.text)
            yield Speaker(ent.text, None, None, page)


def extract_part(
    part: Part, pages: Sequence[Page], paragraph: str | None = None, model: str | None = None
) -> Extracted:
    """Amounts, speakers and sections of one part."""
    nlp = build(model)
    found_amounts: list[Amount] = []
    found_speakers: list[Speaker] = []
    for page, doc in zip(pages, nlp.pipe(p.body for p in pages), strict=True):
        found_amounts.extend(_amounts(doc, page.number))
        found_speakers.extend(_speakers(doc, page.number))
    return Extracted(tuple(found_amounts), tuple(found_speakers), tuple(_sections(part, pages, paragraph)))


def _sections(part: Part, pages: Sequence[Page], paragraph: str | None) -> list[Section]:
    if part.kind in ("protokoll", "protokollsutdrag"):
        return paragraph_items(pages, paragraph, part.title)
    return priority_sections(pages)
