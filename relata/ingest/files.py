"""The bytes of an input: a local file (never a named pipe or a device), an fsspec URL, a member
of a zip archive, unpacked when its name says it is compressed, and no more of them than a table
may hold. Which compression a name says is the registry's to tell (readers.kind)."""

from __future__ import annotations

import contextlib
import io
import os
import stat
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

# ingest is the package: its MAX_TABLE_BYTES is read at each use, not copied here, so that setting it
# there sets it for every reader.
from relata import ingest, remote
from relata.ingest.units import Unit

ARCHIVE_SUFFIX = ".zip"


def is_archive(name: str) -> bool:
    return PurePosixPath(name).suffix.lower() == ARCHIVE_SUFFIX


_FILE_TYPES = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


def not_regular(mode: int) -> str:
    """The reason a file of this mode (from stat) is not read."""
    kind = next((name for test, name in _FILE_TYPES if test(mode)), "of an unknown type")
    return f"not a regular file ({kind}): not opened"


def open_file(path: str):
    """A binary file object for a local path or an fsspec URL; a local one only if it is a regular file."""
    if remote.is_url(path):
        fs, p = remote.filesystem(path)
        return fs.open(p, "rb")
    # Planning rejected what is not a regular file, but a file can be swapped for a named pipe
    # since: without O_NONBLOCK opening one waits for a writer for ever.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(not_regular(mode))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


class TooLarge(ValueError):
    """More bytes came out of a compressed file than a table may hold."""


@contextlib.contextmanager
def content(u: Unit, compression: str | None, capped: bool = True) -> Iterator[Any]:
    """The bytes of a unit's file, unpacked (through fsspec) if `compression` is one; no more than
    MAX_TABLE_BYTES of them unless `capped` is False (for a reader that bounds its own reads)."""
    with contextlib.ExitStack() as stack:
        if u.member is not None:
            assert u.archive is not None
            fh = stack.enter_context(open_archive(u.archive).open(u.member))
        else:
            fh = stack.enter_context(open_file(u.path))
        if compression:
            from fsspec.compression import compr

            fh = stack.enter_context(compr[compression](fh, mode="rb"))
            if capped:
                fh = io.BufferedReader(Stream(fh, limit=ingest.MAX_TABLE_BYTES), 1 << 20)
        yield fh


_held = threading.local()


def open_archive(path: str) -> zipfile.ZipFile:
    """The zip archive at `path`, open to read members. The last one opened stays open (one per
    thread): a batch's units are mostly members of one archive, and opening it anew for each
    would read its whole directory each time, a build quadratic in the number of members."""
    stamp = None
    if not remote.is_url(path):
        st = os.stat(path)
        stamp = (st.st_size, st.st_mtime_ns)  # an archive rewritten since is opened again
    held = getattr(_held, "archive", None)
    if held and held[0] == (path, stamp):
        return held[1]
    if held:
        _held.archive = None
        held[1].close()
        held[2].close()
    fh = open_file(path)
    try:
        zf = zipfile.ZipFile(fh)
    except BaseException:
        fh.close()
        raise
    _held.archive = ((path, stamp), zf, fh)
    return zf


def size(u: Unit, compression: str | None) -> int | None:
    """Bytes of a unit's content when known without reading it: not for a compressed file."""
    if compression:
        return None
    if u.member is not None and u.archive is not None:
        return open_archive(u.archive).getinfo(u.member).file_size
    if remote.is_url(u.path):
        fs, p = remote.filesystem(u.path)
        return int(fs.size(p))
    return os.stat(u.path).st_size


def read_bytes(u: Unit, compression: str | None, limit: int = -1) -> bytes:
    """A unit's content, at most `limit` bytes of it (a compressed file's size is not known before)."""
    if u.member is not None or remote.is_url(u.path) or compression:
        with content(u, compression, capped=limit < 0) as fh:
            return fh.read(limit)
    return Path(u.path).read_bytes()  # its size was checked from os.stat


class Stream(io.RawIOBase):
    """A binary stream read through: `head` (bytes already taken off it) first, then the rest,
    and no more than `limit` bytes in all."""

    def __init__(self, fh, head: bytes = b"", limit: int | None = None):
        self._fh, self._head, self._limit, self._n = fh, head, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self._head:
            n = min(len(b), len(self._head))
            b[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._fh.read(len(b))
        self._n += len(data)
        if self._limit is not None and self._n > self._limit:
            raise TooLarge(f"more than {self._limit} bytes uncompressed")
        b[: len(data)] = data
        return len(data)
