"""The derived tables: events, sanction regimes and dyad-month counts, kept up to date incrementally.

Unit tests build relations and sanctions rows by hand (no model), as DuckDB views for the
pure derivations, or as committed parts of an output folder for ``derive_tables``.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from relata import schemas, store
from relata.derive import (
    BUCKETS,
    DERIVATIONS,
    bucket_of,
    derive_tables,
    events_per_month,
    part_bucket,
    read_derived,
)
from relata.derive.dyad_month import derive_dyad_month
from relata.derive.events import derive_events
from relata.derive.sanction_regimes import derive_sanction_regimes, state_after
from relata.derive.score import match_regime_gold
from relata.extractors.document import stable_id

CAMEO = {
    "visit": ("042", "CONSULT", 1, 1.9),
    "meeting": ("040", "CONSULT", 1, 1.0),
    "criticism": ("111", "ACCUSE", 3, -2.0),
}


def article(aid: str, published: str | None, outlet: str | None = "Reuters") -> dict:
    pub = dt.datetime.fromisoformat(published).replace(tzinfo=dt.UTC) if published else None
    return {
        "article_id": aid,
        "source_uri": f"{aid}.txt",
        "url": None,
        "title": None,
        "outlet": outlet,
        "author": None,
        "published_at": pub,
        "language": "en",
        "n_chars": 100,
        "ingested_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    }


def relation(
    aid: str, si: int, s: str, t: str, kind: str = "visit", status: str = "occurred", date=None, prec=None, conf=0.9
) -> dict:
    cameo, plover, quad, goldstein = CAMEO[kind]
    ev = f"Sentence {si} of {aid}."
    return {
        "relation_id": stable_id("relations", aid, si, s, t, kind),
        "source_actor": s,
        "target_actor": t,
        "source_person": None,
        "target_person": None,
        "relation_type": kind,
        "status": status,
        "attributed_to": None,
        "event_date": dt.date.fromisoformat(date) if date else None,
        "date_precision": prec or ("day" if date else None),
        "cameo_code": cameo,
        "plover_type": plover,
        "quad_class": quad,
        "goldstein": goldstein,
        "article_id": aid,
        "sentence_index": si,
        "char_start": 0,
        "char_end": len(ev),
        "evidence": ev,
        "extractor_version": "test",
        "confidence": conf,
    }


def sanction(aid: str, si: int, sender, target: str, action: str, date=None, stated_by=None, reasons=()) -> dict:
    ev = f"Sanctions sentence {si} of {aid}."
    return {
        "sanction_id": stable_id("sanctions", aid, si, sender, target, None, action),
        "sender": sender,
        "target": target,
        "target_entity": None,
        "action": action,
        "stated_by": stated_by,
        "measures": [],
        "reason_categories": list(reasons),
        "reason": None,
        "event_date": dt.date.fromisoformat(date) if date else None,
        "date_precision": "day" if date else None,
        "article_id": aid,
        "sentence_index": si,
        "char_start": 0,
        "char_end": len(ev),
        "evidence": ev,
        "extractor_version": "test",
        "confidence": 0.9,
    }


def con_over(**tables: list[dict]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for name, rows in tables.items():
        con.register(name, pa.Table.from_pylist(rows, schema=schemas.arrow_schema(name)))
    return con


def events_of(relations: list[dict], articles: list[dict]) -> list[dict]:
    tbl = derive_events(con_over(relations=relations, articles=articles))
    schemas.validate_arrow("events", tbl)
    return tbl.to_pylist()


# --- events ------------------------------------------------------------------------------


def test_derive_events_reports_of_one_key_in_one_article_are_one_event():
    arts = [article("a", "2016-03-20")]
    rels = [
        relation("a", 1, "USA", "CUB", date="2016-03-20"),
        relation("a", 5, "USA", "CUB"),
        relation("a", 9, "USA", "CUB"),
    ]
    (e,) = events_of(rels, arts)
    assert e["n_reports"] == 3 and e["n_articles"] == 1 and sorted(e["relation_ids"]) == e["relation_ids"]
    assert e["event_date"] == dt.date(2016, 3, 20) and e["date_precision"] == "day"


@pytest.mark.parametrize("second, n_events", [("2016-03-22", 1), ("2016-03-23", 2)])
def test_derive_events_day_dates_agree_within_two_days(second, n_events):
    arts = [article("a", "2016-03-20"), article("b", second)]
    rels = [relation("a", 1, "USA", "CUB", date="2016-03-20"), relation("b", 1, "USA", "CUB", date=second)]
    assert len(events_of(rels, arts)) == n_events


def test_derive_events_undated_report_joins_the_recent_dated_event():
    # A later article on Obama's trip to Cuba, three days after he landed, with no date of its own.
    arts = [article("a", "2016-03-20", "Reuters"), article("b", "2016-03-20", "AP"), article("c", "2016-03-23", "NBC")]
    rels = [
        relation("a", 1, "USA", "CUB", date="2016-03-20"),
        relation("b", 1, "USA", "CUB", date="2016-03-21"),
        relation("c", 4, "USA", "CUB"),
    ]
    (e,) = events_of(rels, arts)
    assert (e["n_reports"], e["n_articles"], e["n_outlets"]) == (3, 3, 3)
    assert e["first_reported"].date() == dt.date(2016, 3, 20) and e["last_reported"].date() == dt.date(2016, 3, 23)


def test_derive_events_undated_reports_days_apart_with_no_dated_report_are_two_events():
    # Kerry's calls with Zarif (reported on the 14th), his meeting with him in Vienna (the 19th).
    arts = [article("a", "2016-01-14"), article("b", "2016-01-19")]
    rels = [relation("a", 1, "IRN", "USA", "meeting"), relation("b", 1, "IRN", "USA", "meeting")]
    assert len(events_of(rels, arts)) == 2


def test_derive_events_a_year_only_date_that_fits_no_event_is_read_as_undated():
    # A sentence on Obama's visit that names the year he agreed to restore relations (2014).
    arts = [article("a", "2016-03-20"), article("b", "2016-03-22")]
    rels = [
        relation("a", 1, "USA", "CUB", date="2016-03-20"),
        relation("b", 8, "USA", "CUB", date="2014-01-01", prec="year"),
    ]
    (e,) = events_of(rels, arts)
    assert e["n_reports"] == 2 and e["event_date"] == dt.date(2016, 3, 20)


def test_derive_events_the_visit_fulfils_its_plan_and_keeps_its_id_when_later_reports_arrive():
    arts = [article("p", "2016-02-18"), article("a", "2016-03-20"), article("b", "2016-03-24")]
    plan = relation("p", 1, "USA", "CUB", status="planned", date="2016-03-01", prec="month")
    visit = relation("a", 1, "USA", "CUB", date="2016-03-20")
    first = {e["status"]: e for e in events_of([plan, visit], arts[:2])}
    assert first["occurred"]["fulfils_event_id"] == first["planned"]["event_id"]
    assert first["planned"]["fulfils_event_id"] is None
    later = {e["status"]: e for e in events_of([plan, visit, relation("b", 2, "USA", "CUB")], arts)}
    assert later["occurred"]["event_id"] == first["occurred"]["event_id"] and later["occurred"]["n_reports"] == 2


def test_derive_events_a_plan_reported_after_the_event_is_not_fulfilled_by_it():
    arts = [article("a", "2016-03-20"), article("p", "2016-03-22")]
    rels = [
        relation("a", 1, "CUB", "USA", "meeting", date="2016-03-21"),
        relation("p", 9, "CUB", "USA", "meeting", status="planned"),  # "talks later this year"
    ]
    assert all(e["fulfils_event_id"] is None for e in events_of(rels, arts))


def test_derive_event_id_is_the_extractors_stable_id_of_dyad_type_status_and_earliest_report():
    arts = [article("a", "2016-03-20"), article("b", "2016-03-21")]
    rels = [relation("b", 1, "USA", "CUB", date="2016-03-20"), relation("a", 1, "USA", "CUB", date="2016-03-20")]
    (e,) = events_of(rels, arts)
    assert e["event_id"] == stable_id("event", "USA", "CUB", "visit", "occurred", rels[1]["relation_id"])


def test_derive_events_confidence_corroborates_across_articles_not_sentences():
    arts = [article("a", "2016-03-20"), article("b", "2016-03-20")]
    one = events_of([relation("a", i, "USA", "CUB", conf=0.5) for i in range(3)], arts[:1])[0]
    two = events_of([relation("a", 1, "USA", "CUB", conf=0.5), relation("b", 1, "USA", "CUB", conf=0.5)], arts)[0]
    assert one["confidence"] == pytest.approx(0.5) and two["confidence"] == pytest.approx(0.75)


# --- dyad_month ----------------------------------------------------------------------------


def test_derive_dyad_month_counts_symmetric_events_both_ways_and_leaves_plans_out():
    arts = [article("a", "2016-03-20"), article("b", "2016-05-02")]
    rels = [
        relation("a", 1, "CUB", "USA", "meeting", date="2016-03-21"),
        relation("b", 1, "CUB", "USA", "meeting"),  # undated, six weeks on: another meeting, in May
        relation("a", 2, "USA", "CUB", "visit", date="2016-03-20"),
        relation("a", 3, "USA", "CUB", "visit", status="planned", date="2016-05-01", prec="month"),
    ]
    con = con_over(relations=rels, articles=arts)
    con.register("events", derive_events(con))
    rows = {
        (r["source_actor"], r["target_actor"], r["month"].isoformat(), r["relation_type"]): (
            r["n_events"],
            r["n_reports"],
        )
        for r in derive_dyad_month(con).to_pylist()
    }
    assert rows == {
        ("CUB", "USA", "2016-03-01", "meeting"): (1, 1),
        ("USA", "CUB", "2016-03-01", "meeting"): (1, 1),
        ("CUB", "USA", "2016-05-01", "meeting"): (1, 1),
        ("USA", "CUB", "2016-05-01", "meeting"): (1, 1),
        ("USA", "CUB", "2016-03-01", "visit"): (1, 1),
    }


# --- sanction_regimes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "actions, state",
    [
        (["imposed", "extended"], "in_force"),
        (["imposed", "lifted"], "lifted"),
        (["imposed", "lifted", "imposed"], "in_force"),
        (["threatened"], "threatened"),
        (["imposed", "threatened"], "in_force"),  # more sanctions threatened: the regime stays in force
        (["lifted", "threatened"], "threatened"),
        (["violated"], "in_force"),  # one cannot violate sanctions that do not exist
        (["imposed", "eased", "condemned"], "eased"),
    ],
)
def test_derive_regime_state_follows_its_statements(actions, state):
    s = None
    for a in actions:
        s = state_after(s, a)
    assert (s or "in_force") == state


def test_derive_regimes_history_in_date_order_points_at_each_statement():
    arts = [article("a", "2016-01-17"), article("b", "2016-03-25"), article("c", "2016-01-13")]
    rows = [
        sanction("a", 1, "USA", "IRN", "lifted", date="2016-01-16"),
        sanction("b", 3, "USA", "IRN", "imposed", date="2016-03-24"),
        sanction("c", 2, "USA", "IRN", "in_force"),
    ]
    (r,) = derive_sanction_regimes(con_over(sanctions=rows, articles=arts)).to_pylist()
    assert [h["action"] for h in r["history"]] == ["in_force", "lifted", "imposed"]
    assert [h["sanction_id"] for h in r["history"]] == [
        rows[2]["sanction_id"],
        rows[0]["sanction_id"],
        rows[1]["sanction_id"],
    ]
    assert r["state"] == "in_force" and (r["first_date"], r["last_date"]) == (
        dt.date(2016, 1, 13),
        dt.date(2016, 3, 24),
    )
    assert r["regime_id"] == stable_id("regime", "USA", "IRN", rows[2]["sanction_id"]) and r["n_articles"] == 3


def test_derive_regimes_a_statement_without_sender_joins_the_only_named_one_or_its_announcer():
    arts = [article("a", "2016-03-20")]
    rows = [
        sanction("a", 1, "USA", "CUB", "in_force"),
        sanction("a", 2, None, "CUB", "in_force"),  # the decades-old embargo of Cuba, its sender unnamed
        sanction("a", 3, None, "IRN", "imposed", stated_by="USA"),  # new sanctions promised by US lawmakers
        sanction("a", 4, "UN", "PRK", "imposed"),
        sanction("a", 5, "USA", "PRK", "imposed"),
        sanction("a", 6, None, "PRK", "in_force"),  # two senders named: nobody's in particular
    ]
    got = {
        (r["sender"], r["target"]): r["n_statements"]
        for r in derive_sanction_regimes(con_over(sanctions=rows, articles=arts)).to_pylist()
    }
    assert got == {("USA", "CUB"): 2, ("USA", "IRN"): 1, ("UN", "PRK"): 1, ("USA", "PRK"): 1, (None, "PRK"): 1}


def test_derive_regimes_programmes_split_a_sender_and_target():
    arts = [article("a", "2016-02-10"), article("b", "2016-07-09"), article("c", "2016-07-11")]
    rows = [
        sanction("a", 1, "USA", "PRK", "tightened", reasons=["nuclear_weapons"]),
        sanction("b", 1, "USA", "PRK", "imposed", reasons=["human_rights"]),
        sanction("c", 1, "USA", "PRK", "imposed"),  # "also blacklisted other top officials": nearest in time
    ]
    got = sorted(
        (r["reason_categories"], r["n_statements"])
        for r in derive_sanction_regimes(con_over(sanctions=rows, articles=arts)).to_pylist()
    )
    assert got == [(["human_rights"], 2), (["nuclear_weapons"], 1)]


def test_derived_gold_regime_rows_match_a_build_row_whose_action_or_named_sender_changed(tmp_path):
    """The hand-grouped gold keeps its rows when extractors read another action or fill a
    sender its label names, and drops those whose sender the person found unknown."""
    gold = [
        {"sender": "USA", "action": "imposed", "regime": "USA>IRN"},  # now "threatened"
        {"sender": None, "action": "in_force", "regime": "USA>CUB"},  # sender now filled: USA
        {"sender": None, "action": "lifted", "regime": "?>IRN"},  # sender now filled: a guess
        {"sender": None, "action": "in_force", "regime": "?>PRK"},  # unchanged
        {"sender": None, "action": "tightened", "regime": "UN>PRK"},  # now EU: another regime
    ]
    targets = ["IRN", "CUB", "IRN", "PRK", "PRK"]
    path = tmp_path / "regimes.jsonl"
    path.write_text(
        "".join(
            json.dumps({"source_uri": "u", "sentence_index": i, "target": t, "target_entity": None, **g}) + "\n"
            for i, (g, t) in enumerate(zip(gold, targets))
        )
    )
    built = [
        ("u", 0, "USA", "IRN", None, "threatened"),
        ("u", 1, "USA", "CUB", None, "in_force"),
        ("u", 2, "USA", "IRN", None, "lifted"),
        ("u", 3, None, "PRK", None, "in_force"),
        ("u", 4, "EU", "PRK", None, "tightened"),
    ]
    assert match_regime_gold(path, built) == {built[0]: "USA>IRN", built[1]: "USA>CUB", built[3]: "?>PRK"}


# --- derive_tables: parts, incrementality, recovery -------------------------------------------


def commit(out: Path, run: str, seq: int, rows: dict[str, list[dict]]) -> None:
    """Commit rows as one batch's parts, the way commit_batch does."""
    staged = {}
    for table, table_rows in rows.items():
        path = store.staging_dir(out, run) / table / f"part-{run}-{seq:05d}.parquet"
        store.write_table_part(path, table, pa.Table.from_pylist(table_rows, schema=schemas.arrow_schema(table)))
        staged[table] = path
    store.commit_parts(out, staged)


