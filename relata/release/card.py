"""The data card: README.md of a release, for the people who will use the data.

Its prose is ``relata/templates/data_card.md`` (package data), so that it can be edited as
Markdown; this module computes what fills it in: counts, coverage, the last evaluation.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from relata import schemas
from relata.release.errors import ReleaseError
from relata.release.layout import CHARTS, DATASET_TITLE, LICENSE_URL, open_tables, render_template
from relata.release.provenance import dist_version

if TYPE_CHECKING:
    from relata.release.plan import ReleasePlan

# Package data, not docs/: a release made from an installed wheel must still quote the last evaluation.
QUALITY_FILE = Path(__file__).parents[1] / "data" / "quality.json"


# How the card's sentence "The article texts are ..." ends, by whether they are released.
_TEXTS = {
    True: "included (`article_texts`).",
    False: "not included: news text is copyrighted. Evidence sentences are short quotations and are included.",
}


class Coverage(TypedDict):
    """Publication dates and outlets of the released articles; index.json carries it as it is."""

    published_from: str | None
    published_to: str | None
    outlets: dict[str, int]


def coverage(folder: Path) -> Coverage:
    """Publication dates and outlets of the released articles."""
    con = open_tables(folder, ["articles"])
    try:
        # An aggregate always returns one row; the fallback is for the type checker.
        span = con.execute("SELECT min(published_at), max(published_at) FROM articles").fetchone()
        first, last = span if span else (None, None)
        outlets = con.execute(
            "SELECT coalesce(outlet, '(unknown)') AS o, count(*) FROM articles GROUP BY o ORDER BY 2 DESC, 1"
        ).fetchall()
    finally:
        con.close()
    return {
        "published_from": first.date().isoformat() if first else None,
        "published_to": last.date().isoformat() if last else None,
        "outlets": {o: n for o, n in outlets},
    }


def read_quality(path: Path) -> dict[str, Any] | None:
    """The last evaluation (relata/data/quality.json), or None when none is recorded."""
    if not path.is_file():
        return None
    try:
        q = json.loads(path.read_text())
    except json.JSONDecodeError as e:
        raise ReleaseError(f"{path} is not valid JSON: {e}") from None
    return q if isinstance(q, dict) and isinstance(q.get("tables"), dict) else None


def write_data_card(plan: ReleasePlan, rows: dict[str, int], cov: Coverage) -> None:
    quality = read_quality(Path(plan.quality_file))
    (Path(plan.staging) / "README.md").write_text(data_card(plan, rows, cov, quality))


def data_card(plan: ReleasePlan, rows: dict[str, int], cov: Coverage, quality: dict[str, Any] | None) -> str:
    """The data card: ``templates/data_card.md`` filled in; the prose lives there, the tables are built here."""
    return render_template(
        "data_card.md",
        title=DATASET_TITLE,
        version=plan.version,
        date=plan.date,
        year=plan.date[:4],
        schema_version=schemas.SCHEMA_VERSION,
        table_rows="\n".join(
            f"| `{t}` | {n} | `{t}/{t}.parquet` | {schemas.TABLES[t].description} |" for t, n in rows.items()
        ),
        texts=_TEXTS[plan.include_texts],
        published_from=cov["published_from"] or "unknown",
        published_to=cov["published_to"] or "unknown",
        outlet_rows="\n".join(f"| {o} | {n} |" for o, n in cov["outlets"].items()),
        quality="\n".join(_quality_lines(quality)),
        charts="\n".join(f"![{title}]({name})" for name, title in CHARTS.items()),
        license_url=LICENSE_URL,
        duckdb_version=dist_version("duckdb"),
    )


def _quality_lines(quality: dict[str, Any] | None) -> list[str]:
    if not quality:
        return ["No evaluation recorded for this release (no relata/data/quality.json)."]
    lines = [
        f"Measured on {quality.get('measured_at', 'an unrecorded date')} against "
        f"{quality.get('gold', 'an unnamed annotated set')} with `relata evaluate` "
        "(micro-averaged over articles):",
        "",
        "| table | precision | recall | F1 |",
        "| --- | ---: | ---: | ---: |",
    ]
    for table, m in quality["tables"].items():
        lines.append(f"| {table} | " + " | ".join(_fmt(m.get(k)) for k in ("precision", "recall", "f1")) + " |")
    return lines


def _fmt(x: object) -> str:
    return f"{x:.2f}" if isinstance(x, (int, float)) else "n/a"
