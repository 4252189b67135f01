"""From parsed articles to rows of the four extracted tables.

``extract_all`` reads an article once: one ``ArticleContext`` resolves each
sentence's actors (pronouns, titles, leaders by date), and every extractor of
the registry (``registry.REGISTRY``) makes its rows from that sentence in
turn. The modules are imported on first use so that importing
``extractors.version`` or ``extractors.registry`` does not load spaCy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from relata.extractors.registry import REGISTRY
from relata.extractors.version import VERSIONS

if TYPE_CHECKING:
    from relata.extractors.document import ParsedArticle

__all__ = ["REGISTRY", "VERSIONS", "extract_all"]


def extract_all(article: ParsedArticle, *, learned: bool = True) -> tuple[dict[str, list[dict]], list[dict]]:
    """Rows per table, and what the extractors could not resolve (for ``rejects``).

    With the trained models shipped (``extractors/models/``) and ``learned``,
    the rules' rows of each sentence become the models' hints, and the models
    decide the tables they were trained for (``learned``, ``decided``);
    ``learned=False`` gives the rules alone (for comparison).
    """
    from relata.extractors import cooperation, decided, relations
    from relata.extractors import learned as models
    from relata.extractors.actors import ArticleContext
    from relata.extractors.rows import keep_best

    modules = [(e, importlib.import_module(f"relata.extractors.{e.module}")) for e in REGISTRY]
    functions = [(e, m.extract_sentence) for e, m in modules]
    # An extractor may complete its rows once the whole article is read (``finish_article``).
    finishers = [(e, m.finish_article) for e, m in modules if hasattr(m, "finish_article")]
    rows: dict[str, list[dict]] = {e.table: [] for e in REGISTRY}
    rejects: list[dict] = []
    collector = models.Collector() if learned and models.available() else None
    ctx = ArticleContext(article)
    for sent in article.sentences:
        ctx.enter(sent)
        if sent.doc is not None:
            found: dict[str, list[dict]] = {}
            for extractor, extract in functions:
                found[extractor.table] = extract(sent, ctx, article, rows, rejects)
                rows[extractor.table] += found[extractor.table]
            if "relations" in found and "cooperation" in found:
                # Cooperation under way is also a relation carried out (relation_type_rules.csv); the
                # cooperation extractor runs last, so the relations of its areas are made here.
                derived = relations.carried_out(found["cooperation"], found["relations"], sent, article)
                found["relations"] += derived
                rows["relations"] += derived
                # and economic cooperation carried out is cooperation under way
                under_way = cooperation.under_way(found["relations"], found["cooperation"], sent, article)
                found["cooperation"] += under_way
                rows["cooperation"] += under_way
            if collector is not None:
                collector.add(sent, ctx, found)
        ctx.leave(sent)
    if collector is not None:
        rows = decided.apply(collector.decide(), article, rows, collector.support)
    for extractor, finish in finishers:
        rows[extractor.table] = finish(rows[extractor.table], article, ctx)
    if "relations" in rows and "sanctions" in rows:
        # a threatened sanction is also a threat, where its sentence speaks of one (after the
        # sanctions' finisher, which names the senders)
        rows["relations"] += relations.threats_of_sanctions(rows["sanctions"], rows["relations"], article)
    if "relations" in rows and "denials" in rows:
        # and a denial of a named accuser's claim answers that accusation
        rows["relations"] += relations.accusations_of_denials(rows["denials"], rows["relations"], article)
    # A denial points at the relation row of its claim only while that row exists (the models and
    # the finishers may have dropped it).
    kept = {r["relation_id"] for r in rows.get("relations", [])}
    rows["denials"] = [
        {**r, "denied_relation_id": r["denied_relation_id"] if r.get("denied_relation_id") in kept else None}
        for r in rows.get("denials", [])
    ]
    return {e.table: keep_best(rows[e.table], e.id_column) for e in REGISTRY}, rejects
