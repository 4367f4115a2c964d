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
affiliation; none through a person in both, who is a reason already); text 0.8 ×
similarity. A possibly-same link counts half.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from itertools import combinations, islice
from operator import itemgetter
from typing import Callable, Iterable, Iterator, NamedTuple

from styrgraf.graph.store.cache import remembered
from styrgraf.graph.store.interface import GraphStore

from styrgraf.graph.analysis.assignments import AssignmentModel, build_assignments
from styrgraf.graph.analysis.projection import LEADING_ROLES, ROLE_LABELS, AnalysisError, Projection, cached, evidence, subprojects_for
from styrgraf.graph.analysis.resolution import Resolution, load_resolution, method_label
from styrgraf.graph.wording import decimal

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
# What a person is shown unless they ask for less (`overlaps --min-score 0`): below this a pair
# shares only background (one organisation, "the other subprojects"), nothing to meet about.
DEFAULT_MIN_SCORE = 0.2
TEXT_MIN = 0.3  # sentence similarity below this is no reason
TEXT_UNIT_TERMS = 3  # rare terms a sentence pair must share
# An entity shared by more subprojects than this is too common to pair them on (a plan every
# subproject of a municipality must consider says nothing about which two should meet).
MAX_FANOUT = 30
KINDS = ("intention", "person", "investigation", "organisation", "text")


class Rendered(NamedTuple):
    detail: dict[str, str]  # lang -> text
    extra: dict  # the entities the reason names
    evidence_iris: list[str]  # the statements that show it
    narrow: dict[str, str] | None = None  # evidence iri + source -> the sentence to narrow its quote to


class Reason(tuple):
    """One reason two subprojects overlap: (kind, weight, certain, renderer, *args).

    Its words (`detail`, lang -> text), the entities it names (`extra`) and its evidence are
    made when asked for, by `render()` = renderer(*args): at 10 000 documents there are
    millions of reasons, and only the pairs a caller lists are ever read. One tuple, not an
    object holding a tuple of arguments, for the same reason; and the renderer is bound to the
    projection (`functools.partial`, once per kind), so that no reason carries it.
    """

    __slots__ = ()

    def __new__(cls, kind: str, weight: float, renderer: Callable[..., Rendered], args: tuple,
                certain: bool = True) -> "Reason":
        return tuple.__new__(cls, (kind, weight, certain, renderer, *args))

    kind = property(itemgetter(0))
    weight = property(itemgetter(1))
    certain = property(itemgetter(2))

    def render(self) -> Rendered:
        return self[3](*self[4:])


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


def _how(match, sv: str, en: str) -> dict[str, str]:
    """`(uncertain match: one title contains the other, confidence 0.85)`: a match in words, per language."""
    return {lang: f"{lead}: {method_label(match.method, lang)}, {conf} {decimal(match.confidence, lang)}"
            for lang, lead, conf in (("sv", sv, "säkerhet"), ("en", en, "confidence"))}


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
    """Reasons by pair. A pair is keyed by one int (its two subprojects' numbers in a list of them):
    at 10 000 plans there are over a million pairs, and a tuple of two IRIs per key cost memory and time."""

    def __init__(self, subprojects: list[str]) -> None:
        self.names = list(subprojects)
        self.number = {sp: i for i, sp in enumerate(self.names)}
        self.reasons: dict[int, Reason | list[Reason]] = {}

    def _new_number(self, sp: str) -> int:
        found = self.number[sp] = len(self.names)
        self.names.append(sp)
        return found

    def add(self, a: str, b: str, reason: Reason) -> None:
        if a == b:
            return
        if a > b:
            a, b = b, a
        # Called once per reason, over a million times at 10 000 plans: the key is made inline.
        number = self.number
        i = number.get(a)
        if i is None:
            i = self._new_number(a)
        j = number.get(b)
        if j is None:
            j = self._new_number(b)
        key = i << 32 | j
        found = self.reasons.get(key)
        if found is None:
            self.reasons[key] = reason  # most pairs have one reason: no list for them
        elif isinstance(found, Reason):
            self.reasons[key] = [found, reason]
        else:
            found.append(reason)

    def items(self) -> Iterator[tuple[tuple[str, str], list[Reason]]]:
        """((a, b), reasons) for every pair, a < b."""
        names = self.names
        for key, reasons in self.reasons.items():
            yield (names[key >> 32], names[key & 0xFFFFFFFF]), [reasons] if isinstance(reasons, Reason) else reasons


