"""What every extracted row carries: provenance, a stable id and an event date."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from relata.extractors import dates, syntax
from relata.extractors.document import ParsedArticle, Sentence, stable_id


def provenance(article: ParsedArticle, sent: Sentence, version: str, confidence: float) -> dict:
    return {
        "article_id": article.meta.article_id,
        "sentence_index": sent.index,
        "char_start": sent.start,
        "char_end": sent.end,
        "evidence": sent.text,
        "extractor_version": version,
        "confidence": round(max(0.0, min(1.0, confidence)), 3),
    }


def row_id(table: str, article: ParsedArticle, sent: Sentence, *key: object) -> str:
    return stable_id(table, article.meta.article_id, sent.index, *key)


def event_date(tok: Token, article: ParsedArticle, *, future: bool) -> tuple[dt.date | None, str | None]:
    """The date the sentence gives for the event word, resolved against the publication date.

    News uses the present progressive for the near future ("X is visiting Y on Tuesday"),
    so a weekday under it points forward; the past progressive does not ("On Saturday, the EU
    urged ..., saying it was providing aid": judged on unseen articles, dated to the next Saturday).
    """
    verb = tok if syntax.is_verb(tok) else syntax.governing_verb(tok)
    if verb is not None and verb.tag_ == "VBG" and syntax.present_progressive(verb):
        future = True
    for ent in syntax.date_spans(tok):
        r = dates.resolve(ent.text, article.meta.published_at, future=future)
        if r:
            return r
    return None, None


def status_from_date(
    status: str, day: dt.date | None, precision: str | None, article: ParsedArticle, tok: Token | None = None
) -> str:
    """An event dated after publication has not happened yet.

    A later day, wherever the date stands; with the event word ``tok``, also a later month or year
    ("will visit Brazil next month") or a time still to come ("is travelling to India next week":
    judged on unseen articles, such trips were stored as occurred), when the expression belongs to
    the event word's own clause ("said he planned to visit Moscow next week" does not put the saying
    ahead).
    """
    if status != "occurred":
        return status
    pub = article.meta.published_at
    if day and pub and precision == "day" and day > pub.date():
        return "planned"
    if tok is None or pub is None:
        return status
    clause = _clause_of(tok)
    for ent in syntax.date_spans(tok):
        if _clause_of(ent.root) != clause:  # spaCy makes a new Token object on every access: compare by value
            continue
        if dates.points_ahead(ent.text):
            return "planned"
        if syntax.told_as_past(clause):
            # "Russia delivered the first part to India in April", in a March article: the past tense
            # says it happened, so the bare month belongs to an earlier year, not to a plan
            continue
        r = dates.resolve(ent.text, pub)
        if r and r[1] == "month" and (r[0].year, r[0].month) > (pub.year, pub.month):
            return "planned"
        if r and r[1] == "year" and r[0].year > pub.year:
            return "planned"
    return status


def _clause_of(tok: Token) -> Token | None:
    return tok if syntax.is_verb(tok) else syntax.governing_verb(tok)


def keep_best(rows: list[dict], id_column: str) -> list[dict]:
    """One row per id (the same key twice in a sentence is one report), the most confident kept;
    the most certain rows first, so readers that keep one row per key keep the best one."""
    best: dict[str, dict] = {}
    for r in rows:
        cur = best.get(r[id_column])
        if cur is None or r["confidence"] > cur["confidence"]:
            best[r[id_column]] = r
    return sorted(best.values(), key=lambda r: (-r["confidence"], r["sentence_index"]))
