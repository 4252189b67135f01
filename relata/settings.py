"""All configuration in one place.

Every setting can be given as an environment variable with the ``RELATA_``
prefix (``RELATA_BATCH_SIZE=500``) and is overridden by the matching CLI flag.
Flows receive settings as parameters; nothing below ``relata.cli`` reads the
environment.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# The checkout (for development tools: tests, benchmarks); an installed relata never reads it.
PROJECT_ROOT = Path(__file__).resolve().parents[1]
# The embedded sample: data/sample/ in a checkout; inside the package once installed (the wheel
# maps data/sample/ to relata/sample/), so `relata build` finds it from any directory.
_INSTALLED_SAMPLE = Path(str(resources.files("relata"))) / "sample"
SAMPLE_DIR = _INSTALLED_SAMPLE if _INSTALLED_SAMPLE.is_dir() else PROJECT_ROOT / "data" / "sample"
# Outputs go under the current directory, never inside the installation.
DEFAULT_OUT = Path("data") / "tables"
DEFAULT_RELEASES = Path("data") / "releases"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RELATA_", extra="ignore")

    input: str = Field(str(SAMPLE_DIR), description="Folder or file of articles to build.")
    out: str = Field(str(DEFAULT_OUT), description="Folder of the built Parquet tables.")
    db: str | None = Field(None, description="DuckDB file with one view per table; default <out>/relata.duckdb.")
    batch_size: int = Field(
        200, ge=1, description="Articles per batch: one Prefect task and one Parquet part per table."
    )
    nlp_batch_size: int = Field(
        64,
        ge=1,
        description="Sentences per nlp.pipe batch (candidate sentences are short; "
        "whole articles at the default 1000 would need GBs).",
    )
    workers: int = Field(2, ge=1, description="Batches processed at once (one model process each).")
    learned: bool = Field(
        True,
        description="Let the trained models decide the tables they were trained for (relations, cooperation, "
        "sanctions); false: the rules alone. For comparisons: build into a folder of its own (the tables' "
        "versions do not record it).",
    )
    prefilter: bool = Field(True, description="Parse only sentences with an actor and a trigger word.")
    max_article_chars: int = Field(1_000_000, ge=1, description="Longer articles are rejected, not truncated.")
    min_article_words: int = Field(5, ge=1, description="Shorter articles are rejected as too short to extract from.")
    article_timeout_s: float = Field(120.0, gt=0, description="Per-article limit on parse + extraction time.")
    batch_timeout_s: float = Field(
        300.0,
        gt=0,
        description="A batch's deadline in its model process: this, plus "
        "batch_timeout_per_article_s per article. Past it the "
        "process is killed and the batch retried once; then its "
        "articles become rejects.",
    )
    batch_timeout_per_article_s: float = Field(2.0, ge=0, description="See batch_timeout_s.")
    build_timeout_s: float | None = Field(
        24 * 3600.0, gt=0, description="Limit on a whole build run (the Prefect flow's timeout_seconds)."
    )
    dask_address: str | None = Field(None, description="Run batches on this Dask scheduler (tcp://host:8786).")
    mirror: str | None = Field(
        None,
        description="Object-storage URL (s3://bucket/prefix) the committed tables are "
        "copied to after each build; an empty output folder is first "
        "filled from it. See relata/remote.py.",
    )
    releases: str = Field(str(DEFAULT_RELEASES), description="Folder of published releases.")
    prefect_server: str = Field(
        "background",
        pattern="^(background|temporary)$",
        description="Where flow runs are recorded when PREFECT_API_URL is not set: 'background' (a local "
        "server relata starts once and reuses; `relata server stop`) or 'temporary' (Prefect's "
        "per-process server, about 15 s a build).",
    )
    verbose: bool = False

    @classmethod
    def given(cls, **overrides: Any) -> Settings:
        """Settings from the environment, with the options a caller gave (None: not given)."""
        return cls(**{k: v for k, v in overrides.items() if v is not None})

    def flow_parameters(self) -> dict[str, Any]:
        """The build flow's parameters for these settings (what a deployment stores)."""
        return {k: getattr(self, k) for k in FLOW_PARAMETERS}

    def db_path(self) -> Path:
        return Path(self.db) if self.db else Path(self.out) / "relata.duckdb"


# The build flow's parameters: plain values a deployment stores; every other setting comes from
# the environment (RELATA_*) where the flow runs.
FLOW_PARAMETERS = ("input", "out", "db", "batch_size", "workers", "prefilter", "dask_address", "mirror", "verbose")