def _intention_reasons(p: Projection, pairs: _Pairs) -> None:
    render = partial(_render_intention, p)  # one bound renderer: a reason does not carry the projection
    for i in p.of_kind("intention"):
        subs = defaultdict(list)
        for s, d in p.in_edges(i, "addresses"):
            subs[s].append(d)
        if len(subs) > MAX_FANOUT:
            continue
        for a, b in combinations(sorted(subs), 2):
            pairs.add(a, b, Reason("intention", W_INTENTION, render, (i, a, b, subs[a], subs[b])))


def _render_intention(p: Projection, i: str, a: str, b: str, da: list[dict], db: list[dict]):
    n = p.node(i)
    text = _short(n.get("text"))
    lab = _Labels(p, a, b)
    scope = {s: next((d.get("scope") for d in ds if d.get("scope")), None) for s, ds in ((a, da), (b, db))}
    sv_scopes = "; ".join(f"{lab(s)}: {scope[s] or '(ingen avgränsning angiven)'}" for s in (a, b))
    en_scopes = "; ".join(f"{lab(s)}: {scope[s] or '(no scope given)'}" for s in (a, b))
    letter = f" ({n['letter']})" if n.get("letter") else ""
    return Rendered(_t(f"Båda adresserar intention {n.get('number')}{letter}: {text} — {sv_scopes}",
                       f"Both address intention {n.get('number')}{letter}: {text} — {en_scopes}"),
                    {"intention": p.intention_obj(i), "scopes": {p.node(s).get("number"): scope[s] for s in (a, b)}},
                    [d["node"] for d in da + db])


_LEADING = frozenset(LEADING_ROLES)


def _person_weight(roles_a: Iterable[str], roles_b: Iterable[str]) -> float:
    lead_a, lead_b = not _LEADING.isdisjoint(roles_a), not _LEADING.isdisjoint(roles_b)
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


def _person_reasons(p: Projection, res: Resolution, pairs: _Pairs, members: dict[str, dict[str, list]]) -> None:
    render, render_possible = partial(_render_person, p), partial(_render_possible_person, p)
    for person, subs in members.items():
        if p.kind(person) != "person" or len(subs) > MAX_FANOUT:
            continue
        roles = {s: sorted({d["role"] for _u, d in items}) for s, items in subs.items()}
        for a, b in combinations(sorted(subs), 2):
            pairs.add(a, b, Reason(
                "person", _person_weight(roles[a], roles[b]),
                render, (person, a, b, roles[a], roles[b], subs[a], subs[b])))
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
                    ra, rb = sorted({d["role"] for _u, d in da}), sorted({d["role"] for _u, d in db})
                    pairs.add(a, b, Reason(
                        "person", _person_weight(ra, rb) * POSSIBLE_FACTOR,
                        render_possible, (person, other, a, b, ra, rb, da, db, match), certain=False))


def _render_person(p: Projection, person: str, a: str, b: str, ra: list[str], rb: list[str], da: list, db: list):
    lab = _Labels(p, a, b)
    name = p.node(person).get("name")
    written = sorted({p.node(u).get("name") for u, _d in da + db} - {name})
    also = f" (skrivs även {', '.join(written)})" if written else ""
    also_en = f" (also written {', '.join(written)})" if written else ""
    return Rendered(_t(f"{name}{also} {_roles_text(ra, 'sv')} i {lab(a)} och {_roles_text(rb, 'sv')} i {lab(b)}",
                       f"{name}{also_en} {_roles_text(ra, 'en')} in {lab(a)} and {_roles_text(rb, 'en')} in {lab(b)}"),
                    {"person": p.person_obj(person), "roles": {p.node(a).get("number"): ra, p.node(b).get("number"): rb}},
                    [d["node"] for _u, d in da + db])