RUN = "20260101T000000-0000000{}"


@pytest.fixture
def folder(tmp_path) -> Path:
    """An output folder with two committed batches of hand-made rows."""
    out = tmp_path / "tables"
    out.mkdir()
    store.ensure_tables(out)
    arts = [article(f"a{i}", f"2016-03-{1 + 5 * i:02d}") for i in range(6)]  # five days apart: six events a pair
    pairs = [("USA", "CUB"), ("RUS", "UKR"), ("CHN", "USA"), ("FRA", "DEU"), ("IRN", "USA"), ("PRK", "KOR")]
    rels = [
        relation(a["article_id"], j, s, t, date=f"2016-03-{1 + 5 * i:02d}")
        for i, a in enumerate(arts)
        for j, (s, t) in enumerate(pairs)
    ]
    sanc = [sanction(a["article_id"], 9, "USA", "IRN", "imposed") for a in arts[:3]]
    commit(out, RUN.format(1), 0, {"articles": arts, "relations": rels, "sanctions": sanc})
    return out


def snapshot(out: Path) -> dict[str, list]:
    return {d.table: sorted(map(repr, read_derived(out, d.table).to_pylist())) for d in DERIVATIONS}


def test_derive_tables_writes_validated_parts_listed_with_checksums(folder):
    done = derive_tables(folder)
    assert done["events"]["full"] and done["events"]["rows_written"] == 36
    m = store.Manifest.load(folder)
    for d in DERIVATIONS:
        names = m.parts[d.table]
        assert names and all(store.PART_NAME.fullmatch(n) for n in names)
        assert all(f"{d.table}/{n}" in m.checksums for n in names)
        assert m.derived[d.table]["parts"] == sorted(names) or names == ["part-empty.parquet"]
    assert store.verify_parts(folder) == []
    events = read_derived(folder, "events").to_pylist()
    ids = [i for e in events for i in e["relation_ids"]]
    assert sorted(ids) == sorted(store.read_column(folder, "relations", "relation_id"))  # each row in one event


