"""Loading the lexicon files of ``extractors/lexicons/`` (see its README).

Everything here is read once per process and cached; the extractors ask for
what they need by name. A missing or malformed file is a clear error at
start-up, not a silent empty list.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pycountry

from relata.schemas.vocabularies import ORGANISATIONS

LEXICON_DIR = Path(__file__).parent / "lexicons"

# pycountry names that are mostly something else in English news (SOURCES.md explains).
_AMBIGUOUS_PYCOUNTRY_NAMES = frozenset({"Congo", "Georgia"})


class LexiconError(ValueError):
    pass


def rows(name: str) -> list[dict[str, str]]:
    """The rows of one lexicon file, comment lines skipped, values stripped."""
    path = LEXICON_DIR / name
    if not path.exists():
        raise LexiconError(f"lexicon file missing: {path}")
    with path.open(encoding="utf-8") as fh:
        reader = csv.DictReader(line for line in fh if line.strip() and not line.lstrip().startswith("#"))
        out = []
        for i, r in enumerate(reader, start=2):
            if None in r:
                raise LexiconError(f"{name}: row {i} has more fields than the header: {r}")
            out.append({k.strip(): (v or "").strip() for k, v in r.items()})
        return out


def files_hash() -> dict[str, str]:
    """sha256 of every lexicon file, for release manifests and extractor versions."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(LEXICON_DIR.glob("*.csv"))}


# --- actors ------------------------------------------------------------------


@dataclass(frozen=True)
class ActorTerm:
    phrase: str
    code: str
    kind: str  # country, demonym, capital, institution, organisation, non_actor


@functools.cache
def excluded_codes() -> frozenset[str]:
    return frozenset(r["code"] for r in rows("countries_excluded.csv"))


@functools.cache
def actor_terms() -> tuple[ActorTerm, ...]:
    excluded = excluded_codes()
    terms: dict[str, ActorTerm] = {}

    def add(phrase: str, code: str, kind: str) -> None:
        phrase = phrase.strip()
        if not phrase or code in excluded:
            return
        # The first source wins: curated files are added before pycountry's names.
        terms.setdefault(phrase, ActorTerm(phrase, code, kind))

    for r in rows("non_actors.csv"):
        add(r["phrase"], "", "non_actor")
    for r in rows("organizations.csv"):
        _check_code(r["code"], "organizations.csv")
        add(r["name"], r["code"], "organisation")
    for r in rows("institutions.csv"):
        _check_code(r["code"], "institutions.csv")
        add(r["name"], r["code"], "institution")
    for r in rows("countries.csv"):
        _check_code(r["code"], "countries.csv")
        add(r["alias"], r["code"], "country")
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            if name and "," not in name and name not in _AMBIGUOUS_PYCOUNTRY_NAMES:
                add(name, c.alpha_3, "country")
    for r in rows("capitals.csv"):
        _check_code(r["code"], "capitals.csv")
        add(r["capital"], r["code"], "capital")
    for r in rows("demonyms.csv"):
        _check_code(r["code"], "demonyms.csv")
        add(r["demonym"], r["code"], "demonym")
    # Forms written with "the" also occur sentence-initially as "The"; and every name may follow a
    # "the", which must win over shorter phrases that also start with it ("the North" vs
    # "the North Korean government").
    for t in list(terms.values()):
        if t.phrase.startswith("the "):
            add("The " + t.phrase[4:], t.code, t.kind)
        elif not t.phrase.startswith("The ") and t.phrase[:1].isupper():
            add("the " + t.phrase, t.code, t.kind)
            add("The " + t.phrase, t.code, t.kind)
    # News text often carries the typographic apostrophe.
    for t in list(terms.values()):
        if "'" in t.phrase:
            add(t.phrase.replace("'", "\u2019"), t.code, t.kind)
    return tuple(terms.values())


def _check_code(code: str, where: str) -> None:
    if code in ORGANISATIONS:
        return
    if pycountry.countries.get(alpha_3=code) is None:
        raise LexiconError(f"{where}: unknown actor code {code!r}")


# --- leaders -------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    code: str
    office: str
    name: str
    start: dt.date
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Leaders:
    terms_by_name: dict[str, tuple[Term, ...]]  # every alias -> the person's terms
    terms_by_office: dict[tuple[str, str], tuple[Term, ...]]  # (code, office) -> terms

    def holder(self, code: str, office: str, day: dt.date | None) -> str | None:
        terms = self.terms_by_office.get((code, office), ())
        if day is None:
            return None
        for t in terms:
            if t.covers(day):
                return t.name
        return None

    def resolve(self, alias: str, day: dt.date | None) -> tuple[str, str] | None:
        """(code, full name) of the person an alias names, if they held office on that day.

        Out of office, a person no longer acts for the state: "former president
        X said" is not the state speaking. Without a date, the latest term counts.
        """
        terms = self.terms_by_name.get(alias)
        if not terms:
            return None
        if day is None:
            t = max(terms, key=lambda t: t.start)
            return t.code, t.name
        for t in terms:
            if t.covers(day):
                return t.code, t.name
        return None


OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "head_of_organization")


