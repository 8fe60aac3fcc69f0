"""The only module that touches the PDF libraries.

Reads a PDF's text layer page by page with pypdfium2 (about 50x faster than
pdfplumber and a fraction of its memory, see shared/docs/measurements.md);
pdfplumber (pdfminer) gives a second opinion on files pdfium refuses, and
reads them when it can. Returns plain :class:`RawPage` records: lines of text with the font facts that
later stages use (bold, size). Nothing outside this module sees a PDF object.
"""

from __future__ import annotations

import ctypes
import io
import math
import re
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import EmptyFile, Encrypted, NoPages, NotAPdf, ReadFailed, Truncated
from ..models import Line, RawPage, Word

SOFT_HYPHEN_MARK = "\ufffe"  # pdfium's mark for a hyphen that ends a line


def check_header(path: Path, head: bytes) -> None:
    """Refuse what is plainly not a PDF before handing it to the parser."""
    if not head:
        raise EmptyFile(str(path))
    if b"%PDF-" not in head[:1024]:
        lowered = head[:512].lower()
        if b"<html" in lowered or b"<!doctype" in lowered:
            raise NotAPdf(str(path), "en webbsida sparad som .pdf")
        raise NotAPdf(str(path), "inget %PDF-huvud")


def open_pdf(path: Path) -> pdfium.PdfDocument | None:
    """The pdfium document, or None when pdfium refuses a file that pdfminer
    (through pdfplumber) can still read."""
    with path.open("rb") as fh:
        check_header(path, fh.read(1024))
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower() and _has_encryption(path):  # pdfium's error code can be stale
            raise Encrypted(str(path)) from None
        if _second_opinion(path) > 0:
            return None
        cause = re.search(r"PDFium: ([^)]*)", message)
        raise Truncated(str(path), cause.group(1) if cause else message) from None
    if len(pdf) == 0:
        pdf.close()
        raise NoPages(str(path))
    return pdf


def _has_encryption(path: Path) -> bool:
    """Whether the file has an encryption dictionary (its trailer names /Encrypt). pdfium
    reports the last error it recorded, which a file that fails for another reason does
    not reset: a password error read after an encrypted file would be the earlier file's."""
    tail = b""
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            if b"/Encrypt" in tail + chunk:
                return True
            tail = chunk[-16:]
    return False


def _second_opinion(path: Path) -> int:
    """Pages pdfminer finds in a file pdfium refused; NoPages when it finds none."""
    import pdfplumber  # only for files pdfium refused: its import costs every ingest 0.1 s

    try:
        with pdfplumber.open(path) as pdf:
            count = len(pdf.pages)
    except Exception:  # pdfminer raises bare Exceptions for broken files
        return -1
    if count == 0:
        raise NoPages(str(path))
    return count


def _check_count(path: Path, count: int, max_pages: int) -> None:
    if count > max_pages:
        raise ReadFailed(str(path), f"{count} pages, over the limit of {max_pages}")


def _plumber_pages(path: Path, max_pages: int) -> Iterator[RawPage]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        _check_count(path, len(pdf.pages), max_pages)
        for number, page in enumerate(pdf.pages, start=1):
            text = page.extract_text() or ""
            page.flush_cache()
            yield RawPage(number, tuple(Line(line) for line in text.split("\n")))


_FONT_NAME = 96  # bytes of a font's name read


