from styrgraf.ingest.layout.headings import find_headings


def _found(text):
    return [(text[h.start:h.end], text[h.title_start:h.end], h.level, h.shape, h.number) for h in find_headings(text)]


def test_numbered_headings_with_their_depth():
    text = "1 Bakgrund\nText om skolan.\n1.2 Projektmål\n1.2.3. Risker med tidplanen\n2. Syfte\n"
    assert _found(text) == [
        ("1 Bakgrund", "Bakgrund", 1, "numbered", "1"),
        ("1.2 Projektmål", "Projektmål", 2, "numbered", "1.2"),
        ("1.2.3. Risker med tidplanen", "Risker med tidplanen", 3, "numbered", "1.2.3"),
        ("2. Syfte", "Syfte", 1, "numbered", "2"),
    ]


def test_numbered_list_items_and_numbers_in_prose_are_no_headings():
    text = "2. Kommunstyrelsen beslutar att anta planen\n100 miljoner kronor avsätts\n3 av 5 skolor.\n2019 Budget\n"
    assert _found(text) == []


def test_capital_lines_and_known_heading_words():
    text = "PROJEKTDIREKTIV FÖR NY SKOLA\nBakgrund\nFörslag till beslut:\nSyfte och mål\nTidplan\n"
    assert _found(text) == [
        ("PROJEKTDIREKTIV FÖR NY SKOLA", "PROJEKTDIREKTIV FÖR NY SKOLA", 1, "capitals", None),
        ("Bakgrund", "Bakgrund", 2, "word", None),
        ("Förslag till beslut:", "Förslag till beslut:", 2, "word", None),
        ("Syfte och mål", "Syfte och mål", 2, "word", None),
        ("Tidplan", "Tidplan", 2, "word", None),
    ]


def test_a_name_line_a_sentence_and_an_acronym_are_no_headings():
    text = "Eva Lind\nProjektet ska vara klart 2020.\nKS\nBakgrund till beslutet finns i bilagan\n"
    assert _found(text) == []


def test_table_of_contents_lines_are_skipped_and_paragraph_signs_found():
    text = "1 Bakgrund .......... 3\n2 Syfte          4\n§ 45 Projektdirektiv för Norrbacka skola\n"
    assert _found(text) == [("§ 45 Projektdirektiv för Norrbacka skola", "Projektdirektiv för Norrbacka skola", 1,
                             "paragraph-sign", "§ 45")]


def test_offsets_respect_a_window_and_indentation():
    text = "Inledning\n   2 Organisation  \nBudget\n"
    start = text.index("   2")
    found = find_headings(text, start, text.index("Budget"))
    assert [(text[h.start:h.end], h.level) for h in found] == [("2 Organisation", 1)]


def test_a_numbered_enumeration_of_people_is_no_heading():
    text = "6 Förvaltningschef Eva Lind, Projektledare Per Holm\n4 Styrgrupp\n"
    assert _found(text) == [("4 Styrgrupp", "Styrgrupp", 1, "numbered", "4")]
