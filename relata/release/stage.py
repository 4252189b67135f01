"""Staging: every file of a release but the seals, written into the plan's temporary folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from relata.release.card import Coverage, coverage, write_data_card
from relata.release.changes import Changes, changelog_counts, write_changelog
from relata.release.compact import copy_tables, write_views
from relata.release.plan import ReleasePlan
from relata.release.provenance import license_text, write_manifest


@dataclass
class Staged:
    """What staging learnt that sealing records: rows per table, changes, and coverage."""

    rows: dict[str, int]
    changes: Changes
    coverage: Coverage


def stage_release(plan: ReleasePlan) -> Staged:
    """Write everything but the checksums into the staging folder; remove it if anything fails."""
    staging = Path(plan.staging)
    try:
        # Load inputs.
        snapshot = copy_tables(plan.tables, staging, plan.table_names)
        # Process data.
        write_views(staging, plan.table_names, plan.version)
        changes = changelog_counts(staging, Path(plan.previous) if plan.previous else None, plan.table_names)
        cov = coverage(staging)
        # Imported here: matplotlib takes a second to load, and verify and preflight need none of it.
        from relata.release.charts import write_charts

        write_charts(staging)
        # Save outputs.
        write_changelog(plan, changes)
        write_data_card(plan, snapshot.rows, cov)
        (staging / "LICENSE").write_text(license_text())
        write_manifest(plan, snapshot)
    except BaseException:
        plan.discard()
        raise
    return Staged(snapshot.rows, changes, cov)
