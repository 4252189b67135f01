"""``events``: the relations rows that report one real-world happening, as one row.

A relations row is a report: one sentence of one article saying that a dyad did something.
Obama's visit to Havana in March 2016 is dozens of them. Reports are one event when they have

- the same key: dyad (the pair in alphabetical order for symmetric types, as ``relations``
  stores them), ``relation_type`` and ``status``. A planned visit and the visit itself are two
  events; the occurred one points at the plan it fulfils (``fulfils_event_id``);
- dates that agree. Each report says when, as an interval of days (``report_window``): its
  ``event_date`` widened by its precision, or, when the sentence gives no date, a window
  around the day it was reported (its article's ``published_at``). Reports whose intervals
  share a day can be one event; an event's interval is the intersection of its reports', so
  reports a week apart never chain into one event through the days between them.

Reports of one key in one article are one event: an article that says "the visit" five
times reports one visit. Clustering is greedy and deterministic (``cluster_units``): the
most precise reports first (day, then month, then undated, then year), each joining the
compatible event nearest to its reporting day or starting one. Everything else (counts,
lists, the best evidence, the id) is SQL over the clusters.

``derive_events(con)`` reads the views ``relations`` and ``articles`` of a DuckDB
connection and returns the events of every dyad in ``relations``: the caller restricts the
view to the dyads a build touched (``relata.derive``). The result depends only on those
rows, so recomputing a dyad gives what a full rebuild gives.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

VERSION = "events-1"

# Date windows, in days. Measured on the hand-clustered reports (tests/derived_gold/).
# - A day-precise date is one day either side: news gives the day an event began or was
#   reported in another time zone ("arrived Sunday" in Havana is Monday in Asia), and a
#   three-day state visit is reported on each of its days. Two day-precise reports can be
#   one event when they are at most 2 * DAY_SLACK days apart, never more.
DAY_SLACK = 1
# - Month and year precision cover their month or year: "in March" is any day of March.
# - An undated report of something that happened reports the recent past. Against an event
#   some report dates, it looks back LOOKBACK days (the EU-Turkey deal named in April is the
#   deal of 18 March; Obama's trip to Cuba named the day after he left). Against events no
#   report dates, only UNDATED_SLACK: two undated reports of the same key a few days apart
#   are more often two happenings (Kerry's calls with Zarif on 12 January, his meeting with
#   him in Vienna on the 16th) than one.
LOOKBACK = 30
UNDATED_SLACK = 2
LOOKBACK_BY_TYPE: dict[str, int] = {"agreement": 3650}
UNDATED_SLACK_BY_TYPE: dict[str, int] = {"agreement": 30}
# - An undated plan looks forward: "Obama will visit Cuba" was announced on 18 February for
#   20 March. Visits and summits are announced one to eight weeks ahead; 60 days covers most
#   of them without merging the next year's plan of the same kind.
AHEAD = 60
# A report joins the event whose days overlap its own and that is nearest its reporting day.
# No event's interval is longer than a year (366 days): candidates are searched within that.
MAX_SPAN = 366

# Precision ranks, most precise first: the order in which reports are clustered.
DAY, MONTH, YEAR, UNDATED = 0, 1, 2, 3

REPORTS_SQL = f"""
SELECT
    r.relation_id, r.article_id, r.source_actor, r.target_actor, r.relation_type, r.status,
    r.event_date, r.date_precision, r.cameo_code, r.plover_type, r.quad_class, r.goldstein,
    r.evidence, r.confidence,
    coalesce(a.published_at, a.ingested_at) AS reported_at,
    a.outlet,
    dense_rank() OVER (ORDER BY r.source_actor, r.target_actor, r.relation_type, r.status) AS key_id,
    dense_rank() OVER (ORDER BY r.source_actor, r.target_actor, r.relation_type) AS pair_id,
    row_number() OVER () AS rn,
    dense_rank() OVER (ORDER BY r.article_id) AS article_no,
    CASE WHEN r.event_date IS NULL THEN {UNDATED}
         -- A plan is for the future: a date before publication belongs to something else in the
         -- sentence ("planning to blame Iranian hackers for a 2013 cyber attack").
         WHEN r.status = 'planned' AND r.event_date < CASE r.date_precision
                  WHEN 'day' THEN coalesce(a.published_at, a.ingested_at)::DATE
                  WHEN 'month' THEN date_trunc('month', coalesce(a.published_at, a.ingested_at))::DATE
                  ELSE date_trunc('year', coalesce(a.published_at, a.ingested_at))::DATE END THEN {UNDATED}
         WHEN r.date_precision = 'day' THEN {DAY}
         WHEN r.date_precision = 'month' THEN {MONTH}
         ELSE {YEAR} END AS rank,
    (coalesce(a.published_at, a.ingested_at)::DATE - DATE '1970-01-01')::INTEGER AS pday,
    (CASE WHEN r.date_precision = 'day' THEN r.event_date - {DAY_SLACK}
          WHEN r.date_precision = 'month' THEN date_trunc('month', r.event_date)::DATE
          ELSE date_trunc('year', r.event_date)::DATE END - DATE '1970-01-01')::INTEGER AS lo,
    (CASE WHEN r.date_precision = 'day' THEN r.event_date + {DAY_SLACK}
          WHEN r.date_precision = 'month' THEN last_day(r.event_date)
          ELSE (date_trunc('year', r.event_date) + INTERVAL 1 YEAR - INTERVAL 1 DAY)::DATE END
     - DATE '1970-01-01')::INTEGER AS hi
