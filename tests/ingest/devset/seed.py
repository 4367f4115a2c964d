"""The seed's gold for the fidelity harness, taken from tests/ingest/test_seed_gold.py.

The people and their subproject roles are imported from that test; the facts it asserts
inline (title, Dnr, dates, the decision chain, which subproject addresses which intention)
are restated here in the harness's fields. Fields the test asserts only in part (subproject
titles, works to take into account, the intentions' texts) are `partial`.
"""
from __future__ import annotations

from tests.ingest.devset.gold import FIELDS, Gold, key
from tests.ingest.test_seed_gold import PEOPLE

LEADING = ("uppdragsansvarig", "projektledare")
OWNER = "Fredrik Geijer"

COVERAGE = {1: {1}, 2: {1}, 3: {1}, 4: {3}, 5: {3}, 6: {2}, 7: {5}, 8: {1, 2}, 9: {6}, 10: {1}, 11: {6}, 12: {2}}
SUBPROJECT_TITLES = {1: "Näringslivsstrategi för Halmstads kommun", 4: "Kultur och värderingar",
                     5: "Utveckling av samarbete med Cityförening och handel",
                     6: "Skola, näringsliv och arbetsmarknad"}
CONSIDERS = {
    1: ("Pågående projekt om att utveckla visionsstyrning, samordning, controlling mm",
        "Projekt Samordnad kommunikation och marknadsföring",
        "Utredning Regional samordning (kontinuerliga styrgrupperna) KS-VP 2012",
        "Utredning Strategiska tillväxtområden Kunskapsföretag KS-VP 2012"),
    5: ("Cityutvecklingsprojektet Stadens Hjärta", "Cityföreningens affärsplan", "HNABs affärsplan"),
    6: ("Planeringsdirektiv med budget 2012-2014", "SMILE-projektet (Samordnare Skola-Närsamhälle)",
        "Utveckling av Teknik College", "Pågående processer inom grundskola och gymnasieskola"),
}
INTENTION_12 = "Samarbete med Region Halland och andra regionala arenor tydliggörs så att bästa gemensamma nytta uppnås."


def seed_gold() -> Gold:
    v: dict[str, set[str]] = {f: set() for f in FIELDS}
    v["title"] = {"PROJEKTPLAN FÖR UTVECKLING AV KOMMUNENS NÄRINGSLIVSARBETE"}
    v["date"] = {"2012-02-22"}
    v["dnr"] = {"KS 2011/0456", "KS 2011/0546"}
    v["municipality"] = {"Halmstad"}
    v["kind"] = {"projektplan"}
    v["decisions"] = {key("2011-09-06", "KS"), key("2011-12-06", "KLU"), key("2012-02-07", "KLU"), key("2012-02-22", None)}
    v["people"] = {OWNER} | {name for people in PEOPLE.values() for name, _ in people}
    v["roles"] = {key(OWNER, "uppdragsansvarig"), key(OWNER, "signatory")}
    for n, people in PEOPLE.items():
        for name, role in people:
            v["subproject_leaders" if role in LEADING else "subproject_members"].add(key(n, name))
    v["goal_labels"] = {chr(ord("a") + n - 1) for n in range(1, 13)}
    v["goals"] = {key("l", INTENTION_12)}
    v["subprojects"] = {key(n, t) for n, t in SUBPROJECT_TITLES.items()}
    v["subproject_goals"] = {key(sp, chr(ord("a") + i - 1)) for i, sps in COVERAGE.items() for sp in sps}
    v["considerations"] = {key(n, t) for n, ts in CONSIDERS.items() for t in ts}
    return Gold(v, partial={"goals", "subprojects", "considerations"})
