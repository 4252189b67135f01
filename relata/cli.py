"""The ``relata`` command: build, query, evaluate, schema (and release, serve).

Options default to the settings (``RELATA_*`` environment variables, see
``relata.settings``); a flag overrides its setting. The CLI calls the Prefect
flows; it is the only place that reads the environment.
"""

from __future__ import annotations

import errno
import importlib
import json
import logging
import signal
import sys
import threading
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from relata.settings import DEFAULT_OUT, Settings

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="International relations from English news, as Parquet tables for DuckDB.",
)
console = Console()
err = Console(stderr=True)


def _quiet_prefect(verbose: bool) -> None:
    from relata import logs

    logs.configure(verbose)


def _handle_signals() -> None:
    """SIGTERM (an operator, `timeout`, a scheduler) ends a run the way Ctrl+C does: the build
    unwinds, its model processes are stopped, its lock released; committed batches stay."""

    def _term(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, _term)


def _fail(message: str, code: int) -> NoReturn:
    err.print(message, markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def _disk_full(e: BaseException) -> bool:
    return (isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT)) or "No space left on device" in str(e)


@app.command()
def build(
    input: Annotated[
        str | None, typer.Option("--input", "-i", help="Folder or file of articles (default: the embedded sample).")
    ] = None,
    out: Annotated[
        str | None, typer.Option("--out", "-o", help="Folder of the tables (default: ./data/tables).")
    ] = None,
    db: Annotated[str | None, typer.Option(help="DuckDB file with the views (default: <out>/relata.duckdb).")] = None,
    batch_size: Annotated[
        int | None, typer.Option(help=f"Articles per batch [default: {Settings.model_fields['batch_size'].default}].")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Batches processed at once, one model process each "
            f"[default: {Settings.model_fields['workers'].default}]."
        ),
    ] = None,
    prefilter: Annotated[
        bool | None, typer.Option("--prefilter/--no-prefilter", help="Parse only candidate sentences.")
    ] = None,
    dask_address: Annotated[
        str | None, typer.Option(help="Run batches on this Dask scheduler (tcp://host:8786).")
    ] = None,
    mirror: Annotated[
        str | None,
        typer.Option(help="Copy the committed tables to this object-storage URL (s3://bucket/prefix) after the build."),
    ] = None,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "-v",
            help="Prefect's log lines and a line per article (a line per batch is logged whenever the output "
            "is not a terminal).",
        ),
    ] = False,
) -> None:
    """Build the tables from news articles (incremental: only new articles are processed).

    --input may be an fsspec URL (s3://bucket/news/); see relata/remote.py.
    """
    _quiet_prefect(verbose)
    _handle_signals()
    settings = Settings.given(
        input=input,
        out=out,
        db=db,
        batch_size=batch_size,
        workers=workers,
        prefilter=prefilter,
        dask_address=dask_address,
        mirror=mirror,
        verbose=verbose,
    )
    from relata import remote

    try:
        found = (
            remote.exists(settings.input)
            if remote.is_url(settings.input)
            else Path(remote.local_path(settings.input)).exists()
        )
    except Exception as e:  # noqa: BLE001 - no package for the protocol, no credentials, no network
        _fail(f"cannot read the input: {type(e).__name__}: {e}", 2)
    if not found:
        _fail(f"input not found: {settings.input}", 2)
    try:
        _build(settings, verbose)
    except KeyboardInterrupt:
        _fail(f"interrupted: the build stopped; batches committed before stay in {settings.out}", 130)
    except Exception as e:
        if _disk_full(e):
            _fail(
                f"no space left on device while building into {settings.out}: free some space and run the "
                f"build again (batches committed before stay committed)",
                5,
            )
        raise


