"""The read side of meetings: the minutes' cover and paragraphs, as plain data.

A meeting is written by `ingest.rdf_meetings` as an `sg:Meeting` recorded by a minutes document
(`sg:records`), associated with the body that met; who took part is a `sg:MeetingParticipation`
(`prov:qualifiedAssociation`) with its roles, and each paragraph an `sg:MeetingParagraph` with its
decision, proposal, motions (`sg:Motion`: movers, kind, what was moved), votes (`sg:Vote`),
reservations and recipients. Every fact carries the evidence written
for its property (`sg:property` of the annotation), so that a cover's place and time is quoted
from where it stands and not from the whole cover.

Like `graph.queries`, a meeting is read in a few batched queries whatever its size (its IRI is a
constant in the patterns); client text never enters a query: ids go through `resolve_ref`, and the
body and date filters are compared here, after the query.
"""
from __future__ import annotations

import datetime as dt
import re

from styrgraf.ontology.terms import DCTERMS, PROV, RDF, SG, sparql_prefixes

from styrgraf.graph.describe import describe, evidence, integer, iri_values, properties, resolve_ref, text
from styrgraf.graph.entities import entity_id, entity_type
from styrgraf.graph.queries import NotFound, Page, role_object, window
from styrgraf.graph.store.cache import cached
from styrgraf.graph.store.interface import GraphStore
from styrgraf.graph.swedish import fold, words

P = sparql_prefixes()

# The order roles are listed in when a participant holds several (chair first, then how they took part).
ROLE_ORDER = ("ordforande", "viceordforande", "ledamot", "ersattare", "deltagare", "justerare", "sekreterare")


def _rank(key: str) -> int:
    return ROLE_ORDER.index(key) if key in ROLE_ORDER else len(ROLE_ORDER)


# -- evidence by property ---------------------------------------------------------------------------------------

def _of(items: list[dict], prop: str | None) -> list[dict]:
    """The evidence written for one property (`None`: for the entity as a whole)."""
    return [e for e in items if e.get("property") == prop]


def _quoting(items: list[dict], prop: str, value: str) -> list[dict]:
    """The evidence of a property with several values (motions, recipients) that quotes this value."""
    mine = [e for e in _of(items, prop) if " ".join(e["quote"].split()) == value]
    return mine or [e for e in _of(items, prop) if value in " ".join(e["quote"].split())]


# -- bodies ------------------------------------------------------------------------------------------------------

def _body_keys(body: dict | None) -> set[str]:
    """What a body can be named by: its name, abbreviation and id, folded."""
    if not body:
        return set()
    keys = {fold(body.get("name") or ""), fold(body.get("abbreviation") or ""), fold(body.get("id") or "")}
    return {k for k in keys if k}


def body_matches(body: dict | None, name: str) -> bool:
    """Whether a body is the one named (`KS`, `kommunstyrelsen`, the genitive `kommunstyrelsens`)."""
    wanted = " ".join(words(name))
    keys = {" ".join(words(k)) for k in _body_keys(body)}
    return bool(wanted) and (wanted in keys or (wanted.endswith("s") and wanted[:-1] in keys))


# -- the list ----------------------------------------------------------------------------------------------------

def _meeting_rows(store: GraphStore) -> list[dict]:
    """Every meeting with its date, document, body, place and number of paragraphs (cached)."""
    def build(s: GraphStore) -> list[dict]:
        rows = s.select(P + """
            SELECT ?m ?date ?dateText ?doc ?doctype ?body ?place (COUNT(DISTINCT ?p) AS ?n) WHERE {
              ?m a sg:Meeting .
              OPTIONAL { ?m dcterms:date ?date } OPTIONAL { ?m sg:dateText ?dateText }
              OPTIONAL { ?m dcterms:source ?doc . OPTIONAL { ?doc dcterms:type ?doctype } }
              OPTIONAL { ?m prov:wasAssociatedWith ?body . ?body a org:Organization }
              OPTIONAL { ?m sg:placeAndTime ?place }
              OPTIONAL { ?m sg:hasParagraph ?p }
            } GROUP BY ?m ?date ?dateText ?doc ?doctype ?body ?place""")
        out: dict[str, dict] = {}
        for r in sorted(rows, key=lambda r: tuple(str(v) for v in r.values())):
            out.setdefault(str(r["m"]), {
                "iri": str(r["m"]), "date": text(r.get("date")) or text(r.get("dateText")), "document": text(r.get("doc")),
                "doctype": text(r.get("doctype")), "body": text(r.get("body")), "place": text(r.get("place")),
                "paragraphs": integer(r.get("n")) or 0})
        return list(out.values())
    return cached(store, "meeting-rows", build)


