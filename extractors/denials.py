"""Who denies which claim, made by whom.

"Russia denied supplying arms": the denied claim is an event the relation
extractor can read (military_aid). "These charges are denied by Russia and
North Korea": the claim is named, not restated, so the denial is linked to
the latest alleged event of the article in which the denier takes part, and
inherits its type, its accuser and its ``relation_id``.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from spacy.tokens import Token

from relata.extractors import lexicon, syntax
from relata.extractors.actors import Actor, ArticleContext, private_party
from relata.extractors.document import ParsedArticle, Sentence
from relata.extractors.events import sentence_events, speaker_of, triggers_for
from relata.extractors.rows import event_date, provenance, row_id
from relata.extractors.version import VERSIONS

VERSION = VERSIONS["denials"]

CLAIM_NOUNS_ROLE = ("dobj", "nsubjpass", "ccomp", "xcomp", "pcomp", "dep")


def extract_sentence(
    sent: Sentence, ctx: ArticleContext, article: ParsedArticle, earlier: dict[str, list[dict]], rejects: list[dict]
) -> list[dict]:
    """Denial rows of one parsed sentence; ``earlier["relations"]`` (the article's relation rows so far)
    lets a denial point at the row of the claim it denies."""
    by_sentence: dict[int, list[dict]] = {}
    for r in earlier.get("relations", []):
        by_sentence.setdefault(r["sentence_index"], []).append(r)
    return [
        r
        for tok in syntax.tokens(sent.doc)
        if _is_denial_word(tok)
        for r in _denial(tok, sent, ctx, article, by_sentence)
    ]


def _is_denial_word(tok: Token) -> bool:
    pos = "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN" if tok.pos_ == "NOUN" else None
    return (pos is not None and (tok.lemma_.lower(), pos) in lexicon.denial_triggers()) or bool(
        _claims_defended_against(tok) or _claims_called_false(tok) or _claims_misread_as_verb(tok) is not None
    )


def _claims_misread_as_verb(tok: Token) -> Token | None:
    """ "The Kremlin rejects claims that it ...": the small model reads the denying verb as a noun (or as
    a subject) and "claims" as the sentence's verb; that misread verb, with its that-clause, is the claim
    denied. Only a denying word in -s right before a claim word in -s that has a that-clause."""
    head = tok.head
    if tok.dep_ != "nsubj" or head.i != tok.i + 1 or head.tag_ != "VBZ" or not tok.lower_.endswith("s"):
        return None
    if head.lemma_.lower() not in lexicon.object_classes().get("claims", frozenset()):
        return None
    if not any(c.dep_ == "ccomp" for c in head.children):
        return None
    low = tok.lower_
    stems = {tok.lemma_.lower(), low[:-1], low[:-2], low[:-3] + "y"}  # rejects, dismisses, denies
    return head if any((s, "VERB") in lexicon.denial_triggers() for s in stems) else None


def _claims_called_false(tok: Token) -> list[Token]:
    """ "Accusations by the US of overcapacity are groundless, he added": claims the speaker calls false
    (object class false_claim_words), the subject of the adjective's copula."""
    if tok.pos_ != "ADJ" or tok.dep_ != "acomp":
        return []
    if tok.lemma_.lower() not in lexicon.object_classes().get("false_claim_words", frozenset()):
        return []
    claims = lexicon.object_classes().get("claims", frozenset())
    return [c for c in tok.head.children if c.dep_ == "nsubj" and c.lemma_.lower() in claims]


def _claims_defended_against(tok: Token) -> list[Token]:
    """The claims a state defends itself against ("France defended itself against accusations that ..."): a
    denial of them."""
    if not syntax.is_verb(tok) or tok.lemma_.lower() not in lexicon.object_classes().get(
        "claim_rebutting_verbs", frozenset()
    ):
        return []
    if not any(o.lower_ in ("itself", "himself", "herself", "themselves") for o in syntax.objects(tok)):
        return []
    claims = lexicon.object_classes().get("claims", frozenset())
    return [p for p in syntax.prep_objects(tok, {"against"}, through_objects=False) if p.lemma_.lower() in claims]


def _denied_content(tok: Token) -> list[Token]:
    called_false = _claims_called_false(tok)
    if called_false:
        return called_false
    if syntax.is_verb(tok):
        defended = _claims_defended_against(tok)
        if defended:
            return defended
        out = syntax.objects(tok)
        out += [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "pcomp")]
        if not out:
            # "... - accusations China has repeatedly rubbished": the claim the clause is on, which the parser
            # hangs on the verb before it as an adverbial
            claims = lexicon.object_classes().get("claims", frozenset())
            out = [c for c in tok.children if c.dep_ == "npadvmod" and c.i < tok.i and c.lemma_.lower() in claims]
        return out
    return [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("of",)
        for p in c.children
        if p.dep_ in ("pobj", "pcomp")
    ] + [c for c in tok.children if c.dep_ in ("acl", "ccomp")]


