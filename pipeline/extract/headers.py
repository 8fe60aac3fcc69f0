"""A table's header and caption: the lines above its first row that name its columns (a
group's header over its columns heads each of them: 'Utfall 2018 Intäkter'), and the short
lines above those that title it ('Drift', 'Belopp i tkr')."""

from __future__ import annotations

from collections.abc import Sequence

from .words import Phrase, TextLine, band_of, covered, is_figure, valued

HEADER_LINES = 8
HEADER_SKIPS = 3  # lines between a header and the first row: a group's heading ('UBN', 'Gemensamma tjänster')
HEADER_GAP_EM = 4.0  # a header stands this close above the first row (an empty row between)
CAPTION_LINES = 2
ALIGNED_LINES = 3  # header lines above a line that may share its phrases' starts
ALIGN_PT = 1.5
CAPTION_CHARS = 80  # a longer line above a table is the text's, not its caption


def header_lines(
    lines: Sequence[TextLine],
    first: int,
    bands: Sequence[tuple[float, float]],
    figured: set[int],
    label: int | None,
) -> list[TextLine]:
    """The lines above the first row that name its figures' columns (a group's heading
    between them and the rows, 'UBN', is passed over; a line of text that runs from the
    labels' column over the figures' is no header)."""
    found: list[TextLine] = []
    below = lines[first]
    skipped = 0
    for i in range(first - 1, max(-1, first - HEADER_LINES - HEADER_SKIPS - 1), -1):
        line = lines[i]
        if below.top - line.bottom > HEADER_GAP_EM * line.height or len(found) >= HEADER_LINES:
            break
        above = [x for x in lines[max(0, i - ALIGNED_LINES) : i] if _names(x, bands, figured, label)]
        if _names(line, bands, figured, label) or _aligned(line, above, bands, figured):
            found.append(line)
        elif found or skipped >= HEADER_SKIPS:
            break
        else:
            skipped += 1
        below = line
    return found[::-1]


def _names(
    line: TextLine, bands: Sequence[tuple[float, float]], figured: set[int], label: int | None
) -> bool:
    """A header's line: a phrase over a column of figures, no figure, no phrase from the
    labels' column into the figures' (a sentence, a group's heading)."""
    over = [set(covered(p, bands)) for p in line.phrases]
    if any(is_figure(p.text) for p in line.phrases):
        return False
    if label is not None and any(label in c and c & figured for c in over):
        return False
    return any(c & figured for c in over)


def _aligned(
    line: TextLine, above: Sequence[TextLine], bands: Sequence[tuple[float, float]], figured: set[int]
) -> bool:
    """The last line of a header set left in its cells ('helår' under 'Prognos-avvikelse' /
    'mot budget'), beside no figure: each phrase starts where a header phrase above over a
    column of figures starts."""
    starts = [p.x0 for x in above for p in x.phrases if set(covered(p, bands)) & figured]
    return bool(starts) and all(
        any(abs(p.x0 - x0) <= ALIGN_PT for x0 in starts) and not is_figure(p.text) for p in line.phrases
    )


def _placed(p: Phrase, head: Sequence[TextLine], bands: Sequence[tuple[float, float]]) -> list[int]:
    """The bands a header phrase heads: those it stands over; a phrase over none, the bands
    of a phrase above or below it that starts where it starts; else the nearest."""
    over = covered(p, bands)
    if over:
        return over
    for line in head:
        for q in line.phrases:
            if q is not p and abs(q.x0 - p.x0) <= ALIGN_PT and covered(q, bands):
                return covered(q, bands)
    return [band_of(p, bands)]