def _check_date(date: str | None) -> str | None:
    if date is None:
        return None
    try:
        return dt.date.fromisoformat(date).isoformat()
    except ValueError:
        raise ValueError(f"Ogiltigt datum: {date} finns inte.") from None


def find_meetings(store: GraphStore, body: str | None = None, date: str | None = None) -> list[dict]:
    """The meetings (as list items, without evidence) of the body named, on the date (ISO), by date."""
    date = _check_date(date)
    rows = _meeting_rows(store)
    d = describe(store, {r[k] for r in rows for k in ("body", "document") if r[k]})
    items = []
    for r in rows:
        b = d.get(r["body"])
        if body is not None and not body_matches(b, body):
            continue
        if date is not None and r["date"] != date:
            continue
        items.append({
            "type": "meeting", "id": entity_id(r["iri"]), "iri": r["iri"], "date": r["date"], "body": b,
            "place": r["place"], "document": d.get(r["document"]), "extract": _is_extract(r["doctype"]),
            "paragraphs": r["paragraphs"]})
    items.sort(key=lambda m: (m["date"] or "", (m["body"] or {}).get("name") or "", m["iri"]))
    return items


def _is_extract(doctype: str | None) -> bool:
    return bool(doctype) and doctype.endswith("doctype-protokollsutdrag")


def meetings_page(store: GraphStore, body: str | None = None, date: str | None = None, offset: int = 0,
                  limit: int | None = None) -> Page:
    """A page of `meetings`: evidence is read for the page's meetings only."""
    found = find_meetings(store, body, date)
    items = found[window(offset, limit)]
    ev = evidence(store, [m["iri"] for m in items])
    return Page([dict(m, evidence=_of(ev.get(m["iri"], []), None)) for m in items], len(found), offset, limit)


def meetings(store: GraphStore, body: str | None = None, date: str | None = None) -> list[dict]:
    """Stored meetings: body, date, place, document and number of paragraphs, with evidence."""
    return meetings_page(store, body, date).items


# -- one meeting -------------------------------------------------------------------------------------------------

def require_meeting(store: GraphStore, ref: str) -> str:
    """The meeting an id names: a meeting's id or IRI, or the id of the minutes that record it."""
    iri = resolve_ref(store, ref, ("meeting",))
    if iri is None:
        doc = resolve_ref(store, ref, ("document",))
        if doc is not None:
            rows = store.select(P + f"SELECT ?m WHERE {{ <{doc}> sg:records ?m }} ORDER BY ?m LIMIT 1")
            iri = str(rows[0]["m"]) if rows else None
    if iri is None:
        raise NotFound.of("meeting.missing", ref=ref)
    return iri


def _first(props: dict, prop) -> object | None:
    values = sorted(props.get(str(prop), []), key=str)
    return values[0] if values else None


def _all(props: dict, prop) -> list:
    return sorted(dict.fromkeys(props.get(str(prop), [])), key=str)


def _fact(props: dict, prop, ev: list[dict], key: str) -> dict | None:
    value = _first(props, prop)
    return None if value is None else {"text": str(value), "evidence": _of(ev, key)}


def meeting(store: GraphStore, ref: str) -> dict:
    """One meeting: its cover, its participants with their roles and its paragraphs, each with evidence."""
    return meetings_by_iri(store, [require_meeting(store, ref)])[0]


