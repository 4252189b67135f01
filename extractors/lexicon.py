"""Loading the lexicon files of ``extractors/lexicons/`` (see its README).

Everything here is read once per process and cached; the extractors ask for
what they need by name. A missing or malformed file is a clear error at
start-up, not a silent empty list.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import pycountry

from relata.extractors.lexicon_files import LEXICON_DIR, SCHEMAS, LexiconError, files_hash, load_all, rows
from relata.schemas import vocabularies

__all__ = ["LEXICON_DIR", "SCHEMAS", "LexiconError", "files_hash", "load_all", "rows"]  # read through here too


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
        add(r["name"], r["code"], "organisation")
    for r in rows("institutions.csv"):
        add(r["name"], r["code"], "institution")
    for r in rows("countries.csv"):
        add(r["alias"], r["code"], "country")
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            if name and "," not in name and name.lower() not in object_classes()["ambiguous_country_names"]:
                add(name, c.alpha_3, "country")
    for r in rows("capitals.csv"):
        add(r["capital"], r["code"], "capital")
    for r in rows("demonyms.csv"):
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


@functools.cache
def places() -> dict[str, str]:
    """Cities where meetings are held -> the country they are in (places.csv). A place is never an
    actor ("Johannesburg said" is nobody), only where a meeting happens ("talks in Johannesburg")."""
    return {r["place"]: r["code"] for r in rows("places.csv") if r["code"] not in excluded_codes()}


@functools.cache
def state_schemes() -> dict[tuple[str, ...], str]:
    """Schemes one state or bloc runs, as lower-cased words -> the owner's code (state_schemes.csv): read
    only by the joining and leaving triggers ("Argentina joined the BRI"), never an actor."""
    return {
        tuple(r["scheme"].lower().split()): r["code"]
        for r in rows("state_schemes.csv")
        if r["code"] not in excluded_codes()
    }


# --- leaders -------------------------------------------------------------------

_QUOTED = re.compile(r'"([^"]+)"')  # a nickname in an alias ('Ferdinand "Bongbong" Marcos Jr.')


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
    home: dict[str, str]  # a person heading several states at once -> the state they act for first

    def holder(self, code: str, office: str, day: dt.date | None) -> str | None:
        terms = self.terms_by_office.get((code, office), ())
        if day is None:
            return None
        for t in terms:
            if t.covers(day):
                return t.name
        return None

    def resolve(self, alias: str, day: dt.date | None, prefer: str | None = None) -> tuple[str, str] | None:
        """(code, full name) of the person an alias names, if they held office on that day.

        Out of office, a person no longer acts for the state: "former president
        X said" is not the state speaking. Without a date, the latest term counts.
        Of several people or states the alias fits, the one the sentence names
        (``prefer``: "Jordan's King Abdullah"), else a monarch's home state
        (personal_unions.csv: "King Charles" is Britain's before Australia's).
        """
        terms = self.terms_by_name.get(alias)
        if not terms:
            return None
        fitting = list(terms) if day is None else [t for t in terms if t.covers(day)]
        fitting = [t for t in fitting if t.code == prefer] or fitting
        if not fitting:
            return None
        if day is None:
            latest = max(t.start for t in fitting)
            fitting = [t for t in fitting if t.start == latest]
        t = next((t for t in fitting if self.home.get(t.name) == t.code), fitting[0])
        return t.code, t.name


@functools.cache
def leaders() -> Leaders:
    by_name: dict[str, list[Term]] = defaultdict(list)
    by_office: dict[tuple[str, str], list[Term]] = defaultdict(list)
    files = sorted(p.name for p in LEXICON_DIR.glob("leaders*.csv"))
    if not files:
        raise LexiconError("no leaders*.csv lexicon found")
    for f in files:
        for r in rows(f):
            term = Term(
                r["code"],
                r["office"],
                r["name"],
                dt.date.fromisoformat(r["start"]),
                dt.date.fromisoformat(r["end"]) if r["end"] else None,
            )
            by_office[(term.code, term.office)].append(term)
            for alias in {r["name"], *(a.strip() for a in r["aliases"].split("|") if a.strip())}:
                # a nickname in straight quotes is also written in typographic ones ("Ferdinand “Bongbong” Marcos")
                for form in {alias, _QUOTED.sub("\u201c\\1\u201d", alias)}:
                    if term not in by_name[form]:
                        by_name[form].append(term)
    return Leaders(
        {k: tuple(v) for k, v in by_name.items()},
        {k: tuple(sorted(v, key=lambda t: t.start)) for k, v in by_office.items()},
        {r["name"]: r["code"] for r in rows("personal_unions.csv")},
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


def relation_types() -> dict[str, vocabularies.RelationType]:
    """The contract's relation types and their codes (one definition: schemas/relation_types.csv)."""
    return vocabularies.RELATION_TYPE_CODES


@functools.cache
def _type_rules() -> dict[str, dict[str, str]]:
    return {r["relation_type"]: r for r in rows("relation_type_rules.csv")}


