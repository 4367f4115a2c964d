"""The meeting minutes record, in RDF (called from ingest.to_rdf).

A meeting is an `sg:Meeting` (a `prov:Activity` associated with the body that met), with its
date, place and time, adjustment, paragraph range and notice dates, each with evidence. Who took
part is a qualified association (`prov:qualifiedAssociation` → `sg:MeetingParticipation`, a
`prov:Association` with `prov:agent` and `prov:hadRole` a concept of sg:RoleScheme): attending a
meeting, serving as a substitute or adjusting its minutes is held for that meeting, not as a
membership of the body. Each paragraph is an `sg:MeetingParagraph` whose decision is the
document's `sg:Decision` with its points; its motions are `sg:Motion`s (mover, party, kind, what
was moved), its votes `sg:Vote`s (the proposal found adopted, the votes counted), its reservations
`sg:Reservation`s.
"""
from __future__ import annotations

from rdflib import Literal, URIRef

from styrgraf.ingest.records import PlanRecords
from styrgraf.ontology.terms import DCTERMS, FOAF, PROV, RDF, SG, XSD, role_concept


def write_meeting(w, records: PlanRecords, doc: URIRef, people: dict, orgs: dict, decisions: dict) -> None:
    """Triples and evidence of `records.meeting` through the RDF writer `w` (ingest.to_rdf._Writer)."""
    meeting = records.meeting
    if meeting is None:
        return
    m = w.m
    s = URIRef(m.local("meeting"))
    w.add(s, RDF.type, SG.Meeting)
    w.add(s, RDF.type, PROV.Activity)
    w.add(s, DCTERMS.source, doc)
    w.add(doc, SG.records, s)
    if meeting.body in orgs:
        w.add(s, PROV.wasAssociatedWith, orgs[meeting.body])
    w.date(s, meeting.date)
    w.evidence(s, meeting.date_evidence, DCTERMS.date)
    w.evidence(s, meeting.evidence)
    for prop, fact in ((SG.placeAndTime, meeting.place_time), (SG.place, meeting.place), (SG.meetingTime, meeting.time),
                       (SG.adjustment, meeting.adjustment), (SG.paragraphRange, meeting.paragraph_range)):
        if fact:
            w.add(s, prop, Literal(fact.text))
            w.evidence(s, fact.evidence, prop)
    w.add(s, SG.firstParagraph, meeting.first_paragraph)
    w.add(s, SG.lastParagraph, meeting.last_paragraph)
    for prop, dated in ((SG.noticePosted, meeting.notice_posted), (SG.noticeRemoved, meeting.notice_removed)):
        if dated and dated.value.valid and dated.value.iso and dated.value.precision == "day":
            w.add(s, prop, Literal(dated.value.iso, datatype=XSD.date))
            w.evidence(s, dated.evidence, prop)
    _participants(w, s, meeting, _people(w, people, meeting))
    for p in meeting.paragraphs:
        _paragraph(w, s, doc, p, people, decisions)


def _people(w, people: dict, meeting) -> dict:
    """The persons the meeting names, with those only named as the members a substitute stands in for."""
    out = dict(people)
    for part in meeting.participants:
        if part.replaces and part.replaces not in out:
            node = URIRef(w.m.shared("person", part.replaces))
            w.add(node, RDF.type, FOAF.Person)
            w.add(node, FOAF.name, Literal(part.replaces))
            w.evidence(node, part.evidence)
            out[part.replaces] = node
    return out


def _participants(w, meeting_node, meeting, people: dict) -> None:
    for part in meeting.participants:
        if part.name not in people:
            continue
        n = URIRef(w.m.local("participation", part.name))
        w.add(meeting_node, PROV.qualifiedAssociation, n)
        w.add(meeting_node, PROV.wasAssociatedWith, people[part.name])
        w.add(n, RDF.type, SG.MeetingParticipation)
        w.add(n, RDF.type, PROV.Association)
        w.add(n, PROV.agent, people[part.name])
        for role in part.roles:
            w.add(n, PROV.hadRole, role_concept(role))
        w.add(n, SG.attendanceText, Literal(part.role_text))
        if part.replaces in people:
            w.add(n, SG.replaces, people[part.replaces])
        w.add(n, SG.attendedParagraphs, part.paragraphs)
        w.evidence(n, part.evidence)


def _paragraph(w, meeting_node, doc, p, people: dict, decisions: dict) -> None:
    n = URIRef(w.m.local("paragraph", p.number))
    w.add(meeting_node, SG.hasParagraph, n)
    w.add(n, RDF.type, SG.MeetingParagraph)
    w.add(n, DCTERMS.source, doc)
    w.add(n, SG.paragraphNumber, Literal(p.number))
    w.add(n, SG.number, p.ordinal)
    w.evidence(n, p.evidence)
    if p.title:
        w.label(n, DCTERMS.title, p.title.text)
        w.evidence(n, p.title.evidence, DCTERMS.title)
    w.add(n, DCTERMS.identifier, p.identifier)
    w.evidence(n, p.identifier_evidence, DCTERMS.identifier)
    if p.decision in decisions:
        w.add(n, SG.decision, decisions[p.decision])
    for prop, facts in ((SG.proposal, (p.proposal,) if p.proposal else ()), (SG.sentTo, p.recipients)):
        for fact in facts:
            w.add(n, prop, Literal(fact.text, lang="sv") if prop != SG.sentTo else Literal(fact.text))
            w.evidence(n, fact.evidence, prop)
    for i, r in enumerate(p.reservations, 1):
        res = URIRef(w.m.local("reservation", p.number, i))
        w.add(n, SG.reservation, res)
        w.add(res, RDF.type, SG.Reservation)
        w.label(res, DCTERMS.description, r.text)
        _who(w, res, r.members, r.parties, people, SG.reservingMember, SG.reservingParty)
        w.evidence(res, r.evidence)
    for i, motion in enumerate(p.motions, 1):
        node = URIRef(w.m.local("motion", p.number, i))
        w.add(n, SG.hasMotion, node)
        w.add(node, RDF.type, SG.Motion)
        w.add(node, SG.number, i)
        w.label(node, DCTERMS.description, motion.text)
        w.label(node, SG.motionProposal, motion.proposal)
        w.add(node, SG.motionKind, Literal(motion.kind))
        _who(w, node, motion.movers, motion.parties, people, SG.mover, SG.moverParty)
        w.evidence(node, motion.evidence)
    for i, vote in enumerate(p.votes, 1):
        node = URIRef(w.m.local("vote", p.number, i))
        w.add(n, SG.hasVote, node)
        w.add(node, RDF.type, SG.Vote)
        w.label(node, DCTERMS.description, vote.text)
        if vote.adopted:
            w.label(node, SG.adoptedProposal, vote.adopted)
        for prop, count in ((SG.yesVotes, vote.yes), (SG.noVotes, vote.no), (SG.abstentions, vote.abstained)):
            w.add(node, prop, count)
        w.evidence(node, vote.evidence)


def _who(w, node, names, parties, people: dict, person_term, party_term) -> None:
    """The people (those read on the cover) and parties behind a reservation or a motion."""
    for name in names:
        if name in people:
            w.add(node, person_term, people[name])
    for party in parties:
        w.add(node, party_term, party)