def _denial(
    tok: Token, sent: Sentence, ctx: ArticleContext, article: ParsedArticle, by_sentence: dict[int, list[dict]]
) -> list[dict]:
    claims = lexicon.object_classes().get("claims", frozenset())
    claims_only = lexicon.object_classes().get("claim_only_denial_verbs", frozenset())
    if tok.lemma_.lower() not in claims_only:
        # "rebutted X's comment that ...": a remark denied is a claim; one dismissed or rejected
        # is criticism brushed off, no claim denied
        claims = claims | lexicon.object_classes().get("remark_claims", frozenset())
    else:
        # "rejected the idea of a truce", "dismissed any suggestion of a Plan B": a view or proposal
        # turned down, no accusation denied (the annotated corpus has none of these as denials)
        # (but a suggestion that a state did something is a claim: "rejected suggestions that it had
        # supplied drones")
        views = lexicon.object_classes().get("view_nouns", frozenset())
        with_clause = any(c.dep_ in ("acl", "ccomp") for o in _denied_content(tok) for c in o.children)
        claims = claims if with_clause else claims - views
    mod = syntax.modality(tok)
    if mod.status in ("negated", "hypothetical"):
        return []
    if _claims_called_false(tok):
        # who calls them false: the speaker (not the claims' makers, the copula's subject)
        deniers = speaker_of(tok, sent, ctx)[1]
    elif syntax.is_verb(tok):
        if syntax.is_passive(tok) and any(c.dep_ == "dobj" for c in tok.children):
            return []  # "they were denied due process": deprived of, not denying
        if any(c.dep_ == "dative" for c in tok.children) or len([c for c in tok.children if c.dep_ == "dobj"]) > 1:
            return []  # "to deny Williams a 22nd title", "denied them access": withholding, not denying
        withheld = lexicon.object_classes().get("withheld_things", frozenset())
        if any(o.lemma_.lower() in withheld for o in syntax.objects(tok)):
            return []  # "denied Palestinian worshippers access" (parsed as one object): withholding too
        if (
            syntax.objects(tok)
            and syntax.prep_objects(tok, {"from"}, through_objects=False)
            and not any(o.lemma_.lower() in claims for o in syntax.objects(tok))
        ):
            return []  # "strikes to deny weapons from the militants": keeping them from, not denying
        # Firms, campaigners, a country's people deny for themselves, not for the state (as for relations).
        deniers = [a for t in syntax.agents(tok) if not private_party(t) for a in ctx.actors_of(t, sent)]
    else:
        withheld = lexicon.object_classes().get("withheld_things", frozenset())
        if any(o.lemma_.lower() in withheld for o in _denied_content(tok)):
            return []  # "a law allowing denial of services": withholding them, not denying a claim
        deniers = [a for c in tok.children if c.dep_ in ("poss", "compound", "amod") for a in ctx.actors_of(c, sent)]
        if not deniers:
            gov = syntax.governing_verb(tok)
            agents = syntax.agents(gov) if gov is not None else []
            deniers = [a for t in agents if not private_party(t) for a in ctx.actors_of(t, sent)]
    deniers = list({a.code: a for a in deniers if a.code}.values())
    if not deniers:
        return []
    misread = _claims_misread_as_verb(tok)
    content = [misread] if misread is not None else _denied_content(tok)
    if syntax.is_verb(tok) and tok.dep_ == "relcl" and tok.head.lemma_.lower() in claims:
        # "..., an accusation (that) Beijing has denied": what is denied is the claim the clause is on
        # (judged on unseen articles, the claim was "that" and its maker missing).
        content = [tok.head]
    if not content:
        return []
    lemma = tok.lemma_.lower()
    # (those verbs deny only claims, "dismissed the reports", not proposals)
    content_is_claim = any(c.lemma_.lower() in claims for c in content)
    # (of a misread claim, its that-clause: the rest of the sentence is the denial itself)
    claimed = [c for c in misread.children if c.dep_ == "ccomp"] if misread is not None else content
    # "rejects claims that it abandoned diplomacy, saying it would keep arming Assad": the parser hangs
    # the denier's own words on the claim's verb; they are not what is denied
    own_words = {w.i for c in claimed for t in c.subtree if _set_off_speech(t) for w in t.subtree}
    embedded = _embedded_events(claimed, sent, ctx, own_words)
    if lemma in claims_only and not content_is_claim:
        return []  # rejecting a proposal or dismissing criticism is not denying a claim
    accusers: list[Actor] = []
    for c in content:
        if c.lemma_.lower() in claims:
            for m in c.children:
                if m.dep_ in ("poss", "compound", "amod"):
                    accusers += ctx.actors_of(m, sent)
            # "the claims by Uganda", "the claims made by Uganda" (on the claim's participle of making it:
            # not "investigated by the UN", "dismissed by China")
            making = lexicon.object_classes().get("claim_making_verbs", frozenset())
            participles = [a for a in c.children if a.dep_ == "acl" and a.tag_ == "VBN" and a.lemma_.lower() in making]
            for h in (c, *participles):
                for p in syntax.prep_objects(h, {"by", "from"}, through_objects=False):
                    accusers += ctx.actors_of(p, sent)
            if not accusers and c.dep_ in ("appos", "npadvmod"):
                # "U.S. officials attributed the breach to China, an accusation ...": the claim names
                # what the clause it stands beside says; that clause's speaker made it.
                said = c.head if syntax.is_verb(c.head) else syntax.governing_verb(c.head)
                if not syntax.is_verb(c.head):
                    # "a boat whose sinking Seoul pinned on Pyongyang, a charge Pyongyang rejects": the
                    # relative clause on the noun makes the charge, not the verb the noun hangs on (the
                    # nearest before the claim whose subject is an actor: "the strike, which killed ten"
                    # describes, and the main verb's subject stays the accuser).
                    clauses = [
                        r
                        for r in c.head.subtree
                        if r.dep_ == "relcl" and r.i < c.i and any(ctx.actors_of(t, sent) for t in syntax.agents(r))
                    ]
                    said = clauses[-1] if clauses else said
                accusers += [
                    a for t in (syntax.agents(said) if said is not None else []) for a in ctx.actors_of(t, sent)
                ]
    inside = set(t.i for t in tok.subtree) if tok.dep_ == "relcl" else set()  # not the denial's own clause
    inside |= own_words
    claim_text = " ".join(t.text for c in claimed for t in c.subtree if t.i not in inside)[:200] or tok.text
    day, precision = event_date(tok, article, future=False)
    rows = []
    for d in deniers:
        denied_type, accuser, rel_id = "other", (accusers[0].code if accusers else None), None
        mine = [ev for ev in embedded if d.code in {a.code for a in ev.sources} | {a.code for a in ev.targets}]
        if mine:
            denied_type = mine[0].type
        else:
            linked = _linked_claim(d.code, sent.index, by_sentence)
            if linked is not None:
                denied_type = linked["relation_type"]
                accuser = accuser or linked.get("attributed_to")
                rel_id = linked["relation_id"]
            elif embedded:
                denied_type = embedded[0].type
            else:
                # "Iran denied bombing the ship": no event with two parties, but a deed's word says
                # what kind of claim it is (judged and annotated as an attack, stored as other).
                denied_type = _deed_named(content, tok) or _deed_told_before(content, sent, article) or denied_type
        denied_type = lexicon.denied_as().get(denied_type, denied_type)
        if accuser == d.code:
            accuser = None
        did = row_id("denials", article, sent, d.code, denied_type)
        rows.append(
            {
                "denial_id": did,
                "denier": d.code,
                "denied_type": denied_type,
                "denied_claim": claim_text,
                "accuser": accuser,
                "denied_relation_id": rel_id,
                "event_date": day,
                "date_precision": precision,
                **provenance(article, sent, VERSION, 0.75 * d.confidence + (0.1 if rel_id or mine else 0.0)),
            }
        )
    return rows


