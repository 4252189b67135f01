"""The tables of the contract: which fields each one has, and its key."""

from __future__ import annotations

from dataclasses import dataclass

from relata.schemas.fields import FIELDS, Field

# Bumped on a breaking change (a renamed or removed column); adding a column is
# a minor change. Written into every Parquet file's metadata and every release.
SCHEMA_VERSION = "1.1.0"

PROVENANCE = (
    "article_id",
    "sentence_index",
    "char_start",
    "char_end",
    "evidence",
    "extractor_version",
    "confidence",
)


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    field_keys: tuple[str, ...]
    primary_key: tuple[str, ...]
    extracted: bool = False  # one of the four tables the extractors fill
    derived: bool = False  # recomputed from the extracted tables by relata.derive, never by an extractor

    @property
    def fields(self) -> list[Field]:
        return [FIELDS[k] for k in self.field_keys]

    @property
    def columns(self) -> list[str]:
        return [f.column for f in self.fields]


TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        Table(
            "articles",
            "One row per distinct article (by normalised text) that was read and built.",
            (
                "article_id",
                "source_uri",
                "url",
                "title",
                "outlet",
                "author",
                "published_at",
                "language",
                "n_chars",
                "ingested_at",
            ),
            ("article_id",),
        ),
        Table(
            "article_texts",
            "The cleaned text of each article. Left out of public releases by default: news text is copyrighted.",
            ("article_id", "text"),
            ("article_id",),
        ),
        Table(
            "relations",
            "Country-pair events: who did what toward whom, when, and whether it happened, is planned or is only alleged.",
            (
                "relation_id",
                "source_actor",
                "target_actor",
                "source_person",
                "target_person",
                "relation_type",
                "relation_status",
                "attributed_to",
                "event_date",
                "date_precision",
                "cameo_code",
                "plover_type",
                "quad_class",
                "goldstein",
            )
            + PROVENANCE,
            ("relation_id",),
            extracted=True,
        ),
        Table(
            "sanctions",
            "Sanction regimes and what is said about them: imposed, lifted, condemned, violated ...",
            (
                "sanction_id",
                "sender",
                "sanction_target",
                "target_entity",
                "action",
                "stated_by",
                "measures",
                "reason_categories",
                "reason",
                "event_date",
                "date_precision",
            )
            + PROVENANCE,
            ("sanction_id",),
            extracted=True,
        ),
        Table(
            "denials",
            "Who denies which accusation, made by whom.",
            (
                "denial_id",
                "denier",
                "denied_type",
                "denied_claim",
                "accuser",
                "denied_relation_id",
                "event_date",
                "date_precision",
            )
            + PROVENANCE,
            ("denial_id",),
            extracted=True,
        ),
        Table(
            "cooperation",
            "Areas two actors plan, agree or already cooperate in; one row per area.",
            ("cooperation_id", "actor_a", "actor_b", "area", "cooperation_status", "event_date", "date_precision")
            + PROVENANCE,
            ("cooperation_id",),
            extracted=True,
        ),
        Table(
            "events",
            "One row per real-world happening: the relations rows that report the same dyad, type and status "
            "with dates that agree, across articles and outlets.",
            (
                "event_id",
                "source_actor",
                "target_actor",
                "relation_type",
                "cameo_code",
                "plover_type",
                "quad_class",
                "goldstein",
                "relation_status",
                "event_event_date",
                "date_precision",
                "first_reported",
                "last_reported",
                "n_reports",
                "n_articles",
                "n_outlets",
                "relation_ids",
                "event_evidence",
                "event_confidence",
                "fulfils_event_id",
            ),
            ("event_id",),
            derived=True,
        ),
        Table(
            "sanction_regimes",
            "One row per sanctions regime (sender, target and programme), with the history of its statements "
            "and its state as of the latest one.",
            (
                "regime_id",
                "regime_sender",
                "sanction_target",
                "regime_target_entity",
                "regime_measures",
                "regime_reason_categories",
                "regime_state",
                "first_date",
                "last_date",
                "history",
                "n_statements",
                "regime_n_articles",
            ),
            ("regime_id",),
            derived=True,
        ),
        Table(
            "dyad_month",
            "Counts for analysis: events (occurred or alleged) and their reports per directed dyad, month, "
            "relation type and quad class, with the sum and mean of their Goldstein values.",
            (
                "source_actor",
                "target_actor",
                "month",
                "dyad_relation_type",
                "quad_class",
                "n_events",
                "dyad_n_reports",
                "goldstein_sum",
                "goldstein_mean",
            ),
            ("source_actor", "target_actor", "month", "relation_type", "quad_class"),
            derived=True,
        ),
        Table(
            "rejects",
            "Every input that could not be read and every extracted row that failed validation, with the reason.",
            ("source_uri", "reject_article_id", "stage", "reject_reason", "detail", "rejected_at"),
            (),
        ),
    ]
}

EXTRACTED_TABLES: tuple[str, ...] = tuple(n for n, t in TABLES.items() if t.extracted)
DERIVED_TABLES: tuple[str, ...] = tuple(n for n, t in TABLES.items() if t.derived)
