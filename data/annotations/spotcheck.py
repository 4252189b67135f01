"""Print a seeded sample of a batch's documents with their annotations, for a person to judge.

    python data/annotations/spotcheck.py work/out/f001.jsonl [--n 3] [--seed 1]

Each document's text is printed with the sentences quoted as evidence marked
[[...]], followed by its items: what a reviewer needs to see what was
missed, what is wrong, and whether the quotes are the sentences that state it.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from common import corpora_dir

from relata.annotations import TABLES, article_text, corpus_documents, locate, read_jsonl


def show(line: dict, doc: dict, width: int) -> str:
    text = article_text(doc)
    spans = sorted(
        {s for t in TABLES for it in line.get(t, []) for q in it.get("evidence", []) for s in locate(text, q)}
    )
    out, pos = [], 0
    for a, b in spans:
        if a < pos:
            continue
        out += [text[pos:a], "[[", text[a:b], "]]"]
        pos = b
    out.append(text[pos:])
    body = "".join(out)
    lines = [f"## {line['source_uri']} ({doc.get('published')}, {doc.get('outlet')})", body[:width]]
    if len(body) > width:
        lines.append(f"... [{len(body) - width} more characters]")
    for t in TABLES:
        for it in line.get(t, []):
            shown = {k: v for k, v in it.items() if k != "evidence"}
            lines.append(f"  {t}: {json.dumps(shown, ensure_ascii=False)}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", type=Path)
    ap.add_argument("--n", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--width", type=int, default=6000)
    ap.add_argument("--with-items", action="store_true", help="sample only documents that have items")
    args = ap.parse_args()
    lines = read_jsonl(args.file)
    if args.with_items:
        lines = [ln for ln in lines if any(ln.get(t) for t in TABLES)]
    sample = random.Random(args.seed).sample(lines, min(args.n, len(lines)))
    docs = corpus_documents(corpora_dir(), [ln["source_uri"] for ln in sample])
    for ln in sample:
        print(show(ln, docs[ln["source_uri"]], args.width), end="\n\n")


if __name__ == "__main__":
    main()