FROM relations r LEFT JOIN articles a USING (article_id)
"""


# Reports in the order clustering takes them: by key, then article, most precise and most
# confident first (the report that stands for its article).
def _by_type(values: dict[str, int], default: int) -> str:
    cases = " ".join(f"WHEN '{t}' THEN {v}" for t, v in sorted(values.items()))
    return f"CASE relation_type {cases} ELSE {default} END" if cases else str(default)


def order_sql() -> str:
    """Reports in the order clustering takes them (by key, then article, most precise and most
    confident first: the report that stands for its article), as small integers: a derivation
    of millions of rows holds them in Python."""
    return f"""
    SELECT rn, key_id, pair_id, CASE status WHEN 'planned' THEN 1 WHEN 'alleged' THEN 2 ELSE 0 END AS status,
        article_no, rank, pday, lo, hi,
        {_by_type(LOOKBACK_BY_TYPE, LOOKBACK)} AS lookback,
        {_by_type(UNDATED_SLACK_BY_TYPE, UNDATED_SLACK)} AS undated_slack
    FROM reports
    ORDER BY key_id, article_no, rank, confidence DESC, lo, relation_id
    """


OCCURRED, PLANNED = 0, 1

EVENTS_SQL = f"""
WITH m AS (
    SELECT r.*, c.cluster FROM reports r JOIN report_clusters c USING (rn)
),
ranked AS (
    SELECT *,
        row_number() OVER (PARTITION BY cluster ORDER BY confidence DESC, reported_at, relation_id) AS best,
        row_number() OVER (PARTITION BY cluster ORDER BY reported_at, relation_id) AS earliest
    FROM m
),
date_votes AS (
    SELECT cluster, event_date, date_precision, min(rank) AS rank, count(*) AS n
    FROM m WHERE rank <> {UNDATED} GROUP BY ALL
),
best_date AS (
    SELECT cluster, event_date, date_precision FROM (
        SELECT *, row_number() OVER (PARTITION BY cluster ORDER BY rank, n DESC, event_date) AS rn FROM date_votes
    ) WHERE rn = 1
),
per_article AS (
    SELECT cluster, article_id, max(confidence) AS c FROM m GROUP BY ALL
),
confidence AS (
    -- Noisy-or over articles: 1 - prod(1 - c); c is capped below 1 so that the log exists.
    SELECT cluster, 1 - exp(sum(ln(1 - least(c, 0.999)))) AS confidence FROM per_article GROUP BY cluster
),
agg AS (
    SELECT cluster,
        any_value(source_actor) AS source_actor, any_value(target_actor) AS target_actor,
        any_value(relation_type) AS relation_type, any_value(status) AS status,
        min(reported_at) AS first_reported, max(reported_at) AS last_reported,
        count(*) AS n_reports, count(DISTINCT article_id) AS n_articles, count(DISTINCT outlet) AS n_outlets,
        list(relation_id ORDER BY relation_id) AS relation_ids
    FROM m GROUP BY cluster
),
ids AS (
    SELECT a.cluster,
        left(sha256(concat_ws(chr(31), 'event', a.source_actor, a.target_actor, a.relation_type, a.status,
                              e.relation_id)), 32) AS event_id
    FROM agg a JOIN ranked e ON e.cluster = a.cluster AND e.earliest = 1
)
SELECT
    i.event_id, a.source_actor, a.target_actor, a.relation_type,
    b.cameo_code, b.plover_type, b.quad_class, b.goldstein,
    a.status, d.event_date, d.date_precision, a.first_reported, a.last_reported,
    a.n_reports::INTEGER AS n_reports, a.n_articles::INTEGER AS n_articles, a.n_outlets::INTEGER AS n_outlets,
    a.relation_ids, b.evidence, round(c.confidence, 3)::FLOAT AS confidence,
    fi.event_id AS fulfils_event_id
