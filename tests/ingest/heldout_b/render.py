"""Writing a document in its export: a docplayer transcript, a pdftotext export with form feeds,
plain text with page markers, or a PDF (core font, DejaVu, or with a ruled organisation table)."""
from __future__ import annotations

from pathlib import Path

from tests.ingest.heldout_b.record import Doc

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def docplayer_text(doc: Doc, numbered: bool) -> str:
    """Title line, the site's related titles, then `Transkript:` and one paragraph per page."""
    out = [doc.title_line, "", "", "", "Relevanta dokument"]
    for rel in doc.related:
        out += [rel, ""]
    out += ["Transkript:", ""]
    for n, page in enumerate(doc.pages, start=1):
        body = " ".join(line.strip() for line in page if line.strip())
        out += [f"{n} {body}" if numbered else body, ""]
    return "\n".join(out)


def formfeed_text(doc: Doc) -> str:
    return "\f".join("\n".join(page) + "\n" for page in doc.pages)


def markers_text(doc: Doc) -> str:
    out = []
    total = len(doc.pages)
    for n, page in enumerate(doc.pages, start=1):
        out += [f"=== Sida {n} av {total} ===", *page, ""]
    return "\n".join(out)


def write_pdf(doc: Doc, path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    unicode_font = doc.fmt == "pdf-dejavu" and DEJAVU.exists()
    if unicode_font:
        pdf.add_font("DejaVu", "", str(DEJAVU))
        family = "DejaVu"
    else:
        family = "Helvetica"
    text = (lambda s: s) if unicode_font else (lambda s: s.replace("\u2013", "-").encode("latin-1", "replace").decode("latin-1"))
    for n, page in enumerate(doc.pages):
        pdf.add_page()
        pdf.set_font(family, size=10)
        for line in page:
            if doc.table and n == doc.table_page and line == doc.table_heading:
                pdf.multi_cell(0, 6, text(line), new_x="LMARGIN", new_y="NEXT")
                _table(pdf, doc.table, text)
                continue
            if not line:
                pdf.ln(4)
                continue
            pdf.multi_cell(0, 6, text(line), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def _table(pdf, rows, text) -> None:
    widths = (45, 60, 60)
    for i, row in enumerate(rows):
        for w, cell in zip(widths, row):
            pdf.cell(w, 8, text(cell), border=1)
        pdf.ln(8)
    pdf.ln(4)


def write(doc: Doc, folder: Path, numbered: bool = False) -> Path:
    if doc.fmt.startswith("pdf"):
        path = folder / f"{doc.name}.pdf"
        write_pdf(doc, path)
        return path
    path = folder / f"{doc.name}.txt"
    if doc.fmt == "docplayer":
        body = docplayer_text(doc, numbered)
    elif doc.fmt == "formfeed":
        body = formfeed_text(doc)
    else:
        body = markers_text(doc)
    path.write_text(body, encoding="utf-8")
    return path
