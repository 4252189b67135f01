"""Bytes to clean text: the encoding a file came in (byte-order marks, UTF-16 without one, legacy
code pages), control characters, and one blank line between paragraphs."""

from __future__ import annotations

import html
import io
import re
import unicodedata
from typing import BinaryIO

from relata.ingest.files import Stream

BOMS = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
]


def decode(raw: bytes) -> tuple[str, str | None]:
    """Text of a file in whatever encoding it came in, or the reason it is not text."""
    if not raw.strip():
        return "", "empty file"
    for bom, enc in BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(enc.replace("-sig", "")), None
            except UnicodeDecodeError as e:
                return "", f"undecodable {enc} text: {e}"
    head = raw[:4096]
    if b"\x00" in head:
        # UTF-16 without a BOM has a NUL in every other byte of ASCII text.
        even, odd = head[0::2].count(0), head[1::2].count(0)
        utf16 = "utf-16-be" if even > len(head) * 0.3 else "utf-16-le" if odd > len(head) * 0.3 else None
        if utf16 is None:
            return "", "binary file"
        try:
            return raw.decode(utf16), None
        except UnicodeDecodeError:
            return "", "binary file"
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        return "", "undecodable text: not UTF-8 and no other encoding fits"
    return str(best), None


def after_bom(fh: BinaryIO) -> tuple[io.BufferedReader, str | None]:
    """The stream past its byte-order mark, and the encoding the mark names (None without one)."""
    head = fh.read(4)
    for bom, enc in BOMS:
        if head.startswith(bom):
            return io.BufferedReader(Stream(fh, head[len(bom) :]), 1 << 20), enc.replace("-sig", "")
    return io.BufferedReader(Stream(fh, head), 1 << 20), None


def control_ratio(text: str) -> float:
    """Control characters (other than line breaks and tabs) among the characters of a text."""
    n = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t")
    return n / max(len(text), 1)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _c1_to_cp1252() -> dict[int, str]:
    # Text decoded as Latin-1 when it was Windows-1252 carries C1 controls where the quotes and
    # dashes were (\x93 for a left double quote): put the intended characters back.
    out = {}
    for c in range(0x80, 0xA0):
        try:
            out[c] = bytes([c]).decode("cp1252")
        except UnicodeDecodeError:
            out[c] = ""
    return out


C1 = _c1_to_cp1252()
HSPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


# Feeds and datasets scraped from HTML carry its escapes in plain-text fields (AG News titles end in
# "&lt;b&gt;...&lt;/b&gt;", others "B&amp;R"): escaped inline tags (text styling) are dropped, then each
# entity or character reference is resolved. Tags written as tags are left as they are: a "<" in prose
# stays, and the text of an article that had no escapes (so its id) does not change.
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#[0-9]{2,6}|#x[0-9a-fA-F]{2,5});")
_ESCAPED_TAG = re.compile(r"&lt;/?(?:b|i|u|em|strong|span|font|br|a)(?:\s(?:(?!&gt;).)*)?/?&gt;", re.IGNORECASE)


def unescape_markup(text: str) -> str:
    """Text with the inline tags HTML escapes hid removed and its character references resolved."""
    if "&" not in text or not _ENTITY.search(text):
        return text
    # (each reference alone, with its semicolon: html.unescape of the whole text would also read "&notice" as
    # "¬ice", a legacy reference without one)
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), _ESCAPED_TAG.sub("", text))


def clean_text(text: str) -> str:
    """Unicode-normalised text with one blank line between paragraphs, HTML escapes resolved."""
    text = unescape_markup(text)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n").translate(C1))
    text = text.replace("\u200b", "").replace("\ufeff", "")
    paras = []
    for line in text.split("\n"):
        line = HSPACE.sub(" ", _CONTROL.sub("", line)).strip()
        if line:
            paras.append(line)
    return "\n\n".join(paras)
