"""Gold recorded while a document is written: every value is noted where the text states it.

A builder writes its text through a `Record`, whose methods return the words they note, so the
gold and the text come from the same string and are never typed twice.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from tests.ingest.devset.gold import FIELDS, Gold, key


@dataclass
class Record:
    kind: str
    municipality: str
    values: dict[str, set[str]] = field(default_factory=lambda: {f: set() for f in FIELDS})
    partial: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.values["kind"] = {self.kind}
        self.values["municipality"] = {self.municipality}

    def title(self, text: str) -> str:
        self.values["title"] = {text}
        return text

    def date(self, iso: str) -> str:
        self.values["date"] = {iso}
        return iso

    def dnr(self, number: str) -> str:
        self.values["dnr"].add(number)
        return number

    def person(self, name: str) -> str:
        self.values["people"].add(name)
        return name

    def role(self, name: str, role_key: str) -> str:
        self.person(name)
        self.values["roles"].add(key(name, role_key))
        return name

    def decision(self, iso: str, body: str | None) -> None:
        self.values["decisions"].add(key(iso, body))

    def goal(self, label: str, text: str) -> str:
        self.values["goals"].add(key(label, text))
        self.values["goal_labels"].add(label)
        return text

    def subproject(self, number: int, title: str) -> str:
        self.values["subprojects"].add(key(number, title))
        return title

    def leader(self, number: int, name: str) -> str:
        self.person(name)
        self.values["subproject_leaders"].add(key(number, name))
        return name

    def member(self, number: int, name: str) -> str:
        self.person(name)
        self.values["subproject_members"].add(key(number, name))
        return name

    def subgoal(self, number: int, label: str) -> str:
        self.values["subproject_goals"].add(key(number, label))
        return label

    def consider(self, number: int, title: str) -> str:
        self.values["considerations"].add(key(number, title))
        return title

    def unsure(self, *fields: str) -> None:
        self.partial.update(fields)

    def gold(self) -> Gold:
        return Gold({f: set(v) for f, v in self.values.items()}, set(self.partial))


@dataclass
class Doc:
    """One constructed document: its pages as lines, how it is exported, and its gold."""

    name: str
    fmt: str  # docplayer | formfeed | markers | pdf | pdf-table
    title_line: str  # the site's title line (docplayer) or the file's first heading
    pages: list[list[str]]
    record: Record
    related: list[str] = field(default_factory=list)
    table: list[tuple[str, str, str]] | None = None  # a ruled organisation table (pdf-table)
    table_page: int = 0
    table_heading: str = ""
