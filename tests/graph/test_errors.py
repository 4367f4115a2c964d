"""The one catalogue of error messages: every entry in both languages, and every raise uses it."""
from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from styrgraf.graph.analysis.projection import AnalysisError
from styrgraf.graph.errors import ERRORS, QueryRefused, StoreError, Words, message_in, texts
from styrgraf.graph.queries import NotFound
from styrgraf.graph.store.guard import QuerySyntaxError, check_public_query

ROOT = Path(__file__).resolve().parents[2]
ERROR_CLASSES = {"StoreError", "QueryRefused", "QuerySyntaxError", "NotFound", "NotVersions", "AnalysisError", "Refusal",
                 "ApiError", "HTTPException"}
SWEDISH_LETTERS = set("åäöÅÄÖ")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(ERRORS))
def test_every_error_has_two_different_languages_with_the_same_fields(key):
    sv, en = ERRORS[key]
    assert sv.strip() and en.strip()
    assert sv != en
    assert _fields(sv) == _fields(en), key
    # The English is not Swedish left untranslated.
    assert not SWEDISH_LETTERS & set(en.replace("{", "").replace("}", "")), (key, en)


def test_texts_fills_both_languages():
    assert texts("store.missing", path="/x") == ("Det finns inget lager i /x.", "There is no store in /x.")
    assert texts("entity.missing", kind=Words("inget delprojekt", "subproject"), ref="dp9") == (
        "Det finns inget delprojekt med id 'dp9'.", "No subproject with id 'dp9'.")


def test_errors_built_from_the_catalogue_carry_both_messages():
    error = StoreError.of("graph.missing", code="not_found", graph="urn:g")
    assert (error.code, error.message, error.message_en) == (
        "not_found", "Grafen urn:g finns inte i lagret.", "The graph urn:g is not in the store.")
    assert message_in(error, "en") == "The graph urn:g is not in the store."
    assert message_in(error, "sv") == "Grafen urn:g finns inte i lagret."
    refused = QueryRefused.of("query.load")
    assert refused.code == "refused" and refused.message_en.startswith("LOAD is not allowed")
    assert isinstance(QuerySyntaxError.of("query.no_form"), QuerySyntaxError)
    analysis = AnalysisError.of("project.unknown", 404, ref="p1")
    assert (analysis.status, analysis.message_en) == (404, "Unknown project: p1")
    assert NotFound.of("meeting.missing", ref="m").message_en == "No meeting with id 'm'."


def test_a_malformed_query_is_refused_in_both_languages():
    with pytest.raises(QueryRefused) as refused:
        check_public_query("SELECT ?s WHERE { ?s ?p }")
    assert refused.value.message.startswith("Ogiltig SPARQL")
    assert refused.value.message_en.startswith("Invalid SPARQL")


def _written(arg: ast.expr) -> bool:
    """A message written out: an f-string, a joined string, or a string with a space (keys have none)."""
    if isinstance(arg, (ast.JoinedStr, ast.BinOp)):
        return True
    return isinstance(arg, ast.Constant) and isinstance(arg.value, str) and " " in arg.value


def _raised_with_literal_text(path: Path) -> list[str]:
    """Where an error class is called with a written message instead of a catalogue key."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name in ERROR_CLASSES and any(_written(arg) for arg in node.args):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_error_raised_in_graph_and_the_http_api_comes_from_the_catalogue():
    files = [*sorted((ROOT / "graph").rglob("*.py")), *sorted((ROOT / "api/http").glob("*.py")),
             *sorted((ROOT / "api/sparql").glob("*.py"))]
    assert [place for path in files for place in _raised_with_literal_text(path)] == []


def test_every_catalogue_key_is_used():
    sources = "\n".join(p.read_text(encoding="utf-8") for folder in ("graph", "api")
                        for p in (ROOT / folder).rglob("*.py"))
    assert [key for key in ERRORS if f'"{key}"' not in sources] == []
