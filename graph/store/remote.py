"""Remote backend: any SPARQL 1.1 server over the standard Query and Update protocols.

Location: ``http(s)://HOST:PORT[/PATH]``.  Queries go to ``PATH/query`` and
updates to ``PATH/update`` (Oxigraph server, Apache Jena Fuseki).  Other
layouts can be named in the fragment, relative to the location:
``http://host:7200/repositories/sg#query=.&update=statements``.

Requirements on the server (see docs/remote-store.md):
- union default graph (Oxigraph ``--union-default-graph``, Fuseki
  ``tdb2:unionDefaultGraph true``); checked when the store is opened and
  after the first write, because without it every query silently returns nothing;
- an update request applied atomically (true for Oxigraph and Fuseki/TDB2).

Graph replacement is one update request ``DROP SILENT GRAPH <g> ; INSERT
DATA {…}``.  The Graph Store Protocol ``PUT`` is deliberately not used: in
Oxigraph server 0.5 it clears the graph and loads the new content in two
separate transactions, so a reader could see an empty graph.

Safety: requests go only to the configured host (redirects are not followed,
proxy settings from the environment are ignored) and every query passes the
SERVICE guard before it is sent, as the canonical text the guard checked.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Sequence
from urllib.parse import parse_qs, urljoin, urlsplit, urlunsplit

import httpx
import pyoxigraph as ox
import rdflib

from styrgraf.graph.errors import StoreError
from styrgraf.graph.store.media import negotiate
from styrgraf.graph.store.serialize import Quad, term_from_json
from styrgraf.graph.store.guard import check_read_only_query
from styrgraf.graph.store.interface import GraphStore, with_new_generation
from styrgraf.graph.store.terms import SYSTEM_GRAPH, check_iri, json_to_rdflib, ox_to_rdflib

QUERY_TIMEOUT = 60.0
UPDATE_TIMEOUT = 600.0
_JSON = "application/sparql-results+json"


def _endpoints(location: str) -> tuple[str, str]:
    parts = urlsplit(location)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError.of("remote.bad_address", code="bad_location", location=location)
    base = urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/") + "/", "", ""))
    options = {key: values[-1] for key, values in parse_qs(parts.fragment, keep_blank_values=True).items()}

    def endpoint(name: str) -> str:
        relative = options.get(name, name)
        # "." (or empty) names the location itself, without a trailing slash.
        return base.rstrip("/") if relative in ("", ".") else urljoin(base, relative)

    query_url, update_url = endpoint("query"), endpoint("update")
    for url in (query_url, update_url):
        other = urlsplit(url)
        if (other.scheme, other.netloc) != (parts.scheme, parts.netloc):
            raise StoreError.of("remote.other_host", code="bad_location", url=url, host=parts.netloc)
    return query_url, update_url


class RemoteStore(GraphStore):
    def __init__(
        self, location: str, *, read_only: bool = False, client: httpx.Client | None = None
    ) -> None:
        self.location = location
        self.read_only = read_only
        self.query_url, self.update_url = _endpoints(location)
        self._client = client or httpx.Client(
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": "styrgraf"},
            timeout=httpx.Timeout(QUERY_TIMEOUT, connect=5.0),
        )
        self._union_verified = False
        try:
            self.ask("ASK {}")
            self._verify_union()
        except BaseException:
            self._client.close()
            raise

    # -- HTTP --------------------------------------------------------------

    def _send(self, url: str, **request: Any) -> httpx.Response:
        try:
            response = self._client.post(url, **request)
        except httpx.TimeoutException:
            raise StoreError.of("remote.timeout", code="timeout", location=self.location) from None
        except httpx.TransportError as error:
            raise StoreError.of("remote.unreachable", code="unreachable", location=self.location, error=error) from None
        if response.status_code < 300:
            return response
        detail = response.text[:500].strip()
        status = response.status_code
        if 300 <= status < 400:
            raise StoreError.of("remote.redirect", code="bad_location", target=response.headers.get("location"))
        if status == 404:
            raise StoreError.of("remote.no_service", code="bad_location", url=url)
        if status == 406:
            raise StoreError.of("remote.not_acceptable", code="not_acceptable", detail=detail)
        if status in (400, 422):
            raise StoreError.of("query.syntax", code="bad_query", error=detail)
        if status in (401, 403):
            raise StoreError.of("remote.denied", code="server_error", status=status)
        if status in (503, 504) and "timeout" in detail.lower():
            raise StoreError.of("remote.slow", code="timeout")
        raise StoreError.of("remote.failed", code="server_error", status=status, detail=detail)

    def _post_query(
        self,
        sparql: str,
        accept: str,
        *,
        timeout: float | None = None,
        default_graph_uri: Sequence[str] = (),
        named_graph_uri: Sequence[str] = (),
    ) -> httpx.Response:
        form: dict[str, Any] = {"query": sparql}
        if default_graph_uri:
            form["default-graph-uri"] = [check_iri(g) for g in default_graph_uri]
        if named_graph_uri:
            form["named-graph-uri"] = [check_iri(g) for g in named_graph_uri]
        return self._send(
            self.query_url,
            data=form,
            headers={"Accept": accept},
            timeout=timeout if timeout is not None else QUERY_TIMEOUT,
        )

    def _json(self, sparql: str, timeout: float | None) -> dict[str, Any]:
        response = self._post_query(sparql, _JSON, timeout=timeout)
        try:
            return json.loads(response.content)
        except ValueError:
            raise StoreError.of("remote.unreadable", code="server_error") from None

    # -- queries -----------------------------------------------------------

    def select(self, sparql: str, *, timeout: float | None = None) -> list[dict[str, Any]]:
        sparql = check_read_only_query(sparql)
        data = self._json(sparql, timeout)
        if "results" not in data:
            raise StoreError.of("query.wrong_form", code="bad_query", method="select", forms="SELECT")
        names = data.get("head", {}).get("vars", [])
        return [
            {name: json_to_rdflib(binding.get(name)) for name in names}
            for binding in data["results"]["bindings"]
        ]

    def ask(self, sparql: str, *, timeout: float | None = None) -> bool:
        sparql = check_read_only_query(sparql)
        data = self._json(sparql, timeout)
        if "boolean" not in data:
            raise StoreError.of("query.wrong_form", code="bad_query", method="ask", forms="ASK")
        return bool(data["boolean"])

    def construct(self, sparql: str, *, timeout: float | None = None) -> rdflib.Graph:
        sparql = check_read_only_query(sparql)
        response = self._post_query(sparql, "application/n-triples", timeout=timeout)
        graph = rdflib.Graph()
        try:
            for quad in ox.parse(response.content, ox.RdfFormat.N_TRIPLES):
                graph.add(
                    (ox_to_rdflib(quad.subject), ox_to_rdflib(quad.predicate), ox_to_rdflib(quad.object))
                )
        except SyntaxError:
            raise StoreError.of("query.wrong_form", code="bad_query", method="construct",
                                forms="CONSTRUCT/DESCRIBE") from None
        return graph

    def _query_raw(self, sparql: str, accept: str, media: str | None, default_graphs: tuple[str, ...],
                   named_graphs: tuple[str, ...], timeout: float | None) -> tuple[bytes, str]:
        # The server is asked for exactly the negotiated type (an unrecognised form as SELECT).
        media = media or negotiate(accept, "SELECT")
        response = self._post_query(
            sparql, media, timeout=timeout, default_graph_uri=default_graphs, named_graph_uri=named_graphs
        )
        return response.content, response.headers.get("content-type", media)

    # -- writes ------------------------------------------------------------

    def _execute_update(self, sparql: str) -> None:
        self._check_writable()
        self._send(
            self.update_url,
            content=sparql.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
            timeout=UPDATE_TIMEOUT,
        )

    def _replace_lines(self, graph_iri: str, lines: list[str]) -> None:
        if not lines and not self.has_graph(graph_iri):
            return  # nothing to remove: no write, so the generation stays
        target = f"GRAPH <{graph_iri}>"
        update = f"DROP SILENT {target}"
        if lines:
            update += f" ;\nINSERT DATA {{ {target} {{\n" + "\n".join(lines) + "\n} }"
        self._execute_update(with_new_generation(update))
        if not self._union_verified:
            self._verify_union()

    # -- export ------------------------------------------------------------

    def _quads(self, graph_iri: str | None) -> Iterable[Quad]:
        if graph_iri:
            where = f"VALUES ?g {{ <{check_iri(graph_iri)}> }} GRAPH ?g {{ ?s ?p ?o }}"
        else:
            where = f"GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{SYSTEM_GRAPH}>)"
        data = self._json(f"SELECT ?s ?p ?o ?g WHERE {{ {where} }}", UPDATE_TIMEOUT)
        cache: dict[tuple[str, str], Any] = {}
        for row in data["results"]["bindings"]:
            quad = []
            for name in ("s", "p", "o", "g"):
                binding = row[name]
                if binding.get("type") == "uri":
                    key = ("uri", binding["value"])
                    term = cache.get(key)
                    if term is None:
                        term = cache[key] = term_from_json(binding)
                else:
                    term = term_from_json(binding)
                quad.append(term)
            yield tuple(quad)  # type: ignore[misc]

    # -- checks ------------------------------------------------------------

    def _verify_union(self) -> None:
        """Fail loudly if the server does not use the union of named graphs as default graph."""
        if not self.ask("ASK { GRAPH ?g { ?s ?p ?o } }"):
            return  # nothing stored yet; checked again after the first write
        probe = (
            "ASK { { SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1 } "
            "FILTER NOT EXISTS { ?s ?p ?o } }"
        )
        if self.ask(probe):
            raise StoreError.of("remote.not_union", code="not_union", location=self.location)
        self._union_verified = True

    def close(self) -> None:
        self._client.close()
