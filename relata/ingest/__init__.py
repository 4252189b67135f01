"""Reading articles from files: every input becomes an Article or a Reject.

Inputs are detected by extension: ``.txt`` and ``.md`` (raw scraped text, the
normal case), ``.html``/``.htm`` (through trafilatura), and ``.jsonl``,
``.csv`` and ``.parquet`` tables of articles with the columns
``id, title, text, url, published, outlet``. All but Parquet may be
compressed (``a.jsonl.gz``; any compression fsspec infers from the name but
zip) and are unpacked as they are read. The members of a ``.zip`` archive are
read as the files of a folder would be. Reading is split in two so that
batches can be planned without reading every article first:
``plan_units`` lists the readable units (a file, or a range of rows of a
table) and ``read_unit`` reads one.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import json
import os
import re
import stat
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from relata import remote
from relata.extractors.document import article_id_for
from relata.ingest import files
from relata.ingest.articles import (
    ENGLISH_MIN_SHARE,
    PROSE_MIN_LETTER_SHARE,
    Article,
    Limits,
    Reject,
    detect_language,
    letter_share,
    parse_date,
    to_article,
)
from relata.ingest.decoding import after_bom, clean_text, decode
from relata.ingest.files import TooLarge
from relata.ingest.html import parse_html
from relata.ingest.text import is_boilerplate, parse_scraped_text
from relata.ingest.units import Unit, split_unit

__all__ = [
    "ENGLISH_MIN_SHARE",
    "PROSE_MIN_LETTER_SHARE",
    "Article",
    "Limits",
    "Reject",
    "TooLarge",
    "Unit",
    "article_id_for",
    "clean_text",
    "counted",
    "decode",
    "detect_language",
    "fingerprint",
    "is_boilerplate",
    "letter_share",
    "parse_date",
    "parse_html",
    "parse_scraped_text",
    "plan_units",
    "read_unit",
    "split_unit",
]

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
TABLE_SUFFIXES = {".jsonl", ".ndjson", ".csv", ".parquet"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES
TABLE_COLUMNS = ("id", "title", "text", "url", "published", "outlet")
# Parquet is compressed inside and is read by seeking: compressed again, it would be unpacked whole.
COMPRESSIBLE = SUPPORTED - {".parquet"}
# The size on disk of a compressed file says nothing of what it unpacks to (a few kilobytes of
# gzip can hold gigabytes): past these it is rejected instead of filling memory. A row is held
# whole while it is read, and so is a CSV file.
MAX_TABLE_BYTES = 2 * 2**30
MAX_LINE_BYTES = 64 * 2**20

csv.field_size_limit(sys.maxsize)


# --- planning --------------------------------------------------------------


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
        if _is_archive(path):
            units += _archive_units(full, uri, fp)
            continue
        u = _classify(full, uri, int(info.get("size") or 0))
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
    if _is_archive(p.name):
        return _archive_units(str(p), uri)
    return [_classify(str(p), uri)]


def _kind(name: str) -> tuple[str, str | None]:
    """A file name's format suffix and fsspec compression: (".jsonl", "gzip") for ``a.jsonl.gz``."""
    p = PurePosixPath(name)
    suffix = p.suffix.lower()
    if suffix in SUPPORTED or suffix == ".zip":
        # Most inputs: decided without importing fsspec, which costs a model process 150 ms and 5 MB.
        return suffix, None
    from fsspec.compression import compr
    from fsspec.utils import infer_compression

    compression = infer_compression(p.name)
    if compression is None or compression not in compr or compression == "zip":
        return suffix, None
    return PurePosixPath(p.stem).suffix.lower(), compression


