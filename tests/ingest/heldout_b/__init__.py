"""A second independent held-out set for the fidelity harness: constructed municipal documents in
layouts learnt from real ones (docs/heldout-b.md), each with its gold in the dev set's `Gold` format.

`heldout_b_items(folder)` writes the documents and returns (name, file, gold) per document.
"""
from tests.ingest.heldout_b.build import heldout_b_documents, heldout_b_items

__all__ = ["heldout_b_documents", "heldout_b_items"]
