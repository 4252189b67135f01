"""Lexicon files are checked when they load, actor kinds come from the registry, and each table's
version covers only what decides its rows."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from relata.extractors import lexicon, lexicon_files
from relata.extractors.registry import COMMON_LEXICONS, REGISTRY
from relata.extractors.version import versions
from relata.schemas import vocabularies

EXTRACTORS = Path(lexicon.__file__).parent


def test_lexicon_every_file_loads_and_passes_its_checks():
    lexicon.load_all()
    declared = set(lexicon.SCHEMAS)
    on_disk = {p.name for p in lexicon.LEXICON_DIR.glob("*.csv")}
    assert on_disk == declared


@pytest.fixture
def lexicon_copy(tmp_path, monkeypatch):
    """A copy of the lexicon folder the loader reads instead (caches cleared around the test)."""
    copy = tmp_path / "lexicons"
    shutil.copytree(lexicon.LEXICON_DIR, copy)
    monkeypatch.setattr(lexicon_files, "LEXICON_DIR", copy)
    yield copy


def _line_of(path: Path, prefix: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if line.startswith(prefix))


@pytest.mark.parametrize(
    "file, old, new, message",
    [
        (
            "relation_triggers.csv",
            "visit,VERB,visit,",
            "visit,VERB,vist,",
            "relation_type 'vist' is not a relation type",
        ),
        (
            "relation_triggers.csv",
            "visit,VERB,visit,042,subj,obj",
            "visit,VERB,visit,042,subject,obj",
            "source 'subject' is not a role",
        ),
        ("sanction_actions.csv", "impose,imposed,", "impose,impossed,", "action 'impossed' is not a sanction action"),
        ("demonyms.csv", "AFG,Afghan\n", "AFX,Afghan\n", "code 'AFX' is not an actor code"),
        ("cooperation_cues.csv", ",agreed\n", ",agred\n", "status 'agred' is not a cooperation status"),
    ],
)
def test_lexicon_a_bad_value_names_the_file_the_line_and_the_value(lexicon_copy, file, old, new, message):
    path = lexicon_copy / file
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    line = _line_of(path, new.split("\n")[0]) if not new.startswith(",") else None
    with pytest.raises(lexicon.LexiconError) as err:
        lexicon.rows(file)
    assert str(err.value).startswith(f"{file}, line ") and message in str(err.value)
    if line is not None:
        assert f"line {line}:" in str(err.value)


def test_lexicon_an_undeclared_file_is_refused(lexicon_copy):
    (lexicon_copy / "typos.csv").write_text("a,b\n1,2\n")
    with pytest.raises(lexicon.LexiconError, match=r"typos\.csv: not a declared lexicon file"):
        lexicon.rows("typos.csv")


@pytest.mark.parametrize("code", ["G20", "WTO", "IMF", "SCO", "GCC", "G7", "EU", "UN"])
def test_actor_registry_three_letter_organisations_are_not_countries(code):
    assert not vocabularies.is_country(code)
    assert vocabularies.actor_kind(code) in ("organisation", "bloc")
    assert vocabularies.is_actor_code(code)


@pytest.mark.parametrize("code", ["RUS", "PRK", "USA", "TWN", "PSE"])
def test_actor_registry_states_are_countries(code):
    assert vocabularies.is_country(code) and vocabularies.actor_kind(code) == "country"


def test_relation_types_are_defined_once():
    # The contract's types, their codes and their symmetry come from schemas/relation_types.csv alone.
    assert lexicon.relation_types() is vocabularies.RELATION_TYPE_CODES
    assert not (lexicon.LEXICON_DIR / "relation_types.csv").exists()


@pytest.mark.parametrize("extractor", [e.table for e in REGISTRY])
def test_version_editing_one_extractor_changes_only_its_table(tmp_path, extractor):
    copy = tmp_path / "extractors"
    shutil.copytree(EXTRACTORS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = versions(copy)
    name = next(e.module for e in REGISTRY if e.table == extractor)
    module = copy / f"{name}.py"
    module.write_text(module.read_text() + "\n# an edited comment\n")
    after = versions(copy)
    # Its table, and the tables that declare they depend on its module (denials point at relations
    # rows; relations and cooperation each make rows of the other's: carried_out, under_way).
    dependants = {e.table for e in REGISTRY if name in e.modules}
    assert {t for t in before if before[t] != after[t]} == {extractor} | dependants
    assert dependants <= {"denials", "relations", "cooperation"}


def test_version_editing_a_tables_lexicon_changes_only_the_tables_that_read_it(tmp_path):
    copy = tmp_path / "extractors"
    shutil.copytree(EXTRACTORS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = versions(copy)
    path = copy / "lexicons" / "sanction_reasons.csv"
    path.write_text(path.read_text() + "\n# a comment\n")
    after = versions(copy)
    # the sanction lexicons decide sanctions, the threats that threatened sanctions are (relations), and so
    # the denials that point at relations rows, and cooperation through the sanction words; not the
    # cooperation table's own version through a sanction lexicon it does not read
    assert {t for t in before if before[t] != after[t]} == {"sanctions", "relations", "denials"}
    before = after
    path = copy / "lexicons" / "sanction_terms.csv"
    path.write_text(path.read_text() + "\n# a comment\n")
    after = versions(copy)
    assert {t for t in before if before[t] != after[t]} == {"sanctions", "relations", "denials", "cooperation"}
    # the cooperation lexicons decide cooperation, the relations made of cooperation under way, and
    # the denials that point at those relations rows
    path = copy / "lexicons" / "cooperation_areas.csv"
    path.write_text(path.read_text() + "\n# a comment\n")
    assert {t for t in after if after[t] != versions(copy)[t]} == {"cooperation", "relations", "denials"}


def test_version_every_declared_lexicon_is_in_some_tables_version():
    # A lexicon file no extractor lists would change rows without changing any version, and an
    # incremental build would keep the stale rows (title_abbreviations.csv, read by the tokenizers, was
    # missing until 2026-12; the slow probe below sees only the files the sample article happens to read)
    from relata.extractors.lexicon_files import SCHEMAS

    listed = set(COMMON_LEXICONS) | {name for e in REGISTRY for name in e.lexicons}
    assert set(SCHEMAS) <= listed
    assert {p.name for p in (EXTRACTORS / "lexicons").glob("*.csv")} <= listed


PROBE = """
import json, sys
from relata.extractors import lexicon, lexicon_files
from relata.extractors.pipeline import load_parser, load_scanner, parse_article
from relata.extractors.document import ArticleMeta, article_id_for
from relata.extractors.actors import ArticleContext
from relata.extractors.registry import BY_TABLE
import importlib, datetime as dt

