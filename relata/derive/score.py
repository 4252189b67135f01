"""How well the derived tables group reports: hand-clustered gold against a build.

A gold file (``tests/derived_gold/``) is JSON Lines, one line per extracted row, keyed by
what stays stable across extractor versions (the article's ``source_uri``, the sentence,
the actors and the type), with the label of the real-world happening (``event``) or regime
(``regime``) a person assigned after reading the row's evidence, or ``null`` and the
reason it is not scored (``excluded``). Labels are codes, never article text.

Only rows present both in the gold and in the build are scored: the extractors change
while the gold stays, so a row the extractors no longer make, or make with another key,
is left out and counted. Two rows are in the same gold cluster when they share a label
and the key the derived table groups by (an event never mixes statuses or dyads).

Reported: pairwise precision and recall (of the pairs of rows put together) and B-cubed
precision and recall (per row: how much of its predicted cluster is right, how much of
its gold cluster it was put with).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from relata import store, views


@dataclass
class ClusterScore:
    rows_gold: int  # labelled rows in the gold file
    rows_scored: int  # of those, present in the build
    clusters_gold: int
    clusters_predicted: int
    pairwise_precision: float
    pairwise_recall: float
    bcubed_precision: float
    bcubed_recall: float

    def as_dict(self) -> dict:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in asdict(self).items()}


def score_clusters(gold: dict[tuple, str], predicted: dict[tuple, str], rows_gold: int | None = None) -> ClusterScore:
    """Scores of the ``predicted`` cluster of each row against its ``gold`` cluster, over the
    rows in both. ``rows_gold``: the gold's labelled rows, when ``gold`` holds only those matched."""
    rows = sorted(set(gold) & set(predicted), key=repr)
    g = {r: gold[r] for r in rows}
    p = {r: predicted[r] for r in rows}
    g_size, p_size = Counter(g.values()), Counter(p.values())
    both = Counter((g[r], p[r]) for r in rows)
    pairs = lambda n: n * (n - 1) // 2  # noqa: E731
    together = sum(pairs(n) for n in both.values())
    gold_pairs = sum(pairs(n) for n in g_size.values())
    pred_pairs = sum(pairs(n) for n in p_size.values())
    n = len(rows) or 1
    return ClusterScore(
        rows_gold=len(gold) if rows_gold is None else rows_gold,
        rows_scored=len(rows),
        clusters_gold=len(g_size),
        clusters_predicted=len(p_size),
        pairwise_precision=together / pred_pairs if pred_pairs else 1.0,
        pairwise_recall=together / gold_pairs if gold_pairs else 1.0,
        bcubed_precision=sum(both[(g[r], p[r])] / p_size[p[r]] for r in rows) / n,
        bcubed_recall=sum(both[(g[r], p[r])] / g_size[g[r]] for r in rows) / n,
    )


EVENT_KEY = ("source_uri", "sentence_index", "source", "target", "relation_type", "status")
REGIME_KEY = ("source_uri", "sentence_index", "sender", "target", "target_entity", "action")


def read_gold(path: Path | str, label: str, key: tuple[str, ...], within: tuple[str, ...] = ()) -> dict[tuple, str]:
    """Row key -> gold cluster, for the labelled rows of a gold file. A label is scoped by the
    ``within`` fields: the same label on two dyads is two events."""
    out = {}
    for line in Path(path).read_text().splitlines():
        if line.strip():
            d = json.loads(line)
            if d.get(label):
                out[tuple(d[k] for k in key)] = json.dumps([*(d[k] for k in within), d[label]])
    return out


