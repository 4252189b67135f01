"""The prefilter: which sentences the build parses (``pipeline.scan_article``).

Parsing is the build's one real cost, and the named entity recogniser half of it, so a sentence is
parsed only if it can give a row: two actors, or one actor with a word that can make a row with what
the sentence holds. Words whose every reading needs an object of a class ("said" criticises only
when it calls someone a pejorative) need a word of that class beside them.
"""

from __future__ import annotations

import pytest

from relata.extractors.document import ArticleMeta
from relata.extractors.pipeline import scan_article


def parsed(sentence: str) -> bool:
    _, todo = scan_article(ArticleMeta("prefilter-test", None, None), sentence)
    return todo == [0]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Kenyan finance minister said the harvest came late this year.",  # "said" without a pejorative
        "Brazil's economy grew by two percent in the spring.",  # an area with no word of cooperation
        "Norway pledged loyalty to its own traditions.",  # an aid verb with no goods nor sum
    ],
)
def test_prefilter_one_actor_and_only_words_that_need_another_word_is_not_parsed(sentence):
    assert not parsed(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Kenyan minister said the plan was absurd and dangerous.",  # the pejorative is there
        "Brazil plans to cooperate in energy.",  # a word of cooperation
        "Norway pledged $40 million on Monday.",  # a sum
        "Norway pledged more humanitarian aid.",  # the goods
        "Iran denied the report.",  # a word that makes a row on its own
        "The EU extended its sanctions.",
    ],
)
def test_prefilter_one_actor_and_a_word_that_can_make_a_row_is_parsed(sentence):
    assert parsed(sentence)


def test_prefilter_two_actors_are_parsed_whatever_the_words():
    # (the trained extractors read any pair)
    assert parsed("Chile and Peru said little about the harvest.")


def test_prefilter_no_actor_is_not_parsed():
    assert not parsed("The minister denied the report and called it absurd.")


# Short articles whose rows need a sentence that names one actor and no trigger word, written for the
# review of the prefilter (each lost its row, or got a wrong one, when only trigger words counted).
ARTICLES = [
    # a deed a claim calls a violation ("violated" is no trigger)
    "Syrian jets bombed Idlib on Sunday. Ankara said they had violated the truce.",
    # the sentence before "he" tells who he is
    "Macron condemned Russia's strikes on Monday. Scholz said the harvest came late this year. "
    "He also criticised Russia's blockade of the ports.",
    # an official said to be in a capital is visiting it
    "Kishida left Tokyo on Sunday. The prime minister said in Ankara on Monday that the weather was fine.",
    # a sum in words
    "Kenya's president thanked Seoul. South Korea pledged millions of dollars to them.",
    # trade that no cooperation word cues
    "Chile and Peru signed a deal in March. Commerce between the two countries has grown.",
]


@pytest.mark.parametrize("text", ARTICLES)
def test_prefilter_leaves_the_rows_of_the_full_parse(text):
    import datetime as dt

    from relata.extractors import extract_all
    from relata.extractors.document import article_id_for
    from relata.extractors.pipeline import parse_article

    meta = ArticleMeta(article_id_for(text), dt.datetime(2024, 6, 18, tzinfo=dt.UTC), None)
    full = extract_all(parse_article(meta, text, prefilter=False), learned=False)
    assert any(full[0].values())
    assert extract_all(parse_article(meta, text, prefilter=True), learned=False) == full
