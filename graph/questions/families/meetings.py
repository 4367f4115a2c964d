"""Answers from minutes: what a meeting decided, who chaired and adjusted it, which paragraphs deal
with a case, who entered a reservation."""
from __future__ import annotations

import re

from styrgraf.graph import meetings as mt
from styrgraf.graph import queries as q
from styrgraf.graph.questions import answer as a
from styrgraf.graph.questions.answer import Context, Reply, join, reply, unique_evidence
from styrgraf.graph.questions.entities import parse_question_date
from styrgraf.graph.questions.families.plan import decision_label
from styrgraf.graph.questions.sentences import LANGS, say
from styrgraf.graph.swedish import words, words_match
from styrgraf.ontology.terms import role_concept


def meeting_ref_phrase(params: dict, lang: str) -> str:
    """The meeting a question names, as the `understood_as` sentence repeats it."""
    parts = [params.get("body"), params.get("date"),
             f"§ {params['paragraph']}" if params.get("paragraph") else None, params.get("case")]
    return " ".join(p for p in parts if p) or say("a_meeting", lang)


def body_name(body: dict | None) -> str:
    return (body or {}).get("name") or (body or {}).get("abbreviation") or "?"


def meeting_label(m: dict, lang: str) -> str:
    body = body_name(m.get("body"))
    genitive = body if body[-1:].lower() in ("s", "x", "z") else body + "s"
    return say("meeting_label", lang, body=body, body_gen=genitive, date=m.get("date") or "?")


def _meeting_sentences(parts: list[str]) -> str:
    """One sentence per meeting."""
    return " ".join(p if p.endswith(".") else p + "." for p in parts)


def _paragraph_label(p: dict) -> str:
    number = p.get("number") or "?"
    sign = f"§ {number}" if re.fullmatch(r"\d+(?:/\d+)?", number) else number
    return f"{sign} {p['title']}" if p.get("title") else sign


def _person_label(person: dict | None) -> str:
    if not person:
        return "?"
    return f"{person['name']} ({person['party']})" if person.get("party") else person["name"]


def _meeting_summary(m: dict) -> dict:
    return {k: m[k] for k in ("type", "id", "iri", "date", "body", "document", "extract")}


def _meetings_asked(ctx: Context, params: dict) -> list[dict] | Reply:
    """The whole meetings a question names (by body and date), or the reply when none or too many match."""
    date = None
    if params.get("date"):
        first, last, problem = parse_question_date(params["date"])
        if problem == "invalid":
            return reply("impossible_date", date=last)
        if problem or first is None or last != first.isoformat():
            return reply("unreadable_date", date=params["date"])
        date = first.isoformat()
    found = mt.find_meetings(ctx.store, params.get("body"), date)
    if not found:
        ref = " ".join(x for x in (params.get("body"), params.get("date")) if x)
        return reply("no_meeting", ref=ref) if ref else reply("no_meetings")
    if len(found) > a.MAX_PLANS:
        examples = "; ".join(f"{(m['body'] or {}).get('abbreviation') or body_name(m['body'])} {m['date']}"
                             for m in found[-3:])
        return reply("too_many_meetings", n=len(found), examples=examples)
    return mt.meetings_by_iri(ctx.store, [m["iri"] for m in found])


def _recorded_decisions(ctx: Context, params: dict) -> Reply | None:
    """The decisions of the body on the date that plans record (`KLU beslut 2012-02-07`) when no
    minutes of that meeting are stored, or None."""
    first, last, problem = parse_question_date(params.get("date") or "")
    if problem or first is None:
        return None
    found = [d for d in q.decisions(ctx.store) if d.get("date") and first.isoformat() <= d["date"][:10] <= last
             and (not params.get("body") or mt.body_matches(d.get("body"), params["body"]))]
    if not found:
        return None

    def part(d: dict, lang: str) -> str:
        what = "; ".join(p["text"].rstrip(".") for p in d["points"] if p.get("text")) or (d.get("text") or "").rstrip(".")
        label = decision_label(d, lang)
        return f"{label}: {what}" if what else label

    return Reply(lambda lang: say("plan_decisions", lang, parts="; ".join(part(d, lang) for d in found)), found,
                 unique_evidence(e for d in found for e in d["evidence"]))


