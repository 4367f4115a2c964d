from styrgraf.ingest.layout.furniture import covered, find_furniture
from styrgraf.ingest.layout.pages import PageText, split_pages


def _spans(source):
    pages = split_pages(source)
    found = find_furniture(pages)
    by_number = {p.number: p for p in pages}
    return [(f.page, by_number[f.page].text[f.start:f.end], f.kind) for f in found], found


def test_running_header_on_every_page_is_found_and_a_one_off_line_kept():
    source = ("Norrbacka kommun – Projektplan skolan\nBakgrund\nText ett.\n\f"
              "Norrbacka kommun – Projektplan skolan\nEn rad som bara finns här\nText två.\n\f"
              "Norrbacka kommun – Projektplan skolan\nText tre.\nSlutrad.\n")
    spans, _ = _spans(source)
    assert [s for s in spans if s[2] == "running-header"] == [
        (n, "Norrbacka kommun – Projektplan skolan", "running-header") for n in (1, 2, 3)]
    texts = {s[1] for s in spans}
    assert "En rad som bara finns här" not in texts and "Bakgrund" not in texts


def test_running_footer_modulo_page_numbers():
    source = ("Text ett.\nMer text.\nKS 2019/123   Sidan 1 av 3\n\fText två.\nAnnat.\nKS 2019/123   Sidan 2 av 3\n\f"
              "Text tre.\nSista.\nKS 2019/123   Sidan 3 av 3\n")
    spans, _ = _spans(source)
    assert [(p, t) for p, t, _ in spans] == [(n, f"KS 2019/123   Sidan {n} av 3") for n in (1, 2, 3)]


def test_letterhead_on_the_first_page_only_is_found_by_shape():
    source = ("Norrbacka kommun\nKommunledningsförvaltningen\nStorgatan 4, 123 45 Norrbacka\n"
              "Projektdirektiv för ny skola\nBakgrund\nText.\n\fText på sidan två.\nMer.\n")
    spans, _ = _spans(source)
    assert spans == [(1, "Norrbacka kommun", "letterhead"), (1, "Kommunledningsförvaltningen", "letterhead"),
                     (1, "Storgatan 4, 123 45 Norrbacka", "letterhead")]


def test_contact_footer_and_page_markers_by_shape():
    source = ("Projektplan\nText.\nSida 1 (2)\nTelefon 0123-45 67 89  www.norrbacka.se\n\f"
              "Text.\nSida 2 (2)\n")
    spans, _ = _spans(source)
    assert (1, "Sida 1 (2)", "page-marker") in spans and (2, "Sida 2 (2)", "page-marker") in spans
    assert (1, "Telefon 0123-45 67 89  www.norrbacka.se", "letterhead") in spans
    assert not any(t == "Projektplan" for _, t, _ in spans)


def test_date_and_case_number_line_is_a_case_header_but_a_label_line_is_not():
    source = "2019-03-04 KS 2019/123\nProjektplan\nText ett.\n\fDatum: 2019-03-04 Dnr: KS 2019/123\nText två.\n"
    spans, _ = _spans(source)
    assert spans == [(1, "2019-03-04 KS 2019/123", "case-header")]


def test_transcript_page_header_at_the_start_of_the_single_line():
    source = ("1 2019-03-04 KS 2019/123 PROJEKTPLAN Bakgrund Text.\n\n"
              "2 2019-03-04 KS 2019/123 Mer text om 3 (12) saker.\n")
    spans, found = _spans(source)
    assert spans == [(1, "2019-03-04 KS 2019/123", "case-header"), (2, "2019-03-04 KS 2019/123", "case-header")]
    assert covered(found, 2, 0, 5) and not covered(found, 2, 30, 35)


def test_a_single_page_has_no_repetition_and_a_name_is_not_furniture():
    source = "Projektplan\nEva Lind\nNorrbacka skola\n"
    spans, _ = _spans(source)
    assert spans == []


def test_a_sentence_starting_with_the_municipality_is_no_letterhead():
    source = "Norrbacka kommun har beslutat att bygga en skola.\nText.\n"
    spans, _ = _spans(source)
    assert spans == []


def test_short_repeated_lines_are_not_taken_for_running_headers():
    source = "Mål\nText ett om skolan.\n\fMål\nText två om vägen.\n"
    spans, _ = _spans(source)
    assert spans == []


