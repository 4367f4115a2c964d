from styrgraf.ingest.layout.pages import split_pages


def _check_offsets(source, pages):
    for page in pages:
        assert source[page.start:page.end] == page.text


def test_form_feeds_split_pages_and_a_final_feed_adds_none():
    source = "Norrbacka kommun\nProjektplan\n\fBakgrund\nText\n\fSlut\n\f"
    pages = split_pages(source)
    assert [(p.number, p.text, p.shape) for p in pages] == [
        (1, "Norrbacka kommun\nProjektplan", "form-feed"), (2, "Bakgrund\nText", "form-feed"),
        (3, "Slut", "form-feed")]
    _check_offsets(source, pages)


def test_transcript_with_leading_page_numbers_glued_or_separated():
    source = ("1 Sida 1 (3) Plats och tid Kommunhuset\n\n"
              "2Bakgrund Norrbacka kommun har beslutat.\n\n"
              "3 Projektorganisation Eva Lind leder arbetet.\n")
    pages = split_pages(source)
    assert [(p.number, p.text) for p in pages] == [
        (1, "Sida 1 (3) Plats och tid Kommunhuset"),
        (2, "Bakgrund Norrbacka kommun har beslutat."),
        (3, "Projektorganisation Eva Lind leder arbetet.")]
    assert all(p.shape == "transcript" for p in pages)
    assert [source[slice(*p.marker)] for p in pages] == ["1 ", "2", "3 "]
    _check_offsets(source, pages)


def test_transcript_with_trailing_page_numbers():
    source = "2019-03-04 KS 2019/12 Första sidans text. 1\n\n2019-03-04 KS 2019/12 Andra sidan. 2\n"
    pages = split_pages(source)
    assert [(p.number, p.text) for p in pages] == [
        (1, "2019-03-04 KS 2019/12 Första sidans text."), (2, "2019-03-04 KS 2019/12 Andra sidan.")]
    _check_offsets(source, pages)


def test_transcript_pages_without_their_number_keep_their_text():
    # Appendix pages of a transcript often carry no number: each paragraph is still a page.
    source = "1 Text på sidan ett.\n\n2 Sidan två.\n\nBilaga utan nummer.\n\n7 punkter följer.\n"
    pages = split_pages(source)
    assert [(p.number, p.text, p.marker is not None) for p in pages] == [
        (1, "Text på sidan ett.", True), (2, "Sidan två.", True), (3, "Bilaga utan nummer.", False),
        (4, "7 punkter följer.", False)]
    _check_offsets(source, pages)


def test_numbered_headings_in_ordinary_paragraphs_are_not_a_transcript():
    source = "1 Bakgrund\nNorrbacka kommun behöver en skola.\n\n2 Syfte\nAtt bygga den.\n"
    pages = split_pages(source)
    assert len(pages) == 1 and pages[0].shape == "single"
    assert pages[0].text == source.strip()


def test_footer_markers_sidan_n_av_m():
    source = "Bakgrund\nText ett.\nSidan 1 av 3\nText två.\nSidan 2 av 3\nText tre.\nSidan 3 av 3\n"
    pages = split_pages(source)
    assert [(p.number, p.text) for p in pages] == [
        (1, "Bakgrund\nText ett.\nSidan 1 av 3"), (2, "Text två.\nSidan 2 av 3"), (3, "Text tre.\nSidan 3 av 3")]
    assert [source[slice(*p.marker)] for p in pages] == ["Sidan 1 av 3", "Sidan 2 av 3", "Sidan 3 av 3"]
    _check_offsets(source, pages)


def test_header_markers_with_a_letterhead_above_them():
    source = ("Norrbacka kommun   Sida 1 (2)\nProjektplan\nText.\n"
              "Norrbacka kommun   Sida 2 (2)\nMer text.\nSlut på dokumentet.\n")
    pages = split_pages(source)
    assert [(p.number, p.text) for p in pages] == [
        (1, "Norrbacka kommun   Sida 1 (2)\nProjektplan\nText."),
        (2, "Norrbacka kommun   Sida 2 (2)\nMer text.\nSlut på dokumentet.")]
    _check_offsets(source, pages)


def test_shared_letterhead_line_above_header_markers_moves_with_its_page():
    source = ("Norrbacka kommun\nSida 1 (3)\nBakgrund\nNorrbacka kommun\nSida 2 (3)\nText\n"
              "Norrbacka kommun\nSida 3 (3)\nSlut\n")
    pages = split_pages(source)
    assert [p.text for p in pages] == [
        "Norrbacka kommun\nSida 1 (3)\nBakgrund", "Norrbacka kommun\nSida 2 (3)\nText",
        "Norrbacka kommun\nSida 3 (3)\nSlut"]


