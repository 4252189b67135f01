"""`relata evaluate` scores by the contract's rules and agrees with shared/tools/score.py."""

from __future__ import annotations

import importlib.util
import json

import pytest

from relata.evaluate import score
from relata.settings import PROJECT_ROOT


def pred_of(table, items, uri="a.txt"):
    p = {t: {} for t in ("relations", "sanctions", "denials", "cooperation")}
    p[table] = {uri: items}
    return p


def test_evaluate_symmetric_relation_matches_either_order():
    gold = [
        {
            "source_uri": "a.txt",
            "relations": [{"source": "RUS", "target": "PRK", "type": "meeting", "status": "planned"}],
        }
    ]
    rep = score(
        gold,
        pred_of("relations", [{"source": "PRK", "target": "RUS", "type": "meeting", "status": "planned"}]),
        {"a.txt"},
    )
    c = rep.tables["relations"]
    assert (c.tp, c.fp, c.fn, c.status_ok) == (1, 0, 0, 1)


def test_evaluate_optional_is_neither_missed_nor_wrong_and_any_of_matches_one_reading():
    gold = [
        {
            "source_uri": "a.txt",
            "relations": [
                {"source": "USA", "target": "RUS", "type": "criticism", "status": "occurred", "optional": True},
                {"source": "USA", "target": "CHN", "type": "criticism", "status": "occurred", "optional": True},
                {
                    "any_of": [
                        {"source": "KOR", "target": "PRK", "type": "accusation"},
                        {"source": "KOR", "target": "RUS", "type": "accusation"},
                    ],
                    "status": "occurred",
                },
            ],
        }
    ]
    pred = pred_of(
        "relations",
        [
            {"source": "USA", "target": "RUS", "type": "criticism", "status": "occurred"},
            {"source": "KOR", "target": "RUS", "type": "accusation", "status": "occurred"},
            {"source": "JPN", "target": "RUS", "type": "visit", "status": "occurred"},
        ],
    )
    c = score(gold, pred, {"a.txt"}).tables["relations"]
    assert (c.tp, c.fp, c.fn) == (1, 1, 0)


def test_evaluate_duplicates_collapse_and_first_row_gives_the_status():
    gold = [{"source_uri": "a.txt", "cooperation": [{"a": "PRK", "b": "RUS", "area": "energy", "status": "planned"}]}]
    pred = pred_of(
        "cooperation",
        [
            {"a": "RUS", "b": "PRK", "area": "energy", "status": "ongoing"},
            {"a": "PRK", "b": "RUS", "area": "energy", "status": "planned"},
        ],
    )
    c = score(gold, pred, {"a.txt"}).tables["cooperation"]
    assert (c.tp, c.fp, c.status_ok, c.status_n) == (1, 0, 0, 1)


def test_evaluate_missing_article_counts_every_item_as_missed():
    gold = [{"source_uri": "b.txt", "sanctions": [{"sender": "UN", "target": "PRK", "action": "in_force"}]}]
    rep = score(gold, pred_of("sanctions", []), {"a.txt"})
    assert rep.tables["sanctions"].fn == 1 and rep.missing_articles == ["b.txt"]


@pytest.fixture(scope="module")
def reference_scorer(shared):
    spec = importlib.util.spec_from_file_location("score_ref", shared / "tools" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_evaluate_agrees_with_the_reference_scorer_on_the_sample(sample_build, reference_scorer):
    from relata.evaluate import evaluate

    gold = PROJECT_ROOT / "data" / "sample_gold.jsonl"
    ours = evaluate(gold, sample_build).as_dict()
    ref, _ = reference_scorer.score(str(gold), str(sample_build))
    for table in ("relations", "sanctions", "denials", "cooperation"):
        for k in ("precision", "recall", "f1", "tp", "fp", "fn", "status_ok", "status_n"):
            assert ours[table][k] == ref[table][k], (table, k)
    assert ours["relations"]["dyad_f1"] == ref["relations"]["dyad_f1"]
    assert ours["macro_f1"] == ref["macro_f1"]


def test_evaluate_cli_prints_the_table_and_details(sample_build):
    from typer.testing import CliRunner

    from relata.cli import app

    res = CliRunner().invoke(
        app,
        [
            "evaluate",
            "--gold",
            str(PROJECT_ROOT / "data" / "sample_gold.jsonl"),
            "--tables",
            str(sample_build),
            "--details",
            "--json",
        ],
    )
    assert res.exit_code == 0, res.output
    assert "missed" in res.output or "extra" in res.output
    payload = res.output[res.output.index("{") :]
    assert "relations" in json.loads(payload)
