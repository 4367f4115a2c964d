from styrgraf.ingest.layout.lists import find_lists


def _found(text):
    out = []
    for block in find_lists(text):
        for item in block.items:
            assert text[item.start:item.text_start].strip() in (item.marker, f"{item.marker}.", f"{item.marker})",
                                                               f"({item.marker})")
        out.append((block.kind, [(i.ordinal, text[i.text_start:i.end]) for i in block.items]))
    return out


def test_bullets_on_their_lines_with_a_wrapped_continuation():
    text = "Projektet ska:\n• ta fram en plan\n• förankra planen\n  hos nämnderna\n* Stjärna ett\n* Stjärna två\n"
    assert _found(text) == [
        ("bullet", [(1, "ta fram en plan"), (2, "förankra planen\n  hos nämnderna")]),
        ("bullet", [(1, "Stjärna ett"), (2, "Stjärna två")]),
    ]


def test_dash_and_letter_o_bullets():
    text = "- Skolor\n- Förskolor\n\no Vägar\no Broar\n– Parker\n"
    assert _found(text) == [
        ("bullet", [(1, "Skolor"), (2, "Förskolor")]),
        ("bullet", [(1, "Vägar"), (2, "Broar")]),
        ("bullet", [(1, "Parker")]),
    ]


def test_numbered_and_lettered_items():
    text = "1. Ett\n2) Två\n(3) Tre\na) första\nb. andra\n"
    assert _found(text) == [
        ("number", [(1, "Ett"), (2, "Två"), (3, "Tre")]),
        ("letter", [(1, "första"), (2, "andra")]),
    ]


def test_lists_run_together_on_one_line():
    text = "Målgrupper • Skolor • Förskolor • Fritidsgårdar\nAlternativen var 1. Oförändrad 2. Ny nämnd 3. Nytt bolag\n"
    assert _found(text) == [
        ("bullet", [(1, "Skolor"), (2, "Förskolor"), (3, "Fritidsgårdar")]),
        ("number", [(1, "Oförändrad"), (2, "Ny nämnd"), (3, "Nytt bolag")]),
    ]


def test_numbers_in_prose_are_no_list():
    text = "Beslut enligt 2. i förslaget.\nSe punkt 3) nedan och 5.\n4. Ensam punkt\n"
    assert _found(text) == []


def test_a_blank_line_ends_an_item():
    text = "• Skolor\n\nmed lärare\n"
    assert _found(text) == [("bullet", [(1, "Skolor")])]
