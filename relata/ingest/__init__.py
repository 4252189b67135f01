"""Reading articles from files: every input becomes an Article or a Reject.

Inputs are detected by extension: ``.txt`` and ``.md`` (raw scraped text, the
normal case), ``.html``/``.htm`` (through trafilatura), and ``.jsonl``,
``.csv`` and ``.parquet`` tables of articles with the columns
``id, title, text, url, published, outlet``. All but Parquet may be
compressed (``a.jsonl.gz``; any compression fsspec infers from the name but
zip) and are unpacked as they are read. The members of a ``.zip`` archive are
read as the files of a folder would be. Reading is split in two so that
batches can be planned without reading every article first:
``plan_units`` lists the readable units (a file, or a range of rows of a
table) and ``read_unit`` reads one.

This is the API the rest of relata uses; each job has its module:

- planning.py: listing inputs (folders, files, URLs), what is not a regular file, fingerprints,
  counting tables' rows
- units.py: the Unit, and cutting a table's unit into row ranges
- readers.py: the reader registry (READERS: a file's kind to its reader) and read_unit
- text.py, html.py, tables.py: the readers of scraped text and Markdown, HTML pages, and tables
  (JSON Lines, CSV, Parquet)
- files.py: an input's bytes (local, remote, compressed, a zip member); archives.py: zip members
- decoding.py: bytes to clean text; articles.py: Article, Reject, Limits and the checks that
  make an article (size, prose, English)
"""

from relata.extractors.document import article_id_for
from relata.ingest.articles import (
    ENGLISH_MIN_SHARE,
    PROSE_MIN_LETTER_SHARE,
    Article,
    Limits,
    Reject,
    detect_language,
    letter_share,
    parse_date,
)
from relata.ingest.decoding import clean_text, decode
from relata.ingest.files import TooLarge
from relata.ingest.html import parse_html
from relata.ingest.planning import counted, fingerprint, plan_units
from relata.ingest.readers import READERS, Document, Table, read_unit
from relata.ingest.tables import TABLE_COLUMNS
from relata.ingest.text import is_boilerplate, parse_scraped_text
from relata.ingest.units import Unit, split_unit

# The size on disk of a compressed file says nothing of what it unpacks to (a few kilobytes of
# gzip can hold gigabytes): past these it is rejected instead of filling memory. A row is held
# whole while it is read, and so is a CSV file. The modules read them from here at each use, so
# that setting relata.ingest.MAX_TABLE_BYTES sets it everywhere.
MAX_TABLE_BYTES = 2 * 2**30
MAX_LINE_BYTES = 64 * 2**20

__all__ = [
    "ENGLISH_MIN_SHARE",
    "MAX_LINE_BYTES",
    "MAX_TABLE_BYTES",
    "PROSE_MIN_LETTER_SHARE",
    "READERS",
    "TABLE_COLUMNS",
    "Article",
    "Document",
    "Limits",
    "Reject",
    "Table",
    "TooLarge",
    "Unit",
    "article_id_for",
    "clean_text",
    "counted",
    "decode",
    "detect_language",
    "fingerprint",
    "is_boilerplate",
    "letter_share",
    "parse_date",
    "parse_html",
    "parse_scraped_text",
    "plan_units",
    "read_unit",
    "split_unit",
]
