"""Counting what pdfminer inflates, and stopping it at the limits.

Only used in the PDF reading process (`pdf_reader`), where pdfminer decodes,
ahead of PDFium, the streams PDFium will inflate (`pdf_page_streams`). pdfminer
decodes a stream whole, with one `zlib.decompress`: a 400 MB stream of spaces
is 400 MB in memory before anyone could look at it. `charging` replaces that
call with one that stops one byte past what the budget still allows, and
charges every decoded stream:

- to the file, once per stream object (its size is then known by object
  number, and it is not decoded again);
- to the current page as well, when it is page content (`in_content`:
  content streams, forms, Type 3 glyphs), each time the page draws it
  (`charge_page`).

Other filters (LZW, run length) are charged after decoding; the reading
process's memory limit is the backstop for them.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from types import SimpleNamespace

from pdfminer import pdftypes

from styrgraf.ingest.limits import LimitExceeded, ReadLimits

_CHUNK = 1 << 20


class Budget:
    def __init__(self, limits: ReadLimits) -> None:
        self.file_left = limits.decompressed_bytes
        self.page_size = limits.page_bytes
        self.page_left = self.page_size
        self.page: int | None = None
        self.in_content = 0
        self.known: dict[tuple[int, int], int] = {}

    def start_page(self, number: int) -> None:
        self.page = number
        self.page_left = self.page_size

    def charge_page(self, size: int) -> None:
        """A stream of known size drawn again on this page."""
        self.page_left -= size
        if self.page_left < 0:
            raise LimitExceeded("page_mb", self.page)

    def allowance(self, known: int | None) -> int:
        file_left = known if known is not None else self.file_left
        return min(file_left, self.page_left) if self.in_content else file_left

    def exceeded(self, known: int | None) -> LimitExceeded:
        if self.in_content and (known is not None or self.page_left < self.file_left):
            return LimitExceeded("page_mb", self.page)
        return LimitExceeded("decompressed_mb")

    def charge(self, key: tuple[int, int] | None, size: int, known: int | None) -> None:
        if known is None:
            self.file_left -= size
            if key is not None:
                self.known[key] = size
        if self.in_content:
            self.page_left -= size
        if self.file_left < 0 or self.page_left < 0:
            raise self.exceeded(known)


_budget: Budget | None = None
_bound = 0  # what the stream being decoded may still inflate to


def _bounded_decompress(data: bytes) -> bytes:
    """`zlib.decompress`, but never more than `_bound` bytes of output."""
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, _bound + 1)
    if len(out) > _bound:
        raise _budget.exceeded(None)  # type: ignore[union-attr]
    return out + inflater.flush()


def _bounded_corrupted(data: bytes) -> bytes:
    """pdfminer's fallback for a damaged stream (whatever inflates before the damage), bounded."""
    inflater = zlib.decompressobj()
    out = bytearray()
    try:
        for start in range(0, len(data), _CHUNK):
            out += inflater.decompress(data[start:start + _CHUNK], _bound + 1 - len(out))
            if len(out) > _bound or inflater.unconsumed_tail:
                raise _budget.exceeded(None)  # type: ignore[union-attr]
    except zlib.error:
        pass
    return bytes(out)


_unbudgeted = (pdftypes.zlib, pdftypes.decompress_corrupted, pdftypes.PDFStream.decode)


def _budgeted_decode(stream: pdftypes.PDFStream) -> None:
    global _bound
    key = (stream.objid, stream.genno) if stream.objid is not None else None
    known = _budget.known.get(key) if key is not None else None  # type: ignore[union-attr]
    _bound = _budget.allowance(known)  # type: ignore[union-attr]
    _unbudgeted[2](stream)
    _budget.charge(key, len(stream.data or b""), known)  # type: ignore[union-attr]


@contextmanager
def charging(limits: ReadLimits) -> Iterator[Budget]:
    """A budget in charge of pdfminer's decoding in this process, for one file.

    pdfminer's own decoding is back once the file is read: the warm starter reads a document
    of its own before it forks the reading processes (`pdf_reader.warm_up`), and each of them
    reads its file with a budget of its own, charged once for each stream.
    """
    global _budget
    _budget = Budget(limits)
    pdftypes.zlib = SimpleNamespace(decompress=_bounded_decompress, decompressobj=zlib.decompressobj,
                                    error=zlib.error)
    pdftypes.decompress_corrupted = _bounded_corrupted
    pdftypes.PDFStream.decode = _budgeted_decode
    try:
        yield _budget
    finally:
        pdftypes.zlib, pdftypes.decompress_corrupted, pdftypes.PDFStream.decode = _unbudgeted
        _budget = None
