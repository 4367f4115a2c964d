"""Constructed strategies of invented municipalities (tests/ingest/devset/strategies.py), ingested
into a real store, and a project plan that is no strategy."""
from __future__ import annotations

from pathlib import Path

from styrgraf.graph.documents import ingest_file, list_documents
from styrgraf.graph.store.interface import open_store
from tests.ingest.devset.strategies import STRATEGY_SPECS, write_strategy

# A text with validity dates and a revision table, a PDF cover table, labels run together.
STYLES = ("lines", "cover-table", "run-labels")
PLAN = ("Granviks kommun Kommunledningskontoret 2020-03-02 Dnr KS 2020/0101\n"
        "Projektplan för ett nytt ärendesystem\nBakgrund\nKommunstyrelsen beslutade 2020-01-13 att starta projektet.\n")


def specs():
    return [s for s in STRATEGY_SPECS if s.style in STYLES]


def build_strategy_store(folder: Path) -> tuple[Path, dict[str, str]]:
    """The store's path and the document ids by spec key (`plan` for the project plan)."""
    folder.mkdir(parents=True, exist_ok=True)
    store_path = folder / "store"
    store = open_store(str(store_path))
    try:
        ids = {}
        for s in specs():
            result = ingest_file(store, write_strategy(s, folder))
            assert result.ok, result.reason
            ids[s.key] = _slug(store, result.graph)
        plan = folder / "plan.txt"
        plan.write_text(PLAN, encoding="utf-8")
        result = ingest_file(store, plan)
        assert result.ok, result.reason
        ids["plan"] = _slug(store, result.graph)
    finally:
        store.close()
    return store_path, ids


def _slug(store, graph: str) -> str:
    iri = next(d["iri"] for d in list_documents(store) if d["graph"] == graph)
    return iri.rstrip("/").rsplit("/", 1)[-1]
