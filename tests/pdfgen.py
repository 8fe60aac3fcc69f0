"""A minimal PDF writer for test inputs that no office program would produce
(no pages, a decompression bomb, a page of drawing operators)."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import Any


def build(objects: Sequence[bytes]) -> bytes:
    """Objects 1..n (object 1 is the catalog) -> a complete PDF with xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def no_pages() -> bytes:
    return build([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def _stream(data: bytes, compress: bool) -> bytes:
    if compress:
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def one_page(content: bytes, compressed: bool = False) -> bytes:
    return build(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            _stream(content, compressed),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ]
    )


def text_page(lines: Sequence[str]) -> bytes:
    ops = [b"BT /F1 11 Tf 14 TL 56 780 Td"]
    for line in lines:
        escaped = line.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        ops.append(b"(" + escaped + b") Tj T*")
    ops.append(b"ET")
    return one_page(b"\n".join(ops))


def deflate_bomb(inflated_mb: int) -> bytes:
    """A page whose content stream inflates to ``inflated_mb`` MB of spaces."""
    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    data = b"".join(packer.compress(chunk) for _ in range(inflated_mb)) + packer.flush()
    return one_page(data, compressed=True)


def many_operators(count: int) -> bytes:
    """A page with ``count`` tiny drawing operations."""
    return one_page(b"0 0 m 1 1 l S\n" * count, compressed=False)


def _escape(line: str) -> bytes:
    data = line.encode("cp1252", "replace")
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def text_pages(pages: Sequence[Sequence[str]], compress: bool = True) -> bytes:
    """A PDF with one page per list of lines (Helvetica 10 pt, WinAnsi)."""
    count = len(pages)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, lines in enumerate(pages):
        ops = (
            b"BT /F1 10 Tf 13 TL 50 800 Td\n"
            + b"\n".join(b"(" + _escape(t) + b") Tj T*" for t in lines)
            + b"\nET"
        )
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
            b" /Resources << /Font << /F1 3 0 R >> >> >>" % (5 + 2 * i)
        )
        objects.append(_stream(zlib.compress(ops) if compress else ops, compress))
    return build(objects)


def scanned_copy(source: str, dpi: int, rotate: int = 0, jpeg_quality: int = 85) -> bytes:
    """A scan of ``source``: each page rendered to a JPEG image at ``dpi`` (turned ``rotate``
    degrees), and the images put back into a PDF with no text layer, as a scanner makes one."""
    import pypdfium2 as pdfium

    scan = pdfium.PdfDocument.new()
    for page in pdfium.PdfDocument(source):
        image = page.render(scale=dpi / 72, grayscale=True).to_pil().rotate(rotate, expand=True)
        _image_page(scan, image, image.size[0] * 72 / dpi, image.size[1] * 72 / dpi, jpeg_quality)
    return _saved(scan)


def pages_of(source: str, numbers: Sequence[int]) -> bytes:
    """The given pages (1-based) of ``source`` as a PDF of their own, unchanged: as a
    municipality publishes one § item of its minutes."""
    import pypdfium2 as pdfium

    cut = pdfium.PdfDocument.new()
    cut.import_pages(pdfium.PdfDocument(source), [n - 1 for n in numbers])
    return _saved(cut)


def poster_copy(source: str, width: float, dpi: int = 100) -> bytes:
    """``source``'s first page as a scan printed on a page ``width`` points wide (a poster or
    a map: 14,400 points is PDF's largest page), with no text layer."""
    import pypdfium2 as pdfium

    image = pdfium.PdfDocument(source)[0].render(scale=dpi / 72, grayscale=True).to_pil()
    poster = pdfium.PdfDocument.new()
    _image_page(poster, image, width, width * image.size[1] / image.size[0], 90)
    return _saved(poster)


def _image_page(pdf: Any, image: Any, width: float, height: float, jpeg_quality: int) -> None:
    """A new page of ``width`` × ``height`` points in ``pdf`` that is ``image`` (a JPEG of it)."""
    import io

    import pypdfium2 as pdfium

    jpeg = io.BytesIO()
    image.save(jpeg, format="JPEG", quality=jpeg_quality)
    page = pdf.new_page(width, height)
    picture = pdfium.PdfImage.new(pdf)
    picture.load_jpeg(io.BytesIO(jpeg.getvalue()), inline=True)
    picture.set_matrix(pdfium.PdfMatrix().scale(width, height))
    page.insert_obj(picture)
    page.gen_content()


def _saved(pdf: Any) -> bytes:
    import io

    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()