def _deed_named(content: list[Token], denial: Token | None) -> str | None:
    """The relation type of force (quad class 4, material conflict) a trigger word of the denied content
    names ("bombing the ship", "committing atrocities"), also through a claim noun beside the clause
    that makes the claim ("Kyiv blamed the strike on Moscow, a charge denied by Russia"); None if
    there is none. Force needs no named victim to be one; aid does ("sent troops to the island")."""
    types = lexicon.relation_types()
    accusable = {t for t in lexicon.accusable_types() if types[t].quad_class == 4}
    words = [t for c in content for t in c.subtree]
    for c in content:
        if c.lemma_.lower() in lexicon.object_classes().get("claims", frozenset()) and c.dep_ in ("appos", "npadvmod"):
            words += [t for t in c.head.subtree if t not in c.subtree]
    excessive = lexicon.object_classes().get("excessive_force_words", frozenset())
    for t in words:
        if t == denial:
            continue
        if t.lemma_.lower() == "force" and any(c.dep_ == "amod" and c.lower_ in excessive for c in t.children):
            return "attack"  # "accusations of excessive force": force used, whoever it was used on
        readings = triggers_for(t)
        # A word of several readings reads as the one whose preposition it has: "sent troops to the
        # island" is a dispatch, not an invasion ("sent troops into" is); with none of them, as any
        # ("committed atrocities", "used chemical weapons" are force).
        placed = [r for r in readings if syntax.prep_objects(t, _preps(r), through_objects=False)]
        for trig in placed or readings:
            # (not a war, which a denied deed is mostly set in: "supplying weapons to Russia for the war")
            if trig.relation_type in accusable and "armed" not in trig.requires:
                return trig.relation_type
    return None


