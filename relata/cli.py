"""The ``relata`` command: build, query, evaluate, schema (and release, serve).

Options default to the settings (``RELATA_*`` environment variables, see
``relata.settings``); a flag overrides its setting. The CLI calls the Prefect
flows; it is the only place that reads the environment.
"""

from __future__ import annotations

import errno
import importlib
import json
import os
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
schema_app = typer.Typer(help="The schemas of the tables.", no_args_is_help=True)
app.add_typer(schema_app, name="schema")
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
    out: Annotated[str | None, typer.Option("--out", "-o", help="Folder of the tables (default: data/tables).")] = None,
    db: Annotated[str | None, typer.Option(help="DuckDB file with the views (default: <out>/relata.duckdb).")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Articles per batch.")] = None,
    workers: Annotated[int | None, typer.Option(help="Batches processed at once (one model process each).")] = None,
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
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Per-batch log lines.")] = False,
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

        workers.warm_up(settings, todo)  # models load in their processes while Prefect starts here
        # pandera and pyarrow (for validating and writing batches) load here meanwhile, off the main thread.
        threading.Thread(target=importlib.import_module, args=("relata.schemas.derived",), daemon=True).start()
        prefect_server.use(settings.prefect_server)  # before Prefect is imported: it reads the variable
        from relata.flows.build import run
        from relata.logs import without_clean_tracebacks

        without_clean_tracebacks()
        summary = run(settings, show_progress=sys.stdout.isatty() and not verbose)
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


def _print_summary(s: dict, settings: Settings) -> None:
    t = Table(title=f"relata build {s['run_id']}", show_header=True)
    t.add_column("articles")
    t.add_column("count", justify="right")
    for label, key in [
        ("read", "articles_read"),
        ("new (written)", "articles_new"),
        ("duplicates skipped", "duplicates_skipped"),
        ("rejected", "rejected"),
        ("unchanged input files skipped", "unchanged_inputs_skipped"),
    ]:
        t.add_row(label, str(s[key]))
    console.print(t)
    for reason, n in s["rejected_by_reason"].items():
        console.print(f"  rejected: {reason}: {n}")
    rows = Table(show_header=True)
    rows.add_column("table")
    rows.add_column("rows added", justify="right")
    for k, v in s["rows_per_table"].items():
        rows.add_row(k, str(v))
    console.print(rows)
    for table, d in (s.get("derived") or {}).items():
        console.print(
            f"{table}: {d['keys']} key(s) recomputed{' (all)' if d['full'] else ''}, "
            f"{d['parts_written']} part(s) and {d['rows_written']} row(s) written",
            highlight=False,
        )
    console.print(
        "seconds per stage: "
        + ", ".join(f"{k} {v}" for k, v in s["seconds_per_stage"].items())
        + f"; wall {s['wall_seconds']} s"
    )
    console.print(f"tables: {settings.out}\nDuckDB: {settings.db_path()}")
    if s.get("mirrored"):
        m = s["mirrored"]
        console.print(f"mirror {m['url']}: {m['uploaded']} part(s) uploaded, {m['deleted']} deleted")


@app.command()
def query(
    sql: Annotated[
        str,
        typer.Argument(help="A SELECT over the views: articles, relations, sanctions, denials, cooperation, rejects."),
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
    if details:
        for uri, table, kind, key in rep.details:
            console.print(f"{uri}\t{table}\t{kind}\t{key}", markup=False, highlight=False)
    if as_json:
        console.print_json(json.dumps(d))
    else:
        console.print(format_table(d), markup=False, highlight=False)
        if d["missing_articles"]:
            console.print(f"articles of the gold file not in the tables: {len(d['missing_articles'])}")


@app.command()
def serve(
    input: Annotated[
        str | None, typer.Option("--input", "-i", help="Folder of articles the daily build reads.")
    ] = None,
    out: Annotated[str | None, typer.Option("--out", "-o", help="Folder of the tables.")] = None,
    releases: Annotated[str | None, typer.Option(help="Folder of the weekly releases.")] = None,
) -> None:
    """Serve the daily build (03:00 UTC) and the weekly release (Monday 06:00 UTC) until stopped."""
    _quiet_prefect(verbose=True)
    settings = Settings.given(input=input, out=out, releases=releases)
    from relata import prefect_server

    prefect_server.use(settings.prefect_server)
    from relata.flows.deployments import serve as serve_deployments

    where = os.environ.get("PREFECT_API_URL") or "Prefect's temporary local server"
    console.print(f"serving daily-build and weekly-release against {where}; stop with Ctrl+C")
    serve_deployments(settings)


@schema_app.command("dictionary")
def schema_dictionary(
    check: Annotated[bool, typer.Option("--check", help="Fail if docs/data-dictionary.md is stale.")] = False,
    path: Annotated[Path, typer.Option(help="Where the dictionary lives.")] = Path("docs") / "data-dictionary.md",
) -> None:
    """Write (or check) the data dictionary generated from schemas/."""
    from relata import schemas

    text = schemas.data_dictionary() + "\n"
    if check:
        if not path.exists() or path.read_text() != text:
            err.print(f"[red]{path} is stale[/red]: run `relata schema dictionary`")
            raise typer.Exit(1)
        console.print(f"{path} is up to date")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    console.print(f"wrote {path}")


# --- the background Prefect server ----------------------------------------------------------

server_app = typer.Typer(
    help="The local Prefect server relata starts on first use (see relata/prefect_server.py).", no_args_is_help=True
)
app.add_typer(server_app, name="server")


@server_app.command("status")
def server_status() -> None:
    """Where the background Prefect server is (its UI at the same address, without /api), if it runs."""
    from relata import prefect_server

    state = prefect_server.status()
    if not state:
        console.print("no background Prefect server runs (the next `relata build` starts one)")
        raise typer.Exit(1)
    console.print(f"Prefect server at {state['url']} (PID {state['pid']}; log {state['log']})", highlight=False)


@server_app.command("start")
def server_start() -> None:
    """Start the background Prefect server now (a build would start it on first use)."""
    from relata import prefect_server

    state = prefect_server.start()
    console.print(f"Prefect server at {state['url']} (PID {state['pid']})", highlight=False)


@server_app.command("stop")
def server_stop() -> None:
    """Stop the background Prefect server relata started."""
    from relata import prefect_server

    state = prefect_server.stop()
    console.print(
        f"stopped the Prefect server at {state['url']}" if state else "no background Prefect server ran",
        highlight=False,
    )


# --- release (issue 5) ------------------------------------------------------------
# `relata release [options]` publishes; `relata release verify DIR` checks a release.
# The publish options live on the group's callback so that the command works
# without a subcommand name, as the issue writes it.

release_app = typer.Typer(help="Publish the tables as a versioned, verifiable open-data release.")
app.add_typer(release_app, name="release")


@release_app.callback(invoke_without_command=True)
def release_publish(
    ctx: typer.Context,
    tables: Annotated[str | None, typer.Option(help="Folder of built tables (default: data/tables).")] = None,
    out: Annotated[str | None, typer.Option(help="Folder of releases (default: data/releases).")] = None,
    version: Annotated[str | None, typer.Option(help="Release version (default: today's CalVer, YYYY.MM.DD).")] = None,
    include_texts: Annotated[
        bool, typer.Option("--include-texts", help="Also publish article_texts (copyrighted news text).")
    ] = False,
    gates: Annotated[str | None, typer.Option(help="Release gates file (default: relata/release_gates.toml).")] = None,
    previous: Annotated[
        str | None, typer.Option(help="Version to compare with (default: the latest published).")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Prefect's log lines.")] = False,
) -> None:
    """Publish <out>/<version>/ from the built tables, if they pass the release gates."""
    if ctx.invoked_subcommand is not None:
        return
    if not verbose:
        # A refused release is reported below in one line; Prefect's tracebacks would bury it.
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")
    _quiet_prefect(verbose)
    settings = Settings.given(out=tables, releases=out)
    from rich.markup import escape

    from relata.release import GateError, ReleaseError, default_version, preflight, summary_markdown
    from relata.store import LockedError

    version = default_version() if version is None else version
    try:
        # The usual mistakes (existing version, no tables, bad gates file) fail before Prefect starts.
        preflight(settings.out, settings.releases, version, gates_file=gates, previous=previous)
        from relata import prefect_server

        prefect_server.use(settings.prefect_server)
        from relata.flows.release import run

        result = run(settings.out, settings.releases, version, include_texts, gates, previous)
    except GateError as e:
        err.print("[red]release not published: it failed its gates[/red]")
        for f in e.failures:
            err.print(f"  - {f}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    except (ReleaseError, LockedError) as e:
        err.print(f"[red]release not published:[/red] {escape(str(e))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    console.print(summary_markdown(result), markup=False, highlight=False)
    console.print(f"published {result['path']}")


@release_app.command("verify")
def release_verify(
    folder: Annotated[Path, typer.Argument(help="A release folder (data/releases/<version>).")],
    gates: Annotated[
        str | None, typer.Option(help="Check these gates instead of the ones the release recorded.")
    ] = None,
) -> None:
    """Re-check a release's hashes, schemas, row counts and gates; exit 1 on any mismatch."""
    from rich.markup import escape

    from relata.release import ReleaseError, verify_release

    try:
        problems = verify_release(folder, gates)
    except ReleaseError as e:
        err.print(f"[red]{escape(str(e))}[/red]", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    if problems:
        err.print(f"[red]{folder}: {len(problems)} problem(s)[/red]")
        for p in problems:
            err.print(f"  {p}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1)
    console.print(f"{folder}: OK (hashes, schemas, row counts and gates)", highlight=False)


# --- end release ------------------------------------------------------------------


if __name__ == "__main__":
    app()
