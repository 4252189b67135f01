"""Inter-annotator agreement: the second, independent annotation pass scored against the first.

    python tests/dev_gold/agreement.py

Each pass in turn plays the gold file and the other the predictions (its
required items, first reading of an ``any_of``), scored by the contract's
rules (relata.evaluate); the table shows both directions and their mean F1
per table, over the articles both passes annotated.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[1]))

from relata.evaluate import TABLE_NAMES, read_gold, score  # noqa: E402


def as_predictions(gold: list[dict]) -> tuple[dict, set]:
    pred: dict = {t: defaultdict(list) for t in TABLE_NAMES}
    for g in gold:
        for t in TABLE_NAMES:
            for it in g.get(t, []):
                if it.get("optional"):
                    continue
                alt = {**it, **(it.get("any_of") or [{}])[0]}
                alt.pop("any_of", None)
                pred[t][g["source_uri"]].append(alt)
    return pred, {g["source_uri"] for g in gold}


def required_only(gold: list[dict]) -> list[dict]:
    """The gold file without its optional items: the stricter agreement on what must be found."""
    return [{**g, **{t: [it for it in g.get(t, []) if not it.get("optional")] for t in TABLE_NAMES}} for g in gold]


def main() -> None:
    first = {g["source_uri"]: g for g in read_gold(HERE / "dev.jsonl")}
    second = read_gold(HERE / "second_pass.jsonl")
    both = [first[g["source_uri"]] for g in second if g["source_uri"] in first]
    results = {}
    for name, gold, other in [("pass 1 as gold", both, second), ("pass 2 as gold", second, both)]:
        pred, uris = as_predictions(other)
        results[name] = score(gold, pred, uris).as_dict()
    print(f"{len(both)} articles annotated twice\n")
    print("| table | F1 (pass 1 as gold) | F1 (pass 2 as gold) | mean |\n| --- | --- | --- | --- |")
    for t in TABLE_NAMES:
        a, b = results["pass 1 as gold"][t]["f1"], results["pass 2 as gold"][t]["f1"]
        print(f"| {t} | {a:.3f} | {b:.3f} | {(a + b) / 2:.3f} |")
    rel = results["pass 1 as gold"]["relations"]
    print(
        f"\nrelations dyad F1 (pass 1 as gold): {rel['dyad_f1']:.3f}; "
        f"status agreement on matched keys: {rel.get('status_acc', 0):.3f}"
    )
    # Optional items absorb disagreement (an item one pass requires and the other calls optional is
    # no error); the strict figure counts required items only, on both sides.
    pred, uris = as_predictions(second)
    strict = score(required_only(both), pred, uris).as_dict()
    print("\nstrict (optional items dropped from both passes):")
    print("| table | F1 | tp | fp | fn |\n| --- | --- | --- | --- | --- |")
    for t in TABLE_NAMES:
        x = strict[t]
        print(f"| {t} | {x['f1']:.3f} | {x['tp']} | {x['fp']} | {x['fn']} |")


if __name__ == "__main__":
    main()
