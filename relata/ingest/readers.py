"""The reader registry: which reader reads a file, told by its extension, and reading a unit with it.

READERS is the one table of the formats ingest reads. Planning (which files are inputs, and the
message that lists the supported types), counting a table's rows and reading a unit all look a
file's kind up here. A format is either:

- a Document: one article a file. Its `parse` takes the file's text, already decoded, and returns
  the article's fields (``text``, and ``title``, ``author``, ``published``, ``url``, ``outlet``
  when it finds them), or None when the file holds no article.
- a Table: one article a row, counted when planning and cut into row ranges. Its `count` and
  `read` take the file's bytes as a binary stream, already unpacked, and the unit; `read` yields
  the rows [start, stop) of the unit (tables.py).

Either may be compressed (``a.jsonl.gz``) unless its entry says not. Adding a format is one reader
function, one entry here and one test (CONTRIBUTING.md, "Adding an input format").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import BinaryIO

from relata.ingest import files, tables
from relata.ingest.articles import Article, Limits, Reject, to_article
from relata.ingest.decoding import decode
from relata.ingest.html import parse_html
from relata.ingest.text import parse_markdown, parse_scraped_text
from relata.ingest.units import Unit


@dataclass(frozen=True)
class Document:
    """A format of one article a file."""

    parse: Callable[[str], dict | None]
    none_found: str = "no article text found"  # the reason of the Reject when `parse` finds no article
    compressible: bool = True


@dataclass(frozen=True)
class Table:
    """A format of one article a row."""

    count: Callable[[BinaryIO, Unit], int]
    read: Callable[[BinaryIO, Unit], Iterator[tables.Row]]
    # Parquet is compressed inside and is read by seeking: compressed again, it would be unpacked whole.
    compressible: bool = True


Reader = Document | Table

_JSONL = Table(tables.count_jsonl, tables.read_jsonl)
_MARKDOWN = Document(parse_markdown)
_HTML = Document(parse_html, none_found="no article text found in the HTML page")

READERS: dict[str, Reader] = {
    ".txt": Document(parse_scraped_text),
    ".md": _MARKDOWN,
    ".markdown": _MARKDOWN,
    ".html": _HTML,
    ".htm": _HTML,
    ".jsonl": _JSONL,
    ".ndjson": _JSONL,
    ".csv": Table(tables.count_csv, tables.read_csv),
    ".parquet": Table(tables.count_parquet, tables.read_parquet, compressible=False),
}


def kind(name: str) -> tuple[str, str | None]:
    """A file name's format suffix and fsspec compression: (".jsonl", "gzip") for ``a.jsonl.gz``."""
    p = PurePosixPath(name)
    suffix = p.suffix.lower()
    if suffix in READERS or suffix == files.ARCHIVE_SUFFIX:
        # Most inputs: decided without importing fsspec, which costs a model process 150 ms and 5 MB.
        return suffix, None
    from fsspec.compression import compr
    from fsspec.utils import infer_compression

    compression = infer_compression(p.name)
    if compression is None or compression not in compr or compression == "zip":
        return suffix, None
    return PurePosixPath(p.stem).suffix.lower(), compression


def reader_for(name: str) -> Reader | None:
    """The reader of a file by its name, or None if ingest does not read it."""
    suffix, compression = kind(name)
    reader = READERS.get(suffix)
    if reader is None or (compression and not reader.compressible):
        return None
    return reader


def is_table(name: str) -> bool:
    """Whether a file is a table of articles by its name, compressed or not."""
    return isinstance(READERS.get(kind(name)[0]), Table)


def classify(path: str, uri: str, size: int | None = None) -> Unit:
    """The unit of a file by its name and size (when known), with the problem that keeps it from being read."""
    if reader_for(path) is None:
        compressed = kind(path)[1] is not None
        ext = "".join(PurePosixPath(path).suffixes[-2 if compressed else -1 :]).lower()
        return Unit(path, uri, problem=f"unsupported file type {ext or '(no extension)'}; {_supported()}")
    if is_table(path) and size == 0:
        return Unit(path, uri, problem="empty file")
    return Unit(path, uri)


def _supported() -> str:
    from fsspec.compression import compr
    from fsspec.utils import compressions

    packed = sorted(f".{e}" for e, c in compressions.items() if c in compr and c != "zip")
    whole = sorted(s for s, r in READERS.items() if not r.compressible)
    return (
        f"expected one of {', '.join(sorted(READERS))} or a {files.ARCHIVE_SUFFIX} of them; "
        f"all {'but ' + ', '.join(whole) + ' ' if whole else ''}may be compressed ({', '.join(packed)})"
    )


def read_unit(u: Unit, limits: Limits) -> Iterator[Article | Reject]:
    """The articles of a unit, and a Reject for each one that is not (or for the unit itself)."""
    if u.problem:
        yield Reject(u.source_uri, u.problem)
        return
    try:
        suffix, compression = kind(u.path)
        reader = reader_for(u.path)
        if reader is None:
            raise ValueError(f"unsupported file type {suffix}")
        if isinstance(reader, Table):
            with files.content(u, compression) as fh:
                for uri, rec in reader.read(fh, u):
                    yield rec if isinstance(rec, Reject) else to_article(uri, rec, limits)
            return
        yield _read_document(u, compression, reader, limits)
    except Exception as e:  # noqa: BLE001 - one bad file must not stop the build
        yield Reject(u.source_uri, "unreadable file", f"{type(e).__name__}: {e}")


def _read_document(u: Unit, compression: str | None, reader: Document, limits: Limits) -> Article | Reject:
    size = files.size(u, compression)
    if size == 0:
        return Reject(u.source_uri, "empty file")
    # Text is at least a quarter of its bytes: reject what is surely too long without reading it.
    most = limits.max_chars * 4
    if size is not None and size > most:
        return Reject(
            u.source_uri, "article too large", f"{size} bytes; the limit is {limits.max_chars} characters of text"
        )
    raw = files.read_bytes(u, compression, most + 1)
    if len(raw) > most:
        return Reject(
            u.source_uri,
            "article too large",
            f"more than {most} bytes uncompressed; the limit is {limits.max_chars} characters of text",
        )
    text, problem = decode(raw)
    if problem:
        return Reject(u.source_uri, problem)
    page = reader.parse(text)
    if page is None:
        return Reject(u.source_uri, reader.none_found)
    return to_article(u.source_uri, page, limits)
