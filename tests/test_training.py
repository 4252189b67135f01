"""The trained extractors: how candidates are shown to the models, how scores become rows, how the
models are evaluated, and what ships (the models themselves are rebuilt by ``relata train``)."""

from __future__ import annotations

import json
import math
from collections import defaultdict

import pytest

from relata.extractors import learned, registry, version
from relata.extractors.candidates import Candidate, masked_text, pair_candidates
from relata.extractors.learned import decide_pairs, decide_sanctions
from relata.training import run, train
from relata.training.data import fold_of
from relata.training.tasks import factorised

SHIPPED = [n for n in ("pairs", "sanctions") if learned.model(n) is not None]


# --- candidates ------------------------------------------------------------------------------


def test_candidates_mask_the_pair_and_other_actors_and_append_the_path_and_hints(parse):
    article = parse("Japanese Prime Minister Shinzo Abe met Xi Jinping in Paris on Tuesday.")
    from relata.extractors.actors import ArticleContext

    ctx = ArticleContext(article)
    sent = next(s for s in article.sentences if s.doc is not None)
    ctx.enter(sent)
    cands = {c.pair: c for c in pair_candidates(sent, ctx)}
    assert ("JPN", "CHN") in cands
    text = masked_text(cands[("JPN", "CHN")], ("relations_meeting",))
    assert "ENTA" in text and "ENTB" in text and "ENTX" in text  # Paris is a third actor
    assert "Japan" not in text and "Xi" not in text and "Paris" not in text  # the model sees roles, not names
    assert "PATH_" in text and text.endswith("RULE_relations_meeting")


def test_candidates_an_actor_named_only_elsewhere_in_the_article_is_marked_before_the_sentence(parse):
    article = parse("The sanctions hurt.")
    sent = article.sentences[0]
    text = masked_text(Candidate(sent, "USA", "IRN", []), article_actor="USA")
    assert text.startswith("ENTART . ")


# --- labels and folds ------------------------------------------------------------------------


def test_training_labels_a_type_apart_from_its_direction():
    cats = {"visit:AB": 1.0, "visit:BA": 0.0, "meeting": 0.0, "area:energy": 0.0}
    f = factorised(cats)
    assert f["type:visit"] == 1.0 and f["dir:AB"] == 1.0 and f["dir:BA"] == 0.0
    assert f["type:meeting"] == 0.0 and f["area:energy"] == 0.0


def test_training_one_direction_left_open_still_makes_the_type_hold():
    f = factorised({"attack:AB": 1.0})  # BA missing: an optional item
    assert f["type:attack"] == 1.0


def test_training_folds_are_grouped_by_document_and_stable():
    docs = [f"doc-{i}" for i in range(500)]
    folds = [fold_of(d) for d in docs]
    assert folds == [fold_of(d) for d in docs]  # a document never moves between runs
    assert set(folds) == {0, 1, 2, 3, 4} and min(folds.count(k) for k in range(5)) > 70


def test_training_platt_calibration_is_increasing_and_fits_the_rate():
    scores = [i / 100 for i in range(1, 100)] * 4
    labels = [int(s > 0.7) for s in scores]
    a, b = train.platt(scores, labels)
    p = lambda s: 1 / (1 + math.exp(-(a * math.log(s / (1 - s)) + b)))  # noqa: E731
    assert a > 0 and p(0.9) > p(0.5) > p(0.1)
    assert p(0.95) > 0.5 > p(0.2)


def test_training_the_setting_is_the_best_when_no_other_comes_near():
    tried = [(1 - abs(t - 0.35), 0.5, t) for t in train.GRID]
    f1, _, t = train.most_precise(tried, tolerance=0.0)
    assert t == pytest.approx(0.35) and f1 == pytest.approx(1.0)


def test_training_the_setting_is_the_most_precise_within_the_tolerance_of_the_best():
    # F1 falls by 0.0083 per 0.05 above 0.30 while precision rises: within 0.02 of the best, 0.40.
    tried = [(0.43 - max(0.0, t - 0.30) / 6, t, t, "union", 0.0) for t in train.GRID]
    f1, _, t, _, _ = train.most_precise(tried, tolerance=0.02)
    assert t == pytest.approx(0.40) and f1 == pytest.approx(0.43 - 0.1 / 6)
    # A veto that makes the rows more precise at an F1 within the tolerance wins over a higher cut.
    tried.append((0.425, 0.9, 0.3, "union", 0.05))
    assert train.most_precise(tried, tolerance=0.02)[2:] == (0.3, "union", 0.05)


