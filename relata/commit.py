"""Staging and committing batches, and finishing a build.

A batch is validated and written under staging by ``stage_batch`` (in the
process that commits, never in a model process), then moved into the tables
by ``commit_batch``, one batch at a time; ``finish_build`` records the build
in the manifest and writes the DuckDB views.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from relata import schemas, store, views
from relata.batch import ExtractedBatch, rejected_articles_by_reason
from relata.extractors.version import VERSIONS
from relata.plan import BuildPlan
from relata.settings import Settings
from relata.summary import BuildSummary


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


def stage_batch(extracted: ExtractedBatch, out: str) -> StagedBatch:
    """Validate a batch's rows and write them as parts in staging (nothing is committed).

    Runs in the process that commits, not in the model processes: see ``relata.batch``.
    """
    t0 = time.perf_counter()
    now = dt.datetime.now(dt.UTC)
    rows, rejects = extracted.rows, list(extracted.rejects)
    tables = (("articles", "article_texts") if extracted.has_units else ()) + extracted.tables
    valid = {}
    for t in tables:
        df, bad = schemas.split_valid(t, rows[t])
        valid[t] = df
        for b in bad:
            r = b["row"]
            aid = r.get("article_id")
            rejects.append(
                {
                    "source_uri": extracted.source_uris.get(aid, aid or "?"),
                    "article_id": aid,
                    "stage": "validate",
                    "reason": f"{t} row failed validation",
                    "detail": ", ".join(b["checks"]),
                    "rejected_at": now,
                }
            )
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
        seq=extracted.seq,
        parts=staged,
        article_ids=extracted.article_ids,
        inputs=extracted.inputs,
        read=extracted.read,
        new=len(extracted.article_ids) if extracted.has_units else 0,
        duplicates=extracted.duplicates,
        rejected=sum(reasons.values()),
        reject_reasons=dict(reasons),
        rows=counts,
        seconds={**extracted.seconds, "validate_write": time.perf_counter() - t0},
    )


def _dedupe_rejects(rows: list[dict]) -> list[dict]:
    seen, out = set(), []
    for r in rows:
        k = (r["source_uri"], r.get("article_id"), r["stage"], r["reason"], r.get("detail"))
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


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
    return CommitState(
        set(store.read_column(Path(out), "articles", "article_id")),
        {(r["source_uri"], r["article_id"], r["stage"], r["reason"], r["detail"]) for r in rej},
        dict(plan.unit_counts) if plan else {},
        dict(plan.fingerprints) if plan else {},
    )


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
            keys = list(
                zip(*(tbl.column(c).to_pylist() for c in ("source_uri", "article_id", "stage", "reason", "detail")))
            )
            keep = [k not in state.reject_keys for k in keys]
            state.reject_keys.update(keys)
        elif dup_ids and "article_id" in tbl.column_names:
            keep = [a not in dup_ids for a in tbl.column("article_id").to_pylist()]
        if keep is not None and not all(keep):
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
    m.builds.append(
        {
            "run_id": plan.run_id,
            "started_at": plan.started_at,
            "finished_at": dt.datetime.now(dt.UTC).isoformat(),
            "input": plan.input,
            **{
                k: v
                for k, v in summary.as_dict().items()
                if k in ("articles_read", "articles_new", "duplicates_skipped", "rejected")
            },
        }
    )
    m.builds = m.builds[-200:]
    store.record_missing_checksums(out, m)
    m.save(out)
    views.build_views(out, settings.db_path())
    return summary
