"""The single source of truth for the columns of every table.

Everything that needs to know a column is generated from ``fields.py`` and
``tables.py`` (in ``derived.py``): the pandera schemas that guard the write
boundary, the Arrow schemas the Parquet files are written with, the DuckDB
views, the Frictionless table schemas of a release and the data dictionary.

``schemas.split_valid`` and the other generated helpers are loaded on first
use, so ``import schemas`` (or ``schemas.vocabularies``) stays free of pandas,
pandera and pyarrow.
"""

from __future__ import annotations

import importlib

from relata.schemas import vocabularies
from relata.schemas.fields import FIELDS, Field
from relata.schemas.tables import DERIVED_TABLES, EXTRACTED_TABLES, SCHEMA_VERSION, TABLES, Table

_DERIVED = (
    "arrow_schema",
    "arrow_type",
    "data_dictionary",
    "duckdb_type",
    "empty_frame",
    "frictionless_schema",
    "pandera_schema",
    "split_valid",
    "to_arrow",
    "validate_arrow",
)

__all__ = [
    "DERIVED_TABLES",
    "EXTRACTED_TABLES",
    "FIELDS",
    "SCHEMA_VERSION",
    "TABLES",
    "Field",
    "Table",
    "vocabularies",
    *_DERIVED,
]


def __getattr__(name: str):
    if name in _DERIVED:
        return getattr(importlib.import_module("relata.schemas.derived"), name)
    raise AttributeError(f"module 'schemas' has no attribute {name!r}")
