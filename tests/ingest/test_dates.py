from styrgraf.ingest.dates import find_dates, parse_date


def test_iso_date():
    d = parse_date("beslutade 2012-02-07 följande")
    assert (d.iso, d.valid, d.year_inferred, d.precision) == ("2012-02-07", True, False, "day")


def test_impossible_date_kept_verbatim_and_invalid():
    d = parse_date("överlämnat 2012-04-31")
    assert (d.text, d.iso, d.valid) == ("2012-04-31", None, False)
    assert parse_date("2013-02-29").valid is False
    assert parse_date("2012-02-29").valid is True  # leap year


def test_swedish_day_month_takes_year_from_context_and_says_so():
    d = parse_date("Projektplan klar 10 mars.", default_year=2012)
    assert (d.text, d.iso, d.year_inferred) == ("10 mars", "2012-03-10", True)
    assert parse_date("senast den 31 maj", 2014).iso == "2014-05-31"
    assert parse_date("31 juni", 2014).valid is False


def test_swedish_day_month_year_and_month_year():
    assert parse_date("den 13 februari 2013").iso == "2013-02-13"
    m = parse_date("fatta beslut i maj 2012")
    assert (m.iso, m.precision) == ("2012-05", "month")


def test_no_year_and_no_context_keeps_text_without_guessing():
    d = parse_date("möte 21 februari")
    assert d.text == "21 februari" and d.iso is None


def test_find_dates_offsets_and_order():
    text = "KLU2012-05-15 KS 2012-05-29 och 9 mars"
    found = find_dates(text, 2012)
    assert [text[f.start:f.end] for f in found] == ["2012-05-15", "2012-05-29", "9 mars"]


def test_numbers_that_are_not_dates():
    assert find_dates("Dnr KS 2011/0456 och budget 2012-2014") == []
