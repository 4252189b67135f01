"""Building the tables: plan batches, process each batch, commit each batch.

These are plain functions with no orchestration: the Prefect flow in
``flows/build.py`` runs them as tasks, and ``run_build`` runs them in this
process (for tests and benchmarks). A batch is processed without touching the
committed tables; only ``commit_batch`` changes them, one batch at a time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import signal
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

import schemas
from extractors.version import VERSIONS
from relata import ingest, store
from relata.settings import Settings

EXTRACTED = schemas.EXTRACTED_TABLES
log = logging.getLogger("relata.build")


@dataclass
class BatchSpec:
    run_id: str
    seq: int
    out: str
    units: list[ingest.Unit] = field(default_factory=list)
    # Articles already built whose extracted tables must be made again (an extractor changed).
    reextract_ids: list[str] = field(default_factory=list)
    tables: tuple[str, ...] = EXTRACTED

    @property
    def size(self) -> int:
        return sum(u.size for u in self.units) + len(self.reextract_ids)


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
        return "\n".join(lines)


# --- planning --------------------------------------------------------------------

def _fingerprint(path: str) -> dict | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _unchanged(u: ingest.Unit, manifest: store.Manifest) -> dict | None:
    """The unit's file fingerprint if that file was built before and has not changed since, else None."""
    fp = _fingerprint(u.path) if not u.problem else None
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
    todo = sum(1 for u in ingest.plan_units(settings.input) if _unchanged(u, m) is None)
    return todo, changed_tables


def plan_build(settings: Settings) -> BuildPlan:
    """Which inputs and articles this build must process, cut into batches.

    Skipped: input files unchanged since they were built (same size and
    modification time). Re-extracted: every built article, for each table
    whose extractor version changed since the last build.
    """
    out = Path(settings.out)
    out.mkdir(parents=True, exist_ok=True)
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

    units = ingest.plan_units(settings.input)
    todo: list[ingest.Unit] = []
    for u in units:
        if _unchanged(u, manifest) is not None:
            plan.unchanged_inputs += 1
            continue
        fp = _fingerprint(u.path) if not u.problem else None
        pieces = ingest.split_unit(u, settings.batch_size)
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
    return plan


# --- processing one batch ----------------------------------------------------------

@contextlib.contextmanager
def _time_limit(seconds: float):
    """Interrupt a runaway article; only possible in a main thread (a signal), else a no-op."""
    from extractors.pipeline import ArticleTimeout

    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def _raise(signum, frame):
        raise ArticleTimeout(f"processing took longer than {seconds:g} s")

    old = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _reject_row(r: ingest.Reject, now: dt.datetime) -> dict:
    return {"source_uri": r.source_uri, "article_id": r.article_id, "stage": r.stage,
            "reason": r.reason, "detail": r.detail, "rejected_at": now}


