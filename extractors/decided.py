"""Rows from the trained models' decisions, in the same form as the rules' rows.

A decision names a key (a relation, a cooperation area, a sanction action) in
a sentence, with its status and probability. Its row takes from the rules'
row of the same key in the same sentence what the rules know better (the
specific CAMEO code, the speaker a claim is attributed to, the sanction's
measures, reasons, named entity and who states it, the date hung on the
trigger word); otherwise it is built from the contract's defaults, dated from
the sentence's main verb. The confidence is the model's calibrated
probability.
"""

from __future__ import annotations

from relata.extractors import lexicon, syntax
from relata.extractors.document import ParsedArticle, Sentence
from relata.extractors.learned import Decision
from relata.extractors.rows import event_date, provenance, row_id, status_from_date
from relata.extractors.version import VERSIONS


def _anchor(sent: Sentence):
    """The token a model row's date hangs on: the sentence's root (its main verb)."""
    doc = sent.doc
    assert doc is not None
    return next((t for t in doc if t.dep_ == "ROOT"), doc[0])


# Types one event word may stand for: a trip to talks is read as a visit or as a meeting.
_KIN = {"visit": frozenset({"visit", "meeting"}), "meeting": frozenset({"visit", "meeting"})}


def _with_modality(status: str, sent: Sentence, rtype: str, target: str | None = None) -> str | None:
    """The model's status, overruled where the parse marks the event's word as not having happened.

    Judged on unseen articles, the model called "A visit by Obama to Havana would cap ..."
    occurred: the rules' modality (of the type's trigger word, and of the verb it is the subject
    or object of) says what the model misses. Negated: no row; hypothetical or planned: planned
    (the model found the event stated, the modal puts it ahead); a claim: alleged.
    """
    from relata.extractors import events, syntax

    doc = sent.doc
    assert doc is not None
    # The type's own trigger word; else, for a visit or a meeting, the other one's word ("a chance of a
    # meeting ... in Astana" read as a visit has no visit word: the meeting carries its modality); else
    # the model's status stands. (The main verb was tried as a last resort: its modal is most often
    # about something else, "troops could be exposed" made a judged row planned; on 400 annotated
    # articles, relation status 332/350 -> 336/351 without it.)
    kin = _KIN.get(rtype, frozenset({rtype}))
    words = [t for t in doc if any(tr.relation_type == rtype for tr in events.triggers_for(t))] or [
        t for t in doc if any(tr.relation_type in kin for tr in events.triggers_for(t))
    ]
    if not words:
        return status
    # The word whose phrase names the row's target, if one does: in "Unlike officials who have
    # travelled to Israel, Modi will not visit Ramallah", the visit to the Palestinians is "visit"'s
    # (judged on the sample build: the retrained model stated it as occurred, read off "travelled").
    word = next((w for w in words if target and target in _codes_at(sent, w)), words[0])
    found = [syntax.modality(word, in_reported_speech=bool(syntax.reports(word))).status]
    if any("planned" in tr.requires for tr in events.triggers_for(word) if tr.relation_type in kin):
        found.append("planned")  # the word itself looks ahead ("X is expected in Y"), as for the rules
    if word.pos_ in ("NOUN", "PROPN") and word.dep_ in ("nsubj", "nsubjpass", "dobj"):
        if syntax.is_verb(word.head):
            found.append(syntax.modality(word.head).status)
    if "negated" in found:
        return None
    if status == "occurred" and ({"hypothetical", "planned"} & set(found)):
        return "planned"
    if status == "occurred" and "alleged" in found:
        return "alleged"
    return status


