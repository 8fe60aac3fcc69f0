"""The only module that builds the spaCy pipeline (work in progress)."""

from __future__ import annotations

from collections.abc import Sequence

from .models import Extracted, Page, Part, Speaker
from .parties import speakers_in


def warm() -> None:
    """Build the pipeline before worker processes fork."""


def extract_part(part: Part, pages: Sequence[Page]) -> Extracted:
    speakers = tuple(
        Speaker(name, party, None, page.number) for page in pages for name, party, _ in speakers_in(page.body)
    )
    return Extracted(speakers=speakers)
