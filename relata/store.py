"""The built tables on disk: Parquet parts, the manifest, the writer lock, the DuckDB views.

Layout of an output folder::

    <out>/<table>/part-<run>-<seq>.parquet   one part per table and committed batch
    <out>/_relata/manifest.json              what is committed: parts, versions, inputs seen
    <out>/_relata/staging/<run>/             parts written by a batch, not yet committed
    <out>/_relata/lock                       locked (flock) by the build writing this folder
    <out>/relata.duckdb                      one view per table (or where --db says)

A batch's parts are written under ``staging`` first and moved into the table
folders by ``commit_batch``, which writes the manifest last (to a temporary
name, then renamed). A build killed at any moment therefore leaves the
tables as they were after the last committed batch, plus files the manifest
does not list; ``reconcile`` removes those at the start of the next build.

Only relata's own files are ever deleted: names relata writes (``PART_NAME``
and its temporary files), in folders relata made. A table folder that holds
anything else, or parts without a manifest, stops the build before anything
is written (``ForeignFilesError``, ``ManifestMissingError``); ``repair``
rebuilds a lost manifest from the parts. The manifest records every part's
size and sha256, which builds check for the parts they read and
``verify_parts`` (``relata check``) for all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from relata import schemas
from relata.lock import LOCK, META_DIR, LockedError, lock_holder, locked_message, writer_lock

__all__ = ["LOCK", "META_DIR", "LockedError", "lock_holder", "locked_message", "writer_lock"]  # the lock, for callers

MANIFEST = "manifest.json"
ALL_TABLES = tuple(schemas.TABLES)


# Every file name relata writes into a table folder: its parts, the empty placeholder, and the
# temporary names they are written under. Nothing else there is ever deleted.
PART_NAME = re.compile(r"part-(?:empty|\d{8}T\d{6}-[0-9a-f]{8}-\d{5})\.parquet")
TMP_NAME = re.compile(r"\.part-(?:empty|\d{8}T\d{6}-[0-9a-f]{8}-\d{5})\.parquet\.tmp")


class OutputError(RuntimeError):
    """The output folder is not one relata can safely write: nothing was written or deleted."""


class ForeignFilesError(OutputError):
    pass


class ManifestMissingError(OutputError):
    pass


class DamagedPartError(OutputError):
    """A part differs from what the manifest recorded (size or sha256), or is missing."""


# --- manifest ------------------------------------------------------------------


@dataclass
class Manifest:
    schema_version: str = schemas.SCHEMA_VERSION
    parts: dict[str, list[str]] = field(default_factory=lambda: {t: [] for t in ALL_TABLES})
    extractor_versions: dict[str, str] = field(default_factory=dict)
    # Input files already built, by path: {"size": .., "mtime_ns": ..}; a file that has not
    # changed since is skipped without reading it.
    inputs: dict[str, dict] = field(default_factory=dict)
    builds: list[dict] = field(default_factory=list)
    # Per part, by "<table>/<name>": {"size": bytes, "sha256": hex}, recorded when it is committed.
    checksums: dict[str, dict] = field(default_factory=dict)
    # Per derived table: what its parts were computed from (relata.derive): its version, its
    # bucket count, its own parts and the parts of its inputs at that time.
    derived: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, out: Path | str) -> Manifest:
        p = Path(out) / META_DIR / MANIFEST
        if not p.exists():
            return cls()
        d = json.loads(p.read_text())
        m = cls(
            d.get("schema_version", schemas.SCHEMA_VERSION),
            d.get("parts", {}),
            d.get("extractor_versions", {}),
            d.get("inputs", {}),
            d.get("builds", []),
            d.get("checksums", {}),
            d.get("derived", {}),
        )
        for t in ALL_TABLES:
            m.parts.setdefault(t, [])
        return m

    def listed(self) -> list[tuple[str, str]]:
        """Every (table, part name) the manifest lists."""
        return [(t, n) for t in ALL_TABLES for n in self.parts.get(t, [])]

    def record(self, out: Path, table: str, name: str) -> None:
        path = Path(out) / table / name
        self.checksums[f"{table}/{name}"] = {"size": path.stat().st_size, "sha256": file_sha256(path)}

    def save(self, out: Path | str) -> None:
        _atomic_write(Path(out) / META_DIR / MANIFEST, json.dumps(self.__dict__, indent=1, default=str))


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def exists(out: Path | str) -> bool:
    """Whether ``out`` holds a relata build (its manifest)."""
    return (Path(out) / META_DIR / MANIFEST).is_file()


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


# --- parts ---------------------------------------------------------------------


def new_run_id() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]


def staging_dir(out: Path, run_id: str) -> Path:
    return Path(out) / META_DIR / "staging" / run_id


def write_part(path: Path, table: str, df) -> int:
    """Write one validated DataFrame as a Parquet part (zstd) and return its row count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tbl = schemas.to_arrow(table, df)
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(tbl, tmp, compression="zstd", row_group_size=64_000)
    os.replace(tmp, path)
    return tbl.num_rows


