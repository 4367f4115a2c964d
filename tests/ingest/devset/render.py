"""Writing a DocSpec out: text in five export styles, PDF in three layouts.

Text styles (what text exports of real documents look like, docs/genre.md §10):
  formfeed    pages split by form feeds, a running header (municipality, date, Dnr), `Sida N av M`
  pages-nm    form feeds, header `<municipality> Dnr <dnr>`, footer `N (M)`
  run-labels  the cover's label–value pairs run together on one line, footer `Sidan N av M`
  flat-table  the cover table flattened: all labels on one line, then all values
  docplayer   a site transcript: title line, `Relevanta dokument` (other documents and people),
              `Transkript:`, then one paragraph per page, the page ordinal glued to its first word,
              and the `§` sign lost
PDF layouts (fpdf2, core font):
  letterhead  municipality and office at the top, date and Dnr on the right, `Sida N av M`
  cover-table a ruled document-metadata table on page 1, a short running header on the rest
  org-table   letterhead, and the project organisation as a ruled table (Roll | Namn), `N (M)`
"""
from __future__ import annotations

import datetime as dt
import random
import textwrap
from pathlib import Path

from tests.ingest.devset.content import Content, Section, content_of
from tests.ingest.devset.model import DocSpec
from tests.ingest.devset.pool import FIRST, LAST, MUNICIPALITIES, PARTIES, TOPICS

WIDTH = 90
PAGE_LINES = 30


def _section_lines(s: Section) -> list[str]:
    out = [s.heading] if s.heading else []
    for p in s.paras:
        out += textwrap.wrap(p, WIDTH, break_on_hyphens=False) or [""]
    out += [line for item in s.items for line in textwrap.wrap(item, WIDTH, break_on_hyphens=False)]
    if s.table:
        out += [f"{word}: {value}" for word, value in s.table]
    if s.grid:
        out += [" ".join(row) for row in s.grid]  # a table flattened by the export, a row to a line
    return out


def _cover_lines(c: Content, style: str) -> list[str]:
    if not c.cover:
        return []
    if style == "run-labels":
        return textwrap.wrap(" ".join(f"{k}: {v}" for k, v in c.cover), 400, break_on_hyphens=False)
    if style == "flat-table":
        return [" ".join(k for k, _ in c.cover), " ".join(v for _, v in c.cover)]
    return [f"{k}: {v}" for k, v in c.cover]


def paginate(c: Content, style: str) -> list[list[str]]:
    """Pages of lines; a section stays on one page unless it is filler prose, which a break may cut."""
    pages: list[list[str]] = [c.letterhead + _cover_lines(c, style) + ["", c.title.upper() if style == "docplayer" else c.title, ""]]
    for s in c.sections:
        lines = _section_lines(s) + [""]
        room = PAGE_LINES - len(pages[-1])
        if len(lines) <= room:
            pages[-1] += lines
        elif s.filler and room > 2:
            pages[-1] += lines[:room]
            pages.append(lines[room:])
        else:
            pages.append(lines)
    return pages


def _related(spec: DocSpec, rnd: random.Random) -> list[str]:
    """Other documents in a site's list, with other people: they belong to no gold."""
    out = []
    for _ in range(rnd.randint(3, 6)):
        other = rnd.choice([m for m in MUNICIPALITIES if m != spec.municipality])
        topic = rnd.choice(TOPICS)
        out.append(f"{rnd.choice(('Handlingsplan', 'Program', 'Riktlinjer', 'Projektplan'))} för {topic['short']} i {other} kommun")
        if rnd.random() < 0.5:
            names = [f"{rnd.choice(FIRST)} {rnd.choice(LAST)} ({rnd.choice(PARTIES)})" for _ in range(3)]
            out.append(f"{names[0]}, ordförande " + " ".join(names[1:]))
    return out