def test_transcript_marker_remnants_and_number_only_pages():
    source = ("1 1 (3) Plats och tid Kommunhuset\n\n"
              "2 (3) Bilaga 1 Beslutande Eva Lind\n\n"
              "3 3\n")
    pages = split_pages(source)
    assert [p.text for p in pages] == ["1 (3) Plats och tid Kommunhuset", "(3) Bilaga 1 Beslutande Eva Lind", "3"]
    spans, _ = _spans(source)
    assert spans == [(1, "1 (3)", "page-marker"), (2, "(3)", "page-marker"), (3, "3", "page-marker")]


def test_a_bare_marker_with_another_page_number_is_content():
    source = "Text om avtalet.\nSe bilaga 7 (12)\n\fMer text.\nSida 2 (2)\n"
    spans, _ = _spans(source)
    assert spans == [(2, "Sida 2 (2)", "page-marker")]


def test_capital_letterhead_with_document_type():
    source = "NORRBACKA KOMMUN SAMMANTRÄDESPROTOKOLL\nKommunstyrelsen\nParagrafer 1-5\n"
    spans, _ = _spans(source)
    # The body under the municipality belongs to the letterhead; the label line after it does not.
    assert spans == [(1, "NORRBACKA KOMMUN SAMMANTRÄDESPROTOKOLL", "letterhead"),
                     (1, "Kommunstyrelsen", "letterhead")]


def test_sentences_alike_but_for_their_numbers_are_no_running_header():
    # `målen 3 och 4` and `målen 3 och 5` fold to one shape; their numbers are not the pages'.
    source = ("Norrbacka kommun 2020-01-20\nText ett.\nMer.\n\f"
              "Norrbacka kommun 2020-01-20\nDelprojekt 2\nDelprojektet ska adressera målen 3 och 4.\nText.\nSlut.\n\f"
              "Norrbacka kommun 2020-01-20\nDelprojekt 3\nDelprojektet ska adressera målen 3 och 5.\nText.\nSlut.\n")
    spans, _ = _spans(source)
    assert {t for _, t, _ in spans} == {"Norrbacka kommun 2020-01-20"}


def test_a_repeated_heading_away_from_the_page_edge_is_content():
    pages = [f"2013-05-14 Bilaga {n}\nUPPDRAGSBESKRIVNING DELPROJEKT {n}\nSyfte och frågeställning\nText {n}.\n"
             f"Rapportering och utvärdering\nFortlöpande till {who}.\nSida {n} av 3\n"
             for n, who in ((1, "styrgruppen"), (2, "nämnden"), (3, "projektägaren"))]
    spans, _ = _spans("\f".join(pages))
    texts = {t for _, t, _ in spans}
    assert "Syfte och frågeställning" not in texts and "Rapportering och utvärdering" not in texts
    assert {k for _, _, k in spans} == {"case-header", "page-marker"}


def test_a_labelled_case_number_line_is_a_cover_field_not_a_case_header():
    source = "Lövnäs kommun\nDiarienummer: KSN-2022-0953\n\nStrategi för parkerna\nText.\n"
    spans, _ = _spans(source)
    assert spans == [(1, "Lövnäs kommun", "letterhead")]


def test_letterhead_lines_with_the_date_and_dnr_set_to_the_right():
    source = "Lövsjö kommun\nTekniska förvaltningen 2021-04-12\nDnr KS 2021/345\nProjektplan för en badplats\nText.\n"
    spans, _ = _spans(source)
    assert [t for _, t, _ in spans] == ["Lövsjö kommun", "Tekniska förvaltningen 2021-04-12", "Dnr KS 2021/345"]


def test_a_date_opening_one_transcript_page_only_is_its_text():
    source = "Transkript:\n\n2019-03-04 beslutade nämnden att bygga.\n\nAndra sidan utan datum.\n"
    spans, _ = _spans(source)
    assert spans == []


def test_a_transcript_pages_own_number_left_in_its_text_is_a_page_marker():
    pages = [PageText(1, 0, 30, "1Projektplan för skolan i Norr", "transcript"),
             PageText(2, 0, 22, "Text om budgeten slut 2", "transcript"),
             PageText(3, 0, 19, "7 punkter om vägen.", "transcript")]
    found = find_furniture(pages)
    assert [(f.page, pages[f.page - 1].text[f.start:f.end], f.kind) for f in found] == [
        (1, "1", "page-marker"), (2, "2", "page-marker")]
