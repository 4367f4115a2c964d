"""`graph.strategies` on a real store holding constructed strategies: each part comes back as data
with the evidence written for its property, and a document that states none is told apart."""
from __future__ import annotations

import pytest

from styrgraf.graph.queries import NotFound, document
from styrgraf.graph.store.interface import open_store
from styrgraf.graph.strategies import strategy
from tests.graph.strategy_builder import build_strategy_store, specs


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path, ids = build_strategy_store(tmp_path_factory.mktemp("strategies"))
    store = open_store(str(path), read_only=True)
    yield store, ids
    store.close()


def _spec(style: str):
    return next(s for s in specs() if s.style == style)


def test_adoption_validity_owner_and_revisions(built):
    store, ids = built
    spec = _spec("lines")
    st = strategy(store, ids[spec.key])
    a = st["adoption"]
    assert (a["body"]["name"], a["date"], a["paragraph"]) == ("Kommunfullmäktige", spec.adopted, spec.paragraph)
    assert a["decision"]["type"] == "decision"
    assert [e["quote"] for e in a["date_evidence"]] == [spec.adopted]
    assert [e["quote"] for e in a["paragraph_evidence"]] == [spec.paragraph]
    v = st["validity"]
    assert (v["valid_from"], v["valid_until"], v["until_further_notice"]) == (spec.valid_from, spec.valid_until, False)
    assert [e["quote"] for e in v["valid_until_evidence"]] == [spec.valid_until]
    assert st["owner"]["text"] == "Kommundirektör" and st["owner"]["person"] is None
    assert [(r["version"], r["date"], r["change"]) for r in st["revisions"]] == list(spec.revisions)
    assert all(r["evidence"] for r in st["revisions"])


def test_goal_areas_come_in_order_with_their_items(built):
    store, ids = built
    spec = _spec("cover-table")
    st = strategy(store, ids[spec.key])
    assert [(a["number"], a["word"], a["title"]) for a in st["goal_areas"]] == [
        (i, "Fokusområde", a.title) for i, a in enumerate(spec.areas, 1)]
    first = st["goal_areas"][0]
    assert [m["text"] for m in first["measures"]] == list(spec.areas[0].measures)
    assert [x["text"] for x in first["indicators"]] == list(spec.areas[0].indicators)
    assert [x["text"] for x in first["strategies"]] == list(spec.areas[0].strategies)
    assert all(m["evidence"] and m["text"] in m["evidence"][0]["quote"] for m in first["measures"])
    assert st["owner"]["person"]["name"] == spec.owner_person


def test_until_further_notice_and_the_document_dates(built):
    store, ids = built
    spec = _spec("run-labels")
    st = strategy(store, ids[spec.key])
    assert st["validity"]["until_further_notice"] is True and st["validity"]["valid_until"] is None
    # The document's own answer types the validity dates as validity.
    lines = strategy(store, ids[_spec("lines").key])
    doc = document(store, ids[_spec("lines").key])
    assert doc["dates"].get("valid_from") == [lines["validity"]["valid_from"]]
    assert "start" not in doc["dates"] and "end" not in doc["dates"]


def test_a_plan_states_no_strategy_and_an_unknown_id_is_not_found(built):
    store, ids = built
    with pytest.raises(NotFound) as plan:
        strategy(store, ids["plan"])
    assert "anger inget antagande" in plan.value.message and "states no adoption" in plan.value.message_en
    with pytest.raises(NotFound) as missing:
        strategy(store, "nope")
    assert "inget dokument" in missing.value.message


# -- questions about a strategy (`styrgraf ask`) ---------------------------------------------------

def test_questions_on_adoption_owner_validity_and_goals(built):
    from styrgraf.graph.ask import ask

    store, _ = built
    spec = _spec("lines")
    adopted = ask(store, f"När antogs {spec.title}?")
    assert adopted["understood_as"]["intent"] == "strategy_facts"
    assert spec.adopted in adopted["answer"] and "Kommunfullmäktige" in adopted["answer"]
    assert [e["quote"] for e in adopted["evidence"] if e.get("property") == "adoptionDate"] == [spec.adopted]
    owner = ask(store, f"Who owns {spec.title}?")
    assert owner["results"][0]["owner"] == spec.owner and spec.owner in owner["answer"]
    valid = ask(store, f"Hur länge gäller {spec.title}?")
    assert valid["results"][0]["validity"]["valid_until"] == spec.valid_until and spec.valid_until in valid["answer"]
    goals = ask(store, f"Vilka mål har {spec.title}?")
    written = [g for area in spec.areas for g in area.goals]
    assert [r["type"] for r in goals["results"]] == ["goal"] * len(written) and goals["evidence"]
    assert all(r["area"] in {a.title for a in spec.areas} for r in goals["results"])
    several = ask(store, "När antogs strategin?")  # more than one stored: name the one meant
    assert several["understood_as"]["intent"] == "strategy_facts" and "Ange vilket styrdokument" in several["answer"]