def test_training_calibration_reads_the_pairs_model_on_its_own_type_labels():
    ex = [
        {"task": "pairs", "cats": {"visit:AB": float(y), "visit:BA": 0.0}, "scores": {"type:visit": s, "dir:AB": 0.9}}
        for s, y in [(0.9, 1), (0.8, 1), (0.2, 0), (0.1, 0), (0.7, 1), (0.3, 0)]
    ]
    cal = run.calibrations(ex)
    assert "relations" in cal and cal["relations"][0] > 0


# --- from scores to decisions ----------------------------------------------------------------


def test_decisions_an_asymmetric_type_goes_the_way_the_direction_scores_say():
    scores = {"type:visit": 0.9, "dir:AB": 0.2, "dir:BA": 0.8, "status:planned": 0.7, "status:occurred": 0.2}
    [d] = decide_pairs([(0, "JPN", "USA", scores)], {"relations": 0.5, "cooperation": 0.5})
    assert (d.source, d.target, d.label, d.status) == ("USA", "JPN", "visit", "planned")


def test_decisions_a_symmetric_type_sorts_its_pair_and_below_threshold_is_nothing():
    ds = decide_pairs(
        [(0, "USA", "CHN", {"type:meeting": 0.6, "type:attack": 0.2})], {"relations": 0.5, "cooperation": 0.5}
    )
    assert [(d.source, d.target, d.label) for d in ds] == [("CHN", "USA", "meeting")]


def test_decisions_a_type_or_area_with_a_cut_of_its_own_needs_that_probability():
    scores = {"type:visit": 0.8, "type:meeting": 0.8, "dir:AB": 0.9, "area:trade": 0.6, "area:energy": 0.6}
    cuts = {"relations": 0.5, "cooperation": 0.5, "relations:visit": 0.85, "cooperation:trade": 1.01}
    ds = decide_pairs([(0, "JPN", "USA", scores)], cuts)
    assert sorted((d.table, d.label) for d in ds) == [("cooperation", "energy"), ("relations", "meeting")]


def test_decisions_an_articles_sentences_add_up_to_a_key_none_states_alone():
    # Two sentences each read a visit at 0.4: under a cut of 0.5 alone, together (noisy-or) 0.64.
    # The key is stated once, by its likelier sentence, with the pooled probability.
    cands = [
        (2, "JPN", "USA", {"type:visit": 0.4, "dir:AB": 0.9}),
        (5, "JPN", "USA", {"type:visit": 0.45, "dir:AB": 0.9}),
    ]
    [d] = decide_pairs(cands, {"relations": 0.5, "cooperation": 0.5})
    assert (d.sentence, d.source, d.target, d.label) == (5, "JPN", "USA", "visit")
    assert d.probability == pytest.approx(1 - 0.6 * 0.55)
    assert decide_pairs(cands[:1], {"relations": 0.5, "cooperation": 0.5}) == []


def test_decisions_every_sentence_over_the_cut_states_the_key_and_a_weak_one_does_not():
    cands = [
        (1, "CHN", "RUS", {"type:meeting": 0.9}),
        (4, "CHN", "RUS", {"type:meeting": 0.2}),
        (6, "RUS", "CHN", {"type:meeting": 0.7}),
    ]
    ds = decide_pairs(cands, {"relations": 0.5, "cooperation": 0.5})
    assert [d.sentence for d in ds] == [1, 6]
    assert {round(d.probability, 4) for d in ds} == {round(1 - 0.1 * 0.8 * 0.3, 4)}


def test_decisions_pooled_probabilities_are_calibrated_on_their_own():
    # A calibration of pooled probabilities that takes them down (as noisy-or runs high) can keep a key
    # two sentences pool over the cut from passing it.
    cands = [(0, "FRA", "DEU", {"area:energy": 0.45}), (1, "FRA", "DEU", {"area:energy": 0.45})]
    calibration = {"cooperation:article": (1.0, -1.0)}
    cal = run._calibrator(calibration)
    assert decide_pairs(cands, {"relations": 0.5, "cooperation": 0.5}) != []
    assert decide_pairs(cands, {"relations": 0.5, "cooperation": 0.5}, cal) == []


