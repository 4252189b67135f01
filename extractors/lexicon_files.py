"""Reading and checking lexicon files: every file declared with its columns and allowed values.

A file, column or value that does not fit stops the load with an error that
names the file, the line and the value: a typo in a trigger's relation type
would otherwise reject every article that uses the trigger, and an unknown
role would silently yield nothing. ``lexicon`` builds the extractors' tables
from the rows read here.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from relata.extractors import roles
from relata.schemas import vocabularies

LEXICON_DIR = Path(__file__).parent / "lexicons"


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file, the line and the bad value."""


# --- the columns each lexicon file holds, and the values they may take ------------------------


@dataclass(frozen=True)
class Column:
    check: Callable[[str], bool] | None = None  # None: any non-empty text
    what: str = ""  # what the value must be, for the error message
    optional: bool = False  # may be empty
    many: bool = False  # "|"-separated values


def _in(values: Iterable[str]) -> Callable[[str], bool]:
    allowed = frozenset(values)
    return allowed.__contains__


def _is_date(v: str) -> bool:
    try:
        dt.date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _is_year(v: str) -> bool:
    return v.isdigit() and len(v) == 4


def _is_bool(v: str) -> bool:
    return v in ("true", "false")


def _is_float(v: str) -> bool:
    try:
        float(v)
    except ValueError:
        return False
    return True


def _known_cameo(v: str) -> bool:
    from relata.extractors.lexicon import goldstein  # the loaders check their files through this module

    return v in goldstein()


def _known_class(v: str) -> bool:
    from relata.extractors.lexicon import object_classes

    return v in object_classes()


ACTOR = Column(vocabularies.is_actor_code, "an actor code (ISO alpha-3 or the contract's closed list)")
TEXT = Column()
POS = Column(_in(("VERB", "NOUN", "ADJ")), "VERB, NOUN or ADJ")
RELATION_TYPE = Column(_in(vocabularies.RELATION_TYPES), "a relation type of the contract")
OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "head_of_organization")
# Offices of leaders_part6.csv and leaders_part7.csv (senior officials, vice presidents and deputy heads of
# government): they tie a name to a state, no title names them.
OFFICIAL_OFFICES = (
    "defence_minister",
    "finance_minister",
    "trade_minister",
    "national_security_adviser",
    "un_ambassador",
    "spokesperson",
    "energy_minister",
    "military_chief",
    "vice_president",
    "deputy_head_of_government",
)
# Where a modality cue is looked for, relative to the event word (syntax.modality reads these).
MODALITY_PLACES = (
    "head",
    "pursuit_head",
    "mod",
    "aux",
    "passive_head",
    "pred",
    "mark",
    "neg",
    "of_head",
    "det",
    "present_clause",
    "choice_mark",
    "adj_head",
    "infinitive_head",
    "expletive_adj",
    "demand_head",
    "for_clause_head",
)
MODALITY_STATUSES = ("planned", "alleged", "hypothetical", "negated", "ongoing")
LEADERS = {
    "code": ACTOR,
    "office": Column(_in(OFFICES + OFFICIAL_OFFICES), "one of " + ", ".join(OFFICES + OFFICIAL_OFFICES)),
    "name": TEXT,
    "aliases": Column(optional=True),
    "start": Column(_is_date, "an ISO date"),
    "end": Column(_is_date, "an ISO date or empty", optional=True),
    "source": Column(optional=True),
}

