"""What a reader does with one file, in a child process (read/workers.py forks it): the PDF
read, OCR where its text layer fails, the text cleaned, parted and extracted, and the work
the storing process would otherwise do one file at a time."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..extract import nlp
from ..extract.blocks import page_blocks
from ..extract.clean import clean_pages
from ..extract.minutes import item_marks
from ..extract.structure import infer_meta, split_parts, titled
from ..extract.tables import document_tables, with_cells
from ..models import Block, Document, DocumentKind, Meta, PageQuality, Part, RawPage, pages_in
from ..read.layers import Judge, Tick, merged, recognised, wanted
from ..read.ocr import OcrPage
from ..read.pdf import read_pages
from ..settings import Settings
from ..store import dedup
from ..store.rows import block_views
from .files import shown


@dataclass(frozen=True)
class Layer:
    """A file's text layer as read, the § each page names, and the pages OCR is to read."""

    pages: list[RawPage]
    marks: dict[int, int]
    wanted: list[int]


def read_document(path: Path, digest: str, size: int, settings: Settings, tick: Tick = None) -> Document:
    """One PDF -> a Document (runs in a child process); pages without a usable text
    layer are read by OCR (``tick`` is called after each)."""
    layer = read_layer(path, settings)
    found = recognised(path, layer.wanted, settings, tick) if layer.wanted else {}
    return finished(path.name, digest, size, settings, layer, found)


def read_layer(path: Path, settings: Settings) -> Layer:
    """The text layer, and which of its pages OCR is to read (a cluster reads each of those
    pages as a task of its own, then calls ``finished``)."""
    raw = list(read_pages(path, settings.max_pages))
    marks = item_marks(raw)  # the text layer names each page's § even where OCR misreads it
    return Layer(raw, marks, wanted(raw, settings, _judge(settings.cache_dir)))


def finished(
    name: str, digest: str, size: int, settings: Settings, layer: Layer, found: dict[int, OcrPage]
) -> Document:
    """The Document of a text layer and what OCR read of its pages: cleaned, parted, extracted."""
    read = merged(layer.pages, found, settings, _judge(settings.cache_dir))
    pages = [
        replace(
            p,
            item=layer.marks.get(p.number),
            quality=PageQuality.GOOD if p.number in read.kept else p.quality,
        )
        for p in nlp.judged(clean_pages(read.pages, settings.header_lines), settings.cache_dir)
    ]
    if not any(p.has_text for p in pages):
        title = f"(inget textlager, behöver OCR) {shown(Path(name))}"
        part = Part(0, DocumentKind.OTHER, title, 1, len(pages))
        return Document(digest, Meta(title=title), tuple(pages), (part,), size, needs_ocr=True)
    found_parts = split_parts(pages, dict(settings.party_names))
    meta = infer_meta(pages, found_parts)
    parts = titled(found_parts, meta)
    extracted = {
        part.seq: nlp.extract_part(
            part, pages_in(pages, part), meta.paragraph, settings.spacy_model, cache_dir=settings.cache_dir
        )
        for part in parts
    }
    tables = document_tables(read.pages)  # from the text layer's words: a page read by OCR has none
    extracted = with_cells(extracted, parts, pages, tables)
    doc = Document(digest, meta, tuple(pages), tuple(parts), size, extracted=extracted, tables=tables)
    return prepared(doc, settings)


def _judge(cache_dir: Path) -> Judge:
    return Judge(
        lambda text: nlp.page_quality(text, cache_dir) == PageQuality.GARBLED,
        lambda found, layer: nlp.reads_better(found, layer, cache_dir),
    )


def prepared(doc: Document, settings: Settings) -> Document:
    """What the process that stores documents would otherwise work out one file at a
    time: dedup's shingles, the blocks, and the index's word views of each block."""
    blocks = blocks_of(doc)
    views = block_views((b.text for b in blocks), nlp.lexicon(settings.cache_dir))
    return replace(doc, shingles=dedup.part_shingles(doc), blocks=blocks, views=views)


def blocks_of(doc: Document) -> tuple[Block, ...]:
    """The document's blocks: a reader's, else cut from its pages."""
    if doc.blocks is not None:
        return doc.blocks
    return tuple(b for page in doc.pages for b in page_blocks(page))
