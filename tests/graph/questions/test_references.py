"""`show`, `trace` and the API's look-ups take references as a person types them."""
from __future__ import annotations

import pytest

from styrgraf.graph import queries as q
from styrgraf.graph.entities import entity_type
from styrgraf.graph.store.interface import open_store
from tests.graph.minutes_builder import build_minutes_store
from tests.query_seed import seed_store_path


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    store = open_store(str(seed_store_path(tmp_path_factory)))
    yield store
    store.close()


@pytest.fixture(scope="module")
def minutes(tmp_path_factory):
    store = open_store(str(build_minutes_store(tmp_path_factory.mktemp("minutes-refs") / "store")))
    yield store
    store.close()


@pytest.mark.parametrize("ref, kind, expected", [
    ("delprojekt 1", "subproject", {"number": 1}), ("DP3", "subproject", {"number": 3}),
    ("delprojekt tre", "subproject", {"number": 3}), ("subproject 2", "subproject", {"number": 2}),
    ("intention h", "intention", {"number": 8}), ("Karolina Davidsson", "person", {"name": "Karolina Davidsson"}),
    ("stefan almer", "person", {"name": "Stefan Almér"}), ("KS 2011/0456", "document", {"identifier": "KS 2011/0456"}),
    ("beslutet 2012-02-07", "decision", {"date": "2012-02-07"}), ("HNAB", "organisation", {"abbreviation": "HNAB"}),
    ("utveckling av kommunens näringslivsarbete", "document", {"identifier": "KS 2011/0456"}), ("KS 2011/0546", "decision", {"date": "2011-09-06"}),
])
def test_a_typed_reference_names_one_entity(seed, ref, kind, expected):
    shown = q.show(seed, ref)
    assert shown["type"] == kind
    assert {k: shown["data"][k] for k in expected} == expected


def test_trace_takes_a_typed_reference(seed):
    traced = q.trace(seed, "delprojekt 1")
    assert traced["entity"]["number"] == 1
    assert [d["date"] for d in traced["chain"]] == ["2012-02-22", "2012-02-07", "2011-12-06", "2011-09-06"]


def test_an_ambiguous_reference_lists_its_candidates(seed):
    with pytest.raises(q.Ambiguous) as raised:
        q.show(seed, "Andersson")
    assert [entity_type(i) for i in raised.value.candidates] == ["person"] * 3
    for name in ("Bengt Andersson", "Ida Andersson", "Ingegerd Andersson"):
        assert name in raised.value.message and name in raised.value.message_en
    assert "Ange id" in raised.value.message


def test_a_type_narrows_the_candidates(seed):
    assert entity_type(q.require(seed, "KS 2011/0456", ("project",))) == "project"
    with pytest.raises(q.NotFound):
        q.require(seed, "delprojekt 1", ("person",))
    with pytest.raises(q.NotFound):
        q.show(seed, "delprojekt 9")


def test_a_meeting_by_body_and_date(minutes):
    shown = q.show(minutes, "KS 2022-09-12")
    assert shown["type"] == "meeting" and shown["data"]["iri"].endswith("2022-09-12-meeting")
    assert q.show(minutes, "Ingrid Vall")["data"]["name"] == "Ingrid Vall"
