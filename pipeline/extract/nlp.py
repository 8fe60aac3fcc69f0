"""The only module that builds the spaCy pipeline, and the language stage.

The pipeline is ``spacy.blank("sv")`` (Swedish tokenizer exceptions, stop
words, ``like_num``) plus lookup lemmas from spacy-lookups-data's Swedish table and
this project's own registered components: sentence boundaries that survive
Swedish abbreviations and headings, and amounts from token patterns. A user's
trained Swedish pipeline (``Settings.spacy_model``) may be used instead; its
PER entities then add people, and nothing depends on it.
"""

from __future__ import annotations

import functools
import itertools
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.attrs import IDX, LEMMA, ORTH, SENT_START
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.lang.sv.stop_words import STOP_WORDS as SV_STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..errors import HandlingarError
from ..models import Amount, Extracted, Page, PageQuality, Part, Sentence, Speaker
from . import amount_context as context, amounts as money, quality
from .acts import acted
from .items import part_sections
from .lexicon import Lexicon
from .parties import attendance_in, officials_in, speakers_in
from .passages import PageStarts, chunks, money_windows, sentence_at, sentence_bounds, stretches
from .roll import ranked, roll_call
from .sentences import COMMON_ABBREVIATIONS, sentence_starts


@Language.factory("handlingar_sentences")
def sentences_component(nlp: Language, name: str) -> Any:
    """Sentence starts from sentences.py, written in one ``from_array`` call
    (setting ``is_sent_start`` token by token is quadratic in spaCy)."""
    abbreviations = _abbreviations(nlp)

    def mark(doc: Doc) -> Doc:
        if not len(doc):
            return doc
        offsets = doc.to_array([IDX]).astype("int64")
        starts = numpy.array(sentence_starts(_text(doc), abbreviations), dtype="int64")
        flags = numpy.where(numpy.isin(offsets, starts), 1, -1).astype("int64")
        flags[0] = 1
        doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]
        return doc

    return mark


def _abbreviations(nlp: Language) -> frozenset[str]:
    """The tokenizer's exceptions that end with a full stop ('bl.a.', 't.ex.'), and the
    common ones it lacks ('ca.', 'resp.')."""
    rules: dict[str, Any] = getattr(nlp.tokenizer, "rules", None) or {}
    return frozenset(k.lower() for k in rules if k.endswith(".") and len(k) > 1) | COMMON_ABBREVIATIONS


@functools.lru_cache(maxsize=2)
def lexicon(cache_dir: Path) -> Lexicon:
    """The word lists (one SQLite file, opened once per process; see lexicon.py)."""
    return Lexicon(cache_dir)


KNOWN_CACHE = 1 << 18  # distinct words whose verdict a process keeps


@functools.lru_cache(maxsize=2)
def knows(cache_dir: Path) -> quality.Knows:
    """Whether a lowercase word is Swedish: a form or a lemma of the lookup table, a
    dictionary stem, a stop word, or a compound of two of them (with a linking s):
    'trygghetsdialogerna'."""
    listed = lexicon(cache_dir).knows

    def one(word: str) -> bool:
        return word in SV_STOP_WORDS or listed(word)

    @functools.lru_cache(maxsize=KNOWN_CACHE)
    def swedish(word: str) -> bool:
        if one(word):
            return True
        for i in range(3, len(word) - 2):
            head, tail = word[:i], word[i:]
            if one(tail) and (one(head) or (head.endswith("s") and one(head[:-1]))):
                return True
        return False

    return swedish


def english(word: str) -> bool:
    return word in EN_STOP_WORDS


def page_quality(text: str, cache_dir: Path) -> PageQuality:
    """GOOD or GARBLED for a page's text (see quality.page_quality)."""
    return quality.page_quality(text, knows(cache_dir), english)


def reads_better(found: str, layer: str, cache_dir: Path) -> bool:
    """Whether OCR's text reads better than a page's text layer (see quality.reads_better)."""
    return quality.reads_better(found, layer, knows(cache_dir))


def judged(pages: Sequence[Page], cache_dir: Path) -> list[Page]:
    """Pages with their text quality: GARBLED where most words are not words."""
    return [replace(p, quality=page_quality(p.body, cache_dir)) for p in pages]


@Language.factory("handlingar_lemmas", default_config={"cache_dir": ""})
def lemmas_component(nlp: Language, name: str, cache_dir: str) -> Any:
    """Lookup lemmas from spacy-lookups-data's Swedish table (660k forms, read from the
    lexicon file, not loaded whole), looked up once per distinct word of a doc and
    written with one ``from_array``: spaCy's own component does a Python call per
    token (a quarter of this stage's time). A word the table lacks is its own lemma."""
    lookup = lexicon(Path(cache_dir)).looked_up
    strings = nlp.vocab.strings
    known: dict[int, int] = {}

    def lemma_of(orth: int) -> int:
        if orth not in known:
            text = strings[orth]
            known[orth] = strings.add(lookup(text) or text)
        return known[orth]

    def lemmatize(doc: Doc) -> Doc:
        if not len(doc):
            return doc
        kinds, where = numpy.unique(doc.to_array([ORTH]), return_inverse=True)
        lemmas = numpy.array([lemma_of(int(k)) for k in kinds], dtype="uint64")
        doc.from_array([LEMMA], lemmas[where.reshape(-1)].reshape(-1, 1))
        return doc

    return lemmatize


