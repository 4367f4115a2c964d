"""A question read into its parts: vocabulary with typos, entities, language."""
from __future__ import annotations

import pytest

from styrgraf.graph.ask import ask
from styrgraf.graph.questions.parse import read
from styrgraf.graph.questions.vocabulary import distance, similar, word_concepts
from styrgraf.graph.store.interface import open_store
from tests.query_seed import seed_store_path


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    store = open_store(str(seed_store_path(tmp_path_factory)))
    yield store
    store.close()


def test_edit_distance_counts_a_swap_as_one():
    assert distance("delprojket", "delprojekt", 2) == 1
    assert distance("abc", "xyz", 1) == 2  # over the limit: limit + 1
    assert similar("milstoplarna", "milstolp", prefix=True) == 1
    assert similar("med", "mer") is None  # no typos in short words
    assert similar("ledare", "bedare") is None  # the first letter must be right


def test_the_longest_explanation_of_a_word_wins():
    assert [c for c, _, _ in word_concepts("uppdragsansvarg")] == ["role:uppdragsansvarig"]
    assert {c for c, _, _ in word_concepts("vilka")} == {"what", "who"}
    assert [c for c, _, _ in word_concepts("beror")] == ["depend"]


@pytest.mark.parametrize("text, kind, value", [
    ("vem leder dp 3", "subproject", {"number": 3}), ("vem leder DP3", "subproject", {"number": 3}),
    ("vem leder delprojekt tre", "subproject", {"number": 3}), ("who leads sub-project 5", "subproject", {"number": 5}),
    ("vad säger intention h", "intention", {"letter": "h"}), ("vad säger intentionspunkt åtta", "intention", {"number": 8}),
])
def test_numbered_things(seed, text, kind, value):
    (found,) = read(seed, text).things(kind)
    assert found.value == value


def test_people_by_name_with_typos_and_without_diacritics(seed):
    assert read(seed, "i vilka delprojekt är Karolina Davidson med").one("person").value["names"] == ["Karolina Davidsson"]
    assert read(seed, "vem är stefan almer").one("person").value["names"] == ["Stefan Almér"]
    assert sorted(read(seed, "vem är Andersson").one("person").value["names"]) == [
        "Bengt Andersson", "Ida Andersson", "Ingegerd Andersson"]


def test_a_typo_in_a_name_is_said_and_a_name_nobody_has_gets_the_nearest(seed):
    a = ask(seed, "vem är Karolina Davidssson")
    assert a["answer"].endswith("(”Karolina Davidssson” lästes som Karolina Davidsson).")
    b = ask(seed, "which subprojects is Greta Wemann in")
    assert b["results"] == [] and "Did you mean" in b["answer"] and "Roger Weman" in b["answer"]


@pytest.mark.parametrize("text, lang", [("vem leder delprojekt 3", "sv"), ("who leads subproject 3", "en"),
                                        ("budget for subproject five", "en"), ("budget för delprojekt fem", "sv")])
def test_language(seed, text, lang):
    assert read(seed, text).lang == lang


def test_not_understood_offers_what_search_finds_in_the_question_language(seed):
    a = ask(seed, "Berätta något om Science Park")
    assert a["understood_as"] is None and a["results"] == []
    assert a["answer"].startswith("Inte förstått") and "Science Park" in a["answer"] and a["search"]
    b = ask(seed, "tell me something nice")
    assert b["understood_as"] is None and b["answer"].startswith("Not understood")


@pytest.mark.parametrize("question, lang, opening", [
    ("which subprojects address no intention", "en", "1 subproject addresses no intention: subproject 4"),
    ("vilka delprojekt adresserar ingen intention", "sv", "1 delprojekt adresserar ingen intention: delprojekt 4"),
])
def test_a_count_of_one_reads_in_the_singular(seed, question, lang, opening):
    assert ask(seed, question, lang)["answer"].startswith(opening)
