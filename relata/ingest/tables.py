"""Tables of articles, one a row, with the columns ``id, title, text, url, published, outlet``:
JSON Lines (``.jsonl``, ``.ndjson``), CSV and Parquet.

Each format has two functions the registry names: one counts a table's rows when planning, one
reads the rows [start, stop) of a unit. Both take the file's bytes as a binary stream, already
unpacked, and the rows they count and read must be the same ones: a row the count sees and the
reader does not (or the other way) would be lost or read twice. A row is the pair of its
source_uri and its fields, or a Reject.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from typing import Any, BinaryIO

# ingest is the package: its MAX_LINE_BYTES is read at each use, not copied here, so that setting it
# there sets it for every reader.
from relata import ingest
from relata.ingest.articles import Reject
from relata.ingest.decoding import after_bom, decode
from relata.ingest.units import Unit

TABLE_COLUMNS = ("id", "title", "text", "url", "published", "outlet")

Row = tuple[str, dict | Reject]

csv.field_size_limit(sys.maxsize)


def _row(uri_base: str, n: int, rec: dict) -> Row:
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


# --- JSON Lines --------------------------------------------------------------


def count_jsonl(fh: BinaryIO, u: Unit) -> int:
    return sum(1 for _ in _jsonl_lines(fh))


def read_jsonl(fh: BinaryIO, u: Unit) -> Iterator[Row]:
    for n, raw in enumerate(_jsonl_lines(fh)):
        if n < u.start:
            continue
        if u.stop is not None and n >= u.stop:
            break
        if raw is None:
            uri = f"{u.source_uri}#{n + 1}"
            yield uri, Reject(uri, "row too large", f"line {n + 1} is longer than {ingest.MAX_LINE_BYTES} bytes")
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


def _jsonl_lines(fh: BinaryIO) -> Iterator[bytes | str | None]:
    """The non-blank lines of a JSON Lines file, past its byte-order mark; None for a line too long.

    Rows are counted when planning and read again by number, so both go through here. JSON
    Lines are UTF-8, but tools on Windows write a BOM, or UTF-16 with one.
    """
    limit = ingest.MAX_LINE_BYTES
    body, enc = after_bom(fh)
    # UTF-8 stays bytes, so that a line that is not UTF-8 is one malformed row, not the end of the file.
    lines = body if enc in (None, "utf-8") else io.TextIOWrapper(body, encoding=enc, errors="replace")
    newline: Any = b"\n" if lines is body else "\n"
    while line := lines.readline(limit + 1):
        if len(line) > limit and not line.endswith(newline):
            # Too long to hold (a compressed file can unpack to one endless line): skipped, not kept.
            while line and not line.endswith(newline):
                line = lines.readline(limit + 1)
            yield None
        elif line.strip():
            yield line


# --- CSV -----------------------------------------------------------------------


def count_csv(fh: BinaryIO, u: Unit) -> int:
    body, enc = after_bom(fh)
    # Without a byte-order mark any ASCII-compatible encoding splits rows as UTF-8 does.
    with io.TextIOWrapper(body, encoding=enc or "utf-8", errors="replace", newline="") as text:
        return max(sum(1 for _ in csv.reader(text)) - 1, 0)


def read_csv(fh: BinaryIO, u: Unit) -> Iterator[Row]:
    text, problem = decode(fh.read())  # a CSV file is held whole: its encoding is guessed from all of it
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


# --- Parquet -----------------------------------------------------------------


def count_parquet(fh: BinaryIO, u: Unit) -> int:
    return _parquet_file(fh, u).metadata.num_rows


def read_parquet(fh: BinaryIO, u: Unit) -> Iterator[Row]:
    pf = _parquet_file(fh, u)
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


def _parquet_file(fh: BinaryIO, u: Unit):
    # Imported here: a model process that reads no Parquet must not load pyarrow (relata.batch).
    import pyarrow as pa
    import pyarrow.parquet as pq

    if u.member is not None:
        # Parquet is read by seeking, and seeking back in a deflated member unpacks it again from
        # its start: read it once (its size was checked against MAX_TABLE_BYTES when planning).
        return pq.ParquetFile(pa.BufferReader(fh.read()))
    return pq.ParquetFile(fh)