@functools.cache
def accusable_types() -> frozenset[str]:
    """Deeds a third party's claim accuses their source of (relation_type_rules.csv)."""
    return frozenset(t for t, r in _type_rules().items() if r["accusable"] == "true")


@functools.cache
def denied_as() -> dict[str, str]:
    """The denied_type a denied claim of a relation type is stored as, where it is not that type."""
    return {t: r["denied_as"] for t, r in _type_rules().items() if r["denied_as"]}


@functools.cache
def military_variants() -> dict[str, str]:
    """The type a military modifier turns a type into ("military cooperation")."""
    return {t: r["military_variant"] for t, r in _type_rules().items() if r["military_variant"]}


@functools.cache
def cooperation_types() -> frozenset[str]:
    """Types that, only planned, belong to the cooperation table instead."""
    return frozenset(t for t, r in _type_rules().items() if r["cooperation_table"] == "true")


@functools.cache
def carried_out_types() -> dict[str, str]:
    """The relation type that cooperation under way in an area is, carried out (relation_type_rules.csv)."""
    return {a: t for t, r in _type_rules().items() for a in (r["carried_out_areas"] or "").split("|") if a}


@functools.cache
def function_words() -> dict[str, frozenset[str]]:
    """Closed-class words by class (function_words.csv)."""
    return _classes("function_words.csv", "word")


@functools.cache
def speaker_pronouns() -> frozenset[str]:
    """First-person pronouns, plural and singular: they stand for who says the sentence (function_words.csv)."""
    w = function_words()
    return w["speaker_pronoun"] | w["speaker_pronoun_singular"]


@functools.cache
def pronouns_for_someone() -> frozenset[str]:
    """Pronouns that stand for a person or people, never a bare country: third person and first person."""
    w = function_words()
    return w["person_pronoun"] | w["plural_pronoun"] | speaker_pronouns()


@functools.cache
def _bloc_members() -> dict[tuple[str, str], tuple[int, int | None]]:
    return {
        (r["bloc"], r["member"]): (int(r["joined"]), int(r["left"]) if r["left"] else None)
        for r in rows("bloc_members.csv")
    }


def member_of(member: str, bloc: str, year: int | None) -> bool:
    """Whether a state belonged to one of the blocs that meet only as their members (bloc_members.csv) in a
    year; with no year, whether it ever did."""
    span = _bloc_members().get((bloc, member))
    if span is None:
        return False
    joined, left = span
    return year is None or (joined <= year and (left is None or year < left))


@functools.cache
def sanction_senders() -> frozenset[str]:
    return frozenset(r["code"] for r in rows("sanction_senders.csv"))


@functools.cache
def goldstein() -> dict[str, float]:
    return {r["cameo_code"]: float(r["goldstein"]) for r in rows("goldstein.csv")}


@functools.cache
def object_classes() -> dict[str, frozenset[str]]:
    return _classes("object_classes.csv", "lemma")


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


def _classes(name: str, column: str) -> dict[str, frozenset[str]]:
    """A lexicon of (class, word) lines as the set of (lower-case) words of each class."""
    out: dict[str, set[str]] = defaultdict(set)
    for r in rows(name):
        out[r["class"]].add(r[column].lower())
    return {k: frozenset(v) for k, v in out.items()}


@functools.cache
def phrase_matcher(name: str, column: str):
    """A spaCy PhraseMatcher (case-insensitive) of a lexicon column's phrases, each its own match id."""
    from spacy.matcher import PhraseMatcher

    from relata.extractors.pipeline import load_parser

    nlp = load_parser()
    m = PhraseMatcher(nlp.vocab, attr="LOWER")
    for term in {r[column].lower(): None for r in rows(name)}:
        m.add(term, [nlp.make_doc(term)])
    return m


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


@dataclass(frozen=True)
class ScanWords:
    """The prefilter's word lists (lower-case forms): which sentences naming one actor are worth parsing.

    ``any``: a word any reading of which can make a row on its own ("visited", "sanctions", "denied").
    ``needs``: a word every reading of which counts only when its object is in an object class
    (relation_triggers.csv: "said" criticises only when it names someone a pejorative, "signed" is an
    agreement only with an agreement document): it makes the sentence worth parsing only with a word
    of one of those classes in it. ``NUMBER`` among a word's needs: a number, a currency sign or a plural
    number word will do (the aid verbs: "pledged $100 million", "pledged billions" are aid by their sums).
    """

    any: frozenset[str]
    needs: dict[str, frozenset[str]]
    # Verbs that put their subject where an in-phrase says ("was in Hanoi", "said in Ankara": a visit,
    # events._presence_abroad): worth parsing with "in" and a capital the sentence names.
    presence: frozenset[str]

    def wanted(self, forms: set[str], has_number: Callable[[], bool]) -> bool:
        """Whether a sentence with these lower-case forms has a word worth parsing it for (``has_number``
        is asked only when a word that a sum can meet is there)."""
        if forms & self.any:
            return True
        return any(
            forms & self.needs[w] or (NUMBER in self.needs[w] and has_number()) for w in forms & self.needs.keys()
        )


