"""Resolution, overlaps and checks on generated plans (bench/synth.py), compared with the generator's truth.

The generator writes each referenced work in one of several wordings and
records which canonical work each wording names; it also records the people's
roles and every impossible date. None of these names occur in the analysis code.
"""
from __future__ import annotations

import random
import re
from collections import Counter, defaultdict

import pytest

from bench.synth import generate_plan
from styrgraf.graph.analysis import compute_overlaps, run_checks
from styrgraf.graph.analysis.resolution import load_resolution
from styrgraf.graph.analysis.similarity import fold, fold_name
from styrgraf.graph.documents import ingest_file
from styrgraf.graph.store.interface import open_store

DOCS = 24


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """24 generated plans from the two municipalities drawn most often (so that documents share entities)."""
    plans = [generate_plan(random.Random(1000 + i), i) for i in range(300)]
    top = [m for m, _n in Counter(t.municipality for _x, t in plans).most_common(2)]
    chosen = [(x, t) for x, t in plans if t.municipality in top][:DOCS]
    folder = tmp_path_factory.mktemp("generated")
    store = open_store(str(folder / "store"))
    for i, (text, _truth) in enumerate(chosen):
        path = folder / f"{i:03d}.txt"
        path.write_text(text, encoding="utf-8")
        assert ingest_file(store, path).ok
    yield store, [t for _x, t in chosen]
    store.close()


def test_resolution_never_merges_different_works_and_finds_most_variants(generated):
    store, truths = generated
    p, res = load_resolution(store)
    canonical = {(t.municipality, fold(title)): key for t in truths for title, key in t.reference_canonical.items()}

    def truth_key(work):
        n = p.node(work)
        munis = {p.node(d).get("municipality") for d in n["docs"]}
        keys = {canonical.get((m, fold(n["title"]))) for m in munis} - {None}
        return (p.scope(work), keys.pop()) if len(keys) == 1 else None

    wrong = [m.note for m in res.matches if m.identity and p.kind(m.a) == p.kind(m.b) == "work"
             and truth_key(m.a) and truth_key(m.b) and truth_key(m.a) != truth_key(m.b)]
    assert wrong == []
    groups = defaultdict(list)
    for w in p.of_kind("work"):
        if truth_key(w):
            groups[truth_key(w)].append(w)
    comparable = merged = 0
    for works in groups.values():
        for i, a in enumerate(works):
            for b in works[i + 1:]:
                na, nb = (set(re.findall(r"\d+", p.node(x)["title"])) for x in (a, b))
                if na and nb and na != nb:
                    continue  # the truth counts `… 2010` and `… 2017` as one kind of plan; they are two plans
                comparable += 1
                merged += res.canon(a) == res.canon(b)
    assert comparable >= 20
    assert merged / comparable >= 0.5, (merged, comparable)


def test_checks_report_exactly_the_generated_impossible_dates(generated):
    store, truths = generated
    result = run_checks(store, with_evidence=False)
    found = Counter(f["date_text"] for f in result["findings"] if f["code"] == "impossible-date")
    expected = Counter(m.text for t in truths for m in t.milestones if not m.valid)
    assert found == expected


def test_people_in_many_subprojects_match_the_truth(generated):
    store, truths = generated
    result = run_checks(store, max_subprojects=3, with_evidence=False)
    where = defaultdict(set)
    for i, t in enumerate(truths):
        for name, _role, sub in t.roles:
            if sub is not None:
                where[(t.municipality, fold_name(name))].add((i, sub))
    expected = {name for (_m, name), subs in where.items() if len(subs) > 3}
    reported = {fold_name(f["entity"]["name"]) for f in result["findings"] if f["code"] == "person-many-subprojects"}
    assert reported == expected


def test_overlaps_on_generated_plans(generated):
    store, _truths = generated
    overlaps = compute_overlaps(store, min_score=0.3, limit=50)
    assert overlaps
    for o in overlaps:
        assert o["a"]["iri"] != o["b"]["iri"] and o["reasons"]
        for r in o["reasons"]:
            assert r["evidence"], r["detail"]
