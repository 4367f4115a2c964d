"""PDFium's page text reshaped into pdfplumber's lines: the same lines, in the same order."""
from __future__ import annotations

import pdfplumber
import pytest

from styrgraf.ingest.formats import pdf_reader
from styrgraf.ingest.limits import ReadLimits
from tests.ingest import badfiles, pdf_bombs


def text_at(x: int, y: int, text: bytes) -> bytes:
    return b"BT /F1 11 Tf %d %d Td (%s) Tj ET\n" % (x, y, text)


def plumber_lines(path) -> list[list[str]]:
    with pdfplumber.open(path) as pdf:
        return [[line for line in (page.extract_text() or "").split("\n") if line.strip()] for page in pdf.pages]


def write(tmp_path, content: bytes):
    return badfiles.write(tmp_path, "sida.pdf", pdf_bombs.pdf_with_contents([content], flate=False))


def test_lines_in_reading_order_whatever_order_they_are_drawn_in(tmp_path):
    # The footer first, the right half of the letterhead before its left half, the body bottom-up.
    path = write(tmp_path, text_at(280, 40, b"Sida 1 av 1") + text_at(400, 800, b"2012-02-22")
                 + text_at(72, 800, b"Granviks kommun") + text_at(72, 700, b"den andra raden.")
                 + text_at(72, 714, b"Bakgrund och den forsta raden,"))
    lines = pdf_reader.read_pages(path, ReadLimits())
    assert lines == [["Granviks kommun 2012-02-22", "Bakgrund och den forsta raden,", "den andra raden.",
                      "Sida 1 av 1"]]
    assert lines == plumber_lines(path)


def test_a_hyphen_at_a_line_end_stays_at_the_line_end(tmp_path):
    # PDFium joins `kommu-` / `nens` into one word with a marker; the lines must stay as drawn.
    path = write(tmp_path, text_at(72, 714, b"Uppdraget att se over kommu-") + text_at(72, 700, b"nens arbete."))
    assert pdf_reader.read_pages(path, ReadLimits()) == [["Uppdraget att se over kommu-", "nens arbete."]]
    assert pdf_reader.read_pages(path, ReadLimits()) == plumber_lines(path)


@pytest.mark.parametrize(("drawn", "read"), [
    (b"Det \\256nns \\257era", "Det finns flera"),  # the fi and fl ligatures of the standard encoding
    (b"Mal   och    syfte   ", "Mal och syfte"),
], ids=["ligatures", "spaces"])
def test_text_is_shaped_as_pdfplumber_shapes_it(tmp_path, drawn, read):
    path = write(tmp_path, text_at(72, 714, b"Bakgrund") + text_at(72, 700, drawn))
    assert pdf_reader.read_pages(path, ReadLimits()) == [["Bakgrund", read]]
    assert pdf_reader.read_pages(path, ReadLimits()) == plumber_lines(path)
