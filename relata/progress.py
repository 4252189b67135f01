"""A progress bar for long builds in a terminal; nothing when output is not a terminal.

Without a terminal (cron, CI, a Prefect worker) the flow's log lines, one
per batch, say how far a run is. The total is known only once the build is
planned, so the bar starts at the first committed batch.
"""

from __future__ import annotations

import contextlib
from typing import Any


class Tracker(contextlib.AbstractContextManager):
    """Advances a bar by each committed batch's articles (``run_build``'s ``on_commit`` hook)."""

    def __init__(self, enabled: bool, description: str = "articles") -> None:
        self.enabled, self.description = enabled, description
        self._progress: Any = None
        self._task: Any = None

    def on_commit(self, staged, plan) -> None:
        if not self.enabled:
            return
        if self._progress is None:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                transient=False,
            )
            self._progress.start()
            self._task = self._progress.add_task(self.description, total=sum(b.size for b in plan.batches))
        self._progress.advance(self._task, staged.read or len(staged.article_ids))

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()
