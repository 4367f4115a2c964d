"""Goals a document lays down, under every name the genre gives them.

Plans write `intentioner`, `intentionspunkter`, `målpunkter`, `mål`, `effektmål`,
`projektmål`, `leveransmål`, `resultatmål`, `delmål`, `förväntat resultat` or `leveranser`; strategies and programmes write `mål` too. A goal list is the first
numbered, lettered, labelled (`Effektmål 1: …`) or bulleted list that a goal word introduces
(`intentioner:`, `Projektets mål är:`, `Kommunens mål är följande.`, a heading `Effektmål`).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from styrgraf.ingest.document_text import DocumentText
from styrgraf.ingest.lists import Item, bullet_items, labelled_items, lettered_items, numbered_items
from styrgraf.ingest.records import Intention
from styrgraf.ingest.sections import SUBPROJECT_ANCHOR, find_headings
from styrgraf.ingest.sentences import first_sentence_end, trim

# A goal word (docs/genre.md §6), in any inflection: `intentionspunkterna`, `målpunkt`,
# `målen`, `effektmålet`, `projektmål`, `delmålen`. Compounds such as `verksamhetsmål` name
# the municipality's goals, not the document's, and are not matched.
GOAL_WORD = (r"(?<![\wåäö-])(?:intention(?:s?punkt)?(?:en|erna|er)?"
             r"|(?:effekt|projekt|del|leverans|resultat)?mål(?:punkt(?:en|erna|er)?|en|et)?"
             r"|förvänta(?:t|de) resultat(?:en)?|leveranser(?:na)?)")
# What introduces a list of goals: `Projektets mål är:`, `enligt nedanstående intentioner:`,
# `Kommunens mål är följande.`, or a goal heading standing right before its first item.
_GOAL_LEAD_IN = re.compile(rf"{GOAL_WORD}\b[^.:]{{0,60}}?(?::|följande\s*\.)", re.IGNORECASE)
_GOAL_HEADING = re.compile(
    r"(?<![\wåäö-])(?:Intention(?:er|spunkter)|(?:Effekt|Projekt|Del|Leverans|Resultat)?[Mm]ål(?:punkter)?|MÅL|EFFEKTMÅL|PROJEKTMÅL|DELMÅL"
    r"|Förväntade effekter|Önskade effekter|Förväntat resultat|Förväntade resultat|Leveranser)"
    r"(?=\s+(?:1[.)]|[aA][.)]|[-–•])\s)"
)
# Goals that carry their label: `Effektmål 1: …`, `Mål 2: …`.
GOAL_LABEL = r"Intention(?:spunkt)?|(?:Effekt|Projekt|Del)?[Mm]ål(?:punkt)?"


def find_goals(doc: DocumentText, start: int, end: int,
               decided_by: Callable[[int], str | None] = lambda pos: None) -> tuple[list[Intention], tuple[int, int] | None]:
    """The goals listed in `doc.body[start:end]` and the span of their list; `decided_by(pos)`
    names the decision whose text holds a goal at `pos` (a plan's goals laid down by a decision)."""
    text = doc.body
    starts = sorted({m.end() for m in _GOAL_LEAD_IN.finditer(text, start, end)}
                    | {m.end() for m in _GOAL_HEADING.finditer(text, start, end)}
                    | {it.start for it in labelled_items(text, start, end, GOAL_LABEL)[:1]})
    for lead_end in starts:
        items = _goal_items(text, lead_end, end)
        if not items:
            continue
        out = []
        for i, it in enumerate(items):
            stop = first_sentence_end(text, it.text_start, it.end) if i == len(items) - 1 else it.end
            ts, te = trim(text, it.text_start, stop, " ,;")
            out.append(Intention(
                number=it.number, letter=it.marker if it.marker.isalpha() else None,
                text=text[ts:te], decided_by=decided_by(it.start), evidence=doc.evidence(it.start, te),
            ))
        return out, (items[0].start, out[-1].evidence[-1].end if out[-1].evidence else items[-1].end)
    return [], None


def _goal_items(text: str, start: int, end: int) -> list[Item]:
    """The list that starts right after a goal lead-in, up to the next heading or subproject."""
    heads = [h for h in find_headings(text, start, end) if h[2] != "lead"]
    region_end = heads[0][0] if heads else end
    sub = SUBPROJECT_ANCHOR.search(text, start, region_end)
    region_end = sub.start() if sub else region_end
    for items in (lettered_items(text, start, region_end), numbered_items(text, start, region_end, first=1),
                  labelled_items(text, start, region_end, GOAL_LABEL),
                  numbered_items(text, start, region_end, colon=True, first=1), bullet_items(text, start, region_end)):
        if len(items) >= 2 and not text[start:items[0].start].strip(" \n:"):
            return items
    return []
