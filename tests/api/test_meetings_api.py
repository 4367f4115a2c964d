"""`GET /api/meetings`, `GET /api/meetings/{id}` against a real server, and `styrgraf meetings/meeting`,
on constructed minutes of an invented municipality (tests.graph.minutes_builder)."""
from __future__ import annotations

import json

import httpx
import pytest
from typer.testing import CliRunner

from styrgraf.api.cli.main import app as cli
from tests.api.server_support import serving_copy
from tests.graph.minutes_builder import build_minutes_store

runner = CliRunner()
WIDE = {"COLUMNS": "400"}


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return build_minutes_store(tmp_path_factory.mktemp("minutes") / "store")


@pytest.fixture(scope="module")
def base_url(template, tmp_path_factory):
    with serving_copy(template, tmp_path_factory.mktemp("served")) as url:
        yield url


def get(base_url: str, path: str, **params) -> httpx.Response:
    return httpx.get(base_url + path, params=params, timeout=30, trust_env=False)


def test_list_with_paging_headers(base_url):
    r = get(base_url, "/api/meetings")
    assert r.status_code == 200 and r.headers["X-Total-Count"] == "2"
    assert [(m["date"], m["body"]["abbreviation"], m["paragraphs"]) for m in r.json()] == [
        ("2022-09-12", "KS", 2), ("2022-10-03", "KF", 1)]
    first = get(base_url, "/api/meetings", limit=1)
    assert len(first.json()) == 1 and first.headers["X-Total-Count"] == "2"
    second = get(base_url, "/api/meetings", limit=1, cursor=first.headers["X-Next-Cursor"])
    assert second.json()[0]["body"]["abbreviation"] == "KF" and "X-Next-Cursor" not in second.headers


def test_list_filters(base_url):
    assert [m["date"] for m in get(base_url, "/api/meetings", body="kommunstyrelsen").json()] == ["2022-09-12"]
    r = get(base_url, "/api/meetings", date="2022-10-03")
    assert [m["body"]["abbreviation"] for m in r.json()] == ["KF"] and r.headers["X-Total-Count"] == "1"
    assert get(base_url, "/api/meetings", body="KS", date="2022-10-03").json() == []


@pytest.mark.parametrize("params", [{"date": "2022-02-30"}, {"date": "12 sept"}, {"cursor": "nonsense"}, {"limit": "0"}])
def test_bad_parameters_are_422(base_url, params):
    r = get(base_url, "/api/meetings", **params)
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem+json")


def test_one_meeting(base_url):
    (item,) = get(base_url, "/api/meetings", body="KS").json()
    m = get(base_url, f"/api/meetings/{item['id']}").json()
    assert m["place_time"]["evidence"][0]["quote"] == m["place_time"]["text"]
    assert (m["place"]["text"], m["time"]["text"]) == ("Kommunhuset, Tallsalen", "kl. 09.00–12.10")
    assert m["time"]["evidence"][0]["quote"] == "kl. 09.00–12.10"
    assert [p["person"]["name"] for p in m["participants"]][:2] == ["Ingrid Vall", "Per Holmgren"]
    first, second = m["paragraphs"]
    assert first["identifier"] == "KS 2022/140" and len(first["decision"]["points"]) == 2
    assert [x["name"] for x in second["reservations"][0]["members"]] == ["Per Holmgren", "Rolf Sparre"]
    assert [(x["kind"], x["movers"][0]["name"]) for x in second["motions"]] == [("avslag", "Per Holmgren"),
                                                                                ("bifall", "Ingrid Vall")]
    assert second["votes"][0]["adopted"] == "förslaget"
    assert get(base_url, f"/api/meetings/{item['document']['id']}").json()["iri"] == m["iri"]


@pytest.mark.parametrize("bad", ["nope", "a" * 501, "%5Bx%5D"])
def test_unknown_meeting_is_404_problem(base_url, bad):
    r = get(base_url, f"/api/meetings/{bad}")
    assert r.status_code in (404, 422) and r.headers["content-type"].startswith("application/problem+json")
    if bad == "nope":
        assert r.status_code == 404 and "sammanträde" in r.json()["detail"]


def test_ask_about_minutes(base_url):
    r = get(base_url, "/api/ask", q="Vem var ordförande vid kommunstyrelsens sammanträde 2022-09-12?")
    assert r.json()["answer"] == "Ordförande vid Kommunstyrelsens sammanträde 2022-09-12 var Ingrid Vall (S)."


# -- the command line ---------------------------------------------------------------------------------------------

def run(*args: str, code: int = 0):
    result = runner.invoke(cli, list(args), env=WIDE)
    assert result.exit_code == code, (args, result.exit_code, result.output, result.exception)
    return result


def test_cli_meetings(template):
    out = run("meetings", "--store", str(template)).output
    assert "Kommunstyrelsen (KS)" in out and "Kommunfullmäktige (KF) (utdrag)" in out and "Datum" in out
    english = run("meetings", "--store", str(template), "--body", "KF", "--lang", "en").output
    assert "Kommunfullmäktige (KF) (extract)" in english and "Kommunstyrelsen" not in english and "Date" in english
    data = json.loads(run("meetings", "--store", str(template), "--date", "2022-09-12", "--json").output)
    assert [m["body"]["abbreviation"] for m in data] == ["KS"]
    assert "Ogiltigt datum" in run("meetings", "--store", str(template), "--date", "2022-02-30", code=2).output


def test_cli_meeting(template):
    (item,) = json.loads(run("meetings", "--store", str(template), "--body", "KS", "--json").output)
    out = run("meeting", item["id"], "--store", str(template)).output
    assert "Kommunstyrelsen (KS) 2022-09-12" in out and "§ 112 Laddinfrastruktur" in out
    assert "Tjänstgörande ersättare; ersätter Karl Öst" in out and "Justering: Kommunhuset, 2022-09-15 kl. 14.00" in out
    english = run("meeting", item["id"], "--store", str(template), "--lang", "en").output
    assert "Serving substitute; replaces Karl Öst" in english and "Reservations:" in english
    assert "Beslutsgång: Ordföranden ställer proposition på bifall och avslag" in out and "Vote: Ordföranden" in english
    data = json.loads(run("meeting", item["id"], "--store", str(template), "--json").output)
    assert data["iri"] == item["iri"] and len(data["paragraphs"]) == 2
    assert "Det finns inget sammanträde med id 'nope'." in run("meeting", "nope", "--store", str(template), code=1).output
    assert "No meeting with id 'nope'." in run("meeting", "nope", "--store", str(template), "--lang", "en", code=1).output


def test_cli_ask_about_minutes(template):
    out = run("ask", "Vem justerade protokollet från kommunstyrelsens sammanträde 2022-09-12?", "--store",
              str(template)).output
    assert "justerades av Märta Lunde (C)" in out and "Belägg" in out
