"""The schemas guard the write boundary and are the single source of the columns."""

from __future__ import annotations

import datetime as dt
import re

import pyarrow as pa
import pytest

from relata import schemas
from relata.settings import PROJECT_ROOT

# The contract's column names (shared/CONTRACT.md): renaming one is a breaking change.
CONTRACT_COLUMNS = {
    "articles": [
        "article_id",
        "source_uri",
        "url",
        "title",
        "outlet",
        "author",
        "published_at",
        "language",
        "n_chars",
        "ingested_at",
    ],
    "article_texts": ["article_id", "text"],
    "relations": [
        "relation_id",
        "source_actor",
        "target_actor",
        "source_person",
        "target_person",
        "relation_type",
        "status",
        "attributed_to",
        "event_date",
        "date_precision",
        "cameo_code",
        "plover_type",
        "quad_class",
        "goldstein",
    ],
    "sanctions": [
        "sanction_id",
        "sender",
        "target",
        "target_entity",
        "action",
        "stated_by",
        "measures",
        "reason_categories",
        "reason",
        "event_date",
        "date_precision",
    ],
    "denials": [
        "denial_id",
        "denier",
        "denied_type",
        "denied_claim",
        "accuser",
        "denied_relation_id",
        "event_date",
        "date_precision",
    ],
    "cooperation": ["cooperation_id", "actor_a", "actor_b", "area", "status", "event_date", "date_precision"],
    "rejects": ["source_uri", "article_id", "stage", "reason", "detail", "rejected_at"],
    # The derived tables (CONTRACT.md, "Derived tables").
    "events": [
        "event_id",
        "source_actor",
        "target_actor",
        "relation_type",
        "cameo_code",
        "plover_type",
        "quad_class",
        "goldstein",
        "status",
        "event_date",
        "date_precision",
        "first_reported",
        "last_reported",
        "n_reports",
        "n_articles",
        "n_outlets",
        "relation_ids",
        "evidence",
        "confidence",
        "fulfils_event_id",
    ],
    "sanction_regimes": [
        "regime_id",
        "sender",
        "target",
        "target_entity",
        "measures",
        "reason_categories",
        "state",
        "first_date",
        "last_date",
        "history",
        "n_statements",
        "n_articles",
    ],
    "dyad_month": [
        "source_actor",
        "target_actor",
        "month",
        "relation_type",
        "quad_class",
        "n_events",
        "n_reports",
        "goldstein_sum",
        "goldstein_mean",
    ],
}
PROVENANCE = ["article_id", "sentence_index", "char_start", "char_end", "evidence", "extractor_version", "confidence"]


@pytest.mark.parametrize("table", list(CONTRACT_COLUMNS))
def test_schema_columns_match_the_contract(table):
    expected = CONTRACT_COLUMNS[table] + (PROVENANCE if schemas.TABLES[table].extracted else [])
    assert schemas.TABLES[table].columns == expected
    assert schemas.arrow_schema(table).names == expected


def good_relation(**over):
    row = dict(
        relation_id="r1",
        source_actor="RUS",
        target_actor="PRK",
        source_person="Vladimir Putin",
        target_person=None,
        relation_type="visit",
        status="planned",
        attributed_to=None,
        event_date=dt.date(2024, 6, 18),
        date_precision="day",
        cameo_code="042",
        plover_type="CONSULT",
        quad_class=1,
        goldstein=1.9,
        article_id="a1",
        sentence_index=0,
        char_start=10,
        char_end=13,
        evidence="abc",
        extractor_version="relations-test",
        confidence=0.9,
    )
    row.update(over)
    return row


def test_schema_valid_relation_passes():
    df, bad = schemas.split_valid("relations", [good_relation()])
    assert len(df) == 1 and bad == []


@pytest.mark.parametrize(
    "change, check",
    [
        ({"relation_type": "hug"}, "relation_type:in_vocabulary(relation_type)"),
        ({"status": "rumoured"}, "status:in_vocabulary(status)"),
        ({"source_actor": "XXX"}, "source_actor:is_actor_code"),
        ({"target_actor": "RUS"}, "source_differs_from_target"),
        ({"char_end": 14}, "span_matches_evidence"),
        ({"confidence": 1.5}, "confidence:le(1.0)"),
        ({"date_precision": None}, "date_and_precision_together"),
        (
            {"relation_type": "meeting", "source_actor": "RUS", "target_actor": "PRK"},
            "symmetric_pair_in_alphabetical_order",
        ),
        ({"quad_class": 7}, "quad_class:le(4)"),
    ],
)
def test_schema_bad_relation_is_rejected_with_the_failed_check(change, check):
    df, bad = schemas.split_valid("relations", [good_relation(), good_relation(relation_id="r2", **change)])
    assert list(df["relation_id"]) == ["r1"]
    assert len(bad) == 1 and check in bad[0]["checks"], bad


def test_schema_duplicate_key_is_rejected():
    _df, bad = schemas.split_valid("relations", [good_relation(), good_relation()])
    assert len(bad) >= 1