class _Fonts:
    """Weight and size of a page's characters, read from pdfium (one name buffer and
    one flags cell for the page; what a font's name says of its weight asked once)."""

    def __init__(self, textpage: pdfium.PdfTextPage) -> None:
        self.raw = textpage.raw
        self.count = textpage.count_chars()
        self.buf = ctypes.create_string_buffer(_FONT_NAME)
        self.flags = ctypes.c_int()
        self.bold_names: dict[bytes, bool] = {}

    def facts(self, index: int) -> tuple[bool, float]:
        written = pdfium_c.FPDFText_GetFontInfo(
            self.raw, index, self.buf, _FONT_NAME, ctypes.byref(self.flags)
        )
        # pdfium leaves the (reused) buffer alone when the name does not fit: no name then
        name = self.buf.value if 0 < written <= _FONT_NAME else b""
        bold = self.bold_names.get(name)
        if bold is None:
            lowered = name.decode("latin-1", "replace").lower()
            bold = self.bold_names[name] = "bold" in lowered or "black" in lowered or "heavy" in lowered
        bold = bold or pdfium_c.FPDFText_GetFontWeight(self.raw, index) >= 600
        return bold, round(float(pdfium_c.FPDFText_GetFontSize(self.raw, index)), 1)

    def of_line(self, start: int, piece: str) -> tuple[bool, float]:
        """Weight and size of a line: the majority of its first, middle and last characters
        (one character is poor evidence: a line may open with a word set in another font)."""
        first = start + len(piece) - len(piece.lstrip())
        last = start + len(piece.rstrip()) - 1
        if not piece.strip() or first >= self.count:
            return False, 0.0
        ends = [self.facts(i) for i in sorted({first, last}) if 0 <= i < self.count]
        if len(ends) == 2 and ends[0] == ends[1]:
            return ends[0]  # the middle character cannot outvote two that agree
        middle = (first + last) // 2
        facts = [*ends, self.facts(middle)] if first < middle < min(last, self.count) else ends
        bold = sum(1 for b, _ in facts if b) * 2 > len(facts)
        return bold, sorted(size for _, size in facts)[len(facts) // 2]


# a voteringslista's header ('Ledamot Ja Nej Avstår') and its rows' crosses ('Anna Berg (M) X')
MARKED_RE = re.compile(r"(?:^|\s)(?:[Xx✓✔]|Ja\s+Nej\b.*)\s*$")
MARK_WORDS = {"x", "✓", "✔", "ja", "nej", "avstår", "avstod", "frånvarande"}


def _marks(textpage: pdfium.PdfTextPage, start: int, piece: str) -> tuple[tuple[str, float], ...]:
    """The x-centre of each mark word of a table row (the column a cross stands under)."""
    if not MARKED_RE.search(piece):
        return ()
    found = []
    for word in re.finditer(r"\S+", piece):
        if word.group().lower() in MARK_WORDS and start + word.end() <= textpage.count_chars():
            left = textpage.get_charbox(start + word.start())[0]
            right = textpage.get_charbox(start + word.end() - 1)[2]
            found.append((word.group(), round((left + right) / 2, 1)))
    return tuple(found)


def _page_lines(textpage: pdfium.PdfTextPage) -> tuple[Line, ...]:
    """Lines of a page. pdfium removes the line break after a soft hyphen and
    marks it U+FFFE; the break and the hyphen are put back here so that clean.py
    decides, with the words on both sides, whether to join."""
    text = textpage.get_text_range()
    fonts = _Fonts(textpage)
    lines: list[Line] = []
    pos = 0
    for raw_line in text.split("\r\n"):
        pieces = raw_line.split(SOFT_HYPHEN_MARK)
        start = pos
        for k, piece in enumerate(pieces):
            bold, size = fonts.of_line(start, piece)
            text = piece + ("-" if k < len(pieces) - 1 else "")
            lines.append(Line(text, bold, size, _marks(textpage, start, piece)))
            start += len(piece) + 1
        pos += len(raw_line) + 2
    return tuple(lines)


# a figure as a table's cell prints it: '34 956', '-1 942', '(1 942)', '95,5 %', '3,5%', '2550'
# (a year or a § number is none)
FIGURE_RE = re.compile(
    r"(?<![\w,./:§-])(?<!§ )[-−–+(]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|(?!(?:19|20)\d\d\b)\d+)"
    r"(?:,\d+)?\)?\s?%?(?![\w,./:-])"
)
TABLE_LINES = 3  # lines with two figures or more: a page that may hold a table


def _figured(line: str) -> bool:
    """A line that reads as a table's row: two figures or more, the last ending it ('Lokalhyror
    -5 333 -5 153 180', 'Förskola 3 004 2 838', '928 Nacka gymnasium 2550 -750 3300'), or three;
    a sentence that names two numbers mid-line does not."""
    found = list(FIGURE_RE.finditer(line))
    return len(found) >= 3 or (len(found) == 2 and not line[found[1].end() :].strip(" %-–"))


def looks_tabular(lines: Sequence[Line]) -> bool:
    """Whether a page's lines look like a table's rows: the cheap test that decides whether
    its words are read with their positions (a voteringslista's crosses or prose are not)."""
    return sum(1 for line in lines if _figured(line.text)) >= TABLE_LINES


def _words(textpage: pdfium.PdfTextPage, height: float) -> tuple[Word, ...]:
    """The page's words with their boxes (font boxes, not the glyphs': a line's words share
    a top and a bottom), top down; read through the raw call with one box for all."""
    text = textpage.get_text_range()
    count = textpage.count_chars()
    box = pdfium_c.FS_RECTF()
    words = []
    for match in re.finditer(r"\S+", text):
        if match.end() > count:
            break
        pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, match.start(), box)
        left, top, bottom = box.left, box.top, box.bottom
        pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, match.end() - 1, box)
        word = match.group().replace(SOFT_HYPHEN_MARK, "-")
        if not word.isascii():
            word = unicodedata.normalize("NFC", word)
        words.append(
            Word(word, round(left, 1), round(box.right, 1), round(height - top, 1), round(height - bottom, 1))
        )
    return tuple(words)


