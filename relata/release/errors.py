"""Why a release was refused: one exception family, so that the CLI maps each to an exit code."""

from __future__ import annotations


class ReleaseError(RuntimeError):
    """A release cannot be made or does not check out; the message says why."""


class ReleaseExistsError(ReleaseError):
    """The version is already published (releases are never overwritten)."""


class GateError(ReleaseError):
    """The release failed one or more gates and was not published."""

    def __init__(self, failures: list[str]):
        self.failures = failures
        super().__init__("release gates failed:\n" + "\n".join(f"  - {f}" for f in failures))
