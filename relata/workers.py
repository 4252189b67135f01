"""Model processes for local builds: a pool that cannot deadlock, and a deadline per batch.

Each model process loads the spaCy pipeline once and keeps it for several
batches, then is replaced: spaCy's string store grows with every new word it
sees (3-4 MB per batch of 200 news articles), and a fresh process keeps memory
flat over a long build; reloading the model costs about 2 s per 2,000 articles.

Why pebble and not ``concurrent.futures.ProcessPoolExecutor``: with
``max_tasks_per_child`` the standard pool stops replacing workers that retire
at their limit while work is still queued (CPython gh-115634, present in 3.11,
not fixed there); a build of 24 batches on two processes hung after 20 with no
model process alive. pebble replaces retired workers, and kills a worker whose
batch runs past its deadline, which the standard pool cannot do.

What happens to a batch that does not come back (past its deadline, or its
process killed from outside, by the OOM killer or an operator): it is retried
once in a fresh process; if that fails too, each of its articles becomes a
``rejects`` row saying why, the build goes on, and the input files involved are
not recorded as built, so the next build tries them again.

Processes are started with "spawn": the parent runs Prefect's threads, and a
forked copy of them would be unsafe. A model process dies with the build
process however that dies (``PR_SET_PDEATHSIG`` on Linux), and ignores Ctrl+C,
which the terminal sends to the whole process group: the build decides.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import logging
import multiprocessing
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, wait
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from pebble import ProcessExpired, ProcessPool

from relata.batch import BatchSpec, ExtractedBatch, extract_batch, failed_batch
from relata.settings import Settings

MAX_BATCHES_PER_WORKER = 10
ATTEMPTS = 2
log = logging.getLogger("relata.build")

_lock = threading.Lock()
_pool: ProcessPool | None = None
_size = 0
_stopping = threading.Event()


class BuildStopped(RuntimeError):
    """The model processes were stopped while a batch waited on them."""


def _libc() -> ctypes.CDLL:
    """glibc, for what Python does not expose (Linux only: OSError elsewhere)."""
    return ctypes.CDLL("libc.so.6", use_errno=True)


def _model_process_setup() -> None:
    try:  # Linux only; elsewhere a killed build may leave a model process until its batch ends.
        _libc().prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def pool(size: int) -> ProcessPool:
    """The process's model pool of at least ``size`` processes (one per process, shared by its threads).

    An existing pool at least that large is kept: its processes may have loaded their models already.
    """
    global _pool, _size
    with _lock:
        if _stopping.is_set():
            # Stopped for good until the next build opens it (a task thread that starts after the
            # build was interrupted must not start new model processes).
            raise BuildStopped("the model processes were stopped")
        if _pool is None or _size < size or not _pool.active:
            if _pool is not None:
                _pool.stop()
                _pool.join()
            _pool = ProcessPool(
                max_workers=size,
                max_tasks=MAX_BATCHES_PER_WORKER,
                initializer=_model_process_setup,
                context=multiprocessing.get_context("spawn"),
            )
            _size = size
        return _pool


def _give_back_memory() -> None:
    """Return the C heap's free pages to the system (glibc only; elsewhere nothing happens).

    Loading the models and parsing a batch leave freed memory that glibc keeps for reuse
    rather than returning it; measured after the models load, 393 MB in use -> 359 MB. Costs
    a few milliseconds, once per batch.
    """
    try:
        _libc().malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _in_model_process(fn: Callable[[BatchSpec, Settings], ExtractedBatch], batch: BatchSpec, settings: Settings):
    try:
        return fn(batch, settings)
    finally:
        _give_back_memory()


def _load_models() -> None:
    from relata.extractors import learned
    from relata.extractors.pipeline import load_parser, load_scanner

    load_scanner()
    load_parser()
    for name in ("pairs", "sanctions"):  # the trained models, when they ship
        m = learned.model(name)
        if m is not None:
            m.nlp  # noqa: B018 (loading is the point)
    _give_back_memory()


def warm_up(settings: Settings, batches: int) -> None:
    """Start the model processes and load their models now, while the caller does other work.

    A short build spends most of its time starting: Prefect's imports in this
    process, spaCy's and the model's in a model process. Started first, the
    model processes load on the other core meanwhile (one article: 11 s -> about 8 s).
    """
    open_for_build()
    if settings.workers > 1:
        # As many processes as there is work for: a one-file build has one batch, and a second
        # process would only take the first core from the one that loads for it.
        n = min(settings.workers, max(batches, 1))
        p = pool(n)
        for _ in range(n):
            p.schedule(_load_models)


def size_for(batches: list[BatchSpec], settings: Settings) -> None:
    """Make the pool as large as these batches can use (for callers that submit them one by one)."""
    if settings.workers > 1 and batches:
        pool(min(settings.workers, len(batches)))


def open_for_build() -> None:
    """Allow model processes again (a build starts; the last one's shutdown closed them)."""
    _stopping.clear()


def shutdown() -> None:
    """Stop the model processes now (a finished, failed or interrupted build), and refuse new
    ones until ``open_for_build``: task threads still queued must not start them again."""
    global _pool
    with _lock:
        if _pool is not None:
            _stopping.set()
            _pool.stop()
            _pool.join(timeout=30)
            _pool = None


def deadline(batch: BatchSpec, settings: Settings) -> float:
    """Seconds a batch may take in a model process before it is killed.

    The base covers a model load on a busy machine (about 2 s alone, 10 s
    under load) with a wide margin; the per-article allowance is about 50
    times the usual cost of an article (25-50 articles/s per process), so
    only a stuck process reaches it, never a slow one.
    """
    return settings.batch_timeout_s + settings.batch_timeout_per_article_s * batch.size


def extract_batches(
    batches: Iterable[BatchSpec],
    settings: Settings,
    fn: Callable[[BatchSpec, Settings], ExtractedBatch] = extract_batch,
) -> Iterator[ExtractedBatch]:
    """The extracted batches, in the order they finish; a batch that fails twice comes back as rejects.

    With one worker the batches run in this thread, one after the other (tests,
    small builds): no process to lose, and each article keeps its own time limit.
    """
    batches = list(batches)
    if settings.workers <= 1:
        for b in batches:
            yield fn(b, settings)
        return
    p = pool(min(settings.workers, len(batches)))
    pending: dict[Any, tuple[BatchSpec, int]] = {
        p.schedule(_in_model_process, (fn, b, settings), timeout=deadline(b, settings)): (b, 1) for b in batches
    }
    while pending:
        done, _ = wait(list(pending), timeout=0.5, return_when=FIRST_COMPLETED)
        if _stopping.is_set():
            # The build is stopping (Ctrl+C, SIGTERM): pebble's stop() leaves the futures of the
            # batches it killed unresolved, and a thread waiting on them would keep the process alive.
            for fut in pending:
                fut.cancel()
            raise BuildStopped("the model processes were stopped")
        for fut in done:
            b, attempt = pending.pop(fut)
            try:
                yield fut.result()
                continue
            except FutureTimeout:
                why = f"the model process did not finish the batch within {deadline(b, settings):g} s"
            except ProcessExpired as e:
                why = f"the model process died (exit code {e.exitcode})"
            if _stopping.is_set():
                raise BuildStopped("the model processes were stopped")
            if attempt < ATTEMPTS:
                log.warning("batch %d: %s; retrying it once in a new process", b.seq, why)
                pending[p.schedule(_in_model_process, (fn, b, settings), timeout=deadline(b, settings))] = (
                    b,
                    attempt + 1,
                )
            else:
                log.error("batch %d: %s, twice; its %d article(s) become rejects", b.seq, why, b.size)
                yield failed_batch(b, f"{why}, twice", dt.datetime.now(dt.UTC))
