"""The writer lock of an output folder: one build writes it at a time.

An operating-system lock (flock) on a file that is never deleted: taking it is
one atomic step, a dead holder's lock is released by the kernel, and the
holder's details are written only once it is held. (A lock file created and
then filled let a competitor read it empty, delete it and take its own: two to
four of six racing processes held it at once.) flock is not reliable on some
network file systems: build on a local disk.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import socket
from contextlib import contextmanager
from pathlib import Path

META_DIR = "_relata"
LOCK = "lock"


class LockedError(RuntimeError):
    """Another build is writing this output folder."""


_held: dict[str, int] = {}


def _lock_path(out: Path) -> Path:
    return Path(out) / META_DIR / LOCK


def lock_holder(out: Path) -> dict | None:
    """Who holds the writer lock, if anyone (read-only: for failing fast before a run starts)."""
    lock = _lock_path(out)
    if not lock.exists():
        return None
    key = str(lock.resolve())
    if key in _held:
        return None  # this process holds it
    try:
        fd = os.open(lock, os.O_RDONLY)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            try:
                return json.loads(lock.read_text() or "{}") or {"pid": "?", "host": "?", "since": "?"}
            except (OSError, ValueError):
                return {"pid": "?", "host": "?", "since": "?"}
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def locked_message(out: Path, holder: dict) -> str:
    return (
        f"{out} is being built by another relata process (PID {holder.get('pid')} on {holder.get('host')}, "
        f"since {holder.get('since')}); wait for it to finish or stop it"
    )


@contextmanager
def writer_lock(out: Path):
    """Only one build writes an output folder at a time; refused at once while another holds it."""
    lock = _lock_path(out)
    lock.parent.mkdir(parents=True, exist_ok=True)
    key = str(lock.resolve())
    if key in _held:
        raise LockedError(
            locked_message(
                Path(out), {"pid": os.getpid(), "host": socket.gethostname(), "since": "earlier in this process"}
            )
        )
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        holder = lock_holder(Path(out)) or {"pid": "?", "host": "?", "since": "?"}
        raise LockedError(locked_message(Path(out), holder)) from None
    me = {"pid": os.getpid(), "host": socket.gethostname(), "since": dt.datetime.now(dt.UTC).isoformat()}
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps(me).encode(), 0)
    _held[key] = fd
    try:
        yield me
    finally:
        _held.pop(key, None)
        os.ftruncate(fd, 0)
        os.close(fd)  # releases the flock
