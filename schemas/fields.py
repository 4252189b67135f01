"""Every column of every table, defined once.

A table in ``tables.py`` only lists field keys; the pandera checks, the Arrow
types, the DuckDB views, the Frictionless schema and the data dictionary are
all generated from these definitions (``schemas/__init__.py``), so they cannot
drift apart. The key is usually the column name; where one column name means
different things in different tables (``status``, ``target``) the key is
qualified and ``name`` gives the column name.
"""

from __future__ import annotations

from dataclasses import dataclass

from relata.schemas import vocabularies as v

LOGICAL_TYPES = ("string", "int32", "int8", "float32", "date", "timestamp", "string_list", "struct_list")


@dataclass(frozen=True)
class Field:
    key: str
    type: str
    description: str
    nullable: bool = False
    vocabulary: tuple[str, ...] | None = None
    actor: bool = False  # an actor code: ISO alpha-3 or a closed-list organisation
    minimum: float | None = None
    maximum: float | None = None
    name: str = ""  # column name when it differs from the key
    # A struct_list's members: (name, logical type, vocabulary or None), in order.
    members: tuple[tuple[str, str, tuple[str, ...] | None], ...] = ()

    @property
    def column(self) -> str:
        return self.name or self.key


def _f(key: str, type_: str, description: str, **kw) -> Field:
    assert type_ in LOGICAL_TYPES, type_
    return Field(key, type_, description, **kw)


