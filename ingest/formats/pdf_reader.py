"""Reading a PDF's text with PDFium, in a process of its own.

Run by `ingest.formats.pdf` as `python -m styrgraf.ingest.formats.pdf_reader
PATH LIMITS_JSON`, or forked with those arguments by a warm starter process
(`--serve`, `pdf_reader_starter`); it writes one JSON object to stdout: `{"pages": [[line,
...], ...]}` or `{"error": {"code", "reason", "reason_en"}}`. Its own process,
because a hostile file can exhaust memory or time in C code that no check
in-process could interrupt: the process has an address space limit, and the
parent kills it past the time limit.

The file is read in one pass: it must parse, open without a password (an
encryption dictionary with an empty user password, i.e. only editing
restrictions, is decrypted and read: the text is the same verbatim text), stay
within the limits, and have a text layer (some page yields readable text; a
scan does not). The text comes from PDFium (`pdf_lines` gives its lines the
shape pdfplumber's had); pdfminer parses the same file alongside, page by page,
to decode within the budget what PDFium is about to inflate for the page
(`pdf_page_streams`), since PDFium's own decoding cannot be stopped. Pages are
loaded one at a time and closed after their text is taken, and pdfminer's
object cache is off, so a 500-page document is not held in memory. The file's
bytes are held, one copy (at most `ingest.sources`' size limit), read once: both parsers
read them from memory, not with a system call per few hundred bytes, and PDFium
reads the very bytes pdfminer budgeted.
"""
from __future__ import annotations

import io
import json
import logging
import os
import re
import resource
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser, PDFSyntaxError
from pdfminer.pdftypes import resolve1

from styrgraf.ingest.formats import pdf_budget, pdf_warm_up
from styrgraf.ingest.formats.pdf import corrupt, encrypted
from styrgraf.ingest.formats.pdf_lines import page_lines
from styrgraf.ingest.formats.pdf_page_streams import PageStreams
from styrgraf.ingest.limits import MB, LimitExceeded, ReadLimits
from styrgraf.ingest.sources import SourceError

_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")
_PASSWORD_ERRORS = (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)


class _Document(PDFDocument):
    """pdfminer's document, keeping what it parsed out of object streams.

    With the object cache off (so decoded streams are not kept), pdfminer
    decodes and parses a whole object stream again for every object it takes
    from it: quadratic in a file that packs its page objects into object
    streams, as most office suites' PDFs do. The objects parsed out of object
    streams are kept instead, with the object stream itself: they hold no
    streams, only dictionaries and arrays, a small part of the file.
    """

    def _getobj_objstm(self, stream, index: int, objid: int) -> object:
        parsed = self._parsed_objs.get(stream.objid)
        if parsed is None:
            parsed = self._parsed_objs[stream.objid] = self._get_objects(stream)
            self._cached_objs[stream.objid] = (stream, stream.genno)
        objs, n = parsed
        try:
            return objs[n * 2 + index]
        except IndexError as err:
            raise PDFSyntaxError(f"index too big: {index!r}") from err


@contextmanager
def _parsed(path: Path, data: bytes) -> Iterator[PDFDocument]:
    """pdfminer's view of the file, for the budget; refuses files that need a password."""
    try:
        document = _Document(PDFParser(io.BytesIO(data)), password="")
    except MemoryError:  # the address space limit: reported as such, not as a broken file
        raise
    except PDFEncryptionError as err:
        raise encrypted(path) from err
    except Exception as err:  # pdfminer raises many kinds; all mean a broken file
        if _declares_encryption(data):
            raise encrypted(path) from err
        raise corrupt(path, "den går inte att tolka", f"it cannot be parsed ({err!r})") from err
    document.caching = False  # keep memory flat: resolved objects are not kept
    yield document


@contextmanager
def _opened(path: Path, data: bytes) -> Iterator[pdfium.PdfDocument]:
    """PDFium's view of the file, for the text."""
    try:
        pdf = pdfium.PdfDocument(data, password=None)
    except pdfium.PdfiumError as err:
        if getattr(err, "err_code", None) in _PASSWORD_ERRORS:
            raise encrypted(path) from err
        raise corrupt(path, "den går inte att tolka", f"it cannot be parsed ({err})") from err
    try:
        yield pdf
    finally:
        pdf.close()


def _declares_encryption(data: bytes) -> bool:
    """Whether the raw bytes name an encryption dictionary.

    Only asked when pdfminer fails: an encryption scheme it does not support
    must be reported as encryption, not as a broken file.
    """
    return b"/Encrypt" in data


def _declared_pages(document: PDFDocument) -> int:
    try:
        return int(resolve1(resolve1(document.catalog["Pages"])["Count"]))
    except Exception:  # a broken page tree is reported when it is walked
        return 0


