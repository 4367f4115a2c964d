"""The dev set's strategies (tests/ingest/devset/strategies.py): enough of them, in several layouts
and export styles, their gold in their text as written, and the harness reading their fields."""
from __future__ import annotations

import re

import pytest

from bench.fidelity import run_set
from tests.ingest.devset.gold import FIELDS
from tests.ingest.devset.scoring import below
from tests.ingest.devset.strategies import (
    STRATEGY_FIELDS, STRATEGY_SPECS, render_strategy_pdf, render_strategy_text, strategy_gold,
    verbatim_strategy_values, wrapped_strategy_values,
)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).casefold()


def test_enough_strategies_in_several_layouts():
    assert len(STRATEGY_SPECS) >= 5 and len({s.key for s in STRATEGY_SPECS}) == len(STRATEGY_SPECS)
    assert {s.doc_type for s in STRATEGY_SPECS} == {"strategi", "policy", "program", "riktlinje"}
    assert any(s.indicator_table for s in STRATEGY_SPECS)
    assert {(s.fmt, s.style) for s in STRATEGY_SPECS} >= {("pdf", "cover-table"), ("pdf", "letterhead"),
                                                           ("text", "docplayer"), ("text", "flat-table")}
    assert set(STRATEGY_FIELDS) <= set(FIELDS)
    for s in STRATEGY_SPECS:
        gold = strategy_gold(s).values
        assert all(gold[f] for f in ("adoption_body", "adoption_date", "adoption_paragraph", "validity", "owner",
                                     "goal_areas", "area_goals", "measures", "indicators"))


@pytest.mark.parametrize("spec", [s for s in STRATEGY_SPECS if s.fmt == "text"], ids=lambda s: s.key)
def test_text_strategies_hold_their_gold_verbatim(spec):
    text = render_strategy_text(spec)
    assert not [v for v in verbatim_strategy_values(spec) if _flat(v) not in _flat(text)]
    if spec.style == "docplayer":
        assert "§" not in text and "Transkript:" in text


@pytest.mark.parametrize("spec", [s for s in STRATEGY_SPECS if s.fmt == "pdf"], ids=lambda s: s.key)
def test_pdf_strategies_hold_their_gold_verbatim(spec, tmp_path):
    import pdfplumber

    path = tmp_path / spec.file_name
    path.write_bytes(render_strategy_pdf(spec))
    with pdfplumber.open(path) as pdf:
        text = " ".join(page.extract_text() or "" for page in pdf.pages)
        ruled = sum(len(page.edges) for page in pdf.pages)
    assert not [v for v in verbatim_strategy_values(spec) if _flat(v) not in _flat(text)]
    words = set(_flat(text).split())
    assert not [v for v in wrapped_strategy_values(spec) if not set(_flat(v).split()) <= words]
    assert ruled > 0  # the revision table (and the cover table) are ruled


def test_the_harness_scores_the_strategy_fields_on_the_dev_set(tmp_path):
    scores, lines = run_set("dev", tmp_path)
    assert {l["document"] for l in lines} >= {s.key for s in STRATEGY_SPECS}
    strategy_scores = {f: scores[f] for f in STRATEGY_FIELDS}
    assert all(s.gold for f, s in strategy_scores.items())
    assert not below(strategy_scores, 0.95, 0.97), {f: s.misses for f, s in strategy_scores.items() if s.misses}
