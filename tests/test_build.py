"""Building: idempotent and incremental, one writer at a time, queries read-only."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from relata import store
from relata.build import run_build
from relata.settings import SAMPLE_DIR


def ids(out, table, col):
    return sorted(store.read_column(out, table, col))


@pytest.fixture
def small_input(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for name in ["2016-01-17-iran-sanctions-lifted.txt", "2016-03-21-obama-havana.txt", "wire.jsonl"]:
        shutil.copy(SAMPLE_DIR / name, d / name)
    return d


def test_build_twice_gives_the_same_ids_and_no_duplicates(small_input, settings_for):
    s = settings_for(small_input)
    first = run_build(s)
    rel1 = ids(s.out, "relations", "relation_id")
    second = run_build(s)
    assert second.new == 0 and second.rows.get("relations", 0) == 0
    assert ids(s.out, "relations", "relation_id") == rel1
    assert len(set(rel1)) == len(rel1) and first.new == 4


def test_build_same_input_into_another_folder_gives_the_same_ids(small_input, settings_for, tmp_path):
    a = settings_for(small_input)
    run_build(a)
    b = a.model_copy(update={"out": str(tmp_path / "other")})
    run_build(b)
    for t, c in [("articles", "article_id"), ("relations", "relation_id"), ("sanctions", "sanction_id")]:
        assert ids(a.out, t, c) == ids(b.out, t, c)


def test_build_new_file_processes_only_the_new_articles(small_input, settings_for):
    s = settings_for(small_input)
    run_build(s)
    shutil.copy(SAMPLE_DIR / "2016-07-01-eu-extends-russia-sanctions.txt", small_input)
    again = run_build(s)
    assert again.read == 1 and again.new == 1 and again.unchanged_inputs == 3


def test_build_same_text_under_two_names_is_one_article(small_input, settings_for):
    shutil.copy(small_input / "2016-03-21-obama-havana.txt", small_input / "copy of havana.txt")
    s = settings_for(small_input)
    summary = run_build(s)
    assert summary.read == 5 and summary.new == 4 and summary.duplicates == 1
    assert summary.read == summary.new + summary.duplicates + summary.rejected


def test_build_extractor_version_bump_rebuilds_only_that_table(small_input, settings_for):
    s = settings_for(small_input)
    run_build(s)
    before = ids(s.out, "relations", "relation_id")
    m = store.Manifest.load(store.Path(s.out))
    m.extractor_versions["relations"] = "relations-old"
    m.save(store.Path(s.out))
    again = run_build(s)
    assert again.rebuilt_tables == ["relations"] and again.new == 0
    assert ids(s.out, "relations", "relation_id") == before
    assert len(ids(s.out, "articles", "article_id")) == 4


def test_build_derives_events_regimes_and_counts_with_views_over_them(small_input, settings_for, monkeypatch):
    s = settings_for(small_input)
    summary = run_build(s)
    assert set(summary.derived) == {"events", "dyad_month", "sanction_regimes"}
    assert summary.derived["events"]["full"] and "derive" in summary.as_dict()["seconds_per_stage"]
    monkeypatch.chdir(s.db_path().parent)
    con = duckdb.connect(str(s.db_path().name), read_only=True)
    in_events = con.execute("select count(*), count(distinct r) from events, unnest(relation_ids) as u(r)").fetchone()
    n_relations = con.execute("select count(*) from relations").fetchone()[0]
    regimes = con.execute("select count(*) from sanction_regimes").fetchone()[0]
    con.close()
    assert in_events == (n_relations, n_relations) and regimes >= 1  # every relation row in exactly one event
    again = run_build(s)
    assert all(d["parts_written"] == 0 for d in again.derived.values())


def test_build_views_are_queryable_with_duckdb_from_the_database_folder(small_input, settings_for, monkeypatch):
    s = settings_for(small_input)
    run_build(s)
    # The views name their parts relative to the database's folder: readers cd there.
    monkeypatch.chdir(s.db_path().parent)
    con = duckdb.connect(str(s.db_path().name), read_only=True)
    n = con.execute("select count(*) from articles").fetchall()[0][0]
    assert n == 4
    con.close()


@pytest.fixture
def locked_out(tmp_path):
    """An output folder whose writer lock is held by a live process: (folder, holder PID)."""
    out = tmp_path / "out"
    code = (
        "import sys, time; from relata import store\n"
        "with store.writer_lock(sys.argv[1]):\n    print('held', flush=True); time.sleep(60)"
    )
    holder = subprocess.Popen([sys.executable, "-c", code, str(out)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    yield out, holder.pid
    holder.kill()
    holder.wait()


def test_build_lock_held_by_a_live_process_refuses_a_second_writer(locked_out):
    out, pid = locked_out
    with pytest.raises(store.LockedError, match=str(pid)), store.writer_lock(out):
        pass


def test_build_lock_of_a_killed_process_is_free_at_once(tmp_path):
    out = tmp_path / "out"
    code = (
        "import sys, time; from relata import store\n"
        "with store.writer_lock(sys.argv[1]):\n    print('held', flush=True); time.sleep(60)"
    )
    holder = subprocess.Popen([sys.executable, "-c", code, str(out)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    holder.kill()  # no chance to clean up: the kernel releases its flock
    holder.wait()
    assert json.loads((out / store.META_DIR / store.LOCK).read_text())["pid"] == holder.pid
    assert store.lock_holder(out) is None
    with store.writer_lock(out) as me:
        assert me["pid"] == os.getpid()
        assert json.loads((out / store.META_DIR / store.LOCK).read_text())["pid"] == os.getpid()
    # The lock file is never deleted (deleting it is what let two processes hold it at once).
    assert (out / store.META_DIR / store.LOCK).exists()


def test_build_reconcile_removes_parts_the_manifest_does_not_list(small_input, settings_for):
    s = settings_for(small_input)
    run_build(s)
    stray = store.Path(s.out) / "relations" / "part-20260101T000000-deadbeef-00007.parquet"
    shutil.copy(next((store.Path(s.out) / "relations").glob("*.parquet")), stray)
    assert f"relations/{stray.name}" in store.reconcile(store.Path(s.out))
    assert not stray.exists()


@pytest.mark.parametrize("sql", ["delete from articles", "create table x as select 1", "drop view relations"])
def test_query_refuses_statements_that_write(small_input, settings_for, sql):
    from typer.testing import CliRunner

    from relata.cli import app

    s = settings_for(small_input)
    run_build(s)
    res = CliRunner().invoke(app, ["query", sql, "--tables", s.out])
    assert res.exit_code != 0 and "read-only" in res.output


def test_query_reads(small_input, settings_for):
    from typer.testing import CliRunner

    from relata.cli import app

    s = settings_for(small_input)
    run_build(s)
    res = CliRunner().invoke(app, ["query", "select count(*) as n from articles", "--tables", s.out, "--format", "csv"])
    assert res.exit_code == 0 and "4" in res.output


def test_build_cli_refuses_a_second_writer_before_starting_prefect(locked_out):
    from typer.testing import CliRunner

    from relata.cli import app

    out, pid = locked_out
    res = CliRunner().invoke(app, ["build", "--input", str(SAMPLE_DIR), "--out", str(out)])
    assert res.exit_code == 3 and str(pid) in res.output


def test_build_reconcile_removes_temporary_files_of_interrupted_writes(small_input, settings_for):
    s = settings_for(small_input)
    run_build(s)
    stray = store.Path(s.out) / store.META_DIR / ".manifest.json.abc.tmp"
    stray.write_text("{")
    store.reconcile(store.Path(s.out))
    assert not stray.exists() and store.Manifest.load(s.out).parts["articles"]


def test_build_a_table_file_cut_into_batches_is_not_read_again(tmp_path, settings_for):
    import json as _json

    d = tmp_path / "in"
    d.mkdir()
    rows = [
        {
            "id": f"r{i}",
            "title": f"Story {i}",
            "text": f"Japan and Vietnam held talks in Hanoi on day {i}.",
            "url": None,
            "published": "2016-05-01",
            "outlet": "Wire",
        }
        for i in range(7)
    ]
    (d / "news.jsonl").write_text("\n".join(_json.dumps(r) for r in rows) + "\n")
    s = settings_for(d, batch_size=3)
    first = run_build(s)
    assert first.new == 7
    again = run_build(s)
    assert (again.read, again.unchanged_inputs) == (0, 1)


def test_model_process_never_loads_pandas_pandera_or_pyarrow(tmp_path):
    """What a model process runs (relata.batch) returns rows; validating and writing them is the
    committing process's job. Each of these libraries would cost every model process memory."""
    import subprocess
    import sys

    from relata.settings import SAMPLE_DIR

    article = sorted(SAMPLE_DIR.glob("*.txt"))[0]
    code = (
        "import sys\n"
        "from relata.batch import BatchSpec, extract_batch\n"
        "from relata.ingest import plan_units\n"
        "from relata.settings import Settings\n"
        f"units = plan_units({str(article)!r})\n"
        f"e = extract_batch(BatchSpec('run', 0, {str(tmp_path)!r}, units=units), Settings())\n"
        "print(len(e.article_ids), sum(len(v) for v in e.rows.values()) > 2,\n"
        "      [m for m in ('pandas', 'pandera', 'pyarrow') if m in sys.modules])\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert res.stdout.split("\n")[-2] == "1 True []"


def test_build_never_reads_an_unchanged_table_file_again(tmp_path, monkeypatch):
    """Rows are counted only in changed files: over object storage a count is a download."""
    from relata.build import plan_build
    from relata.ingest import planning as ingest
    from relata.settings import SAMPLE_DIR, Settings

    inp = tmp_path / "in"
    inp.mkdir()
    texts = [p.read_text() for p in sorted(SAMPLE_DIR.glob("*.txt"))[:2]]
    (inp / "wire.jsonl").write_text("".join(json.dumps({"id": f"w{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    settings = Settings(input=str(inp), out=str(tmp_path / "out"), workers=1)
    run_build(settings)
    (inp / "late.txt").write_text(texts[0] + "\n\nA closing paragraph the editors added later.\n")
    counted: list[str] = []
    real = ingest._count_rows
    monkeypatch.setattr(ingest, "_count_rows", lambda path, suffix: counted.append(path) or real(path, suffix))
    plan = plan_build(settings)
    assert counted == [] and plan.unchanged_inputs == 1 and sum(b.size for b in plan.batches) == 1


def test_a_long_build_keeps_only_a_window_of_batches_in_flight():
    # The flow submits batches through in_window: holding every future to the end made the
    # flow's memory grow with the number of articles.
    import concurrent.futures as cf
    import threading

    from relata.build import in_window

    submitted, outstanding, most = [], set(), [0]
    lock = threading.Lock()

    def submit(i):
        with lock:
            submitted.append(i)
            outstanding.add(i)
            most[0] = max(most[0], len(outstanding))
        return pool.submit(lambda: i)

    with cf.ThreadPoolExecutor(4) as pool:
        got = []
        for f in in_window(submit, range(50), 3):
            got.append(f.result())
            with lock:
                outstanding.discard(f.result())
        assert sorted(got) == list(range(50))
        assert most[0] == 3 + 1  # three in flight, and the one the caller is committing

        # A caller that stops early (a failed commit) leaves the rest unsubmitted.
        submitted.clear()
        stream = in_window(submit, range(50), 3)
        next(stream)
        stream.close()
        assert len(submitted) == 4


def test_build_preview_finds_the_plans_batches_of_new_articles_and_writes_nothing(tmp_path, settings_for):
    from relata.plan import plan_build, preview

    src = tmp_path / "in"
    src.mkdir()
    for name in ["2016-01-17-iran-sanctions-lifted.txt", "wire.jsonl"]:
        shutil.copy(SAMPLE_DIR / name, src / name)
    s = settings_for(src, batch_size=2)
    before = preview(s)
    Path(before[0].known_ids_path).unlink()  # (read by nothing here)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    plan = plan_build(s)
    assert [b.units for b in before] == [b.units for b in plan.batches] and len(before) >= 2
    run_build(s)
    # a new file: only its batches, and the ids built before, as the plan writes them
    shutil.copy(SAMPLE_DIR / "2016-03-21-obama-havana.txt", src / "2016-03-21-obama-havana.txt")
    before = preview(s)
    try:
        plan = plan_build(s)
        assert [b.units for b in before] == [b.units for b in plan.batches] == [plan.batches[0].units]
        assert Path(before[0].known_ids_path).read_text() == Path(plan.batches[0].known_ids_path).read_text() != ""
    finally:
        Path(before[0].known_ids_path).unlink()