def process_batch(batch: BatchSpec, settings: Settings) -> StagedBatch:
    """Read, parse, extract and validate one batch, and stage its parts (nothing is committed)."""
    if settings.verbose and not logging.getLogger().handlers:
        # A model process has no logging set up; per-article lines go to its stderr.
        logging.basicConfig(level=logging.INFO, format="%(asctime)s relata %(message)s")
    # Imported here: only model processes need spaCy; the flow's process plans and commits.
    from extractors import extract_all
    from extractors.document import ArticleMeta
    from extractors.pipeline import ArticleTimeout, load_parser, load_scanner, parse_article

    t0 = time.perf_counter()
    now = dt.datetime.now(dt.timezone.utc)
    out = Path(batch.out)
    limits = ingest.Limits(max_chars=settings.max_article_chars, min_words=settings.min_article_words)
    # Load inputs.
    known = _known_ids(str(out), batch.run_id) if batch.units else frozenset()
    articles: list[ingest.Article] = []
    rejects: list[dict] = []
    seen: set[str] = set()
    read = duplicates = 0
    inputs: dict[str, dict] = {}
    for u in batch.units:
        for rec in ingest.read_unit(u, limits):
            read += 1
            if isinstance(rec, ingest.Reject):
                rejects.append(_reject_row(rec, now))
            elif rec.article_id in known or rec.article_id in seen:
                duplicates += 1
            else:
                seen.add(rec.article_id)
                articles.append(rec)
        inputs[f"{u.path}#{u.start}"] = {"path": u.path}
    if batch.reextract_ids:
        articles += _stored_articles(out, batch.reextract_ids)
    t_ingest = time.perf_counter()

    # Process data.
    rows: dict[str, list[dict]] = {t: [] for t in schemas.TABLES}
    built_ids: list[str] = []
    if articles:
        # Loaded before any article's time limit starts: a fresh model process (and the pool
        # starts a new one every 25 batches) would charge its model load, seconds, to its first
        # article, and a load cut off by the limit is retried, and cut off, for every next one.
        load_scanner()
        load_parser()
    for a in articles:
        meta = ArticleMeta(a.article_id, a.published_at, a.title)
        started = time.monotonic()
        try:
            with _time_limit(settings.article_timeout_s):
                parsed = parse_article(meta, a.text, prefilter=settings.prefilter,
                                       batch_size=settings.nlp_batch_size, timeout_s=settings.article_timeout_s)
                extracted, extract_rejects = extract_all(parsed)
                # Off the main thread (the Prefect flow runs batches in threads with one worker) no
                # signal can stop an article; one that went over its limit is still rejected.
                if time.monotonic() - started > settings.article_timeout_s:
                    raise ArticleTimeout(f"processing took longer than {settings.article_timeout_s:g} s")
        except ArticleTimeout as e:
            rejects.append(_reject_row(ingest.Reject(a.source_uri, "article took too long to process", str(e),
                                                     stage="parse", article_id=a.article_id), now))
            continue
        except Exception as e:  # noqa: BLE001 - one article must not sink the batch; it is reported
            rejects.append(_reject_row(ingest.Reject(a.source_uri, "extraction failed",
                                                     f"{type(e).__name__}: {e}", stage="extract",
                                                     article_id=a.article_id), now))
            continue
        built_ids.append(a.article_id)
        if settings.verbose:
            log.info("%s: %d sentence(s), %d parsed; rows %s", a.source_uri, len(parsed.sentences),
                     sum(1 for x in parsed.sentences if x.doc is not None),
                     {t: len(v) for t, v in extracted.items()})
        if not batch.reextract_ids or a.article_id not in batch.reextract_ids:
            rows["articles"].append({
                "article_id": a.article_id, "source_uri": a.source_uri, "url": a.url, "title": a.title,
                "outlet": a.outlet, "author": a.author, "published_at": a.published_at,
                "language": a.language, "n_chars": len(a.text), "ingested_at": now,
            })
            rows["article_texts"].append({"article_id": a.article_id, "text": a.text})
        for t in batch.tables:
            rows[t] += extracted[t]
        for r in extract_rejects:
            rejects.append({"source_uri": a.source_uri, "article_id": a.article_id, "rejected_at": now, **r})
    t_extract = time.perf_counter()

    # Validate, then save outputs to staging.
    staged: dict[str, str] = {}
    counts: dict[str, int] = {}
    tables = (("articles", "article_texts") if batch.units else ()) + tuple(batch.tables) + ("rejects",)
    valid = {}
    for t in tables:
        if t == "rejects":
            continue
        df, bad = schemas.split_valid(t, rows[t])
        valid[t] = df
        for b in bad:
            r = b["row"]
            rejects.append({"source_uri": _uri_of(r, articles), "article_id": r.get("article_id"),
                            "stage": "validate", "reason": f"{t} row failed validation",
                            "detail": ", ".join(b["checks"]), "rejected_at": now})
    df, bad = schemas.split_valid("rejects", _dedupe_rejects(rejects))
    if bad:  # a reject that cannot be recorded is a bug in relata, not in the data
        raise ValueError(f"invalid rejects rows: {bad[:3]}")
    valid["rejects"] = df
    sdir = store.staging_dir(out, batch.run_id)
    for t in tables:
        name = f"part-{batch.run_id}-{batch.seq:05d}.parquet"
        counts[t] = store.write_part(sdir / t / name, t, valid[t])
        staged[t] = str(sdir / t / name)
    t_write = time.perf_counter()
    reasons = Counter(r["reason"] for r in rejects if r["stage"] in ("ingest", "parse") or
                      r["reason"] == "extraction failed")
    return StagedBatch(
        seq=batch.seq, parts=staged, article_ids=built_ids, inputs=inputs, read=read,
        new=len(built_ids) if batch.units else 0, duplicates=duplicates,
        rejected=sum(reasons.values()), reject_reasons=dict(reasons), rows=counts,
        seconds={"ingest": t_ingest - t0, "parse_extract": t_extract - t_ingest, "validate_write": t_write - t_extract},
    )


_known_cache: dict[tuple[str, str], frozenset[str]] = {}


def _known_ids(out: str, run_id: str) -> frozenset[str]:
    """Article ids built before this run, read once per worker and run (not once per batch: a
    large output has hundreds of parts). Duplicates between batches of one run are dropped at commit."""
    key = (out, run_id)
    if key not in _known_cache:
        _known_cache.clear()
        _known_cache[key] = frozenset(store.read_column(Path(out), "articles", "article_id"))
    return _known_cache[key]


def _uri_of(row: dict, articles: list[ingest.Article]) -> str:
    aid = row.get("article_id")
    return next((a.source_uri for a in articles if a.article_id == aid), aid or "?")


def _dedupe_rejects(rows: list[dict]) -> list[dict]:
    seen, out = set(), []
    for r in rows:
        k = (r["source_uri"], r.get("article_id"), r["stage"], r["reason"], r.get("detail"))
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def _stored_articles(out: Path, ids: list[str]) -> list[ingest.Article]:
    """Built articles read back from the tables, for re-extraction."""
    want = set(ids)
    texts = store.read_table(out, "article_texts")
    text_of = {a: t for a, t in zip(texts.column("article_id").to_pylist(), texts.column("text").to_pylist())
               if a in want}
    meta = store.read_table(out, "articles", ["article_id", "source_uri", "title", "published_at"]).to_pylist()
    return [ingest.Article(m["article_id"], m["source_uri"], text_of[m["article_id"]], title=m["title"],
                           published_at=m["published_at"]) for m in meta if m["article_id"] in text_of]


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
            from concurrent.futures import as_completed

            from relata import workers as worker_pool

            futs = [worker_pool.pool(n).submit(process_batch, b, settings) for b in plan.batches]
            for f in as_completed(futs):
                commit_batch(plan.out, f.result(), state, summary)
        else:
            for b in plan.batches:
                commit_batch(plan.out, process_batch(b, settings), state, summary)
        summary.wall_seconds = time.perf_counter() - t0
        return finish_build(plan, summary, settings)
