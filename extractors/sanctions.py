"""Sanction regimes and what sentences say about them.

A sanction word ("sanctions", "embargo", "export controls", the verb "to
sanction") is read together with the word that governs it: "imposed
sanctions on X" (imposed), "X is facing UN sanctions" (in force), "slammed
the sanctions" (condemned), "evade sanctions" (violated) ... Who imposes, who
is targeted and who speaks come from the parse; the measures and the reason
come from the words around it. One row per (sender, target, action) and
sentence.

A sanction whose target cannot be resolved is not guessed: it is reported
to ``rejects`` with the sentence, so coverage gaps stay visible.
"""

from __future__ import annotations

import functools
from collections import Counter

from spacy.tokens import Span, Token

from relata.extractors import lexicon, syntax
from relata.extractors.actors import Actor, ArticleContext, examples_of, private_party, taken_place
from relata.extractors.document import ParsedArticle, Sentence
from relata.extractors.rows import event_date, provenance, row_id
from relata.extractors.version import VERSIONS
from relata.schemas import vocabularies

VERSION = VERSIONS["sanctions"]

# Codes that, written as a modifier of "sanctions", are usually who imposes them ("UN sanctions",
# "U.S. sanctions", "Western sanctions"); a country name as modifier is usually the target ("Iran sanctions").
SENDER_MODIFIER_KINDS = frozenset({"organisation", "demonym"})


def _term_matcher():
    return lexicon.phrase_matcher("sanction_terms.csv", "term")


def sanction_words(doc) -> list[tuple[Token, str]]:
    """(head token, matched term) of every sanction word; the verb "sanction" too. Found once per doc
    (as ``syntax.tokens``): the sanctions, relations, cooperation extractors and the models' gate all ask.

    None in a sentence about sport: "UEFA said a decision on sanctions against Russia would be made
    within days" is a sports body's penalty on a football federation, not a state's sanctions (judged
    on unseen articles, two such rows were stored as sanctions on Russia with no sender).
    """
    cached = doc.user_data.get("relata_sanction_words")
    if cached is None:
        cached = doc.user_data["relata_sanction_words"] = _find_sanction_words(doc)
    return cached


def _find_sanction_words(doc) -> list[tuple[Token, str]]:
    found: dict[int, tuple[Token, str]] = {}
    for match_id, start, end in _term_matcher()(doc):
        span = doc[start:end]
        term = doc.vocab.strings[match_id]
        root = span.root
        if root.pos_ in ("NOUN", "PROPN") and (root.i not in found or len(term) > len(found[root.i][1])):
            found[root.i] = (root, term)
    for tok in doc:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lexicon.SANCTION_VERBS:
            found[tok.i] = (tok, tok.lemma_.lower())
    # A singular "sanction" is usually approval ("without official sanction") unless it is aimed at
    # someone; a "blacklist" is a sanction only as a state's or aimed at someone (judged on unseen
    # articles: "Trump's media blacklist", "something on the blacklist" of a TV show).
    for i, (tok, _term) in list(found.items()):
        if (
            tok.lower_ in lexicon.SANCTION_VERBS
            and tok.pos_ != "VERB"
            and not any(
                (c.dep_ in ("compound", "amod", "poss") and c.ent_type_.startswith("ACTOR"))
                or (c.dep_ == "prep" and c.lower_ in ("on", "against"))
                for c in tok.children
            )
        ):
            del found[i]
    # "a sanctions mechanism", "a sanctions expert": the word names a kind of tool or a field, no
    # regime on anyone (judged on unseen articles, "ASEAN must introduce a sanctions mechanism" became
    # US sanctions on Thailand, both taken from the rest of the article).
    concepts = lexicon.object_classes().get("sanction_concept_nouns", frozenset())
    for i, (tok, _term) in list(found.items()):
        if tok.dep_ in ("compound", "nmod") and tok.head.lemma_.lower() in concepts:
            del found[i]
    # Asked only of the few sentences that speak of sanctions: this runs on every parsed sentence.
    sport = lexicon.object_classes().get("sports_words", frozenset())
    if found and any(t.lemma_.lower() in sport or t.lower_ in sport for t in doc if t.pos_ in ("NOUN", "PROPN", "ADJ")):
        return []
    return sorted(found.values(), key=lambda x: x[0].i)


def extract_sentence(
    sent: Sentence, ctx: ArticleContext, article: ParsedArticle, earlier: dict[str, list[dict]], rejects: list[dict]
) -> list[dict]:
    """Sanction rows of one parsed sentence; a sanction word whose target cannot be resolved is a reject."""
    prior = earlier.get("sanctions", [])
    return [
        r for tok, term in sanction_words(sent.doc) for r in _from_word(tok, term, sent, ctx, article, rejects, prior)
    ] + _resolution_bans(sent, ctx, article)


def _resolution_bans(sent: Sentence, ctx: ArticleContext, article: ParsedArticle) -> list[dict]:
    """ "Syria is barred by two U.N. resolutions from importing arms", "Cuba was barred under a
    U.N. resolution from buying arms", "resolutions that ban Libya from ...": a state a
    body's resolutions bar from doing something is under that body's sanctions, in force (object classes
    barring_verbs, resolution_nouns). Only a state barred by name, and only by a body that sends sanctions."""
    classes = lexicon.object_classes()
    barring, resolutions = classes.get("barring_verbs", frozenset()), classes.get("resolution_nouns", frozenset())
    out: list[dict] = []
    for verb in syntax.tokens(sent.doc):
        if not syntax.is_verb(verb) or verb.lemma_.lower() not in barring:
            continue
        if syntax.is_passive(verb):
            barred = [c for c in verb.children if c.dep_ in ("nsubjpass",)]
            by = syntax.by_agents(verb) + syntax.prep_objects(verb, {"under"}, through_objects=False)
        else:
            barred = syntax.objects(verb)
            subj = [c for c in verb.children if c.dep_ == "nsubj"]
            by = [verb.head] if verb.dep_ == "relcl" and subj and subj[0].lower_ in ("that", "which") else subj
        laws = [t for t in by if t.lemma_.lower() in resolutions]
        if not laws or syntax.modality(verb).status in ("negated", "hypothetical"):
            continue
        if not any(syntax.prep_objects(h, {"from"}, through_objects=False) for h in (verb, *laws)):
            continue  # ("banned the import of X": a ban on goods, not a state barred from doing something)
        senders = [
            a
            for law in laws
            for t in law.subtree
            if t is not law and ctx.mention_at(sent, t.i) is not None
            for a in ctx.actors_of(t, sent, with_conj=False)
            if a.code in lexicon.sanction_senders()
        ]
        targets = [a for t in barred for a in ctx.actors_of(t, sent) if vocabularies.is_country(a.code)]
        if len({a.code for a in senders}) != 1:
            continue
        sender = senders[0].code
        day, precision = event_date(verb, article, future=False)
        for tgt in {a.code: a for a in targets if a.code != sender}.values():
            out.append(
                statement_row(
                    article,
                    sent,
                    sender,
                    tgt.code,
                    None,
                    "in_force",
                    day=day,
                    precision=precision,
                    confidence=0.7 * tgt.confidence,
                )
            )
    return out


