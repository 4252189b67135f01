"""Extraction quality on the annotated dev set: the evaluate table, per table.

    python benchmarks/quality.py                 # dev set (tests/dev_gold/dev.jsonl)
    python benchmarks/quality.py --no-prefilter  # the parser on every sentence, for comparison
    python benchmarks/quality.py --details       # every missed and extra key
    python benchmarks/quality.py --errors        # the most frequent error kinds

The dev articles are read from the shared corpora (RELATA_CORPORA or
../shared/corpora) by the ids of the gold file; their text is never copied
into the project. The build runs in-process (no Prefect) into a temporary
folder.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from relata.build import run_build  # noqa: E402
from relata.evaluate import evaluate, format_table, read_gold  # noqa: E402
from relata.settings import Settings  # noqa: E402


def corpora_dir() -> Path:
    env = os.environ.get("RELATA_CORPORA")
    return Path(env) if env else ROOT.parent / "shared" / "corpora"


def write_inputs(gold: list[dict], dest: Path) -> int:
    """The gold file's articles, as one JSON Lines input; refuses any id of the reserved test split."""
    want = {g["source_uri"] for g in gold}
    root = corpora_dir()
    test = json.loads((root / "splits.json").read_text())["test"]
    reserved = {i for ids in test.values() for i in ids}
    if want & reserved:
        raise SystemExit(f"the gold file names {len(want & reserved)} article(s) of the reserved test split")
    n = 0
    with dest.open("w") as out:
        for f in sorted(root.glob("*.jsonl")):
            with f.open() as fh:
                for line in fh:
                    if json.loads(line)["id"] in want:
                        out.write(line)
                        n += 1
    return n


def error_kinds(details: list[tuple]) -> Counter:
    c: Counter = Counter()
    for _uri, table, kind, key in details:
        label = key[2] if table in ("relations", "sanctions", "cooperation") else key[1]
        c[f"{table} {kind} {label}"] += 1
    return c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(ROOT / "tests" / "dev_gold" / "dev.jsonl"))
    ap.add_argument("--no-prefilter", action="store_true")
    ap.add_argument("--rules-only", action="store_true", help="the rules alone, without the trained models")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--keep", help="build into this folder instead of a temporary one")
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--record",
        action="store_true",
        help="write the figures with today's date to relata/data/quality.json (package data: release data cards quote it)",
    )
    args = ap.parse_args()
    gold = read_gold(args.gold)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep or tmp)
        inp = work / "input"
        inp.mkdir(parents=True, exist_ok=True)
        n = write_inputs(gold, inp / "dev.jsonl")
        s = Settings(
            input=str(inp),
            out=str(work / "tables"),
            workers=2,
            batch_size=10,
            prefilter=not args.no_prefilter,
            learned=not args.rules_only,
        )
        t0 = time.perf_counter()
        run_build(s)
        secs = time.perf_counter() - t0
        rep = evaluate(args.gold, work / "tables")
    d = rep.as_dict()
    if args.record:
        import datetime as dt

        record = {
            "measured_at": dt.date.today().isoformat(),
            "gold": str(Path(args.gold).relative_to(ROOT))
            if Path(args.gold).resolve().is_relative_to(ROOT)
            else args.gold,
            "articles": n,
            "prefilter": not args.no_prefilter,
            "tables": {
                t: {k: d[t][k] for k in ("precision", "recall", "f1", "tp", "fp", "fn")}
                | ({"status_acc": d[t]["status_acc"]} if "status_acc" in d[t] else {})
                for t in ("relations", "sanctions", "denials", "cooperation")
            },
            "relations_dyad_f1": d["relations"]["dyad_f1"],
        }
        (ROOT / "relata" / "data" / "quality.json").write_text(json.dumps(record, indent=1) + "\n")
    if args.json:
        print(json.dumps(d))
        return
    mode = "rules only" if args.rules_only else "rules and trained models"
    print(
        f"dev set: {args.gold} ({n} articles), {mode}, prefilter={'off' if args.no_prefilter else 'on'}, "
        f"build {secs:.1f} s"
    )
    print(format_table(d))
    if args.details:
        for row in rep.details:
            print("\t".join(map(str, row)))
    if args.errors:
        for k, v in error_kinds(rep.details).most_common(20):
            print(f"{v:4d}  {k}")


if __name__ == "__main__":
    main()
