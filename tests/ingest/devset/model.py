"""What a constructed document says: municipality, kind, people, decisions, goals, subprojects.

A `DocSpec` is both the input of the renderers and the source of the gold, so that every
document's gold is derived from the same description as its text and never typed twice.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Person:
    name: str
    title: str | None = None  # job title, written before or after the name
    party: str | None = None  # `(S)` in minutes


@dataclass(frozen=True)
class Role:
    """A person's role in the document as a whole (not in one subproject)."""

    person: Person
    role: str  # the role key (styrgraf.ingest.roles keys, or a meeting role such as `ordförande`)
    word: str  # the role word as written: `Projektägare`, `Styrgrupp`, `Justerande`


@dataclass(frozen=True)
class Decision:
    body: str  # the deciding body as written: `Kommunstyrelsen`
    date: str  # ISO date
    text: str  # what was decided (the att-clause)
    paragraph: int | None = None  # § number
    dnr: str | None = None  # the case number of that decision when it is not the document's


@dataclass(frozen=True)
class Goal:
    label: str  # `1`, `2` … or `a`, `b` …
    text: str


@dataclass(frozen=True)
class Subproject:
    number: int
    title: str
    leaders: tuple[Person, ...]
    members: tuple[Person, ...] = ()
    goals: tuple[str, ...] = ()  # labels of the document's goals it addresses
    considers: tuple[str, ...] = ()  # titles of works it must take into account
    leader_word: str = "Delprojektledare"
    member_word: str = "Arbetsgrupp"


@dataclass(frozen=True)
class DocSpec:
    key: str  # file stem: `dev01-projektplan-norrbacka`
    municipality: str  # base name: `Norrbacka` (written `Norrbacka kommun`)
    kind: str  # projektplan | projektdirektiv | uppdragsbeskrivning | protokollsutdrag | strategi
    title: str
    date: str  # ISO date of the document
    dnrs: tuple[str, ...]  # the document's own case numbers, first the main one
    unit: str  # the issuing office, for letterheads: `Kommunledningskontoret`
    topic: str  # a few words for prose: `digital service`
    roles: tuple[Role, ...] = ()
    decisions: tuple[Decision, ...] = ()
    goals: tuple[Goal, ...] = ()
    subprojects: tuple[Subproject, ...] = ()
    # How it is written out: `text` or `pdf`, and the style within the format.
    fmt: str = "text"
    style: str = "formfeed"
    lettered_goals: bool = False
    genitive: bool = False  # `Norrbackas kommun`
    extras: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def municipality_written(self) -> str:
        name = self.municipality
        if self.genitive:
            name += "" if name.endswith("s") else "s"
        return f"{name} kommun"

    @property
    def file_name(self) -> str:
        return f"{self.key}.{'pdf' if self.fmt == 'pdf' else 'txt'}"
