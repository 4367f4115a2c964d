"""Invented people: common Swedish first names and surnames, drawn by a seeded generator."""
from __future__ import annotations

import random

FIRST = ("Anna", "Maria", "Karin", "Eva", "Lena", "Sara", "Emma", "Ingrid", "Kristina", "Elin", "Johanna",
         "Malin", "Linnea", "Helena", "Ulrika", "Camilla", "Annika", "Jenny", "Sofia", "Birgitta",
         "Lars", "Anders", "Johan", "Per", "Erik", "Karl", "Peter", "Mikael", "Jonas", "Fredrik", "Magnus",
         "Daniel", "Stefan", "Mats", "Henrik", "Ola", "Niklas", "Tobias", "Patrik", "Gustav")
LAST = ("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
        "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Lindberg",
        "Lindqvist", "Lundgren", "Berglund", "Sandberg", "Forsberg", "Holm", "Engström", "Sjöberg",
        "Wallin", "Björk", "Nyström", "Hedlund", "Åberg", "Lundström", "Ekström", "Dahlberg", "Söderberg",
        "Hellström", "Norberg", "Blom", "Sundqvist", "Falk", "Strand", "Öberg")


class People:
    """Distinct full names for one set, drawn without repetition."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)
        self._used: set[str] = set()

    def one(self) -> str:
        while True:
            name = f"{self._rng.choice(FIRST)} {self._rng.choice(LAST)}"
            if name not in self._used:
                self._used.add(name)
                return name

    def many(self, n: int) -> list[str]:
        return [self.one() for _ in range(n)]

    def pick(self, options):
        return self._rng.choice(list(options))
