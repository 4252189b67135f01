"""Annotated sets with evidence: loading, checking, and finding the quotes.

An annotated set is the contract's gold format (``shared/CONTRACT.md``,
"Annotated sets"); a training set adds ``"evidence"`` to every item: exact
quotes of the sentences that state it, several quotes of one passage joined
by " … " (``shared/ANNOTATION.md``). This module is the one place that knows
the format: the annotation scripts in ``data/annotations/``, the tests and
the training-data converter all read it through here.

Nothing here loads a model or reads a corpus by itself: texts are passed in.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from relata.schemas.vocabularies import (
    COOPERATION_AREAS,
    COOPERATION_STATUSES,
    DENIED_TYPES,
    ORGANISATIONS,
    RELATION_STATUSES,
    RELATION_TYPES,
    SANCTION_ACTIONS,
    SANCTION_MEASURES,
    SANCTION_REASONS,
)

TABLES = ("relations", "sanctions", "denials", "cooperation")
ELLIPSIS = " … "

# Fields of an item per table: (required actor fields, nullable actor fields, {field: allowed values}).
_ITEM_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], dict[str, tuple[str, ...]]]] = {
    "relations": (("source", "target"), (), {"type": RELATION_TYPES, "status": RELATION_STATUSES}),
    "sanctions": (("target",), ("sender", "stated_by"), {"action": SANCTION_ACTIONS}),
    "denials": (("denier",), ("accuser",), {"denied_type": DENIED_TYPES}),
    "cooperation": (("a", "b"), (), {"area": COOPERATION_AREAS, "status": COOPERATION_STATUSES}),
}
_EXTRA_FIELDS = {
    "relations": {"source_person", "target_person"},
    "sanctions": {"target_entity", "measures", "reason", "reason_categories"},
    "denials": {"denied_claim"},
    "cooperation": set(),
}
_ITEM_META = {"optional", "evidence", "any_of", "note"}


def normalise(text: str) -> str:
    """Whitespace-normalised NFC text: how quotes and article texts are compared."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def quote_parts(quote: str) -> list[str]:
    """The passages of one evidence quote (several sentences joined by " … ")."""
    return [p for p in (normalise(x) for x in re.split(r"\s*…\s*", quote)) if p]


def _actor_codes() -> frozenset[str]:
    global _ACTORS
    if _ACTORS is None:
        import pycountry

        from relata.extractors.lexicon import excluded_codes

        states = {c.alpha_3 for c in pycountry.countries} - excluded_codes()
        _ACTORS = frozenset(states) | frozenset(ORGANISATIONS)
    return _ACTORS


