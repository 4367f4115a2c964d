"""Referenced investigations, projects, processes, plans and decisions.

A reference is named by its words; its key is those words folded (case,
punctuation, white space), so that the same reference written twice in one
document is one entity. Resolving variants across wordings is the analysis
layer's work.
"""
from __future__ import annotations

import re
import unicodedata

# (kind, words that mark it), first match wins.
KIND_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("decision", ("beslut",)),
    ("investigation", ("utredning", "förstudie", "översyn", "enkätundersökning", "kartläggning", "analys")),
    ("plan", ("verksamhetsplan", "affärsplan", "planeringsdirektiv", "budget", "strategi", "program", "ks-vp",
              "verksamhetsmål", "målområde", "plan", "direktiv", "policy", "prioriteringar")),
    ("project", ("projekt", "college", "nätverk")),
    ("process", ("process", "arbetet", "arbete")),
)


def reference_kind(title: str) -> str:
    lower = title.lower()
    for kind, words in KIND_WORDS:
        if any(w in lower for w in words):
            return kind
    return "other"


def fold(text: str) -> str:
    """Lower case, no diacritics, punctuation as space, single spaces."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^\w]+", " ", text).strip()


def reference_key(title: str) -> str:
    return fold(title)