def _render_possible_person(p: Projection, person: str, other: str, a: str, b: str, ra: list[str], rb: list[str],
                            da: list, db: list, match):
    lab = _Labels(p, a, b)
    na, nb = p.node(person).get("name"), p.node(other).get("name")
    how = _how(match, "osäker matchning", "uncertain match")
    return Rendered(_t(f"Möjligen samma person: {na} {_roles_text(ra, 'sv')} i {lab(a)} och {nb} "
                       f"{_roles_text(rb, 'sv')} i {lab(b)} ({how['sv']})",
                       f"Possibly the same person: {na} {_roles_text(ra, 'en')} in {lab(a)} and {nb} "
                       f"{_roles_text(rb, 'en')} in {lab(b)} ({how['en']})"),
                    {"person": p.person_obj(person), "possibly_same": p.person_obj(other)},
                    [d["node"] for _u, d in da + db])


def _work_reasons(p: Projection, res: Resolution, pairs: _Pairs) -> None:
    considered = _considered(p, res)
    render_dependency, render_work = partial(_render_dependency, p, res), partial(_render_work, p, res)
    render_possible, render_siblings = partial(_render_possible_work, p), partial(_render_siblings, p)
    for work, subs in considered.items():
        if p.kind(work) == "subproject":
            # A reference that resolves to a subproject: a dependency between the two.
            for s, items in subs.items():
                pairs.add(s, work, Reason("investigation", W_DEPENDENCY, render_dependency, (s, work, items)))
            continue
        if len(subs) < 2 or len(subs) > MAX_FANOUT:
            continue
        weight = W_WORK * (2 / max(2, len(subs))) ** 0.5
        for a, b in combinations(sorted(subs), 2):
            pairs.add(a, b, Reason("investigation", weight, render_work, (work, a, b, subs[a], subs[b])))
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
                    pairs.add(a, b, Reason("investigation", W_WORK * POSSIBLE_FACTOR,
                                           render_possible, (work, other, a, b, da, db, match),
                                           certain=False))
    # "Övriga delprojekt": each must take the others into account.
    for u, v, d in p.edges_of("considers"):
        if not d.get("siblings"):
            continue
        back = [e for e in p.out_edges(v, "considers") if e[0] == u and e[1].get("siblings")]
        if u < v:
            pairs.add(u, v, Reason("investigation", W_SIBLINGS, render_siblings,
                                   (u, v, (d["node"], *[e[1]["node"] for e in back]))))
        elif not back:
            pairs.add(u, v, Reason("investigation", W_SIBLINGS, render_siblings, (u, v, (d["node"],))))


def _render_dependency(p: Projection, res: Resolution, s: str, work: str, items: list):
    lab = _Labels(p, s, work)
    written = sorted({p.node(u).get("title") for u, _d in items})
    match = res.match_between(items[0][0], work)
    said = _how(match, "samma arbete", "the same work") if match else None
    how, how_en = (f" ({said['sv']})", f" ({said['en']})") if said else ("", "")
    return Rendered(_t(f"{lab(s)} ska beakta {_q(written[0])}, som är {lab(work)} {p.node(work).get('title')}{how}",
                       f"{lab(s)} must take into account {_q(written[0])}, which is {lab(work)} "
                       f"{p.node(work).get('title')}{how_en}"),
                    {"work": p.subproject_obj(work), "dependency": True}, [d["node"] for _u, d in items])