def test_training_article_calibration_fits_pooled_keys_against_the_annotation():
    scored = [
        {
            "task": "pairs",
            "doc": f"d{i}",
            "sentence": 0,
            "a": "JPN",
            "b": "USA",
            "cats": {},
            "scores": {"type:visit": s, "dir:AB": 1.0},
        }
        for i, s in enumerate([0.9, 0.8, 0.85, 0.3, 0.2, 0.25])
    ]
    gold = [
        {"source_uri": f"d{i}", "relations": [{"source": "JPN", "target": "USA", "type": "visit"}] if i < 3 else []}
        for i in range(6)
    ]
    cal = run.article_calibrations(scored, gold, {})
    assert set(cal) == {"relations:article"}
    f = run._calibrator(cal)
    assert f("relations:article", 0.9) > 0.5 > f("relations:article", 0.2)


def test_training_no_cut_tried_is_under_the_keys_an_article_reading_keeps():
    # read_keys drops keys under MIN_CUT unread: a cut under it would miss them.
    assert min(train.GRID) >= learned.MIN_CUT


def test_decisions_one_sender_per_statement_the_most_probable():
    cands = [(3, "USA", "IRN", {"lifted": 0.8}), (3, "EU", "IRN", {"lifted": 0.6}), (3, "", "IRN", {"lifted": 0.3})]
    [d] = decide_sanctions(cands, {"sanctions": 0.5})
    assert (d.source, d.target, d.label) == ("USA", "IRN", "lifted")


def test_decisions_a_sanction_with_no_sender_in_view_has_a_null_sender():
    [d] = decide_sanctions([(0, "", "PRK", {"imposed": 0.9})], {"sanctions": 0.5})
    assert d.source is None


def test_apply_drops_the_rules_rows_the_model_backs_under_its_veto_and_no_other(monkeypatch):
    from relata.extractors import decided

    monkeypatch.setattr(learned, "strategy", lambda table: "union")
    monkeypatch.setattr(learned, "veto", lambda table: {"visit": 0.05} if table == "relations" else {})

    monkeypatch.setattr(learned, "rules_confidence", lambda table, c, b: c)

    def rel(s, t, rtype):
        return {
            "relation_id": f"{s}{t}{rtype}",
            "source_actor": s,
            "target_actor": t,
            "relation_type": rtype,
            "confidence": 0.7,
        }

    rows = {
        "relations": [
            rel("USA", "JPN", "visit"),
            rel("CHN", "JPN", "criticism"),
            rel("JPN", "USA", "visit"),
            rel("KOR", "JPN", "visit"),  # a pair the model never read (no candidate): the rules' word stands
        ],
        "cooperation": [
            {"cooperation_id": "c1", "actor_a": "JPN", "actor_b": "USA", "area": "trade", "confidence": 0.7}
        ],
        "sanctions": [],
    }
    backing = {("relations", "USA", "JPN", "visit"): 0.5, ("relations", "JPN", "USA", "visit"): 0.01}
    out = decided.apply([], None, rows, backing)  # type: ignore[arg-type]
    # The visit the model backs stays, the one it does not goes, the criticism (no veto) stays.
    assert [r["relation_id"] for r in out["relations"]] == ["USAJPNvisit", "CHNJPNcriticism", "KORJPNvisit"]
    assert len(out["cooperation"]) == 1  # no veto on cooperation: its rows stay unbacked
    assert decided.apply([], None, rows, None)["relations"] == rows["relations"]  # no model ran: the rules' rows