def _deed_told_before(content: list[Token], sent: Sentence, article: ParsedArticle) -> str | None:
    """ "Kenya said a Somali boat fired rockets at its tanker. Somalia denied that the boat did so": content
    that only stands for a deed ("had done so", "did it") is the deed the sentence before tells,
    read as in _deed_named (force only); None for any other content."""
    words = [t for c in content for t in c.subtree]
    if not any(
        t.lemma_.lower() == "do" and any(o.lower_ in ("so", "it", "that", "this") for o in t.children) for t in words
    ):
        return None
    before = article.sentences[sent.index - 1] if sent.index > 0 else None
    if before is None or before.doc is None:
        return None
    return _deed_named([t for t in before.doc if t.dep_ == "ROOT"], None)


def _preps(trig) -> set[str]:
    """The prepositions a trigger's target roles name ("p:into" -> "into")."""
    return {r[2:] for r in trig.target if r.startswith("p:")}


def _set_off_speech(tok: Token) -> bool:
    """A participle of saying set off by a comma ("..., saying it would ..."): a speaker's own words."""
    return (
        tok.dep_ == "advcl"
        and tok.tag_ == "VBG"
        and tok.lemma_.lower() in lexicon.speech_verbs()
        and tok.i > 0
        and tok.doc[tok.i - 1].text == ","
    )


def _embedded_events(
    content: list[Token], sent: Sentence, ctx: ArticleContext, left_out: AbstractSet[int] = frozenset()
):
    inside = {t.i for c in content for t in c.subtree} - left_out
    if not inside or not any(triggers_for(sent.doc[i]) for i in inside):
        return []
    return [ev for ev in sentence_events(sent, ctx) if ev.trigger.i in inside and ev.type != "accusation"]


def _linked_claim(denier: str, sentence_index: int, by_sentence: dict[int, list[dict]]) -> dict | None:
    """The latest claim (an alleged event) up to this sentence in which the denier takes part."""
    for i in range(sentence_index, max(-1, sentence_index - 6), -1):
        cands = [
            r
            for r in by_sentence.get(i, [])
            if r["status"] == "alleged" and denier in (r["source_actor"], r["target_actor"])
        ]
        if cands:
            cands.sort(key=lambda r: (r["relation_type"] not in lexicon.accusable_types(), -r["confidence"]))
            return cands[0]
    # "The US Navy said an Iranian vessel fired rockets near the carrier. Iran denied the vessel had done
    # so": a deed another party reported, with the denier in it, is the claim denied (of a type one can
    # be accused of: not a meeting someone told of)
    for i in range(sentence_index, max(-1, sentence_index - 3), -1):
        cands = [
            r
            for r in by_sentence.get(i, [])
            if r.get("attributed_to")
            and r["attributed_to"] != denier
            and r["relation_type"] in lexicon.accusable_types()
            and r["source_actor"] == denier
        ]
        if cands:
            return max(cands, key=lambda r: r["confidence"])
    return None
