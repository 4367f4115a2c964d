"""The web pages over plain HTTP (TestClient): error pages, CSV, language, upload form, and the
pure helpers (dates, highlighting)."""
from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient

from styrgraf.graph.store import cache

from styrgraf.api.web.render import long_date
from styrgraf.api.web.routes import highlighted
from tests.graph.analysis.docs import write_documents
from tests.graph.linked_set import write_linked_set

DOC = "halmstad-projektplan-ks-2011-0456-2012-02-22"


def test_long_dates_in_swedish_and_english():
    assert long_date("2012-02-07") == "7 februari 2012"
    assert long_date("2012-02-07", "en") == "7 February 2012"
    assert long_date("2012-04-31") == "2012-04-31"  # an impossible date is shown as written
    assert long_date(None) == ""


def test_highlighted_splits_only_offsets_on_the_page():
    assert highlighted("abc def ghi", 4, 7) == ("abc ", "def", " ghi")
    assert highlighted("abc", 2, 9) is None
    assert highlighted("abc", None, 2) is None


def test_start_page_lists_documents_and_checks_with_dates_in_swedish(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<html lang="sv">' in page.text
    assert "22 februari 2012" in page.text and "KS 2011/0456" in page.text
    assert "Senaste kontrollerna" in page.text
    assert 'action="/las-in"' not in page.text  # no token: no upload form


def test_english_toggle_keeps_the_question(client):
    page = client.get("/", params={"q": "Vilket delprojekt täcker intention 8?", "lang": "en"})
    assert '<html lang="en">' in page.text and "Answer" in page.text
    assert "22 February 2012" in page.text
    links = re.findall(r'href="(/dokument/[^"]+)"', page.text)
    assert links and all("lang=en" in link for link in links)


def test_a_documents_ingest_findings_are_shown_in_the_pages_language(client):
    def messages(lang: str) -> list[str]:
        page = client.get(f"/dokument/{DOC}", params={"lang": lang})
        assert page.status_code == 200
        return re.findall(r'<tr class="severity-\w+"><td>[^<]*</td><td>([^<]*)</td>', page.text)

    swedish, english = messages("sv"), messages("en")
    assert swedish and len(swedish) == len(english)
    assert all(m.startswith("Omöjligt datum &#39;2012-04-31&#39;") for m in swedish)
    assert all(m.startswith("Impossible date &#39;2012-04-31&#39;") for m in english)


def test_unknown_document_and_page_are_html_error_pages(client):
    missing = client.get("/dokument/no-such-document")
    assert missing.status_code == 404 and "<h1>Finns inte</h1>" in missing.text
    page = client.get(f"/dokument/{DOC}", params={"sida": "99"})
    assert page.status_code == 404 and "Sidan &#39;99&#39; finns inte" in page.text
    person = client.get("/person/no-such-person", params={"lang": "en"})
    assert person.status_code == 404 and "<h1>Not found</h1>" in person.text


def test_bad_score_is_a_422_page(client):
    page = client.get("/overlapp", params={"min": "mycket"})
    assert page.status_code == 422 and "Lägsta poäng måste vara ett tal" in page.text


def test_overlaps_csv_has_the_pair_of_delprojekt_1_and_2(client):
    response = client.get("/overlapp.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text), delimiter=";"))
    assert rows[0][:2] == ["Delprojekt A", "Plan A"]
    pairs = {(r[0].split()[0], r[2].split()[0]) for r in rows[1:]}
    assert ("1", "2") in pairs or ("2", "1") in pairs
    filtered = client.get("/overlapp.csv", params={"min": "0,99"})
    assert len(list(csv.reader(io.StringIO(filtered.text), delimiter=";"))) < len(rows)


def test_stylesheet_has_print_and_phone_rules(client):
    css = client.get("/webb.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert "@media print" in css.text and "@media (max-width" in css.text


@pytest.fixture()
def token_client(make_seed_app):
    return TestClient(make_seed_app(token="hemlig"), raise_server_exceptions=False)


def test_upload_form_ingests_a_document_for_a_token_holder(token_client, tmp_path):
    assert 'action="/las-in"' in token_client.get("/").text
    directive = write_linked_set(tmp_path)["directive"]
    with open(directive, "rb") as handle:
        wrong = token_client.post("/las-in", data={"token": "fel"}, files={"file": (directive.name, handle)})
    assert wrong.status_code == 403 and "Nyckeln är fel." in wrong.text
    with open(directive, "rb") as handle:
        done = token_client.post("/las-in", data={"token": "hemlig"}, files={"file": (directive.name, handle)})
    assert done.status_code == 201 and "nytt dokument" in done.text
    link = re.search(r'href="(/dokument/[^"]+)"', done.text.split("<main", 1)[1]).group(1)
    document = token_client.get(link)
    assert "Projektdirektiv för trygga skolvägar" in document.text


def test_upload_without_server_token_is_refused(client, tmp_path):
    directive = write_linked_set(tmp_path)["directive"]
    with open(directive, "rb") as handle:
        refused = client.post("/las-in", data={"token": "x"}, files={"file": (directive.name, handle)})
    assert refused.status_code == 403 and "STYRGRAF_TOKEN" in refused.text


def test_document_list_page_links_every_document(client):
    page = client.get("/dokument")
    assert page.status_code == 200 and "<h1>Dokument i lagret</h1>" in page.text
    assert f'href="/dokument/{DOC}"' in page.text


def test_start_page_and_checks_follow_an_uploaded_document(token_client, tmp_path):
    """The start page's documents and the checks are kept per store generation: an upload must show."""
    def listed(path: str) -> set[str]:
        main = token_client.get(path).text.split("<main", 1)[1]
        return set(re.findall(r'href="(/dokument/[^"?#]+)"', main.split('id="kontroller"')[0]))

    def findings() -> list[str]:
        return re.findall(r'<tr class="severity-\w+"><td>[^<]*</td><td>([^<]*)</td>', token_client.get("/kontroller").text)

    documents_before, findings_before = listed("/"), findings()
    plan = write_documents(tmp_path, ("B",))["B"]  # a plan with findings of its own
    with open(plan, "rb") as handle:
        done = token_client.post("/las-in", data={"token": "hemlig"}, files={"file": (plan.name, handle)})
    assert done.status_code == 201
    new = re.search(r'href="(/dokument/[^"?#]+)"', done.text.split("<main", 1)[1]).group(1)
    assert new not in documents_before
    assert listed("/") == documents_before | {new} == listed("/dokument")
    assert set(findings()) > set(findings_before)


def test_checks_page_filters_by_severity_and_refuses_a_bad_page(client):
    errors = client.get("/kontroller", params={"allvar": "error"})
    assert errors.status_code == 200
    rows = re.findall(r'<tr class="severity-(\w+)">', errors.text)
    assert rows and set(rows) == {"error"}
    every = re.findall(r'<tr class="severity-(\w+)">', client.get("/kontroller").text)
    assert len(every) > len(rows)
    assert client.get("/kontroller", params={"allvar": "allt"}).status_code == 422
    assert client.get("/kontroller", params={"sida": "0"}).status_code == 422
    assert client.get("/dokument", params={"sida": "x"}).status_code == 422


def test_an_app_that_warms_up_serves_the_same_start_and_overlap_pages(make_seed_app, client):
    app = make_seed_app(warm_up=True)
    app.state.warm_up.join(timeout=300)
    assert not app.state.warm_up.is_alive()
    warmed = TestClient(app, raise_server_exceptions=False)
    for path in ("/", "/overlapp", "/kontroller"):
        page = warmed.get(path)
        assert page.status_code == 200 and page.text == client.get(path).text


def test_an_app_that_warms_up_warms_up_again_after_an_upload(make_seed_app, tmp_path):
    """The first visitor after an upload finds the new generation's tables built already."""
    app = make_seed_app(warm_up=True, token="hemlig")
    app.state.warm_up.join(timeout=300)
    warmed = TestClient(app, raise_server_exceptions=False)
    plan = write_documents(tmp_path, ("B",))["B"]
    with open(plan, "rb") as handle:
        assert warmed.post("/las-in", data={"token": "hemlig"}, files={"file": (plan.name, handle)}).status_code == 201
    app.state.warm_up.join(timeout=300)
    assert not app.state.warm_up.is_alive()
    store = app.state.store
    documents = cache.peek(store, "documents-newest-first", store.generation())
    assert documents is not None and len(documents) == 2
