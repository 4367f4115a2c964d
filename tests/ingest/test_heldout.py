"""The held-out set builds, and its gold is well formed and achievable.

(a) at least fifteen documents of all five kinds, text and PDF, every field of FIELDS present;
(b) composite values have the parts their field needs (`N | title`, `YYYY-MM-DD | body`, `Name | role`),
    dates are ISO, subproject references point at the document's own subprojects and goal labels;
(c) every gold word is in the document's text as written (text files: the file; PDFs: the text put on
    the pages and what pdfplumber reads back), whitespace and case aside; a prose date may stand for its ISO form;
(d) the set is deterministic.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.ingest.devset.gold import FIELDS
from tests.ingest.heldout import heldout_documents, heldout_items
from tests.ingest.heldout.doc import long_date
from tests.ingest.heldout.export import render_text, written_text

KINDS = {"projektplan", "projektdirektiv", "uppdragsbeskrivning", "protokollsutdrag", "strategi"}
ROLE_KEYS = {"uppdragsansvarig", "projektledare", "projektsekreterare", "projektgrupp", "resursperson", "referensgrupp",
             "styrgrupp", "signatory", "ordforande", "justerare", "sekreterare", "dokumentansvarig"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _flat(text: str) -> str:
    return " ".join(text.split()).casefold()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("heldout")
    return folder, heldout_items(folder)


def test_a_the_set_covers_every_kind_and_both_formats(built):
    _, items = built
    assert len(items) >= 15
    golds = [g for _, _, g in items]
    assert {next(iter(g.values["kind"])) for g in golds} == KINDS
    assert {p.suffix for _, p, _ in items} == {".txt", ".pdf"}
    for _, path, gold in items:
        assert path.exists() and path.stat().st_size > 0
        assert set(gold.values) == set(FIELDS)
        assert len(gold.values["title"]) == len(gold.values["date"]) == len(gold.values["municipality"]) == 1


def test_b_composite_values_are_well_formed(built):
    _, items = built
    for name, _, gold in items:
        v = gold.values
        assert all(ISO.match(d) for d in v["date"]), name
        assert all(not m.lower().endswith("kommun") for m in v["municipality"]), name
        for value in v["roles"]:
            person, role = value.split(" | ")
            assert person in v["people"] and role in ROLE_KEYS, (name, value)
        for value in v["decisions"]:
            date, body = value.split(" | ")
            assert ISO.match(date) and body, (name, value)
        labels = v["goal_labels"]
        assert {g.split(" | ")[0] for g in v["goals"]} == labels, name
        numbers = {s.split(" | ")[0] for s in v["subprojects"]}
        for f in ("subproject_leaders", "subproject_members", "subproject_goals", "considerations"):
            for value in v[f]:
                n, rest = value.split(" | ")
                assert n in numbers and rest, (name, f, value)
                if f == "subproject_goals":
                    assert rest in labels, (name, value)
                if f in ("subproject_leaders", "subproject_members"):
                    assert rest in v["people"], (name, value)


def _words(doc) -> list[str]:
    v = doc.gold().values
    out = [*v["title"], *v["municipality"], *v["dnr"], *v["people"]]
    out += [g.split(" | ", 1)[1] for g in v["goals"]]
    for f in ("subprojects", "considerations"):
        out += [s.split(" | ", 1)[1] for s in v[f]]
    out += [d.split(" | ")[1] for d in v["decisions"]]
    return out


def _dates(doc) -> list[str]:
    v = doc.gold().values
    return [*v["date"], *(d.split(" | ")[0] for d in v["decisions"])]


@pytest.mark.parametrize("doc", heldout_documents(), ids=lambda d: d.key)
def test_c_every_gold_word_is_in_the_text(doc, built):
    folder, _ = built
    texts = [written_text(doc)]
    if doc.fmt == "pdf":
        import pdfplumber

        with pdfplumber.open(folder / doc.file_name) as pdf:
            texts.append("\n".join(p.extract_text() or "" for p in pdf.pages))
    else:
        texts.append((folder / doc.file_name).read_text(encoding="utf-8"))
    for text in map(_flat, texts):
        for word in _words(doc):
            assert _flat(word) in text, (doc.key, word)
        for iso in _dates(doc):
            assert iso in text or _flat(long_date(iso)) in text, (doc.key, iso)


def test_c_related_titles_are_not_gold(built):
    """The `Relevanta dokument` list names other documents: none of its words is this document's gold."""
    for doc in heldout_documents():
        people = doc.gold().values["people"]
        for line in doc.related:
            assert not any(p in line for p in people), (doc.key, line)


def test_d_the_set_is_deterministic():
    first, second = heldout_documents(), heldout_documents()
    assert [render_text(d) for d in first] == [render_text(d) for d in second]
    assert [d.gold() for d in first] == [d.gold() for d in second]
