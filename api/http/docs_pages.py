"""`/docs` (Swagger UI) and `/redoc` from files installed with the server.

FastAPI's own pages load their scripts and styles from a CDN, so on an intranet
without access to it they are blank.  The package `fastapi-offline` ships the
same assets; they are served here under ASSETS and the pages name only them.
Swagger UI's validator badge would call an outside service, so it is off.
"""
from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/docs-assets"
ASSET_DIR = Path(fastapi_offline.__file__).parent / "static"


def install(app: FastAPI) -> None:
    """Serve the documentation pages of `app` (created with docs_url=None, redoc_url=None)."""
    app.mount(ASSETS, StaticFiles(directory=ASSET_DIR), name="docs-assets")
    oauth2_redirect = "/docs/oauth2-redirect"

    def root(request: Request) -> str:
        return request.scope.get("root_path", "")

    @app.get("/docs", include_in_schema=False)
    async def swagger(request: Request) -> HTMLResponse:
        base = root(request)
        return get_swagger_ui_html(
            openapi_url=f"{base}{app.openapi_url}", title=f"{app.title} – Swagger UI",
            oauth2_redirect_url=f"{base}{oauth2_redirect}",
            swagger_js_url=f"{base}{ASSETS}/swagger-ui-bundle.js", swagger_css_url=f"{base}{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{base}{ASSETS}/favicon.png", swagger_ui_parameters={"validatorUrl": None})

    @app.get(oauth2_redirect, include_in_schema=False)
    async def swagger_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get("/redoc", include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        base = root(request)
        return get_redoc_html(
            openapi_url=f"{base}{app.openapi_url}", title=f"{app.title} – ReDoc",
            redoc_js_url=f"{base}{ASSETS}/redoc.standalone.js", redoc_favicon_url=f"{base}{ASSETS}/favicon.png",
            with_google_fonts=False)