MAX_RULES = 5000  # drawn boxes kept of a page (a map's thousands of paths are no table's rulings)


def _rules(page: pdfium.PdfPage, height: float) -> tuple[tuple[float, float, float, float], ...]:
    """The boxes of the page's paths (lines, rectangles: a table's rulings and cells), top
    down, read through the raw calls (a Python object per path costs ten times as much)."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    found = []
    for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, i)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            found.append(
                (
                    round(left.value, 1),
                    round(height - top.value, 1),
                    round(right.value, 1),
                    round(height - bottom.value, 1),
                )
            )
            if len(found) >= MAX_RULES:
                break
    return tuple(found)


def read_pages(path: Path, max_pages: int) -> Iterator[RawPage]:
    """Yield the pages of ``path`` one at a time (bounded memory)."""
    pdf = open_pdf(path)
    if pdf is None:
        yield from _plumber_pages(path, max_pages)
        return
    try:
        count = len(pdf)
        _check_count(path, count, max_pages)
        for number in range(1, count + 1):
            yield _read_page(pdf, number, path)
    finally:
        pdf.close()


def _read_page(pdf: pdfium.PdfDocument, number: int, path: Path) -> RawPage:
    try:
        page = pdf[number - 1]
        textpage = page.get_textpage()
        lines = _page_lines(textpage)
        tabular = looks_tabular(lines)
        words = _words(textpage, page.get_height()) if tabular else ()
        rules = _rules(page, page.get_height()) if tabular else ()
        textpage.close()
        page.close()
    except pdfium.PdfiumError as exc:
        raise ReadFailed(str(path), f"sidan {number}: {exc}") from None
    return RawPage(number, lines, words=words, rules=rules)


def render_pages(path: Path, numbers: Sequence[int], dpi: int) -> Iterator[tuple[int, bytes]]:
    """(page number, PNG bytes) for the given pages, rendered in greyscale at ``dpi``, one at
    a time (an image of an A4 page at 300 dpi is 8 MB in memory; a larger page, a poster or
    a map, at the dpi that keeps it to ``MAX_PIXELS``)."""
    pdf = open_pdf(path)
    if pdf is None:
        return
    try:
        for number in numbers:
            try:
                page = pdf[number - 1]
                image = page.render(scale=_scale(page.get_size(), dpi), grayscale=True).to_pil()
            except pdfium.PdfiumError:
                continue
            out = io.BytesIO()
            image.save(out, format="PNG")
            yield number, out.getvalue()
    finally:
        pdf.close()


MAX_PIXELS = 36_000_000  # four A4 pages at 300 dpi: a 200-inch page is read at 30 dpi, not 60,000 pixels wide


def _scale(size: tuple[float, float], dpi: int) -> float:
    """Pixels per point for a page of ``size`` points: ``dpi``, or less for a page so large
    that its image would pass ``MAX_PIXELS``."""
    width, height = max(size[0], 1.0), max(size[1], 1.0)
    return min(dpi / 72, math.sqrt(MAX_PIXELS / (width * height)))
