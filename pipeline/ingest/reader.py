"""What a reader does with one file, in a child process (read/workers.py forks it): the PDF
read, OCR where its text layer fails, the text cleaned, parted and extracted, and the work
the storing process would otherwise do one file at a time."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..extract import nlp
from ..extract.blocks import page_blocks
from ..extract.clean import clean_pages
from ..extract.minutes import item_marks
from ..extract.structure import infer_meta, split_parts, titled
from ..extract.tables import document_tables, with_cells
from ..models import Block, Document, DocumentKind, Meta, PageQuality, Part, pages_in
from ..read.layers import Judge, Tick, with_ocr
from ..read.pdf import read_pages
from ..settings import Settings
from ..store import dedup
from ..store.rows import block_views
from .files import shown


def read_document(path: Path, digest: str, size: int, settings: Settings, tick: Tick = None) -> Document:
    """One PDF -> a Document (runs in a child process); pages without a usable text
    layer are read by OCR (``tick`` is called after each)."""
    layer = list(read_pages(path, settings.max_pages))
    marks = item_marks(layer)  # the text layer names each page's § even where OCR misreads it
    read = with_ocr(path, layer, settings, _judge(settings.cache_dir), tick)
    pages = [
        replace(p, item=marks.get(p.number), quality=PageQuality.GOOD if p.number in read.kept else p.quality)
        for p in nlp.judged(clean_pages(read.pages, settings.header_lines), settings.cache_dir)
    ]
    if not any(p.has_text for p in pages):
        title = f"(inget textlager, behöver OCR) {shown(Path(path.name))}"
        part = Part(0, DocumentKind.OTHER, title, 1, len(pages))
        return Document(digest, Meta(title=title), tuple(pages), (part,), size, needs_ocr=True)
    found = split_parts(pages, dict(settings.party_names))
    meta = infer_meta(pages, found)
    parts = titled(found, meta)
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
