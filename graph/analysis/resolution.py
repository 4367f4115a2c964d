"""Entity resolution: mentions that name one person, organisation or work become one entity.

The ingest mints people, organisations and referenced works per municipality
from their words as written, so the same name written the same way in two
documents is already one IRI. This module finds what the words alone miss:

- people (`person_resolution`): names equal once case, diacritics and hyphens
  are folded (`Almér`/`Almer`) are one person; a name with a middle initial and
  the same name without it (`Johan F Lundberg`/`Johan Lundberg`), or with the
  first name as an initial (`A. Berg`/`Anna Berg`), are one only when titles,
  bodies, parties and years support it, and otherwise *possibly* one; each
  reason is recorded with its weight; different middle initials, or only a
  shared surname, stay apart;
- organisations: equal names (genitive s and the legal form `AB` ignored),
  an abbreviation written alone and the organisation defined with it
  (`HNAB` = `Halmstads Näringslivs AB`), or an abbreviation made of the
  name's initials;
- works (investigations, projects, plans): titles compared as sets of content
  terms (`similarity.compare_titles`): equal sets or one contained in the other;
  a work whose terms equal a subproject's title is that subproject; a work
  whose case number (Dnr) is a stored document's is that document;
- a municipality written `Solviks` in one document and `Solvik` in another.

Only entities of one municipality are compared (block by municipality, then by
name parts or rare title terms), so the work grows with the number of
entities, not its square. Confident matches become identity (`owl:sameAs` to
a canonical member); uncertain ones `sg:possiblySame`. Every match is recorded
with its method and confidence in one named graph, `RESOLUTION_GRAPH`, which
`store_resolution` replaces as a whole: re-running is idempotent, and after a
document is removed a re-run leaves no trace of it.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Iterable

from rdflib import Graph, Literal, URIRef

from styrgraf.graph.store.interface import GraphStore
from styrgraf.ingest.identity import base_iri
from styrgraf.ontology.terms import OWL, PROV, RDF, RDFS, SG, XSD, sparql_prefixes

from styrgraf.graph.analysis.person_resolution import NAME_EVIDENCE, REASON_LABELS, Reason, person_matches
from styrgraf.graph.analysis.projection import Projection, load_projection, cached
from styrgraf.graph.analysis.similarity import TitleKey, compare_titles, fold, fold_name, stem, title_key

RESOLVER_VERSION = "styrgraf-resolve/0.1.0"
# Titles' terms indexed for more works than this (within a municipality) are too common to block on.
MAX_BLOCK = 50
_LEGAL_FORMS = {"ab", "hb", "kb", "ek", "for"}


def resolution_graph_iri() -> str:
    return base_iri() + "graph/resolution"


# What each matching method means, for people reading a match (Swedish, English); the method's
# own name stays in the graph and in JSON, where scripts read it.
METHOD_LABELS = {
    **{method: REASON_LABELS[method] for method in NAME_EVIDENCE},  # how two people's names compare
    "same-name": ("samma namn", "the same name"),
    "municipality-name": ("samma kommunnamn", "the same municipality name"),
    "abbreviation": ("samma förkortning", "the same abbreviation"),
    "initials": ("förkortningen är namnets initialer", "the abbreviation is the name's initials"),
    "case-number": ("samma diarienummer", "the same case number"),
    "equal-terms": ("samma ord i titeln", "the same words in the title"),
    "equal-words": ("samma ord i titeln, olika böjning", "the same words in the title, inflected differently"),
    "term-containment": ("den ena titeln ingår i den andra", "one title contains the other"),
    "term-overlap": ("delvis samma ord i titeln", "partly the same words in the title"),
}


def method_label(method: str, lang: str) -> str:
    """A matching method in words (`term-containment` -> `den ena titeln ingår i den andra`)."""
    sv, en = METHOD_LABELS.get(method, (method, method))
    return sv if lang == "sv" else en


@dataclass(frozen=True)
class Match:
    a: str
    b: str
    kind: str  # person | organisation | work | municipality
    method: str
    confidence: float
    identity: bool
    note: str  # the two names as written, for people reading the graph
    reasons: tuple[Reason, ...] = ()  # for people: each piece of evidence with its weight

    @property
    def iri(self) -> str:
        a, b = sorted((self.a, self.b))
        return base_iri() + "match/" + hashlib.sha1(f"{a}\x1f{b}".encode()).hexdigest()[:20]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class Resolution:
    matches: list[Match] = field(default_factory=list)
    canonical: dict[str, str] = field(default_factory=dict)  # merged IRI -> canonical IRI
    possible: dict[str, dict[str, Match]] = field(default_factory=dict)  # canonical -> {canonical: match}
    _by_pair: dict | None = field(default=None, repr=False)
    _by_cluster: dict | None = field(default=None, repr=False)

    def canon(self, iri: str) -> str:
        return self.canonical.get(iri, iri)

    def members(self, canonical: str) -> list[str]:
        return sorted({canonical} | {k for k, v in self.canonical.items() if v == canonical})

    def possibly(self, iri: str) -> dict[str, Match]:
        return self.possible.get(self.canon(iri), {})

    def match_between(self, a: str, b: str) -> Match | None:
        """The recorded match that joined a and b (directly, else through their clusters)."""
        if self._by_pair is None:
            self._by_pair, self._by_cluster = {}, {}
            for m in self.matches:
                self._by_pair.setdefault(frozenset((m.a, m.b)), m)
                self._by_cluster.setdefault(frozenset((self.canon(m.a), self.canon(m.b))), m)
        return self._by_pair.get(frozenset((a, b))) or self._by_cluster.get(frozenset((self.canon(a), self.canon(b))))


# --- people -----------------------------------------------------------------------------------------

def _people_matches(p: Projection, orgs: list[Match]) -> list[Match]:
    """Person identities weighed by name, titles, bodies, parties and years (`person_resolution`);
    bodies are compared as the organisations they resolve to."""
    uf = _UnionFind()
    for m in orgs:
        if m.identity:
            uf.union(m.a, m.b)
    return [Match(m.a, m.b, "person", m.method, m.confidence, m.identity,
                  f"{p.node(m.a).get('name')} / {p.node(m.b).get('name')}", m.reasons)
            for m in person_matches(p, uf.find)]


# --- organisations -------------------------------------------------------------------------------------

def _org_name_key(name: str | None) -> str:
    if not name:
        return ""
    tokens = [t[:-1] if t.endswith("s") and len(t) > 3 else t for t in fold_name(name).split()]
    return " ".join(t for t in tokens if t not in _LEGAL_FORMS)


def _initials(name: str | None) -> str:
    if not name:
        return ""
    # `Halmstads Näringslivs AB` -> HNAB: a short upper-case word (the legal form) counts whole.
    return "".join(w if w.isupper() and len(w) <= 3 else w[0]
                   for w in re.findall(r"[A-ZÅÄÖ][\wåäöé]*", name)).lower()


def _is_abbreviation(text: str | None) -> bool:
    return bool(text) and bool(re.fullmatch(r"[A-ZÅÄÖ]{2,8}", text or ""))


def _org_matches(p: Projection) -> list[Match]:
    info = {}
    blocks: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for iri in p.of_kind("organisation"):
        n = p.node(iri)
        name, abbr = n.get("name"), n.get("abbreviation")
        if n.get("municipality"):
            blocks[(p.scope(iri), "municipality", "")].append(iri)
            info[iri] = ("", "", "", True)
            continue
        full = name if name and not _is_abbreviation(name) else None
        short = fold(abbr) if abbr else (fold(name) if _is_abbreviation(name) else "")
        key = _org_name_key(full)
        initials = _initials(full)
        info[iri] = (key, short, initials, False)
        if key:
            blocks[(p.scope(iri), "name", key)].append(iri)
        for a in {short, initials} - {""}:
            blocks[(p.scope(iri), "abbr", a)].append(iri)
    seen = set()
    out = []
    for (_scope, how, _k), members in blocks.items():
        members = sorted(set(members))
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                ka, sa, ia, ma = info[a]
                kb, sb, ib, mb = info[b]
                na, nb = p.label(a), p.label(b)
                if ma and mb:
                    out.append(Match(a, b, "municipality", "municipality-name", 0.95, True, f"{na} / {nb}"))
                    continue
                if sa and sb and sa != sb:
                    continue  # two different abbreviations: two organisations
                if ka and ka == kb:
                    out.append(Match(a, b, "organisation", "same-name", 0.95, True, f"{na} / {nb}"))
                elif sa and sa == sb:
                    out.append(Match(a, b, "organisation", "abbreviation", 0.9, True, f"{na} / {nb}"))
                elif (sa and sa == ib) or (sb and sb == ia):
                    strong = len(sa or sb) >= 3
                    out.append(Match(a, b, "organisation", "initials", 0.85 if strong else 0.5, strong, f"{na} / {nb}"))
    return out


# --- works ------------------------------------------------------------------------------------------------

def _dnr_key(dnr: str | None) -> str | None:
    if not dnr:
        return None
    m = re.match(r"\s*([A-Za-zÅÄÖåäö]{1,6}(?:[- ][A-Za-zÅÄÖåäö]{1,4})?)[ -]?((?:19|20)\d{2})/0*(\d+)", dnr)
    return f"{fold(m.group(1)).replace(' ', '').replace('-', '')} {m.group(2)}/{m.group(3)}" if m else None


def _org_names_by_scope(p: Projection) -> dict[str, dict[str, str]]:
    names: dict[str, dict[str, str]] = defaultdict(dict)
    for iri in p.of_kind("organisation"):
        n = p.node(iri)
        if n.get("name") and n.get("abbreviation") and n["name"] != n["abbreviation"]:
            names[p.scope(iri)][n["name"]] = n["abbreviation"]
    return names


def _scope_stop_terms(p: Projection) -> dict[str, frozenset[str]]:
    """Per municipality, the terms naming it: `Lunds kommuns näringslivsprogram` is its näringslivsprogram."""
    out: dict[str, set[str]] = defaultdict(lambda: {stem("kommun")})
    for doc in p.of_kind("document"):
        name = p.node(doc).get("municipality")
        if name:
            out[p.scope(doc)].update(stem(w) for w in name.lower().split())
    return {k: frozenset(v) for k, v in out.items()}


def _work_matches(p: Projection) -> list[Match]:
    org_names = _org_names_by_scope(p)
    stops = _scope_stop_terms(p)
    keys: dict[str, TitleKey] = {}
    for iri in p.of_kind("work"):
        title = p.node(iri).get("title")
        if title:
            keys[iri] = title_key(title, org_names.get(p.scope(iri)), stops.get(p.scope(iri), frozenset()))
    sub_keys: dict[str, TitleKey] = {}
    for iri in p.of_kind("subproject"):
        title = p.node(iri).get("title")
        if title:
            sub_keys[iri] = title_key(re.sub(r"^\d{1,2}\.\s+", "", title), org_names.get(p.scope(iri)),
                                      stops.get(p.scope(iri), frozenset()))
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    exact: dict[tuple[str, frozenset], list[str]] = defaultdict(list)
    for iri, k in list(keys.items()) + list(sub_keys.items()):
        for t in k.words:
            index[(p.scope(iri), t)].append(iri)
        exact[(p.scope(iri), k.all)].append(iri)
    # Pairs as ints (`i * n + j` of the IRIs' ranks, i < j), ordered as the pairs of IRIs are: at 10 000
    # plans there are hundreds of thousands, and sorting tuples of IRIs took a second.
    names = sorted(set(keys) | set(sub_keys))
    rank = {iri: i for i, iri in enumerate(names)}
    n = len(names)
    pairs: set[int] = set()
    for members in exact.values():
        ranks = sorted(rank[m] for m in members)
        pairs.update(i * n + j for i, j in zip(ranks, ranks[1:]))
    for members in index.values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        ranks = sorted(rank[m] for m in members)
        pairs.update(i * n + j for i, j in combinations(ranks, 2))
    out = []
    for code in sorted(pairs):
        a, b = names[code // n], names[code % n]
        ka, kb = keys.get(a) or sub_keys.get(a), keys.get(b) or sub_keys.get(b)
        sa, sb = a in sub_keys, b in sub_keys
        if sa and sb:
            continue  # two subprojects are never one entity
        if sa or sb:
            sub, work = (a, b) if sa else (b, a)
            if any(t == work for t, _d in p.out_edges(sub, "considers")):
                continue  # a subproject's own reference is not itself
        found = compare_titles(ka, kb)
        if not found:
            continue
        identity = found.identity
        if (sa or sb) and found.method != "equal-terms":
            identity = False
        out.append(Match(a, b, "work", found.method, found.confidence if identity or not found.identity else 0.6,
                         identity, f"{p.label(a)} / {p.label(b)}"))
    # A work whose case number is a stored document's (or decision's) is that document.
    by_dnr: dict[tuple[str, str], str] = {}
    for iri in p.of_kind("decision"):
        k = _dnr_key(p.node(iri).get("identifier"))
        if k and p.node(iri).get("decision_kind") != "plan":
            by_dnr.setdefault((p.scope(iri), k), iri)
    for iri in p.of_kind("document"):
        k = _dnr_key(p.node(iri).get("identifier"))
        if k:
            by_dnr[(p.scope(iri), k)] = iri
    for iri in keys:
        k = _dnr_key(p.node(iri).get("identifier"))
        target = by_dnr.get((p.scope(iri), k)) if k else None
        if target and target not in p.node(iri).get("docs", ()):
            out.append(Match(iri, target, "work", "case-number", 0.9, True, f"{p.label(iri)} / {p.label(target)}"))
    return out


# --- the whole resolution ------------------------------------------------------------------------------------

_KIND_PRIORITY = {"subproject": 0, "document": 1, "decision": 2, "project": 3, "work": 4, "person": 5,
                  "organisation": 6}


def _uses(p: Projection, iris: set[str]) -> dict[str, int]:
    """How many statements use each of `iris`: considerations of it, and every edge from it (one pass)."""
    uses = dict.fromkeys(iris, 0)
    for u, v, d in p.edges():
        if u in uses:
            uses[u] += 1
        if v in uses and d.rel == "considers":
            uses[v] += 1
    return uses


def _canonical_of(p: Projection, members: Iterable[str], uses: dict[str, int]) -> str:
    def rank(iri: str):
        n = p.node(iri)
        name = n.get("name") or n.get("title") or ""
        # Prefer the kind that says most, an organisation known by name and abbreviation, then a name
        # with its diacritics (`Almér` over `Almer`), a first name written out (`Maria Nord` over `M. Nord`).
        first = fold_name(name).split()[:1] if n.get("kind") == "person" else []
        return (_KIND_PRIORITY.get(n.get("kind"), 9), -int(bool(n.get("abbreviation"))),
                -int(fold(name) != name.lower()), int(bool(first) and len(first[0]) == 1), -uses.get(iri, 0),
                -len(name), iri)
    return min(members, key=rank)


def resolve_projection(p: Projection) -> Resolution:
    """All matches of the projection's entities, clustered into canonical entities."""
    orgs = _org_matches(p)
    matches = _people_matches(p, orgs) + orgs + _work_matches(p)
    uf = _UnionFind()
    for m in matches:
        if m.identity:
            uf.union(m.a, m.b)
    clusters: dict[str, list[str]] = defaultdict(list)
    for x in list(uf.parent):
        clusters[uf.find(x)].append(x)
    res = Resolution(matches=sorted(matches, key=lambda m: (m.kind, m.a, m.b)))
    merged = [members for members in clusters.values() if len(members) >= 2]
    uses = _uses(p, {x for members in merged for x in members if x in p})
    for members in merged:
        canon = _canonical_of(p, members, uses)
        for x in members:
            if x != canon:
                res.canonical[x] = canon
    for m in res.matches:
        if m.identity:
            continue
        ca, cb = res.canon(m.a), res.canon(m.b)
        if ca == cb:
            continue
        res.possible.setdefault(ca, {})[cb] = m
        res.possible.setdefault(cb, {})[ca] = m
    return res