def _build(settings: Settings, verbose: bool) -> None:
    from relata import remote, store
    from relata.build import pending, up_to_date

    holder = store.lock_holder(Path(settings.out))
    if holder:
        # Fail at once, before starting Prefect: the running build keeps its lock for its whole run.
        _fail(store.locked_message(Path(settings.out), holder), 3)
    try:
        todo, tables = pending(settings)
        if todo == 0 and not tables:
            # Nothing new: say so without starting a Prefect run (a no-op costs its server's start-up),
            # after repairing missing or stale views and retrying an unfinished mirror.
            done = up_to_date(settings)
            console.print(
                f"up to date: no new or changed input under {settings.input}; tables in {settings.out}, "
                f"DuckDB {settings.db_path()}" + (" (views rewritten)" if done["views_rewritten"] else ""),
                highlight=False,
            )
            if done["mirrored"]:
                m = done["mirrored"]
                console.print(f"mirror {m['url']}: {m['uploaded']} part(s) uploaded, {m['deleted']} deleted")
            return
        from relata import prefect_server, workers

        ahead: list = []
        try:
            ahead = _preview(settings)
            # models load in their processes while Prefect starts here, and begin on the first batches
            workers.warm_up(settings, len(ahead) + (settings.workers if tables else 0) or todo)
            workers.extract_ahead(ahead[: AHEAD_PER_PROCESS * settings.workers], settings)
            # pandera and pyarrow (for validating and writing batches) load here meanwhile, off the main thread.
            threading.Thread(target=importlib.import_module, args=("relata.schemas.derived",), daemon=True).start()
            prefect_server.use(settings.prefect_server)  # before Prefect is imported: it reads the variable
            import relata.flows.build  # noqa: F401 (Prefect configures its log handlers on import)
            from relata.logs import without_clean_tracebacks

            without_clean_tracebacks()  # after Prefect's handlers exist: they get the filter too
            summary = run_build_flow(settings, show_progress=sys.stdout.isatty() and not verbose)
        finally:
            # the build stops its processes when it ends; this is for a run that ended before the build
            # began (Prefect failed to start, another build took the lock, Ctrl+C meanwhile): the
            # processes and the batches started ahead, with their temporary files, go
            workers.shutdown()
            for path in {b.known_ids_path for b in ahead if b.known_ids_path}:
                Path(path).unlink(missing_ok=True)  # the preview's known ids, read by its batches only
    except store.LockedError as e:
        _fail(str(e), 3)
    except (store.OutputError, FileNotFoundError) as e:
        _fail(str(e), 2)
    except remote.MirrorError as e:
        _fail(str(e), 4)
    except Exception as e:
        if not remote.is_transient(e):
            raise
        # Retried already (2, 10, 30 s); every batch committed before it stays committed.
        _fail(f"object storage unreachable after retries: {type(e).__name__}: {e}", 4)
    _print_summary(summary, settings)
    if summary["articles_read"] and summary["rejected"] == summary["articles_read"]:
        _fail("no input could be used: every article read was rejected (reasons above, rows in rejects)", 1)


# Batches started per model process before the build plans them: its Prefect run takes 10-15 s to start
# cold, about a batch of 200 articles per process.
AHEAD_PER_PROCESS = 2


def _preview(settings: Settings) -> list:
    """The build's first batches of new articles, to start early (``plan.preview``); none for an
    input in object storage (listing it twice costs requests) or a Dask cluster, or where the
    preview fails: the build's own plan reports what is wrong."""
    from relata import remote, store
    from relata.plan import preview

    if settings.dask_address or settings.workers <= 1 or remote.is_url(settings.input):
        return []
    if settings.mirror and not store.exists(settings.out):
        return []  # the build fills the output from the mirror first: no batch would be the same
    try:
        return preview(settings)
    except Exception as e:  # noqa: BLE001 - only a head start is lost
        logging.getLogger("relata.build").debug("no head start: the preview failed: %s: %s", type(e).__name__, e)
        return []


def _print_summary(s: dict, settings: Settings) -> None:
    """The build's summary as plain lines (no table that wraps in an 80-column log)."""
    out = sys.stdout
    w = max(len(t) for t in s["rows_per_table"]) if s["rows_per_table"] else 12
    print(f"relata build {s['run_id']}", file=out)
    print(
        f"articles: {s['articles_read']} read = {s['articles_new']} new + {s['duplicates_skipped']} duplicates "
        f"skipped + {s['rejected']} rejected; {s['unchanged_inputs_skipped']} unchanged input file(s) skipped",
        file=out,
    )
    for reason, n in s["rejected_by_reason"].items():
        print(f"  articles rejected: {reason}: {n}", file=out)
    print("rows added per table (rejects: unreadable inputs and rows that failed, with their reasons):", file=out)
    for k, v in s["rows_per_table"].items():
        print(f"  {k:<{w}} {v:>9}", file=out)
    if s.get("derived"):
        print("derived tables (recomputed for the keys the new rows touch):", file=out)
    for table, d in (s.get("derived") or {}).items():
        print(
            f"  {table:<{w}} {d['keys']} key(s){' (all)' if d['full'] else ''}, "
            f"{d['parts_written']} part(s) and {d['rows_written']} row(s) written",
            file=out,
        )
    stages = ", ".join(f"{k} {v}" for k, v in s["seconds_per_stage"].items())
    print(f"seconds per stage: {stages}; wall {s['wall_seconds']} s", file=out)
    print(f"tables: {settings.out}", file=out)
    print(f"DuckDB: {settings.db_path()} (views relative to its folder; `relata query` reads the tables)", file=out)
    if s.get("mirrored"):
        m = s["mirrored"]
        print(f"mirror {m['url']}: {m['uploaded']} part(s) uploaded, {m['deleted']} deleted", file=out)


