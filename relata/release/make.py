"""A whole release in this process, without Prefect: the steps ``flows/release.py`` runs as tasks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from relata.release.gates import run_gates
from relata.release.plan import plan_release
from relata.release.seal import ReleaseSummary, publish
from relata.release.stage import stage_release


def make_release(tables: str | Path, out: str | Path, version: str | None = None, **kw: Any) -> ReleaseSummary:
    """Plan, stage, gate and publish; the keywords are ``plan_release``'s."""
    plan = plan_release(tables, out, version, **kw)
    staged = stage_release(plan)
    return publish(plan, staged, run_gates(plan)).summary()
