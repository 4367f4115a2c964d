"""Versions of a document (graph.version_placement at ingest, graph.versions to list and diff), on
the linked set's two versions of a plan and on versions that share the document's date."""
from __future__ import annotations

import pytest

from styrgraf.graph import versions
from styrgraf.graph.documents import ingest_file, list_documents
from styrgraf.graph.queries import NotFound
from styrgraf.graph.store.interface import open_store
from tests.graph.linked_set import GOALS, PLAN_V1, PLAN_VERSIONS, _subproject, plan_version, write_linked_set

V1, V2 = "alvstad-projektplan-ks-2023-88-2023-06-01", "alvstad-projektplan-ks-2023-88-2023-09-05"


@pytest.fixture(scope="module", params=["forward", "backward"])
def linked(request, tmp_path_factory):
    """The two versions (and the directive, a document of another case) ingested in either order."""
    tmp = tmp_path_factory.mktemp(request.param)
    files = write_linked_set(tmp / "files")
    store = open_store(str(tmp / "store"))
    order = PLAN_VERSIONS if request.param == "forward" else tuple(reversed(PLAN_VERSIONS))
    statuses = [ingest_file(store, files[name]).status for name in ("directive",) + order]
    yield store, statuses
    store.close()


def _summary(d: dict) -> dict:
    """The diff by stable keys; the purpose is left out (compared on its own below)."""
    return {
        "added": [(i["kind"], i["key"]) for i in d["added"]],
        "removed": [(i["kind"], i["key"]) for i in d["removed"]],
        "changed": [(c["kind"], c["key"], {f["field"]: (f["from"], f["to"]) for f in c["fields"] if f["field"] != "purpose"})
                    for c in d["changed"]],
    }


EXPECTED = {
    "added": [("subproject", {"number": 3}),
              ("role", {"person": "Henrik Dahl", "role": "projektledare", "subproject": 1}),
              ("role", {"person": "Sara Lund", "role": "projektledare", "subproject": 3})],
    "removed": [("intention", {"number": 4}),
                ("role", {"person": "Lisa Berg", "role": "projektledare", "subproject": 1})],
    "changed": [("document", {}, {"date": ("2023-06-01", "2023-09-05")}),
                ("subproject", {"number": 1}, {"leaders": (["Lisa Berg"], ["Henrik Dahl"])}),
                ("subproject", {"number": 2}, {"intentions": ([3, 4], [3])})],
}


def test_the_later_version_joins_the_first_whichever_comes_first(linked):
    store, statuses = linked
    assert statuses == ["ingested", "ingested", "version"]
    listed = versions.versions(store, V2)
    assert [(v["version"], v["id"], v["date"], v["revision_of"], v["latest"], v["current"]) for v in listed["versions"]] == [
        (1, V1, "2023-06-01", None, False, False), (2, V2, "2023-09-05", V1, True, True)]
    assert listed["series"].endswith("/series/alvstad-ks-2023-88-projektplan-for-oppna-fritidsgardar")
    assert versions.versions(store, V1)["versions"][0]["current"] is True
    # Both versions stay queryable with entities of their own.
    assert {d["iri"].rsplit("/", 1)[-1] for d in list_documents(store)} >= {V1, V2}


def test_the_diff_names_what_was_added_removed_and_changed(linked):
    store, _ = linked
    d = versions.diff(store, V2, V1)
    assert (d["document"]["id"], d["document"]["version"], d["from"]["id"], d["from"]["version"]) == (V2, 2, V1, 1)
    assert _summary(d) == EXPECTED
    assert [i["label_sv"] for i in d["added"]] == [
        "delprojekt 3", "Henrik Dahl, projektledare (delprojekt 1)", "Sara Lund, projektledare (delprojekt 3)"]
    assert [i["label_en"] for i in d["removed"]] == ["intention 4", "Lisa Berg, projektledare (subproject 1)"]
    added = d["added"][0]
    assert added["values"]["title"] == "Tjejkvällar" and added["values"]["leaders"] == ["Sara Lund"]
    assert added["values"]["intentions"] == [2]
    # The purpose as read holds the subproject's lines, so it changes with the leader and the goals.
    purposes = {c["key"].get("number"): next(f for f in c["fields"] if f["field"] == "purpose")
                for c in d["changed"] if c["kind"] == "subproject"}
    assert "Lisa Berg" in purposes[1]["from"] and "Henrik Dahl" in purposes[1]["to"]
    assert "målen 3 och 4" in purposes[2]["from"] and "målen 3." in purposes[2]["to"]


