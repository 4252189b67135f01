"""The ``build_dataset`` flow: ``relata.build.run_build`` with its steps as Prefect tasks (only tasks,
retries and the runner are declared here; parameters left out come from ``RELATA_*`` settings)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner

from relata import build, progress, remote, workers
from relata.commit import finish_build, stage_batch
from relata.derive import derive_tables
from relata.plan import plan_build
from relata.settings import FLOW_PARAMETERS, Settings


def _transient(task, task_run, state) -> bool:
    return remote.is_transient(state.result(raise_on_failure=False))


# Listing a bucket, reading from it or pushing to a mirror can fail on the network and then work;
# anything else fails at once, with its message. Caching is by article id inside the build.
ONCE: dict[str, Any] = dict(cache_policy=NO_CACHE, persist_result=False)
RETRY: dict[str, Any] = dict(ONCE, retries=3, retry_delay_seconds=[2, 10, 30], retry_condition_fn=_transient)
plan_batches = task(name="plan_batches", **RETRY)(plan_build)
derive = task(name="derive_tables", **ONCE)(derive_tables)
finish = task(name="finish", **ONCE)(finish_build)
mirror_tables = task(name="mirror_tables", **RETRY)(build.mirror)


@task(task_run_name="process-batch-{batch.seq}", **RETRY)
def process_batch(batch: build.BatchSpec, settings: Settings) -> build.StagedBatch:
    # A model process (or this Dask worker) extracts; validating and writing happen here.
    return stage_batch(next(workers.extract_batches([batch], settings)), settings.out)


# Eight task threads wait on the model processes (two by default): a thread per batch in flight.
IN_FLIGHT = 8
RUNNER: Any = ThreadPoolTaskRunner(max_workers=IN_FLIGHT)


def _extract(batches: list[build.BatchSpec], settings: Settings) -> Iterator[build.StagedBatch]:
    workers.size_for(batches, settings)  # the tasks share one pool, as large as the work needs
    # Locally, no more batches submitted than there are task threads (see build.in_window). On a
    # Dask cluster, whose size the flow does not know, every batch is submitted: the cluster
    # decides how many run at once.
    window = len(batches) if settings.dask_address else IN_FLIGHT
    for f in build.in_window(lambda b: process_batch.submit(b, settings), batches, window):
        yield f.result()


@flow(name="build_dataset", log_prints=False, persist_result=False, task_runner=RUNNER)
def build_dataset(
    input: str | None = None,
    out: str | None = None,
    db: str | None = None,
    batch_size: int | None = None,
    workers: int | None = None,
    prefilter: bool | None = None,
    dask_address: str | None = None,
    mirror: str | None = None,
    verbose: bool = False,
    show_progress: bool = False,
) -> dict:
    """Build (incrementally) the relata tables from the articles in ``input`` into ``out``."""
    settings = Settings.given(**{k: v for k, v in locals().items() if k in FLOW_PARAMETERS})
    steps = build.Steps(plan=plan_batches, extract=_extract, derive=derive, finish=finish, mirror=mirror_tables)
    with progress.Tracker(show_progress) as bar:
        summary = build.run_build(settings, steps, on_commit=bar.on_commit)
    create_markdown_artifact(key="build-summary", markdown=summary.markdown(), description=summary.run_id)
    if summary.mirror_error:
        raise remote.MirrorError(summary.mirror_error)  # the run fails, after the build is committed
    return summary.as_dict()
