"""Consistency checks over the stored plans, each finding with severity, message, entity and evidence.

Severity: `error` (the document contradicts itself or the calendar: an
impossible date, a reference to an intention that does not exist, an
intention restated under the wrong number or letter, a SHACL violation),
`warning` (something a coordinator should act on: an intention nobody
addresses, a subproject without intention or leader, a decision milestone
after the date by which the decisions must be taken (not a date of the work
that follows them), a person in too many subprojects, a
missing date or schedule) and `info` (worth knowing: an intention addressed by
several subprojects, each with its scope).

SHACL validation (pyshacl with `ontology/shapes.ttl`, per document graph) is
opt-in because it is slow; its results are cached per graph, keyed by the
graph's ingest time and source checksums and the shapes file's checksum.
"""
from __future__ import annotations

import hashlib
import re
import threading
from collections import defaultdict
from itertools import groupby
from operator import itemgetter
from pathlib import Path

from styrgraf.graph.store.interface import GraphStore
from styrgraf.ingest.records import SEVERITIES, severity_of
from styrgraf.ontology.terms import ONTOLOGY_TTL, SHAPES_TTL

from styrgraf.graph.analysis.projection import (LEADING_ROLES, ROLE_LABELS, AnalysisError, Projection, bulk_build, cached,
                                                evidence, state_key)
from styrgraf.graph.analysis.resolution import Resolution, load_resolution
from styrgraf.graph.analysis.similarity import terms
from styrgraf.graph.swedish import fold

DEFAULT_MAX_SUBPROJECTS = 3
DEADLINE_LABEL = "Beslut senast"
# A restated intention's text must be this much closer to another intention to be the wrong number.
RESTATEMENT_MARGIN = 0.2

# Ingest findings these checks make themselves, with more context.
_COVERED_INGEST_CODES = {"invalid-date", "unknown-intention"}


class _Findings:
    def __init__(self, p: Projection, lang: str):
        self.p = p
        self.lang = lang
        self.items: list[dict] = []
        self._objects: dict[str, dict] = {}

    def obj(self, iri: str) -> dict:
        """An entity's object, made once and shared by the findings naming it (read-only)."""
        found = self._objects.get(iri)
        if found is None:
            found = self._objects[iri] = self.p.entity_obj(iri)
            project = found.get("project") if found.get("type") == "subproject" else None
            if project:
                found["project"] = self.obj(project["iri"])  # one project object for all its subprojects
        return found

    def add(self, code: str, sv: str, en: str, entity: str | None, evidence_iris: list[str],
            severity: str | None = None, **extra) -> None:
        """A finding of `code`, with the code's one severity (`ingest.records.SEVERITY`) unless given
        (a SHACL shape's, an ingest finding's under its own code)."""
        self.items.append({
            "severity": severity or severity_of(code), "code": code, "message": sv if self.lang == "sv" else en,
            "message_sv": sv, "message_en": en,
            "entity": self.obj(entity) if entity else None,
            "_evidence": evidence_iris, **extra,
        })


def _where(p: Projection, iri: str | None) -> str:
    """`DP3 i KS 2014/123` or the plan's identifier: where a fact stands."""
    if not iri:
        return ""
    n = p.node(iri)
    doc = n if n.get("kind") == "document" else p.node(n.get("doc") or "")
    ref = doc.get("identifier") or doc.get("title") or ""
    if n.get("kind") == "subproject":
        return f"DP{n.get('number')} ({ref})"
    return ref


def _dates(p: Projection, f: _Findings) -> None:
    for d in p.dates:
        if d.valid is False:
            n = p.node(d.iri)
            owner = n.get("of")
            label = n.get("label")
            what = f" ({label}, {_where(p, owner)})" if label and owner else (f" ({_where(p, d.doc)})" if d.doc else "")
            f.add("impossible-date", f"Omöjligt datum '{d.text}'{what}",
                  f"Impossible date '{d.text}'{what}", d.iri, [d.iri], date_text=d.text)
    for iri in p.of_kind("decision"):
        n = p.node(iri)
        if not n.get("date_text"):
            f.add("missing-date", f"Beslutet saknar datum ({_where(p, iri)})",
                  f"The decision has no date ({_where(p, iri)})", iri, [iri])
    for iri in p.of_kind("document"):
        if not p.node(iri).get("date") and not p.node(iri).get("date_text"):
            f.add("missing-date", f"Dokumentet saknar datum: {p.node(iri).get('title')}",
                  f"The document has no date: {p.node(iri).get('title')}", iri, [iri])
    scheduled = {of for _m, of, _d in p.edges_of("milestone_of")}
    for sp in p.of_kind("subproject"):
        if sp not in scheduled:
            f.add("missing-schedule", f"{_where(p, sp)} saknar daterad tidplan",
                  f"{_where(p, sp)} has no dated schedule", sp, [sp])


