"""What the extractors receive: an article's metadata and its parsed sentences."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the build's coordinating process never imports spaCy
    from spacy.tokens import Doc


@dataclass(frozen=True)
class ArticleMeta:
    article_id: str
    published_at: dt.datetime | None = None
    title: str | None = None


@dataclass
class Mention:
    """An actor mentioned in a sentence, resolved to its code."""

    code: str  # resolved actor code ("" when not an actor); for coref, what it refers to
    start: int  # token offsets in the sentence doc
    end: int
    kind: str  # country, demonym, capital, institution, organisation, leader, person, coref
    person: str | None = None
    text: str = ""
    key: str = ""  # what the ruler matched (a leader alias, a coref rule), kept for re-resolution
    official: bool = False  # a person who acts in an office (a leader, a minister, a spokesperson)

    def __post_init__(self) -> None:
        if not self.key:
            self.key = self.code

    @property
    def is_person(self) -> bool:
        return self.person is not None


@dataclass
class Sentence:
    """One sentence of the cleaned text, with its parse when it was parsed.

    Sentences are cut by a rule-based splitter that does not depend on the
    parser, so ``index`` and the character span are the same whether or not
    the statistical model ran on the sentence.
    """

    index: int
    start: int  # character offsets in the cleaned text
    end: int
    text: str
    doc: Doc | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class ParsedArticle:
    meta: ArticleMeta
    text: str
    sentences: list[Sentence]

    def opens_with_title(self) -> bool:
        """Whether sentence 0 is the headline (the article's title, told again by the body)."""
        title = (self.meta.title or "").strip()
        return bool(title) and bool(self.sentences) and self.sentences[0].text.strip() == title


_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The form of the text that identifies an article, whatever its whitespace or Unicode form."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def stable_id(*parts: object, length: int = 32) -> str:
    """A stable hex key from its parts (the same parts always give the same key)."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


def article_id_for(text: str) -> str:
    return stable_id("article", normalise_text(text))
