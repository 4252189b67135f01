"""The data card: README.md of a release, for the people who will use the data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from relata import schemas
from relata.release.errors import ReleaseError
from relata.release.layout import CHARTS, DATASET_TITLE, LICENSE_URL, open_tables
from relata.release.provenance import dist_version

if TYPE_CHECKING:
    from relata.release.plan import ReleasePlan

# Package data, not docs/: a release made from an installed wheel must still quote the last evaluation.
QUALITY_FILE = Path(__file__).parents[1] / "data" / "quality.json"


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
    date = plan.date
    v = plan.version
    out = [
        f"# {DATASET_TITLE} — release {v}",
        "",
        f"Published {date}. Schema version {schemas.SCHEMA_VERSION}. Licence: CC BY 4.0 (see `LICENSE`).",
        "",
        "relata reads English news articles and extracts who does what to whom between countries and "
        "organisations: events between country pairs, sanctions, denials and areas of cooperation. Every "
        "row carries its evidence sentence, the character span in the article, the extractor version and "
        'a confidence. The rows are extracted automatically: read "Known limitations" before use.',
        "",
        "## What is in it",
        "",
        "| table | rows | file | what a row is |",
        "| --- | ---: | --- | --- |",
    ]
    out += [f"| `{t}` | {n} | `{t}/{t}.parquet` | {schemas.TABLES[t].description} |" for t, n in rows.items()]
    out += [
        "",
        "Columns, types and codes: `datapackage.json` (a Frictionless Data Package) and the project's data "
        "dictionary. Actor codes are ISO 3166-1 alpha-3 country codes or a short closed list of "
        "organisations (`UN`, `EU`, `NATO`, ...).",
        "",
        "The article texts are "
        + (
            "included (`article_texts`)."
            if plan.include_texts
            else "not included: news text is copyrighted. Evidence sentences are short quotations and are included."
        ),
        "",
        "## Coverage",
        "",
        f"Articles published from {cov['published_from'] or 'unknown'} to {cov['published_to'] or 'unknown'}.",
        "",
        "| outlet | articles |",
        "| --- | ---: |",
    ]
    out += [f"| {o} | {n} |" for o, n in cov["outlets"].items()]
    out += ["", "## Quality", ""] + _quality_lines(quality)
    out += [
        "",
        "## Use",
        "",
        "DuckDB, from inside this folder (the views name their files relative to it):",
        "",
        "```",
        f"cd {v}",
        'duckdb -readonly relata.duckdb "select source_actor, target_actor, count(*) from relations group by all order by 3 desc"',
        "```",
        "",
        "From anywhere, without the database file: "
        f"`select * from read_parquet('path/to/{v}/relations/*.parquet')`; or open "
        f"`relata.duckdb` after `SET file_search_path = 'path/to/{v}'`. Open the database read-only "
        "so that it stays byte-identical to its checksum.",
        "",
        "## Verify",
        "",
        "```",
        f"cd {v} && sha256sum -c SHA256SUMS",
        f"relata release verify path/to/{v}    # hashes, schemas, row counts and release gates",
        "```",
        "",
        "## Charts",
        "",
    ]
    out += [f"![{title}]({name})" for name, title in CHARTS.items()]
    out += [
        "",
        "## How to cite",
        "",
        "```",
        "CITATION",
        f"relata contributors ({date[:4]}). {DATASET_TITLE}. Release {v} ({date}).",
        f"Dataset, CC BY 4.0. Version {v}; verify with the SHA256SUMS file of the release.",
        "```",
        "",
        "Cite the version: releases are immutable, so the version names exactly the rows you used.",
        "",
        "## Licence",
        "",
        f"The data is licensed under Creative Commons Attribution 4.0 International (CC BY 4.0, {LICENSE_URL}). "
        "Evidence sentences are short quotations from the articles, whose copyright remains with their "
        "publishers.",
        "",
        "## Known limitations",
        "",
        "- Rows are extracted automatically from English text by rules over a dependency parse; they contain "
        "errors (see Quality) and every row should be read with its `evidence`.",
        "- Coverage is what was fed in: the outlets and dates above, not the world's news. Counts over time "
        "reflect the sources as much as events.",
        "- The same event reported by several articles is several rows (one per article and sentence); "
        "deduplicate by actors, type and date if you count events.",
        "- `event_date` is resolved from the text against the publication date and is often missing or only "
        "month- or year-precise; the chart by month therefore counts by publication month.",
        "- People are resolved to the state they act for using terms of office in the lexicons; people and "
        "institutions outside them are not resolved.",
        "- `rejects` lists what could not be read or did not validate: nothing is dropped silently, "
        "but nothing in it is in the other tables either.",
        f"- `relata.duckdb` was written by DuckDB {dist_version('duckdb')}; older DuckDB versions may not "
        "open it. The Parquet files are the dataset: `read_parquet` works with any recent DuckDB.",
    ]
    return "\n".join(out) + "\n"


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