# Words of a milestone that is a decision or a step to one (folded prefixes): `Beslut i KS`,
# `Planen fastställs`, `Förslag överlämnat till kommunchefen`.
DECISION_WORDS = ("beslut", "faststall", "antag", "antas", "godkann", "forslag")


def _decision_bodies(p: Projection) -> tuple[frozenset[str], tuple[str, ...]]:
    """The abbreviations (as written) and folded names of the bodies the graph knows: a milestone
    named after one (`KS 2012-05-29`, `Kommunfullmäktige`) is that body's meeting, where it decides."""
    abbreviations, names = set(), set()
    for o in p.of_kind("organisation"):
        n = p.node(o)
        if n.get("municipality"):
            continue
        if n.get("abbreviation"):
            abbreviations.add(n["abbreviation"])
        if n.get("name") and len(n["name"]) > 3:
            names.add(fold(n["name"]))
    return frozenset(abbreviations), tuple(sorted(names))


def is_decision_milestone(label: str | None, bodies: tuple[frozenset[str], tuple[str, ...]]) -> bool:
    """A milestone that is a decision (which the deadline for decisions binds), not a date of work
    that is bound to come after the decisions (`Implementering från …`, `Genomförande …`)."""
    if not label:
        return False
    folded = fold(label)
    if any(w.startswith(DECISION_WORDS) for w in folded.split()):
        return True
    abbreviations, names = bodies
    return any(w in abbreviations for w in re.findall(r"[^\W\d_]+", label)) or any(n in folded for n in names)


def _deadlines(p: Projection, f: _Findings) -> None:
    """A decision milestone of a subproject after the date by which its plan's decisions must be taken."""
    bodies = _decision_bodies(p)
    milestones_of: dict[str, list[str]] = defaultdict(list)  # for this check only: not kept as an index
    for m, of, _d in p.edges_of("milestone_of"):
        milestones_of[of].append(m)
    for project in p.of_kind("project"):
        deadlines = [m for m in milestones_of.get(project, ())
                     if p.node(m).get("label") == DEADLINE_LABEL and p.node(m).get("date")]
        if not deadlines:
            continue
        deadline = min(deadlines, key=lambda m: p.node(m)["date"])
        limit = p.node(deadline)["date"]
        for sp in p.subprojects_of(project):
            for m in milestones_of.get(sp, ()):
                date = p.node(m).get("date")
                label = p.node(m).get("label")
                if date and len(date) == 10 and date > limit and is_decision_milestone(label, bodies):
                    f.add("milestone-after-deadline",
                          f"Milstolpen '{label}' ({date}) i {_where(p, sp)} ligger efter {limit}, då beslut senast "
                          "ska fattas",
                          f"The milestone '{label}' ({date}) of {_where(p, sp)} falls after {limit}, the date by "
                          "which the decision must be taken", m, [m, deadline], deadline=limit)


def _intentions(p: Projection, f: _Findings) -> None:
    for i in p.of_kind("intention"):
        n = p.node(i)
        by = p.in_edges(i, "addresses")
        label = f"{n.get('number')}" + (f" ({n['letter']})" if n.get("letter") else "")
        ref = _where(p, n.get("doc"))
        if not by:
            f.add("intention-unaddressed",
                  f"Intention {label} i {ref} adresseras inte av något delprojekt: {n.get('text')}",
                  f"Intention {label} in {ref} is addressed by no subproject: {n.get('text')}", i, [i])
        subs = sorted({s for s, _d in by}, key=lambda s: p.node(s).get("number") or 0)
        if len(subs) > 1:
            scopes = {s: next((d.get("scope") for x, d in by if x == s and d.get("scope")), None) for s in subs}
            unscoped = [s for s in subs if not scopes[s]]
            listing = "; ".join(f"DP{p.node(s).get('number')}: {scopes[s] or 'ingen avgränsning'}" for s in subs)
            listing_en = "; ".join(f"DP{p.node(s).get('number')}: {scopes[s] or 'no scope'}" for s in subs)
            f.add("intention-shared-unscoped" if len(unscoped) > 1 else "intention-shared",
                  f"Intention {label} i {ref} adresseras av {len(subs)} delprojekt ({listing})",
                  f"Intention {label} in {ref} is addressed by {len(subs)} subprojects ({listing_en})", i,
                  [d["node"] for _s, d in by], subprojects=[f.obj(s) for s in subs])
        if n.get("letter") and len(n["letter"]) == 1 and n["letter"].isalpha():
            expected = ord(n["letter"].lower()) - ord("a") + 1
            if expected != n.get("number"):
                f.add("intention-letter-mismatch",
                      f"Intention {n.get('number')} i {ref} har bokstaven {n['letter']}, som är nummer {expected}",
                      f"Intention {n.get('number')} in {ref} has the letter {n['letter']}, which is number {expected}",
                      i, [i])


