"""Which `styrgraf serve` owns an embedded store, and handing it files.

pyoxigraph's on-disk store is locked by the process that opens it for
writing, so while `styrgraf serve` runs, `styrgraf ingest` on the same store
cannot open it.  Instead, `serve` writes `server.json` into the store
directory (pid, address, a random per-run local token; mode 0600, removed on
shutdown), and the CLI sends its files to that server with the local token.
The file lives in the store directory because whoever may read that
directory may read the store anyway.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

SERVER_FILE = "server.json"
HEALTH_TIMEOUT = 3.0
UPLOAD_TIMEOUT = 600.0


def store_fingerprint(location: str | os.PathLike[str]) -> str:
    """What /health says about which store it serves: a digest of the resolved location.

    A client that knows the store (`running_server`) can check it; one that does not
    learns nothing about where the store lives on the server's disk.
    """
    text = os.fspath(location)
    resolved = text if "://" in text else os.path.realpath(text)
    return hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:32]


def server_file(store_dir: str | os.PathLike[str]) -> Path:
    return Path(store_dir) / SERVER_FILE


def client_host(host: str) -> str:
    """The address a local client uses to reach a server bound to `host`."""
    if host in ("", "0.0.0.0"):
        return "127.0.0.1"
    if host in ("::", "[::]"):
        return "[::1]"
    if ":" in host and not host.startswith("["):
        return f"[{host}]"
    return host


def write_server_info(store_dir: str | os.PathLike[str], *, host: str, port: int, token: str) -> dict[str, Any]:
    """Atomically write server.json (mode 0600) and return what was written."""
    info = {"pid": os.getpid(), "host": host, "port": port, "url": f"http://{client_host(host)}:{port}",
            "store": os.path.realpath(store_dir), "token": token}
    directory = Path(store_dir)
    fd, tmp = tempfile.mkstemp(prefix=".server-", suffix=".json", dir=directory)  # mkstemp: mode 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(info, fh)
        os.chmod(tmp, 0o600)
        os.replace(tmp, directory / SERVER_FILE)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return info


def read_server_info(store_dir: str | os.PathLike[str]) -> dict[str, Any] | None:
    try:
        info = json.loads(server_file(store_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(info, dict) or not isinstance(info.get("pid"), int) or not isinstance(info.get("url"), str) \
            or not isinstance(info.get("token"), str):
        return None
    return info


def remove_server_info(store_dir: str | os.PathLike[str], token: str) -> None:
    """Remove server.json if it is still ours (a later server may have replaced it)."""
    info = read_server_info(store_dir)
    if info is not None and info.get("token") == token:
        server_file(store_dir).unlink(missing_ok=True)


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _client(timeout: float) -> httpx.Client:
    # Only the address in server.json; no proxies from the environment, no redirects.
    return httpx.Client(timeout=timeout, trust_env=False, follow_redirects=False)


def running_server(store_dir: str | os.PathLike[str]) -> dict[str, Any] | None:
    """server.json of the live `styrgraf serve` for this store, or None.

    Live means: its process exists and its /health answers for this very store
    (a stale file whose port now belongs to something else does not count).
    """
    if "://" in os.fspath(store_dir):
        return None
    info = read_server_info(store_dir)
    if info is None or not pid_alive(info["pid"]):
        return None
    try:
        with _client(HEALTH_TIMEOUT) as client:
            response = client.get(info["url"] + "/health")
        store = response.json().get("store", {}) if response.status_code == 200 else {}
    except (httpx.HTTPError, ValueError, AttributeError):
        return None
    if not isinstance(store, dict) or store.get("id") != store_fingerprint(store_dir):
        return None
    return info


def upload_via_server(info: dict[str, Any], path: str | os.PathLike[str], *,
                      timeout: float = UPLOAD_TIMEOUT) -> dict[str, Any]:
    """Ingest one file through the running server; a dict shaped like IngestResult.

    Keys: path, status (ingested|replaced|rendition|unchanged|failed), graph,
    document (IRI), title, reason, reason_en, findings (list of
    {code, severity, message, evidence}).  Never raises for a refused file or
    an unreachable server: status is then "failed" and reason says why.
    """
    path = Path(path)
    result: dict[str, Any] = {"path": str(path), "status": "failed", "graph": None, "document": None,
                              "title": None, "reason": None, "reason_en": None, "findings": []}
    if not path.is_file():
        result.update(reason=f"Finns inte: {path}", reason_en=f"Does not exist: {path}")
        return result
    try:
        with open(path, "rb") as fh, _client(timeout) as client:
            response = client.post(info["url"] + "/api/documents",
                                   files={"file": (path.name, fh, "application/octet-stream")},
                                   headers={"Authorization": f"Bearer {info['token']}"})
    except (httpx.HTTPError, OSError) as error:
        result.update(reason=f"Servern {info.get('url')} kunde inte ta emot filen: {error}",
                      reason_en=f"The server {info.get('url')} could not take the file: {error}")
        return result
    try:
        body = response.json()
    except ValueError:
        body = {}
    if response.status_code in (200, 201) and isinstance(body, dict):
        document = body.get("document") or {}
        result.update(status=body.get("status", "failed"), graph=body.get("graph"), document=document.get("iri"),
                      title=document.get("title"), findings=body.get("findings") or [])
        return result
    detail = body.get("detail") if isinstance(body, dict) else None
    result.update(reason=detail or f"Servern svarade HTTP {response.status_code}.",
                  reason_en=detail or f"The server answered HTTP {response.status_code}.")
    return result


def remove_via_server(info: dict[str, Any], ref: str, *, timeout: float = UPLOAD_TIMEOUT) -> dict[str, Any]:
    """Remove a document (id, Dnr, sha256 or IRI) through the running server.

    Returns {status: removed|not_found|failed, graph, document (IRI), title, reason}.
    """
    result: dict[str, Any] = {"status": "failed", "graph": None, "document": None, "title": None, "reason": None}
    try:
        with _client(timeout) as client:
            response = client.delete(info["url"] + "/api/documents/" + quote(ref, safe=""),
                                     headers={"Authorization": f"Bearer {info['token']}"})
    except httpx.HTTPError as error:
        result["reason"] = f"Servern {info.get('url')} svarade inte: {error}"
        return result
    try:
        body = response.json()
    except ValueError:
        body = {}
    if response.status_code == 200 and isinstance(body, dict):
        document = body.get("document") or {}
        result.update(status="removed", graph=body.get("graph"), document=document.get("iri"),
                      title=document.get("title"))
    elif response.status_code == 404:
        result.update(status="not_found", reason=body.get("detail") if isinstance(body, dict) else None)
    else:
        detail = body.get("detail") if isinstance(body, dict) else None
        result["reason"] = detail or f"Servern svarade HTTP {response.status_code}."
    return result