def _render_work(p: Projection, res: Resolution, work: str, a: str, b: str, da: list, db: list):
    lab = _Labels(p, a, b)
    title = p.node(work).get("title")
    wa = sorted({p.node(u).get("title") for u, _d in da})
    wb = sorted({p.node(u).get("title") for u, _d in db})
    if wa == wb:
        sv = f"Båda ska beakta {_q(title)}"
        en = f"Both must take into account {_q(title)}"
    else:
        match = res.match_between(da[0][0], db[0][0])
        said = _how(match, "sammanslaget", "merged") if match else {"sv": "samma entitet", "en": "same entity"}
        sv = f"Båda ska beakta samma arbete: {lab(a)} skriver {_q(wa[0])}, {lab(b)} {_q(wb[0])} ({said['sv']})"
        en = (f"Both must take into account the same work: {lab(a)} writes {_q(wa[0])}, {lab(b)} "
              f"{_q(wb[0])} ({said['en']})")
    return Rendered(_t(sv, en), {"work": p.work_obj(work)}, [d["node"] for _u, d in da + db])


def _render_possible_work(p: Projection, work: str, other: str, a: str, b: str, da: list, db: list, match):
    lab = _Labels(p, a, b)
    ta, tb = p.node(da[0][0]).get("title"), p.node(db[0][0] if db else other).get("title")
    how = _how(match, "osäker matchning", "uncertain match")
    return Rendered(_t(f"Möjligen samma arbete: {lab(a)} ska beakta {_q(ta)}, {lab(b)} {_q(tb)} ({how['sv']})",
                       f"Possibly the same work: {lab(a)} must take into account {_q(ta)}, {lab(b)} {_q(tb)} "
                       f"({how['en']})"),
                    {"work": p.work_obj(work), "possibly_same": p.entity_obj(other)}, [d["node"] for _u, d in da + db])


def _render_siblings(p: Projection, u: str, v: str, nodes: tuple[str, ...]):
    # One consideration node each way when both say so.
    both = len(nodes) > 1
    lab = _Labels(p, u, v)
    who = f"{lab(u)} och {lab(v)} ska" if both else f"{lab(u)} ska"
    who_en = f"{lab(u)} and {lab(v)} must" if both else f"{lab(u)} must"
    return Rendered(_t(f"{who} beakta övriga delprojekt i planen",
                       f"{who_en} take the plan's other subprojects into account"), {"siblings": True}, list(nodes))


def _organisation_reasons(p: Projection, res: Resolution, pairs: _Pairs,
                          members: dict[str, dict[str, list]]) -> None:
    """Organisations two subprojects both involve. An organisation a subproject involves only through a
    person who is in both is no reason of its own: the person is already one (`members`, from
    `_memberships`), and counting the employer again would count one person twice."""
    render = partial(_render_organisation, p)
    # org -> subproject -> [(how, evidence iri, role or person)]
    involved: dict[str, dict[str, list[tuple[str, str, str]]]] = defaultdict(lambda: defaultdict(list))
    for u, v, d in p.edges_of("member"):
        if p.kind(v) != "subproject":
            continue
        if p.kind(u) == "organisation":
            involved[res.canon(u)][v].append(("direct", d["node"], d.get("role", "")))
        elif p.kind(u) == "person":
            for org, _e in p.out_edges(u, "affiliated"):
                involved[res.canon(org)][v].append(("affiliation", d["node"], u))
    for org, subs in involved.items():
        if p.node(org).get("municipality") or len(subs) < 2 or len(subs) > MAX_FANOUT:
            continue
        direct_in = {s for s, items in subs.items() if any(h == "direct" for h, *_ in items)}
        for a, b in combinations(sorted(subs), 2):
            da, db = _not_through_shared(subs[a], a, b, res, members), _not_through_shared(subs[b], a, b, res, members)
            if not da or not db:
                continue
            pairs.add(a, b, Reason(
                "organisation", W_ORGANISATION if a in direct_in and b in direct_in else W_AFFILIATION,
                render, (org, a, b, da, db)))