def _subprojects(p: Projection, res: Resolution, f: _Findings, max_subprojects: int) -> None:
    known_by_project = defaultdict(dict)
    for i in p.of_kind("intention"):
        known_by_project[p.node(i).get("project")][p.node(i).get("number")] = i
    addressed = {s for s, _i, _d in p.edges_of("addresses")}
    led = {v for u, v, d in p.edges_of("member") if d.get("role") in LEADING_ROLES and p.kind(u) == "person"}
    for sp in p.of_kind("subproject"):
        n = p.node(sp)
        if sp in addressed and sp in led and not n.get("unknown_intentions"):
            continue  # nothing to say: the common case, spared the words
        where = _where(p, sp)
        if sp not in addressed and not n.get("unknown_intentions"):
            f.add("subproject-no-intention", f"{where} ({n.get('title')}) adresserar ingen intention",
                  f"{where} ({n.get('title')}) addresses no intention", sp, [sp])
        if sp not in led:
            f.add("subproject-no-leader",
                  f"{where} ({n.get('title')}) saknar uppdragsansvarig och projektledare",
                  f"{where} ({n.get('title')}) has neither an accountable owner nor a project manager", sp, [sp])
        known = sorted(known_by_project.get(n.get("project"), {}))
        for coverage, number in n.get("unknown_intentions", []):
            f.add("unknown-intention",
                  f"{where} hänvisar till intention {number}, som inte finns (planen har "
                  f"{_ranges(known) or 'inga intentioner'})",
                  f"{where} refers to intention {number}, which does not exist (the plan has "
                  f"{_ranges(known) or 'no intentions'})", sp, [coverage], number=number)
    # People in many subprojects (after resolution: one person written two ways counts once).
    # Grouped by sorting, not in a dict of dicts of sets per person: at 10 000 plans there are
    # hundreds of thousands of people, and only a few are in many subprojects.
    memberships = sorted(((res.canon(u), v, d["role"], d["node"]) for u, v, d in p.edges_of("member")
                          if p.kind(u) == "person" and p.kind(v) == "subproject"), key=itemgetter(0))
    for person, group in groupby(memberships, key=itemgetter(0)):
        rows = list(group)
        if len({v for _p, v, _r, _n in rows}) <= max_subprojects:
            continue
        subs: dict[str, set[str]] = defaultdict(set)
        for _p, v, role, _n in rows:
            subs[v].add(role)
        ordered = sorted(subs, key=lambda s: (p.node(s).get("doc") or "", p.node(s).get("number") or 0))
        listing = "; ".join(f"{_where(p, s)}: {', '.join(ROLE_LABELS.get(r, (r, r))[0] for r in sorted(subs[s]))}"
                            for s in ordered)
        listing_en = "; ".join(f"{_where(p, s)}: {', '.join(ROLE_LABELS.get(r, (r, r))[1] for r in sorted(subs[s]))}"
                               for s in ordered)
        name = p.node(person).get("name")
        f.add("person-many-subprojects",
              f"{name} ingår i {len(subs)} delprojekt (fler än {max_subprojects}): {listing}",
              f"{name} is in {len(subs)} subprojects (more than {max_subprojects}): {listing_en}", person,
              [n for _p, _v, _r, n in rows], count=len(subs),
              subprojects=[f.obj(s) | {"roles": sorted(subs[s])} for s in ordered])


