"""Accept annotated batches and merge everything into the training corpus.

    python data/annotations/merge.py accept f001 f002 ...   # work/out/<b>.jsonl -> batches/ (after check)
    python data/annotations/merge.py accept-second p01 ...  # work/second_out/<b>.jsonl -> second_pass/
    python data/annotations/merge.py corpus                 # batches/ + adjudicated.jsonl -> corpus.jsonl

A batch is accepted only if every check passes (``check.py``) and it was
spot-checked by a person (``--spot-checked`` names who, recorded in
``batches/ACCEPTED.json``). A batch that fails goes back to its annotator.
The corpus is the first pass, with the adjudicated line replacing it for
every document of the second pass; lines are in the draw's order.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys

from check import check_file
from common import BATCHES, CORPUS, HERE, SECOND, WORK, draw

from relata.annotations import read_jsonl

ADJUDICATED = HERE / "adjudicated.jsonl"
LEDGER = BATCHES / "ACCEPTED.json"


def accept(batches: list[str], source: str, dest, who: str) -> int:
    dest.mkdir(parents=True, exist_ok=True)
    ledger = json.loads(LEDGER.read_text()) if LEDGER.exists() else {}
    failed = 0
    for b in batches:
        src = WORK / source / f"{b}.jsonl"
        problems = check_file(src) if src.exists() else [f"{src} does not exist"]
        if problems:
            failed += 1
            print(f"{b}: sent back, {len(problems)} problem(s):", *problems[:10], sep="\n  ")
            continue
        shutil.copy(src, dest / src.name)
        notes = src.with_suffix(".notes.md")
        if notes.exists():
            shutil.copy(notes, dest / notes.name)
        ledger[b] = {
            "accepted_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "spot_checked_by": who,
            "documents": len(read_jsonl(src)),
        }
        print(f"{b}: accepted ({ledger[b]['documents']} documents)")
    LEDGER.write_text(json.dumps(ledger, indent=1, sort_keys=True) + "\n")
    return failed


def corpus() -> None:
    order = [d["id"] for d in draw()["documents"]]
    lines = {}
    for f in sorted(BATCHES.glob("*.jsonl")):
        for ln in read_jsonl(f):
            lines[ln["source_uri"]] = ln
    adjudicated = {ln["source_uri"]: ln for ln in read_jsonl(ADJUDICATED)} if ADJUDICATED.exists() else {}
    lines.update(adjudicated)
    missing = [i for i in order if i not in lines]
    with CORPUS.open("w", encoding="utf-8") as fh:
        for i in order:
            if i in lines:
                fh.write(json.dumps(lines[i], ensure_ascii=False) + "\n")
    print(f"{CORPUS}: {len(lines)} documents ({len(adjudicated)} adjudicated); not yet annotated: {len(missing)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("accept", "accept-second"):
        p = sub.add_parser(name)
        p.add_argument("batches", nargs="+")
        p.add_argument("--spot-checked", required=True, help="who read a sample of the batch against its texts")
    sub.add_parser("corpus")
    args = ap.parse_args()
    if args.cmd == "accept":
        sys.exit(1 if accept(args.batches, "out", BATCHES, args.spot_checked) else 0)
    if args.cmd == "accept-second":
        sys.exit(1 if accept(args.batches, "second_out", SECOND, args.spot_checked) else 0)
    corpus()


if __name__ == "__main__":
    main()
