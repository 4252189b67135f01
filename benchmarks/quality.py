"""Extraction quality, three ways: the annotated dev set, the seed, and the trained models'
5-fold cross-validation over the annotation corpus (from relata/data/training_report.json).

    python benchmarks/quality.py                 # dev set (tests/dev_gold/dev.jsonl)
    python benchmarks/quality.py --no-prefilter  # the parser on every sentence, for comparison
    python benchmarks/quality.py --details       # every missed and extra key
    python benchmarks/quality.py --errors        # the most frequent error kinds
    python benchmarks/quality.py --rules-only    # the rules alone, without the trained models

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


def build_and_score(gold_path: str, inputs: Path, work: Path, settings: dict) -> tuple[dict, object, float]:
    s = Settings(input=str(inputs), out=str(work / "tables"), workers=2, batch_size=10, **settings)
    t0 = time.perf_counter()
    run_build(s)
    secs = time.perf_counter() - t0
    rep = evaluate(gold_path, work / "tables")
    return rep.as_dict(), rep, secs


def seed_score(work: Path, settings: dict) -> dict | None:
    """The seed article (../shared/seeds, ../shared/gold/seed.jsonl) built and scored, or None without it."""
    shared = corpora_dir().parent
    gold, seeds = shared / "gold" / "seed.jsonl", shared / "seeds"
    if not gold.is_file() or not seeds.is_dir():
        return None
    inp = work / "seed-input"
    inp.mkdir(parents=True, exist_ok=True)
    for uri in {g["source_uri"] for g in read_gold(str(gold))}:
        (inp / uri).write_bytes((seeds / uri).read_bytes())
    return build_and_score(str(gold), inp, work / "seed", settings)[0]


def cross_validation_table() -> str | None:
    """The training report's out-of-fold scores: rules only, model only, combined, per table."""
    report = ROOT / "relata" / "data" / "training_report.json"
    if not report.is_file():
        return None
    r = json.loads(report.read_text())
    lines = [
        f"cross-validation: {r['documents']} annotated documents, 5 folds grouped by document, trained {r['date']}",
        "| variant | relations F1 | sanctions F1 | denials F1 | cooperation F1 | relation status acc. |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, res in r["cross_validation"].items():
        cells = [f"{res[t]['f1']:.3f} (P {res[t]['precision']:.2f}, R {res[t]['recall']:.2f})" for t in TABLES]
        acc = res["relations"].get("status_acc")
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {acc if acc is None else round(acc, 3)} |")
    lines.append("strategy per table (chosen on the folds): " + json.dumps(r.get("strategy", {})))
    return "\n".join(lines)


TABLES = ("relations", "sanctions", "denials", "cooperation")


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
    settings = {"prefilter": not args.no_prefilter, "learned": not args.rules_only}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep or tmp)
        inp = work / "input"
        inp.mkdir(parents=True, exist_ok=True)
        n = write_inputs(gold, inp / "dev.jsonl")
        d, rep, secs = build_and_score(args.gold, inp, work, settings)
        seed = seed_score(work, settings)
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
        print(json.dumps({"dev": d, "seed": seed}))
        return
    mode = "rules only" if args.rules_only else "rules and trained models"
    print(
        f"dev set: {args.gold} ({n} articles), {mode}, prefilter={'off' if args.no_prefilter else 'on'}, "
        f"build {secs:.1f} s"
    )
    print(format_table(d))
    if seed is not None:
        print(f"\nseed article ({mode})")
        print(format_table(seed))
    cv = cross_validation_table()
    if cv is not None and not args.rules_only:
        print("\n" + cv)
    if args.details:
        for row in rep.details:
            print("\t".join(map(str, row)))
    if args.errors:
        for k, v in error_kinds(rep.details).most_common(20):
            print(f"{v:4d}  {k}")


if __name__ == "__main__":
    main()