_FIELDS = [
    # Articles.
    _f(
        "article_id",
        "string",
        "Stable key of the article: a hash of its normalised cleaned text, so the same article ingested twice is one row.",
    ),
    _f(
        "source_uri",
        "string",
        "Where the article was read from: its path relative to the input root, or the row id of a JSON Lines/CSV/Parquet input.",
    ),
    _f("url", "string", "Canonical URL of the article, if known.", nullable=True),
    _f("title", "string", "Headline.", nullable=True),
    _f("outlet", "string", "Publisher.", nullable=True),
    _f("author", "string", "Author or byline.", nullable=True),
    _f("published_at", "timestamp", "Publication time (UTC) as stated by the article or its metadata.", nullable=True),
    _f("language", "string", "ISO 639-1 code of the article's language."),
    _f("n_chars", "int32", "Length of the cleaned text in characters.", minimum=0),
    _f("ingested_at", "timestamp", "When the article was first ingested (UTC)."),
    _f("text", "string", "The cleaned text of the article."),
    # Provenance of every extracted row.
    _f("sentence_index", "int32", "0-based number of the sentence in the cleaned text.", minimum=0),
    _f("char_start", "int32", "Start of the evidence sentence in the cleaned text (character offset).", minimum=0),
    _f(
        "char_end", "int32", "End of the evidence sentence in the cleaned text (exclusive character offset).", minimum=1
    ),
    _f("evidence", "string", "The sentence the row was extracted from."),
    _f("extractor_version", "string", "Version of the extractor that made the row; bumping it rebuilds the table."),
    _f(
        "confidence",
        "float32",
        "How likely the row is right (its parties and type, area or action), 0..1. A row a trained model "
        "made or confirmed: its probability calibrated on the annotated corpus's cross-validation folds. "
        "A rules' row the model left unconfirmed: the probability fitted on those folds to its rules' score "
        "and the model's backing, where that fit beats the rules' score (relations and cooperation, as "
        "shipped), else the rules' own score (sanctions and denials as shipped; see the training report).",
        minimum=0.0,
        maximum=1.0,
    ),
    _f(
        "event_date",
        "date",
        "Date of the event, resolved against published_at ('on Tuesday', 'today', 'last September').",
        nullable=True,
    ),
    _f("date_precision", "string", "Precision of event_date.", nullable=True, vocabulary=v.DATE_PRECISIONS),
    # Relations.
    _f("relation_id", "string", "Stable key: hash of article_id, sentence_index, source, target and relation_type."),
    _f("source_actor", "string", "Who acts: ISO 3166-1 alpha-3 code or a closed-list organisation code.", actor=True),
    _f(
        "target_actor",
        "string",
        "Toward whom: ISO 3166-1 alpha-3 code or a closed-list organisation code; never equal to source_actor.",
        actor=True,
    ),
    _f("source_person", "string", "The named person acting for source_actor, if any.", nullable=True),
    _f("target_person", "string", "The named person acting for target_actor, if any.", nullable=True),
    _f(
        "relation_type",
        "string",
        "Kind of event; symmetric types are stored once with the pair in alphabetical order.",
        vocabulary=v.RELATION_TYPES,
    ),
    _f(
        "relation_status",
        "string",
        "occurred; planned (announced, expected, scheduled); alleged (asserted by a third party, not confirmed by the text).",
        vocabulary=v.RELATION_STATUSES,
        name="status",
    ),
    _f(
        "attributed_to",
        "string",
        "Whose claim the sentence reports; null when the article states it in its own voice.",
        nullable=True,
        actor=True,
    ),
    _f("cameo_code", "string", "CAMEO event code (3 or 4 digits)."),
    _f("plover_type", "string", "PLOVER event type.", vocabulary=v.PLOVER_TYPES),
    _f(
        "quad_class",
        "int8",
        "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.",
        minimum=1,
        maximum=4,
    ),
    _f("goldstein", "float32", "Goldstein scale value of cameo_code, -10..10.", minimum=-10.0, maximum=10.0),
    # Sanctions.
    _f(
        "sanction_id",
        "string",
        "Stable key: hash of article_id, sentence_index, sender, target, target_entity and action.",
    ),
    _f("sender", "string", "Who imposes the sanctions; null when the text does not say.", nullable=True, actor=True),
    _f(
        "sanction_target",
        "string",
        "Who is sanctioned (a person's or firm's country when the sanction names one).",
        actor=True,
        name="target",
    ),
    _f("target_entity", "string", "The named person, firm or vessel sanctioned, if any.", nullable=True),
    _f("action", "string", "What the sentence says about the sanctions.", vocabulary=v.SANCTION_ACTIONS),
    _f(
        "stated_by",
        "string",
        "Who makes the statement (always set for condemned and threatened).",
        nullable=True,
        actor=True,
    ),
    _f(
        "measures",
        "string_list",
        "Types of measure (Global Sanctions Data Base types); empty when not stated.",
        vocabulary=v.SANCTION_MEASURES,
    ),
    _f(
        "reason_categories",
        "string_list",
        "Why the sanctions are imposed, as categories; empty when not stated.",
        vocabulary=v.SANCTION_REASONS,
    ),
    _f("reason", "string", "The reason as the text puts it, short.", nullable=True),
    # Denials.
    _f("denial_id", "string", "Stable key: hash of article_id, sentence_index, denier and denied_type."),
    _f("denier", "string", "Who denies.", actor=True),
    _f(
        "denied_type",
        "string",
        "What kind of claim is denied: a relation_type, sanctions_violation or other.",
        vocabulary=v.DENIED_TYPES,
    ),
    _f("denied_claim", "string", "The claim as the text puts it, short."),
    _f("accuser", "string", "Who made the claim, if the text says.", nullable=True, actor=True),
    _f(
        "denied_relation_id",
        "string",
        "relation_id of the claim's row in relations, when it was extracted.",
        nullable=True,
    ),
    # Cooperation.
    _f("cooperation_id", "string", "Stable key: hash of article_id, sentence_index, actor_a, actor_b and area."),
    _f("actor_a", "string", "First actor of the pair (alphabetical order).", actor=True),
    _f("actor_b", "string", "Second actor of the pair (alphabetical order).", actor=True),
    _f("area", "string", "Area of cooperation; one row per area.", vocabulary=v.COOPERATION_AREAS),
    _f(
        "cooperation_status",
        "string",
        "planned (to be discussed, proposed, expected); agreed (signed or decided); ongoing (already happening).",
        vocabulary=v.COOPERATION_STATUSES,
        name="status",
    ),
    # Derived tables: what happened (events), which sanctions are in force (sanction_regimes),
    # counts for analysis (dyad_month). Recomputed from the extracted tables by relata.derive.
    _f(
        "event_id",
        "string",
        "Stable key: hash of the dyad, relation_type, status and the relation_id of the earliest report, "
        "so that later reports do not change it.",
    ),
    _f(
        "event_event_date",
        "date",
        "The best-supported date among the reports: the most frequent date of the most precise ones; "
        "null when no report dates the event.",
        nullable=True,
        name="event_date",
    ),
    _f(
        "first_reported",
        "timestamp",
        "Earliest published_at of its reports (UTC); an article without a publication time counts from ingested_at.",
    ),
    _f(
        "last_reported",
        "timestamp",
        "Latest published_at of its reports (UTC); an article without a publication time counts from ingested_at.",
    ),
    _f("n_reports", "int32", "Relation rows (reports) in the event.", minimum=1),
    _f("n_articles", "int32", "Distinct articles among its reports.", minimum=1),
    _f(
        "n_outlets", "int32", "Distinct outlets among its reports (articles without an outlet do not count).", minimum=0
    ),
    _f(
        "relation_ids",
        "string_list",
        "relation_id of each of its reports, sorted; every relations row is in exactly one event.",
    ),
    _f("event_evidence", "string", "The evidence sentence of its most confident report.", name="evidence"),
    _f(
        "event_confidence",
        "float32",
        "1 - the product over its articles of (1 - the confidence of the article's best report): "
        "independent articles corroborate, sentences of one article do not.",
        minimum=0.0,
        maximum=1.0,
        name="confidence",
    ),
    _f(
        "fulfils_event_id",
        "string",
        "On an occurred event: the planned event (same dyad and type, announced before it, dates compatible) "
        "that it fulfils; null otherwise.",
        nullable=True,
    ),
    _f(
        "regime_id",
        "string",
        "Stable key: hash of the regime's sender and target and the sanction_id of its earliest statement.",
    ),
    _f(
        "regime_sender",
        "string",
        "Who imposes: the statements' sender. A statement that names none takes the one who announces it "
        "when it is an act of the sender (imposed, threatened, tightened, extended, eased, lifted), else the "
        "only sender any statement names against the target; null when that leaves none.",
        nullable=True,
        actor=True,
        name="sender",
    ),
    _f(
        "regime_target_entity",
        "string",
        "The named person, firm or vessel, when every statement of the regime names the same one.",
        nullable=True,
        name="target_entity",
    ),
    _f(
        "regime_measures",
        "string_list",
        "Types of measure, the union over its statements; empty when none says.",
        vocabulary=v.SANCTION_MEASURES,
        name="measures",
    ),
    _f(
        "regime_reason_categories",
        "string_list",
        "Why, as categories: the union over its statements; empty when none says.",
        vocabulary=v.SANCTION_REASONS,
        name="reason_categories",
    ),
    _f(
        "regime_state",
        "string",
        "threatened, in_force, eased or lifted, after its statements in date order: imposed, extended, "
        "tightened and in_force mean in_force; eased and lifted say so; threatened holds until sanctions are in "
        "force; condemned and violated change nothing (a regime only spoken of that way is in force).",
        vocabulary=v.REGIME_STATES,
        name="state",
    ),
    _f(
        "first_date",
        "date",
        "Earliest statement date (its event_date, else its article's publication date).",
        nullable=True,
    ),
    _f(
        "last_date",
        "date",
        "Latest statement date (its event_date, else its article's publication date).",
        nullable=True,
    ),
    _f(
        "history",
        "struct_list",
        "Its statements in date order: the statement's date (event_date, else publication date), its action "
        "and its sanction_id, the evidence of each state change.",
        members=(("date", "date", None), ("action", "string", v.SANCTION_ACTIONS), ("sanction_id", "string", None)),
    ),
    _f("n_statements", "int32", "sanctions rows (statements) in the regime.", minimum=1),
    _f("regime_n_articles", "int32", "Distinct articles among its statements.", minimum=1, name="n_articles"),
    _f(
        "month",
        "date",
        "First day of the month of the events' event_date (else of first_reported).",
    ),
    _f(
        "dyad_relation_type",
        "string",
        "Kind of event; a symmetric type counts once for each direction.",
        vocabulary=v.RELATION_TYPES,
        name="relation_type",
    ),
    _f(
        "n_events",
        "int32",
        "Events (occurred or alleged; plans are not counted) of the dyad, month and type.",
        minimum=1,
    ),
    _f("dyad_n_reports", "int32", "Relation rows (reports) of those events.", minimum=1, name="n_reports"),
    _f("goldstein_sum", "float32", "Sum of the events' Goldstein values."),
    _f("goldstein_mean", "float32", "Mean of the events' Goldstein values, -10..10.", minimum=-10.0, maximum=10.0),
    # Rejects.
    _f("reject_article_id", "string", "Key of the article, when it got that far.", nullable=True, name="article_id"),
    _f("stage", "string", "Where it was rejected.", vocabulary=v.REJECT_STAGES),
    _f("reject_reason", "string", "Why, in a few words a person understands.", name="reason"),
    _f("detail", "string", "Details: the failed check, the offending value, the exception.", nullable=True),
    _f("rejected_at", "timestamp", "When it was rejected (UTC)."),
]

FIELDS: dict[str, Field] = {f.key: f for f in _FIELDS}
assert len(FIELDS) == len(_FIELDS), "duplicate field key"