def render_text(spec: DocSpec) -> str:
    style = spec.style
    c = content_of(spec, lost=style == "docplayer")
    pages = paginate(c, style)
    n = len(pages)
    if style == "docplayer":
        rnd = random.Random(spec.key)
        title_line = " ".join(w for w in spec.title.split() if not any(ch.isdigit() for ch in w))
        pre = [title_line, "", "", "Relevanta dokument"] + [x for r in _related(spec, rnd) for x in (r, "")] + ["Transkript:", ""]
        body = []
        for i, lines in enumerate(pages, 1):
            # The running header (date and Dnr, as in the seed's transcript) opens every page's paragraph.
            head = c.header if spec.kind == "protokollsutdrag" else f"{spec.date} {spec.dnrs[0]}"
            text = " ".join([head] + [l for l in lines if l.strip()])
            body.append(text if i == 1 else f"{i}{text}")
        return "\n".join(pre) + "\n" + "\n\n".join(body) + "\n"
    out = []
    for i, lines in enumerate(pages, 1):
        if style == "pages-nm":
            head = c.header if spec.kind == "protokollsutdrag" else f"{spec.municipality_written} Dnr {spec.dnrs[0]} {spec.date}"
            foot = f"{i} ({n})"
        elif style == "run-labels":
            head, foot = c.header, f"Beslutad i Kommunstyrelsen Sidan {i} av {n}"
        elif style == "flat-table":
            head, foot = f"{spec.title} {spec.date}", f"{i} ({n})"
        else:
            head, foot = c.header, f"Sida {i} av {n}"
        out.append("\n".join([head, ""] + lines + ["", foot]))
    return "\f".join(out) + "\n"


def _latin1(text: str) -> str:
    return text.replace("\u2013", "-").replace("\u2014", "-")


def render_pdf(spec: DocSpec) -> bytes:
    from fpdf import FPDF  # test dependency

    layout = spec.style
    c = content_of(spec, table_org=layout == "org-table")
    foot_nm = layout == "org-table"

    class Doc(FPDF):
        def header(self):
            self.set_font("Helvetica", size=8)
            if layout == "cover-table" and self.page_no() > 1:
                self.cell(0, 5, _latin1(f"{spec.title}   {spec.date}"), new_x="LMARGIN", new_y="NEXT")
            elif layout != "cover-table" or self.page_no() == 1:
                self.set_font("Helvetica", style="B", size=13)
                self.cell(110, 6, _latin1(c.letterhead[0]))
                self.set_font("Helvetica", size=9)
                self.cell(0, 6, f"{spec.date}", align="R", new_x="LMARGIN", new_y="NEXT")
                self.cell(110, 5, _latin1(c.letterhead[1]))
                self.cell(0, 5, _latin1(f"Dnr {spec.dnrs[0]}"), align="R", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, f"{self.page_no()} ({{nb}})" if foot_nm else f"Sida {self.page_no()} av {{nb}}", align="R")

    pdf = Doc(format="A4")
    pdf.set_creation_date(dt.datetime(int(spec.date[:4]), int(spec.date[5:7]), 1, tzinfo=dt.timezone.utc))
    pdf.set_margins(20, 15, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    if c.cover and layout == "cover-table":
        # A metadata grid: a row of labels over a row of values, three fields to a row pair.
        rows = []
        for i in range(0, len(c.cover), 3):
            chunk = c.cover[i:i + 3] + [("", "")] * (3 - len(c.cover[i:i + 3]))
            rows += [tuple(k for k, _ in chunk), tuple(v for _, v in chunk)]
        _ruled_table(pdf, rows, header=False)
    elif c.cover:
        pdf.set_font("Helvetica", size=10)
        for k, v in c.cover:
            pdf.multi_cell(0, 5, _latin1(f"{k}: {v}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", style="B", size=15)
    pdf.multi_cell(0, 7, _latin1(c.title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for s in c.sections:
        if s.heading:
            pdf.set_font("Helvetica", style="B", size=11)
            pdf.multi_cell(0, 6, _latin1(s.heading), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=10)
        for p in s.paras + s.items:
            pdf.multi_cell(0, 5, _latin1(p), new_x="LMARGIN", new_y="NEXT")
        if s.table:
            _ruled_table(pdf, [("Roll", "Namn")] + list(s.table), header=True, widths=(40, 130))
        if s.grid:
            _ruled_table(pdf, list(s.grid), header=True)
        pdf.ln(3)
    return bytes(pdf.output())


def _ruled_table(pdf, rows: list[tuple[str, ...]], header: bool, widths: tuple[int, ...] | None = None) -> None:
    pdf.set_font("Helvetica", size=9)
    with pdf.table(col_widths=widths, borders_layout="ALL", first_row_as_headings=header,
                   text_align="LEFT") as table:
        for r in rows:
            row = table.row()
            for cell in r:
                row.cell(_latin1(cell))
    pdf.ln(2)


def write_document(spec: DocSpec, folder: Path) -> Path:
    path = Path(folder) / spec.file_name
    if spec.fmt == "pdf":
        path.write_bytes(render_pdf(spec))
    else:
        path.write_text(render_text(spec), encoding="utf-8")
    return path