_ACTORS: frozenset[str] | None = None


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an annotation line: where, and what."""

    source_uri: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.source_uri}: {self.where}: {self.message}"


def read_jsonl(path: Path) -> list[dict]:
    """Lines of an annotation file; a line that is not a JSON object raises with its number."""
    out = []
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: not JSON: {e}") from None
            if not isinstance(obj, dict) or "source_uri" not in obj:
                raise ValueError(f"{path}:{n}: not an annotation line (no source_uri)")
            out.append(obj)
    return out


def alternatives(item: dict) -> list[dict]:
    """The readings of an item: its ``any_of`` list, or the item itself."""
    return list(item["any_of"]) if item.get("any_of") else [item]


def _check_reading(table: str, uri: str, where: str, reading: dict) -> Iterator[Problem]:
    required, nullable, closed = _ITEM_FIELDS[table]
    actors = _actor_codes()
    allowed = set(required) | set(nullable) | set(closed) | _EXTRA_FIELDS[table] | _ITEM_META
    for key in reading:
        if key not in allowed:
            yield Problem(uri, where, f"unknown field {key!r}")
    for f in required:
        if reading.get(f) not in actors:
            yield Problem(uri, where, f"{f} {reading.get(f)!r} is not an actor code")
    for f in nullable:
        if reading.get(f) is not None and reading.get(f) not in actors:
            yield Problem(uri, where, f"{f} {reading.get(f)!r} is not an actor code or null")
    for f, values in closed.items():
        if reading.get(f) not in values:
            yield Problem(uri, where, f"{f} {reading.get(f)!r} is not in the vocabulary")
    pair = {"relations": ("source", "target"), "cooperation": ("a", "b")}.get(table)
    if pair and reading.get(pair[0]) == reading.get(pair[1]):
        yield Problem(uri, where, f"{pair[0]} and {pair[1]} are the same actor")
    if table == "sanctions" and reading.get("action") in ("condemned", "threatened") and not reading.get("stated_by"):
        yield Problem(uri, where, f"a {reading.get('action')} sanction needs stated_by")
    if table == "sanctions":
        for m in reading.get("measures") or []:
            if m not in SANCTION_MEASURES:
                yield Problem(uri, where, f"measure {m!r} is not in the vocabulary")
        for c in reading.get("reason_categories") or []:
            if c not in SANCTION_REASONS:
                yield Problem(uri, where, f"reason category {c!r} is not in the vocabulary")


def check_line(line: dict, text: str | None, *, need_evidence: bool = True) -> list[Problem]:
    """Every problem of one annotation line; ``text`` (title and body) checks the quotes."""
    uri = str(line.get("source_uri"))
    problems: list[Problem] = []
    for key in line:
        if key not in ("source_uri", *TABLES):
            problems.append(Problem(uri, "line", f"unknown key {key!r}"))
    haystack = normalise(text) if text is not None else None
    for table in TABLES:
        items = line.get(table, [])
        if not isinstance(items, list):
            problems.append(Problem(uri, table, "not a list"))
            continue
        for k, item in enumerate(items):
            where = f"{table}[{k}]"
            if not isinstance(item, dict):
                problems.append(Problem(uri, where, "not an object"))
                continue
            if "any_of" in item and (not isinstance(item["any_of"], list) or len(item["any_of"]) < 2):
                problems.append(Problem(uri, where, "any_of needs two or more readings"))
                continue
            for r, reading in enumerate(alternatives(item)):
                problems += _check_reading(table, uri, f"{where}.any_of[{r}]" if "any_of" in item else where, reading)
            if "optional" in item and not isinstance(item["optional"], bool):
                problems.append(Problem(uri, where, "optional must be true or false"))
            evidence = item.get("evidence")
            if evidence is None:
                if need_evidence:
                    problems.append(Problem(uri, where, "no evidence"))
                continue
            if (
                not isinstance(evidence, list)
                or not evidence
                or not all(isinstance(q, str) and q.strip() for q in evidence)
            ):
                problems.append(Problem(uri, where, "evidence must be a non-empty list of quotes"))
                continue
            if haystack is not None:
                for q in evidence:
                    for part in quote_parts(q):
                        if part not in haystack:
                            problems.append(Problem(uri, where, f"quote not in the text: {part[:80]!r}"))
    return problems


def keys_of(table: str, item: dict) -> set[tuple]:
    """The scoring keys of an item's readings (``relata.evaluate`` defines the keys)."""
    from relata.evaluate import KEYS

    return {KEYS[table](r) for r in alternatives(item)}


def locate(text: str, quote: str) -> list[tuple[int, int]]:
    """Character spans in ``text`` of each passage of ``quote``, whitespace-insensitively.

    A passage that is not found is left out; the caller decides whether that is
    an error (the checks above make it one for committed annotations).
    """
    spans = []
    for part in quote_parts(quote):
        pattern = r"\s+".join(re.escape(w) for w in part.split(" "))
        m = re.search(pattern, unicodedata.normalize("NFC", text))
        if m:
            spans.append((m.start(), m.end()))
    return spans


def iter_items(line: dict) -> Iterable[tuple[str, dict]]:
    for table in TABLES:
        for item in line.get(table, []):
            yield table, item


# --- corpus documents ----------------------------------------------------------


def article_text(doc: dict) -> str:
    """Title and body as ingest builds an article from a table row (the headline first)."""
    title = (doc.get("title") or "").strip()
    text = doc.get("text") or ""
    return f"{title}\n\n{text}" if title and text.strip() and not text.startswith(title) else text


def corpus_documents(corpora: Path, ids: Iterable[str] | None = None) -> dict[str, dict]:
    """Documents of the JSON Lines corpora in ``corpora`` by id (all, or those in ``ids``)."""
    wanted = set(ids) if ids is not None else None
    docs: dict[str, dict] = {}
    for path in sorted(Path(corpora).glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                d = json.loads(line)
                if wanted is None or d["id"] in wanted:
                    d["corpus"] = path.name
                    docs[d["id"]] = d
    return docs
