"""The ``publish_release`` flow: built tables in, an immutable, verifiable release folder out.

Thin by design: each task calls one plain function of ``relata.release``;
the flow only wires them. Nothing here can fail transiently (local files),
so no task retries.
"""

from __future__ import annotations

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from relata import release


@task(cache_policy=NO_CACHE, persist_result=False)
def plan(
    tables: str, out: str, version: str | None, include_texts: bool, gates_file: str | None, previous: str | None
) -> release.ReleasePlan:
    return release.plan_release(
        tables, out, version, include_texts=include_texts, gates_file=gates_file, previous=previous
    )


@task(cache_policy=NO_CACHE, persist_result=False)
def stage(p: release.ReleasePlan) -> dict:
    return release.stage_release(p)


@task(cache_policy=NO_CACHE, persist_result=False)
def gates(p: release.ReleasePlan) -> list[str]:
    return release.run_gates(p)


@task(cache_policy=NO_CACHE, persist_result=False)
def publish(p: release.ReleasePlan, staged: dict, failures: list[str]) -> dict:
    return release.publish(p, staged, failures)


@flow(name="publish_release", log_prints=False, persist_result=False)
def publish_release(
    tables: str,
    out: str,
    version: str | None = None,
    include_texts: bool = False,
    gates_file: str | None = None,
    previous: str | None = None,
) -> dict:
    """Publish the tables in ``tables`` as ``<out>/<version>/``, if they pass the release gates."""
    logger = get_run_logger()
    # Load inputs.
    p = plan(tables, out, version, include_texts, gates_file, previous)
    # Process data.
    staged = stage(p)
    failures = gates(p)
    # Save outputs.
    result = publish(p, staged, failures)
    create_markdown_artifact(
        key="release-summary",
        markdown=release.summary_markdown(result),
        description=f"relata release {result['version']}",
    )
    logger.info("published %s at %s", result["version"], result["path"])
    return result


def run(
    tables: str,
    out: str,
    version: str | None = None,
    include_texts: bool = False,
    gates_file: str | None = None,
    previous: str | None = None,
) -> dict:
    """Run the flow (what ``relata release`` calls)."""
    return publish_release(tables, out, version, include_texts, gates_file, previous)
