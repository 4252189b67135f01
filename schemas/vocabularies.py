"""The closed vocabularies of the data contract (shared/CONTRACT.md).

These are part of the public interface: downstream joins and dashboards
depend on the exact strings, so a change here is a schema change.
"""

from __future__ import annotations

import functools

import pycountry

ORGANISATIONS: tuple[str, ...] = (
    "UN",
    "EU",
    "NATO",
    "G7",
    "G20",
    "ASEAN",
    "AU",
    "OPEC",
    "IAEA",
    "WTO",
    "BRICS",
    "SCO",
    "IMF",
    "WB",
    "OSCE",
    "GCC",
    "ARAB_LEAGUE",
    "WEST",
)

RELATION_TYPES: tuple[str, ...] = (
    "visit",
    "meeting",
    "agreement",
    "praise",
    "support",
    "economic_aid",
    "military_aid",
    "economic_cooperation",
    "military_cooperation",
    "criticism",
    "accusation",
    "threat",
    "rejection",
    "attack",
)
# Stored once, with the pair in alphabetical order.
SYMMETRIC_RELATION_TYPES: frozenset[str] = frozenset(
    {"meeting", "agreement", "economic_cooperation", "military_cooperation"}
)
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
    return isinstance(code, str) and (code in ORGANISATIONS or code in country_codes())
