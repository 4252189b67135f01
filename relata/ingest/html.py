"""HTML pages (``.html``, ``.htm``): the article in a page, found by trafilatura, without the
page's navigation, comments and boilerplate lines."""

from __future__ import annotations

from relata.ingest.text import is_boilerplate


def parse_html(html: str) -> dict | None:
    """Title, author, date, URL, site name and text of the article in a page; None if it has none."""
    # Imported here: trafilatura (and lxml) cost a process that reads no HTML time and memory.
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if doc is None:
        return None
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = d.get("text") or ""
    if not body.strip():
        return None
    title = d.get("title")
    lines = [ln for ln in body.split("\n") if ln.strip() and not is_boilerplate(ln.strip())]
    if title and lines and lines[0].strip() == title.strip():
        lines = lines[1:]
    text = "\n\n".join(([title] if title else []) + lines)
    return {
        "title": title,
        "author": d.get("author"),
        "published": d.get("date"),
        "url": d.get("url"),
        "outlet": d.get("sitename"),
        "text": text,
    }
