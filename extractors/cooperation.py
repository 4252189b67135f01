"""Areas two actors plan, agree or already cooperate in.

An area word ("energy", "tourism", "a direct air service") counts when a
cooperation word governs it ("cooperation in energy", "talks on trade",
"signed an agreement on education", "plan to have a direct air service").
The pair comes from that word's subject ("X and Y"), its "with" and
"between" phrases, or a reference to the article's pair ("the two leaders").
Status: signed or agreed -> agreed; discussed, proposed or future ->
planned; otherwise ongoing. One row per area.
"""

from __future__ import annotations

from spacy.tokens import Token

from relata.extractors import lexicon, syntax
from relata.extractors.actors import Actor, ArticleContext, examples_of, private_party, privately_promoted
from relata.extractors.document import ParsedArticle, Sentence
from relata.extractors.rows import event_date, provenance, row_id
from relata.extractors.sanctions import sanction_words
from relata.extractors.version import VERSIONS

VERSION = VERSIONS["cooperation"]


def _area_matcher():
    return lexicon.phrase_matcher("cooperation_areas.csv", "term")


def _force_area(named: list[tuple[Token, str]], pair: set[str], sent: Sentence) -> str:
    """The area of joint patrols or drills carried out: security when the sentence names only a policing
    force or task ("the coast guards held joint patrols", "joint patrols against drug trafficking") and no
    armed forces (object class armed_forces) or military area; military otherwise."""
    areas = {area for tok, area in named if not _others_clause(tok, pair, sent)}
    if "security" not in areas or "military" in areas:
        return "military"
    armed = lexicon.object_classes().get("armed_forces", frozenset())
    return "military" if any(t.lemma_.lower() in armed for t in syntax.tokens(sent.doc)) else "security"


def area_mentions(doc, sent: Sentence) -> list[tuple[Token, str]]:
    areas = lexicon.two_column("cooperation_areas.csv", "term", "area")
    spans = []
    for match_id, start, end in _area_matcher()(doc):
        spans.append((start, end, doc.vocab.strings[match_id]))
    # Longest match wins ("inter-regional relations" over "relations"); actor names are not areas.
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out, last_end = [], -1
    for start, end, term in spans:
        if start < last_end:
            continue
        if any(m.start < end and start < m.end for m in sent.mentions):
            continue
        last_end = end
        root = doc[start:end].root
        if _in_a_title(root):
            continue  # "Defense Minister Shoigu talked with ...": the office, not what they talked about
        if _describes_the_speaker(root):
            continue  # "said X, director of the Energy Research Center": who speaks, not what about
        if _in_a_body_name(root):
            continue  # "a loan deal signed with Korea's Import-Export Bank": a name, not what is agreed on
        if areas[term.lower()] == "economy" and _in_a_framework_name(root):
            continue  # "signed the Regional Comprehensive Economic Partnership with ...": a pact's name
        if root.lemma_.lower() in lexicon.object_classes().get("partner_areas", frozenset()) and end - start > 1:
            root = doc[start]  # "trading partner": the partner is the cooperation word, "trading" its area
        area = areas[term.lower()]
        if area == "transport" and _a_project(root):
            area = "infrastructure"
        out.append((root, area))
    # "commercial flights": an adjective of the class qualifying_area_words on another area's noun says
    # which kind of that area it is, not an area of its own (judged on unseen articles: an agreement
    # allowing commercial flights was stored as trade cooperation besides air service). Not every
    # adjective: "financial technology" is finance and technology (the annotated corpus has both).
    if out:
        # "economic sanctions", "an energy embargo": the kind of sanctions, no area cooperated in
        # (judged on the annotated corpus: a nuclear deal traded for the end of economic sanctions was
        # stored as economic cooperation agreed).
        sanctioned = {t.i for t, _term in sanction_words(doc)}

        def kind_of_sanctions(tok: Token) -> bool:
            first = tok.head if tok.dep_ == "conj" else tok  # "economic and financial sanctions"
            return first.dep_ in ("amod", "compound") and first.head.i in sanctioned

        out = [(tok, area) for tok, area in out if not kind_of_sanctions(tok)]
    qualifying = lexicon.object_classes().get("qualifying_area_words", frozenset())
    nouns = {tok: area for tok, area in out if tok.pos_ != "ADJ"}
    return [
        (tok, area)
        for tok, area in out
        if not (tok.dep_ == "amod" and tok.lower_ in qualifying and nouns.get(tok.head, area) != area)
    ]


def _in_a_body_name(tok: Token) -> bool:
    """The area word is part of the name of a body or firm ("Korea's Import-Export Bank", "the Energy
    Regulatory Commission"): capitalised, in a name whose head is a body or firm noun (object classes
    public_body_words, firm_nouns, firm_suffixes)."""
    head = _name_head(tok)
    if head is None:
        return False
    classes = lexicon.object_classes()
    bodies = classes.get("public_body_words", frozenset()) | classes.get("firm_nouns", frozenset())
    return head.lemma_.lower() in bodies | classes.get("firm_suffixes", frozenset())


def _in_a_framework_name(tok: Token) -> bool:
    """The word is part of the capitalised name of a pact or grouping ("the Regional Comprehensive Economic
    Partnership", "the Asia-Pacific Economic Cooperation forum"; object class pact_name_heads): a name, not the
    area agreed on."""
    if not tok.is_title or sum(t.is_alpha and t.is_lower and len(t) > 3 for t in tok.sent) <= 1:
        return False  # a headline in title case ("Enhancing China-ASEAN Economic Cooperation"), no name
    head = _name_head(tok)
    return head is not None and head.lemma_.lower() in lexicon.object_classes().get("pact_name_heads", frozenset())


