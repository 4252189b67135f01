"""The README's examples work on the embedded sample (a newcomer's first query used to return nothing)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from relata import query

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def readme_queries() -> list[str]:
    """Every SQL statement the README runs with `relata query` or `con.sql(...)`/`duckdb.sql(...)`."""
    found = []
    for line in README.splitlines():
        line = line.split("#")[0].strip() if line.startswith("relata query") else line.strip()
        if line.startswith("relata query"):
            args = shlex.split(line)
            found += [a for a in args[2:] if a.lower().startswith("select")]
        m = re.search(r"\.sql\(\"(select[^\"]+)\"\)", line)
        if m:
            found.append(m.group(1))
    return found


def test_readme_has_query_examples():
    assert len(readme_queries()) >= 3


@pytest.mark.parametrize("sql", readme_queries())
def test_readme_query_returns_rows_on_the_sample(sample_build, sql):
    sql = re.sub(r"read_parquet\('data/tables/(\w+)/\*\.parquet'\)", r"\1", sql)
    con = query.open_tables(sample_build)
    try:
        _cols, rows = query.run(con, sql, timeout_s=60)
    finally:
        con.close()
    assert rows, f"no rows on the sample: {sql}"


def test_readme_set_up_commands_are_exactly_what_ci_runs():
    # The brief: `.ci/run` runs exactly the README's two set-up commands (install and build; check and test).
    setup = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    blocks = [b.strip() for b in re.findall(r"```\n(.*?)```", setup, flags=re.S)]
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text().splitlines()
    commands = [line.strip() for line in ci if line.strip() and not line.startswith(("#", "set ", "cd "))]
    assert blocks[:2] == commands, (blocks, commands)
