"""Verification of a release folder, by anyone who downloaded it.

Nothing the release carries is executed: its hashes, schemas and row counts
are checked with code that ships in relata. The gate SQL recorded in its
manifest.json is a record of how it was published, never run: a release
edited to carry ``COPY ... TO`` with its checksums recomputed would otherwise
write files on the verifier's machine.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from relata import schemas
from relata.release.gates import check_gates, load_gates
from relata.release.layout import SUMS_FILE, release_files, sha256_file, table_file


def verify_release(folder: str | Path, gates_file: str | Path | None = None) -> list[str]:
    """Every way a release folder differs from what it declares, each naming its file; empty if none.

    Checks the hashes of SHA256SUMS, datapackage.json and index.json, the Arrow
    schema and row count of every table. ``gates_file`` runs the gates of a
    local file the user names, in a connection that can read only the
    release's folder.
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
    problems: list[str] = []
    listed: set[str] = set()
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


def _load_json(folder: Path, name: str) -> tuple[dict[str, Any] | None, list[str]]:
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
        path = table_file(folder, table)
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
