"""``relata train``: examples, cross-validation, thresholds and calibration, ablation, shipped models.

    relata train [--work DIR] [--folds-only] [--no-ablation]

1. Examples from the annotated corpus (``data``), cached in ``--work``.
2. Five folds grouped by document, for each model with the rules' findings as
   hints ("combined") and, for the ablation, without them ("model only").
3. On the out-of-fold scores: Platt calibration per table, the threshold per
   table that maximises its F1, the key-level scores of the contract
   (``relata.evaluate.score``) for rules only, model only and combined, and a
   precision-recall curve per table (``docs/pr-<table>.png``).
4. The final models, trained on every document, shipped in
   ``extractors/models/<model>/`` with their thresholds and calibration; the
   report in ``relata/data/training_report.json``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections import defaultdict
from pathlib import Path

from relata.annotations import read_jsonl
from relata.evaluate import TABLE_NAMES, score
from relata.extractors.learned import MODELS_DIR, as_gold_items, decide_pairs, decide_sanctions
from relata.training import data
from relata.training.tasks import TASKS, factorised
from relata.training.train import best_threshold, cross_validate, platt, ship, train_one

ROOT = Path(__file__).resolve().parents[2]
REPORT = Path(__file__).resolve().parents[1] / "data" / "training_report.json"
MODEL_TABLES = {"pairs": ("relations", "cooperation"), "sanctions": ("sanctions",)}


def _label_table(label: str) -> str | None:
    """The table a model label's score decides (as ``decide_pairs``/``decide_sanctions`` read them);
    None for the status and direction labels, which choose among rows rather than admit them."""
    if label.startswith(("status:", "cstatus:", "dir:")):
        return None
    if label.startswith("area:"):
        return "cooperation"
    if label.startswith("type:"):
        return "relations"
    return "sanctions"


def calibrations(scored: list[dict]) -> dict[str, tuple[float, float]]:
    """Platt parameters per table, fitted on the out-of-fold scores of the labels that are not missing."""
    pts: dict[str, tuple[list[float], list[int]]] = defaultdict(lambda: ([], []))
    for e in scored:
        # The pairs model scores a type apart from its direction: calibrate on its own labels.
        cats = factorised(e["cats"]) if e.get("task") == "pairs" else e["cats"]
        for label, y in cats.items():
            table = _label_table(label)
            if table is not None and label in e["scores"]:
                pts[table][0].append(e["scores"][label])
                pts[table][1].append(int(y))
    return {t: platt(xs, ys) for t, (xs, ys) in pts.items()}


def _calibrator(cal: dict[str, tuple[float, float]]):
    import math

    def f(table: str, s: float) -> float:
        a, b = cal.get(table, (1.0, 0.0))
        x = math.log(max(s, 1e-6) / max(1 - s, 1e-6))
        return 1 / (1 + math.exp(-(a * x + b)))

    return f


def decisions(scored: dict[str, list[dict]], thresholds: dict[str, float], cal) -> dict[str, dict[str, list[dict]]]:
    """Gold-format items per table and document from scored examples of every model."""
    by_doc: dict[str, list] = defaultdict(list)
    for e in scored.get("pairs", []):
        by_doc[e["doc"]].append(("pairs", (e["sentence"], e["a"], e["b"], e["scores"])))
    for e in scored.get("sanctions", []):
        by_doc[e["doc"]].append(("sanctions", (e["sentence"], e["a"], e["b"], e["scores"])))
    out: dict[str, dict[str, list[dict]]] = {t: {} for t in TABLE_NAMES}
    for doc, cands in by_doc.items():
        ds = decide_pairs([c for m, c in cands if m == "pairs"], thresholds, cal)
        ds += decide_sanctions([c for m, c in cands if m == "sanctions"], thresholds, cal)
        for table, items in as_gold_items(ds).items():
            out[table][doc] = items
    return out


def evaluate_variant(gold: list[dict], predicted: dict[str, dict[str, list[dict]]], docs: set[str]) -> dict:
    pred: dict[str, dict[str, list[dict]]] = {t: defaultdict(list, predicted.get(t, {})) for t in TABLE_NAMES}
    return score([g for g in gold if g["source_uri"] in docs], pred, docs).as_dict()


STRATEGIES = ("model", "union")


def combine(
    model: dict[str, dict[str, list[dict]]], rules: dict[str, dict[str, list[dict]]], strategy: dict[str, str]
) -> dict:
    """Per table as extraction combines them (``decided.apply``): the model's items alone ("model"),
    the rules' and the model's ("union"), the rules' where there is no model (denials)."""
    out: dict = {}
    for t in TABLE_NAMES:
        how = strategy.get(t)
        if how == "model":
            out[t] = model[t]
        elif how == "union":
            docs = set(model[t]) | set(rules[t])
            out[t] = {d: rules[t].get(d, []) + model[t].get(d, []) for d in docs}
        else:
            out[t] = rules[t]
    return out


def _modelled(scored: dict[str, list[dict]]) -> tuple[str, ...]:
    return tuple(t for m, tables in MODEL_TABLES.items() if scored.get(m) for t in tables)


def _rules(work: Path) -> dict[str, dict[str, list[dict]]]:
    out: dict[str, dict[str, list[dict]]] = {t: {} for t in TABLE_NAMES}
    for line in read_jsonl(work / "rules.jsonl"):
        for t in TABLE_NAMES:
            out[t][line["source_uri"]] = line.get(t, [])
    return out


