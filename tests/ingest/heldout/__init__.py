"""An independent held-out set for the fidelity harness: constructed municipal documents in layouts and
words of their own (see docs/heldout.md), each with its gold in the dev set's `Gold` format.

`heldout_items(folder)` writes the documents and returns (name, file, gold) per document.
"""
from tests.ingest.heldout.build import heldout_documents, heldout_items

__all__ = ["heldout_documents", "heldout_items"]
