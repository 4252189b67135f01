"""scripts/judged_sample.py: rows judged once are left out of later samples, by key (no text kept)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _module():
    spec = importlib.util.spec_from_file_location("judged_sample", ROOT / "scripts" / "judged_sample.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_recording_a_judged_sample_keeps_keys_only_and_each_sentence_once(tmp_path, monkeypatch):
    js = _module()
    monkeypatch.setattr(js, "JUDGED", tmp_path / "judged.txt")
    sentence = "A made-up sentence in which Kenya meets Uganda."
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        "".join(
            json.dumps({"table": "relations", "source_uri": uri, "evidence": sentence}) + "\n"
            for uri in ("doc-1", "doc-1", "doc-2")
        )
    )
    assert js.record(rows, "sample 1") == 2  # the same sentence of one article counts once
    assert js.record(rows, "sample 1 again") == 0
    stored = (tmp_path / "judged.txt").read_text()
    assert sentence not in stored and "Kenya" not in stored
    assert js.judged_key({"source_uri": "doc-2", "evidence": sentence}) in js.judged_before()
    assert js.judged_key({"source_uri": "doc-3", "evidence": sentence}) not in js.judged_before()
