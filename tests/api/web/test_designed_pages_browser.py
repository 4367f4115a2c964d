"""The plan's dependency graph, the person page and the meeting page in a real browser: the seed
plan for the graph and the people who lead its subprojects, the constructed minutes of Ekträsk
for a meeting with substitutes and a reservation."""
from __future__ import annotations

import re

import pytest

from styrgraf.api.http.app import close_app, create_app
from tests.api.server_support import live_server
from tests.api.web.conftest import screenshot, serious_violations
from tests.graph.minutes_builder import build_minutes_store

PLAN = "halmstad-projektplan-ks-2011-0456-2012-02-22"
BOARD = "ektrask-protokoll-ks-2022-140-2022-09-12-meeting"


@pytest.fixture(scope="module")
def minutes_server(tmp_path_factory):
    app = create_app(str(build_minutes_store(tmp_path_factory.mktemp("minutes-browser") / "store")))
    with live_server(app) as url:
        yield url
    close_app(app)


def test_plan_graph_from_the_project_page_shows_every_subproject(page, web_server):
    page.goto(f"{web_server}/projekt/{PLAN}-projekt")
    page.get_by_role("link", name="Beroendegraf för hela planen").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/projekt/{PLAN}-projekt/beroenden")
    svg = page.locator("figure.plan-graph svg")
    assert svg.get_attribute("role") == "group"
    subprojects = svg.locator("g.node.subproject > title").all_text_contents()
    assert [re.match(r"Delprojekt (\d+):", s).group(1) for s in subprojects] == ["1", "2", "3", "4", "5", "6"]
    assert svg.locator(f"path.edge.sibling[data-from='{PLAN}-delprojekt-1'][data-to='{PLAN}-delprojekt-2']").count() == 1
    assert svg.locator("path.edge.considers").count() >= 20
    box = svg.bounding_box()
    assert box["width"] > 900  # readable at 1280 px: the diagram is not squeezed
    screenshot(page, "plan-beroendegraf")
    assert serious_violations(page) == []


def test_plan_graph_nodes_are_reached_by_keyboard_and_open_their_pages(page, web_server):
    page.goto(f"{web_server}/projekt/{PLAN}-projekt/beroenden")
    for _ in range(60):  # the menu, the heading link, then the diagram's links in order
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('svg')"):
            break
    focused = page.evaluate("[document.activeElement.tagName, document.activeElement.getAttribute('href')]")
    assert focused[0].lower() == "a" and focused[1].startswith("/intention/"), focused
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(focused[1])


def test_plan_graph_at_phone_width_scrolls_inside_the_figure(page, web_server):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{web_server}/projekt/{PLAN}-projekt/beroenden")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("figure.plan-graph .scroll").evaluate("e => e.scrollWidth > e.clientWidth")
    screenshot(page, "plan-beroendegraf-telefon")
    assert serious_violations(page) == []


def test_person_page_from_a_subproject_lists_the_subprojects_led_with_sources(page, web_server):
    page.goto(f"{web_server}/delprojekt/{PLAN}-delprojekt-1")
    page.locator("dl.facts a", has_text="Björn Kalla").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Björn Kalla"
    roles = page.locator("section", has=page.locator("h2#roller")).locator("tbody tr")
    texts = roles.all_inner_texts()
    assert [re.search(r"Delprojekt (\d+)", t).group(1) for t in texts] == ["1", "2"]
    assert all(t.startswith("Projektledare") for t in texts)
    first_sources = [roles.first.locator("a.source").nth(i).inner_text() for i in range(roles.first.locator("a.source").count())]
    assert "sida 6" in first_sources
    screenshot(page, "person")
    assert serious_violations(page) == []
    page.get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Roles in projects and subprojects").is_visible()
    assert "Project manager" in page.locator("section", has=page.locator("h2#roller")).inner_text()


def test_meeting_page_of_the_board_shows_groups_paragraphs_and_a_reservation(page, minutes_server):
    page.goto(f"{minutes_server}/sammantrade/{BOARD}")
    assert page.get_by_role("heading", level=1).inner_text() == "Kommunstyrelsen, 12 september 2022"
    groups = page.locator("section", has=page.locator("h2#deltagare")).get_by_role("heading", level=3).all_inner_texts()
    assert groups == ["Beslutande", "Tjänstgörande ersättare", "Övriga deltagare"]
    substitute = page.locator("table[aria-labelledby='deltagare-substitutes'] tbody tr").first
    assert "ersätter Karl Öst (M)" in substitute.inner_text()
    paragraphs = page.locator("article.paragraph")
    assert paragraphs.count() == 2
    reservation = paragraphs.nth(1).locator("ul", has=page.locator("a", has_text="Rolf Sparre"))
    assert "Per Holmgren (M)" in reservation.inner_text() and reservation.locator("a.source").count() == 1
    screenshot(page, "sammantrade-ektrask")
    assert serious_violations(page) == []
    page.set_viewport_size({"width": 390, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "sammantrade-telefon")


def test_person_page_of_a_reserving_member_links_back_to_the_meeting(page, minutes_server):
    page.goto(f"{minutes_server}/person/ektrask-per-holmgren")
    meetings = page.locator("section", has=page.locator("h2#sammantraden")).locator("li")
    assert meetings.count() == 1
    text = meetings.first.inner_text()
    assert "Vice ordförande" in text and "Reserverade sig (§ 113" in text
    screenshot(page, "person-sammantraden")
    assert serious_violations(page) == []
    meetings.first.locator("a", has_text="Kommunstyrelsen, 12 september 2022").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/sammantrade/{BOARD}")
