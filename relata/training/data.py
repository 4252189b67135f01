"""Training examples from the annotated corpus: every candidate of every article, labelled by the evidence.

Each article of ``data/annotations/corpus.jsonl`` is read from the corpora,
cleaned and parsed exactly as a build does it (``ingest`` and
``extractors.pipeline``), its actors resolved by one ``ArticleContext``, and
its candidates built by ``extractors.candidates``. A candidate is labelled
positive for what an annotated item states about its pair in one of the
item's evidence sentences; an item that is optional, or one of several
``any_of`` readings, leaves its labels missing. Everything else about the
pair in that sentence is a negative: annotators quoted every sentence that
states an item, so a sentence they did not quote states nothing about it.

Examples hold masked sentences (news text): they are written to a cache
outside git (``data/annotations/work/training/`` by default), never committed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from relata.annotations import alternatives, corpus_documents, locate, read_jsonl
from relata.training.tasks import (
    COOPERATION_LABELS,
    COOPERATION_STATUSES,
    NO_SENDER,
    RELATION_LABELS,
    RELATION_STATUSES,
    SANCTION_LABELS,
    TASKS,
)

FOLDS = 5


@dataclass
class Example:
    task: str
    doc: str  # the annotated document's id
    fold: int
    sentence: int
    a: str
    b: str
    text: str
    cats: dict[str, float]  # every label and status label that is not missing


def fold_of(doc_id: str) -> int:
    """The cross-validation fold of a document: all its candidates in one fold (folds grouped by document)."""
    return int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % FOLDS


def article_text(doc: dict) -> str:
    """The text a build makes of a corpus row (ingest: cleaned body, the headline first)."""
    from relata.ingest import clean_text

    text = clean_text(doc.get("text") or "")
    title = clean_text(str(doc.get("title") or ""))
    return f"{title}\n\n{text}" if title and text.strip() and not text.startswith(title) else text


def published(doc: dict) -> dt.datetime | None:
    from dateutil import parser as dateparser

    try:
        return dateparser.parse(doc["published"]).replace(tzinfo=dt.UTC) if doc.get("published") else None
    except (ValueError, OverflowError):
        return None


def evidence_sentences(item: dict, text: str, sentences: list) -> set[int]:
    """Indexes of the sentences an item's evidence quotes fall in."""
    out: set[int] = set()
    for quote in item.get("evidence", []):
        for start, end in locate(text, quote):
            out |= {s.index for s in sentences if s.start < end and start < s.end}
    return out


def _labels(items: list[tuple[dict, set[int]]], sentence: int, label_of) -> tuple[set[str], set[str], list[str]]:
    """(positive labels, missing labels, statuses of the positives) of a candidate in a sentence."""
    pos: set[str] = set()
    missing: set[str] = set()
    statuses: list[str] = []
    for item, sents in items:
        if sentence not in sents:
            continue
        readings = alternatives(item)
        open_ = bool(item.get("optional")) or len(readings) > 1
        for r in readings:
            label = label_of(r)
            if label is None:
                continue
            (missing if open_ else pos).add(label)
            if not open_ and r.get("status"):
                statuses.append(r["status"])
    return pos, missing - pos, statuses


def _cats(
    labels: tuple[str, ...],
    pos: set[str],
    missing: set[str],
    statuses: tuple[str, ...] | list[str] = (),
    status_labels: tuple[str, ...] = (),
) -> dict[str, float]:
    cats = {lbl: float(lbl in pos) for lbl in labels if lbl not in missing}
    if statuses and status_labels:
        # The status of the items this sentence states (their most frequent one, when several).
        top = Counter(statuses).most_common(1)[0][0]
        cats |= {s: float(s == top) for s in status_labels}
    return cats


