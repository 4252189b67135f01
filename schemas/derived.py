"""What is generated from ``fields.py`` and ``tables.py``: the pandera schemas that guard the
write boundary, the Arrow schemas the Parquet files are written with, the DuckDB types, the
Frictionless table schemas of a release and the data dictionary.

Kept apart from the package's ``__init__`` because it needs pandas, pandera and pyarrow: the
model processes of a build read the vocabularies but never validate or write, and importing
these three would cost each of them about 100 MB.
"""

from __future__ import annotations

import datetime as dt
import functools

import pandas as pd
import pandera.pandas as pa
import pyarrow as pa_arrow

from relata.schemas import vocabularies
from relata.schemas.fields import Field
from relata.schemas.tables import SCHEMA_VERSION, TABLES, Table

_ARROW_TYPES = {
    "string": pa_arrow.string(),
    "int32": pa_arrow.int32(),
    "int8": pa_arrow.int8(),
    "float32": pa_arrow.float32(),
    "date": pa_arrow.date32(),
    "timestamp": pa_arrow.timestamp("us", tz="UTC"),
    "string_list": pa_arrow.list_(pa_arrow.string()),
}
_DUCKDB_TYPES = {
    "string": "VARCHAR",
    "int32": "INTEGER",
    "int8": "TINYINT",
    "float32": "FLOAT",
    "date": "DATE",
    "timestamp": "TIMESTAMP WITH TIME ZONE",
    "string_list": "VARCHAR[]",
}
_FRICTIONLESS_TYPES = {
    "string": "string",
    "int32": "integer",
    "int8": "integer",
    "float32": "number",
    "date": "date",
    "timestamp": "datetime",
    "string_list": "array",
}


def arrow_schema(table: str) -> pa_arrow.Schema:
    t = TABLES[table]
    return pa_arrow.schema(
        [pa_arrow.field(f.column, _ARROW_TYPES[f.type], nullable=f.nullable) for f in t.fields],
        metadata={"relata.table": table, "relata.schema_version": SCHEMA_VERSION},
    )


def duckdb_type(field: Field) -> str:
    return _DUCKDB_TYPES[field.type]


# --- pandera ---------------------------------------------------------------


def _is_str(x: object) -> bool:
    return isinstance(x, str)


def _element_checks(f: Field) -> list[pa.Check]:
    """Checks on single values, so a failure names the offending row."""
    checks: list[pa.Check] = []

    def ok(pred, name):
        # None passes: nullability is checked separately by pandera.
        checks.append(pa.Check(lambda x, p=pred: x is None or x is pd.NA or p(x), element_wise=True, name=name))

    if f.type == "string":
        ok(_is_str, "is_string")
        if not f.nullable:
            ok(lambda x: x != "", "not_empty")
    if f.vocabulary and f.type == "string":
        vocab = frozenset(f.vocabulary)
        ok(lambda x, vocab=vocab: x in vocab, f"in_vocabulary({f.column})")
    if f.vocabulary and f.type == "string_list":
        vocab = frozenset(f.vocabulary)
        ok(lambda xs, vocab=vocab: all(x in vocab for x in xs), f"all_in_vocabulary({f.column})")
    if f.type == "string_list":
        ok(lambda xs: isinstance(xs, (list, tuple)), "is_list")
    if f.actor:
        ok(vocabularies.is_actor_code, "is_actor_code")
    if f.type == "date":
        ok(lambda x: isinstance(x, dt.date) and not isinstance(x, dt.datetime), "is_date")
    if f.type in ("int32", "int8", "float32"):
        if f.minimum is not None:
            ok(lambda x, m=f.minimum: x >= m, f"ge({f.minimum})")
        if f.maximum is not None:
            ok(lambda x, m=f.maximum: x <= m, f"le({f.maximum})")
    return checks


def _row_checks(table: Table) -> list[pa.Check]:
    """Checks across columns of one row."""
    cols = set(table.columns)
    checks: list[pa.Check] = []
    if {"char_start", "char_end", "evidence"} <= cols:
        checks.append(
            pa.Check(
                lambda df: (
                    (df["char_start"] < df["char_end"])
                    & ((df["char_end"] - df["char_start"]) == df["evidence"].str.len())
                ),
                name="span_matches_evidence",
            )
        )
    if {"source_actor", "target_actor"} <= cols:
        checks.append(pa.Check(lambda df: df["source_actor"] != df["target_actor"], name="source_differs_from_target"))
    if {"actor_a", "actor_b"} <= cols:
        checks.append(pa.Check(lambda df: df["actor_a"] < df["actor_b"], name="pair_in_alphabetical_order"))
    if {"source_actor", "relation_type"} <= cols:
        sym = vocabularies.SYMMETRIC_RELATION_TYPES
        checks.append(
            pa.Check(
                lambda df: ~df["relation_type"].isin(sym) | (df["source_actor"] < df["target_actor"]),
                name="symmetric_pair_in_alphabetical_order",
            )
        )
    if {"action", "stated_by"} <= cols:
        checks.append(
            pa.Check(
                lambda df: ~df["action"].isin(["condemned", "threatened"]) | df["stated_by"].notna(),
                name="stated_by_required_for_condemned_and_threatened",
            )
        )
    if {"sender", "target"} <= cols:
        checks.append(
            pa.Check(lambda df: df["sender"].isna() | (df["sender"] != df["target"]), name="sender_differs_from_target")
        )
    if {"event_date", "date_precision"} <= cols:
        checks.append(
            pa.Check(
                lambda df: df["event_date"].isna() == df["date_precision"].isna(), name="date_and_precision_together"
            )
        )
    return checks