@functools.cache
def leaders() -> Leaders:
    by_name: dict[str, list[Term]] = defaultdict(list)
    by_office: dict[tuple[str, str], list[Term]] = defaultdict(list)
    files = sorted(p.name for p in LEXICON_DIR.glob("leaders*.csv"))
    if not files:
        raise LexiconError("no leaders*.csv lexicon found")
    for f in files:
        for r in rows(f):
            _check_code(r["code"], f)
            if r["office"] not in OFFICES:
                raise LexiconError(f"{f}: unknown office {r['office']!r}")
            term = Term(
                r["code"],
                r["office"],
                r["name"],
                dt.date.fromisoformat(r["start"]),
                dt.date.fromisoformat(r["end"]) if r["end"] else None,
            )
            by_office[(term.code, term.office)].append(term)
            for alias in {r["name"], *(a.strip() for a in r["aliases"].split("|") if a.strip())}:
                if term not in by_name[alias]:
                    by_name[alias].append(term)
    return Leaders(
        {k: tuple(v) for k, v in by_name.items()},
        {k: tuple(sorted(v, key=lambda t: t.start)) for k, v in by_office.items()},
    )


@functools.cache
def offices() -> dict[str, str]:
    return {r["title"].lower(): r["office"] for r in rows("offices.csv")}


# --- trigger words -------------------------------------------------------------


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    relation_type: str
    cameo_code: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    object_class: str
    requires: frozenset[str]  # conditions on the trigger (official_source, no_particle, ...)


@functools.cache
def relation_triggers() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    out: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
    for r in rows("relation_triggers.csv"):
        out[(r["lemma"], r["pos"])].append(
            Trigger(
                r["lemma"],
                r["pos"],
                r["relation_type"],
                r["cameo_code"],
                tuple(x for x in r["source"].split("|") if x),
                tuple(x for x in r["target"].split("|") if x),
                r["object_class"],
                frozenset(x for x in r["requires"].split("|") if x),
            )
        )
    return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True)
class RelationType:
    name: str
    cameo_code: str
    plover_type: str
    quad_class: int
    symmetric: bool


@functools.cache
def relation_types() -> dict[str, RelationType]:
    return {
        r["relation_type"]: RelationType(
            r["relation_type"], r["cameo_code"], r["plover_type"], int(r["quad_class"]), r["symmetric"] == "true"
        )
        for r in rows("relation_types.csv")
    }


@functools.cache
def goldstein() -> dict[str, float]:
    return {r["cameo_code"]: float(r["goldstein"]) for r in rows("goldstein.csv")}


@functools.cache
def object_classes() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for r in rows("object_classes.csv"):
        out[r["class"]].add(r["lemma"].lower())
    return {k: frozenset(v) for k, v in out.items()}


@functools.cache
def modality() -> dict[str, dict[str, str]]:
    """where -> cue -> status."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for r in rows("modality.csv"):
        out[r["where"]][r["cue"].lower()] = r["status"]
    return dict(out)


@functools.cache
def speech_verbs() -> dict[str, str]:
    return {r["lemma"]: r["kind"] for r in rows("speech_verbs.csv")}


@functools.cache
def coreference() -> dict[str, str]:
    return {r["phrase"]: r["refers_to"] for r in rows("coreference.csv")}


@functools.cache
def two_column(name: str, key: str, value: str, lower: bool = True) -> dict[str, str]:
    return {(r[key].lower() if lower else r[key]): r[value] for r in rows(name)}


@functools.cache
def sanction_actions() -> dict[str, tuple[str, str]]:
    return {r["lemma"]: (r["action"], r["subject"]) for r in rows("sanction_actions.csv")}


@functools.cache
def single_column(name: str, column: str) -> frozenset[str]:
    return frozenset(r[column].lower() for r in rows(name))


@functools.cache
def denial_triggers() -> frozenset[tuple[str, str]]:
    return frozenset((r["lemma"], r["pos"]) for r in rows("denial_triggers.csv"))


def scan_words() -> frozenset[str]:
    """Lower-case word forms that make a sentence worth parsing (the prefilter's trigger list)."""
    return _scan_words()


@functools.cache
def _scan_words() -> frozenset[str]:
    lemmas: set[str] = set()
    lemmas |= {lemma for lemma, _ in relation_triggers()}
    lemmas |= set(sanction_actions())
    lemmas |= {lemma for lemma, _ in denial_triggers()}
    lemmas |= set(two_column("cooperation_cues.csv", "lemma", "status"))
    lemmas |= {t.split()[0] for t in two_column("sanction_terms.csv", "term", "measure")}
    lemmas |= {t.split()[-1] for t in two_column("cooperation_areas.csv", "term", "area")}
    words: set[str] = set()
    for lemma in lemmas:
        words |= inflections(lemma.lower())
    return frozenset(words)


_IRREGULAR = {
    "meet": {"met"},
    "hold": {"held"},
    "send": {"sent"},
    "sell": {"sold"},
    "give": {"gave", "given"},
    "buy": {"bought"},
    "fly": {"flew", "flown"},
    "shoot": {"shot"},
    "strike": {"struck", "stricken"},
    "seek": {"sought"},
    "lend": {"lent"},
    "hit": {"hit"},
    "take": {"took", "taken"},
    "tell": {"told"},
    "say": {"said"},
    "lead": {"led"},
    "begin": {"began", "begun"},
    "make": {"made"},
    "ride": {"rode"},
    "find": {"found"},
    "show": {"shown"},
    "write": {"wrote", "written"},
    "undertake": {"undertook"},
    "withdraw": {"withdrew", "withdrawn"},
    "fight": {"fought"},
    "slay": {"slew"},
    "forbid": {"forbade"},
    "draw": {"drew", "drawn"},
    "break": {"broke", "broken"},
    "spend": {"spent"},
    "bring": {"brought"},
    "swear": {"swore", "sworn"},
    "speak": {"spoke", "spoken"},
    "stand": {"stood"},
    "win": {"won"},
}


def inflections(lemma: str) -> set[str]:
    """Regular English inflections of a lemma (over-generation is harmless in a prefilter)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    forms |= _IRREGULAR.get(lemma, set())
    return forms