SCHEMAS: dict[str, dict[str, Column]] = {
    "capitals.csv": {"code": ACTOR, "capital": TEXT},
    "places.csv": {"code": ACTOR, "place": TEXT, "population": Column(_is_float, "a number or empty", optional=True)},
    "state_schemes.csv": {"code": ACTOR, "scheme": TEXT, "source": TEXT},
    "cooperation_areas.csv": {"term": TEXT, "area": Column(_in(vocabularies.COOPERATION_AREAS), "a cooperation area")},
    "cooperation_cues.csv": {
        "lemma": TEXT,
        "status": Column(_in(vocabularies.COOPERATION_STATUSES), "a cooperation status"),
    },
    "coreference.csv": {
        "phrase": TEXT,
        "refers_to": Column(
            lambda v: v in ("pair", "last_country") or vocabularies.is_actor_code(v),
            "pair, last_country or an actor code",
        ),
    },
    "countries.csv": {"code": ACTOR, "alias": TEXT},
    "countries_excluded.csv": {
        "code": Column(lambda v: v in vocabularies.country_codes(), "an ISO alpha-3 code"),
        "reason": TEXT,
    },
    "demonyms.csv": {"code": ACTOR, "demonym": TEXT},
    "denial_triggers.csv": {"lemma": TEXT, "pos": POS},
    "function_words.csv": {
        "class": Column(
            _in(
                (
                    "person_pronoun",
                    "plural_pronoun",
                    "thing_pronoun",
                    "speaker_pronoun",
                    "speaker_pronoun_singular",
                    "event_pronoun",
                    "relative_pronoun",
                    "negation",
                    "latter_reference",
                    "former_reference",
                    "additive",
                    "contrastive",
                    "name_suffix",
                    "honorific",
                    "stance_prefix",
                    "example_marker",
                )
            ),
            "a function-word class",
        ),
        "word": TEXT,
    },
    "goldstein.csv": {"cameo_code": TEXT, "goldstein": Column(_is_float, "a number"), "name": TEXT},
    "institutions.csv": {"code": ACTOR, "name": TEXT},
    "irregular_verbs.csv": {"lemma": TEXT, "form": TEXT},
    "lemma_fixes.csv": {"form": TEXT, "lemma": TEXT},
    "title_abbreviations.csv": {"abbreviation": TEXT, "word": TEXT},
    "leaders_part1.csv": LEADERS,
    "leaders_part2.csv": LEADERS,
    "leaders_part3.csv": LEADERS,
    "leaders_part4.csv": LEADERS,
    "leaders_part5.csv": LEADERS,
    "leaders_part6.csv": LEADERS,
    "leaders_part7.csv": LEADERS,
    "modality.csv": {
        "cue": TEXT,
        "status": Column(_in(MODALITY_STATUSES), "one of " + ", ".join(MODALITY_STATUSES)),
        "where": Column(_in(MODALITY_PLACES), "one of " + ", ".join(MODALITY_PLACES)),
    },
    "non_actors.csv": {"phrase": TEXT},
    "object_classes.csv": {"class": TEXT, "lemma": TEXT},
    "offices.csv": {"title": TEXT, "office": Column(_in(OFFICES), "one of " + ", ".join(OFFICES))},
    "personal_unions.csv": {"name": TEXT, "code": ACTOR, "source": TEXT},
    "bloc_members.csv": {
        "bloc": ACTOR,
        "member": ACTOR,
        "joined": Column(_is_year, "a year"),
        "left": Column(_is_year, "a year", optional=True),
    },
    "organizations.csv": {"code": ACTOR, "name": TEXT},
    "relation_triggers.csv": {
        "lemma": TEXT,
        "pos": POS,
        "relation_type": RELATION_TYPE,
        "cameo_code": Column(_known_cameo, "a CAMEO code listed in goldstein.csv"),
        "source": Column(roles.is_role, "a role (" + ", ".join(sorted(roles.ROLES)) + ", p:<preposition>)", many=True),
        "target": Column(
            roles.is_role, "a role (" + ", ".join(sorted(roles.ROLES)) + ", p:<preposition>)", many=True, optional=True
        ),
        "object_class": Column(_known_class, "a class of object_classes.csv", optional=True),
        "requires": Column(
            _in(roles.REQUIREMENTS), "one of " + ", ".join(sorted(roles.REQUIREMENTS)), many=True, optional=True
        ),
    },
    "relation_type_rules.csv": {
        "relation_type": RELATION_TYPE,
        "accusable": Column(_is_bool, "true or false"),
        "military_variant": Column(_in(vocabularies.RELATION_TYPES), "a relation type", optional=True),
        "cooperation_table": Column(_is_bool, "true or false"),
        "carried_out_areas": Column(
            _in(vocabularies.COOPERATION_AREAS), "cooperation areas, |-separated", many=True, optional=True
        ),
        "denied_as": Column(_in(vocabularies.DENIED_TYPES), "a denied type", optional=True),
    },
    "sanction_actions.csv": {
        "lemma": TEXT,
        "action": Column(_in(vocabularies.SANCTION_ACTIONS), "a sanction action"),
        "subject": Column(_in(("sender", "target", "stated_by", "none")), "sender, target, stated_by or none"),
    },
    "sanction_condemnation.csv": {"term": TEXT},
    "sanction_measures.csv": {
        "term": TEXT,
        "measure": Column(_in(vocabularies.SANCTION_MEASURES), "a sanction measure"),
    },
    "sanction_reasons.csv": {
        "term": TEXT,
        "category": Column(_in(vocabularies.SANCTION_REASONS), "a sanction reason category"),
    },
    "sanction_senders.csv": {"code": ACTOR, "reason": TEXT},
    "sanction_terms.csv": {
        "term": TEXT,
        "measure": Column(_in(vocabularies.SANCTION_MEASURES), "a sanction measure or empty", optional=True),
    },
    "speech_verbs.csv": {"lemma": TEXT, "kind": Column(_in(("report", "claim")), "report or claim")},
}