FROM agg a
JOIN ids i USING (cluster)
JOIN ranked b ON b.cluster = a.cluster AND b.best = 1
JOIN confidence c ON c.cluster = a.cluster
LEFT JOIN best_date d ON d.cluster = a.cluster
LEFT JOIN fulfils f ON f.cluster = a.cluster
LEFT JOIN ids fi ON fi.cluster = f.planned
ORDER BY a.source_actor, a.target_actor, a.relation_type, a.status, d.event_date NULLS LAST, i.event_id
"""


@dataclass
class Unit:
    """The reports of one key in one article that agree on the date: one report of a happening."""

    rank: int  # the most precise of its reports (UNDATED when none is dated)
    lo: int | None  # the days its dated reports agree on; None when undated
    hi: int | None
    pday: int  # the day its article was published
    status: int  # OCCURRED, PLANNED or 2 (alleged)
    lookback: int  # LOOKBACK for its type
    undated_slack: int  # UNDATED_SLACK for its type
    reports: list[int] = field(default_factory=list)
    cluster: Cluster | None = None


@dataclass
class Cluster:
    """An event being formed: the days its reports agree on, and what linking needs."""

    index: int
    seed: int  # lo of the unit that started it (the sort key of the search)
    lo: int
    hi: int
    first_pday: int
    dated: bool  # some report dates it to the day or the month
    units: int = 1


def article_units(order: dict[str, list], start: int, end: int) -> list[Unit]:
    """The units of the reports ``start:end`` (one key, one article; most precise first).

    An article that repeats a key reports one happening, so its undated reports go with
    its most precise dated one (Obama's arrival on Sunday, then the visit without a date).
    Dated reports whose dates cannot agree are separate units: US officials in Havana on a
    Tuesday and an Obama visit late next month, in one article, are two visits.
    """
    units: list[Unit] = []
    status, back, slack = order["status"][start], order["lookback"][start], order["undated_slack"][start]
    for i in range(start, end):
        rank, lo, hi, p = order["rank"][i], order["lo"][i], order["hi"][i], order["pday"][i]
        if rank == UNDATED:
            target = units[0] if units else None
            if target is None:
                target = Unit(UNDATED, None, None, p, status, back, slack)
                units.append(target)
        else:
            target = next((u for u in units if u.lo is not None and u.lo <= hi and lo <= u.hi), None)
            if target is None:
                target = Unit(rank, lo, hi, p, status, back, slack)
                units.append(target)
            else:
                target.lo, target.hi = max(target.lo, lo), min(target.hi, hi)
        target.reports.append(i)
    return units


def undated_windows(unit: Unit) -> tuple[tuple[int, int], tuple[int, int]]:
    """The days an undated unit's happening can be on: against dated events, against undated ones."""
    p = unit.pday
    if unit.status == PLANNED:
        return (p, p + AHEAD), (p, p + AHEAD)
    return (p - unit.lookback, p), (p - unit.undated_slack, p)


def cluster_key(units: list[Unit], first_index: int) -> list[Cluster]:
    """The events of one key: each unit's ``cluster`` is set; returns the clusters.

    Day-precise units come first, in date order: each joins the last event if their days
    overlap, else starts one. Then month, undated and year units, each joining the
    overlapping event nearest its reporting day (the one with more units on a tie) or
    starting one. Joining narrows an event to the days its units agree on, so every unit of
    an event agrees on at least one day with all the others. A year-precise date that
    agrees with no event of its key is read as undated: a sentence on Obama's visit that
    names the year he agreed to restore relations (2014) dates the agreement, not the visit.
    """
    order = sorted(
        range(len(units)),
        key=lambda j: (units[j].rank, units[j].lo if units[j].lo is not None else units[j].pday, units[j].pday, j),
    )
    clusters: list[Cluster] = []
    seeds: list[int] = []

    def nearest(dated: tuple[int, int], undated: tuple[int, int] | None, p: int):
        """The event whose days overlap the unit's window (``dated`` for an event some report
        dates to the day or month, ``undated`` for one none does; None: those are not
        candidates) nearest the reporting day clamped into the window; then the one with
        more units, then the earlier. Returns (event, window) or None."""
        lo = min(dated[0], undated[0]) if undated else dated[0]
        hi = max(dated[1], undated[1]) if undated else dated[1]
        best = None
        nearest_day = min(min(max(p, w[0]), w[1]) for w in (dated, undated) if w)
        j = bisect.bisect_right(seeds, hi) - 1
        # Clusters are sorted by the start of their first unit and never longer than
        # MAX_SPAN: scanning back stops where none can overlap, or be nearer than the best.
        while j >= 0 and seeds[j] >= lo - MAX_SPAN:
            c = clusters[j]
            w = dated if c.dated else undated
            if w and c.lo <= w[1] and w[0] <= c.hi:
                at = min(max(p, w[0]), w[1])
                distance = 0 if c.lo <= at <= c.hi else min(abs(at - c.lo), abs(at - c.hi))
                score = (distance, -c.units, c.seed)
                if best is None or score < best[0]:
                    best = (score, c, w)
            if best is not None and seeds[j] + MAX_SPAN < nearest_day - best[0][0]:
                break
            j -= 1
        return (best[1], best[2]) if best else None

    def place(u: Unit, window: tuple[int, int], found, dated: bool) -> Cluster:
        if found is None:
            c = Cluster(first_index + len(clusters), window[0], window[0], window[1], u.pday, dated)
            pos = bisect.bisect_right(seeds, window[0])
            seeds.insert(pos, window[0])
            clusters.insert(pos, c)
        else:
            c, window = found
            c.lo, c.hi = max(c.lo, window[0]), min(c.hi, window[1])
            c.first_pday = min(c.first_pday, u.pday)
            c.dated = c.dated or dated
            c.units += 1
        u.cluster = c
        return c

    last_day: Cluster | None = None
    for j in order:
        u = units[j]
        if u.rank == UNDATED:
            long, short = undated_windows(u)
            place(u, short, nearest(long, short, u.pday), dated=False)
            continue
        assert u.lo is not None and u.hi is not None
        own = (u.lo, u.hi)
        if u.rank == DAY:
            # In date order: only the last event can overlap.
            found = (last_day, own) if last_day is not None and u.lo <= last_day.hi else None
            last_day = place(u, own, found, dated=True)
            continue
        found = nearest(own, own, u.pday)
        if found is None and u.rank == YEAR:
            found = nearest((u.pday - LOOKBACK, u.pday), None, u.pday)
        # A date known to the year only does not anchor undated reports of the recent past.
        place(u, own, found, dated=u.rank != YEAR)
    return clusters


PLAN_SLACK_DAYS = 3


def link_plans(pairs: dict[int, dict[int, list[Cluster]]]) -> list[tuple[int, int]]:
    """(occurred cluster, planned cluster) pairs: each occurred event fulfils at most one plan and
    each plan is fulfilled at most once.

    A plan is fulfilled by an occurred event of the same dyad and type whose days overlap the
    plan's (its interval, as the reports of the plan narrowed it) and that did not happen
    before the plan was first reported ("the two sides would hold talks later this year",
    said after a meeting, is not fulfilled by that meeting). Occurred events are taken best attested
    first (most articles, then date order), each with the nearest plan still free: a stray report
    (an undated headline the day before the trip) does not take the plan of the event every
    article reports.
    """
    links = []
    for statuses in pairs.values():
        plans = statuses.get(PLANNED, [])
        used: set[int] = set()
        for occ in sorted(statuses.get(OCCURRED, []), key=lambda c: (-c.units, c.lo, c.index)):
            best = None
            for plan in plans:
                # It happened after the plan was first reported (its middle day, not a day of slack).
                if plan.index in used or plan.first_pday * 2 > occ.lo + occ.hi:
                    continue
                # A plan's days are fuzzy ("in late March" for a visit on the 20th): a few days' slack.
                if plan.lo - PLAN_SLACK_DAYS <= occ.hi and occ.lo <= plan.hi + PLAN_SLACK_DAYS:
                    score = (abs((plan.lo + plan.hi) - (occ.lo + occ.hi)), -plan.units, plan.index)
                    if best is None or score < best[0]:
                        best = (score, plan)
            if best:
                used.add(best[1].index)
                links.append((occ.index, best[1].index))
    return links


def derive_events(con: duckdb.DuckDBPyConnection) -> pa.Table:
    """The events of the relations rows in the view ``relations`` (articles from ``articles``)."""
    # Load inputs.
    con.execute("SET TimeZone = 'UTC'")  # a report's day is its UTC publication day
    con.execute(f"CREATE OR REPLACE TEMP TABLE reports AS {REPORTS_SQL}")
    ordered = con.sql(order_sql()).to_arrow_table()
    # Process data.
    order = {c: ordered.column(c).to_pylist() for c in ordered.column_names}
    cluster_of = [0] * ordered.num_rows
    pairs: dict[int, dict[int, list[Cluster]]] = {}
    n_clusters = 0
    i = 0
    while i < ordered.num_rows:
        key = order["key_id"][i]
        units: list[Unit] = []
        while i < ordered.num_rows and order["key_id"][i] == key:
            end = i
            while (
                end < ordered.num_rows
                and order["key_id"][end] == key
                and order["article_no"][end] == order["article_no"][i]
            ):
                end += 1
            units += article_units(order, i, end)
            i = end
        clusters = cluster_key(units, n_clusters)
        n_clusters += len(clusters)
        for u in units:
            for r in u.reports:
                cluster_of[r] = u.cluster.index  # type: ignore[union-attr]
        pairs.setdefault(order["pair_id"][units[0].reports[0]], {})[units[0].status] = clusters
    links = link_plans(pairs)
    con.register(
        "report_clusters",
        pa.table({"rn": ordered.column("rn"), "cluster": pa.array(cluster_of, pa.int64())}),
    )
    con.register(
        "fulfils",
        pa.table(
            {
                "cluster": pa.array([o for o, _ in links], pa.int64()),
                "planned": pa.array([p for _, p in links], pa.int64()),
            }
        ),
    )
    try:
        # Save outputs.
        return con.sql(EVENTS_SQL).to_arrow_table()
    finally:
        con.unregister("report_clusters")
        con.unregister("fulfils")
        con.execute("DROP TABLE reports")