def meeting_decisions(ctx: Context, params: dict) -> Reply:
    found = _meetings_asked(ctx, params)
    if isinstance(found, Reply):
        return _recorded_decisions(ctx, params) or found
    results = [dict(p, meeting=_meeting_summary(m)) for m in found for p in m["paragraphs"] if p["decision"]
               and (not params.get("paragraph") or p["ordinal"] == params["paragraph"])]
    if params.get("paragraph"):  # `vad beslutades i § 113`: the meetings with that paragraph
        found = [m for m in found if any(p["meeting"]["iri"] == m["iri"] for p in results)] or found
    ev = [e for p in results for e in p["decision"]["evidence"] + [x for pt in p["decision"]["points"] for x in pt["evidence"]]]

    def decided(p: dict) -> str:
        d = p["decision"]
        what = "; ".join(pt["text"].rstrip(".") for pt in d["points"] if pt["text"]) or (d.get("text") or "").rstrip(".")
        return f"{_paragraph_label(p)}: {what}".rstrip(": ")

    def text(lang: str) -> str:
        parts = []
        for m in found:
            mine = [p for p in results if p["meeting"]["iri"] == m["iri"]]
            label = meeting_label(m, lang)
            parts.append(say("decided", lang, meeting=label, parts="; ".join(decided(p) for p in mine)) if mine
                         else say("decided_nothing", lang, meeting=label))
        return _meeting_sentences(parts)

    return Reply(text, results, unique_evidence(ev))


def _meeting_role(ctx: Context, params: dict, role: str, kinds: tuple[str, str]) -> Reply:
    """Who held `role` (ordforande, justerare) at the meetings asked about."""
    found = _meetings_asked(ctx, params)
    if isinstance(found, Reply):
        return found
    results = [dict(p["person"] or {}, role=q.role_object(role_concept(role)), role_text=p["role_text"],
                    meeting=_meeting_summary(m), evidence=p["evidence"])
               for m in found for p in mt.with_role(m, role)]
    ev = [e for r in results for e in r["evidence"]]
    if role == "justerare":
        ev += [e for m in found if m.get("adjustment") for e in m["adjustment"]["evidence"]]

    def text(lang: str) -> str:
        parts = []
        for m in found:
            names = [_person_label(r) for r in results if r["meeting"]["iri"] == m["iri"]]
            label = meeting_label(m, lang)
            if not names:
                parts.append(say(kinds[1], lang, meeting=label))
                continue
            sentence = say(kinds[0], lang, meeting=label, Meeting=label[:1].upper() + label[1:], names=join(names, lang))
            if role == "justerare" and m.get("adjustment"):
                sentence += say("adjusted_at", lang, place=m["adjustment"]["text"])
            parts.append(sentence)
        return _meeting_sentences(parts)

    return Reply(text, results, unique_evidence(ev))


def meeting_chair(ctx: Context, params: dict) -> Reply:
    return _meeting_role(ctx, params, "ordforande", ("chaired", "no_chair"))


def meeting_vice_chair(ctx: Context, params: dict) -> Reply:
    return _meeting_role(ctx, params, "viceordforande", ("vice_chaired", "no_vice_chair"))


def substitutes(ctx: Context, params: dict) -> Reply:
    """The substitutes who served at the meetings asked about, and whom each replaced; with a person
    named, only where that person replaced or was replaced (in every stored meeting)."""
    if params.get("iris") and not (params.get("body") or params.get("date")):
        found = mt.meetings_by_iri(ctx.store, [m["iri"] for m in mt.find_meetings(ctx.store)])
    else:
        found = _meetings_asked(ctx, params)
        if isinstance(found, Reply):
            return found
    wanted = set(params.get("iris") or [])
    results = [dict(p, meeting=_meeting_summary(m)) for m in found for p in m["participants"]
               if p.get("replaces") and (not wanted or {(p["person"] or {}).get("iri"), p["replaces"].get("iri")} & wanted)]
    if not results:
        return Reply(lambda lang: say("no_substitutes", lang, whom=say("for_person", lang, name=params["name"])
                                      if params.get("name") else "") + ".")

    def text(lang: str) -> str:
        return _meeting_sentences([say("replaced", lang, substitute=_person_label(r["person"]),
                                       replaced=_person_label(r["replaces"]), meeting=meeting_label(r["meeting"], lang))
                                   for r in results])

    return Reply(text, results, unique_evidence(e for r in results for e in r["evidence"]))