def _name_head(tok: Token) -> Token | None:
    """The last word of the proper name a capitalised word is part of ("Energy" in "the Energy Regulatory
    Commission": Commission), or None when the word is no proper name's or its last."""
    if tok.pos_ != "PROPN":
        return None
    head = tok
    while head.dep_ in ("compound", "amod") and head.head.pos_ == "PROPN" and head.head.i > head.i:
        head = head.head
    return None if head is tok else head


def _in_a_title(tok: Token) -> bool:
    """The area word names an office ("Defense Minister", "the trade secretary", "Energy Minister"): it
    modifies an official's noun (object class officials), which says who they are, not the topic."""
    officials = lexicon.object_classes().get("officials", frozenset())
    return tok.dep_ in ("compound", "amod") and tok.head.lemma_.lower() in officials


def _describes_the_speaker(tok: Token) -> bool:
    """The area word is in the phrase that names who speaks ("..., said John Mensah, head of the
    Kenya-Ghana Railway and Technology Institute"): judged on unseen articles, such an institute's
    name gave the quoted cooperation the areas infrastructure and science."""
    verbs = lexicon.speech_verbs()
    classes = lexicon.object_classes()
    documents = classes["agreement_nouns"] | classes["agreement_docs"] | classes.get("acting_documents", frozenset())
    for t in (tok, *tok.ancestors):
        if t.dep_ in ("nsubj", "nsubjpass") and syntax.is_verb(t.head) and t.head.lemma_.lower() in verbs:
            # (a document that says is no speaker: "a memorandum on tourism signed by Laos and Vietnam says":
            # review 21)
            return (
                t != tok
                and t.lemma_.lower() not in documents
                and any(c.dep_ in ("ccomp", "parataxis") for c in t.head.children)
            )
    return False


def _a_project(tok: Token) -> bool:
    """A railway, port or road named as a project is infrastructure, as a link transport (the guide):
    "the East Coast Rail Link project", "projects including a high-speed railway", "construction of
    railways" (judged on unseen articles, Chinese-built railways were stored as transport)."""
    projects = lexicon.object_classes().get("project_nouns", frozenset())
    cur = tok
    while cur.dep_ == "compound" and cur.head != cur:
        cur = cur.head
    if cur.lemma_.lower() in projects:
        return True
    # an example given of projects ("projects including X", "projects such as X")
    head = cur.head
    if cur.dep_ == "pobj" and head.lower_ in ("including", "like", "as", "of"):
        holder = head.head.head if head.head.lower_ == "such" else head.head
        return holder.lemma_.lower() in projects
    return False


def extract_sentence(
    sent: Sentence, ctx: ArticleContext, article: ParsedArticle, earlier: dict[str, list[dict]], rejects: list[dict]
) -> list[dict]:
    """Cooperation rows of one parsed sentence: one per (pair, area)."""
    # (the article's meetings and visits so far: with whom a side has just met, for _from_area)
    met = [r for r in earlier.get("relations", []) if r["relation_type"] in ("meeting", "visit")]
    return [r for tok, area in area_mentions(sent.doc, sent) for r in _from_area(tok, area, sent, ctx, article, met)]


def under_way(relations: list[dict], cooperation: list[dict], sent: Sentence, article: ParsedArticle) -> list[dict]:
    """Cooperation rows (under way) of the sentence's economic cooperation carried out ("Japan's
    investment in Vietnam has doubled": finance): one per area the sentence names; the annotated corpus has
    an ongoing cooperation item beside 83 of its 88 economic_cooperation relations. None when the
    sentence names no area (an "economy" row then was wrong 31 times in 45), and not the areas of force
    (military, security), which are the military relation's: its one row is military cooperation under
    way ("held joint drills")."""
    carried = [
        r
        for r in relations
        if r["relation_type"] in ("economic_cooperation", "military_cooperation", "economic_aid")
        and r["status"] == "occurred"
    ]
    if not carried:
        return []  # most sentences: no need to match the area terms again
    have = {r["cooperation_id"] for r in cooperation}
    # pairs whose cooperation of force under way the sentence already names ("law enforcement cooperation":
    # security); a planned or agreed one is another item ("held drills and agreed to boost security cooperation")
    forceful = {
        (c["actor_a"], c["actor_b"])
        for c in cooperation
        if c["area"] in ("military", "security") and c["status"] == "ongoing"
    }
    named = [(tok, area) for tok, area in area_mentions(sent.doc, sent) if not _still_to_join(tok)]
    out = []
    for r in carried:
        x, y = sorted((r["source_actor"], r["target_actor"]))
        # (the areas of force too, where no military relation of the pair names them: "elevated their ties ...,
        # centred on trade, investment and defence")
        military_told = any(
            m["relation_type"] == "military_cooperation" and {m["source_actor"], m["target_actor"]} == {x, y}
            for m in relations
        )
        areas_of_pair = {
            area
            for tok, area in named
            if not _others_clause(tok, {x, y}, sent) and (area not in ("military", "security") or not military_told)
        }
        # Military cooperation carried out (joint drills, training) is military cooperation under way,
        # whatever area words the sentence has (the annotated corpus: 84 of its 175 such relations have
        # military or security cooperation beside them, most of the rest no cooperation item at all).
        if r["relation_type"] == "military_cooperation":
            areas = [] if (x, y) in forceful else [_force_area(named, {x, y}, sent)]
        else:
            areas = sorted(areas_of_pair)
        for area in areas:
            cid = row_id("cooperation", article, sent, x, y, area)
            if cid in have:
                continue
            have.add(cid)
            out.append(
                {
                    "cooperation_id": cid,
                    "actor_a": x,
                    "actor_b": y,
                    "area": area,
                    "status": "ongoing",
                    "event_date": r["event_date"],
                    "date_precision": r["date_precision"],
                    **provenance(article, sent, VERSION, r["confidence"] * 0.9),
                }
            )
    return out


