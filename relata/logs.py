"""What a build prints: one line per batch where nobody watches, one line per known failure.

In a terminal the progress bar says how far a build is; elsewhere (cron, CI,
a Prefect worker) ``relata.build`` logs one line per committed batch. Known
failures (a full disk, an output folder relata will not touch, a lock held by
another build, a mirror that failed) are the operator's to act on, not a
programming error: their log records lose the traceback, and the CLI says
what to do in one line. Anything else keeps its traceback.
"""

from __future__ import annotations

import errno
import logging
import os
import sys

_CLEAN_TYPES: tuple[type[BaseException], ...] = ()


def is_clean(e: BaseException | None) -> bool:
    """Whether an error is an operator's to act on, with a message that says how."""
    if e is None:
        return False
    if isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES):
        return True
    if "No space left on device" in str(e):
        return True
    return isinstance(e, _clean_types())


def _clean_types() -> tuple[type[BaseException], ...]:
    global _CLEAN_TYPES
    if not _CLEAN_TYPES:
        from relata import remote, store

        _CLEAN_TYPES = (store.LockedError, store.OutputError, remote.MirrorError, KeyboardInterrupt)
    return _CLEAN_TYPES


class _NoTracebackForCleanErrors(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and is_clean(record.exc_info[1]):
            record.exc_info, record.exc_text = None, None
        return True


def configure(verbose: bool) -> None:
    """Logging for a CLI command: quiet Prefect, one line per batch when not in a terminal."""
    # No network here, and Prefect phones home unless told not to.
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # The per-batch lines of relata's own logger also reach the Prefect run's logs (and its UI).
    os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", "relata")
    os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")
    if not verbose:
        # Prefect's INFO lines (its temporary server, a documentation hint, every task run) are noise
        # for a CLI user; warnings and failures still show. --verbose shows them all.
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    log = logging.getLogger("relata")
    if not any(getattr(h, "_relata", False) for h in log.handlers):
        h = logging.StreamHandler(sys.stderr)
        h.setFormatter(logging.Formatter("%(asctime)s relata %(message)s", "%H:%M:%S"))
        h._relata = True  # type: ignore[attr-defined]
        log.addHandler(h)
        log.propagate = False
    log.setLevel(logging.INFO if verbose or not sys.stdout.isatty() else logging.WARNING)


def without_clean_tracebacks() -> None:
    """Strip the traceback from log records of clean errors on every handler now configured
    (Prefect's console handler sits on the root logger once Prefect is imported)."""
    for lg in (logging.getLogger(), logging.getLogger("prefect"), logging.getLogger("relata")):
        for h in lg.handlers:
            if not any(isinstance(f, _NoTracebackForCleanErrors) for f in h.filters):
                h.addFilter(_NoTracebackForCleanErrors())