def rows(name: str) -> list[dict[str, str]]:
    """The rows of one lexicon file, comment lines skipped, values stripped and checked.

    Every file is declared in ``SCHEMAS``: its columns and the values they may
    take. A file, column or value that does not fit stops the load with an
    error naming the file, the line and the value (a typo in a relation type
    would otherwise reject every article that uses the trigger).
    """
    path = LEXICON_DIR / name
    if name not in SCHEMAS:
        raise LexiconError(f"{name}: not a declared lexicon file (extractors/lexicon.py SCHEMAS)")
    if not path.exists():
        raise LexiconError(f"lexicon file missing: {path}")
    schema = SCHEMAS[name]
    with path.open(encoding="utf-8") as fh:
        numbered = [(n, line) for n, line in enumerate(fh, 1) if line.strip() and not line.lstrip().startswith("#")]
    if not numbered:
        raise LexiconError(f"{name}: empty")
    reader = csv.reader(line for _, line in numbered)
    header = [h.strip() for h in next(reader)]
    missing = [c for c in schema if c not in header and not schema[c].optional]
    unknown = [c for c in header if c not in schema]
    if missing or unknown:
        raise LexiconError(f"{name}, line {numbered[0][0]}: header {header}; missing {missing}, unknown {unknown}")
    out = []
    for (n, _), values in zip(numbered[1:], reader):
        if len(values) != len(header):
            raise LexiconError(f"{name}, line {n}: {len(values)} fields, the header has {len(header)}")
        row = {h: v.strip() for h, v in zip(header, values)}
        for col, spec in schema.items():
            value = row.get(col, "")
            if not value:
                if not spec.optional:
                    raise LexiconError(f"{name}, line {n}: {col} is empty")
                continue
            for v in value.split("|") if spec.many else [value]:
                if spec.check is not None and not spec.check(v.strip()):
                    raise LexiconError(f"{name}, line {n}: {col} {v!r} is not {spec.what}")
        out.append(row)
    return out


def load_all() -> None:
    """Load and check every lexicon file (a test does this; so does a build's first article)."""
    for name in sorted(p.name for p in LEXICON_DIR.glob("*.csv")):
        rows(name)


def files_hash() -> dict[str, str]:
    """sha256 of every lexicon file, for release manifests and extractor versions."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(LEXICON_DIR.glob("*.csv"))}
