"""Planning a build: which inputs and articles to process, cut into batches.

Nothing here writes a table: the output folder is checked (``store.check_output``
refuses foreign files and lost manifests before anything is written),
interrupted leftovers are reconciled, and the plan says what to do.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from relata import ingest, remote, schemas, store
from relata.batch import KNOWN_IDS, BatchSpec
from relata.extractors.version import VERSIONS
from relata.settings import Settings

EXTRACTED = schemas.EXTRACTED_TABLES
log = logging.getLogger("relata.build")


@dataclass
class BuildPlan:
    run_id: str
    out: str
    input: str
    batches: list[BatchSpec]
    unchanged_inputs: int = 0
    rebuilt_tables: list[str] = field(default_factory=list)
    started_at: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat())
    # Per input file: its fingerprint at planning time, and how many units (row ranges) it was cut into.
    fingerprints: dict[str, dict] = field(default_factory=dict)
    unit_counts: dict[str, int] = field(default_factory=dict)


def _unchanged(u: ingest.Unit, manifest: store.Manifest) -> dict | None:
    """The unit's file fingerprint if that file was built before and has not changed since, else None."""
    fp = ingest.fingerprint(u)
    return fp if fp and manifest.inputs.get(u.path) == fp else None


def pending(settings: Settings) -> tuple[int, list[str]]:
    """(input files new or changed, tables whose extractor changed), without touching the output.

    Lets the CLI answer "nothing to do" for an unchanged rebuild without starting Prefect.
    """
    out = Path(settings.out)
    if not store.exists(out):
        return -1, []
    m = store.Manifest.load(out)
    changed_tables = [t for t in EXTRACTED if m.extractor_versions.get(t) != VERSIONS[t]]
    todo = sum(1 for u in ingest.plan_units(settings.input, count_rows=False) if _unchanged(u, m) is None)
    return todo, changed_tables


def plan_build(settings: Settings) -> BuildPlan:
    """Which inputs and articles this build must process, cut into batches.

    Skipped: input files unchanged since they were built (same size and
    modification time). Re-extracted: every built article, for each table
    whose extractor version changed since the last build.
    """
    out = Path(settings.out)
    out.mkdir(parents=True, exist_ok=True)
    store.check_output(out)
    if settings.mirror and not (out / store.META_DIR / store.MANIFEST).exists():
        # A fresh machine (a scheduled runner) starts from the mirror, so its build stays incremental.
        try:
            n = remote.pull(settings.mirror, out)
        except remote.MirrorError:
            raise
        except Exception as e:
            if remote.is_transient(e):
                raise  # retried by the flow
            raise remote.MirrorError(
                f"cannot fill {out} from the mirror {settings.mirror}: {type(e).__name__}: {e}"
            ) from e
        log.info("filled %s from %s: %d part(s)", out, settings.mirror, n)
    store.reconcile(out)  # refuses foreign files and a lost manifest before anything is written
    store.ensure_tables(out)
    manifest = store.Manifest.load(out)
    run_id = store.new_run_id()
    plan = BuildPlan(run_id, str(out), settings.input, [])

    changed = [t for t in EXTRACTED if manifest.extractor_versions.get(t) not in (None, VERSIONS[t])]
    if changed:
        for t in changed:
            store.drop_table(out, t)
        ids = store.read_column(out, "articles", "article_id")
        for i in range(0, len(ids), settings.batch_size):
            plan.batches.append(
                BatchSpec(
                    run_id,
                    len(plan.batches),
                    str(out),
                    reextract_ids=ids[i : i + settings.batch_size],
                    tables=tuple(changed),
                )
            )
        plan.rebuilt_tables = changed

    cut = _new_articles(settings, manifest)
    plan.unchanged_inputs, plan.fingerprints, plan.unit_counts = cut.unchanged, cut.fingerprints, cut.unit_counts
    todo = [u for units in cut.batches for u in units]
    for units in cut.batches:
        plan.batches.append(BatchSpec(run_id, len(plan.batches), str(out), units=units))
    if todo:
        known = _write_known_ids(out, run_id)
        for b in plan.batches:
            b.known_ids_path = str(known) if b.units else None
    return plan


@dataclass
class _Cut:
    """The new or changed inputs, counted and cut into batches of units."""

    batches: list[list[ingest.Unit]] = field(default_factory=list)
    unchanged: int = 0
    fingerprints: dict[str, dict] = field(default_factory=dict)
    unit_counts: dict[str, int] = field(default_factory=dict)


def _new_articles(settings: Settings, manifest: store.Manifest) -> _Cut:
    """The inputs new or changed since ``manifest`` recorded them, cut into batches (reads no article)."""
    cut = _Cut()
    # Rows are counted only in table files that changed: an unchanged file is never read.
    todo: list[ingest.Unit] = []
    for u in ingest.plan_units(settings.input, count_rows=False):
        if _unchanged(u, manifest) is not None:
            cut.unchanged += 1
            continue
        whole = ingest.counted(u)
        # A file that cannot be read is not recorded: the next build reports it again.
        fp = None if whole[0].problem else ingest.fingerprint(u)
        pieces = [p for w in whole for p in ingest.split_unit(w, settings.batch_size)]
        if fp:
            # Taken now: a file that changes during the build is read again by the next one.
            cut.fingerprints[u.path] = fp
            cut.unit_counts[u.path] = cut.unit_counts.get(u.path, 0) + len(pieces)
        todo += pieces
    batch: list[ingest.Unit] = []
    size = 0
    for u in todo:
        if batch and size + u.size > settings.batch_size:
            cut.batches.append(batch)
            batch, size = [], 0
        batch.append(u)
        size += u.size
    if batch:
        cut.batches.append(batch)
    return cut


def preview(settings: Settings) -> list[BatchSpec]:
    """The batches of new articles a build of ``settings`` will plan, found without writing anything
    (no reconciling, no staging): what model processes can start on while the build's Prefect run
    starts (``workers.extract_ahead``). Their run id is a placeholder; the planned batches replace
    them, and a batch is used only if the plan has the same one (``workers``). Re-extractions are
    left to the plan."""
    out = Path(settings.out)
    manifest = store.Manifest.load(out) if store.exists(out) else store.Manifest()
    batches = [
        BatchSpec("ahead", i, str(out), units=units)
        for i, units in enumerate(_new_articles(settings, manifest).batches)
    ]
    if batches:
        # The ids built before, as the plan will write them (read-only here; workers compares the two;
        # the caller removes the file)
        known = _known_ids_text(out) if store.exists(out) else ""
        fd, path = tempfile.mkstemp(prefix="relata-known-", suffix=".txt")
        try:
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(known)
        except BaseException:
            Path(path).unlink(missing_ok=True)
            raise
        for b in batches:
            b.known_ids_path = path
    return batches


def _write_known_ids(out: Path, run_id: str) -> Path:
    """The ids built before this run, as text, for the model processes to skip (see relata.batch)."""
    path = store.staging_dir(out, run_id) / KNOWN_IDS
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_known_ids_text(out), encoding="ascii")
    return path


def _known_ids_text(out: Path) -> str:
    """The ids of the articles built in ``out``, a line each (the plan's file and the preview's alike)."""
    return "".join(f"{a}\n" for a in store.read_column(out, "articles", "article_id"))
