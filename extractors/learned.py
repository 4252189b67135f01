"""The trained extractors at extraction time: candidates in, rows out, rules as hints.

For every parsed sentence the article context is entered once; the pairs of
actors it holds (``candidates``) become the models' inputs, with what the
rules found about the same pair as hint words. After the last sentence the
models read every candidate of the article in one batch (in the model
process, on candidate sentences only), and the labels over each model's
threshold become rows, built with the same helpers as the rules' rows (ids,
codes, dates, provenance). What the rules know and the models do not (a more
specific CAMEO code, the speaker a claim is attributed to, the trigger a date
hangs on) is taken from the rule's row of the same key in the same sentence.

The shipped models (``extractors/models/<task>/``) carry their threshold and
calibration in their meta (``relata train`` writes them); the confidence of a
row is the model's calibrated probability.
"""

from __future__ import annotations

import functools
import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from relata.extractors.document import Sentence

MODELS_DIR = Path(__file__).parent / "models"
TASKS = ("relations", "cooperation", "sanctions")  # the tables the models decide


@dataclass
class RuleHints:
    """What the rules found per sentence and pair, as the hint words the models read."""

    rows: dict[tuple[str, int], list[dict]] = field(default_factory=lambda: defaultdict(list))

    def get(self, task: str, sentence: int, a: str, b: str) -> tuple[str, ...]:
        from relata.training.tasks import relation_label

        out: list[str] = []
        for r in self.rows.get((task, sentence), []):
            if task == "relations":
                label = relation_label(r["relation_type"], r["source_actor"], r["target_actor"], a, b)
                if label:
                    out += [label.replace(":", "_"), f"status_{r['status']}"]
            elif task == "cooperation":
                if {r["actor_a"], r["actor_b"]} == {a, b}:
                    out += [r["area"], f"status_{r['status']}"]
            elif task == "sanctions" and (r["sender"] or "", r["target"]) == (a, b):
                out.append(r["action"])
        return tuple(sorted(set(out)))


def rule_hints(rules: dict[str, list[dict]]) -> RuleHints:
    hints = RuleHints()
    for task in TASKS:
        for r in rules.get(task, []):
            hints.rows[(task, r["sentence_index"])].append(r)
    return hints


@dataclass(frozen=True)
class Model:
    """A shipped model with its thresholds and calibration per table (``relata.json``, written by training)."""

    name: str
    path: Path
    thresholds: dict[str, float]
    calibration: dict[str, tuple[float, float]]  # Platt: p = 1 / (1 + exp(-(a * logit(score) + b)))
    # Per table, chosen by cross-validation: "model" (its rows replace the rules') or "union" (the
    # rules' rows stay and the model adds the ones they miss).
    strategy: dict[str, str] = field(default_factory=dict)
    # Per table decided in union and per relation type (or area), chosen by cross-validation: a rules'
    # row whose key the model gives a calibrated probability under this (the best over the article's
    # candidates) is dropped; a type not listed is never vetoed.
    veto: dict[str, dict[str, float]] = field(default_factory=dict)
    # Per table decided in union, fitted on the folds: the weights that turn a rules' row's own
    # confidence and the model's backing of its key (``rules_features``) into the probability that
    # the row is right. Without them a rules' row keeps the rules' confidence.
    rules_calibration: dict[str, list[float]] = field(default_factory=dict)

    @functools.cached_property
    def nlp(self):
        import spacy

        # The pairs model's network is ours (``relata.PairTextCat.v1``): registered before loading, so
        # a checkout run without its package's entry points installed loads it too.
        from relata.extractors import architectures  # noqa: F401

        return spacy.load(self.path)

    def adds_nothing(self) -> bool:
        """Whether the model changes no row: every table it decides keeps the rules' rows (union),
        adds none (a cut over 1, chosen where the folds show the model no better than the rules)
        and vetoes none. Then it need not run at all."""
        tables = [t for t in self.thresholds if ":" not in t]
        return all(
            self.strategy.get(t) == "union" and self.thresholds[t] > 1.0 and not self.veto.get(t) for t in tables
        )

    def calibrated(self, table: str, score: float) -> float:
        a, b = self.calibration.get(table, (1.0, 0.0))
        logit = math.log(max(score, 1e-6) / max(1 - score, 1e-6))
        return 1.0 / (1.0 + math.exp(-(a * logit + b)))


