"""Tables on PDF pages, read with pdfplumber's table finder.

Cover tables (`Projektnamn | Projektägare` over their values) lose their
structure in plain text; on the PDF page the cells are still there. Where a
page has ruling lines, the `lines` strategy finds the cells from them; a page
without lines may still set values in aligned columns, which the `text`
strategy finds, but since every paragraph is "a table" to it, a text table
counts only with at least two columns and two rows holding text.

This works on a pdfplumber page and is kept apart from the text layout:
text sources have no geometry.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pdfplumber.page import Page as PlumberPage

Strategy = Literal["lines", "text"]
BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points from the top left

_MIN_RULES = 2  # horizontal and vertical edges each: fewer cannot enclose a cell grid
_MIN_FILLED = 0.4  # share of non-empty cells in a table of aligned values
_TEXT_SETTINGS = {"vertical_strategy": "text", "horizontal_strategy": "text"}
_LINE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


@dataclass(frozen=True)
class Cell:
    row: int
    column: int
    text: str  # the cell's text as pdfplumber extracts it ("" for an empty cell)
    bbox: BBox


@dataclass(frozen=True)
class Table:
    page: int
    bbox: BBox
    strategy: Strategy
    cells: tuple[Cell, ...]

    def rows(self) -> list[list[Cell]]:
        out: dict[int, list[Cell]] = {}
        for cell in self.cells:
            out.setdefault(cell.row, []).append(cell)
        return [sorted(out[k], key=lambda c: c.column) for k in sorted(out)]


def has_rules(page: PlumberPage) -> bool:
    """Whether the page draws enough horizontal and vertical lines (or rectangle edges) to rule a table."""
    edges = page.edges
    horizontal = sum(1 for e in edges if e["orientation"] == "h")
    vertical = sum(1 for e in edges if e["orientation"] == "v")
    return horizontal >= _MIN_RULES and vertical >= _MIN_RULES


def find_tables(page: PlumberPage, *, aligned_columns: bool = True) -> list[Table]:
    """The tables on `page`: ruled ones, or else (if asked) text set in aligned columns."""
    if has_rules(page):
        return _tables(page, _LINE_SETTINGS, "lines")
    if aligned_columns:
        return [t for t in _tables(page, _TEXT_SETTINGS, "text") if _is_grid(page, t)]
    return []


def _tables(page: PlumberPage, settings: dict, strategy: Strategy) -> list[Table]:
    out = []
    for found in page.find_tables(settings):
        texts = found.extract()
        cells = []
        for r, row in enumerate(found.rows):
            for c, bbox in enumerate(row.cells):
                if bbox is None:
                    continue  # covered by a merged cell to its left or above
                text = texts[r][c] if r < len(texts) and c < len(texts[r]) else None
                cells.append(Cell(r, c, (text or "").strip(), tuple(float(v) for v in bbox)))
        out.append(Table(page.page_number, tuple(float(v) for v in found.bbox), strategy, tuple(cells)))
    return out


def _is_grid(page: PlumberPage, table: Table) -> bool:
    """Whether a `text`-strategy table is columns of values, not prose cut into strips.

    Prose has words across every would-be column edge and mostly empty cells;
    a table of values has neither.
    """
    filled_rows = [row for row in table.rows() if sum(1 for c in row if c.text) >= 2]
    if len(filled_rows) < 2:
        return False
    filled = sum(1 for c in table.cells if c.text)
    if filled < _MIN_FILLED * len(table.cells):
        return False
    x0, _, x1, _ = table.bbox
    edges = {round(v, 1) for c in table.cells for v in (c.bbox[0], c.bbox[2]) if x0 + 1 < v < x1 - 1}
    words = page.within_bbox(table.bbox).extract_words()
    return not any(w["x0"] < e - 1 and w["x1"] > e + 1 for w in words for e in edges)