@pytest.mark.parametrize(
    "row, check",
    [
        (dict(action="condemned", stated_by=None), "stated_by_required_for_condemned_and_threatened"),
        (dict(measures=["trade", "candy"]), "measures:all_in_vocabulary(measures)"),
        (dict(sender="UN", target="UN"), "sender_differs_from_target"),
    ],
)
def test_schema_bad_sanction_is_rejected(row, check):
    base = dict(
        sanction_id="s1",
        sender="UN",
        target="PRK",
        target_entity=None,
        action="in_force",
        stated_by=None,
        measures=[],
        reason_categories=["nuclear_weapons"],
        reason=None,
        event_date=None,
        date_precision=None,
        article_id="a",
        sentence_index=1,
        char_start=0,
        char_end=2,
        evidence="ab",
        extractor_version="x",
        confidence=0.5,
    )
    df, bad = schemas.split_valid("sanctions", [{**base, **row}])
    assert len(df) == 0 and check in bad[0]["checks"]


def test_schema_round_trip_through_arrow_keeps_types():
    df, _ = schemas.split_valid("relations", [good_relation()])
    tbl = schemas.to_arrow("relations", df)
    assert tbl.schema.equals(schemas.arrow_schema("relations"), check_metadata=False)
    assert tbl.column("event_date").to_pylist() == [dt.date(2024, 6, 18)]


def test_data_dictionary_is_generated_from_the_schemas_and_not_stale():
    path = PROJECT_ROOT / "docs" / "data-dictionary.md"
    assert path.read_text() == schemas.data_dictionary() + "\n", "run `relata schema dictionary`"


def test_frictionless_schema_lists_every_column():
    fs = schemas.frictionless_schema("cooperation")
    assert [f["name"] for f in fs["fields"]] == schemas.TABLES["cooperation"].columns
    assert fs["primaryKey"] == ["cooperation_id"]


def good_event(**over):
    row = dict(
        event_id="e1",
        source_actor="USA",
        target_actor="CUB",
        relation_type="visit",
        cameo_code="042",
        plover_type="CONSULT",
        quad_class=1,
        goldstein=1.9,
        status="occurred",
        event_date=dt.date(2016, 3, 20),
        date_precision="day",
        first_reported=dt.datetime(2016, 3, 20, tzinfo=dt.UTC),
        last_reported=dt.datetime(2016, 3, 23, tzinfo=dt.UTC),
        n_reports=3,
        n_articles=2,
        n_outlets=2,
        relation_ids=["r1", "r2", "r3"],
        evidence="Obama landed in Cuba.",
        confidence=0.9,
        fulfils_event_id="e0",
    )
    row.update(over)
    return row


def test_schema_valid_event_passes_arrow_validation():
    tbl = schemas.validate_arrow("events", pa.Table.from_pylist([good_event()], schema=schemas.arrow_schema("events")))
    assert tbl.num_rows == 1


@pytest.mark.parametrize(
    "change, check",
    [
        ({"relation_type": "meeting"}, "symmetric_pair_in_alphabetical_order"),
        ({"n_articles": 4}, "outlets_le_articles_le_reports"),
        ({"relation_ids": ["r1"]}, "one_relation_id_per_report"),
        ({"status": "planned"}, "only_occurred_fulfils"),
        ({"target_actor": "XXX"}, "target_actor:is_actor_code"),
        ({"relation_ids": ["r1", "", "r3"]}, "relation_ids:all_strings_not_empty"),
        ({"last_reported": dt.datetime(2016, 3, 1, tzinfo=dt.UTC)}, "first_before_last"),
    ],
)
def test_schema_bad_derived_row_fails_loudly_naming_its_check(change, check):
    rows = [good_event(), good_event(event_id="e2", **change)]
    tbl = pa.Table.from_pylist(rows, schema=schemas.arrow_schema("events"))
    with pytest.raises(ValueError, match=re.escape(check)):
        schemas.validate_arrow("events", tbl)
    # The same rows, the way a reader of the table sees them, are rejected by split_valid.
    _, bad = schemas.split_valid("events", rows)
    assert len(bad) == 1 and check in bad[0]["checks"]


def test_schema_dyad_month_counts_symmetric_types_both_ways():
    row = dict(
        source_actor="USA",
        target_actor="CUB",
        month=dt.date(2016, 3, 1),
        relation_type="meeting",
        quad_class=1,
        n_events=2,
        n_reports=5,
        goldstein_sum=2.0,
        goldstein_mean=1.0,
    )
    _, bad = schemas.split_valid("dyad_month", [row, {**row, "month": dt.date(2016, 3, 2), "relation_type": "visit"}])
    assert [b["checks"] for b in bad] == [["month_is_its_first_day"]]


def test_schema_history_is_a_list_of_structs_in_every_generated_form():
    f = schemas.FIELDS["history"]
    assert schemas.arrow_type(f) == pa.list_(
        pa.struct([("date", pa.date32()), ("action", pa.string()), ("sanction_id", pa.string())])
    )
    assert schemas.duckdb_type(f) == "STRUCT(date DATE, action VARCHAR, sanction_id VARCHAR)[]"
    fs = schemas.frictionless_schema("sanction_regimes")
    assert {x["name"]: x["type"] for x in fs["fields"]}["history"] == "array"