def relation_row(
    d: Decision, sent: Sentence, article: ParsedArticle, persons: dict[str, str], rule: dict | None
) -> dict | None:
    if rule is not None:
        # The rules read this key's trigger, roles and speaker: keep that, with the model's confidence.
        return {**rule, "confidence": round(d.probability, 3)}
    rtype = lexicon.relation_types()[d.label]
    cameo = rtype.cameo_code
    status = _with_modality(d.status or "occurred", sent, d.label, d.target)
    if status is None:
        return None
    day, precision = event_date(_anchor(sent), article, future=status == "planned")
    status = status_from_date(status, day, precision, article, _anchor(sent))
    assert d.source is not None
    return {
        "relation_id": row_id("relations", article, sent, d.source, d.target, d.label),
        "source_actor": d.source,
        "target_actor": d.target,
        "source_person": persons.get(d.source),
        "target_person": persons.get(d.target),
        "relation_type": d.label,
        "status": status,
        "attributed_to": None,
        "event_date": day,
        "date_precision": precision,
        "cameo_code": cameo,
        "plover_type": rtype.plover_type,
        "quad_class": rtype.quad_class,
        "goldstein": lexicon.goldstein()[cameo],
        **provenance(article, sent, VERSIONS["relations"], d.probability),
    }


def _cooperation_status(status: str, sent: Sentence, area: str) -> str | None:
    """The model's status of cooperation in an area, overruled where the parse reads that area's word
    under a cooperation cue: the rules' status of that reading (None: negated or hypothetical).

    Judged on unseen articles, the model stored "X will expand its cooperation with Y ... trade" as
    agreed and "the new government will push for results in trade" as under way: the "will" that the
    rules read (as ``_with_modality`` does for relations)."""
    from relata.extractors import cooperation

    doc = sent.doc
    assert doc is not None
    said = [tok for tok, a in cooperation.area_mentions(doc, sent) if a == area]
    if said and all(cooperation.ended_or_illicit(tok) for tok in said):
        return None  # "India-Pakistan trade has been suspended": trade stopped, as the rules read it
    readings = [cooperation.status_of(tok, path) for tok in said if (path := cooperation.cue_path(tok))]
    if not readings or status in readings:
        return status
    return next((r for r in readings if r is not None), None)


def cooperation_row(d: Decision, sent: Sentence, article: ParsedArticle, rule: dict | None) -> dict | None:
    if rule is not None:
        return {**rule, "confidence": round(d.probability, 3)}
    status = _cooperation_status(d.status or "planned", sent, d.label)
    if status is None:
        return None
    day, precision = event_date(_anchor(sent), article, future=status == "planned")
    assert d.source is not None
    return {
        "cooperation_id": row_id("cooperation", article, sent, d.source, d.target, d.label),
        "actor_a": d.source,
        "actor_b": d.target,
        "area": d.label,
        "status": status,
        "event_date": day,
        "date_precision": precision,
        **provenance(article, sent, VERSIONS["cooperation"], d.probability),
    }


def sanction_row(d: Decision, sent: Sentence, article: ParsedArticle, rules: list[dict]) -> dict:
    """A sanction statement; its measures, reasons, entity and speaker from a rule row about the same target."""
    same = [r for r in rules if r["target"] == d.target and r["sentence_index"] == sent.index]
    exact = next((r for r in same if r["sender"] == d.source and r["action"] == d.label), None)
    if exact is not None:
        return {**exact, "confidence": round(d.probability, 3)}
    like = same[0] if same else None
    stated_by = like["stated_by"] if like else None
    if d.label == "threatened" and stated_by is None:
        stated_by = d.source  # who threatens sanctions is who would impose them
    if d.label == "condemned" and stated_by is None:
        stated_by = d.target  # most often the sanctioned state itself ("Moscow condemned the sanctions")
    from relata.extractors.sanctions import statement_row

    day, precision = event_date(_anchor(sent), article, future=d.label == "threatened")
    return statement_row(
        article,
        sent,
        d.source,
        d.target,
        like["target_entity"] if like else None,
        d.label,
        stated_by=stated_by,
        measures=like["measures"] if like else [],
        reasons=like["reason_categories"] if like else [],
        reason=like["reason"] if like else None,
        day=day,
        precision=precision,
        confidence=d.probability,
    )


_HOSTILE = frozenset({"attack", "threat", "criticism", "accusation", "rejection"})
# Relation types a speaker performs by speaking ("X praised Y, the ministry said" may be the ministry's own).
_SPOKEN = frozenset({"praise", "support", "criticism", "accusation", "threat", "rejection"})