def meetings_by_iri(store: GraphStore, iris: list[str]) -> list[dict]:
    """Whole meetings (as `meeting`) of stored meeting IRIs, in the order given."""
    if not iris:
        return []
    mp = properties(store, iris)
    parts = _participations(store, iris)
    paragraphs = [str(p) for m in iris for p in _all(mp.get(m, {}), SG.hasParagraph)]
    pp = properties(store, paragraphs)
    reservations = [str(x) for p in paragraphs for x in _all(pp.get(p, {}), SG.reservation)]
    motions = [str(x) for p in paragraphs for x in _all(pp.get(p, {}), SG.hasMotion)]
    votes = [str(x) for p in paragraphs for x in _all(pp.get(p, {}), SG.hasVote)]
    decisions = [str(x) for p in paragraphs for x in _all(pp.get(p, {}), SG.decision)]
    rp = properties(store, reservations + motions + votes + decisions)
    points = [str(x) for dcs in decisions for x in _all(rp.get(dcs, {}), SG.hasPoint)]
    ptp = properties(store, points, (SG.number, RDF.value))
    agents = [r[k] for r in parts for k in ("agent", "replaces") if r.get(k)]
    members = [str(x) for r in reservations for x in _all(rp.get(r, {}), SG.reservingMember)]
    members += [str(x) for r in motions for x in _all(rp.get(r, {}), SG.mover)]
    people = properties(store, agents + members, (SG.party, SG.jobTitle))
    refs = [str(x) for m in iris for x in _all(mp.get(m, {}), PROV.wasAssociatedWith) + _all(mp.get(m, {}), DCTERMS.source)]
    d = describe(store, refs + agents + members + decisions)
    ev = evidence(store, iris + [r["a"] for r in parts] + paragraphs + reservations + motions + votes + decisions
                  + points)

    def person(iri: str | None) -> dict | None:
        if not iri or d.get(iri) is None:
            return None
        props = people.get(iri, {})
        party, title = _first(props, SG.party), _first(props, SG.jobTitle)
        return dict(d[iri], party=text(party), title=text(title))

    def decision(iri: str) -> dict:
        props = rp.get(iri, {})
        pts = sorted(({"type": "decision_point", "id": entity_id(p), "iri": p,
                       "number": integer(_first(ptp.get(p, {}), SG.number)),
                       "text": text(_first(ptp.get(p, {}), RDF.value)), "evidence": ev.get(p, [])}
                      for p in _all(props, SG.hasPoint) for p in [str(p)]),
                     key=lambda x: (x["number"] or 0, x["iri"]))
        return dict(d[iri], text=text(_first(props, DCTERMS.description)), points=pts, evidence=ev.get(iri, []))

    def reservation(iri: str) -> dict:
        props = rp.get(iri, {})
        return {"type": "reservation", "id": entity_id(iri), "iri": iri,
                "text": text(_first(props, DCTERMS.description)),
                "members": sorted((person(str(x)) for x in _all(props, SG.reservingMember) if person(str(x))),
                                  key=lambda p: (p["name"] or "", p["iri"])),
                "parties": [str(x) for x in _all(props, SG.reservingParty)], "evidence": ev.get(iri, [])}

    def motion(iri: str) -> dict:
        props = rp.get(iri, {})
        return {"type": "motion", "id": entity_id(iri), "iri": iri, "text": text(_first(props, DCTERMS.description)),
                "kind": text(_first(props, SG.motionKind)), "proposal": text(_first(props, SG.motionProposal)),
                "movers": sorted((person(str(x)) for x in _all(props, SG.mover) if person(str(x))),
                                 key=lambda p: (p["name"] or "", p["iri"])),
                "parties": [str(x) for x in _all(props, SG.moverParty)], "evidence": ev.get(iri, [])}

    def vote(iri: str) -> dict:
        props = rp.get(iri, {})
        return {"type": "vote", "id": entity_id(iri), "iri": iri, "text": text(_first(props, DCTERMS.description)),
                "adopted": text(_first(props, SG.adoptedProposal)), "yes": integer(_first(props, SG.yesVotes)),
                "no": integer(_first(props, SG.noVotes)), "abstained": integer(_first(props, SG.abstentions)),
                "evidence": ev.get(iri, [])}

    def in_order(items: list[dict]) -> list[dict]:
        # In the order written: the minutes list motions, votes and recipients in an order of their own.
        return sorted(items, key=lambda f: (_position(f["evidence"]), f.get("iri") or ""))

    def paragraph(iri: str) -> dict:
        props = pp.get(iri, {})
        pev = ev.get(iri, [])
        sent = in_order([{"text": str(x), "evidence": _quoting(pev, "sentTo", str(x))} for x in _all(props, SG.sentTo)])
        dec = _first(props, SG.decision)
        return {
            "type": "paragraph", "id": entity_id(iri), "iri": iri,
            "number": text(_first(props, SG.paragraphNumber)), "ordinal": integer(_first(props, SG.number)),
            "title": text(_first(props, DCTERMS.title)), "title_evidence": _of(pev, "title"),
            "identifier": text(_first(props, DCTERMS.identifier)), "identifier_evidence": _of(pev, "identifier"),
            "decision": decision(str(dec)) if dec is not None and d.get(str(dec)) else None,
            "proposal": _fact(props, SG.proposal, pev, "proposal"),
            "motions": in_order([motion(str(x)) for x in _all(props, SG.hasMotion)]),
            "votes": in_order([vote(str(x)) for x in _all(props, SG.hasVote)]),
            "reservations": sorted((reservation(str(x)) for x in _all(props, SG.reservation)),
                                   key=lambda r: _position(r["evidence"])),
            "sent_to": sent, "evidence": _of(pev, None),
        }

    doctypes = {r["iri"]: r["doctype"] for r in _meeting_rows(store)}
    out = []
    for m in iris:
        props = mp.get(m, {})
        mev = ev.get(m, [])
        body = next((d[str(x)] for x in _all(props, PROV.wasAssociatedWith) if entity_type(str(x)) == "organisation"), None)
        doc = next((d[str(x)] for x in _all(props, DCTERMS.source) if d.get(str(x))), None)
        mine = [r for r in parts if r["m"] == m]
        paras = sorted((paragraph(str(p)) for p in _all(props, SG.hasParagraph)),
                       key=lambda p: (p["ordinal"] is None, p["ordinal"] or 0, p["number"] or "", p["iri"]))
        date = text(_first(props, DCTERMS.date)) or text(_first(props, SG.dateText))
        rng = _fact(props, SG.paragraphRange, mev, "paragraphRange")
        if rng is not None:
            rng.update(first=integer(_first(props, SG.firstParagraph)), last=integer(_first(props, SG.lastParagraph)))
        out.append({
            "type": "meeting", "id": entity_id(m), "iri": m, "date": date, "date_evidence": _of(mev, "date"),
            "body": body, "document": doc, "extract": _is_extract(doctypes.get(m)),
            "place_time": _fact(props, SG.placeAndTime, mev, "placeAndTime"),
            "place": _fact(props, SG.place, mev, "place"),
            "time": _fact(props, SG.meetingTime, mev, "meetingTime"),
            "adjustment": _fact(props, SG.adjustment, mev, "adjustment"),
            "paragraph_range": rng,
            "first_paragraph": integer(_first(props, SG.firstParagraph)),
            "last_paragraph": integer(_first(props, SG.lastParagraph)),
            "notice_posted": _dated(props, SG.noticePosted, mev, "noticePosted"),
            "notice_removed": _dated(props, SG.noticeRemoved, mev, "noticeRemoved"),
            "participants": _participants(mine, person, ev),
            "paragraphs": paras,
            "evidence": _of(mev, None),
        })
    return out


