"""The only module that runs the OCR engine: Tesseract, through its command line.

A page image (PNG, rendered by pdf.py) goes to ``tesseract … tsv`` with Swedish and
English together and automatic page segmentation with orientation detection, so a
page scanned at 90°, 180° or 270° reads right. Each word comes with a confidence.
Results are cached on disk by the image's hash and the OCR settings: a re-ingest, a
duplicate scan or a run killed half-way never OCRs a page twice.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import HandlingarError
from ..models import UPPER, Line

LANGUAGES = "swe"  # alone: swe+eng read Ö as O and ä as a on Alingsås KF 2018 (issue 16)
PSM = "1"  # automatic page segmentation with orientation and script detection
REPAIRS = "r3"  # the version of repair(): a cached page is read again when it changes


class OcrUnavailable(HandlingarError):
    """Tesseract or its Swedish model is not installed."""


@dataclass(frozen=True)
class OcrPage:
    lines: tuple[Line, ...]
    confidence: float  # mean word confidence, 0–100
    cached: bool = False


@functools.lru_cache(maxsize=1)
def engine() -> str:
    """Tesseract's version line; OcrUnavailable when it or its Swedish model is missing."""
    binary = shutil.which("tesseract")
    if binary is None:
        raise OcrUnavailable("tesseract är inte installerat")
    langs = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, check=False).stdout
    if "swe" not in langs.split():
        raise OcrUnavailable("tesseracts svenska modell (tesseract-ocr-swe) är inte installerad")
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, check=False)
    return (version.stdout or version.stderr).splitlines()[0].strip()


def installed() -> bool:
    try:
        engine()
    except OcrUnavailable:
        return False
    return True


def recognise(png: bytes, dpi: int, cache: Path, timeout_s: float) -> OcrPage:
    """The text of one page image, from the cache when this image was read before."""
    key = hashlib.sha256(png + f"|{engine()}|{LANGUAGES}|{PSM}|{dpi}|{REPAIRS}".encode()).hexdigest()
    stored = cache / key[:2] / f"{key}.json"
    if stored.is_file():
        data = json.loads(stored.read_text(encoding="utf-8"))
        return OcrPage(tuple(Line(t) for t in data["lines"]), float(data["confidence"]), cached=True)
    page = _run(png, dpi, timeout_s)
    _store(stored, {"lines": [line.text for line in page.lines], "confidence": page.confidence})
    return page


def _run(png: bytes, dpi: int, timeout_s: float) -> OcrPage:
    args = ["tesseract", "stdin", "stdout", "-l", LANGUAGES, "--psm", PSM, "--dpi", str(dpi), "tsv"]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one thread each: pages run in parallel instead
    try:
        done = subprocess.run(args, input=png, capture_output=True, timeout=timeout_s, env=env, check=False)
    except subprocess.TimeoutExpired:
        return OcrPage((), 0.0)
    return parse_tsv(done.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> OcrPage:
    """Tesseract's TSV: words (level 5) grouped into their lines, in reading order."""
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences: list[float] = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        key = (int(cells[2]), int(cells[3]), int(cells[4]))
        lines.setdefault(key, []).append(cells[11].strip())
        confidences.append(max(0.0, float(cells[10])))
    text = tuple(Line(repair(" ".join(words))) for words in lines.values())
    return OcrPage(text, round(sum(confidences) / len(confidences), 1) if confidences else 0.0)


# Tesseract reads '§' as '8' and a bullet as 'e'. Put them back where nothing else fits: after
# a meeting's year ('5 maj 2021 8 24' -> '5 maj 2021 § 24'), opening a line before a title
# ('8 12 Val av'), and a lone letter opening a line before a capital ('e Remisser').
_PARAGRAPH_MISREADS = (
    (re.compile(r"(\b(?:19|20)\d\d) 8 ?(\d{1,4})\b"), r"\1 § \2"),
    (re.compile(rf"^8 ?(\d{{1,4}}) (?=[{UPPER}][a-zåäö])"), r"§ \1 "),
    (re.compile(rf"^[e©®°«] (?=[{UPPER}])"), "• "),  # a bullet read as a letter: 'e Remisser'
    (re.compile(r"^(Ärenden|Paragrafer)\s+(\d{1,3})8\s*[-–]\s*(\d{1,3})8$"), r"\1 \2§–\3§"),  # '108-198'
)


def repair(line: str) -> str:
    for pattern, replacement in _PARAGRAPH_MISREADS:
        line = pattern.sub(replacement, line)
    return line


def _store(path: Path, data: dict[str, object]) -> None:
    """Write atomically: a killed run leaves no half-written cache entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
    os.replace(tmp, path)