def _page_objects(path: Path, document: PDFDocument) -> Iterator[PDFPage]:
    """pdfminer's pages, one at a time; a page tree it cannot walk is a broken file."""
    pages = PDFPage.create_pages(document)
    number = 0
    while True:
        try:
            page = next(pages)
        except StopIteration:
            return
        except MemoryError:
            raise
        except Exception as err:
            raise corrupt(path, f"sidförteckningen går inte att läsa (vid sida {number + 1})",
                          f"the page tree is unreadable (at page {number + 1}: {err!r})") from err
        number += 1
        yield page


def _page_lines(path: Path, pdf: pdfium.PdfDocument, number: int, limits: ReadLimits) -> list[str]:
    try:
        page = pdf[number - 1]
    except pdfium.PdfiumError as err:
        raise corrupt(path, f"sidan {number} går inte att läsa", f"page {number} cannot be read ({err})") from err
    try:
        text_page = page.get_textpage()
        try:
            if text_page.count_chars() > limits.page_chars:
                raise LimitExceeded("page_chars", number)
            return page_lines(page, text_page, text_page.get_text_range())
        finally:
            text_page.close()
    except pdfium.PdfiumError as err:
        raise corrupt(path, f"sidan {number} går inte att läsa", f"page {number} cannot be read ({err})") from err
    finally:
        page.close()


def _has_text(lines: list[str]) -> bool:
    # Glyphs without a Unicode mapping come out as `(cid:NN)`: not readable text.
    return any(ch.isalnum() for line in lines for ch in _UNMAPPED_GLYPH.sub("", line))


def read_pages(path: Path, limits: ReadLimits) -> list[list[str]]:
    """Every page's text lines; raises SourceError or LimitExceeded."""
    return read_document(path, path.read_bytes(), limits)


def read_document(path: Path, data: bytes, limits: ReadLimits) -> list[list[str]]:
    """Every page's text lines of the PDF `data` (the file at `path`, named in errors)."""
    pages: list[list[str]] = []
    with pdf_budget.charging(limits) as budget, _parsed(path, data) as document, _opened(path, data) as pdf:
        streams = PageStreams(budget)
        if max(len(pdf), _declared_pages(document)) > limits.pages:  # cheap: refused before any page is read
            raise LimitExceeded("pages")
        walked = _page_objects(path, document)
        for number in range(1, len(pdf) + 1):
            page = next(walked, None)
            if page is None:  # a page PDFium sees but pdfminer does not could not be budgeted
                raise corrupt(path, f"sidförteckningen går inte att läsa (vid sida {number})",
                              f"the page tree is unreadable (at page {number})")
            budget.start_page(number)
            streams.charge(page)
            pages.append(_page_lines(path, pdf, number, limits))
    if not pages:
        raise corrupt(path, "den innehåller inga sidor", "it has no pages")
    if not any(_has_text(lines) for lines in pages):
        raise SourceError(path, "no-text-layer",
                          "PDF-filen saknar textlager (troligen en inskannad bild); den behöver OCR-behandlas först",
                          "the PDF has no text layer (probably a scanned image); it needs OCR first")
    return pages


def warm_up() -> None:
    """Read the starter's own document (`pdf_warm_up`), so that the processes it forks start warm."""
    read_document(Path("warm-up.pdf"), pdf_warm_up.document(), ReadLimits())


def _error(code: str, reason: str, reason_en: str, **extra: object) -> dict:
    return {"error": {"code": code, "reason": reason, "reason_en": reason_en, **extra}}


def _answer(path: Path, limits: ReadLimits) -> dict:
    try:
        return {"pages": read_pages(path, limits)}
    except SourceError as err:
        return _error(err.code, err.reason, err.reason_en)
    except LimitExceeded as err:
        return _error("limit-exceeded", "", "", limit=err.name, page=err.page)
    except MemoryError:
        return _error("limit-exceeded", "", "", limit="memory_mb", page=None)
    except RecursionError as err:  # a page tree or form nested past any real document
        return corrupt_answer(path, err)


def corrupt_answer(path: Path, err: BaseException) -> dict:
    error = corrupt(path, "den går inte att tolka", f"it cannot be parsed ({err!r})")
    return _error(error.code, error.reason, error.reason_en)


def main(argv: list[str]) -> None:
    path, limits = Path(argv[0]), ReadLimits.from_dict(json.loads(argv[1]))
    memory = int(limits.memory_mb * MB)
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    # The parent kills us at the time limit; the alarm ends an orphan too.
    signal.alarm(int(limits.seconds) + 5)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # stray prints must not corrupt the answer
    answer = _answer(path, limits)
    answers.write(json.dumps(answer, ensure_ascii=False))
    answers.flush()


if __name__ == "__main__":
    from styrgraf.ingest.formats.pdf_reader_starter import serve, take_interrupts
    if sys.argv[1:2] == ["--serve"]:
        serve(int(sys.argv[2]), main, warm_up)
    else:
        # Ctrl-C reaches the whole process group: it ends a reading process quietly (the parent,
        # which handles it, says what happened).
        take_interrupts(signal.SIG_DFL)
        main(sys.argv[1:])