def test_apply_gives_a_rules_row_the_model_does_not_confirm_the_probability_fitted_for_it(monkeypatch):
    from relata.extractors import decided

    fitted = learned.Model(
        "pairs",
        learned.MODELS_DIR,
        {"relations": 0.8},
        {},
        {"relations": "union"},
        {},
        # rules_features' order: confidence, backing, unread, intercept
        {"relations": [1.0, 2.0, -1.0, 0.0], "sanctions": [1.0, 0.0, -0.5, 0.0]},
    )
    monkeypatch.setattr(learned, "_deciding", lambda table: fitted if table in ("relations", "sanctions") else None)
    monkeypatch.setattr(learned, "strategy", lambda table: "union")
    monkeypatch.setattr(learned, "veto", lambda table: {})

    def rel(s, t):
        return {"relation_id": s + t, "source_actor": s, "target_actor": t, "relation_type": "visit", "confidence": 0.6}

    coop = {"cooperation_id": "c1", "actor_a": "JPN", "actor_b": "USA", "area": "trade", "confidence": 0.7}
    sanction = {"sanction_id": "s1", "sender": "USA", "target": "IRN", "action": "imposed", "confidence": 0.6}
    rows = {
        "relations": [rel("USA", "JPN"), rel("CHN", "JPN"), rel("KOR", "JPN")],
        "cooperation": [coop],
        "sanctions": [sanction],
    }
    backing = {("relations", "USA", "JPN", "visit"): 0.9, ("relations", "CHN", "JPN", "visit"): 0.05}
    out = {r["relation_id"]: r["confidence"] for r in decided.apply([], None, rows, backing)["relations"]}  # type: ignore[arg-type]

    def expected(c, b):
        z = sum(w * x for w, x in zip(fitted.rules_calibration["relations"], learned.rules_features(c, b)))
        return round(1 / (1 + math.exp(-z)), 3)

    # The same rules' confidence means more where the model backs the key, less where it reads the
    # pair and does not, and what the folds showed of pairs it never reads where it does not read it.
    assert out == {"USAJPN": expected(0.6, 0.9), "CHNJPN": expected(0.6, 0.05), "KORJPN": expected(0.6, None)}
    assert out["USAJPN"] > out["KORJPN"] > out["CHNJPN"]
    # A table with no fitted weights keeps the rules' own confidence.
    assert decided.apply([], None, rows, backing)["cooperation"] == [coop]  # type: ignore[arg-type]
    # A sanction row is never backed by the model: its weights read the rules' score alone.
    [s_row] = decided.apply([], None, rows, backing)["sanctions"]  # type: ignore[arg-type]
    z = sum(w * x for w, x in zip(fitted.rules_calibration["sanctions"], learned.rules_features(0.6, None)))
    assert s_row["confidence"] == round(1 / (1 + math.exp(-z)), 3)


def test_training_logistic_fit_keeps_finite_weights_when_a_feature_separates_the_labels():
    w = train.logistic([[x, 1.0] for x in (-2.0, -1.0, 1.0, 2.0)], [0, 0, 1, 1])
    assert w[0] > 0 and all(math.isfinite(v) and abs(v) < 10 for v in w)
    assert train.logistic([[1.0, 1.0], [2.0, 1.0]], [1, 1]) == [0.0, 0.0]  # one class: nothing to fit


def test_training_rules_items_are_calibrated_on_the_models_backing_out_of_fold():
    # The rules state every item with 0.8; the items the model backs are right, the others mostly not.
    docs = [f"doc{i}" for i in range(200)]
    pts = [(d, 0.8, 0.9, 1) for d in docs[:100]] + [(d, 0.8, 0.05, int(i % 5 == 0)) for i, d in enumerate(docs[100:])]
    weights, quality = run.rules_calibrations({"relations": pts})
    p = learned.rules_features
    z_backed = sum(a * b for a, b in zip(weights["relations"], p(0.8, 0.9)))
    z_unbacked = sum(a * b for a, b in zip(weights["relations"], p(0.8, 0.05)))
    assert 1 / (1 + math.exp(-z_backed)) > 0.9 and 1 / (1 + math.exp(-z_unbacked)) < 0.35
    q = quality["relations"]
    assert q["items"] == 200 and q["brier_calibrated"] < q["brier_rules"] and q["ece_calibrated"] < q["ece_rules"]


def test_training_a_rules_calibration_worse_out_of_fold_than_the_rules_score_is_not_shipped(monkeypatch):
    pts = [(f"doc{i}", 0.9 if i % 2 else 0.1, None, i % 2) for i in range(100)]
    monkeypatch.setattr(run, "logistic", lambda xs, ys: [-1.0, 0.0, 0.0, 0.0])  # a fit that reads it backwards
    weights, quality = run.rules_calibrations({"relations": pts})
    assert weights == {} and quality["relations"]["brier_calibrated"] > quality["relations"]["brier_rules"]