def _others_clause(area: Token, pair: set[str], sent: Sentence) -> bool:
    """The area word lies in a clause of its own that names a state outside the pair and neither of
    the pair ("has deepened its ties with Japan while continuing to buy gas from Qatar": the gas is
    Qatar's business, not the pair's; judged on unseen articles, stored as the pair's energy
    cooperation). A clause naming one of the pair is theirs ("Japan and Korea have reduced investment
    in China")."""
    clause = next(
        (t for t in [area, *area.ancestors] if t.dep_ in ("advcl", "relcl", "ccomp", "conj") and syntax.is_verb(t)),
        None,
    )
    if clause is None:
        return False
    if clause.dep_ == "relcl" and any(m.code in pair and m.start <= clause.head.i < m.end for m in sent.mentions):
        return False  # "ties with India, which buys its oil ...": the clause is the pair's (review 21)
    span = range(clause.left_edge.i, clause.right_edge.i + 1)
    codes = {m.code for m in sent.mentions if m.code and m.start in span}
    return bool(codes - pair) and not codes & pair


def _still_to_join(area: Token) -> bool:
    """ "Tourism will become a pillar of their cooperation": an area a future copula says
    the cooperation will take in is not under way yet (judged on unseen articles, twice)."""
    head = area
    while head.dep_ in ("compound", "amod", "conj") and head.head != head:
        head = head.head
    if head.dep_ != "nsubj" or head.head.lemma_ not in ("be", "become"):
        return False
    copula = syntax.modality(head.head, in_reported_speech=bool(syntax.reports(head.head)))
    to_come = lexicon.object_classes().get("future_cues", frozenset())
    return copula.status == "planned" and any(x in to_come for x in copula.cues)


def cue_path(tok: Token) -> list[tuple[Token, str]]:
    """Cooperation words among the area word's heads (nearest first), with their default status."""
    cues = lexicon.two_column("cooperation_cues.csv", "lemma", "status")
    out = []
    # "forge education and vocational cooperation": the small model often coordinates the area
    # with the cooperation noun instead of making it a modifier.
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ == "NOUN" and (st := _cue_status(c, cues)):
            out.append((c, st))
    cur = tok
    for _ in range(12):
        for cand in (cur,):
            st = _cue_status(cand, cues)
            if st and cand != tok:
                out.append((cand, st))
        if cur.head == cur:
            break
        if cur.dep_ == "advcl" and syntax.infinitive(cur):
            # "aligned its future cooperation with Japan to develop solar technology", "has partnered with
            # allies to conduct naval exercises": the purpose of a cooperation (the verb's object, or the verb
            # itself) is its area; any other purpose clause is another event
            purposed = [(o, st) for o in (cur.head, *syntax.objects(cur.head)) if (st := _cue_status(o, cues))]
            if not purposed and not _tells_an_agreements_effect(cur):
                break
            out += [(o, st) for o, st in purposed if o != cur.head]
        elif (
            cur.dep_ in ("relcl", "ccomp", "parataxis", "advcl", "csubj")
            or (
                cur.dep_ == "acl"
                and cur.lemma_.lower() not in lexicon.object_classes()["preposition_like_participles"]
                # (not the purpose of a cooperation word: "a partnership to develop a vaccine")
                and not (syntax.infinitive(cur) and _cue_status(cur.head, cues))
            )
        ) and not _tells_an_agreements_effect(cur):
            break  # "..., which promotes the country's economy": another clause, another event
        cur = cur.head
    st = cues.get(cur.lemma_.lower())
    if st and cur != tok and all(c != cur for c, _ in out):
        out.append((cur, st))
    return out or _self_cued(tok, cues)


def _cue_status(tok: Token, cues: dict[str, str]) -> str | None:
    return cues.get(tok.lemma_.lower()) or cues.get(tok.lower_)


def _self_cued(tok: Token, cues: dict[str, str]) -> list[tuple[Token, str]]:
    """An area word that is its own cooperation word, when nothing above it is one: an agreement
    named by its area ("has FTAs with Peru and Chile": agreed), or an activity two parties share
    that names them ("trade between Kenya and Ghana grew", "Kenya's trade with Ghana": under way)."""
    lemma = tok.lemma_.lower()
    classes = lexicon.object_classes()
    if lemma in classes["agreement_nouns"] and lemma in cues:
        return [(tok, cues[lemma])]
    if _partner_said(tok, classes):
        return [(tok, "ongoing")]
    shared = classes.get("shared_activity_areas", frozenset())
    if (
        lemma in shared
        and (syntax.prep_objects(tok, {"with", "between"}, through_objects=False) or _hyphenated_pair_on(tok))
        and not _trade_ended_or_illicit(tok, classes)
    ):
        return [(tok, "ongoing")]
    return []


