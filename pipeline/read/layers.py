"""Which pages OCR reads, and which reading of a page is kept.

A page with no text layer, or one whose words look garbled, is read again by OCR. The
OCR reading replaces the text layer only where it reads better (``Judge.better``): a
page of names and roles ('Beslutande Kristina Grapenholm (L) (ordförande)') may look
garbled to a word list, while OCR of the same page drops letters ('Kommunfullmaktige').
A text layer that reads at least as well as OCR is no broken font map: it is kept, and
said to be good.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..models import RawPage
from ..settings import Settings
from . import ocr
from .pdf import render_pages

Tick = Callable[[bool], None] | None  # called after each OCR page: True when it came from the cache
MIN_TEXT_CHARS = 20  # fewer on a page: no text layer to speak of
OCR_PAGE_TIMEOUT_S = 300.0


@dataclass(frozen=True)
class Judge:
    """How a page's text is judged: ``garbled(text)``; ``better(ocr, layer)`` when the OCR
    text reads better than the text layer's."""

    garbled: Callable[[str], bool]
    better: Callable[[str, str], bool]


@dataclass(frozen=True)
class Read:
    pages: list[RawPage]
    kept: frozenset[int]  # pages whose text layer read at least as well as OCR: not garbled


def text_of(page: RawPage) -> str:
    return "\n".join(line.text for line in page.lines)


def _no_layer(text: str) -> bool:
    return len("".join(text.split())) < MIN_TEXT_CHARS  # characters that are not whitespace


def unreadable(page: RawPage, judge: Judge) -> bool:
    """No text layer, a few stray characters, or a layer whose words are mostly not words."""
    text = text_of(page)
    return _no_layer(text) or judge.garbled(text)


def with_ocr(path: Path, raw: list[RawPage], settings: Settings, judge: Judge, tick: Tick = None) -> Read:
    """The raw pages with those that need it read by OCR (Tesseract), several at a time;
    a text layer OCR reads no better than is kept."""
    numbers = wanted(raw, settings, judge)
    return merged(raw, recognised(path, numbers, settings, tick) if numbers else {}, settings, judge)


def wanted(raw: list[RawPage], settings: Settings, judge: Judge) -> list[int]:
    """The pages OCR is to read (none when Tesseract with Swedish is not installed here)."""
    numbers = [
        p.number for p in raw if settings.ocr == "always" or (settings.ocr == "auto" and unreadable(p, judge))
    ]
    return numbers if numbers and ocr.installed() else []


def merged(raw: list[RawPage], read: dict[int, ocr.OcrPage], settings: Settings, judge: Judge) -> Read:
    """The raw pages with what OCR read of them, where it reads better."""
    if not read:
        return Read(raw, frozenset())
    pages, kept = [], set()
    for p in raw:
        found = read.get(p.number)
        if found is None or not found.lines:
            pages.append(p)
        elif settings.ocr == "auto" and not _replaces(found, p, judge):
            pages.append(p)
            kept.add(p.number)
        else:
            pages.append(RawPage(p.number, found.lines, found.confidence))
    return Read(pages, frozenset(kept))


def _replaces(found: ocr.OcrPage, layer: RawPage, judge: Judge) -> bool:
    text = text_of(layer)
    return _no_layer(text) or judge.better("\n".join(line.text for line in found.lines), text)


def recognised(path: Path, numbers: list[int], settings: Settings, tick: Tick) -> dict[int, ocr.OcrPage]:
    """OCR of the given pages, ``settings.workers`` at a time."""
    read: dict[int, ocr.OcrPage] = {}
    with ThreadPoolExecutor(max_workers=settings.workers) as pool:
        images = render_pages(path, numbers, settings.ocr_dpi)
        while batch := list(itertools.islice(images, settings.workers)):  # a few images in memory at once
            found = pool.map(lambda job: (job[0], _recognise(job[1], settings)), batch)
            for number, page in found:
                read[number] = page
                if tick:
                    tick(page.cached)
    return read


def _recognise(png: bytes, settings: Settings) -> ocr.OcrPage:
    return ocr.recognise(png, settings.ocr_dpi, settings.ocr_cache, OCR_PAGE_TIMEOUT_S)


def recognised_page(path: Path, number: int, settings: Settings) -> ocr.OcrPage | None:
    """OCR of one page (a cluster's task of its own), None where it cannot be rendered."""
    images = list(render_pages(path, [number], settings.ocr_dpi))
    return _recognise(images[0][1], settings) if images else None
