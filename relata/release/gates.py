"""Release gates: row-count limits and smoke queries per table, read from ``release_gates.toml``.

The smoke queries are SQL from a configuration file, so they run only in
``relata.query.sandboxed`` connections that can read the release's folder and
nothing else, and can write nothing.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow.parquet as pq

from relata import schemas
from relata.release.errors import ReleaseError
from relata.release.layout import open_tables, table_file

if TYPE_CHECKING:
    import duckdb

    from relata.release.plan import ReleasePlan

GATES_FILE = Path(__file__).parents[1] / "release_gates.toml"
_GATE_KEYS = {"min_rows", "max_rows", "smoke"}


@dataclass
class Gate:
    """One table's gate; its fields are the keys a gates file may set (manifest.json records them)."""

    min_rows: int = 0
    max_rows: int | None = None
    smoke: list[str] = field(default_factory=list)


@dataclass
class GateResult:
    """What the gates said about a staged release: the tables they covered, and every failure."""

    checked: list[str]
    failures: list[str]


def load_gates(path: str | Path) -> dict[str, Gate]:
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
        gates[table] = Gate(
            min_rows=int(g.get("min_rows", 0)),
            max_rows=int(g["max_rows"]) if "max_rows" in g else None,
            smoke=[smoke] if isinstance(smoke, str) else list(smoke),
        )
    return gates


def check_gates(folder: str | Path, gates: dict[str, Gate]) -> list[str]:
    """Every gate a release folder fails, as sentences naming the table; empty if it passes."""
    folder = Path(folder)
    present = [t for t in schemas.TABLES if table_file(folder, t).exists()]
    con = open_tables(folder, present)
    failures: list[str] = []
    try:
        for table, g in gates.items():
            if table not in present:
                continue  # e.g. article_texts, left out of a default release
            n = pq.ParquetFile(table_file(folder, table)).metadata.num_rows
            if n < g.min_rows:
                failures.append(f"{table}: {n} rows, fewer than the minimum of {g.min_rows}")
            if g.max_rows is not None and n > g.max_rows:
                failures.append(f"{table}: {n} rows, more than the maximum of {g.max_rows}")
            failures += [f"{table}: {msg}" for msg in _smoke(con, g.smoke)]
    finally:
        con.close()
    return failures


def _smoke(con: duckdb.DuckDBPyConnection, queries: list[str]) -> list[str]:
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


def run_gates(plan: ReleasePlan) -> GateResult:
    """The gates of the plan's file on its staged release; the staging folder is removed if they cannot run."""
    try:
        gates = load_gates(plan.gates_file)
        failures = check_gates(plan.staging, gates)
    except BaseException:
        plan.discard()
        raise
    return GateResult(checked=[t for t in gates if t in plan.table_names], failures=failures)
