"""Building the tables: plan batches, process each batch, commit each batch.

These are plain functions with no orchestration: the Prefect flow in
``flows/build.py`` runs them as tasks, and ``run_build`` runs them in this
process (for tests and benchmarks). A batch is processed without touching the
committed tables; only ``commit_batch`` changes them, one batch at a time.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

import schemas
from extractors.version import VERSIONS
from relata import ingest, remote, store
from relata.batch import KNOWN_IDS, BatchSpec, ExtractedBatch, extract_batch, rejected_articles_by_reason
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
    started_at: str = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc).isoformat())
    # Per input file: its fingerprint at planning time, and how many units (row ranges) it was cut into.
    fingerprints: dict[str, dict] = field(default_factory=dict)
    unit_counts: dict[str, int] = field(default_factory=dict)


@dataclass
class StagedBatch:
    seq: int
    parts: dict[str, str]
    article_ids: list[str]
    inputs: dict[str, dict]
    read: int = 0
    new: int = 0
    duplicates: int = 0
    rejected: int = 0
    reject_reasons: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass
class BuildSummary:
    run_id: str
    out: str
    read: int = 0
    new: int = 0
    duplicates: int = 0
    rejected: int = 0
    unchanged_inputs: int = 0
    reject_reasons: Counter = field(default_factory=Counter)
    rows: Counter = field(default_factory=Counter)
    seconds: Counter = field(default_factory=Counter)
    rebuilt_tables: list[str] = field(default_factory=list)
    wall_seconds: float = 0.0
    mirrored: dict | None = None

    def add(self, b: StagedBatch, new: int, duplicates: int) -> None:
        self.read += b.read
        self.new += new
        self.duplicates += duplicates
        self.rejected += b.rejected
        self.reject_reasons.update(b.reject_reasons)
        self.rows.update(b.rows)
        self.seconds.update(b.seconds)

    def as_dict(self) -> dict:
        return {
            "run_id": self.run_id, "out": self.out, "articles_read": self.read, "articles_new": self.new,
            "duplicates_skipped": self.duplicates, "rejected": self.rejected,
            "unchanged_inputs_skipped": self.unchanged_inputs,
            "rejected_by_reason": dict(self.reject_reasons), "rows_per_table": dict(self.rows),
            "seconds_per_stage": {k: round(v, 2) for k, v in self.seconds.items()},
            "rebuilt_tables": self.rebuilt_tables, "wall_seconds": round(self.wall_seconds, 2),
            "mirrored": self.mirrored,
        }

    def markdown(self) -> str:
        d = self.as_dict()
        lines = [
            f"# relata build {self.run_id}", "",
            f"Output: `{self.out}`", "",
            "| articles | count |", "| --- | --- |",
            f"| read | {self.read} |", f"| new (written) | {self.new} |",
            f"| duplicates skipped | {self.duplicates} |", f"| rejected | {self.rejected} |",
            f"| unchanged input files skipped | {self.unchanged_inputs} |", "",
            "Every article read is written, skipped as a duplicate or rejected: "
            f"{self.read} = {self.new} + {self.duplicates} + {self.rejected}.", "",
        ]
        if self.reject_reasons:
            lines += ["| rejected because | count |", "| --- | --- |"]
            lines += [f"| {k} | {v} |" for k, v in self.reject_reasons.most_common()]
            lines.append("")
        lines += ["| table | rows added |", "| --- | --- |"]
        lines += [f"| {t} | {self.rows.get(t, 0)} |" for t in schemas.TABLES]
        lines += ["", "| stage | seconds |", "| --- | --- |"]
        lines += [f"| {k} | {v} |" for k, v in d["seconds_per_stage"].items()]
        lines += ["", f"Wall time: {d['wall_seconds']} s"]
        if self.mirrored and "error" in self.mirrored:
            lines += ["", f"Mirror to `{self.mirrored['url']}` FAILED: {self.mirrored['error']}"]
        elif self.mirrored:
            m = self.mirrored
            lines += ["", f"Mirrored to `{m['url']}`: {m['uploaded']} part(s) uploaded, {m['deleted']} deleted."]
        return "\n".join(lines)


# --- planning --------------------------------------------------------------------

def _unchanged(u: ingest.Unit, manifest: store.Manifest) -> dict | None:
    """The unit's file fingerprint if that file was built before and has not changed since, else None."""
    fp = ingest.fingerprint(u)
    return fp if fp and manifest.inputs.get(u.path) == fp else None