NUMBER = "<number>"
# Object classes a trigger's object can be in without a word of the class in the sentence
# (events._object_in_class): "officials" by a pronoun or a leader's name, "filed_claims" by a possessive
# ("Canada's complaint"). A trigger of such a class always counts.
_MET_WITHOUT_WORDS = frozenset({"officials", "filed_claims"})
# Goods met by what makes them military ("supplied military equipment", "NATO-supplied forces").
_GOODS = frozenset({"aid_goods", "military_goods"})
# Classes met by a sum, in figures or in words ("pledged $100 million", "owes billions of dollars").
_SUMS = frozenset({"aid_goods", "military_goods", "owed_sums"})


# The verbs that are sanction words themselves ("the US sanctioned three firms"), beside the nouns of
# sanction_terms.csv (sanctions.sanction_words).
SANCTION_VERBS = frozenset({"sanction", "blacklist"})


def scan_words() -> ScanWords:
    """The prefilter's words (see ScanWords)."""
    return _scan_words()


@functools.cache
def _scan_words() -> ScanWords:
    classes = object_classes()
    lemmas: set[str] = set()
    readings: dict[str, list[Trigger]] = defaultdict(list)
    for (lemma, _), of_pos in relation_triggers().items():
        readings[lemma] += of_pos
    needs: dict[str, set[str]] = {}
    for lemma, all_pos in readings.items():
        if all(t.object_class and t.object_class not in _MET_WITHOUT_WORDS for t in all_pos):
            needed: set[str] = set()
            for t in all_pos:
                needed |= classes.get(t.object_class, frozenset())
                if t.object_class in _GOODS:
                    needed |= classes.get("military_modifiers", frozenset()) | classes.get("state_bodies", frozenset())
                if t.object_class in _SUMS:
                    needed |= classes.get("currency_nouns", frozenset()) | {NUMBER}
            needs[lemma] = needed
        else:
            lemmas.add(lemma)
    lemmas |= {lemma for lemma, _ in denial_triggers()}
    lemmas |= set(two_column("cooperation_cues.csv", "lemma", "status"))
    # A sanction's action ("imposed", "lifted") counts only with a sanction word, itself in the list; an area
    # of cooperation ("energy") only with a cooperation word, in the list too: neither is listed.
    lemmas |= {t.split()[0] for t in two_column("sanction_terms.csv", "term", "measure")} | SANCTION_VERBS
    # Words of rows made with no relation trigger: a deed a claim calls a violation ("Kyiv said they had
    # violated the ceasefire": events._wrongdoing_claims), trade that no cooperation word cues ("commerce
    # between the two countries has grown": cooperation._self_cued), a deed a later sentence may call a
    # violation ("North Korea launched a rocket. ... the launch violated"), an official attending the
    # gathering an earlier sentence placed ("Kishida will attend").
    for cls in (
        "wrongdoing_verbs",
        "wrongdoing_nouns",
        "wrongdoing_words",
        "shared_activity_areas",
        "remembered_deeds",
        "attendance_words",
        "claim_rebutting_verbs",  # (a denial names only its denier: "X defended itself against accusations")
        "false_claim_words",
    ):
        lemmas |= set(classes.get(cls, frozenset()))
    words: set[str] = set()
    for lemma in lemmas:
        words |= inflections(lemma.lower())
    conditional: dict[str, set[str]] = defaultdict(set)
    for lemma, needed in needs.items():
        # (a class entry of several words is met by its last: "memorandum of understanding" by "memorandum")
        forms = {f for w in needed for f in ((w,) if w == NUMBER else inflections(w.lower().split()[-1]))}
        for form in inflections(lemma.lower()) - words:
            conditional[form] |= forms
    presence = {f for w in classes.get("presence_verbs", frozenset()) for f in inflections(w)}
    return ScanWords(frozenset(words), {k: frozenset(v) for k, v in conditional.items()}, frozenset(presence))


@functools.cache
def title_abbreviations() -> dict[str, str]:
    """Abbreviated titles with their full stop ("Capt.") and the word each stands for (title_abbreviations.csv)."""
    return {r["abbreviation"]: r["word"] for r in rows("title_abbreviations.csv")}


@functools.cache
def lemma_fixes() -> dict[str, str]:
    """Verb forms the pipeline's lemmatizer gets wrong, and their lemma (lemma_fixes.csv)."""
    return {r["form"].lower(): r["lemma"] for r in rows("lemma_fixes.csv")}


@functools.cache
def _irregular() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for r in rows("irregular_verbs.csv"):
        out[r["lemma"]].add(r["form"])
    return {k: frozenset(v) for k, v in out.items()}


def inflections(lemma: str) -> set[str]:
    """Regular English inflections of a lemma (over-generation is harmless in a prefilter)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    forms |= _irregular().get(lemma, frozenset())
    return forms