def tune(
    gold: list[dict], scored: dict[str, list[dict]], rules: dict, docs: set[str], strategies=STRATEGIES
) -> tuple[dict, dict, dict, dict]:
    """Calibration, then per table the strategy and threshold with the best out-of-fold F1;
    (thresholds, calibration, strategy, scores)."""
    cal = calibrations([e for m in scored.values() for e in m])
    f = _calibrator(cal)
    thresholds = {"relations": 0.5, "cooperation": 0.5, "sanctions": 0.5}
    strategy = dict.fromkeys(_modelled(scored), "model")
    for table in _modelled(scored):
        best = (-1.0, 0.5, "model")
        for how in strategies:

            def f1(t: float, table: str = table, how: str = how) -> float:
                th = {**thresholds, table: t}
                return evaluate_variant(gold, combine(decisions(scored, th, f), rules, {**strategy, table: how}), docs)[
                    table
                ]["f1"]

            t, score_ = best_threshold(f1)
            if score_ > best[0]:
                best = (score_, t, how)
        thresholds[table], strategy[table] = best[1], best[2]
    result = evaluate_variant(gold, combine(decisions(scored, thresholds, f), rules, strategy), docs)
    return thresholds, cal, strategy, result


def plot_curve(table: str, pts: list[tuple[float, float, float]], threshold: float, dest: Path) -> None:
    """``docs/pr-<table>.png``: precision against recall by cut, the shipped cut marked."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5, 4), dpi=100)
    ax.plot([p[2] for p in pts], [p[1] for p in pts], marker="o", ms=3)
    for t, p, r in pts[::3]:
        ax.annotate(f"{t:.2f}", (r, p), fontsize=7, xytext=(3, 3), textcoords="offset points")
    ax.set_xlabel("recall")
    ax.set_ylabel("precision")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.set_title(
        f"{table}: precision and recall by confidence cut\n(5-fold cross-validation, keys per article)", fontsize=9
    )
    ax.axvline(
        next((r for t, p, r in pts if abs(t - threshold) < 1e-9), 0),
        color="grey",
        lw=0.5,
        ls=":",
    )
    fig.tight_layout()
    dest.mkdir(parents=True, exist_ok=True)
    fig.savefig(dest / f"pr-{table}.png")
    plt.close(fig)


def pr_curves(
    gold: list[dict],
    scored: dict[str, list[dict]],
    rules: dict,
    docs: set[str],
    cal,
    thresholds: dict,
    strategy: dict,
    dest: Path,
) -> dict[str, list[tuple[float, float, float]]]:
    """(threshold, precision, recall) per table over a grid; a PNG per table in ``dest``."""
    f = _calibrator(cal)
    curves: dict[str, list[tuple[float, float, float]]] = {}
    grid = [x / 20 for x in range(1, 20)]
    for table in ("relations", "cooperation", "sanctions"):
        pts = []
        for t in grid:
            r = evaluate_variant(gold, combine(decisions(scored, {**thresholds, table: t}, f), rules, strategy), docs)[
                table
            ]
            pts.append((t, r["precision"], r["recall"]))
        curves[table] = pts
        plot_curve(table, pts, thresholds[table], dest)
    return curves


def main(
    work: Path, corpus: Path, corpora: Path, *, ablation: bool = True, ship_models: bool = True, log=print
) -> dict:
    t0 = time.time()
    if not (work / "pairs.jsonl").is_file():
        log(f"examples: parsing the annotated corpus into {work}")
        log(json.dumps(data.build(corpus, corpora, work)))
    gold = read_jsonl(corpus)
    rules = _rules(work)
    docs = set(rules["relations"])
    examples = {m: data.load(work, m) for m in TASKS}
    report: dict = {
        "date": dt.date.today().isoformat(),
        "documents": len(docs),
        "examples": {m: len(v) for m, v in examples.items()},
        "corpus_sha256": hashlib.sha256(corpus.read_bytes()).hexdigest(),
    }
    variants = {"combined": True, "model only": False} if ablation else {"combined": True}
    results: dict[str, dict] = {"rules only": evaluate_variant(gold, rules, docs)}
    tuned: dict = {}
    for name, hints in variants.items():
        log(f"cross-validation ({name}): {len(TASKS)} models x 5 folds")
        scored = {m: cross_validate(m, examples[m], work / "cv", hints=hints) for m in TASKS}
        # Without the rules' hints the model is compared alone, as the ablation's "model only".
        thresholds, cal, strategy, res = tune(gold, scored, rules, docs, STRATEGIES if hints else ("model",))
        results[name] = res
        tuned[name] = (thresholds, cal, strategy, scored)
        log(f"{name}: " + ", ".join(f"{t} F1 {res[t]['f1']:.3f}" for t in TABLE_NAMES))
    thresholds, cal, strategy, scored = tuned["combined"]
    report["thresholds"] = thresholds
    report["calibration"] = cal
    report["strategy"] = strategy
    report["cross_validation"] = results
    report["pr_curves"] = pr_curves(gold, scored, rules, docs, cal, thresholds, strategy, ROOT / "docs")
    if ship_models:
        for m in TASKS:
            log(f"final model: {m}, every document")
            best = train_one(m, examples[m], work / "final" / m, hints=True, log=work / f"final-{m}.log")
            ship(
                m,
                best,
                MODELS_DIR / m,
                {
                    "tables": list(MODEL_TABLES[m]),
                    "thresholds": {t: thresholds[t] for t in MODEL_TABLES[m]},
                    "calibration": {t: cal.get(t, (1.0, 0.0)) for t in MODEL_TABLES[m]},
                    "strategy": {t: strategy[t] for t in MODEL_TABLES[m]},
                    "trained": report["date"],
                    "corpus_sha256": report["corpus_sha256"],
                    "cross_validation": {t: results["combined"][t] for t in MODEL_TABLES[m]},
                },
            )
    report["seconds"] = round(time.time() - t0, 1)
    REPORT.write_text(json.dumps(report, indent=1, default=str) + "\n")
    return report
