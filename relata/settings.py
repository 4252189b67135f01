"""All configuration in one place.

Every setting can be given as an environment variable with the ``RELATA_``
prefix (``RELATA_BATCH_SIZE=500``) and is overridden by the matching CLI flag.
Flows receive settings as parameters; nothing below ``relata.cli`` reads the
environment.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DIR = PROJECT_ROOT / "data" / "sample"
DEFAULT_OUT = PROJECT_ROOT / "data" / "tables"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RELATA_", extra="ignore")

    input: str = Field(str(SAMPLE_DIR), description="Folder or file of articles to build.")
    out: str = Field(str(DEFAULT_OUT), description="Folder of the built Parquet tables.")
    db: str | None = Field(None, description="DuckDB file with one view per table; default <out>/relata.duckdb.")
    batch_size: int = Field(200, ge=1, description="Articles per batch: one Prefect task and one Parquet part per table.")
    nlp_batch_size: int = Field(64, ge=1, description="Sentences per nlp.pipe batch (candidate sentences are short; "
                                                       "whole articles at the default 1000 would need GBs).")
    workers: int = Field(2, ge=1, description="Batches processed at once (one model process each).")
    prefilter: bool = Field(True, description="Parse only sentences with an actor and a trigger word.")
    max_article_chars: int = Field(1_000_000, ge=1, description="Longer articles are rejected, not truncated.")
    min_article_words: int = Field(5, ge=1, description="Shorter articles are rejected as too short to extract from.")
    article_timeout_s: float = Field(120.0, gt=0, description="Per-article limit on parse + extraction time.")
    batch_timeout_s: float = Field(300.0, gt=0, description="A batch's deadline in its model process: this, plus "
                                                              "batch_timeout_per_article_s per article. Past it the "
                                                              "process is killed and the batch retried once; then its "
                                                              "articles become rejects.")
    batch_timeout_per_article_s: float = Field(2.0, ge=0, description="See batch_timeout_s.")
    build_timeout_s: float | None = Field(24 * 3600.0, gt=0, description="Limit on a whole build run (the Prefect "
                                                                         "flow's timeout_seconds).")
    dask_address: str | None = Field(None, description="Run batches on this Dask scheduler (tcp://host:8786).")
    mirror: str | None = Field(None, description="Object-storage URL (s3://bucket/prefix) the committed tables are "
                                                 "copied to after each build; an empty output folder is first "
                                                 "filled from it. See relata/remote.py.")
    releases: str = Field(str(PROJECT_ROOT / "data" / "releases"), description="Folder of published releases.")
    verbose: bool = False

    def db_path(self) -> Path:
        return Path(self.db) if self.db else Path(self.out) / "relata.duckdb"
