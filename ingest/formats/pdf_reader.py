"""Reading a PDF's text with pdfplumber, in a process of its own.

Run by `ingest.formats.pdf` as `python -m styrgraf.ingest.formats.pdf_reader
PATH LIMITS_JSON`; it writes one JSON object to stdout: `{"pages": [[line,
...], ...]}` or `{"error": {"code", "reason", "reason_en"}}`. Its own process,
because a hostile file can exhaust memory or time in C code and in pdfminer
loops that no check in-process could interrupt: the process has an address
space limit, and the parent kills it past the time limit.

The file is read in one pass: it must parse, open without a password (an
encryption dictionary with an empty user password, i.e. only editing
restrictions, is decrypted and read: the text is the same verbatim text), stay
within the limits, and have a text layer (some page yields readable text; a
scan does not). Pages are walked one at a time instead of through
`pdfplumber.PDF.pages` (which builds every page object up front), each page is
closed after its text is taken, and pdfminer's object cache is off, so a
500-page document is not held in memory.
"""
from __future__ import annotations

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
from typing import BinaryIO

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1
from pdfplumber.page import Page as PlumberPage
from pdfplumber.utils.exceptions import PdfminerException

from styrgraf.ingest.formats import pdf_budget
from styrgraf.ingest.formats.pdf import corrupt, encrypted
from styrgraf.ingest.limits import MB, LimitExceeded, ReadLimits
from styrgraf.ingest.sources import SourceError

_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")


@contextmanager
def _opened(path: Path) -> Iterator[pdfplumber.PDF]:
    """A pdfplumber PDF over our own file handle; refuses files that need a password."""
    fh: BinaryIO = path.open("rb")
    try:
        try:
            pdf = pdfplumber.PDF(fh, stream_is_external=True, path=path, password="")
        except PdfminerException as err:
            if _out_of_memory(err):
                raise MemoryError from err
            cause = err.args[0] if err.args else err
            if isinstance(cause, PDFEncryptionError) or _declares_encryption(path):
                raise encrypted(path) from err
            raise corrupt(path, "den går inte att tolka", f"it cannot be parsed ({cause!r})") from err
        except MemoryError:  # the address space limit: reported as such, not as a broken file
            raise
        except Exception as err:  # pdfminer raises many kinds; all mean a broken file
            if _declares_encryption(path):
                raise encrypted(path) from err
            raise corrupt(path, "den går inte att tolka", f"it cannot be parsed ({err!r})") from err
        pdf.doc.caching = False  # keep memory flat: resolved objects are not kept
        yield pdf
    finally:
        fh.close()


def _declares_encryption(path: Path) -> bool:
    """Whether the raw bytes name an encryption dictionary.

    Only asked when pdfminer fails: an encryption scheme it does not support
    must be reported as encryption, not as a broken file.
    """
    tail = b""
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(MB), b""):
            if b"/Encrypt" in tail + chunk:
                return True
            tail = chunk[-16:]
    return False


def _declared_pages(pdf: pdfplumber.PDF) -> int:
    try:
        return int(resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"]))
    except Exception:  # a broken page tree is reported when it is walked
        return 0


def _page_objects(path: Path, pdf: pdfplumber.PDF, limits: ReadLimits) -> Iterator[PlumberPage]:
    if _declared_pages(pdf) > limits.pages:  # cheap: refused before any page is read
        raise LimitExceeded("pages")
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
        except MemoryError:
            raise
        except Exception as err:
            raise corrupt(path, f"sidförteckningen går inte att läsa (vid sida {number + 1})",
                          f"the page tree is unreadable (at page {number + 1}: {err!r})") from err
        if number > limits.pages:
            raise LimitExceeded("pages")
        doctop += page.height
        yield page


def _page_lines(path: Path, page: PlumberPage, limits: ReadLimits) -> list[str]:
    try:
        text = page.extract_text() or ""
    except MemoryError:
        raise
    except Exception as err:
        if _out_of_memory(err):
            raise MemoryError from err
        raise corrupt(path, f"sidan {page.page_number} går inte att läsa",
                      f"page {page.page_number} cannot be read ({err!r})") from err
    finally:
        page.close()
    if len(text) > limits.page_chars:
        raise LimitExceeded("page_chars", page.page_number)
    return [line for line in text.split("\n") if line.strip()]


def _out_of_memory(err: Exception) -> bool:
    # pdfplumber wraps what pdfminer raises (a MemoryError too) in a PdfminerException.
    return isinstance(err, PdfminerException) and bool(err.args) and isinstance(err.args[0], MemoryError)


def _has_text(lines: list[str]) -> bool:
    # Glyphs without a Unicode mapping come out as `(cid:NN)`: not readable text.
    return any(ch.isalnum() for line in lines for ch in _UNMAPPED_GLYPH.sub("", line))


def read_pages(path: Path, limits: ReadLimits) -> list[list[str]]:
    """Every page's text lines; raises SourceError or LimitExceeded."""
    budget = pdf_budget.install(limits)
    pages: list[list[str]] = []
    with _opened(path) as pdf:
        for page in _page_objects(path, pdf, limits):
            budget.start_page(page.page_number)
            pages.append(_page_lines(path, page, limits))
    if not pages:
        raise corrupt(path, "den innehåller inga sidor", "it has no pages")
    if not any(_has_text(lines) for lines in pages):
        raise SourceError(path, "no-text-layer",
                          "PDF-filen saknar textlager (troligen en inskannad bild); den behöver OCR-behandlas först",
                          "the PDF has no text layer (probably a scanned image); it needs OCR first")
    return pages


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
    main(sys.argv[1:])