def _dated(props: dict, prop, ev: list[dict], key: str) -> dict | None:
    value = _first(props, prop)
    return None if value is None else {"date": str(value), "evidence": _of(ev, key)}


def _position(items: list[dict]) -> tuple:
    first = items[0] if items else {}
    return (first.get("page") or 0, first.get("start") or 0)


def _participations(store: GraphStore, iris: list[str]) -> list[dict]:
    """One row per participation of the meetings: the person, roles, the text listed under, whom
    a substitute replaces and the paragraphs attended."""
    rows = []
    for m in iris:
        found = store.select(P + f"""
            SELECT ?a ?agent ?role ?text ?replaces ?paras WHERE {{
              <{m}> prov:qualifiedAssociation ?a . ?a a sg:MeetingParticipation ; prov:agent ?agent .
              OPTIONAL {{ ?a prov:hadRole ?role }} OPTIONAL {{ ?a sg:attendanceText ?text }}
              OPTIONAL {{ ?a sg:replaces ?replaces }} OPTIONAL {{ ?a sg:attendedParagraphs ?paras }}
            }}""")
        rows += [dict(r, m=m) for r in found]
    out: dict[str, dict] = {}
    for r in rows:
        a = str(r["a"])
        item = out.setdefault(a, {"a": a, "m": r["m"], "agent": str(r["agent"]), "roles": set(), "text": None,
                                  "replaces": None, "paras": None})
        if r.get("role"):
            item["roles"].add(str(r["role"]))
        item["text"] = item["text"] or text(r.get("text"))
        item["replaces"] = item["replaces"] or text(r.get("replaces"))
        item["paras"] = item["paras"] or text(r.get("paras"))
    return list(out.values())


def _participants(rows: list[dict], person, ev: dict) -> list[dict]:
    out = []
    for r in rows:
        roles = sorted((role_object(x) for x in r["roles"]), key=lambda x: _rank(x["key"]))
        out.append({"type": "participation", "id": entity_id(r["a"]), "iri": r["a"], "person": person(r["agent"]),
                    "roles": roles, "role_text": r["text"], "replaces": person(r["replaces"]),
                    "paragraphs": r["paras"], "evidence": ev.get(r["a"], [])})
    # In the order of the cover.
    out.sort(key=lambda p: (_position(p["evidence"]), p["iri"]))
    return out


