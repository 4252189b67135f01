"""Zip archives: their members are inputs as the files of a folder would be, and a member that
cannot be read safely (a name that climbs out, a link, an encrypted or oddly compressed member, an
archive in the archive, a table larger than a table may be) is a reject. Only the archive's
directory is read when planning; files.open_archive opens members when they are read."""

from __future__ import annotations

import dataclasses
import re
import stat
import zipfile
from collections import Counter

# ingest is the package: its MAX_TABLE_BYTES is read at each use, not copied here, so that setting it
# there sets it for every reader.
from relata import ingest
from relata.ingest import files, readers
from relata.ingest.units import Unit


def archive_units(path: str, uri: str, fp: dict | None = None) -> list[Unit]:
    """The members of a zip archive, each a unit as a file in a folder would be, in name order."""
    try:
        with files.open_file(path) as fh, zipfile.ZipFile(fh) as zf:
            infos = zf.infolist()
    except Exception as e:  # noqa: BLE001 - any unreadable archive becomes a reject
        return [Unit(path, uri, problem=f"unreadable zip archive: {e}")]
    copies = Counter(i.filename for i in infos)
    units = []
    for info in sorted({i.filename: i for i in infos if not i.is_dir()}.values(), key=lambda i: i.filename):
        name = info.filename
        problem = _member_problem(info, copies[name])
        u = (
            Unit(f"{path}/{name}", f"{uri}/{name}", problem=problem)
            if problem
            else readers.classify(f"{path}/{name}", f"{uri}/{name}", info.file_size)
        )
        units.append(dataclasses.replace(u, member=name, remote_fingerprint=fp))
    return units or [Unit(path, uri, problem="empty zip archive")]


_UNSAFE_NAME = re.compile(r"^(?:[/\\]|[A-Za-z]:)|(?:^|[/\\])\.\.(?:[/\\]|$)")


def _member_problem(info: zipfile.ZipInfo, copies: int) -> str | None:
    name = info.filename
    # Nothing is unpacked to disk, but such a name is the mark of an archive made to write
    # outside the folder it is unpacked in ("zip slip"), and its source_uri would lie about where it is.
    if _UNSAFE_NAME.search(name):
        return "unsafe member name (an absolute path, or with ..): not read"
    if copies > 1:
        return f"{copies} members of the archive have this name: none read"
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "symbolic link in the archive: not followed"
    if stat.S_IFMT(mode) and not stat.S_ISREG(mode):
        return files.not_regular(mode)
    if info.flag_bits & 0x1:
        return "encrypted archive member: not read"
    # zipfile bounds what a deflated member unpacks to at each read; bzip2 and LZMA members are
    # unpacked a whole compressed chunk at a time, so their declared size would not bound memory.
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        method = {zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "lzma"}.get(info.compress_type, str(info.compress_type))
        return f"archive member compressed with {method}: only stored and deflated members are read"
    if files.is_archive(name):
        return "archive inside an archive: not read"
    # The declared size bounds what zipfile unpacks (it stops there and checks the CRC), so it is
    # what the limits are checked against: a table's here, an article's when it is read.
    if readers.is_table(name) and info.file_size > ingest.MAX_TABLE_BYTES:
        return f"table too large: {info.file_size} bytes uncompressed, more than {ingest.MAX_TABLE_BYTES}"
    return None
