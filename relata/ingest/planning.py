"""Listing the inputs: every file under a folder, a file or an fsspec URL becomes a unit, in a
stable order and without reading article text; what cannot be read (a named pipe, a device, a
symbolic link out of the folder, a folder that cannot be listed, a type ingest does not read)
becomes a unit with its problem, a Reject when it is read. Table files are counted and cut into
row ranges; a file's fingerprint says whether it changed since it was built."""

from __future__ import annotations

import dataclasses
import os
import stat
from pathlib import Path

from relata import remote
from relata.ingest import files, readers
from relata.ingest.archives import archive_units
from relata.ingest.files import TooLarge
from relata.ingest.units import Unit


def plan_units(root: str | Path, *, count_rows: bool = True) -> list[Unit]:
    """Every input under root (a folder, a file or an fsspec URL), in a stable order, without
    reading article text. With ``count_rows=False`` a table file is one unit whose rows are not
    counted yet (``counted`` does it): enough to tell which files changed, without reading them."""
    units = _list_units(root)
    return [c for u in units for c in counted(u)] if count_rows else units


def _list_units(root: str | Path) -> list[Unit]:
    if remote.is_url(str(root)):
        return _plan_remote(str(root))
    root = Path(remote.local_path(str(root)))
    if not root.exists():
        raise FileNotFoundError(f"input not found: {root}")
    if not root.is_dir():
        # A named pipe given as --input too: it is reported, never opened.
        return _units_for(root, root.parent.resolve(), root.name)
    base = root.resolve()
    units: list[Unit] = []

    def unreadable(e: OSError) -> None:
        # os.walk skips a folder it cannot list unless told: its files would vanish from the build.
        p = Path(e.filename) if e.filename else root
        uri = _rel(p, root) if p != root else root.name
        units.append(Unit(str(p), uri, problem=f"unreadable folder: {e.strerror or e}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable, followlinks=False):
        dirnames.sort()
        for d in list(dirnames):
            p = Path(dirpath) / d
            # islink, not Path.is_symlink, which raises in a folder that can be listed but not entered
            # (mode r--): os.walk then reports that folder through onerror.
            if os.path.islink(p):
                # os.walk does not descend into linked folders; say so instead of skipping silently.
                dirnames.remove(d)
                units.append(Unit(str(p), _rel(p, root), problem="symbolic link to a folder: not followed"))
        for name in sorted(filenames):
            p = Path(dirpath) / name
            units += _units_for(p, base, _rel(p, root))
    return units


def _plan_remote(url: str) -> list[Unit]:
    """Every file under a URL; no symbolic links there, so nothing can point outside it."""
    fs, root = remote.filesystem(url)
    root = root.rstrip("/")
    if not fs.exists(root):
        raise FileNotFoundError(f"input not found: {url}")
    if fs.isfile(root):
        listing, base = {root: fs.info(root)}, root.rsplit("/", 1)[0]
    else:
        listing, base = fs.find(root, detail=True), root
    units: list[Unit] = []
    for path in sorted(listing):
        info = listing[path]
        if info.get("type") == "directory":
            continue
        full = fs.unstrip_protocol(path)
        fp = remote.fingerprint(fs, path, info)
        uri = path[len(base) :].lstrip("/")
        if files.is_archive(path):
            units += archive_units(full, uri, fp)
            continue
        u = readers.classify(full, uri, int(info.get("size") or 0))
        units.append(Unit(u.path, u.source_uri, problem=u.problem, remote_fingerprint=fp))
    return units


def fingerprint(u: Unit) -> dict | None:
    """What says an input file changed since it was built: size and mtime, or a remote ETag."""
    if u.problem:
        return None
    if u.remote_fingerprint is not None:
        return u.remote_fingerprint
    try:
        st = os.stat(u.archive or u.path)
    except OSError:
        return None
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _rel(p: Path, root: Path) -> str:
    return p.relative_to(root).as_posix()


def _units_for(p: Path, base: Path, uri: str) -> list[Unit]:
    # Decided from stat, never by opening: opening a named pipe waits for a writer for ever, and a
    # device such as /dev/zero never ends.
    try:
        st = os.lstat(p)
        if stat.S_ISLNK(st.st_mode):
            try:
                target = p.resolve()
            except RuntimeError:  # Python 3.11 raises this for a loop of links
                return [Unit(str(p), uri, problem="symbolic link loop: not followed")]
            if not target.is_relative_to(base):
                return [
                    Unit(
                        str(p), uri, problem=f"symbolic link pointing outside the input folder ({target}): not followed"
                    )
                ]
            if not target.exists():
                return [Unit(str(p), uri, problem="broken symbolic link")]
            st = os.stat(p)
    except OSError as e:
        return [Unit(str(p), uri, problem=f"unreadable: {e.strerror or e}")]
    if not stat.S_ISREG(st.st_mode):
        return [Unit(str(p), uri, problem=files.not_regular(st.st_mode))]
    if files.is_archive(p.name):
        return archive_units(str(p), uri)
    return [readers.classify(str(p), uri)]


def counted(u: Unit) -> list[Unit]:
    """A table file's unit with its rows counted (rows [0, n)), or a problem; other units as they are."""
    suffix, _ = readers.kind(u.path)
    if u.problem or not readers.is_table(u.path) or u.stop is not None:
        return [u]
    try:
        n = _count_rows(u, suffix)
    except TooLarge as e:
        return [dataclasses.replace(u, problem=f"table too large: {e}")]
    except Exception as e:  # noqa: BLE001 - any unreadable table becomes a reject
        return [dataclasses.replace(u, problem=f"unreadable {suffix[1:]} file: {e}")]
    if n == 0:
        return [dataclasses.replace(u, problem="empty file")]
    return [dataclasses.replace(u, start=0, stop=n, size=n)]


def _count_rows(u: Unit, suffix: str) -> int:
    """Rows of a table file, read through its reader's count (over object storage, a download)."""
    reader = readers.READERS[suffix]
    assert isinstance(reader, readers.Table)
    with files.content(u, readers.kind(u.path)[1]) as fh:
        return reader.count(fh, u)
