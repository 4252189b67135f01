"""Object storage (``s3://``, ``gs://``, ``az://``, ... any fsspec URL) for input and output.

Input: ``relata build --input s3://bucket/news/`` lists and reads the articles
through fsspec; a file's fingerprint for incremental builds is its size and
ETag (or modification time), as a local file's is its size and mtime.

Output: the tables are built in a local folder (``--out``), where parts are
committed by rename and a lock guards the writer; object stores have neither
an atomic rename nor a lock. ``--mirror s3://bucket/relata`` then copies the
committed tables up after each build: new parts first, the manifest last,
and only then are parts the manifest no longer lists deleted. The manifest
says which parts make a finished build: a reader that lists the bucket
instead can see, during a push, new parts beside old ones (after a table was
re-extracted, its rows twice) and dropped parts until their deletion;
``manifest_parts`` gives the listed ones. An empty output folder with a
mirror is first filled from it, so a scheduled build on a fresh machine stays
incremental.

One machine builds into a mirror at a time: a push from a folder that has
not seen the mirror's last build is refused (it would roll the mirror back),
as is a pull of a mirror whose manifest lists parts it does not hold. Two
pushes at the same moment are not detected (object stores have no lock
relata uses): schedule one builder per mirror.

The protocol's package must be installed (``pip install 'relata[s3]'`` for
``s3://``); credentials and endpoints come from the usual environment
variables (``AWS_ACCESS_KEY_ID``, ``AWS_ENDPOINT_URL``, ...).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
# Read as local paths, so that local guarantees (symbolic links checked, mtime fingerprints) hold.
_LOCAL_SCHEMES = ("file://", "local://")
# Errors of object-storage clients that say "try again" without subclassing ConnectionError or
# TimeoutError (botocore's ConnectionError is its own class; aiohttp's are OSErrors).
_TRANSIENT_NAMES = frozenset(
    {
        "ConnectionError",
        "EndpointConnectionError",
        "ConnectTimeoutError",
        "ReadTimeoutError",
        "ConnectionClosedError",
        "ClientConnectorError",
        "ServerDisconnectedError",
        "ServerTimeoutError",
        "SlowDown",
        "ServiceUnavailable",
        "RequestTimeout",
    }
)


class MirrorError(RuntimeError):
    """The mirror cannot be written or read without losing or rolling back a build."""


def is_url(s: str | Path) -> bool:
    """True for fsspec URLs other than file:// and local://, which are read as local paths."""
    return isinstance(s, str) and bool(_URL.match(s)) and not s.startswith(_LOCAL_SCHEMES)


def local_path(s: str) -> str:
    for scheme in _LOCAL_SCHEMES:
        if s.startswith(scheme):
            return s[len(scheme) :]
    return s


def is_transient(e: BaseException) -> bool:
    """A network error worth a retry, from any client library."""
    if isinstance(e, (ConnectionError, TimeoutError)):
        return True
    return any(c.__name__ in _TRANSIENT_NAMES for c in type(e).__mro__)


def filesystem(url: str):
    """The fsspec filesystem of a URL and the path within it; a clear error if its package is missing."""
    import fsspec

    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as e:
        raise RuntimeError(f"cannot open {url}: {e} (for s3:// install relata[s3])") from e


def exists(url: str) -> bool:
    fs, path = filesystem(url)
    return bool(fs.exists(path.rstrip("/") or path))


def fingerprint(fs, path: str, info: dict | None = None) -> dict | None:
    """What says a remote file changed: its size and ETag, or its modification time."""
    try:
        info = info or fs.info(path)
    except (FileNotFoundError, OSError):
        return None
    for key in ("ETag", "etag", "md5", "crc32c", "LastModified", "last_modified", "mtime", "updated", "created"):
        if info.get(key) is not None:
            return {"size": int(info.get("size") or 0), "etag": str(info[key])}
    # Size alone would miss an edit that keeps it: such a file is read again by every build
    # (its articles are then skipped by id, so nothing is built twice).
    return None


