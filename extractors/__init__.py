"""From parsed articles to rows of the four extracted tables.

Each table has its own module with one plain function from a parsed article
to rows (``relations.extract_relations``, ``sanctions.extract_sanctions``,
``denials.extract_denials``, ``cooperation.extract_cooperation``);
``extract_all`` runs them in the order their dependencies need (denials
point at relation rows). The modules are imported on first use so that
importing ``extractors.version`` or ``extractors.document`` does not load
spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from relata.extractors.version import VERSIONS

if TYPE_CHECKING:
    from relata.extractors.document import ParsedArticle

__all__ = ["VERSIONS", "extract_all"]


def extract_all(article: ParsedArticle) -> tuple[dict[str, list[dict]], list[dict]]:
    """Rows per table, and what the extractors could not resolve (for ``rejects``)."""
    from relata.extractors import cooperation, denials, relations, sanctions

    rejects: list[dict] = []
    rel = relations.extract_relations(article)
    out = {
        "relations": rel,
        "sanctions": sanctions.extract_sanctions(article, rejects),
        "denials": denials.extract_denials(article, rel),
        "cooperation": cooperation.extract_cooperation(article),
    }
    return out, rejects
