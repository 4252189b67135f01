"""The commands for operators and maintainers: serve, server, release, schema.

They register on ``relata.cli.app`` (imported at the end of ``relata.cli``);
options default to the settings as everywhere in the CLI.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from relata.cli import _fail, _quiet_prefect, app, console, err
from relata.settings import Settings

schema_app = typer.Typer(help="The schemas of the tables.", no_args_is_help=True)
app.add_typer(schema_app, name="schema")


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
        from relata.flows.release import publish_release

        result = publish_release(settings.out, settings.releases, version, include_texts, gates, previous)
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


@app.command()
def train(
    corpus: Annotated[Path, typer.Option(help="The annotated training corpus.")] = Path(
        "data/annotations/corpus.jsonl"
    ),
    corpora: Annotated[
        Path | None,
        typer.Option(help="The news corpora the corpus annotates (default: RELATA_CORPORA or ../shared/corpora)."),
    ] = None,
    work: Annotated[
        Path, typer.Option(help="Where examples and fold models go (holds sentences: keep it out of git).")
    ] = Path("data/annotations/work/training"),
    ablation: Annotated[
        bool, typer.Option("--ablation/--no-ablation", help="Also cross-validate the models without the rules' hints.")
    ] = True,
    ship: Annotated[
        bool, typer.Option("--ship/--no-ship", help="Train the final models and write them into the package.")
    ] = True,
    retune: Annotated[
        bool,
        typer.Option(
            "--retune",
            help="Choose the cuts again from the last cross-validation's scores in --work; the shipped weights stay.",
        ),
    ] = False,
) -> None:
    """Rebuild the trained extractors from the annotations: examples, 5-fold cross-validation, thresholds,
    calibration, precision-recall curves, the shipped models (relata/training/)."""
    from relata.training.run import main as run_training

    corpora = corpora or Path(os.environ.get("RELATA_CORPORA") or Path("..") / "shared" / "corpora")
    if not (corpora / "splits.json").is_file():
        _fail(f"no corpora at {corpora} (set RELATA_CORPORA or --corpora)", 2)
    report = run_training(
        work,
        corpus,
        corpora,
        ablation=ablation,
        ship_models=ship,
        retune=retune,
        log=lambda m: console.print(m, markup=False, highlight=False),
    )
    console.print(json.dumps(report["cross_validation"], indent=1), markup=False, highlight=False)