class AmountFinder:
    """The amounts component: token patterns run only in windows around a number and a
    unit word (passages.money_windows)."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("AMOUNT", money.matcher_patterns())

    def __call__(self, doc: Doc) -> Doc:
        doc.spans["amounts"] = self.spans(doc, money_windows(_text(doc)))
        return doc

    def spans(self, doc: Doc, windows: Iterable[tuple[int, int]]) -> list[Span]:
        found = []
        for start, end in windows:
            window = doc.char_span(start, end, alignment_mode="expand")
            if window is not None:
                found += [
                    Span(doc, window.start + s, window.start + e, label="AMOUNT")
                    for _, s, e in self.matcher(window)
                ]
        return list(filter_spans(found))


@Language.factory("handlingar_amounts")
def amounts_component(nlp: Language, name: str) -> Any:
    return AmountFinder(nlp)


def _text(doc: Doc) -> str:
    """The doc's text, built once (``Doc.text`` walks every token on each use)."""
    if "text" not in doc.user_data:
        doc.user_data["text"] = doc.text
    return str(doc.user_data["text"])


def windowed_amounts(nlp: Language, text: str) -> Iterator[tuple[Span, int]]:
    """The amount spans of ``text`` with the offset of the doc each stands in: only the
    stretches around money windows are tokenized (the same tokens as the whole text's,
    see passages.py), so the cost follows the amounts, not the length of the text."""
    finder = nlp.get_pipe("handlingar_amounts")
    assert isinstance(finder, AmountFinder)
    for stretch in stretches(text, money_windows(text)):
        doc = nlp.tokenizer(text[stretch.start : stretch.end])
        local = [(a - stretch.start, b - stretch.start) for a, b in stretch.windows]
        for span in finder.spans(doc, local):
            yield span, stretch.start


@functools.lru_cache(maxsize=2)
def build(model: str | None, cache_dir: Path) -> Language:
    """The pipeline, built once per process (cached)."""
    if model:
        if not spacy.util.is_package(model):
            raise HandlingarError(
                f"spaCy-pipelinen {model!r} är inte installerad; utelämna den för att använda reglerna"
            )
        nlp = spacy.load(model, exclude=["parser", "senter"])
    else:
        nlp = spacy.blank("sv")
        nlp.add_pipe("handlingar_lemmas", config={"cache_dir": str(cache_dir)})
    _split_money(nlp)
    nlp.add_pipe("handlingar_sentences", first=not model)
    nlp.add_pipe("handlingar_amounts")
    return nlp


def _split_money(nlp: Language) -> None:
    """A slash that ends a word is a token of its own: '1,5 öre/ kWh' (a line broken after
    the slash) has the unit 'öre' as in '1,5 öre/kWh', where spaCy splits at the slash;
    so is the ':-' of '15 000:-' (kronor, as a price is written), and a full stop after '6000€'.
    A dash between two digits ('1 800-2 200 tkr', '1,5–2 mnkr': a range) and a unit written
    on its number ('40mnkr', '138,13kr/kvm') are split off too."""
    suffixes = [*(nlp.Defaults.suffixes or []), "/", ":-", r"(?<=€)\."]
    infixes = [*(nlp.Defaults.infixes or []), r"(?<=[0-9])[-–](?=[0-9])", money.FUSED_UNIT]
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):  # a trained pipeline may bring a tokenizer of its own
        tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
        tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


@functools.lru_cache(maxsize=2)
def warm(model: str | None, cache_dir: Path) -> int:
    """Build the pipeline before worker processes fork, so they share it. Returns the
    process's resident memory in MB once it is built (measured the first time only: what
    the process holds for an ingest, not what earlier work in a long-lived one left)."""
    build(model, cache_dir)
    knows(cache_dir)
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") >> 20
    except OSError:
        return 0


def _bounds(doc: Doc, text: str) -> list[int]:
    """Character offsets where a trained pipeline's doc starts sentences, and the end of
    the text. (``doc.text`` is rebuilt from every token on each use: callers pass the text.)"""
    if not len(doc):
        return [0]
    marks = doc.to_array([SENT_START, IDX]).astype("int64")  # SENT_START: 1 start, -1 not
    return [int(i) for i in marks[marks[:, 0] == 1, 1]] + [len(text)]


def _amounts(
    found: Iterable[tuple[Span, int]], text: str, where: PageStarts, bounds: list[int]
) -> Iterator[Amount]:
    """Amounts from spans, each with the offset in ``text`` of the doc it stands in."""
    for span, offset in found:
        doc = span.doc
        before = [t.text for t in doc[max(0, span.start - 2) : span.start] if not t.is_space]
        at = offset + span.start_char
        read = context.read(span.text, before, text, at, offset + span.end_char)
        if read is None:
            continue
        page, start = where.locate(read.start)
        yield Amount(
            text=read.text,
            value=read.value,
            currency=read.currency,
            qualifier=read.qualifier,
            sentence=sentence_at(text, bounds, at),
            page=page,
            start=start,
            end=start + len(read.text),
            rate=read.rate,
            high=read.high,
        )


