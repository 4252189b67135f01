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


def extract_all(article: ParsedArticle) -> tuple[dict[str, list[dict]], list[dict]]:
    """Rows per table, and what the extractors could not resolve (for ``rejects``)."""
    from relata.extractors.actors import ArticleContext
    from relata.extractors.rows import keep_best

    functions = [(e, importlib.import_module(f"relata.extractors.{e.module}").extract_sentence) for e in REGISTRY]
    rows: dict[str, list[dict]] = {e.table: [] for e in REGISTRY}
    rejects: list[dict] = []
    ctx = ArticleContext(article)
    for sent in article.sentences:
        ctx.enter(sent)
        if sent.doc is not None:
            for extractor, extract in functions:
                rows[extractor.table] += extract(sent, ctx, article, rows, rejects)
        ctx.leave(sent)
    return {e.table: keep_best(rows[e.table], e.id_column) for e in REGISTRY}, rejects
