"""The role language of the trigger lexicon: where a trigger's source and target are in the parse.

``relation_triggers.csv`` names, for each trigger, the roles that hold its
source and its target (``subj``, ``obj``, ``obj_poss``, ``poss``, ``mod``,
``recv``, ``head_subj``, ``clause_subj``, ``named_subj``, ``for_subj``, ``hyphen_agent``, ``modified_state``, ``included``, ``attended_by``, ``owned_in``,
``p:<preposition>``, ``p_poss:<preposition>``); ``ROLES`` lists them and
``lexicon`` refuses a trigger with any other. ``tokens`` finds the tokens
that fill a role.
"""

from __future__ import annotations

from spacy.tokens import Token

from relata.extractors import syntax

ROLES = frozenset(
    {
        "subj",
        "obj",
        "obj_poss",
        "poss",
        "mod",
        "recv",
        "head_subj",
        "clause_subj",
        "named_subj",
        "for_subj",
        "xcomp_obj",
        "hyphen_agent",
        "modified_state",
        "included",
        "attended_by",
        "obj_people",
        "described",
        "if_subj",
        "owned_in",
    }
)
PREPOSITION_ROLE = "p:"
PREPOSITION_OWNER_ROLE = "p_poss:"
# Conditions a trigger may put on its event (``requires``; events._event reads them):
#   official_source: the source must be an official (a leader, a ministry), not a citizen
#   no_particle: the verb must not carry a particle ("speak", not "speak out")
#   named_partner: a target must be named ("a call" alone is no meeting)
#   planned: the event only counts as planned ("to invite")
#   no_clause: the verb must not take a that-clause saying what is so ("agreed that a resolution was
#              needed" is a shared view; "agreed that they would hold talks" still agrees to act)
#   no_official_object: the object must not be an official ("welcomed the decision" praises it;
#              "welcomed Russia's leader" hosts a visit, which the visit trigger of the same verb tells)
#   expressed: a head_subj source only when the verb does not cause or receive the noun ("voiced alarm",
#              not "caused alarm", "sparked outrage")
#   to_cease: the verb counts only with an infinitive saying its target should stop doing something ("urged X
#              to halt its strikes" blames X; "urged X to talk to Y" does not)
#   warned_off: a warning counts only against a deed ("warned X not to", "warned X against"; not "warned X of
#              a storm")
#   membership_left: what is left is a membership, not a place: a bloc, or a scheme a state's name marks ("quit
#              the African Union", "dropped out of Beijing's Belt and Road scheme"; not "pulled out of
#              Afghanistan", not "withdrew troops from Syria")
#   membership_joined: what is joined is a scheme or pact (joined_scheme_nouns) whose owners its name marks ("joined
#              China's Belt and Road Initiative", "would join the Russian-Saudi pact"), an agreement with them; not a
#              bloc (joining one is no agreement with it) nor a fight or a crowd ("joined the fight against IS")
#   mutual: each party did it to the other ("X and Y traded accusations", "X traded fire with Y")
#   no_naming: the verb counts only when it does not name its object as something ("called his counterpart";
#              not "called the Indian leader a great friend"), summon ("called X in") or invite ("called X to")
#   object_itself: the object class holds the object itself, not an of-phrase on it ("entered a partnership")
#   named_as: the object class holds what the verb names its object, not the object ("called X a dictator")
#   not_paid_for: the verb has no for-phrase ("owes $2 billion to Russia for gas deliveries" is a trade debt)
#   armed: a war of arms, not one a modifier or an on-object makes something else ("trade war", "price war",
#              "information war", "war on drugs": object class unarmed_war_words)
#   armed_source: the doer is armed forces or their arms, not a person, a crowd or a state itself ("Russian
#              forces swept into Ukraine"; not "migrants crossed into Greece", "poured billions into Pakistan")
#   armed_or_state_source: as armed_source, or a state itself ("Russia has killed thousands of civilians")
#   not_joint: the noun counts only when not held jointly ("joint drills around Taiwan" are no show of force)
#   joint_doc: the verb counts only for a document put out jointly ("issued a joint statement", "jointly released a
#              declaration"; one state's statement is no agreement)
#   no_object: the verb counts only without a direct object ("stopped in Dubai", not "stop the rise in violence")
#   when_negated: the word counts only when negated, as that event ("would not accept the proposal": rejection)
#   own_truce: the truce brokered names no parties of its own ("brokered a truce between Israel and Hamas": the
#              brokers are mediators, no parties; review 22)
REQUIREMENTS = frozenset(
    {
        "own_truce",
        "official_source",
        "no_particle",
        "no_object",
        "named_partner",
        "planned",
        "no_clause",
        "no_official_object",
        "expressed",
        "to_cease",
        "membership_left",
        "membership_joined",
        "warned_off",
        "of_consequences",
        "to_a_place",
        "state_or_forces_object",
        "mutual",
        "no_naming",
        "object_itself",
        "named_as",
        "armed",
        "not_paid_for",
        "when_negated",
        "not_joint",
        "joint_doc",
        "armed_source",
        "armed_or_state_source",
        "done_only",
    }
)


