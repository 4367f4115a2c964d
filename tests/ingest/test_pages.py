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
