"""Row-by-row judging of unseen articles (issue 14): draw the articles, then draw the rows to judge.

    python scripts/judged_sample.py draw --n 1000 --seed 8 --out /tmp/judge8
    relata build --input /tmp/judge8/input --out /tmp/judge8/tables
    python scripts/judged_sample.py rows --tables /tmp/judge8/tables --n 50 --seed 8 > /tmp/judge8/rows.jsonl
    python scripts/judged_sample.py record /tmp/judge8/rows.jsonl --label "sample 8"   # once judged

A maintainer's tool, not part of a build. "Unseen" means in neither the reserved test split, the
dev set (tests/dev_gold/), the training corpus (data/annotations/corpus.jsonl) nor an earlier
draw: every draw appends its article ids to ``data/judged/drawn.txt`` (ids only, committed), so
that the next draw leaves them out. The articles' texts go to ``--out`` (keep it outside the
project: the corpora's texts are never copied into it). From AG News only the World items are
drawn (the others are sport, business and technology), and a text that repeats a seen one is seen.

The rows file holds what a judge needs and no more: the row's table, id, actors, type or action,
status, and its evidence quote; the judge reads the article in ``--out`` for context.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DRAWN = ROOT / "data" / "judged" / "drawn.txt"
# Rows judged before, as "source_uri<TAB>sha1 of the evidence sentence" (no text: the corpora's texts stay
# out of the project): a new sample of rows leaves them out, so no sentence is judged twice.
JUDGED = ROOT / "data" / "judged" / "judged.txt"
POOLS = ("whenitson_2016.jsonl", "sea_china_media_2023_2024.jsonl", "agnews_test.jsonl")
# What a judge sees of each table: the row's own words, never more of the article.
COLUMNS = {
    "relations": ("relation_id", "source_actor", "target_actor", "relation_type", "status", "event_date"),
    "sanctions": ("sanction_id", "sender", "target", "action", "measures", "event_date"),
    "denials": ("denial_id", "denier", "accuser", "denied_type", "denied_claim"),
    "cooperation": ("cooperation_id", "actor_a", "actor_b", "area", "status"),
}
SHARED_COLUMNS = ("confidence", "evidence")


def corpora_dir() -> Path:
    env = os.environ.get("RELATA_CORPORA")
    return Path(env) if env else ROOT.parent / "shared" / "corpora"


def _annotation_draw():
    """data/annotations/draw.py, whose exclusions (test split, dev set, repeated texts) a judged
    draw shares: one definition of what counts as already seen."""
    spec = importlib.util.spec_from_file_location("annotation_draw", ROOT / "data" / "annotations" / "draw.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seen_ids(corpora: Path) -> set[str]:
    """Ids no draw may take: the test split, the dev set, the training corpus, earlier draws."""
    test, dev = _annotation_draw().reserved_ids(corpora)
    corpus = ROOT / "data" / "annotations" / "corpus.jsonl"
    out = test | dev | {json.loads(line)["source_uri"] for line in corpus.read_text().splitlines() if line.strip()}
    if DRAWN.is_file():
        out |= {line.split("#")[0].strip() for line in DRAWN.read_text().splitlines()} - {""}
    return out


def draw(n: int, seed: int, out: Path, corpora: Path) -> int:
    text_key = _annotation_draw().text_key
    seen = seen_ids(corpora)
    labels_file = corpora / "raw" / "agnews_test" / "labels_by_id.json"
    labels = json.loads(labels_file.read_text()) if labels_file.is_file() else {}
    lines: list[str] = []
    for name in POOLS:
        path = corpora / name
        if path.is_file():
            lines += [line for line in path.read_text(encoding="utf-8").splitlines(keepends=True) if line.strip()]
    rows_ = [json.loads(line) for line in lines]
    # AG News is not deduplicated: a text that repeats a seen document is seen too.
    taken = {text_key(r) for r in rows_ if r["id"] in seen}
    pool: list[str] = []
    for line, row in zip(lines, rows_):
        key = text_key(row)
        if row["id"] in seen or key in taken:
            continue
        if row["id"].startswith("agnews") and labels.get(row["id"]) != "World":
            continue
        taken.add(key)  # and one copy of each text in the pool
        pool.append(line)
    if not pool:
        # Every article outside the test split, the dev set and the training corpus has been drawn
        # (data/judged/drawn.txt): a new sample needs new articles, never a test-split one.
        raise SystemExit(f"no unseen article left in {corpora} (all drawn before: {DRAWN.relative_to(ROOT)})")
    picked = random.Random(seed).sample(pool, min(n, len(pool)))
    (out / "input").mkdir(parents=True, exist_ok=True)
    (out / "input" / "articles.jsonl").write_text("".join(picked), encoding="utf-8")
    with DRAWN.open("a", encoding="utf-8") as fh:
        fh.write(f"# draw seed={seed} n={len(picked)} of {len(pool)} unseen\n")
        fh.writelines(json.loads(line)["id"] + "\n" for line in picked)
    return len(picked)


def judged_key(row: dict) -> str:
    """A judged row's key: its article and a hash of its evidence sentence."""
    evidence = (row.get("evidence") or "").strip()
    return f"{row['source_uri']}\t{hashlib.sha1(evidence.encode('utf-8')).hexdigest()}"