def foreign_files(out: Path) -> list[str]:
    """Files in the table folders that relata did not write (by name): never touched, and a reason to stop."""
    out = Path(out)
    found = []
    for table in ALL_TABLES:
        d = out / table
        if d.is_symlink() or (d.exists() and not d.is_dir()):
            found.append(table)
            continue
        if d.is_dir():
            found += [
                f"{table}/{p.name}"
                for p in sorted(d.iterdir())
                if not (
                    p.is_file() and not p.is_symlink() and (PART_NAME.fullmatch(p.name) or TMP_NAME.fullmatch(p.name))
                )
            ]
    return found


def check_output(out: Path) -> None:
    """Refuse (before anything is written) an output folder relata cannot safely write."""
    out = Path(out)
    foreign = foreign_files(out)
    if foreign:
        shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
        raise ForeignFilesError(
            f"{out} holds files relata did not write in its table folders ({shown}); nothing was written or "
            f"deleted. Build into an empty folder or one relata built, or move those files away."
        )
    if not exists(out) and any(
        PART_NAME.fullmatch(p.name) for t in ALL_TABLES if (out / t).is_dir() for p in (out / t).iterdir()
    ):
        raise ManifestMissingError(
            f"{out} holds table parts but no manifest ({META_DIR}/{MANIFEST}); nothing was written or deleted. "
            f"Run `relata repair {out}` to rebuild the manifest from the parts after checking them."
        )


def reconcile(out: Path) -> list[str]:
    """Remove what an interrupted build left behind: staged parts and parts the manifest does not list.

    Only names relata writes are removed, and only once ``check_output`` has
    found nothing foreign and the manifest present.
    """
    out = Path(out)
    check_output(out)
    removed: list[str] = []
    shutil.rmtree(out / META_DIR / "staging", ignore_errors=True)
    # Temporary files of writes a kill interrupted (the manifest's, the DuckDB file's).
    ours = re.compile(rf"\.(?:{re.escape(MANIFEST)}|relata\.duckdb)\..+\.tmp(?:\.wal)?")
    for tmp in list((out / META_DIR).glob(".*.tmp")) + list(out.glob(".*.tmp*")):
        if ours.fullmatch(tmp.name) and tmp.is_file():
            tmp.unlink(missing_ok=True)
            removed.append(tmp.name)
    m = Manifest.load(out)
    for table in ALL_TABLES:
        d = out / table
        if not d.is_dir():
            continue
        listed = set(m.parts.get(table, []))
        for p in d.iterdir():
            if p.name not in listed and (PART_NAME.fullmatch(p.name) or TMP_NAME.fullmatch(p.name)):
                p.unlink()
                removed.append(f"{table}/{p.name}")
    return removed


