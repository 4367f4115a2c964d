import io

import pdfplumber
from fpdf import FPDF

from styrgraf.ingest.layout.tables import find_tables, has_rules


def _pdf(draw) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    draw(pdf)
    return bytes(pdf.output())


def _ruled(pdf):
    pdf.cell(0, 10, "Projektdirektiv för Norrbacka skola", new_x="LMARGIN", new_y="NEXT")
    for row in (("Projektnamn", "Projektägare"), ("Ny skola", "Eva Lind"),
                ("Projektledare", "Styrgrupp"), ("Per Holm", "")):
        for value in row:
            pdf.cell(60, 8, value, border=1)
        pdf.ln(8)


def _prose(pdf):
    for line in ("Bakgrund", "Norrbacka kommun behöver en ny skola.", "Arbetet börjar i höst."):
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")


def test_ruled_table_cells_come_back_with_text_and_bbox():
    with pdfplumber.open(io.BytesIO(_pdf(_ruled))) as doc:
        page = doc.pages[0]
        assert has_rules(page)
        tables = find_tables(page)
    assert len(tables) == 1
    table = tables[0]
    assert table.strategy == "lines" and table.page == 1
    assert [[c.text for c in row] for row in table.rows()] == [
        ["Projektnamn", "Projektägare"], ["Ny skola", "Eva Lind"], ["Projektledare", "Styrgrupp"], ["Per Holm", ""]]
    first, second = table.rows()[0]
    # The cells are the ruled boxes: 60 mm wide (170.08 pt), side by side, inside the table's box.
    assert abs((first.bbox[2] - first.bbox[0]) - 60 * 72 / 25.4) < 1
    assert abs(first.bbox[2] - second.bbox[0]) < 0.5
    x0, top, x1, bottom = table.bbox
    assert all(x0 <= c.bbox[0] and c.bbox[2] <= x1 + 0.01 and top <= c.bbox[1] and c.bbox[3] <= bottom + 0.01
               for c in table.cells)


def test_prose_page_has_no_rules_and_no_table():
    with pdfplumber.open(io.BytesIO(_pdf(_prose))) as doc:
        page = doc.pages[0]
        assert not has_rules(page)
        assert find_tables(page) == []
        assert find_tables(page, aligned_columns=False) == []


def test_aligned_columns_without_rules_use_the_text_strategy():
    def columns(pdf):
        for left, right in (("Projektnamn", "Projektägare"), ("Ny skola", "Eva Lind"), ("Budget", "Tidplan"),
                            ("2 miljoner", "2020-2022")):
            pdf.cell(70, 8, left)
            pdf.cell(70, 8, right, new_x="LMARGIN", new_y="NEXT")

    with pdfplumber.open(io.BytesIO(_pdf(columns))) as doc:
        page = doc.pages[0]
        assert not has_rules(page)
        tables = find_tables(page)
        assert find_tables(page, aligned_columns=False) == []
    assert len(tables) == 1 and tables[0].strategy == "text"
    rows = [[c.text for c in row if c.text] for row in tables[0].rows()]
    assert ["Projektnamn", "Projektägare"] in rows and ["Ny skola", "Eva Lind"] in rows


def test_prose_in_many_lines_is_not_taken_for_aligned_columns():
    def prose(pdf):
        words = ("Norrbacka kommun ska bygga en ny skola i centrum och arbetet leds av en styrgrupp "
                 "som rapporterar till kommunstyrelsen varje kvartal under hela projekttiden. ")
        pdf.multi_cell(0, 6, words * 8, align="J")

    with pdfplumber.open(io.BytesIO(_pdf(prose))) as doc:
        assert find_tables(doc.pages[0]) == []
