"""Candidates for the trained extractors: pairs of actors in a parsed sentence, as the models read them.

One module builds them for training (``relata.training``) and for extraction
(``learned``), so that a model never sees at run time anything built
differently from what it was trained on (train/serve mismatches cost the
field's trained coders most).

An actor occurs in a sentence as a mention the ruler found (a country, a
demonym, a capital, an institution, an organisation, a leader or a person
resolved to their state), or as a pronoun or a bare title that the article
context resolves ("he", "the two countries", "the prime minister"). A
candidate is a pair of distinct actors of one sentence; its text is the
sentence with the pair's occurrences masked as ``ENTA`` (the one that occurs
first) and ``ENTB``, every other actor as ``ENTX``: the models learn what is
said between two actors, not which countries they are, so what they learn of
Russia and Ukraine carries over to Chile and Peru. Hints (the rules'
findings on the same pair, as words) may follow the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from relata.extractors import lexicon, syntax
from relata.extractors.actors import Actor, ArticleContext, people_counted, private_party
from relata.extractors.document import Sentence
from relata.schemas import vocabularies

FIRST, SECOND, OTHER, ARTICLE = "ENTA", "ENTB", "ENTX", "ENTART"
HINT = "RULE"
PATH = "PATH"


@dataclass
class Occurrence:
    """An actor where it occurs in a sentence: token range [start, end) of the sentence's doc."""

    code: str
    start: int
    end: int
    person: str | None = None
    via: str = "explicit"


@dataclass
class Candidate:
    sentence: Sentence
    a: str  # the actor that occurs first
    b: str
    occurrences: list[Occurrence]
    persons: dict[str, str] = field(default_factory=dict)
    # Actors named here only as the place of a gathering ("the summit in Kazan"): the annotation
    # guide makes the place the host of each traveller's visit, and a party of nothing else.
    venues: frozenset[str] = frozenset()
    # Actors named here only as who reports what another actor did ("North Korea met a U.N. envoy,
    # the South Korean ministry said"): a party of no event the report tells, only of what they say.
    reporters: frozenset[str] = frozenset()

    @property
    def pair(self) -> tuple[str, str]:
        return (self.a, self.b)


def _pronoun_words() -> frozenset[str]:
    fw = lexicon.function_words()
    return fw["person_pronoun"] | fw["plural_pronoun"] | fw["thing_pronoun"]


def occurrences(sent: Sentence, ctx: ArticleContext) -> list[Occurrence]:
    """Every actor occurrence of a parsed sentence (``ctx`` entered on it), in text order."""
    doc = sent.doc
    if doc is None:
        return []
    found: dict[tuple[int, int, str], Occurrence] = {}
    covered: set[int] = set()
    for m in sent.mentions:
        actors: list[Actor] = ctx.actors_of(doc[m.end - 1], sent, with_conj=False) if m.end <= len(doc) else []
        # A people counted out ("many Brits") is no actor for the rules (``actors_of``): nor for the models.
        if not actors and m.code and m.kind not in ("person", "coref") and not people_counted(sent, m):
            actors = [Actor(m.code, m.person)]
        for a in actors:
            found.setdefault((m.start, m.end, a.code), Occurrence(a.code, m.start, m.end, a.person, a.via))
        covered.update(range(m.start, m.end))
    pronouns = _pronoun_words()
    titles = lexicon.offices()
    for tok in doc:
        if tok.i in covered:
            continue
        low = tok.lower_
        if low in pronouns or (low in titles and tok.pos_ in ("NOUN", "PROPN")):
            for a in ctx.actors_of(tok, sent, with_conj=False):
                found.setdefault((tok.i, tok.i + 1, a.code), Occurrence(a.code, tok.i, tok.i + 1, a.person, a.via))
    return sorted((o for o in found.values() if o.code), key=lambda o: (o.start, o.end))