def finish_article(rows: list[dict], article: ParsedArticle, ctx: ArticleContext) -> list[dict]:
    """The implicit sender, once the whole article is read.

    "Obama was optimistic about the elimination of sanctions against Cuba" names no sender, but the
    article is about US sanctions: a row without a sender takes the sender the article names most
    for the same target (in the most sentences, also later ones); failing that, the one habitual sender
    the article mentions at all. Judged on unseen articles, 50 of 88 sanction rows had no sender.
    """
    rows = _headline_told_by_body(rows, article)
    organisations = _non_sender_organisations()
    sentences = {s.index: s for s in article.sentences}
    by_target: dict[str, Counter[str]] = {}
    # (sentences, not rows: one sentence naming a sender with two actions, "plans to lift its sanctions" in
    # force and to be lifted, names it once)
    for target, sender, _ in {(r["target"], r["sender"], r["sentence_index"]) for r in rows}:
        if sender and sender not in organisations:
            by_target.setdefault(target, Counter())[sender] += 1
    habitual = [c for c in ctx.counts if c in lexicon.sanction_senders()]
    out = []
    for r in rows:
        # (sanctions someone warns a state would face are not those the article names on it; see
        # extract_sentence)
        warned = r["action"] == "threatened" and _warned_of_by_someone(sentences[r["sentence_index"]])
        if r["sender"] is None and not _sender_left_unnamed(sentences[r["sentence_index"]]):
            named = [] if warned else by_target.get(r["target"], Counter()).most_common(2)
            sender = None
            if named and (len(named) == 1 or named[0][1] > named[1][1]):
                sender = named[0][0]
            elif not named and r["target"] not in lexicon.sanction_senders():
                # (sanctions on a habitual sender are seldom the other habitual sender's: WTO rulings)
                others = [c for c in habitual if c != r["target"]]
                sender = others[0] if len(others) == 1 else None
            if sender is not None and sender != r["target"]:
                key = (sender, r["target"], r["target_entity"], r["action"])
                r = {
                    **r,
                    "sender": sender,
                    "sanction_id": row_id("sanctions", article, sentences[r["sentence_index"]], *key),
                    "confidence": round(r["confidence"] * 0.9, 3),
                }
        out.append(r)
    return out


def _headline_told_by_body(rows: list[dict], article: ParsedArticle) -> list[dict]:
    """A headline's sanctions are the body's to read when the body speaks of sanctions at all: a
    headline has no tense and the small model misreads its verbs ("X Urges Sanctions on Y" parsed as
    one noun phrase, X its target), and the annotators cite the body. A headline's rows on a target
    stay where the body tells one of their actions on it (another report of them), or where the body
    names no sanctions. On the 2,055 annotated documents: two wrong rows fewer, one right one lost ("WTO approves
    sanctions against US", which the body tells another way)."""
    if not article.opens_with_title():
        return rows
    told = {(r["target"], r["action"]) for r in rows if r["sentence_index"] != 0}
    if not told:
        return rows
    # (a headline's tightening is also in force: the body's tightening confirms both)
    confirmed = {r["target"] for r in rows if r["sentence_index"] == 0 and (r["target"], r["action"]) in told}
    return [r for r in rows if r["sentence_index"] != 0 or r["target"] in confirmed]


def _sender_left_unnamed(sent: Sentence) -> bool:
    """ "years of international sanctions": many states' sanctions, none named; the annotation keeps
    no sender rather than the one the article names elsewhere. So with "world powers" or "major powers"
    in the sentence ("were eased after a deal struck with the world powers": the annotation has no
    sender 7 times in the 9 such sentences of the annotated corpus; object class unnamed_power_words)."""
    if sent.doc is None:
        return False
    if any(_unnamed_senders(tok) for tok, _ in sanction_words(sent.doc)):
        return True
    words = lexicon.object_classes().get("unnamed_power_words", frozenset())
    return any(
        t.lower_ == "powers" and any(c.dep_ in ("amod", "compound", "nummod") and c.lower_ in words for c in t.children)
        for t in syntax.tokens(sent.doc)
    )


def _warned_of_by_someone(sent: Sentence) -> bool:
    """ "They jointly warned Eritrea it would face harsher sanctions": sanctions someone (a subject of a
    saying verb above the sanction word) warns of are theirs or nobody's yet, not the article's usual sender
    (the annotation: the speakers or no sender)."""
    if sent.doc is None:
        return False
    speech = lexicon.speech_verbs()
    # (only sanctions someone would face, whose sender the clause does not name: "if the US imposes
    # sanctions, he said" names it)
    return any(
        anc.lemma_.lower() in speech and syntax.is_verb(anc) and any(c.dep_ == "nsubj" for c in anc.children)
        for tok, _ in sanction_words(sent.doc)
        if (gov := syntax.governing_verb(tok)) is not None and gov.lemma_.lower() == "face"
        for anc in gov.ancestors
    )


def _unnamed_senders(tok: Token) -> bool:
    """The sanction word says its senders are many and unnamed ("international sanctions")."""
    words = lexicon.object_classes().get("sanction_unnamed_sender_words", frozenset())
    return any(c.dep_ == "amod" and c.lower_ in words for c in tok.children)


@functools.cache
def _non_sender_organisations() -> frozenset[str]:
    """An agency that reports on a programme (the IAEA) lifts nothing: implicit senders are states
    and habitual senders only."""
    return frozenset({t.code for t in lexicon.actor_terms() if t.kind == "organisation"} - lexicon.sanction_senders())


def _governor(tok: Token) -> tuple[Token | None, str | None]:
    """The word that says what happens to the sanctions, and how the sanction word hangs on it."""
    cur = tok
    # "oppose Western interests and combat sanctions": a conjunct takes its first conjunct's place.
    while cur.dep_ == "conj" and cur.head.pos_ in ("NOUN", "PROPN"):
        cur = cur.head
    # "the removal of most of the sanctions": a quantifier is not what happens to them.
    while (
        cur.dep_ == "pobj"
        and cur.head.lower_ == "of"
        and cur.head.head.lemma_.lower() in lexicon.object_classes()["quantifier_nouns"]
    ):
        cur = cur.head.head
    dep = cur.dep_
    head = cur.head
    if dep in ("dobj", "nsubjpass", "nsubj", "attr", "conj") and syntax.is_verb(head):
        return head, dep
    if dep == "pobj" and head.dep_ in ("prep", "agent"):
        outer = head.head
        return outer, f"p:{head.lower_}"
    if (
        dep == "compound"
        and head.pos_ == "NOUN"
        and lexicon.sanction_actions().get(head.lemma_.lower(), ("",))[0]
        in (
            "eased",
            "lifted",
            "violated",
        )
    ):
        # "the sanctions relief Iran is receiving": the relief is what happens to them; so is the
        # breach in "Iran sanctions violations", "embargo evasion".
        return head, "compound"
    if dep in ("compound", "nsubj") and lexicon.sanction_actions().get(head.lemma_.lower(), ("", ""))[1] == "none":
        # "as UN sanctions loom": the small model often tags a headline's verb of the sanctions'
        # own ("loom") as a noun, with the sanctions its modifier or subject.
        return head, dep
    return None, None


def _relative_act(tok: Token, actions: dict) -> Token | None:
    """A passive relative clause on the sanction word that imposes, changes or lifts them ("sanctions, which
    were levied by X", "sanctions, the newest batch of which were imposed by X", "which were lifted in
    January"), else None."""
    for c in tok.children:
        if (
            c.dep_ == "relcl"
            and syntax.is_passive(c)
            and actions.get(c.lemma_.lower(), ("",))[0] in ("imposed", "tightened", "extended", "lifted", "eased")
            # (not "which were never lifted", "which could be eased": those leave them in force)
            and syntax.modality(c).status not in ("negated", "hypothetical", "planned")
            and any(
                s.dep_ == "nsubjpass"
                and (
                    s.tag_ == "WDT"
                    or any(p.lower_ == "of" and any(w.tag_ == "WDT" for w in p.children) for p in s.children)
                )
                for s in c.children
            )
        ):
            return c
    return None


