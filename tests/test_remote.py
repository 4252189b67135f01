"""Object storage: articles read from fsspec URLs, tables mirrored to a bucket.

``memory://`` exercises the fsspec paths in this process; a local S3 server
(moto) exercises real ``s3://`` URLs through s3fs, the way a deployment uses
them, including model processes that read the bucket themselves.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import fsspec
import pyarrow.parquet as pq
import pytest

from relata import remote, store
from relata.build import run_build
from relata.ingest import plan_units
from relata.settings import SAMPLE_DIR, Settings

SAMPLE_FILES = sorted(p for p in SAMPLE_DIR.iterdir() if p.is_file() and p.suffix != ".md")[:6]


def _keys(out: Path, table: str) -> set[str]:
    key = {
        "articles": "article_id",
        "relations": "relation_id",
        "sanctions": "sanction_id",
        "denials": "denial_id",
        "cooperation": "cooperation_id",
    }.get(table)
    return set(store.read_column(out, table, key)) if key else set()


@pytest.fixture
def memory_input():
    fs = fsspec.filesystem("memory")
    root = "/relata-test/news"
    if fs.exists(root):
        fs.rm(root, recursive=True)
    for p in SAMPLE_FILES:
        fs.pipe_file(f"{root}/{p.name}", p.read_bytes())
    fs.pipe_file(f"{root}/notes.docx", b"not an article")
    yield fs, f"memory://{root}"
    fs.rm(root, recursive=True)


def test_remote_url_is_told_apart_from_local_paths():
    assert remote.is_url("s3://bucket/news/")
    assert remote.is_url("memory://x")
    assert not remote.is_url("file:///tmp/news")
    assert not remote.is_url("/tmp/s3://odd")
    assert not remote.is_url("data/sample")


def test_remote_input_lists_every_file_with_a_fingerprint(memory_input):
    _fs, url = memory_input
    units = plan_units(url)
    assert [u.source_uri for u in units] == sorted([p.name for p in SAMPLE_FILES] + ["notes.docx"])
    bad = [u for u in units if u.problem]
    assert [u.source_uri for u in bad] == ["notes.docx"]
    assert all(u.remote_fingerprint and u.remote_fingerprint["size"] > 0 for u in units if not u.problem)


def test_remote_input_missing_is_a_clear_error():
    with pytest.raises(FileNotFoundError, match="input not found: memory://relata-test/nowhere"):
        plan_units("memory://relata-test/nowhere")


def test_build_from_a_url_equals_the_build_from_the_same_files_on_disk(memory_input, tmp_path):
    _fs, url = memory_input
    local = tmp_path / "local"
    local.mkdir()
    for p in SAMPLE_FILES:
        shutil.copy(p, local / p.name)
    (local / "notes.docx").write_bytes(b"not an article")
    a = run_build(Settings(input=url, out=str(tmp_path / "a"), workers=1))
    b = run_build(Settings(input=str(local), out=str(tmp_path / "b"), workers=1))
    assert (a.read, a.new, a.rejected) == (b.read, b.new, b.rejected) == (len(SAMPLE_FILES) + 1, len(SAMPLE_FILES), 1)
    for t in ("articles", "relations", "sanctions", "denials", "cooperation"):
        assert _keys(tmp_path / "a", t) == _keys(tmp_path / "b", t), t


def test_build_from_a_url_is_incremental_by_etag(memory_input, tmp_path):
    fs, url = memory_input
    out = tmp_path / "out"
    run_build(Settings(input=url, out=str(out), workers=1))
    again = run_build(Settings(input=url, out=str(out), workers=1))
    # Only the file that cannot be built is looked at again (and rejected again, as on disk).
    assert (again.read, again.new, again.unchanged_inputs) == (1, 0, len(SAMPLE_FILES))
    # A file rewritten with other words of the same length is read again; only it.
    first = f"{url.removeprefix('memory://')}/{SAMPLE_FILES[0].name}"
    raw = SAMPLE_FILES[0].read_bytes()
    edited = raw.replace(b"the ", b"THE ", 3)
    assert len(edited) == len(raw) and edited != raw
    fs.pipe_file(first, edited)
    changed = run_build(Settings(input=url, out=str(out), workers=1))
    assert (changed.read, changed.new, changed.unchanged_inputs) == (2, 1, len(SAMPLE_FILES) - 1)


def test_remote_fingerprint_without_a_version_tag_is_none_so_the_file_is_always_read():
    class Bare:
        def info(self, path):
            return {"name": path, "size": 10, "type": "file"}

    assert remote.fingerprint(Bare(), "x") is None


def test_local_schemes_are_read_as_local_paths_with_their_symlink_checks(tmp_path):
    (tmp_path / "in").mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("Not an article of the input folder at all, but long enough to be one.")
    (tmp_path / "in" / "link.txt").symlink_to(outside)
    for url in (f"local://{tmp_path / 'in'}", f"file://{tmp_path / 'in'}"):
        assert not remote.is_url(url)
        [u] = plan_units(url)
        assert u.problem and "outside the input folder" in u.problem


def test_transient_errors_of_object_storage_clients_are_recognised():
    botocore = pytest.importorskip("botocore.exceptions")
    assert remote.is_transient(botocore.EndpointConnectionError(endpoint_url="http://x"))
    assert remote.is_transient(TimeoutError())
    assert not remote.is_transient(FileNotFoundError("x"))
    assert not remote.is_transient(remote.MirrorError("x"))


# --- a real s3:// endpoint ------------------------------------------------------------


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    """A local S3 server; AWS_ENDPOINT_URL points every client (and model process) at it."""
    pytest.importorskip("s3fs")
    moto_server = pytest.importorskip("moto.server")
    mp = pytest.MonkeyPatch()
    for k, v in {
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_EC2_METADATA_DISABLED": "true",
    }.items():
        mp.setenv(k, v)
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    mp.setenv("AWS_ENDPOINT_URL", f"http://{host}:{port}")
    fs = fsspec.filesystem("s3", skip_instance_cache=True)
    fs.mkdir("relata-bucket")
    for p in SAMPLE_FILES:
        fs.pipe_file(f"relata-bucket/news/{p.name}", p.read_bytes())
    fsspec.filesystem("s3").invalidate_cache()
    yield fs
    server.stop()
    mp.undo()


def test_build_reads_s3_in_model_processes_and_mirrors_the_tables_to_s3(s3, tmp_path):
    out = tmp_path / "out"
    # Two model processes and several batches: each process opens the bucket itself.
    s = Settings(
        input="s3://relata-bucket/news/", out=str(out), workers=2, batch_size=2, mirror="s3://relata-bucket/relata"
    )
    summary = run_build(s)
    assert (summary.read, summary.new) == (len(SAMPLE_FILES), len(SAMPLE_FILES))
    assert summary.mirrored["uploaded"] > 0
    m = store.Manifest.load(out)
    remote_manifest = json.loads(s3.cat_file("relata-bucket/relata/_relata/manifest.json"))
    assert remote_manifest["parts"] == m.parts
    # Every listed part is on the bucket and reads back with the rows it has locally.
    for t, names in m.parts.items():
        for n in names:
            with s3.open(f"relata-bucket/relata/{t}/{n}", "rb") as fh:
                assert pq.read_table(fh).num_rows == pq.read_table(out / t / n).num_rows


def test_build_on_a_fresh_machine_starts_from_the_mirror_and_stays_incremental(s3, tmp_path):
    s = Settings(
        input="s3://relata-bucket/news/",
        out=str(tmp_path / "first"),
        workers=1,
        mirror="s3://relata-bucket/mirror-fresh",
    )
    run_build(s)
    # Another machine: empty --out, same mirror. Nothing is re-read, nothing re-extracted.
    fresh = tmp_path / "fresh"
    again = run_build(s.model_copy(update={"out": str(fresh)}))
    assert (again.read, again.new, again.unchanged_inputs) == (0, 0, len(SAMPLE_FILES))
    for t in ("articles", "relations", "sanctions", "cooperation"):
        assert _keys(fresh, t) == _keys(tmp_path / "first", t), t
    assert again.mirrored["uploaded"] == 0  # the mirror already had every part


def test_mirror_deletes_parts_the_manifest_no_longer_lists_after_writing_it(s3, tmp_path, monkeypatch):
    out = tmp_path / "out"
    s = Settings(input="s3://relata-bucket/news/", out=str(out), workers=1, mirror="s3://relata-bucket/mirror-drop")
    run_build(s)
    before = set(store.Manifest.load(out).parts["relations"])
    store.drop_table(out, "relations")  # what an extractor version change does first
    # Record the order of the writes: parts, then the manifest, then deletions.
    calls: list[tuple[str, str]] = []
    real = remote.filesystem

    def recording(url):
        fs, root = real(url)
        for name in ("put_file", "pipe_file", "rm_file"):
            method = getattr(fs, name)
            monkeypatch.setattr(
                fs,
                name,
                lambda *a, _m=method, _n=name, **k: (
                    calls.append((_n, a[-2] if _n == "put_file" else a[0])) or _m(*a, **k)
                ),
            )
        return fs, root

    monkeypatch.setattr(remote, "filesystem", recording)
    result = remote.push(out, s.mirror)
    assert result["deleted"] == len(before - {"part-empty.parquet"})
    kinds = [n for n, _ in calls]
    manifest_at = kinds.index("pipe_file")
    assert kinds[:manifest_at] == ["put_file"] * manifest_at and set(kinds[manifest_at + 1 :]) == {"rm_file"}
    left = {p.rsplit("/", 1)[1] for p in s3.find("relata-bucket/mirror-drop/relations")}
    assert left == {"part-empty.parquet"}


def test_mirror_refuses_a_push_that_would_roll_back_another_machines_build(s3, tmp_path):
    s = Settings(
        input="s3://relata-bucket/news/", out=str(tmp_path / "a"), workers=1, mirror="s3://relata-bucket/mirror-two"
    )
    run_build(s)
    # Machine B starts from the mirror and builds one more article into it.
    s3.pipe_file("relata-bucket/news-b/extra.txt", SAMPLE_FILES[0].read_bytes().replace(b"the ", b"a ", 2))
    b = s.model_copy(update={"out": str(tmp_path / "b"), "input": "s3://relata-bucket/news-b/"})
    assert run_build(b).new == 1
    published = json.loads(s3.cat_file("relata-bucket/mirror-two/_relata/manifest.json"))
    # Machine A has not seen B's build: its push is refused and the mirror keeps B's build.
    with pytest.raises(remote.MirrorError, match="has not seen"):
        remote.push(tmp_path / "a", s.mirror)
    assert json.loads(s3.cat_file("relata-bucket/mirror-two/_relata/manifest.json")) == published
    s3.rm("relata-bucket/news-b", recursive=True)


def test_pull_of_a_mirror_missing_a_listed_part_is_a_clear_error(s3, tmp_path):
    s = Settings(
        input="s3://relata-bucket/news/", out=str(tmp_path / "a"), workers=1, mirror="s3://relata-bucket/mirror-broken"
    )
    run_build(s)
    name = store.Manifest.load(tmp_path / "a").parts["relations"][0]
    s3.rm_file(f"relata-bucket/mirror-broken/relations/{name}")
    with pytest.raises(remote.MirrorError, match=f"relations/{name}, which is not there"):
        remote.pull(s.mirror, tmp_path / "fresh")
    assert not (tmp_path / "fresh" / "_relata" / "manifest.json").exists()


def test_manifest_parts_lists_the_finished_builds_parts(s3, tmp_path):
    s = Settings(
        input="s3://relata-bucket/news/", out=str(tmp_path / "a"), workers=1, mirror="s3://relata-bucket/mirror-read"
    )
    run_build(s)
    urls = remote.manifest_parts(s.mirror, "relations")
    assert len(urls) == len(store.Manifest.load(tmp_path / "a").parts["relations"])
    assert all(u.startswith("s3://relata-bucket/mirror-read/relations/") for u in urls)


@pytest.mark.parametrize(
    "url, message",
    [
        ("memory://relata-test/nowhere", "input not found"),
        ("nosuchprotocol://bucket/news", "cannot read the input"),
    ],
)
def test_cli_build_from_a_missing_or_unreadable_url_exits_2_before_starting_prefect(url, message, tmp_path):
    from typer.testing import CliRunner

    from relata.cli import app

    res = CliRunner().invoke(app, ["build", "--input", url, "--out", str(tmp_path / "out")])
    assert res.exit_code == 2
    assert message in res.output
    assert not (tmp_path / "out").exists()
