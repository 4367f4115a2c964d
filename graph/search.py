"""Swedish-aware ranked search over entities and document passages.

Staff search the way they write: `Näringslivsstrategin` should find
`näringslivsstrategi`, `almer` should find Almér, `delprojektledare` should
find the project managers of subprojects. The index therefore keys words by
folded Snowball stems (`graph.swedish`), and matches a query word also to

- words that differ from it only in a short ending (≤ 3 letters: the Swedish
  definite and plural endings the stemmer keeps, `strategi`/`strategin`), and
- the head of a compound: the longest known word that ends it
  (`delprojektledare` -> `projektledare`), in both directions.

Ranking is BM25 over two kinds of items: entities (their labels count twice,
their texts once) and passages of the stored page text (a few sentences each,
with offsets, so that a hit is its own evidence).

The index is built lazily from the store on the first search and cached per
store location; it is rebuilt when the stored document graphs change (a
document ingested, replaced or removed changes the signature, one cheap query).
"""
from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from styrgraf.ingest.sentences import sentence_spans
from styrgraf.ontology.terms import DCTERMS, FOAF, RDF, RDFS, SG, SKOS, sparql_prefixes

from styrgraf.graph.store.cache import cached, remembered
from styrgraf.graph.describe import describe, evidence, safe_ref
from styrgraf.graph.entities import entity_type
from styrgraf.graph.store.interface import GraphStore
from styrgraf.graph.swedish import terms, words

# What is searchable about an entity: labels (weight 2) and texts (weight 1).
LABEL_PROPS = {str(p): 2.0 for p in (DCTERMS.title, FOAF.name, SKOS.prefLabel, SKOS.altLabel, RDFS.label)}
TEXT_PROPS = {str(p): 1.0 for p in (SKOS.definition, SG.purpose, SG.budget, SG.reporting, DCTERMS.description,
                                     DCTERMS.identifier, SG.jobTitle, RDF.value)}
PROP_WEIGHTS = {**LABEL_PROPS, **TEXT_PROPS}
SEARCHABLE_TYPES = {
    "document": 1.0, "project": 1.0, "subproject": 1.2, "intention": 1.2, "decision": 1.0, "person": 1.2,
    "organisation": 1.2, "work": 1.0, "milestone": 0.8, "scope_limit": 0.8, "method_step": 0.8,
    "decision_point": 0.8,
    # Titles the source site lists as related: links, not content of the plan.
    "related_document": 0.5,
}
PASSAGE_WEIGHT = 1.0
PASSAGE_CHARS = 320
K1, B = 1.2, 0.75
NEAR_WEIGHT = 0.8  # a word that differs only in its ending
HEAD_WEIGHT = 0.6  # the head of a compound
MIN_NEAR = 5
MAX_LIMIT = 100


@dataclass
class Item:
    kind: str  # "entity" | "passage"
    iri: str  # the entity, or the page of a passage
    weight: float
    length: float
    document: str | None = None
    page: int | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None


class SearchIndex:
    """BM25 postings over entities and passages."""

    def __init__(self, items: list[Item], bags: list[Counter]):
        self.items = items
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, bag in enumerate(bags):
            for term, tf in bag.items():
                self.postings[term].append((i, tf))
        self.vocabulary = sorted(self.postings)
        self.average = (sum(it.length for it in items) / len(items)) if items else 1.0
        # Compound heads count (at half weight) for the items holding the compound.
        for term in list(self.vocabulary):
            head = self.head(term)
            if head:
                for i, tf in self.postings[term]:
                    self.postings[head].append((i, tf * 0.5))
        for term, plist in self.postings.items():
            merged: dict[int, float] = defaultdict(float)
            for i, tf in plist:
                merged[i] += tf
            self.postings[term] = sorted(merged.items())

    def head(self, term: str) -> str | None:
        """The longest indexed word (≥ 5 letters) that ends `term` after ≥ 3 letters."""
        for cut in range(3, len(term) - MIN_NEAR + 1):
            if term[cut:] in self.postings:
                return term[cut:]
        return None

    def near(self, term: str) -> list[str]:
        """Indexed words that are `term` plus or minus a short ending (≤ 3 letters)."""
        if len(term) < MIN_NEAR:
            return []
        out = []
        # Shorter words: prefixes of the term.
        for cut in range(1, 4):
            if len(term) - cut >= MIN_NEAR and term[:-cut] in self.postings:
                out.append(term[:-cut])
        # Longer words: the term plus an ending.
        lo = bisect.bisect_right(self.vocabulary, term)
        for word in self.vocabulary[lo:]:
            if not word.startswith(term):
                break
            if len(word) - len(term) <= 3:
                out.append(word)
        return out

    def expand(self, text: str) -> dict[str, float]:
        """Query keys with their weights."""
        wanted: dict[str, float] = {}
        for term in terms(text):
            candidates = {term: 1.0}
            for word in self.near(term):
                candidates.setdefault(word, NEAR_WEIGHT)
            head = self.head(term) if term not in self.postings else None
            if head:
                candidates.setdefault(head, HEAD_WEIGHT)
                for word in self.near(head):
                    candidates.setdefault(word, HEAD_WEIGHT * NEAR_WEIGHT)
            for key, weight in candidates.items():
                wanted[key] = max(wanted.get(key, 0.0), weight)
        return wanted

    def search(self, text: str, limit: int) -> list[tuple[Item, float, list[str]]]:
        wanted = self.expand(text)
        n = len(self.items)
        scores: dict[int, float] = defaultdict(float)
        matched: dict[int, set[str]] = defaultdict(set)
        for term, weight in wanted.items():
            plist = self.postings.get(term)
            if not plist:
                continue
            idf = math.log(1 + (n - len(plist) + 0.5) / (len(plist) + 0.5))
            for i, tf in plist:
                item = self.items[i]
                norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * item.length / self.average))
                scores[i] += weight * idf * norm
                matched[i].add(term)
        ranked = sorted(scores.items(), key=lambda x: (-x[1] * self.items[x[0]].weight, x[0]))[:limit]
        return [(self.items[i], s * self.items[i].weight, sorted(matched[i])) for i, s in ranked]