def pending(settings: Settings) -> tuple[int, list[str]]:
    """(input files new or changed, tables whose extractor changed), without touching the output.

    Lets the CLI answer "nothing to do" for an unchanged rebuild without starting Prefect.
    """
    out = Path(settings.out)
    if not (out / store.META_DIR / store.MANIFEST).exists():
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
    if settings.mirror and not (out / store.META_DIR / store.MANIFEST).exists():
        # A fresh machine (a scheduled runner) starts from the mirror, so its build stays incremental.
        try:
            n = remote.pull(settings.mirror, out)
        except remote.MirrorError:
            raise
        except Exception as e:
            if remote.is_transient(e):
                raise  # retried by the flow
            raise remote.MirrorError(f"cannot fill {out} from the mirror {settings.mirror}: "
                                     f"{type(e).__name__}: {e}") from e
        log.info("filled %s from %s: %d part(s)", out, settings.mirror, n)
    store.reconcile(out)
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
            plan.batches.append(BatchSpec(run_id, len(plan.batches), str(out),
                                          reextract_ids=ids[i:i + settings.batch_size], tables=tuple(changed)))
        plan.rebuilt_tables = changed

    # Rows are counted only in table files that changed: an unchanged file is never read.
    units = ingest.plan_units(settings.input, count_rows=False)
    todo: list[ingest.Unit] = []
    for u in units:
        if _unchanged(u, manifest) is not None:
            plan.unchanged_inputs += 1
            continue
        whole = ingest.counted(u)
        # A file that cannot be read is not recorded: the next build reports it again.
        fp = None if whole[0].problem else ingest.fingerprint(u)
        pieces = [p for w in whole for p in ingest.split_unit(w, settings.batch_size)]
        if fp:
            # Taken now: a file that changes during the build is read again by the next one.
            plan.fingerprints[u.path] = fp
            plan.unit_counts[u.path] = plan.unit_counts.get(u.path, 0) + len(pieces)
        todo += pieces
    batch: list[ingest.Unit] = []
    size = 0
    for u in todo:
        if batch and size + u.size > settings.batch_size:
            plan.batches.append(BatchSpec(run_id, len(plan.batches), str(out), units=batch))
            batch, size = [], 0
        batch.append(u)
        size += u.size
    if batch:
        plan.batches.append(BatchSpec(run_id, len(plan.batches), str(out), units=batch))
    if todo:
        known = _write_known_ids(out, run_id)
        for b in plan.batches:
            b.known_ids_path = str(known) if b.units else None
    return plan


def _write_known_ids(out: Path, run_id: str) -> Path:
    """The ids built before this run, as text, for the model processes to skip (see relata.batch)."""
    path = store.staging_dir(out, run_id) / KNOWN_IDS
    path.parent.mkdir(parents=True, exist_ok=True)
    ids = store.read_column(out, "articles", "article_id")
    path.write_text("".join(f"{a}\n" for a in ids), encoding="ascii")
    return path


# --- processing one batch ----------------------------------------------------------

def stage_batch(extracted: ExtractedBatch, out: str) -> StagedBatch:
    """Validate a batch's rows and write them as parts in staging (nothing is committed).

    Runs in the process that commits, not in the model processes: see ``relata.batch``.
    """
    t0 = time.perf_counter()
    now = dt.datetime.now(dt.timezone.utc)
    rows, rejects = extracted.rows, list(extracted.rejects)
    tables = (("articles", "article_texts") if extracted.has_units else ()) + extracted.tables
    valid = {}
    for t in tables:
        df, bad = schemas.split_valid(t, rows[t])
        valid[t] = df
        for b in bad:
            r = b["row"]
            aid = r.get("article_id")
            rejects.append({"source_uri": extracted.source_uris.get(aid, aid or "?"), "article_id": aid,
                            "stage": "validate", "reason": f"{t} row failed validation",
                            "detail": ", ".join(b["checks"]), "rejected_at": now})
    df, bad = schemas.split_valid("rejects", _dedupe_rejects(rejects))
    if bad:  # a reject that cannot be recorded is a bug in relata, not in the data
        raise ValueError(f"invalid rejects rows: {bad[:3]}")
    valid["rejects"] = df
    sdir = store.staging_dir(Path(out), extracted.run_id)
    staged: dict[str, str] = {}
    counts: dict[str, int] = {}
    for t in (*tables, "rejects"):
        name = f"part-{extracted.run_id}-{extracted.seq:05d}.parquet"
        counts[t] = store.write_part(sdir / t / name, t, valid[t])
        staged[t] = str(sdir / t / name)
    reasons = rejected_articles_by_reason(rejects)
    return StagedBatch(
        seq=extracted.seq, parts=staged, article_ids=extracted.article_ids, inputs=extracted.inputs,
        read=extracted.read, new=len(extracted.article_ids) if extracted.has_units else 0,
        duplicates=extracted.duplicates, rejected=sum(reasons.values()), reject_reasons=dict(reasons),
        rows=counts, seconds={**extracted.seconds, "validate_write": time.perf_counter() - t0},
    )


def process_batch(batch: BatchSpec, settings: Settings) -> StagedBatch:
    """Extract and stage one batch in this process (a Dask worker, a test, a one-process build)."""
    return stage_batch(extract_batch(batch, settings), batch.out)


def _dedupe_rejects(rows: list[dict]) -> list[dict]:
    seen, out = set(), []
    for r in rows:
        k = (r["source_uri"], r.get("article_id"), r["stage"], r["reason"], r.get("detail"))
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