def _not_through_shared(items: list[tuple[str, str, str]], a: str, b: str, res: Resolution,
                        members: dict[str, dict[str, list]]) -> list[tuple[str, str, str]]:
    """A subproject's ways of involving an organisation, less those through a person in both `a` and `b`."""
    def shared(person: str) -> bool:
        subs = members.get(res.canon(person), {})
        return a in subs and b in subs
    return [x for x in items if x[0] != "affiliation" or not shared(x[2])]


def _render_organisation(p: Projection, org: str, a: str, b: str, da: list, db: list):
    lab = _Labels(p, a, b)

    def how(items: list[tuple[str, str, str]], lang: str) -> str:
        # `stöd`, `via Anna Berg och Per Ek`: how a subproject involves the organisation.
        direct = sorted({_role(x, lang) for h, _e, x in items if h == "direct"})
        people = sorted({p.node(x).get("name") for h, _e, x in items if h == "affiliation"})
        parts = list(direct)
        if people:
            joined = (", ".join(people[:-1]) + (" och " if lang == "sv" else " and ") + people[-1]
                      if len(people) > 1 else people[0])
            parts.append(("via " if lang == "sv" else "through ") + joined)
        return ", ".join(parts)

    how_sv = "; ".join(f"{lab(s)}: {how(items, 'sv')}" for s, items in ((a, da), (b, db)))
    how_en = "; ".join(f"{lab(s)}: {how(items, 'en')}" for s, items in ((a, da), (b, db)))
    return Rendered(_t(f"Båda involverar {p.label(org)} ({how_sv})", f"Both involve {p.label(org)} ({how_en})"),
                    {"organisation": p.organisation_obj(org)}, [e for _h, e, _x in da + db])


def _intentions_of(p: Projection) -> dict[str, frozenset[str]]:
    """subproject -> the intentions it addresses (only those that address any)."""
    out: dict[str, set[str]] = defaultdict(set)
    for s, i, _d in p.edges_of("addresses"):
        out[s].add(i)
    return {s: frozenset(items) for s, items in out.items()}


def _text_reasons(p: Projection, model: AssignmentModel, pairs: _Pairs) -> None:
    """Pairs with a sentence each that say much the same: cosine at least TEXT_MIN and at
    least TEXT_UNIT_TERMS shared terms that are rare in the corpus (so that shared
    background words, `kommunens näringslivsarbete`, do not make two assignments alike)."""
    render = partial(_render_text, p)
    groups = {sp: p.scope(sp) for sp in p.of_kind("subproject")}
    intentions = _intentions_of(p)
    none: frozenset[str] = frozenset()
    partners: dict[str, list[str]] = defaultdict(list)
    for a, b in model.candidates(groups):
        partners[b].append(a)
    for b in sorted(partners):
        index_b = model.term_index(b)  # made once for all of b's candidates
        for a in sorted(partners[b]):
            shared = intentions.get(a, none) & intentions.get(b, none)
            best = [(s, ua, ub, model.rare_shared(ua, ub))
                    for s, ua, ub in model.best_units(a, b, shared, minimum=TEXT_MIN, index_b=index_b)]
            best = [x for x in best if len(x[3]) >= TEXT_UNIT_TERMS]
            if not best:
                continue
            # What the words need, taken now: the model (every sentence's vector) is dropped once all pairs are found.
            words = tuple(dict.fromkeys(model.surface.get(t, t) for x in best for t in x[3]))
            pairs.add(a, b, Reason("text", min(1.0, W_TEXT * best[0][0]), render,
                                   (a, b, tuple((s, ua, ub) for s, ua, ub, _r in best), words)))


