"""The ``build_dataset`` flow: articles in, validated Parquet tables out.

Thin by design: each task calls one plain function of ``relata.build``; the
flow only wires them. Batches run in local model processes (or on a Dask
cluster with ``dask_address``) and are committed one by one as they finish,
so an interrupted run keeps every batch it committed.

The flow's parameters are plain values (so deployments can set them); any
left out come from the settings (``RELATA_*`` variables, see
``relata.settings``).
"""

from __future__ import annotations

import time

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from relata import build, progress, remote, store, workers
from relata.batch import extract_batch
from relata.settings import Settings


def _retry_only_transient(task, task_run, state) -> bool:
    """Retry what reading object storage or a network share can fail with and then do (connection
    errors and timeouts of any client library); anything else fails fast, with its message."""
    try:
        state.result()
    except BlockingIOError:
        return True
    except Exception as e:  # noqa: BLE001
        return remote.is_transient(e)
    return False


# Listing an input bucket or filling the output from a mirror can fail on the network and then work.
@task(cache_policy=NO_CACHE, persist_result=False, retries=3, retry_delay_seconds=[2, 10, 30],
      retry_condition_fn=_retry_only_transient)
def plan_batches(settings: Settings) -> build.BuildPlan:
    return build.plan_build(settings)


# Caching is by article id, in the build itself (an article already built is skipped), never by
# hashing task inputs: a batch's inputs are file paths, and a result is a staged part.
@task(cache_policy=NO_CACHE, persist_result=False, retries=3, retry_delay_seconds=[2, 10, 30],
      retry_condition_fn=_retry_only_transient, task_run_name="process-batch-{batch.seq}")
def process_batch(batch: build.BatchSpec, settings: Settings) -> build.StagedBatch:
    if settings.dask_address:
        return build.process_batch(batch, settings)  # already on a Dask worker
    # The model process extracts; validating and writing happen here, so model processes never
    # load pandas, pandera or pyarrow (see relata.batch).
    rows = workers.run(extract_batch, batch, settings, size=settings.workers)
    return build.stage_batch(rows, batch.out)


@task(cache_policy=NO_CACHE, persist_result=False)
def finish(plan: build.BuildPlan, summary: build.BuildSummary, settings: Settings) -> build.BuildSummary:
    return build.finish_build(plan, summary, settings)


# Object storage can fail and then work; a mirror that still fails leaves the tables committed
# locally, and the next build pushes them.
@task(cache_policy=NO_CACHE, persist_result=False, retries=3, retry_delay_seconds=[2, 10, 30],
      retry_condition_fn=_retry_only_transient)
def mirror_tables(settings: Settings) -> dict | None:
    return build.mirror(settings)


@flow(name="build_dataset", log_prints=False, persist_result=False,
      task_runner=ThreadPoolTaskRunner(max_workers=8))
def build_dataset(input: str | None = None, out: str | None = None, db: str | None = None,
                  batch_size: int | None = None, workers: int | None = None, prefilter: bool | None = None,
                  dask_address: str | None = None, mirror: str | None = None, verbose: bool = False,
                  show_progress: bool = False) -> dict:
    """Build (incrementally) the relata tables from the articles in ``input`` into ``out``."""
    settings = Settings(**{k: v for k, v in dict(
        input=input, out=out, db=db, batch_size=batch_size, workers=workers, prefilter=prefilter,
        dask_address=dask_address, mirror=mirror, verbose=verbose).items() if v is not None})
    logger = get_run_logger()
    t0 = time.perf_counter()
    with store.writer_lock(settings.out):
        # Load inputs.
        plan = plan_batches(settings)
        logger.info("plan: %d batch(es) of up to %d articles, %d unchanged input file(s) skipped, tables rebuilt: %s",
                    len(plan.batches), settings.batch_size, plan.unchanged_inputs, plan.rebuilt_tables or "none")
        # Process data.
        summary = build.BuildSummary(plan.run_id, plan.out)
        state = build.start_commits(plan.out, plan)
        futures = [process_batch.submit(b, settings) for b in plan.batches]
        # Save outputs, one batch at a time as they finish.
        with progress.bar(total=sum(b.size for b in plan.batches), enabled=show_progress) as bar:
            for fut in as_completed(futures):
                staged = fut.result()
                build.commit_batch(plan.out, staged, state, summary)
                bar.advance(staged.read or len(staged.article_ids))
                logger.info("batch %d committed: %d read, %d new, %d duplicate(s), %d rejected",
                            staged.seq, staged.read, staged.new, staged.duplicates, staged.rejected)
        summary.wall_seconds = time.perf_counter() - t0
        summary = finish(plan, summary, settings)
        mirrored = mirror_tables(settings, return_state=True)
        if mirrored.is_completed():
            summary.mirrored = mirrored.result()
        else:
            e = mirrored.result(raise_on_failure=False)
            summary.mirrored = {"url": settings.mirror, "error": f"{type(e).__name__}: {e}"}
    logger.info("done: %d read = %d new + %d duplicates + %d rejected; rows %s; %.1f s",
                summary.read, summary.new, summary.duplicates, summary.rejected, dict(summary.rows),
                summary.wall_seconds)
    create_markdown_artifact(key="build-summary", markdown=summary.markdown(),
                             description=f"relata build {summary.run_id}")
    if summary.mirrored and "error" in summary.mirrored:
        # The run fails (operators see it), after the build is committed and summarised.
        raise remote.MirrorError(f"tables committed in {settings.out}, but the mirror to {settings.mirror} "
                                 f"failed: {summary.mirrored['error']}. The next build retries it.")
    return summary.as_dict()


def parameters(settings: Settings) -> dict:
    """The flow's parameters for these settings."""
    return dict(input=settings.input, out=settings.out, db=settings.db, batch_size=settings.batch_size,
                workers=settings.workers, prefilter=settings.prefilter, dask_address=settings.dask_address,
                mirror=settings.mirror, verbose=settings.verbose)


def run(settings: Settings, show_progress: bool = False) -> dict:
    """Run the flow; on an existing Dask cluster when the settings name one."""
    f = build_dataset
    if settings.dask_address:
        from prefect_dask import DaskTaskRunner

        f = build_dataset.with_options(task_runner=DaskTaskRunner(address=settings.dask_address))
    return f(**parameters(settings), show_progress=show_progress)