def test_bare_and_dashed_markers():
    bare = "Text ett.\n1 (2)\nText två.\n2(2)\n"
    assert [p.text for p in split_pages(bare)] == ["Text ett.\n1 (2)", "Text två.\n2(2)"]
    dashed = "Text ett.\n- 1 -\nText två.\n- 2 -\n"
    assert [p.text for p in split_pages(dashed)] == ["Text ett.\n- 1 -", "Text två.\n- 2 -"]


def test_a_number_in_brackets_inside_a_sentence_does_not_split():
    source = "Enligt punkt 3 (12) i avtalet ska Norrbacka kommun betala.\nNästa rad nämner 4 (12) också.\n"
    pages = split_pages(source)
    assert len(pages) == 1 and pages[0].shape == "single"


def test_markers_out_of_sequence_do_not_split():
    source = "Text.\n3 (12)\nMer text.\n7 (12)\nSlut.\n"
    assert len(split_pages(source)) == 1
    # A false marker between true ones is skipped: the chain of 1, 2, 3 decides.
    source = "A\nSida 1 (3)\nB\nSida 9 (3)\nC\nSida 2 (3)\nD\nSida 3 (3)\n"
    assert [p.text for p in split_pages(source)] == ["A\nSida 1 (3)", "B\nSida 9 (3)\nC\nSida 2 (3)", "D\nSida 3 (3)"]


def test_no_markers_is_one_page_and_empty_is_none():
    source = "  Projektplan för Norrbacka\n\nText utan sidnummer.\n"
    pages = split_pages(source)
    assert [(p.number, p.text, p.shape) for p in pages] == [
        (1, "Projektplan för Norrbacka\n\nText utan sidnummer.", "single")]
    _check_offsets(source, pages)
    assert split_pages(" \n ") == []


def test_text_export_preamble_is_left_out_and_offsets_stay_in_the_input():
    source = ("Projektplan för Norrbacka\n\nRelevanta dokument\nNågot annat 3\n\nTranskript:\n\n"
              "1 Bakgrund Norrbacka kommun bygger.\n\n2 Tidplan Klart 2021.\n")
    pages = split_pages(source)
    assert [(p.number, p.text) for p in pages] == [(1, "Bakgrund Norrbacka kommun bygger."),
                                                   (2, "Tidplan Klart 2021.")]
    _check_offsets(source, pages)
    assert [source[slice(*p.marker)] for p in pages] == ["1 ", "2 "]


def test_transcript_page_number_glued_to_the_headers_date_and_an_unnumbered_first_page():
    # A site glues the page number to the running header's date: `32022-08-21` is page 3.
    source = ("Transkript:\n\n2022-08-21 KS 2021/97 Bakgrund Text.\n\n"
              "22022-08-21 KS 2021/97 Mål Text.\n\n32022-08-21 KS 2021/97 Tidplan Text.\n")
    pages = split_pages(source)
    assert [(p.number, p.text[:22]) for p in pages] == [
        (1, "2022-08-21 KS 2021/97 "), (2, "2022-08-21 KS 2021/97 "), (3, "2022-08-21 KS 2021/97 ")]
    assert [p.marker and source[slice(*p.marker)] for p in pages] == [None, "2", "3"]
    _check_offsets(source, pages)
    # Page 12 is `12` + the date, not `1` + `22019-…`.
    assert split_pages("Transkript:\n\n2019-03-04 A\n\n" + "\n\n".join(
        f"{n}2019-03-04 Sida" for n in range(2, 13)) + "\n")[-1].number == 12


def test_export_paragraphs_are_pages_even_without_numbers():
    source = "Titel\n\nTranskript:\n\nFörsta sidan\nmed två rader.\n\nAndra sidan.\n"
    pages = split_pages(source)
    assert [(p.number, p.text, p.shape) for p in pages] == [
        (1, "Första sidan\nmed två rader.", "transcript"), (2, "Andra sidan.", "transcript")]
    _check_offsets(source, pages)
    two = "Transkript:\n\n2019-03-04 KSN-2019-0012 Text ett.\n\n22019-03-04 KSN-2019-0012 Text två.\n"
    assert [p.text[:10] for p in split_pages(two)] == ["2019-03-04", "2019-03-04"]
