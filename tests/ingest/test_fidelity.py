"""The fidelity harness: its scorer, its dev set's gold, and today's scores held as floors.

(a) the scorer counts matches, misses and spurious values and normalises before comparing;
(b) every gold value of every dev document is in the document's text as written (for PDFs, in
    what pdfplumber reads), so the gold is achievable;
(c) the seed, ingested through the store, scores 1.0 on every field;
(d) the dev set meets the targets (recall 0.95, precision 0.97 on every field) and scores at least
    the floors in devset/floors.json (a ratchet: raise them when the extractor gets better, never
    lower them to let a regression pass).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bench.fidelity import DEV_TARGETS, floors_of, run_set
from tests.ingest.devset.build import dev_specs
from tests.ingest.devset.gold import FIELDS, Gold, gold_of, verbatim_values
from tests.ingest.devset.render import render_pdf, render_text
from tests.ingest.devset.minutes import MINUTES_FIELDS, cover_table_rows, minutes_gold, minutes_specs
from tests.ingest.devset.minutes import render_pdf as render_minutes_pdf
from tests.ingest.devset.minutes import render_text as render_minutes_text
from tests.ingest.devset.scoring import SCORED_FIELDS, below, normalise, score_documents, score_field

FLOORS = Path(__file__).parent / "devset" / "floors.json"


def _gold(**values) -> Gold:
    return Gold({f: set(values.get(f, ())) for f in FIELDS})


# -- (a) the scorer --------------------------------------------------------------------------

def test_a_perfect_extraction_scores_one():
    gold = _gold(title={"Projektplan för X"}, people={"Anna Berg", "Erik Ek"})
    scores = score_documents([("d", gold, {"title": [("Projektplan för X",)], "people": [("Anna Berg",), ("Erik Ek",)]})])
    assert (scores["people"].recall, scores["people"].precision, scores["people"].f1) == (1.0, 1.0, 1.0)
    assert scores["title"].recall == 1.0 and not below(scores, 0.95, 0.97)


def test_a_missing_person_lowers_recall_and_is_listed():
    gold = _gold(people={"Anna Berg", "Erik Ek"})
    s = score_documents([("plan-1", gold, {"people": [("Anna Berg",)]})])["people"]
    assert (s.recall, s.precision) == (0.5, 1.0)
    assert s.misses == [("plan-1", "missing", "Erik Ek")]
    assert below({"people": s}, 0.95, 0.97) == ["people"]


def test_a_spurious_person_lowers_precision_and_is_listed():
    gold = _gold(people={"Anna Berg"})
    s = score_documents([("plan-1", gold, {"people": [("Anna Berg",), ("Norrbacka Kommun",)]})])["people"]
    assert (s.recall, s.precision) == (1.0, 0.5)
    assert s.misses == [("plan-1", "spurious", "Norrbacka Kommun")]


def test_a_normalisation_of_case_space_and_dashes():
    assert normalise("  Energi–  och\nklimatstrategi. ") == normalise("energi- och klimatstrategi")
    assert normalise("2 |  Anna  Berg") == normalise("2 | anna berg")
    assert score_field({"KS 2019/0123"}, [("ks  2019/0123",)]).tp == 1
    assert score_field({"KS 2019/0123"}, [("KS 2019/0124",)]).spurious == ["KS 2019/0124"]


def test_a_alternatives_duplicates_partial_gold_and_refused_documents():
    # An intention named by letter or number matches gold written either way; a repeat counts once.
    s = score_field({"1 | a"}, [("1 | a", "1 | 1"), ("1 | 1",)])
    assert (s.tp, s.spurious, s.missing) == (1, [], [])
    # Partial gold: values outside it are not spurious; values in it still must be found.
    assert score_field({"x"}, [("y",)], partial=True).spurious == []
    assert score_field({"x"}, [("y",)], partial=True).missing == ["x"]
    # A refused document is an empty extraction: all its gold is missed.
    s = score_documents([("refused", _gold(title={"T"}, dnr={"KS 2019/1", "KS 2019/2"}), {})])
    assert (s["dnr"].recall, s["dnr"].gold, s["title"].recall) == (0.0, 2, 0.0)


# -- (b) the gold is in the documents --------------------------------------------------------

def _flat(text: str) -> str:
    """Whitespace collapsed and case folded: the scorer compares so, and letterheads are capitalised."""
    return re.sub(r"\s+", " ", text).casefold()


SPECS = dev_specs()


def test_b_the_dev_set_has_enough_documents_of_every_kind_and_format():
    assert len(SPECS) >= 25 and len({s.key for s in SPECS}) == len(SPECS)
    kinds = [s.kind for s in SPECS]
    assert kinds.count("projektplan") + kinds.count("projektdirektiv") > len(SPECS) / 2
    assert {"uppdragsbeskrivning", "protokollsutdrag", "strategi"} <= set(kinds)
    assert {s.style for s in SPECS if s.fmt == "text"} == {"formfeed", "pages-nm", "run-labels", "flat-table", "docplayer"}
    assert {s.style for s in SPECS if s.fmt == "pdf"} == {"letterhead", "cover-table", "org-table"}
    assert dev_specs() == SPECS  # deterministic


@pytest.mark.parametrize("spec", [s for s in SPECS if s.fmt == "text"], ids=lambda s: s.key)
def test_b_text_renderers_write_every_gold_value_verbatim(spec):
    text = _flat(render_text(spec))
    missing = [v for v in verbatim_values(spec) if _flat(v) not in text]
    assert not missing
    assert all(gold_of(spec).values[f] for f in ("title", "date", "dnr", "municipality", "kind", "people"))


def test_b_text_styles_show_their_export_damage():
    by_style = {s.style: render_text(s) for s in reversed(SPECS) if s.fmt == "text" and s.kind == "projektplan"}
    assert "\f" in by_style["formfeed"] and re.search(r"Sida 1 av \d", by_style["formfeed"])
    assert re.search(r"\n1 \(\d\)", by_style["pages-nm"])
    assert re.search(r"Transkript:\n", by_style["docplayer"]) and "Relevanta dokument" in by_style["docplayer"]
    assert re.search(r"\n\n2\d{4}-\d\d-\d\d ", by_style["docplayer"])  # the page ordinal glued to the header date
    assert "Dokumenttyp Datum Dnr Version" in by_style["flat-table"]
    protocol = next(render_text(s) for s in SPECS if s.kind == "protokollsutdrag" and s.style == "docplayer")
    assert "§" not in protocol


@pytest.mark.parametrize("spec", [s for s in SPECS if s.fmt == "pdf"], ids=lambda s: s.key)
def test_b_pdf_renderers_write_every_gold_value_verbatim(spec, tmp_path):
    import pdfplumber

    path = tmp_path / spec.file_name
    path.write_bytes(render_pdf(spec))
    with pdfplumber.open(path) as pdf:
        text = _flat(" ".join(page.extract_text() or "" for page in pdf.pages))
        lines = sum(len(page.edges) for page in pdf.pages)
    missing = [v for v in verbatim_values(spec) if _flat(v) not in text]
    assert not missing
    if spec.style in ("cover-table", "org-table"):
        assert lines > 0  # ruled tables


# -- (b) the minutes of the dev set ----------------------------------------------------------

MINUTES = minutes_specs()


def test_b_the_minutes_cover_layouts_and_extracts():
    full = [s for s in MINUTES if not s.extract]
    assert len(full) >= 8 and len({s.layout for s in full}) >= 4 and sum(s.extract for s in MINUTES) >= 3
    assert {"transcript", "cover-table"} <= {s.layout for s in full} and {s.fmt for s in full} == {"text", "pdf"}
    assert len({s.municipality for s in MINUTES}) >= 4 and minutes_specs() == MINUTES  # deterministic
    assert all(len(s.paragraphs) == 1 for s in MINUTES if s.extract)


def test_b_the_minutes_show_their_export_damage():
    transcript = render_minutes_text(next(s for s in MINUTES if s.layout == "transcript" and not s.extract))
    assert "§" not in transcript and re.search(r"\( \d+\)", transcript) and re.search(r"\d[A-Z]{2,3} \d+ Dnr", transcript)
    bare = render_minutes_text(next(s for s in MINUTES if s.layout == "lost-bare"))
    assert re.search(r"\f\d+ Dnr ", bare) and "§ " not in bare.split("\f", 1)[1]
    # The cover table's right-hand label and value stand between the left-hand ones of the same row.
    rows = cover_table_rows(next(s for s in MINUTES if s.layout == "cover-table"))
    assert rows[1][0] == "Beslutande" and rows[1][2] == "Paragrafer" and any(len(r) == 2 for r in rows)


def _minutes_gold_values(spec) -> list[str]:
    """The parts of every gold value that the text holds as written (kind keys and counts aside)."""
    g = minutes_gold(spec).values
    out = [spec.body, spec.date]
    for f in ("meeting_place", "adjustment", "paragraphs", "paragraph_dnr", "decision_points", "proposals",
              "recipients", "substitutes", "attendance"):
        out += [part for v in g[f] for part in v.split(" | ")[1 if f in ("paragraphs", "paragraph_dnr",
                                                                          "decision_points", "proposals",
                                                                          "recipients") else 0:]]
    out += [v.split(" | ")[0] for v in g["participants"] | g["motions"] | g["reservations"]]
    return [v for v in out if v and not re.fullmatch(r"[\d\-/ ]*|[A-Z]{2,3} \d+", v)]


@pytest.mark.parametrize("spec", MINUTES, ids=lambda s: s.key)
def test_b_minutes_gold_is_in_the_text_as_written(spec, tmp_path):
    if spec.fmt == "pdf":
        import pdfplumber

        path = tmp_path / spec.file_name
        path.write_bytes(render_minutes_pdf(spec))
        with pdfplumber.open(path) as pdf:
            text = _flat(" ".join(page.extract_text() or "" for page in pdf.pages))
    else:
        text = _flat(render_minutes_text(spec))
    missing = [v for v in _minutes_gold_values(spec) if _flat(v).replace("–", "-") not in text.replace("–", "-")]
    assert not missing
    assert set(minutes_gold(spec).values) == set(MINUTES_FIELDS)


# -- (c) and (d): the harness on the seed and the dev set -------------------------------------

@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("fidelity")


def test_c_the_seed_scores_one_on_every_field(workdir):
    scores, lines = run_set("seed", workdir)
    assert not any(line["refused"] for line in lines)
    assert not below(scores, 1.0, 1.0), {f: s.misses for f, s in scores.items() if s.misses}


def test_d_the_dev_set_holds_its_floors_and_meets_the_targets(workdir):
    scores, _ = run_set("dev", workdir)
    assert not below(scores, *DEV_TARGETS), {f: s.misses for f, s in scores.items() if s.misses}
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert set(floors) == set(SCORED_FIELDS)
    assert all(scores[f].gold for f in MINUTES_FIELDS)  # every minutes field is measured
    got = floors_of(scores)
    fallen = {f: (got[f], floors[f]) for f in SCORED_FIELDS
              if got[f]["recall"] < floors[f]["recall"] or got[f]["precision"] < floors[f]["precision"]}
    assert not fallen
