"""The dev set's documents, generated from a seed: which kinds, layouts and export styles.

Mostly plans and directives, some assignment descriptions, protocol extracts and strategies;
text in five export styles and PDF in three layouts, then the plans and directives of
SHAPED_LAYOUTS in the sectioned shape. `dev_specs()` is deterministic.
"""
from __future__ import annotations

import random
from dataclasses import replace

from tests.ingest.devset.model import Decision, DocSpec, Goal, Person, Role, Subproject
from tests.ingest.devset.pool import (BODIES, FIRST, LAST, MUNICIPALITIES, PARTIES, SECOND_LAST, SHAPED_MUNICIPALITIES,
                                      TITLES, TOPICS, UNITS)

SEED = 20260415

# (kind, format, style): the mix of the set. Text styles are export styles (render_text), PDF
# styles are page layouts (render_pdf).
LAYOUTS: tuple[tuple[str, str, str], ...] = (
    ("projektplan", "text", "formfeed"), ("projektplan", "text", "docplayer"), ("projektplan", "text", "pages-nm"),
    ("projektplan", "text", "flat-table"), ("projektplan", "pdf", "letterhead"), ("projektplan", "pdf", "org-table"),
    ("projektplan", "pdf", "cover-table"), ("projektplan", "text", "run-labels"), ("projektplan", "text", "docplayer"),
    ("projektplan", "pdf", "org-table"),
    ("projektdirektiv", "text", "run-labels"), ("projektdirektiv", "text", "formfeed"),
    ("projektdirektiv", "text", "docplayer"), ("projektdirektiv", "pdf", "cover-table"),
    ("projektdirektiv", "pdf", "org-table"), ("projektdirektiv", "text", "flat-table"),
    ("projektdirektiv", "text", "pages-nm"), ("projektdirektiv", "pdf", "letterhead"),
    ("uppdragsbeskrivning", "text", "formfeed"), ("uppdragsbeskrivning", "text", "docplayer"),
    ("uppdragsbeskrivning", "pdf", "letterhead"), ("uppdragsbeskrivning", "text", "flat-table"),
    ("protokollsutdrag", "text", "docplayer"), ("protokollsutdrag", "text", "pages-nm"),
    ("protokollsutdrag", "pdf", "letterhead"),
    ("strategi", "text", "flat-table"), ("strategi", "pdf", "cover-table"), ("strategi", "text", "formfeed"),
)

# Plans and directives in the sectioned shape (docs/genre.md §11): goals under a compound goal
# heading after an intro line, each subproject a section of its own headed `Delprojekt N Titel
# (mål 1 och 2)`, `Delprojektansvarig:`/`Deltagare:` labels, `Ska beaktas:` with `*` bullets
# (two works joined by `och` in one bullet), and double surnames. Appended after LAYOUTS so the
# earlier documents stay as they are.
SHAPED_LAYOUTS: tuple[tuple[str, str, str], ...] = (
    ("projektplan", "text", "formfeed"), ("projektplan", "pdf", "org-table"),
    ("projektdirektiv", "text", "pages-nm"), ("projektplan", "text", "docplayer"),
)

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")


class _People:
    """Distinct invented people for one document (no name twice in a document)."""

    def __init__(self, rnd: random.Random, double_surnames: bool = False):
        self.rnd = rnd
        self.used: set[str] = set()
        self.double_surnames = double_surnames

    def one(self, title: bool = False, party: bool = False) -> Person:
        while True:
            name = f"{self.rnd.choice(FIRST)} {self.rnd.choice(LAST)}"
            if self.double_surnames and self.rnd.random() < 0.35:
                name += f" {self.rnd.choice(SECOND_LAST)}"
            if name not in self.used:
                self.used.add(name)
                return Person(name, self.rnd.choice(TITLES) if title else None,
                              self.rnd.choice(PARTIES) if party else None)

    def some(self, n: int, title: bool = False) -> tuple[Person, ...]:
        return tuple(self.one(title) for _ in range(n))


def _date(rnd: random.Random, year: int) -> str:
    return f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"


def _dnr(rnd: random.Random, year: int, shape: int) -> str:
    serial = rnd.randint(12, 990)
    return (f"KS {year}/{serial:04d}", f"KS {year}/{serial}", f"KS-{year}/{serial}", f"KSN-{year}-{serial:04d}")[shape % 4]


def _decisions(rnd: random.Random, year: int, topic: dict, n: int, dnr_shape: int) -> tuple[Decision, ...]:
    out = []
    month = rnd.randint(1, 4)
    for i in range(n):
        body = BODIES[(i + rnd.randint(0, 2)) % len(BODIES)][0]
        date = f"{year}-{month + 3 * i:02d}-{rnd.randint(1, 28):02d}"
        text = (f"ge kommundirektören i uppdrag att ta fram ett förslag om {topic['subject']}",
                f"godkänna inriktningen för arbetet med {topic['short']}",
                f"avsätta medel för arbetet med {topic['short']} inom befintlig ram")[i % 3]
        dnr = _dnr(rnd, year - 1, dnr_shape) if i == 0 and rnd.random() < 0.5 else None
        out.append(Decision(body, date, text, rnd.randint(10, 190), dnr))
    return tuple(out)


def _goals(rnd: random.Random, topic: dict, lettered: bool) -> tuple[Goal, ...]:
    texts = topic["goals"][: rnd.randint(3, len(topic["goals"]))]
    return tuple(Goal(chr(ord("a") + i) if lettered else str(i + 1), t) for i, t in enumerate(texts))


