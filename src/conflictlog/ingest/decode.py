"""Bytes to text, refusing what is not text rather than guessing blindly.

Order tried: a byte-order mark (UTF-8, UTF-16), plain UTF-8, then charset detection with
``charset_normalizer`` when it is installed (trafilatura depends on it). Whatever comes out
must not look like binary: NUL bytes or many control characters mean the bytes were never text.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from .inputs import HEAD_BYTES

try:  # optional: without it, text that is not UTF-8 is refused instead of guessed
    from charset_normalizer import from_bytes as _detect_charset
except ImportError:  # pragma: no cover - depends on the environment
    _detect_charset = None

# Share of control characters above which decoded "text" is taken for binary data.
MAX_CONTROL_RATIO = 0.01
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text of some bytes, or None with the reason in ``problem``."""

    text: str | None
    encoding: str | None = None
    problem: str = ""


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data``; ``declared`` is an encoding named by the container (an HTTP header)."""
    for encoding in _encodings_to_try(data, declared):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        return _checked(text, encoding)
    if b"\x00" in data:
        return Decoded(None, problem="the bytes contain NUL characters, so they are binary data, not text")
    return _detected(data)


def _encodings_to_try(data: bytes, declared: str | None) -> list[str]:
    if data.startswith(codecs.BOM_UTF8):
        return ["utf-8-sig"]
    if data.startswith(_UTF16_BOMS):
        return ["utf-16"]
    return ["utf-8"] + ([declared] if declared else [])


def _detected(data: bytes) -> Decoded:
    best = _detect_charset(data).best() if _detect_charset else None
    if best is None:
        return Decoded(None, problem="the bytes are not UTF-8 and no other text encoding fits them")
    return _checked(str(best), best.encoding)


def _checked(text: str, encoding: str) -> Decoded:
    if looks_binary(text):
        return Decoded(None, encoding, problem=f"decoded as {encoding}, the result is mostly control characters (binary data)")
    return Decoded(text, encoding)


def looks_binary(text: str) -> bool:
    """True when ``text`` has NULs or more than ``MAX_CONTROL_RATIO`` control characters."""
    if "\x00" in text:
        return True
    controls = sum(1 for ch in text if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc")
    return controls > MAX_CONTROL_RATIO * max(len(text), 1)


def decode_head(head: bytes) -> str | None:
    """Decode the first bytes of a file (for sniffing), tolerating a character cut in two at the end."""
    return decode_bytes(_without_cut_character(head)).text


def line_encoding(head: bytes) -> str:
    """The encoding to read a line-based file with, chosen from its first bytes."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith(_UTF16_BOMS):
        return "utf-16"
    head = _without_cut_character(head)
    if _mostly_utf8(head) or _detect_charset is None:
        return "utf-8"
    best = _detect_charset(head).best()
    # Without a better guess, read as UTF-8 so the bad lines are reported one by one.
    return best.encoding if best else "utf-8"


def _mostly_utf8(head: bytes) -> bool:
    """UTF-8 with damaged lines, rather than another encoding: some non-ASCII line is valid UTF-8."""
    valid = broken = 0
    for line in head.splitlines():
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            valid += 1
        except UnicodeDecodeError:
            broken += 1
    return valid > 0 or broken == 0


def _without_cut_character(head: bytes) -> bytes:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start >= len(head) - 3 and error.reason == "unexpected end of data":
            return head[: error.start]
    return head


def peek_line_encoding(stream: BinaryIO) -> str:
    """The encoding of a line-based stream, told from its first bytes without consuming them."""
    peek = getattr(stream, "peek", None)
    return line_encoding(peek(HEAD_BYTES)[:HEAD_BYTES]) if peek else "utf-8"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a line-based file: its 1-based number and text, or None when undecodable."""

    number: int
    text: str | None
    raw: bytes = b""


def decoded_lines(stream: BinaryIO, encoding: str) -> Iterator[Line]:
    """Lines of ``stream`` one at a time; a line that does not decode has ``text`` None."""
    if encoding == "utf-16":
        yield from _wide_lines(stream)
        return
    for number, raw in enumerate(stream, start=1):
        codec = "utf-8-sig" if number == 1 and encoding == "utf-8-sig" else encoding.removesuffix("-sig")
        try:
            yield Line(number, raw.decode(codec), raw)
        except UnicodeDecodeError:
            yield Line(number, None, raw)


def _wide_lines(stream: BinaryIO) -> Iterator[Line]:
    # UTF-16 cannot be split on b"\n"; the incremental decoder keeps it streaming.
    decoder = codecs.getincrementaldecoder("utf-16")(errors="replace")
    pending = ""
    number = 0
    for chunk in iter(lambda: stream.read(65536), b""):
        pending += decoder.decode(chunk)
        *complete, pending = pending.split("\n")
        for text in complete:
            number += 1
            yield Line(number, text + "\n")
    pending += decoder.decode(b"", final=True)
    if pending:
        yield Line(number + 1, pending)
