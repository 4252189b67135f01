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
import dataclasses
import datetime as dt
import functools
import hashlib
import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, wait
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

from pebble import ProcessExpired, ProcessPool

from relata import ingest
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
                # its batches started ahead go with it: a future of a stopped pool never resolves
                _drop_ahead()
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


# Batches started before their build planned them (``extract_ahead``): by what says they are the same batch.
_ahead: dict[tuple, tuple[Callable, Any]] = {}


def _same_batch(b: BatchSpec, settings: Settings) -> tuple:
    """What makes two batches (one previewed, one planned) extract the same rows: the units and each
    file's fingerprint now, the tables, the ids built before, the settings. Not the run id nor the
    number, which the planned batch's result is given."""

    return (
        tuple((u.path, u.source_uri, u.start, u.stop, u.size, u.member, u.problem, _file_state(u)) for u in b.units),
        tuple(b.reextract_ids),
        tuple(b.tables),
        _digest(b.known_ids_path),
        settings.model_dump_json(),
    )


def _file_state(u: ingest.Unit) -> str:
    """A unit's file as it is now: the build's fingerprint (size, modification time), and for a local
    file its inode and change time too, which no copy tool sets back (a same-size edit within the
    clock's resolution must not pass for the file previewed)."""
    fp = ingest.fingerprint(u)
    try:
        st = os.stat(u.archive or u.path) if u.remote_fingerprint is None else None
    except OSError:
        st = None
    return f"{fp} {st.st_ino} {st.st_ctime_ns}" if st is not None else str(fp)


@functools.lru_cache(maxsize=8)
def _digest_of(path: str, size: int, mtime_ns: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _digest(path: str | None) -> str:
    """The content hash of a known-ids file (each batch of a build names the same one: hashed once)."""
    if not path:
        return ""
    st = Path(path).stat()
    return _digest_of(path, st.st_size, st.st_mtime_ns)


def extract_ahead(
    batches: list[BatchSpec],
    settings: Settings,
    fn: Callable[[BatchSpec, Settings], ExtractedBatch] = extract_batch,
) -> int:
    """Start extracting these batches now, in the model processes, before the build plans them: a
    cold build spends 10-15 s starting Prefect's server while the processes, models loaded, wait.
    The build takes a result only for a batch it planned the same (``_same_batch``); the others are
    dropped when it ends. Extraction writes nothing, so a batch done twice costs only time. Returns
    how many were started (none on Dask or with one worker: no pool)."""
    if settings.workers <= 1 or settings.dask_address or not batches:
        return 0
    p = pool(min(settings.workers, len(batches)))
    keys = [_same_batch(b, settings) for b in batches]
    with _lock:
        for b, key in zip(batches, keys):
            _ahead[key] = (fn, p.schedule(_in_model_process, (fn, b, settings), timeout=deadline(b, settings)))
    return len(batches)


def _taken_ahead(b: BatchSpec, settings: Settings, fn: Callable) -> Any | None:
    """The future of ``b`` if it was started ahead by the same function (``extract_ahead``) and not
    cancelled (one that failed is retried as any batch is)."""
    if not _ahead:
        return None
    key = _same_batch(b, settings)
    with _lock:
        fn_ahead, fut = _ahead.get(key, (None, None))
        if fut is None or fn_ahead is not fn or fut.cancelled():
            return None
        del _ahead[key]
    return fut


def _drop_ahead(keep: Collection[tuple] = ()) -> None:
    """Cancel the batches started ahead, but those in ``keep``, and forget them (with ``_lock`` held)."""
    for key in [k for k in _ahead if k not in keep]:
        _ahead.pop(key)[1].cancel()


def size_for(batches: list[BatchSpec], settings: Settings) -> None:
    """Make the pool as large as these batches can use (for callers that submit them one by one), and
    stop the batches started ahead that none of them is: the plan differs from the preview (input
    changed meanwhile, a mirror filled the output first), and they would only hold the processes."""
    if settings.workers > 1 and batches:
        pool(min(settings.workers, len(batches)))
    if _ahead:
        keys = {_same_batch(b, settings) for b in batches}
        with _lock:
            _drop_ahead(keep=keys)


def open_for_build() -> None:
    """Allow model processes again (a build starts; the last one's shutdown closed them)."""
    _stopping.clear()


def shutdown() -> None:
    """Stop the model processes now (a finished, failed or interrupted build), and refuse new
    ones until ``open_for_build``: task threads still queued must not start them again."""
    global _pool
    with _lock:
        _drop_ahead()
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
    pending: dict[Any, tuple[BatchSpec, int]] = {}
    for b in batches:
        fut = _taken_ahead(b, settings, fn)
        if fut is not None:
            log.info("batch %d: extracted ahead, while the build started", b.seq)
        else:
            fut = p.schedule(_in_model_process, (fn, b, settings), timeout=deadline(b, settings))
        pending[fut] = (b, 1)
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
                done_batch = fut.result()
                if isinstance(done_batch, ExtractedBatch) and (done_batch.run_id, done_batch.seq) != (b.run_id, b.seq):
                    # started ahead: it carries its preview's placeholder run id and number
                    done_batch = dataclasses.replace(done_batch, run_id=b.run_id, seq=b.seq)
                yield done_batch
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