def _sanctions_denied(sent: Sentence) -> bool:
    """A sentence whose every sanction word hangs on a negated or conditional word ("did not lift
    sanctions", "if the sanctions were lifted"): the rules give it no row, and the model, which does
    not read negation well, must not give one either."""
    from relata.extractors.sanctions import sanction_words

    words = sanction_words(sent.doc)
    if not words:
        return False
    for tok, _ in words:
        gov = tok.head if tok.dep_ in ("dobj", "nsubjpass", "pobj", "nsubj") else tok
        if gov.dep_ == "prep":
            gov = gov.head
        if syntax.modality(gov).status not in ("negated", "hypothetical"):
            return False
    return True


def _only_sides_of_a_conflict(sent: Sentence, a: str | None, b: str) -> bool:
    """Whether the sentence names both actors only as the sides of a conflict ("the US-China trade
    war", "tensions between China and the Philippines") or of ties that soured: judged on unseen articles, the model read
    "The US-China trade war that began in 2018 ..." as economic cooperation. Friendly types from the
    model alone are not taken from such a sentence; hostile ones may be."""
    doc = sent.doc
    if doc is None or a is None:
        return False
    from relata.extractors import syntax

    conflicts = lexicon.object_classes().get("conflict_nouns", frozenset())
    found: dict[str, bool] = {}
    for m in sent.mentions:
        code = m.code or m.key
        if code not in (a, b):
            continue
        tok = doc[m.end - 1]
        for _ in range(4):  # "US" -> "China" -> "war"; "China" -> "between" -> "tensions"
            if tok.dep_ in ("compound", "amod", "nmod", "poss", "conj") or (
                tok.dep_ == "pobj" and tok.head.lower_ in ("between", "of")
            ):
                tok = tok.head.head if tok.dep_ == "pobj" else tok.head
            else:
                break
        side = tok.lemma_.lower() in conflicts or syntax.soured_ties(tok)
        found[code] = found.get(code, True) and side
    return len(found) == 2 and all(found.values())


def _a_judge_of_others(sent: Sentence, a: str | None, b: str) -> bool:
    """Whether one of the two is only the subject of a verb of praise or criticism whose object (a deal,
    talks between others) names the other: "Japan praised the trade deal between Vietnam and Laos" makes
    Japan no party of the deal, as the rules have it (``syntax.judged_from_outside``; the retrained
    model stated Japan's trade cooperation with both)."""
    from relata.extractors import syntax

    doc = sent.doc
    if doc is None or a is None:
        return False
    for verb in doc:
        if not syntax.is_verb(verb):
            continue
        judges = {c for t in syntax.agents(verb) for c in _codes_at(sent, t)}
        for obj in syntax.objects(verb):
            if not syntax.judged_from_outside(verb, obj):
                continue
            inside = _codes_at(sent, obj)
            if (a in judges and b in inside and a not in inside) or (b in judges and a in inside and b not in inside):
                return True
    return False


def _one_side(sent: Sentence, a: str | None, b: str) -> bool:
    """Whether the two are conjuncts of one object ("negotiated with Afghan government and UN
    officials", "met Modi and Abe"): one side of what the verb does, not a pair that meets (judged
    on unseen articles, the model made Afghanistan meet the UN; parties of one agreement are
    another matter, see the caller)."""
    doc = sent.doc
    if doc is None or a is None:
        return False

    def first_conjunct(tok):
        # "with Afghan government and UN officials", "his South Korean and Japanese counterparts":
        # up through conjuncts and through the modifiers of a conjunct or an object to the first one.
        for _ in range(8):
            if tok.dep_ in ("conj", "appos") or (
                tok.dep_ in ("compound", "amod", "poss") and tok.head.dep_ in ("conj", "appos", "pobj", "dobj")
            ):
                tok = tok.head
            else:
                break
        return tok

    heads: dict[str, set[int]] = {}
    for m in sent.mentions:
        code = m.code or m.key
        if code in (a, b) and m.end <= len(doc):
            heads.setdefault(code, set()).add(first_conjunct(doc[m.end - 1]).i)
    for i in heads.get(a, set()) & heads.get(b, set()):
        obj = doc[i]
        if obj.dep_ == "dobj" or (obj.dep_ == "pobj" and obj.head.lower_ in ("with", "against", "to", "from")):
            return True
    return False


