"""Swedish normalisation, title term sets and TF-IDF: the building blocks of resolution and overlaps."""
from __future__ import annotations

from pathlib import Path

from styrgraf.graph.analysis.similarity import (
    Decompounder, TfIdf, candidate_pairs, compare_titles, cosine, fold, fold_name, stem, terms, text_terms,
    title_key,
)


def test_fold_removes_case_and_diacritics():
    assert fold("Almér") == fold("ALMER") == "almer"
    assert fold_name("Hans-Jörgen  Wahlhed") == "hans jorgen wahlhed"


def test_stem_meets_inflections_and_definite_forms():
    assert stem("riktlinjer") == stem("riktlinje")
    assert stem("stadskärnan") == stem("stadskärna")
    assert stem("projektet") == stem("projekt")
    # `plan` is no definite form: verksamhetsplan keeps its ending.
    assert stem("verksamhetsplan") == stem("verksamhetsplanen") == "verksamhetsplan"


def test_terms_drop_stop_words_and_acronym_genitives():
    assert terms("HNABs affärsplan och SKL:s nätverk") == [stem("HNAB"), stem("affärsplan"), stem("SKL"), stem("nätverk")]
    assert "och" not in terms("kultur och värderingar")


def _match(a: str, b: str):
    return compare_titles(title_key(a), title_key(b))


def test_titles_written_differently_are_one_work():
    for a, b in [("KS-VP 2012", "KS Verksamhetsplan för 2012"), ("KS-VP 2012", "KS verksamhetsplan 2012"),
                 ("projektet Stadens hjärta", "Cityutvecklingsprojektet Stadens Hjärta"),
                 ("Pågående projekt om att utveckla samordning, controlling mm",
                  "Pågående projekt om att utveckla visionsstyrning, samordning, controlling mm"),
                 ("projektet Levande stadskärna", "Stadskärneprojektet Levande Stadskärna"),
                 ("Kommunstyrelsens verksamhetsplan 2014", "KS-VP 2014")]:
        found = _match(a, b)
        assert found is not None and found.identity, (a, b, found)


def test_titles_that_differ_in_year_number_or_subject_stay_apart():
    assert _match("KS-VP 2012", "KS-VP 2013") is None
    assert _match("Utveckling av Teknik College", "Förstudie Vård/Omsorgs- College") is None
    assert _match("Cityföreningens affärsplan", "HNABs affärsplan") is None
    # One title inside a much longer one is at most a possibility.
    found = _match("KS-VP 2012", "Utredning Regional samordning (kontinuerliga styrgrupperna) KS-VP 2012")
    assert found is None or not found.identity


def test_same_words_with_and_without_a_year_are_only_possibly_one():
    found = _match("KS verksamhetsplan", "KS verksamhetsplan 2012")
    assert found is not None and not found.identity


def test_organisation_names_are_read_as_their_abbreviation():
    names = {"Solviks Energi AB": "SEAB"}
    assert title_key("Solviks Energi ABs affärsplan", names) == title_key("SEAB:s affärsplan", names)


def test_tfidf_cosine_ranks_shared_rare_words_higher():
    docs = {
        "a": text_terms("Ta fram riktlinjer för bemötande och service gentemot företagare"),
        "b": text_terms("Utarbeta gemensamma riktlinjer för hur medarbetarna bemöter företagen och deras service"),
        "c": text_terms("Marknadsföra kommunen som besöksmål året runt"),
    }
    model = TfIdf.fit(docs.values())
    vec = {k: model.vector(v) for k, v in docs.items()}
    assert cosine(vec["a"], vec["b"]) > 0.3 > cosine(vec["a"], vec["c"])
    assert abs(cosine(vec["a"], vec["a"]) - 1.0) < 1e-9


def test_candidate_pairs_block_on_uncommon_terms_within_groups():
    vectors = {f"k{i}": {"common": 0.5, f"rare{i // 2}": 0.8} for i in range(8)}
    pairs = candidate_pairs(vectors, max_df=3)
    # `common` is in all 8 vectors (too common to block on); each `rareN` pairs two keys.
    assert pairs == {("k0", "k1"), ("k2", "k3"), ("k4", "k5"), ("k6", "k7")}
    groups = {"k0": "x", "k1": "y"}
    assert candidate_pairs({"k0": {"t": 1.0}, "k1": {"t": 1.0}}, groups) == set()


def test_decompounder_splits_on_corpus_vocabulary():
    dec = Decompounder(["myndighet", "utövning", "kontakter"])
    assert dec.parts("myndighetsutövning") == (stem("myndighet"), stem("utövning"))
    assert dec.parts("myndighetskontakter") == (stem("myndighet"), stem("kontakter"))
    assert dec.parts("lotsfunktion") == ()


def test_candidate_pairs_keep_each_keys_best_partners_only():
    # One hub sharing a rare term with 30 others, each with a different weight.
    vectors = {"hub": {"t": 1.0}} | {f"k{i:02d}": {"t": i / 100} for i in range(1, 31)}
    pairs = candidate_pairs(vectors, per_key=5, min_partial=0.0)
    hub_pairs = {b for a, b in pairs if a == "hub"} | {a for a, b in pairs if b == "hub"}
    # The hub keeps its 5 best; every other key keeps its best too, which may be the hub or each other.
    assert {"k30", "k29", "k28", "k27", "k26"} <= hub_pairs
    assert len(pairs) <= 31 * 5
    assert len(candidate_pairs(vectors, per_key=None, min_partial=0.0)) == 31 * 30 // 2


def test_cosine_does_not_depend_on_the_hash_seed():
    """Float sums in another order differ in the last bits, enough to flip a threshold between
    two runs of the same analysis: the dot product must add its terms in a fixed order."""
    import subprocess
    import sys

    code = (
        "import random; from styrgraf.graph.analysis.similarity import cosine\n"
        "rng = random.Random(3)\n"
        "terms = [f't{i}x' for i in range(300)]\n"
        "a = {t: rng.random() for t in terms}; b = {t: rng.random() for t in reversed(terms)}\n"
        "print(repr(cosine(a, b)))\n"
    )
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={"PYTHONHASHSEED": str(seed), "PYTHONPATH": str(Path(__file__).resolve().parents[3])}).stdout
               for seed in (1, 2, 3, 4)}
    assert len(outputs) == 1


def test_cosine_is_the_exact_sum_whatever_the_order_of_terms():
    """The analyses sum the same products in different orders (a term index, a pair of vectors):
    the sum is exact, so every order gives the same bits."""
    a = {"x": 1e8, "y": 1.0, "z": -1e8}
    b = {"x": 1e8, "y": 1.0, "z": 1e8}
    reordered = {"y": 1.0, "z": -1e8, "x": 1e8}
    assert cosine(a, b) == cosine(reordered, b) == cosine(b, reordered) == 1.0  # a plain sum gives 0.0 here
