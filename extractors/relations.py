"""Relations rows: country-pair events, one row per (sentence, source, target, type).

The events of a sentence come from ``events`` (triggers, roles, actors,
status); this module turns each into rows with their codes (CAMEO, PLOVER,
quad class, Goldstein), date and provenance. Symmetric types are stored once,
with the pair in alphabetical order; a multilateral meeting becomes the pairs
that interact, not every pair.
"""

from __future__ import annotations

from spacy.tokens import Token

from relata.extractors import lexicon, syntax
from relata.extractors.actors import Actor, ArticleContext
from relata.extractors.candidates import MAX_PARTIES
from relata.extractors.document import ParsedArticle, Sentence
from relata.extractors.events import Event, sentence_events
from relata.extractors.rows import event_date, provenance, row_id, status_from_date
from relata.extractors.sanctions import sanction_words
from relata.extractors.version import VERSIONS
from relata.schemas import vocabularies

VERSION = VERSIONS["relations"]


def extract_sentence(
    sent: Sentence, ctx: ArticleContext, article: ParsedArticle, earlier: dict[str, list[dict]], rejects: list[dict]
) -> list[dict]:
    """Relation rows of one parsed sentence."""
    return [r for ev in sentence_events(sent, ctx) for r in _rows(ev, sent, article, ctx)]


def carried_out(cooperation: list[dict], relations: list[dict], sent: Sentence, article: ParsedArticle) -> list[dict]:
    """Relation rows of the sentence's cooperation under way ("Russia has strengthened military links
    with Iran": military_cooperation carried out), for the areas relation_type_rules.csv names,
    unless the sentence's relations already hold that type between the two."""
    types = lexicon.carried_out_types()
    have = {(r["relation_type"], frozenset((r["source_actor"], r["target_actor"]))) for r in relations}
    out = []
    for c in cooperation:
        kind = types.get(c["area"])
        if c["status"] != "ongoing" or kind is None or (kind, frozenset((c["actor_a"], c["actor_b"]))) in have:
            continue
        have.add((kind, frozenset((c["actor_a"], c["actor_b"]))))
        out.append(_derived_row(article, sent, c["actor_a"], c["actor_b"], kind, c))
    return out


def _derived_row(article: ParsedArticle, sent: Sentence, source: str, target: str, kind: str, origin: dict) -> dict:
    """A relations row (occurred) another table's row of the sentence implies, with that row's date
    and nine tenths of its confidence."""
    rtype = lexicon.relation_types()[kind]
    return {
        "relation_id": row_id("relations", article, sent, source, target, kind),
        "source_actor": source,
        "target_actor": target,
        "source_person": None,
        "target_person": None,
        "relation_type": kind,
        "status": "occurred",
        "attributed_to": None,
        "event_date": origin["event_date"],
        "date_precision": origin["date_precision"],
        "cameo_code": rtype.cameo_code,
        "plover_type": rtype.plover_type,
        "quad_class": rtype.quad_class,
        "goldstein": lexicon.goldstein()[rtype.cameo_code],
        **provenance(article, sent, VERSION, origin["confidence"] * 0.9),
    }


def _threat_made(sent: Sentence, words: frozenset[str], sender: str, target: str) -> bool:
    """Whether a threat word of the sentence governs one of its sanction words and is the sender's:
    a verb whose subject is the sender ("Washington threatened ... sanctions", "warned Ankara it could
    face sanctions") or, for "face", the target ("or face possible UN sanctions"); a threat noun
    ("a threat by Washington to impose sanctions"). Not an economist's warning, nor the target's own."""
    assert sent.doc is not None
    said = {t.i for t, _term in sanction_words(sent.doc)}

    def named(tokens: list[Token], code: str) -> bool:
        return any(m.code == code and m.start <= x.i < m.end for t in tokens for x in t.subtree for m in sent.mentions)

    # (a threat verb's own subject, or the sentence's, where the parser hung the threat inside a clause:
    # "Washington has told Turkey that ... could compromise the F-35, and has threatened to impose sanctions")
    sentence_agents = [a for r in sent.doc if r.dep_ == "ROOT" for a in syntax.agents(r)]
    for t in syntax.tokens(sent.doc):
        if t.lemma_.lower() not in words or not said & {x.i for x in t.subtree}:
            continue
        if not syntax.is_verb(t):
            return True
        agents = syntax.agents(t) + sentence_agents
        if named(agents, target if t.lemma_.lower() == "face" else sender):
            return True
    return False