@functools.cache
def pandera_schema(table: str) -> pa.DataFrameSchema:
    t = TABLES[table]
    columns = {
        f.column: pa.Column(object, nullable=f.nullable, checks=_element_checks(f), coerce=False) for f in t.fields
    }
    return pa.DataFrameSchema(
        columns,
        checks=_row_checks(t),
        unique=list(t.primary_key) or None,
        strict=True,
        ordered=False,
        name=table,
    )


def empty_frame(table: str) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in TABLES[table].columns})


def split_valid(table: str, rows: list[dict]) -> tuple[pd.DataFrame, list[dict]]:
    """Validate rows against the table's schema.

    Returns the valid rows as a DataFrame and, for every invalid row, a dict
    with the row and the names of the checks it failed: nothing is dropped
    without a reason.
    """
    if not rows:
        return empty_frame(table), []
    t = TABLES[table]
    df = pd.DataFrame.from_records(rows, columns=t.columns).astype(object)
    df = df.where(df.notna(), None) if len(df) else df
    try:
        pandera_schema(table).validate(df, lazy=True)
        return df, []
    except pa.errors.SchemaErrors as err:
        failures = err.failure_cases
    bad: dict[int, set[str]] = {}
    whole_frame: set[str] = set()
    row_checks = {c.name for c in _row_checks(t)}
    for case in failures.itertuples(index=False):
        idx = case.index
        check = str(case.check)
        # pandera reports a failed row-wise check once per column; one label is enough.
        label = check if check in row_checks or case.column in (None, table) else f"{case.column}:{check}"
        if idx is None or (isinstance(idx, float) and pd.isna(idx)):
            whole_frame.add(label)
        else:
            bad.setdefault(int(idx), set()).add(label)
    if whole_frame and not bad:
        # A failure pandera cannot pin on a row (e.g. a missing column) is a bug
        # in the caller, not bad data: fail loudly.
        raise ValueError(f"{table}: schema failure not attributable to a row: {sorted(whole_frame)}")
    rejected = [{"row": rows[i], "checks": sorted(c)} for i, c in sorted(bad.items())]
    keep = df.drop(index=list(bad)).reset_index(drop=True)
    return keep, rejected


def to_arrow(table: str, df: pd.DataFrame) -> pa_arrow.Table:
    schema = arrow_schema(table)
    arrays = [pa_arrow.array(df[f.name].tolist() if len(df) else [], type=f.type) for f in schema]
    return pa_arrow.Table.from_arrays(arrays, schema=schema)


# --- generated documents ---------------------------------------------------


def frictionless_schema(table: str) -> dict:
    """Frictionless Table Schema (v2) of a table."""
    t = TABLES[table]
    fields = []
    for f in t.fields:
        d: dict = {"name": f.column, "type": _FRICTIONLESS_TYPES[f.type], "description": f.description}
        constraints: dict = {}
        if not f.nullable:
            constraints["required"] = True
        if f.vocabulary and f.type == "string":
            constraints["enum"] = list(f.vocabulary)
        if f.minimum is not None:
            constraints["minimum"] = f.minimum
        if f.maximum is not None:
            constraints["maximum"] = f.maximum
        if constraints:
            d["constraints"] = constraints
        fields.append(d)
    out: dict = {"fields": fields}
    if t.primary_key:
        out["primaryKey"] = list(t.primary_key)
    return out


def _type_label(f: Field) -> str:
    return {"string_list": "list<string>", "timestamp": "timestamp (UTC)"}.get(f.type, f.type)


def data_dictionary() -> str:
    """The data dictionary (docs/data-dictionary.md), generated from the schemas."""
    lines = [
        "# Data dictionary",
        "",
        "<!-- Generated from schemas/ by `relata schema dictionary`; do not edit by hand. -->",
        "",
        f"Schema version {SCHEMA_VERSION}. Every table is a folder of Parquet files (zstd): "
        "`read_parquet('<out>/<table>/**/*.parquet')`.",
        "",
        "Actor codes: ISO 3166-1 alpha-3 (validated against pycountry) or one of "
        + ", ".join(f"`{c}`" for c in vocabularies.ORGANISATIONS)
        + ".",
        "",
    ]
    for t in TABLES.values():
        lines += [f"## `{t.name}`", "", t.description, ""]
        if t.primary_key:
            lines += ["Primary key: " + ", ".join(f"`{c}`" for c in t.primary_key), ""]
        lines += ["| column | type | nullable | meaning |", "| --- | --- | --- | --- |"]
        for f in t.fields:
            meaning = f.description
            if f.vocabulary:
                meaning += " One of: " + ", ".join(f"`{x}`" for x in f.vocabulary) + "."
            if f.actor:
                meaning += " (actor code)"
            lines.append(f"| `{f.column}` | {_type_label(f)} | {'yes' if f.nullable else 'no'} | {meaning} |")
        lines.append("")
    return "\n".join(lines)
