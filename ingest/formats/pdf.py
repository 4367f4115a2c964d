"""PDF sources, read with pdfplumber.

`open` checks the file before any page is used: it must be complete (end with
`%%EOF`), parse, not be encrypted (any encryption dictionary, even one with an
empty user password, is refused: we cannot promise verbatim text from it), and
have a text layer (some page yields readable text; a scan does not).

`SourceFile.pages()` streams: it walks the page tree itself instead of using
`pdfplumber.PDF.pages` (which builds every page object up front), closes each
page after extracting its text and turns off pdfminer's object cache, so a
500-page document is not held in memory.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.pdfpage import PDFPage
from pdfplumber.page import Page as PlumberPage
from pdfplumber.utils.exceptions import PdfminerException

from styrgraf.ingest.sources import RawPage, SourceError, SourceFile

MEDIA_TYPE = "application/pdf"

_HEADER_WINDOW = 1024  # the PDF spec lets the header start within the first 1024 bytes
_EOF_WINDOW = 2048  # `%%EOF` near the end; some producers append a little junk
_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")


def sniff(head: bytes) -> bool:
    return b"%PDF-" in head[:_HEADER_WINDOW]


def open(path: Path, sha256: str, size: int, head: bytes = b"") -> SourceFile:  # noqa: A001 - plug-in API
    _check_complete(path, size)
    with _opened(path) as pdf:
        page_count = _check_pages(path, pdf)

    def read_pages() -> Iterator[RawPage]:
        return _stream_pages(path)

    return SourceFile(path=path, sha256=sha256, size=size, media_type=MEDIA_TYPE,
                      preamble=None, page_count=page_count, _read_pages=read_pages)


def _corrupt(path: Path, sv: str, en: str) -> SourceError:
    return SourceError(path, "corrupt-pdf", f"PDF-filen är skadad: {sv}", f"the PDF is corrupt: {en}")


def _check_complete(path: Path, size: int) -> None:
    with path.open("rb") as fh:
        fh.seek(max(0, size - _EOF_WINDOW))
        tail = fh.read()
    if b"%%EOF" not in tail:
        raise _corrupt(path, "den är avkortad (slutmarkeringen %%EOF saknas), kanske en avbruten nedladdning",
                       "it is truncated (no %%EOF marker), perhaps an interrupted download")


@contextmanager
def _opened(path: Path) -> Iterator[pdfplumber.PDF]:
    """A pdfplumber PDF over our own file handle; refuses encrypted files."""
    fh: BinaryIO = path.open("rb")
    try:
        try:
            pdf = pdfplumber.PDF(fh, stream_is_external=True, path=path)
        except PdfminerException as err:
            cause = err.args[0] if err.args else err
            if isinstance(cause, PDFEncryptionError) or _declares_encryption(path):
                raise _encrypted(path) from err
            raise _corrupt(path, "den går inte att tolka", f"it cannot be parsed ({cause!r})") from err
        except Exception as err:  # pdfminer raises many kinds; all mean a broken file
            if _declares_encryption(path):
                raise _encrypted(path) from err
            raise _corrupt(path, "den går inte att tolka", f"it cannot be parsed ({err!r})") from err
        if pdf.doc.encryption is not None:
            raise _encrypted(path)
        pdf.doc.caching = False  # keep memory flat: resolved objects are not kept
        try:
            yield pdf
        finally:
            # Not pdf.close(): that would build every page object just to close it.
            pdf.flush_cache()
    finally:
        fh.close()


def _declares_encryption(path: Path) -> bool:
    """Whether the raw bytes name an encryption dictionary.

    Only asked when pdfminer fails: an encryption scheme it does not support
    must be reported as encryption, not as a broken file.
    """
    chunk_size = 1 << 20
    tail = b""
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(chunk_size), b""):
            if b"/Encrypt" in tail + chunk:
                return True
            tail = chunk[-16:]
    return False


def _encrypted(path: Path) -> SourceError:
    return SourceError(path, "encrypted-pdf",
                       "PDF-filen är krypterad eller lösenordsskyddad; spara en oskyddad kopia och försök igen",
                       "the PDF is encrypted or password protected; save an unprotected copy and retry")


def _page_objects(path: Path, pdf: pdfplumber.PDF) -> Iterator[PlumberPage]:
    doctop = 0.0
    pages = PDFPage.create_pages(pdf.doc)
    number = 0
    while True:
        try:
            page_obj = next(pages)
            number += 1
            page = PlumberPage(pdf, page_obj, page_number=number, initial_doctop=doctop)
        except StopIteration:
            return
        except Exception as err:
            raise _corrupt(path, f"sidförteckningen går inte att läsa (vid sida {number + 1})",
                           f"the page tree is unreadable (at page {number + 1}: {err!r})") from err
        doctop += page.height
        yield page


def _page_lines(path: Path, page: PlumberPage) -> list[str]:
    try:
        text = page.extract_text() or ""
    except Exception as err:
        raise _corrupt(path, f"sidan {page.page_number} går inte att läsa",
                       f"page {page.page_number} cannot be read ({err!r})") from err
    finally:
        page.close()
    return [line for line in text.split("\n") if line.strip()]


def _has_text(lines: list[str]) -> bool:
    # Glyphs without a Unicode mapping come out as `(cid:NN)`: not readable text.
    return any(ch.isalnum() for line in lines for ch in _UNMAPPED_GLYPH.sub("", line))


def _check_pages(path: Path, pdf: pdfplumber.PDF) -> int:
    """Count the pages and make sure at least one of them has readable text."""
    count = 0
    found_text = False
    for page in _page_objects(path, pdf):
        count += 1
        if not found_text:
            found_text = _has_text(_page_lines(path, page))
        else:
            page.close()
    if count == 0:
        raise _corrupt(path, "den innehåller inga sidor", "it has no pages")
    if not found_text:
        raise SourceError(path, "no-text-layer",
                          "PDF-filen saknar textlager (troligen en inskannad bild); den behöver OCR-behandlas först",
                          "the PDF has no text layer (probably a scanned image); it needs OCR first")
    return count


def _stream_pages(path: Path) -> Iterator[RawPage]:
    with _opened(path) as pdf:
        for page in _page_objects(path, pdf):
            yield RawPage(number=page.page_number, lines=_page_lines(path, page))