def _only_a_shared_view(sent: Sentence) -> bool:
    """Whether the sentence's only agreeing is agreeing *that* something is so ("said they had agreed
    that a new sanctions resolution was needed"): a shared view, no deal (judged on unseen articles,
    the model stored it as an agreement). An agreement noun or another signing verb keeps it."""
    doc = sent.doc
    if doc is None:
        return False
    classes = lexicon.object_classes()
    nouns, signing = classes.get("agreement_nouns", frozenset()), classes.get("signing_verbs", frozenset())
    agrees = [t for t in doc if t.lemma_.lower() == "agree" and t.pos_ == "VERB"]
    if not agrees or any(t.lemma_.lower() in nouns for t in doc):
        return False
    if any(t.lemma_.lower() in signing and t.lemma_.lower() != "agree" and t.pos_ == "VERB" for t in doc):
        return False
    from relata.extractors import syntax

    return all(syntax.states_a_view(t) for t in agrees)


def _denies_a_claim(sent: Sentence, code: str, mentions_of) -> bool:
    """Whether ``code`` is who denies or dismisses a claim in the sentence ("Russia denied allegations
    against Syria"): the model read the denier as the accuser; who denies a claim did not make it."""
    from relata.extractors import syntax

    doc = sent.doc
    if doc is None:
        return False
    claims = lexicon.object_classes().get("claims", frozenset())
    for tok in doc:
        if (tok.lemma_.lower(), "VERB") not in lexicon.denial_triggers() or not syntax.is_verb(tok):
            continue
        if not any(o.lemma_.lower() in claims for o in syntax.objects(tok)):
            continue
        if any(code in mentions_of(a) for a in syntax.agents(tok)):
            return True
    return False


def apply(
    decisions: list, article: ParsedArticle, rows: dict[str, list[dict]], support: dict | None = None
) -> dict[str, list[dict]]:
    """The article's rows once the models decided. A table the model decides alone ("model") takes the
    models' rows (the rules' rows, which the models read as hints, stay only where a model confirms
    them); a table decided in union keeps the rules' rows the model does not veto (``support`` under
    the model's veto) and adds the model's that they lack."""
    from relata.extractors.learned import rules_confidence, strategy, veto

    replaced = {t for t in ("relations", "cooperation", "sanctions") if strategy(t) == "model"}
    by_id = {t: {r[_ID[t]]: r for r in rows.get(t, [])} for t in ("relations", "cooperation")}
    out: dict[str, list[dict]] = {t: ([] if t in replaced else list(v)) for t, v in rows.items()}
    if support is not None:
        for table in ("relations", "cooperation"):
            if table not in out or table in replaced:
                continue
            bars = veto(table)
            if bars:
                claims = denied_claims(rows.get("denials", []), "accuser", "denier")
                out[table] = [
                    r
                    for r in out[table]
                    if backed(support.get(k := _key(table, r)), bars.get(k[3], 0.0), vouched(k, claims))
                ]
            # A rules' row the model does not confirm below gets the probability, fitted on the folds,
            # that a row with its confidence and the model's backing is right: the column means one
            # thing whichever component made the row.
            out[table] = [
                {**r, "confidence": round(rules_confidence(table, r["confidence"], support.get(_key(table, r))), 3)}
                for r in out[table]
            ]
        if "sanctions" in out and "sanctions" not in replaced:
            # The sanctions model backs no rules' row; what was fitted is the rules' score's own meaning.
            out["sanctions"] = [
                {**r, "confidence": round(rules_confidence("sanctions", r["confidence"], None), 3)}
                for r in out["sanctions"]
            ]
    present = {t: {r[_ID[t]] for r in out.get(t, [])} for t in _ID}
    for d, pending in decisions:
        sent = pending.sentence
        venues = pending.venues
        if venues & {d.source, d.target} and not (d.label == "visit" and d.target in venues and d.source not in venues):
            continue  # the place of a gathering is the host of visits to it, a party of nothing else
        if pending.reporters & {d.source, d.target} and d.label not in _SPOKEN:
            continue  # who only reports what another did is a party of no meeting, visit or deal it reports
        if d.table == "relations":
            rid = row_id("relations", article, sent, d.source, d.target, d.label)
            rule = by_id["relations"].get(rid)
            if rule is None and d.label not in _HOSTILE and _only_sides_of_a_conflict(sent, d.source, d.target):
                continue
            if rule is None and d.label != "agreement" and _one_side(sent, d.source, d.target):
                continue
            if rule is None and d.label not in ("praise", "criticism") and _a_judge_of_others(sent, d.source, d.target):
                continue
            if rule is None and d.label == "agreement" and _only_a_shared_view(sent):
                continue
            if (
                rule is None
                and d.label == "accusation"
                and _denies_a_claim(sent, d.source, lambda t, s=sent: _codes_at(s, t))
            ):
                continue
            reverse = by_id["relations"].get(row_id("relations", article, sent, d.target, d.source, d.label))
            if rule is None and reverse is not None:
                # The parse read this type between the two the other way round ("India dismissed Canada's
                # accusations": CAN->IND); the model's reading of direction yields to the argument structure
                # (and where the model decides the table alone, its decision stands for the rules' row).
                if reverse["relation_id"] not in present["relations"]:
                    present["relations"].add(reverse["relation_id"])
                    out["relations"].append({**reverse, "confidence": round(d.probability, 3)})
                continue
            row = relation_row(d, sent, article, pending.persons, rule)
            if row is None:
                continue  # negated, as the parse shows
        elif d.table == "cooperation":
            cid = row_id("cooperation", article, sent, d.source, d.target, d.label)
            rule = by_id["cooperation"].get(cid)
            if rule is None and _only_sides_of_a_conflict(sent, d.source, d.target):
                continue
            if rule is None and _a_judge_of_others(sent, d.source, d.target):
                continue
            row = cooperation_row(d, sent, article, rule)
            if row is None:
                continue  # negated or hypothetical, as the parse shows
        else:
            if not any(r["sentence_index"] == sent.index for r in rows.get("sanctions", [])) and _sanctions_denied(
                sent
            ):
                continue  # "Japan did not lift sanctions on North Korea": the rules read it as no statement
            row = sanction_row(d, sent, article, rows.get("sanctions", []))
        rid = row[_ID[d.table]]
        if rid in present[d.table]:
            # In union, the rules' row the model confirms takes the model's calibrated confidence.
            out[d.table] = [row if r[_ID[d.table]] == rid else r for r in out[d.table]]
        else:
            present[d.table].add(rid)
            out[d.table].append(row)
    return out