def _relief_only_asked(verb: Token, actions: dict) -> bool:
    """The lifting verb is what someone asks, urges or proposes (a verb whose sanction action is
    "threatened": call, urge, push, seek ...), or what a negated verb expects ("did not expect X to
    lift"), or what one hopes or wants ("hopes the embargo will be lifted"), not a lifting that happened;
    also one of several things asked ("called for lawmakers to approve the budget and lift the embargo")."""
    while verb.dep_ == "conj" and verb.head != verb and syntax.is_verb(verb.head):
        verb = verb.head
    if syntax.intended_noun(verb) is not None:
        return True  # "defied Obama's call to lift the embargo": a lifting called for (judged sample 32)
    classes = lexicon.object_classes()
    if verb.dep_ not in ("xcomp", "ccomp", "advcl") or verb.head == verb or not syntax.is_verb(verb.head):
        return False
    outer = verb.head
    if actions.get(outer.lemma_.lower(), ("",))[0] == "threatened" and outer.lemma_.lower() not in ("threaten", "warn"):
        return True
    if outer.lemma_.lower() in classes.get("desire_verbs", frozenset()):
        return True  # "hopes the embargo will be lifted", "wants Washington to end its embargo"
    expecting = classes.get("expectation_verbs", frozenset())
    return outer.lemma_.lower() in expecting and any(c.dep_ == "neg" for c in outer.children)


def _relief_ahead(word: Token) -> bool:
    """A lifting or easing that steps or a deal's exchange lead to, not yet done: "steps to lift UN
    sanctions", "in exchange for the lifting of sanctions" (object class relief_prospects; the annotated
    corpus has the sanctions in force). Not "clearing the way for the lifting": the dev set has that
    lifting done, the corpus a "way" both ways."""
    classes = lexicon.object_classes()
    prospects = classes.get("relief_prospects", frozenset()) | classes.get("prospect_nouns", frozenset())
    if syntax.is_verb(word):
        return word.dep_ in ("acl", "xcomp") and word.head.lemma_.lower() in prospects
    return word.dep_ == "pobj" and word.head.lower_ == "for" and word.head.head.lemma_.lower() in prospects


def _ended_at(verb: Token) -> bool:
    """A past state with an end: "was under sanctions until February" (not "is", "will be", "has been ... until")."""
    if verb.tag_ != "VBD" or any(c.dep_ == "aux" for c in verb.children):
        return False
    return any(c.dep_ in ("prep", "mark") and c.lower_ in ("until", "till") for c in verb.children)


def _still_under(verb: Token) -> bool:
    """ "will continue to face sanctions", "will still face them": sanctions in force that go on."""
    cur = verb
    for _ in range(3):
        if any(c.lower_ in ("still", "remain", "continue") for c in cur.children if c.dep_ in ("advmod", "aux")):
            return True
        if cur.lemma_.lower() in ("continue", "remain", "keep"):
            return True
        if cur.dep_ != "xcomp" or cur.head == cur:
            return False
        cur = cur.head
    return False


