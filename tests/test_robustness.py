"""Robustness (issue 7): bad input, crashes mid-run, concurrent runs, limits, read-only queries.

Each test guards one guarantee of the issue and fails when its guarding code
is removed (the closing note of issue 7 says how each one failed). Inputs are
generated here, never committed.
"""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import duckdb
import pytest

from relata import schemas, store
from relata.build import run_build
from relata.settings import PROJECT_ROOT, SAMPLE_DIR, Settings

PY = sys.executable
KEYS = {name: t.primary_key for name, t in schemas.TABLES.items()}


def sql(query: str, *params) -> list[tuple]:
    con = duckdb.connect()
    try:
        return con.execute(query, list(params)).fetchall()
    finally:
        con.close()


def glob(out: Path, table: str) -> str:
    return store.table_glob(out, table)


def news(n: int, where: str = "Japan and Vietnam") -> str:
    """A short English news article; distinct for every n."""
    return (
        f"Talks in the capital, round {n}\n\n"
        f"The foreign ministers of {where} met on Monday for the {n}th round of talks and agreed to "
        f"expand cooperation in energy and infrastructure, officials said. The two sides will meet "
        f"again next year, the ministry said in a statement.\n"
    )


def news_folder(tmp_path, rounds) -> pathlib.Path:
    """An input folder with one short news article per round (a<i>.txt)."""
    root = tmp_path / "in"
    root.mkdir()
    for i in rounds:
        (root / f"a{i}.txt").write_text(news(i), encoding="utf-8")
    return root


# --- 1. every input is accounted for ----------------------------------------------

N_TINY = 10_000
TINY_VALID_EVERY = 40  # 250 valid short English articles; the rest are one word


def _make_bad_and_good_inputs(root: Path, outside: Path) -> tuple[dict[str, str], set[str], int]:
    """Write the inputs of issue 7; return ({bad source_uri: expected reason}, good source_uris, records read)."""
    bad: dict[str, str] = {}
    good: set[str] = set()
    read = 0

    def put(name: str, data: bytes | str, reason: str | None) -> None:
        nonlocal read
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        read += 1
        if reason:
            bad[name] = reason
        else:
            good.add(name)

    put("empty.txt", b"", "empty file")
    put("blank.md", "  \n\n\t\n", "empty file")
    put("binary.txt", bytes(range(256)) * 40, "binary file")
    put("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary file")
    put("one word.txt", "Hello\n", "article too short")
    put(
        "french.txt",
        "Le président russe est attendu à Pyongyang mardi pour un sommet de deux jours avec "
        "le dirigeant nord-coréen, a annoncé le Kremlin dans un communiqué publié lundi soir.\n",
        "not in English",
    )
    put(
        "script.html",
        "<html><head><title>x</title><script>var a = 1; document.write('Russia and China "
        "sign a pact');</script><style>p {color: red}</style></head></html>",
        "no article text found in the HTML page",
    )
    put(
        "no text column.csv", "id,title,url\n1,Hello,http://x/1\n2,World,http://x/2\n", "CSV file without a text column"
    )
    # Encodings: each a different article, so none is a duplicate of another.
    cafe = (
        "Café diplomacy, part {n}\n\nFrance's président met Japan's foreign minister in Paris on Monday "
        "to discuss trade and energy, officials said ({n})."
    )
    put("latin1.txt", cafe.format(n=1).encode("latin-1"), None)
    put("utf16-le-bom.txt", b"\xff\xfe" + cafe.format(n=2).encode("utf-16-le"), None)
    put("utf16-be-bom.txt", b"\xfe\xff" + cafe.format(n=3).encode("utf-16-be"), None)
    put("utf16-le-no-bom.txt", cafe.format(n=4).encode("utf-16-le"), None)
    put("utf16-be-no-bom.txt", cafe.format(n=5).encode("utf-16-be"), None)
    put("utf8-bom.txt", b"\xef\xbb\xbf" + cafe.format(n=6).encode("utf-8"), None)
    put("Hà Nội talks — ngày 2 (final).txt", news(2, "Vietnam and Japan"), None)
    put(
        "good.html",
        f"<html><head><title>Ministers meet</title></head><body><article><h1>Ministers meet"
        f"</h1><p>{news(3).splitlines()[2]}</p></article></body></html>",
        None,
    )
    # The same article as news(2) under another name: read, then skipped as a duplicate.
    put("copy of the Hanoi talks.txt", news(2, "Vietnam and Japan"), None)
    good.discard("copy of the Hanoi talks.txt")
    # A JSON Lines file with a broken line in the middle: two articles and one reject.
    rows = [
        {
            "id": f"wire-{i}",
            "title": f"Wire story {i}",
            "text": news(10 + i).split("\n\n", 1)[1],
            "url": f"http://wire/{i}",
            "published": "2016-01-10",
            "outlet": "Wire",
        }
        for i in range(3)
    ]
    (root / "wire.jsonl").write_text(
        json.dumps(rows[0]) + '\n{"id": "wire-1", "text": "broken\n' + json.dumps(rows[2]) + "\n", encoding="utf-8"
    )
    read += 3
    good |= {"wire-0", "wire-2"}
    bad["wire.jsonl#2"] = "malformed JSON line"
    # A symbolic link to a file outside the input folder: not followed.
    (outside / "secret.txt").write_text(news(99), encoding="utf-8")
    (root / "link to outside.txt").symlink_to(outside / "secret.txt")
    read += 1
    bad["link to outside.txt"] = "symbolic link pointing outside the input folder"
    # 10,000 tiny files: mostly one word (too short), some short English sentences naming no
    # country (built, with no candidate sentence for the parser).
    tiny = root / "tiny"
    tiny.mkdir()
    for i in range(N_TINY):
        name = f"tiny/t{i:05d}.txt"
        if i % TINY_VALID_EVERY == 0:
            (root / name).write_text(f"The local bakery on the high street sold {i} loaves of bread today.\n")
            good.add(name)
        else:
            (root / name).write_text(f"word{i}\n")
            bad[name] = "article too short"
    read += N_TINY
    return bad, good, read


