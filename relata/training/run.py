"""``relata train``: examples, cross-validation, thresholds and calibration, ablation, shipped models.

    relata train [--work DIR] [--no-ablation] [--no-ship] [--retune]

1. Examples from the annotated corpus (``data``), cached in ``--work``.
2. Five folds grouped by document, for each model with the rules' findings as
   hints ("combined") and, for the ablation, without them ("model only").
3. On the out-of-fold scores: Platt calibration per table (of a sentence's
   reading, then of an article's pooled readings of a key), the threshold per
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
from collections import Counter, defaultdict
from pathlib import Path

from relata.annotations import read_jsonl
from relata.evaluate import TABLE_NAMES, score
from relata.extractors.decided import backed, denied_claims, vouched
from relata.extractors.learned import (
    MODELS_DIR,
    KeyReading,
    as_gold_items,
    decide_keys,
    decide_sanctions,
    pooled,
    read_keys,
    row_key,
    rules_features,
    rules_probability,
    sentence_readings,
    support,
)
from relata.training import data
from relata.training.tasks import TASKS, factorised
from relata.training.train import (
    GRID,
    MIN_SHIPPED_CUT,
    cross_validate,
    logistic,
    most_precise,
    platt,
    ship,
    train_one,
)

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


def article_calibrations(scored: list[dict], gold: list[dict], cal) -> dict[str, tuple[float, float]]:
    """Platt parameters of pooled probabilities per table (``"relations:article"``): each key of an
    article as ``decide_pairs`` pools its sentences, against whether the article's annotation has it
    (keys annotated only as optional left out: neither right nor wrong)."""
    f = _calibrator(cal)
    annotated = annotated_keys(gold)
    by_doc: dict[str, list] = defaultdict(list)
    for e in scored:
        by_doc[e["doc"]].append((e["sentence"], e["a"], e["b"], e["scores"]))
    pts: dict[str, tuple[list[float], list[int]]] = defaultdict(lambda: ([], []))
    for doc, cands in by_doc.items():
        required, optional = annotated.get(doc, (set(), set()))
        for key, seen in sentence_readings(cands, f).items():
            k = row_key(*key)
            if k not in optional:
                pts[key[0]][0].append(pooled([p for p, _ in seen.values()]))
                pts[key[0]][1].append(int(k in required))
    return {f"{t}:article": platt(xs, ys) for t, (xs, ys) in pts.items()}


def annotated_keys(gold: list[dict]) -> dict[str, tuple[set, set]]:
    """Per article, the relations, cooperation and sanctions keys (``_item_key``) its annotation
    requires, and those it lists only as optional (neither right nor wrong)."""
    annotated: dict[str, tuple[set, set]] = {}
    for g in gold:
        required: set = set()
        optional: set = set()
        for table, fields in (("relations", ("source", "target", "type")), ("cooperation", ("a", "b", "area"))):
            for item in g.get(table, []):
                for alt in item.get("any_of") or [item]:
                    x, y, label = ({**item, **alt}.get(k) for k in fields)
                    if x and y and label:
                        (optional if item.get("optional") else required).add(row_key(table, x, y, label))
        for item in g.get("sanctions", []):
            for alt in item.get("any_of") or [item]:
                (optional if item.get("optional") else required).add(_item_key("sanctions", {**item, **alt}))
        annotated[g["source_uri"]] = (required, optional - required)
    return annotated


def rules_points(
    gold: list[dict], rules: dict, backing: dict[str, dict[tuple, float]], docs: set[str], veto: dict
) -> dict[str, list[tuple[str, float, float | None, int]]]:
    """Per table decided with the rules (sanctions too: no backing, the model reads no rules' row
    of it), the rules' items that survive the veto as
    (document, the rules' confidence, the model's backing of the key or None, right or not);
    items annotated only as optional left out."""
    annotated = annotated_keys([g for g in gold if g["source_uri"] in docs])
    out: dict[str, list] = defaultdict(list)
    for table in ("relations", "cooperation", "sanctions"):
        bars = veto.get(table, {})
        for doc, items in rules.get(table, {}).items():
            required, optional = annotated.get(doc, (set(), set()))
            claims = denied_claims(rules.get("denials", {}).get(doc, []), "accuser", "denier")
            for i in items:
                if i.get("confidence") is None:
                    continue  # a corpus built before the rules' items carried it
                k = _item_key(table, i)
                b = backing.get(doc, {}).get(k)
                if k in optional or not backed(b, bars.get(k[3], 0.0), vouched(k, claims)):
                    continue
                out[table].append((doc, float(i["confidence"]), b, int(k in required)))
    return out


def rules_calibrations(points: dict[str, list[tuple[str, float, float | None, int]]]) -> tuple[dict, dict]:
    """Per table, the weights (``learned.rules_features``) that turn a rules' item's confidence and
    the model's backing into the probability that it is right, fitted on every item; and how well
    that probability is calibrated, measured out of fold (folds grouped by document: the weights of
    four folds scoring the fifth) against the rules' own confidence: Brier score and expected
    calibration error over ten bins. A table whose out-of-fold Brier score the fit does not lower
    keeps the rules' confidence (no weights)."""
    weights: dict[str, list[float]] = {}
    quality: dict[str, dict] = {}
    for table, pts in points.items():
        if len({y for *_, y in pts}) < 2:
            continue
        fitted = logistic([rules_features(c, b) for _, c, b, _ in pts], [y for *_, y in pts])
        held: list[tuple[float, float, int]] = []  # (rules' confidence, calibrated out of fold, right)
        for k in range(data.FOLDS):
            train = [p for p in pts if data.fold_of(p[0]) != k]
            w = logistic([rules_features(c, b) for _, c, b, _ in train], [y for *_, y in train])
            for _, c, b, y in (p for p in pts if data.fold_of(p[0]) == k):
                held.append((c, rules_probability(w, c, b), y))
        quality[table] = {
            "items": len(held),
            "right": round(sum(y for *_, y in held) / len(held), 3),
            "brier_rules": _brier([(c, y) for c, _, y in held]),
            "brier_calibrated": _brier([(p, y) for _, p, y in held]),
            "ece_rules": _ece([(c, y) for c, _, y in held]),
            "ece_calibrated": _ece([(p, y) for _, p, y in held]),
        }
        if quality[table]["brier_calibrated"] < quality[table]["brier_rules"]:
            weights[table] = fitted
    return weights, quality


