"""The reader registry: a format added to relata.ingest.readers.READERS, and nowhere else, is
planned, counted, cut into row ranges, read, unpacked when compressed, read from a zip archive and
named in the message that lists the supported types."""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from collections.abc import Iterator
from typing import BinaryIO

import pytest

from relata import ingest
from relata.ingest import readers
from relata.ingest.tables import Row
from relata.ingest.text import parse_scraped_text

BODY = (
    "The foreign ministers of Japan and Vietnam met in Hanoi on Monday and agreed to expand "
    "cooperation in energy and infrastructure, officials said."
)


def read_root(root) -> list:
    return [x for u in ingest.plan_units(root) for x in ingest.read_unit(u, ingest.Limits())]


def test_a_document_format_is_one_registry_entry(tmp_path, monkeypatch):
    (tmp_path / "a.rst").write_text(f"Japan and Vietnam agree\n\n{BODY}\n")
    (tmp_path / "b.rst.gz").write_bytes(gzip.compress(f"Talks in Hanoi\n\n{BODY}\n".encode()))
    (tmp_path / "c.odt").write_text(BODY)
    with zipfile.ZipFile(tmp_path / "d.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("e.rst", f"Talks in Tokyo\n\n{BODY}\n")
    before = {x.source_uri: getattr(x, "reason", "article") for x in read_root(tmp_path)}
    assert before["a.rst"].startswith("unsupported file type .rst; expected one of .csv, .htm, ")

    monkeypatch.setitem(readers.READERS, ".rst", readers.Document(parse_scraped_text))
    out = read_root(tmp_path)
    got = {x.source_uri: getattr(x, "reason", "article") for x in out}
    assert got["a.rst"] == got["b.rst.gz"] == got["d.zip/e.rst"] == "article"
    assert ".parquet, .rst, .txt or a .zip of them" in got["c.odt"]


def _count_tsv(fh: BinaryIO, u: ingest.Unit) -> int:
    return max(sum(1 for line in fh if line.strip()) - 1, 0)


def _read_tsv(fh: BinaryIO, u: ingest.Unit) -> Iterator[Row]:
    rows = csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8"), delimiter="\t")
    for n, rec in enumerate(rows):
        if u.start <= n < (u.stop if u.stop is not None else n + 1):
            yield rec["id"], rec


def test_a_table_format_is_one_registry_entry(tmp_path, monkeypatch):
    monkeypatch.setitem(readers.READERS, ".tsv", readers.Table(_count_tsv, _read_tsv))
    lines = ["id\ttitle\ttext"] + [f"t{i}\tTitle {i}\t{BODY} Row {i}." for i in range(5)]
    (tmp_path / "wire.tsv").write_text("\n".join(lines) + "\n")
    (tmp_path / "empty.tsv").write_text("")
    units = ingest.plan_units(tmp_path)
    assert [(u.source_uri, u.start, u.stop, u.problem) for u in units] == [
        ("empty.tsv", 0, None, "empty file"),
        ("wire.tsv", 0, 5, None),
    ]
    pieces = [p for u in units for p in ingest.split_unit(u, 2)]
    assert [(p.start, p.stop) for p in pieces[1:]] == [(0, 2), (2, 4), (4, 5)]
    out = [x for p in pieces for x in ingest.read_unit(p, ingest.Limits())]
    assert [x.source_uri for x in out if isinstance(x, ingest.Article)] == [f"t{i}" for i in range(5)]


@pytest.mark.parametrize("name", ["a.parquet.gz", "a.doc", "README"])
def test_a_file_no_reader_reads_is_a_reject_that_lists_the_registry(tmp_path, name):
    (tmp_path / name).write_bytes(b"x")
    [r] = read_root(tmp_path)
    assert isinstance(r, ingest.Reject) and r.reason.startswith("unsupported file type ")
    assert f"; expected one of {', '.join(sorted(readers.READERS))} or a .zip of them; " in r.reason
    assert "all but .parquet may be compressed (" in r.reason
