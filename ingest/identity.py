"""Deterministic IRIs: the same document gives the same IRIs on every machine.

A document's key comes from what it is (municipality, case number, date,
type), never from the file path, so that the text and PDF renditions of one
plan are one document, and links stay stable across re-ingests. People,
organisations and referenced works are minted per municipality, so that two
documents naming the same person meet at one IRI.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata

from styrgraf.ontology.terms import DEFAULT_BASE_IRI

from styrgraf.ingest.records import DocumentInfo


def base_iri() -> str:
    base = os.environ.get("STYRGRAF_BASE_IRI", DEFAULT_BASE_IRI)
    return base if base.endswith(("/", "#")) else base + "/"


def slugify(text: str, max_len: int = 60) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > max_len:
        digest = hashlib.sha1(slug.encode()).hexdigest()[:8]
        slug = slug[: max_len - 9].rstrip("-") + "-" + digest
    return slug or "x"


def document_key(info: DocumentInfo) -> str:
    parts = [info.municipality or "okand", info.doc_type]
    if info.identifier:
        parts.append(info.identifier)
    if info.date and (info.date.iso or info.date.text):
        parts.append(info.date.iso or info.date.text)
    if not info.identifier:
        parts.append(hashlib.sha1(info.title.encode()).hexdigest()[:8])
    return slugify("-".join(parts), 90)


def version_series_key(info: DocumentInfo) -> str | None:
    """What the versions of one document share: municipality, case number and title (without a case
    number a document has no versions: a title alone is too weak a tie). The date is not in it, so
    that a revision dated anew is a version of the same document."""
    if not info.identifier:
        return None
    title = " ".join(info.title.split()).casefold()
    return slugify("-".join([info.municipality or "okand", info.identifier, title]), 90)


# The suffix of the key of a document's second, third … version with the same key (same date).
VERSION_SUFFIX = "-version-"


def scope_key(info: DocumentInfo) -> str:
    """The scope shared entities are minted in: the municipality."""
    return slugify(info.municipality or "okand")


# The word a local entity's slug carries for its kind (Swedish, as staff read ids).
LOCAL_TAGS = {
    "project": "projekt", "subproject": "delprojekt", "intention": "intention", "intentions": "intentioner",
    "appendix": "bilaga", "decision": "beslut", "decisionpoint": "beslutspunkt", "milestone": "milstolpe",
    "coverage": "tackning", "membership": "roll", "page": "sida", "finding": "fynd", "related": "relaterat",
    "scopelimit": "avgransning", "methodstep": "metodsteg",
}


class Minter:
    """Mints the IRIs of one document's entities."""

    def __init__(self, info: DocumentInfo, base: str | None = None, version: int = 1):
        """`version` > 1: a later version of a document whose key (`document_key`) is taken by an
        earlier one with other content; its graph and entities get IRIs of their own."""
        self.base = base or base_iri()
        self.doc_key = document_key(info) + (f"{VERSION_SUFFIX}{version}" if version > 1 else "")
        self.scope = scope_key(info)
        self.series_key = version_series_key(info)

    @classmethod
    def of_graph(cls, graph_iri: str) -> "Minter":
        """The minter of a stored document graph, for its document-level IRIs (graph, document,
        renditions) when its records are not at hand; shared entities need `__init__`."""
        base, _, key = graph_iri.rpartition("graph/")
        m = cls.__new__(cls)
        m.base, m.doc_key, m.scope, m.series_key = base, key, "", None
        return m

    def _iri(self, kind: str, slug: str) -> str:
        return f"{self.base}{kind}/{slug}"

    def document(self) -> str:
        return self._iri("doc", self.doc_key)

    def graph(self) -> str:
        return self._iri("graph", self.doc_key)

    def local(self, kind: str, *parts: object) -> str:
        """An entity that belongs to this document (subproject, intention, decision …).

        The slug names its kind (`…-delprojekt-1`, `…-intention-8`), so that ids are
        unique across kinds and readable.
        """
        tail = "".join("-" + slugify(str(p), 40) for p in parts)
        return self._iri(kind, f"{self.doc_key}-{LOCAL_TAGS.get(kind, kind)}{tail}")

    def shared(self, kind: str, name: str) -> str:
        """An entity shared across the municipality's documents (person, organisation, work)."""
        return self._iri(kind, self.scope + "-" + slugify(name, 70))

    def series(self) -> str | None:
        """The versions of this document (`version_series_key`), shared by all of them."""
        return self._iri("series", self.series_key) if self.series_key else None

    def rendition(self, sha256: str) -> str:
        return self._iri("file", sha256[:32])

    def node(self, kind: str, *parts: object) -> str:
        """A node whose identity is a hash of what it says (evidence, selectors)."""
        digest = hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]
        return self._iri(kind, self.doc_key + "-" + digest)
