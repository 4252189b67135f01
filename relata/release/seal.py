"""Sealing and publishing: datapackage.json, index.json, SHA256SUMS, then one rename into place."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict

from relata import schemas
from relata.release.changes import Changes
from relata.release.errors import GateError, ReleaseExistsError
from relata.release.gates import GateResult
from relata.release.layout import (
    DATASET_NAME,
    DATASET_TITLE,
    LICENSE_URL,
    PARQUET_MEDIATYPE,
    SUMS_FILE,
    release_files,
    sha256_file,
    table_file,
    write_json,
)
from relata.release.plan import ReleasePlan
from relata.release.stage import Staged

_MIME_TYPES = {
    ".parquet": PARQUET_MEDIATYPE,
    ".json": "application/json",
    ".md": "text/markdown",
    ".png": "image/png",
    ".duckdb": "application/octet-stream",
}


class ReleaseSummary(TypedDict):
    """A published release as plain data: what the flow returns and the CLI prints."""

    version: str
    path: str
    previous_version: str | None
    rows: dict[str, int]
    changes: dict[str, dict[str, int | bool]]
    gates_passed: list[str]


@dataclass
class Published:
    """A release that is in place: its version and folder, rows, changes, and the gates it passed."""

    version: str
    path: Path
    rows: dict[str, int]
    changes: Changes
    gates_passed: list[str]

    def summary(self) -> ReleaseSummary:
        return {
            "version": self.version,
            "path": str(self.path),
            "previous_version": self.changes.previous,
            "rows": self.rows,
            "changes": self.changes.as_json(),
            "gates_passed": self.gates_passed,
        }


def datapackage(plan: ReleasePlan) -> dict[str, Any]:
    """The Frictionless Data Package (v2) of the release's tables.

    The resources are typed ``file``: frictionless-py reads Parquet through
    pandas, where it neither counts bytes (so ``bytes`` always fails) nor reads
    list columns; as files it checks their bytes and hash. The table schemas
    are given all the same, and ``relata release verify`` checks them.
    """
    folder = Path(plan.staging)
    resources = []
    for table in plan.table_names:
        path = table_file(folder, table)
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


def index(plan: ReleasePlan, staged: Staged, gates_passed: list[str]) -> dict[str, Any]:
    """index.json, in the manner of OpenSanctions': what a client needs to decide whether to fetch."""
    folder = Path(plan.staging)
    prev_index = json.loads((Path(plan.previous) / "index.json").read_text()) if plan.previous else {}
    return {
        "name": DATASET_NAME,
        "title": DATASET_TITLE,
        "version": plan.version,
        "run_time": plan.run_time,
        "previous_version": staged.changes.previous,
        # When the rows last changed: a client that has that release need not fetch this one.
        "last_change": plan.run_time
        if staged.changes.has_changes or not plan.previous
        else prev_index.get("last_change"),
        "schema_version": schemas.SCHEMA_VERSION,
        "licence": {"name": "CC-BY-4.0", "url": LICENSE_URL},
        "row_counts": staged.rows,
        "changes": staged.changes.as_json(),
        "coverage": staged.coverage,
        "gates_passed": gates_passed,
        "resources": [_resource_entry(folder, p) for p in release_files(folder) if p != "index.json"],
    }


def _resource_entry(folder: Path, rel: str) -> dict[str, Any]:
    path = folder / rel
    mime = _MIME_TYPES.get(path.suffix, "text/plain")
    return {"name": rel, "path": rel, "mime_type": mime, "size": path.stat().st_size, "sha256": sha256_file(path)}


def seal(plan: ReleasePlan, staged: Staged, gates_passed: list[str]) -> None:
    """Write datapackage.json, index.json and, last, SHA256SUMS over every other file."""
    folder = Path(plan.staging)
    write_json(folder / "datapackage.json", datapackage(plan))
    write_json(folder / "index.json", index(plan, staged, gates_passed))
    sums = "".join(f"{sha256_file(folder / p)}  {p}\n" for p in release_files(folder))
    (folder / SUMS_FILE).write_text(sums)


def publish(plan: ReleasePlan, staged: Staged, gates: GateResult) -> Published:
    """Seal and rename the staging folder into place; or, if a gate failed, remove it and raise."""
    if gates.failures:
        plan.discard()
        raise GateError(gates.failures)
    try:
        seal(plan, staged, gates.checked)
        if plan.final.exists():
            raise ReleaseExistsError(
                f"release {plan.version} appeared at {plan.final} while this one was being made; it was left as it is"
            )
        # rename(2) fails on a non-empty target, so even a race cannot replace a published release.
        os.rename(plan.staging, plan.final)
    except BaseException:
        plan.discard()
        raise
    return Published(plan.version, plan.final, staged.rows, staged.changes, gates.checked)


def summary_markdown(result: ReleaseSummary) -> str:
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