def test_training_rules_points_leave_out_optional_and_vetoed_items_and_mark_the_right_ones():
    gold = [
        {
            "source_uri": "d1",
            "relations": [
                {"source": "USA", "target": "JPN", "type": "visit"},
                {"source": "CHN", "target": "JPN", "type": "criticism", "optional": True},
            ],
        }
    ]
    items = [
        {"source": "USA", "target": "JPN", "type": "visit", "confidence": 0.7},
        {"source": "JPN", "target": "USA", "type": "visit", "confidence": 0.6},
        {"source": "CHN", "target": "JPN", "type": "criticism", "confidence": 0.5},
        {"source": "KOR", "target": "JPN", "type": "meeting", "confidence": 0.9},
    ]
    rules = {"relations": {"d1": items}, "cooperation": {}}
    backing = {"d1": {("relations", "USA", "JPN", "visit"): 0.8, ("relations", "JPN", "MEX", "meeting"): 0.0}}
    veto = {"relations": {"meeting": 0.05}}
    backing["d1"][("relations", "JPN", "KOR", "meeting")] = 0.01  # under the meeting veto: dropped before
    got = run.rules_points(gold, rules, backing, {"d1"}, veto)["relations"]
    assert got == [("d1", 0.7, 0.8, 1), ("d1", 0.6, None, 0)]
    # Sanctions: compared on (sender, target, action), an unnamed sender matching an unnamed one.
    gold[0]["sanctions"] = [{"sender": None, "target": "IRN", "action": "imposed"}]
    rules["sanctions"] = {
        "d1": [
            {"sender": None, "target": "IRN", "action": "imposed", "confidence": 0.5},
            {"sender": "USA", "target": "IRN", "action": "imposed", "confidence": 0.8},
        ]
    }
    got = run.rules_points(gold, rules, backing, {"d1"}, veto)["sanctions"]
    assert got == [("d1", 0.5, None, 1), ("d1", 0.8, None, 0)]


# --- combining with the rules, as cross-validation scores it ---------------------------------
# --- combining with the rules, as cross-validation scores it ---------------------------------


def test_training_combine_model_replaces_union_adds_and_denials_stay_with_the_rules():
    rules = {t: {"d1": [{"k": "rule"}]} for t in ("relations", "sanctions", "denials", "cooperation")}
    model = {t: defaultdict(list, {"d1": [{"k": "model"}]}) for t in rules}
    out = run.combine(model, rules, {"relations": "model", "cooperation": "union", "sanctions": "model"})
    assert out["relations"]["d1"] == [{"k": "model"}]
    assert out["cooperation"]["d1"] == [{"k": "rule"}, {"k": "model"}]
    assert out["denials"]["d1"] == [{"k": "rule"}]


def test_support_backs_an_asymmetric_row_by_its_type_and_direction_and_a_symmetric_one_sorted():
    scores = {"type:visit": 0.9, "dir:AB": 0.1, "dir:BA": 0.9, "type:meeting": 0.4, "area:trade": 0.3}
    got = learned.support([("JPN", "USA", scores), ("JPN", "USA", {"type:meeting": 0.6})])
    assert got[("relations", "USA", "JPN", "visit")] == pytest.approx(0.81)
    assert got[("relations", "JPN", "USA", "visit")] == pytest.approx(0.09)  # the parse's reading, weakly backed
    assert got[("relations", "JPN", "USA", "meeting")] == pytest.approx(0.6)  # the best candidate's
    assert got[("cooperation", "JPN", "USA", "trade")] == pytest.approx(0.3)


def test_training_combine_in_union_drops_the_rules_items_the_model_backs_under_their_types_veto():
    rules = {t: {"d1": []} for t in ("relations", "sanctions", "denials", "cooperation")}
    rules["relations"]["d1"] = [
        {"source": "USA", "target": "JPN", "type": "visit", "status": "occurred"},
        {"source": "JPN", "target": "USA", "type": "meeting", "status": "occurred"},
    ]
    model = {t: defaultdict(list) for t in rules}
    backing = {"d1": {("relations", "USA", "JPN", "visit"): 0.2, ("relations", "JPN", "USA", "meeting"): 0.01}}
    out = run.combine(model, rules, {"relations": "union"}, {"relations": {"meeting": 0.05, "visit": 0.05}}, backing)
    assert [i["type"] for i in out["relations"]["d1"]] == ["visit"]
    # A type with no veto keeps its rules' items however little the model backs them.
    out = run.combine(model, rules, {"relations": "union"}, {"relations": {"visit": 0.5}}, backing)
    assert [i["type"] for i in out["relations"]["d1"]] == ["meeting"]


def test_training_a_model_no_better_than_the_rules_is_tuned_to_add_nothing(monkeypatch):
    # Every cut gives the same F1 and precision as the rules alone: of equally precise settings the
    # highest cut wins, the one no row passes (the rules alone).
    flat = {t: {"f1": 0.4, "precision": 0.5} for t in ("relations", "cooperation", "sanctions", "denials")}
    monkeypatch.setattr(run, "evaluate_variant", lambda gold, pred, docs: flat)
    monkeypatch.setattr(run, "calibrations", lambda scored: {})
    scored = {"sanctions": [{"doc": "d1", "sentence": 0, "a": "", "b": "IRN", "scores": {"imposed": 0.9}}]}
    rules = {t: {"d1": []} for t in ("relations", "sanctions", "denials", "cooperation")}
    thresholds, _, strategy, _, _ = run.tune([], scored, rules, {"d1"})
    assert strategy["sanctions"] == "union" and thresholds["sanctions"] > 1.0