def _brier(pts: list[tuple[float, int]]) -> float:
    return round(sum((p - y) ** 2 for p, y in pts) / len(pts), 4)


def _ece(pts: list[tuple[float, int]], bins: int = 10) -> float:
    """Expected calibration error: per bin of stated probability, |mean stated - share right|,
    weighted by the bin's share of items."""
    by: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for p, y in pts:
        by[min(int(p * bins), bins - 1)].append((p, y))
    return round(
        sum(abs(sum(p for p, _ in b) / len(b) - sum(y for _, y in b) / len(b)) * len(b) for b in by.values())
        / len(pts),
        4,
    )


def _calibrator(cal: dict[str, tuple[float, float]]):
    import math

    def f(table: str, s: float) -> float:
        a, b = cal.get(table, (1.0, 0.0))
        x = math.log(max(s, 1e-6) / max(1 - s, 1e-6))
        return 1 / (1 + math.exp(-(a * x + b)))

    return f


def readings(scored: dict[str, list[dict]], cal) -> dict[str, list[KeyReading]]:
    """Per document, the pairs model's reading of every key (``learned.read_keys``): what the cuts
    decide from, computed once per calibration."""
    by_doc: dict[str, list] = defaultdict(list)
    for e in scored.get("pairs", []):
        by_doc[e["doc"]].append((e["sentence"], e["a"], e["b"], e["scores"]))
    return {doc: read_keys(cands, cal) for doc, cands in by_doc.items()}


def decisions(
    scored: dict[str, list[dict]], thresholds: dict[str, float], cal, read: dict[str, list[KeyReading]] | None = None
) -> dict[str, dict[str, list[dict]]]:
    """Gold-format items per table and document from scored examples of every model (``read``: the
    pairs model's ``readings`` at this calibration, if already made)."""
    read = readings(scored, cal) if read is None else read
    sanctions: dict[str, list] = defaultdict(list)
    for e in scored.get("sanctions", []):
        sanctions[e["doc"]].append((e["sentence"], e["a"], e["b"], e["scores"]))
    out: dict[str, dict[str, list[dict]]] = {t: {} for t in TABLE_NAMES}
    for doc in set(read) | set(sanctions):
        ds = decide_keys(read.get(doc, []), thresholds) + decide_sanctions(sanctions.get(doc, []), thresholds, cal)
        for table, items in as_gold_items(ds).items():
            out[table][doc] = items
    return out


def evaluate_variant(gold: list[dict], predicted: dict[str, dict[str, list[dict]]], docs: set[str]) -> dict:
    pred: dict[str, dict[str, list[dict]]] = {t: defaultdict(list, predicted.get(t, {})) for t in TABLE_NAMES}
    return score([g for g in gold if g["source_uri"] in docs], pred, docs).as_dict()


