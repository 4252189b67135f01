"""No crash on any text (issue 7, guarantee 4): whatever text reaches the extractors,
they return rows that validate and point at their evidence.

Hypothesis feeds arbitrary Unicode, very long sentences, deeply nested
parentheses and sentences made only of actor names to ``parse_article`` and
``extract_all``. The spaCy model is slow, so example counts stay modest; half
the examples skip the prefilter so that the parser runs on every sentence.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from relata import schemas
from relata.extractors import extract_all, lexicon
from relata.extractors.document import ArticleMeta, article_id_for
from relata.extractors.pipeline import parse_article

PUBLISHED = dt.datetime(2024, 6, 18, tzinfo=dt.UTC)
SLOW = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

ACTORS = sorted({t.phrase for t in lexicon.actor_terms()} | set(lexicon.leaders().terms_by_name))
TRIGGERS = sorted(lexicon.scan_words().any)
FILLER = [
    "the",
    "a",
    "of",
    "to",
    "and",
    "that",
    "will",
    "said",
    "on",
    "Tuesday",
    "in",
    "with",
    "not",
    "after",
    "June 19",
    "last year",
    "its",
    "their",
    "allegedly",
    "denied",
    ",",
    ";",
    '"',
    "'s",
]
WORDS = st.one_of(st.sampled_from(ACTORS), st.sampled_from(TRIGGERS), st.sampled_from(FILLER))


def check_article(text: str, prefilter: bool) -> None:
    """The invariants every extracted row keeps, whatever the text."""
    meta = ArticleMeta(article_id_for(text), PUBLISHED, None)
    parsed = parse_article(meta, text, prefilter=prefilter)
    rows, rejects = extract_all(parsed)
    assert set(rows) == set(schemas.EXTRACTED_TABLES)
    for table, table_rows in rows.items():
        _, bad = schemas.split_valid(table, table_rows)
        assert bad == [], f"{table} rows failed validation: {bad[:2]}"
        for r in table_rows:
            assert 0 <= r["char_start"] < r["char_end"] <= len(text), r
            assert r["evidence"] == text[r["char_start"] : r["char_end"]], r
    for r in rejects:
        assert r["reason"] and r["stage"], r


@SLOW
@given(text=st.text(max_size=400), prefilter=st.booleans())
@example(text="", prefilter=False)
@example(text="\n\n\x00\u200b\ufeff \t", prefilter=False)
@example(text="Russia\u0301 visited\u00a0China.\u2028Китай осудил Японию. 日本は中国を訪問した。", prefilter=False)
def test_extractors_arbitrary_unicode_gives_valid_rows(text, prefilter):
    check_article(text, prefilter)


@settings(SLOW, max_examples=15)  # each is a parse of up to 600 words at once: 0.5 s
@given(words=st.lists(WORDS, min_size=150, max_size=600), prefilter=st.booleans())
def test_extractors_very_long_sentence_gives_valid_rows(words, prefilter):
    # One sentence: no full stop anywhere, so the parser gets all of it at once.
    check_article(" ".join(words).replace(".", ""), prefilter)


@SLOW
@given(
    depth=st.integers(1, 300),
    inner=st.lists(WORDS, min_size=1, max_size=12),
    brackets=st.sampled_from(["()", "[]", "{}", "«»"]),
    prefilter=st.booleans(),
)
@example(depth=300, inner=["Russia", "accused", "Ukraine", "of", "attacking", "Moscow"], brackets="()", prefilter=False)
def test_extractors_deeply_nested_parentheses_give_valid_rows(depth, inner, brackets, prefilter):
    o, c = brackets
    text = "Japan said " + o * depth + " ".join(inner) + c * depth + " China visited Russia."
    check_article(text, prefilter)


@SLOW
@given(
    names=st.lists(st.sampled_from(ACTORS), min_size=1, max_size=40),
    sep=st.sampled_from([" ", ", ", " and ", ". ", "\n", "'s "]),
    prefilter=st.booleans(),
)
@example(names=["Russia", "Russia"], sep=" and ", prefilter=False)
def test_extractors_sentences_of_actor_names_only_give_valid_rows(names, sep, prefilter):
    check_article(sep.join(names) + ".", prefilter)


@pytest.mark.parametrize("prefilter", [False])
def test_extractors_real_sentence_mix_gives_valid_rows(prefilter):
    # A sanity anchor for the properties above: text that does produce rows of every kind.
    text = (
        "Russia denied supplying weapons to North Korea, which Washington alleged on Tuesday. "
        "The EU imposed sanctions on Iran over drones. Japan and Vietnam agreed to cooperate in energy. "
        "Putin will visit Pyongyang next week."
    )
    meta = ArticleMeta(article_id_for(text), PUBLISHED, None)
    rows, _ = extract_all(parse_article(meta, text, prefilter=prefilter))
    assert sum(len(v) for v in rows.values()) > 0
    check_article(text, prefilter)


def test_articles_parsed_together_get_the_parses_and_rows_they_get_parsed_alone():
    # The build parses short articles a group at a time (pipeline.parse_articles) for speed; a
    # sentence is still parsed on its own, so nothing may change but the time.
    from relata.extractors.pipeline import parse_articles
    from relata.settings import SAMPLE_DIR

    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE_DIR.glob("*.txt"))]
    metas = [ArticleMeta(article_id_for(t), PUBLISHED, None) for t in texts]
    together = parse_articles(list(zip(metas, texts)), batch_size=64)
    for meta, text, grouped in zip(metas, texts, together):
        alone = parse_article(meta, text)
        assert [s.doc is None for s in grouped.sentences] == [s.doc is None for s in alone.sentences]
        for a, b in zip(alone.sentences, grouped.sentences):
            if a.doc is not None:
                assert [(t.dep_, t.head.i, t.tag_, t.ent_type_) for t in a.doc] == [
                    (t.dep_, t.head.i, t.tag_, t.ent_type_) for t in b.doc
                ]
        assert extract_all(grouped) == extract_all(alone)
