"""Generate a synthetic corpus of Swedish municipal PDFs for benchmarks.

Sentences come from the seed texts in ../shared/seeds (or the bundled corpus),
shuffled and with their numbers changed, so that every page is different and
nothing is a duplicate; each document has a running header and a title line
that makes it a plan, a report or a party statement of some board and year.

    python bench/generate.py OUT_DIR --pages 100000 --pages-per-doc 20
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import pdfgen  # noqa: E402

BOARDS = [
    "Trygghets- och delaktighetsberedningen",
    "Socialnämnden",
    "Kultur- och fritidsnämnden",
    "Miljö- och samhällsbyggnadsnämnden",
    "Grundskolenämnden",
    "Kommunstyrelsen",
]
LINES = 28  # about 2,000 characters a page, as in the sample corpus (1,600 on average)
KINDS = ["Verksamhetsplan för", "Verksamhetsberättelse för", "Ärende 7: Verksamhetsplan för"]


def sentences() -> list[str]:
    seeds = ROOT.parent / "shared" / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))] if seeds.is_dir() else []
    if not texts:
        import pypdfium2 as pdfium

        for pdf_path in sorted((ROOT / "corpus").glob("*.pdf")):
            pdf = pdfium.PdfDocument(str(pdf_path))
            texts += [page.get_textpage().get_text_range().replace("\r\n", "\n") for page in pdf]
    joined = " ".join(" ".join(t.split()) for t in texts)
    found = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", joined) if 40 < len(s) < 400]
    return [s.replace("\uf0b7", "-") for s in found]


def page_lines(rng: random.Random, pool: list[str], header: str) -> list[str]:
    lines = [header]
    while len(lines) < LINES:
        sentence = re.sub(r"\d+", lambda m: str(rng.randint(1, 999)), rng.choice(pool))
        if rng.random() < 0.08:
            lines.append(f"{rng.randint(1, 14)}. {' '.join(sentence.split()[:5]).rstrip('.,')}")
        lines.extend(textwrap.wrap(sentence, 88))
    return lines[:LINES]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--pages-per-doc", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = sentences()
    args.out.mkdir(parents=True, exist_ok=True)
    docs = args.pages // args.pages_per_doc
    for n in range(docs):
        board, year, kind = rng.choice(BOARDS), rng.randint(2012, 2024), rng.choice(KINDS)
        title = f"{kind} {board.lower()} {year}"
        pages = [page_lines(rng, pool, f"{board} {year}") for _ in range(args.pages_per_doc)]
        pages[0][1:1] = [title, "Protokollsanteckning" if kind.startswith("Ärende") else "Inledning"]
        (args.out / f"doc-{n:06d}.pdf").write_bytes(pdfgen.text_pages(pages))
    print(f"{docs} documents, {docs * args.pages_per_doc} pages in {args.out}")


if __name__ == "__main__":
    main()
