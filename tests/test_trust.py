"""Trust under faults (issue 12): never hang, never delete what is not ours, never run a release's
code, detect corruption, one writer at a time.

Each test reproduces a defect found by trying relata as an operator or an
attacker would; each failed on the code before the fix (the closing note of
issue 12 lists them). Every test that could hang has its own time limit.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import psutil
import pytest
from typer.testing import CliRunner

from relata import store, views, workers
from relata.batch import BatchSpec, ExtractedBatch
from relata.build import run_build
from relata.cli import app
from relata.settings import PROJECT_ROOT, SAMPLE_DIR, Settings

PY = sys.executable
ENV = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


def short_articles(path: Path, n: int) -> Path:
    """n distinct short English articles in one JSON Lines file."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(
                json.dumps(
                    {
                        "id": f"a{i}",
                        "title": f"Japan and Vietnam hold talks, round {i}",
                        "text": f"Officials of Japan met counterparts from Vietnam on day {i} to discuss "
                        f"trade and fisheries cooperation in the region, the ministry said.",
                        "url": None,
                        "published": "2024-01-02",
                        "outlet": "wire",
                    }
                )
                + "\n"
            )
    return path


def count(out: Path, table: str) -> int:
    return len(store.read_column(out, table, "article_id" if table != "rejects" else "source_uri"))


@pytest.fixture
def built(tmp_path) -> Path:
    """A small build of three sample files."""
    src = tmp_path / "in"
    src.mkdir()
    for name in ["2016-01-17-iran-sanctions-lifted.txt", "2016-03-21-obama-havana.txt", "wire.jsonl"]:
        shutil.copy(SAMPLE_DIR / name, src / name)
    out = tmp_path / "out"
    run_build(Settings(input=str(src), out=str(out), workers=1))
    return out


# --- hangs ------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_build_600_articles_in_24_batches_on_two_recycled_processes_completes(tmp_path):
    # 24 batches on two processes that retire after 10: the standard pool stopped replacing them
    # after 20 batches and waited forever (CPython gh-115634).
    src = short_articles(tmp_path / "in.jsonl", 600)
    s = Settings(input=str(src), out=str(tmp_path / "out"), workers=2, batch_size=25)
    summary = run_build(s)
    assert summary.read == 600 and summary.new == 600 and summary.rejected == 0
    assert count(tmp_path / "out", "articles") == 600


# Batch functions for the model processes (spawned processes import them from this module).
def _fake_extract(batch: BatchSpec, settings: Settings) -> ExtractedBatch:
    return ExtractedBatch(batch.run_id, batch.seq, (), {}, [], [], {}, {"f": {"path": "f"}}, True, read=batch.size)


def _hangs_on_batch_zero(batch: BatchSpec, settings: Settings) -> ExtractedBatch:
    if batch.seq == 0:
        time.sleep(600)
    return _fake_extract(batch, settings)


def _dies_once_on_batch_one(batch: BatchSpec, settings: Settings) -> ExtractedBatch:
    marker = Path(batch.out) / "died-once"
    if batch.seq == 1 and not marker.exists():
        marker.write_text("x")
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer or an operator would
    return _fake_extract(batch, settings)


def _batches(tmp_path: Path, n: int) -> list[BatchSpec]:
    from relata.ingest import Unit

    return [
        BatchSpec("run", i, str(tmp_path), units=[Unit(str(tmp_path / f"f{i}.jsonl"), f"f{i}.jsonl", 0, 3, 3)])
        for i in range(n)
    ]


def _counted_extract(batch: BatchSpec, settings: Settings) -> ExtractedBatch:
    # one file per call, named by the run and number it was called with
    (Path(batch.out) / f"called-{batch.run_id}-{batch.seq}").write_text("x")
    return _fake_extract(batch, settings)


def _with_known_ids(batches: list[BatchSpec], path: Path, ids: str) -> list[BatchSpec]:
    path.write_text(ids)
    for b in batches:
        b.known_ids_path = str(path)
    return batches


