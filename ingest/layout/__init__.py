"""The layout layer: what a page's lines are, whatever kind of document they belong to.

`analyse` runs the kind-independent finders on pages split by
`pages.split_pages`: furniture (running headers, footers, letterheads, page
markers), headings, label–value pairs and lists. Offsets in the result are
page-local: they index `PageText.text` of the page named. Headings, labels
and lists that overlap furniture are dropped, so a letterhead never becomes a
title and a running header never a fact; a line that is a heading is not also
a list item. PDF tables need the page's geometry and are read separately
(`tables.find_tables`).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from styrgraf.ingest.layout.furniture import Furniture, covered, find_furniture
from styrgraf.ingest.layout.headings import Heading, find_headings
from styrgraf.ingest.layout.labels import LabelValue, find_labels
from styrgraf.ingest.layout.lists import ListBlock, ListItem, find_lists
from styrgraf.ingest.layout.pages import PageText, split_pages

__all__ = ["Layout", "PageLayout", "PageText", "analyse", "split_pages"]


@dataclass(frozen=True)
class PageLayout:
    number: int
    furniture: tuple[Furniture, ...]
    headings: tuple[Heading, ...]
    labels: tuple[LabelValue, ...]
    lists: tuple[ListBlock, ...]


@dataclass(frozen=True)
class Layout:
    pages: tuple[PageLayout, ...]

    def page(self, number: int) -> PageLayout:
        for page in self.pages:
            if page.number == number:
                return page
        raise KeyError(number)

    def is_furniture(self, page: int, start: int, end: int) -> bool:
        """Whether page-local `[start, end)` touches furniture: no title or fact may come from it."""
        return covered(self.page(page).furniture, page, start, end)


def analyse(pages: Sequence[PageText]) -> Layout:
    """The layout of `pages` (pure: the same pages give the same layout)."""
    furniture = find_furniture(pages)
    return Layout(tuple(_page_layout(page, [f for f in furniture if f.page == page.number]) for page in pages))


def _page_layout(page: PageText, furniture: list[Furniture]) -> PageLayout:
    def free(start: int, end: int) -> bool:
        return not covered(furniture, page.number, start, end)

    text = page.text
    headings = [h for h in find_headings(text) if free(h.start, h.end)]
    labels = [p for p in find_labels(text) if free(p.label_start, p.value_end)]
    heading_spans = [(h.start, h.end) for h in headings]
    lists = []
    for block in find_lists(text):
        items = tuple(i for i in block.items if free(i.start, i.end) and not _inside(i, heading_spans))
        if items:
            lists.append(ListBlock(block.kind, items))
    return PageLayout(page.number, tuple(furniture), tuple(headings), tuple(labels), tuple(lists))


def _inside(item: ListItem, spans: list[tuple[int, int]]) -> bool:
    return any(s <= item.start and item.end <= e for s, e in spans)