def _hyphen_pair_tokens(tok: Token) -> tuple[Token, Token] | None:
    """The two actor names joined by a hyphen before the word ("China-Russia trade", "the Ghana-Nigeria trade
    agreement"), else None."""
    for c in tok.children:
        if c.dep_ not in ("compound", "nmod") or not c.ent_type_.startswith("ACTOR"):
            continue
        for x in c.children:
            if x.ent_type_.startswith("ACTOR") and syntax.hyphen_joined(x, c):
                return x, c
    return None


def _hyphenated_pair_on(tok: Token) -> bool:
    """ "China-Russia trade soared": two actors joined by a hyphen before the word name its two sides."""
    return _hyphen_pair_tokens(tok) is not None


def _hyphenated_pair(tok: Token, sent: Sentence, ctx: ArticleContext) -> list[Actor]:
    """The two actors of a hyphenated pair written on the noun ("the Ghana-Nigeria trade agreement"), else none."""
    names = None if syntax.is_verb(tok) else _hyphen_pair_tokens(tok)
    if names is None:
        return []
    found = {a.code: a for t in names for a in ctx.actors_of(t, sent, with_conj=False) if a.code}
    return list(found.values()) if len(found) == 2 else []


def _partner_said(tok: Token, classes: dict) -> bool:
    """ "Ghana is Togo's largest investor", "Ghana and Togo are trading partners": a partner area noun
    that a copula says its subject is (object class partner_areas)."""
    return (
        tok.lemma_.lower() in classes.get("partner_areas", frozenset())
        and tok.dep_ == "attr"
        and tok.head.lemma_.lower() in ("be", "become", "remain")
    )


def ended_or_illicit(tok: Token) -> bool:
    """Whether an area word names trade stopped or outside the law (for the models' rows too)."""
    return _trade_ended_or_illicit(tok, lexicon.object_classes())


def _trade_ended_or_illicit(tok: Token, classes: dict) -> bool:
    """ "Trade between X and Y collapsed", "banned all trade with X", "a collapse in trade between", "the illegal
    arms trade between":
    trade stopped or outside the law is no cooperation under way."""
    ending = classes.get("cessation_verbs", frozenset()) | classes.get("trade_ending_verbs", frozenset())
    gov = tok.head if tok.dep_ in ("nsubj", "dobj", "nsubjpass") else None
    if gov is not None and syntax.is_verb(gov) and gov.lemma_.lower() in ending:
        return True
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ in ("in", "of", "on", "to")
        and tok.head.head.pos_ == "NOUN"
        and tok.head.head.lemma_.lower() in ending
    ):
        return True  # "a collapse in trade between X and Y", "a halt to trade", "a ban on trade with X"
    illicit = classes.get("illicit_trade_words", frozenset())
    return any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in illicit for c in tok.children)


def _tells_an_agreements_effect(clause: Token) -> bool:
    """ "agreements that will boost cooperation in trade", "a pact allowing joint drills": a clause
    on an agreement noun tells what the agreement brings; the cooperation is the agreement's (the
    annotated corpus has it agreed; the walk stopped at the clause and missed the parties)."""
    return clause.dep_ in ("relcl", "acl") and clause.head.lemma_.lower() in lexicon.object_classes()["agreement_nouns"]


