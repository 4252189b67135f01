"""Scraped text and Markdown (``.txt``, ``.md``, ``.markdown``): the title, byline, date and body
of a news page saved as text, without its page furniture."""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

from relata.ingest.articles import parse_date
from relata.ingest.decoding import HSPACE

# Lines that are page furniture wherever they are ("Share this article"), one regular expression a
# row, in relata/data/ (package data of relata).
BOILERPLATE = Path(__file__).parent.parent / "data" / "boilerplate.csv"


@functools.cache
def _boilerplate() -> list[re.Pattern]:
    with BOILERPLATE.open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return [re.compile(r["pattern"], re.IGNORECASE) for r in rows]


def is_boilerplate(line: str) -> bool:
    return any(p.fullmatch(line) for p in _boilerplate())


_DATE_LINE = re.compile(
    r"^\W*(?:published|posted|updated|last updated|date)(?:\s+on)?\s*:?\s*(?P<date>.+?)\W*$", re.IGNORECASE
)
_MD_MARKUP = re.compile(r"(^#{1,6}\s+)|(\*\*|__|(?<!\w)[*_](?!\s)|(?<!\s)[*_](?!\w))")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)]$")


def _strip_markdown(line: str) -> str:
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_MARKUP.sub("", line)
    return line.lstrip(">").strip()


def parse_scraped_text(text: str, markdown: bool = False) -> dict:
    """Title, byline, date and body of raw scraped text.

    The layout this expects is that of scraped news pages: the headline on the
    first line, then a standfirst, a byline, a "Published on: <date>" line,
    captions and credits, the body paragraphs, and page furniture at the end.
    Short lines without sentence punctuation (captions, bylines, lone "X"
    share buttons) carry no statements, so they are dropped from the body;
    lines matching the boilerplate list are dropped wherever they are.
    """
    lines = [HSPACE.sub(" ", ln).strip() for ln in text.replace("\r", "").split("\n")]
    if markdown:
        lines = [_strip_markdown(ln) for ln in lines]
    lines = [ln for ln in lines if ln]
    if not lines:
        return {"text": ""}
    title = lines[0]
    published = author = None
    date_idx = None
    for i, ln in enumerate(lines[1:15], start=1):
        m = _DATE_LINE.match(ln)
        if m and parse_date(m.group("date")) is not None:
            published, date_idx = m.group("date"), i
            prev = lines[i - 1] if i - 1 > 0 else None
            if prev and _is_short_label(prev):
                author = prev
            break
    body = []
    for i, ln in enumerate(lines[1:], start=1):
        if i == date_idx or (author and ln == author) or ln == title:
            continue
        if is_boilerplate(ln) or _is_short_label(ln):
            continue
        body.append(ln)
    return {"title": title, "author": author, "published": published, "text": "\n\n".join([title] + body)}


def parse_markdown(text: str) -> dict:
    """Scraped text in Markdown: read as scraped text once headings, emphasis and links are plain."""
    return parse_scraped_text(text, markdown=True)


def _is_short_label(line: str) -> bool:
    return len(line.split()) <= 4 and not _SENTENCE_END.search(line)
