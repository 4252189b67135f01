"""Read-only SQL over built tables, in a DuckDB that can read nothing else.

``relata query`` runs SQL a user typed, or pasted from somewhere; release
gates run SQL from a configuration file. Both run in a connection that:

- has one view per table over exactly the parts the manifest lists (absolute
  paths resolved now, so a moved or copied folder reads its own files, and a
  stray file the manifest does not list is never read);
- may open files only inside the tables folder (DuckDB's
  ``allowed_directories`` with ``enable_external_access`` off, then the
  configuration locked): ``read_text('/etc/shadow')``, ``glob('/root/*')``,
  ``/proc/self/environ``, ``ATTACH``, ``INSTALL`` and network URLs fail;
- runs only SELECT statements (checked by DuckDB's own parser, not by the
  first word), with a time limit, and stops at Ctrl+C.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from pathlib import Path

import duckdb

from relata import store, views


class QueryError(RuntimeError):
    pass


STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def signals_held():
    """Hold SIGINT and SIGTERM for this thread and every thread it starts, DuckDB's own included.

    While a statement runs, DuckDB takes over the signal, so Ctrl+C never
    reaches Python and a long query could not be stopped. Held (blocked)
    signals stay pending instead, and ``run`` collects them with
    ``sigtimedwait`` and interrupts the statement. Enter this before the
    connection is made: DuckDB's threads inherit the mask they start with.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)  # a signal still pending is delivered now


def sandboxed(files: dict[str, list[Path]], allowed: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with a view per table over ``files``, able to read only under ``allowed``."""
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    try:
        root = str(Path(allowed).resolve()).rstrip("/") + "/"
        con.execute("SET TimeZone = 'UTC'")  # timestamps are stored in UTC: show them so
        con.execute(f"SET allowed_directories = [{views.sql_literal(root)}]")
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
        for table, paths in files.items():
            listed = ", ".join(views.sql_literal(Path(p).resolve()) for p in paths)
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet([{listed}])")
    except BaseException:
        con.close()
        raise
    return con


def open_tables(tables: Path | str) -> duckdb.DuckDBPyConnection:
    """A sandboxed connection over a built tables folder (its manifest's parts)."""
    tables = Path(tables)
    if not store.exists(tables):
        raise QueryError(
            f"no relata tables in {tables} (no {store.META_DIR}/{store.MANIFEST}): "
            f"run `relata build --out {tables}` first, or pass --tables"
        )
    m = store.Manifest.load(tables)
    files = {t: [tables / t / n for n in m.parts.get(t, [])] for t in store.ALL_TABLES}
    missing = [f"{p.parent.name}/{p.name}" for ps in files.values() for p in ps if not p.is_file()]
    if missing:
        raise QueryError(
            f"parts listed in the manifest are missing: {', '.join(missing[:5])}; run `relata check {tables}`"
        )
    return sandboxed(files, tables)


def check_select(sql: str) -> None:
    """Refuse anything but SELECT statements (a comment or a first SELECT may hide what follows)."""
    if not sql.strip():
        raise QueryError("empty query")
    try:
        kinds = sorted({s.type.name for s in duckdb.extract_statements(sql)} - {"SELECT"})
    except duckdb.Error as e:
        raise QueryError(str(e)) from None
    if kinds:
        raise QueryError(f"relata query is read-only: {', '.join(kinds)} statements are refused")


def run(con: duckdb.DuckDBPyConnection, sql: str, timeout_s: float | None) -> tuple[list[str], list[tuple]]:
    """Columns and rows of ``sql``; interrupted past ``timeout_s``, or on SIGINT/SIGTERM held by
    ``signals_held`` (then KeyboardInterrupt is raised).

    The statement runs in a worker thread; this one waits, and calls
    ``interrupt()``, which DuckDB honours between vectors, so the statement
    stops within a fraction of a second.
    """
    check_select(sql)
    result: dict = {}

    def work() -> None:
        try:
            cur = con.execute(sql)
            result["cols"] = [c[0] for c in cur.description] if cur.description else []
            result["rows"] = cur.fetchall()
        except BaseException as e:  # noqa: BLE001 - handed to the waiting thread
            result["error"] = e

    t = threading.Thread(target=work, name="relata-query")
    t.start()
    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    held = (
        threading.current_thread() is threading.main_thread()
        and signal.pthread_sigmask(signal.SIG_BLOCK, set()) >= STOP_SIGNALS
    )
    while t.is_alive():
        wait = 0.2 if deadline is None else min(0.2, max(deadline - time.monotonic(), 0))
        if held and signal.sigtimedwait(STOP_SIGNALS, wait):
            con.interrupt()
            t.join()
            raise KeyboardInterrupt("query stopped by a signal")
        if not held:
            t.join(wait)
        if deadline is not None and time.monotonic() >= deadline and t.is_alive():
            con.interrupt()
            t.join()
            raise QueryError(f"the query ran past its limit of {timeout_s:g} s and was stopped (--timeout)")
    if "error" in result:
        e = result["error"]
        raise QueryError(str(e).splitlines()[0] if isinstance(e, duckdb.Error) else f"{type(e).__name__}: {e}")
    return result["cols"], result["rows"]