def test_each_side_of_the_diff_carries_its_own_evidence(linked):
    store, _ = linked
    d = versions.diff(store, V2, V1)
    removed_goal = d["removed"][0]
    assert [(e["quote"], e["page"], e["document"]["id"]) for e in removed_goal["evidence"]] == [
        ("4. Personalen ska ha utbildning i konflikthantering.", 1, V1)]
    assert removed_goal["values"]["text"] == GOALS[3]
    new_leader = d["added"][1]
    assert [(e["quote"], e["document"]["id"]) for e in new_leader["evidence"]] == [("Henrik Dahl", V2)]
    assert new_leader["entity"]["id"] != d["removed"][1]["entity"]["id"]
    first = d["changed"][1]
    assert {e["document"]["id"] for e in first["evidence"]} == {V2}
    assert {e["document"]["id"] for e in first["evidence_from"]} == {V1}
    assert "Delprojekt 1. Kvällsöppet" in [e["quote"] for e in first["evidence"]]


def test_the_diff_backwards_swaps_added_and_removed(linked):
    store, _ = linked
    back = _summary(versions.diff(store, V1, V2))
    assert back["added"] == EXPECTED["removed"] and back["removed"] == EXPECTED["added"]
    assert back["changed"] == [(k, key, {f: (b, a) for f, (a, b) in fields.items()})
                               for k, key, fields in EXPECTED["changed"]]


def test_documents_that_are_not_versions_are_refused_with_a_reason(linked):
    store, _ = linked
    directive = next(d["iri"] for d in list_documents(store) if d["type"] == "projektdirektiv")
    with pytest.raises(versions.NotVersions) as unrelated:
        versions.diff(store, V1, directive)
    assert "inte en version av" in unrelated.value.message and "not a version of" in unrelated.value.message_en
    with pytest.raises(versions.NotVersions) as same:
        versions.diff(store, V1, V1)
    assert "samma dokument" in same.value.message
    with pytest.raises(NotFound) as missing:
        versions.diff(store, V1, "no-such-doc")
    assert "'no-such-doc'" in missing.value.message and "from" in missing.value.message
    with pytest.raises(NotFound):
        versions.versions(store, "no-such-doc")
    # A document with no other version lists itself alone.
    assert [v["version"] for v in versions.versions(store, directive)["versions"]] == [1]


def _write(path, pages: list[str]):
    path.write_text("\f".join(pages) + "\n", encoding="utf-8")
    return path


def test_a_version_with_the_same_date_gets_a_graph_of_its_own(store, tmp_path):
    """Same Dnr, title and date, other text: a second version; a re-saved copy still replaces."""
    first = ingest_file(store, _write(tmp_path / "v1.txt", PLAN_V1))
    other = plan_version("2023-06-01", GOALS, [
        _subproject(1, "Kvällsöppet", "1 och 2", "Henrik Dahl, enhetschef", "Amir Kader och Jenny Falk"),
        _subproject(2, "Besökarnas inflytande", "3 och 4", "Omar Sund, fritidsledare", "Elin Rask och Jonas Vik")])
    second = ingest_file(store, _write(tmp_path / "v1b.txt", other))
    assert (first.status, second.status) == ("ingested", "version")
    assert second.graph == first.graph + "-version-2"
    assert [ingest_file(store, tmp_path / name).status for name in ("v1.txt", "v1b.txt")] == ["unchanged", "unchanged"]
    resaved = tmp_path / "v1-crlf.txt"
    resaved.write_bytes((tmp_path / "v1.txt").read_bytes().replace(b"\n", b"\r\n"))
    again = ingest_file(store, resaved)
    assert (again.status, again.graph) == ("replaced", first.graph)  # same page text: the same version
    damaged = ingest_file(store, _write(tmp_path / "v1-short.txt", PLAN_V1[:1]))
    assert damaged.status == "failed" and "1 sidor" in damaged.reason and "2 sidor" in damaged.reason
    listed = versions.versions(store, V1)["versions"]
    assert [(v["version"], v["id"]) for v in listed] == [(1, V1), (2, V1 + "-version-2")]
    d = versions.diff(store, V1 + "-version-2", V1)
    assert _summary(d)["added"] == [("role", {"person": "Henrik Dahl", "role": "projektledare", "subproject": 1})]
    assert _summary(d)["removed"] == [("role", {"person": "Lisa Berg", "role": "projektledare", "subproject": 1})]
    assert [c["key"] for c in d["changed"]] == [{"number": 1}]