text = open(sys.argv[2]).read()
load_scanner(); load_parser()
art = parse_article(ArticleMeta(article_id_for(text), dt.datetime(2016, 7, 1, tzinfo=dt.timezone.utc)), text,
                    prefilter=False)
for name in ("relation_triggers", "relation_types"):
    pass
read = set()
real = lexicon.rows
def spy(name):
    read.add(name)
    return real(name)
lexicon.rows = spy
for f in list(vars(lexicon).values()):
    if hasattr(f, "cache_clear"):
        f.cache_clear()
e = BY_TABLE[sys.argv[1]]
extract = importlib.import_module(f"relata.extractors.{e.module}").extract_sentence
ctx = ArticleContext(art)
rows = {"relations": []}
for s in art.sentences:
    ctx.enter(s)
    if s.doc is not None:
        rows.setdefault(e.table, [])
        rows[e.table] += extract(s, ctx, art, rows, [])
    ctx.leave(s)
print(json.dumps(sorted(read)))
"""


@pytest.mark.slow
@pytest.mark.parametrize("extractor", [e for e in REGISTRY], ids=lambda e: e.table)
def test_version_covers_every_lexicon_the_extractor_reads(extractor):
    import json

    sample = Path(__file__).resolve().parents[1] / "data" / "sample" / "2016-07-01-eu-extends-russia-sanctions.txt"
    res = subprocess.run(
        [sys.executable, "-c", PROBE, extractor.table, str(sample)], capture_output=True, text=True, timeout=300
    )
    assert res.returncode == 0, res.stderr[-2000:]
    read = set(json.loads(res.stdout.splitlines()[-1]))
    assert read <= set(COMMON_LEXICONS) | set(extractor.lexicons)
