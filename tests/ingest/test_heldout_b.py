"""The second held-out set builds, and its gold is well-formed and stated verbatim in each document
(PDFs as pdfplumber reads them). Scores are not asserted: the set only measures."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.ingest.devset.gold import FIELDS
from tests.ingest.heldout_b import heldout_b_documents, heldout_b_items

KINDS = {"projektplan", "projektdirektiv", "uppdragsbeskrivning", "protokollsutdrag", "strategi"}
ROLE_KEYS = {"uppdragsansvarig", "projektledare", "projektsekreterare", "projektgrupp", "resursperson",
             "referensgrupp", "styrgrupp", "signatory", "ordforande", "justerare", "sekreterare",
             "dokumentansvarig"}
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2013", "-")).casefold()


def _text(path: Path) -> str:
    if path.suffix == ".pdf":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return _flat("\n".join(page.extract_text() or "" for page in pdf.pages))
    return _flat(path.read_text(encoding="utf-8"))


def _date_written(iso: str, text: str) -> bool:
    y, m, d = iso.split("-")
    return iso in text or f"{int(d)} {MONTHS[int(m) - 1]} {y}" in text


@pytest.fixture(scope="module")
def items(tmp_path_factory):
    return heldout_b_items(tmp_path_factory.mktemp("heldout-b"))


def test_the_set_has_every_kind_and_format(items):
    docs = heldout_b_documents()
    assert len(items) >= 15
    assert {next(iter(g.values["kind"])) for _, _, g in items} == KINDS
    assert {d.fmt for d in docs} >= {"docplayer", "formfeed", "markers", "pdf", "pdf-table"}
    assert len({p.name for _, p, _ in items}) == len(items)


def test_the_table_pdf_has_a_ruled_table(items):
    import pdfplumber

    (path,) = [p for n, p, _ in items if n == "b02-plan-tallby"]
    with pdfplumber.open(path) as pdf:
        tables = [t for page in pdf.pages for t in page.extract_tables()]
    assert tables and tables[0][0] == ["Roll", "Namn", "Funktion"]


def test_gold_is_well_formed(items):
    for name, _, gold in items:
        assert set(gold.values) == set(FIELDS), name
        assert gold.partial <= set(FIELDS), name
        for single in ("title", "date", "municipality", "kind"):
            assert len(gold.values[single]) == 1, (name, single)
        assert ISO.match(next(iter(gold.values["date"]))), name
        assert not any(m.endswith("kommun") for m in gold.values["municipality"]), name
        labels = gold.values["goal_labels"]
        numbers = {v.split(" | ")[0] for v in gold.values["subprojects"]}
        for value in gold.values["roles"]:
            person, role = value.split(" | ")
            assert role in ROLE_KEYS and person in gold.values["people"], (name, value)
        for value in gold.values["decisions"]:
            assert ISO.match(value.split(" | ")[0]), (name, value)
        assert {v.split(" | ")[0] for v in gold.values["goals"]} == labels, name
        for f in ("subproject_leaders", "subproject_members", "subproject_goals", "considerations"):
            for value in gold.values[f]:
                n, rest = value.split(" | ")
                assert n in numbers, (name, f, value)
                if f == "subproject_goals":
                    assert rest in labels, (name, value)
                if f in ("subproject_leaders", "subproject_members"):
                    assert rest in gold.values["people"], (name, value)


def test_gold_is_written_in_the_document(items):
    for name, path, gold in items:
        text = _text(path)
        v = gold.values
        plain = [*v["title"], *v["municipality"], *v["dnr"], *v["people"]]
        plain += [x.split(" | ", 1)[1] for f in ("goals", "subprojects", "considerations") for x in v[f]]
        plain += [x.split(" | ")[1] for x in v["decisions"] if x.split(" | ")[1]]
        missing = [s for s in plain if _flat(s) not in text]
        assert not missing, (name, missing)
        dates = [*v["date"], *(x.split(" | ")[0] for x in v["decisions"])]
        assert all(_date_written(d, text) for d in dates), (name, dates)


def test_the_set_is_deterministic(tmp_path):
    first = heldout_b_items(tmp_path / "a")
    second = heldout_b_items(tmp_path / "b")
    assert [(n, g.values, g.partial) for n, _, g in first] == [(n, g.values, g.partial) for n, _, g in second]
    for (_, a, _), (_, b, _) in zip(first, second):
        if a.suffix == ".txt":
            assert a.read_text(encoding="utf-8") == b.read_text(encoding="utf-8")
