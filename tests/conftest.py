"""Shared fixtures. Tests that need the spaCy model load it once per session;
tests that read ../shared/corpora skip when it is absent."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RELATA_SHARED", ROOT.parent / "shared"))
CORPORA = Path(os.environ["RELATA_CORPORA"]) if os.environ.get("RELATA_CORPORA") else SHARED / "corpora"

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
# The CLI raises Prefect's 20 s limit for its temporary server before Prefect is imported
# (relata.prefect_server.use); in the test process Prefect is imported long before a test invokes
# the CLI, so the limit is raised here (on a loaded machine a CLI build timed out at 20 s).
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
if os.environ.get("PYTEST_XDIST_WORKER"):
    # Under pytest-xdist (`pytest -n 2`, as CI runs) each worker process starts its own temporary
    # Prefect server: each gets its own Prefect home, so that the servers' SQLite databases and
    # settings never meet.
    import tempfile

    os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix=f"relata-prefect-{os.environ['PYTEST_XDIST_WORKER']}-")
    # A worker's temporary Prefect server is stopped at the worker's exit, after xdist has closed the worker's
    # output: its "Stopping temporary server" line then failed to print and logging printed a traceback into the
    # CI log. Errors while logging are not raised in workers (logging's own switch for this).
    import logging

    logging.raiseExceptions = False


@pytest.fixture(scope="session")
def corpora() -> Path:
    if not (CORPORA / "splits.json").exists():
        pytest.skip("shared corpora not available (set RELATA_CORPORA)")
    return CORPORA


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "gold" / "seed.jsonl").exists():
        pytest.skip("../shared not available")
    return SHARED


@pytest.fixture(scope="session")
def parse():
    """Parse a text as an article published on a given day (default 2024-06-18)."""
    from relata.extractors.document import ArticleMeta, article_id_for
    from relata.extractors.pipeline import parse_article

    def _parse(text: str, published: str = "2024-06-18", prefilter: bool = False):
        pub = dt.datetime.fromisoformat(published).replace(tzinfo=dt.UTC)
        return parse_article(ArticleMeta(article_id_for(text), pub, None), text, prefilter=prefilter)

    return _parse


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Path:
    """The embedded sample built once (without Prefect) into a temporary folder."""
    from relata.build import run_build
    from relata.settings import SAMPLE_DIR, Settings

    out = tmp_path_factory.mktemp("sample") / "tables"
    run_build(Settings(input=str(SAMPLE_DIR), out=str(out), workers=1))
    return out


@pytest.fixture
def settings_for(tmp_path):
    from relata.settings import Settings

    def _s(input_path, **kw):
        kw.setdefault("workers", 1)
        return Settings(input=str(input_path), out=str(tmp_path / "out"), **kw)

    return _s