def tiers(head: Sequence[TextLine]) -> list[TextLine]:
    """Header lines set a little apart in height (cells of a header row centred each on its
    own) as one line: those whose heights overlap."""
    out: list[TextLine] = []
    for line in head:
        last = out[-1] if out else None
        apart = last is not None and all(
            p.x1 < q.x0 or q.x1 < p.x0 for p in line.phrases for q in last.phrases
        )
        if last is not None and apart and line.top < last.bottom - 0.2 * line.height:
            phrases = tuple(sorted((*last.phrases, *line.phrases), key=lambda p: p.x0))
            out[-1] = TextLine(phrases, last.top, max(last.bottom, line.bottom))
        else:
            out.append(line)
    return out


def headers(
    head: Sequence[TextLine], bands: Sequence[tuple[float, float]], label: int | None
) -> tuple[str, ...]:
    """Each band's header: its header lines' phrases top down; a phrase over several bands
    (a group's, 'Utfall 2018' over 'Intäkter' and 'Kostnader') heads each of them where the
    lines below name those bands one by one, else its words are the bands' own headers
    ('Kostnader Utfall netto', set too close to be parted)."""
    parts: list[list[str]] = [[] for _ in bands]
    for n, line in enumerate(head):
        below = {k for lower in head[n + 1 :] for p in lower.phrases for k in _placed(p, head, bands)}
        for p in line.phrases:
            over = _placed(p, head, bands)
            if len(over) == 1 or len(below & set(over)) >= 2:
                for k in over:
                    parts[k].append(p.text)
            else:
                for word in _words_of(p, line):
                    parts[band_of(word, bands)].append(word.text)
        _grouped(parts, line, below, bands, label)
    return tuple(" ".join(words) for words in parts)


def _grouped(
    parts: list[list[str]],
    line: TextLine,
    below: set[int],
    bands: Sequence[tuple[float, float]],
    label: int | None,
) -> None:
    """A group's header over its columns ('Period' over 'Utfall Budget Avvikelse', 'Utfall
    2018' over 'Intäkter Kostnader Netto') also heads the columns beside it that its line
    leaves unnamed and the lines below name. A group set at its columns' left (no unnamed
    column before the first group) heads the columns up to the next group; one centred over
    them, the columns nearer to it than to the next."""
    placed = [(band_of(p, bands), p) for p in line.phrases]
    groups = sorted(
        ((k, p) for k, p in placed if k != label and (label is None or k > label)),
        key=lambda kp: (kp[0], kp[1].x0),
    )
    named = {k for p in line.phrases for k in covered(p, bands) or [band_of(p, bands)]}
    if not groups or len(below) < 2 * len(line.phrases):
        return
    first = groups[0][0]
    left_set = not any(k in below and k not in named for k in range((label or -1) + 1, first))
    for k in sorted(below - named):
        if label is not None and k <= label:
            continue
        before = [p for b, p in groups if b < k]
        if left_set:
            chosen = before[-1] if before else None
        else:
            middle = (bands[k][0] + bands[k][1]) / 2
            chosen = min((p for _, p in groups), key=lambda p: abs((p.x0 + p.x1) / 2 - middle))
        if chosen is not None:
            parts[k].append(chosen.text)


def _words_of(phrase: Phrase, line: TextLine) -> list[Phrase]:
    """A phrase's words, each placed as evenly along the phrase as its letters go."""
    words = phrase.text.split(" ")
    width = (phrase.x1 - phrase.x0) / max(len(phrase.text), 1)
    out, at = [], phrase.x0
    for word in words:
        out.append(Phrase(word, at, at + width * len(word), line.top, line.bottom))
        at += width * (len(word) + 1)
    return out


def caption(lines: Sequence[TextLine], above: int) -> str:
    """The lines just above a table's header that stand alone: its caption ('Drift')."""
    found: list[str] = []
    below = lines[above] if above < len(lines) else None
    for line in reversed(lines[max(0, above - CAPTION_LINES) : above]):
        if below is not None and below.top - line.bottom > 3 * line.height:
            break
        if len(line.phrases) > 1 or valued(line) or len(line.text) > CAPTION_CHARS or line.text.endswith("."):
            break
        found.append(line.text)
        below = line
    return " ".join(found[::-1])
