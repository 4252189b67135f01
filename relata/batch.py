"""What a model process does with one batch: read its articles, parse them, extract rows.

This module is what the build's model processes import, so it stays free of
pandas, pandera and pyarrow (about 100 MB a process, more than half of what
spaCy itself costs before its model is loaded; a test spawns one and checks).
Validation and Parquet writing happen in the process that commits
(``relata.build.stage_batch``). Two cases do load pyarrow, and only then:
Parquet inputs, and re-extraction after an extractor changed (the stored
texts are read back from the tables).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import signal
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from relata import ingest
from relata.schemas.tables import EXTRACTED_TABLES, TABLES
from relata.settings import Settings

if TYPE_CHECKING:
    from relata.extractors.document import ParsedArticle

log = logging.getLogger("relata.build")

KNOWN_IDS = "known_ids.txt"


@dataclass
class BatchSpec:
    run_id: str
    seq: int
    out: str
    units: list[ingest.Unit] = field(default_factory=list)
    # Articles already built whose extracted tables must be made again (an extractor changed).
    reextract_ids: list[str] = field(default_factory=list)
    tables: tuple[str, ...] = EXTRACTED_TABLES
    # Where the planner wrote the ids built before this run (one per line), if any.
    known_ids_path: str | None = None

    @property
    def size(self) -> int:
        return sum(u.size for u in self.units) + len(self.reextract_ids)


@dataclass
class ExtractedBatch:
    """The rows of one batch, not yet validated: what a model process hands back."""

    run_id: str
    seq: int
    tables: tuple[str, ...]
    rows: dict[str, list[dict]]
    rejects: list[dict]
    article_ids: list[str]
    source_uris: dict[str, str]
    inputs: dict[str, dict]
    has_units: bool
    read: int = 0
    duplicates: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


@contextlib.contextmanager
def _time_limit(seconds: float):
    """Interrupt a runaway article; only possible in a main thread (a signal), else a no-op."""
    from relata.extractors.pipeline import ArticleTimeout

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


# Short articles are parsed a group at a time (``pipeline.parse_articles``: the parser is a quarter
# faster on a few dozen sentences than on one article's six). A longer article, or a group that
# fails or runs over the time limit, is parsed on its own, under its own limit, so that only the
# article at fault is rejected.
GROUP_ARTICLES = 16
GROUP_ARTICLE_CHARS = 12_000


def _parsed_ahead(articles: list[ingest.Article], settings: Settings):
    """Each article with its meta and, when its group was parsed together, its parse (else None)."""
    from relata.extractors.document import ArticleMeta
    from relata.extractors.pipeline import parse_articles

    for start in range(0, len(articles), GROUP_ARTICLES):
        group = articles[start : start + GROUP_ARTICLES]
        metas = [ArticleMeta(a.article_id, a.published_at, a.title) for a in group]
        together = [i for i, a in enumerate(group) if len(a.text) <= GROUP_ARTICLE_CHARS]
        parsed: dict[int, ParsedArticle] = {}
        if len(together) > 1:
            try:
                with _time_limit(settings.article_timeout_s):
                    done = parse_articles(
                        [(metas[i], group[i].text) for i in together],
                        prefilter=settings.prefilter,
                        batch_size=settings.nlp_batch_size,
                    )
                parsed = dict(zip(together, done))
            except Exception as e:  # noqa: BLE001 - each article is parsed again alone, and rejected alone
                log.info("a group of %d articles was not parsed together (%s): one by one", len(together), e)
        for i, a in enumerate(group):
            yield a, metas[i], parsed.get(i)


def reject_row(r: ingest.Reject, now: dt.datetime) -> dict:
    return {
        "source_uri": r.source_uri,
        "article_id": r.article_id,
        "stage": r.stage,
        "reason": r.reason,
        "detail": r.detail,
        "rejected_at": now,
    }


def extract_batch(batch: BatchSpec, settings: Settings) -> ExtractedBatch:
    """Read, parse and extract one batch; nothing is validated or written here."""
    if settings.verbose and not logging.getLogger().handlers:
        # A model process has no logging set up; per-article lines go to its stderr.
        logging.basicConfig(level=logging.INFO, format="%(asctime)s relata %(message)s")
    # Imported here: only model processes need spaCy; the flow's process plans and commits.
    from relata.extractors import extract_all
    from relata.extractors.pipeline import ArticleTimeout, load_parser, load_scanner, parse_article

    t0 = time.perf_counter()
    now = dt.datetime.now(dt.UTC)
    limits = ingest.Limits(max_chars=settings.max_article_chars, min_words=settings.min_article_words)
    # Load inputs.
    known = _known_ids(batch.known_ids_path) if batch.units else frozenset()
    articles: list[ingest.Article] = []
    rejects: list[dict] = []
    seen: set[str] = set()
    read = duplicates = 0
    inputs: dict[str, dict] = {}
    for u in batch.units:
        for rec in ingest.read_unit(u, limits):
            read += 1
            if isinstance(rec, ingest.Reject):
                rejects.append(reject_row(rec, now))
            elif rec.article_id in known or rec.article_id in seen:
                duplicates += 1
            else:
                seen.add(rec.article_id)
                articles.append(rec)
        inputs[f"{u.path}#{u.start}"] = {"path": u.path}
    if batch.reextract_ids:
        articles += _stored_articles(Path(batch.out), batch.reextract_ids)
    t_ingest = time.perf_counter()

    # Process data.
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    built_ids: list[str] = []
    if articles:
        # Loaded before any article's time limit starts: a fresh model process (and the pool
        # starts a new one every few batches) would charge its model load, seconds, to its first
        # article, and a load cut off by the limit is retried, and cut off, for every next one.
        load_scanner()
        load_parser()
    reextract = set(batch.reextract_ids)
    for a, meta, ahead in _parsed_ahead(articles, settings):
        started = time.monotonic()
        try:
            with _time_limit(settings.article_timeout_s):
                parsed = (
                    ahead
                    if ahead is not None
                    else parse_article(
                        meta,
                        a.text,
                        prefilter=settings.prefilter,
                        batch_size=settings.nlp_batch_size,
                        timeout_s=settings.article_timeout_s,
                    )
                )
                extracted, extract_rejects = extract_all(parsed, learned=settings.learned)
                # Off the main thread (the Prefect flow runs batches in threads with one worker) no
                # signal can stop an article; one that went over its limit is still rejected.
                if time.monotonic() - started > settings.article_timeout_s:
                    raise ArticleTimeout(f"processing took longer than {settings.article_timeout_s:g} s")
        except ArticleTimeout as e:
            rejects.append(
                reject_row(
                    ingest.Reject(
                        a.source_uri, "article took too long to process", str(e), stage="parse", article_id=a.article_id
                    ),
                    now,
                )
            )
            continue
        except Exception as e:  # noqa: BLE001 - one article must not sink the batch; it is reported
            rejects.append(
                reject_row(
                    ingest.Reject(
                        a.source_uri,
                        "extraction failed",
                        f"{type(e).__name__}: {e}",
                        stage="extract",
                        article_id=a.article_id,
                    ),
                    now,
                )
            )
            continue
        built_ids.append(a.article_id)
        if settings.verbose:
            log.info(
                "%s: %d sentence(s), %d parsed; rows %s",
                a.source_uri,
                len(parsed.sentences),
                sum(1 for x in parsed.sentences if x.doc is not None),
                {t: len(v) for t, v in extracted.items()},
            )
        if a.article_id not in reextract:
            rows["articles"].append(
                {
                    "article_id": a.article_id,
                    "source_uri": a.source_uri,
                    "url": a.url,
                    "title": a.title,
                    "outlet": a.outlet,
                    "author": a.author,
                    "published_at": a.published_at,
                    "language": a.language,
                    "n_chars": len(a.text),
                    "ingested_at": now,
                }
            )
            rows["article_texts"].append({"article_id": a.article_id, "text": a.text})
        for t in batch.tables:
            rows[t] += extracted[t]
        for r in extract_rejects:
            rejects.append({"source_uri": a.source_uri, "article_id": a.article_id, "rejected_at": now, **r})
    t_extract = time.perf_counter()
    return ExtractedBatch(
        run_id=batch.run_id,
        seq=batch.seq,
        tables=tuple(batch.tables),
        rows=rows,
        rejects=rejects,
        article_ids=built_ids,
        source_uris={a.article_id: a.source_uri for a in articles},
        inputs=inputs,
        has_units=bool(batch.units),
        read=read,
        duplicates=duplicates,
        seconds={"ingest": t_ingest - t0, "parse_extract": t_extract - t_ingest},
    )


_known_cache: dict[str, frozenset[str]] = {}


def _known_ids(path: str | None) -> frozenset[str]:
    """Article ids built before this run, read once per model process and run (not once per
    batch: a large output has hundreds of parts). Duplicates between batches of one run are
    dropped at commit. A plain text file, so that a model process needs no Parquet reader."""
    if not path:
        return frozenset()
    if path not in _known_cache:
        _known_cache.clear()
        p = Path(path)
        _known_cache[path] = frozenset(p.read_text(encoding="ascii").split()) if p.exists() else frozenset()
    return _known_cache[path]


def _stored_articles(out: Path, ids: list[str]) -> list[ingest.Article]:
    """Built articles read back from the tables, for re-extraction (rare: an extractor changed)."""
    from relata import store

    want = set(ids)
    texts = store.read_table(out, "article_texts")
    text_of = {
        a: t for a, t in zip(texts.column("article_id").to_pylist(), texts.column("text").to_pylist()) if a in want
    }
    meta = store.read_table(out, "articles", ["article_id", "source_uri", "title", "published_at"]).to_pylist()
    return [
        ingest.Article(
            m["article_id"], m["source_uri"], text_of[m["article_id"]], title=m["title"], published_at=m["published_at"]
        )
        for m in meta
        if m["article_id"] in text_of
    ]


def rejected_articles_by_reason(rejects: list[dict]) -> Counter:
    """Rejected articles by reason: ingest and parse rejects, and articles whose extraction failed
    (an extract-stage reject of one row, e.g. a sanction without a target, is not an article)."""
    return Counter(
        r["reason"] for r in rejects if r["stage"] in ("ingest", "parse") or r["reason"] == "extraction failed"
    )


def failed_batch(batch: BatchSpec, why: str, now: dt.datetime) -> ExtractedBatch:
    """A batch whose model process never came back: every article of it becomes a reject.

    Nothing of the batch is read here (reading is what may have hung): a file
    is one article, a table's row range one article per row, named as ingest
    names its rows (``file.jsonl#12``). Its input files are not reported as
    read, so they are not recorded as built and the next build tries them again.
    """
    rejects = []
    for u in batch.units:
        uris = [u.source_uri] if u.stop is None else [f"{u.source_uri}#{n + 1}" for n in range(u.start, u.stop)]
        rejects += [reject_row(ingest.Reject(uri, "batch failed", why, stage="parse"), now) for uri in uris]
    for aid in batch.reextract_ids:
        rejects.append(reject_row(ingest.Reject(aid, "batch failed", why, stage="parse", article_id=aid), now))
    return ExtractedBatch(
        run_id=batch.run_id,
        seq=batch.seq,
        tables=tuple(batch.tables),
        rows={t: [] for t in TABLES},
        rejects=rejects,
        article_ids=[],
        source_uris={},
        inputs={},
        has_units=bool(batch.units),
        read=sum(u.size for u in batch.units),
    )
