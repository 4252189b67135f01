"""Paths shared by the annotation scripts in this folder (run from the project root)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

WORK = HERE / "work"  # texts handed to annotators and their raw output: git-ignored
BATCHES = HERE / "batches"  # accepted first-pass batches: ids, codes, quotes
SECOND = HERE / "second_pass"  # the independent second pass, same format
CORPUS = HERE / "corpus.jsonl"  # the merged, adjudicated training corpus


def corpora_dir() -> Path:
    env = os.environ.get("RELATA_CORPORA")
    return Path(env) if env else ROOT.parent / "shared" / "corpora"


def draw() -> dict:
    return json.loads((HERE / "draw.json").read_text(encoding="utf-8"))


def batch_ids(batch: str) -> list[str]:
    return [d["id"] for d in draw()["documents"] if d["batch"] == batch]
