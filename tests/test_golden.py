"""End to end on the embedded sample: the rows the build makes, pinned in a golden file.

The golden file (tests/golden/sample_rows.json) holds, per table, the key of
every row the build produced for each sample article, and the row counts.
A change that adds, drops or alters a row fails here; when the change is
intended, regenerate it with ``RELATA_REGEN_GOLDEN=1 pytest tests/test_golden.py``
and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest

from relata.evaluate import evaluate
from relata.settings import PROJECT_ROOT

GOLDEN = Path(__file__).parent / "golden" / "sample_rows.json"
SAMPLE_GOLD = PROJECT_ROOT / "data" / "sample_gold.jsonl"
KEY_COLUMNS = {
    "relations": ["source_actor", "target_actor", "relation_type", "status"],
    "sanctions": ["sender", "target", "action", "stated_by"],
    "denials": ["denier", "denied_type", "accuser"],
    "cooperation": ["actor_a", "actor_b", "area", "status"],
}
# The derived tables: what groups the rows above (their ids are hashes of those rows' ids).
DERIVED_COLUMNS = {
    "events": ["source_actor", "target_actor", "relation_type", "status", "event_date", "n_reports", "n_articles"],
    "sanction_regimes": ["sender", "target", "state", "first_date", "n_statements"],
    "dyad_month": ["source_actor", "target_actor", "month", "relation_type", "n_events", "n_reports"],
}


def snapshot(out: Path) -> dict:
    con = duckdb.connect()
    snap: dict = {"row_counts": {}, "rows": {}}
    for table in [
        "articles",
        "article_texts",
        "relations",
        "sanctions",
        "denials",
        "cooperation",
        "rejects",
        *DERIVED_COLUMNS,
    ]:
        glob = str(out / table / "*.parquet")
        snap["row_counts"][table] = con.execute(f"select count(*) from read_parquet('{glob}')").fetchall()[0][0]
    for table, cols in KEY_COLUMNS.items():
        q = (
            f"select a.source_uri, t.sentence_index, {', '.join('t.' + c for c in cols)} "
            f"from read_parquet('{out / table}/*.parquet') t join read_parquet('{out}/articles/*.parquet') a "
            f"using (article_id) order by all"
        )
        snap["rows"][table] = [["" if v is None else str(v) for v in r] for r in con.execute(q).fetchall()]
    for table, cols in DERIVED_COLUMNS.items():
        q = f"select {', '.join(cols)} from read_parquet('{out}/{table}/*.parquet') order by all"
        snap["rows"][table] = [["" if v is None else str(v) for v in r] for r in con.execute(q).fetchall()]
    return snap


def test_golden_sample_rows_match(sample_build):
    snap = snapshot(sample_build)
    if os.environ.get("RELATA_REGEN_GOLDEN"):
        GOLDEN.write_text(json.dumps(snap, indent=1) + "\n")
    expected = json.loads(GOLDEN.read_text())
    assert snap["row_counts"] == expected["row_counts"]
    for table in [*KEY_COLUMNS, *DERIVED_COLUMNS]:
        got, want = {tuple(r) for r in snap["rows"][table]}, {tuple(r) for r in expected["rows"][table]}
        assert got == want, f"{table}: new {sorted(got - want)[:5]} missing {sorted(want - got)[:5]}"


def test_golden_every_sample_article_is_built_and_nothing_is_rejected_at_ingest(sample_build):
    con = duckdb.connect()
    n = con.execute(f"select count(*) from read_parquet('{sample_build}/articles/*.parquet')").fetchall()[0][0]
    bad = con.execute(
        f"select count(*) from read_parquet('{sample_build}/rejects/*.parquet') "
        "where stage in ('ingest', 'parse', 'validate')"
    ).fetchall()[0][0]
    gold = [json.loads(x) for x in SAMPLE_GOLD.read_text().splitlines() if x.strip()]
    assert n == len(gold) and bad == 0


# Floors, not targets: the measured figures are in the README; these catch a regression.
FLOORS = {"relations": 0.5, "sanctions": 0.35, "denials": 0.4, "cooperation": 0.55}


@pytest.mark.parametrize("table", list(FLOORS))
def test_golden_sample_quality_does_not_regress(sample_build, table):
    d = evaluate(SAMPLE_GOLD, sample_build).as_dict()
    assert d[table]["f1"] >= FLOORS[table], d[table]


def test_golden_non_political_article_yields_nothing(sample_build):
    gold = [json.loads(x) for x in SAMPLE_GOLD.read_text().splitlines() if x.strip()]
    empty = [g["source_uri"] for g in gold if not any(g[t] for t in KEY_COLUMNS)]
    assert empty, "the sample must hold a non-political article"
    con = duckdb.connect()
    for table in KEY_COLUMNS:
        q = (
            f"select count(*) from read_parquet('{sample_build}/{table}/*.parquet') t "
            f"join read_parquet('{sample_build}/articles/*.parquet') a using (article_id) "
            f"where a.source_uri in ({', '.join(repr(u) for u in empty)})"
        )
        assert con.execute(q).fetchall()[0][0] == 0, table