def threats_of_sanctions(sanctions: list[dict], relations: list[dict], article: ParsedArticle) -> list[dict]:
    """A threat row (occurred) for each threatened sanction with a sender and a target, both named in
    its sentence, where that sentence speaks of a threat (object class sanction_threat_words: "a
    threat by Washington to impose fresh sanctions", "or face possible UN sanctions"). The annotation
    guide: "Threats stay: threat relation (or a threatened sanction)", and the corpus's annotators
    gave the relation beside the sanction. Not sanctions only proposed or weighed, nor a threat word that
    is not the sender's (_threat_made). Run on the article's final sanction rows (their senders may come from elsewhere in
    the article, which is not enough here)."""
    words = lexicon.object_classes().get("sanction_threat_words", frozenset())
    sentences = {x.index: x for x in article.sentences}
    have = {(r["relation_type"], r["source_actor"], r["target_actor"]) for r in relations}
    out = []
    for s in sanctions:
        sender, target = s.get("sender") or "", s.get("target") or ""
        pair = (sender, target)
        sent = sentences.get(s["sentence_index"])
        if (
            s.get("action") != "threatened"
            or not all(pair)
            or pair[0] == pair[1]
            or ("threat", *pair) in have
            or sent is None
            or sent.doc is None
            or not set(pair) <= {m.code for m in sent.mentions}
            or not _threat_made(sent, words, sender, target)
        ):
            continue
        have.add(("threat", *pair))
        out.append(_derived_row(article, sent, sender, target, "threat", s))
    return out


def accusations_of_denials(denials: list[dict], relations: list[dict], article: ParsedArticle) -> list[dict]:
    """An accusation row (occurred, accuser -> denier) for each denial whose accuser the text names,
    unless the relations have it already: the annotation guide, "A denial by a country of an accusation
    by another also implies the accusation relation (accuser -> denier) and the alleged event" (the
    annotated corpus gives it beside 45 of its 47 denials with an accuser). Only where both are named in
    the denial's sentence (an accuser read from an earlier claim is that claim's own row)."""
    sentences = {x.index: x for x in article.sentences}
    have = {(r["relation_type"], r["source_actor"], r["target_actor"]) for r in relations}
    out = []
    for d in denials:
        pair = (d.get("accuser") or "", d.get("denier") or "")
        sent = sentences.get(d["sentence_index"])
        if (
            not all(pair)
            or pair[0] == pair[1]
            or ("accusation", *pair) in have
            or sent is None
            or not set(pair) <= {m.code for m in sent.mentions}
            or _rebuts_a_remark(sent)
        ):
            continue
        have.add(("accusation", *pair))
        out.append(_derived_row(article, sent, pair[0], pair[1], "accusation", d))
    return out


def _rebuts_a_remark(sent: Sentence) -> bool:
    """ "Sun rebutted Carter's comment that China risked isolation": what is denied is a remark (object class
    remark_claims), a view answered, not an accusation made."""
    remarks = lexicon.object_classes().get("remark_claims", frozenset())
    return any(
        t.lemma_.lower() in remarks
        and t.dep_ == "dobj"
        and (t.head.lemma_.lower(), "VERB") in lexicon.denial_triggers()
        for t in sent.doc
    )


def finish_article(rows: list[dict], article: ParsedArticle, ctx: ArticleContext) -> list[dict]:
    """A headline's event that the body tells too takes the body's reading.

    A headline has no tense ("Obama visit", "Cuba welcomes Obama on historic visit"): its event
    reads as occurred and its roles are guessed. Where the body tells the same type between the
    same two, the body's single status replaces the headline's default (judged on unseen articles,
    a visit due the next day was stored as occurred from the headline), and a headline row that
    the body reads only the other way round is dropped (judged: Cuba visiting the USA).
    """
    if not article.opens_with_title():
        return rows
    body = [r for r in rows if r["sentence_index"] != 0]
    out = []
    for r in rows:
        if r["sentence_index"] != 0:
            out.append(r)
            continue
        pair = {r["source_actor"], r["target_actor"]}
        told = [
            b
            for b in body
            if b["relation_type"] == r["relation_type"] and {b["source_actor"], b["target_actor"]} == pair
        ]
        same_way = [b for b in told if b["source_actor"] == r["source_actor"]]
        if told and not same_way:
            continue
        statuses = {b["status"] for b in same_way}
        if r["status"] == "occurred" and len(statuses) == 1:
            r = {**r, "status": statuses.pop()}
        out.append(r)
    return out


