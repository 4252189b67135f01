"""What a release folder is made of: its fixed names, and the helpers every step reads it with.

Kept apart from the steps so that ``verify`` (which must not depend on how a
release is made) and the steps that write it agree on one definition of each
name and of the file list that SHA256SUMS covers.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

# One hashing function for the whole project: the build records part checksums with it too.
from relata.store import file_sha256 as sha256_file

if TYPE_CHECKING:
    import duckdb

__all__ = [
    "CHARTS",
    "DATASET_NAME",
    "DATASET_TITLE",
    "LICENSE_LEGALCODE",
    "LICENSE_URL",
    "PARQUET_MEDIATYPE",
    "SUMS_FILE",
    "TEXT_TABLE",
    "idents",
    "open_tables",
    "release_files",
    "render_template",
    "sha256_file",
    "table_file",
    "write_json",
]

TEXT_TABLE = "article_texts"
SUMS_FILE = "SHA256SUMS"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"  # registered with IANA in 2024
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENSE_LEGALCODE = "https://creativecommons.org/licenses/by/4.0/legalcode.en"
DATASET_NAME = "relata"
DATASET_TITLE = "relata: international relations extracted from English news"
CHARTS = {
    "relations_per_month.png": "Relations per month by quad class",
    "events_per_month.png": "Events per month by quad class",
    "top_dyads.png": "The 20 most active dyads",
    "dyad_network.png": "Network of country pairs",
}


def table_file(folder: str | Path, table: str) -> Path:
    """The one Parquet file of ``table`` in a release (or staging) folder."""
    return Path(folder) / table / f"{table}.parquet"


def release_files(folder: Path) -> list[str]:
    """Every file of a release but SHA256SUMS, as sorted POSIX paths relative to it."""
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.relative_to(folder).as_posix() != SUMS_FILE
    )


def render_template(name: str, **values: object) -> str:
    """A text of ``relata/templates/`` with its ``$names`` filled in.

    Read through importlib.resources so that it works from a wheel as from the
    checkout; ``substitute`` (not ``safe_substitute``): a placeholder left
    unfilled is a bug to fail on, not text to publish.
    """
    text = (resources.files("relata") / "templates" / name).read_text(encoding="utf-8")
    return Template(text).substitute(values)


def write_json(path: Path, doc: object) -> None:
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False, default=str) + "\n")


def idents(columns: list[str]) -> str:
    # Quoted: column names such as "text" or "status" must never be read as SQL keywords.
    return ", ".join(f'"{c}"' for c in columns)


def open_tables(folder: Path, tables: list[str]) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with one view per table file of ``folder``, able to read nothing outside it.

    Gate SQL comes from a configuration file, and charts and the data card read
    a folder that is about to be published: none of them may write, or read
    anything but the release.
    """
    from relata.query import sandboxed

    return sandboxed({t: [table_file(folder, t)] for t in tables}, folder)
