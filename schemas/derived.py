"""What is generated from ``fields.py`` and ``tables.py``: the pandera schemas that guard the
write boundary, the Arrow schemas the Parquet files are written with, the DuckDB types, the
Frictionless table schemas of a release and the data dictionary.

The extracted tables are validated a batch of rows at a time with element-wise checks (a failed
row names its check and becomes a ``rejects`` row). The derived tables (``relata.derive``) are
validated with the same checks written over whole columns (``isin``, comparisons, one ``type``
per value): a derived part can hold millions of rows, and element-wise checks cost about
100 µs a row (22 s for 200,000 relations rows on the reference machine).

Kept apart from the package's ``__init__`` because it needs pandas, pandera and pyarrow: the
model processes of a build read the vocabularies but never validate or write, and importing
these three would cost each of them about 100 MB.
"""

from __future__ import annotations

import datetime as dt
import functools

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow as pa_arrow

from relata.schemas import vocabularies
from relata.schemas.fields import Field
from relata.schemas.tables import SCHEMA_VERSION, TABLES, Table

_SCALAR_ARROW_TYPES = {
    "string": pa_arrow.string(),
    "int32": pa_arrow.int32(),
    "int8": pa_arrow.int8(),
    "float32": pa_arrow.float32(),
    "date": pa_arrow.date32(),
    "timestamp": pa_arrow.timestamp("us", tz="UTC"),
}
_ARROW_TYPES = {**_SCALAR_ARROW_TYPES, "string_list": pa_arrow.list_(pa_arrow.string())}
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
    "struct_list": "array",
}


def arrow_type(field: Field) -> pa_arrow.DataType:
    if field.type == "struct_list":
        return pa_arrow.list_(pa_arrow.struct([(n, _SCALAR_ARROW_TYPES[t]) for n, t, _ in field.members]))
    return _ARROW_TYPES[field.type]


def arrow_schema(table: str) -> pa_arrow.Schema:
    t = TABLES[table]
    return pa_arrow.schema(
        [pa_arrow.field(f.column, arrow_type(f), nullable=f.nullable) for f in t.fields],
        metadata={"relata.table": table, "relata.schema_version": SCHEMA_VERSION},
    )


def duckdb_type(field: Field) -> str:
    if field.type == "struct_list":
        return "STRUCT(" + ", ".join(f"{n} {_DUCKDB_TYPES[t]}" for n, t, _ in field.members) + ")[]"
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


_LIST_TYPES = (list, tuple, np.ndarray)


def _vector_checks(f: Field) -> list[pa.Check]:
    """The checks of ``_element_checks``, over a whole column at a time (for the derived tables)."""
    checks: list[pa.Check] = []

    def ok(pred, name):
        # None passes: nullability is checked separately by pandera.
        checks.append(pa.Check(lambda s, p=pred: s.isna() | p(s), name=name))

    def each(pred, name):
        # A check on every element of a list column; an empty list passes.
        def check(s, p=pred):
            items = s[s.map(type).isin(_LIST_TYPES)].explode()
            bad = ~(items.isna() | p(items))
            return pd.Series(~s.index.isin(items.index[bad.to_numpy()]), index=s.index)

        checks.append(pa.Check(check, name=name))

    if f.type == "string":
        ok(lambda s: s.map(type).eq(str), "is_string")
        if not f.nullable:
            ok(lambda s: s.str.len().fillna(0) > 0, "not_empty")
    if f.vocabulary and f.type == "string":
        ok(lambda s, vocab=frozenset(f.vocabulary): s.isin(vocab), f"in_vocabulary({f.column})")
    if f.type in ("string_list", "struct_list"):
        ok(lambda s: s.map(type).isin(_LIST_TYPES), "is_list")
    if f.type == "string_list":
        each(lambda s: s.map(type).eq(str) & (s.str.len() > 0), "all_strings_not_empty")
        if f.vocabulary:
            each(lambda s, vocab=frozenset(f.vocabulary): s.isin(vocab), f"all_in_vocabulary({f.column})")
    if f.type == "struct_list":
        each(lambda s, f=f: s.map(lambda x: _member_ok(f, x)), "members_valid")
    if f.actor:
        ok(lambda s: s.isin(vocabularies.actor_codes()), "is_actor_code")
    if f.type == "date":
        ok(lambda s: s.map(type).eq(dt.date), "is_date")
    if f.type in ("int32", "int8", "float32"):
        if f.minimum is not None:
            ok(lambda s, m=f.minimum: pd.to_numeric(s) >= m, f"ge({f.minimum})")
        if f.maximum is not None:
            ok(lambda s, m=f.maximum: pd.to_numeric(s) <= m, f"le({f.maximum})")
    return checks


def _member_ok(f: Field, x: object) -> bool:
    """One element of a struct_list: a dict with the field's members, typed, in their vocabularies."""
    if not isinstance(x, dict) or set(x) != {n for n, _, _ in f.members}:
        return False
    for name, type_, vocab in f.members:
        v = x[name]
        if v is None:
            return False
        if type_ == "string" and not (isinstance(v, str) and v and (vocab is None or v in vocab)):
            return False
        if type_ == "date" and type(v) is not dt.date:
            return False
    return True