def _from_word(
    tok: Token,
    term: str,
    sent: Sentence,
    ctx: ArticleContext,
    article: ParsedArticle,
    rejects: list[dict] | None,
    prior: list[dict] = (),  # type: ignore[assignment]
) -> list[dict]:
    actions = lexicon.sanction_actions()
    is_verb_word = tok.pos_ == "VERB"
    # "Washington's blacklisting of Kim": a word that names the act of sanctioning
    act_noun = not is_verb_word and tok.lower_ in lexicon.object_classes().get("sanction_act_nouns", frozenset())
    gov, how = (tok, "self") if is_verb_word else _governor(tok)
    if (
        how == "p:with"
        and gov is not None
        and gov.dep_ == "pobj"
        and gov.head.lower_ == "to"
        and syntax.is_verb(gov.head.head)
        and actions.get(gov.head.head.lemma_.lower(), ("",))[0] == "condemned"
    ):
        # "Japan responded to the test with new sanctions": the parser hangs the with-phrase on the
        # deed answered; the sanctions are the answer, the verb's (imposed, below).
        gov = gov.head.head
    action, subject_role = "in_force", None
    if gov is not None:
        lemma = gov.lemma_.lower()
        if how == "p:under":
            action, subject_role = "in_force", "target"
        elif lemma in actions:
            action, subject_role = actions[lemma]
        elif how and how.startswith("p:") and gov.pos_ in ("NOUN",) and gov.lemma_.lower() in actions:
            action, subject_role = actions[gov.lemma_.lower()]
    warned_off = how == "p:against" and gov is not None and gov.lemma_.lower() in ("warn", "caution")
    if warned_off:
        # "North Korea warned Japan against sanctions": it condemns the sanctions it is warned it may get;
        # who is warned would impose them (below).
        action, subject_role = "condemned", "stated_by"
    if subject_role == "none":  # "UN sanctions loom": the subject is the sanctions themselves
        subject_role = None
    if action == "in_force" and how != "p:under" and act_noun:
        # "That followed Washington's blacklisting of Kim": the word names the act of sanctioning,
        # not a regime that exists (the annotated corpus has it imposed).
        action = "imposed"
    # (the subject of an active verb, or a passive's by-agent: "the economy, hit by sanctions")
    doer = gov is not None and (
        (how == "nsubj" and not syntax.is_passive(gov))
        or (how == "p:by" and any(c.dep_ == "agent" and c.lower_ == "by" for c in gov.children))
    )
    if (
        doer
        and gov is not None
        # (a breach or an end only with the object acted on: "succeeded in getting sanctions lifted")
        and (
            action in ("imposed", "tightened")
            or (action in ("violated", "lifted", "eased", "extended") and syntax.objects(gov))
        )
    ):
        # "US sanctions on Iran drew criticism", "Western sanctions increased pressure on Moscow",
        # "sanctions have undermined Russia's economy", "sanctions ended the boom": the sanctions are
        # the doer of a verb that imposes, tightens, breaches or ends only what it takes as object.
        action, subject_role = "in_force", None
    if (
        gov is not None
        and how == "dobj"
        and gov.lemma_.lower() in lexicon.object_classes().get("naming_verbs", frozenset())
        and any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in gov.children)
    ):
        # "North Korea called the sanctions a declaration of war", "Russia called them illegal":
        # naming the sanctions something is judging them, not calling for them.
        action, subject_role = "condemned", "stated_by"
    if is_verb_word:
        action, subject_role = "imposed", "sender"
    told = None if is_verb_word else _relative_act(tok, actions)
    if told is not None and action == "in_force":
        # "reels under sanctions, the newest batch of which were levied by X": the relative clause tells
        # what was done to them (imposed), the clause they hang on only that they weigh (in force); its
        # by-agent is the sender (sanction_imposing_participles, below)
        action = actions[told.lemma_.lower()][0]
    attributive = is_verb_word and _attributive(tok)
    if attributive:
        # "a heavily sanctioned regime", "the list of sanctioned Chinese firms": a state under
        # sanctions, not a new sanction.
        action, subject_role = "in_force", None
    asked = (
        action in ("lifted", "eased") and gov is not None and (_relief_only_asked(gov, actions) or _relief_ahead(gov))
    )
    if asked:
        # "called for Congress to lift the embargo on Cuba", "urged Brussels to ease its sanctions",
        # "did not expect the West to lift them": a lifting asked for or doubted is not done; the
        # sanctions are in force, the asked party's (the annotation guide: a regime mentioned as
        # existing is in force; the annotated corpus has such embargoes in force).
        action = "in_force"
    if (
        action == "lifted"
        and gov is not None
        and any(
            c.dep_ == "advmod" and c.lower_ in lexicon.object_classes().get("partial_lifting_words", frozenset())
            for c in gov.children
        )
    ):
        # "temporarily lifted", "partially lifted": suspended or eased, not ended (as "suspend" is eased)
        action = "eased"
    mod_word = gov if gov is not None else tok
    report_reps = syntax.reports(mod_word)
    # (the lifting's own modality, hypothetical or negated as asked or doubted, is not the regime's)
    mod = syntax.Modality() if asked else syntax.modality(mod_word, in_reported_speech=bool(report_reps))
    if mod.status == "negated":
        return []
    choices = lexicon.modality().get("choice_mark", {})
    if mod.status == "hypothetical" and any(c in choices for c in mod.cues):
        # "is deciding whether to extend (or lift) the sanctions on X": they exist and are in force; "whether to
        # impose sanctions": held out (the annotation guide: a regime mentioned as existing is in force)
        if action in ("extended", "lifted", "eased", "tightened", "in_force"):
            action, mod = "in_force", syntax.Modality()  # (whose they are: who decides on them)
        elif action == "imposed":
            action = "threatened"
            subject_role = "stated_by" if subject_role == "sender" else subject_role
    if mod.status == "hypothetical" and action in ("imposed", "tightened"):
        # "The council could impose sanctions", "will tighten sanctions if it does not comply":
        # sanctions held out, not imposed.
        action, subject_role = "threatened", "stated_by" if subject_role == "sender" else subject_role
    elif (
        mod.status in ("hypothetical", "planned")
        and action == "in_force"
        and subject_role == "target"
        and how == "dobj"
        and gov is not None
        and gov.lemma_.lower() in lexicon.object_classes().get("undergoing_verbs", frozenset())
        and not _still_under(gov)
        and syntax.agents(gov)
        and not any(private_party(t) for t in syntax.agents(gov))  # "companies that trade with X could face"
    ):
        # "could face sanctions if the fighting goes on", "will face sanctions": held out over the
        # target, not in force (the annotated corpus has them threatened; they had been dropped).
        action = "threatened"
    elif (
        mod.status == "hypothetical"
        and action == "in_force"
        and how == "dobj"
        and gov is not None
        and gov.lemma_.lower() in lexicon.object_classes().get("enforcing_verbs", frozenset())
    ):
        # "urged all countries to enforce the UN arms embargo": what one is asked to enforce exists.
        mod = syntax.Modality()
    elif mod.status == "hypothetical" and action != "threatened":
        return []
    option = (
        action == "in_force"
        and how == "nsubj"
        and gov is not None
        and gov.lemma_.lower() in ("be", "remain")
        and any(c.dep_ == "attr" and c.lemma_.lower() == "option" for c in gov.children)
    )
    if option:
        # "Sanctions on Eritrea are one option", "remain an option": held out, not in force,
        # by whoever says so (below).
        action, subject_role = "threatened", None
    if action in ("in_force", "imposed") and any(
        c.lower_ in lexicon.object_classes()["sanction_threat_words"] for c in tok.children if c.dep_ == "amod"
    ):
        # "faces possible UN sanctions", "to avoid potential sanctions": not (yet) in force.
        action = "threatened"
    if (
        action == "in_force"
        and how != "p:under"
        and any(
            c.lower_ in lexicon.object_classes().get("sanction_comparative_words", frozenset())
            for c in tok.children
            if c.dep_ == "amod"
        )
    ):
        # "faces harsher sanctions if it tests again": harsher than those in force, so held out (but "came
        # under tougher sanctions" is under them).
        action = "threatened"
    if (
        gov is not None
        and action in ("imposed", "tightened")
        and (
            mod.status == "planned"
            or (
                gov.dep_ in ("xcomp", "acl", "ccomp") and actions.get(gov.head.lemma_.lower(), ("",))[0] == "threatened"
            )
        )
    ):
        # "threatened to impose fresh sanctions", "a threat by Washington to impose sanctions",
        # "warned it would impose", "is expected to place new sanctions": held out, not imposed.
        action = "threatened"
    if action == "imposed" and any(
        c.lower_ in lexicon.object_classes()["sanction_tightening_words"] for c in tok.children
    ):
        action = "tightened"
    clause_agent: Token | None = None
    if action == "in_force" and not is_verb_word:
        # "U.N. sanctions that were tightened in March", "sanctions eased last year": what a clause on
        # the sanction word says happened to them (imposing is left out: "sanctions imposed in 2006"
        # mentions a regime that exists).
        # Only a passive clause: in "sanctions that add to Russia's woes" the sanctions act.
        for clause in (
            c
            for c in tok.children
            if c.dep_ in ("acl", "relcl")
            and c.lemma_.lower() in actions
            and (syntax.is_passive(c) or (c.dep_ == "acl" and c.tag_ == "VBN"))
        ):
            said, _ = actions[clause.lemma_.lower()]
            if said in ("tightened", "eased", "lifted", "extended") and syntax.modality(clause).status not in (
                "negated",
                "hypothetical",
            ):
                action, subject_role = said, None  # the clause's subject is the sanctions themselves
                clause_agent = clause
                break
    if action == "in_force" and how == "p:under" and gov is not None and _ended_at(gov):
        # "was under EU sanctions until February": sanctions said to have ended (the annotation guide: lifted)
        action = "lifted"
    if action in ("in_force", "threatened") and _condemning_adjective(tok):
        # ("the proposed sanctions were an infringement on its sovereignty": condemned, held out or not)
        action, subject_role = "condemned", "stated_by"
    if action == "condemned" and how == "p:with" and gov is not None and syntax.is_verb(gov):
        action, subject_role = "imposed", "sender"  # "China retaliated with sanctions on US firms"

    senders: list[Actor] = []
    targets: list[Actor] = []
    violators: list[Actor] = []
    subject_senders: list[Actor] = []
    own_senders: list[Actor] = []
    stated: list[Actor] = []
    entity: str | None = None
    sender_side: set[str] = set()

    if gov is not None and gov.lemma_ == "be" and how == "attr":
        # "The US action was unilateral sanctions": the subject is who imposes them (but in
        # "they are illegal measures" the subject is the sanctions themselves).
        senders += [a for t in syntax.agents(gov) if t.pos_ != "PRON" for a in ctx.actors_of(t, sent)]
        subject_role = None if action != "threatened" else subject_role
    # Who the governing word's subject is.
    if gov is not None and subject_role:
        subj_toks = syntax.agents(gov) if syntax.is_verb(gov) else _noun_agents(gov)
        if (
            not subj_toks
            and subject_role == "stated_by"
            and gov.dep_ == "dobj"
            and gov.head.lemma_.lower() in lexicon.object_classes().get("expressing_verbs", frozenset())
        ):
            subj_toks = syntax.agents(gov.head)  # "the North expressed anger about the sanctions"
        if subject_role == "stated_by" and how == "nsubj" and syntax.is_verb(gov):
            subj_toks = syntax.objects(gov)  # "the new sanctions angered Moscow": Moscow condemns them
        if action == "violated":
            # A firm breaching sanctions is not the sanctioned state; a state evading them is.
            subj_toks = [
                t for t in subj_toks if ctx.mention_at(sent, t.i) is not None or t.lower_ in ("it", "they", "he", "she")
            ]
        if subject_role == "target" and action == "imposed":
            # "It fired a missile, drawing sanctions": who draws them must be named; a pronoun's
            # antecedent guessed across sentences names the wrong side of the quarrel too often.
            subj_toks = [t for t in subj_toks if t.pos_ != "PRON"]
        if (
            subject_role == "sender"
            and subj_toks
            and all(private_party(t) and not _international(t) for t in subj_toks)
        ):
            # "the court sanctioned Turkey for ...", "the federation sanctioned the club": a court's or
            # a private body's penalty is no state's sanction regime (judged on unseen articles)
            return []
        subj_actors = [a for t in subj_toks for a in ctx.actors_of(t, sent)]
        if subject_role == "sender":
            # "The Security Council, backed by Russia, imposed sanctions": who the sender's apposition or
            # backing participle names (object class backing_participles) is on the sender's side, never
            # the unnamed target (but "the US, angered by Russia's annexation, imposed ...": Russia's).
            backing = lexicon.object_classes().get("backing_participles", frozenset())
            beside = [
                c
                for t in subj_toks
                for c in t.children
                if c.dep_ == "appos" or (c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in backing)
            ]
            sender_side |= {
                m.code for c in beside for w in c.subtree if (m := ctx.mention_at(sent, w.i)) is not None and m.code
            }
        if action == "violated":
            violators += subj_actors  # the target only if the sanctions name none (below)
        else:
            {"sender": senders, "target": targets, "stated_by": stated}[subject_role].extend(subj_actors)
        if subject_role == "sender":
            subject_senders += subj_actors
    if gov is not None and subject_role == "sender" and syntax.is_verb(gov) and syntax.is_passive(gov):
        # "Russia was hit with sanctions (by Japan)": the passive's subject is who is sanctioned.
        targets += [a for c in gov.children if c.dep_ in syntax.PASSIVE_SUBJ for a in ctx.actors_of(c, sent)]
    if attributive:
        by = [a for c in tok.children if c.dep_ in ("npadvmod", "compound", "nmod") for a in ctx.actors_of(c, sent)]
        held = [a for a in ctx.actors_of(tok.head, sent) if a.code not in {b.code for b in by}]
        if by and not held:
            return []  # "a UN-sanctioned referendum": approved by someone, nobody punished
        senders += by  # "Western-sanctioned Iran"
        targets += held
    if warned_off and gov is not None:
        senders += [a for o in syntax.objects(gov) for a in ctx.actors_of(o, sent)]
    if is_verb_word:
        for o in syntax.objects(tok):
            targets += ctx.actors_of(o, sent)
            entity = entity or _entity_name(o, sent, ctx)
    # Modifiers of the sanction word: "UN sanctions" (sender), "Iran sanctions" (target).
    modifiers = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
    first = tok.head if tok.dep_ == "conj" and tok.head.i < tok.i else None
    if (
        first is not None
        and any(c.dep_ == "cc" for c in first.children)
        and (m1 := ctx.mention_at(sent, first.i)) is not None
        and (m1.kind in SENDER_MODIFIER_KINDS or m1.code in lexicon.sanction_senders())
        and any((m := ctx.mention_at(sent, c.i)) is not None and m.code for c in modifiers if c.dep_ == "amod")
    ):
        # "US and Western sanctions against Russia": the parser often makes the sanctions a conjunct
        # of their first modifier, which modifies them as the second does (it had been lost).
        modifiers.insert(0, first)
    for c in modifiers:
        m = ctx.mention_at(sent, c.i)
        # "UN, US and EU sanctions": every conjunct is a sender.
        for a in ctx.actors_of(c, sent, with_conj=c is not first):
            if c.dep_ == "poss" or (
                m is not None and (m.kind in SENDER_MODIFIER_KINDS or a.code in lexicon.sanction_senders())
            ):
                senders.append(a)
                own_senders.append(a)
            else:
                targets.append(a)
    # "sanctions on/against X", also when the preposition hangs on the verb ("imposed sanctions on X").
    hosts = [tok] + ([gov] if gov is not None and syntax.is_verb(gov) else [])
    placed: list[Actor] = []
    # "sanctions placed on X" (the participle may hang on the first of a list of nouns).
    nouns = [tok] + ([tok.head] if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN") else [])
    for acl in (
        c
        for n in nouns
        for c in n.children
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lexicon.object_classes()["sanction_imposing_participles"]
    ):
        hosts.append(acl)
        for t in syntax.prep_objects(acl, {"on", "against"}, through_objects=False):
            placed += ctx.actors_of(t, sent)
        for t in syntax.prep_objects(acl, {"by"}, through_objects=False):
            senders += ctx.actors_of(t, sent)
    # "Washington's blacklisting of Kim": the of-object of the act itself is who is sanctioned.
    act_of = {"of"} if act_noun else set()
    for h in hosts:
        for t in syntax.prep_objects(
            h, {"on", "against", "targeting"} | (act_of if h is tok else set()), through_objects=False
        ):
            if _names_a_target(t, sent, ctx):
                targets += _aimed_at(t, sent, ctx)
                entity = entity or _entity_name(t, sent, ctx)
        if action not in ("condemned", "threatened"):
            for t in syntax.prep_objects(h, {"by"}, through_objects=False):
                senders += ctx.actors_of(t, sent)
    if term.startswith("export") and not targets:
        # "its export ban on drones to Russia": an export control names its target as where
        # the goods may not go ("to" may hang on the verb that has the control as its object).
        goods = syntax.prep_objects(tok, {"on", "of"}, through_objects=False)
        verb = [gov] if gov is not None and how == "dobj" else []
        for t in [tok, *goods, *verb]:
            for dest in syntax.prep_objects(t, {"to"}, through_objects=False):
                targets += ctx.actors_of(dest, sent)
    if (
        term.startswith("export")
        and not targets
        and not senders
        and action != "condemned"  # ("Beijing protested against the export controls on chips": aimed at it)
        and _goods_only(tok, term, sent, ctx)
    ):
        # "the nickel export ban", "an export ban on rice": a state's policy on its own goods, which
        # names no one it is aimed at and no one who imposes it, is no sanction (judged on the
        # annotated corpus: Indonesia's nickel export ban was stored as sanctions on Indonesia).
        return []
    if action not in ("lifted", "eased"):
        # "sanctions from the European Union" (but "relief from US sanctions" hangs "from" on the
        # relief, and "lifted sanctions from Iran" on the verb); "drew sanctions from South Korea":
        # on a verb whose subject is the target, too.
        drawn = [gov] if gov is not None and how == "dobj" and subject_role == "target" and action == "imposed" else []
        # Only a state or body named there ("from its neighbour, Japan": the apposition), not
        # one reached through a pronoun's antecedent.
        senders += [
            a
            for h in [tok, *drawn]
            for t in syntax.prep_objects(h, {"from"}, through_objects=False)
            for n in ([t] if ctx.mention_at(sent, t.i) is not None else [c for c in t.children if c.dep_ == "appos"])
            for a in ctx.actors_of(n, sent)
        ]
    if violators and not any(_names_a_target(t, sent, ctx) for t in syntax.prep_objects(tok, {"on", "against"})):
        # "men convicted of breaching sanctions against Iran": the sanctions' own target, not
        # who breaches them; "Iran evaded sanctions": the evader.
        targets += violators
    if own_senders and subject_senders:
        # "Brazil's vote ended the UN sanctions on Haiti": whose sanctions they are is
        # what the sanction word says, not who the clause says ends them.
        owners = {a.code for a in own_senders}
        senders = [a for a in senders if a.code in owners or a not in subject_senders]
    if gov is not None and how == "p:under":
        targets += [a for t in syntax.agents(gov) for a in ctx.actors_of(t, sent)]
    if clause_agent is not None:  # "sanctions eased by Japan"
        senders += [
            a for t in syntax.prep_objects(clause_agent, {"by"}, through_objects=False) for a in ctx.actors_of(t, sent)
        ]

    speakers = [a for rep in report_reps for sp in rep.speakers for a in ctx.actors_of(sp, sent)]
    if option and not senders and gov is not None:
        # "sanctions are one option, Japan's foreign minister said": Japan's option (the parser may
        # make the saying a conjunct of the clause it reports)
        said = [
            a
            for c in gov.children
            if c.dep_ == "conj" and c.lemma_.lower() in lexicon.speech_verbs()
            for t in syntax.agents(c)
            for a in ctx.actors_of(t, sent)
        ]
        senders = (speakers or said)[:1]
    if action in ("condemned", "threatened") and not stated:
        stated = speakers[:1]
    named_target = any(
        syntax.prep_objects(h, {"on", "against"} | (act_of if h is tok else set()), through_objects=False)
        for h in hosts
    )
    # An on- or against-object that names someone other than the sanctions ("retaliated against the
    # sanctions" names no target, nor does "on Monday").
    other_named = any(
        t != tok and _names_a_target(t, sent, ctx)
        for h in hosts
        for t in syntax.prep_objects(h, {"on", "against"}, through_objects=False)
    )
    if action in ("condemned",) and not targets and stated and not other_named:
        # "Russia condemned the sanctions": a country condemning sanctions without saying whose
        # means its own; unless the sentence names whom sanctions are on ("blocked sanctions on Sudan,
        # saying Moscow opposed sanctions": Sudan's)
        aimed = [
            a
            for other, _term in sanction_words(sent.doc)
            if other != tok
            for t in syntax.prep_objects(other, {"on", "against"}, through_objects=False)
            if _names_a_target(t, sent, ctx)
            for a in _aimed_at(t, sent, ctx)
            if a.code not in {x.code for x in stated}
        ]
        targets = aimed[:1] or stated[:1]
    senders = _unique(senders)
    targets = [t for t in _unique(targets) if t.code not in {s.code for s in senders} or action == "condemned"]
    if not targets and not named_target and not senders and _anaphoric(tok) and prior:
        # "Canada imposed sanctions on Myanmar. The sanctions freeze ...": the sanctions the
        # article just spoke of, with their target and sender.
        last = prior[-1]
        targets = [Actor(last["target"], via="context")]
        senders = [Actor(last["sender"], via="context")] if last["sender"] else []
    if not targets and not named_target:
        # "sanctions to punish Russia for ...", "leveraged sanctions to dissuade Iran from ...": whom the
        # sanctions' purpose clause acts on is whom they are on (object class sanction_purpose_verbs).
        purposes = lexicon.object_classes().get("sanction_purpose_verbs", frozenset())
        targets += [
            a
            for h in dict.fromkeys([tok, *hosts])
            for c in h.children
            if c.dep_ in ("acl", "relcl", "xcomp", "advcl")
            and c.lemma_.lower() in purposes
            and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
            for o in syntax.objects(c)
            for a in ctx.actors_of(o, sent)
        ]
    guessed = bool(targets) and all(a.via in ("coref", "pronoun") for a in targets)
    if not targets or guessed:
        # "sanctions adopted over Belarus's seizure of a plane": whose deed is the reason is who they
        # are on (left to the sentence's states, it was the place of the deed, Ukraine). It also
        # outweighs a target only guessed from "the country" or "it": in "imposed sanctions on the
        # country in response to North Korea's test" the country is the tester, whoever was named last.
        excluded = {a.code for a in senders + stated}
        doers = [a for a in _reason_doers([tok, *hosts], sent, ctx) if a.code not in excluded]
        # (only an on- or against-object that names someone keeps them out: "on Monday" does not)
        if doers and (not other_named or guessed):
            targets = doers
    if not targets and named_target:
        # "put sanctions on the isolated state", "on the reclusive nation": a description of
        # a state that the coreference lexicon does not list is the state the article's sanctions are on
        described = [
            t
            for h in hosts
            for t in syntax.prep_objects(h, {"on", "against"}, through_objects=False)
            if t.lemma_.lower() in lexicon.object_classes().get("state_descriptions", frozenset())
            and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
            and ctx.mention_at(sent, t.i) is None
        ]
        on = Counter(r["target"] for r in prior if r["target"])
        if described and on:
            targets = [Actor(on.most_common(1)[0][0], via="context")]
        elif described:
            # no sanctions before: the state last named before it, as for "the country" ("North Korea's
            # only ally signed up to sanctions against the reclusive country"), never a sender
            # (nor who signs up to or backs them, "China backed sanctions against the reclusive country": the
            # verb's own subject only, not a by-phrase a conjunct inherits, "was angered by X and backed ...")
            sending = {a.code for a in senders + stated}
            gov = syntax.governing_verb(tok)
            sending |= {
                a.code
                for t in (gov.children if gov is not None else [])
                if t.dep_ == "nsubj"
                for a in ctx.actors_of(t, sent)
            }
            before = [
                m.code
                for m in sent.mentions
                if m.end <= described[0].i
                and m.code
                and m.kind in ("country", "capital", "demonym")
                and m.code not in sending
            ]
            last = before[-1] if before else ctx.last_country
            if last and last not in sending:
                targets = [Actor(last, via="coref")]
    if not targets and not named_target:
        # Whoever the clause is about ("Italy questioned whether the sanctions work") is a speaker,
        # not the unnamed target.
        speech = lexicon.speech_verbs()
        speakers_up = {
            a.code
            for anc in tok.ancestors
            if anc.lemma_.lower() in speech and syntax.is_verb(anc)
            for t in syntax.agents(anc)
            for a in ctx.actors_of(t, sent)
        }
        targets = _context_target(
            sent,
            ctx,
            {a.code for a in senders + stated} | speakers_up | sender_side,
            article_wide=action not in ("condemned", "threatened"),
        )
        if len(targets) == 1 and targets[0].code in lexicon.sanction_senders() and action not in ("condemned",):
            # "Though facing sanctions under President Trump, ..." in news about Iran: the one state the
            # sentence names is a habitual sender, most often the sender; the target is who the article
            # is about, or nobody (a reject) when the article is about the sender itself.
            implied = targets[0]
            senders = senders or [implied]
            targets = [
                Actor(c, via="context")
                for c, _ in ctx.counts.most_common(3)
                if c not in {a.code for a in senders + stated} and vocabularies.is_country(c)
            ][:1]
    if not targets:
        if rejects is not None:
            rejects.append(
                {
                    "stage": "extract",
                    "reason": "sanction without a resolvable target",
                    "detail": f"sentence {sent.index}: {sent.text[:300]}",
                }
            )
        return []
    if (
        not senders
        and action not in ("condemned", "violated")
        and not (action == "threatened" and _warned_of_by_someone(sent))
        and not _sender_left_unnamed(sent)
    ):
        # The implicit sender: the one sender the article named against this target so far (none
        # for "international sanctions": see _sender_left_unnamed; none for sanctions someone named
        # warns of, "they warned X would face tougher sanctions": theirs or nobody's yet).
        named = {r["sender"] for r in prior if r["sender"] and r["target"] in {t.code for t in targets}}
        if len(named) == 1:
            senders = [Actor(named.pop(), via="context")]
    if action in ("condemned", "threatened") and not stated:
        stated = [senders[0]] if action == "threatened" and senders else targets[:1]
    stated_by = stated[0].code if stated else (speakers[0].code if speakers else None)
    measures = _measures(tok, term)
    reason_text, reasons = _reason(tok, gov)
    day, precision = event_date(mod_word, article, future=mod.status == "planned")
    conf = 0.7 + (0.1 if gov is not None else 0.0) - (0.1 if not senders else 0.0)
    out = []
    sender_codes = [s.code for s in senders] or [None]
    extra = [("in_force", t) for t in _unique(placed)] if action != "in_force" else []
    toughened = any(
        c.lower_ in lexicon.object_classes().get("sanction_tightened_participles", frozenset())
        for c in tok.children
        if c.dep_ == "amod"
    )
    if (
        action not in ("imposed", "tightened", "threatened")
        and not warned_off  # (sanctions warned against are not imposed yet)
        and not toughened  # ("toughened new sanctions": the new ones tighten the old, below)
        and any(c.lower_ in lexicon.object_classes()["sanction_new_words"] for c in tok.children if c.dep_ == "amod")
    ):
        extra += [("imposed", t) for t in targets]  # "the latest US sanctions on X" were imposed
    if action not in ("tightened", "threatened") and toughened:
        extra += [("tightened", t) for t in targets]  # "anger about toughened sanctions": they were tightened
    if action == "violated" or (action in ("lifted", "eased") and mod.status == "planned"):
        # sanctions evaded or breached are sanctions said to exist: in force (the annotation guide's in_force);
        # "Japan plans to lift its sanctions on Iran": until then they are in force (the guide, note 17: the
        # contract has no action for a lifting to come)
        extra += [("in_force", t) for t in targets if ("in_force", t) not in extra]
    for act, tgt in [(action, t) for t in targets] + extra:
        for snd in sender_codes:
            if snd == tgt.code:
                continue
            out.append(
                statement_row(
                    article,
                    sent,
                    snd,
                    tgt.code,
                    entity,
                    act,
                    stated_by=stated_by,
                    measures=measures,
                    reasons=reasons,
                    reason=reason_text,
                    day=day,
                    precision=precision,
                    confidence=conf * tgt.confidence * (1.0 if act == action else 0.9),
                )
            )
    return out


def statement_row(
    article: ParsedArticle,
    sent: Sentence,
    sender: str | None,
    target: str,
    entity: str | None,
    action: str,
    *,
    stated_by: str | None = None,
    measures: list[str] = (),  # type: ignore[assignment]
    reasons: list[str] = (),  # type: ignore[assignment]
    reason: str | None = None,
    day=None,
    precision=None,
    confidence: float,
) -> dict:
    """One row of the sanctions table (the rules' and the trained model's alike)."""
    return {
        "sanction_id": row_id("sanctions", article, sent, sender, target, entity, action),
        "sender": sender,
        "target": target,
        "target_entity": entity,
        "action": action,
        "stated_by": stated_by or None,
        "measures": list(measures),
        "reason_categories": list(reasons),
        "reason": reason,
        "event_date": day,
        "date_precision": precision,
        **provenance(article, sent, VERSION, confidence),
    }


def _international(tok: Token) -> bool:
    """ "The international community": the states together, not a private body (no sender named); not
    "an international tribunal", a court."""
    return tok.lemma_.lower() == "community" and any(
        c.dep_ == "amod" and c.lower_ == "international" for c in tok.children
    )


def _attributive(tok: Token) -> bool:
    """The verb "sanctioned" as a modifier of who is under sanctions, not as an act with its doer
    ("sanctioned firms", "a state sanctioned for years"; but "firms sanctioned by the US")."""
    if tok.dep_ == "amod":
        return True
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ == "agent" for c in tok.children)


