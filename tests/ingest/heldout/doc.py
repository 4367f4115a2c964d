"""A held-out document as built: its pages of lines, how it is exported, and its gold, recorded together.

Builders write a sentence and record the facts it states in the same step (`Facts`), so the gold
is never typed twice and every value comes from text that is in the document.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from tests.ingest.devset.gold import FIELDS, Gold, key

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")


def long_date(iso: str) -> str:
    """`2023-03-07` as Swedish prose: `7 mars 2023`."""
    y, m, d = iso.split("-")
    return f"{int(d)} {MONTHS[int(m) - 1]} {y}"


class Facts:
    """The gold of one document, filled while its text is written."""

    def __init__(self, kind: str, municipality: str):
        self.values: dict[str, set[str]] = {f: set() for f in FIELDS}
        self.values["kind"] = {kind}
        self.values["municipality"] = {municipality}
        self.partial: set[str] = set()

    def title(self, text: str) -> str:
        self.values["title"] = {text}
        return text

    def date(self, iso: str) -> str:
        self.values["date"] = {iso}
        return iso

    def dnr(self, text: str) -> str:
        self.values["dnr"].add(text)
        return text

    def person(self, name: str, role: str | None = None) -> str:
        self.values["people"].add(name)
        if role:
            self.values["roles"].add(key(name, role))
        return name

    def people(self, names: list[str], role: str | None = None) -> list[str]:
        return [self.person(n, role) for n in names]

    def decision(self, iso: str, body: str, dnr: str | None = None) -> None:
        self.values["decisions"].add(key(iso, body))
        if dnr:
            self.dnr(dnr)

    def goal(self, label: str, text: str) -> None:
        self.values["goals"].add(key(label, text))
        self.values["goal_labels"].add(label)

    def subproject(self, n: int, title: str) -> None:
        self.values["subprojects"].add(key(n, title))

    def sub_leader(self, n: int, name: str) -> None:
        self.person(name)
        self.values["subproject_leaders"].add(key(n, name))

    def sub_members(self, n: int, names: list[str]) -> None:
        for name in names:
            self.person(name)
            self.values["subproject_members"].add(key(n, name))

    def sub_goals(self, n: int, labels: list[str]) -> None:
        self.values["subproject_goals"] |= {key(n, g) for g in labels}

    def considers(self, n: int, titles: list[str]) -> None:
        self.values["considerations"] |= {key(n, t) for t in titles}

    def gold(self) -> Gold:
        return Gold({f: set(v) for f, v in self.values.items()}, set(self.partial))


@dataclass
class Document:
    key: str  # file stem: `ho01-projektplan-granbacka`
    kind: str
    fmt: str  # `txt` or `pdf`
    style: str  # export style: docplayer | formfeed | sida | fivedok | pdf
    title: str
    pages: list[list[str]]
    facts: Facts
    header: list[str] = field(default_factory=list)  # running header lines on every page
    footer: str = "Sida {n} av {m}"  # running footer, `{n}`/`{m}` page number and count
    related: list[str] = field(default_factory=list)  # a docplayer page's `Relevanta dokument`
    verbatim: list[str] = field(default_factory=list)  # prose forms of gold dates, written as such

    @property
    def file_name(self) -> str:
        return f"{self.key}.{self.fmt}"

    def gold(self) -> Gold:
        return self.facts.gold()
