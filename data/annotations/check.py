"""Check annotation files: codes in the contract's vocabularies, quotes in the text, ids as drawn.

    python data/annotations/check.py work/out/f001.jsonl [more files]   # exit 1 on any problem
    python data/annotations/check.py --all                              # every committed file

A file named after its batch (``f001.jsonl``, ``p03.jsonl``) must hold exactly
that batch's documents, each once. Annotators run this on their own output
before handing a batch in; the merge runs it again.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from common import BATCHES, CORPUS, SECOND, WORK, batch_ids, corpora_dir

from relata.annotations import article_text, check_line, corpus_documents, read_jsonl


def expected_ids(path: Path) -> list[str] | None:
    name = path.stem
    if name.startswith("p"):
        ids = WORK / "second" / f"{name}.ids"
        return ids.read_text().split() if ids.exists() else None
    return batch_ids(name) or None


def check_file(path: Path, docs: dict[str, dict] | None = None) -> list[str]:
    try:
        lines = read_jsonl(path)
    except (OSError, ValueError) as e:
        return [str(e)]
    ids = [ln["source_uri"] for ln in lines]
    docs = docs if docs is not None else corpus_documents(corpora_dir(), ids)
    problems = [f"{path.name}: {i} appears {ids.count(i)} times" for i in sorted(set(ids)) if ids.count(i) > 1]
    want = expected_ids(path)
    if want is not None:
        problems += [f"{path.name}: {i} is missing" for i in want if i not in ids]
        problems += [f"{path.name}: {i} is not in this batch" for i in ids if i not in want]
    for line in lines:
        doc = docs.get(line["source_uri"])
        if doc is None:
            problems.append(f"{path.name}: {line['source_uri']} is not a corpus document")
            continue
        problems += [f"{path.name}: {p}" for p in check_line(line, article_text(doc))]
    return problems


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--all", action="store_true", help="every committed annotation file")
    args = ap.parse_args()
    files = list(args.files)
    if args.all:
        files += (
            sorted(BATCHES.glob("*.jsonl")) + sorted(SECOND.glob("*.jsonl")) + ([CORPUS] if CORPUS.exists() else [])
        )
    bad = 0
    for f in files:
        problems = check_file(f)
        bad += len(problems)
        for p in problems:
            print(p)
        print(f"{f}: {'OK' if not problems else f'{len(problems)} problems'}", file=sys.stderr)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
