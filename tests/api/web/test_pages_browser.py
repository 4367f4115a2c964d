"""The web pages in a real browser (Debian's Chromium, headless) against a real server on the seed store."""
from __future__ import annotations

import re

from tests.api.web.conftest import screenshot, serious_violations

QUESTION = "Vilket delprojekt täcker intention 8?"
SCOPE_1 = "I detta uppdrag avses SPH som strategisk resurs för innovation"


def _ask(page, url: str, question: str) -> None:
    page.goto(url + "/")
    page.get_by_label("Fråga eller sökord").fill(question)
    page.get_by_role("button", name="Fråga").click()
    page.wait_for_load_state()


def test_question_shows_subprojects_with_source_links(page, web_server):
    _ask(page, web_server, QUESTION)
    answer = page.locator("section.answer")
    results = answer.locator("ul.results > li")
    texts = results.all_inner_texts()
    assert [re.match(r"Delprojekt (\d+)", t).group(1) for t in texts] == ["1", "2"]
    assert SCOPE_1 in texts[0]
    first_sources = results.nth(0).locator("a.source")
    assert first_sources.count() >= 1
    assert re.search(r"/dokument/[^?]+\?sida=\d+&fran=\d+&till=\d+#sida-\d+$",
                     first_sources.first.get_attribute("href"))
    screenshot(page, "start-svar")
    assert serious_violations(page) == []


def test_question_not_understood_shows_search_results(page, web_server):
    _ask(page, web_server, "Stadens hjärta")
    answer = page.locator("section.answer")
    assert answer.get_by_role("heading", name="Sökträffar").is_visible()
    hits = answer.locator("ol.hits > li").all_inner_texts()
    assert hits and any("Stadens Hjärta" in h or "Stadens hjärta" in h for h in hits)
    screenshot(page, "start-sokning")
    assert serious_violations(page) == []


def test_source_link_opens_the_page_with_the_quote_highlighted(page, web_server):
    _ask(page, web_server, QUESTION)
    link = page.locator("ul.results > li").nth(0).locator("a.source", has_text="sida 5").last
    quote = link.get_attribute("title")
    link.click()
    page.wait_for_load_state()
    page_number = re.search(r"sida=(\d+)", page.url).group(1)
    marked = page.locator("mark")
    assert marked.count() == 1
    assert marked.inner_text() == quote == SCOPE_1
    section = page.locator(f"section#sida-{page_number}")
    assert section.locator("mark").count() == 1
    assert section.get_by_role("heading").first.inner_text() == f"Sida {page_number}"
    screenshot(page, "dokument-markerat")
    assert serious_violations(page) == []


def test_overlap_report_lists_the_pair_of_delprojekt_1_and_2(page, web_server):
    page.goto(web_server + "/overlapp")
    pairs = page.locator("li.pair")
    headings = [pairs.nth(i).locator("h2").inner_text() for i in range(pairs.count())]
    pair = next(i for i, h in enumerate(headings)
                if re.match(r"Delprojekt 1:.* – Delprojekt 2:", h) or re.match(r"Delprojekt 2:.* – Delprojekt 1:", h))
    reasons = pairs.nth(pair).locator("ul.reasons > li").all_inner_texts()
    assert any("intention 8" in r.lower() for r in reasons)
    screenshot(page, "overlapp")
    assert serious_violations(page) == []
    page.emulate_media(media="print")  # the print stylesheet: no menu, no filter form, the pairs kept
    assert not page.locator("header.site nav").is_visible() and not page.locator("form.filter").is_visible()
    assert pairs.nth(pair).is_visible()
    page.emulate_media(media="screen")
    page.get_by_label("Lägsta poäng (0–1)").fill("0,99")
    page.get_by_role("button", name="Visa").click()
    page.wait_for_load_state()
    assert page.locator("li.pair").count() < pairs.count() or pairs.count() == 0


def test_coverage_matrix_marks_intention_8_for_delprojekt_1_and_2(page, web_server):
    page.goto(web_server + "/tackning")
    table = page.locator("table.matrix").first
    columns = table.locator("thead th").all_inner_texts()
    row = table.locator("tbody tr").filter(has=page.locator("th a", has_text=re.compile(r"^8$")))
    cells = row.locator("td").all_inner_texts()
    covered = [columns[i + 1] for i, text in enumerate(cells[:-1]) if "✓" in text]
    assert covered == ["Delprojekt 1", "Delprojekt 2"]
    assert cells[-1] == "2"
    scope_source = row.locator("td").nth(0).locator("a.source")
    assert scope_source.count() >= 1
    assert SCOPE_1 in [scope_source.nth(i).get_attribute("title") for i in range(scope_source.count())]
    screenshot(page, "tackning")
    assert serious_violations(page) == []


def test_subproject_page_shows_facts_with_source_links_and_english_toggle(page, web_server):
    page.goto(web_server + "/tackning")
    page.locator("table.matrix thead th a", has_text="Delprojekt 1").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Delprojekt 1:")
    people = page.locator("dl.facts > dt", has_text="Personer")
    assert people.count() == 1
    assert page.locator("dl.facts a.source").count() >= 5
    diagram = page.locator("figure.diagram svg")
    assert diagram.get_attribute("role") == "group"
    nodes = diagram.locator("g.node > title").all_text_contents()
    assert nodes[-1].startswith("Delprojekt 1:") and any(n.startswith("Delprojekt 2:") for n in nodes[:-1])
    screenshot(page, "delprojekt")
    assert serious_violations(page) == []
    page.get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Subproject 1:")
    assert page.locator("html").get_attribute("lang") == "en"


def test_checks_page_and_phone_width(page, web_server):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(web_server + "/kontroller")
    assert page.get_by_role("heading", level=1).inner_text() == "Konsistenskontroller"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    screenshot(page, "kontroller-telefon")
    assert serious_violations(page) == []


def test_keyboard_reaches_the_question_box_and_submits_it(page, web_server):
    page.goto(web_server + "/kontroller")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Hoppa till innehållet"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "innehall"
    page.goto(web_server + "/")
    assert page.evaluate("document.activeElement.id") == "fraga"  # the box has the focus on the start page
    page.keyboard.type("Vem leder delprojekt 3?")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "Anders Bergenek" in page.locator("section.answer").inner_text()


def test_audit_trail_of_the_2012_02_07_decision_lists_the_chain_oldest_first(page, web_server):
    page.goto(web_server + "/?q=Vilket beslut bygger delprojekt 1 på?")
    page.locator("section.answer ul.results a", has_text="7 februari 2012").first.click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Spårbarhet: beslutskedjan med citat och källor").click()
    page.wait_for_load_state()
    steps = page.locator("ol.trail > li > h3").all_inner_texts()
    assert [re.search(r"\d+ \w+ \d{4}", s).group(0) for s in steps] == [
        "6 september 2011", "6 december 2011", "7 februari 2012"]
    assert page.locator("ol.trail blockquote a.source").count() >= 3
    screenshot(page, "sparbarhet-beslut")
    assert serious_violations(page) == []