def pair_candidates(sent: Sentence, ctx: ArticleContext) -> list[Candidate]:
    """Every pair of distinct actors of a parsed sentence (``ctx`` entered on it)."""
    occ = occurrences(sent, ctx)
    doc = sent.doc
    assert doc is not None

    def for_a_private_party(o: Occurrence) -> bool:
        # "Thai tourists", "an American oil firm": people and firms of a state are not the state
        # (as for the rules); the actor stays masked in the text, but is no party of a candidate.
        last = doc[o.end - 1]
        # "Thai tourist visits": a private noun beside the actor on the same head counts too
        return last.dep_ in ("amod", "compound", "nmod", "poss") and private_party(last.head)

    gatherings = lexicon.object_classes().get("gathering_nouns", frozenset())

    def at_a_place(o: Occurrence) -> bool:
        # "At the BRICS summit in Kazan, Xi and Modi met", "During a conference in Singapore, Carter
        # warned China": the gathering's place frames the event (judged on unseen articles, the
        # models made Russia meet India); it is only the host of the travellers' visits.
        last = doc[o.end - 1]
        return last.dep_ == "pobj" and last.head.lower_ in ("in", "at") and last.head.head.lemma_.lower() in gatherings

    def an_organiser(o: Occurrence) -> bool:
        # "At the ASEAN summit, ...": the organiser of a gathering that is itself a circumstance (the
        # object of a preposition), not what someone attends or hosts, is no party.
        last = doc[o.end - 1]
        if last.dep_ in ("compound", "nmod", "amod", "poss") and last.head.lemma_.lower() in gatherings:
            return last.head.dep_ == "pobj" and last.head.head.lower_ not in ("with", "against", "to")
        return False

    yardsticks = lexicon.object_classes().get("measure_nouns", frozenset())

    def a_yardstick(o: Occurrence) -> bool:
        # "invaded a neighbour the size of France": a country used as a measure is no party.
        last = doc[o.end - 1]
        return last.dep_ == "pobj" and last.head.lower_ == "of" and last.head.head.lemma_.lower() in yardsticks

    def left_out(o: Occurrence) -> bool:
        # "the 27 other EU leaders held their first meeting without Britain": who is done without is
        # no party (judged on unseen articles, an EU-UK meeting).
        t = syntax.climb(doc[o.end - 1], ("poss", "compound", "amod"), limit=3)  # "without Britain's consent"
        return t.dep_ == "pobj" and t.head.lower_ in ("without", "excluding")

    routes = lexicon.object_classes().get("route_nouns", frozenset())

    def a_route_end(o: Occurrence) -> bool:
        # "the Mombasa-Nairobi line", "a Jakarta-Bandung rail link": a capital naming where
        # a line runs is a place on it, not its state (on the dev set the retrained model paired Kenya,
        # Laos and Indonesia with one another from such a list). A country so named ("the China-Laos
        # railway") stays a party.
        m = ctx.mention_at(sent, o.start)
        if m is None or m.kind != "capital":
            return False
        return syntax.climb(doc[o.end - 1], ("compound", "nmod", "amod"), limit=3).lemma_.lower() in routes

    member_nouns = lexicon.object_classes().get("member_nouns", frozenset())

    def names_members(o: Occurrence) -> bool:
        # "Saudi Arabia and fellow OPEC members Qatar and Venezuela agreed with non-OPEC member
        # Russia": the organisation only says who the named members are; they are the parties
        # (judged on unseen articles, OPEC made an agreement with Saudi Arabia).
        last = doc[o.end - 1]
        head = last.head
        if last.dep_ not in ("compound", "nmod", "amod") or head.lemma_.lower() not in member_nouns:
            return False
        return any(c.dep_ == "appos" or (c.dep_ == "amod" and c.lower_ in ("fellow", "non")) for c in head.children)

    scope_nouns = lexicon.object_classes().get("scope_nouns", frozenset())

    def a_scope(o: Occurrence) -> bool:
        # "Thailand, Cambodia's second-largest trade partner in ASEAN": the bloc is the group the
        # partner is counted in (judged on unseen articles, ASEAN-Cambodia trade). A country so
        # placed ("his counterpart in Beijing") is who the person is, and stays.
        last = doc[o.end - 1]
        prep = last.head
        return (
            not vocabularies.is_country(o.code)
            and last.dep_ == "pobj"
            and prep.lower_ in ("in", "within", "among")
            and prep.head.lemma_.lower() in scope_nouns
        )

    # An actor stays a party while one of its occurrences is neither a private party, an organiser, a
    # yardstick, the name of members, a scope, left out, a route's end nor a place; one named only as a place stays
    # a candidate, marked as a venue.
    full = {
        o.code
        for o in occ
        if not (
            for_a_private_party(o)
            or an_organiser(o)
            or a_yardstick(o)
            or names_members(o)
            or a_scope(o)
            or left_out(o)
            or a_route_end(o)
            or at_a_place(o)
        )
    }
    venues = frozenset({o.code for o in occ if at_a_place(o)} - full)
    parties = full | venues
    order: list[str] = []
    for o in occ:
        if o.code not in order and o.code in parties:
            order.append(o.code)
    if len(order) > MAX_PARTIES:
        # A sentence naming this many actors lists them ("members include ..."): no pair of them is
        # an event the sentence states, and the pairs grow with the square of the list.
        return []
    persons = {o.code: o.person for o in occ if o.person}
    told = reporters(sent, occ)
    return [
        Candidate(sent, a, b, occ, persons, venues, told) for a, b in combinations(order, 2) if not {a, b} <= venues
    ]


