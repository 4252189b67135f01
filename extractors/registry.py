"""The extractors, one per extracted table: what each makes, in which order, and from what.

A plain data module (it imports no spaCy): the build reads it to version each
table, ``extract_all`` to run the extractors. Each extractor is a module of
this package with one function, ``extract_sentence(sent, ctx, article,
earlier, rejects) -> rows``, called for every parsed sentence with the one
``ArticleContext`` of the article (``earlier``: the rows the extractors
before it made so far in the article), and optionally
``finish_article(rows, article, ctx) -> rows``, called once the whole article
is read (the sanctions' implicit sender may be named only later).

A table's version covers only what decides its rows: its own module, the
shared modules it uses, the lexicon files it reads, the trained models that
decide it (their weights, thresholds and calibration), and the modules and
lexicons every extractor shares (actor resolution, syntax, the prefilter's
pipeline). Editing one extractor re-extracts its table alone.

Adding a table: its columns in ``schemas/``, one module here with
``extract_sentence``, one entry below, one golden case (CONTRIBUTING.md).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Extractor:
    table: str
    id_column: str  # rows with the same id are one row: the most confident is kept
    module: str  # relata.extractors.<module>.extract_sentence makes the rows
    modules: tuple[str, ...] = ()  # shared modules it uses beyond COMMON_MODULES
    lexicons: tuple[str, ...] = ()  # lexicon files it reads beyond COMMON_LEXICONS
    models: tuple[str, ...] = ()  # trained models (extractors/models/<name>/) that decide its rows


# Used by every extractor: the article model, actor resolution, syntax, the pipelines (the prefilter
# decides which sentences are parsed), dates and row helpers, and this orchestration.
COMMON_MODULES = (
    "__init__",
    "registry",
    "document",
    "actors",
    "syntax",
    "pipeline",
    "lexicon",
    "lexicon_files",
    "rows",
    "dates",
)
COMMON_LEXICONS = (
    "capitals.csv",
    "coreference.csv",
    "countries.csv",
    "countries_excluded.csv",
    "demonyms.csv",
    "function_words.csv",
    "institutions.csv",
    "irregular_verbs.csv",
    "lemma_fixes.csv",
    "leaders_part1.csv",
    "leaders_part2.csv",
    "leaders_part3.csv",
    "leaders_part4.csv",
    "leaders_part5.csv",
    "leaders_part6.csv",
    "leaders_part7.csv",
    "personal_unions.csv",
    "modality.csv",
    "non_actors.csv",
    "object_classes.csv",
    "offices.csv",
    "organizations.csv",
    "speech_verbs.csv",
    "title_abbreviations.csv",  # (the tokenizers' special cases: pipeline.py)
)

SANCTION_LEXICONS = (
    "sanction_actions.csv",
    "sanction_condemnation.csv",
    "sanction_measures.csv",
    "sanction_reasons.csv",
    "sanction_senders.csv",
    "sanction_terms.csv",
)
# Relations and denials decide each other's rows: a denial points at the relations row of its claim,
# an accusation a denial names escapes the models' veto (decided.vouched) and is made where missing
# (relations.accusations_of_denials); relations also make rows of the cooperation under way
# (relations.carried_out) and of threatened sanctions (relations.threats_of_sanctions), and cooperation
# reads the sanction words ("economic sanctions" is no area). All read the same code and lexicons.
EVENT_MODULES = (
    "events",
    "roles",
    "relations",
    "denials",
    "cooperation",
    "sanctions",
    "candidates",
    "learned",
    "decided",
    "architectures",
)
EVENT_LEXICONS = (
    "relation_triggers.csv",
    "relation_type_rules.csv",
    "goldstein.csv",
    "places.csv",
    "state_schemes.csv",
    "cooperation_areas.csv",
    "cooperation_cues.csv",
    "denial_triggers.csv",
    "bloc_members.csv",
    *SANCTION_LEXICONS,
)

# In the order they run: denials point at the relation rows of their claim.
REGISTRY: tuple[Extractor, ...] = (
    Extractor(
        "relations",
        "relation_id",
        "relations",
        modules=EVENT_MODULES,
        lexicons=EVENT_LEXICONS,
        models=("pairs",),
    ),
    Extractor(
        "sanctions",
        "sanction_id",
        "sanctions",
        lexicons=SANCTION_LEXICONS,
        modules=("candidates", "learned", "decided", "architectures"),
        models=("sanctions",),
    ),
    Extractor(
        "denials",
        "denial_id",
        "denials",
        # denied_relation_id points at a relations row, kept only while that row exists: whatever
        # decides the relations rows decides it too.
        modules=EVENT_MODULES,
        lexicons=EVENT_LEXICONS,
        models=("pairs",),
    ),
    Extractor(
        "cooperation",
        "cooperation_id",
        "cooperation",
        # events, roles, relations and their lexicons: economic cooperation carried out (a relations
        # row) is cooperation under way (under_way)
        lexicons=(
            "cooperation_areas.csv",
            "cooperation_cues.csv",
            "relation_triggers.csv",
            "relation_type_rules.csv",
            "goldstein.csv",
            "places.csv",
            "state_schemes.csv",
            "sanction_terms.csv",  # ("economic sanctions" is no area: the sanction words)
            "bloc_members.csv",  # (the relations rows it reads: meetings of a bloc's members)
        ),
        modules=("candidates", "learned", "decided", "architectures", "events", "roles", "relations", "sanctions"),
        models=("pairs",),
    ),
)
BY_TABLE = {e.table: e for e in REGISTRY}