def _ranges(numbers: list[int]) -> str:
    if not numbers:
        return ""
    out, start, prev = [], numbers[0], numbers[0]
    for n in numbers[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(f"{start}–{prev}" if prev > start else str(start))
        if n is not None:
            start = prev = n
    return "intention " + ", ".join(out)


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


_NUMBERED = re.compile(r"^(\d{1,2})\.\s+(.{12,})")


def _restatements(p: Projection, f: _Findings) -> None:
    """An intention restated under one number with the text of another (`2. <text of intention 3>`)."""
    subproject_of = {d["node"]: s for s, _i, d in p.edges_of("addresses")}  # coverage -> subproject
    quoted = []
    for c, quote in p.coverage_quotes:
        m = _NUMBERED.match(quote)
        if m and c in subproject_of:
            quoted.append((c, int(m.group(1)), m.group(2), subproject_of[c]))
    del subproject_of
    # The intentions of the plans that quote a numbered intention; their terms are made for one plan
    # at a time (quotes come plan by plan): at 10 000 plans the term sets of all at once were 70 MB.
    projects = {p.node(sp).get("project") for _c, _n, _t, sp in quoted}
    intentions_of: dict[str | None, list[str]] = defaultdict(list)
    for i in p.of_kind("intention"):
        if p.node(i).get("project") in projects:
            intentions_of[p.node(i).get("project")].append(i)
    current: tuple[str | None, dict[int, tuple[str, set[str]]]] = (None, {})
    for c, number, text, sp in quoted:
        project = p.node(sp).get("project")
        if current[0] != project or not current[1]:
            current = (project, {p.node(i).get("number"): (i, set(terms(p.node(i).get("text") or "")))
                                 for i in intentions_of.get(project, ())})
        known = current[1]
        if number not in known:
            continue
        said = set(terms(text))
        scores = {k: _jaccard(said, t) for k, (_i, t) in known.items()}
        best = max(scores, key=lambda k: (scores[k], -abs(k - number)))
        if best != number and scores[best] >= 0.5 and scores[best] >= scores[number] + RESTATEMENT_MARGIN:
            other = p.node(known[best][0])
            letter = f" ({other['letter']})" if other.get("letter") else ""
            f.add("intention-number-mismatch",
                  f"{_where(p, sp)} återger intention {number} med texten för intention {best}{letter}: "
                  f"”{text[:120]}”",
                  f"{_where(p, sp)} restates intention {number} with the text of intention {best}{letter}: "
                  f"”{text[:120]}”", sp, [c], number=number, matches=best)


def _ingest_findings(p: Projection, f: _Findings) -> None:
    for r in p.ingest_findings:
        code = r["code"]
        if code in _COVERED_INGEST_CODES:
            continue
        msg = r["msg"] or code
        f.add("ingest-" + code, msg, r["msg_en"] or msg, r["doc"], [r["f"]], severity=severity_of(code))


# --- SHACL ----------------------------------------------------------------------------------------------------

_SHACL_CACHE: dict[tuple, list[dict]] = {}
_SHACL_LOCK = threading.Lock()


def _file_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def shacl_results(store: GraphStore, graph_iri: str, state: tuple, shapes: Path = SHAPES_TTL) -> list[dict]:
    """pyshacl results for one document graph: `[{severity, focus, path, message_sv, message_en}]`, cached."""
    import pyshacl
    import rdflib
    from rdflib.namespace import SH

    key = (graph_iri, state, str(shapes), _file_sha(shapes), _file_sha(ONTOLOGY_TTL))
    with _SHACL_LOCK:
        if key in _SHACL_CACHE:
            return _SHACL_CACHE[key]
    data = store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}")
    shapes_graph = rdflib.Graph().parse(shapes)
    if ONTOLOGY_TTL.exists():
        # The ontology's subclass axioms and concept schemes are added to the data here: pyshacl's own
        # `ont_graph` mixing clones node by node and does not finish on styrgraf.ttl (pyshacl 0.40).
        data += rdflib.Graph().parse(ONTOLOGY_TTL)
    _conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none",
                                                advanced=True, allow_warnings=True)
    out = []
    for result in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        sev = str(report.value(result, SH.resultSeverity) or SH.Violation).rsplit("#", 1)[-1]
        messages = {m.language or "": str(m) for m in report.objects(result, SH.resultMessage)}
        out.append({
            "severity": {"Violation": "error", "Warning": "warning"}.get(sev, "info"),
            "focus": str(report.value(result, SH.focusNode)),
            "path": str(report.value(result, SH.resultPath)) if report.value(result, SH.resultPath) else None,
            "message_sv": messages.get("sv") or messages.get("") or next(iter(messages.values()), "SHACL-fel"),
            "message_en": messages.get("en") or messages.get("") or next(iter(messages.values()), "SHACL error"),
        })
    out.sort(key=lambda r: (r["focus"], r["path"] or "", r["message_sv"]))
    with _SHACL_LOCK:
        _SHACL_CACHE[key] = out
    return out


