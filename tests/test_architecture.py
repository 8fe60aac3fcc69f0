"""The layout is a rule, not a habit: which folder may import what, which one
module owns each heavy library, and how long a module or function may grow."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PIPELINE = ROOT / "pipeline"
SHARED = {
    "models",
    "vocabulary",
    "records",
    "errors",
    "settings",
    "years",
    "filters",
}  # every stage may use these
MAY_IMPORT: dict[str, set[str]] = {
    "read": SHARED | {"read"},
    "extract": SHARED | {"extract"},
    "store": SHARED | {"store"},
    "answer": SHARED | {"store", "extract", "answer"},
    "output": {"models", "vocabulary", "records", "output"},
    "ingest": SHARED | {"read", "extract", "store", "ingest"},
    "web": SHARED | {"answer", "output", "read", "web"},  # a second face on the answers, like cli.py
    "models": {"vocabulary"},
    "vocabulary": set(),
    "errors": set(),
    "settings": set(),
    "years": set(),
    "filters": {"years"},
    "records": {"records"},
}
OWNERS = {
    "pdfplumber": {"read/pdf.py"},
    "pypdfium2": {"read/pdf.py"},
    "tantivy": {"store/index.py"},
    "spacy": {"extract/nlp.py"},
    "sqlite3": {
        "store/catalog.py",
        "store/connection.py",
        "store/reads.py",
        "store/schema.py",
        "extract/lexicon.py",
    },  # + word lists
    "subprocess": {"read/ocr.py"},  # the OCR engine (Tesseract) is run as a command
    "distributed": {"ingest/cluster.py"},  # Dask: --cluster
    "dask": {"ingest/cluster.py"},
}


def modules() -> list[Path]:
    return sorted(p for p in PIPELINE.rglob("*.py") if p.name != "__init__.py")


def imports(path: Path, text: str | None = None) -> set[str]:
    """Dotted names a module imports, relative imports resolved."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text() if text is None else text)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            name = ".".join([*base, node.module] if node.module else base)
            found.add(name)
            if node.module is None:  # from . import x
                found |= {f"{name}.{alias.name}" for alias in node.names}
    return found


def stage_of(name: str) -> str:
    return name.split(".")[1]


def forbidden(path: Path, text: str | None = None) -> set[str]:
    """The stages ``path`` imports that its folder may not."""
    own = stage_of(".".join(path.relative_to(ROOT).with_suffix("").parts))
    ours = {stage_of(n) for n in imports(path, text) if n.startswith("pipeline.")}
    return ours - MAY_IMPORT[own]


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PIPELINE)))
def test_a_folder_imports_only_what_it_may(path: Path) -> None:
    assert not forbidden(path)


@pytest.mark.parametrize("library", sorted(OWNERS))
def test_one_module_owns_each_heavy_library(library: str) -> None:
    users = {
        str(p.relative_to(PIPELINE))
        for p in modules()
        if any(n == library or n.startswith(library + ".") for n in imports(p))
    }
    assert users == OWNERS[library]


def test_the_rule_sees_forbidden_imports() -> None:
    assert forbidden(PIPELINE / "output" / "probe.py", "from ..store.catalog import Catalog\n") == {"store"}
    assert forbidden(PIPELINE / "extract" / "probe.py", "from pipeline.store import index\n") == {"store"}
    assert forbidden(PIPELINE / "read" / "probe.py", "from .. import ingest\n") == {"ingest"}
    assert not forbidden(PIPELINE / "answer" / "probe.py", "from ..store.catalog import Catalog\n")


def test_no_module_over_400_lines_no_function_over_40() -> None:
    too_long = []
    for path in [
        *modules(),
        *(ROOT / f"{name}.py" for name in ("cli", "options", "ingest_cli", "serve_cli", "watch_cli")),
    ]:
        tree = ast.parse(path.read_text())
        if len(path.read_text().splitlines()) > 400:
            too_long.append(f"{path.name}: {len(path.read_text().splitlines())} lines")
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > 40:
                    too_long.append(f"{path.name}:{node.name} {length} lines")
    assert not too_long