@pytest.mark.timeout(120)
def test_workers_a_batch_extracted_ahead_is_taken_by_the_same_planned_batch_under_its_run_id(tmp_path):
    s = Settings(workers=2)
    ahead = _with_known_ids(
        [BatchSpec("ahead", i, b.out, units=b.units) for i, b in enumerate(_batches(tmp_path, 2))],
        tmp_path / "known-ahead.txt",
        "a1\na2\n",
    )
    # the plan numbers its batches after its re-extractions and writes the same ids to its own file
    planned = _with_known_ids(
        [BatchSpec("run", i + 5, b.out, units=b.units) for i, b in enumerate(_batches(tmp_path, 2))],
        tmp_path / "known-planned.txt",
        "a1\na2\n",
    )
    workers.open_for_build()
    try:
        assert workers.extract_ahead(ahead, s, fn=_counted_extract) == 2
        got = list(workers.extract_batches(planned, s, fn=_counted_extract))
    finally:
        workers.shutdown()
    assert sorted((b.run_id, b.seq) for b in got) == [("run", 5), ("run", 6)]
    assert sorted(p.name for p in tmp_path.glob("called-*")) == ["called-ahead-0", "called-ahead-1"]


@pytest.mark.timeout(120)
def test_workers_a_batch_extracted_ahead_against_other_known_ids_is_extracted_again(tmp_path):
    # another build committed articles between the preview and the plan: the head start is dropped
    s = Settings(workers=2)
    ahead = _with_known_ids(_batches(tmp_path, 1), tmp_path / "known-ahead.txt", "a1\n")
    ahead[0].run_id = "ahead"
    planned = _with_known_ids(_batches(tmp_path, 1), tmp_path / "known-planned.txt", "a1\na2\n")
    workers.open_for_build()
    try:
        workers.extract_ahead(ahead, s, fn=_counted_extract)
        got = list(workers.extract_batches(planned, s, fn=_counted_extract))
    finally:
        workers.shutdown()
    assert [(b.run_id, b.seq) for b in got] == [("run", 0)]
    assert (tmp_path / "called-run-0").exists()


def _slow_ahead_extract(batch: BatchSpec, settings: Settings) -> ExtractedBatch:
    if batch.run_id == "ahead":
        time.sleep(3)  # still at work when the build grows the pool
    return _counted_extract(batch, settings)


@pytest.mark.timeout(120)
def test_workers_batches_started_ahead_are_dropped_with_a_pool_the_build_outgrows(tmp_path):
    # one batch previewed (a pool of one process); two planned (a file arrived meanwhile): the larger
    # pool replaces the first, whose futures never resolve. Taking one hung the build or broke it.
    s = Settings(workers=2)
    first, second = _batches(tmp_path, 2)
    ahead = [BatchSpec("ahead", 0, first.out, units=first.units)]
    workers.open_for_build()
    try:
        workers.extract_ahead(ahead, s, fn=_slow_ahead_extract)
        workers.size_for([first, second], s)
        got = list(workers.extract_batches([first, second], s, fn=_slow_ahead_extract))
    finally:
        workers.shutdown()
    assert sorted((b.run_id, b.seq) for b in got) == [("run", 0), ("run", 1)]
    assert (tmp_path / "called-run-0").exists()


@pytest.mark.timeout(120)
def test_workers_batches_started_ahead_that_the_plan_does_not_have_are_stopped(tmp_path):
    s = Settings(workers=2)
    ahead = _with_known_ids(_batches(tmp_path, 2), tmp_path / "known-ahead.txt", "a1\n")
    for b in ahead:
        b.run_id = "ahead"
    planned = _with_known_ids(_batches(tmp_path, 2), tmp_path / "known-planned.txt", "a1\na2\n")
    workers.open_for_build()
    try:
        workers.extract_ahead(ahead, s, fn=_slow_ahead_extract)
        workers.size_for(planned, s)
        # none is the same batch: all stopped, none finishes (left running, each would within about 8 s: a
        # process's start and the 3 s of the function)
        time.sleep(12)
        assert not list(tmp_path.glob("called-ahead-*"))
    finally:
        workers.shutdown()


@pytest.mark.timeout(120)
def test_workers_batch_past_its_deadline_is_killed_retried_once_then_rejected(tmp_path):
    s = Settings(workers=2, batch_timeout_s=3, batch_timeout_per_article_s=0)
    workers.open_for_build()
    t0 = time.monotonic()
    try:
        got = {b.seq: b for b in workers.extract_batches(_batches(tmp_path, 4), s, fn=_hangs_on_batch_zero)}
    finally:
        workers.shutdown()
    assert time.monotonic() - t0 < 60
    assert sorted(got) == [0, 1, 2, 3]
    failed = got[0]
    assert failed.article_ids == [] and failed.inputs == {} and failed.read == 3
    assert [r["source_uri"] for r in failed.rejects] == ["f0.jsonl#1", "f0.jsonl#2", "f0.jsonl#3"]
    assert {r["reason"] for r in failed.rejects} == {"batch failed"}
    assert "within 3 s, twice" in failed.rejects[0]["detail"]
    assert all(not got[i].rejects for i in (1, 2, 3))


