"""The searches that stand in for patterns tried at every position: they find what the pattern finds."""
from __future__ import annotations

import random
import re

import pytest

from styrgraf.ingest.matching import around_literal, first_of, not_after
from styrgraf.ingest.organisations import _NAMED_BODY, _NAMED_BODY_RUN
from styrgraf.ingest.people import _ROLE_BEFORE, _role_before
from styrgraf.ingest.sections import SUBPROJECT_ANCHOR, subproject_anchor_matches

WORDS = ["Kommunstyrelsen", "kommunstyrelsens", "xKommunstyrelsen", "-Kommunstyrelsen", "Barn- och", "utbildningsnämnden",
         "Tekniska", "nämnden", "nämndens", "arbetsutskott", "Delprojekt", "DELPROJEKT", "DP", "2", "3:", "–", "Titel",
         "Projektledare", "projektledare:", "Styrgrupp", "ingår", "består av", "•", "-", ",", ".", "\n", "\t", "é", "2019"]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(WORDS) + rng.choice(["", " ", "  "]) for _ in range(rng.randint(0, 14))) for _ in range(n)]


def _spans(matches) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


@pytest.mark.parametrize("text", _texts(100, 1))
def test_not_after_finds_what_the_look_behind_finds(text):
    bare = re.compile(r"Kommunstyrelsen(?![\w-])")
    with_look_behind = re.compile(r"(?<![\w-])Kommunstyrelsen(?![\w-])")
    assert _spans(not_after(bare, re.compile(r"[\w-]"), text)) == _spans(with_look_behind.finditer(text))
    for start, end in ((1, len(text)), (0, len(text) // 2), (3, len(text) - 2)):
        assert (_spans(not_after(bare, re.compile(r"[\w-]"), text, start, end))
                == _spans(with_look_behind.finditer(text, start, max(start, end))))


def test_not_after_goes_on_from_the_next_position_past_a_match_it_turns_away():
    # `xaab`: `aab` follows an `x`, but `ab` inside it does not.
    rng = random.Random(4)
    for _ in range(2000):
        text = "".join(rng.choice("xab-") for _ in range(rng.randint(0, 12)))
        assert _spans(not_after(re.compile("a+b"), re.compile("x"), text)) == _spans(re.finditer("(?<!x)a+b", text))


def test_first_of_finds_what_the_alternation_finds():
    # At `Beroenden och samordning` the first alternative fails after its word: the later one matches there.
    # At `Be: Text` two match at one position: the first of them is taken.
    words = ("Beroenden(?: till andra projekt)?", "Att beakta", "Beroenden och samordning", "Be", "Be: Text")
    follow = r"(?=\s*:|\s+[A-ZÅÄÖ]|\s*$)"
    alternatives = tuple(re.compile(rf"(?:{w}){follow}") for w in words)
    alternation = re.compile(rf"(?:{'|'.join(words)}){follow}")
    rng = random.Random(5)
    parts = ["Beroenden", "och samordning", "till andra projekt", "Att beakta", "Be", "x", ":", " ", "Text", "-", ": Text"]
    for _ in range(2000):
        text = "".join(rng.choice(parts) + rng.choice(["", " "]) for _ in range(rng.randint(0, 8)))
        assert _spans(first_of(alternatives, text)) == _spans(alternation.finditer(text))
        assert (_spans(first_of(alternatives, text, before=re.compile(r"[\w-]")))
                == _spans(re.finditer(rf"(?<![\w-])(?:{'|'.join(words)}){follow}", text)))


@pytest.mark.parametrize("text", _texts(100, 2))
def test_committees_searched_around_their_word_are_those_of_the_whole_text(text):
    assert _spans(around_literal(_NAMED_BODY, text, "nämnd", _NAMED_BODY_RUN)) == _spans(_NAMED_BODY.finditer(text))


@pytest.mark.parametrize("text", _texts(100, 3))
def test_subproject_headings_and_role_labels_as_their_patterns_find_them(text):
    assert _spans(subproject_anchor_matches(text, 0, len(text))) == _spans(SUBPROJECT_ANCHOR.finditer(text))
    for start in range(len(text) + 1):
        expected = _ROLE_BEFORE.search(text, max(0, start - 40), start)
        found = _role_before(text, start)
        assert (found and (found.span(), found.span("word"))) == (expected and (expected.span(), expected.span("word")))
