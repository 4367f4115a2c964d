"""People found by their names in constructed sentences (invented people): offsets, roles, titles,
parties, and the words that are no person."""
from __future__ import annotations

import pytest

from styrgraf.ingest import name_lexicon
from styrgraf.ingest.people import find_people

pytestmark = pytest.mark.skipif(not name_lexicon.has_name_lexicon(),
                                reason="the first-name lexicon (PyPI gender-guesser) is not installed")


def _people(text: str) -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for p in find_people(text):
        assert text[p.start:p.end] == p.name  # exact offsets
        for r in p.roles:
            assert text[r.start:r.end] == r.word
        out.append((p.name, tuple(r.key for r in p.roles)))
    return out


def _one(text: str):
    found = find_people(text)
    assert len(found) == 1, found
    return found[0]


def test_label_line_list_with_och():
    text = "Styrgrupp: Nora Vinge, Maja Ask och Ruben Hallin"
    assert _people(text) == [("Nora Vinge", ("styrgrupp",)), ("Maja Ask", ("styrgrupp",)),
                             ("Ruben Hallin", ("styrgrupp",))]
    assert find_people(text)[0].start == 11 and find_people(text)[0].end == 21


def test_label_lines_one_after_another_keep_their_own_roles():
    text = "Projektledare: Nora Vinge\nProjektgrupp: Maja Ask och Ruben Hallin"
    assert _people(text) == [("Nora Vinge", ("projektledare",)), ("Maja Ask", ("projektgrupp",)),
                             ("Ruben Hallin", ("projektgrupp",))]


def test_a_role_at_a_lines_end_is_the_name_before_it_not_a_label_of_the_next_line():
    text = "Beslutande Hedda Rask (S), ordförande\nOlle Tarp (M), vice ordförande\nSiv Ahlin (C)"
    people = _people(text)
    assert people[0] == ("Hedda Rask", ("ordforande",))
    assert [name for name, _ in people] == ["Hedda Rask", "Olle Tarp", "Siv Ahlin"]
    assert people[2] == ("Siv Ahlin", ())  # not the chair: `vice ordförande` ends the line before


def test_a_role_label_on_its_own_line_still_labels_the_next_line():
    assert _people("Ordförande\nHedda Rask") == [("Hedda Rask", ("ordforande",))]


def test_a_title_after_a_name_without_a_comma_is_no_surname():
    # `Holm` is a first name too: the capitalised title must not become the name's last word.
    people = find_people("Arbetsgrupp: Lisa Holm Rektor, Edvin Sand Förskollärare och Maj Ros Kurator")
    assert [(p.name, p.title) for p in people] == [("Lisa Holm", "Rektor"), ("Edvin Sand", "Förskollärare"),
                                                   ("Maj Ros", "Kurator")]
    assert _people("Anna Berg Lind, projektledare") == [("Anna Berg Lind", ("projektledare",))]


def test_members_one_a_line_under_a_group_label_line_all_hold_the_group_role():
    text = "Referensgrupp\nHedda Rask, rektor\nOlle Tarp (M)\nSiv Ahlin och Bo Ek\n\nBakgrund\nIngvar Moll skrev."
    assert _people(text) == [("Hedda Rask", ("referensgrupp",)), ("Olle Tarp", ("referensgrupp",)),
                             ("Siv Ahlin", ("referensgrupp",)), ("Bo Ek", ("referensgrupp",)), ("Ingvar Moll", ())]


def test_bulleted_members_under_a_group_label_keep_their_titles_and_the_group_role():
    text = "Styrgrupp:\n- Hedda Rask, rektor\n- Olle Tarp, skolchef\n\nVi ber Siv Ahlin, som\nsamordnar, om hjälp."
    people = find_people(text)
    assert [(p.name, p.title, tuple(r.key for r in p.roles)) for p in people] == [
        ("Hedda Rask", "rektor", ("styrgrupp",)), ("Olle Tarp", "skolchef", ("styrgrupp",)), ("Siv Ahlin", None, ())]


def test_member_lines_end_at_a_line_that_is_more_than_a_name_and_under_a_single_post():
    assert _people("Styrgrupp:\nHedda Rask, rektor\nOlle Tarp har skrivit förslaget.") == [
        ("Hedda Rask", ("styrgrupp",)), ("Olle Tarp", ())]
    assert _people("Projektledare\nHedda Rask\nOlle Tarp, skolchef") == [("Hedda Rask", ("projektledare",)),
                                                                          ("Olle Tarp", ())]


