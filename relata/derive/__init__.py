"""The derived tables, kept up to date with the extracted ones: ``derive_tables(out)``.

Three derivations, one module each, each a pure function from DuckDB views of its input
tables to an Arrow table of its output rows:

- ``events`` (``events.derive_events``): relations rows -> one row per happening;
- ``dyad_month`` (``dyad_month.derive_dyad_month``): events -> counts per directed dyad and month;
- ``sanction_regimes`` (``sanction_regimes.derive_sanction_regimes``): sanctions rows -> regimes.

``derive_tables`` is the build's step between commit and finish (``relata.build.Steps.derive``).
It writes the derived rows the way every table is written: validated against their schema
(``schemas.validate_arrow``), staged, moved into place and listed in the manifest with
their checksums (``store.replace_parts``).

Partitioning. A derived table is cut into hash buckets of the key its derivation works by:
the unordered dyad for ``events`` and ``dyad_month`` (a dyad's events, and the counts of
both its directions, depend on its relations rows only), the target for
``sanction_regimes`` (a statement without a sender can join any regime on its target).
One part per non-empty bucket, named ``part-<run>-<bucket>.parquet`` (the bucket in the
place of a batch's sequence number, so ``store.PART_NAME`` and ``reconcile`` need no
change). A build that adds articles finds the keys its new rows touch (for ``events`` a
dyad and a type: a dyad's events of one type depend on its reports of that type only),
recomputes the derived rows of those keys from all the rows of those keys, and rewrites
only their buckets' parts, the untouched keys' rows of a rewritten bucket copied from its
old part; ``dyad_month`` rewrites the buckets whose ``events`` part changed. One new
article rewrites a few of 64 parts (at 10 million relations rows a part holds about
37,000 events), never the table: few enough buckets that a query over the folder opens
few files, enough that a rewrite stays small. A full recompute goes a few buckets at a
time (``FULL_CHUNK_ROWS``), so that its memory does not grow with the table.

What a table was computed from is recorded in the manifest (``Manifest.derived``): its
version, bucket count, own parts and input parts. A table is recomputed whole when any of
those no longer holds: a derivation's ``VERSION`` changed, an input part was removed (an
extractor's new version rebuilt the relations, ``relata repair`` set a part aside), or its
own parts are not those recorded. Otherwise only input parts added since are read for
touched keys. A build killed between commit and derive is therefore caught up by the next
build, and a rebuild with nothing new costs a manifest read.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from relata import schemas, store, views
from relata.derive import dyad_month, events, sanction_regimes
from relata.derive.dyad_month import events_per_month

__all__ = ["BUCKETS", "DERIVATIONS", "bucket_of", "derive_tables", "events_per_month"]

EMPTY = "part-empty.parquet"


@dataclass(frozen=True)
class Derivation:
    table: str
    version: str
    inputs: tuple[str, ...]  # tables whose new parts say what to recompute (read: also articles)
    buckets: int
    key: tuple[str, ...]  # SQL expressions of the partition key over an input or output row
    order: str  # ORDER BY of a part
    derive: Callable[[duckdb.DuckDBPyConnection], pa.Table]
    by_bucket: bool = False  # its input is a derived table with the same buckets: rewrite changed buckets whole
    unit: tuple[str, ...] = ()  # what else a recomputed key holds: its rows depend on no other row

    @property
    def unit_key(self) -> tuple[str, ...]:
        return self.key + self.unit


DYAD = ("least(source_actor, target_actor)", "greatest(source_actor, target_actor)")
BUCKETS = 64
# A full recompute derives a few buckets at a time, about this many input rows, so that its memory
# does not grow with the table (a bucket's reports are held in Python while they are clustered).
FULL_CHUNK_ROWS = 500_000
DERIVATIONS = (
    Derivation(
        "events",
        events.VERSION,
        ("relations",),
        BUCKETS,
        DYAD,
        "source_actor, target_actor, relation_type, status, event_date NULLS LAST, event_id",
        events.derive_events,
        # A dyad's events of one type depend on its reports of that type only (plans link
        # within a type): a new report recomputes its dyad and type, not the dyad's history.
        unit=("relation_type",),
    ),
    Derivation(
        "dyad_month",
        dyad_month.VERSION,
        ("events",),
        BUCKETS,
        DYAD,
        "source_actor, target_actor, month, relation_type, quad_class",
        dyad_month.derive_dyad_month,
        by_bucket=True,
    ),
    Derivation(
        "sanction_regimes",
        sanction_regimes.VERSION,
        ("sanctions",),
        16,
        ("target",),
        "target, sender NULLS FIRST, first_date NULLS LAST, regime_id",
        sanction_regimes.derive_sanction_regimes,
    ),
)


def bucket_of(key: tuple, buckets: int) -> int:
    """The bucket of a partition key: stable across machines, processes and versions of DuckDB."""
    return zlib.crc32("|".join(key).encode()) % buckets


def part_bucket(name: str) -> int:
    """The bucket a derived part holds, from its name (``part-<run>-<bucket>.parquet``)."""
    return int(name[-13:-8])


def _listed(m: store.Manifest, table: str) -> list[str]:
    return [n for n in m.parts.get(table, []) if n != EMPTY]


def _view(con: duckdb.DuckDBPyConnection, name: str, paths: list[Path], table: str) -> None:
    if paths:
        listed = ", ".join(views.sql_literal(p) for p in paths)
        con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet([{listed}])")
    else:  # no rows yet: an empty relation with the table's columns
        con.register(f"_{name}_empty", schemas.arrow_schema(table).empty_table())
        con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM _{name}_empty")


def _needs_full(d: Derivation, m: store.Manifest) -> str | None:
    """Why the table must be recomputed whole, or None."""
    rec = m.derived.get(d.table)
    if rec is None:
        return "never derived"
    if rec.get("version") != d.version or rec.get("buckets") != d.buckets:
        return "derivation changed"
    for t in d.inputs:
        # A derived input rewrites its parts by design; an extracted one loses rows only when
        # it is rebuilt or repaired.
        if not d.by_bucket and set(rec.get("inputs", {}).get(t, [])) - set(_listed(m, t)):
            return f"{t} parts removed"
    own = _listed(m, d.table)
    if set(own) != set(rec.get("parts", [])) or len({part_bucket(n) for n in own}) != len(own):
        return "its parts differ from the record"
    return None


def _keys(con: duckdb.DuckDBPyConnection, d: Derivation, source: str) -> pa.Table:
    """The distinct recomputed keys of ``source`` (columns k0, k1, ...) with their bucket (from the
    partition key, their first columns)."""
    cols = ", ".join(f"{e} AS k{i}" for i, e in enumerate(d.unit_key))
    keys = con.sql(f"SELECT DISTINCT {cols} FROM {source}").to_arrow_table()
    values = zip(*(keys.column(f"k{i}").to_pylist() for i in range(len(d.key))))
    return keys.append_column("bucket", pa.array([bucket_of(k, d.buckets) for k in values], pa.int32()))


def _parquet(paths: list[Path]) -> str:
    return "read_parquet([" + ", ".join(views.sql_literal(p) for p in paths) + "])"


def derive_table(out: Path, d: Derivation, con: duckdb.DuckDBPyConnection, verified: dict[str, list[Path]]) -> dict:
    """Bring one derived table up to date with its inputs; returns what it did. ``verified``
    holds the parts of the tables checked so far in this derive (each is checked once)."""
    t0 = time.perf_counter()
    m = store.Manifest.load(out)
    rec = m.derived.get(d.table, {})
    full = _needs_full(d, m)
    inputs = {t: _listed(m, t) for t in d.inputs}
    before = rec.get("inputs", {})
    added = [out / t / n for t in d.inputs for n in sorted(set(inputs[t]) - set(before.get(t, [])))]
    removed = [n for t in d.inputs for n in sorted(set(before.get(t, [])) - set(inputs[t]))]
    old_parts = {part_bucket(n): n for n in _listed(m, d.table)}
    key_cols = ", ".join(f"k{i}" for i in range(len(d.unit_key)))
    keys_sql = ", ".join(f"{e} AS k{i}" for i, e in enumerate(d.unit_key))
    for t in (*d.inputs, "articles"):
        if t not in verified or set(p.name for p in verified[t]) != set(m.parts.get(t, [])):
            verified[t] = store.part_paths(out, t, m)
        _view(con, f"all_{t}", verified[t], t)
    con.execute("CREATE OR REPLACE VIEW articles AS SELECT * FROM all_articles")

    # Which buckets to rewrite, and from which keys.
    touched: pa.Table | None = None
    if d.by_bucket:
        # The input has the same buckets: a bucket whose input part changed is recomputed
        # whole from the input's part for that bucket (its old rows are not kept).
        rewrite = {part_bucket(p.name) for p in added} | {part_bucket(n) for n in removed}
    else:
        # New input rows name the keys to recompute, from all the input rows of those keys.
        if added or full:
            touched = _keys(con, d, f"all_{d.inputs[0]}" if full else _parquet(added))
        rewrite = set(touched.column("bucket").to_pylist()) if touched is not None else set()
    if full:
        rewrite = set(range(d.buckets))
    if not rewrite:
        return _nothing()
    ordered = sorted(rewrite)
    chunks = [ordered]
    if full:
        ((n,),) = con.sql(f"SELECT count(*) FROM all_{d.inputs[0]}").fetchall()
        size = -(-len(ordered) // max(1, -(-n // FULL_CHUNK_ROWS)))
        chunks = [ordered[i : i + size] for i in range(0, len(ordered), size)]

    run = store.new_run_id()
    staging = store.staging_dir(out, run) / d.table
    columns = ", ".join(schemas.arrow_schema(d.table).names)
    staged, replaced, written = [], [], 0
    for chunk in chunks:
        # Load inputs: the rows of the chunk's keys.
        if d.by_bucket:
            for t in d.inputs:
                _view(con, t, [out / t / n for n in inputs[t] if part_bucket(n) in chunk], t)
        else:
            assert touched is not None
            con.register("touched", touched.filter(pc.is_in(touched.column("bucket"), pa.array(chunk, pa.int32()))))
            for t in d.inputs:
                con.execute(
                    f"CREATE OR REPLACE VIEW {t} AS SELECT * EXCLUDE ({key_cols}) "
                    f"FROM (SELECT *, {keys_sql} FROM all_{t}) SEMI JOIN touched USING ({key_cols})"
                )
        # Process data: the derived rows (validated once: the untouched rows copied into a
        # rewritten part passed when they were written), each with its bucket.
        con.register("derived_rows", schemas.validate_arrow(d.table, d.derive(con)))
        con.register("derived_keys", _keys(con, d, "derived_rows"))
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE placed AS SELECT r.*, k.bucket "
            f"FROM (SELECT *, {keys_sql} FROM derived_rows) r JOIN derived_keys k USING ({key_cols})"
        )
        # Save outputs: one part per bucket, with the old part's untouched keys when incremental.
        for b in chunk:
            selects = [f"SELECT {columns} FROM placed WHERE bucket = {b}"]
            if not d.by_bucket and not full and b in old_parts:
                old = _parquet([out / d.table / old_parts[b]])
                selects.append(
                    f"SELECT {columns} FROM (SELECT *, {keys_sql} FROM {old}) ANTI JOIN touched USING ({key_cols})"
                )
            tbl = con.sql(" UNION ALL ".join(selects) + f" ORDER BY {d.order}").to_arrow_table()
            if b in old_parts:
                replaced.append(old_parts[b])
            if tbl.num_rows:
                path = staging / f"part-{run}-{b:05d}.parquet"
                written += store.write_table_part(path, d.table, tbl.cast(schemas.arrow_schema(d.table)))
                staged.append(path)
        for name in ("derived_rows", "derived_keys", *(() if d.by_bucket else ("touched",))):
            con.unregister(name)
        con.execute("DROP TABLE placed")
    record = {
        "version": d.version,
        "buckets": d.buckets,
        "parts": sorted(set(old_parts.values()) - set(replaced) | {p.name for p in staged}),
        "inputs": inputs,
    }
    store.replace_parts(out, d.table, staged, replaced, record)
    return {
        "full": bool(full),
        "why": full,
        "keys": touched.num_rows if touched is not None else len(rewrite),
        "parts_written": len(staged),
        "rows_written": written,
        "seconds": round(time.perf_counter() - t0, 3),
    }


def _nothing() -> dict:
    return {"full": False, "why": None, "keys": 0, "parts_written": 0, "rows_written": 0, "seconds": 0.0}


def derive_tables(out: str | Path) -> dict[str, dict]:
    """Bring every derived table up to date with the extracted tables of ``out`` (under the
    build's writer lock). Returns, per table, whether it was recomputed whole, how many keys
    were touched and how many parts and rows were written."""
    out = Path(out)
    done = {}
    con = duckdb.connect()
    try:
        con.execute("SET TimeZone = 'UTC'")
        verified: dict[str, list[Path]] = {}
        for d in DERIVATIONS:
            done[d.table] = derive_table(out, d, con, verified)
    finally:
        con.close()
    return done


def read_derived(out: str | Path, table: str) -> pa.Table:
    """A derived table as one Arrow table (for tests and small folders)."""
    parts = [pq.read_table(p) for p in store.part_paths(Path(out), table)]
    return pa.concat_tables(parts) if parts else schemas.arrow_schema(table).empty_table()
