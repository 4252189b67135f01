"""Draw the development set: a seeded random sample of corpus article ids.

Run from the project root: ``python tests/dev_gold/draw.py > tests/dev_gold/devset.json``.
The draw never includes an id of the reserved test split (``splits.json``):
those articles are how we learn whether the extractors generalise, so they are
neither read nor annotated during development.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

SEED = 20261126
IR_PER_CORPUS = {"whenitson_2016.jsonl": 25, "sea_china_media_2023_2024.jsonl": 25}
NON_IR_PER_CORPUS = {"whenitson_2016.jsonl": 5, "sea_china_media_2023_2024.jsonl": 5}
# Extra articles, annotated a second time by an independent pass for agreement.
SECOND_PASS = 15


def corpora_dir() -> Path:
    env = os.environ.get("RELATA_CORPORA")
    return Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "corpora"


def main() -> None:
    root = corpora_dir()
    test = json.loads((root / "splits.json").read_text())["test"]
    ir = json.loads((root / "ir_subset_ids.json").read_text())
    rng = random.Random(SEED)
    draw: dict[str, list[dict]] = {"ir": [], "non_ir": []}
    for corpus, n in IR_PER_CORPUS.items():
        reserved = set(test[corpus])
        pool = sorted(set(ir[corpus]) - reserved)
        draw["ir"] += [{"corpus": corpus, "id": i} for i in rng.sample(pool, n)]
    for corpus, n in NON_IR_PER_CORPUS.items():
        reserved = set(test[corpus]) | set(ir[corpus])
        with (root / corpus).open() as fh:
            ids = sorted(json.loads(line)["id"] for line in fh if line.strip())
        pool = [i for i in ids if i not in reserved]
        draw["non_ir"] += [{"corpus": corpus, "id": i} for i in rng.sample(pool, n)]
    every = draw["ir"] + draw["non_ir"]
    draw["second_pass"] = [d["id"] for d in rng.sample(draw["ir"], SECOND_PASS)]
    draw["seed"] = SEED
    assert not {d["id"] for d in every} & {i for v in test.values() for i in v}
    json.dump(draw, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
