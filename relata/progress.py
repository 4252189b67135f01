"""A progress bar for long builds in a terminal; nothing when output is not a terminal.

Without a terminal (cron, CI, a Prefect worker) the flow's log lines, one
per batch, say how far a run is.
"""

from __future__ import annotations

from contextlib import contextmanager


class _Silent:
    def advance(self, n: int = 1) -> None:
        pass


@contextmanager
def bar(total: int, enabled: bool, description: str = "articles"):
    if not enabled or total <= 0:
        yield _Silent()
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, \
        TimeRemainingColumn

    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), TimeRemainingColumn(), transient=False) as p:
        task_id = p.add_task(description, total=total)

        class _Bar:
            def advance(self, n: int = 1) -> None:
                p.advance(task_id, n)

        yield _Bar()
