import pytest

from styrgraf.ingest.headers import normalise_dnr, parse_running_header
from styrgraf.ingest.lists import lettered_items, numbered_items
from styrgraf.ingest.names import parse_people
from styrgraf.ingest.organisations import find_organisations, municipality_of
from styrgraf.ingest.sections import split_sections


def test_running_header_layouts():
    h = parse_running_header("2014-03-10 KF 2014/12 Text")
    assert (h.date, h.dnr, h.appendix) == ("2014-03-10", "KF 2014/12", None)
    h = parse_running_header("2012-02-09 Bilaga 3. NÄRINGSLIVSUTREDNING")
    assert (h.date, h.appendix) == ("2012-02-09", 3)
    h = parse_running_header("Lunds kommun | Dnr KS 2014/123 | 2014-03-10 Bakgrund")
    assert (h.municipality, h.dnr, h.date) == ("Lunds kommun", "KS 2014/123", "2014-03-10")
    assert parse_running_header("Kommunstyrelsen gav 2011-09-06") is None


def test_dnr_normalisation():
    assert normalise_dnr("KS2011/0456") == "KS 2011/0456"
    assert normalise_dnr("KS-2011/0456") == "KS 2011/0456"


def test_numbered_list_is_the_longest_consecutive_chain():
    text = "nr 1 innebär 1. Ett förslag 2012-04-31 2. KLU 2012-05-15 3. KS 2012-05-29"
    items = numbered_items(text, 0, len(text))
    assert [(i.number, text[i.text_start:i.end]) for i in items] == [
        (1, "Ett förslag 2012-04-31"), (2, "KLU 2012-05-15"), (3, "KS 2012-05-29")]


def test_lettered_list():
    text = "intentioner: a) Ett. b) Två. c) Tre. - Arbetet"
    assert [(i.number, i.marker) for i in lettered_items(text, 0, len(text))] == [(1, "a"), (2, "b"), (3, "c")]


def test_people_lists_with_titles_affiliations_and_slashes():
    text = "VD ABC Lena Nyström, Per-Olof Ek, UAF, Maja Lind/Ola Berg och Eva K Sund Möjlighet att"
    people, _ = parse_people(text, 0, len(text))
    assert [(p.name, p.title, p.affiliation) for p in people] == [
        ("Lena Nyström", "VD", "ABC"), ("Per-Olof Ek", None, "UAF"), ("Maja Lind", None, None),
        ("Ola Berg", None, None), ("Eva K Sund", None, None)]


def test_groups_are_not_people():
    text = "Svensk Handel, fastighetsägare"
    assert parse_people(text, 0, len(text))[0] == []


@pytest.mark.parametrize("text", [
    "Solviks Näringslivsbolag AB",  # a company form after the words
    "Norrby Energi AB och Per Ek",  # the company ends the list: no person before it
    "Västra Kulturförvaltningen",  # compound heads that name an organisation
    "Norrby Byggnadsnämnd",
    "Lunds Företagarförening",
])
def test_organisations_in_role_lists_are_not_people(text):
    assert parse_people(text, 0, len(text))[0] == []


def test_surnames_that_look_like_organisation_words_stay_people():
    text = "Anna Bolander, Per Nämndson och Eva Kontorsson"
    assert [p.name for p in parse_people(text, 0, len(text))[0]] == ["Anna Bolander", "Per Nämndson", "Eva Kontorsson"]


def test_organisations_defined_in_text_and_by_initials():
    text = ("Bolaget Växjö Energi AB (VEAB) och kommunfullmäktige. Uppdraget ges till VEAB. "
            "Det gäller Science Park Växjö. SPV s roll utreds. Deltar: Anna Ek, UAF, Bo Ek, UAF.")
    orgs = {o.key: o.name for o in find_organisations(text)}
    assert orgs["VEAB"] == "Växjö Energi AB"
    assert orgs["KF"] == "Kommunfullmäktige"
    assert orgs["SPV"] == "Science Park Växjö"
    assert "UAF" in orgs


def test_municipality_is_the_most_named():
    text = "Växjö kommun arbetar. I Växjö kommuns plan. Lunds kommun nämns en gång. Växjö."
    assert municipality_of(text)[0] == "Växjö"


def test_inline_headings_split_sections():
    text = ("NÄRINGSLIVSUTREDNING DELPROJEKT 2 Syfte och frågeställning Text om syftet. Avgränsningar - Inte detta. "
            "Andra utredningar/processer som skall beaktas 1. En utredning Projektorganisation Projektägare: Anna Ek "
            "Tidplan Klar 2014-05-01 Kostnader/budget Inom ram.")
    keys = [s.key for s in split_sections(text, 0, len(text))]
    assert keys == ["lead", "purpose", "scope", "considerations", "organisation", "schedule", "budget"]
    # `beslut` in running text is not a heading; `Beslut` after a sentence end is.
    text = "Vi ska fatta beslut nu. Beslut Det fortsatta arbetet."
    assert [s.key for s in split_sections(text, 0, len(text))] == ["lead", "decision"]


def test_running_header_with_a_dashed_case_number_holds_one_case_number():
    from styrgraf.ingest.headers import parse_header_text

    h = parse_running_header("2023-10-22 KSN-2022-0891 Tallmora kommun")
    assert (h.text, h.date, h.dnr) == ("2023-10-22 KSN-2022-0891", "2023-10-22", "KSN-2022-0891")
    # The header takes its own number; a second one after it is the body's.
    h = parse_running_header("Tornby kommun Dnr: KS-2021/467, KSN-2021-0256 Projektplan")
    assert (h.text, h.dnr) == ("Tornby kommun Dnr: KS-2021/467", "KS-2021/467")
    # Furniture text: the items wherever they stand.
    h = parse_header_text("Granviks kommun 2023-05-08 Serviceförvaltningen Dnr KS 2022/58 2 (3)")
    assert (h.date, h.dnr, h.municipality, h.appendix) == ("2023-05-08", "KS 2022/58", "Granviks kommun", None)
    assert parse_header_text("Granviks kommun Serviceförvaltningen") is None