def _goods_only(tok: Token, term: str, sent: Sentence, ctx: ArticleContext) -> bool:
    """An export control that names goods ("nickel export ban", "export ban on rice") and no state."""
    words = set(term.split())
    before = [t for t in sent.doc[tok.left_edge.i : tok.i] if t.pos_ in ("NOUN", "PROPN") and t.lower_ not in words]
    after = syntax.prep_objects(tok, {"on", "of"}, through_objects=False)
    goods = before + after
    return bool(goods) and not any(ctx.mention_at(sent, w.i) is not None for g in goods for w in g.subtree)


def _names_a_target(tok: Token, sent: Sentence, ctx: ArticleContext) -> bool:
    """ "sanctions on Iran", "on Russian firms", "on them" name a target; "on its nuclear programme"
    names a reason."""
    if ctx.mention_at(sent, tok.i) is not None or tok.lower_ in ("it", "them", "him", "her", "they"):
        return True
    # "on Russian firms", and sectoral sanctions: "on Russian oil", "on Iranian exports".
    located = lexicon.object_classes().get("located_entities", frozenset()) | lexicon.object_classes().get(
        "sanctioned_goods", frozenset()
    )
    heads = [tok] + [
        p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
    ]
    if any(h.lemma_.lower() in located or h.ent_type_ in ("PERSON", "ORG") for h in heads):
        return True
    if any(ctx.mention_at(sent, ex.i) is not None for h in heads for ex in examples_of(h)):
        return True  # "on some of the members, including Iran"
    classes = lexicon.object_classes()
    if tok.lemma_.lower() in classes.get("self_nouns", frozenset()) | classes.get("state_bodies", frozenset()) and any(
        c.dep_ == "poss" and c.tag_ == "PRP$" for c in tok.children
    ):
        return True  # "flew home after sanctions against his country were eased": a state, whoever's pronoun
    # "sanctions against China's tech titans": what a named state owns is the state's (while "on its
    # nuclear programme", a pronoun's, stays a reason).
    return any(c.dep_ == "poss" and ctx.mention_at(sent, c.i) is not None for h in heads for c in h.children)