def _roles(text: str, where: PageStarts) -> tuple[dict[tuple[str, int], str], tuple[int, int] | None]:
    """(name, page) -> the role a roll call gives (a chair's over the justerare's over the
    seat's), from the labelled Swedish block and the Finland-Swedish list alike."""
    present, span = attendance_in(text)
    found = [(name, role, offset) for name, role, offset in present if role]
    found += [(seat.name, seat.role, seat.offset) for seat in roll_call(text)]
    roles: dict[tuple[str, int], str] = {}
    best: dict[str, str] = {}
    for name, role, offset in found:
        roles.setdefault((name, where.locate(offset)[0]), role)
        if name not in best or ranked(role) < ranked(best[name]):
            best[name] = role
    return {(name, page): best[name] for name, page in roles}, span


def _speakers(ents: Iterable[Span], text: str, where: PageStarts) -> Iterator[Speaker]:
    roles, span = _roles(text, where)
    seen = set()
    for name, party, offset in speakers_in(text):  # 'Anna Andersson (S), ordförande': the list's role
        key = (name, where.locate(offset)[0])
        seen.add(key)
        yield Speaker(name, party, roles.get(key), key[1])
    for (name, page), role in roles.items():
        if (name, page) not in seen:
            seen.add((name, page))
            yield Speaker(name, None, role, page)
    for name, role, offset in officials_in(text):
        if span and span[0] <= offset < span[1]:
            continue  # read as an attendance list above, name turned round
        if (name, where.locate(offset)[0]) not in seen:
            seen.add((name, where.locate(offset)[0]))
            yield Speaker(name, None, role, where.locate(offset)[0])
    for ent in ents:  # a trained pipeline's people
        page = where.locate(ent.start_char)[0]
        if ent.label_ in ("PER", "PRS") and len(ent.text.split()) >= 2 and (ent.text, page) not in seen:
            seen.add((ent.text, page))
            yield Speaker(ent.text, None, None, page)


def _sentences(
    text: str, where: PageStarts, bounds: list[int], pages: Sequence[Page], knows: quality.Knows
) -> Iterator[Sentence]:
    """Sentences from the start offsets (no Span objects: ``Span.sent`` walks the doc),
    each judged quotable or not."""
    by_number = {p.number: p for p in pages}
    layouts = {p.number: quality.Layout.of(p) for p in pages}
    for begin, end in itertools.pairwise(bounds):
        piece = text[begin:end]
        stripped = piece.strip()
        if stripped:
            offset = begin + len(piece) - len(piece.lstrip())
            number, start = where.locate(offset)
            page = by_number[number]
            quotable = (
                page.quality == PageQuality.GOOD
                and quality.sentence_shaped(stripped)
                and quality.words_are_words(stripped, knows)
                and not quality.layout_breaks(layouts[number], start, start + len(stripped))
            )
            yield Sentence(number, start, start + len(stripped), quotable)


def extract_part(
    part: Part,
    pages: Sequence[Page],
    item_span: str | None = None,
    model: str | None = None,
    *,
    cache_dir: Path,
) -> Extracted:
    """Amounts, speakers, sentences and sections of one part. Its pages are read as one
    text (a sentence may run over a page break), a long part in bounded chunks that end
    with a page, so memory stays flat for a 3,000-page report. ``item_span``: the § or §
    range the document covers ('§ 12', '§ 39–49': its Meta.paragraph)."""
    found: list[Extracted] = [_extract_text(chunk, model, cache_dir) for chunk in chunks(pages)]
    sections = tuple(part_sections(part, pages, item_span))
    return Extracted(
        tuple(a for f in found for a in f.amounts),
        tuple(s for f in found for s in f.speakers),
        sections,
        tuple(acted(part, pages, sections, (s for f in found for s in f.sentences))),
    )


def _extract_text(pages: Sequence[Page], model: str | None, cache_dir: Path) -> Extracted:
    """With the rules alone, no token is needed but around amounts (the whole text is
    not tokenized); a trained pipeline reads the whole text for its entities."""
    where = PageStarts.of(pages)
    text = "\n".join(p.body for p in pages)
    nlp = build(model, cache_dir)
    ents: Iterable[Span] = ()
    if model:
        doc = nlp.tokenizer(text)  # not make_doc: chunks keep the size bounded, not nlp.max_length
        doc.user_data["text"] = text  # spares the components a walk over every token (Doc.text)
        doc = nlp(doc)
        bounds, spans, ents = _bounds(doc, text), [(s, 0) for s in doc.spans["amounts"]], doc.ents
    else:
        bounds = sentence_bounds(text, _abbreviations(nlp))
        spans = list(windowed_amounts(nlp, text))
    return Extracted(
        tuple(_amounts(spans, text, where, bounds)),
        tuple(_speakers(ents, text, where)),
        (),
        tuple(_sentences(text, where, bounds, pages, knows(cache_dir))),
    )
