"""Checking a built folder and repairing its manifest (``relata check``, ``relata repair``).

A build never guesses: a lost manifest or a damaged part stops it
(``relata.store``). These two commands are the way forward an operator takes.

``repair`` rebuilds a lost manifest from the parts relata wrote (by name),
after checking that each reads as Parquet with its table's columns; and, with
``set_aside=True``, moves damaged parts out of the tables into
``_relata/set-aside/<time>/``, never deleting them. A batch's parts share one
name across the tables, so a damaged part sets aside its whole batch: the
articles of that batch are then rebuilt from the inputs by the next build
(every input fingerprint is forgotten, so every input is read again; articles
still present are skipped by id). Nothing else is moved or deleted.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from relata import schemas, store

UNKNOWN_VERSION = "unknown (manifest repaired)"


@dataclass
class RepairReport:
    rebuilt_manifest: bool = False
    parts: int = 0
    set_aside: list[str] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [
            f"manifest rebuilt from {self.parts} part(s)"
            if self.rebuilt_manifest
            else f"manifest kept; {self.parts} part(s) checked"
        ]
        out += [f"set aside: {p}" for p in self.set_aside]
        out += [f"damaged (use --set-aside to move it out of the tables): {p}" for p in self.damaged]
        out += [f"{t}: extractor version {v}" for t, v in self.versions.items()]
        return out


def _readable(path: Path, table: str) -> str | None:
    """Why a part is not a readable Parquet file of its table, or None."""
    try:
        f = pq.ParquetFile(path)
        missing = set(schemas.arrow_schema(table).names) - set(f.schema_arrow.names)
        if missing:
            return f"lacks the columns {sorted(missing)}"
        f.read()  # every page decompressed and decoded
    except Exception as e:  # noqa: BLE001 - any failure to read is the finding
        return f"unreadable: {type(e).__name__}: {e}"
    return None


def _version_of(out: Path, table: str, names: list[str]) -> str:
    """The extractor version of a table's rows, if they all agree (else a rebuild is forced)."""
    if table not in schemas.EXTRACTED_TABLES:
        return ""
    seen: set[str] = set()
    for n in names:
        if n != "part-empty.parquet":
            seen |= set(
                pq.read_table(out / table / n, columns=["extractor_version"]).column("extractor_version").to_pylist()
            )
    return seen.pop() if len(seen) == 1 else UNKNOWN_VERSION


def repair(out: Path | str, *, set_aside: bool = False) -> RepairReport:
    out = Path(out)
    report = RepairReport()
    with store.writer_lock(out):
        foreign = store.foreign_files(out)
        if foreign:
            raise store.ForeignFilesError(
                f"{out} holds files relata did not write: {', '.join(foreign[:5])}; "
                f"move them away first (repair never touches them)"
            )
        if store.exists(out):
            m = store.Manifest.load(out)
            bad = {f"{t}/{n}": why for t, n in m.listed() if (why := store.part_problem(out, t, n, m))}
        else:
            m = store.Manifest()
            report.rebuilt_manifest = True
            bad = {}
            for t in store.ALL_TABLES:
                d = out / t
                names = sorted(p.name for p in d.iterdir() if store.PART_NAME.fullmatch(p.name)) if d.is_dir() else []
                for n in names:
                    why = _readable(d / n, t)
                    if why:
                        bad[f"{t}/{n}"] = why
                m.parts[t] = names
        report.parts = len(m.listed())
        if bad and not set_aside:
            report.damaged = [f"{k}: {v}" for k, v in sorted(bad.items())]
            return report
        if bad:
            batches = {k.split("/", 1)[1] for k in bad}
            batches.discard("part-empty.parquet")
            where = out / store.META_DIR / "set-aside" / dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
            for t in store.ALL_TABLES:
                for n in list(m.parts.get(t, [])):
                    if n in batches or f"{t}/{n}" in bad:
                        if (out / t / n).exists():
                            (where / t).mkdir(parents=True, exist_ok=True)
                            os.replace(out / t / n, where / t / n)
                        m.parts[t].remove(n)
                        m.checksums.pop(f"{t}/{n}", None)
                        report.set_aside.append(f"{t}/{n} -> {where / t / n}")
            m.inputs = {}  # the inputs of the set-aside batches are read again by the next build
        if report.rebuilt_manifest:
            m.extractor_versions = {
                t: v for t in schemas.EXTRACTED_TABLES if (v := _version_of(out, t, m.parts.get(t, [])))
            }
            report.versions = dict(m.extractor_versions)
        m.checksums = {k: v for k, v in m.checksums.items() if k.split("/", 1)[1] in m.parts.get(k.split("/")[0], [])}
        store.record_missing_checksums(out, m)
        m.builds.append(
            {
                "repaired_at": dt.datetime.now(dt.UTC).isoformat(),
                "rebuilt_manifest": report.rebuilt_manifest,
                "set_aside": report.set_aside,
            }
        )
        m.save(out)
        store.ensure_tables(out)
    return report
