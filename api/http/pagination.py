"""Pages of the list answers: `limit` and `cursor` in, `Link`, `X-Total-Count` and `X-Next-Cursor` out.

The body of a list keeps its shape (an array, or the object it always was): a
client that reads one answer of a small store sees no change, and the paging
travels in headers, as RFC 8288 (`Link: <…>; rel="next"`) has it.  The cursor
is opaque to clients; today it carries the position of the next item.  Pages
are cut in `graph.queries` (`Page`), so that a page of a large store only
assembles its own items.
"""
from __future__ import annotations

import base64
import json

from fastapi import Query, Request, Response

from styrgraf.graph.queries import DEFAULT_LIMIT, MAX_LIMIT, Page

from styrgraf.api.http.errors import ApiError

TOTAL_HEADER = "X-Total-Count"
NEXT_HEADER = "X-Next-Cursor"


def limit_query():
    return Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Högst så många poster per sida (standard {DEFAULT_LIMIT}).")


def cursor_query():
    return Query(None, min_length=1, max_length=100,
                 description="Var nästa sida börjar: värdet från förra svarets X-Next-Cursor eller Link rel=next.")


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The position a cursor stands for; a cursor this server did not make is a bad parameter (422)."""
    if cursor is None:
        return 0
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        offset = value["o"]
        if isinstance(offset, int) and not isinstance(offset, bool) and offset >= 0:
            return offset
    except (ValueError, TypeError, KeyError):
        pass
    raise ApiError.say(422, "invalid_parameters", "http.bad_cursor", cursor=cursor)


def next_url(request: Request, offset: int) -> str:
    # Relative (RFC 8288 allows it): the answer is cached and may be served to any Host.
    url = request.url.include_query_params(cursor=encode_cursor(offset))
    return f"{request.scope.get('root_path', '')}{url.path}?{url.query}"


def render(request: Request, response: Response, page: Page):
    """The page's items, with the paging headers set on `response`."""
    response.headers[TOTAL_HEADER] = str(page.total)
    if page.next_offset is not None:
        response.headers[NEXT_HEADER] = encode_cursor(page.next_offset)
        response.headers["Link"] = f'<{next_url(request, page.next_offset)}>; rel="next"'
    return page.items


def headers_doc() -> dict:
    """OpenAPI `headers` of a 200 list answer."""
    return {
        TOTAL_HEADER: {"description": "Antal poster i hela listan.", "schema": {"type": "integer"}},
        NEXT_HEADER: {"description": "Cursor till nästa sida; saknas på sista sidan.", "schema": {"type": "string"}},
        "Link": {"description": 'Nästa sida som `<url>; rel="next"` (RFC 8288); saknas på sista sidan.',
                 "schema": {"type": "string"}},
    }