def meeting_secretary(ctx: Context, params: dict) -> Reply:
    return _meeting_role(ctx, params, "sekreterare", ("secretary", "no_secretary"))


def meeting_adjusters(ctx: Context, params: dict) -> Reply:
    return _meeting_role(ctx, params, "justerare", ("adjusted", "no_adjuster"))


def case_paragraphs(ctx: Context, params: dict) -> Reply:
    case = params.get("case")
    if not case:
        return reply("no_case")
    results = mt.paragraphs_for_case(ctx.store, case)
    if not results:
        return reply("no_case_paragraphs", case=case)
    ev = [e for p in results for e in p["identifier_evidence"] + p["title_evidence"]]

    def text(lang: str) -> str:
        parts = [f"{meeting_label(p['meeting'], lang)}, {_paragraph_label(p)}" for p in results]
        kind = "case_paragraph" if len(results) == 1 else "case_paragraphs"
        return say(kind, lang, case=case, n=len(results), parts="; ".join(parts))

    return Reply(text, results, unique_evidence(ev))


def motions(ctx: Context, params: dict) -> Reply:
    """The motions of the paragraphs asked about (an item by its title, a case, a meeting); a kind of
    motion among the words (`avslag`, `bifall`) keeps only those."""
    topic = words(params.get("topic") or "")
    if params.get("case"):
        paragraphs = mt.paragraphs_for_case(ctx.store, params["case"])
    elif topic and not params.get("date"):
        found = mt.meetings_by_iri(ctx.store, [m["iri"] for m in mt.find_meetings(ctx.store)])
        paragraphs = [dict(p, meeting=_meeting_summary(m)) for m in found for p in m["paragraphs"]]
    else:
        found = _meetings_asked(ctx, params)
        if isinstance(found, Reply):
            return found
        paragraphs = [dict(p, meeting=_meeting_summary(m)) for m in found for p in m["paragraphs"]]
    kinds = {w for p in paragraphs for mo in p["motions"] for w in words(mo.get("kind") or "")} & set(topic)
    title_words = [w for w in topic if w not in kinds]
    if title_words and not params.get("case"):
        paragraphs = [p for p in paragraphs if words_match(title_words, words(p.get("title") or ""))]
    results = [dict(mo, paragraph={k: p[k] for k in ("type", "id", "iri", "number", "title", "identifier")},
                    meeting=p["meeting"]) for p in paragraphs for mo in p["motions"]
               if not kinds or set(words(mo.get("kind") or "")) & kinds]
    if not results:
        return reply("no_motions")

    def text(lang: str) -> str:
        return _meeting_sentences([say("moved", lang, text=(r.get("text") or "").rstrip("."),
                                       paragraph=_paragraph_label(r["paragraph"]), meeting=meeting_label(r["meeting"], lang))
                                   for r in results])

    return Reply(text, results, unique_evidence(e for r in results for e in r["evidence"]))


def meeting_participants(ctx: Context, params: dict) -> Reply:
    """Everyone the minutes of the meetings asked about list, with the role they were listed under."""
    found = _meetings_asked(ctx, params)
    if isinstance(found, Reply):
        return found
    results = [dict(p, meeting=_meeting_summary(m)) for m in found for p in m["participants"] if p.get("person")]

    def item(p: dict, lang: str) -> str:
        roles = ", ".join(r["label_sv" if lang == "sv" else "label_en"].lower() for r in p["roles"])
        return _person_label(p["person"]) + (f" ({roles})" if roles else "")

    def text(lang: str) -> str:
        parts = []
        for m in found:
            mine = [item(p, lang) for p in results if p["meeting"]["iri"] == m["iri"]]
            label = meeting_label(m, lang)
            parts.append(say("took_part", lang, meeting=label, n=len(mine), parts="; ".join(mine)) if mine
                         else say("took_part_nobody", lang, meeting=label))
        return _meeting_sentences(parts)

    return Reply(text, results, unique_evidence(e for p in results for e in p["evidence"]))


