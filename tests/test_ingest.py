"""Every input format is read into articles; every unreadable input becomes one reject with a reason."""

from __future__ import annotations

import datetime as dt
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from relata import ingest

BODY = (
    "The foreign ministers of Japan and Vietnam met in Hanoi on Monday and agreed to expand "
    "cooperation in energy and infrastructure, officials said."
)

SCRAPED = f"""Japan and Vietnam agree to widen energy ties

Ministers meet in Hanoi ahead of a summit

Jane Roe
Published on:\u00a018 Jun 2024 7:18 AM GMT
Hanoi skyline
X

Taro Kono, PC: Social Media

{BODY}

Over 3 crore readers trust us for election results. Explore the latest updates here!

The two sides will meet again in Tokyo next year.

Jane Roe

Next Story
"""


def read_all(tmp_path, name, content, mode="w", **kw):
    p = tmp_path / name
    if mode == "wb":
        p.write_bytes(content)
    else:
        p.write_text(content, encoding=kw.pop("encoding", "utf-8"))
    out = []
    for u in ingest.plan_units(tmp_path):
        out += list(ingest.read_unit(u, ingest.Limits(**kw)))
    return out


def test_ingest_scraped_text_gives_title_author_date_and_a_clean_body(tmp_path):
    [a] = read_all(tmp_path, "a.txt", SCRAPED)
    assert isinstance(a, ingest.Article)
    assert a.title == "Japan and Vietnam agree to widen energy ties"
    assert a.author == "Jane Roe"
    assert a.published_at == dt.datetime(2024, 6, 18, 7, 18, tzinfo=dt.UTC)
    assert a.source_uri == "a.txt"
    assert BODY in a.text and "The two sides will meet again" in a.text
    for furniture in ("PC: Social Media", "Explore the latest", "Next Story", "\nX\n", "Hanoi skyline"):
        assert furniture not in a.text
    assert a.text.count("Jane Roe") == 0


def test_ingest_markdown(tmp_path):
    [a] = read_all(
        tmp_path,
        "a.md",
        f"# Japan and Vietnam agree\n\n*Published 2016-05-23*\n\n{BODY}\n\nRead **more** at [the site](http://x).\n",
    )
    assert a.title == "Japan and Vietnam agree"
    assert a.published_at.date() == dt.date(2016, 5, 23)
    assert "**" not in a.text and "](" not in a.text


def test_ingest_html_keeps_the_article_and_drops_the_page(tmp_path):
    html = f"""<html><head><title>Japan, Vietnam agree</title>
    <meta property="article:published_time" content="2016-03-20T18:00:00Z"><meta name="author" content="Jane Roe">
    </head><body><nav><a href="/">Home</a><a href="/w">World</a></nav><script>var tracking = 1;</script>
    <article><h1>Japan, Vietnam agree</h1><p>{BODY}</p><p>The two sides will meet again in Tokyo next year, the
    ministry said in a statement on its website.</p></article>
    <aside><a href="/x">Ten best beaches in Europe</a></aside><footer>Copyright 2016 News Corp</footer></body></html>"""
    [a] = read_all(tmp_path, "a.html", html)
    assert a.title == "Japan, Vietnam agree" and a.author == "Jane Roe"
    assert a.published_at.date() == dt.date(2016, 3, 20)
    assert BODY in a.text
    assert "tracking" not in a.text and "beaches" not in a.text and "Copyright" not in a.text


def _rows(n=2):
    return [
        {
            "id": f"r{i}",
            "title": f"Title {i}",
            "text": f"{BODY} Row {i}.",
            "url": f"http://x/{i}",
            "published": "2016-01-10",
            "outlet": "Wire",
        }
        for i in range(n)
    ]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_ingest_article_tables_use_the_row_id_as_source_uri(tmp_path, fmt):
    p = tmp_path / f"a.{fmt}"
    rows = _rows()
    if fmt == "jsonl":
        p.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    elif fmt == "csv":
        import csv

        with p.open("w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    else:
        pq.write_table(pa.Table.from_pylist(rows), p)
    out = [x for u in ingest.plan_units(tmp_path) for x in ingest.read_unit(u, ingest.Limits())]
    assert [a.source_uri for a in out] == ["r0", "r1"]
    assert out[0].title == "Title 0" and out[0].outlet == "Wire" and out[0].url == "http://x/0"
    assert out[0].text.startswith("Title 0\n\n")  # the headline is the first paragraph
    assert out[0].published_at.date() == dt.date(2016, 1, 10)


def test_ingest_table_units_can_be_split_into_row_ranges(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in _rows(5)) + "\n")
    [u] = ingest.plan_units(tmp_path)
    parts = ingest.split_unit(u, 2)
    assert [(x.start, x.stop) for x in parts] == [(0, 2), (2, 4), (4, 5)]
    got = [a.source_uri for x in parts for a in ingest.read_unit(x, ingest.Limits())]
    assert got == ["r0", "r1", "r2", "r3", "r4"]


def test_ingest_same_text_gives_the_same_article_id(tmp_path):
    a = ingest.article_id_for("Hello  world.\n\nSecond line.")
    b = ingest.article_id_for("Hello world.\nSecond   line.")
    assert a == b and len(a) == 32