def test_training_no_cut_under_one_half_is_chosen_however_much_f1_it_gains(monkeypatch):
    # F1 rises as the cut falls (more rows, the best at the lowest cut): the tuning still stops at
    # MIN_SHIPPED_CUT, as a row under it is more likely wrong than right.
    def by_cut(gold, pred, docs):
        n = sum(len(items) for items in pred["sanctions"].values())
        return {
            t: {"f1": 0.4 + 0.1 * n, "precision": 0.5} for t in ("relations", "cooperation", "sanctions", "denials")
        }

    monkeypatch.setattr(run, "evaluate_variant", by_cut)
    monkeypatch.setattr(run, "calibrations", lambda scored: {})
    scored = {"sanctions": [{"doc": "d1", "sentence": 0, "a": "", "b": "IRN", "scores": {"imposed": 0.3}}]}
    rules = {t: {"d1": []} for t in ("relations", "sanctions", "denials", "cooperation")}
    thresholds, _, _, _, _ = run.tune([], scored, rules, {"d1"})
    assert thresholds["sanctions"] >= train.MIN_SHIPPED_CUT


def test_models_a_model_that_adds_nothing_and_vetoes_nothing_does_not_run():
    m = learned.Model("sanctions", None, {"sanctions": 1.01}, {}, {"sanctions": "union"})  # type: ignore[arg-type]
    assert m.adds_nothing()
    assert not learned.Model("s", None, {"sanctions": 0.9}, {}, {"sanctions": "union"}).adds_nothing()  # type: ignore[arg-type]
    vetoing = learned.Model("p", None, {"relations": 1.01}, {}, {"relations": "union"}, {"relations": {"visit": 0.05}})  # type: ignore[arg-type]
    assert not vetoing.adds_nothing()  # its vetoes still change rows: it must score them


def test_training_retune_rewrites_the_cuts_keeps_the_weights_record_and_refuses_another_corpus(tmp_path):
    meta = {"corpus_sha256": "a", "trained": "2026-12-01", "thresholds": {"relations": 0.5}, "veto": {}}
    (tmp_path / "relata.json").write_text(json.dumps(meta))
    run.retuned(tmp_path, {"corpus_sha256": "a", "thresholds": {"relations": 0.65}, "tuned": "2026-12-03"})
    got = json.loads((tmp_path / "relata.json").read_text())
    assert got["thresholds"] == {"relations": 0.65} and got["trained"] == "2026-12-01" and got["tuned"] == "2026-12-03"
    with pytest.raises(ValueError, match="another corpus"):
        run.retuned(tmp_path, {"corpus_sha256": "b", "thresholds": {"relations": 0.9}})
    assert json.loads((tmp_path / "relata.json").read_text())["thresholds"] == {"relations": 0.65}


# --- what ships ------------------------------------------------------------------------------


def test_models_their_files_are_part_of_the_versions_of_the_tables_they_decide(tmp_path):
    import shutil

    root = tmp_path / "extractors"
    shutil.copytree(version.HERE, root, ignore=shutil.ignore_patterns("__pycache__", "models"))
    before = version.versions(root)
    (root / "models" / "sanctions").mkdir(parents=True)
    (root / "models" / "sanctions" / "relata.json").write_text('{"thresholds": {"sanctions": 0.5}}')
    after = version.versions(root)
    changed = {t for t in before if before[t] != after[t]}
    assert changed == {e.table for e in registry.REGISTRY if "sanctions" in e.models} == {"sanctions"}


@pytest.mark.skipif(not SHIPPED, reason="no trained model shipped")
def test_models_shipped_are_small_and_carry_thresholds_calibration_and_strategy():
    total = sum(p.stat().st_size for p in learned.MODELS_DIR.rglob("*") if p.is_file())
    assert total <= 50 * 1024 * 1024
    for name in SHIPPED:
        meta = json.loads((learned.MODELS_DIR / name / "relata.json").read_text())
        for table in meta["tables"]:
            assert meta["strategy"][table] in ("model", "union")
            # a cut over 1 lets none of the model's rows through: only where it adds to the rules
            assert train.MIN_SHIPPED_CUT <= meta["thresholds"][table] < 1 or (
                meta["thresholds"][table] == run.NO_ADDITIONS and meta["strategy"][table] == "union"
            )
            assert len(meta["calibration"][table]) == 2
        # The rules' rows a model keeps get a probability fitted on as many features as they carry.
        assert set(meta["rules_calibration"]) <= {t for t in meta["tables"] if meta["strategy"][t] == "union"}
        for weights in meta["rules_calibration"].values():
            assert len(weights) == len(learned.rules_features(0.5, None))