def load_resolution(store: GraphStore) -> tuple[Projection, Resolution]:
    """The store's projection and its resolution, computed once per state of the store."""
    def build():
        p = load_projection(store)
        return p, resolve_projection(p)
    return cached(store, "resolution", build)


# --- the resolution graph ---------------------------------------------------------------------------------------

def resolution_graph(p: Projection, res: Resolution) -> Graph:
    """The triples recording every match, identity and possibility."""
    g = Graph()
    gi = URIRef(resolution_graph_iri())
    g.add((gi, RDF.type, SG.ResolutionGraph))
    g.add((gi, RDF.type, PROV.Entity))
    g.add((gi, SG.resolverVersion, Literal(RESOLVER_VERSION)))
    for m in res.matches:
        if m.identity is False and res.canon(m.a) == res.canon(m.b):
            continue
        node = URIRef(m.iri)
        g.add((node, RDF.type, SG.EntityMatch))
        g.add((node, SG.matches, URIRef(m.a)))
        g.add((node, SG.matches, URIRef(m.b)))
        g.add((node, SG.matchMethod, Literal(m.method)))
        g.add((node, SG.confidence, Literal(f"{m.confidence:.2f}", datatype=XSD.decimal)))
        g.add((node, SG.identity, Literal(m.identity)))
        g.add((node, RDFS.comment, Literal(m.note, lang="sv")))
        for r in m.reasons:
            g.add((node, SG.matchReason, Literal(_reason_text(r))))
        for x in (m.a, m.b):
            for doc in sorted(p.node(x).get("docs") or ({p.node(x)["doc"]} if p.node(x).get("doc") else set())):
                graph_iri = p.node(doc).get("graph")
                if graph_iri:
                    g.add((node, PROV.wasDerivedFrom, URIRef(graph_iri)))
        if not m.identity:
            g.add((URIRef(m.a), SG.possiblySame, URIRef(m.b)))
            g.add((URIRef(m.b), SG.possiblySame, URIRef(m.a)))
    for x, canon in sorted(res.canonical.items()):
        g.add((URIRef(x), OWL.sameAs, URIRef(canon)))
        g.add((URIRef(x), SG.canonical, URIRef(canon)))
    return g