def _classify(path: str, uri: str, size: int | None = None) -> Unit:
    suffix, compression = _kind(path)
    if suffix not in SUPPORTED or (compression and suffix not in COMPRESSIBLE):
        ext = "".join(PurePosixPath(path).suffixes[-2 if compression else -1 :]).lower()
        from fsspec.compression import compr
        from fsspec.utils import compressions

        packed = sorted(f".{e}" for e, c in compressions.items() if c in compr and c != "zip")
        return Unit(
            path,
            uri,
            problem=f"unsupported file type {ext or '(no extension)'}; "
            f"expected one of {', '.join(sorted(SUPPORTED))} or a .zip of them; "
            f"all but .parquet may be compressed ({', '.join(packed)})",
        )
    if suffix in TABLE_SUFFIXES and size == 0:
        return Unit(path, uri, problem="empty file")
    return Unit(path, uri)


def _is_archive(name: str) -> bool:
    return PurePosixPath(name).suffix.lower() == ".zip"


def _archive_units(path: str, uri: str, fp: dict | None = None) -> list[Unit]:
    """The members of a zip archive, each a unit as a file in a folder would be, in name order.

    Only the archive's directory is read here; a member that cannot be read safely is a reject.
    """
    try:
        with files.open_file(path) as fh, zipfile.ZipFile(fh) as zf:
            infos = zf.infolist()
    except Exception as e:  # noqa: BLE001 - any unreadable archive becomes a reject
        return [Unit(path, uri, problem=f"unreadable zip archive: {e}")]
    copies = Counter(i.filename for i in infos)
    units = []
    for info in sorted({i.filename: i for i in infos if not i.is_dir()}.values(), key=lambda i: i.filename):
        name = info.filename
        problem = _member_problem(info, copies[name])
        u = (
            Unit(f"{path}/{name}", f"{uri}/{name}", problem=problem)
            if problem
            else _classify(f"{path}/{name}", f"{uri}/{name}", info.file_size)
        )
        units.append(dataclasses.replace(u, member=name, remote_fingerprint=fp))
    return units or [Unit(path, uri, problem="empty zip archive")]


_UNSAFE_NAME = re.compile(r"^(?:[/\\]|[A-Za-z]:)|(?:^|[/\\])\.\.(?:[/\\]|$)")


def _member_problem(info: zipfile.ZipInfo, copies: int) -> str | None:
    name = info.filename
    # Nothing is unpacked to disk, but such a name is the mark of an archive made to write
    # outside the folder it is unpacked in ("zip slip"), and its source_uri would lie about where it is.
    if _UNSAFE_NAME.search(name):
        return "unsafe member name (an absolute path, or with ..): not read"
    if copies > 1:
        return f"{copies} members of the archive have this name: none read"
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "symbolic link in the archive: not followed"
    if stat.S_IFMT(mode) and not stat.S_ISREG(mode):
        return files.not_regular(mode)
    if info.flag_bits & 0x1:
        return "encrypted archive member: not read"
    # zipfile bounds what a deflated member unpacks to at each read; bzip2 and LZMA members are
    # unpacked a whole compressed chunk at a time, so their declared size would not bound memory.
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        method = {zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "lzma"}.get(info.compress_type, str(info.compress_type))
        return f"archive member compressed with {method}: only stored and deflated members are read"
    if _is_archive(name):
        return "archive inside an archive: not read"
    # The declared size bounds what zipfile unpacks (it stops there and checks the CRC), so it is
    # what the limits are checked against: a table's here, an article's when it is read.
    if _kind(name)[0] in TABLE_SUFFIXES and info.file_size > MAX_TABLE_BYTES:
        return f"table too large: {info.file_size} bytes uncompressed, more than {MAX_TABLE_BYTES}"
    return None


