"""The stores the question benchmark asks: the seed plan, the Ekträsk minutes, the Älvstad linked set."""
from __future__ import annotations

from pathlib import Path

from styrgraf.graph.documents import ingest_file
from styrgraf.graph.store.interface import open_store
from tests.graph.linked_set import NAMES, write_linked_set
from tests.graph.minutes_builder import build_minutes_store
from tests.query_seed import SEED_PDF, SEED_TEXT


def _ingest(directory: Path, files: list[Path]) -> Path:
    if not directory.exists():
        store = open_store(str(directory))
        try:
            for path in files:
                result = ingest_file(store, path)
                assert result.ok, (path, result.reason)
        finally:
            store.close()
    return directory


# A strategy of an invented municipality, in the layout of a document-information block and a goal list.
STRATEGY = """NORRVIKS KOMMUN
Strategi för digital utveckling

Dokumenttyp: Strategi
Beslutad av: Kommunfullmäktige
Diarienummer: KS 2021/88
Dokumentansvarig: Elin Marsk, digitaliseringschef
Beslutad: 2021-06-14, § 54

Inledning
Strategin anger riktningen för kommunens digitala utveckling.

Mål
1. Alla invånare ska kunna nå kommunens tjänster digitalt.
2. Verksamheterna ska använda gemensamma system.
3. Kommunens data ska vara öppen och tillgänglig.
"""


def build_stores(folder: Path) -> dict[str, Path]:
    """Each store's folder under `folder`, built the first time."""
    folder.mkdir(parents=True, exist_ok=True)
    minutes = folder / "minutes"
    if not minutes.exists():
        build_minutes_store(minutes)
    linked_files = write_linked_set(folder / "linked-files")
    strategy = folder / "strategy-files" / "strategi-digital-utveckling.txt"
    strategy.parent.mkdir(parents=True, exist_ok=True)
    strategy.write_text(STRATEGY, encoding="utf-8")
    return {"seed": _ingest(folder / "seed", [SEED_TEXT, SEED_PDF]), "minutes": minutes,
            "linked": _ingest(folder / "linked", [linked_files[n] for n in NAMES]),
            "strategy": _ingest(folder / "strategy", [strategy])}
