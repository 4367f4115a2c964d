"""Invented people: common Swedish first names and surnames, drawn without repetition per document."""
from __future__ import annotations

import random

FIRST = ("Anna", "Erik", "Karin", "Lars", "Maria", "Johan", "Eva", "Per", "Sara", "Anders", "Emma", "Mikael",
         "Lena", "Magnus", "Ingrid", "Fredrik", "Helena", "Oskar", "Malin", "Henrik", "Sofia", "Björn",
         "Cecilia", "Gustav", "Elin", "Niklas", "Ulrika", "Jonas", "Linnea", "Mats", "Åsa", "Tobias",
         "Therese", "Patrik", "Jenny", "Stefan", "Ida", "Kristoffer", "Birgitta", "Rasmus", "Anna-Karin",
         "Per-Olof", "Marie-Louise", "Göran", "Ylva", "Torbjörn")
LAST = ("Lindqvist", "Holmberg", "Sandberg", "Forsberg", "Nyström", "Ekström", "Lundgren", "Björk", "Wallin",
        "Engström", "Hedlund", "Sjöberg", "Öberg", "Åkesson", "Lindholm", "Strand", "Berglund", "Håkansson",
        "Falk", "Blom", "Sundberg", "Nordin", "Dahlgren", "Hallberg", "Isaksson", "Söderlund", "Vikström",
        "Ahlgren", "Mattsson", "Rydén", "Ek Lindahl", "Granath", "Bergqvist", "Östlund")
TITLES = ("kommundirektör", "ekonomichef", "utvecklingsstrateg", "förvaltningschef", "verksamhetschef",
          "planarkitekt", "enhetschef", "HR-specialist", "kommunikatör", "controller", "rektor",
          "IT-strateg", "miljöstrateg", "nämndsekreterare", "digitaliseringsledare", "samhällsplanerare")
PARTIES = ("S", "M", "C", "KD", "V", "L", "MP", "SD")


class People:
    """Distinct full names for one document, from its own seeded random source."""

    def __init__(self, rnd: random.Random):
        self.rnd = rnd
        self.used: set[str] = set()
        self.used_last: set[str] = set()

    def name(self) -> str:
        while True:
            first, last = self.rnd.choice(FIRST), self.rnd.choice(LAST)
            full = f"{first} {last}"
            if full not in self.used and last not in self.used_last:
                self.used.add(full)
                self.used_last.add(last)
                return full

    def names(self, n: int) -> list[str]:
        return [self.name() for _ in range(n)]

    def title(self) -> str:
        return self.rnd.choice(TITLES)

    def party(self) -> str:
        return self.rnd.choice(PARTIES)


def listing(names: list[str], last_word: str = "och") -> str:
    """`A, B och C`: how prose lists people."""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + f" {last_word} " + names[-1]
