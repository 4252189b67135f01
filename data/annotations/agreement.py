"""Agreement between the first pass (batches/) and the independent second pass (second_pass/).

    python data/annotations/agreement.py                 # the table, per table
    python data/annotations/agreement.py --json          # the same as JSON
    python data/annotations/agreement.py --disagreements work/disagreements.jsonl

Two views per table, both symmetric (F1 of one pass scored against the other):

- strict: only items neither pass marked optional; keys as the contract
  scores them (relations: source, target, type, symmetric types unordered;
  sanctions: sender, target, action; denials: denier, denied_type;
  cooperation: unordered pair, area); ``any_of`` matches if any reading does.
- lenient: a required item of one pass counts as agreed if the other pass has
  it at all, optional or not (how the evaluation treats optional gold items).

Also: relations agreement on the dyad alone (lenient), status agreement on
matched relation and cooperation keys, and every disagreement classified by
kind (``--disagreements`` writes them per document, for adjudication): a
required item of one pass that the other has only as optional, or not at
all (then why: another type, direction, actor, sender, action or area).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from common import BATCHES, SECOND

from relata.annotations import TABLES, alternatives, keys_of, read_jsonl


def load(folder: Path, batches: list[str] | None = None) -> dict[str, dict]:
    """Every line of the folder's batch files (or of the named ``batches`` only), by document."""
    files = [folder / f"{b}.jsonl" for b in batches] if batches else sorted(folder.glob("*.jsonl"))
    return {ln["source_uri"]: ln for f in files for ln in read_jsonl(f)}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 1.0


def _match(item: dict, others: list[dict], table: str) -> dict | None:
    mine = keys_of(table, item)
    for o in others:
        if mine & keys_of(table, o):
            return o
    return None


def _dyads(table: str, item: dict) -> set[tuple]:
    return {tuple(sorted(k[:2])) if table in ("relations", "cooperation") else k[:2] for k in keys_of(table, item)}


def classify(table: str, item: dict, others: list[dict]) -> str:
    """Why an item of one pass has no match in the other."""
    mine = keys_of(table, item)
    if table == "relations":
        pairs = {(k[0], k[1]) for o in others for k in keys_of(table, o)}
        types = {
            k[2]
            for o in others
            for k in keys_of(table, o)
            if tuple(sorted(k[:2])) in {tuple(sorted(m[:2])) for m in mine}
        }
        if any((m[1], m[0]) in pairs and any(k[2] == m[2] for o in others for k in keys_of(table, o)) for m in mine):
            return "direction differs"
        if types:
            return "same dyad, other type"
        actors = {a for o in others for k in keys_of(table, o) for a in k[:2]}
        if any(m[0] in actors or m[1] in actors for m in mine):
            return "one actor differs or missing pair"
        return "absent in the other pass"
    if table == "sanctions":
        if any((k[1], k[2]) == (m[1], m[2]) for m in mine for o in others for k in keys_of(table, o)):
            return "sender differs"
        if any(k[1] == m[1] for m in mine for o in others for k in keys_of(table, o)):
            return "action differs"
        return "absent in the other pass"
    if table == "cooperation":
        if any(k[:2] == m[:2] for m in mine for o in others for k in keys_of(table, o)):
            return "same pair, other area"
        return "absent in the other pass"
    if any(k[0] == m[0] for m in mine for o in others for k in keys_of(table, o)):
        return "denied type differs"
    return "absent in the other pass"


