"""The wheel works on its own: installed (not editable) into a fresh virtual environment, run from
another directory, it builds, queries and releases (issue 13: a plain install used to reject every
article for a missing data file and look for the sample inside site-packages)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RELATA_SHARED", ROOT.parent / "shared"))


def run(*cmd: str, cwd: Path, env: dict | None = None, timeout: int = 900) -> subprocess.CompletedProcess:
    res = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert res.returncode == 0, f"{' '.join(cmd)}\n{res.stdout[-3000:]}\n{res.stderr[-3000:]}"
    return res


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel (and the locked dependencies) installed."""
    uv = shutil.which("uv") or str(Path(sys.executable).with_name("uv"))
    if not Path(uv).exists():
        pytest.skip("uv is not installed (it is in the dev dependencies)")
    tmp = tmp_path_factory.mktemp("wheel")
    run(uv, "build", "--wheel", "--out-dir", str(tmp / "dist"), str(ROOT), cwd=tmp)
    [wheel] = list((tmp / "dist").glob("relata-*.whl"))
    venv = tmp / "venv"
    run(uv, "venv", "--python", sys.executable, str(venv), cwd=tmp)
    py = str(venv / "bin" / "python")
    run(uv, "pip", "install", "--python", py, "-r", str(ROOT / "requirements.lock"), cwd=tmp)
    run(uv, "pip", "install", "--python", py, "--no-deps", str(wheel), cwd=tmp)
    return venv


def env_for(venv: Path, home: Path) -> dict:
    # As on a user's fresh machine: the first build starts relata's background Prefect server
    # (in this test's own home, stopped at the end) and the later commands reuse it; a temporary
    # server per command cost about 15 s each.
    return {
        **{k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "RELATA_PREFECT_SERVER")},
        "PATH": f"{venv / 'bin'}:{os.environ['PATH']}",
        "RELATA_HOME": str(home),
        "PYTHONPATH": "",
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    }


@pytest.mark.slow
@pytest.mark.timeout(1500)
def test_package_wheel_builds_the_seed_and_the_sample_from_another_directory(installed, tmp_path):
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared not available")
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = env_for(installed, tmp_path / "home")
    relata = str(installed / "bin" / "relata")
    try:
        _use_the_wheel(installed, relata, work, env)
    finally:
        subprocess.run([relata, "server", "stop"], cwd=work, env=env, capture_output=True, timeout=60)


def _use_the_wheel(installed: Path, relata: str, work: Path, env: dict) -> None:
    # The installed package is the one imported, not the checkout.
    where = run(
        str(installed / "bin" / "python"),
        "-c",
        "import relata, relata.extractors; print(relata.__file__, relata.extractors.__file__)",
        cwd=work,
        env=env,
    ).stdout
    assert str(ROOT) not in where and "site-packages" in where
    # The trained models ship whole: the installed package decides with the same models and versions.
    from relata.extractors import learned, version

    installed_versions = run(
        str(installed / "bin" / "python"),
        "-c",
        "import json; from relata.extractors import learned, version; "
        "print(json.dumps([learned.available(), version.versions()]))",
        cwd=work,
        env=env,
    ).stdout
    assert json.loads(installed_versions) == [learned.available(), version.versions()]
    run(relata, "build", "--input", str(SHARED / "seeds"), "--out", "seed", cwd=work, env=env)
    out = run(
        relata,
        "query",
        "select count(*) as n from relations",
        "--tables",
        "seed",
        "--format",
        "json",
        cwd=work,
        env=env,
    ).stdout
    assert json.loads(out)[0]["n"] > 0
    rejects = run(
        relata,
        "query",
        "select count(*) as n from rejects where stage = 'ingest'",
        "--tables",
        "seed",
        "--format",
        "json",
        cwd=work,
        env=env,
    ).stdout
    assert json.loads(rejects)[0]["n"] == 0  # a plain install used to reject every article: no data file
    # No arguments: the embedded sample, into ./data/tables under the current directory.
    run(relata, "build", cwd=work, env=env)
    assert (work / "data" / "tables" / "relata.duckdb").is_file()
    out = run(relata, "query", "select count(*) as n from articles", "--format", "json", cwd=work, env=env).stdout
    assert json.loads(out)[0]["n"] >= 17
    # A release from the installed package: its gates file ships with it.
    run(relata, "release", "--version", "2026.12.02", cwd=work, env=env)
    run(relata, "release", "verify", "data/releases/2026.12.02", cwd=work, env=env)


def test_package_lists_every_subpackage_of_relata():
    """A subpackage missing from pyproject's explicit list is missing from the wheel (relata.derive once was)."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {"relata." + p.parent.name for p in (ROOT / "relata").glob("*/__init__.py")}
    assert found <= listed, sorted(found - listed)
