"""Fixtures shared by the HTTP API tests: apps on copies of the seeded store.

- `seed_template`: the seed document ingested once per session into a
  template directory that no app ever opens.
- `app` and `client`: one app per test module on its own copy of the template,
  and a TestClient for it (server errors come back as responses). A module
  that needs another app or client defines its own fixture of that name.
- `make_seed_app(**options)`: a fresh app on a fresh copy, for one test,
  e.g. with other limits; closed when the test ends.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from styrgraf.api.http.app import close_app, create_app
from tests.api.server_support import build_seed_store, copy_store


@pytest.fixture(scope="session")
def seed_template(tmp_path_factory) -> Path:
    return build_seed_store(tmp_path_factory.mktemp("seed") / "store")


@pytest.fixture(scope="module")
def app(seed_template, tmp_path_factory):
    app = create_app(str(copy_store(seed_template, tmp_path_factory.mktemp("app") / "store")))
    yield app
    close_app(app)


@pytest.fixture(scope="module")
def client(app):
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture()
def make_seed_app(seed_template, tmp_path):
    made = []

    def make(**options):
        made.append(create_app(str(copy_store(seed_template, tmp_path / f"store{len(made)}")), **options))
        return made[-1]

    yield make
    for app in made:
        close_app(app)