# --- committing ------------------------------------------------------------------

@dataclass
class CommitState:
    """What is committed so far in this run (ids, reject keys), so batches never duplicate rows."""

    article_ids: set[str]
    reject_keys: set[tuple]
    # Units of each input file still to commit; a file is recorded as built when it reaches 0.
    remaining: dict[str, int] = field(default_factory=dict)
    fingerprints: dict[str, dict] = field(default_factory=dict)


def start_commits(out: str, plan: BuildPlan | None = None) -> CommitState:
    rej = store.read_table(Path(out), "rejects").to_pylist()
    return CommitState(set(store.read_column(Path(out), "articles", "article_id")),
                       {(r["source_uri"], r["article_id"], r["stage"], r["reason"], r["detail"]) for r in rej},
                       dict(plan.unit_counts) if plan else {}, dict(plan.fingerprints) if plan else {})


def commit_batch(out: str, staged: StagedBatch, state: CommitState, summary: BuildSummary) -> None:
    """Move a staged batch into the tables; rows of articles another batch already committed are dropped."""
    parts = {t: Path(p) for t, p in staged.parts.items()}
    dup_ids = set()
    if "articles" in parts:
        dup_ids = set(staged.article_ids) & state.article_ids
    for t, p in parts.items():
        tbl = pq.read_table(p)
        keep = None
        if t == "rejects":
            keys = list(zip(*(tbl.column(c).to_pylist() for c in ("source_uri", "article_id", "stage", "reason", "detail"))))
            keep = [k not in state.reject_keys for k in keys]
            state.reject_keys.update(keys)
        elif dup_ids and "article_id" in tbl.column_names:
            keep = [a not in dup_ids for a in tbl.column("article_id").to_pylist()]
        if keep is not None and not all(keep):
            import pyarrow as pa

            tbl = tbl.filter(pa.array(keep))
            pq.write_table(tbl, p, compression="zstd")
        staged.rows[t] = tbl.num_rows
    done: dict[str, dict] = {}
    for unit in staged.inputs.values():
        path = unit["path"]
        if path in state.remaining:
            state.remaining[path] -= 1
            if state.remaining[path] == 0 and path in state.fingerprints:
                done[path] = state.fingerprints[path]  # every row range of the file is now committed
    store.commit_parts(Path(out), parts, done)
    state.article_ids.update(staged.article_ids)
    summary.add(staged, new=staged.new - len(dup_ids), duplicates=staged.duplicates + len(dup_ids))


def finish_build(plan: BuildPlan, summary: BuildSummary, settings: Settings) -> BuildSummary:
    """Record the build in the manifest and write the DuckDB views."""
    out = Path(plan.out)
    m = store.Manifest.load(out)
    m.extractor_versions = dict(VERSIONS)
    summary.unchanged_inputs = plan.unchanged_inputs
    summary.rebuilt_tables = plan.rebuilt_tables
    m.builds.append({"run_id": plan.run_id, "started_at": plan.started_at,
                     "finished_at": dt.datetime.now(dt.timezone.utc).isoformat(), "input": plan.input,
                     **{k: v for k, v in summary.as_dict().items() if k in ("articles_read", "articles_new",
                                                                            "duplicates_skipped", "rejected")}})
    m.builds = m.builds[-200:]
    m.save(out)
    store.write_views(out, settings.db_path())
    return summary


def mirror(settings: Settings) -> dict | None:
    """Copy the committed tables to the mirror, if one is set (after the build, under its lock)."""
    if not settings.mirror:
        return None
    result = remote.push(Path(settings.out), settings.mirror)
    log.info("mirrored to %s: %d part(s) uploaded, %d deleted", result["url"], result["uploaded"], result["deleted"])
    return result


def run_build(settings: Settings, *, workers: int | None = None) -> BuildSummary:
    """The whole build in this process (batches on a process pool when workers > 1), without Prefect."""
    t0 = time.perf_counter()
    out = Path(settings.out)
    with store.writer_lock(out):
        plan = plan_build(settings)
        summary = BuildSummary(plan.run_id, plan.out)
        state = start_commits(plan.out, plan)
        n = workers or settings.workers
        if n > 1 and len(plan.batches) > 1:
            from concurrent.futures import FIRST_COMPLETED, wait

            from relata import workers as worker_pool

            todo = {worker_pool.pool(n).submit(extract_batch, b, settings) for b in plan.batches}
            while todo:
                # Each finished batch is let go once committed: a list of every future would keep
                # every batch's rows (and texts) until the end of the build.
                done, todo = wait(todo, return_when=FIRST_COMPLETED)
                for f in done:
                    commit_batch(plan.out, stage_batch(f.result(), plan.out), state, summary)
                del done
        else:
            for b in plan.batches:
                commit_batch(plan.out, process_batch(b, settings), state, summary)
        summary.wall_seconds = time.perf_counter() - t0
        summary = finish_build(plan, summary, settings)
        summary.mirrored = mirror(settings)
        return summary