def _aimed_at(tok: Token, sent: Sentence, ctx: ArticleContext) -> list[Actor]:
    """Who an on- or against-object names: its actors; or the examples of what it quantifies ("on some
    of the bloc's members, such as Cuba and Syria"); or where goods come from ("on exports of oil
    from Venezuela")."""
    found = ctx.actors_of(tok, sent)
    if not found:
        for h in [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]:
            found += [a for ex in examples_of(h) for a in ctx.actors_of(ex, sent)]
    goods = lexicon.object_classes().get("sanctioned_goods", frozenset())
    if not found and tok.lemma_.lower() in goods:
        found = [a for o in syntax.prep_objects(tok, {"from"}, through_objects=False) for a in ctx.actors_of(o, sent)]
    return found


def _context_target(sent: Sentence, ctx: ArticleContext, exclude: set[str], article_wide: bool = True) -> list[Actor]:
    """Who sanctions without a named target are on: the one other state the sentence names, or the
    state the article is most about ("sanctions will be lifted on Saturday" in news about Iran)."""
    # (a territory taken from a state is where its taker's deed was, not a state the sanctions are on: "imposed
    # asset freezes after Moscow annexed Crimea, and warned of broader sanctions": Russia's; object class taken_places)
    codes = [
        m.code
        for m in sent.mentions
        if m.code
        and m.kind in ("country", "capital", "demonym", "leader")
        and m.code not in exclude
        and vocabularies.is_country(m.code)
        and not taken_place(m)
    ]
    codes = list(dict.fromkeys(codes))
    # Habitual senders are seldom the unnamed target.
    codes = [c for c in codes if c not in lexicon.sanction_senders()] or codes
    if len(codes) == 1:
        return [Actor(codes[0], via="context")]
    named = any(m.code and m.kind in ("country", "capital", "demonym", "leader") for m in sent.mentions)
    if not codes and article_wide and not named:
        top = [c for c, _ in ctx.counts.most_common(3) if c not in exclude and vocabularies.is_country(c)]
        if top:
            return [Actor(top[0], via="context")]
    return []


