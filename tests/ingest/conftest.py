"""Shared fixtures for the ingest tests: the seed in both renditions, extracted once."""
from __future__ import annotations

from pathlib import Path

import pytest

from styrgraf.ingest.pipeline import extract_path

ROOT = Path(__file__).resolve().parents[2]
SEED_TEXT = ROOT / "corpus" / "000_5a26368617003b47.txt"
SEED_PDF = ROOT / "corpus" / "halmstad-projektplan-2012.pdf"


@pytest.fixture(scope="session")
def seed_text():
    return extract_path(SEED_TEXT)


@pytest.fixture(scope="session")
def seed_pdf():
    return extract_path(SEED_PDF)


@pytest.fixture(scope="session", params=["text", "pdf"])
def seed(request, seed_text, seed_pdf):
    """The seed plan, once from each rendition: gold facts must hold for both."""
    return seed_text if request.param == "text" else seed_pdf
