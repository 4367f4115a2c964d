"""Writing over HTTP: `POST /api/documents` (upload one file) and `DELETE /api/documents/{id}`.

An upload is streamed to a private temporary directory and reading stops as
soon as it passes the size limit (413).  The file is kept under its original
name (it becomes the stored file-name metadata) and is recognised by its
content, never by that name: PDF or text, anything else is 415.  The
temporary copy is the only file the server reads for a request, and it is
removed afterwards.  A refused upload writes nothing to the store.

A PDF is read within the `ingest.limits.ReadLimits` (a file past one is 422 and
writes nothing).  While it is read the handler watches the connection: an
upload whose client goes away is abandoned (the reading process is killed) and
writes nothing.
"""
from __future__ import annotations

import asyncio
import shutil
import tempfile
import threading
import unicodedata
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import ClientDisconnect

from styrgraf.graph.documents import IngestResult, find_document_graph, ingest_file, list_documents, remove_document
from styrgraf.graph.entities import entity_id
from styrgraf.ingest.abandon import abandon_when, abandoned
from styrgraf.ingest.sources import SourceError, identify_source

from styrgraf.api.http.auth import require_writer
from styrgraf.api.http.deps import get_store, store_written
from styrgraf.api.http.errors import ApiError, responses
from styrgraf.graph.errors import Words
from styrgraf.graph.wording import decimal
from styrgraf.api.sparql.routes import media_type

from starlette.convertors import Convertor, register_url_convertor  # noqa: E402


class _AnyPath(Convertor):
    """Like `path`, but also across newlines: an id with odd characters must reach the
    handler (and get a clean 404/422), not fall through to another route as a 405."""

    regex = "(?s:.*)"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("anypath", _AnyPath())

router = APIRouter(prefix="/api/documents", tags=["documents"])

# Multipart framing (boundaries, part headers) on top of the file itself.
FRAMING_ALLOWANCE = 64 * 1024
# How often a running ingest asks whether its client is still there.
DISCONNECT_POLL_SECONDS = 0.2
# nginx's "client closed request": only the access log sees it, the client is gone.
CLIENT_CLOSED = 499
_SOURCE_STATUS = {"unsupported-type": 415, "not-pdf": 415, "too-large": 413}


class DocumentRef(BaseModel):
    type: str = "document"
    id: str
    iri: str
    title: str | None = None


class FindingOut(BaseModel):
    code: str
    severity: str
    message: str
    evidence: list[dict[str, Any]] = []


class UploadResult(BaseModel):
    status: str
    document: DocumentRef | None
    graph: str | None
    findings: list[FindingOut]


class RemoveResult(BaseModel):
    status: str
    document: DocumentRef
    graph: str