def is_role(name: str) -> bool:
    return name in ROLES or any(
        name.startswith(prefix) and len(name) > len(prefix) for prefix in (PREPOSITION_ROLE, PREPOSITION_OWNER_ROLE)
    )


def tokens(role: str, tok: Token) -> list[Token]:
    """The tokens that fill ``role`` of the trigger ``tok`` (a role of relation_triggers.csv)."""
    from relata.extractors import lexicon  # lexicon checks roles against ROLES: imported late

    verb = syntax.is_verb(tok)
    if role == "subj":
        if not verb:
            return []
        agents = syntax.agents(tok)
        if not agents:
            return []
        # "X, along with Y, signed": on the subject or, as the parser often has it, on the verb
        return agents + [c for h in [*agents, tok] for c in syntax.co_subjects(h)]
    if role == "obj":
        if not verb:
            return []
        # "criticised what it called US interference": the thing named stands for the object
        return (
            syntax.objects(tok)
            or [n for c in tok.children if c.dep_ in ("ccomp", "xcomp") for n in syntax.what_it_names(c)]
            or reduced_passive_subject(tok)
            # "considers Beijing a security threat": the parser makes the object the subject of what it
            # is named (a small clause with no verb)
            or [
                s
                for c in tok.children
                if c.dep_ in ("ccomp", "xcomp", "oprd") and c.pos_ in ("NOUN", "ADJ")
                for s in c.children
                if s.dep_ == "nsubj"
            ]
        )
    if role == "obj_people":
        # "killed 31,000 Palestinians", "killed thousands of Ukrainian civilians": the people struck, named
        # by their state's demonym or name on the object itself (not "killed a leader in Syria": where it
        # happened says nothing of whose people died)
        if not verb:
            return []
        from relata.extractors.actors import private_party  # actors imports roles: imported late

        nouns = [n for o in syntax.objects(tok) for n in (o, *syntax.prep_objects(o, {"of"}, through_objects=False))]
        # Only people ("civilians", "soldiers", or the demonym itself: "Palestinians"; object class
        # struck_people), not a gunman or a militant (judged sample 33), nor jobs or an ethnic group
        # ("killed thousands of American jobs", "ethnic Albanian villagers": review 21)
        people = lexicon.object_classes().get("struck_people", frozenset())
        return [
            t
            for n in nouns
            if not private_party(n)
            and (n.lemma_.lower() in people or n.ent_type_.startswith("ACTOR"))
            and not any(c.lower_ == "ethnic" for c in n.children)
            for t in (n, *(c for c in n.children if c.dep_ in ("amod", "compound")))
            if t.ent_type_.startswith("ACTOR")
        ]
    if role == "obj_poss":
        return _owners(syntax.objects(tok) if verb else [], tok)
    if role.startswith(PREPOSITION_OWNER_ROLE):
        # "objected to China's new map", "protested against the map issued by China": whose thing the
        # preposition's object is; on a noun too ("a firm supporter of Palestinian statehood"; the noun's
        # own modifiers are its "mod" role)
        return _owners(syntax.prep_objects(tok, {role[len(PREPOSITION_OWNER_ROLE) :]}, through_objects=False), tok)
    if role == "poss":
        if verb:
            return []
        # (a plural possessor of a gathering is read as "mod", below)
        own = [c for c in syntax.noun_modifiers(tok, {"poss"}) if c not in _those_who_meet(tok)]
        deed = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
        if not own and deed is not None and deed.lemma_.lower() in lexicon.object_classes().get("event_nouns", ()):
            # "Russia's war of aggression against Ukraine", "Israel's acts of aggression": the of-phrase says
            # what kind of deed the possessor's is (object class event_nouns)
            return syntax.noun_modifiers(deed, {"poss"})
        return own
    if role == "mod":
        # "US strikes", and pairs written as compounds: "the Russian-American agreement",
        # "the Asean-China summit" (the second name often hangs on the first).
        if verb:
            return []
        out: list[Token] = []
        stack = syntax.noun_modifiers(tok, {"amod", "compound", "nmod"}) + _those_who_meet(tok)
        while stack:
            t = stack.pop(0)
            out.append(t)
            stack += [
                c
                for c in t.children
                if c.dep_ in ("amod", "compound", "nmod", "conj")
                or (c.dep_ == "npadvmod" and syntax.hyphen_joined(c, t))
            ]
        if syntax.names_a_gathering(tok) and any(_named_kind(t) not in (None, "ACTOR_CAPITAL") for t in out):
            # "the G20 New Delhi Summit": beside the body or states that meet, a capital is where they meet
            # (two capitals joined are the parties: "the Washington-Tehran talks")
            out = [
                t
                for t in out
                if _named_kind(t) != "ACTOR_CAPITAL"
                or any(syntax.hyphen_joined(t, o) or syntax.hyphen_joined(o, t) for o in out if o is not t)
            ]
        return out
    if role == "recv":
        # The one who faces, draws or dismisses criticism, or enjoys support, is its target; who
        # denies an accusation is its target too.
        gov = syntax.governing_verb(tok) if not verb else None
        classes = lexicon.object_classes()
        receiving = classes.get("receiving_verbs", frozenset())
        if tok.lemma_.lower() in classes.get("claims", frozenset()):
            receiving = receiving | classes.get("refuting_verbs", frozenset())  # "denied the accusations"
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ == "with"
            and tok.head.head.dep_ == "conj"
            and tok.head.head.pos_ in ("NOUN", "PROPN")
        ):
            # "fought by a Turkish-led force and the Libyan government with Egyptian air support": the member of a
            # list the with-phrase is on, not the others (elsewhere the parser hangs it on any noun near:
            # "the army is retaking towns from insurgents with help from Russia": the army's)
            return [tok.head.head]
        if gov is not None and (gov.lemma_.lower() in receiving or (tok.dep_ == "pobj" and tok.head.lower_ == "with")):
            return syntax.agents(gov)
        holder = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
        if (
            gov is not None
            and holder is not None
            and holder.lemma_.lower() in classes.get("recipient_nouns", frozenset())
            and holder.dep_ == "attr"
        ):
            # "Kenya is the largest recipient of Japanese aid": whom the copula calls its recipient
            return [c for c in holder.head.children if c.dep_ == "nsubj"]
        if (
            gov is not None
            and tok.dep_ == "pobj"
            and tok.head.lower_ in ("despite", "amid")
            and not syntax.prep_objects(tok, {"over", "of", "against", "about", "at", "on"}, through_objects=False)
        ):
            # "X expanded its programmes despite criticism from the West": X draws it (not protests with a
            # topic of their own: "visited Kampala amid protests over fuel prices")
            return syntax.agents(gov)
        return []
    if role == "if_subj":
        # "warned of serious consequences if North Korea launches": the subject of the condition, on the verb or
        # on its of-object
        hosts = [tok, *syntax.prep_objects(tok, {"of", "about"}, through_objects=False)]
        hosts += [
            p for o in syntax.objects(tok) for p in syntax.prep_objects(o, {"of", "about"}, through_objects=False)
        ]
        return [
            s
            for h in hosts
            for c in h.children
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children)
            for s in c.children
            if s.dep_ in ("nsubj", "nsubjpass")
        ]
    if role == "described":
        # Whom a noun describes: an apposition ("Biden, one of Israel's staunchest supporters", "Biden, a
        # supporter of Israel") or an as-phrase on a verb ("China acts as a key supporter of Russia": the verb's
        # subject)
        if verb:
            return []
        head = tok
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "one":
            head = tok.head.head  # "one of Israel's supporters"
        if head.dep_ == "appos":
            described = head.head
            conjuncts = [c for c in described.conjuncts if c.i > described.i]
            if conjuncts and head.tag_ == "NN" and head.left_edge.i > conjuncts[-1].right_edge.i:
                # "a rift between Ghana and Togo, the Beninese leader's chief ally": one ally, the parser
                # hangs it on the first of the pair; it describes the one it follows
                return [conjuncts[-1]]
            return [described]
        if tok.dep_ == "pobj" and tok.head.lower_ == "as" and (gov := syntax.governing_verb(tok)) is not None:
            # (a verb with an object names the object so: "NATO described China as a supporter of Russia", "China
            # was described by the US as ...": China; review 24)
            classes = lexicon.object_classes()
            naming = classes.get("naming_verbs", frozenset()) | classes.get("as_naming_verbs", frozenset())
            named = syntax.objects(gov) if gov.lemma_.lower() in naming else []
            return [a for a in (named or syntax.agents(gov)) if a.i < tok.i]
        return []
    if role == "head_subj":
        if verb and not syntax.copular_participle(tok):  # ("Kenya is concerned": said of the subject)
            return []
        gov = syntax.governing_verb(tok)
        if gov is None or tok.dep_ in ("nsubj", "nsubjpass"):
            return []
        classes = lexicon.object_classes()
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ == "for"
            and tok.head.head == gov
            and gov.lemma_.lower() in classes.get("gathering_hosting_verbs", frozenset())
            and (guests := syntax.objects(gov))
        ):
            # "Kenya hosted the Ghanaian president for a state visit": the visit is the guest's, not the host's
            return guests
        if tok.lemma_.lower() in classes.get("claims", frozenset()) and gov.lemma_.lower() in (
            classes.get("refuting_verbs", frozenset()) | classes.get("receiving_verbs", frozenset())
        ):
            return []  # "Russia denied allegations against Syria": who denies a claim did not make it
        if gov.lemma_.lower() in classes.get("observing_verbs", frozenset()) and not (
            gov.lemma_.lower() == "witness" and tok.lemma_.lower() in classes.get("witnessed_ceremonies", frozenset())
        ):
            # "Japan condemned the attack on Seoul": who judges or reports a deed did not do it (but leaders who
            # witness the signing of their countries' agreements are its parties: the signing ceremony)
            return []
        if syntax.judged_from_outside(gov, tok):
            return []  # "praised the deal between X and Y" (but "hailed the deal with Iran" was the hailer's)
        if (
            gov.lemma_ == "be"
            and tok.dep_ == "attr"
            and any(s.lower_ in lexicon.function_words().get("event_pronoun", frozenset()) for s in syntax.agents(gov))
        ):
            # "It was the worst attack on US soil since 2001": what "it" is said to be is an event,
            # not a doer (judged on unseen articles, "it" became the last country named). A named
            # subject still is one: "North Korea is a threat to Japan" (annotated as a threat).
            return []
        if any(c.dep_ in ("poss", "compound") and c.pos_ == "PROPN" for c in tok.children) and not (
            gov.lemma_ == "be" and tok.dep_ == "attr"
        ):
            # "police held four men over the al-Shabaab attacks": the noun names its own doer (one that
            # is no state, or the "mod" role would have found it), so the verb's subject is not it.
            # Not what a copula says the subject is: "Ghana is Togo's largest investor".
            return []
        # Only a noun the verb takes directly ("X held talks", "X took part in talks", "X
        # arrived for a summit", "X began a round of talks"), not one deep in its object
        # ("police detained suspects in the attacks on Paris": the police did not attack).
        head = tok
        while head.dep_ == "conj" and head.head != head:
            head = head.head
        direct = head.head == gov or (head.dep_ == "pobj" and head.head.head == gov)
        if not direct and head.dep_ == "pobj" and head.head.lower_ == "during":
            # "X called for a resolution during talks with Y": what the subject did, it did during the
            # talks, wherever the parser hung "during" (here on "resolution"); at most two nouns down.
            up = head.head.head
            direct = gov in (up, up.head) or (up.head.dep_ == "prep" and up.head.head == gov)
        if not direct and head.dep_ == "pobj" and head.head.lower_ == "of":
            # "attended the opening of joint exercises", "began a round of talks"
            owner = head.head.head
            parts = lexicon.object_classes().get("event_parts", frozenset())
            direct = owner.lemma_.lower() in parts and (
                (owner.dep_ in ("dobj", "nsubjpass", "attr") and owner.head == gov)
                # "X is on the last leg of a tour", "X flew in for the opening of the summit"
                or (owner.dep_ == "pobj" and owner.head.head == gov)
            )
        if not direct and head.dep_ == "pobj" and head.head.lower_ == "in" and head.lemma_.lower() == "support":
            # "drones were carrying out strikes in support of government forces": the idiom says why the
            # clause's subject acted, also where the parser hangs it on the verb's object ("strikes"); not on a
            # deed further down, which has a doer of its own ("sanctioned Iran over drone shipments in support
            # of Russia": Iran's; review 22)
            deed = head.head.head
            direct = (
                any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
                and deed.dep_ == "dobj"
                and deed.head == gov
            )
        if (
            direct
            and syntax.is_passive(gov)
            and head.dep_ == "pobj"
            and head.head.lower_ == "in"
            and gov.lemma_.lower() in classes.get("taking_part_participles", frozenset())
            and not syntax.by_agents(gov)
        ):
            # "Kenya and China are engaged in negotiations": the passive's subject takes part
            return [c for c in gov.children if c.dep_ in syntax.PASSIVE_SUBJ] or syntax.agents(gov)
        return syntax.agents(gov) if direct else []
    if role == "clause_subj":
        # "complained that Japan has not atoned", "voiced concern that India had interfered": whoever
        # the that-clause says acted (an active subject: "that X was not invited" blames no X).
        # Not in a clause of what may happen ("that China's economy might slow" blames no one), but for a
        # fear, which is of what may happen (object class fear_words): "concerned that China could exploit
        # the data" blames China, when the clause's subject is the state itself or its organ. Otherwise the
        # subject may be a thing of the actor's ("protested that Beijing's subsidies flood the market"):
        # requiring a named actor lost 5 right rows of 5 on the corpus.
        fear = tok.lemma_.lower() in lexicon.object_classes().get("fear_words", frozenset())
        out = []
        for c in tok.children:
            if c.dep_ not in ("ccomp", "acl") or not syntax.is_verb(c):
                continue
            may_be = syntax.modality(c).status == "hypothetical"
            if may_be and not fear:
                continue
            out += [s for s in c.children if s.dep_ == "nsubj" and (not may_be or _the_state_itself(s))]
        return out
    if role == "named_subj":
        # "said Venezuela was a dictatorship", "believes the Saudis are the main obstacle": the subject of
        # a that-clause whose copula names it something (what it is named, events._object_in_class)
        # Only a subject that is the actor or whose modifier names it ("the EU sanctions were illegitimate"),
        # not one an of-phrase ties to a state ("the killing of a Frenchman was a terrorist attack": the
        # victim's; judged sample 35, Saudi criticism of France)
        return [
            s
            for c in copular_clauses(tok)
            for s in c.children
            if s.dep_ == "nsubj"
            and (
                _names_someone(s)
                or (s.pos_ == "PRON" and s.lower_ not in ("it", "this", "that"))  # (what "it" is: a thing)
                or any(m.dep_ in ("poss", "compound", "amod", "nmod") and _names_someone(m) for m in s.children)
            )
        ]
    if role == "xcomp_obj":
        # "refused to grant Hanoi market status", "its refusal to meet with Erdogan": whom the infinitive
        # the trigger governs acts on (its object, or its with-phrase)
        # Only someone named there, not whose thing it is ("refused to trigger Article 7 of the EU's
        # treaty"), and not with a hostile act: refusing to criticise or attack X is no rejection of X.
        from relata.extractors import lexicon

        types = lexicon.relation_types()
        triggers = lexicon.relation_triggers()
        clauses = [
            c
            for c in tok.children
            if c.dep_ in (("xcomp",) if verb else ("acl",))
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            and not any(types[t.relation_type].quad_class >= 3 for t in triggers.get((c.lemma_.lower(), "VERB"), ()))
        ]
        # (a name the parser made a compound of the object is the dative: "grant Hanoi market status"; an
        # official is named by the state an adjective names: "declined to meet the Peruvian president")
        officials = lexicon.object_classes().get("officials", frozenset())
        return [
            n
            for c in clauses
            for o in [*syntax.objects(c), *syntax.prep_objects(c, {"with", "to"}, through_objects=False)]
            for n in [
                o,
                *(x for x in o.children if x.dep_ == "compound" and x.i < o.i),
                *(x for x in o.children if x.dep_ == "amod" and o.lemma_.lower() in officials),
            ]
            if _names_someone(n)
        ]
    if role == "for_subj":
        # "called for Pyongyang to halt its tests": the subject of a for-to clause on the verb
        # (the parser hangs the clause on the verb and "for" on the clause)
        # or "for" on the verb, its object right before the clause's "to" ("called for Turkey to stop")
        if not verb:
            return []
        clauses = [c for c in tok.children if c.dep_ in ("advcl", "ccomp", "xcomp")]
        out = [
            s
            for c in clauses
            if any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
            for s in c.children
            if s.dep_ == "nsubj"
        ]
        out = out or [
            o
            for p in tok.children
            if p.dep_ == "prep" and p.lower_ == "for"
            for o in p.children
            if o.dep_ == "pobj"
            and any(c.left_edge.i == o.right_edge.i + 1 and c.left_edge.lower_ == "to" for c in clauses)
        ]
        # a state, its organ or its people ("Western countries", "Russian troops"), not a thing of one
        # ("called for Ukraine's war to end", "for imports of Russian gas to stop" blame no one)
        bodies = lexicon.object_classes().get("state_bodies", frozenset())
        return [
            s
            for s in out
            if s.pos_ == "PROPN"
            or s.lemma_.lower() in bodies
            or any(c.dep_ in ("amod", "compound") and c.ent_type_.startswith("ACTOR") for c in s.children)
        ]
    if role == "hyphen_agent":
        # "the Iran-backed government": who a participle modifying a noun names before its hyphen
        if tok.dep_ != "amod" or tok.tag_ != "VBN":
            return []
        return [c for c in tok.children if c.dep_ in ("npadvmod", "compound") and c.i < tok.i]
    if role == "modified_state":
        # "the Iran-backed government of Yemen", "Russia-backed Syrian forces": the state whose
        # government or forces the participle modifies (not "Iran-backed rebels in Yemen": rebels
        # are no organ of the state they fight in)
        from relata.extractors.actors import private_party  # actors imports roles: imported late

        body = tok.head
        # (also a participle after the body: "Syrian forces backed by Russia")
        after = tok.dep_ == "acl" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children)
        classes = lexicon.object_classes()
        operation = armed_operation(body)
        if not (tok.dep_ == "amod" or after) or not (
            body.lemma_.lower() in classes.get("state_bodies", frozenset()) or operation
        ):
            return []
        if private_party(body):
            return []  # "the US-backed opposition forces": no organ of the state
        own = [c for c in body.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c != tok]
        own += syntax.prep_objects(body, {"of"}, through_objects=False)
        if operation:
            # (not a word that names no one, "a major offensive", nor a place compounded on it, where it is fought:
            # "the Gaza offensive"; a possessor, a demonym or a state's organ says whose it is)
            own = [
                c
                for c in own
                if c.dep_ == "poss"
                or (c.dep_ == "amod" and c.ent_type_.startswith("ACTOR"))
                or (c.dep_ != "amod" and c.lemma_.lower() in classes["state_bodies"])  # ("a military campaign": no one)
            ]
        if (
            operation
            and not own
            and (gov := syntax.governing_verb(body)) is not None
            and gov.lemma_.lower() in classes.get("deed_doing_verbs", frozenset())
        ):
            # "the Syrian army advanced in an offensive backed by Russia", "launched an offensive backed by
            # Russia": an armed operation is the doer's of the verb it is carried out by (object class
            # deed_doing_verbs; not "Ukraine repelled an offensive backed by Belarus"), when its doers are a
            # state's organs
            own = [
                a
                for a in syntax.agents(gov)
                if not private_party(a) and (a.pos_ == "PROPN" or a.lemma_.lower() in classes.get("state_bodies", ()))
            ]
        return own
    if role == "attended_by":
        # "a summit attended by Kenya and Uganda", "the talks were attended by X and Y": who a participle or
        # a passive of taking part (object class attending_verbs) names (not "boycotted by", "condemned by")
        if verb:
            return []
        taking_part = lexicon.object_classes().get("attending_verbs", frozenset())
        hosts = [c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        if tok.dep_ == "nsubjpass":
            hosts.append(tok.head)
        return [p for h in hosts if h.lemma_.lower() in taking_part for p in syntax.by_agents(h)]
    if role == "included":
        # "a trip that has included Fiji and Samoa": what a relative clause says the noun takes in
        if verb:
            return []
        incl = lexicon.object_classes().get("including_verbs", frozenset())
        return [
            o
            for c in tok.children
            if c.dep_ == "relcl" and c.lemma_.lower() in incl and syntax.modality(c).status != "hypothetical"
            for o in syntax.objects(c)
        ]
    if role == "owned_in":
        # "Russia's war in Ukraine", "Moscow's aggression in Syria and Ukraine": where a state's own war is waged is
        # whom it is waged on; the war of no one ("the war in Ukraine", "ending the war in Ukraine") only names
        # its place, and a place a name only modifies is no state ("bombings in Egyptian resorts")
        if verb or not any(
            c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.ent_type_.startswith("ACTOR"))
            for c in tok.children
        ):
            return []
        return [p for p in syntax.prep_objects(tok, {"in"}, through_objects=False) if p.ent_type_.startswith("ACTOR")]
    if role.startswith("p:"):
        preps = {role[2:]}
        found = syntax.prep_objects(tok, preps)
        if not found and verb:
            # "pulled out of X", "walked away from X": the preposition hangs on the particle.
            found = [
                p
                for c in tok.children
                if c.dep_ in ("prep", "prt", "advmod") and c.lower_ in ("out", "away")
                for p in syntax.prep_objects(c, preps, through_objects=False)
            ]
        if not found and not verb:
            # "a deal reached between X and Y", "the accord signed with X": on the noun's participle.
            found = [
                p
                for c in tok.children
                if c.dep_ == "acl" and c.tag_ == "VBN"
                for p in syntax.prep_objects(c, preps, through_objects=False)
            ]
        if not found and not verb and role[2:] == "between":
            # "brokered a deal to restore ties between Riyadh and Tehran": the pair the deal's own infinitive
            # names through the ties it makes (not a deeper clause's)
            # (the parser often hangs the infinitive on the verb the deal is the object of)
            clauses = [c for c in tok.children if c.dep_ == "acl"]
            if tok.dep_ == "dobj":
                clauses += [c for c in tok.head.children if c.dep_ in ("advcl", "xcomp") and c.i > tok.i]
            found = [
                p
                for c in clauses
                if syntax.infinitive(c)
                for o in syntax.objects(c)
                for p in syntax.prep_objects(o, preps, through_objects=False)
            ]
            # "the deal on shipping maize across the lake between Kenya, Uganda and Tanzania": on the
            # gerund that says what the deal is about
            found = found or [
                p
                for c in tok.children
                if c.dep_ == "prep"
                for g in c.children
                if g.dep_ == "pcomp" and g.tag_ == "VBG"
                for p in syntax.prep_objects(g, preps, through_objects=False)
            ]
        if not found and not verb:
            # "enjoys military backing from Iran", "held talks with X": in a light-verb phrase the
            # preposition often hangs on the verb.
            gov = syntax.governing_verb(tok)
            if gov is not None and (
                role[2:] in ("with", "between")
                or tok.dep_ in ("dobj", "nsubjpass")
                # "his first trip abroad was to Kenya": the copula carries where the trip went (not
                # when it says where it did not: "was not to Ghana but to Togo")
                or (tok.dep_ == "nsubj" and gov.lemma_ == "be" and not any(c.dep_ == "neg" for c in gov.children))
            ):
                # (not one set off after the noun by a comma: "held joint drills, amid rows with each other
                # and, above all, with Somalia": the parser hangs the aside's with-phrase on the verb)
                found = [p for p in syntax.prep_objects(gov, preps, through_objects=False) if not _set_off(tok, p.head)]
        # "opposed to Uganda building a dam": the gerund's own subject is whom the stance is against
        found = [
            n
            for f in found
            for n in (
                [c for c in f.children if c.dep_ in ("nsubj", "poss")] if f.dep_ == "pcomp" and f.tag_ == "VBG" else []
            )
            or [f]
        ]
        # "railed against what it calls American domination"
        return [n for f in found for n in (syntax.what_it_names(f) or [f])]
    return []