def test_role_word_without_colon_in_a_flattened_table():
    text = "Roll Namn Projektledare Nora Vinge, miljöstrateg Referensgrupp Maja Ask och Ruben Hallin"
    people = find_people(text)
    assert _people(text) == [("Nora Vinge", ("projektledare",)), ("Maja Ask", ("referensgrupp",)),
                             ("Ruben Hallin", ("referensgrupp",))]
    assert people[0].title == "miljöstrateg"


def test_labels_first_values_later_are_paired_in_order():
    text = ("Projektnamn Datum Projektägare Projektledare Styrgrupp Ett bättre torg 2024-01-05 "
            "Nora Vinge, kommundirektör Ruben Hallin Maja Ask och Egon Pihl")
    assert _people(text) == [("Nora Vinge", ("uppdragsansvarig",)), ("Ruben Hallin", ("projektledare",)),
                             ("Maja Ask", ("styrgrupp",)), ("Egon Pihl", ("styrgrupp",))]
    assert find_people(text)[1].title is None  # `kommundirektör` belongs to the name before it


def test_utse_x_till_role_and_x_utses_till_role():
    assert _people("Nämnden beslutar att utse Nora Vinge till projektledare.") == [("Nora Vinge", ("projektledare",))]
    assert _people("Maja Ask utses till projektsekreterare.") == [("Maja Ask", ("projektsekreterare",))]


def test_role_word_before_in_prose_and_after_a_comma():
    assert _people("Arbetet leds av projektledare Nora Vinge.") == [("Nora Vinge", ("projektledare",))]
    text = "Maja Ask, delprojektledare, ansvarar för arbetet."
    p = _one(text)
    assert p.roles[0].key == "projektledare" and p.roles[0].word == "delprojektledare"


def test_title_before_and_after():
    assert _one("Frågan bereds av kommundirektör Nora Vinge.").title == "kommundirektör"
    assert _one("Utvecklingschef Nora Vinge deltar.").title == "Utvecklingschef"
    assert _one("Nora Vinge, IT-chef\n").title == "IT-chef"
    assert _one("Nora Vinge (kommundirektör) deltog.").title == "kommundirektör"
    assert _one("I tjänsten Nora Vinge kommunchef").title == "kommunchef"


def test_party_forms():
    text = "Beslutande Nora Vinge (S), Ruben Hallin (kd) och Maja Ask, m, ordförande"
    assert [(p.name, p.party) for p in find_people(text)] == [("Nora Vinge", "S"), ("Ruben Hallin", "kd"),
                                                              ("Maja Ask", "m")]


def test_double_first_names_hyphens_particles_and_initials():
    text = "Styrgrupp: Anna Karin Vinge, Eva-Lena Ask, Maja von Hallin, Ruben F Pihl och Nora Lind-Ek"
    assert [p.name for p in find_people(text)] == ["Anna Karin Vinge", "Eva-Lena Ask", "Maja von Hallin",
                                                   "Ruben F Pihl", "Nora Lind-Ek"]


def test_first_name_as_an_initial_after_a_label_or_in_a_list():
    # Surnames that are words too (`Ek`, `Berg`) are names where a role label or a list puts them.
    assert _people("Uppdragsansvarig: A. Berg, kommundirektör") == [("A. Berg", ("uppdragsansvarig",))]
    assert _one("Uppdragsansvarig: A. Berg, kommundirektör").title == "kommundirektör"
    assert _people("Styrgrupp: Nora Vinge (S), L. Ek och Ruben Hallin") == [
        ("Nora Vinge", ("styrgrupp",)), ("L. Ek", ("styrgrupp",)), ("Ruben Hallin", ("styrgrupp",))]


@pytest.mark.parametrize("text", [
    "Se avsnitt 3. Berg och dal beskrivs i bilagan.",
    "Bilaga: A. Plan för arbetet",
    "Enligt A. Berg gäller detta.",          # no label, no list: an initial alone names nobody
    "Kapitel B. Ek och andra träslag",
])
def test_an_initial_where_no_name_is_expected_is_no_person(text):
    assert find_people(text) == []


def test_slash_pair_is_two_people():
    assert _people("Projektledare: Nora Vinge/Ruben Hallin") == [("Nora Vinge", ("projektledare",)),
                                                                  ("Ruben Hallin", ("projektledare",))]