STRATEGIES = ("model", "union")


def combine(
    model: dict[str, dict[str, list[dict]]],
    rules: dict[str, dict[str, list[dict]]],
    strategy: dict[str, str],
    veto: dict[str, dict[str, float]] | None = None,
    backing: dict[str, dict[tuple, float]] | None = None,
) -> dict:
    """Per table as extraction combines them (``decided.apply``): the model's items alone ("model"),
    the rules' and the model's ("union"), the rules' where there is no model (denials). In union, a
    rules' item whose key the model backs (``backing``, per document) under its type's ``veto`` is
    dropped."""
    out: dict = {}
    for t in TABLE_NAMES:
        how = strategy.get(t)
        if how == "model":
            out[t] = model[t]
        elif how == "union":
            bars = (veto or {}).get(t, {})
            kept = rules[t]
            if bars and backing is not None:
                claims = {d: denied_claims(rules.get("denials", {}).get(d, []), "accuser", "denier") for d in kept}
                kept = {
                    d: [
                        i
                        for i in its
                        if backed(
                            backing.get(d, {}).get(k := _item_key(t, i)), bars.get(k[3], 0.0), vouched(k, claims[d])
                        )
                    ]
                    for d, its in kept.items()
                }
            docs = set(model[t]) | set(kept)
            out[t] = {d: kept.get(d, []) + model[t].get(d, []) for d in docs}
        else:
            out[t] = rules[t]
    return out


def _item_key(table: str, item: dict) -> tuple:
    if table == "relations":
        return row_key(table, item["source"], item["target"], item["type"])
    if table == "sanctions":  # the model backs no sanctions key: a key to compare with the annotation's
        return (table, item.get("sender") or "", item.get("target") or "", item.get("action") or "")
    return row_key(table, item["a"], item["b"], item["area"])


def backing_by_doc(scored: dict[str, list[dict]], cal) -> dict[str, dict[tuple, float]]:
    """Per document, the pairs model's calibrated backing of every key (``learned.support``), as a
    build computes it per article."""
    by_doc: dict[str, list] = defaultdict(list)
    for e in scored.get("pairs", []):
        by_doc[e["doc"]].append((e["a"], e["b"], e["scores"]))
    return {d: support(c, cal) for d, c in by_doc.items()}


def _modelled(scored: dict[str, list[dict]]) -> tuple[str, ...]:
    return tuple(t for m, tables in MODEL_TABLES.items() if scored.get(m) for t in tables)


def _rules(work: Path) -> dict[str, dict[str, list[dict]]]:
    out: dict[str, dict[str, list[dict]]] = {t: {} for t in TABLE_NAMES}
    for line in read_jsonl(work / "rules.jsonl"):
        for t in TABLE_NAMES:
            out[t][line["source_uri"]] = line.get(t, [])
    return out


# Vetoes tried per relation type, in union: the rules' rows of a type that the model backs less than
# this are dropped. A veto for every type alike (2026-12-03) lost right rows of the types the model
# learned little of (alleged arms supplies, threats, criticism, support: the rows of those types it
# backed under 0.03 were right 42 times in 69) while such rows of agreements were right once in 54.
VETO_GRID = (0.0, 0.01, 0.02, 0.03, 0.05, 0.1)
# Only a type the model learned from enough annotated examples may veto: on fewer its low backing
# is ignorance, not evidence (with 102, it backed "Japan provided a loan to Sri Lanka" as economic
# aid under 0.03, and the folds had vetoed economic aid, threats and rejections).
MIN_VETO_EXAMPLES = 200
# A cut no calibrated probability reaches: the model adds no row of that label.
NO_ADDITIONS = 1.01
# Per type or area, the F1 a stricter cut for the model's own rows may cost (of the table's F1).
LABEL_F1_TOLERANCE = 0.002
_LABEL = {"relations": "type", "cooperation": "area"}


