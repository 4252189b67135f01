"""What a build did: articles read, written, skipped and rejected, rows per table, time per stage.

The same summary is printed by the CLI, published as the Prefect run's
artifact and recorded in the manifest, so it is defined once, here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from relata.schemas.tables import TABLES

if TYPE_CHECKING:
    from relata.commit import StagedBatch


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
    # Per derived table: recomputed whole or not, keys touched, parts and rows written.
    derived: dict[str, dict] = field(default_factory=dict)

    def add(self, b: StagedBatch, new: int, duplicates: int) -> None:
        self.read += b.read
        self.new += new
        self.duplicates += duplicates
        self.rejected += b.rejected
        self.reject_reasons.update(b.reject_reasons)
        self.rows.update(b.rows)
        self.seconds.update(b.seconds)

    @property
    def mirror_error(self) -> str | None:
        """Why the mirror failed (the tables are committed; the next build pushes again), or None."""
        if self.mirrored and "error" in self.mirrored:
            return (
                f"tables committed in {self.out}, but the mirror to {self.mirrored['url']} failed: "
                f"{self.mirrored['error']}. The next build retries it."
            )
        return None

    def as_dict(self) -> dict:
        return {
            "run_id": self.run_id,
            "out": self.out,
            "articles_read": self.read,
            "articles_new": self.new,
            "duplicates_skipped": self.duplicates,
            "rejected": self.rejected,
            "unchanged_inputs_skipped": self.unchanged_inputs,
            "rejected_by_reason": dict(self.reject_reasons),
            "rows_per_table": dict(self.rows),
            "seconds_per_stage": {k: round(v, 2) for k, v in self.seconds.items()},
            "rebuilt_tables": self.rebuilt_tables,
            "wall_seconds": round(self.wall_seconds, 2),
            "mirrored": self.mirrored,
            "derived": self.derived,
        }

    def markdown(self) -> str:
        d = self.as_dict()
        lines = [
            f"# relata build {self.run_id}",
            "",
            f"Output: `{self.out}`",
            "",
            "| articles | count |",
            "| --- | --- |",
            f"| read | {self.read} |",
            f"| new (written) | {self.new} |",
            f"| duplicates skipped | {self.duplicates} |",
            f"| rejected | {self.rejected} |",
            f"| unchanged input files skipped | {self.unchanged_inputs} |",
            "",
            "Every article read is written, skipped as a duplicate or rejected: "
            f"{self.read} = {self.new} + {self.duplicates} + {self.rejected}.",
            "",
        ]
        if self.reject_reasons:
            lines += ["| rejected because | count |", "| --- | --- |"]
            lines += [f"| {k} | {v} |" for k, v in self.reject_reasons.most_common()]
            lines.append("")
        lines += ["| table | rows added |", "| --- | --- |"]
        lines += [f"| {t} | {self.rows.get(t, 0)} |" for t, spec in TABLES.items() if not spec.derived]
        if self.derived:
            lines += [
                "",
                "| derived table | keys recomputed | parts rewritten | rows written |",
                "| --- | --- | --- | --- |",
            ]
            lines += [
                f"| {t} | {d['keys']}{' (all)' if d['full'] else ''} | {d['parts_written']} | {d['rows_written']} |"
                for t, d in self.derived.items()
            ]
        lines += ["", "| stage | seconds |", "| --- | --- |"]
        lines += [f"| {k} | {v} |" for k, v in d["seconds_per_stage"].items()]
        lines += ["", f"Wall time: {d['wall_seconds']} s"]
        if self.mirrored and "error" in self.mirrored:
            lines += ["", f"Mirror to `{self.mirrored['url']}` FAILED: {self.mirrored['error']}"]
        elif self.mirrored:
            m = self.mirrored
            lines += ["", f"Mirrored to `{m['url']}`: {m['uploaded']} part(s) uploaded, {m['deleted']} deleted."]
        return "\n".join(lines)
