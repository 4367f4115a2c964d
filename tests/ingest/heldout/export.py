"""Writing a held-out document out as the exports met in the wild.

- `docplayer`: a document-sharing page: title, `Relevanta dokument` (other documents' titles),
  `Transkript:` and one paragraph per PDF page, its lines run together, prefixed by the page number;
- `formfeed`: pdftotext output: running header, the page's lines, a page-number footer, `\\f` between pages;
- `sida`: plain text with the header on every page and a `Sida N av M` line closing each page;
- `fivedok`: a transcript site's `Full text` with `(N)` before each page;
- `pdf`: a PDF (fpdf2, DejaVu Sans) with header and footer on every page.
"""
from __future__ import annotations

from pathlib import Path

from tests.ingest.heldout.doc import Document

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _page_lines(doc: Document, i: int, header: bool = True) -> list[str]:
    m = len(doc.pages)
    out = (doc.header + [""]) if header and i > 0 else []
    return out + doc.pages[i] + ["", doc.footer.format(n=i + 1, m=m)]


def render_text(doc: Document) -> str:
    pages = range(len(doc.pages))
    if doc.style == "docplayer":
        body = ["\n".join(doc.related and ["Relevanta dokument", *doc.related, ""] or []),
                "Transkript:"]
        for i in pages:
            body.append(f"{i + 1} " + " ".join(" ".join(line.split()) for line in _page_lines(doc, i) if line.strip()))
        return f"{doc.title}\n\n" + "\n\n".join(b for b in body if b) + "\n"
    if doc.style == "formfeed":
        return "\f".join("\n".join(_page_lines(doc, i)) + "\n" for i in pages)
    if doc.style == "fivedok":
        return "Full text\n\n" + "\n\n".join(f"({i + 1})\n\n" + "\n".join(_page_lines(doc, i)) for i in pages) + "\n"
    return "\n\n".join("\n".join(_page_lines(doc, i)) for i in pages) + "\n"


def written_text(doc: Document) -> str:
    """Everything written into the document, for PDFs the text put on the pages."""
    return "\n".join("\n".join(_page_lines(doc, i)) for i in range(len(doc.pages)))


def render_pdf(doc: Document, path: Path) -> None:
    from fpdf import FPDF

    class _Pdf(FPDF):
        def header(self):
            self.set_font("DejaVu", size=8)
            for line in doc.header:
                self.cell(0, 4, line.strip(), new_x="LMARGIN", new_y="NEXT")
            self.ln(3)

        def footer(self):
            self.set_y(-15)
            self.set_font("DejaVu", size=8)
            self.cell(0, 5, doc.footer.format(n=self.page_no(), m="{nb}"), align="R")

    pdf = _Pdf(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_auto_page_break(True, margin=20)
    for page in doc.pages:
        pdf.add_page()
        pdf.set_font("DejaVu", size=10)
        for line in page:
            if not line.strip():
                pdf.ln(3)
            else:
                pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def write_document(doc: Document, folder: Path) -> Path:
    path = folder / doc.file_name
    if doc.fmt == "pdf":
        render_pdf(doc, path)
    else:
        path.write_text(render_text(doc), encoding="utf-8")
    return path
