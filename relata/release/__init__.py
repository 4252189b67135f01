"""Open-data releases: a versioned, immutable folder people can cite, verify and diff.

A release of ``<tables>`` is the folder ``<out>/<version>/``::

    <table>/<table>.parquet    one compacted file per table (zstd, the schemas' Arrow types)
    relata.duckdb              one view per table, by relative path (cd into the folder)
    datapackage.json           Frictionless Data Package v2: schemas, bytes, sha256
    index.json                 version, run time, previous version, row counts, resources
    CHANGELOG.md               rows added, removed and changed per table since the previous release
    README.md                  the data card; LICENSE (CC BY 4.0)
    manifest.json              how it was made: git commit, versions, lexicons, inputs, gates
    *.png                      charts
    SHA256SUMS                 every other file, for ``sha256sum -c``

It is written under a temporary name in ``<out>`` and renamed when complete
and past its gates (``release_gates.toml``), so a reader never sees half a
release, and an existing version is never replaced.

One module per step, each handing the next a typed object::

    plan.plan_release     -> ReleasePlan   (preflight: every refusal before any work)
    stage.stage_release   -> Staged        (compact, changes, charts, card, provenance)
    gates.run_gates       -> GateResult
    seal.publish          -> Published     (datapackage.json, index.json, SHA256SUMS, rename)

``verify.verify_release`` checks a published folder. No Prefect here: the
flow in ``flows/release.py`` and the CLI call these steps; ``make_release``
runs them in this process.
"""

from relata.release.card import QUALITY_FILE, Coverage, coverage, data_card, read_quality
from relata.release.changes import Changes, TableChange, changelog_counts, diff_columns, parse_changelog
from relata.release.compact import Snapshot, compact_table, copy_tables
from relata.release.errors import GateError, ReleaseError, ReleaseExistsError
from relata.release.gates import GATES_FILE, Gate, GateResult, check_gates, load_gates, run_gates
from relata.release.layout import CHARTS, LICENSE_LEGALCODE, PARQUET_MEDIATYPE, release_files, sha256_file
from relata.release.make import make_release
from relata.release.plan import ReleasePlan, check_version, default_version, plan_release, preflight, published_versions
from relata.release.provenance import license_text
from relata.release.seal import Published, ReleaseSummary, publish, summary_markdown
from relata.release.stage import Staged, stage_release
from relata.release.verify import verify_release

__all__ = [
    "CHARTS",
    "GATES_FILE",
    "LICENSE_LEGALCODE",
    "PARQUET_MEDIATYPE",
    "QUALITY_FILE",
    "Changes",
    "Coverage",
    "Gate",
    "GateError",
    "GateResult",
    "Published",
    "ReleaseError",
    "ReleaseExistsError",
    "ReleasePlan",
    "ReleaseSummary",
    "Snapshot",
    "Staged",
    "TableChange",
    "changelog_counts",
    "check_gates",
    "check_version",
    "compact_table",
    "copy_tables",
    "coverage",
    "data_card",
    "default_version",
    "diff_columns",
    "license_text",
    "load_gates",
    "make_release",
    "parse_changelog",
    "plan_release",
    "preflight",
    "publish",
    "published_versions",
    "read_quality",
    "release_files",
    "run_gates",
    "sha256_file",
    "stage_release",
    "summary_markdown",
    "verify_release",
]