def _those_who_meet(tok: Token) -> list[Token]:
    """A plural possessor of a gathering noun, which names those who meet: "the ASEAN-China Foreign Ministers'
    Meeting", "the China-Japan leaders' summit", "the two countries' talks". The names hang on the possessor,
    not on the meeting, so they are read with it as the noun's modifiers ("mod"); as its "poss" the possessor
    gave only the nearest name, one side, and no row."""
    if not syntax.names_a_gathering(tok):
        return []
    return [c for c in syntax.noun_modifiers(tok, {"poss"}) if c.tag_ in ("NNS", "NNPS")]


def _set_off(noun: Token, prep: Token) -> bool:
    """A preposition after the noun with a comma and more words between them ("drills, amid disputes with
    each other and, above all, with Somalia"); not one a mere "for example" sets apart ("meetings, for
    example, with China")."""
    from relata.extractors import lexicon  # (imported late, as in tokens)

    between = list(noun.doc[noun.i + 1 : prep.i]) if prep.i > noun.i else []
    markers = lexicon.function_words().get("example_marker", frozenset())
    return any(t.text == "," for t in between) and any(not t.is_punct and t.lower_ not in markers for t in between)


def armed_operation(noun: Token) -> bool:
    """An armed operation (object class armed_operations: "an offensive", "an assault"), or a campaign or operation
    that a military word makes one ("a military campaign", "a bombing campaign", "an air operation"; not a
    vaccination campaign, a rescue operation: operations_if_armed, military_modifiers, armed_operation_words)."""
    from relata.extractors import lexicon  # (imported late, as in tokens)

    classes = lexicon.object_classes()
    lemma = noun.lemma_.lower()
    if lemma in classes.get("armed_operations", frozenset()):
        return True
    armed = classes.get("military_modifiers", frozenset()) | classes.get("armed_operation_words", frozenset())
    return lemma in classes.get("operations_if_armed", frozenset()) and any(
        c.dep_ in ("amod", "compound") and c.lower_ in armed for c in noun.children
    )


