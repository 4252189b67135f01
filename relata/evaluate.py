"""Scoring built tables against an annotated set (the contract's "Annotated sets").

Keys per table: relations (source, target, type) with symmetric types as an
unordered pair; sanctions (sender, target, action); denials (denier,
denied_type); cooperation (unordered pair, area). Keys are compared as sets
per article; ``optional`` items are neither missed nor wrong; ``any_of``
lists alternative readings. Precision, recall and F1 are micro-averaged over
the articles. Also reported: dyad-level F1 for relations, status accuracy on
matched relations and cooperation keys, accuser accuracy on matched denials.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from relata.schemas.vocabularies import SYMMETRIC_RELATION_TYPES

TABLE_NAMES = ("relations", "sanctions", "denials", "cooperation")


def rel_key(d: dict) -> tuple:
    s, t, ty = d.get("source"), d.get("target"), d.get("type")
    if ty in SYMMETRIC_RELATION_TYPES:
        s, t = sorted([s or "", t or ""])
    return (s, t, ty)


def san_key(d: dict) -> tuple:
    return (d.get("sender"), d.get("target"), d.get("action"))


def den_key(d: dict) -> tuple:
    return (d.get("denier"), d.get("denied_type"))


def coop_key(d: dict) -> tuple:
    a, b = sorted([d.get("a") or "", d.get("b") or ""])
    return (a, b, d.get("area"))


KEYS = {"relations": rel_key, "sanctions": san_key, "denials": den_key, "cooperation": coop_key}

# Table columns -> the gold file's field names.
CONVERT = {
    "relations": lambda r: {
        "source": r["source_actor"],
        "target": r["target_actor"],
        "type": r["relation_type"],
        "status": r["status"],
    },
    "sanctions": lambda r: {"sender": r["sender"], "target": r["target"], "action": r["action"]},
    "denials": lambda r: {"denier": r["denier"], "denied_type": r["denied_type"], "accuser": r["accuser"]},
    "cooperation": lambda r: {"a": r["actor_a"], "b": r["actor_b"], "area": r["area"], "status": r["status"]},
}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    dyad_tp: int = 0
    dyad_fp: int = 0
    dyad_fn: int = 0
    status_ok: int = 0
    status_n: int = 0
    accuser_ok: int = 0
    accuser_n: int = 0

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class Report:
    tables: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TABLE_NAMES})
    details: list[tuple[str, str, str, tuple]] = field(default_factory=list)  # (uri, table, missed|extra, key)
    missing_articles: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        out: dict = {}
        for name, c in self.tables.items():
            p, r, f = Counts.prf(c.tp, c.fp, c.fn)
            d = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), **c.__dict__}
            if name == "relations":
                d["dyad_f1"] = round(Counts.prf(c.dyad_tp, c.dyad_fp, c.dyad_fn)[2], 3)
            if c.status_n:
                d["status_acc"] = round(c.status_ok / c.status_n, 3)
            if c.accuser_n:
                d["accuser_acc"] = round(c.accuser_ok / c.accuser_n, 3)
            out[name] = d
        out["macro_f1"] = round(sum(out[t]["f1"] for t in TABLE_NAMES) / len(TABLE_NAMES), 3)
        out["missing_articles"] = self.missing_articles
        return out


def read_gold(path: str | Path) -> list[dict]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    out = []
    for n, line in enumerate(lines, start=1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except ValueError as e:
                raise ValueError(f"{path}:{n}: not a JSON line: {e}") from None
    return out


def read_predictions(tables: str | Path) -> tuple[dict[str, dict[str, list[dict]]], set[str]]:
    """Predicted items per table and article (by source_uri), read with DuckDB as users read them."""
    import duckdb

    root = Path(tables)
    con = duckdb.connect()

    def rows(name: str) -> list[dict]:
        p = root / name
        if not p.exists():
            return []
        pattern = str(p / "**" / "*.parquet") if p.is_dir() else str(p)
        res = con.execute(f"SELECT * FROM read_parquet('{pattern}', union_by_name=true)")
        cols = [c[0] for c in res.description]
        return [dict(zip(cols, r)) for r in res.fetchall()]

    uri_of = {a["article_id"]: a.get("source_uri") or "" for a in rows("articles")}
    pred: dict[str, dict[str, list[dict]]] = {t: defaultdict(list) for t in TABLE_NAMES}
    for name in TABLE_NAMES:
        for r in rows(name):
            pred[name][uri_of.get(r["article_id"], "")].append(CONVERT[name](r))
    con.close()
    return pred, set(uri_of.values())


def score(gold: list[dict], pred: dict[str, dict[str, list[dict]]], uris: set[str]) -> Report:
    rep = Report()
    by_name: dict[str, str] = {}
    for u in uris:
        by_name.setdefault(Path(u).name if u else u, u)
    for g in gold:
        uri = g["source_uri"]
        puri = uri if uri in uris else by_name.get(Path(uri).name)
        if puri is None:
            rep.missing_articles.append(uri)
        for name, keyf in KEYS.items():
            c = rep.tables[name]
            pkeys: dict[tuple, dict] = {}
            for p in pred[name].get(puri, []) if puri is not None else []:
                pkeys.setdefault(keyf(p), p)  # the first row of a key stands for it
            items = g.get(name, [])
            matched_any: set[tuple] = set()
            for it in items:
                alts = it.get("any_of") or [it]
                acc = {keyf({**it, **a}) for a in alts}
                matched_any |= acc
                hit = acc & set(pkeys)
                if hit:
                    if it.get("optional"):
                        continue
                    c.tp += 1
                    got = pkeys[next(iter(hit))]
                    want = it.get("status") or (alts[0].get("status") if alts else None)
                    if name in ("relations", "cooperation") and want:
                        c.status_n += 1
                        c.status_ok += int(got.get("status") == want)
                    if name == "denials" and "accuser" in it:
                        c.accuser_n += 1
                        c.accuser_ok += int(got.get("accuser") == it.get("accuser"))
                elif not it.get("optional"):
                    c.fn += 1
                    rep.details.append((uri, name, "missed", sorted(acc, key=str)[0]))
            for k in pkeys:
                if k not in matched_any:
                    c.fp += 1
                    rep.details.append((uri, name, "extra", k))
            if name == "relations":
                gd = {
                    tuple(sorted(k[:2]))
                    for it in items
                    if not it.get("optional")
                    for k in [keyf({**it, **(it.get("any_of") or [{}])[0]})]
                }
                gd_all = {tuple(sorted(keyf({**it, **a})[:2])) for it in items for a in (it.get("any_of") or [it])}
                pd_ = {tuple(sorted(k[:2])) for k in pkeys}
                c.dyad_tp += len(gd & pd_)
                c.dyad_fn += len(gd - pd_)
                c.dyad_fp += len(pd_ - gd_all)
    return rep


def evaluate(gold_path: str | Path, tables: str | Path) -> Report:
    pred, uris = read_predictions(tables)
    return score(read_gold(gold_path), pred, uris)


def format_table(d: dict) -> str:
    """The evaluation as a Markdown table (used by the CLI and the quality benchmark)."""
    lines = [
        "| table | precision | recall | F1 | tp | fp | fn | status acc. | dyad F1 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for t in TABLE_NAMES:
        x = d[t]
        lines.append(
            f"| {t} | {x['precision']:.3f} | {x['recall']:.3f} | {x['f1']:.3f} | {x['tp']} | {x['fp']} | "
            f"{x['fn']} | {x.get('status_acc', '') if x.get('status_acc') is not None else ''} | "
            f"{x.get('dyad_f1', '')} |"
        )
    lines.append(f"\nMacro F1: {d['macro_f1']:.3f}")
    return "\n".join(lines)