def _reason_text(r: Reason) -> str:
    """A reason as stored: `code weight: detail` (`same-title +0.20: kommundirektör / kommundirektör`)."""
    return f"{r.code} {r.weight:+.2f}" + (f": {r.detail}" if r.detail else "")


def store_resolution(store: GraphStore) -> dict:
    """Run resolution over the whole store and replace the resolution graph; a summary."""
    p, res = load_resolution(store)
    g = resolution_graph(p, res)
    store.replace_graph(resolution_graph_iri(), g)
    return summary(p, res) | {"graph": resolution_graph_iri(), "triples": len(g)}


def summary(p: Projection, res: Resolution) -> dict:
    merged = defaultdict(int)
    possible = defaultdict(int)
    for m in res.matches:
        (merged if m.identity else possible)[m.kind] += 1
    clusters = defaultdict(list)
    for x, c in res.canonical.items():
        clusters[c].append(x)
    return {
        "identity": dict(merged), "possible": dict(possible),
        "entities": [
            {"canonical": p.entity_obj(c), "members": [p.entity_obj(x) for x in sorted(xs)]}
            for c, xs in sorted(clusters.items())
        ],
        "possibly_same": [
            {"a": p.entity_obj(m.a), "b": p.entity_obj(m.b), "method": m.method, "confidence": m.confidence,
             "reasons": [r.as_dict() for r in m.reasons]}
            for m in res.matches if not m.identity and res.canon(m.a) != res.canon(m.b)
        ],
        "matches": [
            {"a": m.a, "b": m.b, "kind": m.kind, "method": m.method, "confidence": m.confidence,
             "identity": m.identity, "note": m.note, "reasons": [r.as_dict() for r in m.reasons]}
            for m in res.matches
        ],
    }


def links_for(store: GraphStore, iri: str) -> dict:
    """What the stored resolution says of one entity: `same_as` and `possibly_same`, with method and confidence."""
    if any(c in iri for c in "<> \"{}"):
        return {"canonical": iri, "same_as": [], "possibly_same": []}
    rows = store.select(sparql_prefixes() + f"""
        SELECT ?other ?method ?conf ?identity WHERE {{ GRAPH <{resolution_graph_iri()}> {{
          ?m a sg:EntityMatch ; sg:matches <{iri}>, ?other ; sg:matchMethod ?method ;
             sg:confidence ?conf ; sg:identity ?identity FILTER(?other != <{iri}>) }} }}""")
    canon = store.select(f"SELECT ?c WHERE {{ GRAPH <{resolution_graph_iri()}> {{ <{iri}> <{SG.canonical}> ?c }} }}")
    out = {"canonical": str(canon[0]["c"]) if canon else iri, "same_as": [], "possibly_same": []}
    for r in rows:
        item = {"iri": str(r["other"]), "method": str(r["method"]), "confidence": float(r["conf"])}
        out["same_as" if r["identity"].toPython() else "possibly_same"].append(item)
    return out