def _render_text(p: Projection, a: str, b: str, best: tuple, shared_words: tuple[str, ...]):
    sim = best[0][0]
    lab = _Labels(p, a, b)
    words = list(shared_words)
    quotes_sv = "; ".join(f"{lab(ua.subproject)}: {_q(_short(ua.text, 160))} — {lab(ub.subproject)}: "
                          f"{_q(_short(ub.text, 160))}" for _s, ua, ub in best)
    narrow: dict[str, str] = {}
    iris = []
    for _s, ua, ub in best:
        for u in (ua, ub):
            iris.append(u.evidence_iri)
            if u.source in ("title", "purpose"):
                narrow.setdefault(u.evidence_iri + "\x1f" + u.source, u.text)
    return Rendered(_t(f"Liknande uppdrag (textlikhet {decimal(sim, 'sv')}; gemensamma ord: {', '.join(words)}): "
                       f"{quotes_sv}",
                       f"Similar assignments (text similarity {decimal(sim, 'en')}; shared words: {', '.join(words)}): "
                       f"{quotes_sv}"),
                    {"similarity": round(sim, 3), "shared_terms": words,
                     "sentences": [{"a": ua.text, "b": ub.text, "similarity": round(s, 3)} for s, ua, ub in best]},
                    iris, narrow)


@dataclass
class OverlapModel:
    projection: Projection
    pairs: _Pairs

    def items(self) -> Iterator[tuple[tuple[str, str], list[Reason]]]:
        """((a, b), reasons) for every overlapping pair."""
        return self.pairs.items()

    def __len__(self) -> int:
        return len(self.pairs.reasons)


def overlap_model(store: GraphStore) -> OverlapModel:
    """All pairs and their reasons, computed once per state of the store."""
    def build():
        p, res = load_resolution(store)
        pairs = _Pairs(p.of_kind("subproject"))
        # Text first: its model (every sentence's vector) is the largest thing built here, and is
        # dropped before the other reasons add their million pairs.
        _text_reasons(p, build_assignments(p), pairs)
        _intention_reasons(p, pairs)
        members = _memberships(p, res)
        _person_reasons(p, res, pairs, members)
        _work_reasons(p, res, pairs)
        _organisation_reasons(p, res, pairs, members)
        return OverlapModel(p, pairs)
    return cached(store, "overlaps", build)


def _score(reasons: list[Reason]) -> float:
    keep = 1.0
    # In a fixed order: the same reasons found in another order give the same bits.
    for w in sorted(r.weight for r in reasons):
        keep *= 1.0 - min(1.0, max(0.0, w))
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


class _Ranked(NamedTuple):
    """Every pair, strongest first (`pairs`: (score, a, b, reasons)), and their negated scores in
    the same order (`keys`, ascending: the pairs scoring at least x are a prefix found by bisection)."""
    pairs: list[tuple[float, str, str, list[Reason]]]
    keys: list[float]


def _ranked(store: GraphStore) -> _Ranked:
    """All pairs ranked once per state of the store: a page of them, or how many score enough,
    is then a prefix, not a pass over every pair scoring each (seconds at 1 000 plans)."""
    model = overlap_model(store)
    p = model.projection

    def rank(x: tuple) -> tuple:
        return (-x[0], p.node(x[1]).get("doc") or "", p.node(x[1]).get("number") or 0,
                p.node(x[2]).get("number") or 0, x[1], x[2])

    def build() -> _Ranked:
        pairs = sorted(((_score(reasons), a, b, reasons) for (a, b), reasons in model.items()), key=rank)
        return _Ranked(pairs, [-score for score, _a, _b, _r in pairs])
    return cached(store, "overlaps-ranked", build)


def _scoring_at_least(ranked: _Ranked, min_score: float) -> list[tuple[float, str, str, list[Reason]]]:
    return ranked.pairs[:bisect_right(ranked.keys, -min_score + 1e-9)]


def count_overlaps(store: GraphStore, project: str | None = None, min_score: float = 0.0) -> int:
    """How many pairs `compute_overlaps` would rank without a limit (the total of a page of them)."""
    ranked = _ranked(store)
    if not project:
        return bisect_right(ranked.keys, -min_score + 1e-9)
    only = subprojects_for(store, overlap_model(store).projection, project)
    return sum(1 for _s, a, b, _r in _scoring_at_least(ranked, min_score) if a in only or b in only)


