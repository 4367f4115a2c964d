"""A small PDF of our own, read once by the warm starter so that the reading processes it forks start warm.

A process reading its first PDF does more than reading any later one: PDFium lists the system
fonts (its stand-ins for fonts a PDF names but does not embed), Python imports codecs and fills
caches on first use, and pdfminer's and PDFium's code runs for the first time. A reading process
forked from a starter that has never read a PDF pays all that for every file, some ten of the
thirty milliseconds an 18-page plan takes. The starter reads this document through the reading
process's own code (`pdf_reader.read_document`) before it forks the next reading process, and each
fork starts from what that left in memory.

The document is built here, not read from a file (the starter reads no file), with what ordinary
steering documents have: a compressed cross-reference stream, objects packed in an object stream,
a deflated content stream, a standard font without a font program and one with a ToUnicode map,
Swedish letters and a word hyphenated at a line end.
"""
from __future__ import annotations

import zlib

# The lines `pdf_reader.read_document` gives for the document (a test holds it to them).
LINES = ["Uppvärmning av läsaren", "Åtgärder för förvaltningens arbets-", "sätt och mål"]

_CONTENT = (b"BT /F2 14 Tf 72 770 Td (Uppv\xe4rmning av l\xe4saren) Tj ET\n"
            b"BT /F1 11 Tf 72 740 Td (\xc5tg\xe4rder f\xf6r f\xf6rvaltningens arbets-) Tj"
            b" 0 -14 Td (s\xe4tt och m\xe5l) Tj ET\n")
_TO_UNICODE = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
               b"/CMapName /Warm-UCS def /CMapType 2 def\n"
               b"1 begincodespacerange <00> <FF> endcodespacerange\n"
               b"2 beginbfrange <20> <7E> <0020> <C0> <FF> <00C0> endbfrange\n"
               b"endcmap CMapName currentdict /CMap defineresource pop end end\n")
_PACKED = {  # object number -> object, kept in the object stream
    1: b"<< /Type /Catalog /Pages 2 0 R >>",
    2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
       b" /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
    5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    6: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding /ToUnicode 8 0 R >>",
}
_OBJECT_STREAM, _XREF_STREAM = 7, 9


def _stream(number: int, attrs: bytes, data: bytes) -> bytes:
    packed = zlib.compress(data)
    return (b"%d 0 obj\n<< %s /Filter /FlateDecode /Length %d >>\nstream\n" % (number, attrs, len(packed))
            + packed + b"\nendstream\nendobj\n")


def _object_stream() -> bytes:
    header, body = [], b""
    for number, obj in _PACKED.items():
        header.append(b"%d %d" % (number, len(body)))
        body += obj + b"\n"
    index = b" ".join(header) + b"\n"
    return _stream(_OBJECT_STREAM, b"/Type /ObjStm /N %d /First %d" % (len(_PACKED), len(index)), index + body)


def document() -> bytes:
    """The PDF's bytes."""
    out = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"
    offsets = {}
    for number, chunk in ((4, lambda: _stream(4, b"", _CONTENT)), (_OBJECT_STREAM, _object_stream),
                          (8, lambda: _stream(8, b"", _TO_UNICODE))):
        offsets[number] = len(out)
        out += chunk()
    offsets[_XREF_STREAM] = len(out)
    packed_index = {number: i for i, number in enumerate(_PACKED)}
    rows = b""
    for number in range(_XREF_STREAM + 1):  # type, offset or object stream, generation or index
        if number in offsets:
            rows += bytes([1]) + offsets[number].to_bytes(4, "big") + (0).to_bytes(2, "big")
        elif number in packed_index:
            rows += bytes([2]) + _OBJECT_STREAM.to_bytes(4, "big") + packed_index[number].to_bytes(2, "big")
        else:
            rows += bytes([0]) + (0).to_bytes(4, "big") + (0xFFFF).to_bytes(2, "big")
    out += _stream(_XREF_STREAM, b"/Type /XRef /Size %d /W [1 4 2] /Root 1 0 R" % (_XREF_STREAM + 1), rows)
    return out + b"startxref\n%d\n%%%%EOF\n" % offsets[_XREF_STREAM]
