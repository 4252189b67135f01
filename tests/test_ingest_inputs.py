"""Inputs that are not plain files of articles: pipes, sockets, devices, unreadable folders, byte-order
marks, text that is not prose, compressed files and zip archives. Each becomes articles or reject rows
with a reason; none is skipped silently, none blocks the build."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import stat

import pytest

from relata import ingest

BODY = (
    "The foreign ministers of Japan and Vietnam met in Hanoi on Monday and agreed to expand "
    "cooperation in energy and infrastructure, officials said."
)
ARTICLE = "Japan and Vietnam agree\n\n" + BODY + "\n"


def rows(n=3):
    return [
        {
            "id": f"r{i}",
            "title": f"Title {i}",
            "text": f"{BODY} Row {i}.",
            "url": f"http://x/{i}",
            "published": "2016-01-10",
            "outlet": "Wire",
        }
        for i in range(n)
    ]


def jsonl(rs) -> str:
    return "".join(json.dumps(r) + "\n" for r in rs)


def csv_text(rs) -> str:
    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=list(rs[0]), quoting=csv.QUOTE_ALL)
    w.writeheader()
    w.writerows(rs)
    return buf.getvalue()


def read_root(root, **kw) -> list:
    return [x for u in ingest.plan_units(root) for x in ingest.read_unit(u, ingest.Limits(**kw))]


def by_uri(out) -> dict:
    return {x.source_uri: (x.reason if isinstance(x, ingest.Reject) else "article") for x in out}


# --- 1. pipes, sockets and devices -------------------------------------------------------------


@pytest.mark.timeout(30)
def test_ingest_pipes_sockets_and_devices_are_rejected_at_planning_without_opening(tmp_path, monkeypatch):
    root = tmp_path / "in"
    root.mkdir()
    (root / "good.txt").write_text(ARTICLE)
    # Named like inputs, so that only the file type tells them apart: opening the pipe would block
    # for ever, counting the rows of the socket fails with an unrelated error.
    os.mkfifo(root / "pipe.jsonl")
    os.mkfifo(root / "pipe.txt")
    monkeypatch.chdir(root)  # a Unix socket's path is limited to about 100 bytes
    sock = socket.socket(socket.AF_UNIX)
    sock.bind("sock.jsonl")
    expected = {"pipe.jsonl": "named pipe", "pipe.txt": "named pipe", "sock.jsonl": "socket"}
    try:  # /dev/null's numbers, harmless if opened; only root may make a device node, and not in every container
        os.mknod(root / "null.csv", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
        expected["null.csv"] = "character device"
    except PermissionError:
        pass
    (root / "link.jsonl").symlink_to(root / "pipe.jsonl")
    expected["link.jsonl"] = "named pipe"
    try:
        planned = {u.source_uri: u.problem for u in ingest.plan_units(root, count_rows=False)}
        for name, kind in expected.items():
            assert planned[name] and planned[name].startswith("not a regular file"), (name, planned[name])
            assert kind in planned[name]
        assert planned["good.txt"] is None

        out = by_uri(read_root(root))
        assert out["good.txt"] == "article"
        assert {u for u, r in out.items() if r.startswith("not a regular file")} == set(expected)
        assert len(out) == len(expected) + 1  # one row each: nothing skipped
    finally:
        sock.close()


def test_ingest_symbolic_link_loop_is_a_reject_not_a_crash(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "good.txt").write_text(ARTICLE)
    (root / "loop.txt").symlink_to(root / "loop.txt")
    assert by_uri(read_root(root)) == {"good.txt": "article", "loop.txt": "symbolic link loop: not followed"}


@pytest.mark.timeout(30)
def test_ingest_input_that_is_itself_a_named_pipe_is_one_reject(tmp_path):
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    [u] = ingest.plan_units(fifo)
    assert u.problem.startswith("not a regular file (a named pipe)")
    [r] = ingest.read_unit(u, ingest.Limits())
    assert isinstance(r, ingest.Reject) and r.source_uri == "feed.jsonl"


@pytest.mark.timeout(30)
def test_ingest_a_file_swapped_for_a_pipe_after_planning_is_rejected_not_waited_for(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    p = root / "a.jsonl"
    p.write_text(jsonl(rows(1)))
    [u] = ingest.plan_units(root, count_rows=False)
    p.unlink()
    os.mkfifo(p)
    [r] = ingest.counted(u)
    assert r.problem and "not a regular file" in r.problem


# --- 2. unreadable folders ------------------------------------------------------------------------


def _tree_with_a_closed_folder(tmp_path):
    root = tmp_path / "in"
    (root / "closed").mkdir(parents=True)
    (root / "closed" / "a.txt").write_text(ARTICLE)
    (root / "open.txt").write_text(ARTICLE)
    return root


def _deny_listing(monkeypatch, is_closed) -> None:
    """os.scandir fails as it does on a folder without read permission, for the folders is_closed picks."""
    real = os.scandir

    def scandir(path="."):
        if not isinstance(path, int) and is_closed(os.fspath(path)):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_ingest_unreadable_folder_is_a_reject_not_skipped(tmp_path, monkeypatch):
    """What os.walk does with a folder it cannot list (root reads them all, so the error is made)."""
    root = _tree_with_a_closed_folder(tmp_path)
    _deny_listing(monkeypatch, lambda p: p.endswith("closed"))
    out = read_root(root)
    assert by_uri(out) == {"closed": "unreadable folder: Permission denied", "open.txt": "article"}


def test_ingest_unreadable_input_folder_itself_is_a_reject(tmp_path, monkeypatch):
    root = _tree_with_a_closed_folder(tmp_path)
    _deny_listing(monkeypatch, lambda p: p == str(root))
    assert by_uri(read_root(root)) == {"in": "unreadable folder: Permission denied"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a folder whatever its mode")
def test_ingest_folder_without_read_permission_is_a_reject(tmp_path):
    root = _tree_with_a_closed_folder(tmp_path)
    (root / "closed").chmod(0)
    try:
        assert by_uri(read_root(root)) == {"closed": "unreadable folder: Permission denied", "open.txt": "article"}
    finally:
        (root / "closed").chmod(0o755)


# --- 3. byte-order marks ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
@pytest.mark.parametrize(
    "bom, encoding",
    [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")],
    ids=["utf-8", "utf-16-le", "utf-16-be"],
)
def test_ingest_table_with_a_byte_order_mark_loses_no_row(tmp_path, fmt, bom, encoding):
    text = jsonl(rows(3)) if fmt == "jsonl" else csv_text(rows(3))
    (tmp_path / f"a.{fmt}").write_bytes(bom + text.encode(encoding))
    [u] = ingest.plan_units(tmp_path)
    assert (u.start, u.stop) == (0, 3)  # counted as read: row n is the same row in both
    # Read in row ranges of one, as a build with small batches reads it.
    out = [x for part in ingest.split_unit(u, 1) for x in ingest.read_unit(part, ingest.Limits())]
    assert [type(x).__name__ for x in out] == ["Article"] * 3, out
    assert [a.source_uri for a in out] == ["r0", "r1", "r2"]


# --- 4. text that is not prose --------------------------------------------------------------------

EMOJI = "\U0001f600\U0001f30d\U0001f525\U0001f389\U0001f680"


@pytest.mark.timeout(30)
def test_ingest_text_that_is_not_prose_is_rejected_at_once(tmp_path):
    # About a million characters (under the limit) in 3.9 MB, in groups between spaces: without
    # them it would be one word, already rejected as too short. In a table row, lines of emoji stay
    # paragraphs (a text file's short lines are dropped as captions): the parser's slowest case.
    groups = " ".join([EMOJI * 4] * 47_000)
    (tmp_path / "emoji.txt").write_text(f"Breaking news\n\n{groups}.\n", encoding="utf-8")
    lines = "\n".join([EMOJI * 8] * 20_000)
    figures = " ".join(f"{i:>6} +{i % 97}.{i % 10}% -{i % 13}" for i in range(5_000))
    (tmp_path / "rows.jsonl").write_text(
        jsonl(
            [
                {"id": "emoji-row", "title": "Update", "text": lines},
                {"id": "figures-row", "title": "Markets", "text": figures},
            ]
        )
    )
    assert 3_800_000 < (tmp_path / "emoji.txt").stat().st_size < 4_000_000
    out = read_root(tmp_path)
    assert by_uri(out) == {"emoji.txt": "not prose", "emoji-row": "not prose", "figures-row": "not prose"}
    assert all(r.stage == "ingest" and "letters" in r.detail for r in out)


def test_ingest_prose_criterion_keeps_the_sample_and_other_scripts():
    from relata.settings import SAMPLE_DIR

    out = read_root(SAMPLE_DIR)
    assert out and [x for x in out if isinstance(x, ingest.Reject)] == []
    # Letters of any script count: foreign text is for the language check to reject, with that reason.
    assert ingest.letter_share("中国外交部长王毅周一在北京会见了越南外长。") > 0.9


@pytest.mark.corpora
@pytest.mark.timeout(120)
def test_ingest_prose_criterion_keeps_real_news(corpora, tmp_path):
    test_ids = {i for ids in json.loads((corpora / "splits.json").read_text())["test"].values() for i in ids}
    dev, kept = tmp_path / "dev.jsonl", 0
    with dev.open("w", encoding="utf-8") as out:
        for name in ("whenitson_2016.jsonl", "sea_china_media_2023_2024.jsonl", "agnews_test.jsonl"):
            with (corpora / name).open(encoding="utf-8") as fh:
                for n, line in enumerate(fh):
                    if n == 1_500:
                        break
                    if json.loads(line)["id"] not in test_ids:  # the test split is never read
                        out.write(line)
                        kept += 1
    got = read_root(dev)
    assert len(got) == kept > 4_000
    assert [x.source_uri for x in got if isinstance(x, ingest.Reject) and x.reason == "not prose"] == []


# --- 5. compressed files ------------------------------------------------------------------------------


def _packed(name: str, data: bytes) -> bytes:
    import bz2
    import gzip
    import lzma

    ext = name.rsplit(".", 1)[1]
    return {"gz": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress}[ext](data)


def test_ingest_compressed_files_are_read_as_the_files_they_hold(tmp_path):
    html = f"<html><head><title>Ties</title></head><body><article><p>{BODY}</p></article></body></html>"
    files = {
        "a.jsonl.gz": jsonl(rows(3)),
        "b.csv.gz": csv_text(rows(2)[::-1]),
        "c.txt.gz": ARTICLE,
        "d.md.bz2": "# Japan and Vietnam agree\n\n" + BODY,
        "e.html.xz": html,
        "f.ndjson.xz": jsonl(rows(1)),
    }
    for name, text in files.items():
        (tmp_path / name).write_bytes(_packed(name, text.encode()))
    units = ingest.plan_units(tmp_path)
    assert [(u.source_uri, u.size) for u in units] == [
        ("a.jsonl.gz", 3),
        ("b.csv.gz", 2),
        ("c.txt.gz", 1),
        ("d.md.bz2", 1),
        ("e.html.xz", 1),
        ("f.ndjson.xz", 1),
    ]
    pieces = [p for u in units for p in ingest.split_unit(u, 2)]
    assert [(p.source_uri, p.start, p.stop) for p in pieces][:2] == [("a.jsonl.gz", 0, 2), ("a.jsonl.gz", 2, 3)]
    out = [x for p in pieces for x in ingest.read_unit(p, ingest.Limits())]
    assert all(isinstance(x, ingest.Article) for x in out), out
    assert [x.source_uri for x in out] == ["r0", "r1", "r2", "r1", "r0", "c.txt.gz", "d.md.bz2", "e.html.xz", "r0"]
    assert out[5].title == "Japan and Vietnam agree" and BODY in out[5].text


@pytest.mark.timeout(30)
def test_ingest_compressed_file_that_unpacks_too_far_is_rejected_without_unpacking_it(tmp_path, monkeypatch):
    import gzip

    # 4 GB of text in 10 MB of gzip: read whole, it would take minutes and all the memory.
    chunk = gzip.compress(b"The talks went on. " * (50_000_000 // 19))  # 50 MB in 120 KB
    (tmp_path / "bomb.txt.gz").write_bytes(chunk * 80)  # concatenated gzip members unpack one after another
    (tmp_path / "bomb.jsonl.gz").write_bytes(gzip.compress(jsonl(rows(1)).encode() * 2000))
    (tmp_path / "long.jsonl.gz").write_bytes(
        gzip.compress(
            (jsonl(rows(1)) + json.dumps({"id": "long", "text": "x" * 5000}) + "\n" + jsonl(rows(2)[1:])).encode()
        )
    )
    monkeypatch.setattr(ingest, "MAX_TABLE_BYTES", 100_000)
    monkeypatch.setattr(ingest, "MAX_LINE_BYTES", 1_000)
    out = read_root(tmp_path)
    got = {x.source_uri: (x.reason, x.detail) for x in out if isinstance(x, ingest.Reject)}
    assert got["bomb.txt.gz"] == (
        "article too large",
        "more than 4000000 bytes uncompressed; the limit is 1000000 characters of text",
    )
    assert got["bomb.jsonl.gz"] == ("table too large: more than 100000 bytes uncompressed", None)
    assert got["long.jsonl.gz#2"] == ("row too large", "line 2 is longer than 1000 bytes")
    assert [x.source_uri for x in out if isinstance(x, ingest.Article)] == ["r0", "r1"]
    assert len(out) == 5


def test_ingest_compressed_input_that_cannot_be_read_is_one_reject(tmp_path):
    import gzip

    (tmp_path / "broken.jsonl.gz").write_bytes(gzip.compress(jsonl(rows(2)).encode())[:-30])
    (tmp_path / "broken.txt.gz").write_bytes(b"not gzip at all")
    (tmp_path / "t.parquet.gz").write_bytes(gzip.compress(b"PAR1"))
    (tmp_path / "a.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    got = by_uri(read_root(tmp_path))
    assert got["broken.jsonl.gz"].startswith("unreadable jsonl file")
    assert got["broken.txt.gz"] == "unreadable file"
    assert got["t.parquet.gz"].startswith("unsupported file type .parquet.gz")
    assert got["a.gz"].startswith("unsupported file type .gz")
    assert len(got) == 4


# --- 5. zip archives ------------------------------------------------------------------------------------


def _zip(path, members: dict) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def _patch_directory(path, name: str, offset: int, value: bytes) -> None:
    """Overwrite a field of a member's entry in the archive's central directory, which zipfile reads."""
    data = bytearray(path.read_bytes())
    at = data.index(b"PK\x01\x02")
    while data[at + 46 : at + 46 + len(name)] != name.encode():
        at = data.index(b"PK\x01\x02", at + 4)
    data[at + offset : at + offset + len(value)] = value
    path.write_bytes(bytes(data))


def _parquet_bytes(rs) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    buf = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(rs), buf, row_group_size=1)
    return buf.getvalue()


def test_ingest_zip_members_are_read_as_the_files_of_a_folder(tmp_path):
    import gzip

    root = tmp_path / "in"
    root.mkdir()
    table = [dict(r, id=f"z{r['id']}") for r in rows(3)]
    _zip(
        root / "news.zip",
        {
            "2016/a.txt": ARTICLE.encode(),
            "b.md": ("# Japan and Vietnam agree\n\n" + BODY + " Again.").encode(),
            "rows.jsonl": b"\xef\xbb\xbf" + jsonl(table).encode(),
            "t.csv": csv_text([dict(r, id=f"c{r['id']}") for r in rows(2)]).encode(),
            "p.parquet": _parquet_bytes([dict(r, id=f"p{r['id']}") for r in rows(2)]),
            "packed.jsonl.gz": gzip.compress(jsonl([dict(r, id=f"g{r['id']}") for r in rows(1)]).encode()),
            "notes.docx": b"whatever",
            "empty.txt": b"",
        },
    )
    units = ingest.plan_units(root)
    assert [(u.source_uri, u.size) for u in units] == [
        ("news.zip/2016/a.txt", 1),
        ("news.zip/b.md", 1),
        ("news.zip/empty.txt", 1),
        ("news.zip/notes.docx", 1),
        ("news.zip/p.parquet", 2),
        ("news.zip/packed.jsonl.gz", 1),
        ("news.zip/rows.jsonl", 3),
        ("news.zip/t.csv", 2),
    ]
    # Each member is an input of its own, fingerprinted by the archive file.
    archive = os.stat(root / "news.zip")
    assert {ingest.fingerprint(u)["mtime_ns"] for u in units if not u.problem} == {archive.st_mtime_ns}
    assert len({u.path for u in units}) == len(units)
    pieces = [p for u in units for p in ingest.split_unit(u, 2)]
    assert [(p.start, p.stop) for p in pieces if p.source_uri == "news.zip/rows.jsonl"] == [(0, 2), (2, 3)]
    out = by_uri([x for p in pieces for x in ingest.read_unit(p, ingest.Limits())])
    assert out == {
        "news.zip/2016/a.txt": "article",
        "news.zip/b.md": "article",
        "news.zip/empty.txt": "empty file",
        "news.zip/notes.docx": out["news.zip/notes.docx"],
        "pr0": "article",
        "pr1": "article",
        "gr0": "article",
        "zr0": "article",
        "zr1": "article",
        "zr2": "article",
        "cr0": "article",
        "cr1": "article",
    }
    assert out["news.zip/notes.docx"].startswith("unsupported file type .docx")
    # The archive as the input itself.
    assert [u.source_uri for u in ingest.plan_units(root / "news.zip")][:2] == ["news.zip/2016/a.txt", "news.zip/b.md"]


def test_ingest_zip_members_that_could_escape_or_mislead_are_rejects(tmp_path):
    import stat as st
    import warnings
    import zipfile

    link = zipfile.ZipInfo("link.txt")
    link.external_attr = (st.S_IFLNK | 0o777) << 16
    bz = zipfile.ZipInfo("bz.txt")
    bz.compress_type = zipfile.ZIP_BZIP2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it is asked to write
        with zipfile.ZipFile(tmp_path / "tricks.zip", "w") as zf:
            for name in (
                "../up.txt",
                "/etc/abs.txt",
                "a/../../up2.txt",
                "C:/win.txt",
                "twice.txt",
                "twice.txt",
                "inner.zip",
                "ok.txt",
            ):
                zf.writestr(name, ARTICLE)
            zf.writestr(link, "/etc/passwd")
            zf.writestr("locked.txt", ARTICLE)
            zf.writestr(bz, ARTICLE)
    _patch_directory(tmp_path / "tricks.zip", "locked.txt", 8, b"\x01\x00")  # flagged as encrypted
    out = by_uri(read_root(tmp_path))
    unsafe = "unsafe member name (an absolute path, or with ..): not read"
    assert out == {
        "tricks.zip/../up.txt": unsafe,
        "tricks.zip//etc/abs.txt": unsafe,
        "tricks.zip/a/../../up2.txt": unsafe,
        "tricks.zip/C:/win.txt": unsafe,
        "tricks.zip/twice.txt": "2 members of the archive have this name: none read",
        "tricks.zip/inner.zip": "archive inside an archive: not read",
        "tricks.zip/ok.txt": "article",
        "tricks.zip/link.txt": "symbolic link in the archive: not followed",
        "tricks.zip/locked.txt": "encrypted archive member: not read",
        "tricks.zip/bz.txt": "archive member compressed with bzip2: only stored and deflated members are read",
    }


@pytest.mark.timeout(30)
def test_ingest_zip_members_over_the_limits_are_rejected_without_unpacking(tmp_path, monkeypatch):
    big = ("Title\n\n" + BODY * 400).encode()  # 60 KB, a few hundred bytes packed
    _zip(tmp_path / "a.zip", {"big.txt": big, "big.jsonl": jsonl(rows(300)).encode(), "ok.txt": ARTICLE.encode()})
    # A member whose directory entry claims 100 bytes and holds 10 MB: zipfile stops at the
    # claimed size, and the CRC then fails.
    liar = b"The talks went on. " * 500_000
    _zip(tmp_path / "b.zip", {"liar.txt": liar})
    _patch_directory(tmp_path / "b.zip", "liar.txt", 24, (100).to_bytes(4, "little"))
    monkeypatch.setattr(ingest, "MAX_TABLE_BYTES", 20_000)
    out = read_root(tmp_path, max_chars=10_000)
    got = {x.source_uri: (x.reason, x.detail) for x in out if isinstance(x, ingest.Reject)}
    assert got["a.zip/big.txt"] == ("article too large", f"{len(big)} bytes; the limit is 10000 characters of text")
    assert got["a.zip/big.jsonl"][0].startswith("table too large: ")
    assert got["b.zip/liar.txt"][0] == "unreadable file" and "CRC" in got["b.zip/liar.txt"][1]
    assert by_uri(out)["a.zip/ok.txt"] == "article" and len(out) == 4


def test_ingest_zip_that_cannot_be_read_or_is_empty_is_one_reject(tmp_path):
    (tmp_path / "bad.zip").write_bytes(b"PK not really")
    _zip(tmp_path / "empty.zip", {})
    _zip(tmp_path / "dirs.zip", {"only/": b""})
    out = by_uri(read_root(tmp_path))
    assert out["bad.zip"].startswith("unreadable zip archive")
    assert out["empty.zip"] == out["dirs.zip"] == "empty zip archive"
    assert len(out) == 3


def test_ingest_zip_on_object_storage_is_read_like_a_local_one(tmp_path):
    import fsspec

    _zip(tmp_path / "news.zip", {"a.txt": ARTICLE.encode(), "rows.jsonl": jsonl(rows(2)).encode()})
    fs = fsspec.filesystem("memory")
    fs.pipe_file("/relata-test/zips/news.zip", (tmp_path / "news.zip").read_bytes())
    try:
        units = ingest.plan_units("memory://relata-test/zips")
        assert [u.source_uri for u in units] == ["news.zip/a.txt", "news.zip/rows.jsonl"]
        assert all(u.remote_fingerprint for u in units)
        out = by_uri(x for u in units for x in ingest.read_unit(u, ingest.Limits()))
        assert out == {"news.zip/a.txt": "article", "r0": "article", "r1": "article"}
    finally:
        fs.rm("/relata-test/zips", recursive=True)


# --- the build's accounting ------------------------------------------------------------------------------


@pytest.mark.timeout(300)
def test_ingest_new_inputs_keep_the_build_accounting_and_archives_stay_incremental(tmp_path, monkeypatch):
    import gzip

    from relata.build import run_build
    from relata.settings import Settings

    root = tmp_path / "in"
    (root / "closed").mkdir(parents=True)
    (root / "closed" / "lost.txt").write_text(ARTICLE)
    # A link loop rather than a pipe: a test that could hang gets 30 s, too short for a build.
    (root / "loop.txt").symlink_to(root / "loop.txt")
    (root / "feed.jsonl.gz").write_bytes(gzip.compress(jsonl(rows(3)).encode()))
    archive = root / "news.zip"
    members = {
        "a.txt": ARTICLE.encode(),
        "x.docx": b"?",
        "../up.txt": ARTICLE.encode(),
        # the same texts as feed.jsonl.gz's rows under other ids: duplicates
        "rows.jsonl": jsonl([dict(r, id=f"z{r['id']}") for r in rows(3)]).encode(),
        "emoji.txt": ("Update\n\n" + " ".join([EMOJI * 4] * 50) + ".").encode(),
    }
    _zip(archive, members)
    _deny_listing(monkeypatch, lambda p: p.endswith("closed"))
    settings = Settings(input=str(root), out=str(tmp_path / "out"), workers=1, batch_size=2)

    first = run_build(settings)
    assert (first.read, first.new, first.duplicates, first.rejected) == (12, 4, 3, 5)
    reasons = {k.split(";")[0]: v for k, v in first.reject_reasons.items()}
    assert reasons == {
        "unreadable folder: Permission denied": 1,
        "symbolic link loop: not followed": 1,
        "unsupported file type .docx": 1,
        "not prose": 1,
        "unsafe member name (an absolute path, or with ..): not read": 1,
    }

    second = run_build(settings)
    # Nothing changed: only the inputs that were rejects when planning are read (and reported) again.
    assert (second.read, second.new, second.duplicates, second.rejected) == (4, 0, 0, 4)
    assert second.unchanged_inputs == 4  # feed.jsonl.gz, and the members a.txt, emoji.txt, rows.jsonl

    _zip(archive, {**members, "b.txt": ("Vietnam and Japan agree\n\n" + BODY + " And more.").encode()})
    third = run_build(settings)
    assert (third.read, third.new, third.duplicates, third.rejected) == (10, 1, 4, 5)
    assert third.unchanged_inputs == 1