def reporters(sent: Sentence, occ: list[Occurrence]) -> frozenset[str]:
    """The actors the sentence names only as the speakers of reports whose clause has another actor
    as its subject: "North Korea gave a visiting U.N. official a message, the South Korean ministry
    said" (judged on unseen articles, South Korea met North Korea and the UN). A speaker whose
    report has no actor as subject ("Iran said talks with the EU would resume") or who is named
    again in the clause ("Russia said it would send troops") is not one."""
    doc = sent.doc
    assert doc is not None
    speech = lexicon.speech_verbs()

    def codes_in(tok) -> set[str]:
        span = range(tok.left_edge.i, tok.right_edge.i + 1)
        return {o.code for o in occ if o.start in span}

    def codes_as(subject) -> set[str]:
        # The actors that are the subject ("Chinese and Russian warships"), not ones inside its
        # phrases ("talks with the EU": the talks are the subject, the EU one of their sides).
        phrase = ("compound", "amod", "poss", "nmod", "conj", "appos")
        return {o.code for o in occ if syntax.climb(doc[o.end - 1], phrase) == subject}

    spans: list[range] = []
    reporting: set[str] = set()
    for verb in doc:
        if verb.lemma_.lower() not in speech or not syntax.is_verb(verb):
            continue
        speakers = syntax.agents(verb)
        said_by = {c for s in speakers for c in codes_in(s)}
        if not said_by:
            continue
        spans += [range(s.left_edge.i, s.right_edge.i + 1) for s in speakers]
        clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
        if verb.dep_ in ("ccomp", "parataxis") and verb.head != verb:
            clauses.append(verb.head)  # "..., the ministry said": the report hangs on what it reports
        subjects = [s for cl in clauses for s in cl.children if s.dep_ in ("nsubj", "nsubjpass")]
        # A passive clause's doer is its by-agent, also in a conjoined verb: "the EU said the drones
        # had been supplied by Iran and used by Russia in its war against Ukraine" reports Iran's and
        # Russia's deeds (the model made it an EU attack on Ukraine).
        by_agents = [
            a
            for cl in clauses
            for v in [cl, *(c for c in cl.children if c.dep_ == "conj" and syntax.is_verb(c))]
            for a in syntax.agents(v)
            if a.head.dep_ == "agent" and a.head.head == v
        ]
        doers = {c for s in subjects + by_agents for c in codes_as(s)}
        reporting |= {code for code in said_by if doers - {code}}
        if any(not codes_as(s) and _someone_named(s) for s in subjects):
            # "The Aga Khan's envoy arrived in Tajikistan, officials in London said": the doer is
            # named and is no actor; who reports it is no party either (judged on unseen articles,
            # such a report was stored as the reporting country's visit).
            reporting |= said_by
    return frozenset(
        code for code in reporting if all(any(o.start in sp for sp in spans) for o in occ if o.code == code)
    )


