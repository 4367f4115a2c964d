"""A real server on the seed store and Debian's Chromium driven by Playwright, for the web pages.

Chromium is the system's (`/usr/bin/chromium`, Debian's package; Playwright never downloads a
browser here), started headless with the flags this closed network needs. axe-core comes from
npm (`make web-test-tools` installs it into node_modules/). Screenshots go to
test-output/web/ (git-ignored).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from styrgraf.api.http.app import close_app, create_app
from tests.api.server_support import ROOT, copy_store, live_server

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-output" / "web"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def web_server(seed_template, tmp_path_factory):
    app = create_app(str(copy_store(seed_template, tmp_path_factory.mktemp("web") / "store")))
    with live_server(app) as url:
        yield url
    close_app(app)


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} saknas: installera Debians paket chromium (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 900}, locale="sv-SE")
        yield context
        context.close()


@pytest.fixture()
def page(browser):
    tab = browser.new_page()
    yield tab
    tab.close()


def screenshot(page, name: str) -> Path:
    """Save the whole page under test-output/web/NAME.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    return target


def serious_violations(page) -> list[dict]:
    """axe-core's serious and critical violations on the page as it is shown."""
    if not AXE.exists():
        pytest.fail(f"{AXE} saknas: kör `make web-test-tools` (npm install axe-core).")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]