def _rows(ev: Event, sent: Sentence, article: ParsedArticle, ctx: ArticleContext) -> list[dict]:
    article_counts = ctx.counts
    rtype = lexicon.relation_types()[ev.type]
    goldstein = lexicon.goldstein()
    cameo = ev.cameo if ev.cameo in goldstein else rtype.cameo_code
    day, precision = event_date(ev.trigger, article, future=ev.status == "planned")
    status = status_from_date(ev.status, day, precision, article, ev.trigger)
    pairs: list[tuple[Actor, Actor]] = []
    if rtype.symmetric and len({a.code for a in ev.sources + ev.targets}) > MAX_PARTIES:
        # "Japan, Australia, Canada ... and New Zealand signed the pact": a list of the parties to
        # one multilateral deal or meeting states nothing between any two of them (the annotated
        # corpus has no such pair; the models read no pair of a sentence this crowded either).
        return []
    # "a meeting between ASEAN and its partners, including X, Y and Z": one phrase read as both sides
    # of a symmetric relation names the participants once (paired below), not two sides.
    one_phrase = rtype.symmetric and {a.code for a in ev.sources} == {a.code for a in ev.targets}
    if ev.targets and not one_phrase:
        pairs = [(s, t) for s in ev.sources for t in ev.targets]
    elif rtype.symmetric:
        srcs = ev.sources
        jointly_agreed = (
            ev.type == "agreement"
            and all(vocabularies.is_country(a.code) for a in srcs)
            and not any(c.dep_ == "ccomp" for c in ev.trigger.children)  # "agreed that X should": a view
        )
        if jointly_agreed and _with_a_third_party(ev, sent, ctx):
            # "Japan, South Korea, Australia and New Zealand agreed to share intelligence with NATO": each
            # agreed to deal with the third party, which says nothing of any two of the four
            return []
        if len(srcs) > 3 and not jointly_agreed:
            # A multilateral meeting is annotated as the pairs that interact, not every pair: pair
            # the participant the article is most about with each of the others. Three at one table
            # all talk to one another (the annotated corpus pairs them all: +3 right rows, 2 wrong).
            # States that agree together are each party to it with each other ("China, Thailand, Laos
            # and Myanmar agreed to set up ...": every pair annotated), but a bloc with its partners
            # ("ASEAN, along with Kenya, Chile and Peru, agreed") is the bloc with each.
            hub = max(srcs, key=lambda a: (article_counts.get(a.code, 0), -srcs.index(a)))
            pairs = [(hub, o) for o in srcs if o is not hub]
        else:
            pairs = [(srcs[i], srcs[j]) for i in range(len(srcs)) for j in range(i + 1, len(srcs))]
    out = []
    published = article.meta.published_at
    year = day.year if day else (published.year if published else None)
    for s, t in pairs:
        if s.code == t.code:
            continue
        if ev.type == "meeting" and (
            lexicon.member_of(s.code, t.code, year) or lexicon.member_of(t.code, s.code, year)
        ):
            # "the Thai premier met fellow ASEAN leaders", "ASEAN leaders gathered in Vientiane": a member
            # meeting the bloc it belongs to meets the other members, not a party of its own (bloc_members.csv
            # lists the blocs that meet only as their members)
            continue
        if rtype.symmetric and t.code < s.code:
            s, t = t, s
        rid = row_id("relations", article, sent, s.code, t.code, ev.type)
        out.append(
            {
                "relation_id": rid,
                "source_actor": s.code,
                "target_actor": t.code,
                "source_person": s.person,
                "target_person": t.person,
                "relation_type": ev.type,
                "status": status,
                "attributed_to": ev.attributed_to,
                "event_date": day,
                "date_precision": precision,
                "cameo_code": cameo,
                "plover_type": rtype.plover_type,
                "quad_class": rtype.quad_class,
                "goldstein": goldstein[cameo],
                **provenance(article, sent, VERSION, ev.confidence * min(s.confidence, t.confidence) / 0.85),
            }
        )
    return out


def _with_a_third_party(ev: Event, sent: Sentence, ctx: ArticleContext) -> bool:
    """What the parties agreed to do is done with an actor not among them ("agreed to share intelligence
    with NATO"): a with-phrase on the agreement or on the verb it governs, or on their objects."""
    parties = {a.code for a in ev.sources + ev.targets}
    heads = [ev.trigger, *(c for c in ev.trigger.children if c.dep_ == "xcomp")]
    return any(
        a.code not in parties
        for h in heads
        for p in syntax.prep_objects(h, {"with"})  # (also on its object: "share intelligence with NATO")
        if p.pos_ == "PROPN"  # a party named, not a means ("build a railway with Chinese loans")
        for a in ctx.actors_of(p, sent)
    )