def _owners(objs: list[Token], tok: Token) -> list[Token]:
    """Who owns or did the things ``objs``: their possessor or actor modifier ("Japan's proposal"), or
    who their participle says did them ("condemned the drills staged by Seoul"; not who reports or
    records them: "the killings documented by UN investigators"). Where a participle names the doer,
    the modifiers name something else ("the Ukraine aid package approved by Congress"); the possessor
    of what one undergoes is its patient ("Taiwan's exclusion", "Russia's suspension"), and firms or
    militants of a state are not the state ("criticised Chinese firms": object class firm_nouns;
    "supporting Syrian militant groups": non_state_modifiers)."""
    from relata.extractors import lexicon

    classes = lexicon.object_classes()
    firms, undergone = classes.get("firm_nouns", frozenset()), classes.get("undergone_nouns", frozenset())
    outside = classes.get("non_state_modifiers", frozenset())
    # whose ally or patron one backs is not whom one backs ("Laos backed their ally": not Cambodia)
    relational = classes.get("relational_nouns", frozenset())
    out: list[Token] = []
    for o in objs:
        if o.tag_ in ("WDT", "WP") and o.head.dep_ == "relcl" and o.head.head != o:
            # "the UN resolutions, which Pyongyang rejects": the relative pronoun stands for its noun
            o = o.head.head
            if o.like_num or o.ent_type_ == "DATE":
                # "a proposal made in 2023, which Ukraine rejected": the parser hangs the clause on the date
                o = next((a for a in o.ancestors if a.pos_ in ("NOUN", "PROPN") and a.ent_type_ != "DATE"), o)
        done_by = [
            p
            for c in o.children
            if c.dep_ == "acl"
            and c.tag_ == "VBN"
            and c != tok
            and not _tells_of(c)  # ("an offensive backed by X": X backs)
            for p in syntax.by_agents(c)
        ]
        if done_by:
            out += done_by
        elif o.lemma_.lower() not in firms | undergone | relational | outside and not any(
            c.dep_ in ("amod", "compound") and c.lower_ in outside for c in o.children
        ):
            # (nor are the state's militants or rebels: "supporting Syrian militant groups", "supporting Syrian
            # Kurdish rebels")
            out += [c for c in o.children if c.dep_ in ("poss", "compound", "amod")]
            held = o.lemma_.lower() in classes.get("entitlement_nouns", frozenset())
            if (held and not any(c.dep_ == "poss" for c in o.children)) or o.lemma_.lower() in classes.get(
                "recognition_nouns", frozenset()
            ):
                # "backed the right of the Philippines to ...", "advocated the recognition of Palestine": whose
                # right or standing it is (object classes entitlement_nouns, recognition_nouns; a right's
                # possessor holds it, a recognition's gives it)
                out += syntax.prep_objects(o, {"of"}, through_objects=False)
            if (o.lemma_.lower(), "NOUN") in lexicon.relation_triggers() or o.lemma_.lower() in classes.get(
                "event_nouns", frozenset()
            ) | classes.get("harm_nouns", frozenset()):
                # "deplored the aggression by Russia", "welcomed the decision by Japan": a deed's doer
                out += syntax.prep_objects(o, {"by"}, through_objects=False)
                if o.dep_ == "dobj" and o.head == tok and not syntax.is_passive(tok):
                    # the parser often hangs that by-phrase on the verb ("condemned the aggression by Russia");
                    # an active verb has no agent, so a name there is the deed's doer (not a means: "by
                    # issuing a statement" names no one)
                    out += [p for p in syntax.prep_objects(tok, {"by"}, through_objects=False) if _names_someone(p)]
            if o.lemma_.lower() in classes.get("proposal_nouns", frozenset()):
                # "rebuffing a recommendation from the IMF", "rejected a proposal by Russia": who made it, when
                # named itself (not "a request from Sweden's Kurdish groups": the groups': review 22)
                out += [p for p in syntax.prep_objects(o, {"from", "by"}, through_objects=False) if _names_someone(p)]
    return out


