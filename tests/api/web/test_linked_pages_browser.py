"""Document links ("Se även"), versions with their changes, a strategy and a meeting page in a real
browser, on the constructed linked set."""
from __future__ import annotations

import pytest

from styrgraf.api.http.app import close_app, create_app
from styrgraf.graph import queries as q
from styrgraf.graph.documents import ingest_file
from styrgraf.graph.store.interface import open_store
from tests.api.server_support import live_server
from tests.api.web.conftest import screenshot, serious_violations
from tests.graph.linked_set import NAMES, PLAN_VERSIONS, write_linked_set


@pytest.fixture(scope="module")
def linked_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("linked-web")
    files = write_linked_set(tmp / "files")
    store = open_store(str(tmp / "store"))
    try:
        for name in NAMES + PLAN_VERSIONS:
            assert ingest_file(store, files[name]).ok
        ids = {d["type"] + (d["date"] or ""): d["id"] for d in q.documents(store)}
        ids["plan_versions"] = [d["id"] for d in q.documents(store) if d["identifier"] == "KS 2023/88"]
    finally:
        store.close()
    app = create_app(str(tmp / "store"))
    with live_server(app) as url:
        yield url, ids
    close_app(app)


def test_see_also_leads_from_the_directive_to_the_minutes_that_decide_it(page, linked_server):
    url, ids = linked_server
    page.goto(f"{url}/dokument/{ids['projektdirektiv2023-02-01']}")
    see_also = page.locator("section", has=page.get_by_role("heading", name="Se även", exact=True))
    decided = see_also.locator("ul.links > li", has_text="beslutas i")
    assert decided.count() == 1
    assert decided.locator("a.source").count() >= 1
    screenshot(page, "dokument-se-aven")
    assert serious_violations(page) == []
    decided.locator("a:not(.source)").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/dokument/{ids['protokoll2023-03-14']}")


def test_meeting_page_shows_cover_participants_and_paragraphs_with_sources(page, linked_server):
    url, ids = linked_server
    page.goto(f"{url}/sammantrade/{ids['protokoll2023-03-14']}")
    assert page.get_by_role("heading", level=1).inner_text() == "Kommunstyrelsen, 14 mars 2023"
    cover = page.locator("table.cover")
    chair = cover.locator("tr", has=page.locator("th", has_text="Ordförande"))
    assert "Karin Holm (S)" in chair.inner_text() and chair.locator("a.source").count() == 1
    assert "Jonas Ahl" in cover.locator("tr", has=page.locator("th", has_text="Justerare")).inner_text()
    makers = page.locator("table[aria-labelledby='deltagare-decision_makers'] tbody tr")
    assert makers.count() == 1 and "Ordförande" in makers.first.inner_text()
    paragraph = page.locator("article.paragraph").first
    assert paragraph.get_by_role("heading", level=3).inner_text().startswith("§ 12 Projektdirektiv för trygga skolvägar")
    assert "KS 2023/45" in paragraph.locator("p.case").inner_text()
    decided = paragraph.locator("ul.links > li")
    assert decided.count() == 1
    assert decided.locator(f"a[href='/dokument/{ids['projektdirektiv2023-02-01']}']").count() == 1
    assert decided.locator("a.source").count() >= 1
    screenshot(page, "sammantrade")
    assert serious_violations(page) == []
    decided.locator("a:not(.source)").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/dokument/{ids['projektdirektiv2023-02-01']}")


def test_a_later_version_lists_the_versions_and_its_changes(page, linked_server):
    url, ids = linked_server
    first, second = sorted(ids["plan_versions"])
    page.goto(f"{url}/dokument/{second}")
    versions = page.locator("ol.versions > li")
    assert versions.count() == 2
    changes = page.locator("ul.changes > li").all_inner_texts()
    assert any(c.startswith("Tillagt:") and "elprojekt" in c for c in changes)
    assert any(c.startswith("Borttaget:") for c in changes)
    screenshot(page, "dokument-versioner")
    assert serious_violations(page) == []


def test_strategy_document_shows_its_adoption_with_a_source(page, linked_server):
    url, ids = linked_server
    page.goto(f"{url}/dokument/{ids['strategi2022-05-16']}")
    section = page.locator("section", has=page.locator("h2#strategi"))
    text = section.inner_text()
    assert "16 maj 2022" in text and "ommunfullmäktige" in text
    assert section.locator("a.source").count() >= 1
    section.get_by_role("link", name="Strategisidan: antagande, giltighet, mål och åtgärder").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/strategi/{ids['strategi2022-05-16']}")
    assert page.get_by_role("heading", level=1).inner_text() == "Strategi för hållbart resande"
    adopted = page.locator("table.cover tr", has=page.locator("th", has_text="Antagen"))
    assert "16 maj 2022" in adopted.last.inner_text() and adopted.last.locator("a.source").count() == 1
    screenshot(page, "strategi")
    assert serious_violations(page) == []


def test_decision_page_reaches_the_minutes_that_record_it(page, linked_server):
    url, ids = linked_server
    plan = ids["projektplan2023-05-02"]
    page.goto(f"{url}/dokument/{plan}")
    page.locator("dt", has_text="Beslut").locator("xpath=following-sibling::dd[1]").locator(
        "a", has_text="14 mars 2023").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Beslut Kommunstyrelsen, 14 mars 2023")
    recorded = page.locator("dl.facts > dd").nth(page.locator("dl.facts > dt").all_inner_texts().index("Protokollfört i"))
    assert "KS 2023/45" in recorded.inner_text()
    assert recorded.locator(f"a[href='/dokument/{ids['protokoll2023-03-14']}']").count() >= 1
    screenshot(page, "beslut-protokollfort")
    assert serious_violations(page) == []


def test_audit_trail_of_the_plan_decision_reaches_the_recording_minutes(page, linked_server):
    url, ids = linked_server
    plan = ids["projektplan2023-05-02"]
    page.goto(f"{url}/dokument/{plan}")
    page.locator("dt", has_text="Beslut").locator("xpath=following-sibling::dd[1]").locator(
        "a", has_text="14 mars 2023").first.click()
    page.get_by_role("link", name="Spårbarhet: beslutskedjan med citat och källor").click()
    page.wait_for_load_state()
    assert page.locator("p.kind").inner_text().upper() == "SPÅRBARHET"
    assert page.locator("figure.diagram svg g.node").count() >= 1
    last = page.locator("ol.trail > li").last
    assert "Protokollfört i" in last.inner_text()
    assert last.locator(f"a[href='/dokument/{ids['protokoll2023-03-14']}']").count() == 1
    screenshot(page, "sparbarhet")
    assert serious_violations(page) == []