def tune(
    gold: list[dict], scored: dict[str, list[dict]], rules: dict, docs: set[str], strategies=STRATEGIES
) -> tuple[dict, dict, dict, dict, dict]:
    """Calibration, then per table the strategy and threshold: of those whose out-of-fold F1 is within
    ``train.F1_TOLERANCE`` of the best, the most precise (a dataset people cite should rather miss
    a row than state a wrong one); then, in union, per relation type or area the veto with the best
    F1 (of equal ones, the most precise); (thresholds, calibration, strategy, veto, scores)."""
    cal = calibrations([e for m in scored.values() for e in m])
    cal.update(article_calibrations(scored.get("pairs", []), [g for g in gold if g["source_uri"] in docs], cal))
    f = _calibrator(cal)
    backing = backing_by_doc(scored, f)
    read = readings(scored, f)
    thresholds = {"relations": 0.5, "cooperation": 0.5, "sanctions": 0.5}
    strategy = dict.fromkeys(_modelled(scored), "model")
    veto: dict[str, dict[str, float]] = {t: {} for t in _modelled(scored)}

    def result(table: str, th=None, how=None, bars=None) -> dict:
        combined = combine(decisions(scored, th or thresholds, f, read), rules, how or strategy, bars or veto, backing)
        return evaluate_variant(gold, combined, docs)[table]

    for table in _modelled(scored):
        tried = []  # (f1, precision, cut, how)
        for how in strategies:
            # In union, also the cut no row passes: the rules alone. Where the model adds nothing the
            # folds can tell from noise (sanctions, 2026-12-03: 0.408 with it, 0.408 without), the rules
            # alone are as precise and the table does not change with every retrain.
            for t in tuple(g for g in GRID if g >= MIN_SHIPPED_CUT) + ((NO_ADDITIONS,) if how == "union" else ()):
                r = result(table, th={**thresholds, table: t}, how={**strategy, table: how})
                tried.append((r["f1"], r["precision"], t, how))
        _, _, thresholds[table], strategy[table] = most_precise(tried)
        if strategy[table] != "union" or table not in _LABEL:
            continue
        seen = Counter(i.get(_LABEL[table]) for g in gold if g["source_uri"] in docs for i in g.get(table, []))
        for label in sorted({i[_LABEL[table]] for items in rules[table].values() for i in items}):
            if seen[label] < MIN_VETO_EXAMPLES:
                continue
            options = []
            for v in VETO_GRID:
                r = result(table, bars={**veto, table: {**veto[table], label: v}})
                options.append((r["f1"], r["precision"], v))
            best = max(options)[2]
            if best > 0:
                veto[table][label] = best
        # What the model adds to the rules' rows, per type or area: a stricter cut where it makes the
        # table more precise at (almost) the same F1 (judged on unseen articles, the model's added
        # visits were wrong 3 times in 3; on the folds, its visits added under 0.70 were too). Only
        # labels with enough examples, as for the veto; a small tolerance per label, as the labels
        # add up.
        for label in sorted(x for x in seen if x):
            if seen[label] < MIN_VETO_EXAMPLES:
                continue
            options = []
            for c in [thresholds[table], *[t for t in GRID if t > thresholds[table]], NO_ADDITIONS]:
                r = result(table, th={**thresholds, f"{table}:{label}": c})
                options.append((r["f1"], r["precision"], c))
            best = most_precise(options, LABEL_F1_TOLERANCE)[2]
            if best > thresholds[table]:
                thresholds[f"{table}:{label}"] = best
    everything = evaluate_variant(
        gold, combine(decisions(scored, thresholds, f, read), rules, strategy, veto, backing), docs
    )
    return thresholds, cal, strategy, veto, everything


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
    veto: dict,
    dest: Path,
) -> dict[str, list[tuple[float, float, float]]]:
    """(threshold, precision, recall) per table over a grid, at the chosen veto; a PNG per table in ``dest``."""
    f = _calibrator(cal)
    backing = backing_by_doc(scored, f)
    read = readings(scored, f)
    curves: dict[str, list[tuple[float, float, float]]] = {}
    grid = [x / 20 for x in range(1, 20)]
    for table in ("relations", "cooperation", "sanctions"):
        pts = []
        for t in grid:
            r = evaluate_variant(
                gold,
                combine(decisions(scored, {**thresholds, table: t}, f, read), rules, strategy, veto, backing),
                docs,
            )[table]
            pts.append((t, r["precision"], r["recall"]))
        curves[table] = pts
        plot_curve(table, pts, thresholds[table], dest)
    return curves


def _cached_cv(work: Path, task: str, hints: bool) -> Path:
    return work / "cv" / f"{task}-{'h' if hints else 'n'}.scored.jsonl"


def _variants(work: Path, *, ablation: bool, retune: bool, log=print) -> dict[str, bool]:
    """The cross-validation's variants, each with whether the model reads the rules' hints. A retune reads the
    ablation's out-of-fold scores back only if the training made them (not after ``--no-ablation``)."""
    variants = {"combined": True, "model only": False} if ablation else {"combined": True}
    if retune and ablation and not all(_cached_cv(work, m, False).is_file() for m in TASKS):
        log(f"model only: no out-of-fold scores without the rules' hints in {work / 'cv'} (trained with --no-ablation)")
        del variants["model only"]
    return variants


