"""From parsed articles to rows of the four extracted tables.

Each table has its own module with one plain function from a parsed article
to rows (``extract_relations``, ``extract_sanctions``, ``extract_denials``,
``extract_cooperation``); ``extract_all`` runs them in the order their
dependencies need (denials point at relation rows).
"""

from __future__ import annotations

from extractors import cooperation, denials, relations, sanctions
from extractors.document import ParsedArticle

VERSIONS: dict[str, str] = {
    "relations": relations.VERSION,
    "sanctions": sanctions.VERSION,
    "denials": denials.VERSION,
    "cooperation": cooperation.VERSION,
}


def extract_all(article: ParsedArticle) -> tuple[dict[str, list[dict]], list[dict]]:
    """Rows per table, and what the extractors could not resolve (for ``rejects``)."""
    rejects: list[dict] = []
    rel = relations.extract_relations(article)
    out = {
        "relations": rel,
        "sanctions": sanctions.extract_sanctions(article, rejects),
        "denials": denials.extract_denials(article, rel),
        "cooperation": cooperation.extract_cooperation(article),
    }
    return out, rejects
