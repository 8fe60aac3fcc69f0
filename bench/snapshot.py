"""Every command's --json output on a corpus, as one JSON file, to compare two versions.

    python bench/snapshot.py OUT.json [FOLDER ...]     (default: corpus/ and ../shared/realworld)

Ingests the folders into a fresh temporary index with the installed `handlingar`
command, then runs documents, search, quotes, amounts, speakers, sections,
duplicates and compare with --json. Paths are made relative to the folders and
timings dropped, so two snapshots of the same code are byte-identical.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["trygghetsdialog", "skjutningar", "budget", '"lokal samverkan"', "vapen OR klotter", "beslut*"]


def run(index: Path, *args: str) -> Any:
    done = subprocess.run(
        ["handlingar", *args, "--index", str(index), "--json"], capture_output=True, text=True, check=False
    )
    return {"rc": done.returncode, "out": json.loads(done.stdout) if done.stdout.strip() else None}


def snapshot(folders: list[Path]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        index = Path(tmp) / "index"
        out: dict[str, Any] = {"ingest": run(index, "ingest", "--workers", "1", *map(str, folders))}
        out["ingest"]["out"].pop("seconds", None)
        out["ingest"]["out"].pop("written", None)
        out["documents"] = run(index, "documents")
        for q in QUERIES:
            out[f"search {q}"] = found = run(index, "search", q, "--limit", "1000")
            if found["out"]:  # tantivy orders equal scores by segment layout, which merging varies
                found["out"]["hits"].sort(key=lambda h: (-h["score"], h["document"], h["page"], h["text"]))
            out[f"quotes {q}"] = run(index, "quotes", q)
        out["amounts"] = run(index, "amounts")
        out["speakers"] = run(index, "speakers")
        out["duplicates"] = run(index, "duplicates")
        for doc in out["documents"]["out"] or []:
            out[f"sections {doc['id'][:12]}"] = run(index, "sections", doc["id"])
        out["compare"] = run(index, "compare", "--plan", "2020", "--report", "2021")
    text = json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True)
    for folder in folders:
        text = text.replace(str(folder.resolve()), f"<{folder.name}>")
    return dict(json.loads(text))


def main() -> None:
    target = Path(sys.argv[1])
    folders = [Path(a) for a in sys.argv[2:]] or [ROOT / "corpus", ROOT.parent / "shared" / "realworld"]
    data = snapshot([f for f in folders if f.exists()])
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    print(f"{target}: {len(data)} command outputs")


if __name__ == "__main__":
    main()
