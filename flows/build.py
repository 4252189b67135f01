"""The ``build_dataset`` flow: articles in, validated Parquet tables out.

Thin by design: each task calls one plain function of ``relata.build``; the
flow only wires them. Batches run on the flow's task runner (local processes
by default, a Dask cluster with ``dask_address``) and are committed one by one
as they finish, so an interrupted run keeps every batch it committed.
"""

from __future__ import annotations

import time

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from relata import build, store, workers
from relata.settings import Settings


@task(cache_policy=NO_CACHE, persist_result=False)
def plan_batches(settings: Settings) -> build.BuildPlan:
    return build.plan_build(settings)


# Reading an article can fail transiently on object storage; parsing cannot, so one retry is enough.
@task(cache_policy=NO_CACHE, persist_result=False, retries=1, retry_delay_seconds=5,
      task_run_name="process-batch-{batch.seq}")
def process_batch(batch: build.BatchSpec, settings: Settings) -> build.StagedBatch:
    if settings.dask_address:
        return build.process_batch(batch, settings)  # already on a Dask worker
    return workers.run(build.process_batch, batch, settings, size=settings.workers)


@task(cache_policy=NO_CACHE, persist_result=False)
def finish(plan: build.BuildPlan, summary: build.BuildSummary, settings: Settings) -> build.BuildSummary:
    return build.finish_build(plan, summary, settings)


@flow(name="build_dataset", log_prints=False, persist_result=False)
def build_dataset(settings: Settings | None = None) -> dict:
    """Build (incrementally) the relata tables from the articles in ``settings.input``."""
    settings = settings or Settings()
    logger = get_run_logger()
    t0 = time.perf_counter()
    with store.writer_lock(settings.out):
        # Load inputs.
        plan = plan_batches(settings)
        logger.info("plan: %d batch(es), %d unchanged input file(s) skipped, tables rebuilt: %s",
                    len(plan.batches), plan.unchanged_inputs, plan.rebuilt_tables or "none")
        # Process data.
        summary = build.BuildSummary(plan.run_id, plan.out)
        state = build.start_commits(plan.out)
        futures = [process_batch.submit(b, settings) for b in plan.batches]
        # Save outputs, one batch at a time as they finish.
        for fut in as_completed(futures):
            staged = fut.result()
            build.commit_batch(plan.out, staged, state, summary)
            logger.info("batch %d: %d read, %d new, %d rejected", staged.seq, staged.read, staged.new, staged.rejected)
        summary.wall_seconds = time.perf_counter() - t0
        summary = finish(plan, summary, settings)
    create_markdown_artifact(key="build-summary", markdown=summary.markdown(),
                             description=f"relata build {summary.run_id}")
    logger.info("done: %s", summary.as_dict())
    return summary.as_dict()


def runner_for(settings: Settings):
    """Threads that hand batches to local model processes by default; an existing Dask cluster when asked."""
    if settings.dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=settings.dask_address)
    return ThreadPoolTaskRunner(max_workers=settings.workers)


def run(settings: Settings) -> dict:
    """Run the flow with the task runner the settings ask for."""
    return build_dataset.with_options(task_runner=runner_for(settings))(settings)
