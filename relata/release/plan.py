"""Planning: what to release and where, and every refusal that can be made before any work."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from relata import schemas, store
from relata.release.card import QUALITY_FILE
from relata.release.errors import ReleaseError, ReleaseExistsError
from relata.release.gates import GATES_FILE, load_gates
from relata.release.layout import TEXT_TABLE

# A version is a folder name: no path separators, and never a leading dot (temporary folders have one).
_VERSION_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*$")


@dataclass
class ReleasePlan:
    """What to release and where; plain strings so that Prefect can pass it between tasks."""

    tables: str
    out: str
    version: str
    staging: str
    run_time: str
    include_texts: bool = False
    gates_file: str = str(GATES_FILE)
    quality_file: str = str(QUALITY_FILE)
    previous: str | None = None  # folder of the release to compare with
    table_names: list[str] = field(default_factory=list)

    @property
    def final(self) -> Path:
        return Path(self.out) / self.version

    @property
    def date(self) -> str:
        """The day of the run, YYYY-MM-DD, as the changelog and the data card print it."""
        return self.run_time[:10]

    def discard(self) -> None:
        """Remove the staging folder: a refused or failed release leaves nothing behind."""
        shutil.rmtree(self.staging, ignore_errors=True)


def default_version(now: dt.datetime | None = None) -> str:
    """Today's CalVer version, YYYY.MM.DD (UTC)."""
    return (now or dt.datetime.now(dt.UTC)).strftime("%Y.%m.%d")


def check_version(version: str) -> str:
    # fullmatch: `$` alone lets a trailing newline through, and the version names a folder.
    if not isinstance(version, str) or not _VERSION_RE.fullmatch(version):
        raise ReleaseError(
            f"invalid version {version!r}: use letters, digits, '.', '_' and '-', "
            "not starting with '.' (CalVer: 2026.11.26)"
        )
    return version


def published_versions(out: Path) -> list[Path]:
    """Published releases in ``out``, oldest first by their run time (temporary folders excluded)."""
    found = []
    for d in Path(out).iterdir() if Path(out).is_dir() else []:
        index = d / "index.json"
        if d.is_dir() and not d.name.startswith((".", "_")) and index.is_file():
            try:
                found.append((json.loads(index.read_text()).get("run_time", ""), d.name, d))
            except json.JSONDecodeError as e:
                raise ReleaseError(f"{index} is not valid JSON ({e}): run `relata release verify {d}`") from None
    return [d for _, _, d in sorted(found)]


def plan_release(
    tables: str | Path,
    out: str | Path,
    version: str | None = None,
    *,
    include_texts: bool = False,
    gates_file: str | Path | None = None,
    quality_file: str | Path | None = None,
    previous: str | None = None,
    now: dt.datetime | None = None,
) -> ReleasePlan:
    """Check what can be checked before any work, and reserve a temporary folder in ``out``."""
    now = now or dt.datetime.now(dt.UTC)
    version = version or default_version(now)
    prev = preflight(tables, out, version, gates_file=gates_file, previous=previous)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    staging = out / f".{version}.tmp-{uuid.uuid4().hex[:8]}"
    staging.mkdir()
    return ReleasePlan(
        tables=str(Path(tables)),
        out=str(out),
        version=version,
        staging=str(staging),
        run_time=now.isoformat(timespec="seconds"),
        include_texts=include_texts,
        gates_file=str(gates_file or GATES_FILE),
        quality_file=str(quality_file or QUALITY_FILE),
        previous=str(prev) if prev else None,
        table_names=[t for t in schemas.TABLES if include_texts or t != TEXT_TABLE],
    )


def preflight(
    tables: str | Path,
    out: str | Path,
    version: str,
    *,
    gates_file: str | Path | None = None,
    previous: str | None = None,
) -> Path | None:
    """Raise the errors a release can be refused for before any work; return the previous release.

    The CLI calls it before starting Prefect, so that a mistyped version fails in a moment.
    """
    check_version(version)
    tables, out = Path(tables), Path(out)
    if not (tables / store.META_DIR / store.MANIFEST).is_file():
        raise ReleaseError(
            f"no built tables at {tables} (no {store.META_DIR}/{store.MANIFEST}): run `relata build` first"
        )
    if out.resolve().is_relative_to(tables.resolve()):
        raise ReleaseError(
            f"releases may not be published inside the tables folder ({out} is in {tables}): choose a --out outside it"
        )
    damaged = [p for p in store.verify_parts(tables) if "no checksum recorded" not in p]
    if damaged:
        raise ReleaseError(
            f"the tables in {tables} fail their check ({'; '.join(damaged[:3])}); "
            f"nothing is published from them. See `relata check {tables}`."
        )
    load_gates(gates_file or GATES_FILE)  # a broken gates file fails now, not after the tables are copied
    if (out / version).exists():
        raise ReleaseExistsError(
            f"release {version} already exists at {out / version}; "
            "releases are never overwritten: choose another --version"
        )
    return _previous_release(out, previous)


def _previous_release(out: Path, previous: str | None) -> Path | None:
    if previous:
        p = out / previous
        if not (p / "index.json").is_file():
            raise ReleaseError(f"previous release {previous} not found in {out}")
        return p
    published = published_versions(out)
    return published[-1] if published else None