def _shacl(store: GraphStore, p: Projection, f: _Findings, shapes: Path) -> None:
    if not shapes.exists():
        return
    states = defaultdict(set)
    # Read now, not with the projection: SHACL reads the graphs as they are now, and only this check needs it.
    for g, at, sha in state_key(store):
        states[g].add((at, sha))
    for doc in p.of_kind("document"):
        graph_iri = p.node(doc).get("graph")
        if not graph_iri:
            continue
        for r in shacl_results(store, graph_iri, tuple(sorted(states.get(graph_iri, set()), key=str)), shapes):
            path = f" ({r['path'].rsplit('#', 1)[-1].rsplit('/', 1)[-1]})" if r["path"] else ""
            entity = r["focus"] if r["focus"] in p else doc
            f.add("shacl", f"SHACL: {r['message_sv']}{path}", f"SHACL: {r['message_en']}{path}",
                  entity, [r["focus"]], severity=r["severity"], focus=r["focus"], document=p.document_obj(doc))


# --- all checks --------------------------------------------------------------------------------------------------

def _all_findings(store: GraphStore, max_subprojects: int, shacl: bool, lang: str, shapes: Path) -> list[dict]:
    """Every finding, most severe first, each with the IRIs of its evidence (`_evidence`) but not the evidence."""
    p, res = load_resolution(store)
    with bulk_build():
        f = _Findings(p, lang)
        _dates(p, f)
        _deadlines(p, f)
        _intentions(p, f)
        _subprojects(p, res, f, max_subprojects)
        _restatements(p, f)
        _ingest_findings(p, f)
        if shacl:
            _shacl(store, p, f, shapes)
        f.items.sort(key=lambda x: (SEVERITIES.index(x["severity"]), x["code"], (x["entity"] or {}).get("iri") or "",
                                    x["message"]))
        return f.items


def _findings_of(store: GraphStore, max_subprojects: int, shacl: bool, lang: str, shapes: Path) -> list[dict]:
    """`_all_findings`, computed once per store generation (read-only: shared by every answer).

    Without SHACL only: SHACL results also follow the shapes file, which a store generation does not
    (they are cached per graph and shapes checksum in `shacl_results`).
    """
    if shacl:
        return _all_findings(store, max_subprojects, shacl, lang, shapes)
    return cached(store, f"checks-{max_subprojects}-{lang}",
                  lambda: _all_findings(store, max_subprojects, False, lang, shapes))


def _with_evidence(store: GraphStore, findings: list[dict], with_evidence: bool) -> list[dict]:
    """Copies of `findings` with their evidence records (or none), without the evidence IRIs."""
    ev = evidence(store, sorted({i for x in findings for i in x["_evidence"]})) if with_evidence else {}
    out = []
    for x in findings:
        shown = {k: v for k, v in x.items() if k != "_evidence"}
        if with_evidence:
            shown["evidence"] = [e for i in dict.fromkeys(x["_evidence"]) for e in ev.get(i, [])]
        out.append(shown)
    return out


def _counts(findings: list[dict]) -> dict[str, int]:
    return {s: sum(1 for x in findings if x["severity"] == s) for s in SEVERITIES}


def run_checks(store: GraphStore, max_subprojects: int = DEFAULT_MAX_SUBPROJECTS, *, shacl: bool = False,
               lang: str = "sv", with_evidence: bool = True, shapes: Path = SHAPES_TTL) -> dict:
    """All findings, most severe first: `{findings: [...], counts: {error, warning, info}}`."""
    if max_subprojects < 1:
        raise AnalysisError.of("param.at_least_one", name="max_subprojects")
    findings = _findings_of(store, max_subprojects, shacl, lang, shapes)
    return {"findings": _with_evidence(store, findings, with_evidence), "counts": _counts(findings)}


def checks_page(store: GraphStore, *, lang: str = "sv", severity: str | None = None, offset: int = 0,
                limit: int | None = None, max_subprojects: int = DEFAULT_MAX_SUBPROJECTS) -> dict:
    """A page of `run_checks`'s findings (of one severity, if given), with evidence for that page only:
    `{findings, counts (of all findings), total (of the severity asked for)}`.

    Evidence is read per finding shown: at 1 000 plans there are thousands of findings, and
    reading all their evidence took half a minute.
    """
    if max_subprojects < 1:
        raise AnalysisError.of("param.at_least_one", name="max_subprojects")
    if severity is not None and severity not in SEVERITIES:
        raise AnalysisError.of("param.severity", value=severity)
    findings = _findings_of(store, max_subprojects, False, lang, SHAPES_TTL)
    chosen = [x for x in findings if x["severity"] == severity] if severity else findings
    shown = chosen[offset:offset + limit] if limit is not None else chosen[offset:]
    return {"findings": _with_evidence(store, shown, True), "counts": _counts(findings), "total": len(chosen)}
