"""The DuckDB file of a build: one view per table over exactly the parts the manifest lists.

Views name their files relative to the database's folder, so a copied or
moved folder queries its own files, never the original's; the file is
replaced only after it was checkpointed and read back (``write_views``), and
an up-to-date build rewrites it when it is missing or stale.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

from relata import schemas, store


def sql_literal(value: object) -> str:
    """A SQL string literal (paths may contain quotes)."""
    return "'" + str(value).replace("'", "''") + "'"


def views_fingerprint(files: dict[str, list[Path]], db_path: Path) -> str:
    rel = {t: [os.path.relpath(p, Path(db_path).parent) for p in ps] for t, ps in files.items()}
    return hashlib.sha256(json.dumps(rel, sort_keys=True).encode()).hexdigest()


def write_views(db_path: Path, files: dict[str, list[Path]], **meta: object) -> None:
    """A DuckDB file with one view per table over exactly ``files``, replacing the old one once verified.

    Views name their files relative to the database's folder, so a copied or
    moved folder queries its own files, never the original's. DuckDB resolves
    such paths against the working directory or ``file_search_path``:
    ``relata query`` sets it; other readers ``cd`` to the database's folder.
    The file is written under a temporary name, checkpointed (a full disk
    fails here, loudly, instead of leaving views only in a WAL that is then
    deleted), reopened to check every view, and only then renamed.
    """
    import duckdb

    db_path = Path(db_path)
    folder = db_path.parent.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{db_path.name}.{os.getpid()}.tmp"
    wal = Path(f"{tmp}.wal")
    tmp.unlink(missing_ok=True)
    wal.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(tmp))
        try:
            con.execute(f"SET file_search_path = {sql_literal(folder)}")
            for table, paths in files.items():
                listed = ", ".join(sql_literal(os.path.relpath(p, folder)) for p in paths)
                con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet([{listed}])")
            con.execute(
                "CREATE TABLE relata_meta AS SELECT ? AS schema_version, ? AS written_at, ? AS views, ? AS meta",
                [
                    schemas.SCHEMA_VERSION,
                    dt.datetime.now(dt.UTC).isoformat(),
                    views_fingerprint(files, db_path),
                    json.dumps(meta, default=str),
                ],
            )
            con.execute("CHECKPOINT")
        finally:
            con.close()
        if not views_current(tmp, files, fingerprint_for=db_path):
            raise OSError(f"the DuckDB file written to {tmp} does not read back")
        os.replace(tmp, db_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        wal.unlink(missing_ok=True)


def views_current(db_path: Path, files: dict[str, list[Path]], *, fingerprint_for: Path | None = None) -> bool:
    """Whether ``db_path`` holds working views over exactly ``files`` (else it is rewritten)."""
    import duckdb

    db_path = Path(db_path)
    if not db_path.is_file():
        return False
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error:
        return False
    try:
        con.execute(f"SET file_search_path = {sql_literal(db_path.parent.resolve())}")
        row = con.execute("SELECT views FROM relata_meta").fetchone()
        if not row or row[0] != views_fingerprint(files, fingerprint_for or db_path):
            return False
        for table in files:
            con.execute(f"SELECT * FROM {table} LIMIT 0")
        return True
    except duckdb.Error:
        return False
    finally:
        con.close()


def build_views(out: Path, db_path: Path, *, repair_only: bool = False) -> bool:
    """The DuckDB views of a build, from the manifest's parts; with ``repair_only``, written only
    when missing or stale. Returns whether the file was written."""
    m = store.Manifest.load(out)
    files = {t: [Path(out).resolve() / t / n for n in m.parts.get(t, [])] for t in store.ALL_TABLES}
    if repair_only and views_current(db_path, files):
        return False
    write_views(db_path, files, source=str(Path(out).resolve()))
    return True
