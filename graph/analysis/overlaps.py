"""Overlaps between subprojects: pairs that should coordinate, with a score and reasons.

A pair is a candidate when it shares something: an intention, a person, a
work both must take into account (after entity resolution), an organisation,
or similar assignment text (TF-IDF cosine, `assignments`). Candidates come from
these shared entities and from the text index, never from all pairs, and only
within one municipality for text: an entity shared by more than MAX_FANOUT
subprojects pairs none of them, and each subproject keeps its 10 most similar
texts as candidates, so the work grows linearly with the number of subprojects. Each reason carries its evidence (the
coverage, membership and consideration statements, and the sentences
compared) and a `detail` a coordination meeting can read without the PDF.

Each reason has a weight in [0, 1]; a pair's score is 1 - Π(1 - weight), so
every reason raises it and none alone reaches 1. Weights: a shared intention
0.4; a person leading both 0.3, leading one and sitting in the other 0.15,
sitting in both 0.08; a shared work 0.12 (less when many subprojects consider
it); one subproject having to consider the other 0.2, or only as one of "the
other subprojects" 0.04; a shared organisation 0.06 (0.03 through a member's
affiliation); text 0.8 × similarity. A possibly-same link counts half.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from graph.store import GraphStore

from .assignments import AssignmentModel, build_assignments
from .projection import LEADING_ROLES, ROLE_LABELS, AnalysisError, Projection, cached, evidence, subprojects_for
from .resolution import Resolution, load_resolution

W_INTENTION = 0.4
W_PERSON_BOTH_LEAD = 0.3
W_PERSON_ONE_LEADS = 0.15
W_PERSON_MEMBERS = 0.08
W_WORK = 0.12
W_DEPENDENCY = 0.2
W_SIBLINGS = 0.04
W_ORGANISATION = 0.06
W_AFFILIATION = 0.03
W_TEXT = 0.8
POSSIBLE_FACTOR = 0.5
TEXT_MIN = 0.3  # sentence similarity below this is no reason
TEXT_UNIT_TERMS = 3  # rare terms a sentence pair must share
# An entity shared by more subprojects than this is too common to pair them on (a plan every
# subproject of a municipality must consider says nothing about which two should meet).
MAX_FANOUT = 30
KINDS = ("intention", "person", "investigation", "organisation", "text")


@dataclass
class Reason:
    kind: str
    weight: float
    detail: dict[str, str]  # lang -> text
    evidence_iris: list[str] = field(default_factory=list)
    narrow: dict[str, str] = field(default_factory=dict)  # evidence iri -> sentence to narrow its quote to
    certain: bool = True
    extra: dict = field(default_factory=dict)


def _t(sv: str, en: str) -> dict[str, str]:
    return {"sv": sv, "en": en}


def _short(text: str | None, n: int = 160) -> str:
    text = (text or "").strip()
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _q(text: str) -> str:
    return f"”{text}”"


class _Labels:
    """How a subproject is named in a detail: `DP2` within one plan, `DP2 (KS 2014/201)` across plans."""

    def __init__(self, p: Projection, a: str, b: str):
        self.p = p
        self.same = p.project_of(a) == p.project_of(b) and p.project_of(a) is not None
        self.a, self.b = a, b

    def __call__(self, sp: str) -> str:
        n = self.p.node(sp)
        base = f"DP{n.get('number')}"
        if self.same:
            return base
        doc = self.p.node(n.get("doc") or "")
        return f"{base} ({doc.get('identifier') or _short(doc.get('title'), 50)})"


def _role(role: str, lang: str) -> str:
    return ROLE_LABELS.get(role, (role, role))[0 if lang == "sv" else 1]


def _memberships(p: Projection, res: Resolution) -> dict[str, dict[str, list[tuple[str, dict]]]]:
    """canonical member -> subproject -> [(member IRI, membership edge)]."""
    out: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for u, v, d in p.edges_of("member"):
        if p.kind(v) == "subproject":
            out[res.canon(u)][v].append((u, d))
    return out


def _considered(p: Projection, res: Resolution) -> dict[str, dict[str, list[tuple[str, dict]]]]:
    """canonical work -> subproject -> [(work IRI as considered, consideration edge)] (not siblings)."""
    out: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for u, v, d in p.edges_of("considers"):
        if not d.get("siblings") and p.kind(u) == "subproject":
            out[res.canon(v)][u].append((v, d))
    return out


class _Pairs:
    def __init__(self) -> None:
        self.reasons: dict[tuple[str, str], list[Reason]] = defaultdict(list)

    def add(self, a: str, b: str, reason: Reason) -> None:
        if a == b:
            return
        self.reasons[tuple(sorted((a, b)))].append(reason)


def _intention_reasons(p: Projection, pairs: _Pairs) -> None:
    for i in p.of_kind("intention"):
        subs = defaultdict(list)
        for s, d in p.in_edges(i, "addresses"):
            subs[s].append(d)
        if len(subs) > MAX_FANOUT:
            continue
        n = p.node(i)
        text = _short(n.get("text"))
        for a, b in combinations(sorted(subs), 2):
            lab = _Labels(p, a, b)
            scope = {s: next((d.get("scope") for d in subs[s] if d.get("scope")), None) for s in (a, b)}
            sv_scopes = "; ".join(f"{lab(s)}: {scope[s] or '(ingen avgränsning angiven)'}" for s in (a, b))
            en_scopes = "; ".join(f"{lab(s)}: {scope[s] or '(no scope given)'}" for s in (a, b))
            letter = f" ({n['letter']})" if n.get("letter") else ""
            pairs.add(a, b, Reason(
                "intention", W_INTENTION,
                _t(f"Båda adresserar intention {n.get('number')}{letter}: {text} — {sv_scopes}",
                   f"Both address intention {n.get('number')}{letter}: {text} — {en_scopes}"),
                [d["node"] for s in (a, b) for d in subs[s]],
                extra={"intention": p.intention_obj(i), "scopes": {p.node(s).get("number"): scope[s] for s in (a, b)}},
            ))


def _person_weight(roles_a: set[str], roles_b: set[str]) -> float:
    lead_a, lead_b = bool(roles_a & set(LEADING_ROLES)), bool(roles_b & set(LEADING_ROLES))
    if lead_a and lead_b:
        return W_PERSON_BOTH_LEAD
    if lead_a or lead_b:
        return W_PERSON_ONE_LEADS
    return W_PERSON_MEMBERS


_GROUP_ROLES = ("projektgrupp", "referensgrupp", "styrgrupp")


def _roles_text(roles: list[str], lang: str) -> str:
    """`är uppdragsansvarig`, `sitter i projektgruppen`, `is project manager`."""
    phrases = []
    for r in roles:
        word = _role(r, lang)
        if lang == "sv":
            phrases.append(f"sitter i {word}" if r in _GROUP_ROLES else ("stödjer" if r == "stod" else f"är {word}"))
        else:
            phrases.append(f"sits in {word}" if r in _GROUP_ROLES else ("supports" if r == "stod" else f"is {word}"))
    return (" och " if lang == "sv" else " and ").join(phrases)


def _person_reasons(p: Projection, res: Resolution, pairs: _Pairs) -> None:
    members = _memberships(p, res)
    for person, subs in members.items():
        if p.kind(person) != "person" or len(subs) > MAX_FANOUT:
            continue
        name = p.node(person).get("name")
        for a, b in combinations(sorted(subs), 2):
            lab = _Labels(p, a, b)
            roles = {s: sorted({d["role"] for _u, d in subs[s]}) for s in (a, b)}
            weight = _person_weight(set(roles[a]), set(roles[b]))
            written = sorted({p.node(u).get("name") for s in (a, b) for u, _d in subs[s]} - {name})
            also = f" (skrivs även {', '.join(written)})" if written else ""
            also_en = f" (also written {', '.join(written)})" if written else ""
            pairs.add(a, b, Reason(
                "person", weight,
                _t(f"{name}{also} {_roles_text(roles[a], 'sv')} i {lab(a)} och {_roles_text(roles[b], 'sv')} i {lab(b)}",
                   f"{name}{also_en} {_roles_text(roles[a], 'en')} in {lab(a)} and {_roles_text(roles[b], 'en')} in {lab(b)}"),
                [d["node"] for s in (a, b) for _u, d in subs[s]],
                extra={"person": p.person_obj(person),
                       "roles": {p.node(s).get("number"): roles[s] for s in (a, b)}},
            ))
    # People who are possibly the same: a weaker reason, shown as uncertain.
    done = set()
    for person, others in res.possible.items():
        if p.kind(person) != "person":
            continue
        for other, match in others.items():
            key = tuple(sorted((person, other)))
            if key in done:
                continue
            done.add(key)
            for a, da in members.get(person, {}).items():
                for b, db in members.get(other, {}).items():
                    if a == b:
                        continue
                    lab = _Labels(p, a, b)
                    ra, rb = sorted({d["role"] for _u, d in da}), sorted({d["role"] for _u, d in db})
                    na, nb = p.node(person).get("name"), p.node(other).get("name")
                    pairs.add(a, b, Reason(
                        "person", _person_weight(set(ra), set(rb)) * POSSIBLE_FACTOR,
                        _t(f"Möjligen samma person: {na} {_roles_text(ra, 'sv')} i {lab(a)} och {nb} "
                           f"{_roles_text(rb, 'sv')} i {lab(b)} (osäker matchning: {match.method}, "
                           f"säkerhet {match.confidence:.2f})",
                           f"Possibly the same person: {na} {_roles_text(ra, 'en')} in {lab(a)} and {nb} "
                           f"{_roles_text(rb, 'en')} in {lab(b)} (uncertain match: {match.method}, "
                           f"confidence {match.confidence:.2f})"),
                        [d["node"] for _u, d in da + db], certain=False,
                        extra={"person": p.person_obj(person), "possibly_same": p.person_obj(other)},
                    ))


def _work_reasons(p: Projection, res: Resolution, pairs: _Pairs) -> None:
    considered = _considered(p, res)
    for work, subs in considered.items():
        if p.kind(work) == "subproject":
            # A reference that resolves to a subproject: a dependency between the two.
            for s, items in subs.items():
                lab = _Labels(p, s, work)
                written = sorted({p.node(u).get("title") for u, _d in items})
                match = res.match_between(items[0][0], work)
                how = f" ({match.method}, säkerhet {match.confidence:.2f})" if match else ""
                how_en = f" ({match.method}, confidence {match.confidence:.2f})" if match else ""
                pairs.add(s, work, Reason(
                    "investigation", W_DEPENDENCY,
                    _t(f"{lab(s)} ska beakta {_q(written[0])}, som är {lab(work)} {p.node(work).get('title')}{how}",
                       f"{lab(s)} must take into account {_q(written[0])}, which is {lab(work)} "
                       f"{p.node(work).get('title')}{how_en}"),
                    [d["node"] for _u, d in items], extra={"work": p.subproject_obj(work), "dependency": True},
                ))
            continue
        if len(subs) < 2 or len(subs) > MAX_FANOUT:
            continue
        weight = W_WORK * (2 / max(2, len(subs))) ** 0.5
        title = p.node(work).get("title")
        for a, b in combinations(sorted(subs), 2):
            lab = _Labels(p, a, b)
            wa = sorted({p.node(u).get("title") for u, _d in subs[a]})
            wb = sorted({p.node(u).get("title") for u, _d in subs[b]})
            if wa == wb:
                sv = f"Båda ska beakta {_q(title)}"
                en = f"Both must take into account {_q(title)}"
            else:
                match = res.match_between(subs[a][0][0], subs[b][0][0])
                how = f"{match.method}, säkerhet {match.confidence:.2f}" if match else "samma entitet"
                how_en = f"{match.method}, confidence {match.confidence:.2f}" if match else "same entity"
                sv = (f"Båda ska beakta samma arbete: {lab(a)} skriver {_q(wa[0])}, {lab(b)} {_q(wb[0])} "
                      f"(sammanslaget: {how})")
                en = (f"Both must take into account the same work: {lab(a)} writes {_q(wa[0])}, {lab(b)} "
                      f"{_q(wb[0])} (merged: {how_en})")
            pairs.add(a, b, Reason("investigation", weight, _t(sv, en),
                                   [d["node"] for s in (a, b) for _u, d in subs[s]],
                                   extra={"work": p.work_obj(work)}))
    # Works that are possibly the same.
    done = set()
    for work, others in res.possible.items():
        if p.kind(work) != "work":
            continue
        for other, match in others.items():
            key = tuple(sorted((work, other)))
            if key in done or p.kind(other) not in ("work", "subproject"):
                continue
            done.add(key)
            for a, da in considered.get(work, {}).items():
                targets = considered.get(other, {}).items() if p.kind(other) == "work" else [(other, [])]
                for b, db in targets:
                    if a == b:
                        continue
                    lab = _Labels(p, a, b)
                    ta, tb = p.node(da[0][0]).get("title"), p.node(db[0][0] if db else other).get("title")
                    pairs.add(a, b, Reason(
                        "investigation", W_WORK * POSSIBLE_FACTOR,
                        _t(f"Möjligen samma arbete: {lab(a)} ska beakta {_q(ta)}, {lab(b)} {_q(tb)} "
                           f"(osäker matchning: {match.method}, säkerhet {match.confidence:.2f})",
                           f"Possibly the same work: {lab(a)} must take into account {_q(ta)}, {lab(b)} {_q(tb)} "
                           f"(uncertain match: {match.method}, confidence {match.confidence:.2f})"),
                        [d["node"] for _u, d in da + db], certain=False,
                        extra={"work": p.work_obj(work), "possibly_same": p.entity_obj(other)},
                    ))
    # "Övriga delprojekt": each must take the others into account.
    for u, v, d in p.edges_of("considers"):
        if d.get("siblings") and u < v:
            back = [e for e in p.out_edges(v, "considers") if e[0] == u and e[1].get("siblings")]
            lab = _Labels(p, u, v)
            who = f"{lab(u)} och {lab(v)} ska" if back else f"{lab(u)} ska"
            who_en = f"{lab(u)} and {lab(v)} must" if back else f"{lab(u)} must"
            pairs.add(u, v, Reason(
                "investigation", W_SIBLINGS,
                _t(f"{who} beakta övriga delprojekt i planen", f"{who_en} take the plan's other subprojects into account"),
                [d["node"]] + [e[1]["node"] for e in back], extra={"siblings": True},
            ))
        elif d.get("siblings") and not any(
                e[0] == u and e[1].get("siblings") for e in p.out_edges(v, "considers")):
            lab = _Labels(p, u, v)
            pairs.add(u, v, Reason(
                "investigation", W_SIBLINGS,
                _t(f"{lab(u)} ska beakta övriga delprojekt i planen", f"{lab(u)} must take the plan's other subprojects into account"),
                [d["node"]], extra={"siblings": True},
            ))


def _how(items: list[tuple[str, str, str, str]], lang: str) -> str:
    """`stöd`, `via Anna Berg och Per Ek`: how a subproject involves an organisation."""
    direct = sorted({(sv if lang == "sv" else en) for how, _e, sv, en in items if how == "direct"})
    people = sorted({(sv if lang == "sv" else en) for how, _e, sv, en in items if how == "affiliation"})
    parts = list(direct)
    if people:
        joined = ", ".join(people[:-1]) + (" och " if lang == "sv" else " and ") + people[-1] if len(people) > 1 else people[0]
        parts.append(("via " if lang == "sv" else "through ") + joined)
    return ", ".join(parts)


def _organisation_reasons(p: Projection, res: Resolution, pairs: _Pairs) -> None:
    # org -> subproject -> [(how, evidence iri, text sv, text en)]
    involved: dict[str, dict[str, list[tuple[str, str, str, str]]]] = defaultdict(lambda: defaultdict(list))
    for u, v, d in p.edges_of("member"):
        if p.kind(v) != "subproject":
            continue
        if p.kind(u) == "organisation":
            role = d.get("role", "")
            involved[res.canon(u)][v].append(("direct", d["node"], _role(role, "sv"), _role(role, "en")))
        elif p.kind(u) == "person":
            for org, _e in p.out_edges(u, "affiliated"):
                name = p.node(u).get("name")
                involved[res.canon(org)][v].append(("affiliation", d["node"], name, name))
    for org, subs in involved.items():
        if p.node(org).get("municipality") or len(subs) < 2 or len(subs) > MAX_FANOUT:
            continue
        for a, b in combinations(sorted(subs), 2):
            lab = _Labels(p, a, b)
            direct = all(any(h == "direct" for h, *_ in subs[s]) for s in (a, b))
            how_sv = "; ".join(f"{lab(s)}: {_how(subs[s], 'sv')}" for s in (a, b))
            how_en = "; ".join(f"{lab(s)}: {_how(subs[s], 'en')}" for s in (a, b))
            pairs.add(a, b, Reason(
                "organisation", W_ORGANISATION if direct else W_AFFILIATION,
                _t(f"Båda involverar {p.label(org)} ({how_sv})", f"Both involve {p.label(org)} ({how_en})"),
                [e for s in (a, b) for _h, e, *_ in subs[s]], extra={"organisation": p.organisation_obj(org)},
            ))


def _shared_intentions(p: Projection, a: str, b: str) -> frozenset[str]:
    ia = {i for i, _d in p.out_edges(a, "addresses")}
    return frozenset(ia & {i for i, _d in p.out_edges(b, "addresses")})


def _text_reasons(p: Projection, model: AssignmentModel, pairs: _Pairs) -> None:
    """Pairs with a sentence each that say much the same: cosine at least TEXT_MIN and at
    least TEXT_UNIT_TERMS shared terms that are rare in the corpus (so that shared
    background words, `kommunens näringslivsarbete`, do not make two assignments alike)."""
    groups = {sp: p.scope(sp) for sp in p.of_kind("subproject")}
    for a, b in sorted(model.candidates(groups)):
        shared = _shared_intentions(p, a, b)
        best = [(s, ua, ub, model.rare_shared(ua, ub)) for s, ua, ub in model.best_units(a, b, shared, minimum=TEXT_MIN)]
        best = [x for x in best if len(x[3]) >= TEXT_UNIT_TERMS]
        if not best:
            continue
        sim = best[0][0]
        lab = _Labels(p, a, b)
        words = list(dict.fromkeys(model.surface.get(t, t) for x in best for t in x[3]))
        quotes_sv = "; ".join(f"{lab(ua.subproject)}: {_q(_short(ua.text, 160))} — {lab(ub.subproject)}: "
                              f"{_q(_short(ub.text, 160))}" for _s, ua, ub, _r in best)
        narrow = {}
        iris = []
        for _s, ua, ub, _r in best:
            for u in (ua, ub):
                iris.append(u.evidence_iri)
                if u.source in ("title", "purpose"):
                    narrow.setdefault(u.evidence_iri + "\x1f" + u.source, u.text)
        pairs.add(a, b, Reason(
            "text", min(1.0, W_TEXT * sim),
            _t(f"Liknande uppdrag (textlikhet {sim:.2f}; gemensamma ord: {', '.join(words)}): {quotes_sv}",
               f"Similar assignments (text similarity {sim:.2f}; shared words: {', '.join(words)}): {quotes_sv}"),
            iris, narrow=narrow,
            extra={"similarity": round(sim, 3), "shared_terms": words,
                   "sentences": [{"a": ua.text, "b": ub.text, "similarity": round(s, 3)} for s, ua, ub, _r in best]},
        ))


@dataclass
class OverlapModel:
    projection: Projection
    resolution: Resolution
    reasons: dict[tuple[str, str], list[Reason]]


def overlap_model(store: GraphStore) -> OverlapModel:
    """All pairs and their reasons, computed once per state of the store."""
    def build(_state):
        p, res = load_resolution(store)
        pairs = _Pairs()
        _intention_reasons(p, pairs)
        _person_reasons(p, res, pairs)
        _work_reasons(p, res, pairs)
        _organisation_reasons(p, res, pairs)
        _text_reasons(p, build_assignments(p), pairs)
        return OverlapModel(p, res, dict(pairs.reasons))
    return cached(store, "overlaps", build)


def _score(reasons: list[Reason]) -> float:
    keep = 1.0
    for r in reasons:
        keep *= 1.0 - min(1.0, max(0.0, r.weight))
    return 1.0 - keep


def _narrowed(records: list[dict], sentence: str | None) -> list[dict]:
    """Evidence records cut to the one sentence a reason quotes, when the sentence lies within one."""
    if not sentence:
        return records
    out = []
    for e in records:
        i = e["quote"].find(sentence)
        if i >= 0:
            out.append(e | {"start": e["start"] + i, "end": e["start"] + i + len(sentence), "quote": sentence})
    return out or records


def compute_overlaps(store: GraphStore, project: str | None = None, min_score: float = 0.0, *,
                     lang: str = "sv", with_evidence: bool = True, limit: int | None = None) -> list[dict]:
    """Ranked overlaps `[{a, b, score, reasons: [{kind, detail, evidence, …}]}]`.

    `project` (id or IRI of a project, its document, or one subproject) keeps the
    pairs with at least one subproject in it; `min_score` drops weaker pairs.
    """
    if not 0.0 <= min_score <= 1.0:
        raise AnalysisError("min_score måste vara ett tal mellan 0 och 1")
    model = overlap_model(store)
    p = model.projection
    only = subprojects_for(store, p, project) if project else None
    ranked = []
    for (a, b), reasons in model.reasons.items():
        if only is not None and a not in only and b not in only:
            continue
        score = _score(reasons)
        if score + 1e-9 < min_score:
            continue
        ranked.append((score, a, b, reasons))
    ranked.sort(key=lambda x: (-x[0], p.node(x[1]).get("doc") or "", p.node(x[1]).get("number") or 0,
                               p.node(x[2]).get("number") or 0, x[1], x[2]))
    if limit:
        ranked = ranked[:limit]
    found = {}
    if with_evidence:
        found = evidence(store, sorted({i for *_x, rs in ranked for r in rs for i in r.evidence_iris}))
    out = []
    for score, a, b, reasons in ranked:
        if p.node(a).get("doc") == p.node(b).get("doc") and (p.node(b).get("number") or 0) < (p.node(a).get("number") or 0):
            a, b = b, a
        items = []
        for r in sorted(reasons, key=lambda r: (-r.weight, KINDS.index(r.kind), r.detail["sv"])):
            ev = []
            for iri in dict.fromkeys(r.evidence_iris):
                records = found.get(iri, [])
                if p.kind(iri) == "subproject":
                    for source in ("title", "purpose"):
                        sentence = r.narrow.get(iri + "\x1f" + source)
                        if sentence is None:
                            continue
                        prop = "purpose" if source == "purpose" else None
                        ev += _narrowed([e for e in records if e.get("property") == prop], sentence)
                else:
                    ev += records
            items.append({"kind": r.kind, "detail": r.detail.get(lang, r.detail["sv"]), "evidence": ev,
                          "weight": round(r.weight, 3), "certain": r.certain} | r.extra)
        out.append({"a": p.subproject_obj(a), "b": p.subproject_obj(b), "score": round(score, 3), "reasons": items})
    return out