def test_people_sharing_a_surname_stay_apart():
    assert [p.name for p in find_people("Projektgrupp: Nora Vinge och Ruben Vinge")] == ["Nora Vinge", "Ruben Vinge"]


def test_unknown_first_name_only_after_a_role_label():
    assert _people("Projektledare: Xiuzhen Qvarnlund") == [("Xiuzhen Qvarnlund", ("projektledare",))]
    assert find_people("Enligt Xiuzhen Qvarnlund gäller detta.") == []


def test_a_list_ends_at_a_word_that_is_no_name():
    text = "Projektgrupp: Maja Ask och Lars Lilja Beslutad i Kommunstyrelsen"
    assert [p.name for p in find_people(text)] == ["Maja Ask", "Lars Lilja"]


@pytest.mark.parametrize("text", [
    "Kommunstyrelsen Samhällsbyggnadsförvaltningen Kulturnämnden Stadsbyggnadskontoret",
    "Bakgrund Syfte Mål Tidplan Projektorganisation",
    "Projektnamn: Nytt torg Dnr: KS 2024/1 Startdatum: Januari 2024",
    "Uppdraget går till Ebba Holmbolaget AB och Maria Nordin kommun.",
    "Möte på Anna Lind-skolan och i Kungsgatan.",
    "Styrgrupp: Kommunstyrelsens arbetsutskott",
])
def test_no_person_from_headings_labels_organisations_or_places(text):
    assert find_people(text) == []


def test_first_name_lexicon_comes_from_the_package():
    assert name_lexicon.is_first_name("Anna") and name_lexicon.is_first_name("Eva-Lena")
    assert not name_lexicon.is_first_name("Kommunstyrelsen")


@pytest.mark.skipif(not name_lexicon.has_wordlist(),
                    reason="the Swedish word list (Debian hunspell-sv) is not installed")
def test_common_words_come_from_the_swedish_word_list():
    assert name_lexicon.is_common_word("Bakgrund") and name_lexicon.is_common_word("strand")
    assert not name_lexicon.is_common_word("Kjellberg")
    assert name_lexicon.is_inflected_common_word("Beslutad")


def test_without_the_lexicons_only_labelled_people_are_found(monkeypatch):
    monkeypatch.setattr(name_lexicon, "_first_names", lambda: (frozenset(), frozenset()))
    monkeypatch.setattr(name_lexicon, "_common_words", lambda: frozenset())
    text = "Projektledare: Nora Hallin. Enligt Ruben Pihl gäller detta."
    assert _people(text) == [("Nora Hallin", ("projektledare",))]


@pytest.mark.parametrize("line, name", [
    # `Hallberg` and `Tor` are first names too, so the label after them could pass for a surname.
    ("Sekreterare Stina Hallberg Paragrafer 12", "Stina Hallberg"),
    ("Underskrifter Sekreterare Agnes Tor Paragrafer 112-113", "Agnes Tor"),
    ("Justerare Karin Holm Underskrifter", "Karin Holm"),
])
def test_a_cover_label_run_into_a_name_is_no_surname(line, name):
    assert [p.name for p in find_people(line)] == [name]


@pytest.mark.parametrize("text, names", [
    ("Projektgrupp: Björn Ek Lindahl, Anna Berg Lind och Eva Holm", ["Björn Ek Lindahl", "Anna Berg Lind", "Eva Holm"]),
    # A second surname that is a common word too stands before a separator or a capitalised label.
    ("Deltagare: Nils Vikström Sjögren Ska beaktas: planen", ["Nils Vikström Sjögren"]),
    # A title in the next column has no surname's shape; a common word before prose is no surname.
    ("Styrgrupp: Patrik Lundström Upphandlare, Jenny Hedlund Lärare", ["Patrik Lundström", "Jenny Hedlund"]),
    ("I gruppen ingår Karin Ek Nordin och Eva Nyström Strand vid kusten.", ["Karin Ek Nordin", "Eva Nyström"]),
])
def test_double_surnames(text, names):
    assert [n for n, _ in _people(text)] == names


def test_the_heads_of_a_flattened_activity_table_start_no_name():
    text = "Aktiviteter Aktivitet Ansvarig Klart Trygghetsvandringar Anna Berg 2024-05-01 Kameror Per Holm 2024-09-01"
    assert [n for n, _ in _people(text)] == ["Anna Berg", "Per Holm"]
