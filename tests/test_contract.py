"""The JSON contract: the README's field lists are the records' fields, and the answers
and their faces (output, web) hand records, never untyped dicts, to each other."""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass

import pytest

import pipeline.records as records
from conftest import ROOT

LISTED = re.compile(r"^- `(\w+)` — .*: `([^`]+)`$")


def listed() -> dict[str, list[str]]:
    """The README's 'JSON fields': record name -> its fields, in order."""
    text = (ROOT / "README.md").read_text()
    section = text.split("## JSON fields", 1)[1].split("\n## ", 1)[0]
    found = (LISTED.match(line) for line in section.splitlines())
    return {m.group(1): [f.strip() for f in m.group(2).split(",")] for m in found if m}


def contract(cls: type[records.Record]) -> list[str]:
    return [f.name for f in fields(cls) if f.name not in cls.HIDDEN]  # type: ignore[arg-type]


def test_the_readme_lists_every_answer_record() -> None:
    records_of = {
        name
        for name, value in vars(records).items()
        if isinstance(value, type) and is_dataclass(value) and issubclass(value, records.Record)
    }
    assert records_of - {"DocumentView"} == set(listed())  # a document's view: its entry and content


@pytest.mark.parametrize("name", sorted(listed()))
def test_a_records_json_is_the_readmes_field_list(name: str) -> None:
    assert listed()[name] == contract(getattr(records, name))


def test_a_record_prints_its_fields_in_order() -> None:
    hit = records.AlsoIn("a.pdf", "3–4")
    assert hit.to_json() == {"path": "a.pdf", "pages": "3–4"} and hit["pages"] == "3–4"
    empty = records.SearchResult("x", 0, [], {}, ("y",), unindexed=2)
    assert list(empty.to_json()) == [
        "query",
        "total",
        "hits",
        "facets",
        "suggestions",
        "unfiltered",
        "without",
    ]
    found = records.SearchResult("x", 1, [], {}, ())
    assert list(found.to_json()) == ["query", "total", "hits", "facets"]  # with hits: no why-not


def test_a_snippets_marks_are_offsets_into_its_text() -> None:
    snippet = records.Snippet("Här  står\n trygghetsdialogerna.", ((11, 30),))
    assert snippet.first_mark() == "trygghetsdialogerna"
    flat = snippet.collapsed()
    assert flat.text == "Här står trygghetsdialogerna." and flat.first_mark() == "trygghetsdialogerna"
    assert flat.marked("**", "**") == "Här står **trygghetsdialogerna**."


@pytest.mark.parametrize("folder", ["answer", "output", "web"])
def test_answers_and_their_faces_pass_no_untyped_dicts(folder: str) -> None:
    untyped = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "pipeline" / folder).rglob("*.py"))
        for n, line in enumerate(path.read_text().splitlines(), start=1)
        if "dict[str, Any]" in line
    ]
    assert untyped == []
