from styrgraf.ingest.pages import join_lines, normalise_page


def test_hyphenation_at_line_end_is_undone():
    assert join_lines(["för att utveckla närings-", "livet i kommunen"]) == "för att utveckla näringslivet i kommunen"


def test_real_hyphens_are_kept():
    assert join_lines(["i grund-", "och gymnasieskolan"]) == "i grund- och gymnasieskolan"
    assert join_lines(["HR-", "chef Karin"]) == "HR-chef Karin"
    assert join_lines(["Vård/Omsorgs-", "College"]) == "Vård/Omsorgs-College"


def test_footers_and_trailing_page_numbers_are_dropped():
    assert normalise_page(3, ["2012-02-22 KS 2011/0456", "Text på sidan.", "Sida 3 av 18"]).text == \
        "2012-02-22 KS 2011/0456 Text på sidan."
    assert normalise_page(4, ["Text kommunchef 4"]).text == "Text kommunchef"
    assert normalise_page(4, ["Text 3 (18)", "4 (18)"]).text == "Text 3 (18)"
    # A number that is not this page's number is content.
    assert normalise_page(2, ["beslut nr 7"]).text == "beslut nr 7"


def test_white_space_is_folded():
    assert normalise_page(1, ["  a\tb  ", "", "c  "]).text == "a b c"


def test_furniture_is_kept_in_the_page_text_and_its_spans_recorded():
    from styrgraf.ingest.pages import normalise_pages
    from styrgraf.ingest.sources import RawPage

    header = ["Lövsjö kommun   2021-04-12", "Tekniska förvaltningen   Dnr KS 2021/345"]
    pages = normalise_pages([RawPage(1, header + ["Arbetet med närings-", "livet fortsätter", "Sida 1 av 2"]),
                             RawPage(2, header + ["och avslutas.", "Sida 2 av 2"])])
    assert pages[0].text == ("Lövsjö kommun 2021-04-12 Tekniska förvaltningen Dnr KS 2021/345 "
                             "Arbetet med näringslivet fortsätter")
    assert [(pages[0].text[f.start:f.end], f.kind) for f in pages[0].furniture] == [
        ("Lövsjö kommun 2021-04-12 Tekniska förvaltningen Dnr KS 2021/345", "running-header")]
    assert [pages[1].text[f.start:f.end] for f in pages[1].furniture] == [
        "Lövsjö kommun 2021-04-12 Tekniska förvaltningen Dnr KS 2021/345"]


def test_a_page_marker_inside_a_transcript_page_is_recorded_as_furniture():
    from styrgraf.ingest.pages import normalise_pages
    from styrgraf.ingest.sources import RawPage

    pages = normalise_pages([RawPage(1, ["Text om skolan Sida 1 (2) och mer text."]),
                             RawPage(2, ["Andra sidan."])])
    assert [pages[0].text[f.start:f.end] for f in pages[0].furniture] == ["Sida 1 (2)"]
