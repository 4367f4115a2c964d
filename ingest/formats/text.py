"""Plain-text sources: text exports of PDFs and form-feed separated page text.

Encoding: UTF-8 (with or without BOM) or UTF-16 with BOM. Anything else is
refused with a hint of what the bytes look like (a Windows-1252 file saved by
an old editor is the common case): guessing would silently corrupt names.

Layout (`layout.pages.split_pages` decides the shape):
- a text export has a preamble (title line and the site's "Relevanta
  dokument" list) up to a line `Transkript:`, then one paragraph per page,
  paragraphs separated by blank lines;
- otherwise pages are separated by form feeds (as `pdftotext` writes them);
- without form feeds, page markers in header or footer lines (`Sida 2 (9)`,
  `Sidan 2 av 9`, `2 (9)`) split the text into its pages, and a text without
  them is one page.
Pages are numbered by position (1, 2, …), whatever numbers their markers say.
Line ends are normalised to `\n` (as Python's text mode does).
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from styrgraf.ingest.layout.pages import PageText, split_pages
from styrgraf.ingest.sources import RawPage, SourceError, SourceFile

MEDIA_TYPE = "text/plain"

_BOMS_REFUSED = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
)
_TRANSCRIPT_LINE = re.compile(r"^[ \t]*Transkript:[ \t]*$", re.MULTILINE)
# Control bytes that never occur in text (NUL is judged separately, in open()).
_BINARY_CONTROLS = frozenset(range(1, 32)) - {9, 10, 11, 12, 13, 26, 27} | {127}

# High bytes of Swedish letters (å ä ö Å Ä Ö é É ü Ü) in legacy 8-bit encodings.
_LEGACY_ENCODINGS = (
    ("Windows-1252 (eller ISO-8859-1)", "Windows-1252 (or ISO-8859-1)",
     frozenset(b"\xe5\xe4\xf6\xc5\xc4\xd6\xe9\xc9\xfc\xdc")),
    ("en DOS-teckentabell (CP437/CP850)", "a DOS code page (CP437/CP850)",
     frozenset(b"\x86\x84\x94\x8f\x8e\x99\x82\x90\x81\x9a")),
    ("Mac Roman", "Mac Roman", frozenset(b"\x8c\x8a\x9a\x81\x80\x85\x8e\x83")),
)


def sniff(head: bytes) -> bool:
    """True if `head` looks like text in some encoding (decoding is checked in open)."""
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    sample = head.replace(b"\x00", b"")
    if not sample:
        return False
    controls = sum(1 for byte in sample if byte in _BINARY_CONTROLS)
    return controls <= len(sample) // 100


def open(path: Path, sha256: str, size: int, head: bytes = b"") -> SourceFile:  # noqa: A001 - plug-in API
    with path.open("rb") as fh:
        data = fh.read()
    text = _decode(path, data).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(path, "empty", "filen innehåller bara blanktecken", "the file contains only white space")

    match = _TRANSCRIPT_LINE.search(text)
    preamble = text[: match.start()] if match else None
    pages = [RawPage(number=n, lines=_trim_blank(_with_marker(text, page).split("\n")))
             for n, page in enumerate(split_pages(text), start=1)]
    if match and not pages:
        raise SourceError(path, "empty", "det finns ingen text efter raden 'Transkript:'",
                          "there is no text after the 'Transkript:' line")

    def read_pages() -> Iterator[RawPage]:
        return iter(pages)

    return SourceFile(path=path, sha256=sha256, size=size, media_type=MEDIA_TYPE,
                      preamble=preamble, page_count=len(pages), _read_pages=read_pages)


def _trim_blank(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def _with_marker(text: str, page: PageText) -> str:
    """The page's text with its page number, as the source has it: normalising the page drops it."""
    start, end = page.start, page.end
    if page.marker:
        start, end = min(start, page.marker[0]), max(end, page.marker[1])
    return text[start:end]


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _decode(path: Path, data: bytes) -> str:
    for bom, name in _BOMS_REFUSED:
        if data.startswith(bom):
            raise SourceError(path, "bad-encoding",
                              f"texten är kodad som {name}; spara om den som UTF-8",
                              f"the text is encoded as {name}; save it as UTF-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise SourceError(path, "bad-encoding",
                              f"texten har en UTF-16-BOM men är inte giltig UTF-16 (byte {err.start})",
                              f"the text has a UTF-16 BOM but is not valid UTF-16 (byte {err.start})") from err
        _refuse_nul_in_text(path, text)
        return text

    body = data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
    nul = body.find(b"\x00")
    if nul >= 0:
        sv, en = _describe_nul_bytes(body)
        raise SourceError(path, "bad-encoding",
                          f"texten innehåller NUL-tecken (första på rad {_line_of(body, nul)}); {sv}",
                          f"the text contains NUL bytes (first on line {_line_of(body, nul)}); {en}")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as err:
        sv, en = _guess_legacy(body)
        line = _line_of(body, err.start)
        raise SourceError(
            path, "bad-encoding",
            f"texten är inte UTF-8 (första felaktiga tecken på rad {line}); den ser ut att vara kodad som {sv}. "
            "Spara om filen som UTF-8",
            f"the text is not UTF-8 (first invalid byte on line {line}); it looks like {en}. Save it as UTF-8",
        ) from err


def _refuse_nul_in_text(path: Path, text: str) -> None:
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise SourceError(path, "bad-encoding",
                          f"texten innehåller NUL-tecken (första på rad {line}); filen är troligen skadad",
                          f"the text contains NUL characters (first on line {line}); the file is probably damaged")


def _describe_nul_bytes(data: bytes) -> tuple[str, str]:
    sample = data[:4096]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    # ASCII-heavy UTF-16 without BOM has a NUL in every other byte.
    if half and max(even, odd) >= 0.4 * half and min(even, odd) <= 0.05 * half:
        return ("den ser ut att vara UTF-16 utan BOM; spara om den som UTF-8",
                "it looks like UTF-16 without a BOM; save it as UTF-8")
    return ("filen är troligen skadad eller binär", "the file is probably damaged or binary")


def _guess_legacy(data: bytes) -> tuple[str, str]:
    high = [byte for byte in data if byte >= 0x80]
    best: tuple[float, str, str] = (0.0, "en okänd teckenkodning", "an unknown encoding")
    for sv, en, letters in _LEGACY_ENCODINGS:
        share = sum(1 for byte in high if byte in letters) / len(high) if high else 0.0
        if share > best[0] and share >= 0.5:
            best = (share, sv, en)
    return best[1], best[2]
