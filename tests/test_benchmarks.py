"""Smoke runs of the benchmarks: they run and print their tables (the figures come from full runs)."""

from __future__ import annotations

import subprocess
import sys

from relata.settings import PROJECT_ROOT

BENCH = PROJECT_ROOT / "benchmarks"


def run(*args: str, timeout: int = 600) -> str:
    res = subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=timeout, cwd=PROJECT_ROOT)
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-2000:]
    return res.stdout


def test_benchmark_query_smoke_prints_every_example_query():
    out = run(str(BENCH / "query.py"), "--smoke")
    for name in (
        "relations by dyad and type",
        "dyad timeline by month",
        "top senders of sanctions",
        "cooperation areas by pair",
    ):
        assert name in out


def test_benchmark_derive_smoke_prints_incremental_costs_and_the_readme_queries():
    out = run(str(BENCH / "derive.py"), "--smoke")
    assert "| full recompute (baseline) |" in out and "article(s) (5 relations rows) |" in out
    for name in ("a dyad's events, most reported first", "regimes against Iran in force in June 2016"):
        assert name in out


def test_benchmark_derive_queries_are_the_readmes():
    """The README shows the queries the benchmark times, word for word (whitespace aside)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_derive", BENCH / "derive.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    readme = " ".join((PROJECT_ROOT / "README.md").read_text().split())
    for _table, sql in mod.QUERIES.values():
        assert " ".join(sql.split()) in readme


def test_benchmark_throughput_smoke_prints_both_runs_and_the_ratio(corpora):
    out = run(str(BENCH / "throughput.py"), "--smoke", "--engine", "local")
    assert "baseline nlp.pipe" in out and "relata build" in out and "throughput ratio" in out


def test_benchmark_quality_prints_the_dev_set_the_seed_and_the_cross_validation(corpora):
    out = run(str(BENCH / "quality.py"))
    assert "| relations |" in out and "Macro F1" in out and "seed article" in out
    if (PROJECT_ROOT / "relata" / "data" / "training_report.json").is_file():
        assert "cross-validation:" in out and "| rules only |" in out and "| combined |" in out