def compare(a: dict[str, dict], b: dict[str, dict]) -> tuple[dict, list[dict]]:
    shared = sorted(set(a) & set(b))
    stats: dict[str, Counter] = {t: Counter() for t in TABLES}
    kinds: dict[str, Counter] = {t: Counter() for t in TABLES}
    per_doc = []
    for uri in shared:
        doc = {"source_uri": uri, "disagreements": []}
        for t in TABLES:
            ia, ib = a[uri].get(t, []), b[uri].get(t, [])
            ra = [x for x in ia if not x.get("optional")]
            rb = [x for x in ib if not x.get("optional")]
            s = stats[t]
            # strict: required against required
            s["strict_a"] += len(ra)
            s["strict_b"] += len(rb)
            s["strict_a_hit"] += sum(1 for x in ra if _match(x, rb, t))
            s["strict_b_hit"] += sum(1 for x in rb if _match(x, ra, t))
            # lenient: required against anything
            s["lenient_a_hit"] += sum(1 for x in ra if _match(x, ib, t))
            s["lenient_b_hit"] += sum(1 for x in rb if _match(x, ia, t))
            if t == "relations":
                da = {d for x in ia for d in _dyads(t, x)}
                db = {d for x in ib for d in _dyads(t, x)}
                s["dyad_a"] += len({d for x in ra for d in _dyads(t, x)})
                s["dyad_b"] += len({d for x in rb for d in _dyads(t, x)})
                s["dyad_a_hit"] += len({d for x in ra for d in _dyads(t, x)} & db)
                s["dyad_b_hit"] += len({d for x in rb for d in _dyads(t, x)} & da)
            if t in ("relations", "cooperation"):
                for x in ra:
                    o = _match(x, ib, t)
                    if o:
                        s["status_pairs"] += 1
                        sx = {r.get("status") for r in alternatives(x)}
                        so = {r.get("status") for r in alternatives(o)}
                        s["status_same"] += bool(sx & so)
            for side, mine, other, other_all in (("first", ra, rb, ib), ("second", rb, ra, ia)):
                for x in mine:
                    if not _match(x, other_all, t):
                        kind = classify(t, x, other_all)
                    elif not _match(x, other, t):
                        kind = "optional in the other pass"
                    else:
                        continue
                    kinds[t][kind] += 1
                    doc["disagreements"].append({"table": t, "required_in": side, "kind": kind, "item": x})
        if doc["disagreements"]:
            per_doc.append(doc)
    report = {"documents": len(shared)}
    for t in TABLES:
        s = stats[t]
        p, r = (
            s["strict_a_hit"] / s["strict_a"] if s["strict_a"] else 1.0,
            s["strict_b_hit"] / s["strict_b"] if s["strict_b"] else 1.0,
        )
        lp, lr = (
            s["lenient_a_hit"] / s["strict_a"] if s["strict_a"] else 1.0,
            s["lenient_b_hit"] / s["strict_b"] if s["strict_b"] else 1.0,
        )
        row = {
            "items_first": s["strict_a"],
            "items_second": s["strict_b"],
            "strict_f1": round(_f1(p, r), 3),
            "lenient_f1": round(_f1(lp, lr), 3),
            "disagreements": dict(kinds[t].most_common()),
        }
        if t == "relations":
            dp = s["dyad_a_hit"] / s["dyad_a"] if s["dyad_a"] else 1.0
            dr = s["dyad_b_hit"] / s["dyad_b"] if s["dyad_b"] else 1.0
            row["dyad_f1"] = round(_f1(dp, dr), 3)
        if t in ("relations", "cooperation"):
            row["status_agreement"] = round(s["status_same"] / s["status_pairs"], 3) if s["status_pairs"] else None
        report[t] = row
    return report, per_doc


def markdown(report: dict) -> str:
    lines = [
        f"Documents annotated twice: {report['documents']}",
        "",
        "| table | required items (1st / 2nd) | strict F1 | lenient F1 | dyad F1 | status agreement |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for t in TABLES:
        r = report[t]
        lines.append(
            f"| {t} | {r['items_first']} / {r['items_second']} | {r['strict_f1']:.2f} | "
            f"{r['lenient_f1']:.2f} | {r.get('dyad_f1', '')} | {r.get('status_agreement', '') or ''} |"
        )
    lines += ["", "| table | kind of disagreement | items |", "| --- | --- | --- |"]
    for t in TABLES:
        lines += [f"| {t} | {k} | {n} |" for k, n in report[t]["disagreements"].items()]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--disagreements", type=Path)
    ap.add_argument(
        "--batches", nargs="+", metavar="P", help="only these second-pass batches (p09 p10: the second round)"
    )
    args = ap.parse_args()
    report, per_doc = compare(load(BATCHES), load(SECOND, args.batches))
    if args.disagreements:
        args.disagreements.parent.mkdir(parents=True, exist_ok=True)
        args.disagreements.write_text("".join(json.dumps(d) + "\n" for d in per_doc))
    print(json.dumps(report, indent=1) if args.json else markdown(report))


if __name__ == "__main__":
    main()
