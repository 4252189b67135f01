"""Object storage (``s3://``, ``gs://``, ``az://``, ... any fsspec URL) for input and output.

Input: ``relata build --input s3://bucket/news/`` lists and reads the articles
through fsspec; a file's fingerprint for incremental builds is its size and
ETag (or modification time), as a local file's is its size and mtime.

Output: the tables are built in a local folder (``--out``), where parts are
committed by rename and a lock guards the writer; object stores have neither
an atomic rename nor a lock. ``--mirror s3://bucket/relata`` then copies the
committed tables up after each build: new parts first, the manifest last,
and only then are parts the manifest no longer lists deleted. A reader of
the mirror sees the previous build or the new one, plus at most parts of the
new one not yet listed in its manifest. An empty output folder with a
mirror is first filled from it, so a scheduled build on a fresh machine stays
incremental.

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


def is_url(s: str | Path) -> bool:
    """True for fsspec URLs other than file://, which is read as a local path."""
    return isinstance(s, str) and bool(_URL.match(s)) and not s.startswith("file://")


def local_path(s: str) -> str:
    return s[len("file://"):] if s.startswith("file://") else s


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
    tag = info.get("ETag") or info.get("etag") or info.get("md5") or info.get("LastModified") or info.get("mtime")
    return {"size": int(info.get("size") or 0), "etag": str(tag) if tag is not None else None}


# --- output mirror -----------------------------------------------------------------

def push(out: Path, url: str) -> dict:
    """Copy the committed tables of ``out`` to ``url``: parts, then the manifest, then deletions."""
    from relata import store

    out = Path(out)
    fs, root = filesystem(url)
    root = root.rstrip("/")
    m = store.Manifest.load(out)
    remote = {p[len(root) + 1:] for p in fs.find(root)} if fs.exists(root) else set()
    uploaded = 0
    for table, names in m.parts.items():
        for name in names:
            key = f"{table}/{name}"
            # Part names are unique per run and batch and never rewritten, except the empty placeholder.
            if key not in remote or name == "part-empty.parquet":
                fs.put_file(str(out / table / name), f"{root}/{key}")
                uploaded += 1
    fs.pipe_file(f"{root}/{store.META_DIR}/{store.MANIFEST}",
                 (out / store.META_DIR / store.MANIFEST).read_bytes())
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
    parts = json.loads(fs.cat_file(manifest)).get("parts", {})
    n = 0
    for table, names in parts.items():
        (out / table).mkdir(parents=True, exist_ok=True)
        for name in names:
            fs.get_file(f"{root}/{table}/{name}", str(out / table / name))
            n += 1
    # The manifest last, as in a local commit: an interrupted pull leaves unlisted parts, which
    # the next build's reconcile removes.
    (out / store.META_DIR).mkdir(parents=True, exist_ok=True)
    tmp = out / store.META_DIR / f".{store.MANIFEST}.pull.tmp"
    fs.get_file(manifest, str(tmp))
    os.replace(tmp, out / store.META_DIR / store.MANIFEST)
    return n