def safe_file_name(name: str | None) -> str:
    """The client's file name reduced to one harmless path component."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in unicodedata.normalize("NFC", base) if ch.isprintable()).strip()
    if base in ("", ".", ".."):
        return "dokument"
    encoded = base.encode("utf-8")
    if len(encoded) > 200:  # file systems allow 255 bytes per name
        base = encoded[:200].decode("utf-8", "ignore")
    return base


async def receive_file(request: Request, limit: int, directory: Path) -> Path:
    """Stream the multipart field `file` into `directory`; 413 past `limit` bytes."""
    return (await receive_form(request, limit, directory))[0]


async def receive_form(request: Request, limit: int, directory: Path,
                       fields: tuple[str, ...] = ()) -> tuple[Path, dict[str, str]]:
    """The multipart field `file` streamed into `directory` (413 past `limit` bytes), and the
    text fields named in `fields` (the web page's upload form sends its token as one)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit + FRAMING_ALLOWANCE:
        raise _too_large(limit)

    async def limited():
        total = 0
        async for chunk in request.stream():
            total += len(chunk)
            if total > limit + FRAMING_ALLOWANCE:
                raise _too_large(limit)
            yield chunk

    parser = MultiPartParser(request.headers, limited(), max_files=1, max_fields=10, max_part_size=64 * 1024)
    try:
        form = await parser.parse()
    except MultiPartException as error:
        raise ApiError.say(400, "bad_request", "http.bad_multipart", error=error.message) from None
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise ApiError.say(422, "invalid_parameters", "http.no_file_field")
        if upload.size is not None and upload.size > limit:
            raise _too_large(limit)
        target = directory / safe_file_name(upload.filename)
        await run_in_threadpool(_copy, upload, target)
        if target.stat().st_size > limit:
            raise _too_large(limit)
        return target, {name: form[name] for name in fields if isinstance(form.get(name), str)}
    finally:
        await form.close()


def _copy(upload: UploadFile, target: Path) -> None:
    upload.file.seek(0)
    with open(target, "xb") as out:
        shutil.copyfileobj(upload.file, out, 1 << 20)


def _too_large(limit: int) -> ApiError:
    megabytes = limit / (1024 * 1024)
    return ApiError.say(413, "too_large", "http.too_large", megabytes=Words(decimal(megabytes, "sv", 1), decimal(megabytes, "en", 1)))


def finding_json(finding: Any) -> dict[str, Any]:
    return {"code": finding.code, "severity": finding.severity, "message": finding.message,
            "message_en": finding.message_en,
            "evidence": [{"page": e.page, "start": e.start, "end": e.end, "quote": e.quote} for e in finding.evidence]}


def document_ref(store: Any, graph: str | None) -> dict[str, Any] | None:
    for doc in list_documents(store):
        if doc["graph"] == graph:
            return {"type": "document", "id": entity_id(doc["iri"]), "iri": doc["iri"], "title": doc["title"]}
    return None


class Abandoned(Exception):
    """The client went away before the ingest wrote anything."""


def _ingest(store: Any, lock: threading.Lock, path: Path, limit: int, gone: threading.Event) -> IngestResult:
    try:
        identify_source(path, max_bytes=limit)  # size and type, by content, before the bounded read
    except SourceError as error:
        status = _SOURCE_STATUS.get(error.code, 422)
        key = {415: "unsupported_media_type", 413: "too_large"}.get(status, "unprocessable")
        raise ApiError.say(status, key, "http.unreadable_file", name=error.name,
                           reason=Words(error.reason, error.reason_en)) from None
    # One writer at a time: ingest_file's "already stored?" check and its write must not interleave.
    with lock, abandon_when(gone):
        if abandoned():
            raise Abandoned
        result = ingest_file(store, path)  # the PDF reader stops once `gone` is set; nothing is written then
    if gone.is_set() and not result.ok:
        raise Abandoned
    if not result.ok:
        raise ApiError.say(422, "unprocessable", "http.unreadable_file", name=path.name,
                           reason=Words(result.reason or "", result.reason_en or result.reason or ""))
    return result


async def ingest_while_connected(request: Request, store: Any, path: Path) -> IngestResult:
    """Ingest in a worker thread; abandon it as soon as the client disconnects."""
    state = request.app.state
    gone = threading.Event()
    work = asyncio.ensure_future(run_in_threadpool(_ingest, store, state.write_lock, path, state.max_upload, gone))
    while not work.done():
        await asyncio.wait({work}, timeout=DISCONNECT_POLL_SECONDS)
        if not work.done() and await request.is_disconnected():
            gone.set()
    return work.result()


@router.post("", summary="Läs in ett dokument", status_code=201, response_model=UploadResult,
             dependencies=[Depends(require_writer)],
             responses={200: {"model": UploadResult, "description": "Redan lagrat, ersatt eller ny återgivning"},
                        **responses(400, 401, 403, 413, 415, 422, 503)},
             openapi_extra={"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
                 "type": "object", "required": ["file"],
                 "properties": {"file": {"type": "string", "format": "binary"}}}}}}})
async def upload_document(request: Request) -> JSONResponse:
    """Ta emot en PDF eller textfil (multipart-fältet `file`) och läs in den.

    201 när dokumentet är nytt (`ingested`) eller en ny version av ett lagrat dokument med annan
    text (`version`; båda versionerna finns kvar); 200 när filen redan fanns (`unchanged`), ersatte
    en kopia med samma text (`replaced`) eller är en ny återgivning av ett lagrat dokument (`rendition`).
    """
    if media_type(request) != "multipart/form-data":
        raise ApiError.say(415, "unsupported_media_type", "http.not_multipart")
    state = request.app.state
    store = get_store(request)
    with tempfile.TemporaryDirectory(prefix="styrgraf-upload-") as tmp:
        try:
            path = await receive_file(request, state.max_upload, Path(tmp))
            result = await ingest_while_connected(request, store, path)
        except (ClientDisconnect, Abandoned):
            return Response(status_code=CLIENT_CLOSED)
        finally:
            # Also after a failure: whatever reached the store must reach SPARQL too.
            store_written(request)
        document = await run_in_threadpool(document_ref, store, result.graph)
    body = {"status": result.status, "document": document, "graph": result.graph,
            "findings": [finding_json(f) for f in result.findings]}
    status = 201 if result.status in ("ingested", "version") else 200
    headers = {"Location": f"/id/doc/{document['id']}"} if document and status == 201 else None
    return JSONResponse(body, status_code=status, headers=headers)


@router.delete("/{doc_id:anypath}", summary="Ta bort ett dokument", response_model=RemoveResult,
               dependencies=[Depends(require_writer)], responses=responses(401, 403, 404, 422, 503))
def delete_document(request: Request,
                    doc_id: str = PathParam(..., min_length=1, max_length=500,
                                            description="Dokumentets id, Dnr, sha256, dokument- eller graf-IRI.")) -> dict:
    store = get_store(request)
    with request.app.state.write_lock:
        graph = find_document_graph(store, doc_id)
        if graph is None:
            raise ApiError.say(404, "not_found", "http.no_document", ref=doc_id)
        document = document_ref(store, graph)
        remove_document(store, graph)
    store_written(request)
    return {"status": "removed", "graph": graph, "document": document}
