"""HEAD for every GET route, and ETags from the store generation with 304 answers.

Why: a read answer (`/api/…`, `/id/…`) is a function of the store's generation
and of the request (path, normalised query, and Accept where the answer is
negotiated: `response_cache.request_key`), so that tuple's digest is an ETag
that needs no body to compute.  A client repeating a request with
`If-None-Match` gets 304 without the route running while the generation is
unchanged; after any write the tag no longer matches.  The tag is weak
(`W/"…"`): equal tags promise the same answer, not the same bytes.

HEAD runs the GET route and drops the body (headers, Content-Length included,
stay as GET's), since FastAPI routes answer only the methods they name.
"""
from __future__ import annotations

import hashlib
from typing import Any, Awaitable, Callable

from styrgraf.api.http.response_cache import ACCEPT_VARIES, CACHED_PREFIXES, read_generation, request_key

GENERATION_KEY = "styrgraf.generation"


def entity_tag(generation: str, key: tuple) -> str:
    digest = hashlib.sha256(repr((generation, *key)).encode("utf-8")).hexdigest()[:32]
    return f'W/"{digest}"'


def _header(scope: dict[str, Any], name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return None


def none_match(header: str | None, tag: str) -> bool | None:
    """Whether If-None-Match names this tag (weak comparison); None for `*`, which needs the answer's status."""
    if header is None:
        return False
    if header.strip() == "*":
        return None
    opaque = tag.removeprefix("W/")
    return any(candidate.strip().removeprefix("W/") == opaque for candidate in header.split(","))


class ConditionalMiddleware:
    """ASGI middleware: HEAD as GET without a body; ETag and 304 on the read answers."""

    def __init__(self, app: Callable[..., Awaitable[None]], *, store_of: Callable[[], Any]) -> None:
        self.app = app
        self.store_of = store_of

    async def _tag(self, scope: dict[str, Any]) -> str | None:
        if not scope["path"].startswith(CACHED_PREFIXES):
            return None
        try:
            generation = await read_generation(self.store_of())
        except Exception:  # noqa: BLE001 - without a generation the answer simply has no tag
            return None
        scope[GENERATION_KEY] = generation
        return entity_tag(generation, request_key(scope))

    async def __call__(self, scope: dict[str, Any], receive: Callable, send: Callable) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = dict(scope, method="GET")
        tag = await self._tag(scope)
        matched = none_match(_header(scope, b"if-none-match"), tag) if tag else False
        if matched:
            await self._not_modified(scope, send, tag)
            return
        skip_body = head

        async def tagged(message: dict[str, Any]) -> None:
            nonlocal skip_body
            if message["type"] == "http.response.start" and tag and message["status"] == 200:
                if matched is None:  # If-None-Match: * and the resource exists
                    skip_body = True
                    message = dict(message, status=304, headers=_not_modified_headers(message, tag))
                else:
                    message = dict(message, headers=[*message.get("headers", []), (b"etag", tag.encode())])
            elif message["type"] == "http.response.body" and skip_body:
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b""}
            await send(message)

        await self.app(scope, receive, tagged)

    async def _not_modified(self, scope: dict[str, Any], send: Callable, tag: str) -> None:
        headers = [(b"etag", tag.encode())]
        if scope["path"].startswith(ACCEPT_VARIES):
            headers.append((b"vary", b"Accept"))
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})


def _not_modified_headers(message: dict[str, Any], tag: str) -> list[tuple[bytes, bytes]]:
    # RFC 9110 §15.4.5: a 304 carries the validators and Vary, not the body's length or type.
    kept = [(k, v) for k, v in message.get("headers", []) if k.lower() in (b"vary", b"cache-control")]
    return [*kept, (b"etag", tag.encode())]