def test_derive_tables_with_nothing_new_writes_nothing(folder):
    derive_tables(folder)
    before = store.Manifest.load(folder).parts
    again = derive_tables(folder)
    assert all(d["parts_written"] == 0 and not d["full"] for d in again.values())
    assert store.Manifest.load(folder).parts == before


def test_derive_tables_new_article_rewrites_only_its_buckets_and_equals_a_full_recompute(folder, tmp_path):
    derive_tables(folder)
    before = {t: set(ps) for t, ps in store.Manifest.load(folder).parts.items()}
    commit(
        folder,
        RUN.format(2),
        0,
        {"articles": [article("new", "2016-03-16")], "relations": [relation("new", 1, "USA", "CUB")]},
    )
    done = derive_tables(folder)
    bucket = bucket_of(("CUB", "USA"), BUCKETS)
    for table in ("events", "dyad_month"):
        after = set(store.Manifest.load(folder).parts[table])
        assert done[table]["parts_written"] == 1 and not done[table]["full"]
        assert {part_bucket(n) for n in after - before[table]} == {bucket}
        assert len(before[table] - after) == 1  # the bucket's old part, nothing else
    assert done["sanction_regimes"]["parts_written"] == 0
    full = tmp_path / "full"
    shutil.copytree(folder, full)
    m = store.Manifest.load(full)
    m.derived = {}
    m.save(full)
    assert all(d["full"] for d in derive_tables(full).values())
    assert snapshot(full) == snapshot(folder)


