"""``dyad_month``: events and their reports per directed dyad, month, relation type and quad class.

Counts what happened: occurred and alleged events. Plans are left out: a plan that comes
true is counted once, as its occurred event, in the month it happened. A symmetric event
(a meeting, an agreement) counts once in each direction, so that a dyad's row says
everything it took part in, whichever side it is on. The month is that of the event's
``event_date``, else of its ``first_reported`` (UTC); a date known to the year only counts
in January of that year, as the contract says.

``derive_dyad_month(con)`` reads the view ``events`` of a DuckDB connection: every event
of the dyads to count (``relata.derive`` gives it the events of the buckets it rewrites).
"""

from __future__ import annotations

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