@functools.cache
def model(name: str) -> Model | None:
    """A shipped model ("pairs", "sanctions"), or None when there is none (the rules decide alone then)."""
    path = MODELS_DIR / name
    meta = path / "relata.json"
    if not meta.is_file():
        return None
    m = json.loads(meta.read_text())
    return Model(
        name,
        path,
        {k: float(v) for k, v in m["thresholds"].items()},
        {k: (float(v[0]), float(v[1])) for k, v in m.get("calibration", {}).items()},
        {k: str(v) for k, v in m.get("strategy", {}).items()},
        {k: {label: float(x) for label, x in v.items()} for k, v in m.get("veto", {}).items()},
        {k: [float(x) for x in v] for k, v in m.get("rules_calibration", {}).items()},
    )


def _deciding(table: str) -> Model | None:
    """The shipped model that decides ``table``, if any."""
    for name in ("pairs", "sanctions"):
        m = model(name)
        if m is not None and table in m.thresholds:
            return m
    return None


def strategy(table: str) -> str | None:
    """How the shipped model decides ``table``: "model", "union", or None (no model: the rules)."""
    m = _deciding(table)
    return None if m is None else m.strategy.get(table, "model")


def veto(table: str) -> dict[str, float]:
    """Per relation type (or area), the calibrated probability under which the shipped model drops a
    rules' row of ``table``; empty when it drops none."""
    m = _deciding(table)
    return {} if m is None else m.veto.get(table, {})


def rules_features(confidence: float, backing: float | None) -> list[float]:
    """What a rules' row's probability of being right is fitted on: the logit of the rules' own
    confidence, the logit of the model's backing of its key, whether the model read its pair at
    all (a pair across sentences it never does), and an intercept."""

    def logit(p: float) -> float:
        p = min(max(p, 1e-4), 1 - 1e-4)
        return math.log(p / (1 - p))

    if backing is None:
        return [logit(confidence), 0.0, 1.0, 1.0]
    return [logit(confidence), logit(backing), 0.0, 1.0]


def rules_probability(weights: list[float], confidence: float, backing: float | None) -> float:
    """The probability the fitted ``weights`` give a rules' row with this confidence and backing."""
    z = sum(a * b for a, b in zip(weights, rules_features(confidence, backing)))
    return 1.0 / (1.0 + math.exp(-z))


def rules_confidence(table: str, confidence: float, backing: float | None) -> float:
    """A rules' row's calibrated probability of being right (its own confidence where the shipped
    model carries no calibration for ``table``)."""
    m = _deciding(table)
    w = None if m is None else m.rules_calibration.get(table)
    return rules_probability(w, confidence, backing) if w else confidence


def available() -> bool:
    return any(model(name) is not None for name in ("pairs", "sanctions"))


def predict(task: str, texts: list[str], batch_size: int = 64) -> list[dict[str, float]]:
    """The model's scores per text (every label, the status labels too), uncalibrated."""
    m = model(task)
    if m is None or not texts:
        return [{} for _ in texts]
    out = []
    for doc in m.nlp.pipe(texts, batch_size=batch_size):
        out.append(dict(doc.cats))
    return out


# --- from scores to decisions ----------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """What a model decided about one candidate: a key of a table, its status and its probability."""

    table: str
    sentence: int
    source: str | None  # relations: source; cooperation: actor_a; sanctions: sender (None: unstated)
    target: str  # relations: target; cooperation: actor_b; sanctions: target
    label: str  # relation type, cooperation area, or sanction action
    status: str | None
    probability: float


