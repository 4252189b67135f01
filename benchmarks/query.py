"""DuckDB at scale: the README's example queries over 10 million synthetic relations rows.

    python benchmarks/query.py              # 10,000,000 relations rows (1,000,000 sanctions and cooperation rows)
    python benchmarks/query.py --smoke      # 100,000 rows, for CI

The rows have the real schema (``schemas.arrow_schema``) and are written the
way the build writes them (zstd Parquet parts, one folder per table, a DuckDB
file with views). Each query runs three times after a warm-up; the median is
printed with its ratio to a full scan (``count(*)``) of the same table as the
baseline of this run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import schemas  # noqa: E402
from relata import store  # noqa: E402
from relata.schemas import vocabularies as v  # noqa: E402

ACTORS = np.array(
    "USA CHN RUS UKR PRK KOR JPN IND IRN ISR SYR TUR GBR FRA DEU PHL VNM IDN THA MYS SGP AUS SAU PAK EGY BRA MEX CAN ITA ESP UN EU NATO ASEAN WEST".split()  # noqa: SIM905 (a line of data)
)

# The README's example queries (keep them in step with README.md, "Querying at scale").
QUERIES = {
    "relations by dyad and type": (
        "relations",
        "select source_actor, target_actor, relation_type, count(*) from relations group by all order by 4 desc limit 20",
    ),
    "dyad timeline by month": (
        "relations",
        "select date_trunc('month', event_date) as month, quad_class, count(*) as n from relations "
        "where least(source_actor, target_actor) = 'CHN' and greatest(source_actor, target_actor) = 'USA' "
        "group by all order by all",
    ),
    "top senders of sanctions": (
        "sanctions",
        "select sender, count(*) as n from sanctions where action in ('imposed', 'tightened', 'extended') "
        "group by all order by n desc limit 20",
    ),
    "cooperation areas by pair": (
        "cooperation",
        "select actor_a, actor_b, area, count(*) as n from cooperation group by all order by n desc limit 20",
    ),
}


def _ids(rng: np.random.Generator, n: int) -> pa.Array:
    hi = rng.integers(0, 2**63, n, dtype=np.int64)
    lo = rng.integers(0, 2**63, n, dtype=np.int64)
    return pa.array(np.char.add(np.char.mod("%016x", hi), np.char.mod("%016x", lo)).astype(object), pa.string())


def _pick(rng, values, n) -> pa.Array:
    return pa.array(np.asarray(values, dtype=object)[rng.integers(0, len(values), n)], pa.string())


def _pair(rng, n):
    a = rng.integers(0, len(ACTORS), n)
    b = (a + rng.integers(1, len(ACTORS), n)) % len(ACTORS)
    return ACTORS[a], ACTORS[b]


def _common(rng, n) -> dict:
    days = rng.integers(0, 365 * 9, n)
    dates = pa.array(np.datetime64("2016-01-01") + days.astype("timedelta64[D]"), pa.date32())
    sent = [f"Sentence {i} about an event between two states, for the benchmark." for i in range(200)]
    ev = _pick(rng, sent, n)
    lengths = pa.compute.utf8_length(ev)
    return {
        "event_date": dates,
        "date_precision": pa.array(["day"] * n, pa.string()),
        "article_id": _ids(rng, n),
        "sentence_index": pa.array(rng.integers(0, 60, n), pa.int32()),
        "char_start": pa.array(np.zeros(n, dtype=np.int32)),
        "char_end": pa.compute.cast(lengths, pa.int32()),
        "evidence": ev,
        "extractor_version": pa.array(["bench-0+0"] * n, pa.string()),
        "confidence": pa.array(rng.random(n).astype(np.float32)),
    }


def gen(table: str, n: int, seed: int) -> pa.Table:
    rng = np.random.default_rng(seed)
    cols = _common(rng, n)
    if table == "relations":
        s, t = _pair(rng, n)
        types = np.asarray(v.RELATION_TYPES, dtype=object)[rng.integers(0, len(v.RELATION_TYPES), n)]
        cols.update(
            {
                "relation_id": _ids(rng, n),
                "source_actor": pa.array(s.astype(object), pa.string()),
                "target_actor": pa.array(t.astype(object), pa.string()),
                "source_person": pa.nulls(n, pa.string()),
                "target_person": pa.nulls(n, pa.string()),
                "relation_type": pa.array(types, pa.string()),
                "status": _pick(rng, v.RELATION_STATUSES, n),
                "attributed_to": pa.nulls(n, pa.string()),
                "cameo_code": _pick(rng, ["042", "057", "111", "190"], n),
                "plover_type": _pick(rng, ["CONSULT", "AGREE", "ACCUSE", "ASSAULT"], n),
                "quad_class": pa.array(rng.integers(1, 5, n).astype(np.int8)),
                "goldstein": pa.array(rng.uniform(-10, 10, n).astype(np.float32)),
            }
        )
    elif table == "sanctions":
        s, t = _pair(rng, n)
        cols.update(
            {
                "sanction_id": _ids(rng, n),
                "sender": pa.array(s.astype(object), pa.string()),
                "target": pa.array(t.astype(object), pa.string()),
                "target_entity": pa.nulls(n, pa.string()),
                "action": _pick(rng, v.SANCTION_ACTIONS, n),
                "stated_by": pa.array(s.astype(object), pa.string()),
                "measures": pa.array([["trade"]] * n, pa.list_(pa.string())),
                "reason_categories": pa.array([["nuclear_weapons"]] * n, pa.list_(pa.string())),
                "reason": pa.nulls(n, pa.string()),
            }
        )
    else:
        a, b = _pair(rng, n)
        swap = a > b  # the pair in alphabetical order, as the contract stores it
        lo, hi = np.where(swap, b, a), np.where(swap, a, b)
        cols.update(
            {
                "cooperation_id": _ids(rng, n),
                "actor_a": pa.array(lo.astype(object), pa.string()),
                "actor_b": pa.array(hi.astype(object), pa.string()),
                "area": _pick(rng, v.COOPERATION_AREAS, n),
                "status": _pick(rng, v.COOPERATION_STATUSES, n),
            }
        )
    schema = schemas.arrow_schema(table)
    return pa.Table.from_arrays([cols[f.name] for f in schema], schema=schema)


def write(out: Path, table: str, rows: int, part_rows: int) -> None:
    d = out / table
    d.mkdir(parents=True, exist_ok=True)
    for i, start in enumerate(range(0, rows, part_rows)):
        t = gen(table, min(part_rows, rows - start), seed=(len(table) * 1_000_003 + i) % 2**32)
        pq.write_table(t, d / f"part-bench-{i:05d}.parquet", compression="zstd", row_group_size=64_000)


def timed(con, sql: str, repeat: int = 3) -> float:
    con.execute(sql).fetchall()  # warm-up: file metadata, OS cache
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        con.execute(sql).fetchall()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--keep")
    args = ap.parse_args()
    rows = 100_000 if args.smoke else args.rows
    from relata.query import sandboxed

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.keep or tmp) / "tables"
        t0 = time.perf_counter()
        write(out, "relations", rows, part_rows=min(1_000_000, rows))
        write(out, "sanctions", max(rows // 10, 1), part_rows=min(1_000_000, rows))
        write(out, "cooperation", max(rows // 10, 1), part_rows=min(1_000_000, rows))
        for t in set(store.ALL_TABLES) - {"relations", "sanctions", "cooperation"}:  # the derived tables too
            store.write_part(out / t / "part-empty.parquet", t, schemas.empty_frame(t))
        files = {t: sorted((out / t).glob("*.parquet")) for t in store.ALL_TABLES}
        print(
            f"wrote {rows:,} relations rows (+{rows // 10:,} sanctions, +{rows // 10:,} cooperation) "
            f"in {time.perf_counter() - t0:.1f} s, {sum(p.stat().st_size for p in out.rglob('*.parquet')) / 2**20:.0f} MB"
        )
        # The connection `relata query` uses: views over the listed parts, nothing else readable.
        con = sandboxed(files, out)
        print("\n| query | seconds | ratio to a count(*) of the table | under 1 s |\n| --- | --- | --- | --- |")
        scans = {}
        for name, (table, sql) in QUERIES.items():
            if table not in scans:
                scans[table] = timed(con, f"select count(*) from {table}")
            secs = timed(con, sql)
            print(f"| {name} | {secs:.3f} | {secs / max(scans[table], 1e-6):.1f}x | {'yes' if secs < 1 else 'NO'} |")
        con.close()


if __name__ == "__main__":
    main()