def main(
    work: Path,
    corpus: Path,
    corpora: Path,
    *,
    ablation: bool = True,
    ship_models: bool = True,
    retune: bool = False,
    log=print,
) -> dict:
    """The whole training (see the module's docstring). ``retune``: the out-of-fold scores of the
    last cross-validation in ``work`` are read back instead of training the folds again, and the
    shipped models keep their weights; their thresholds, calibration, strategy and veto are chosen
    again (minutes instead of the training's half hour)."""
    t0 = time.time()
    if not (work / "pairs.jsonl").is_file():
        if retune:
            raise FileNotFoundError(f"{work}: no cross-validation to retune from (run relata train first)")
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
    variants = _variants(work, ablation=ablation, retune=retune, log=log)
    results: dict[str, dict] = {"rules only": evaluate_variant(gold, rules, docs)}
    tuned: dict = {}
    for name, hints in variants.items():
        scored = {}
        for m in TASKS:
            cache = _cached_cv(work, m, hints)
            if retune:
                log(f"cross-validation ({name}): {m}, out-of-fold scores from {cache}")
                scored[m] = [json.loads(line) for line in cache.read_text().splitlines() if line.strip()]
            else:
                log(f"cross-validation ({name}): {m}, 5 folds")
                scored[m] = cross_validate(m, examples[m], work / "cv", hints=hints)
                cache.write_text("".join(json.dumps(e) + "\n" for e in scored[m]))
        # Without the rules' hints the model is compared alone, as the ablation's "model only".
        thresholds, cal, strategy, veto, res = tune(gold, scored, rules, docs, STRATEGIES if hints else ("model",))
        results[name] = res
        tuned[name] = (thresholds, cal, strategy, veto, scored)
        log(f"{name}: " + ", ".join(f"{t} F1 {res[t]['f1']:.3f}" for t in TABLE_NAMES))
    thresholds, cal, strategy, veto, scored = tuned["combined"]
    # The rules' rows the model does not confirm keep a probability too (``decided.apply``).
    points = rules_points(gold, rules, backing_by_doc(scored, _calibrator(cal)), docs, veto)
    rules_cal, rules_cal_quality = rules_calibrations({t: v for t, v in points.items() if strategy.get(t) == "union"})
    log(f"rules' rows calibrated: {json.dumps(rules_cal_quality)}")
    report["thresholds"] = thresholds
    report["rules_calibration"] = rules_cal
    report["rules_calibration_quality"] = rules_cal_quality
    report["calibration"] = cal
    report["strategy"] = strategy
    report["veto"] = veto
    report["cross_validation"] = results
    report["pr_curves"] = pr_curves(gold, scored, rules, docs, cal, thresholds, strategy, veto, ROOT / "docs")
    for m in TASKS if ship_models else ():
        meta = {
            "tables": list(MODEL_TABLES[m]),
            "thresholds": {k: v for k, v in thresholds.items() if k.split(":")[0] in MODEL_TABLES[m]},
            "calibration": {t: v for t, v in cal.items() if t.split(":")[0] in MODEL_TABLES[m]},
            "strategy": {t: strategy[t] for t in MODEL_TABLES[m]},
            "veto": {t: veto[t] for t in MODEL_TABLES[m]},
            "rules_calibration": {t: rules_cal[t] for t in MODEL_TABLES[m] if t in rules_cal},
            "corpus_sha256": report["corpus_sha256"],
            "cross_validation": {t: results["combined"][t] for t in MODEL_TABLES[m]},
        }
        if retune:
            log(f"retuned model: {m} (weights kept)")
            retuned(MODELS_DIR / m, {**meta, "tuned": report["date"]})
        else:
            log(f"final model: {m}, every document")
            best = train_one(m, examples[m], work / "final" / m, hints=True, log=work / f"final-{m}.log")
            ship(m, best, MODELS_DIR / m, {**meta, "trained": report["date"]})
    report["seconds"] = round(time.time() - t0, 1)
    REPORT.write_text(json.dumps(report, indent=1, default=str) + "\n")
    return report


def retuned(dest: Path, meta: dict) -> None:
    """A shipped model's ``relata.json`` with new cuts; its weights and training date stay. The
    examples must be the ones the model was trained from (same corpus)."""
    path = dest / "relata.json"
    old = json.loads(path.read_text())
    if old.get("corpus_sha256") != meta["corpus_sha256"]:
        raise ValueError(f"{dest}: trained on another corpus than the one retuned on; run relata train")
    path.write_text(json.dumps({**old, **meta}, indent=1, sort_keys=True) + "\n")