def _someone_named(subject) -> bool:
    """A person named by name, or an official of someone named who is no actor ("the Aga Khan's
    envoy", "the envoy of the Aga Khan")."""
    if subject.ent_type_ == "PERSON":
        return True
    if subject.lemma_.lower() not in lexicon.object_classes().get("officials", frozenset()):
        return False
    owners = [c for c in subject.children if c.dep_ == "poss"] + syntax.prep_objects(
        subject, {"of"}, through_objects=False
    )
    return any(o.pos_ == "PROPN" for o in owners)


MAX_PARTIES = 8


def masked_text(cand: Candidate, hints: tuple[str, ...] = (), article_actor: str | None = None) -> str:
    """The sentence as a model reads the candidate: the pair and the other actors masked, hints after it.

    ``article_actor``: an actor named elsewhere in the article, marked before the sentence (a
    sanction's sender that the sentence leaves implicit).
    """
    doc = cand.sentence.doc
    assert doc is not None
    role: dict[int, str] = {}
    for o in cand.occurrences:
        tag = FIRST if o.code == cand.a else SECOND if o.code == cand.b else OTHER
        for i in range(o.start, o.end):
            # The pair wins over a third actor on shared tokens ("Russian-American talks").
            if role.get(i) in (FIRST, SECOND) and tag == OTHER:
                continue
            role[i] = tag
    words: list[str] = []
    prev_tag: str | None = None
    for tok in doc:
        current = role.get(tok.i)
        if current is not None:
            if current != prev_tag:
                words.append(current + " ")
            prev_tag = current
            continue
        prev_tag = None
        words.append(tok.text_with_ws)
    text = "".join(words).strip()
    if article_actor is not None:
        text = f"{ARTICLE} . {text}"
    path = dependency_path(cand)
    if path:
        text += " " + " ".join(path)
    if hints:
        text += " " + " ".join(f"{HINT}_{h}" for h in hints)
    return text


def dependency_path(cand: Candidate) -> list[str]:
    """The parse between the pair, as words: up from ENTA to the lowest common head, down to ENTB.

    ``PATH_up_nsubj``, ``PATH_top_visit``, ``PATH_down_dobj``, and the lemmas on the way
    (``PATH_w_official``): who is the subject of which word toward whom, the classic features of
    relation extraction, which the bag of words alone cannot see.
    """
    doc = cand.sentence.doc
    if doc is None:
        return []
    heads_a = [o.end - 1 for o in cand.occurrences if o.code == cand.a]
    heads_b = [o.end - 1 for o in cand.occurrences if o.code == cand.b]
    if not heads_a or not heads_b:
        return []

    def chain(i: int) -> list[int]:
        out = [i]
        while doc[out[-1]].head.i != out[-1] and len(out) < 40:
            out.append(doc[out[-1]].head.i)
        return out

    best: tuple[int, list[int], list[int]] | None = None
    for ia in heads_a:
        ca = chain(ia)
        for ib in heads_b:
            cb = chain(ib)
            common = next((x for x in ca if x in cb), None)
            if common is None:
                continue
            up, down = ca[: ca.index(common)], cb[: cb.index(common)]
            if best is None or len(up) + len(down) < best[0]:
                best = (len(up) + len(down), up + [common], down)
    if best is None:
        return []
    _, up, down = best
    top = doc[up[-1]]
    words = [f"{PATH}_up_{doc[i].dep_}" for i in up[:-1]] + [f"{PATH}_top_{top.lemma_.lower()}"]
    words += [f"{PATH}_down_{doc[i].dep_}" for i in reversed(down)]
    words += [f"{PATH}_w_{doc[i].lemma_.lower()}" for i in up[1:-1] + down[1:] if doc[i].is_alpha]
    return words