def status_of(tok: Token, path: list[tuple[Token, str]]) -> str | None:
    """planned, agreed or ongoing; None when negated or hypothetical.

    Signing or agreeing (not in the future) -> agreed. An agreement merely
    named ("has free trade deals with X", "a pact formed in 2022") was signed
    -> agreed (the contract's "signed or decided"; of the rows this turned from
    under way to agreed on the annotated corpus, 8 were agreed there, 4 under way).
    Future, intent or discussion -> planned. "continue to" -> ongoing.
    """
    # "An aide said the two leaders would discuss ...": reported speech's "would" is the future.
    # What an agreement will bring ("signed deals that will boost trade") is no plan: that clause's
    # words say what the agreement does, not whether it was made; negation still counts.
    cues = [c for c, _ in path]
    clause = next((x for x in [tok, *tok.ancestors] if _tells_an_agreements_effect(x) and x.head in cues), None)
    effects = set() if clause is None else {tok} | {c for c in cues if c in clause.subtree}
    negations = [syntax.modality(c, in_reported_speech=bool(syntax.reports(c))) for c in [*cues, tok] if c in effects]
    mods = [syntax.modality(c, in_reported_speech=bool(syntax.reports(c))) for c, _ in path if c not in effects] + (
        [] if tok in effects else [syntax.modality(tok, in_reported_speech=bool(syntax.reports(tok)))]
    )
    # "urged both sides to work together on energy", "called on X and Y to deepen trade": cooperation
    # exhorted is proposed, planned (the annotated corpus has it so; a relation exhorted is none)
    classes = lexicon.object_classes()
    exhorting = classes.get("exhortation_cues", frozenset())
    exhorted = any(m.status == "hypothetical" and m.cues and set(m.cues) <= exhorting for m in mods)
    lessening = (
        classes.get("cessation_verbs", frozenset())
        | classes.get("trade_ending_verbs", frozenset())
        | classes.get("lessening_verbs", frozenset())
    )
    if exhorted and any(t.lemma_.lower() in lessening for c, _ in path for t in _own_chain(c)):
        return None  # "urged Kazakhstan to end its military cooperation with Russia": less of it (review 21)
    mods = [
        syntax.Modality("planned", m.cues) if m.status == "hypothetical" and m.cues and set(m.cues) <= exhorting else m
        for m in mods
    ]
    agreement = path[0][0]
    if agreement.dep_ == "pobj" and agreement.head.lower_ in ("of", "in", "on", "for"):
        # "will complete the review of the trade agreement": as the review it is the of-object of
        # (the events' modality does the same for an event noun; judged on unseen articles, stored
        # as cooperation under way); "will push for more results in cooperation": as the results.
        holder = agreement.head.head
        verb = holder.head
        declared_as = holder.dep_ == "pobj" and holder.head.dep_ == "prep" and holder.head.lower_ == "as"
        if declared_as:
            # "will declare 2026 as the Year of Digital Cooperation": what the year is declared as
            # (judged on unseen articles, stored as under way)
            verb = holder.head.head
        # (also what a copula says it will be: "2024 will be a year of tourism between Thailand and Russia")
        if (holder.dep_ in ("dobj", "nsubjpass", "attr") or declared_as) and syntax.is_verb(verb):
            mods.append(syntax.modality(verb, in_reported_speech=bool(syntax.reports(verb))))
    if any(m.status in ("negated", "hypothetical") for m in mods + negations):
        return None
    if any(syntax.a_prospect(c) for c, _ in path):
        return "planned"  # "new avenues for cooperation", "room for cooperation in energy"
    if not any(m.status == "planned" for m in mods) and any(
        a.dep_ == "amod" and a.tag_ in ("VBN", "VBD") and a.lemma_.lower() in lexicon.object_classes()["change_verbs"]
        for c, _ in path
        for a in c.children
    ):
        # "signed deals on flights and expanded cooperation on policing", which the parser reads as a
        # signed "expanded cooperation": a change made is cooperation under way (judged, stored as agreed)
        return "ongoing"
    if any(syntax.once_a_partner(c) for c, _ in path):
        return None  # "was once Togo's biggest trading partner": no trade under way
    if any(syntax.soured_ties(c) or syntax.left_behind(c) for c, _ in path):
        return None  # "trade relations between X and Y soured", "withdrew from the energy pact": none
    chain = [t for c, _ in path for t in _own_chain(c)]
    # "witnessed the signing of a plan for cooperation": what is signed is agreed, plan or not.
    chain_lemmas = {t.lemma_.lower() for t in chain} | {
        t.head.head.lemma_.lower() for t in chain if t.dep_ == "pobj" and t.head.lower_ == "of"
    }
    if chain_lemmas & lexicon.object_classes().get("rejecting_verbs", frozenset()):
        return None  # "rejected a plan to trim regional funds", "vetoed the plan": none planned
    # What is still to come ("will sign", "is set to sign", "is expected to conclude"), as opposed to a
    # commitment already made ("agreed to boost cooperation": agreed).
    to_come = lexicon.object_classes().get("future_cues", frozenset())
    future = any(m.status == "planned" and any(x in to_come for x in m.cues) for m in mods)
    # a signing called for is still to come ("proposed that X and Y sign a trade deal"), one done is not ("urged
    # them to honour the deal they signed in 2019": signed)
    future = future or (
        exhorted
        and any(
            t.lemma_.lower() in lexicon.object_classes()["signing_verbs"] and t.tag_ in ("VB", "VBP") for t in chain
        )
    )
    if (chain_lemmas & lexicon.object_classes()["signing_verbs"] or _documents_exchanged(chain)) and not future:
        return "agreed"
    if (
        agreement.lemma_.lower() in lexicon.object_classes()["agreement_nouns"]
        and agreement.dep_ in ("dobj", "nsubjpass")
        and agreement.head.lemma_.lower() in lexicon.object_classes().get("announcing_verbs", frozenset())
        and not future
    ):
        # "announced agreements on a military hotline": judged on unseen articles, stored as under way
        return "agreed"
    # An agreement named first: whether it is still to come ("a draft deal", "negotiations for a deal")
    pending = (
        syntax.still_to_come(agreement)
        if agreement.lemma_.lower() in lexicon.object_classes()["agreement_nouns"]
        else None
    )
    if pending == "planned":
        # "continued negotiations for a free trade agreement": the talks go on, the agreement is still to
        # come (judged on unseen articles, stored as trade under way)
        return "planned"
    if any(m.status == "ongoing" for m in mods):
        return "ongoing"
    statuses = [st for _, st in path]
    nearest = agreement.lemma_.lower()
    if (
        nearest in lexicon.object_classes()["agreement_nouns"]
        and not future
        and not any(m.status == "planned" for m in mods)
    ):
        if pending == "none":
            return None  # "are still without a trade deal"
        return "agreed"  # (one still to come returned planned above)
    if any(m.status == "planned" for m in mods):
        return "planned"
    if "planned" in statuses and any(_result_of_signing(c) for c, st in path if st == "planned"):
        return "agreed"
    if "planned" in statuses:
        # "deepened their cooperation": a change already made is cooperation under way; to come, planned.
        changes = lexicon.object_classes().get("change_verbs", frozenset())
        made = [c for c, st in path if st == "planned" and c.lemma_.lower() in changes and _past(c)]
        return "ongoing" if made and len(made) == statuses.count("planned") else "planned"
    if "agreed" in statuses[:1]:
        return "agreed"
    return "ongoing"