@pytest.mark.parametrize(
    "name, content, mode, reason",
    [
        ("empty.txt", "", "w", "empty file"),
        ("blank.txt", "   \n\n ", "w", "empty file"),
        ("bin.txt", bytes(range(256)) * 20, "wb", "binary file"),
        ("one.txt", "Hello", "w", "article too short"),
        (
            "fr.txt",
            "Le président russe est attendu à Pyongyang mardi pour un sommet de deux jours avec le "
            "dirigeant nord-coréen, a annoncé le Kremlin dans un communiqué publié lundi soir.",
            "w",
            "not in English",
        ),
        ("x.docx", "whatever", "w", "unsupported file type .docx"),
    ],
)
def test_ingest_bad_file_is_one_reject_with_a_reason(tmp_path, name, content, mode, reason):
    out = read_all(tmp_path, name, content, mode)
    assert len(out) == 1 and isinstance(out[0], ingest.Reject), out
    assert out[0].reason.startswith(reason)


def test_ingest_too_large_article_is_rejected_not_truncated(tmp_path):
    [r] = read_all(tmp_path, "big.txt", "Title\n\n" + BODY * 200, max_chars=5_000)
    assert isinstance(r, ingest.Reject) and r.reason == "article too large"


@pytest.mark.parametrize(
    "encoding, bom",
    [
        ("latin-1", b""),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),
        ("utf-8", b"\xef\xbb\xbf"),
    ],
)
def test_ingest_reads_other_encodings(tmp_path, encoding, bom):
    text = "Café diplomacy\n\nFrance's président met Japan's foreign minister in Paris on Monday to discuss trade."
    [a] = read_all(tmp_path, "a.txt", bom + text.encode(encoding), "wb")
    assert isinstance(a, ingest.Article), a
    assert a.title == "Café diplomacy" and "président" in a.text


def test_ingest_html_escapes_in_plain_text_fields_are_resolved_in_title_and_text(tmp_path):
    # Datasets scraped from HTML keep its escapes in their text fields (a truncated headline ends in an
    # escaped bold ellipsis): the parser read the tags as words and lost the headline's statement.
    row = {
        "id": "esc",
        "title": "Kenya dismisses reports of a border clash &lt;i&gt;...&lt;/i&gt;",
        "text": f"{BODY} Ghana&#39;s envoy and the R&amp;D office agreed; a &lt; b stays, as does &notice.",
    }
    [a] = read_all(tmp_path, "a.jsonl", json.dumps(row) + "\n")
    assert a.title == "Kenya dismisses reports of a border clash ..."
    assert a.text.startswith(a.title + "\n\n")
    assert "Ghana's envoy and the R&D office agreed; a < b stays, as does &notice." in a.text
    assert "&lt;" not in a.text and "<i>" not in a.text
    # a text with no escapes is left as it came (its id with it), tags written as tags too
    plain = {"id": "plain", "text": f"{BODY} The <em>plan</em> stays as written."}
    (tmp_path / "b").mkdir()
    [b] = read_all(tmp_path / "b", "b.jsonl", json.dumps(plain) + "\n")
    assert "The <em>plan</em> stays as written." in b.text


def test_ingest_broken_json_line_is_rejected_and_the_rest_read(tmp_path):
    rows = _rows(3)
    lines = [json.dumps(rows[0]), "{not json", json.dumps(rows[2])]
    out = read_all(tmp_path, "a.jsonl", "\n".join(lines) + "\n")
    kinds = [type(x).__name__ for x in out]
    assert kinds == ["Article", "Reject", "Article"]
    assert out[1].reason == "malformed JSON line" and out[1].source_uri == "a.jsonl#2"


def test_ingest_csv_without_text_column_is_one_reject(tmp_path):
    [r] = read_all(tmp_path, "a.csv", "id,title\n1,Hello\n2,World\n")
    assert isinstance(r, ingest.Reject) and r.reason == "CSV file without a text column"


def test_ingest_html_without_body_is_rejected(tmp_path):
    [r] = read_all(tmp_path, "a.html", "<html><head><script>var a=1;</script></head></html>")
    assert isinstance(r, ingest.Reject)


def test_ingest_symlink_outside_the_input_is_not_followed(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("Title\n\n" + BODY)
    root = tmp_path / "in"
    root.mkdir()
    (root / "link.txt").symlink_to(outside)
    [r] = [x for u in ingest.plan_units(root) for x in ingest.read_unit(u, ingest.Limits())]
    assert isinstance(r, ingest.Reject) and "outside the input folder" in r.reason


def test_ingest_file_names_with_spaces_and_non_ascii_are_kept(tmp_path):
    [a] = read_all(tmp_path, "Hà Nội talks 2016.txt", "Title\n\n" + BODY)
    assert a.source_uri == "Hà Nội talks 2016.txt"


def test_ingest_windows_1252_quotes_decoded_as_latin1_are_repaired(tmp_path):
    text = "Title\n\nThe minister said \x93we will meet again\x94 in Tokyo next year, officials said."
    [a] = read_all(tmp_path, "a.txt", text)
    assert isinstance(a, ingest.Article) and "\u201cwe will meet again\u201d" in a.text
