"""Protocol extracts (protokollsutdrag): one § of a meeting, with or without the protocol's cover page."""
from __future__ import annotations

import random

from tests.ingest.heldout.doc import Document, Facts, long_date
from tests.ingest.heldout.people import People


def minutes_document(key: str, muni: str, body: str, prefix: str, matter: str, subject: str, variant: str,
                     style: str, seed: int, fmt: str = "txt", related: list[str] | None = None) -> Document:
    """variant: `cover` (full cover page first), `single` (the § alone, chair in prose), `extract`
    (`Utdrag ur protokoll` with the signatures below the §)."""
    rnd = random.Random(seed)
    ppl = People(rnd)
    facts = Facts("protokollsutdrag", muni)
    year = rnd.randint(2018, 2024)
    date = facts.date(f"{year}-{rnd.randint(2, 11):02d}-{rnd.randint(1, 28):02d}")
    facts.decision(date, body)
    para = rnd.randint(12, 240)
    dnr = facts.dnr(f"{prefix} {year - 1}/{rnd.randint(40, 700)}" if rnd.random() < 0.5 else f"{year}/{rnd.randint(100, 999)} {prefix}-1")
    title = facts.title(matter)
    chair, adjuster, secretary = ppl.name(), ppl.name(), ppl.name()
    chair_party, adj_party = ppl.party(), ppl.party()
    facts.person(chair, "ordforande")
    verbatim = []
    earlier = f"{year - 1}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
    facts.decision(earlier, "Kommunstyrelsen")
    writer, leader = ppl.name(), ppl.name()
    facts.person(writer)
    facts.person(leader, "projektledare")
    matter_page = [f"§ {para}{'/' + str(year) if variant == 'single' else ''}    Dnr {dnr}", "", matter, "",
                   "Ärendebeskrivning",
                   f"Kommunstyrelsen gav den {long_date(earlier)} förvaltningen i uppdrag att ta fram {subject}. "
                   f"Ett förslag har nu arbetats fram i samverkan med berörda verksamheter.",
                   "Beslutsunderlag",
                   f"Tjänsteskrivelse från {writer}, {ppl.title()}, daterad {year}-{rnd.randint(1, 2):02d}-{rnd.randint(1, 28):02d}",
                   f"{matter}, version {rnd.randint(2, 4)}.0"]
    verbatim.append(long_date(earlier))
    if variant == "single":
        matter_page = [f"{muni} kommun", "Sammanträdes- protokoll", body, f"Sammanträdesdatum {date}", ""] + matter_page
        matter_page += ["Proposition",
                        f"Ordförande {chair} ({chair_party}) frågar om {body.lower()} bifaller förslaget och finner att så är fallet."]
    matter_page += ["", "Beslut" if variant != "extract" else f"{body} beslutar", *([f"{body} beslutar"] if variant != "extract" else []),
                    f"att godkänna {matter[0].lower() + matter[1:]},",
                    f"att utse {leader} till projektledare, samt",
                    "att arbetet ska återrapporteras senast i december.", "",
                    "Beslutet skickas till", f"{leader}", f"{writer}", "Akt"]
    pages = []
    if variant == "cover":
        members = ppl.names(rnd.randint(5, 8))
        subs = ppl.names(2)
        officials = [(ppl.name(), ppl.title()) for _ in range(2)]
        facts.people(members)
        facts.people(subs)
        facts.people([n for n, _ in officials])
        facts.person(adjuster, "justerare")
        facts.person(secretary, "sekreterare")
        seated = [f"{chair} ({chair_party}), ordförande", f"{adjuster} ({adj_party})"] + [f"{m} ({ppl.party()})" for m in members]
        rnd.shuffle(seated)
        pages.append([f"{muni.upper()} KOMMUN", "SAMMANTRÄDESPROTOKOLL", body, f"Sammanträdesdatum {date}", "",
                      "Plats och tid", f"Kommunhuset, {muni}, kl. 13.00–16.15", "",
                      "Beslutande", *seated, "",
                      "Ersättare", *[f"{s} ({ppl.party()}) ersätter {ppl.name()} ({ppl.party()})" for s in subs[:1]],
                      f"{subs[1]} ({ppl.party()})", "",
                      "Övriga närvarande", *[f"{n}, {t}" for n, t in officials], "",
                      "Utses att justera", f"{adjuster} ({adj_party})",
                      "Justeringens plats och tid", f"Kommunkansliet, {long_date(date)}",
                      "Underskrifter    Sekreterare                Paragrafer",
                      f"                 {secretary:<26} §§ {para - 3}–{para + 6}",
                      "                 Ordförande",
                      f"                 {chair}", "                 Justerande", f"                 {adjuster}", "",
                      "ANSLAG/BEVIS", "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
                      f"Organ {body}", f"Sammanträdesdatum {date}",
                      "Förvaringsplats för protokollet Kommunkansliet"])
        verbatim.append(long_date(date))
    pages.append(matter_page)
    if variant == "extract":
        facts.person(adjuster, "justerare")
        facts.person(secretary, "sekreterare")
        pages[-1] = [f"Utdrag ur protokoll fört vid sammanträde med {body.lower()} i {muni} kommun den {long_date(date)}",
                     f"Sammanträdesdatum: {date}", ""] + pages[-1] + [
            "", "Justeras", f"{chair}, ordförande      {adjuster}, justerare", "",
            "Rätt utdraget ur protokollet intygar", f"{secretary}, sekreterare"]
        verbatim.append(long_date(date))
    header = [f"{muni} kommun" + " " * 20 + "SAMMANTRÄDESPROTOKOLL", f"{body}" + " " * 16 + f"Sammanträdesdatum {date}"]
    footer = "Justerandes sign    Utdragsbestyrkande    {n}({m})" if variant != "single" else "Sign. Ordf.   Justerare   Exp. datum   Sign.   Sidan {n} av {m}"
    doc = Document(key, "protokollsutdrag", fmt, style, title, pages, facts, header=header, footer=footer,
                   related=related or [], verbatim=verbatim)
    substitutes_named(doc)
    return doc


def substitutes_named(doc: Document) -> None:
    """The replaced members on an `ersätter` line are named people as well: add them to the gold."""
    for page in doc.pages:
        for line in page:
            if " ersätter " in line:
                replaced = line.split(" ersätter ", 1)[1].rsplit(" (", 1)[0]
                doc.facts.person(replaced)

