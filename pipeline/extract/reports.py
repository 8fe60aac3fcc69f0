"""What an annual report's first page says of who made it: a housing association's name
('Brf Björk och Plaza'), which names the report and stands as its board."""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import UPPER, Meta, Page

# 'Bostadsrättsföreningen Björk och Plaza', 'Brf Björk och Plaza', 'Styrelsen för Bostadsrätts-
# föreningen Stäppan i Leksand får härmed …', 'HSB Bostadsrättsförening Lönnen i Jönköping'
ASSOCIATION_RE = re.compile(
    rf"""\b(
      (?:HSB\ |Riksbyggens?\ )?                          # 'HSB ', 'Riksbyggen '
      (?:Bostadsrättsförening(?:en)?|Brf|BRF)\s+          # 'Bostadsrättsföreningen ', 'BRF '
      [{UPPER}0-9][\w&.-]*                                # the name: 'Stäppan'
      (?:\s+(?:och|i|nr|på|vid|[{UPPER}0-9][\w&.-]*))*    # and its words: ' i Leksand', ' och Plaza'
    )""",
    re.VERBOSE,
)


def annual_report(meta: Meta, page: Page) -> Meta:
    """An association's annual report named for its association and year ('Årsredovisning
    Bostadsrättsföreningen Björk och Plaza 2021'), the association as its board; the page
    writes the name on one line or over two ('Bostadsrättsföreningen' / 'Björk och Plaza')."""
    lines = [x.strip() for x in (page.furniture + "\n" + page.body).split("\n") if x.strip()][:14]
    joined = [
        f"{a} {b}" if a in ("Bostadsrättsföreningen", "Bostadsrättsförening") else a
        for a, b in zip(lines, [*lines[1:], ""], strict=True)
    ]
    found = next((m.group(1) for m in map(ASSOCIATION_RE.search, joined) if m), None)
    if found is None:
        return meta
    name = re.sub(r"\s+(?:i|och|nr|på|vid)$", "", found.strip())
    words = meta.title.split()
    title = " ".join(x for x in (words[0] if words else "Årsredovisning", name, str(meta.year or "")) if x)
    return replace(meta, title=title if len(words) <= 2 else meta.title, board=name)