def connect(tables: Path | str) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with a view per table of a build (its manifest's parts)."""
    con = duckdb.connect()
    m = store.Manifest.load(tables)
    for t in store.ALL_TABLES:
        files = ", ".join(views.sql_literal(p) for p in store.part_paths(Path(tables), t, m))
        con.execute(f"CREATE VIEW {t} AS SELECT * FROM read_parquet([{files}])")
    return con


def score_events(con: duckdb.DuckDBPyConnection, gold_path: Path | str) -> ClusterScore:
    """The events of a build (views ``events``, ``relations``, ``articles``) against a
    hand-clustered gold of relations rows."""
    rows = con.execute(
        """
        SELECT a.source_uri, r.sentence_index, r.source_actor, r.target_actor, r.relation_type, r.status, e.event_id
        FROM events e, unnest(e.relation_ids) AS u(relation_id)
        JOIN relations r USING (relation_id) JOIN articles a USING (article_id)
        """
    ).fetchall()
    gold = read_gold(gold_path, "event", EVENT_KEY, within=EVENT_KEY[2:])
    return score_clusters(gold, {tuple(r[:6]): r[6] for r in rows})


def score_regimes(con: duckdb.DuckDBPyConnection, gold_path: Path | str) -> ClusterScore:
    """The sanction regimes of a build (views ``sanction_regimes``, ``sanctions``, ``articles``)
    against a hand-grouped gold of sanctions rows."""
    rows = con.execute(
        """
        SELECT a.source_uri, s.sentence_index, s.sender, s.target, s.target_entity, s.action, g.regime_id
        FROM sanction_regimes g, unnest(g.history) AS u(h)
        JOIN sanctions s ON s.sanction_id = u.h.sanction_id JOIN articles a USING (article_id)
        """
    ).fetchall()
    built = {tuple(r[:6]): r[6] for r in rows}
    labelled = len(read_gold(gold_path, "regime", REGIME_KEY))
    return score_clusters(match_regime_gold(gold_path, list(built)), built, rows_gold=labelled)


def _label_sender(regime: str) -> str | None:
    sender = regime.split(">", 1)[0]
    return None if sender == "?" else sender


def match_regime_gold(gold_path: Path | str, built: list[tuple]) -> dict[tuple, str]:
    """Gold regime per key of a build's sanctions rows (``REGIME_KEY``).

    A gold row is matched on its exact key; failing that, to the one build row of its
    sentence, target and target entity whose key differs only where its regime cannot:
    the action (a regime is who sanctions whom, whatever a statement says of it), or the
    sender, when the build's is the one the gold's label names ("USA>CUB" for the embargo
    named without its sender) or none. A gold row labelled with an unknown sender ("?>IRN")
    and built with one is not matched: the person found the sentence not to say whose
    sanctions they are, so the row's regime is a guess the gold cannot score. Without this
    the gold's keys, taken from the rules of December 2026, fell out of every build whose
    extractors filled a sender or read another action in a row's sentence.
    """
    gold = [json.loads(x) for x in Path(gold_path).read_text().splitlines() if x.strip()]
    gold = [d for d in gold if d.get("regime")]
    out: dict[tuple, str] = {}
    built_set = set(built)
    for d in gold:
        key = tuple(d[k] for k in REGIME_KEY)
        if key in built_set:
            out[key] = d["regime"]
    slot = lambda k: (k[0], k[1], k[3], k[4])  # noqa: E731 - sentence, target, target entity
    free: dict[tuple, list[tuple]] = defaultdict(list)
    for k in built:
        if k not in out:
            free[slot(k)].append(k)
    for d in gold:
        key = tuple(d[k] for k in REGIME_KEY)
        if key in out:
            continue
        senders = {d["sender"], _label_sender(d["regime"]), None}
        fits = [k for k in free[slot(key)] if k[2] in senders and not (k[2] and _label_sender(d["regime"]) is None)]
        same_action = [k for k in fits if k[5] == d["action"]]
        pick = same_action if len(same_action) == 1 else fits
        if len(pick) == 1:
            out[pick[0]] = d["regime"]
            free[slot(key)].remove(pick[0])
    return out


def clusters_of(gold: dict[tuple, str]) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = defaultdict(list)
    for k, c in gold.items():
        out[c].append(k)
    return out