def examples_for(doc: dict, line: dict) -> tuple[list[dict], dict]:
    """Every example of one annotated article, and what the rules extract from it in the gold format
    (for the ablation: rules only). Run in a model process: it parses."""
    from relata.evaluate import CONVERT
    from relata.extractors import extract_all
    from relata.extractors.actors import ArticleContext
    from relata.extractors.candidates import Candidate, masked_text, occurrences, pair_candidates
    from relata.extractors.document import ArticleMeta, article_id_for
    from relata.extractors.learned import rule_hints
    from relata.extractors.pipeline import parse_article
    from relata.extractors.sanctions import sanction_words
    from relata.training.tasks import relation_label as rel_label

    text = article_text(doc)
    article = parse_article(ArticleMeta(article_id_for(text), published(doc), doc.get("title")), text)
    # The rules alone: with the shipped models deciding, their rows (trained on these very articles)
    # would leak the gold into the hints and the "rules only" baseline, and the hints would no longer
    # be what the models read at extraction time (the rules' rows of the sentence).
    rules, _ = extract_all(article, learned=False)
    hints = rule_hints(rules)
    gold = {
        t: [(it, evidence_sentences(it, text, article.sentences)) for it in line.get(t, [])]
        for t in ("relations", "cooperation", "sanctions")
    }
    fold = fold_of(doc["id"])
    out: list[Example] = []
    ctx = ArticleContext(article)
    for sent in article.sentences:
        ctx.enter(sent)
        if sent.doc is not None:
            for c in pair_candidates(sent, ctx):
                rel = _labels(
                    gold["relations"],
                    sent.index,
                    lambda r, c=c: rel_label(r["type"], r["source"], r["target"], c.a, c.b),
                )
                coop = _labels(
                    gold["cooperation"],
                    sent.index,
                    lambda r, c=c: f"area:{r['area']}" if {r["a"], r["b"]} == {c.a, c.b} else None,
                )
                cats = _cats(RELATION_LABELS, rel[0], rel[1], [f"status:{x}" for x in rel[2]], RELATION_STATUSES)
                cats |= _cats(
                    COOPERATION_LABELS, coop[0], coop[1], [f"cstatus:{x}" for x in coop[2]], COOPERATION_STATUSES
                )
                text_ = masked_text(
                    c, hints.get("relations", sent.index, c.a, c.b) + hints.get("cooperation", sent.index, c.a, c.b)
                )
                out.append(Example("pairs", doc["id"], fold, sent.index, c.a, c.b, text_, cats))
            if sanction_words(sent.doc):
                occ = occurrences(sent, ctx)
                here = list(dict.fromkeys(o.code for o in occ))
                elsewhere = [code for code, _ in ctx.counts.most_common() if code not in here][:3]
                for target in here:
                    senders = [s for s in here if s != target] + [NO_SENDER] + [f"@{s}" for s in elsewhere]
                    for s in senders:
                        sender = s.lstrip("@")
                        cand = Candidate(sent, sender, target, occ)

                        def label_of(r, sender=sender, target=target):
                            return (
                                r["action"] if (r.get("sender") or NO_SENDER, r["target"]) == (sender, target) else None
                            )

                        pos, missing, _ = _labels(gold["sanctions"], sent.index, label_of)
                        cats = _cats(SANCTION_LABELS, pos, missing)
                        text_ = masked_text(
                            cand,
                            hints.get("sanctions", sent.index, sender, target),
                            article_actor=sender if s.startswith("@") else None,
                        )
                        out.append(Example("sanctions", doc["id"], fold, sent.index, s, target, text_, cats))
        ctx.leave(sent)
    # With the rules' confidence, which training calibrates (``run.rules_calibrations``).
    predicted = {
        "source_uri": doc["id"],
        **{t: [{**CONVERT[t](r), "confidence": r["confidence"]} for r in rows] for t, rows in rules.items()},
    }
    return [asdict(e) for e in out], predicted


def _work(args: tuple[dict, dict]) -> tuple[list[dict], dict]:
    return examples_for(*args)


def build(corpus: Path, corpora: Path, out: Path, workers: int = 2) -> dict:
    """Examples of every annotated article, one JSON Lines file per task in ``out``; counts per task."""
    lines = read_jsonl(corpus)
    docs = corpus_documents(corpora, [ln["source_uri"] for ln in lines])
    out.mkdir(parents=True, exist_ok=True)
    files = {t: (out / f"{t}.jsonl").open("w", encoding="utf-8") for t in TASKS}
    files["rules"] = (out / "rules.jsonl").open("w", encoding="utf-8")
    counts: Counter = Counter()
    try:
        jobs = [(docs[ln["source_uri"]], ln) for ln in lines if ln["source_uri"] in docs]
        for examples, predicted in _map(jobs, workers):
            files["rules"].write(json.dumps(predicted, default=str) + "\n")
            for e in examples:
                files[e["task"]].write(json.dumps(e, ensure_ascii=False) + "\n")
                counts[e["task"]] += 1
                counts[f"{e['task']}_positive"] += any(v == 1.0 for k, v in e["cats"].items() if "status:" not in k)
    finally:
        for f in files.values():
            f.close()
    return dict(counts)


def _map(jobs: list, workers: int) -> Iterator[tuple[list[dict], dict]]:
    if workers <= 1:
        yield from map(_work, jobs)
        return
    with multiprocessing.get_context("spawn").Pool(workers, maxtasksperchild=200) as pool:
        yield from pool.imap_unordered(_work, jobs, chunksize=8)


def load(folder: Path, task: str) -> list[dict]:
    with (folder / f"{task}.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]