def _manifest_before_parts(out: Path, m: Manifest) -> None:
    """A folder's first manifest is saved before its first part is moved in: a build killed in
    between then leaves parts the manifest does not list, which the next build removes, instead of
    parts with no manifest at all, which it must refuse (found by the second-writer test once
    builds got faster: the first build was killed right after its first parts)."""
    if not exists(out):
        m.save(out)


def ensure_tables(out: Path) -> None:
    """Every table has at least one (possibly empty) part, so a glob over it always reads."""
    out = Path(out)
    m = Manifest.load(out)
    _manifest_before_parts(out, m)
    changed = False
    for table in ALL_TABLES:
        if not m.parts.get(table):
            name = "part-empty.parquet"
            write_part(out / table / name, table, schemas.empty_frame(table))
            m.parts[table] = [name]
            changed = True
    if changed:
        for table in ALL_TABLES:
            if f"{table}/part-empty.parquet" not in m.checksums and m.parts[table] == ["part-empty.parquet"]:
                m.record(out, table, "part-empty.parquet")
        m.save(out)


def drop_table(out: Path, table: str) -> None:
    """Forget every part of a table (its extractor changed: it is rebuilt from the texts).

    The empty placeholder is written and listed in the same manifest save that drops the old
    parts, before they are removed: a build killed in between must never leave the table's
    folder without a part, or every read of the table fails (issue 7, found by SIGKILL tests).
    """
    out = Path(out)
    write_part(out / table / "part-empty.parquet", table, schemas.empty_frame(table))
    m = Manifest.load(out)
    m.parts[table] = ["part-empty.parquet"]
    m.checksums = {k: v for k, v in m.checksums.items() if not k.startswith(f"{table}/")}
    m.record(out, table, "part-empty.parquet")
    m.save(out)
    reconcile(out)


def commit_parts(out: Path, staged: dict[str, Path], inputs: dict[str, dict] | None = None) -> None:
    """Move one batch's staged parts into place, then record them in the manifest."""
    out = Path(out)
    m = Manifest.load(out)
    _manifest_before_parts(out, m)
    for table, src in staged.items():
        dest = out / table / src.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dest)
        parts = [p for p in m.parts.get(table, []) if p != "part-empty.parquet"]
        if dest.name not in parts:
            parts.append(dest.name)
        m.parts[table] = parts
        m.checksums.pop(f"{table}/part-empty.parquet", None)
        m.record(out, table, dest.name)
    if inputs:
        m.inputs.update(inputs)
    m.save(out)
    for table in staged:
        # The placeholder that kept an empty table readable is no longer needed.
        if "part-empty.parquet" not in m.parts.get(table, []):
            (out / table / "part-empty.parquet").unlink(missing_ok=True)


