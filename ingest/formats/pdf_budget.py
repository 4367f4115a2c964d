"""Counting what pdfminer inflates, and stopping it at the limits.

Only used in the PDF reading process (`pdf_reader`). pdfminer decodes a stream
whole, with one `zlib.decompress`, when something first needs its data: a
400 MB stream of spaces is 400 MB in memory before anyone could look at it.
`install` replaces that call with one that stops one byte past what the budget
still allows, and charges every decoded stream:

- to the file, once per stream object (pdfminer decodes an object again when
  it is asked for again: the object cache is off to keep memory flat);
- to the current page as well, when it is page content (decoded for the
  content parser: content streams, forms, Type 3 glyphs).

Other filters (LZW, run length) are charged after decoding; the reading
process's memory limit is the backstop for them.

Characters are counted as the interpreter draws them, not in the extracted
text: laying out a million characters takes minutes, so the limit must stop
the page before that.
"""
from __future__ import annotations

import zlib
from types import SimpleNamespace

from pdfminer import converter, pdfinterp, pdftypes

from styrgraf.ingest.limits import LimitExceeded, ReadLimits

_CHUNK = 1 << 20


class Budget:
    def __init__(self, limits: ReadLimits) -> None:
        self.file_left = limits.decompressed_bytes
        self.page_size = limits.page_bytes
        self.page_left = self.page_size
        self.page_chars = limits.page_chars
        self.chars_left = self.page_chars
        self.page: int | None = None
        self.in_content = 0
        self.known: dict[tuple[int, int], int] = {}

    def start_page(self, number: int) -> None:
        self.page = number
        self.page_left = self.page_size
        self.chars_left = self.page_chars

    def count_char(self) -> None:
        self.chars_left -= 1
        if self.chars_left < 0:
            raise LimitExceeded("page_chars", self.page)

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


def install(limits: ReadLimits) -> Budget:
    """Put the budget in charge of pdfminer's decoding in this process."""
    global _budget
    _budget = Budget(limits)
    original_decode = pdftypes.PDFStream.decode
    original_fillfp = pdfinterp.PDFContentParser.fillfp

    def decode(stream: pdftypes.PDFStream) -> None:
        global _bound
        key = (stream.objid, stream.genno) if stream.objid is not None else None
        known = _budget.known.get(key) if key is not None else None
        _bound = _budget.allowance(known)
        original_decode(stream)
        _budget.charge(key, len(stream.data or b""), known)

    def fillfp(parser: pdfinterp.PDFContentParser) -> bool:
        _budget.in_content += 1
        try:
            return original_fillfp(parser)
        finally:
            _budget.in_content -= 1

    original_render_char = converter.PDFLayoutAnalyzer.render_char

    def render_char(analyzer: converter.PDFLayoutAnalyzer, *args, **kwargs) -> float:
        _budget.count_char()
        return original_render_char(analyzer, *args, **kwargs)

    pdftypes.zlib = SimpleNamespace(decompress=_bounded_decompress, decompressobj=zlib.decompressobj,
                                    error=zlib.error)
    pdftypes.decompress_corrupted = _bounded_corrupted
    pdftypes.PDFStream.decode = decode
    pdfinterp.PDFContentParser.fillfp = fillfp
    converter.PDFLayoutAnalyzer.render_char = render_char
    return _budget
