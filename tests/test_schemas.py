"""The schemas guard the write boundary and are the single source of the columns."""

from __future__ import annotations

import datetime as dt

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