def _argmax(scores: dict[str, float], prefix: str) -> str | None:
    found = [(v, k) for k, v in scores.items() if k.startswith(prefix)]
    return max(found)[1][len(prefix) :] if found else None


def decide_pairs(
    candidates: list[tuple[int, str, str, dict[str, float]]], thresholds: dict[str, float], calibrate=None
) -> list[Decision]:
    """Relations and cooperation from the pairs model's scores of one article's (sentence, a, b, scores)
    candidates.

    The model scores each type apart from its direction (``type:visit``, ``dir:AB``): an asymmetric
    type goes the way the direction scores say. An article's sentences add up: a key's probability
    pools its sentences' calibrated probabilities (``pooled``, then the calibration of pooled
    probabilities, ``"<table>:article"``), so that a visit three sentences speak of without one
    stating it plainly can pass the cut (out of fold, 2026-12-04: relations 0.424 -> 0.440 and
    cooperation 0.329 -> 0.354 at the same precision as the best sentence alone). A key over its cut
    is stated by the sentences over it on their own, or else by its likeliest one; each of its
    decisions carries the key's pooled probability.
    """
    return decide_keys(read_keys(candidates, calibrate), thresholds)


@dataclass(frozen=True)
class KeyReading:
    """The pairs model's reading of one relations or cooperation key in an article: its pooled,
    calibrated probability and, per sentence that has a candidate for it, (sentence, probability,
    status)."""

    table: str
    source: str
    target: str
    label: str
    probability: float
    sentences: tuple[tuple[int, float, str | None], ...]


# No cut is lower (``train.GRID`` starts here): keys an article reads under it are dropped unread,
# most of the forty-odd an article gives per candidate.
MIN_CUT = 0.05


def read_keys(candidates: list[tuple[int, str, str, dict[str, float]]], calibrate=None) -> list[KeyReading]:
    """Every key an article's candidates give at ``MIN_CUT`` or more, with its pooled probability
    (independent of the cuts, so that tuning reads an article once for every cut it tries)."""
    cal = calibrate or (lambda label, s: s)
    out = []
    for key, seen in sentence_readings(candidates, cal).items():
        p = cal(f"{key[0]}:article", pooled([p for p, _ in seen.values()]))
        if p >= MIN_CUT:
            out.append(KeyReading(*key, p, tuple((i, *v) for i, v in seen.items())))
    return out


def decide_keys(readings: list[KeyReading], thresholds: dict[str, float]) -> list[Decision]:
    """The decisions of the keys over their cut (see ``decide_pairs``)."""
    out: list[Decision] = []
    for k in readings:
        bar = cut(thresholds, k.table, k.label)
        if k.probability < bar:
            continue
        stating = [r for r in k.sentences if r[1] >= bar] or [max(k.sentences, key=lambda r: r[1])]
        out += [Decision(k.table, i, k.source, k.target, k.label, status, k.probability) for i, _, status in stating]
    return sorted(out, key=lambda d: d.sentence)  # stable: within a sentence, in the order read


def sentence_readings(
    candidates: list[tuple[int, str, str, dict[str, float]]], calibrate
) -> dict[tuple[str, str, str, str], dict[int, tuple[float, str | None]]]:
    """Per relations or cooperation key (table, a, b, type or area), the pairs model's reading of it,
    (calibrated probability, status), in each sentence of the article that has a candidate for it
    (the likeliest, where several do). Tuples, not decisions: an article has some forty per candidate."""
    from relata.schemas.vocabularies import SYMMETRIC_RELATION_TYPES

    by_key: dict[tuple[str, str, str, str], dict[int, tuple[float, str | None]]] = defaultdict(dict)
    for sentence, a, b, scores in candidates:
        statuses = {"cooperation": _argmax(scores, "cstatus:"), "relations": _argmax(scores, "status:")}
        ab = scores.get("dir:AB", 0.0) >= scores.get("dir:BA", 0.0)
        for label, score in scores.items():
            if label.startswith("area:"):
                table, kind = "cooperation", label[5:]
                x, y = sorted((a, b))
            elif label.startswith("type:"):
                table, kind = "relations", label[5:]
                if kind in SYMMETRIC_RELATION_TYPES:
                    x, y = sorted((a, b))
                else:
                    x, y = (a, b) if ab else (b, a)
            else:
                continue
            p = calibrate(table, score)
            seen = by_key[(table, x, y, kind)]
            if sentence not in seen or p > seen[sentence][0]:
                seen[sentence] = (p, statuses[table])
    return by_key


