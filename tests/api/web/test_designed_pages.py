"""The pages designed for one kind of thing, over plain HTTP on real stores: a plan's dependency
graph and a person on the seed plan, a meeting and its people on the constructed minutes of
Ekträsk, a strategy on the constructed strategies."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from styrgraf.api.http.app import close_app, create_app
from tests.graph.minutes_builder import build_minutes_store
from tests.graph.strategy_builder import build_strategy_store

PLAN = "halmstad-projektplan-ks-2011-0456-2012-02-22"
PROJECT = PLAN + "-projekt"
GRAPH = f"/projekt/{PROJECT}/beroenden"
REGIONAL = "halmstad-utredning-regional-samordning-kontinuerliga-styrgrupperna-ks-vp-2012"
BOARD = "ektrask-protokoll-ks-2022-140-2022-09-12-meeting"


def _app_client(path):
    app = create_app(str(path))
    return app, TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="module")
def minutes_client(tmp_path_factory):
    app, client = _app_client(build_minutes_store(tmp_path_factory.mktemp("minutes-web") / "store"))
    yield client
    close_app(app)


@pytest.fixture(scope="module")
def strategy_client(tmp_path_factory):
    path, ids = build_strategy_store(tmp_path_factory.mktemp("strategy-web"))
    app, client = _app_client(path)
    yield client, ids
    close_app(app)


def _main(html: str) -> str:
    return html.split("<main", 1)[1]


def _svg(html: str) -> str:
    return re.search(r"<svg.*?</svg>", html, re.S).group(0)


def _row(html: str, *needles: str) -> str:
    """The table row (or list item) holding every needle."""
    for row in re.findall(r"<tr>.*?</tr>|<li>.*?</li>", html, re.S):
        if all(n in row for n in needles):
            return row
    raise AssertionError(f"no row with {needles}")


# -- the plan's dependency graph -------------------------------------------------------------------

def test_plan_graph_draws_every_subproject_as_a_link(client):
    page = client.get(GRAPH)
    assert page.status_code == 200
    svg = _svg(page.text)
    for n in range(1, 7):
        sub = f"{PLAN}-delprojekt-{n}"
        assert re.search(rf'<a href="/delprojekt/{sub}">\s*<g class="node subproject" data-id="{sub}">', svg), n
        assert f">Delprojekt {n}</text>" in svg


def test_plan_graph_has_edges_for_known_dependencies_with_titles(client):
    svg = _svg(client.get(GRAPH).text)
    edge = re.search(rf'<path [^>]*class="edge considers" data-from="{PLAN}-delprojekt-1" data-to="{REGIONAL}"[^>]*>'
                     r"<title>([^<]+)</title>", svg)
    assert edge and edge.group(1).startswith("Delprojekt 1: Näringslivsstrategi") and " ska beakta Utredning Regional" in edge.group(1)
    assert re.search(rf'class="edge sibling" data-from="{PLAN}-delprojekt-1" data-to="{PLAN}-delprojekt-2"', svg)
    assert re.search(rf'class="edge addresses" data-from="{PLAN}-delprojekt-1" data-to="{PLAN}-intention-8"', svg)
    leader = re.search(rf'class="edge member" data-from="{PLAN}-delprojekt-1" data-to="halmstad-bjorn-kalla"[^>]*>'
                       r"<title>([^<]+)</title>", svg)
    assert leader and leader.group(1).startswith("Björn Kalla: projektledare i Delprojekt 1:")


def test_plan_graph_shortens_long_labels_and_keeps_the_full_text_in_the_title(client):
    svg = _svg(client.get(GRAPH).text)
    long_title = "KS verksamhetsplan 2012, målområdet näringsliv och arbetsmarknad och verksamhetsmålet"
    node = re.search(r'<g class="node work" data-id="[^"]+"><title>(KS verksamhetsplan 2012[^<]+)</title>.*?'
                     r"<text[^>]*>([^<]+)</text>", svg, re.S)
    assert node.group(1).startswith(long_title) and node.group(2).endswith("…") and len(node.group(2)) < 50


def test_plan_graph_lists_each_fact_with_a_source_in_text(client):
    main = _main(client.get(GRAPH).text)
    row = _row(main, f'href="/utredning/{REGIONAL}"')
    assert re.search(rf'href="/dokument/{PLAN}\?sida=\d+&amp;fran=\d+&amp;till=\d+#sida-\d+"', row)
    assert "<h2" in main and 'role="group"' in main


def test_project_subproject_coverage_and_plan_pages_link_to_the_graph_in_english_too(client):
    for path in (f"/projekt/{PROJECT}", f"/delprojekt/{PLAN}-delprojekt-1", "/tackning", f"/dokument/{PLAN}"):
        assert f'href="{GRAPH}"' in client.get(path).text, path
    english = client.get(GRAPH, params={"lang": "en"})
    assert '<html lang="en">' in english.text and "Dependency graph" in english.text
    assert "must take into account" in _svg(english.text)
    assert client.get("/projekt/inget-sadant/beroenden").status_code == 404


# -- people ------------------------------------------------------------------------------------------

def test_person_page_lists_the_subprojects_led_with_a_source_on_the_right_page(client):
    page = client.get("/person/halmstad-bjorn-kalla")
    assert page.status_code == 200 and "<h1>Björn Kalla</h1>" in page.text
    row = _row(_main(page.text), f'href="/delprojekt/{PLAN}-delprojekt-1"')
    assert "Projektledare" in row
    assert re.search(rf'href="/dokument/{PLAN}\?sida=6&amp;[^"]+" title="Projektledare: Björn Kalla"', row)
    documents = page.text.split('id="dokument"', 1)[1]
    assert f'href="/dokument/{PLAN}"' in documents and "22 februari 2012" in documents


def test_person_page_lists_meetings_with_roles_and_reservations(minutes_client):
    page = minutes_client.get("/person/ektrask-per-holmgren")
    assert page.status_code == 200
    meetings = page.text.split('id="sammantraden"', 1)[1].split("</section>", 1)[0]
    item = _row(meetings, f'href="/sammantrade/{BOARD}"')
    assert "Kommunstyrelsen, 12 september 2022" in item and "Vice ordförande" in item
    assert re.search(r"Reserverade sig \(§ 113 Försäljning av fastigheten Granen 4\) <span class=\"sources\">"
                     r'<a class="source" href="/dokument/[^"]+\?sida=3&amp;', item)
    adjuster = _row(minutes_client.get("/person/ektrask-marta-lunde").text, f'href="/sammantrade/{BOARD}"')
    assert "Justerare" in adjuster and "Beslutande ledamot" in adjuster


# -- meetings ------------------------------------------------------------------------------------------

def test_meeting_page_shows_the_cover_with_sources(minutes_client):
    page = minutes_client.get(f"/sammantrade/{BOARD}")
    assert page.status_code == 200 and "<h1>Kommunstyrelsen, 12 september 2022</h1>" in page.text
    cover = page.text.split('id="forsattsblad"', 1)[1].split("</table>", 1)[0]
    for label, value in (("Ordförande", "Ingrid Vall"), ("Sekreterare", "Agnes Tor"), ("Justerare", "Märta Lunde"),
                         ("Plats och tid", "Kommunhuset, Tallsalen"), ("Datum", "12 september 2022")):
        row = _row(cover, f'<th scope="row">{label}</th>', value)
        assert 'class="source"' in row and "sida=1" in row, label


def test_meeting_page_groups_participants_and_shows_whom_a_substitute_replaces(minutes_client):
    page = minutes_client.get(f"/sammantrade/{BOARD}")
    people = page.text.split('id="deltagare"', 1)[1].split('id="paragrafer"', 1)[0]
    makers = people.split("<h3", 2)[1]
    assert all(n in makers for n in ("Ingrid Vall", "Per Holmgren", "Märta Lunde")) and "Rolf Sparre" not in makers
    substitute = _row(people, "Rolf Sparre")
    assert "ersätter" in substitute and 'href="/person/ektrask-karl-ost"' in substitute and "<td>M</td>" in substitute
    assert "närvarade vid § 112" in _row(people, "Sanna Björk")


def test_meeting_page_shows_each_paragraph_with_decision_points_and_reservations(minutes_client):
    page = minutes_client.get(f"/sammantrade/{BOARD}")
    paragraphs = page.text.split('id="paragrafer"', 1)[1]
    first, second = re.split(r'<article class="paragraph"', paragraphs)[1:3]
    assert "§ 112 Laddinfrastruktur vid kommunens anläggningar" in first and "KS 2022/140" in first
    points = re.search(r'<ol class="points">(.*?)</ol>', first, re.S).group(1)
    assert "att anta handlingsplanen för laddinfrastruktur" in points and points.count('class="source"') == 2
    reservation = second.split("Reservationer", 1)[1].split("</ul>", 1)[0]
    assert 'href="/person/ektrask-per-holmgren"' in reservation and 'href="/person/ektrask-rolf-sparre"' in reservation
    assert "sida=3" in reservation
    english = minutes_client.get(f"/sammantrade/{BOARD}", params={"lang": "en"}).text
    assert "<h1>Kommunstyrelsen, 12 September 2022</h1>" in english and "Decision-makers" in english


# -- strategies --------------------------------------------------------------------------------------

def test_strategy_page_shows_adoption_validity_and_goal_areas_with_sources(strategy_client):
    client, ids = strategy_client
    doc = ids["dev-st1-program-lines"]
    page = client.get(f"/strategi/{doc}")
    assert page.status_code == 200 and "<h1>Program för trygg och säker uppväxt 2021-2024</h1>" in page.text
    for label, value in (("Antagen av", "Kommunfullmäktige"), ("Antagen", "22 mars 2021"), ("Paragraf", "§ 31"),
                         ("Gäller till", "31 december 2024"), ("Ansvarig", "Kommundirektör")):
        assert 'class="source"' in _row(page.text, f'<th scope="row">{label}</th>', value), label
    areas = page.text.split('id="malomraden"', 1)[1]
    assert "Målområde 1: Trygg uppväxt" in areas
    assert 'class="source"' in _row(areas, "Utveckla samverkan mellan skola, socialtjänst och polis")
    assert f'href="/strategi/{doc}"' in client.get(f"/dokument/{doc}").text


def test_a_document_without_strategy_parts_has_no_strategy_page(strategy_client):
    client, ids = strategy_client
    page = client.get(f"/strategi/{ids['plan']}")
    assert page.status_code == 404 and "<h1>Finns inte</h1>" in page.text


def test_person_page_proves_a_title_by_the_quote_that_holds_it(minutes_client):
    page = minutes_client.get("/person/ektrask-sanna-bjork")
    titles = page.text.split("<dt>Titlar</dt>", 1)[1].split("</dd>", 1)[0]
    assert "kommundirektör" in titles and 'title="Sanna Björk, kommundirektör (§ 112)"' in titles
