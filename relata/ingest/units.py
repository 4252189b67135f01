"""The unit of reading: a whole file, a member of a zip archive, or a range of rows of a table.
Planning lists them without reading article text; batches are made of them; reading one yields
its articles and rejects."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Unit:
    """One readable unit: a whole file, or rows [start, stop) of a table file."""

    path: str
    source_uri: str  # the file's path relative to the input root
    start: int = 0
    stop: int | None = None
    size: int = 1  # articles it holds (rows for a table)
    problem: str | None = None  # found while planning: becomes a Reject when read
    # A remote file's size and ETag, from the listing (a local file's is read with os.stat).
    remote_fingerprint: dict | None = field(default=None, compare=False)
    # The name of a zip archive's member; `path` is then the archive's path, "/" and this name, so
    # that each member is an input of its own, fingerprinted by its archive's size and mtime.
    member: str | None = None

    @property
    def archive(self) -> str | None:
        return self.path[: -len(self.member) - 1] if self.member is not None else None


def split_unit(u: Unit, size: int) -> list[Unit]:
    """Cut a table unit into pieces of at most `size` rows."""
    if u.stop is None or u.size <= size:
        return [u]
    return [
        dataclasses.replace(u, start=s, stop=min(s + size, u.stop), size=min(size, u.stop - s))
        for s in range(u.start, u.stop, size)
    ]