def pooled(probabilities: list[float]) -> float:
    """The probability that at least one of an article's sentences states a key, each read alone
    (noisy-or). Sentences repeating one fact are not independent, so the pooled value runs high; the
    calibration of pooled probabilities (fitted out of fold on article keys) takes that back."""
    return 1.0 - math.prod(1.0 - p for p in probabilities)


def cut(thresholds: dict[str, float], table: str, label: str) -> float:
    """The probability a decision of ``table`` with this type or area needs: the table's threshold,
    or a stricter one chosen for the label on the folds (``"relations:visit"``)."""
    return thresholds.get(f"{table}:{label}", thresholds[table])


def row_key(table: str, a: str, b: str, label: str) -> tuple[str, str, str, str]:
    """A relations or cooperation row's key as ``support`` indexes it (symmetric pairs sorted)."""
    from relata.schemas.vocabularies import SYMMETRIC_RELATION_TYPES

    if table == "cooperation" or label in SYMMETRIC_RELATION_TYPES:
        a, b = sorted((a, b))
    return (table, a, b, label)


def support(candidates: list[tuple[str, str, dict[str, float]]], calibrate=None) -> dict[tuple, float]:
    """The pairs model's calibrated probability of every relations and cooperation key, the best over
    the (a, b, scores) candidates given (an article's): how far the model backs a rules' row.

    An asymmetric type's probability is its type score times the direction's score, so that a row the
    parse reads one way and the model the other is weakly backed.
    """
    cal = calibrate or (lambda label, s: s)
    out: dict[tuple, float] = {}

    def put(key: tuple, p: float) -> None:
        if p > out.get(key, 0.0):
            out[key] = p

    from relata.schemas.vocabularies import SYMMETRIC_RELATION_TYPES

    for a, b, scores in candidates:
        for label, score in scores.items():
            if label.startswith("area:"):
                put(row_key("cooperation", a, b, label[5:]), cal("cooperation", score))
            elif label.startswith("type:"):
                rtype = label[5:]
                if rtype in SYMMETRIC_RELATION_TYPES:
                    put(row_key("relations", a, b, rtype), cal("relations", score))
                else:
                    put(("relations", a, b, rtype), cal("relations", score * scores.get("dir:AB", 0.0)))
                    put(("relations", b, a, rtype), cal("relations", score * scores.get("dir:BA", 0.0)))
    return out


def decide_sanctions(
    candidates: list[tuple[int, str, str, dict[str, float]]], thresholds: dict[str, float], calibrate=None
) -> list[Decision]:
    """Sanctions from the sanctions model's scores of (sentence, sender, target, scores) candidates: for
    each sentence, target and action, the most probable sender (one statement has one sender)."""
    cal = calibrate or (lambda label, s: s)
    best: dict[tuple[int, str, str], tuple[float, str]] = {}
    for sentence, sender, target, scores in candidates:
        for action, score in scores.items():
            p = cal("sanctions", score)
            key = (sentence, target, action)
            if p > best.get(key, (-1.0, ""))[0]:
                best[key] = (p, sender.lstrip("@"))
    return [
        Decision("sanctions", sentence, sender or None, target, action, None, p)
        for (sentence, target, action), (p, sender) in best.items()
        if p >= thresholds["sanctions"]
    ]


