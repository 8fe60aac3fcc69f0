"""Shingle hashes: each word's 64-bit hash (blake2b, once per distinct word), a shingle's
words combined as a polynomial, then mixed (splitmix64's finaliser) so that the 1-in-N sample
does not follow a few bits of the words; all in numpy's wrapping uint64 arithmetic."""

from __future__ import annotations

import functools
import hashlib

import numpy

_BASE = numpy.uint64(0x100000001B3)
_MIX = (numpy.uint64(0xBF58476D1CE4E5B9), numpy.uint64(0x94D049BB133111EB))
_SHIFTS = (numpy.uint64(30), numpy.uint64(27), numpy.uint64(31), numpy.uint64(1))


@functools.lru_cache(maxsize=1 << 20)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "big")


def sampled_hashes(tokens: list[str], shingle: int, sample: int) -> list[int]:
    """The sampled hashes of the tokens' 5-grams, sorted, as signed 63-bit ints."""
    count = len(tokens) - shingle + 1
    if count <= 0:
        return []
    each = numpy.fromiter(map(_word_hash, tokens), dtype=numpy.uint64, count=len(tokens))
    value = each[:count].copy()
    for k in range(1, shingle):
        value = value * _BASE + each[k : k + count]
    value ^= value >> _SHIFTS[0]
    value *= _MIX[0]
    value ^= value >> _SHIFTS[1]
    value *= _MIX[1]
    value ^= value >> _SHIFTS[2]
    value >>= _SHIFTS[3]
    sampled: list[int] = numpy.unique(value[value % numpy.uint64(sample) == 0]).tolist()
    return sampled