def test_derive_tables_after_relations_were_rebuilt_recompute_whole(folder):
    derive_tables(folder)
    store.drop_table(folder, "relations")  # an extractor's new version: its rows are rebuilt
    commit(folder, RUN.format(3), 0, {"relations": [relation("a0", 0, "USA", "CUB", date="2016-03-01")]})
    done = derive_tables(folder)
    assert done["events"]["full"] and done["events"]["why"] == "relations parts removed"
    assert [e["n_reports"] for e in read_derived(folder, "events").to_pylist()] == [1]
    assert len(read_derived(folder, "dyad_month")) == 1  # the visit (directed), nothing of the old rows


def test_derive_tables_a_derived_part_set_aside_is_recomputed(folder):
    derive_tables(folder)
    m = store.Manifest.load(folder)
    lost = m.parts["events"].pop()
    m.save(folder)
    (folder / "events" / lost).unlink()
    assert derive_tables(folder)["events"]["why"] == "its parts differ from the record"
    assert sum(e["n_reports"] for e in read_derived(folder, "events").to_pylist()) == 36


def test_derive_events_per_month_counts_each_happening_once(folder):
    from relata.query import open_tables

    derive_tables(folder)
    con = open_tables(folder)
    assert events_per_month(con) == [(dt.date(2016, 3, 1), 1, 36)]