def _own_chain(cue: Token) -> list[Token]:
    """The words that control a cooperation word (syntax.chain_up), not beyond a joined verb with an
    object of its own: in "signed deals on flights and expanded cooperation on policing" the expanding
    is no signing (judged on unseen articles, stored as agreed)."""
    out: list[Token] = []
    for t in syntax.chain_up(cue):
        out.append(t)
        if syntax.is_verb(t) and t.dep_ == "conj" and any(c.dep_ == "dobj" for c in t.children):
            break
    return out


def _documents_exchanged(chain: list[Token]) -> bool:
    """ "exchanged cooperation documents spanning trade and education": documents exchanged by two
    governments were signed (judged on unseen articles, stored as under way); not "exchanged views"."""
    docs = lexicon.object_classes()["agreement_docs"] | {"document"}
    return any(
        t.lemma_.lower() == "exchange" and any(o.lemma_.lower() in docs for o in syntax.objects(t)) for t in chain
    )


def _result_of_signing(verb: Token) -> bool:
    """ "signed six memoranda, boosting cooperation in energy": a participle clause that tells what a
    signing already done brings is that signing's cooperation, agreed (judged on unseen articles, it
    was stored as planned)."""
    classes = lexicon.object_classes()
    head = verb.head
    return (
        verb.tag_ == "VBG"
        and verb.dep_ in ("advcl", "xcomp", "conj")
        and verb.lemma_.lower() in classes.get("change_verbs", frozenset())
        and head.lemma_.lower() in classes["signing_verbs"] | {"sign"}
        and syntax.told_as_past(head)
    )


def _past(verb: Token) -> bool:
    """A change already made or being made: simple past, perfect or simple present ("deepened",
    "have expanded", "the show deepens exchanges", "have been expanding"), not an infinitive or a participle of a plan
    (what is to come has a cue of its own: "will", "plans to", and is planned before this is asked).
    Being made counts too: "are deepening economic ties" (the annotated corpus has such ties as under
    way; they were stored as planned), and a participle clause of such a verb, which shares its time:
    "have enjoyed growing trade, deepening economic integration" (judged on unseen articles, stored
    as planned)."""
    return (
        verb.tag_ in ("VBZ", "VBP")
        or syntax.told_as_past(verb)
        or (verb.tag_ == "VBG" and syntax.present_progressive(verb))
        or (verb.tag_ == "VBG" and _perfect_progressive(verb))
        or (
            verb.tag_ == "VBG"
            and verb.dep_ == "advcl"
            and verb.head != verb
            and syntax.is_verb(verb.head)
            and not any(c.dep_ == "mark" for c in verb.children)  # "before deepening ...": not the same time
            and _past(verb.head)
        )
    )


def _perfect_progressive(verb: Token) -> bool:
    """ "have been expanding": a change going on since some time (judged on unseen articles, exchanges
    that "have been expanding" were stored as planned)."""
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    return any(a.lower_ == "been" for a in auxes) and any(a.lemma_ == "have" for a in auxes)


def _path_tokens(tok: Token, cue: Token) -> list[Token]:
    if cue.head == tok:  # a coordinated cue (see cue_path): only the area word lies between
        return [tok]
    out = [tok]
    cur = tok
    while cur != cue and cur.head != cur and len(out) < 12:
        cur = cur.head
        out.append(cur)
    return out[:-1] if out and out[-1] == cue else out


def _pairs(groups: list[list[Actor]]) -> list[tuple[Actor, Actor]]:
    """The pairs a cooperation is between: a subject and its partner ("X ... with Y"), or the two
    actors of one group ("X and Y agreed"), or each two of three or four named together ("A, B and
    C pledged to deepen ties": the annotated corpus pairs them). More actors with no such structure
    are a list of members, not pairs: nothing; so are several on each side beyond three pairs. One actor
    and its partners are each a pair, however many ("has free trade deals with A, B, C and D")."""
    groups = [list({a.code: a for a in g if a.code}.values()) for g in groups]
    groups = [g for g in groups if g]
    if not groups:
        return []
    if len(groups) == 1:
        g = groups[0]
        return [(a, b) for i, a in enumerate(g) for b in g[i + 1 :]] if len(g) in (2, 3, 4) else []
    first = groups[0]
    codes = {a.code for a in first}
    second = next((g for g in groups[1:] if {a.code for a in g} - codes), None)
    if second is None:
        return [(first[0], first[1])] if len(first) == 2 else []
    out = [(a, b) for a in first for b in second if a.code != b.code]
    return out if len(out) <= 3 or len(first) == 1 else []