@pytest.mark.timeout(120)
def test_workers_model_process_killed_from_outside_fails_only_its_batch_which_is_retried(tmp_path):
    s = Settings(workers=2)
    workers.open_for_build()
    try:
        got = {b.seq: b for b in workers.extract_batches(_batches(tmp_path, 4), s, fn=_dies_once_on_batch_one)}
    finally:
        workers.shutdown()
    assert sorted(got) == [0, 1, 2, 3] and all(not b.rejects for b in got.values())
    assert (tmp_path / "died-once").exists()


def _descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


@pytest.mark.slow
@pytest.mark.prefect
@pytest.mark.timeout(300)
def test_cli_build_sigterm_ends_the_build_promptly_with_its_children(tmp_path):
    # Enough articles that the build is still at work when two batches are committed (20 batches
    # of 50 on two processes), and few enough that finishing the job below stays quick.
    src = short_articles(tmp_path / "in.jsonl", 1000)
    out = tmp_path / "out"
    child = subprocess.Popen(
        [
            PY,
            "-m",
            "relata.cli",
            "build",
            "--input",
            str(src),
            "--out",
            str(out),
            "--workers",
            "2",
            "--batch-size",
            "50",
        ],
        env=ENV,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # Wait until model processes are at work (and batches are being committed).
        t0 = time.monotonic()
        while time.monotonic() - t0 < 200:
            assert child.poll() is None, child.stderr.read()[-3000:]
            if (
                store.exists(out)
                and len(store.Manifest.load(out).parts["articles"]) >= 2
                and len(_descendants(child.pid)) >= 2
            ):
                break
            time.sleep(0.2)
        family = _descendants(child.pid)
        child.send_signal(signal.SIGTERM)  # what `timeout`, systemd and schedulers send
        t1 = time.monotonic()
        child.wait(timeout=60)
        assert time.monotonic() - t1 < 45
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode != 0
    _gone, alive = psutil.wait_procs(family, timeout=20)
    assert alive == [], f"left running after SIGTERM: {[p.cmdline()[:3] for p in alive]}"
    assert store.lock_holder(out) is None
    # What was committed is intact, and the next build finishes the job.
    assert store.verify_parts(out) == []
    assert run_build(Settings(input=str(src), out=str(out), workers=2, batch_size=100)).new > 0
    assert count(out, "articles") == 1000


@pytest.mark.timeout(60)
def test_cli_query_stops_at_ctrl_c_and_at_its_time_limit(built):
    q = "select count(*) from range(100000000000) t(a), range(10) u(b) where a % 7 = b"
    child = subprocess.Popen(
        [PY, "-m", "relata.cli", "query", q, "--tables", str(built)],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(4)
    assert child.poll() is None
    child.send_signal(signal.SIGINT)
    t0 = time.monotonic()
    child.wait(timeout=20)
    assert time.monotonic() - t0 < 10 and child.returncode == 130, child.stderr.read()
    res = CliRunner().invoke(app, ["query", q, "--tables", str(built), "--timeout", "1"])
    assert res.exit_code == 2 and "past its limit of 1 s" in res.output


# --- deleting only what is ours ------------------------------------------------------------------


@pytest.mark.timeout(300)
def test_build_refuses_parts_without_a_manifest_and_repair_restores_it(built, tmp_path):
    n_articles, n_rel = count(built, "articles"), count(built, "relations")
    parts = sorted(p.relative_to(built) for p in built.glob("*/*.parquet"))
    (built / store.META_DIR / store.MANIFEST).unlink()  # lost in a restore
    src = tmp_path / "in"
    with pytest.raises(store.ManifestMissingError, match="relata repair"):
        run_build(Settings(input=str(src), out=str(built), workers=1))
    assert sorted(p.relative_to(built) for p in built.glob("*/*.parquet")) == parts  # nothing deleted
    res = CliRunner().invoke(app, ["build", "--input", str(src), "--out", str(built)])
    assert res.exit_code == 2 and "relata repair" in res.output
    res = CliRunner().invoke(app, ["repair", str(built)])
    assert res.exit_code == 0, res.output
    assert count(built, "articles") == n_articles and count(built, "relations") == n_rel
    assert store.verify_parts(built) == []
    # The next build reads the inputs again (their fingerprints were in the lost manifest) and adds nothing.
    again = run_build(Settings(input=str(src), out=str(built), workers=1))
    # Only tables without rows are rebuilt: their extractor version cannot be read back from rows.
    assert again.new == 0 and set(again.rebuilt_tables) <= {"denials", "cooperation", "sanctions"}
    assert count(built, "articles") == n_articles and count(built, "relations") == n_rel


@pytest.mark.parametrize("foreign", ["articles/thesis.docx", "relations/photos/beach.jpg", "rejects/notes.txt"])
def test_build_refuses_an_out_whose_table_folders_hold_foreign_files(tmp_path, foreign):
    out = tmp_path / "mine"
    target = out / foreign
    target.parent.mkdir(parents=True)
    target.write_bytes(b"the user's own file")
    with pytest.raises(store.ForeignFilesError, match=foreign.split("/")[0]):
        run_build(Settings(input=str(SAMPLE_DIR / "wire.jsonl"), out=str(out), workers=1))
    assert target.read_bytes() == b"the user's own file"
    assert not store.exists(out) and not any(out.glob("*/part-*.parquet"))


def test_build_never_deletes_a_foreign_file_that_appears_in_a_built_folder(built):
    note = built / "relations" / "README.txt"
    note.write_text("mine")
    with pytest.raises(store.ForeignFilesError):
        store.reconcile(built)
    assert note.read_text() == "mine"


def test_release_refuses_to_publish_inside_the_tables_folder(built):
    from relata.release import ReleaseError, preflight

    with pytest.raises(ReleaseError, match="inside the tables folder"):
        preflight(built, built / "releases", "2026.12.02")
    with pytest.raises(ReleaseError, match="inside the tables folder"):
        preflight(built, built / "relations", "2026.12.02")


# --- nothing from a release is executed; queries read only the tables -----------------------------


def test_release_verify_never_runs_sql_from_the_release(built, tmp_path):
    from relata.release import make_release, verify_release

    rel = make_release(built, tmp_path / "releases", "v1")
    folder = Path(rel["path"])
    evil = tmp_path / "written-by-verify.csv"
    m = json.loads((folder / "manifest.json").read_text())
    m["gates"]["tables"]["relations"]["smoke"] = [
        f"select 1 from (copy (select 42) to '{evil}')",
        f"copy (select 42) to '{evil}'",
    ]
    (folder / "manifest.json").write_text(json.dumps(m))
    from test_release import rehash

    rehash(folder)
    assert verify_release(folder) == []
    assert not evil.exists()


@pytest.mark.parametrize(
    "sql",
    [
        "select * from read_text('/etc/passwd')",
        "select * from read_text('/proc/self/environ')",
        "select * from glob('/root/*')",
        "select * from read_csv('/etc/passwd', sep=':')",
        "select * from read_text('relations/../../../../etc/passwd')",
        "select * from read_parquet('https://example.com/x.parquet')",
    ],
)
def test_query_reads_nothing_but_the_tables(built, sql):
    res = CliRunner().invoke(app, ["query", sql, "--tables", str(built)])
    assert res.exit_code == 2 and "root:" not in res.output, res.output


def test_query_reads_exactly_the_parts_the_manifest_lists(built):
    before = (
        CliRunner()
        .invoke(app, ["query", "select count(*) from relations", "--tables", str(built), "--format", "csv"])
        .output
    )
    # A part renamed into place just before a kill: on disk, not in the manifest.
    part = next((built / "relations").glob("part-2*.parquet"))
    shutil.copy(part, built / "relations" / "part-20260101T000000-deadbeef-00099.parquet")
    after = (
        CliRunner()
        .invoke(app, ["query", "select count(*) from relations", "--tables", str(built), "--format", "csv"])
        .output
    )
    assert after == before


@pytest.mark.timeout(300)
def test_copied_tables_folder_queries_its_own_files(built, tmp_path, monkeypatch):
    copy = tmp_path / "copy"
    shutil.copytree(built, copy)
    n = count(built, "articles")
    shutil.rmtree(built)  # the original is gone: a copy that read it would fail or read nothing
    res = CliRunner().invoke(
        app, ["query", "select count(*) as n from articles", "--tables", str(copy), "--format", "csv"]
    )
    assert res.exit_code == 0 and res.output.split() == ["n", str(n)]
    monkeypatch.chdir(copy)
    con = duckdb.connect("relata.duckdb", read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == n
    con.close()


# --- corruption ------------------------------------------------------------------------------


def flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def test_check_names_a_part_with_a_flipped_byte_and_builds_and_releases_refuse(built, tmp_path):
    res = CliRunner().invoke(app, ["check", str(built)])
    assert res.exit_code == 0 and "OK" in res.output
    part = next((built / "articles").glob("part-2*.parquet"))
    flip_a_byte(part)
    res = CliRunner().invoke(app, ["check", str(built)])
    assert res.exit_code == 1 and f"articles/{part.name}" in res.output and "sha256" in res.output
    src = tmp_path / "more"
    src.mkdir()
    shutil.copy(SAMPLE_DIR / "2016-07-01-eu-extends-russia-sanctions.txt", src)
    with pytest.raises(store.DamagedPartError, match=part.name):
        run_build(Settings(input=str(src), out=str(built), workers=1))
    from relata.release import ReleaseError, preflight

    with pytest.raises(ReleaseError, match="fail their check"):
        preflight(built, tmp_path / "releases", "2026.12.02")


def test_repair_sets_a_damaged_batch_aside_and_the_next_build_rebuilds_it(built, tmp_path):
    n = count(built, "articles")
    part = next((built / "relations").glob("part-2*.parquet"))
    flip_a_byte(part)
    res = CliRunner().invoke(app, ["repair", str(built)])
    assert res.exit_code == 1 and "--set-aside" in res.output
    res = CliRunner().invoke(app, ["repair", str(built), "--set-aside"])
    assert res.exit_code == 0 and "set aside" in res.output
    assert list((built / store.META_DIR / "set-aside").glob(f"*/relations/{part.name}"))  # kept, not deleted
    assert store.verify_parts(built) == []
    summary = run_build(Settings(input=str(tmp_path / "in"), out=str(built), workers=1))
    assert summary.new > 0 and count(built, "articles") == n


def test_build_views_survive_a_full_disk_and_an_up_to_date_build_repairs_them(built, monkeypatch):
    from relata import build

    s = Settings(input=str(built.parent / "in"), out=str(built), workers=1)
    db = s.db_path()
    before = db.read_bytes()
    real = duckdb.DuckDBPyConnection.execute

    def full_disk(self, sql, *a, **kw):
        if sql == "CHECKPOINT":
            raise duckdb.IOException("Could not write file: No space left on device")
        return real(self, sql, *a, **kw)

    monkeypatch.setattr(duckdb.DuckDBPyConnection, "execute", full_disk)
    with pytest.raises(duckdb.IOException, match="No space left"):
        views.build_views(built, db)
    monkeypatch.undo()
    assert db.read_bytes() == before  # the old file, untouched
    assert not list(db.parent.glob(".relata.duckdb.*"))
    db.unlink()  # lost: an up-to-date build writes it again
    assert build.up_to_date(s)["views_rewritten"]
    assert views.views_current(db, {t: store.part_paths(built, t) for t in store.ALL_TABLES})


def _can_mount_tmpfs(where: Path) -> bool:
    where.mkdir()
    ok = (
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(where)], capture_output=True).returncode
        == 0
    )
    return ok


@pytest.mark.timeout(300)
def test_build_on_a_full_disk_ends_in_one_line_and_loses_nothing(tmp_path):
    small = tmp_path / "small"
    if os.geteuid() != 0 or not _can_mount_tmpfs(small):
        pytest.skip("needs root to mount a 1 MB tmpfs")
    try:
        out = small / "out"
        src = tmp_path / "in"
        src.mkdir()
        shutil.copy(SAMPLE_DIR / "wire.jsonl", src)
        run_build(Settings(input=str(src), out=str(out), workers=1))
        n = count(out, "articles")
        free = shutil.disk_usage(small).free
        (small / "filler").write_bytes(b"\0" * max(free - 4096, 0))
        shutil.copy(SAMPLE_DIR / "2016-03-21-obama-havana.txt", src)
        res = subprocess.run(
            [PY, "-m", "relata.cli", "build", "--input", str(src), "--out", str(out), "--workers", "1"],
            env=ENV,
            capture_output=True,
            text=True,
            timeout=240,
        )
        assert res.returncode == 5, res.stdout[-2000:] + res.stderr[-2000:]
        assert "no space left on device" in res.stderr and "Traceback" not in res.stderr
        assert len(res.stderr.strip().splitlines()) <= 6, res.stderr
        (small / "filler").unlink()
        assert store.verify_parts(out) == [] and count(out, "articles") == n
    finally:
        # lazily: the failed build's model processes may still be exiting (a plain umount then fails as busy
        # and leaves the mount behind, which pytest warns it cannot remove)
        subprocess.run(["umount", "-l", str(small)], capture_output=True)


# --- one writer ------------------------------------------------------------------------------

RACER = """
import os, sys, time
from relata import store
out, marker, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
held = clashes = 0
for _ in range(rounds):
    try:
        with store.writer_lock(out):
            held += 1
            try:
                fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                clashes += 1
            else:
                time.sleep(0.002)
                os.close(fd)
                os.unlink(marker)
    except store.LockedError:
        pass
print(held, clashes)
"""


@pytest.mark.timeout(120)
def test_lock_is_held_by_one_process_at_a_time_among_many_racing(tmp_path):
    out = tmp_path / "out"
    racers = [
        subprocess.Popen(
            [PY, "-c", RACER, str(out), str(tmp_path / "inside"), "300"], env=ENV, stdout=subprocess.PIPE, text=True
        )
        for _ in range(8)
    ]
    results = [tuple(map(int, r.communicate(timeout=100)[0].split())) for r in racers]
    assert sum(c for _, c in results) == 0, f"two holders at once: {results}"
    assert sum(h for h, _ in results) > 0


# --- smaller points ----------------------------------------------------------------------------


def test_build_into_a_path_with_a_quote(tmp_path):
    out = tmp_path / "o'brien's tables"
    s = Settings(input=str(SAMPLE_DIR / "wire.jsonl"), out=str(out), workers=1)
    assert run_build(s).new == 2
    res = CliRunner().invoke(
        app, ["query", "select count(*) as n from articles", "--tables", str(out), "--format", "csv"]
    )
    assert res.exit_code == 0 and res.output.split() == ["n", "2"]


@pytest.mark.parametrize("version", ["", "2026.12.02\n", "v1\nv2", " ", "../x"])
def test_release_refuses_an_empty_or_multiline_version(built, tmp_path, version):
    res = CliRunner().invoke(
        app, ["release", "--tables", str(built), "--out", str(tmp_path / "r"), "--version", version]
    )
    assert res.exit_code == 2 and "invalid version" in res.output
    assert not (tmp_path / "r").exists() or not any((tmp_path / "r").iterdir())


def test_cli_build_disk_full_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    import relata.cli

    def full(*a, **kw):
        raise OSError(errno.ENOSPC, "No space left on device", "relations/part.parquet")

    monkeypatch.setattr(relata.cli, "run_build_flow", full)
    res = CliRunner().invoke(app, ["build", "--input", str(SAMPLE_DIR / "wire.jsonl"), "--out", str(tmp_path / "o")])
    assert res.exit_code == 5
    assert "no space left on device" in res.output and "Traceback" not in res.output


def test_cli_build_that_could_read_no_input_exits_non_zero(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.pdf").write_bytes(b"%PDF-1.4")
    (src / "b.txt").write_text("")
    res = CliRunner().invoke(app, ["build", "--input", str(src), "--out", str(tmp_path / "o"), "--workers", "1"])
    assert res.exit_code == 1 and "every article read was rejected" in res.output


def test_model_process_setup_dies_with_its_parent():
    # PR_SET_PDEATHSIG: a model process of a SIGKILLed build does not live on.
    code = (
        "import os, sys, time, multiprocessing as mp\n"
        "from relata import workers\n"
        "def child():\n    workers._model_process_setup(); print('ready', flush=True); time.sleep(120)\n"
        "if __name__ == '__main__':\n"
        "    p = mp.get_context('spawn').Process(target=child); p.start(); print(p.pid, flush=True); time.sleep(120)\n"
    )
    script = Path(PROJECT_ROOT / "tests" / "_pdeathsig_probe.py")
    parent = None
    try:
        script.write_text(code)
        parent = subprocess.Popen([PY, str(script)], env=ENV, stdout=subprocess.PIPE, text=True)
        child = psutil.Process(int(parent.stdout.readline()))
        # Kill the parent only once the child has set itself up (its imports take a second or more
        # on a loaded machine: a fixed wait raced with them).
        assert parent.stdout.readline().strip() == "ready"
        parent.kill()
        parent.wait()
        child.wait(timeout=10)
    finally:
        script.unlink(missing_ok=True)
        if parent and parent.poll() is None:
            parent.kill()
