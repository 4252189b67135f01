"""The training corpus (data/annotations/): valid codes, quotes found in their texts, no reserved ids.

The checks of issue 11, run on every committed annotation file. Those that
need the article texts read ../shared/corpora (or RELATA_CORPORA) and skip
without it; the texts themselves are never copied into the project.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from relata.annotations import TABLES, article_text, check_line, corpus_documents, quote_parts, read_jsonl

ROOT = Path(__file__).resolve().parents[1]
ANN = ROOT / "data" / "annotations"
FILES = (
    sorted(ANN.glob("batches/*.jsonl"))
    + sorted(ANN.glob("second_pass/*.jsonl"))
    + [
        ANN / "adjudicated.jsonl",
        ANN / "corpus.jsonl",
    ]
)
DRAW = json.loads((ANN / "draw.json").read_text())
DEV = json.loads((ROOT / "tests" / "dev_gold" / "devset.json").read_text())
DEV_IDS = {d["id"] for d in DEV["ir"] + DEV["non_ir"]}


def lines() -> list[tuple[str, dict]]:
    return [(f.relative_to(ANN).as_posix(), ln) for f in FILES for ln in read_jsonl(f)]


@pytest.mark.parametrize("name", [f.relative_to(ANN).as_posix() for f in FILES])
def test_annotations_every_code_is_in_the_contract_vocabularies(name):
    problems = [str(p) for ln in read_jsonl(ANN / name) for p in check_line(ln, None)]
    assert problems == []


@pytest.mark.corpora
def test_annotations_every_evidence_quote_is_in_its_article(corpora):
    every = lines()
    docs = corpus_documents(corpora, {ln["source_uri"] for _, ln in every})
    problems = []
    for name, ln in every:
        doc = docs.get(ln["source_uri"])
        if doc is None:
            problems.append(f"{name}: {ln['source_uri']} is not a corpus document")
            continue
        problems += [f"{name}: {p}" for p in check_line(ln, article_text(doc))]
    assert problems == []


@pytest.mark.corpora
def test_annotations_never_hold_a_test_split_id(corpora):
    test = {i for ids in json.loads((corpora / "splits.json").read_text())["test"].values() for i in ids}
    ids = {ln["source_uri"] for _, ln in lines()} | {d["id"] for d in DRAW["documents"]}
    assert ids & test == set()


def test_annotations_never_hold_a_dev_set_document():
    ids = {ln["source_uri"] for _, ln in lines()} | {d["id"] for d in DRAW["documents"]}
    assert ids & DEV_IDS == set()


@pytest.mark.parametrize("name", ["corpus.jsonl", "adjudicated.jsonl"])
def test_annotations_no_document_twice(name):
    ids = [ln["source_uri"] for ln in read_jsonl(ANN / name)]
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_annotations_no_document_in_two_first_pass_batches():
    ids = [ln["source_uri"] for f in sorted(ANN.glob("batches/*.jsonl")) for ln in read_jsonl(f)]
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_annotations_corpus_is_the_first_pass_with_the_adjudicated_lines():
    first = {ln["source_uri"]: ln for f in sorted(ANN.glob("batches/*.jsonl")) for ln in read_jsonl(f)}
    first.update({ln["source_uri"]: ln for ln in read_jsonl(ANN / "adjudicated.jsonl")})
    corpus = {ln["source_uri"]: ln for ln in read_jsonl(ANN / "corpus.jsonl")}
    assert corpus == first
    assert set(corpus) == {d["id"] for d in DRAW["documents"]}


def test_annotations_draw_meets_the_issue_numbers():
    docs = DRAW["documents"]
    full = [d for d in docs if d["corpus"] != "agnews_test.jsonl"]
    short = [d for d in docs if d["corpus"] == "agnews_test.jsonl"]
    assert len(docs) >= 1500 and len(full) >= 900 and len(short) >= 500
    main = [d for d in full if not d["group"].startswith("targeted")]
    assert sum(d["group"].endswith("at_most_one_state") for d in main) >= 0.15 * len(main)
    assert len(DRAW["second_pass"]) >= 150 and set(DRAW["second_pass"]) <= {d["id"] for d in docs}
    assert len({d["id"] for d in docs}) == len(docs)


def test_annotations_hold_short_quotes_not_texts():
    # Evidence is quoted sentence by sentence (a long one by its clause): never a whole article.
    longest = max(
        len(p)
        for _, ln in lines()
        for t in TABLES
        for it in ln.get(t, [])
        for q in it.get("evidence", [])
        for p in quote_parts(q)
    )
    assert longest <= 1500


def test_annotations_every_item_has_evidence():
    missing = [
        (name, ln["source_uri"], t)
        for name, ln in lines()
        for t in TABLES
        for it in ln.get(t, [])
        if not it.get("evidence")
    ]
    assert missing == []
