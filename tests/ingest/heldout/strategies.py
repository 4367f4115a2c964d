"""Strategies, policies and programmes (kind `strategi`): a document-information block, a vision and goal areas.

The goal areas of a strategy are not a project's goals, so `goals` and `goal_labels` are partial
(empty gold, nothing counted as spurious) for this kind.
"""
from __future__ import annotations

import random

from tests.ingest.heldout.doc import Document, Facts, long_date
from tests.ingest.heldout.people import People


def strategy_document(key: str, muni: str, title: str, areas: tuple[str, ...], body: str, prefix: str, variant: str,
                      style: str, seed: int, fmt: str = "txt", related: list[str] | None = None) -> Document:
    """variant: `block` (labelled document-information block on the cover), `levels` (responsibility at
    political and official level), `cover` (adoption in prose on the cover, details on the last page)."""
    rnd = random.Random(seed)
    ppl = People(rnd)
    facts = Facts("strategi", muni)
    facts.partial |= {"goals", "goal_labels"}
    year = rnd.randint(2016, 2024)
    date = facts.date(f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}")
    facts.decision(date, body)
    dnr = facts.dnr(f"{prefix} {year - 1}/{rnd.randint(100, 999)}")
    facts.title(title)
    owner, job = ppl.name(), ppl.title()
    facts.person(owner, "dokumentansvarig")
    para = rnd.randint(20, 140)
    verbatim = []
    if variant == "block":
        cover = [f"{muni} kommun", "", f"Namn på dokumentet: {title}", "Dokumenttyp: Strategi", "Version: 1.0",
                 f"Beslutad av: {body}", f"Diarienummer: {dnr}", f"Dokumentansvarig: {owner}, {job}",
                 "Gäller: Tills vidare", f"Beslutad: {date}, § {para}", f"Revideras: senast {year + 4}", "", title]
    elif variant == "levels":
        cover = [f"{dnr}", title, f"{muni} kommun", f"Beslutad av: {body}, den {long_date(date)}",
                 "Dokumentansvarig på politisk nivå: Kommunstyrelsens ordförande",
                 f"Dokumentansvarig på tjänstemannanivå: {owner}, {job}"]
        verbatim.append(long_date(date))
    else:
        cover = [f"{muni.upper()} KOMMUN", title, f"Antagen av {body.lower()} {long_date(date)}, § {para}"]
        verbatim.append(long_date(date))
    vision = ["Vision", f"År {year + 10} är {muni} en kommun där människor och verksamheter vill stanna och växa.",
              "Inledning", f"Dokumentet anger riktningen för kommunens arbete inom området och gäller alla "
                           f"nämnder och bolag i {muni} kommun."]
    goal_page = ["Målområden"] + [f"{i}. {a}" for i, a in enumerate(areas, 1)] + [
        "", "Uppföljning", "Kommunstyrelsen följer upp arbetet årligen i samband med årsredovisningen."]
    pages = [cover, vision, goal_page]
    if variant == "cover":
        pages.append(["Dokumentinformation", f"Diarienummer: {dnr}", f"Beslutsdatum: {date}",
                      f"Dokumentansvarig: {owner}, {job}", f"Gäller till och med: {year + 4}-12-31"])
    header = [f"{muni} kommun" + " " * 30 + title]
    return Document(key, "strategi", fmt, style, title, pages, facts, header=header,
                    footer={"formfeed": "{n}({m})", "docplayer": "{n}"}.get(style, "Sida {n} av {m}"),
                    related=related or [], verbatim=verbatim)
