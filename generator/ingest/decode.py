"""Robust decoding of input bytes into text, with a one-line reason when a file is not text.

Policy (in order):
1. Empty or whitespace-only -> rejected "empty file".
2. A byte-order mark decides: UTF-8, UTF-32 or UTF-16 (LE/BE).
3. Known binary signatures (images, PDF, archives) or NUL/control bytes -> "binary file, not text"
   (so UTF-16 without a byte-order mark is refused too: it cannot be told from binary reliably).
4. Strict UTF-8.
5. Mostly UTF-8 with a few corrupt bytes (at most MAX_BAD_UTF8_SHARE of the bytes, and at least
   one valid multi-byte sequence) -> decoded as UTF-8 with U+FFFD where bytes were invalid: we
   keep the article and mark exactly what was lost rather than guess the missing characters.
6. Otherwise a Western single-byte encoding (Windows-1252, ISO-8859-15, Latin-1), chosen by
   charset-normalizer among those only (unrestricted detection mistakes English for cp1250).
Then ftfy repairs mojibake (UTF-8 read as Windows-1252 and saved again) without touching
quotes, ligatures or normalisation, and line endings become "\n".
"""

from __future__ import annotations

import codecs


MAX_BAD_UTF8_SHARE = 0.01  # more invalid bytes than this: the file is not UTF-8 at all
WESTERN_ENCODINGS = ["cp1252", "iso8859_15", "latin_1"]

# File signatures of common binary formats (first bytes), so an image is never read as text.
BINARY_SIGNATURES = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"%PDF-", b"PK\x03\x04", b"\x1f\x8b",
    b"\x7fELF", b"II*\x00", b"MM\x00*", b"\x00\x00\x01\x00", b"7z\xbc\xaf", b"Rar!\x1a",
    b"\xd0\xcf\x11\xe0",
)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# ftfy's fixes that are on: mojibake and control characters; the rest would rewrite the text.
_FTFY_OPTIONS = dict(
    unescape_html=False, fix_latin_ligatures=False, fix_character_width=False,
    uncurl_quotes=False, fix_line_breaks=False, remove_control_chars=True, normalization=None,
)


class NotText(ValueError):
    """The bytes are not usable text; the message is the one-line reason."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode input bytes; returns (text, encoding used). Raises NotText with the reason."""
    if not data.strip():
        raise NotText("empty file")
    encoding, text = _decode(data)
    text = normalise_text(text)
    if not text.strip():  # checked after the repair: "Â " (b"\xc2 ") becomes a lone no-break space
        raise NotText("empty file")
    return text, encoding


def normalise_text(text: str) -> str:
    """Repair mojibake and unify line endings; pure-ASCII text is returned as is (fast path)."""
    if not text.isascii():
        import ftfy  # here: most inputs are ASCII and never need it

        text = ftfy.fix_text(text, ftfy.TextFixerConfig(**_FTFY_OPTIONS))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u2028", "\n").replace("\u2029", "\n\n")


def _decode(data: bytes) -> tuple[str, str]:
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return codec.replace("-sig", ""), data.decode(codec)
            except UnicodeDecodeError:
                raise NotText(f"invalid {codec.upper()} text after its byte-order mark") from None
    if looks_binary(data):
        raise NotText("binary file, not text")
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return "utf-8 (invalid bytes replaced)", data.decode("utf-8", errors="replace")
    return _decode_western(data)


def looks_binary(data: bytes) -> bool:
    """A binary signature, a NUL byte, or many control bytes in the first 8 KB."""
    head = data[:8192]
    if head.startswith(BINARY_SIGNATURES) or b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > 0.05 * len(head)


def _mostly_utf8(data: bytes) -> bool:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return multibyte > 0 and bad <= MAX_BAD_UTF8_SHARE * len(data)


def _decode_western(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # here: only legacy-encoded files need it

    best = from_bytes(data, cp_isolation=WESTERN_ENCODINGS).best()
    if best is not None:
        return best.encoding, str(best)
    try:
        return "cp1252", data.decode("cp1252")
    except UnicodeDecodeError:
        return "latin_1", data.decode("latin_1")