def as_gold_items(decisions: list[Decision]) -> dict[str, list[dict]]:
    """Decisions in the annotated sets' format (for scoring without building tables)."""
    out: dict[str, list[dict]] = {"relations": [], "cooperation": [], "sanctions": []}
    for d in decisions:
        if d.table == "relations":
            out["relations"].append({"source": d.source, "target": d.target, "type": d.label, "status": d.status})
        elif d.table == "cooperation":
            out["cooperation"].append({"a": d.source, "b": d.target, "area": d.label, "status": d.status})
        else:
            out["sanctions"].append({"sender": d.source, "target": d.target, "action": d.label})
    return out


# --- at extraction: candidates collected per sentence, decided per article --------------------


@dataclass
class _Pending:
    sentence: Sentence
    a: str
    b: str
    text: str
    persons: dict[str, str]
    venues: frozenset[str] = frozenset()  # see Candidate.venues
    reporters: frozenset[str] = frozenset()  # see Candidate.reporters


@dataclass
class Collector:
    """The candidates of one article, collected sentence by sentence while its context is entered."""

    pairs: list[_Pending] = field(default_factory=list)
    sanctions: list[_Pending] = field(default_factory=list)
    # After ``decide``: the pairs model's backing of every relations and cooperation key (``support``).
    support: dict[tuple, float] = field(default_factory=dict)

    def add(self, sent, ctx, sentence_rows: dict[str, list[dict]]) -> None:
        from relata.extractors.candidates import MAX_PARTIES, Candidate, masked_text, occurrences, pair_candidates

        hints = rule_hints(sentence_rows)
        if model("pairs") is not None:
            for c in pair_candidates(sent, ctx):
                words = hints.get("relations", sent.index, c.a, c.b) + hints.get("cooperation", sent.index, c.a, c.b)
                self.pairs.append(_Pending(sent, c.a, c.b, masked_text(c, words), c.persons, c.venues, c.reporters))
        if model("sanctions") is not None and _speaks_of_sanctions(sent):
            occ = occurrences(sent, ctx)
            here = list(dict.fromkeys(o.code for o in occ))[:MAX_PARTIES]  # a list's first few
            elsewhere = [code for code, _ in ctx.counts.most_common() if code not in here][:3]
            for target in here:
                for s in [x for x in here if x != target] + [""] + [f"@{x}" for x in elsewhere]:
                    sender = s.lstrip("@")
                    cand = Candidate(sent, sender, target, occ)
                    text = masked_text(
                        cand,
                        hints.get("sanctions", sent.index, sender, target),
                        article_actor=sender if s.startswith("@") else None,
                    )
                    self.sanctions.append(_Pending(sent, s, target, text, {}))

    def decide(self) -> list[tuple[Decision, _Pending]]:
        """Every decision of the article's models, with the candidate it is about."""
        out: list[tuple[Decision, _Pending]] = []
        for name, pending, decide in (
            ("pairs", self.pairs, decide_pairs),
            ("sanctions", self.sanctions, decide_sanctions),
        ):
            m = model(name)
            if m is None or not pending or m.adds_nothing():
                continue
            scores = predict(name, [p.text for p in pending])
            if name == "pairs":
                self.support = support([(p.a, p.b, s) for p, s in zip(pending, scores)], m.calibrated)
            # The candidate a decision is about: its pair in its sentence, whichever way round.
            by_key = {(p.sentence.index, frozenset((p.a.lstrip("@"), p.b))): p for p in pending}
            for d in decide(
                [(p.sentence.index, p.a, p.b, s) for p, s in zip(pending, scores)], m.thresholds, m.calibrated
            ):
                out.append((d, by_key[(d.sentence, frozenset((d.source or "", d.target)))]))
        return out


def _speaks_of_sanctions(sent) -> bool:
    from relata.extractors.sanctions import sanction_words

    return bool(sanction_words(sent.doc))
