"""What changed since the previous release: row counts by stable id, and CHANGELOG.md."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from relata import schemas, views
from relata.release.layout import idents, table_file

if TYPE_CHECKING:
    import duckdb

    from relata.release.plan import ReleasePlan


@dataclass
class TableChange:
    """One table's rows, and how many were added, removed or changed since the previous release."""

    rows: int
    added: int
    removed: int
    changed: int
    new_table: bool  # not in the previous release (or no previous release): every row is added


@dataclass
class Changes:
    """Every released table's changes since ``previous`` (a version name; None for a first release)."""

    previous: str | None
    tables: dict[str, TableChange] = field(default_factory=dict)

    @property
    def has_changes(self) -> bool:
        return any(c.added or c.removed or c.changed for c in self.tables.values())

    def as_json(self) -> dict[str, dict[str, int | bool]]:
        """Per table, as index.json and the release summary carry it."""
        return {t: asdict(c) for t, c in self.tables.items()}


def diff_columns(table: str) -> list[str]:
    """Columns that identify a row across releases: the primary key, or for a table
    without one (rejects) every column but the time it was recorded."""
    t = schemas.TABLES[table]
    return list(t.primary_key) or [c for c in t.columns if c != "rejected_at"]


def changelog_counts(new: Path, old: Path | None, tables: list[str]) -> Changes:
    """Rows added, removed and changed per table between two release folders, by stable id."""
    old_present = {t for t in tables if old and table_file(old, t).exists()}
    result = Changes(old.name if old else None)
    con = _diff_connection(new, old, tables, old_present)
    try:
        for table in tables:
            result.tables[table] = _diff_table(con, table, table in old_present)
    finally:
        con.close()
    return result


def _diff_connection(
    new: Path, old: Path | None, tables: list[str], old_present: set[str]
) -> duckdb.DuckDBPyConnection:
    import duckdb

    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    sides = [("new", new, tables)]
    if old is not None:
        sides.append(("old", old, [t for t in tables if t in old_present]))
    for side, folder, names in sides:
        for t in names:
            path = views.sql_literal(table_file(folder, t).resolve())
            con.execute(f"CREATE VIEW {side}_{t} AS SELECT * FROM read_parquet({path})")
    return con


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def _diff_table(con: duckdb.DuckDBPyConnection, table: str, in_old: bool) -> TableChange:
    key = idents(diff_columns(table))
    rows = _count(con, f"SELECT count(*) FROM new_{table}")
    if not in_old:
        return TableChange(rows, added=rows, removed=0, changed=0, new_table=True)
    # EXCEPT ALL compares NULLs as equal and keeps duplicates, which the key-less rejects need.
    added = _count(
        con, f"SELECT count(*) FROM (SELECT {key} FROM new_{table} EXCEPT ALL SELECT {key} FROM old_{table})"
    )
    removed = _count(
        con, f"SELECT count(*) FROM (SELECT {key} FROM old_{table} EXCEPT ALL SELECT {key} FROM new_{table})"
    )
    changed = 0
    if schemas.TABLES[table].primary_key:
        # Same id, other values (e.g. a new extractor version rescored a row).
        changed = _count(
            con,
            f"SELECT count(*) FROM (SELECT * FROM new_{table} EXCEPT ALL "
            f"SELECT * FROM old_{table}) WHERE ({key}) IN (SELECT {key} FROM old_{table})",
        )
    return TableChange(rows, added, removed, changed, new_table=False)


def write_changelog(plan: ReleasePlan, changes: Changes) -> None:
    """CHANGELOG.md: this release's counts first, then the previous release's history."""
    lines = [f"## {plan.version} ({plan.date})", ""]
    if changes.previous:
        lines += [
            f"Compared with release {changes.previous}. Rows are matched by their stable id; "
            "`rejects` has none and is matched on all its columns except `rejected_at`.",
            "",
        ]
    else:
        lines += ["First release: every row is new.", ""]
    lines += ["| table | rows | added | removed | changed | matched on |", "| --- | ---: | ---: | ---: | ---: | --- |"]
    for table, c in changes.tables.items():
        note = " (new table)" if c.new_table and changes.previous else ""
        lines.append(
            f"| {table}{note} | {c.rows} | {c.added} | {c.removed} | {c.changed} | "
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