@app.command()
def query(
    sql: Annotated[
        str,
        typer.Argument(
            help="A SELECT over the views: articles, relations, sanctions, denials, cooperation, rejects, "
            "and the derived events, sanction_regimes, dyad_month."
        ),
    ],
    tables: Annotated[str | None, typer.Option(help="Folder of built tables (default: data/tables).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json")] = "table",
    limit: Annotated[int, typer.Option(help="Rows shown at most (table format).")] = 200,
    timeout: Annotated[float, typer.Option(help="Seconds the query may run before it is stopped.")] = 300.0,
) -> None:
    """Run a read-only SQL query over the built tables (and nothing else: see README, "Querying")."""
    from relata.query import QueryError, open_tables, run, signals_held

    folder = Path(tables) if tables else Path(Settings().out)
    try:
        with signals_held():
            con = open_tables(folder)
            try:
                cols, data = run(con, sql, timeout)
            finally:
                con.close()
    except QueryError as e:
        _fail(str(e), 2)
    except KeyboardInterrupt:
        _fail("interrupted: the query was stopped", 130)
    if fmt == "json":
        console.print_json(json.dumps([dict(zip(cols, r)) for r in data], default=str))
    elif fmt == "csv":
        import csv

        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(data)
    else:
        t = Table(*cols)
        for r in data[:limit]:
            t.add_row(*("" if v is None else str(v) for v in r))
        console.print(t)
        if len(data) > limit:
            console.print(f"... {len(data) - limit} more rows (use --limit or --format csv)")


@app.command()
def check(
    tables: Annotated[Path, typer.Argument(help="Folder of built tables.")],
) -> None:
    """Check every part of a build against the sizes and sha256 its manifest recorded; exit 1 on any problem."""
    from relata import store

    problems = store.verify_parts(tables)
    if problems:
        err.print(f"{tables}: {len(problems)} problem(s)", markup=False, highlight=False)
        for p in problems:
            err.print(f"  {p}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1)
    m = store.Manifest.load(tables)
    console.print(f"{tables}: OK ({len(m.listed())} parts, sizes and sha256 as recorded)", highlight=False)


@app.command()
def repair(
    tables: Annotated[Path, typer.Argument(help="Folder of built tables.")],
    set_aside: Annotated[
        bool,
        typer.Option(
            "--set-aside",
            help="Move damaged parts (and the rest of their batch) "
            "to _relata/set-aside/; the next build rebuilds "
            "their articles from the inputs.",
        ),
    ] = False,
) -> None:
    """Rebuild a lost manifest from the parts relata wrote, or set damaged parts aside. Deletes nothing."""
    from relata import store
    from relata.repair import repair as run_repair

    try:
        report = run_repair(tables, set_aside=set_aside)
    except (store.LockedError, store.OutputError) as e:
        _fail(str(e), 2)
    for line in report.lines():
        console.print(line, markup=False, highlight=False)
    if report.damaged:
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option(help="Annotated set (JSON Lines, the contract's gold format).")],
    tables: Annotated[Path, typer.Option(help="Folder of built tables.")] = DEFAULT_OUT,
    details: Annotated[bool, typer.Option("--details", help="List every missed and extra key per article.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Precision, recall and F1 per table against an annotated set."""
    from relata.evaluate import evaluate as run_eval
    from relata.evaluate import format_table

    rep = run_eval(gold, tables)
    d = rep.as_dict()
    if as_json:
        # One JSON document, details included: printed before it, they made the output unparseable.
        if details:
            d["details"] = [{"source_uri": u, "table": t, "kind": k, "key": list(key)} for u, t, k, key in rep.details]
        print(json.dumps(d, default=str))
        return
    if details:
        for uri, table, kind, key in rep.details:
            console.print(f"{uri}\t{table}\t{kind}\t{key}", markup=False, highlight=False)
    if as_json:
        console.print_json(json.dumps(d))
    else:
        console.print(format_table(d), markup=False, highlight=False)
        if d["missing_articles"]:
            console.print(f"articles of the gold file not in the tables: {len(d['missing_articles'])}")


def run_build_flow(settings: Settings, show_progress: bool = False) -> dict:
    """The build flow with the settings' time limit; on an existing Dask cluster when they name one."""
    from relata.flows.build import build_dataset

    options: dict = {"timeout_seconds": settings.build_timeout_s}
    params = settings.flow_parameters()
    if settings.dask_address:
        from prefect_dask import DaskTaskRunner

        options["task_runner"] = DaskTaskRunner(address=settings.dask_address)
        params["workers"] = 1  # a Dask worker is the model process: batches run in it, not in a pool
    return build_dataset.with_options(**options)(**params, show_progress=show_progress)


# The commands for operators and maintainers (serve, server, release, schema) live in cli_ops; they
# register themselves on `app` when imported.
from relata import cli_ops  # noqa: E402, F401

if __name__ == "__main__":
    app()
