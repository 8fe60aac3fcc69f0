"""Repeated appendices: the same text inside one PDF and across PDFs.

Each part's body text (running headers and page breaks left out) is cut into
word 5-gram shingles; a fixed 1-in-4 sample of their hashes goes into an
inverted index in the catalog. A new part looks up only the parts that share
sampled shingles with it (never a pass over the corpus; shingles held by more
than 100 parts are boilerplate and lead nowhere; only the rarest of its
shingles are looked up — prefix filtering, see Reads.shingle_candidates),
and a candidate is confirmed with rapidfuzz on the whole text.

Canonical copy rule: the most complete copy (most body characters; copies
within 2 % of the longest count as equally complete), then a standalone
document before an appendix, then the earliest document date, then the lowest
document id and part order. The rule depends only on the copies, so the
answer is the same whatever order the files are ingested in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..models import Document
from .catalog import Catalog

SHINGLE = 5
SAMPLE = 4
MIN_WORDS = 80
CANDIDATE_SHARE = 0.6  # shared sampled shingles / the larger part's: a Jaccard-like bound
CONFIRM = 0.90
MAX_PARTS_PER_SHINGLE = 100  # a shingle in more parts than this is boilerplate: not a lead
EQUALLY_COMPLETE = 0.98


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def shingles(text: str) -> list[int]:
    """Sampled hashes of word 5-grams (signed 63-bit, fits SQLite INTEGER)."""
    return _hashes(words(text))


def _hashes(tokens: list[str]) -> list[int]:
    """The sampled hashes of the tokens' 5-grams (hashing.py: numpy, loaded only when a
    part is cut into shingles, so an unchanged re-ingest never loads it)."""
    from .hashing import sampled_hashes

    return sampled_hashes(tokens, SHINGLE, SAMPLE)


def normalised(text: str) -> str:
    return " ".join(words(text))


def similarity(a: str, b: str, cutoff: float = 0.0) -> float:
    """rapidfuzz's normalised Indel similarity of the word sequences, 0..1
    (0 when below ``cutoff``: rapidfuzz then stops early)."""
    return round(fuzz.ratio(normalised(a), normalised(b), score_cutoff=cutoff * 100) / 100.0, 4)


@dataclass(frozen=True)
class Copy:
    part_id: int
    document_id: str
    seq: int
    chars: int
    standalone: bool
    date: str


def _canonical(copies: Sequence[Copy]) -> Copy:
    longest = max(c.chars for c in copies)
    complete = [c for c in copies if c.chars >= EQUALLY_COMPLETE * longest]
    return min(complete, key=lambda c: (not c.standalone, c.date, c.document_id, c.seq))


def part_shingles(doc: Document) -> dict[int, tuple[int, ...]]:
    """Each comparable part's sampled shingles, by part seq (run by the reader, in
    parallel, so the process that stores documents only looks them up)."""
    found = {}
    for part in doc.parts:
        tokens = words(doc.part_text(part))
        if len(tokens) >= MIN_WORDS:
            found[part.seq] = tuple(_hashes(tokens))
    return found


def recover(catalog: Catalog) -> int:
    """Cut again the shingles a killed run held in memory (see shingles.py); how many parts."""
    missing = catalog.shingles.missing_shingles()
    for part_id in missing:
        catalog.shingles.store_shingles(part_id, shingles(catalog.reads.part_text(part_id)))
    catalog.shingles.flush_shingles()
    return len(missing)


def update(catalog: Catalog, doc: Document, part_ids: Sequence[int]) -> set[int]:
    """Index the new document's parts for dedup and regroup where they repeat
    earlier text. Returns the ids of parts whose canonical status changed."""
    changed: set[int] = set()
    cut = doc.shingles if doc.shingles is not None else part_shingles(doc)
    for part, part_id in zip(doc.parts, part_ids, strict=True):
        if part.seq not in cut:
            continue
        text = doc.part_text(part)
        hashes = list(cut[part.seq])
        catalog.shingles.store_shingles(part_id, hashes)
        matches = _confirmed(catalog, part_id, text, hashes)
        if matches:
            changed |= _regroup(catalog, part_id, matches)
    return changed


def _confirmed(catalog: Catalog, part_id: int, text: str, hashes: list[int]) -> list[int]:
    found = []
    leads = catalog.shingles.shingle_candidates(part_id, hashes, MAX_PARTS_PER_SHINGLE, CANDIDATE_SHARE)
    for other, shared, size in leads:
        if shared < CANDIDATE_SHARE * max(size, len(hashes)):
            continue
        if similarity(text, catalog.reads.part_text(other), CONFIRM) >= CONFIRM:
            found.append(other)
    return found


def _regroup(catalog: Catalog, part_id: int, matches: list[int]) -> set[int]:
    roots = {catalog.reads.near.canonical_of(m) for m in matches}
    members = {part_id} | roots
    for root in roots:
        members |= set(catalog.reads.near.repeat_ids(root))
    copies = [Copy(**row) for row in catalog.reads.near.copies(sorted(members))]
    winner = _canonical(copies)
    winner_text = catalog.reads.part_text(winner.part_id)
    before = {c.part_id: catalog.reads.near.canonical_of(c.part_id) for c in copies}
    updates: list[tuple[int, int | None, float | None]] = []
    for c in copies:
        if c.part_id == winner.part_id:
            updates.append((c.part_id, None, None))
        else:
            score = similarity(winner_text, catalog.reads.part_text(c.part_id))
            updates.append((c.part_id, winner.part_id, score))
    catalog.set_repeats(updates)
    return {c.part_id for c in copies if before[c.part_id] != winner.part_id}