def write_table_part(path: Path, table: str, tbl: pa.Table) -> int:
    """Write an Arrow table that passed ``schemas.validate_arrow`` as a Parquet part (zstd)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(tbl, tmp, compression="zstd", row_group_size=64_000)
    os.replace(tmp, path)
    return tbl.num_rows


def replace_parts(out: Path, table: str, staged: list[Path], replaced: list[str], derived: dict) -> None:
    """Move a derived table's staged parts into place in place of ``replaced``, in one manifest save.

    The manifest (with the table's new ``derived`` record) is written before the replaced
    parts are removed: a build killed in between leaves files the manifest does not list,
    which ``reconcile`` removes, never a manifest listing a removed part.
    """
    out = Path(out)
    m = Manifest.load(out)
    for src in staged:
        dest = out / table / src.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dest)
    gone = set(replaced) | {"part-empty.parquet"}
    parts = [p for p in m.parts.get(table, []) if p not in gone] + [src.name for src in staged]
    if not parts:
        write_part(out / table / "part-empty.parquet", table, schemas.empty_frame(table))
        parts = ["part-empty.parquet"]
    m.parts[table] = parts
    m.checksums = {
        k: v for k, v in m.checksums.items() if not (k.startswith(f"{table}/") and k[len(table) + 1 :] in gone)
    }
    for name in parts:
        if f"{table}/{name}" not in m.checksums:
            m.record(out, table, name)
    m.derived[table] = derived
    m.save(out)
    for name in gone - set(parts):
        (out / table / name).unlink(missing_ok=True)


def part_paths(out: Path, table: str, m: Manifest | None = None, *, verify: bool = True) -> list[Path]:
    """The files of a table the manifest lists, checked against their recorded size and sha256.

    A missing or altered part raises ``DamagedPartError`` naming it: a build
    that read around it would re-add its articles as new, or publish bad rows.
    A part recorded before checksums existed is accepted (``finish`` records it).
    """
    out = Path(out)
    m = m or Manifest.load(out)
    paths = []
    for name in m.parts.get(table, []):
        p = out / table / name
        problem = part_problem(out, table, name, m) if verify else (None if p.is_file() else "missing")
        if problem:
            raise DamagedPartError(
                f"{table}/{name} in {out}: {problem}. Run `relata check {out}`; restore the "
                f"part from a backup or the mirror, or `relata repair {out}` to set it aside "
                f"and rebuild its articles."
            )
        paths.append(p)
    return paths


def part_problem(out: Path, table: str, name: str, m: Manifest) -> str | None:
    """What is wrong with one listed part, or None."""
    p = Path(out) / table / name
    if not p.is_file():
        return "missing"
    rec = m.checksums.get(f"{table}/{name}")
    if rec is None:
        return None
    size = p.stat().st_size
    if size != rec["size"]:
        return f"{size} bytes, the manifest recorded {rec['size']}"
    if file_sha256(p) != rec["sha256"]:
        return "its sha256 differs from the one the manifest recorded (the file was altered or damaged)"
    return None


def verify_parts(out: Path) -> list[str]:
    """Every problem of a built folder: damaged, missing or unrecorded parts, foreign files."""
    out = Path(out)
    if not exists(out):
        return [f"{out}: no manifest ({META_DIR}/{MANIFEST}): not a relata build"]
    m = Manifest.load(out)
    problems = [f"{t}/{n}: {why}" for t, n in m.listed() if (why := part_problem(out, t, n, m))]
    problems += [
        f"{t}/{n}: no checksum recorded (built before checksums; the next build records it)"
        for t, n in m.listed()
        if f"{t}/{n}" not in m.checksums and (out / t / n).is_file()
    ]
    problems += [f"{f}: not written by relata" for f in foreign_files(out)]
    return problems


def record_missing_checksums(out: Path, m: Manifest) -> int:
    """Record the checksum of listed parts that have none (builds made before checksums), once
    each part is known to be a readable Parquet file with its table's columns."""
    n = 0
    for t, name in m.listed():
        if f"{t}/{name}" in m.checksums:
            continue
        p = Path(out) / t / name
        cols = set(pq.read_schema(p).names)
        missing = set(schemas.arrow_schema(t).names) - cols
        if missing:
            raise DamagedPartError(f"{t}/{name} in {out} lacks the columns {sorted(missing)}")
        m.record(Path(out), t, name)
        n += 1
    return n


def table_glob(out: Path, table: str) -> str:
    return str(Path(out).resolve() / table / "*.parquet")


def read_column(out: Path, table: str, column: str) -> list:
    """One column of a built table (for planning: which article ids exist), from checked parts."""
    values: list = []
    for p in part_paths(out, table):
        values += pq.read_table(p, columns=[column]).column(column).to_pylist()
    return values


def read_table(out: Path, table: str, columns: list[str] | None = None) -> pa.Table:
    parts = [pq.read_table(p, columns=columns) for p in part_paths(out, table)]
    if not parts:
        sch = schemas.arrow_schema(table)
        return sch.empty_table() if columns is None else pa.schema([sch.field(c) for c in columns]).empty_table()
    return pa.concat_tables(parts)
