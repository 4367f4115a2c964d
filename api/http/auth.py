"""Who may write over HTTP: holders of `STYRGRAF_TOKEN`, or of the per-run local token.

The local token is minted by `styrgraf serve` and written (mode 0600) into the
store directory, so that `styrgraf ingest` on the same machine can hand files
to the running server instead of failing on the store lock.  Without
`STYRGRAF_TOKEN`, writing over HTTP is off for everyone else.
"""
from __future__ import annotations

import hashlib
import hmac

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from styrgraf.api.http.errors import ApiError

bearer = HTTPBearer(auto_error=False, description="`Authorization: Bearer <STYRGRAF_TOKEN>`")


def _digest(value: str) -> bytes:
    # Equal-length digests: the comparison time says nothing about the token's length.
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).digest()


def token_matches(given: str, accepted: list[str]) -> bool:
    """Constant-time check of `given` against every accepted token."""
    given_digest = _digest(given)
    ok = False
    for token in accepted:
        ok |= hmac.compare_digest(given_digest, _digest(token))
    return ok


def _disabled() -> ApiError:
    return ApiError.say(403, "writing_disabled", "http.writing_disabled")


def require_writer(request: Request,
                   credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
    """Dependency of every writing route; runs before the request body is read."""
    public = request.app.state.token
    local = request.app.state.local_token
    accepted = [t for t in (public, local) if t]
    if credentials is None:
        if not public:
            raise _disabled()
        raise ApiError.say(401, "unauthorized", "http.no_token", headers={"WWW-Authenticate": "Bearer"})
    if accepted and token_matches(credentials.credentials, accepted):
        return
    if not public:
        raise _disabled()
    raise ApiError.say(403, "forbidden", "http.wrong_token")