def _participants(cue: Token, sent: Sentence, ctx: ArticleContext) -> tuple[list[list[Actor]], bool]:
    """Groups of actors around the cooperation word: its subject(s), its partner(s); and whether
    several partners were named with no one whose partners they are (then they are no pair, and
    no "the two countries" elsewhere in the sentence stands for them either)."""
    groups: list[list[Actor]] = []
    apart = False
    bygone = lexicon.object_classes().get("bygone_words", frozenset())
    if any(t.lower_ in bygone for t in cue.subtree if t.i < cue.i and t.dep_ in ("compound", "amod", "nmod")):
        # "250 years of colonial-era sea trade between the Philippines and Mexico": cooperation of a bygone
        # age, no cooperation of the two states now (judged sample 32)
        return [], True
    verb = cue if syntax.is_verb(cue) else syntax.governing_verb(cue)
    if (
        verb is not None
        and verb is not cue
        and syntax.judged_from_outside(verb, cue, ("judging_verbs", "observing_verbs"))
    ):
        # "Japan praised the trade deal between Vietnam and Laos": who judges a deal is no party to it
        # ("hailed the deal with Iran" was the hailer's own).
        verb = None
    if verb is not None and verb is not cue and verb.lemma_ != "be" and _owned(cue, sent, ctx):
        # "The US criticised the EU's trade deals with China and India", "Nigeria criticised Kenya's
        # trade with Ghana": a deal or trade its possessor names is the possessor's, whoever speaks.
        verb = None
    if verb is not None and verb is not cue and _talked_about(cue):
        # "worries about China's trade with Iran", "sanctioned firms over their trade with X", "accused
        # China of unfair trade with Mexico": the subject speaks of the cooperation, it is not in it.
        verb = None
    if verb is not None and privately_promoted(cue):
        return [], True
    named_pair = _hyphenated_pair(cue, sent, ctx)
    if named_pair:
        # "proposed an upgrade of the Ghana-Nigeria trade agreement": the two names the word is written with
        # are its sides, whoever proposes, praises or discusses it (judged rows paired the speaker with each)
        return [named_pair], False
    # "pledged to work towards a trade agreement between China and ASEAN", "brokered a deal between A and B":
    # the two sides a noun's between-phrase names are the cooperation's, not whoever works for it or brokers
    # it (named: "the partnership between both nations" leaves the pair to the clause; a verb's between-phrase
    # can mean "with": "Between Korea, Singapore and Malaysia, China has built up swaps")
    between = [
        a
        for t in (() if syntax.is_verb(cue) else syntax.prep_objects(cue, {"between"}, through_objects=False))
        if not private_party(t)
        for a in ctx.actors_of(t, sent)
        if a.code and a.via in ("explicit", "official")
    ]
    if len({a.code for a in between}) == 2:
        return [between], False
    if verb is not None:
        # A firm signing a deal is not its state ("Chinese railway manufacturer CRRC signed ...").
        subj = [a for t in syntax.agents(verb) if not private_party(t) for a in ctx.actors_of(t, sent)]
        if not subj and verb.dep_ == "acl" and not syntax.is_verb(verb.head):
            # "Canada's readiness to forge cooperation with X", "China's plan to build ...": the
            # noun's owner, or else the subject of the verb that noun depends on ("affirmed ...").
            owner = verb.head
            subj = [a for c in owner.children if c.dep_ in ("poss", "compound", "amod") for a in ctx.actors_of(c, sent)]
            outer = syntax.governing_verb(owner)
            if not subj and outer is not None:
                subj = [a for t in syntax.agents(outer) for a in ctx.actors_of(t, sent)]
        if len({a.code for a in subj}) > 1 and verb.lemma_.lower() in lexicon.object_classes().get("inflow_verbs", ()):
            # "Indonesia and Thailand have been attracting investment": each draws it from others, no pair
            # of the subjects (judged on unseen articles); one subject and a partner still are ("Bangladesh
            # seeks US intelligence cooperation")
            subj = []
        if subj:
            groups.append(subj)
        # "22 countries, including A, B and C, have resumed flights": examples of a counted noun each do
        # what it does, apart; no pair among them (with a partner named, each is one: below)
        agents = syntax.agents(verb)
        illustrated = bool(subj and agents) and all(
            ctx.mention_at(sent, t.i) is None and examples_of(t) for t in agents
        )
    else:
        illustrated = False
    mods = [
        a
        for c in cue.children
        if c.dep_ in ("poss", "compound", "amod", "nmod") and not _venue_named(c, cue, sent, ctx)
        # "Kenya-Uganda cooperation", "Russia-China military ties": the parser hangs the first name on the
        # second (as a compound or a nominal modifier)
        for t in (
            c,
            *(x for x in c.children if x.dep_ in ("compound", "nmod") and ctx.mention_at(sent, x.i) is not None),
        )
        for a in ctx.actors_of(t, sent)
    ]
    mods = list({a.code: a for a in mods if a.code}.values())
    if mods and verb is None:
        groups.append(mods)  # the owner's partners are named next ("the EU's deals with A, B and C")
    hosts = [h for h in dict.fromkeys((cue, verb)) if h is not None]
    if syntax.is_verb(cue):
        # "will enhance cooperation with China in trade": the area hangs on the verb, the partner on
        # its object, itself a cooperation word
        cues = lexicon.two_column("cooperation_cues.csv", "lemma", "status")
        hosts += [o for o in syntax.objects(cue) if o.lemma_.lower() in cues and o not in hosts]
    classes = lexicon.object_classes()
    partner_of = set()
    if cue.lemma_.lower() in classes.get("partner_areas", frozenset()):
        # "trading partners of Lithuania", "the largest investor in Kenya": whose partner they are (a
        # partner "in ASEAN" is counted among its members: object class scope_nouns)
        partner_of = {"of"} | (set() if cue.lemma_.lower() in classes.get("scope_nouns", frozenset()) else {"in"})
    for host in hosts:
        preps = {"with", "between", "among"} | (partner_of if host is cue else set())
        named = syntax.prep_objects(host, preps, through_objects=False)
        apart = apart or any(private_party(t) for t in named)  # "between the two countries' companies"
        partners = [a for t in named if not private_party(t) for a in ctx.actors_of(t, sent)]
        alone = not groups and not syntax.prep_objects(host, {"between", "among"}, through_objects=False)
        if alone and len({a.code for a in partners}) > 1:
            # "the partnerships signed with Kenya and Ghana": partners of someone the clause does not
            # name, each on its own, not of each other (judged on unseen articles, stored as a pair).
            apart = True
            continue
        if partners:
            groups.append(partners)
    if mods and verb is not None:
        groups.append(mods)
    if illustrated and len(groups) == 1:
        return [], apart
    return groups, apart