def overlaps_answer(store: GraphStore, project: str | None = None, min_score: float = DEFAULT_MIN_SCORE, *,
                    lang: str = "sv", limit: int | None = None, offset: int = 0) -> dict:
    """What `overlaps` answers: the ranked pairs from `offset` (at most `limit`) scoring at least `min_score`,
    `total` (how many score that much) and `hidden` (how many score less and are left out):
    `{min_score, total, hidden, overlaps}`."""
    ranked = compute_overlaps(store, project, min_score, lang=lang, limit=None if limit is None else offset + limit)
    total = count_overlaps(store, project, min_score)
    hidden = count_overlaps(store, project, 0.0) - total if min_score > 0 else 0
    return {"min_score": min_score, "total": total, "hidden": hidden, "overlaps": ranked[offset:]}


def compute_overlaps(store: GraphStore, project: str | None = None, min_score: float = 0.0, *,
                     lang: str = "sv", with_evidence: bool = True, limit: int | None = None) -> list[dict]:
    """Ranked overlaps `[{a, b, score, reasons: [{kind, detail, evidence, …}]}]`.

    `project` (id or IRI of a project, its document, or one subproject) keeps the
    pairs with at least one subproject in it; `min_score` drops weaker pairs.
    """
    if not 0.0 <= min_score <= 1.0:
        raise AnalysisError.of("param.share", name="min_score")
    if limit is None:
        return _ranked_overlaps(store, project, min_score, lang, with_evidence, None)
    # A page of them (what the web page and the API show) is kept per store generation: reading its
    # evidence takes a second at 1 000 plans. Shared: not to be changed by the caller.
    return remembered(store, "overlaps", (project, min_score, lang, with_evidence, limit),
                      lambda: _ranked_overlaps(store, project, min_score, lang, with_evidence, limit))


def _ranked_overlaps(store: GraphStore, project: str | None, min_score: float, lang: str, with_evidence: bool,
                     limit: int | None) -> list[dict]:
    model = overlap_model(store)
    p = model.projection
    only = subprojects_for(store, p, project) if project else None
    candidates = _scoring_at_least(_ranked(store), min_score)
    if only is not None:
        candidates = (x for x in candidates if x[1] in only or x[2] in only)
    ranked = list(islice(candidates, limit) if limit else candidates)
    # Each listed reason is rendered once: its words, the entities it names, its evidence.
    rendered = [[(r, r.render()) for r in reasons] for _score_, _a, _b, reasons in ranked]
    found = {}
    if with_evidence:
        found = evidence(store, sorted({i for items in rendered for _r, x in items for i in x.evidence_iris}))
    out = []
    for (score, a, b, _reasons), reasons_rendered in zip(ranked, rendered):
        if p.node(a).get("doc") == p.node(b).get("doc") and (p.node(b).get("number") or 0) < (p.node(a).get("number") or 0):
            a, b = b, a
        items = []
        for r, x in sorted(reasons_rendered, key=lambda y: (-y[0].weight, KINDS.index(y[0].kind), y[1].detail["sv"])):
            detail, extra = x.detail, x.extra
            ev = []
            for iri in dict.fromkeys(x.evidence_iris):
                records = found.get(iri, [])
                if p.kind(iri) == "subproject":
                    for source in ("title", "purpose"):
                        sentence = (x.narrow or {}).get(iri + "\x1f" + source)
                        if sentence is None:
                            continue
                        prop = "purpose" if source == "purpose" else None
                        ev += _narrowed([e for e in records if e.get("property") == prop], sentence)
                else:
                    ev += records
            items.append({"kind": r.kind, "detail": detail.get(lang, detail["sv"]), "evidence": ev,
                          "weight": round(r.weight, 3), "certain": r.certain} | extra)
        out.append({"a": p.subproject_obj(a), "b": p.subproject_obj(b), "score": round(score, 3), "reasons": items})
    return out
