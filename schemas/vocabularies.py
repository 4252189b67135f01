"""The closed vocabularies of the data contract (shared/CONTRACT.md).

These are part of the public interface: downstream joins and dashboards
depend on the exact strings, so a change here is a schema change.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

import pycountry

HERE = Path(__file__).parent


def _csv(name: str) -> list[dict[str, str]]:
    with (HERE / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if line.strip() and not line.startswith("#")))


# The actor registry: the closed list of organisations and blocs, with their kind (organisations.csv).
# Every other actor code is a country. Code asks for an actor's kind here, never by its length
# ("G20", "WTO", "IMF", "SCO" and "GCC" have three letters too).
ACTOR_KINDS: dict[str, str] = {r["code"]: r["kind"] for r in _csv("organisations.csv")}
ORGANISATIONS: tuple[str, ...] = tuple(ACTOR_KINDS)


@dataclass(frozen=True)
class RelationType:
    """A relation type of the contract with its codes (relation_types.csv names their sources)."""

    name: str
    cameo_code: str  # the type's default CAMEO code; a trigger may name a more specific one
    plover_type: str
    quad_class: int
    symmetric: bool  # stored once, with the pair in alphabetical order


RELATION_TYPE_CODES: dict[str, RelationType] = {
    r["relation_type"]: RelationType(
        r["relation_type"], r["cameo_code"], r["plover_type"], int(r["quad_class"]), r["symmetric"] == "true"
    )
    for r in _csv("relation_types.csv")
}
RELATION_TYPES: tuple[str, ...] = tuple(RELATION_TYPE_CODES)
SYMMETRIC_RELATION_TYPES: frozenset[str] = frozenset(t for t, r in RELATION_TYPE_CODES.items() if r.symmetric)
RELATION_STATUSES: tuple[str, ...] = ("occurred", "planned", "alleged")
DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year")
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

SANCTION_ACTIONS: tuple[str, ...] = (
    "imposed",
    "in_force",
    "extended",
    "tightened",
    "eased",
    "lifted",
    "threatened",
    "condemned",
    "violated",
)
SANCTION_MEASURES: tuple[str, ...] = ("trade", "arms", "military", "financial", "travel", "other")
SANCTION_REASONS: tuple[str, ...] = (
    "nuclear_weapons",
    "missile_program",
    "armed_conflict",
    "human_rights",
    "terrorism",
    "democracy",
    "cyber",
    "drug_trafficking",
    "corruption",
    "sanctions_evasion",
    "other",
)

# What a sanctions regime is, as of its latest statement that says so (sanction_regimes.state).
REGIME_STATES: tuple[str, ...] = ("threatened", "in_force", "eased", "lifted")

DENIED_TYPES: tuple[str, ...] = RELATION_TYPES + ("sanctions_violation", "other")

COOPERATION_AREAS: tuple[str, ...] = (
    "economy",
    "trade",
    "finance",
    "energy",
    "transport",
    "air_service",
    "agriculture",
    "tourism",
    "culture",
    "education",
    "science_technology",
    "space",
    "health",
    "security",
    "military",
    "interregional",
    "international_affairs",
    "infrastructure",
    "humanitarian",
    "other",
)
COOPERATION_STATUSES: tuple[str, ...] = ("planned", "agreed", "ongoing")

REJECT_STAGES: tuple[str, ...] = ("ingest", "parse", "extract", "validate")


@functools.cache
def country_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-3 code pycountry knows."""
    return frozenset(c.alpha_3 for c in pycountry.countries)


@functools.cache
def actor_codes() -> frozenset[str]:
    """Every valid actor code: ISO 3166-1 alpha-3 codes and the closed list of organisations."""
    return country_codes() | frozenset(ORGANISATIONS)


def is_actor_code(code: object) -> bool:
    return isinstance(code, str) and (code in ACTOR_KINDS or code in country_codes())


def is_country(code: object) -> bool:
    """A state (ISO 3166-1 alpha-3), not an organisation or bloc of the closed list."""
    return isinstance(code, str) and code not in ACTOR_KINDS and code in country_codes()


def actor_kind(code: str) -> str | None:
    """ "country", "organisation" or "bloc"; None for a code that is no actor."""
    if code in ACTOR_KINDS:
        return ACTOR_KINDS[code]
    return "country" if code in country_codes() else None
