"""Relations rows: country-pair events, one row per (sentence, source, target, type).

The events of a sentence come from ``events`` (triggers, roles, actors,
status); this module turns each into rows with their codes (CAMEO, PLOVER,
quad class, Goldstein), date and provenance. Symmetric types are stored once,
with the pair in alphabetical order; a multilateral meeting becomes the pairs
that interact, not every pair.
"""

from __future__ import annotations

from relata.extractors import lexicon
from relata.extractors.actors import Actor, ArticleContext
from relata.extractors.document import ParsedArticle, Sentence
from relata.extractors.events import Event, sentence_events
from relata.extractors.rows import event_date, provenance, row_id, status_from_date
from relata.extractors.version import VERSIONS

VERSION = VERSIONS["relations"]


def extract_sentence(
    sent: Sentence, ctx: ArticleContext, article: ParsedArticle, earlier: dict[str, list[dict]], rejects: list[dict]
) -> list[dict]:
    """Relation rows of one parsed sentence."""
    return [r for ev in sentence_events(sent, ctx) for r in _rows(ev, sent, article, ctx.counts)]


def _rows(ev: Event, sent: Sentence, article: ParsedArticle, article_counts: dict | None = None) -> list[dict]:
    article_counts = article_counts or {}
    rtype = lexicon.relation_types()[ev.type]
    goldstein = lexicon.goldstein()
    cameo = ev.cameo if ev.cameo in goldstein else rtype.cameo_code
    day, precision = event_date(ev.trigger, article, future=ev.status == "planned")
    status = status_from_date(ev.status, day, precision, article, ev.trigger)
    pairs: list[tuple[Actor, Actor]] = []
    if ev.targets:
        pairs = [(s, t) for s in ev.sources for t in ev.targets]
    elif rtype.symmetric:
        srcs = ev.sources
        if len(srcs) > 2:
            # A multilateral meeting is annotated as the pairs that interact, not every pair: pair
            # the participant the article is most about with each of the others.
            hub = max(srcs, key=lambda a: (article_counts.get(a.code, 0), -srcs.index(a)))
            pairs = [(hub, o) for o in srcs if o is not hub]
        else:
            pairs = [(srcs[i], srcs[j]) for i in range(len(srcs)) for j in range(i + 1, len(srcs))]
    out = []
    for s, t in pairs:
        if s.code == t.code:
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