def counted(u: Unit) -> list[Unit]:
    """A table file's unit with its rows counted (rows [0, n)), or a problem; other units as they are."""
    suffix, _ = _kind(u.path)
    if u.problem or suffix not in TABLE_SUFFIXES or u.stop is not None:
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
    if suffix in (".jsonl", ".ndjson"):
        with files.content(u, _kind(u.path)[1]) as fh:
            return sum(1 for _ in _jsonl_lines(fh))
    if suffix == ".csv":
        with files.content(u, _kind(u.path)[1]) as fh:
            body, enc = after_bom(fh)
            # Without a byte-order mark any ASCII-compatible encoding splits rows as UTF-8 does.
            with io.TextIOWrapper(body, encoding=enc or "utf-8", errors="replace", newline="") as text:
                return max(sum(1 for _ in csv.reader(text)) - 1, 0)
    with _parquet_file(u) as pf:
        return pf.metadata.num_rows


@contextlib.contextmanager
def _parquet_file(u: Unit):
    import pyarrow as pa
    import pyarrow.parquet as pq

    if u.member is not None:
        # Parquet is read by seeking, and seeking back in a deflated member unpacks it again from
        # its start: read it once (its size was checked against MAX_TABLE_BYTES when planning).
        with files.content(u, _kind(u.path)[1]) as fh:
            data = fh.read()
        yield pq.ParquetFile(pa.BufferReader(data))
        return
    with files.content(u, _kind(u.path)[1]) as fh:
        yield pq.ParquetFile(fh)


def _jsonl_lines(fh) -> Iterator[bytes | str | None]:
    """The non-blank lines of a JSON Lines file, past its byte-order mark; None for a line too long.

    Rows are counted when planning and read again by number, so both go through here: a row the
    count sees and the reader does not (or the other way) would be lost or read twice. JSON
    Lines are UTF-8, but tools on Windows write a BOM, or UTF-16 with one.
    """
    body, enc = after_bom(fh)
    # UTF-8 stays bytes, so that a line that is not UTF-8 is one malformed row, not the end of the file.
    lines = body if enc in (None, "utf-8") else io.TextIOWrapper(body, encoding=enc, errors="replace")
    newline: Any = b"\n" if lines is body else "\n"
    while line := lines.readline(MAX_LINE_BYTES + 1):
        if len(line) > MAX_LINE_BYTES and not line.endswith(newline):
            # Too long to hold (a compressed file can unpack to one endless line): skipped, not kept.
            while line and not line.endswith(newline):
                line = lines.readline(MAX_LINE_BYTES + 1)
            yield None
        elif line.strip():
            yield line


# --- reading ---------------------------------------------------------------


def read_unit(u: Unit, limits: Limits) -> Iterator[Article | Reject]:
    if u.problem:
        yield Reject(u.source_uri, u.problem)
        return
    suffix, compression = _kind(u.path)
    try:
        if suffix in TABLE_SUFFIXES:
            for uri, rec in _read_table(suffix, u):
                if isinstance(rec, Reject):
                    yield rec
                else:
                    yield to_article(uri, rec, limits)
            return
        size = files.size(u, compression)
        if size == 0:
            yield Reject(u.source_uri, "empty file")
            return
        # Text is at least a quarter of its bytes: reject what is surely too long without reading it.
        most = limits.max_chars * 4
        if size is not None and size > most:
            yield Reject(
                u.source_uri, "article too large", f"{size} bytes; the limit is {limits.max_chars} characters of text"
            )
            return
        raw = files.read_bytes(u, compression, most + 1)
        if len(raw) > most:
            yield Reject(
                u.source_uri,
                "article too large",
                f"more than {most} bytes uncompressed; the limit is {limits.max_chars} characters of text",
            )
            return
        text, problem = decode(raw)
        if problem:
            yield Reject(u.source_uri, problem)
            return
        page = parse_html(text) if suffix in HTML_SUFFIXES else parse_scraped_text(text, markdown=suffix != ".txt")
        if page is None:
            yield Reject(u.source_uri, "no article text found in the HTML page")
            return
        yield to_article(u.source_uri, page, limits)
    except Exception as e:  # noqa: BLE001 - one bad file must not stop the build
        yield Reject(u.source_uri, "unreadable file", f"{type(e).__name__}: {e}")


