"""One build, start to end: plan -> extract -> commit -> derive -> finish -> mirror.

This is the only place that sequence is written. The Prefect flow
(``flows/build.py``) runs it with its tasks as the steps; the CLI (for an
up-to-date check), the tests and the benchmarks run it with plain functions.

- plan (``relata.plan``): which inputs and articles, in batches; refuses an
  output folder it cannot safely write, before anything is written;
- extract (``relata.workers``): batches in model processes, each with a
  deadline; a batch that fails twice comes back as rejects;
- commit (``relata.commit``): each batch validated, staged and moved into
  the tables as it finishes, so an interrupted build keeps what it committed;
- derive (``relata.derive``): the derived tables (events, sanction regimes,
  dyad-month counts) recomputed for the keys the new rows touch;
- finish: the manifest records the build, the DuckDB views are rewritten;
- mirror (``relata.remote``): the committed tables copied to object storage.
"""

from __future__ import annotations

import logging
import queue
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Protocol, TypeVar

from relata import remote, store, views, workers
from relata.batch import BatchSpec
from relata.commit import StagedBatch, commit_batch, finish_build, stage_batch, start_commits
from relata.derive import derive_tables
from relata.plan import BuildPlan, pending, plan_build
from relata.settings import Settings
from relata.summary import BuildSummary

log = logging.getLogger("relata.build")
T = TypeVar("T")


class _Future(Protocol):
    def add_done_callback(self, fn: Callable[[Any], None], /) -> None: ...


F = TypeVar("F", bound=_Future)

__all__ = [
    "BatchSpec",
    "BuildPlan",
    "BuildSummary",
    "StagedBatch",
    "Steps",
    "in_window",
    "mirror",
    "pending",
    "run_build",
    "up_to_date",
]


def extract_and_stage(batches: list[BatchSpec], settings: Settings) -> Iterator[StagedBatch]:
    """Every batch extracted (in model processes) and staged, in the order they finish."""
    for extracted in workers.extract_batches(batches, settings):
        yield stage_batch(extracted, settings.out)


def in_window(submit: Callable[[T], F], items: Iterable[T], size: int) -> Iterator[F]:
    """Each item submitted, at most ``size`` in flight; their futures in the order they finish.

    A future is let go once the caller has it: submitting a long build at once kept every
    future (its state, its staged parts and ids) to the end, so memory grew with the articles.
    A caller that stops (a failed commit, an interrupt) leaves the rest unsubmitted. Each future
    gets one done-callback (``add_done_callback``, which Prefect's and ``concurrent.futures``'s
    futures have): waiting with Prefect's ``as_completed`` on the window again and again left a
    callback per call on a slow batch, each holding the futures that finished meanwhile.
    """
    todo = iter(items)
    finished: queue.SimpleQueue = queue.SimpleQueue()
    in_flight = 0

    def top_up() -> None:
        nonlocal in_flight
        for i in islice(todo, max(size, 1) - in_flight):
            submit(i).add_done_callback(finished.put)
            in_flight += 1

    top_up()
    while in_flight:
        done = finished.get()  # an interrupt (Ctrl+C, SIGTERM) still ends the wait
        in_flight -= 1
        top_up()  # before the caller commits the finished one: the window stays full meanwhile
        yield done


def mirror(settings: Settings) -> dict | None:
    """Copy the committed tables to the mirror, if one is set (after the build, under its lock)."""
    if not settings.mirror:
        return None
    result = remote.push(Path(settings.out), settings.mirror)
    log.info("mirrored to %s: %d part(s) uploaded, %d deleted", result["url"], result["uploaded"], result["deleted"])
    return result


@dataclass(frozen=True)
class Steps:
    """How each step runs: plain functions here; the Prefect flow passes its tasks."""

    plan: Callable[[Settings], BuildPlan] = plan_build
    extract: Callable[[list[BatchSpec], Settings], Iterable[StagedBatch]] = extract_and_stage
    derive: Callable[[str], dict[str, dict]] = derive_tables
    finish: Callable[[BuildPlan, BuildSummary, Settings], BuildSummary] = finish_build
    mirror: Callable[[Settings], dict | None] = mirror


def run_build(
    settings: Settings, steps: Steps = Steps(), on_commit: Callable[[StagedBatch, BuildPlan], None] | None = None
) -> BuildSummary:
    """Build the tables of ``settings.input`` into ``settings.out``, incrementally.

    A mirror that fails after the retries leaves the build committed: the
    summary says so (``summary.mirrored["error"]``) and the next build, even an
    up-to-date one, pushes again. Model processes are stopped when the build
    ends, however it ends.
    """
    t0 = time.perf_counter()
    with store.writer_lock(Path(settings.out)):
        workers.open_for_build()
        try:
            # Load inputs.
            plan = steps.plan(settings)
            # Process data, and save each batch as it finishes.
            summary = BuildSummary(plan.run_id, plan.out)
            state = start_commits(plan.out, plan)
            log.info(
                "plan: %d batch(es) of up to %d articles, %d unchanged input file(s) skipped, tables rebuilt: %s",
                len(plan.batches),
                settings.batch_size,
                plan.unchanged_inputs,
                ", ".join(plan.rebuilt_tables) or "none",
            )
            for staged in steps.extract(plan.batches, settings):
                commit_batch(plan.out, staged, state, summary)
                log.info(
                    "batch %d committed: %d read, %d new, %d duplicate(s), %d rejected",
                    staged.seq,
                    staged.read,
                    staged.new,
                    staged.duplicates,
                    staged.rejected,
                )
                if on_commit:
                    on_commit(staged, plan)
        finally:
            workers.shutdown()
        t1 = time.perf_counter()
        summary.derived = steps.derive(plan.out)
        summary.seconds.update({"derive": time.perf_counter() - t1})
        summary.wall_seconds = time.perf_counter() - t0
        summary = steps.finish(plan, summary, settings)
        try:
            summary.mirrored = steps.mirror(settings)
        except Exception as e:  # noqa: BLE001 - the tables are committed; the summary says what failed
            summary.mirrored = {"url": settings.mirror, "error": f"{type(e).__name__}: {e}"}
    log.info(
        "done: %d read = %d new + %d duplicates + %d rejected; rows %s; %.1f s",
        summary.read,
        summary.new,
        summary.duplicates,
        summary.rejected,
        dict(summary.rows),
        summary.wall_seconds,
    )
    return summary


def up_to_date(settings: Settings) -> dict:
    """What an unchanged rebuild still does, without a Prefect run: derive what a build killed
    before its derive step left behind (nothing, usually), repair the DuckDB views if they are
    missing or stale, and retry a mirror an earlier build could not finish."""
    out = Path(settings.out)
    with store.writer_lock(out):
        store.check_output(out)
        derived = derive_tables(str(out))
        rewritten = views.build_views(out, settings.db_path(), repair_only=True)
        mirrored = mirror(settings)
    return {"derived": derived, "views_rewritten": rewritten, "mirrored": mirrored}
