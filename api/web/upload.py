"""`POST /las-in`: the start page's upload form, for holders of the server's token.

A browser cannot send an `Authorization` header from a form, so the token comes as
the form field `token` and is checked like the bearer token of `POST /api/documents`
(`api.http.auth.token_matches`).  The file is received and ingested by the same
steps as that route (`api.http.upload`); the answer is a page saying what happened.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from starlette.requests import ClientDisconnect

from styrgraf.api.http import upload as http_upload
from styrgraf.api.http.auth import token_matches
from styrgraf.api.http.deps import get_store, store_written
from styrgraf.api.http.errors import ApiError
from styrgraf.api.web.render import page_lang, render
from styrgraf.api.web.texts import TEXTS

router = APIRouter(include_in_schema=False)


def _refused(request: Request, status: int, message: str) -> Response:
    t = TEXTS[page_lang(request)]
    return render(request, "error.html", status=status, heading=t["upload_refused"], message=message)


@router.post("/las-in")
async def upload_page(request: Request) -> Response:
    state = request.app.state
    t = TEXTS[page_lang(request)]
    accepted = [token for token in (state.token, state.local_token) if token]
    if not state.token:
        return _refused(request, 403, t["upload_disabled"])
    store = get_store(request)
    with tempfile.TemporaryDirectory(prefix="styrgraf-upload-") as tmp:
        try:
            path, fields = await http_upload.receive_form(request, state.max_upload, Path(tmp), ("token",))
            if not token_matches(fields.get("token", ""), accepted):
                return _refused(request, 403, t["upload_wrong_token"])
            result = await http_upload.ingest_while_connected(request, store, path)
        except ApiError as error:
            return _refused(request, error.status, error.detail)
        except (ClientDisconnect, http_upload.Abandoned):
            return Response(status_code=http_upload.CLIENT_CLOSED)
        finally:
            store_written(request)
        document = await run_in_threadpool(http_upload.document_ref, store, result.graph)
    status = 201 if result.status in ("ingested", "version") else 200
    return render(request, "uploaded.html", status=status, result=result, document=document,
                  findings=[http_upload.finding_json(f) for f in result.findings])