def _passages(text: str) -> list[tuple[int, int]]:
    """Consecutive sentences grouped into passages of about PASSAGE_CHARS characters."""
    spans = sentence_spans(text, 0, len(text))
    out: list[tuple[int, int]] = []
    start = end = None
    for s, e in spans:
        if start is None:
            start, end = s, e
        elif e - start > PASSAGE_CHARS:
            out.append((start, end))
            start, end = s, e
        else:
            end = e
    if start is not None:
        out.append((start, end))
    # A "sentence" far longer than a passage (a list without full stops) is cut at word boundaries.
    result = []
    for s, e in out:
        while e - s > 2 * PASSAGE_CHARS:
            cut = text.rfind(" ", s, s + PASSAGE_CHARS)
            cut = cut if cut > s else s + PASSAGE_CHARS
            result.append((s, cut))
            s = cut + 1
        result.append((s, e))
    return result


def build_index(store: GraphStore) -> SearchIndex:
    items: list[Item] = []
    bags: list[Counter] = []
    props = " ".join(f"<{p}>" for p in PROP_WEIGHTS)
    rows = store.select(f"SELECT ?e ?p ?o WHERE {{ VALUES ?p {{ {props} }} ?e ?p ?o }}")
    texts: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for r in rows:
        e = str(r["e"])
        if entity_type(e) in SEARCHABLE_TYPES:
            texts[e].append((PROP_WEIGHTS[str(r["p"])], str(r["o"])))
    # A person is also found by the roles they hold ("projektledare").
    for r in store.select(sparql_prefixes() + "SELECT ?p ?t WHERE { ?m org:member ?p ; sg:roleText ?t }"):
        if entity_type(str(r["p"])) == "person":
            texts[str(r["p"])].append((1.0, str(r["t"])))
    for e in sorted(texts):
        bag: Counter = Counter()
        for weight, value in texts[e]:
            for term in terms(value):
                bag[term] += weight
        if bag:
            items.append(Item("entity", e, SEARCHABLE_TYPES[entity_type(e)], sum(bag.values())))
            bags.append(bag)
    pages = store.select(sparql_prefixes() + """
        SELECT ?page ?n ?doc ?text WHERE { ?page a sg:Page ; sg:pageNumber ?n ; dcterms:isPartOf ?doc ; rdf:value ?text }""")
    for r in sorted(pages, key=lambda r: (str(r["doc"]), int(r["n"]))):
        number = int(r["n"])
        if number == 0:
            continue  # the export's preamble: the title (indexed with the document) and the site's links
        text = str(r["text"])
        for s, e in _passages(text):
            bag = Counter(terms(text[s:e]))
            if bag:
                items.append(Item("passage", str(r["page"]), PASSAGE_WEIGHT, sum(bag.values()), str(r["doc"]),
                                  number, s, e, text[s:e]))
                bags.append(bag)
    return SearchIndex(items, bags)


def get_index(store: GraphStore) -> SearchIndex:
    return cached(store, "search-index", build_index)


def search(store: GraphStore, q: str, limit: int = 20) -> dict:
    """Ranked entities and passages for the query `q` (kept per store generation for the queries
    last asked: shared, not to be changed by the caller)."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    return remembered(store, "search", (q, limit), lambda: _search(store, q, limit))


def _search(store: GraphStore, q: str, limit: int) -> dict:
    index = get_index(store)
    hits = index.search(q, limit)
    entity_iris = [item.iri for item, _, _ in hits if item.kind == "entity"]
    d = describe(store, entity_iris)
    ev = evidence(store, entity_iris)
    docs = describe(store, [item.document for item, _, _ in hits if item.kind == "passage"])
    results = []
    for item, score, matched in hits:
        if item.kind == "entity":
            results.append({"kind": "entity", "score": round(score, 4), "matched": matched,
                            "entity": d[item.iri], "evidence": ev.get(item.iri, [])})
        else:
            doc = docs[item.document] if item.document and safe_ref(item.document) else None
            passage = {"document": doc, "page": item.page, "start": item.start, "end": item.end, "quote": item.text,
                       "property": None}
            results.append({"kind": "passage", "score": round(score, 4), "matched": matched,
                            "document": doc, "page": item.page, "start": item.start, "end": item.end,
                            "text": item.text, "evidence": [passage]})
    return {"query": q, "terms": sorted(index.expand(q)), "words": words(q), "results": results}


__all__ = ["search", "get_index", "build_index", "SearchIndex"]
