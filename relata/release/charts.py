"""The charts of a release, drawn with matplotlib alone (Agg: no display needed).

Each chart still draws its axes and says "no data" when there is nothing to
show, so a release of a small build has four readable pictures, not blank files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")  # before pyplot: a release is often made on a server without a display

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import MaxNLocator

from relata.derive import events_per_month
from relata.release.layout import open_tables

if TYPE_CHECKING:
    import duckdb

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
# Greens for cooperation, warm colours for conflict, darker for material: the usual reading of quad classes.
QUAD_COLOURS = {1: "#9ccf8d", 2: "#2e7d32", 3: "#f4a259", 4: "#c62828"}
DPI = 150


@dataclass
class ChartData:
    """What the charts need: (month, quad class, n) of reports and of events, and
    (actor, actor, quad class, n, mean Goldstein) of reports."""

    per_month: list[tuple]
    dyads: list[tuple]
    events_per_month: list[tuple]


def write_charts(folder: Path) -> list[Path]:
    """The PNG charts of a release, drawn from its own tables (``layout.CHARTS`` names them)."""
    con = open_tables(folder, ["articles", "relations", "dyad_month"])
    try:
        data = chart_data(con)
    finally:
        con.close()
    # Events over the months of the reports chart, so that the two read side by side; an event
    # dated outside them (an agreement of 1972 recalled in 2016) would stretch the axis.
    months = {r[0] for r in data.per_month}
    span = (min(months), max(months)) if months else None
    return [
        per_month(data.per_month, folder / "relations_per_month.png"),
        per_month(data.events_per_month, folder / "events_per_month.png", span=span, **EVENTS_LABELS),
        top_dyads(data.dyads, folder / "top_dyads.png"),
        network(data.dyads, folder / "dyad_network.png"),
    ]


def chart_data(con: duckdb.DuckDBPyConnection) -> ChartData:
    """What the charts need, from a DuckDB connection with views ``articles``, ``relations`` and
    ``dyad_month``."""
    # By the month the article was published, not the event date: event dates are often missing
    # and can be decades away ("since 1928"), which would stretch the axis over a century.
    per_month = con.execute("""
        SELECT CAST(date_trunc('month', coalesce(CAST(a.published_at AS DATE), r.event_date)) AS DATE) AS month,
               r.quad_class, count(*) AS n
        FROM relations r LEFT JOIN articles a USING (article_id)
        WHERE coalesce(CAST(a.published_at AS DATE), r.event_date) IS NOT NULL
        GROUP BY ALL ORDER BY 1, 2""").fetchall()
    dyads = con.execute("""
        SELECT least(source_actor, target_actor) AS a, greatest(source_actor, target_actor) AS b,
               quad_class, count(*) AS n, avg(goldstein) AS goldstein
        FROM relations GROUP BY ALL ORDER BY 1, 2, 3""").fetchall()
    return ChartData(per_month, dyads, events_per_month(con))


def _no_data(ax, what: str) -> None:
    ax.text(0.5, 0.5, f"no data: {what}", ha="center", va="center", transform=ax.transAxes, fontsize=12, color="0.4")


def _save(fig, path: Path) -> Path:
    fig.savefig(path, dpi=DPI, bbox_inches="tight")
    plt.close(fig)
    return path


RELATIONS_LABELS = {
    "title": "Relations per month by quad class (reports)",
    "xlabel": "month the reporting article was published",
    "ylabel": "relations",
}
EVENTS_LABELS = {
    "title": "Events per month by quad class (each happening once, however often reported)",
    "xlabel": "month of the event (its date, else its first report)",
    "ylabel": "events",
}


def per_month(rows: list[tuple], path: Path, span: tuple[dt.date, dt.date] | None = None, **labels: str) -> Path:
    """Stacked bars: rows of (month, quad class, n) per month, by quad class; only the months of
    ``span`` when given (how many are outside it is said under the axis)."""
    labels = {**RELATIONS_LABELS, **labels}
    rows, outside = within(rows, span)
    fig, ax = plt.subplots(figsize=(11, 5))
    ax.set_title(labels["title"])
    ax.set_xlabel(labels["xlabel"] + (f"; {outside} outside these months not shown" if outside else ""))
    ax.set_ylabel(labels["ylabel"])
    if not rows:
        _no_data(ax, f"no dated {labels['ylabel']}")
        return _save(fig, path)
    months = _month_range(min(r[0] for r in rows), max(r[0] for r in rows))
    pos = {m: i for i, m in enumerate(months)}
    counts = np.zeros((4, len(months)))
    for month, quad, n in rows:
        counts[quad - 1, pos[month]] += n
    x = mdates.date2num(months)
    # Bars a little narrower than a month; at least a few pixels wide over long spans.
    width = 25 if len(months) < 400 else 28
    bottom = np.zeros(len(months))
    for q in QUAD_CLASSES:
        ax.bar(
            x,
            counts[q - 1],
            width=width,
            bottom=bottom,
            color=QUAD_COLOURS[q],
            label=f"{q} {QUAD_CLASSES[q]}",
            align="edge",
        )
        bottom += counts[q - 1]
    ax.xaxis_date()
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=4, maxticks=12))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(x[0] - 15, x[-1] + 45)
    ax.set_ylim(0, bottom.max() * 1.08)  # headroom: the tallest bar must not touch the frame
    # Outside the axes: inside, it hides whichever bars happen to be tall in that corner.
    ax.legend(title="quad class", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    ax.grid(axis="y", alpha=0.3)
    return _save(fig, path)


def within(rows: list[tuple], span: tuple[dt.date, dt.date] | None) -> tuple[list[tuple], int]:
    """The (month, quad class, n) rows whose month is in ``span`` (all without one), and the sum
    of n over the others."""
    if span is None:
        return rows, 0
    kept = [r for r in rows if span[0] <= r[0] <= span[1]]
    return kept, sum(r[2] for r in rows) - sum(r[2] for r in kept)


def _month_range(first: dt.date, last: dt.date) -> list[dt.date]:
    first, last = _as_date(first), _as_date(last)
    out, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(dt.date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _as_date(x) -> dt.date:
    return x.date() if isinstance(x, dt.datetime) else x


def _pairs(rows: list[tuple]) -> dict[tuple[str, str], dict]:
    """Per unordered pair: count per quad class, total and mean Goldstein value."""
    pairs: dict[tuple[str, str], dict] = {}
    for a, b, quad, n, gold in rows:
        p = pairs.setdefault((a, b), {"quad": np.zeros(4), "n": 0, "gold_sum": 0.0})
        p["quad"][quad - 1] += n
        p["n"] += n
        p["gold_sum"] += (gold or 0.0) * n
    for p in pairs.values():
        p["goldstein"] = p["gold_sum"] / p["n"]
    return pairs


def top_dyads(rows: list[tuple], path: Path, top: int = 20) -> Path:
    """Horizontal stacked bars: the ``top`` pairs with the most relations, by quad class."""
    pairs = _pairs(rows)
    ranked = sorted(pairs.items(), key=lambda kv: (-kv[1]["n"], kv[0]))[:top]
    fig, ax = plt.subplots(figsize=(9, max(3.5, 0.38 * len(ranked) + 1.5)))
    ax.set_title(f"The {top} most active dyads (relations in either direction)")
    ax.set_xlabel("relations")
    if not ranked:
        _no_data(ax, "no relations")
        ax.set_yticks([])
        return _save(fig, path)
    labels = [f"{a} – {b}" for (a, b), _ in ranked]
    y = np.arange(len(ranked))[::-1]  # the most active on top
    left = np.zeros(len(ranked))
    for q in QUAD_CLASSES:
        vals = np.array([p["quad"][q - 1] for _, p in ranked])
        ax.barh(y, vals, left=left, color=QUAD_COLOURS[q], label=f"{q} {QUAD_CLASSES[q]}")
        left += vals
    ax.set_yticks(y, labels)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(title="quad class", loc="lower right", frameon=False)
    ax.grid(axis="x", alpha=0.3)
    return _save(fig, path)


def spring_layout(n: int, edges: list[tuple[int, int, float]], iterations: int = 300, seed: int = 0) -> np.ndarray:
    """Fruchterman-Reingold positions in the unit square, deterministic for a given input.

    Starting on a circle (not at random) keeps the picture the same from one
    release to the next when the pairs do not change.
    """
    if n == 0:
        return np.zeros((0, 2))
    angle = 2 * np.pi * np.arange(n) / n
    pos = np.c_[np.cos(angle), np.sin(angle)] * 0.5 + np.random.default_rng(seed).normal(0, 1e-3, (n, 2))
    k = 1.0 / np.sqrt(n)
    temp = 0.1
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 1e-3)
        disp = (delta / dist[..., None] * (k * k / dist)[..., None]).sum(axis=1)  # repulsion
        for i, j, w in edges:
            d = pos[i] - pos[j]
            dd = max(np.linalg.norm(d), 1e-3)
            f = d / dd * dd * dd / k * (1 + np.log1p(w))
            disp[i] -= f
            disp[j] += f
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temp)[:, None]
        temp *= 0.985
    # Centre the bounding box (not the mean) so that the picture fills the square.
    pos -= (pos.max(axis=0) + pos.min(axis=0)) / 2
    return pos / max(np.abs(pos).max(), 1e-9)


def network(rows: list[tuple], path: Path) -> Path:
    """Actors as nodes, pairs as edges: width by number of relations, colour by mean Goldstein value."""
    pairs = _pairs(rows)
    fig, ax = plt.subplots(figsize=(10, 9))
    ax.set_title(
        "Network of country pairs\n(edge width: relations; colour: mean Goldstein value; "
        "node size: relations of the actor)"
    )
    ax.set_xticks([])
    ax.set_yticks([])
    if not pairs:
        _no_data(ax, "no relations")
        return _save(fig, path)
    actors = sorted({a for pair in pairs for a in pair})
    idx = {a: i for i, a in enumerate(actors)}
    edges = [(idx[a], idx[b], p["n"]) for (a, b), p in pairs.items()]
    pos = spring_layout(len(actors), edges)
    cmap, norm = plt.get_cmap("RdYlGn"), matplotlib.colors.Normalize(-10, 10)
    top = max(p["n"] for p in pairs.values())
    for (a, b), p in sorted(pairs.items(), key=lambda kv: kv[1]["n"]):
        (x0, y0), (x1, y1) = pos[idx[a]], pos[idx[b]]
        ax.plot(
            [x0, x1],
            [y0, y1],
            color=cmap(norm(p["goldstein"])),
            lw=1 + 6 * p["n"] / top,
            alpha=0.85,
            zorder=1,
            solid_capstyle="round",
        )
    degree = np.zeros(len(actors))
    for i, j, w in edges:
        degree[i] += w
        degree[j] += w
    ax.scatter(
        pos[:, 0],
        pos[:, 1],
        s=350 + 1200 * degree / degree.max(),
        color="#dfe7f2",
        edgecolors="#3b5b8a",
        linewidths=1.2,
        zorder=2,
    )
    for a, (x, y) in zip(actors, pos):
        ax.text(x, y, a, ha="center", va="center", fontsize=8, fontweight="bold", zorder=3)
    # A square window around the nodes: tight for many, not a flat strip for two or three in a row.
    centre = (pos.max(axis=0) + pos.min(axis=0)) / 2
    half = (pos.max(axis=0) - pos.min(axis=0)).max() / 2 + 0.18
    ax.set_xlim(centre[0] - half, centre[0] + half)
    ax.set_ylim(centre[1] - half, centre[1] + half)
    ax.set_aspect("equal")
    sm = matplotlib.cm.ScalarMappable(cmap=cmap, norm=norm)
    fig.colorbar(sm, ax=ax, shrink=0.6, label="mean Goldstein value (-10 conflict … +10 cooperation)")
    return _save(fig, path)
