"""The question benchmark (bench_questions.py) over the seed plan, the Ekträsk minutes and the
Älvstad linked set: at least 95 % right and none wrong."""
from __future__ import annotations

import pytest

from styrgraf.graph.ask import ask
from styrgraf.graph.store.interface import open_store
from tests.graph.questions.bench_questions import NOT_UNDERSTOOD, QUESTIONS, report, run
from tests.graph.questions.stores import build_stores


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    paths = build_stores(tmp_path_factory.mktemp("question-bench"))
    opened = {name: open_store(str(path)) for name, path in paths.items()}
    yield opened
    for store in opened.values():
        store.close()


def test_the_benchmark_has_enough_phrasings_in_both_languages():
    langs = [lang for _, _, lang, _, _ in QUESTIONS]
    assert len(QUESTIONS) >= 150
    assert langs.count("sv") >= 60 and langs.count("en") >= 60
    assert len({q for _, q, _, _, _ in QUESTIONS}) == len(QUESTIONS)
    assert len({family for *_, family, _ in QUESTIONS}) >= 25


def test_benchmark_meets_its_target(stores):
    rows = run(stores, ask)
    print(report(rows))
    questions = rows[:len(QUESTIONS)]
    right = sum(1 for r in questions if r[2] == "right")
    wrong = [r for r in rows if r[2] == "wrong"]
    assert wrong == []
    assert right / len(QUESTIONS) >= 0.95, report(rows)
    assert [r[2] for r in rows[len(QUESTIONS):]] == ["not understood"] * len(NOT_UNDERSTOOD)
