from styrgraf.ingest.layout import analyse, split_pages

SOURCE = (
    "Norrbacka kommun\nKommunledningsförvaltningen\nBox 12, 123 45 Norrbacka\n"
    "PROJEKTDIREKTIV\n"
    "Datum: 2019-03-04 Dnr: KS 2019/123 Handläggare: Eva Lind\n"
    "1 Bakgrund\nNorrbacka kommun behöver en skola.\n"
    "Sidan 1 av 2\n"
    "\fNorrbacka kommun\n"
    "2 Organisation\n"
    "Projektledare\nStyrgrupp\nPer Holm\nAnna Berg, Kim Ek\n"
    "1. Projektering\n2. Upphandling\n"
    "Sidan 2 av 2\n"
)


def test_analyse_runs_every_finder_with_page_local_offsets():
    pages = split_pages(SOURCE)
    layout = analyse(pages)
    one, two = (pages[0].text, layout.page(1)), (pages[1].text, layout.page(2))
    text, page = one
    assert [text[h.start:h.end] for h in page.headings] == ["PROJEKTDIREKTIV", "1 Bakgrund"]
    assert [(p.label, p.value) for p in page.labels] == [
        ("Datum", "2019-03-04"), ("Dnr", "KS 2019/123"), ("Handläggare", "Eva Lind")]
    assert {text[f.start:f.end] for f in page.furniture} == {
        "Norrbacka kommun", "Kommunledningsförvaltningen", "Box 12, 123 45 Norrbacka", "Sidan 1 av 2"}
    text, page = two
    assert [text[h.start:h.end] for h in page.headings] == ["2 Organisation"]
    assert [(p.label, p.value) for p in page.labels] == [("Projektledare", "Per Holm"),
                                                         ("Styrgrupp", "Anna Berg, Kim Ek")]
    assert [[text[i.text_start:i.end] for i in block.items] for block in page.lists] == [
        ["Projektering", "Upphandling"]]


def test_furniture_is_never_a_heading_or_a_fact():
    source = "NORRBACKA KOMMUN\nProjektägare: Eva Lind\nText.\n\fNORRBACKA KOMMUN\nMer text.\n"
    pages = split_pages(source)
    layout = analyse(pages)
    assert layout.page(1).headings == () and layout.page(2).headings == ()
    assert layout.is_furniture(1, 0, 5) and not layout.is_furniture(1, 20, 25)
    assert [p.value for p in layout.page(1).labels] == ["Eva Lind"]


def test_a_numbered_heading_line_is_not_also_a_list_item():
    source = "1. Bakgrund\nText.\n2. Syfte\nMer text.\n"
    layout = analyse(split_pages(source))
    page = layout.page(1)
    assert len(page.headings) == 2 and page.lists == ()


def test_analyse_is_pure():
    pages = split_pages(SOURCE)
    assert analyse(pages) == analyse(pages)
