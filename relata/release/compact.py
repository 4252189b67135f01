"""Compaction: each table's build parts copied into one sorted Parquet file, and the views over them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from relata import schemas, store, views
from relata.release.changes import diff_columns
from relata.release.errors import ReleaseError
from relata.release.layout import idents, sha256_file, table_file


@dataclass
class Snapshot:
    """What was copied from the built tables: the rows per table, and what the manifest records
    of the source (the build's manifest and the hash of every part read)."""

    rows: dict[str, int]
    manifest: store.Manifest
    part_sha256: dict[str, dict[str, str]]


def copy_tables(tables: str | Path, staging: str | Path, table_names: list[str]) -> Snapshot:
    """Compact each table's parts into one sorted Parquet file in ``staging``.

    The build's writer lock keeps a build from committing (or dropping parts)
    while they are read, so the release is one consistent snapshot.
    """
    tables = Path(tables)
    rows: dict[str, int] = {}
    with store.writer_lock(tables):
        m = store.Manifest.load(tables)
        parts = {t: [tables / t / n for n in m.parts.get(t, [])] for t in table_names}
        missing = [str(p) for ps in parts.values() for p in ps if not p.is_file()]
        if missing:
            raise ReleaseError(f"parts listed in {tables}/{store.META_DIR}/{store.MANIFEST} are missing: {missing}")
        for table in table_names:
            rows[table] = compact_table(table, parts[table], table_file(staging, table))
        part_hashes = {t: {p.name: sha256_file(p) for p in ps} for t, ps in parts.items()}
    return Snapshot(rows, m, part_hashes)


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
            files = ", ".join(views.sql_literal(p.resolve()) for p in parts)
            sql = f"SELECT {idents(schema.names)} FROM read_parquet([{files}]) ORDER BY {idents(sort_columns(table))}"
            reader = con.sql(sql).to_arrow_reader(64_000)
            for batch in reader:
                writer.write_table(pa.Table.from_batches([batch]).cast(schema))
                n += batch.num_rows
        finally:
            con.close()
    return n


def sort_columns(table: str) -> list[str]:
    # The diff key first, then every other column: a total order, so equal rows give equal bytes.
    cols = diff_columns(table)
    return cols + [c for c in schemas.TABLES[table].columns if c not in cols]


def write_views(folder: Path, tables: list[str], version: str) -> None:
    """``relata.duckdb`` with one view per released table, by paths relative to the folder.

    DuckDB resolves a view's relative path when it is queried, against the
    working directory (or ``file_search_path``): readers ``cd`` into the
    release first. ``views.write_views`` cannot be used: it binds the views
    against the current directory and always names every table, text included.
    """
    import duckdb

    db = folder / "relata.duckdb"
    con = duckdb.connect(str(db))
    try:
        # Bind against the staging folder; the stored SQL keeps the relative path.
        con.execute(f"SET file_search_path = {views.sql_literal(folder.resolve())}")
        for table in tables:
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{table}/*.parquet')")
        con.execute(
            "CREATE TABLE relata_meta AS SELECT ? AS schema_version, ? AS release_version",
            # The version, not folder.name: the views are written in the temporary staging folder.
            [schemas.SCHEMA_VERSION, version],
        )
    finally:
        con.close()
    Path(str(db) + ".wal").unlink(missing_ok=True)
