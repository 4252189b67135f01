"""``dyad_month``: events and their reports per directed dyad, month, relation type and quad class.

Counts what happened: occurred and alleged events. Plans are left out: a plan that comes
true is counted once, as its occurred event, in the month it happened. A symmetric event
(a meeting, an agreement) counts once in each direction, so that a dyad's row says
everything it took part in, whichever side it is on. The month is that of the event's
``event_date``, else of its ``first_reported`` (UTC); a date known to the year only counts
in January of that year, as the contract says.

``derive_dyad_month(con)`` reads the view ``events`` of a DuckDB connection: every event
of the dyads to count (``relata.derive`` gives it the events of the buckets it rewrites).
``events_per_month(con)`` reads the view ``dyad_month``: the series of a release's chart.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pyarrow as pa

from relata.schemas import vocabularies

VERSION = "dyad_month-1"

SYMMETRIC = ", ".join(f"'{t}'" for t in sorted(vocabularies.SYMMETRIC_RELATION_TYPES))

DYAD_MONTH_SQL = f"""
WITH e AS (
    SELECT source_actor, target_actor, relation_type, quad_class, n_reports, goldstein,
        date_trunc('month', coalesce(event_date, first_reported::DATE))::DATE AS month
    FROM events
    WHERE status <> 'planned'
),
both_ways AS (
    SELECT * FROM e
    UNION ALL
    SELECT target_actor, source_actor, relation_type, quad_class, n_reports, goldstein, month
    FROM e WHERE relation_type IN ({SYMMETRIC})
)
SELECT source_actor, target_actor, month, relation_type, quad_class,
    count(*)::INTEGER AS n_events, sum(n_reports)::INTEGER AS n_reports,
    sum(goldstein)::FLOAT AS goldstein_sum, avg(goldstein)::FLOAT AS goldstein_mean
FROM both_ways
GROUP BY ALL
ORDER BY source_actor, target_actor, month, relation_type, quad_class
"""


def derive_dyad_month(con: duckdb.DuckDBPyConnection) -> pa.Table:
    """Counts per directed dyad, month, type and quad class over the view ``events``."""
    con.execute("SET TimeZone = 'UTC'")  # first_reported's month is its UTC month
    return con.sql(DYAD_MONTH_SQL).to_arrow_table()


# A symmetric event is in dyad_month once in each direction: counted here in its stored
# direction only (alphabetical order), so that each happening counts once.
EVENTS_PER_MONTH_SQL = f"""
SELECT month, quad_class, sum(n_events)::BIGINT AS n_events
FROM dyad_month
WHERE source_actor < target_actor OR relation_type NOT IN ({SYMMETRIC})
GROUP BY ALL ORDER BY ALL
"""


def events_per_month(con: duckdb.DuckDBPyConnection) -> list[tuple[dt.date, int, int]]:
    """(month, quad class, events) over the view ``dyad_month`` of ``con``, each happening once:
    occurred and alleged events, as ``dyad_month`` counts them. ``con`` is a release's own
    tables (its charts) or a build's (``relata.query.open_tables``)."""
    return con.execute(EVENTS_PER_MONTH_SQL).fetchall()