def judged_before() -> set[str]:
    if not JUDGED.is_file():
        return set()
    return {line.strip() for line in JUDGED.read_text().splitlines() if line.strip() and not line.startswith("#")}


def record(rows_file: Path, label: str) -> int:
    """Append the keys of a judged rows file to data/judged/judged.txt; returns how many were new."""
    have = judged_before()
    keys = [judged_key(json.loads(line)) for line in rows_file.read_text().splitlines() if line.strip()]
    new = list(dict.fromkeys(k for k in keys if k not in have))
    with JUDGED.open("a", encoding="utf-8") as fh:
        fh.write(f"# {label}: {len(new)} of {len(keys)} rows new\n")
        fh.writelines(k + "\n" for k in new)
    return len(new)


def rows(tables: Path, n: int, seed: int) -> list[dict]:
    """n rows drawn at random from all four tables together (each row equally likely), leaving out
    rows whose sentence was judged before (data/judged/judged.txt)."""
    import duckdb

    everything: list[dict] = []
    con = duckdb.connect()
    for table, cols in COLUMNS.items():
        parts = list((tables / table).glob("*.parquet"))
        if not parts:
            continue
        rel = con.read_parquet([str(p) for p in parts])
        have = [c for c in (*cols, *SHARED_COLUMNS) if c in rel.columns]
        joined = con.sql(
            f"select {', '.join('t.' + c for c in have)}, a.source_uri from rel t "
            f"join read_parquet('{tables / 'articles'}/*.parquet') a using (article_id)"
        )
        everything += [{"table": table, **dict(zip([*have, "source_uri"], r))} for r in joined.fetchall()]
    seen = judged_before()
    fresh = [r for r in everything if judged_key(r) not in seen]
    return random.Random(seed).sample(fresh, min(n, len(fresh)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw", help="draw unseen articles into OUT/input and record their ids")
    d.add_argument("--n", type=int, default=1000)
    d.add_argument("--seed", type=int, required=True)
    d.add_argument("--out", type=Path, required=True)
    r = sub.add_parser("rows", help="draw rows of a build to judge, as JSON Lines on standard output")
    r.add_argument("--tables", type=Path, required=True)
    r.add_argument("--n", type=int, default=50)
    r.add_argument("--seed", type=int, required=True)
    k = sub.add_parser("record", help="record a judged rows file, so later samples leave its sentences out")
    k.add_argument("rows_file", type=Path)
    k.add_argument("--label", required=True, help="which sample it was, e.g. 'sample 25'")
    args = ap.parse_args()
    if args.cmd == "record":
        got = record(args.rows_file, args.label)
        print(f"{got} judged row(s) recorded in {JUDGED.relative_to(ROOT)}")
    elif args.cmd == "draw":
        if ROOT in args.out.resolve().parents or args.out.resolve() == ROOT:
            sys.exit("--out must be outside the project: the corpora's texts are never copied into it")
        got = draw(args.n, args.seed, args.out, corpora_dir())
        print(f"{got} articles in {args.out / 'input'}; their ids appended to {DRAWN.relative_to(ROOT)}")
    else:
        for row in rows(args.tables, args.n, args.seed):
            print(json.dumps(row, default=str, ensure_ascii=False))


if __name__ == "__main__":
    main()
