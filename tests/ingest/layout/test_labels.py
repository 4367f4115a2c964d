from styrgraf.ingest.layout.labels import find_labels


def _found(text):
    pairs = find_labels(text)
    for p in pairs:
        assert text[p.label_start:p.label_end] == p.label
        assert text[p.value_start:p.value_end] == p.value
    return [(p.key, p.label, p.value, p.layout) for p in pairs]


def test_one_pair_per_line_with_and_without_colon():
    text = "Projektägare: Anna Berg\nDiarienr KS 2020/45\nDATUM: 2020-01-15\nVersion: 1.2\n"
    assert _found(text) == [
        ("project_owner", "Projektägare", "Anna Berg", "line"),
        ("case_number", "Diarienr", "KS 2020/45", "line"),
        ("date", "DATUM", "2020-01-15", "line"),
        ("version", "Version", "1.2", "line"),
    ]


def test_several_pairs_run_together_end_at_the_next_label():
    text = "Datum: 2019-03-04 Dnr: KS 2019/123 Handläggare: Eva Lind, utredare\n"
    assert _found(text) == [
        ("date", "Datum", "2019-03-04", "inline"),
        ("case_number", "Dnr", "KS 2019/123", "inline"),
        ("case_officer", "Handläggare", "Eva Lind, utredare", "inline"),
    ]


def test_protocol_head_run_together_without_colons():
    text = ("Plats och tid Kommunhuset, kl 13.00 Beslutande Anna Berg (S), ordförande "
            "Utses att justera Per Holm Justeringens plats och tid Kommunhuset 2019-03-11\n")
    assert _found(text) == [
        ("place_and_time", "Plats och tid", "Kommunhuset, kl 13.00", "inline"),
        ("voting_members", "Beslutande", "Anna Berg (S), ordförande", "inline"),
        ("adjuster_appointed", "Utses att justera", "Per Holm", "inline"),
        ("adjustment_place_time", "Justeringens plats och tid", "Kommunhuset 2019-03-11", "inline"),
    ]


def test_with_colons_only_colon_labels_delimit_values():
    text = "Beslutande: Anna Berg, Ordförande Styrgrupp i Norrbacka\n"
    assert _found(text) == [("voting_members", "Beslutande", "Anna Berg, Ordförande Styrgrupp i Norrbacka", "line")]


def test_prose_starting_with_a_label_word_is_no_pair():
    text = "Projektledare för arbetet är Per Holm.\nProjekt Norrbacka skola pågår.\nEn styrgrupp utses.\n"
    assert _found(text) == []


def test_label_row_then_value_row():
    text = "Projektnamn  Projektägare\nNya Norrbacka skola    Eva Lind\n"
    assert _found(text) == [
        ("project_name", "Projektnamn", "Nya Norrbacka skola", "row"),
        ("project_owner", "Projektägare", "Eva Lind", "row"),
    ]


def test_label_row_whose_values_cannot_be_cut_is_shared():
    text = "Beställare Uppdragsgivare\nKommunstyrelsen Barn- och utbildningsnämnden\n"
    pairs = find_labels(text)
    assert [(p.label, p.value, p.shared) for p in pairs] == [
        ("Beställare", "Kommunstyrelsen Barn- och utbildningsnämnden", True),
        ("Uppdragsgivare", "Kommunstyrelsen Barn- och utbildningsnämnden", True),
    ]


def test_label_column_then_value_column():
    text = "Projektledare\nStyrgrupp\nSekreterare\nPer Holm\nAnna Berg, Eva Lind\nKim Ek\nBakgrund\n"
    assert _found(text) == [
        ("project_manager", "Projektledare", "Per Holm", "column"),
        ("steering_group", "Styrgrupp", "Anna Berg, Eva Lind", "column"),
        ("secretary", "Sekreterare", "Kim Ek", "column"),
    ]


def test_label_column_without_enough_values_gives_nothing():
    text = "Projektledare\nStyrgrupp\nPer Holm\n"
    assert _found(text) == []


def test_a_label_over_list_items_is_no_column_pair():
    text = "Styrgrupp\n• Eva Lind\n• Per Holm\n"
    assert _found(text) == []


def test_value_row_without_gaps_is_cut_by_value_shapes():
    text = "Datum Dnr Handläggare\n2019-03-04 KS 2019/123 Eva Lind\nHandläggare Beslutsdatum\nPer Holm 2020-01-02\n"
    assert _found(text) == [
        ("date", "Datum", "2019-03-04", "row"),
        ("case_number", "Dnr", "KS 2019/123", "row"),
        ("case_officer", "Handläggare", "Eva Lind", "row"),
        ("case_officer", "Handläggare", "Per Holm", "row"),
        ("decision_date", "Beslutsdatum", "2020-01-02", "row"),
    ]


def test_an_unknown_label_on_a_label_line_ends_the_value_before_it():
    text = "Projektledare: Per Holm Projektarbetsgrupp: Eva Lind, Kim Ek\nKlockan: 13.00\n"
    assert _found(text) == [
        ("project_manager", "Projektledare", "Per Holm", "inline"),
        ("other", "Projektarbetsgrupp", "Eva Lind, Kim Ek", "inline"),
    ]