def with_role(meeting_data: dict, role: str) -> list[dict]:
    """The participants of a meeting (as `meeting` gives it) who held `role` (a key of ingest.roles.ROLES)."""
    return [p for p in meeting_data["participants"] if any(r["key"] == role for r in p["roles"])]


# -- paragraphs by case ------------------------------------------------------------------------------------------

def case_key(identifier: str) -> str:
    """A case number compared whatever its spacing, case and separators (`KS 2022/140`, `ks-2022/140`)."""
    return re.sub(r"[^0-9a-z/]+", "", fold(identifier)).replace("/", "-")


def _paragraph_cases(store: GraphStore) -> dict[str, list[tuple[str, str]]]:
    """Case key -> (meeting, paragraph) of every paragraph that names a case (cached)."""
    def build(s: GraphStore) -> dict[str, list[tuple[str, str]]]:
        rows = s.select(P + "SELECT DISTINCT ?m ?p ?dnr WHERE { ?m sg:hasParagraph ?p . ?p dcterms:identifier ?dnr }")
        out: dict[str, list[tuple[str, str]]] = {}
        for r in sorted(rows, key=lambda r: (str(r["m"]), str(r["p"]))):
            out.setdefault(case_key(str(r["dnr"])), []).append((str(r["m"]), str(r["p"])))
        return out
    return cached(store, "meeting-paragraph-cases", build)


def paragraphs_for_case(store: GraphStore, identifier: str) -> list[dict]:
    """The paragraphs of every stored meeting that concern a case, each with its meeting (without its
    participants and paragraphs), by meeting date."""
    hits = _paragraph_cases(store).get(case_key(identifier), [])
    wanted = {p for _, p in hits}
    found = meetings_by_iri(store, sorted({m for m, _ in hits}))
    out = []
    for m in found:
        summary = {k: m[k] for k in ("type", "id", "iri", "date", "body", "document", "extract")}
        out += [dict(p, meeting=summary) for p in m["paragraphs"] if p["iri"] in wanted]
    out.sort(key=lambda p: (p["meeting"]["date"] or "", p["meeting"]["iri"], p["ordinal"] or 0))
    return out


# -- a person's reservations ---------------------------------------------------------------------------------

def reservations_by(store: GraphStore, people: list[str]) -> list[dict]:
    """The reservations the people (stored person IRIs, one identity's nodes) took part in: each
    `{meeting, paragraph, text, evidence}`, by meeting date and paragraph."""
    if not people:
        return []
    rows = store.select(P + f"""SELECT DISTINCT ?m ?p ?r WHERE {{ VALUES ?who {{ {iri_values(people)} }}
        ?r sg:reservingMember ?who . ?p sg:reservation ?r . ?m sg:hasParagraph ?p }}""")
    if not rows:
        return []
    meetings_ = {str(r["m"]) for r in rows}
    props = properties(store, [str(r["p"]) for r in rows] + [str(r["r"]) for r in rows],
                       (SG.paragraphNumber, DCTERMS.title, DCTERMS.identifier, DCTERMS.description))
    d = describe(store, meetings_)
    body = properties(store, meetings_, (PROV.wasAssociatedWith, DCTERMS.date))
    bodies = describe(store, [str(x) for m in meetings_ for x in _all(body.get(m, {}), PROV.wasAssociatedWith)])
    ev = evidence(store, [str(r["r"]) for r in rows])
    out = []
    for r in rows:
        m, p, x = str(r["m"]), str(r["p"]), str(r["r"])
        org = next((bodies[str(b)] for b in _all(body.get(m, {}), PROV.wasAssociatedWith)
                    if entity_type(str(b)) == "organisation"), None)
        meeting_obj = dict(d[m], body=org, date=text(_first(body.get(m, {}), DCTERMS.date)))
        out.append({"meeting": meeting_obj, "paragraph": {
            "number": text(_first(props.get(p, {}), SG.paragraphNumber)),
            "title": text(_first(props.get(p, {}), DCTERMS.title)),
            "identifier": text(_first(props.get(p, {}), DCTERMS.identifier))},
            "text": text(_first(props.get(x, {}), DCTERMS.description)), "evidence": ev.get(x, [])})
    out.sort(key=lambda x: (x["meeting"]["date"] or "", x["meeting"]["iri"], x["paragraph"]["number"] or ""))
    return out