# --- output mirror -----------------------------------------------------------------


def manifest_parts(url: str, table: str) -> list[str]:
    """The URLs of a table's parts in the mirror's last finished build (for a consistent read:
    ``duckdb.read_parquet(manifest_parts(url, "relations"))`` with httpfs, or pyarrow)."""
    from relata import store

    fs, root = filesystem(url)
    root = root.rstrip("/")
    parts = json.loads(fs.cat_file(f"{root}/{store.META_DIR}/{store.MANIFEST}")).get("parts", {})
    return [fs.unstrip_protocol(f"{root}/{table}/{n}") for n in parts.get(table, [])]


def push(out: Path, url: str) -> dict:
    """Copy the committed tables of ``out`` to ``url``: parts, then the manifest, then deletions."""
    from relata import store

    out = Path(out)
    fs, root = filesystem(url)
    root = root.rstrip("/")
    m = store.Manifest.load(out)
    manifest = f"{root}/{store.META_DIR}/{store.MANIFEST}"
    if fs.exists(manifest):
        theirs = [b.get("run_id") for b in json.loads(fs.cat_file(manifest)).get("builds", [])]
        ours = {b.get("run_id") for b in m.builds}
        if theirs and theirs[-1] not in ours:
            raise MirrorError(
                f"{url} holds build {theirs[-1]}, which {out} has not seen: another machine built into the "
                f"mirror since this folder last pulled from it, and pushing would roll that build back. "
                f"Build into an empty --out (it starts from the mirror), or into the folder that made it."
            )
    remote = {p[len(root) + 1 :] for p in fs.find(root)} if fs.exists(root) else set()
    uploaded = 0
    for table, names in m.parts.items():
        for name in names:
            key = f"{table}/{name}"
            # Part names are unique per run and batch and never rewritten, except the empty placeholder.
            if key not in remote or name == "part-empty.parquet":
                fs.put_file(str(out / table / name), f"{root}/{key}")
                uploaded += 1
    fs.pipe_file(manifest, (out / store.META_DIR / store.MANIFEST).read_bytes())
    listed = {f"{t}/{n}" for t, names in m.parts.items() for n in names}
    stale = [k for k in remote if k.split("/", 1)[0] in m.parts and k not in listed]
    for key in stale:
        fs.rm_file(f"{root}/{key}")
    return {"url": url, "uploaded": uploaded, "deleted": len(stale), "parts": len(listed)}


def pull(url: str, out: Path) -> int:
    """Fill an empty output folder from a mirror (only the parts its manifest lists); parts copied."""
    from relata import store

    out = Path(out)
    fs, root = filesystem(url)
    root = root.rstrip("/")
    manifest = f"{root}/{store.META_DIR}/{store.MANIFEST}"
    if not fs.exists(manifest):
        return 0
    # Read once: the parts fetched are exactly the ones the manifest written below lists, even
    # if another push lands meanwhile.
    raw = fs.cat_file(manifest)
    parts = json.loads(raw).get("parts", {})
    n = 0
    for table, names in parts.items():
        (out / table).mkdir(parents=True, exist_ok=True)
        for name in names:
            try:
                fs.get_file(f"{root}/{table}/{name}", str(out / table / name))
            except FileNotFoundError:
                raise MirrorError(
                    f"{url}: its manifest lists {table}/{name}, which is not there; the mirror "
                    f"is incomplete (a push was interrupted?). Push it again from the folder "
                    f"that built it."
                ) from None
            n += 1
    # The manifest last, as in a local commit: an interrupted pull leaves unlisted parts, which
    # the next build's reconcile removes.
    (out / store.META_DIR).mkdir(parents=True, exist_ok=True)
    tmp = out / store.META_DIR / f".{store.MANIFEST}.pull.tmp"
    tmp.write_bytes(raw)
    os.replace(tmp, out / store.META_DIR / store.MANIFEST)
    return n