def _subprojects(rnd: random.Random, topic: dict, goals: tuple[Goal, ...], people: _People, n: int) -> tuple[Subproject, ...]:
    out = []
    labels = [g.label for g in goals]
    words = rnd.choice((("Delprojektledare", "Arbetsgrupp"), ("Projektledare", "Projektgrupp"),
                        ("Ansvarig", "Deltagare")))
    for i in range(n):
        addressed = tuple(sorted(rnd.sample(labels, k=min(len(labels), rnd.randint(1, 2))), key=labels.index))
        out.append(Subproject(
            i + 1, topic["subs"][i], leaders=(people.one(title=rnd.random() < 0.5),),
            members=people.some(rnd.randint(2, 4)), goals=addressed,
            considers=tuple(rnd.sample(topic["works"], k=rnd.randint(1, 3))),
            leader_word=words[0], member_word=words[1]))
    return tuple(out)


def _title(kind: str, topic: dict, muni: str) -> str:
    return {
        "projektplan": f"Projektplan för {topic['subject']}",
        "projektdirektiv": f"Projektdirektiv för {topic['subject']}",
        "uppdragsbeskrivning": f"Uppdragsbeskrivning för {topic['subject']}",
        "protokollsutdrag": f"Uppdrag om {topic['subject']}",
        "strategi": f"Strategi för {topic['short']} i {muni} kommun",
    }[kind]


def _roles(kind: str, rnd: random.Random, people: _People) -> tuple[Role, ...]:
    if kind == "protokollsutdrag":
        return (Role(people.one(party=True), "ordforande", "Ordförande"),
                Role(people.one(party=True), "justerare", "Justerande"),
                Role(people.one(), "sekreterare", "Sekreterare"))
    if kind == "strategi":
        return (Role(people.one(title=True), "dokumentansvarig", "Dokumentansvarig"),)
    owner_word = rnd.choice(("Uppdragsansvarig", "Projektägare", "Beställare"))
    roles = [Role(people.one(title=True), "uppdragsansvarig", owner_word),
             Role(people.one(title=rnd.random() < 0.5), "projektledare", "Projektledare")]
    roles += [Role(p, "styrgrupp", "Styrgrupp") for p in people.some(rnd.randint(2, 4))]
    if kind != "projektdirektiv" or rnd.random() < 0.5:
        roles += [Role(p, "projektgrupp", "Projektgrupp") for p in people.some(rnd.randint(2, 4))]
    if rnd.random() < 0.3:
        roles += [Role(p, "referensgrupp", "Referensgrupp") for p in people.some(2)]
    return tuple(roles)


def spec_for(index: int, kind: str, fmt: str, style: str, rnd: random.Random, shape: str | None = None) -> DocSpec:
    muni = (SHAPED_MUNICIPALITIES[index % len(SHAPED_MUNICIPALITIES)] if shape
            else MUNICIPALITIES[index % len(MUNICIPALITIES)])
    topic = TOPICS[(index * 5) % len(TOPICS)]
    year = rnd.randint(2014, 2023)
    people = _People(rnd, double_surnames=shape is not None)
    roles = _roles(kind, rnd, people)
    lettered = kind == "projektplan" and rnd.random() < 0.3
    goals = _goals(rnd, topic, lettered) if kind != "protokollsutdrag" else ()
    n_subs = {"projektplan": rnd.randint(2, 4), "projektdirektiv": rnd.choice((2, 3) if shape else (0, 2, 3))}.get(kind, 0)
    n_subs = min(n_subs, len(topic["subs"]))
    subs = _subprojects(rnd, topic, goals, people, n_subs) if n_subs else ()
    n_dec = {"protokollsutdrag": 1, "strategi": 1}.get(kind, rnd.randint(1, 2))
    decisions = _decisions(rnd, year, topic, n_dec, index)
    if kind in ("protokollsutdrag", "strategi"):
        # Their one decision is the document's own: it has the document's case number.
        decisions = tuple(replace(d, dnr=None) for d in decisions)
    date = _date(rnd, year + (1 if kind not in ("protokollsutdrag", "strategi") else 0))
    if kind in ("protokollsutdrag", "strategi"):
        date = decisions[0].date
    dnrs = (_dnr(rnd, year, index),)
    if kind == "projektplan" and rnd.random() < 0.25:
        dnrs += (_dnr(rnd, year, index + 1),)
    extras = {"signatory": people.one(title=True)} if kind == "projektplan" and rnd.random() < 0.4 else {}
    if shape:
        extras["shape"] = shape
    key = f"dev{index + 1:02d}-{kind}-{style}" + (f"-{shape}" if shape else "")
    return DocSpec(
        key=key, municipality=muni, kind=kind, title=_title(kind, topic, muni), date=date, dnrs=dnrs,
        unit=rnd.choice(UNITS), topic=topic["short"], roles=roles, decisions=decisions, goals=goals,
        subprojects=subs, fmt=fmt, style=style, lettered_goals=lettered, genitive=rnd.random() < 0.3,
        extras=extras)


def dev_specs(seed: int = SEED) -> list[DocSpec]:
    rnd = random.Random(seed)
    specs = [spec_for(i, kind, fmt, style, rnd) for i, (kind, fmt, style) in enumerate(LAYOUTS)]
    return specs + [spec_for(len(LAYOUTS) + i, kind, fmt, style, rnd, shape="sections")
                    for i, (kind, fmt, style) in enumerate(SHAPED_LAYOUTS)]


def long_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)} {MONTHS[int(m) - 1]} {y}"


def month_year(iso: str) -> str:
    y, m, _ = iso.split("-")
    return f"{MONTHS[int(m) - 1].capitalize()} {y}"
