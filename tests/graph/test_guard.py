"""The SPARQL guard: one lexer, one canonical text, checked down to the algebra."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from styrgraf.graph.errors import QueryRefused
from styrgraf.graph.store.guard import check_public_query, check_read_only_query, query_form
from styrgraf.graph.store.sparql_text import MAX_DEPTH, canonical
from tests.api.sparql_smuggling import bypasses, variants

URL = "http://127.0.0.1:9"
EX = "http://example.org/"

ORDINARY = [
    "SELECT * WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o",
    "PREFIX ex: <http://example.org/> SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ex:p ?o } GROUP BY ?s ORDER BY DESC(?n) ?s",
    "ASK { ?s ?p 'b'@sv }",
    "PREFIX ex: <http://example.org/> CONSTRUCT { ?s ex:q ?o } WHERE { ?s ex:p ?o }",
    "DESCRIBE <http://example.org/a>",
    "SELECT ?x WHERE { VALUES (?x ?y) { (1 UNDEF) (\"a\\u0027b\" 2) } } ORDER BY ?x",
    "SELECT ?o WHERE { <http://example.org/a> <http://example.org/p>+/^<http://example.org/p>* ?o } ORDER BY ?o",
    "SELECT ?s WHERE { ?s ?p ?o FILTER(?o IN (1, 2) || REGEX(STR(?o), '^b', 'i')) } ORDER BY ?s",
    "SELECT ?s ?l WHERE { ?s ?p ?o OPTIONAL { ?s <http://example.org/q> ?q } MINUS { ?s ?p 1 } "
    "BIND(CONCAT(STR(?s), \"-\") AS ?l) FILTER NOT EXISTS { ?s ?p 2 } } ORDER BY ?s ?l",
    "SELECT (GROUP_CONCAT(?o; separator=',') AS ?all) (SAMPLE(?o) AS ?one) WHERE { ?s ?p ?o FILTER(ISLITERAL(?o)) }",
    "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
    "SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 1 } } # a comment\r",
    'SELECT ?x WHERE { BIND("""two\nlines "quoted" \\\\ """ AS ?x) }',
    "SELECT ?x WHERE { BIND(1.5e0 - -1 + .5 AS ?x) }",
]


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    graph = ox.NamedNode(EX + "g")
    for s, p, o in (("a", "p", ox.Literal(1)), ("a", "p", ox.Literal("b", language="sv")),
                    ("b", "p", ox.NamedNode(EX + "a")), ("b", "q", ox.Literal(2))):
        store.add(ox.Quad(ox.NamedNode(EX + s), ox.NamedNode(EX + p), o, graph))
    return store


def _run(store: ox.Store, query: str) -> object:
    result = store.query(query, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QueryTriples):
        return sorted(str(triple) for triple in result)
    return [[str(value) for value in row] for row in result]


@pytest.mark.parametrize("query", ORDINARY)
def test_the_canonical_text_means_what_the_query_means(store, query):
    checked = check_public_query(query)
    assert _run(store, checked.text) == _run(store, query)
    assert checked.form == query_form(query)
    assert canonical(checked.text).text == checked.text  # a fixed point: nothing left to read differently
    assert check_read_only_query(query) == checked.text


@pytest.mark.parametrize("query", bypasses(URL))
def test_the_reported_bypasses_are_refused(query):
    for check in (check_public_query, check_read_only_query):
        with pytest.raises(QueryRefused) as refused:
            check(query)
        assert refused.value.code == "refused"


def test_no_smuggling_variant_passes():
    passed = []
    for query in variants(URL):
        try:
            check_public_query(query)
        except QueryRefused:
            continue
        passed.append(query)
    assert passed == []


def test_the_canonical_text_has_no_comments_escapes_or_odd_white_space():
    text = canonical("SELECT ?x\r\n#SERVICE <x>\rWHERE\t{ ?x <http\\u003A//ex/p> 'a\\u0027' }").text
    assert text == "SELECT ?x WHERE { ?x <http://ex/p> \"a'\" }"
    with pytest.raises(QueryRefused):  # \u in a value: two readers, two meanings
        check_public_query("SELECT * WHERE { ?s ?p '\\\\u0027' }")
    # The store's own queries may hold one (Oxigraph reads it as text, like the lexer).
    assert canonical("SELECT * WHERE { ?s ?p '\\\\u0027' }").escape_in_a_string
    with pytest.raises(QueryRefused):
        canonical("\\u0053ELECT * WHERE {}")  # escapes only in IRIs and strings
    with pytest.raises(QueryRefused):
        canonical("SELECT * WHERE {\u00a0}")  # not SPARQL white space
    with pytest.raises(QueryRefused):
        canonical("SELECT * WHERE { ?s ?p '\\uD800' }")  # a lone surrogate


def test_deep_nesting_is_refused_by_the_lexer_before_any_parser():
    assert check_public_query("SELECT * WHERE { FILTER(" + "(" * 30 + "1" + ")" * 30 + ") }").form == "SELECT"
    with pytest.raises(QueryRefused) as refused:
        check_public_query("SELECT * WHERE { FILTER(" + "(" * 20_000 + "1" + ")" * 20_000 + ") }")
    assert str(MAX_DEPTH) in str(refused.value)


def test_from_clauses_are_reported_from_the_algebra():
    checked = check_public_query(f"SELECT * FROM <{EX}a> FROM NAMED <{EX}b> FROM <{EX}c> WHERE {{ ?s ?p ?o }}")
    assert checked.default_graphs == (EX + "a", EX + "c") and checked.named_graphs == (EX + "b",)
    assert not check_public_query("SELECT * WHERE { ?s <http://ex/from> ?o }").has_dataset_clause


def test_updates_and_non_sparql_are_refused():
    with pytest.raises(QueryRefused) as update:
        check_public_query("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert update.value.code == "refused"
    with pytest.raises(QueryRefused) as broken:
        check_public_query("SELECT ?x WHERE { ?x")
    assert broken.value.code == "bad_query" and str(broken.value).startswith("Ogiltig SPARQL")
