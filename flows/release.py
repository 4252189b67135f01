"""The ``publish_release`` flow: built tables in, an immutable, verifiable release folder out.

Thin by design: each task is one step of ``relata.release`` and the flow only
wires them. Nothing here can fail transiently (local files), so no task retries.
"""

from __future__ import annotations

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from relata import release

# The steps hand each other dataclasses in memory: nothing to cache or persist between tasks.
plan = task(name="plan", cache_policy=NO_CACHE, persist_result=False)(release.plan_release)
stage = task(name="stage", cache_policy=NO_CACHE, persist_result=False)(release.stage_release)
gates = task(name="gates", cache_policy=NO_CACHE, persist_result=False)(release.run_gates)
publish = task(name="publish", cache_policy=NO_CACHE, persist_result=False)(release.publish)


@flow(name="publish_release", log_prints=False, persist_result=False)
def publish_release(
    tables: str,
    out: str,
    version: str | None = None,
    include_texts: bool = False,
    gates_file: str | None = None,
    previous: str | None = None,
) -> release.ReleaseSummary:
    """Publish the tables in ``tables`` as ``<out>/<version>/``, if they pass the release gates."""
    # Load inputs.
    p = plan(tables, out, version, include_texts=include_texts, gates_file=gates_file, previous=previous)
    # Process data.
    staged = stage(p)
    result = gates(p)
    # Save outputs.
    summary = publish(p, staged, result).summary()
    create_markdown_artifact(
        key="release-summary", markdown=release.summary_markdown(summary), description=f"relata release {p.version}"
    )
    get_run_logger().info("published %s at %s", summary["version"], summary["path"])
    return summary