@pytest.mark.skipif(not SHIPPED, reason="no trained model shipped")
def test_models_load_and_score_offline_from_the_package(monkeypatch):
    import socket

    def no_network(*a, **k):
        raise AssertionError("a model tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    for name in SHIPPED:
        [scores] = learned.predict(name, ["ENTA visited ENTB on Tuesday . PATH_up_nsubj PATH_top_visit"])
        assert scores and all(0.0 <= s <= 1.0 for s in scores.values())


def test_candidates_a_sentence_listing_many_states_gives_no_pairs(parse):
    from relata.extractors.actors import ArticleContext
    from relata.extractors.candidates import MAX_PARTIES

    text = "Its members are Vietnam, Malaysia, Singapore, Brunei, Chile, Peru, Japan, Canada, Mexico and Australia."
    article = parse(text)
    ctx = ArticleContext(article)
    sent = next(s for s in article.sentences if s.doc is not None)
    ctx.enter(sent)
    assert len({m.code for m in sent.mentions if m.code}) > MAX_PARTIES
    assert pair_candidates(sent, ctx) == []


def test_training_examples_take_the_rules_alone_even_when_models_ship(monkeypatch):
    # With models shipped, examples built through the default extract_all carried the shipped
    # models' rows (trained on the same articles) as hints and as the "rules only" baseline: the
    # cross-validation read 0.62 for rules that score 0.37.
    import relata.extractors as extractors
    from relata.training import data

    seen: list[bool] = []
    real = extractors.extract_all

    def spy(article, **kw):
        seen.append(kw.get("learned", True))
        return real(article, **kw)

    monkeypatch.setattr(extractors, "extract_all", spy)
    doc = {"id": "t1", "title": "Talks", "text": "Japan and Vietnam held talks in Hanoi.", "published": "2016-03-08"}
    data.examples_for(doc, {"source_uri": "t1", "relations": [], "cooperation": [], "sanctions": []})
    assert seen == [False]


def test_models_shipped_config_holds_no_temporary_training_paths(tmp_path):
    # The model's files are part of the extractor versions: a temporary path in them made every
    # retrain a new version, even from the same weights.
    from relata.training.train import ship

    src = tmp_path / "best"
    src.mkdir()
    (src / "config.cfg").write_text('[paths]\ntrain = "/tmp/relata-train-x1/train.spacy"\ndev = "/tmp/x1/dev.spacy"\n')
    ship("pairs", src, tmp_path / "shipped", {"thresholds": {}})
    assert (tmp_path / "shipped" / "config.cfg").read_text() == "[paths]\ntrain = null\ndev = null\n"


def test_candidates_a_bloc_a_partner_is_counted_in_is_no_party_but_one_invested_in_is(parse):
    from relata.extractors.actors import ArticleContext

    def pairs(text: str) -> set[frozenset[str]]:
        article = parse(text)
        ctx = ArticleContext(article)
        out = set()
        for sent in article.sentences:
            ctx.enter(sent)
            if sent.doc is not None:
                out |= {frozenset(c.pair) for c in pair_candidates(sent, ctx)}
            ctx.leave(sent)
        return out

    assert pairs("Laos, now the third-biggest trading partner of Vietnam in ASEAN, wants more rice trade.") == {
        frozenset({"LAO", "VNM"})
    }
    assert frozenset({"JPN", "ASEAN"}) in pairs("Japan remains the largest investor in ASEAN, officials said.")


def test_candidates_who_reports_deeds_done_by_others_in_a_passive_clause_is_a_reporter(parse):
    # The by-agents do what the clause says; the speaker only reports it, and "its war" is the
    # by-agent's (the nearest doer), not the speaker's.
    from relata.extractors.actors import ArticleContext
    from relata.extractors.candidates import occurrences, reporters

    article = parse(
        "In a statement, NATO said the missiles had been built by Iran and fired by Russia in its war against Ukraine."
    )
    ctx = ArticleContext(article)
    sent = next(s for s in article.sentences if s.doc is not None)
    ctx.enter(sent)
    occ = occurrences(sent, ctx)
    assert [o.code for o in occ if sent.doc[o.start].lower_ == "its"] == ["RUS"]
    assert reporters(sent, occ) == {"NATO"}


def _pair_network(words: bool = False):
    import spacy
    from spacy.ml.models.tok2vec import MultiHashEmbed

    from relata.extractors.architectures import pair_pool

    # A small stand-in for the sourced token vectors: an embedding of each word, no context, so what
    # each part pools can be checked against the vectors of the tokens it should read.
    embed = MultiHashEmbed(width=8, attrs=["ORTH"], rows=[500], include_static_vectors=False)
    nlp = spacy.blank("en")
    model = pair_pool(embed, words)
    texts = ("ENTB met ENTA after ENTB called PATH_top_meet RULE_meeting", "ENTA accused ENTB")
    docs = [nlp.make_doc(t) for t in texts]
    model.initialize(X=docs)
    return model, docs


def test_pairs_network_reads_each_actors_own_vectors_beside_the_whole_sentences():
    # A sentence pooled whole is one bag of vectors whichever actor is which; the pair's parts are
    # the vectors at each actor's mentions (averaged over them), then the path's and the hints' words.
    model, docs = _pair_network(words=True)
    width = 8
    out = model.predict(docs[:1])
    xs = model.layers[0].predict(docs[:1])[0]
    assert out.shape == (1, 6 * width)
    part = lambda j: out[0, j * width : (j + 1) * width]  # noqa: E731
    assert abs(part(0) - xs.mean(axis=0)).max() < 1e-6
    assert abs(part(1) - xs.max(axis=0)).max() < 1e-6
    assert abs(part(2) - xs[2]).max() < 1e-6  # ENTA: token 2
    assert abs(part(3) - (xs[0] + xs[4]) / 2).max() < 1e-6  # ENTB: tokens 0 and 4
    assert abs(part(4) - xs[6]).max() < 1e-6 and abs(part(5) - xs[7]).max() < 1e-6
    assert model.predict(docs[1:]).shape == (1, 6 * width)  # no path or hint words: zeros there


def test_pairs_network_finds_a_marker_glued_to_a_hyphen_and_not_inside_a_longer_marker():
    import spacy

    from relata.extractors.architectures import _positions

    doc = spacy.blank("en")("ENTART said ENTA -ENTB ties and ENTB 's role")
    assert _positions(doc, "ENTA") == [2]
    assert _positions(doc, "ENTB") == [3, 6]


def test_pairs_network_passes_each_parts_gradient_back_to_the_tokens_it_pooled():
    model, docs = _pair_network(words=True)
    width = 8
    seen = {}
    tok2vec = model.layers[0]
    real = tok2vec._func

    def spy(m, X, is_train):
        ys, bp = real(m, X, is_train)

        def capture(d):
            seen["d"] = d
            return bp(d)

        return ys, capture

    tok2vec._func = spy
    out, backprop = model.begin_update(docs[:1])
    d = model.ops.alloc2f(*out.shape)
    d[0, 2 * width] = 1.0  # the first actor's part only
    d[0, 3 * width + 1] = 1.0  # and the second's
    backprop(d)
    tok2vec._func = real
    grad = seen["d"][0]
    assert grad[2, 0] == 1.0 and not grad[[0, 1, 3, 4, 5, 6, 7], 0].any()  # "ENTA" is token 2 alone
    assert grad[0, 1] == grad[4, 1] == 0.5 and not grad[[1, 2, 3, 5, 6, 7], 1].any()  # "ENTB": 0 and 4


def test_training_a_retune_after_a_training_without_the_ablation_leaves_the_ablation_out(tmp_path):
    # `relata train --no-ablation` caches only the scores with the rules' hints; `--retune` then crashed
    (tmp_path / "cv").mkdir()
    for m in run.TASKS:
        run._cached_cv(tmp_path, m, True).write_text("")
    said: list[str] = []
    assert run._variants(tmp_path, ablation=True, retune=True, log=said.append) == {"combined": True}
    assert said and "no-ablation" in said[0]
    # with the ablation's scores cached, both are read back; a training runs both whatever is cached
    for m in run.TASKS:
        run._cached_cv(tmp_path, m, False).write_text("")
    assert run._variants(tmp_path, ablation=True, retune=True) == {"combined": True, "model only": False}
    assert run._variants(tmp_path / "empty", ablation=True, retune=False) == {"combined": True, "model only": False}