def meeting_cases(ctx: Context, params: dict) -> Reply:
    """The paragraphs of the meetings asked about, with the case each deals with."""
    found = _meetings_asked(ctx, params)
    if isinstance(found, Reply):
        return found
    results = [dict(p, meeting=_meeting_summary(m)) for m in found for p in m["paragraphs"]]

    def item(p: dict) -> str:
        return _paragraph_label(p) + (f" ({p['identifier']})" if p.get("identifier") else "")

    def text(lang: str) -> str:
        parts = []
        for m in found:
            mine = [item(p) for p in results if p["meeting"]["iri"] == m["iri"]]
            label = meeting_label(m, lang)
            parts.append(say("dealt_with", lang, meeting=label, n=len(mine), parts="; ".join(mine)) if mine
                         else say("dealt_with_nothing", lang, meeting=label))
        return _meeting_sentences(parts)

    return Reply(text, results, unique_evidence(e for p in results for e in p["identifier_evidence"] + p["title_evidence"]))


def _titled_paragraphs(ctx: Context, topic: str) -> list[dict]:
    """The paragraphs of every stored meeting whose title has the words of `topic` (`Granen 4`)."""
    wanted = words(topic)
    if not any(len(w) >= 3 and not w.isdigit() for w in wanted):
        return []
    found = mt.meetings_by_iri(ctx.store, [m["iri"] for m in mt.find_meetings(ctx.store)])
    return [dict(p, meeting=_meeting_summary(m)) for m in found for p in m["paragraphs"]
            if words_match(wanted, words(p.get("title") or ""))]


def reservations(ctx: Context, params: dict) -> Reply:
    titled = _titled_paragraphs(ctx, params["topic"]) if params.get("topic") else []
    if titled:  # an item named by its title: its paragraphs wherever they were dealt with
        paragraphs = titled
        where = {lang: say("in_item", lang, title=params["topic"]) for lang in LANGS}
    elif params.get("case"):
        paragraphs = mt.paragraphs_for_case(ctx.store, params["case"])
        if params.get("body") or params.get("date"):
            found = _meetings_asked(ctx, params)
            if isinstance(found, Reply):
                return found
            wanted = {m["iri"] for m in found}
            paragraphs = [p for p in paragraphs if p["meeting"]["iri"] in wanted]
        where = {lang: say("in_case", lang, case=params["case"]) for lang in LANGS}
    else:
        found = _meetings_asked(ctx, params)
        if isinstance(found, Reply):
            return found
        paragraphs = [dict(p, meeting=_meeting_summary(m)) for m in found for p in m["paragraphs"]]
        where = {lang: say("at_meetings", lang, meetings=join([meeting_label(m, lang) for m in found], lang))
                 for lang in LANGS}
    if params.get("paragraph"):
        paragraphs = [p for p in paragraphs if p["ordinal"] == params["paragraph"]]
        where = {lang: say("in_paragraph", lang, number=params["paragraph"], where=where[lang]) for lang in LANGS}
    results = [dict(r, paragraph={k: p[k] for k in ("type", "id", "iri", "number", "title", "identifier")},
                    meeting=p["meeting"]) for p in paragraphs for r in p["reservations"]]
    if not results:
        return Reply(lambda lang: say("no_reservations", lang, where=where[lang]))

    def text(lang: str) -> str:
        return _meeting_sentences([say("reserved", lang, names=join([_person_label(x) for x in r["members"]], lang)
                               or ", ".join(r["parties"]), paragraph=_paragraph_label(r["paragraph"]),
                               meeting=meeting_label(r["meeting"], lang)) for r in results])

    return Reply(text, results, unique_evidence(e for r in results for e in r["evidence"]))


