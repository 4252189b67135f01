"""A pool of model processes for local builds.

Each worker process loads the spaCy pipeline once and keeps it for every
batch it is given. The pool is started with the "spawn" method: the parent
runs Prefect's threads and a forked copy of them would be unsafe. Prefect
tasks (threads in the flow's process) hand their batch to this pool and wait,
so the flow stays the only Prefect client and workers stay plain processes.
"""

from __future__ import annotations

import atexit
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor

MAX_BATCHES_PER_WORKER = 10
_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_size = 0


def pool(size: int) -> ProcessPoolExecutor:
    global _pool, _size
    with _lock:
        if _pool is None or _size != size:
            if _pool is not None:
                _pool.shutdown(wait=True)
            # A worker is replaced after some batches: spaCy's string store grows with every new
            # word it sees (3-4 MB per batch of 200 news articles), and a fresh process keeps memory
            # flat over a long build; reloading the model costs about 2 s per 2,000 articles.
            _pool = ProcessPoolExecutor(max_workers=size, mp_context=multiprocessing.get_context("spawn"),
                                        max_tasks_per_child=MAX_BATCHES_PER_WORKER)
            _size = size
        return _pool


def run(fn, *args, size: int):
    """Run fn(*args) in a model process (in this thread when size is 1)."""
    if size <= 1:
        return fn(*args)
    return pool(size).submit(fn, *args).result()


def shutdown() -> None:
    global _pool
    with _lock:
        if _pool is not None:
            _pool.shutdown(wait=True, cancel_futures=True)
            _pool = None


atexit.register(shutdown)
