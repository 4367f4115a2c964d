"""Property-based API testing from the app's own OpenAPI schema (in-process ASGI).

Every documented operation gets generated requests, valid and invalid; the
checks: no 5xx except the documented 503 limits, every status, content type,
header and JSON body as documented.  Writing routes run without a token
(they must answer 403, never touch the store).  The number of examples per
operation is bounded so the whole run takes well under two minutes.
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance, negative_data_rejection, response_headers_conformance, response_schema_conformance,
    status_code_conformance,
)

from styrgraf.api.http.app import close_app, create_app
from tests.api.server_support import build_seed_store

MAX_EXAMPLES = 40


@schemathesis.serializer("application/sparql-query")
def _sparql_query(ctx, value):
    return str(value).encode("utf-8", "surrogatepass")


def _build_app():
    # Schemathesis needs the schema when the module is collected, so the app
    # (on a seed store built here, removed at exit) is made at import time.
    directory = Path(tempfile.mkdtemp(prefix="styrgraf-schemathesis-"))
    atexit.register(shutil.rmtree, directory, True)
    app = create_app(str(build_seed_store(directory / "store")), token="", query_timeout=5, row_cap=200)
    atexit.register(close_app, app)
    return app


APP = _build_app()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


def _no_server_error(ctx, response, case):
    """5xx only as the documented limit answers (time limit, busy, out of memory) — never 500."""
    if response.status_code >= 500:
        body = response.json() if response.headers.get("content-type", "").startswith(("application/json", "application/problem+json")) else {}
        assert response.status_code == 503 and body.get("error") in ("query_timeout", "busy", "query_resources"), (
            f"server error {response.status_code}: {response.text[:500]}")


@schema.parametrize()
# Derandomised: the same examples on every run, so CI is repeatable; a found failure stays found.
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_conforms_to_its_schema(case):
    response = case.call()
    case.validate_response(response, checks=[
        _no_server_error, status_code_conformance, content_type_conformance,
        response_headers_conformance, response_schema_conformance, negative_data_rejection,
    ])
