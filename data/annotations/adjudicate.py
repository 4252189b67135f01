"""Write the adjudicator's packet: each document the two passes disagree on, with both annotations.

    python data/annotations/agreement.py --disagreements work/disagreements.jsonl
    python data/annotations/adjudicate.py            # -> work/adjudicate.txt (git-ignored: holds texts)
    python data/annotations/adjudicate.py --disagreements work/disagreements2.jsonl --out work/adjudicate2.txt

The adjudicator reads the text and both passes, decides every disputed item,
and writes the final line of each such document to work/adjudicated_out.jsonl
(check.py must print OK), with a line per decision in
work/adjudicated_out.notes.md. ``merge.py corpus`` uses the adjudicated line
in place of the first pass.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from agreement import load
from common import BATCHES, SECOND, WORK, corpora_dir

from relata.annotations import article_text, corpus_documents, read_jsonl


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--disagreements", type=Path, default=WORK / "disagreements.jsonl")
    ap.add_argument("--out", type=Path, default=WORK / "adjudicate.txt")
    args = ap.parse_args()
    dis = read_jsonl(args.disagreements)
    first, second = load(BATCHES), load(SECOND)
    docs = corpus_documents(corpora_dir(), [d["source_uri"] for d in dis])
    parts = []
    for k, d in enumerate(dis, 1):
        uri = d["source_uri"]
        doc = docs[uri]
        disputed = "\n".join(
            f"- [{x['table']}] {x['kind']}; required in the {x['required_in']} pass: "
            f"{json.dumps({a: b for a, b in x['item'].items() if a != 'evidence'})}"
            for x in d["disagreements"]
        )
        parts.append(
            f"=== DOCUMENT {k} of {len(dis)} | id: {uri} | published: {doc.get('published') or 'unknown'}\n\n"
            f"{article_text(doc)}\n\n--- DISPUTED ITEMS\n{disputed}\n\n"
            f"--- FIRST PASS\n{json.dumps(first[uri], ensure_ascii=False)}\n\n"
            f"--- SECOND PASS\n{json.dumps(second[uri], ensure_ascii=False)}\n\n=== END OF {uri}\n"
        )
    args.out.write_text("\n".join(parts), encoding="utf-8")
    print(f"{len(dis)} documents -> {args.out}")


if __name__ == "__main__":
    main()
