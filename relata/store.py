"""The built tables on disk: Parquet parts, the manifest, the writer lock, the DuckDB views.

Layout of an output folder::

    <out>/<table>/part-<run>-<seq>.parquet   one part per table and committed batch
    <out>/_relata/manifest.json              what is committed: parts, versions, inputs seen
    <out>/_relata/staging/<run>/             parts written by a batch, not yet committed
    <out>/_relata/lock                       the PID of the build writing this folder
    <out>/relata.duckdb                      one view per table (or where --db says)

A batch's parts are written under ``staging`` first and moved into the table
folders by ``commit_batch``, which writes the manifest last (to a temporary
name, then renamed). A build killed at any moment therefore leaves the
tables as they were after the last committed batch, plus files the manifest
does not list; ``reconcile`` removes those at the start of the next build.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import socket
import tempfile
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import schemas

META_DIR = "_relata"
MANIFEST = "manifest.json"
LOCK = "lock"
ALL_TABLES = tuple(schemas.TABLES)


class LockedError(RuntimeError):
    """Another build is writing this output folder."""


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

    @classmethod
    def load(cls, out: Path | str) -> Manifest:
        p = Path(out) / META_DIR / MANIFEST
        if not p.exists():
            return cls()
        d = json.loads(p.read_text())
        m = cls(d.get("schema_version", schemas.SCHEMA_VERSION), d.get("parts", {}),
                d.get("extractor_versions", {}), d.get("inputs", {}), d.get("builds", []))
        for t in ALL_TABLES:
            m.parts.setdefault(t, [])
        return m

    def save(self, out: Path | str) -> None:
        _atomic_write(Path(out) / META_DIR / MANIFEST, json.dumps(self.__dict__, indent=1, default=str))


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


# --- lock ----------------------------------------------------------------------

def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def lock_holder(out: Path) -> dict | None:
    """Who holds the writer lock, if a live process does (read-only: for failing fast before a run starts)."""
    lock = Path(out) / META_DIR / LOCK
    try:
        holder = json.loads(lock.read_text() or "{}")
    except (OSError, ValueError):
        return None
    pid = int(holder.get("pid", 0) or 0)
    if pid and holder.get("host") in (None, socket.gethostname()) and _pid_alive(pid) and pid != os.getpid():
        return holder
    return None


def locked_message(out: Path, holder: dict) -> str:
    return (f"{out} is being built by another relata process (PID {holder.get('pid')} on {holder.get('host')}, "
            f"since {holder.get('since')}); wait for it to finish or stop it")


@contextmanager
def writer_lock(out: Path):
    """Only one build writes an output folder at a time; a lock left by a dead process is taken over."""
    lock = Path(out) / META_DIR / LOCK
    lock.parent.mkdir(parents=True, exist_ok=True)
    me = {"pid": os.getpid(), "host": socket.gethostname(), "since": dt.datetime.now(dt.timezone.utc).isoformat()}
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            holder = lock_holder(out)
            if holder:
                raise LockedError(locked_message(out, holder)) from None
            # Stale: its process is gone. Take it over.
            lock.unlink(missing_ok=True)
            continue
        with os.fdopen(fd, "w") as fh:
            json.dump(me, fh)
        break
    else:
        raise LockedError(f"could not take the lock {lock}")
    try:
        yield me
    finally:
        try:
            if json.loads(lock.read_text()).get("pid") == os.getpid():
                lock.unlink()
        except (OSError, ValueError):
            pass


# --- parts ---------------------------------------------------------------------

def new_run_id() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]


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


def reconcile(out: Path) -> list[str]:
    """Remove what an interrupted build left behind: staged parts and parts the manifest does not list."""
    out = Path(out)
    removed: list[str] = []
    shutil.rmtree(out / META_DIR / "staging", ignore_errors=True)
    # Temporary files of writes a kill interrupted (the manifest's, a part's, the DuckDB file's).
    for tmp in list((out / META_DIR).glob(".*.tmp")) + list(out.glob(".*.tmp")):
        tmp.unlink(missing_ok=True)
        removed.append(tmp.name)
    m = Manifest.load(out)
    for table in ALL_TABLES:
        d = out / table
        if not d.exists():
            continue
        listed = set(m.parts.get(table, []))
        for p in d.iterdir():
            if p.name not in listed:
                p.unlink() if p.is_file() else shutil.rmtree(p, ignore_errors=True)
                removed.append(f"{table}/{p.name}")
    return removed


def ensure_tables(out: Path) -> None:
    """Every table has at least one (possibly empty) part, so a glob over it always reads."""
    out = Path(out)
    m = Manifest.load(out)
    changed = False
    for table in ALL_TABLES:
        if not m.parts.get(table):
            name = "part-empty.parquet"
            write_part(out / table / name, table, schemas.empty_frame(table))
            m.parts[table] = [name]
            changed = True
    if changed:
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
    m.save(out)
    reconcile(out)


def commit_parts(out: Path, staged: dict[str, Path], inputs: dict[str, dict] | None = None) -> None:
    """Move one batch's staged parts into place, then record them in the manifest."""
    out = Path(out)
    m = Manifest.load(out)
    for table, src in staged.items():
        dest = out / table / src.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dest)
        parts = [p for p in m.parts.get(table, []) if p != "part-empty.parquet"]
        if dest.name not in parts:
            parts.append(dest.name)
        m.parts[table] = parts
    if inputs:
        m.inputs.update(inputs)
    m.save(out)
    for table in staged:
        # The placeholder that kept an empty table readable is no longer needed.
        if "part-empty.parquet" not in m.parts.get(table, []):
            (out / table / "part-empty.parquet").unlink(missing_ok=True)


def table_glob(out: Path, table: str) -> str:
    return str(Path(out).resolve() / table / "*.parquet")


def read_column(out: Path, table: str, column: str) -> list:
    """One column of a built table (for planning: which article ids exist)."""
    m = Manifest.load(out)
    values: list = []
    for name in m.parts.get(table, []):
        p = Path(out) / table / name
        if p.exists():
            values += pq.read_table(p, columns=[column]).column(column).to_pylist()
    return values


def read_table(out: Path, table: str, columns: list[str] | None = None) -> pa.Table:
    m = Manifest.load(out)
    parts = [pq.read_table(Path(out) / table / n, columns=columns) for n in m.parts.get(table, [])
             if (Path(out) / table / n).exists()]
    if not parts:
        sch = schemas.arrow_schema(table)
        return sch.empty_table() if columns is None else pa.schema([sch.field(c) for c in columns]).empty_table()
    return pa.concat_tables(parts)


# --- DuckDB ------------------------------------------------------------------

def write_views(out: Path, db_path: Path, *, relative: bool = False) -> None:
    """A DuckDB file with one view per table, written to a temporary name and renamed.

    With ``relative`` the views name their files relative to the database's
    folder (for a release that is moved or served); DuckDB resolves such
    paths against the working directory, so readers ``cd`` there first.
    """
    import duckdb

    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        for table in ALL_TABLES:
            glob = f"{table}/*.parquet" if relative else table_glob(out, table)
            con.execute(f"CREATE OR REPLACE VIEW {table} AS SELECT * FROM read_parquet('{glob}')")
        con.execute("CREATE OR REPLACE TABLE relata_meta AS SELECT ? AS schema_version, ? AS built_at",
                    [schemas.SCHEMA_VERSION, dt.datetime.now(dt.timezone.utc).isoformat()])
    finally:
        con.close()
    os.replace(tmp, db_path)
    Path(str(tmp) + ".wal").unlink(missing_ok=True)