def _tells_of(verb: Token) -> bool:
    """A verb of saying or recording ("reported by", "documented by"): its agent tells of the deed."""
    from relata.extractors import lexicon

    low = verb.lemma_.lower()
    return low in lexicon.speech_verbs() or low in lexicon.object_classes().get("recording_verbs", frozenset())


def reduced_passive_subject(verb: Token) -> list[Token]:
    """ "Ghanaian soldiers backed up by Togo have retaken the town": a participle with a by-agent that
    the parser reads as the sentence's active verb; its subject is what was backed (from the annotated
    corpus's misses: the soldiers' state was no one)."""
    if verb.tag_ not in ("VBD", "VBN") or syntax.is_passive(verb) or not any(c.dep_ == "agent" for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "nsubj"]


def _the_state_itself(tok: Token) -> bool:
    """A state or person named, or a state's government or official ("the Chinese government"), not a thing of
    theirs ("China's economy")."""
    from relata.extractors import lexicon

    classes = lexicon.object_classes()
    organ = tok.lemma_.lower() in classes.get("public_body_words", frozenset()) | classes.get("officials", frozenset())
    return _names_someone(tok) or (
        organ and any(m.dep_ in ("amod", "compound", "poss") and _names_someone(m) for m in tok.children)
    )


def _names_someone(tok: Token) -> bool:
    """A state, bloc, leader or person the entity ruler or the parser's NER names."""
    return tok.ent_type_.startswith("ACTOR") or tok.ent_type_ in ("LEADER", "PERSON", "ORG", "GPE", "NORP")


def copular_clauses(tok: Token) -> list[Token]:
    """The that-clauses on ``tok`` whose verb is a copula saying what its subject is ("said X was a
    dictatorship"), the copula not negated nor what may be ("said X is not a threat", "could become a
    threat"); a name denied on the noun itself ("no threat", "hardly an enemy") is events._name_withheld's."""
    return [
        c
        for c in tok.children
        if c.dep_ == "ccomp"
        and c.lemma_ == "be"
        and any(a.dep_ in ("attr", "acomp") for a in c.children)
        and syntax.modality(c).status not in ("negated", "hypothetical")
    ]


def _named_kind(tok: Token) -> str | None:
    """The actor ruler's label of the name ``tok`` is in ("ACTOR_CAPITAL", "ACTOR_COUNTRY" ...), if any."""
    return tok.ent_type_ if tok.ent_type_.startswith("ACTOR") else None
