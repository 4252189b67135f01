"""The derived tables at scale: what a build pays to keep events, dyad_month and sanction_regimes
up to date over 10 million relations rows, and the README's queries over them.

    python benchmarks/derive.py              # 10,000,000 relations rows, 1,000,000 sanctions rows
    python benchmarks/derive.py --smoke      # 100,000 relations rows, for CI

The rows have the real schemas and are committed the way a build commits them (parts of a
batch, a manifest with checksums). They are reports of synthetic happenings: a random dyad,
type and status on a day in 2016-2024, reported by one to fifteen articles published up to
three days after it (a plan: up to a month before), with the extractors' mix of dates: half
to the day, a tenth to the month, a twentieth to the year, the rest undated. Sanctions
statements have a sender (or none), a target, an action and sometimes a reason.

Baseline of this run: the full recompute of the three tables (a build's first derive, or
the one after an extractor's new version). Then a build that adds 5 relations rows and one
sanctions statement, then one that adds 500 and 100 (new articles, one a day, each report
in the article of its publication day: 2 and about 300 articles): time, parts and rows
rewritten, with the ratio to the baseline. Then the README's queries over the derived
tables ("Derived tables"), run three times after a warm-up (median), with their ratio to a
count(*) of the table.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from relata import schemas, store  # noqa: E402
from relata.derive import derive_tables  # noqa: E402
from relata.schemas import vocabularies as v  # noqa: E402

ACTORS = np.array(
    "USA CHN RUS UKR PRK KOR JPN IND IRN ISR SYR TUR GBR FRA DEU PHL VNM IDN THA MYS SGP AUS SAU PAK EGY BRA MEX CAN ITA ESP CUB UN EU NATO ASEAN".split()  # noqa: SIM905 (a line of data)
)
TYPES = np.array(v.RELATION_TYPES)
CODES = {  # cameo, plover, quad, goldstein per type (as the extractors code them)
    "visit": ("042", "CONSULT", 1, 1.9),
    "meeting": ("040", "CONSULT", 1, 1.0),
    "agreement": ("057", "AGREE", 1, 8.0),
    "praise": ("051", "SUPPORT", 1, 3.4),
    "support": ("052", "SUPPORT", 1, 3.5),
    "economic_aid": ("071", "AID", 2, 7.4),
    "military_aid": ("072", "AID", 2, 8.3),
    "economic_cooperation": ("061", "COOPERATE", 2, 6.4),
    "military_cooperation": ("062", "COOPERATE", 2, 7.4),
    "criticism": ("111", "ACCUSE", 3, -2.0),
    "accusation": ("112", "ACCUSE", 3, -2.0),
    "threat": ("130", "THREATEN", 3, -4.4),
    "rejection": ("120", "REJECT", 3, -4.0),
    "attack": ("190", "ASSAULT", 4, -10.0),
}
START = np.datetime64("2016-01-01")
DAYS = 365 * 9
OUTLETS = np.array([f"outlet-{i}" for i in range(30)], dtype=object)
SENTENCES = np.array([f"Sentence {i} about what two states did, for the benchmark." for i in range(200)], dtype=object)

# The README's queries over the derived tables (keep them in step with README.md, "Derived tables").
QUERIES = {
    "a dyad's events, most reported first": (
        "events",
        """
        SELECT event_date, status, n_reports, n_articles, n_outlets, fulfils_event_id IS NOT NULL AS fulfils_a_plan, evidence
        FROM events
        WHERE source_actor = 'USA' AND target_actor = 'CUB' AND relation_type = 'visit'
        ORDER BY n_articles DESC LIMIT 10
        """,
    ),
    "regimes against Iran in force in June 2016, with their statements": (
        "sanction_regimes",
        """
        WITH h AS (
            SELECT g.regime_id, g.sender, u.h.date AS date, u.h.action AS action, u.h.sanction_id AS sanction_id
            FROM sanction_regimes g, unnest(g.history) AS u(h)
            WHERE g.target = 'IRN' AND u.h.date <= DATE '2016-06-30'
        ),
        state AS (  -- the latest statement that sets a state, on or before 30 June 2016
            SELECT regime_id, arg_max(action, date) AS action
            FROM h WHERE action IN ('imposed', 'extended', 'tightened', 'in_force', 'eased', 'lifted')
            GROUP BY regime_id
        )
        SELECT h.sender, h.regime_id, h.date, h.action, s.evidence
        FROM h JOIN state USING (regime_id) JOIN sanctions s USING (sanction_id)
        WHERE state.action <> 'lifted'
        ORDER BY h.sender NULLS FIRST, h.regime_id, h.date
        """,
    ),
}


def ids(rng: np.random.Generator, n: int) -> np.ndarray:
    hi = rng.integers(0, 2**63, n, dtype=np.int64)
    lo = rng.integers(0, 2**63, n, dtype=np.int64)
    return np.char.add(np.char.mod("%016x", hi), np.char.mod("%016x", lo)).astype(object)


def articles_table(article_ids: np.ndarray, days: np.ndarray, rng) -> pa.Table:
    n = len(article_ids)
    published = (START + days.astype("timedelta64[D]")).astype("datetime64[us]")
    cols = {
        "article_id": pa.array(article_ids, pa.string()),
        "source_uri": pa.array(article_ids, pa.string()),
        "url": pa.nulls(n, pa.string()),
        "title": pa.nulls(n, pa.string()),
        "outlet": pa.array(OUTLETS[rng.integers(0, len(OUTLETS), n)], pa.string()),
        "author": pa.nulls(n, pa.string()),
        "published_at": pa.array(published, pa.timestamp("us", tz="UTC")),
        "language": pa.array(["en"] * n, pa.string()),
        "n_chars": pa.array(np.full(n, 3000, dtype=np.int32)),
        "ingested_at": pa.array(np.full(n, np.datetime64("2026-12-01", "us")), pa.timestamp("us", tz="UTC")),
    }
    schema = schemas.arrow_schema("articles")
    return pa.Table.from_arrays([cols[f.name] for f in schema], schema=schema)


def provenance(rng, article_ids: np.ndarray, n: int) -> dict:
    ev = SENTENCES[rng.integers(0, len(SENTENCES), n)]
    return {
        "article_id": pa.array(article_ids, pa.string()),
        "sentence_index": pa.array(rng.integers(0, 60, n).astype(np.int32)),
        "char_start": pa.array(np.zeros(n, dtype=np.int32)),
        "char_end": pa.array(np.array([len(s) for s in ev], dtype=np.int32)),
        "evidence": pa.array(ev, pa.string()),
        "extractor_version": pa.array(["bench-0+0"] * n, pa.string()),
        "confidence": pa.array(rng.uniform(0.5, 1.0, n).astype(np.float32)),
    }


def relations_table(rng, n: int, article_ids: np.ndarray, per_day: int) -> pa.Table:
    """About n reports of happenings (a happening: 1-15 reports, 3.3 on average)."""
    k = max(n * 3 // 10, 1)
    reports = np.minimum(rng.geometric(0.3, k), 15)
    reports = reports[: np.searchsorted(np.cumsum(reports), n, side="right") + 1]
    h = np.repeat(np.arange(len(reports)), reports)[:n]
    n = len(h)
    a = rng.integers(0, len(ACTORS), len(reports))
    b = (a + rng.integers(1, len(ACTORS), len(reports))) % len(ACTORS)
    kind = TYPES[rng.integers(0, len(TYPES), len(reports))]
    sym = np.isin(kind, sorted(v.SYMMETRIC_RELATION_TYPES))
    src, tgt = ACTORS[a], ACTORS[b]
    src, tgt = np.where(sym & (src > tgt), tgt, src), np.where(sym & (src > tgt), src, tgt)
    status = np.array(["occurred", "planned", "alleged"])[rng.choice(3, len(reports), p=[0.8, 0.15, 0.05])]
    day = rng.integers(31, DAYS - 4, len(reports))
    st = status[h]
    lag = np.where(st == "planned", -rng.integers(1, 31, n), rng.integers(0, 4, n))
    pub = np.clip(day[h] + lag, 0, DAYS - 1)
    art = pub * per_day + rng.integers(0, per_day, n)
    prec = np.array(["day", "month", "year", ""])[rng.choice(4, n, p=[0.5, 0.1, 0.05, 0.35])]
    event_day = START + day[h].astype("timedelta64[D]")
    event = np.where(
        prec == "day",
        event_day,
        np.where(prec == "month", event_day.astype("datetime64[M]"), event_day.astype("datetime64[Y]")),
    ).astype("datetime64[D]")
    codes = {t: CODES[t] for t in TYPES}
    k_h = kind[h]
    cols = {
        "relation_id": pa.array(ids(rng, n), pa.string()),
        "source_actor": pa.array(src[h].astype(object), pa.string()),
        "target_actor": pa.array(tgt[h].astype(object), pa.string()),
        "source_person": pa.nulls(n, pa.string()),
        "target_person": pa.nulls(n, pa.string()),
        "relation_type": pa.array(k_h.astype(object), pa.string()),
        "status": pa.array(st.astype(object), pa.string()),
        "attributed_to": pa.nulls(n, pa.string()),
        "event_date": pa.array(event, pa.date32(), mask=prec == ""),
        "date_precision": pa.array(prec.astype(object), pa.string(), mask=prec == ""),
        "cameo_code": pa.array(np.array([codes[t][0] for t in k_h], dtype=object), pa.string()),
        "plover_type": pa.array(np.array([codes[t][1] for t in k_h], dtype=object), pa.string()),
        "quad_class": pa.array(np.array([codes[t][2] for t in k_h], dtype=np.int8)),
        "goldstein": pa.array(np.array([codes[t][3] for t in k_h], dtype=np.float32)),
        **provenance(rng, article_ids[art], n),
    }
    schema = schemas.arrow_schema("relations")
    return pa.Table.from_arrays([cols[f.name] for f in schema], schema=schema)


def sanctions_table(rng, n: int, article_ids: np.ndarray) -> pa.Table:
    t = rng.integers(0, len(ACTORS), n)
    s = (t + rng.integers(1, len(ACTORS), n)) % len(ACTORS)
    no_sender = rng.random(n) < 0.4
    action = np.array(v.SANCTION_ACTIONS)[
        rng.choice(len(v.SANCTION_ACTIONS), n, p=[0.2, 0.35, 0.08, 0.08, 0.05, 0.07, 0.07, 0.05, 0.05])
    ]
    sender = np.where(no_sender, None, ACTORS[s].astype(object))
    stated = np.where(np.isin(action, ["threatened", "condemned"]) | ~no_sender, ACTORS[s].astype(object), None)
    reasons = np.array([[], ["nuclear_weapons"], ["human_rights"], ["terrorism"]], dtype=object)[
        rng.choice(4, n, p=[0.6, 0.2, 0.1, 0.1])
    ]
    art = rng.integers(0, len(article_ids), n)
    dated = rng.random(n) < 0.5
    cols = {
        "sanction_id": pa.array(ids(rng, n), pa.string()),
        "sender": pa.array(sender, pa.string()),
        "target": pa.array(ACTORS[t].astype(object), pa.string()),
        "target_entity": pa.nulls(n, pa.string()),
        "action": pa.array(action.astype(object), pa.string()),
        "stated_by": pa.array(stated, pa.string()),
        "measures": pa.array([[]] * n, pa.list_(pa.string())),
        "reason_categories": pa.array(list(reasons), pa.list_(pa.string())),
        "reason": pa.nulls(n, pa.string()),
        "event_date": pa.array(
            START + (art * DAYS // len(article_ids)).astype("timedelta64[D]"), pa.date32(), mask=~dated
        ),
        "date_precision": pa.array(np.where(dated, "day", None), pa.string()),
        **provenance(rng, article_ids[art], n),
    }
    schema = schemas.arrow_schema("sanctions")
    return pa.Table.from_arrays([cols[f.name] for f in schema], schema=schema)


def commit(out: Path, run: str, seq: int, tables: dict[str, pa.Table]) -> None:
    staged = {}
    for table, tbl in tables.items():
        path = store.staging_dir(out, run) / table / f"part-{run}-{seq:05d}.parquet"
        store.write_table_part(path, table, tbl)
        staged[table] = path
    store.commit_parts(out, staged)


def build(out: Path, rows: int, part_rows: int, seed: int) -> tuple[np.ndarray, int]:
    """Commit ``rows`` relations rows (and a tenth as many sanctions rows) in batches of ``part_rows``."""
    rng = np.random.default_rng(seed)
    per_day = max(rows // 10 // DAYS, 1)
    article_ids = ids(rng, per_day * DAYS)
    out.mkdir(parents=True, exist_ok=True)
    store.ensure_tables(out)
    n_batches = max(rows // part_rows, 1)
    for i, idx in enumerate(np.array_split(np.arange(len(article_ids)), n_batches)):
        commit(
            out,
            "20261201T000000-0000beef",
            i,
            {
                "articles": articles_table(article_ids[idx], idx // per_day, rng),
                "relations": relations_table(rng, part_rows, article_ids, per_day),
                "sanctions": sanctions_table(rng, part_rows // 10, article_ids),
            },
        )
    return article_ids, per_day


def add_articles(out: Path, n: int, seed: int, run: str) -> int:
    """A build that adds about ``n`` articles: ``5 n`` relations rows and ``n`` sanctions statements.
    Returns the number of articles."""
    rng = np.random.default_rng(seed)
    universe = ids(rng, DAYS)  # one new article a day; the reports pick theirs by publication day
    rel = relations_table(rng, 5 * n, universe, 1)
    used = np.unique(np.searchsorted(np.sort(universe), rel.column("article_id").to_numpy(zero_copy_only=False)))
    days = np.argsort(universe)[used]
    new_ids = universe[days]
    commit(
        out,
        run,
        0,
        {
            "articles": articles_table(new_ids, days, rng),
            "relations": rel,
            "sanctions": sanctions_table(rng, n, new_ids),
        },
    )
    return len(new_ids)


def timed(con, sql: str, repeat: int = 3) -> tuple[float, int]:
    n = len(con.execute(sql).fetchall())  # warm-up: file metadata, OS cache
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        con.execute(sql).fetchall()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--keep", help="build into this folder and keep it")
    args = ap.parse_args()
    rows = 100_000 if args.smoke else args.rows
    from relata.query import sandboxed

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.keep or tmp) / "tables"
        t0 = time.perf_counter()
        build(out, rows, part_rows=min(1_000_000, rows), seed=7)
        size = sum(p.stat().st_size for p in out.rglob("*.parquet")) / 2**20
        print(
            f"committed {rows:,} relations rows and {rows // 10:,} sanctions rows in {time.perf_counter() - t0:.1f} s, {size:.0f} MB"
        )

        print(
            "\n| derive | seconds | ratio to the full recompute | parts rewritten | rows written |\n| --- | --- | --- | --- | --- |"
        )
        t0 = time.perf_counter()
        full = derive_tables(out)
        base = time.perf_counter() - t0
        m = store.Manifest.load(out)
        n_parts = sum(len(m.parts[t]) for t in full)
        print(
            f"| full recompute (baseline) | {base:.1f} | 1.00 | {sum(d['parts_written'] for d in full.values())} of {n_parts} | {sum(d['rows_written'] for d in full.values()):,} |"
        )
        for seq, n_new in ((1, 1), (2, 100)):
            n_articles = add_articles(out, n_new, seed=100 + seq, run=f"20261202T00000{seq}-0000beef")
            t0 = time.perf_counter()
            done = derive_tables(out)
            secs = time.perf_counter() - t0
            parts = sum(d["parts_written"] for d in done.values())
            written = sum(d["rows_written"] for d in done.values())
            detail = ", ".join(f"{t} {d['parts_written']}" for t, d in done.items())
            print(
                f"| +{n_articles} article(s) ({5 * n_new} relations rows) | {secs:.2f} | {secs / base:.3f} | {parts} ({detail}) | {written:,} |"
            )

        m = store.Manifest.load(out)
        files = {t: [out / t / n for n in m.parts[t]] for t in store.ALL_TABLES}
        con = sandboxed(files, out)
        counts = {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("events", "sanction_regimes", "dyad_month")
        }
        print(
            f"\nevents: {counts['events']:,} rows; sanction_regimes: {counts['sanction_regimes']:,}; dyad_month: {counts['dyad_month']:,}"
        )
        print(
            "\n| query | seconds | ratio to a count(*) of the table | rows | under 1 s |\n| --- | --- | --- | --- | --- |"
        )
        for name, (table, sql) in QUERIES.items():
            scan, _ = timed(con, f"select count(*) from {table}")
            secs, n = timed(con, sql)
            print(f"| {name} | {secs:.3f} | {secs / max(scan, 1e-6):.1f}x | {n} | {'yes' if secs < 1 else 'NO'} |")
        con.close()


if __name__ == "__main__":
    main()