def _anaphoric(tok: Token) -> bool:
    """ "The sanctions", "these measures": sanctions already spoken of, not sanctions in general."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "such") for c in tok.children)


def _noun_agents(noun: Token) -> list[Token]:
    """Who does what an action noun says: "the lifting of sanctions by the US", "Washington's easing"."""
    # Only the noun's own possessor or by-phrase: in "clearing the way for the lifting of sanctions"
    # whoever clears the way is not who lifts them.
    out = [c for c in noun.children if c.dep_ == "poss"]
    out += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
    return out


def _condemning_adjective(tok: Token) -> bool:
    words = lexicon.single_column("sanction_condemnation.csv", "term")
    if any(c.lower_ in words for c in tok.children if c.dep_ in ("amod", "conj")):
        return True
    # "sanctions, which are illegal" / "sanctions are unilateral and illegal"
    head = tok.head
    if tok.dep_ in ("nsubj",) and head.lemma_ == "be":
        if any(t.lower_ in words for t in head.subtree):
            return True
        # "the sanctions were an infringement on its sovereignty": only what the copula says they are,
        # not a reason named further on ("are punishment for its interference in the election")
        nouns = lexicon.object_classes().get("condemning_nouns", frozenset())
        said = [c for c in head.children if c.dep_ == "attr"]
        return any(t.lemma_.lower() in nouns for a in said for t in (a, *a.conjuncts))
    return False


def _entity_name(tok: Token, sent: Sentence, ctx: ArticleContext) -> str | None:
    """A named person, firm or vessel the sanction targets (not the country itself)."""
    m = ctx.mention_at(sent, tok.i)
    if m is not None and m.kind in ("person", "leader"):
        return m.text
    if tok.ent_type_ in ("ORG", "PERSON", "FAC", "PRODUCT") and m is None:
        ents = [e for e in tok.doc.ents if e.start <= tok.i < e.end]
        return ents[0].text if ents else None
    return None


def _measures(tok: Token, term: str) -> list[str]:
    out: list[str] = []
    implied = lexicon.two_column("sanction_terms.csv", "term", "measure").get(term.lower())
    if implied:
        out.append(implied)
    words = lexicon.two_column("sanction_measures.csv", "term", "measure")
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.lower_ in words:
            out.append(words[c.lower_])
    return sorted(set(out))


def _reason_categories(low: str) -> list[str]:
    """The categories of the reason terms (sanction_reasons.csv) a lower-cased text holds, as words."""
    terms = lexicon.two_column("sanction_reasons.csv", "term", "category")
    return [cat for t, cat in terms.items() if f" {t} " in f" {low} " or f" {t}s " in f" {low} "]


def _reason(tok: Token, gov: Token | None) -> tuple[str | None, list[str]]:
    """The reason a sentence gives ("over its nuclear programme", "due to the invasion")."""
    spans: list[Span] = []
    for host in [tok] + ([gov] if gov is not None else []):
        for c in host.children:
            if c.dep_ == "prep" and c.lower_ in lexicon.object_classes()["reason_prepositions"]:
                if c.lower_ == "in" and not any(x.lower_ == "response" for x in c.subtree):
                    continue
                sub = list(c.subtree)
                spans.append(tok.doc[sub[0].i : sub[-1].i + 1])
    cats: list[str] = []
    text = None
    for span in spans:
        found = _reason_categories(span.text.lower())
        if found:
            cats += found
            text = text or span.text[:200]
    return text, sorted(set(cats))


def _names_a_reason(tok: Token) -> bool:
    """Whether the phrase or clause headed by ``tok`` names a reason sanctions are given for."""
    return bool(_reason_categories(" ".join(t.lower_ for t in tok.subtree)))


def _reason_doers(hosts: list[Token], sent: Sentence, ctx: ArticleContext) -> list[Actor]:
    """The state a reason phrase names as doer, by a possessor: "over Russia's annexation", "for
    Iran's missile tests" (not a pronoun's: "over its programme" leaves the target to the sentence)."""
    out: list[Actor] = []
    stances = lexicon.object_classes().get("stance_nouns", frozenset())
    for host in dict.fromkeys(hosts):
        # "in response to North Korea's test", "following Russia's invasion": the deed is the object.
        responses = [
            o
            for r in syntax.prep_objects(host, {"in"}, through_objects=False)
            if r.lemma_.lower() == "response"
            for o in syntax.prep_objects(r, {"to"}, through_objects=False)
        ]
        if syntax.is_verb(host) and lexicon.sanction_actions().get(host.lemma_.lower(), ("",))[0] == "condemned":
            # "responded to North Korea's provocations with sanctions" (the with-phrase answered)
            responses += syntax.prep_objects(host, {"to"}, through_objects=False)
        for reason in syntax.prep_objects(host, {"over", "for", "following"}, through_objects=False) + responses:
            if ctx.mention_at(sent, reason.i) is not None:
                continue  # "sanctions for Iran": no reason, a target the clause already weighs
            if reason.lemma_.lower() in stances:
                continue  # "over Hungary's objections", "over Kenya's concerns": what a state says, not did
            out += [
                a
                for c in reason.children
                if c.dep_ == "poss" and ctx.mention_at(sent, c.i) is not None
                for a in ctx.actors_of(c, sent, with_conj=False)
            ]
        if syntax.is_verb(host):
            # "imposed sanctions after Iran tested a missile again": the state whose deed the
            # clause of time or cause tells (named there, not a pronoun's antecedent), where the
            # clause names a reason sanctions are given for (sanction_reasons.csv): not "after the
            # United States announced its own measures", "after Hungary dropped its veto".
            for clause in host.children:
                if (
                    clause.dep_ == "advcl"
                    and any(m.dep_ == "mark" and m.lower_ in ("after", "because") for m in clause.children)
                    and _names_a_reason(clause)
                ):
                    out += [
                        a
                        for t in syntax.agents(clause)
                        if t.pos_ != "PRON" and ctx.mention_at(sent, t.i) is not None
                        for a in ctx.actors_of(t, sent, with_conj=False)
                    ]
    return _unique(out)


def _unique(actors: list[Actor]) -> list[Actor]:
    return list({a.code: a for a in actors if a.code}.values())