# --- tables of articles ----------------------------------------------------


def _read_table(suffix: str, u: Unit) -> Iterator[tuple[str, dict | Reject]]:
    if suffix in (".jsonl", ".ndjson"):
        yield from _read_jsonl(u)
    elif suffix == ".csv":
        yield from _read_csv(u)
    else:
        yield from _read_parquet(u)


def _row(uri_base: str, n: int, rec: dict) -> tuple[str, dict | Reject]:
    missing = [c for c in ("text",) if c not in rec]
    rid = rec.get("id")
    uri = str(rid) if rid not in (None, "") else f"{uri_base}#{n + 1}"
    if missing:
        return uri, Reject(
            uri,
            f"row without the column(s) {', '.join(missing)}",
            f"columns present: {', '.join(sorted(rec)) or 'none'}",
        )
    if not isinstance(rec.get("text"), str):
        return uri, Reject(uri, "row whose text is not a string", f"type {type(rec.get('text')).__name__}")
    return uri, rec


def _read_jsonl(u: Unit) -> Iterator[tuple[str, dict | Reject]]:
    with files.content(u, _kind(u.path)[1]) as fh:
        for n, raw in enumerate(_jsonl_lines(fh)):
            if n < u.start:
                continue
            if u.stop is not None and n >= u.stop:
                break
            if raw is None:
                uri = f"{u.source_uri}#{n + 1}"
                yield uri, Reject(uri, "row too large", f"line {n + 1} is longer than {MAX_LINE_BYTES} bytes")
                continue
            try:
                rec = json.loads(raw if isinstance(raw, str) else raw.decode("utf-8"))
                if not isinstance(rec, dict):
                    raise ValueError(f"a JSON {type(rec).__name__}, not an object")
            except (ValueError, UnicodeDecodeError) as e:
                uri = f"{u.source_uri}#{n + 1}"
                yield uri, Reject(uri, "malformed JSON line", f"line {n + 1}: {e}")
                continue
            yield _row(u.source_uri, n, rec)


def _read_csv(u: Unit) -> Iterator[tuple[str, dict | Reject]]:
    raw = files.read_bytes(u, _kind(u.path)[1])
    text, problem = decode(raw)
    if problem:
        yield u.source_uri, Reject(u.source_uri, problem)
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if "text" not in (reader.fieldnames or []):
        if u.start == 0:
            yield (
                u.source_uri,
                Reject(
                    u.source_uri, "CSV file without a text column", f"columns: {', '.join(reader.fieldnames or [])}"
                ),
            )
        return
    for n, rec in enumerate(reader):
        if n < u.start:
            continue
        if u.stop is not None and n >= u.stop:
            break
        if None in rec:  # more fields than header columns
            uri = f"{u.source_uri}#{n + 1}"
            yield uri, Reject(uri, "malformed CSV row", f"row {n + 1} has more fields than the header")
            continue
        yield _row(u.source_uri, n, rec)


def _read_parquet(u: Unit) -> Iterator[tuple[str, dict | Reject]]:
    with _parquet_file(u) as pf:
        yield from _parquet_rows(pf, u)


def _parquet_rows(pf, u: Unit) -> Iterator[tuple[str, dict | Reject]]:
    names = pf.schema_arrow.names
    if "text" not in names:
        if u.start == 0:
            yield (
                u.source_uri,
                Reject(u.source_uri, "Parquet file without a text column", f"columns: {', '.join(names)}"),
            )
        return
    cols = [c for c in TABLE_COLUMNS if c in names]
    n = 0
    for batch in pf.iter_batches(batch_size=1024, columns=cols):
        for rec in batch.to_pylist():
            if n >= u.start and (u.stop is None or n < u.stop):
                yield _row(u.source_uri, n, rec)
            n += 1
        if u.stop is not None and n >= u.stop:
            break