def backed(p: float | None, bar: float, vouched: bool = False) -> bool:
    """A rules' row stays unless the model read its pair and backs its type under the veto (a pair
    the model never read, e.g. one across sentences, keeps the rules' word), or the article itself
    vouches for it (``vouched``)."""
    return vouched or p is None or p >= bar


def denied_claims(denials: list[dict], accuser: str, denier: str) -> set[tuple[str, str]]:
    """(accuser, denier) of every denial that names its accuser: the article says these accusations
    were made."""
    return {(d[accuser], d[denier]) for d in denials if d.get(accuser)}


def vouched(key: tuple, claims: set[tuple[str, str]]) -> bool:
    """An accusation the article's own denial names ("Brazil rejected Argentina's allegations":
    ARG->BRA) was made whatever the pairs model backs: the denial is the evidence, and a veto
    chosen for accusations in general (most of which the model reads from the accusing clause)
    must not drop it."""
    return key[0] == "relations" and key[3] == "accusation" and (key[1], key[2]) in claims


def _key(table: str, row: dict) -> tuple:
    from relata.extractors.learned import row_key

    if table == "relations":
        return row_key(table, row["source_actor"], row["target_actor"], row["relation_type"])
    return row_key(table, row["actor_a"], row["actor_b"], row["area"])


def _codes_at(sent: Sentence, tok) -> set[str]:
    """The actor codes of the mentions a token's phrase covers ("Russia", "the Russian ministry")."""
    span = range(tok.left_edge.i, tok.right_edge.i + 1)
    return {m.code or m.key for m in sent.mentions if m.start in span or (m.end - 1) in span}


_ID = {"relations": "relation_id", "cooperation": "cooperation_id", "sanctions": "sanction_id"}