def test_build_every_input_is_accounted_for(tmp_path, monkeypatch):
    root, outside = tmp_path / "in", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    bad, good, n_read = _make_bad_and_good_inputs(root, outside)
    # A 50 MB text file: rejected from its size, without reading it.
    huge = root / "huge.txt"
    line = b"The minister said the talks would continue next week in the capital city.\n"
    with huge.open("wb") as fh:
        for _ in range(50 * 2**20 // (len(line) * 1000) + 1):
            fh.write(line * 1000)
    n_read += 1
    bad["huge.txt"] = "article too large"
    read_paths: list[str] = []
    real_read_bytes = pathlib.Path.read_bytes
    monkeypatch.setattr(pathlib.Path, "read_bytes", lambda self: read_paths.append(self.name) or real_read_bytes(self))

    out = tmp_path / "out"
    summary = run_build(Settings(input=str(root), out=str(out), workers=1))

    # Every article read is written, skipped as a duplicate or rejected, and the summary says so.
    assert summary.read == n_read
    assert summary.new == len(good) and summary.duplicates == 1 and summary.rejected == len(bad)
    assert summary.read == summary.new + summary.duplicates + summary.rejected
    assert f"{summary.read} = {summary.new} + {summary.duplicates} + {summary.rejected}" in summary.markdown()
    assert "huge.txt" not in read_paths, "the 50 MB file was read to find it too large"

    # Each bad input is exactly one rejects row, with the reason a person understands.
    rej = sql(
        f"select source_uri, count(*), min(reason), min(detail) from read_parquet('{glob(out, 'rejects')}') "
        "group by source_uri"
    )
    got = {uri: (n, reason, detail) for uri, n, reason, detail in rej}
    assert set(got) == set(bad)
    assert [u for u, (n, _, _) in got.items() if n != 1] == []
    wrong = {u: r for u, (_, r, _) in got.items() if not r.startswith(bad[u])}
    assert wrong == {}
    assert "bytes" in got["huge.txt"][2]  # found from the file size, not from its text

    # The good ones are built, under their names.
    built = {u for (u,) in sql(f"select source_uri from read_parquet('{glob(out, 'articles')}')")}
    assert built == good
    assert sql(f"select count(*) from read_parquet('{glob(out, 'article_texts')}')") == [(len(good),)]
    latin = sql(
        f"select text from read_parquet('{glob(out, 'article_texts')}') t join "
        f"read_parquet('{glob(out, 'articles')}') a using (article_id) where source_uri = 'latin1.txt'"
    )
    assert "Café diplomacy" in latin[0][0] and "président" in latin[0][0]


# --- 2. crash safety -------------------------------------------------------------------

# A build in another process, killed with SIGKILL. With a crash point "when:what:n" it kills
# itself just before (or after) its n-th rename of a Parquet part into a table folder ("table")
# or of the manifest ("manifest"): the moments where a build changes what is committed.
# Without one, the test kills it from outside after a delay.
CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path

    inp, out, crash = sys.argv[1], Path(sys.argv[2]).resolve(), sys.argv[3]
    from relata import store
    from relata.build import run_build
    from relata.settings import Settings
    from relata.extractors.pipeline import load_parser, load_scanner

    load_parser(), load_scanner()
    if crash != "none":
        when, what, nth = crash.split(":")
        seen, real_replace = [0], os.replace

        def kind(dst):
            p = Path(dst).resolve()
            if p.name == store.MANIFEST:
                return "manifest"
            return "table" if p.parent.parent == out and p.parent.name in store.ALL_TABLES else "other"

        def replace(src, dst, **kw):
            hit = False
            if kind(dst) == what:
                seen[0] += 1
                hit = seen[0] == int(nth)
            if hit and when == "before":
                os.kill(os.getpid(), signal.SIGKILL)
            real_replace(src, dst, **kw)
            if hit and when == "after":
                os.kill(os.getpid(), signal.SIGKILL)

        os.replace = replace
    print("go", flush=True)
    run_build(Settings(input=inp, out=str(out), workers=1, batch_size=2))
    print("done", flush=True)
""")

# Crash points first (each commits at most two batches), then kills from outside, timed from
# the start of the process or from the moment its build starts. Each kill is a new process that
# loads the models (about 6 s): one of each kind of moment, not more (a part staged, a part
# moved in, the manifest about to change and just changed, a second batch; starting, working).
CRASHES = [
    ("before:table:1", None),
    ("after:table:3", None),
    ("before:manifest:1", None),
    ("after:manifest:1", None),
    ("before:manifest:2", None),
    ("none", ("start", 0.5)),
    ("none", ("go", 0.5)),
    ("none", ("go", 3.0)),
]


def _crash_inputs(root: Path) -> tuple[list[str], list[str]]:
    """The sample plus variants of it (distinct articles) and two bad files; (base files, extra files)."""
    samples = sorted(p for p in SAMPLE_DIR.iterdir() if p.is_file())
    base = [p.name for p in samples[:8]] + ["wire.jsonl"]
    for p in samples:
        shutil.copy(p, root / p.name)
    extra = [p.name for p in samples if p.name not in base]
    texts = [p for p in samples if p.suffix == ".txt"]
    for i in range(24):
        src = texts[i % len(texts)]
        name = f"variant-{i:02d}-{src.name}"
        (root / name).write_text(
            src.read_text(encoding="utf-8")
            + f"\nThis report was updated {i + 2} times with details from the ministry.\n",
            encoding="utf-8",
        )
        extra.append(name)
    (root / "zz-empty.txt").write_text("")
    (root / "zz-one-word.txt").write_text("Breaking\n")
    shutil.copy(SAMPLE_DIR / base[0], root / "zz-copy-of-a-built-article.txt")
    extra += ["zz-empty.txt", "zz-one-word.txt", "zz-copy-of-a-built-article.txt"]
    return base, extra


def _keys(out: Path, table: str) -> list[tuple]:
    cols = KEYS[table] or ("source_uri", "article_id", "stage", "reason", "detail")
    return sql(f"select {', '.join(cols)} from read_parquet('{glob(out, table)}') order by all")


def _check_committed_tables(out: Path, base_ids: set[str]) -> None:
    """What a reader sees after a crash: readable, valid, keys unique, the committed rows all there."""
    m = store.Manifest.load(out)
    for t in schemas.TABLES:
        keys = _keys(out, t)  # read_parquet over the folder works
        if KEYS[t]:
            assert len(keys) == len(set(keys)), f"{t}: duplicate primary keys after a crash"
        missing = [p for p in m.parts[t] if not (out / t / p).exists()]
        assert missing == [], f"{t}: the manifest lists parts that do not exist: {missing}"
        rows = store.read_table(out, t).to_pylist()
        _, bad = schemas.split_valid(t, rows)
        assert bad == [], f"{t}: invalid rows after a crash: {bad[:2]}"
    assert base_ids <= {k for (k,) in _keys(out, "articles")}, "committed articles lost in a crash"
    store.reconcile(out)
    for t in schemas.TABLES:
        on_disk = {p.name for p in (out / t).glob("*.parquet")}
        assert on_disk == set(store.Manifest.load(out).parts[t]), f"{t}: parts on disk the manifest does not list"


def _build_and_kill(root: Path, out: Path, crash: str, timed: tuple[str, float] | None) -> int:
    """Run a build of root into out in another process and kill it; return its exit code."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    child = subprocess.Popen(
        [PY, "-c", CHILD, str(root), str(out), crash],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        if timed:
            since, delay = timed
            if since == "go":
                assert child.stdout.readline().strip() == "go", child.stderr.read()
            time.sleep(delay)
            child.send_signal(signal.SIGKILL)
        child.wait(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    err = child.stderr.read()
    if not timed:  # a crash point must be reached: there is work left to crash in
        assert child.returncode == -signal.SIGKILL, f"{crash}: exit {child.returncode}\n{err[-3000:]}"
    assert child.returncode in (0, -signal.SIGKILL), f"{crash} {timed}: exit {child.returncode}\n{err[-3000:]}"
    return child.returncode


def _assert_same_tables(out: Path, ref: Path) -> None:
    for t in schemas.TABLES:
        got, want = _keys(out, t), _keys(ref, t)
        assert len(got) == len(set(got)) or not KEYS[t], f"{t}: duplicate rows after the crashes"
        assert got == want, f"{t}: {len(set(want) - set(got))} row(s) missing, {len(set(got) - set(want))} extra"


def test_build_killed_at_any_moment_loses_and_duplicates_nothing(tmp_path):
    root, out, ref = tmp_path / "in", tmp_path / "out", tmp_path / "ref"
    root.mkdir()
    base, _ = _crash_inputs(root)
    # The base build: the first files only.
    base_in = tmp_path / "base"
    base_in.mkdir()
    for name in base:
        shutil.copy(root / name, base_in / name)
    run_build(Settings(input=str(base_in), out=str(out), workers=1, batch_size=2))
    base_ids = {k for (k,) in _keys(out, "articles")}
    assert len(base_ids) >= 8
    # The reference: a clean build of the full input, in one go.
    run_build(Settings(input=str(shutil.copytree(root, tmp_path / "in-copy")), out=str(ref), workers=1, batch_size=2))

    # Build the rest, killed again and again; after each kill the tables are readable and valid.
    for crash, timed in CRASHES:
        _build_and_kill(root, out, crash, timed)
        _check_committed_tables(out, base_ids)
    # The next build completes and gives exactly what the clean build gave.
    final = run_build(Settings(input=str(root), out=str(out), workers=1, batch_size=2))
    assert final.read == final.new + final.duplicates + final.rejected
    _assert_same_tables(out, ref)

    # An extractor changed: its table is rebuilt from the stored texts, and killed while it is:
    # right before its old parts are dropped, right after, and in the middle of the rebuild.
    m = store.Manifest.load(out)
    m.extractor_versions["relations"] = "relations-old"
    m.save(out)
    for crash in ["before:table:1", "after:manifest:1", "after:manifest:3"]:
        _build_and_kill(root, out, crash, None)
        _check_committed_tables(out, base_ids)
    again = run_build(Settings(input=str(root), out=str(out), workers=1, batch_size=2))
    assert again.rebuilt_tables == ["relations"]
    _assert_same_tables(out, ref)


# --- 3. one writer at a time -------------------------------------------------------------


def _wait_for_lock(out: Path, pid: int, child: subprocess.Popen, timeout: float = 90) -> None:
    lock = out / store.META_DIR / store.LOCK
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        assert child.poll() is None, f"the first build ended early: {child.stderr.read()[-3000:]}"
        try:
            if json.loads(lock.read_text()).get("pid") == pid:
                return
        except (OSError, ValueError):
            pass
        time.sleep(0.05)
    raise AssertionError("the first build never took the lock")


def test_build_second_writer_fails_at_once_naming_the_running_build(tmp_path):
    busy, other, out = tmp_path / "busy", tmp_path / "other", tmp_path / "out"
    busy.mkdir()
    other.mkdir()
    # Enough articles that the first build is still running when the CLI's Prefect has started.
    texts = sorted(p for p in SAMPLE_DIR.iterdir() if p.suffix == ".txt")
    for i in range(600):
        src = texts[i % len(texts)]
        (busy / f"{i:03d}-{src.name}").write_text(
            src.read_text(encoding="utf-8") + f"\nUpdate {i}.\n", encoding="utf-8"
        )
    (other / "new.txt").write_text(news(1), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    holder = subprocess.Popen(
        [PY, "-c", CHILD, str(busy), str(out), "none"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for_lock(out, holder.pid, holder)

        # In this process: refused at once, with the holder's PID.
        t0 = time.monotonic()
        with pytest.raises(store.LockedError, match=rf"PID {holder.pid}\b"), store.writer_lock(out):
            pass
        with pytest.raises(store.LockedError, match=rf"PID {holder.pid}\b"):
            run_build(Settings(input=str(other), out=str(out), workers=1))
        assert time.monotonic() - t0 < 2

        # From the command line: exit code 3 and the same message, while the first build still runs.
        res = subprocess.run(
            [PY, "-m", "relata.cli", "build", "--input", str(other), "--out", str(out), "--workers", "1"],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert res.returncode == 3, res.stdout[-2000:] + res.stderr[-2000:]
        assert f"PID {holder.pid}" in " ".join(res.stderr.split()), res.stderr[-2000:]
        assert holder.poll() is None, "the first build finished before the second was refused"
    finally:
        holder.kill()
        holder.wait()

    # Its lock, held by a process that is gone, is free for the next build.
    assert json.loads((out / store.META_DIR / store.LOCK).read_text())["pid"] == holder.pid
    summary = run_build(Settings(input=str(other), out=str(out), workers=1))
    assert summary.new == 1
    assert store.lock_holder(out) is None  # released; the lock file itself is never deleted


# --- 4. no crash on any text (the properties are in test_properties.py) ---------------------


def test_build_an_extractor_crash_rejects_that_article_and_the_build_goes_on(tmp_path, monkeypatch):
    from relata import extractors

    real = extractors.extract_all

    def crashing(parsed, **kw):
        if "round 2" in parsed.text:
            raise RecursionError("maximum recursion depth exceeded")  # as a pathological parse might
        return real(parsed, **kw)

    monkeypatch.setattr(extractors, "extract_all", crashing)
    root = news_folder(tmp_path, range(1, 4))
    out = tmp_path / "out"
    summary = run_build(Settings(input=str(root), out=str(out), workers=1))
    assert (summary.read, summary.new, summary.rejected) == (3, 2, 1)
    rej = sql(f"select source_uri, stage, reason, detail from read_parquet('{glob(out, 'rejects')}')")
    assert rej == [("a2.txt", "extract", "extraction failed", "RecursionError: maximum recursion depth exceeded")]
    built = sql(f"select source_uri from read_parquet('{glob(out, 'articles')}') order by 1")
    assert built == [("a1.txt",), ("a3.txt",)]


# --- 5. limits -------------------------------------------------------------------------


def test_build_too_large_article_is_rejected_not_truncated(tmp_path):
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    limit = 2_000
    body = news(1).split("\n\n", 1)[1].strip()
    long_text = " ".join([body] * 12)  # about 3,000 characters: read, then found too long
    (root / "long.txt").write_text(f"Long talks\n\n{long_text}\n", encoding="utf-8")
    (root / "huge.txt").write_text(f"Huge talks\n\n{long_text * 10}\n", encoding="utf-8")  # > 4 bytes a character
    (root / "rows.jsonl").write_text(
        json.dumps({"id": "long-row", "title": "Row", "text": long_text})
        + "\n"
        + json.dumps({"id": "short-row", "title": "Row", "text": body})
        + "\n"
    )
    (root / "short.txt").write_text(news(2), encoding="utf-8")
    summary = run_build(Settings(input=str(root), out=str(out), workers=1, max_article_chars=limit))

    assert summary.read == 5 and summary.new == 2 and summary.rejected == 3
    rej = dict(sql(f"select source_uri, reason || ': ' || detail from read_parquet('{glob(out, 'rejects')}')"))
    assert set(rej) == {"long.txt", "huge.txt", "long-row"}
    assert all(r.startswith("article too large") and str(limit) in r for r in rej.values()), rej
    # The built ones are whole; nothing was cut to fit.
    built = dict(
        sql(
            f"select source_uri, length(text) from read_parquet('{glob(out, 'articles')}') "
            f"join read_parquet('{glob(out, 'article_texts')}') using (article_id)"
        )
    )
    assert set(built) == {"short.txt", "short-row"}
    assert built["short-row"] == len("Row\n\n" + body)


def _timeout_inputs(root: Path) -> None:
    root.mkdir()
    shutil.copy(SAMPLE_DIR / "2016-03-21-obama-havana.txt", root)
    # Long, but not one sentence worth parsing: its time goes to the scanner and the extractors.
    (root / "bakery.txt").write_text(
        "Bakery news\n\n" + " ".join(f"The local bakery sold {i} loaves of bread today." for i in range(2_000)),
        encoding="utf-8",
    )


@pytest.mark.parametrize("thread", ["main thread", "worker thread"])
def test_build_article_over_its_time_limit_is_rejected(tmp_path, thread):
    """In the main thread a signal stops the article; in a worker thread (the Prefect flow with one
    worker runs batches in threads) it is rejected once over its limit."""
    root, out = tmp_path / "in", tmp_path / "out"
    _timeout_inputs(root)
    settings = Settings(input=str(root), out=str(out), workers=1, article_timeout_s=0.001)
    if thread == "main thread":
        summary = run_build(settings)
    else:
        done: dict = {}
        t = threading.Thread(target=lambda: done.update(summary=run_build(settings)))
        t.start()
        t.join()
        summary = done["summary"]

    assert summary.read == 2 and summary.new == 0 and summary.rejected == 2
    rej = sql(f"select source_uri, stage, reason, article_id from read_parquet('{glob(out, 'rejects')}') order by 1")
    assert [r[:3] for r in rej] == [
        ("2016-03-21-obama-havana.txt", "parse", "article took too long to process"),
        ("bakery.txt", "parse", "article took too long to process"),
    ]
    ids = [r[3] for r in rej]
    for table in [t for t, spec in schemas.TABLES.items() if "article_id" in spec.columns and t != "rejects"]:
        n = sql(f"select count(*) from read_parquet('{glob(out, table)}') where article_id in (?, ?)", *ids)
        assert n == [(0,)], f"{table} has rows of an article that took too long"


def test_build_runaway_article_is_stopped_at_its_time_limit(tmp_path, monkeypatch):
    from relata import extractors

    real = extractors.extract_all

    def runaway(parsed, **kw):
        if "round 2" in parsed.text:
            time.sleep(20)  # as a pathological sentence might take
        return real(parsed, **kw)

    monkeypatch.setattr(extractors, "extract_all", runaway)
    root = news_folder(tmp_path, range(1, 4))
    t0 = time.monotonic()
    summary = run_build(Settings(input=str(root), out=str(tmp_path / "out"), workers=1, article_timeout_s=0.5))
    assert time.monotonic() - t0 < 10, "the build waited for the runaway article"
    assert (summary.new, summary.rejected) == (2, 1)
    assert dict(summary.reject_reasons) == {"article took too long to process": 1}


def test_build_a_group_that_cannot_be_parsed_together_is_parsed_one_by_one(tmp_path, monkeypatch):
    """Short articles are parsed a group at a time; a group that fails is parsed again article by
    article, so that only an article at fault is rejected, and here none is."""
    from relata.extractors import pipeline

    calls = []

    def failing_group(items, **kw):
        calls.append(len(list(items)))
        raise RuntimeError("as a bad sentence in one of the articles might")

    monkeypatch.setattr(pipeline, "parse_articles", failing_group)
    root = news_folder(tmp_path, range(1, 4))
    summary = run_build(Settings(input=str(root), out=str(tmp_path / "out"), workers=1))
    assert calls == [3], "the three short articles were not tried as one group"
    assert (summary.new, summary.rejected) == (3, 0), dict(summary.reject_reasons)


def test_build_model_load_is_not_charged_to_the_first_article(tmp_path, monkeypatch):
    from relata.extractors import pipeline

    real, calls = pipeline.load_parser, []

    def slow_first_load():
        if not calls:
            time.sleep(1.0)  # as a fresh model process loading en_core_web_sm
        calls.append(1)
        return real()

    monkeypatch.setattr(pipeline, "load_parser", slow_first_load)
    root = news_folder(tmp_path, range(2))
    summary = run_build(Settings(input=str(root), out=str(tmp_path / "out"), workers=1, article_timeout_s=0.5))
    assert summary.rejected == 0 and summary.new == 2, dict(summary.reject_reasons)


# --- 6. queries are read-only --------------------------------------------------------------


@pytest.fixture
def built_db(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(news(1), encoding="utf-8")
    s = Settings(input=str(root), out=str(tmp_path / "out"), workers=1)
    run_build(s)
    return s.db_path()


def _query(db: Path, statement: str):
    from typer.testing import CliRunner

    from relata.cli import app

    # "--": a statement may start with a comment ("-- ..."), which would read as an option.
    return CliRunner().invoke(app, ["query", "--tables", str(db.parent), "--format", "csv", "--", statement])


@pytest.mark.parametrize(
    "statement",
    [
        # Writes to the database that the first-word check lets through: DuckDB's read-only
        # connection refuses them.
        "with x as (select 1) insert into relata_meta select 'x', 'y'",
        "/* a note */ create table t as select 1",
        "  -- a note\n  drop view relations",
        # Writes to files, which a read-only connection allows: refused by statement type.
        "-- a note\ncopy (select * from articles) to '{leak}'",
        "select 1; copy (select * from articles) to '{leak}'",
        "explain analyze copy (select * from articles) to '{leak}'",
        "/**/ export database '{leak}'",
    ],
)
def test_query_refuses_writes_the_first_word_does_not_show(built_db, tmp_path, statement):
    leak = tmp_path / "leak.csv"
    before = built_db.read_bytes()
    res = _query(built_db, statement.format(leak=leak))
    assert res.exit_code == 2 and "relata query is read-only" in " ".join(res.output.split()), res.output
    assert not leak.exists()
    assert built_db.read_bytes() == before


def test_query_opens_the_database_read_only(built_db):
    # Another reader (a dashboard, a release) has the database open: a read-only connection can
    # share it, a read-write one cannot take its lock.
    reader = subprocess.Popen(
        [
            PY,
            "-c",
            "import duckdb, sys, time; con = duckdb.connect(sys.argv[1], read_only=True); "
            "print('open', flush=True); time.sleep(60)",
            str(built_db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout.readline().strip() == "open"
        res = _query(built_db, "select count(*) as n from articles")
        assert res.exit_code == 0, res.output
        assert res.output.split() == ["n", "1"]
    finally:
        reader.kill()
        reader.wait()
