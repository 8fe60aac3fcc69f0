"""Swedish words for search: the lemma of a word form, and the parts of a compound.

Built once from two word lists the project already depends on, never by hand:
spacy-lookups-data's Swedish lemma table (660k forms -> lemma) and the hunspell-sv
dictionary, whose flags say which words may begin, stand inside or end a
compound and which suffixes make a word's compound-joining form ('trygghet' ->
'trygghets', 'skola' -> 'skol', 'gata' -> 'gatu'). A compound is split only into
parts the dictionary allows there: 'trygghets|kameror', 'ungdoms|dialoger',
'skol|verksamhets|lokaler'; 'ansvar' is not 'ans|var' ('ans' may not begin one).

The lists are kept as one SQLite file in a cache folder (built in a few seconds
the first time, opened in a millisecond after that); a search looks up only the
words it meets.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution, version
from pathlib import Path

FORMAT = "9"
MIN_PART = 3  # letters in each part of a compound
MAX_PARTS = 4  # hunspell-sv's COMPOUNDWORDMAX
MIN_COMPOUND = 2 * MIN_PART
BEGIN, MIDDLE, END, ONLY_IN_COMPOUND, FORBIDDEN = "X", "U", "Y", "Z", "%"


def _data_file(package: str, name: str) -> Path | None:
    try:
        files = distribution(package).files or []
    except PackageNotFoundError:
        return None
    found = next((f for f in files if f.name == name), None)
    return Path(str(found.locate())) if found is not None else None


@functools.lru_cache(maxsize=1)
def _key() -> str:
    """Which word lists (and which rules) a lexicon file was built from (asked once per
    process: reading installed packages' metadata takes tens of milliseconds)."""
    parts = [FORMAT, str(MIN_PART), str(MAX_PARTS)]
    for package in ("spacy-lookups-data", "hunspell-sv"):
        try:
            parts.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            parts.append(f"{package}=none")
    return hashlib.sha256(" ".join(parts).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class _Rule:
    strip: str
    add: str
    flags: str  # the continuation flags of the form it makes
    condition: re.Pattern[str]


def _suffix_rules(aff: Path) -> dict[str, list[_Rule]]:
    """hunspell suffix rules whose forms may stand in a compound (continuation X or U)."""
    rules: dict[str, list[_Rule]] = {}
    for line in aff.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) < 5 or fields[0] != "SFX":
            continue
        flag, strip, add, condition = fields[1], fields[2], fields[3], fields[4]
        word, _, flags = add.partition("/")
        if BEGIN in flags or MIDDLE in flags:
            rules.setdefault(flag, []).append(
                _Rule(
                    "" if strip == "0" else strip,
                    "" if word == "0" else word,
                    flags,
                    re.compile(condition + "$"),
                )
            )
    return rules


def _entries(dic: Path) -> Iterator[tuple[str, str]]:
    """(lowercase stem, flags) of the dictionary, without forbidden words."""
    for line in dic.read_text(encoding="utf-8").splitlines()[1:]:
        stem, _, flags = line.partition("/")
        if stem.islower() and stem.isalpha() and FORBIDDEN not in flags:
            yield stem, flags


def _joining_forms(stem: str, flags: str, rules: dict[str, list[_Rule]]) -> Iterator[tuple[str, str]]:
    """(form, 'X' or 'U'): how the stem is written at the start or inside a compound."""
    for place in (BEGIN, MIDDLE):
        if place in flags:
            yield stem, place
    for flag in flags:
        for rule in rules.get(flag, []):
            if rule.condition.search(stem) and stem.endswith(rule.strip):
                form = stem[: len(stem) - len(rule.strip)] + rule.add
                for place in (BEGIN, MIDDLE):
                    if place in rule.flags and form.isalpha():
                        yield form, place


def _build(path: Path) -> None:
    table_file = _data_file("spacy-lookups-data", "sv_lemma_lookup.json.gz")
    table: dict[str, str] = json.loads(gzip.decompress(table_file.read_bytes())) if table_file else {}
    dic, aff = _data_file("hunspell-sv", "sv_SE.dic"), _data_file("hunspell-sv", "sv_SE.aff")
    entries = list(_entries(dic)) if dic and aff else []
    rules = _suffix_rules(aff) if aff else {}
    whole = {stem for stem, flags in entries if ONLY_IN_COMPOUND not in flags}
    lemmas = {v.lower() for v in table.values()}
    joins: dict[tuple[str, str], str] = {}
    for stem, flags in entries:
        lemma = _part_lemma(stem, lemmas)
        for form, place in _joining_forms(stem, flags, rules):
            known = joins.get((form, place))
            if known is None or _rank(lemma, lemmas) < _rank(known, lemmas):
                joins[(form, place)] = lemma
    ends = {stem for stem, flags in entries if END in flags and ONLY_IN_COMPOUND not in flags}
    listed = set(table) | set(table.values()) | (_lowercase_stems(dic) if dic else set())
    temp = path.with_name(path.name + f".{id(path)}.tmp")
    conn = sqlite3.connect(temp)
    with conn:
        conn.executescript(
            "CREATE TABLE forms (form TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID;"
            "CREATE TABLE joins (form TEXT, place TEXT, lemma TEXT NOT NULL, PRIMARY KEY (form, place))"
            " WITHOUT ROWID;"
            "CREATE TABLE ends (lemma TEXT PRIMARY KEY) WITHOUT ROWID;"
            "CREATE TABLE known (word TEXT PRIMARY KEY) WITHOUT ROWID;"
        )
        for key in (lambda k: k, str.lower):  # as written (spaCy's lookup), then case-folded (a search's)
            conn.executemany(
                "INSERT OR IGNORE INTO forms VALUES (?, ?)", ((key(k), v) for k, v in table.items())
            )
        conn.executemany(
            "INSERT INTO joins VALUES (?, ?, ?)", ((f, p, lemma) for (f, p), lemma in joins.items())
        )
        conn.executemany("INSERT INTO ends VALUES (?)", ((e,) for e in ends))
        conn.executemany("INSERT INTO known VALUES (?)", ((w,) for w in listed))
        conn.executemany("INSERT OR IGNORE INTO forms VALUES (?, ?)", ((w, w) for w in whole))  # 'storlek'
    conn.close()
    temp.replace(path)  # whole or not at all: another process may be reading the old one


def _lowercase_stems(dic: Path) -> set[str]:
    """The hunspell-sv stems written in lower case (uninflected words the lemma table
    lacks: 'samt', 'kring', 'gentemot'; not its names and acronyms, 'AT', 'Säta')."""
    lines = dic.read_text(encoding="utf-8").splitlines()[1:]
    return {stem for stem in (line.split("/", 1)[0] for line in lines) if stem.islower()}


def _part_lemma(stem: str, lemmas: set[str]) -> str:
    """The word a compound part stands for: 'skol' -> 'skola', 'medborgar' -> 'medborgare',
    'ränt' -> 'ränta' (a lemma of the table, where one fits)."""
    if stem in lemmas:
        return stem
    shorter = [stem[:-1] + "e", stem[:-1]] if stem.endswith(("s", "e")) else []
    shorter += [stem[:-1] + "a"] if stem.endswith(("o", "u")) else []  # 'hälso' -> 'hälsa', 'gatu' -> 'gata'
    return next((word for word in [stem + "a", stem + "e", *shorter, stem + "er"] if word in lemmas), stem)


def _rank(lemma: str, lemmas: set[str]) -> tuple[bool, int]:
    """Which of two words a joining form stands for: a lemma of the table, then the
    shorter ('besluts' is beslut's, not besluta's)."""
    return (lemma not in lemmas, len(lemma))


def _cache_file(cache_dir: Path) -> Path:
    path = cache_dir / f"lexicon-{_key()}.sqlite"
    if path.is_file():
        return path
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        _build(path)
    except OSError:  # a cache folder that cannot be written: build one for this process
        path = Path(tempfile.mkdtemp(prefix="handlingar-lexicon-")) / path.name
        _build(path)
    return path


class Lexicon:
    """Lemmas and compound parts of lowercase Swedish words, each word looked up once."""

    def __init__(self, cache_dir: Path) -> None:
        self.path = _cache_file(cache_dir)
        self._conn: sqlite3.Connection | None = None
        self._pid = 0
        self.key = self.path.stem.removeprefix("lexicon-")
        self._lemmas: dict[str, str] = {}
        self._known: dict[str, bool] = {}
        self._parts: dict[str, tuple[str, ...]] = {}

    @property
    def conn(self) -> sqlite3.Connection:
        """This process's connection: a reader forked from the process that opened the file
        opens its own (SQLite connections do not survive a fork)."""
        if self._conn is None or self._pid != os.getpid():
            where = f"file:{self.path}?mode=ro&immutable=1"  # never changed in place: no locks
            self._conn = sqlite3.connect(where, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._conn

    def close(self) -> None:
        if self._conn is not None and self._pid == os.getpid():
            self._conn.close()
        self._conn = None

    def knows(self, word: str) -> bool:
        """Whether a word (as written) is a form or a lemma of the table or a lowercase
        stem of the dictionary."""
        found = self._known.get(word)
        if found is None:
            row = self.conn.execute("SELECT 1 FROM known WHERE word = ?", (word,)).fetchone()
            found = self._known[word] = row is not None
        return found

    def lemma(self, word: str) -> str:
        """The lemma of a lowercase word form; a compound the table lacks gets its head's
        ('trygghetskamerorna' -> 'trygghetskamera'); an unknown word is its own."""
        found = self._lemmas.get(word)
        if found is None:
            found = self._lemmas[word] = self._lemma(word)
        return found

    def _table_lemma(self, form: str) -> str | None:
        """The lemma the word lists give a form, case-folded, or None for a form they lack."""
        found = self.looked_up(form)
        return None if found is None else found.lower()

    def looked_up(self, form: str) -> str | None:
        """The lemma table's entry for a form as written ('Nämnderna' is not 'nämnderna'), as
        spaCy's lookup lemmatizer reads it; None for a form it lacks."""
        row = self.conn.execute("SELECT lemma FROM forms WHERE form = ?", (form,)).fetchone()
        return None if row is None else str(row[0])

    def _lemma(self, word: str) -> str:
        known = self._table_lemma(word)
        if known is not None:
            return known
        split = self._split(word)
        if split:
            head = split[-1]
            return word[: len(word) - len(head[0])] + head[1]
        return word

    def parts(self, word: str) -> tuple[str, ...]:
        """The lemmas of a compound's parts, first to head, and of the head's own parts
        ('stadsbyggnadsnämnden' -> stad, byggnadsnämnd, byggnad, nämnd); () for a word
        that is not a compound."""
        found = self._parts.get(word)
        if found is None:
            lemmas = [lemma for _, lemma in self._split(word)]
            inner = list(self.parts(lemmas[-1])) if lemmas and lemmas[-1] != word else []  # the head's own
            found = self._parts[word] = tuple(dict.fromkeys(lemmas + inner))
        return found

    def _split(self, word: str) -> list[tuple[str, str]]:
        """(as written, lemma) of each part of the shortest split into allowed parts."""
        if len(word) < MIN_COMPOUND or not word.isalpha():
            return []
        found = _best(self, word, BEGIN, MAX_PARTS) or []
        known = self._table_lemma(word) if found else None
        if known is not None and not _fits(known, found):
            return []
        return found or self._named_head(word)

    def _named_head(self, word: str) -> list[tuple[str, str]]:
        """A word the lists lack that ends in one they know is a name's compound: a place's
        or a project's ('nolhagaområdet' -> nolhaga, område; 'vasaparken' -> vasa, park)."""
        if self.knows(word):
            return []
        for cut in range(MIN_PART + 1, len(word) - MIN_PART - 1):  # the longest known end first
            head = self.ends(word[cut:])
            if head is not None:
                return [(word[:cut], word[:cut]), (word[cut:], head)]
        return []

    def joined(self, form: str, place: str) -> str | None:
        row = self.conn.execute(
            "SELECT lemma FROM joins WHERE form = ? AND place = ?", (form, place)
        ).fetchone()
        return None if row is None else str(row[0])

    def ends(self, form: str) -> str | None:
        """The lemma of a form that may end a compound."""
        table = self._table_lemma(form) or form
        found = [
            w
            for w in {form, table}
            if self.conn.execute("SELECT 1 FROM ends WHERE lemma = ?", (w,)).fetchone()
        ]
        if len(form) <= MIN_PART and table != form:
            return None  # a short inflected head is more often a word's ending: 'ekonomi|ska'
        # the shorter: 'intäkter' -> 'intäkt', but 'avgift' not 'avgifta' ('nämnd' not 'nämna')
        return min(found, key=lambda w: (len(w), w != form)) if found else None


def _fits(lemma: str, split: list[tuple[str, str]]) -> bool:
    """Whether a known word may be split so: its lemma ends with the head's, and no part is
    short ('ungdomar' is not ung + domar, 'storlek' not stor + lek)."""
    return lemma.endswith(split[-1][1]) and min(len(p) for p, _ in split) > MIN_PART


def _best(lex: Lexicon, rest: str, place: str, room: int) -> list[tuple[str, str]] | None:
    """The split of ``rest`` into fewest parts (the longest head among equals), or None."""
    if room < 2:
        return None
    best: list[tuple[str, str]] | None = None
    for cut in range(MIN_PART, len(rest) - MIN_PART + 1):
        first = lex.joined(rest[:cut], place)
        if first is None or rest[cut - 2 : cut] == rest[cut - 1] * 2 == rest[cut : cut + 1] * 2:
            continue  # hunspell's CHECKCOMPOUNDTRIPLE: 'matt|tvätt' is written 'mattvätt'
        tail = rest[cut:]
        head = lex.ends(tail)
        found = [(tail, head)] if head is not None else _best(lex, tail, MIDDLE, room - 1)
        if found is not None and (best is None or len(found) + 1 < len(best)):
            best = [(rest[:cut], first), *found]
    return best
