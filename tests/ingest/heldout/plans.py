"""Project documents (projektplan, projektdirektiv, uppdragsbeskrivning) in several layouts.

A `Layout` picks how the head, the roles, the goals and the subprojects are written; the content
(subject, goals, subprojects, works to take into account) comes from a topic. Every stated fact is
recorded in the document's `Facts` as it is written.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from tests.ingest.heldout.doc import Document, Facts, long_date
from tests.ingest.heldout.people import People, listing

ROLE_KEYS = {"Projektägare": "uppdragsansvarig", "Beställare": "uppdragsansvarig", "Uppdragsgivare": "uppdragsansvarig",
             "Projektbeställare": "uppdragsansvarig", "Projektledare": "projektledare", "Uppdragsledare": "projektledare",
             "Projektsekreterare": "projektsekreterare", "Projektgrupp": "projektgrupp", "Arbetsgrupp": "projektgrupp",
             "Projektdeltagare": "projektgrupp", "Projektmedarbetare": "projektgrupp", "Resurspersoner": "resursperson",
             "Sakkunniga": "resursperson", "Referensgrupp": "referensgrupp", "Styrgrupp": "styrgrupp"}
KIND_WORD = {"projektplan": "Projektplan", "projektdirektiv": "Projektdirektiv", "uppdragsbeskrivning": "Uppdragsbeskrivning"}


@dataclass(frozen=True)
class Topic:
    subject: str  # `en gemensam digital lärplattform för grundskolan`
    name: str  # the project's name: `Digital lärplattform`
    office: str  # the office that writes it: `Barn- och utbildningsförvaltningen`
    body: str  # the commissioning body: `Barn- och utbildningsnämnden`
    prefix: str  # case-number prefix: `BUN`
    goals: tuple[str, ...]
    subprojects: tuple[str, ...]
    considers: tuple[str, ...]  # titles of works to take into account; `{m}` is the municipality


@dataclass(frozen=True)
class Layout:
    style: str  # export style
    head: str  # flen | orebro | memo | direktiv
    roles: str  # labels | table | prose | pair
    role_words: tuple[str, ...]  # which roles, by the word written
    goal_heading: str
    goal_label: str  # num_dot | num_paren | word | letter_paren | upper_dot
    subs: str  # dash | colon | table | dp | none
    n_subs: int = 0
    signed: bool = False
    commission: str = "iso"  # iso | long | none: how the commissioning decision is written
    adopted_by: str | None = None  # a body that adopted the document itself, written in the head
    genitive: bool = False


def _label(style: str, i: int, word: str) -> tuple[str, str]:
    """(label as gold, prefix as written) of goal i (0-based)."""
    if style == "num_dot":
        return str(i + 1), f"{i + 1}. "
    if style == "num_paren":
        return str(i + 1), f"{i + 1}) "
    if style == "word":
        return str(i + 1), f"{word} {i + 1}: "
    if style == "letter_paren":
        return "abcdefgh"[i], f"{'abcdefgh'[i]}) "
    return "ABCDEFGH"[i], f"{'ABCDEFGH'[i]}. "


def _people_for(words: tuple[str, ...], ppl: People, rnd: random.Random) -> dict[str, list[tuple[str, str]]]:
    groups = {"Styrgrupp", "Projektgrupp", "Arbetsgrupp", "Projektdeltagare", "Projektmedarbetare", "Resurspersoner",
              "Sakkunniga", "Referensgrupp"}
    return {w: [(ppl.name(), ppl.title()) for _ in range(rnd.randint(2, 3) if w in groups else 1)] for w in words}


def _role_lines(layout: Layout, roles: dict[str, list[tuple[str, str]]], facts: Facts, org: str) -> list[str]:
    for word, members in roles.items():
        facts.people([n for n, _ in members], ROLE_KEYS[word])
    if layout.roles == "labels":
        out = []
        for word, members in roles.items():
            if len(members) == 1:
                out.append(f"{word}: {members[0][0]}, {members[0][1]}")
            else:
                out.append(f"{word}: " + listing([f"{n} ({t})" for n, t in members]))
        return out
    if layout.roles == "table":
        out = ["Roll                 Namn                         Funktion"]
        for word, members in roles.items():
            for i, (n, t) in enumerate(members):
                out.append(f"{word if i == 0 else '':<20} {n:<28} {t}")
        return out
    if layout.roles == "pair":
        words = list(roles)
        out = []
        for a, b in zip(words[0::2], words[1::2] + [None]):
            left, right = roles[a], roles[b] if b else []
            out.append(f"{a}: {b + ':' if b else ''}")
            out.append(" ".join(n for n, _ in left + right))
        return out
    return _role_prose(roles, org)


def _role_prose(roles: dict[str, list[tuple[str, str]]], org: str) -> list[str]:
    s = []
    for word, members in roles.items():
        names = [n for n, _ in members]
        first = members[0]
        if ROLE_KEYS[word] == "uppdragsansvarig":
            s.append(f"{org} är ägare till uppdraget och företräds av {first[1]} {first[0]}, som är {word.lower()}.")
        elif ROLE_KEYS[word] == "projektledare":
            s.append(f"Arbetet leds av {first[0]} ({first[1]}) i rollen som {word.lower()}.")
        elif ROLE_KEYS[word] == "projektsekreterare":
            s.append(f"{first[0]} är projektsekreterare och för anteckningar vid mötena.")
        elif ROLE_KEYS[word] == "styrgrupp":
            s.append(f"Styrgruppen består av {listing(names)}.")
        elif ROLE_KEYS[word] == "projektgrupp":
            s.append(f"I {word.lower()}en ingår {listing(names)}.")
        elif ROLE_KEYS[word] == "resursperson":
            s.append(f"Som {word.lower()} bidrar {listing(names)} vid behov.")
        else:
            s.append(f"En referensgrupp med {listing(names)} ger synpunkter på förslagen.")
    return [" ".join(s[:2]), " ".join(s[2:])] if len(s) > 2 else [" ".join(s)]


def _goal_lines(layout: Layout, topic: Topic, facts: Facts, n: int) -> tuple[list[str], list[str]]:
    lines, labels = [layout.goal_heading], []
    word = layout.goal_heading.split()[0]
    for i, text in enumerate(topic.goals[:n]):
        label, prefix = _label(layout.goal_label, i, word)
        facts.goal(label, text)
        labels.append(label)
        lines.append(prefix + text + ".")
    return lines, labels


def _addressed(labels: list[str]) -> str:
    return listing(labels)


def _sub_lines(layout: Layout, topic: Topic, facts: Facts, ppl: People, rnd: random.Random, labels: list[str],
               muni: str) -> list[list[str]]:
    """One block of lines per subproject (the table layout adds an overview block first)."""
    blocks, overview = [], ["Nr   Delprojekt                                   Ansvarig"]
    goal_word = layout.goal_heading.split()[0].lower()
    for n in range(1, layout.n_subs + 1):
        title = topic.subprojects[n - 1]
        leader, members = ppl.name(), ppl.names(rnd.randint(2, 3))
        addressed = sorted(rnd.sample(labels, k=min(len(labels), rnd.randint(1, 2))), key=labels.index)
        works = [w.format(m=muni) for w in rnd.sample(topic.considers, k=rnd.randint(1, 2))]
        facts.subproject(n, title)
        facts.sub_leader(n, leader)
        facts.sub_members(n, members)
        facts.sub_goals(n, addressed)
        facts.considers(n, works)
        if layout.subs == "dash":
            blocks.append([f"Delprojekt {n} – {title}", f"Delprojektledare: {leader}",
                           f"Deltagare: {listing(members)}", f"Bidrar till {goal_word} {_addressed(addressed)}.",
                           "Att beakta: " + "; ".join(works)])
        elif layout.subs == "colon":
            blocks.append([f"Delprojekt {n}: {title}",
                           f"Delprojektet leds av {leader}. I arbetsgruppen ingår {listing(members)}. "
                           f"Delprojektet svarar mot {goal_word} {_addressed(addressed)}. "
                           f"Hänsyn ska tas till {listing(works)}."])
        elif layout.subs == "table":
            overview.append(f"{n:<4} {title:<44} {leader}")
            blocks.append([f"Delprojekt {n}", f"Medverkande: {', '.join(members)}",
                           f"Koppling till {goal_word}: {', '.join(addressed)}", "Beroenden:",
                           *[f"- {w}" for w in works]])
        else:
            blocks.append([f"DP{n} {title}", f"Ansvarig: {leader}", f"Arbetsgrupp: {', '.join(members)}",
                           f"Mål som adresseras: {', '.join(addressed)}", f"Samordnas med: {', '.join(works)}"])
    return ([overview] if layout.subs == "table" else []) + blocks


def _date(rnd: random.Random, year: int, months: tuple[int, int] = (1, 12)) -> str:
    return f"{year}-{rnd.randint(*months):02d}-{rnd.randint(1, 28):02d}"


def project_document(key: str, kind: str, muni: str, topic: Topic, layout: Layout, seed: int, fmt: str = "txt",
                     related: list[str] | None = None) -> Document:
    rnd = random.Random(seed)
    ppl = People(rnd)
    facts = Facts(kind, muni)
    year = rnd.randint(2019, 2024)
    date = facts.date(_date(rnd, year, (3, 11)))
    dnr = facts.dnr(f"{topic.prefix} {year}/{rnd.randint(12, 480)}")
    written_muni = f"{muni}{'s' if layout.genitive else ''} kommun"
    word = KIND_WORD[kind]
    title = facts.title(f"{word} för {topic.subject}" if layout.head != "flen" else f"{word} {topic.name}")
    verbatim = []
    head = _head(layout, word, title, date, dnr, written_muni, topic, ppl, facts, rnd, year)
    commission = []
    if layout.commission != "none":
        cdate, cdnr = _date(rnd, year - 1, (1, 12)), f"{topic.prefix} {year - 1}/{rnd.randint(500, 990)}"
        facts.decision(cdate, topic.body, cdnr)
        if layout.commission == "iso":
            commission.append(f"{topic.body} beslutade {cdate}, § {rnd.randint(10, 160)}, att ge {topic.office.lower()} "
                              f"i uppdrag att ta fram {topic.subject} (dnr {cdnr}).")
        else:
            verbatim.append(long_date(cdate))
            commission.append(f"Den {long_date(cdate)} gav {topic.body.lower()} {topic.office.lower()} i uppdrag "
                              f"att utreda förutsättningarna för {topic.subject}. Ärendet har diarienummer {cdnr}.")
    roles = _people_for(layout.role_words, ppl, rnd)
    owner = next((w for w in layout.role_words if ROLE_KEYS[w] == "uppdragsansvarig"), None)
    org_lines = _role_lines(layout, roles, facts, topic.office)
    goals, labels = _goal_lines(layout, topic, facts, rnd.randint(3, len(topic.goals)))
    subs = _sub_lines(layout, topic, facts, ppl, rnd, labels, muni) if layout.subs != "none" else []
    pages = [head,
             ["1 Bakgrund", *commission,
              f"I {written_muni} finns i dag flera parallella arbetssätt inom området, och behovet av en samlad "
              f"lösning har lyfts i verksamhetsplaneringen.",
              "2 Syfte", f"Syftet är att {topic.subject} ska komma hela organisationen till nytta.", "", *goals],
             ["3 Organisation" if layout.roles != "pair" else "Medverkande", *org_lines]]
    for i in range(0, len(subs), 2):
        pages.append((["4 Delprojekt"] if i == 0 else []) + [line for block in subs[i:i + 2] for line in block + [""]])
    tail = ["5 Tidplan", f"Start: {year}-0{rnd.randint(1, 9)}-01",
            f"Delrapport till {'styrgruppen' if 'Styrgrupp' in roles else 'beställaren'}: {long_date(_date(rnd, year, (9, 11)))}",
            f"Slutrapport: {year + 1}-0{rnd.randint(1, 6)}-30", "6 Kostnader",
            "Arbetet bedrivs inom befintliga ramar." if layout.style != "docplayer"
            else "Kostnaden för externt stöd beräknas till kronor och ryms inom ram."]
    if layout.signed:
        signer = owner and roles[owner][0]
        name, job = signer if signer else (ppl.name(), ppl.title())
        facts.person(name, "signatory")
        tail += ["", f"{muni} {date}", "", name, job]
    pages.append(tail)
    header = [f"{written_muni.upper()}" + " " * 30 + word.upper(), f"{topic.office}" + " " * 12 + f"{date}   Dnr {dnr}"]
    return Document(key, kind, fmt, layout.style, title, pages, facts, header=header,
                    footer={"docplayer": "Sidan {n} av {m}", "formfeed": "{n} ({m})", "pdf": "Sida {n} ({m})"}.get(layout.style, "Sida {n} av {m}"),
                    related=related or [], verbatim=verbatim)


def _head(layout: Layout, word: str, title: str, date: str, dnr: str, written_muni: str, topic: Topic, ppl: People,
          facts: Facts, rnd: random.Random, year: int) -> list[str]:
    adopted = []
    if layout.adopted_by:
        adate = date
        facts.decision(adate, layout.adopted_by)
        adopted = [f"Beslutad av: {layout.adopted_by} {adate}, § {rnd.randint(5, 90)}"]
    if layout.head == "flen":
        return [f"Beslutsprocess {written_muni}", f"Projektnamn: {title}", f"Datum: {date}", f"Diarienummer: {dnr}",
                *adopted, f"Startdatum: {long_date(date)}", f"Slutdatum: december {year + 1}"]
    if layout.head == "orebro":
        author = facts.person(ppl.name())
        return ["Dokumenttyp        Datum          Version   Sida",
                f"{word:<18} {date}     1.2       1 (5)",
                "Upprättad av                           Dnr",
                f"{author:<38} {dnr}", "", title, written_muni, *adopted]
    if layout.head == "memo":
        return [written_muni, topic.office, "", title, "", f"Datum: {date}", f"Dnr: {dnr}", *adopted,
                "Version: 1.0 (fastställd)"]
    return [word.upper(), title, "", f"{written_muni} – {topic.office}", f"{long_date(date)}", f"Ärendenummer {dnr}",
            *adopted, f"Upprättad {date}"]