def _row_checks(table: Table) -> list[pa.Check]:
    """Checks across columns of one row."""
    cols = set(table.columns)
    keys = set(table.field_keys)
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
    if {"source_actor", "relation_type"} <= keys:
        # Only where the field says so: dyad_month counts a symmetric type in both directions.
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
    # The derived tables' own invariants.
    if {"first_reported", "last_reported"} <= cols:
        checks.append(pa.Check(lambda df: df["first_reported"] <= df["last_reported"], name="first_before_last"))
    if {"first_date", "last_date"} <= cols:
        checks.append(
            pa.Check(
                lambda df: df["first_date"].isna() | df["last_date"].isna() | (df["first_date"] <= df["last_date"]),
                name="first_before_last",
            )
        )
    if {"n_reports", "n_articles", "n_outlets"} <= cols:
        checks.append(
            pa.Check(
                lambda df: (df["n_outlets"] <= df["n_articles"]) & (df["n_articles"] <= df["n_reports"]),
                name="outlets_le_articles_le_reports",
            )
        )
    if {"relation_ids", "n_reports"} <= cols:
        checks.append(
            pa.Check(lambda df: df["relation_ids"].map(len) == df["n_reports"], name="one_relation_id_per_report")
        )
    if {"fulfils_event_id", "status"} <= cols:
        checks.append(
            pa.Check(
                lambda df: df["fulfils_event_id"].isna() | (df["status"] == "occurred"), name="only_occurred_fulfils"
            )
        )
    if {"history", "n_statements", "n_articles"} <= cols:
        checks.append(
            pa.Check(
                lambda df: (df["history"].map(len) == df["n_statements"]) & (df["n_articles"] <= df["n_statements"]),
                name="one_history_entry_per_statement",
            )
        )
    if {"month", "n_events", "goldstein_sum", "goldstein_mean"} <= cols:
        checks.append(pa.Check(lambda df: df["month"].map(lambda d: d.day == 1), name="month_is_its_first_day"))
        checks.append(pa.Check(lambda df: df["n_events"] <= df["n_reports"], name="events_le_reports"))
        checks.append(
            pa.Check(
                lambda df: (
                    (
                        pd.to_numeric(df["goldstein_mean"]) * pd.to_numeric(df["n_events"])
                        - pd.to_numeric(df["goldstein_sum"])
                    )
                    .abs()
                    .le(1e-3 * pd.to_numeric(df["n_events"]) + 1e-3)
                ),
                name="mean_is_sum_over_events",
            )
        )
    return checks


@functools.cache
def pandera_schema(table: str) -> pa.DataFrameSchema:
    t = TABLES[table]
    # A derived table's frame comes from Arrow with typed columns (int32, datetime64 ...); the Arrow
    # schema it is cast to on writing fixes its types.
    dtype, column_checks = (None, _vector_checks) if t.derived else (object, _element_checks)
    columns = {f.column: pa.Column(dtype, nullable=f.nullable, checks=column_checks(f), coerce=False) for f in t.fields}
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
        bad = _failed_rows(table, err)
    rejected = [{"row": rows[i], "checks": sorted(c)} for i, c in sorted(bad.items())]
    keep = df.drop(index=list(bad)).reset_index(drop=True)
    return keep, rejected


def _failed_rows(table: str, err: pa.errors.SchemaErrors) -> dict[int, set[str]]:
    """The checks each row failed, by row position."""
    bad: dict[int, set[str]] = {}
    whole_frame: set[str] = set()
    row_checks = {c.name for c in _row_checks(TABLES[table])}
    for case in err.failure_cases.itertuples(index=False):
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
    return bad


def validate_arrow(table: str, tbl: pa_arrow.Table) -> pa_arrow.Table:
    """A derived table's rows, cast to its Arrow schema and validated by its pandera schema.

    A derived row is computed from rows that passed their own schemas: one that fails is a bug
    in the derivation, not bad data, so it raises (naming the first rows and their checks)
    instead of becoming a ``rejects`` row.
    """
    schema = arrow_schema(table)
    tbl = tbl.select(schema.names).cast(schema)
    df = tbl.to_pandas(date_as_object=True)
    for f in TABLES[table].fields:
        if f.type == "string":  # pandas' own string dtype, not Python objects: checked as split_valid sees them
            df[f.column] = df[f.column].astype(object).where(df[f.column].notna(), None)
    try:
        pandera_schema(table).validate(df, lazy=True)
    except pa.errors.SchemaErrors as err:
        bad = _failed_rows(table, err)
        shown = "; ".join(f"row {i} {df.iloc[i].to_dict()}: {', '.join(sorted(c))}" for i, c in sorted(bad.items())[:3])
        raise ValueError(f"{table}: {len(bad)} derived row(s) fail the schema: {shown}") from None
    return tbl


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
    if f.type == "struct_list":
        return "list<struct<" + ", ".join(f"{n} {t}" for n, t, _ in f.members) + ">>"
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
        if t.derived:
            lines += ["Derived: recomputed by every build from the extracted tables (`relata/derive/`).", ""]
        if t.primary_key:
            lines += ["Primary key: " + ", ".join(f"`{c}`" for c in t.primary_key), ""]
        lines += ["| column | type | nullable | meaning |", "| --- | --- | --- | --- |"]
        for f in t.fields:
            meaning = f.description
            if f.vocabulary:
                meaning += " One of: " + ", ".join(f"`{x}`" for x in f.vocabulary) + "."
            for name, _, vocab in f.members:
                if vocab:
                    meaning += f" `{name}` is one of: " + ", ".join(f"`{x}`" for x in vocab) + "."
            if f.actor:
                meaning += " (actor code)"
            lines.append(f"| `{f.column}` | {_type_label(f)} | {'yes' if f.nullable else 'no'} | {meaning} |")
        lines.append("")
    return "\n".join(lines)