def _owned(cue: Token, sent: Sentence, ctx: ArticleContext) -> bool:
    """The cooperation word has an actor possessor ("the EU's trade deals", "Kenya's trade"), and is
    no relational noun ("Ghana is Togo's main trading partner": the copula's subject is one)."""
    if cue.lemma_.lower() in lexicon.object_classes().get("relational_nouns", frozenset()):
        return False
    return any(c.dep_ == "poss" and ctx.actors_of(c, sent) for c in cue.children)


def _talked_about(cue: Token) -> bool:
    """The cooperation word is what a clause is about or accuses of, not what its subject does:
    the object of about, over or of under a verb ("worries about", "sanctioned ... over", "accused
    X of"), or the object of a judging or object-control verb's "for" ("blamed X for trade")."""
    cur = cue
    while cur.dep_ in ("conj", "compound") and cur.head != cur:
        cur = cur.head
    if cur.dep_ != "pobj" or cur.head.lower_ not in ("about", "over", "of", "for", "on"):
        return False
    verb = cur.head.head
    return syntax.is_verb(verb) and (
        cur.head.lower_ in ("about", "over")
        or verb.lemma_.lower() in lexicon.object_classes().get("object_control_verbs", frozenset())
    )


def _venue_named(mod: Token, cue: Token, sent: Sentence, ctx: ArticleContext) -> bool:
    """ "the Lima climate talks", "the Paris summit": a city named on a gathering is where it meets,
    no partner of what is agreed there (judged on unseen articles, the US pledging at the Paris
    talks was stored as France-US cooperation). Only capitals: "the US-China talks" name parties."""
    if not syntax.names_a_gathering(cue):
        return False
    kinds = {m.kind for t in mod.subtree if (m := ctx.mention_at(sent, t.i)) is not None and m.code}
    return kinds == {"capital"}


def _from_area(
    tok: Token, area: str, sent: Sentence, ctx: ArticleContext, article: ParsedArticle, met_before: list[dict]
) -> list[dict]:
    path = cue_path(tok)
    if not path:
        return []
    groups: list[list[Actor]] = []
    # "talks on trade with Vietnam": the partner may hang on the area word or anything between it and the cue.
    between = _path_tokens(tok, path[0][0])
    # Partners named, each of someone the clause leaves unnamed, or firms of the two countries
    # ("cooperation between the two countries' companies"): no pair, and no "the two countries"
    # stands in for one (judged on unseen articles, companies' cooperation was the states').
    apart = False
    for t in between:
        partners = syntax.prep_objects(t, {"with", "between"}, through_objects=False)
        apart = apart or any(private_party(p) for p in partners)
        g = [a for p in partners if not private_party(p) for a in ctx.actors_of(p, sent)]
        if g:
            groups.append(g)
    for cue, _ in path:
        found, each_apart = _participants(cue, sent, ctx)
        if each_apart and not found and privately_promoted(cue):
            # a firm's or foundation's doing, also for the partners its with- or between-phrase names
            # ("the airline's manager said it will expand flights between Australia and the Philippines")
            return []
        groups += found
        apart = apart or each_apart
        if len({a.code for g in groups for a in g}) >= 2:
            break
    pairs = _pairs(groups)
    just_met = False
    if not pairs:
        # Only an explicit reference to the pair ("the two leaders", "both sides") may stand for it.
        actors = list({a.code: a for g in groups for a in g if a.code}.values())
        pair = ctx.pair()
        refers = any(m.kind == "coref" and m.code == "pair" for m in sent.mentions)
        if pair and refers and not apart and (not actors or actors[0].code in pair):
            pairs = [(Actor(pair[0], via="context"), Actor(pair[1], via="context"))]
        elif not apart and len(actors) == 1 and len({m.code for m in sent.mentions if m.code}) <= 1:
            # "Ruto met Mahama on Monday. Ruto pledged closer cooperation in farming": one side named,
            # the other the one it has just met (meetings and visits of the last sentences, one partner only);
            # only for cooperation promised or agreed (below)
            one = actors[0].code
            met = {
                r["target_actor"] if r["source_actor"] == one else r["source_actor"]
                for r in met_before
                if one in (r["source_actor"], r["target_actor"]) and sent.index - 3 <= r["sentence_index"] < sent.index
            }
            if len(met) == 1:
                pairs = [(actors[0], Actor(met.pop(), via="context"))]
                just_met = True
    if not pairs:
        return []
    status = status_of(tok, path)
    if status is None or (just_met and status not in ("planned", "agreed")):
        return []
    cue_tok = path[0][0]
    day, precision = event_date(cue_tok, article, future=status == "planned")
    rows = []
    for a, b in pairs:
        conf = 0.75 * min(a.confidence, b.confidence) + (0.1 if len(path) > 1 else 0.0)
        x, y = sorted([a.code, b.code])
        cid = row_id("cooperation", article, sent, x, y, area)
        rows.append(
            {
                "cooperation_id": cid,
                "actor_a": x,
                "actor_b": y,
                "area": area,
                "status": status,
                "event_date": day,
                "date_precision": precision,
                **provenance(article, sent, VERSION, conf),
            }
        )
    return rows
