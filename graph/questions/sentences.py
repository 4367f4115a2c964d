"""Every sentence and phrase of an answer, per answer kind and language.

Handlers compute the facts once and render them in each language with the same code
(`say` fills the `{…}` fields), so the two languages cannot drift apart. `{Sub}` is
`{sub}` capitalised as the sentence's first word.
"""
from __future__ import annotations

LANGS = ("sv", "en")  # the languages every answer is rendered in

SENTENCES: dict[str, dict[str, str]] = {
    # words and labels
    "and": {"sv": "och", "en": "and"},
    "subproject": {"sv": "delprojekt {number}", "en": "subproject {number}"},
    "what_subproject": {"sv": "Delprojekt {number}", "en": "Subproject {number}"},
    "what_intention": {"sv": "Intention {number}", "en": "Intention {number}"},
    "what_project": {"sv": "Projektet", "en": "The project"},
    "the_project": {"sv": "projektet", "en": "the project"},
    "quoted": {"sv": "”{text}”", "en": "“{text}”"},
    "before": {"sv": "före", "en": "before"},
    "after": {"sv": "efter", "en": "after"},
    "by": {"sv": "senast", "en": "by"},
    # what the question was read as: the plans it covers
    "scope_stored_plan": {"sv": "(i den lagrade planen)", "en": "(in the stored plan)"},
    "scope_all_plans": {"sv": "(i alla {n} lagrade planer)", "en": "(in all {n} stored plans)"},
    "scope_plan": {"sv": "(i planen {titles})", "en": "(in the plan {titles})"},
    "scope_unknown_plan": {"sv": "(i planen ”{plan}”)", "en": "(in the plan “{plan}”)"},
    # not there, not understood, too many plans
    "not_understood": {"sv": "Inte förstått: frågan kunde inte tolkas. Prova till exempel: {examples}.",
                       "en": "Not understood: I could not interpret the question. Try for example: {examples}."},
    "no_plan": {"sv": "Ingen lagrad plan matchar ”{plan}”.", "en": "No stored plan matches “{plan}”."},
    "no_intention": {"sv": "Det finns ingen intention {label} i grafen.",
                     "en": "There is no intention {label} in the graph."},
    "no_subproject": {"sv": "Det finns inget delprojekt {number} i grafen.",
                      "en": "There is no subproject {number} in the graph."},
    "too_many_plans": {"sv": "{what} finns i {n} planer; ange vilken med ”i plan …” (Dnr, id eller ord ur titeln), "
                             "t.ex. {plans}.",
                       "en": "{what} exists in {n} plans; name one with “in plan …” (case number, id or words of the "
                             "title), e.g. {plans}."},
    "in_plan": {"sv": "i plan {plan}", "en": "in plan {plan}"},
    # which subprojects address intention N
    "covered_by": {"sv": "Intention {number} täcks av {parts}.", "en": "Intention {number} is addressed by {parts}."},
    "covered_with_scope": {"sv": "{sub} (avgränsning: ”{scope}”)", "en": "{sub} (scope: “{scope}”)"},
    "not_covered": {"sv": "Inget delprojekt täcker intention {number}.",
                    "en": "No subproject addresses intention {number}."},
    # who leads / who is in subproject N
    "led_by": {"sv": "{Sub} leds av {names}", "en": "{Sub} is led by {names}"},
    "no_leader": {"sv": "{Sub} har ingen angiven ledare", "en": "{Sub} has no stated leader"},
    "members": {"sv": "I {sub} ingår {names}", "en": "{Sub} includes {names}"},
    "no_members": {"sv": "I {sub} anges inga personer", "en": "{Sub} names no people"},
    # which subprojects a person is in
    "no_person": {"sv": "Ingen person som heter {name} finns i grafen.",
                  "en": "No person called {name} is in the graph."},
    "several_people": {"sv": "Flera personer matchar ”{name}”: {names}. Skriv hela namnet.",
                       "en": "Several people match “{name}”: {names}. Type the full name."},
    "held_in": {"sv": "{name} (enligt ”{title}”)", "en": "{name} (according to “{title}”)"},
    "whole_project": {"sv": "hela projektet {title}", "en": "the whole project {title}"},
    "takes_part": {"sv": "{who} är med i {parts}.", "en": "{who} takes part in {parts}."},
    "no_role": {"sv": "{who} har ingen roll i något delprojekt.", "en": "{who} has no role in any subproject."},
    # what subproject N must take into account
    "considers": {"sv": "{Sub} ska beakta {parts}", "en": "{Sub} must take into account {parts}"},
    "siblings": {"sv": "övriga delprojekt ({numbers})", "en": "the other subprojects ({numbers})"},
    "considers_nothing": {"sv": "För {sub} anges inget att beakta",
                          "en": "Nothing to take into account is stated for {sub}"},
    # which decision it rests on
    "rests_on": {"sv": "{what} bygger på {first}", "en": "{what} rests on {first}"},
    "rests_on_chain": {"sv": "{what} bygger på {first}, som i sin tur bygger på {rest}",
                       "en": "{what} rests on {first}, which in turn builds on {rest}"},
    "stated_in": {"sv": "{what} står i {first}", "en": "{what} is stated in {first}"},
    "stated_in_chain": {"sv": "{what} är inte kopplad till ett enskilt beslut i grafen; den står i {first}, "
                              "som bygger på {rest}",
                        "en": "{what} is not linked to a single decision in the graph; it is stated in {first}, which "
                              "builds on {rest}"},
    "no_decision": {"sv": "{what} är inte kopplat till något beslut i grafen",
                    "en": "{what} is not linked to any decision in the graph"},
    # milestones before/after a date
    "impossible_date": {"sv": "Datumet {date} finns inte i kalendern.", "en": "The date {date} does not exist."},
    "no_year": {"sv": "Ange ett år i datumet ({date}), t.ex. 2012-05-01.",
                "en": "Give a year in the date ({date}), e.g. 2012-05-01."},
    "unreadable_date": {"sv": "Datumet ”{date}” kunde inte läsas; skriv t.ex. 2012-05-01 eller 1 maj 2012.",
                        "en": "The date “{date}” could not be read; write e.g. 2012-05-01 or 1 May 2012."},
    "milestones": {"sv": "{n} milstolpar ligger {relation} {date}", "en": "{n} milestones fall {relation} {date}"},
    "more_milestones": {"sv": " med flera ({n} till)", "en": " and more ({n} others)"},
    "invalid_milestones": {"sv": "; {n} milstolpar har ett omöjligt datum ({dates}) och kan inte jämföras: {items}",
                           "en": "; {n} milestones have an impossible date ({dates}) and cannot be compared: {items}"},
    # overlaps
    "overlaps": {"sv": "{n} par av delprojekt överlappar (poäng ≥ {min_score}); mest: {pairs}.",
                 "en": "{n} pairs of subprojects overlap (score ≥ {min_score}); most: {pairs}."},
    "no_overlaps": {"sv": "Inga delprojekt överlappar enligt grafen.",
                    "en": "No subprojects overlap according to the graph."},
    # how the question was read when it could not be answered
    "not_understood_search": {"sv": "Inte förstått: frågan kunde inte tolkas. Sökningen på dess ord hittar: {hits}.",
                              "en": "Not understood: I could not interpret the question. A search for its words finds: "
                                    "{hits}."},
    "not_understood_nothing": {"sv": "Inte förstått: frågan kunde inte tolkas, och sökningen på dess ord hittar inget. "
                                     "Prova till exempel: {examples}.",
                               "en": "Not understood: I could not interpret the question, and a search for its words "
                                     "finds nothing. Try for example: {examples}."},
    "did_you_mean": {"sv": " Menade du {names}?", "en": " Did you mean {names}?"},
    "read_as": {"sv": " (”{typed}” lästes som {name})", "en": " (“{typed}” was read as {name})"},
    "or": {"sv": "eller", "en": "or"},
    # a role in a subproject or in the project
    "role_in": {"sv": "{Role} i {sub}: {names}", "en": "{Role} of {sub}: {names}"},
    "no_role_in": {"sv": "{Sub} anger ingen med rollen {role}", "en": "{Sub} names nobody as {role}"},
    "project_roles": {"sv": "I projektet som helhet: {parts}.", "en": "In the project as a whole: {parts}."},
    "no_project_roles": {"sv": "Ingen anges med rollen {role} för projektet som helhet.",
                         "en": "Nobody is named as {role} of the project as a whole."},
    "project_leaders": {"sv": "ledande roller", "en": "leading roles"},
    # what a subproject is about, what an intention says, which intentions a subproject addresses
    "about": {"sv": "{Sub} heter ”{title}”", "en": "{Sub} is called “{title}”"},
    "about_purpose": {"sv": "; syfte och uppdrag: ”{purpose}”", "en": "; purpose and assignment: “{purpose}”"},
    "intention_says": {"sv": "Intention {number} ({letter}) lyder: ”{text}”", "en": "Intention {number} ({letter}) reads: “{text}”"},
    "sub_intentions": {"sv": "{Sub} adresserar intention {numbers}", "en": "{Sub} addresses intention {numbers}"},
    "sub_no_intentions": {"sv": "{Sub} adresserar ingen intention", "en": "{Sub} addresses no intention"},
    # what depends on X
    "depended_by": {"sv": "{parts} ska beakta {sub}", "en": "{parts} must take {sub} into account"},
    "depended_by_nobody": {"sv": "Inget i grafen ska beakta {sub}", "en": "Nothing in the graph must take {sub} into account"},
    # people
    "several": {"sv": "{n} personer är med i flera delprojekt: {parts}.", "en": "{n} people take part in several subprojects: {parts}."},
    "several_none": {"sv": "Ingen person är med i mer än ett delprojekt.", "en": "Nobody takes part in more than one subproject."},
    "is_person": {"sv": "{who} är {parts}.", "en": "{who} is {parts}."},
    # a person's resolved identity across the municipality's documents
    "who_is": {"sv": "{who} förekommer i {n} dokument: {docs}.", "en": "{who} appears in {n} document(s): {docs}."},
    "also_written": {"sv": "Skrivs också {names} (säkerhet {confidence}).",
                     "en": "Also written {names} (confidence {confidence})."},
    "kept_apart": {"sv": "Hålls isär från {names} (för osäkert för att föras samman).",
                   "en": "Kept apart from {names} (too uncertain to merge)."},
    "person_no_role": {"sv": "{who} har ingen roll i planen.", "en": "{who} has no role in the plan."},
    "role_of": {"sv": "{role} i {where}", "en": "{role} of {where}"},
    # counts and lists
    "count": {"sv": "Det finns {n} {what}", "en": "There are {n} {what}"},
    "count_in": {"sv": "I {sub} finns {n} {what}", "en": "{Sub} has {n} {what}"},
    "list": {"sv": "{What}: {items}", "en": "{What}: {items}"},
    "list_none": {"sv": "Det finns inga {what} i grafen", "en": "There are no {what} in the graph"},
    "things_subprojects": {"sv": "delprojekt", "en": "subprojects"},
    "things_intentions": {"sv": "intentioner", "en": "intentions"},
    "things_people": {"sv": "personer", "en": "people"},
    "things_milestones": {"sv": "milstolpar", "en": "milestones"},
    "things_decisions": {"sv": "beslut", "en": "decisions"},
    "things_meetings": {"sv": "sammanträden", "en": "meetings"},
    "things_organisations": {"sv": "organisationer", "en": "organisations"},
    # budget, reporting, organisations
    "budget": {"sv": "Budget för {sub}: ”{text}”", "en": "Budget of {sub}: “{text}”"},
    "no_budget": {"sv": "För {sub} anges ingen budget", "en": "No budget is stated for {sub}"},
    "reporting": {"sv": "Rapportering i {sub}: ”{text}”", "en": "Reporting in {sub}: “{text}”"},
    "no_reporting": {"sv": "För {sub} anges ingen rapportering", "en": "No reporting is stated for {sub}"},
    "organisations": {"sv": "{n} organisationer är med: {parts}.", "en": "{n} organisations are involved: {parts}."},
    "organisations_in": {"sv": "I {sub} är {parts} med.", "en": "{Sub} involves {parts}."},
    "no_organisations": {"sv": "Inga organisationer anges.", "en": "No organisations are named."},
    "organisation_in": {"sv": "{name} är med i {parts}.", "en": "{name} takes part in {parts}."},
    "organisation_nowhere": {"sv": "{name} är inte med i något delprojekt.", "en": "{name} takes part in no subproject."},
    "the_strategy": {"sv": "strategin", "en": "the strategy"},
    "strategy_adopted": {"sv": "”{title}” antogs{by} {date}{paragraph}", "en": "“{title}” was adopted{by} on {date}{paragraph}"},
    "adopted_by": {"sv": " av {body}", "en": " by {body}"},
    "no_adoption": {"sv": "”{title}” anger inte när den antogs", "en": "“{title}” does not state when it was adopted"},
    "strategy_owner": {"sv": "Dokumentansvarig för ”{title}” är {owner}", "en": "The owner of “{title}” is {owner}"},
    "no_owner": {"sv": "”{title}” anger ingen dokumentansvarig", "en": "“{title}” names no owner"},
    "valid_span": {"sv": "”{title}” gäller{span}", "en": "“{title}” is valid{span}"},
    "valid_from": {"sv": " från {date}", "en": " from {date}"},
    "valid_until": {"sv": " till och med {date}", "en": " until {date}"},
    "valid_further": {"sv": " tills vidare", "en": " until further notice"},
    "no_validity": {"sv": "”{title}” anger ingen giltighetstid", "en": "“{title}” states no period of validity"},
    "name_strategy": {"sv": "Ange vilket styrdokument som avses, t.ex. {examples}",
                      "en": "Name the steering document meant, e.g. {examples}"},
    "document_goals": {"sv": "”{title}” anger {n} mål: {items}.", "en": "“{title}” sets {n} goals: {items}."},
    "document_no_goals": {"sv": "”{title}” anger inga mål.", "en": "“{title}” sets no goals."},
    "as_member": {"sv": "som {role}", "en": "as {role}"},
    "through": {"sv": "genom {names}", "en": "through {names}"},
    # overlaps with subproject N, gaps
    "overlaps_with": {"sv": "{Sub} överlappar med {parts}.", "en": "{Sub} overlaps with {parts}."},
    "no_overlaps_with": {"sv": "{Sub} överlappar inte med något annat delprojekt enligt grafen.",
                         "en": "{Sub} overlaps with no other subproject according to the graph."},
    "gap_intentions": {"sv": "{n} intentioner täcks inte av något delprojekt: {items}.",
                       "en": "{n} intentions are addressed by no subproject: {items}."},
    "no_gap_intentions": {"sv": "Varje intention täcks av minst ett delprojekt.",
                          "en": "Every intention is addressed by at least one subproject."},
    "gap_subprojects": {"sv": "{n} delprojekt adresserar ingen intention: {items}.",
                        "en": "{n} subprojects address no intention: {items}."},
    "no_gap_subprojects": {"sv": "Varje delprojekt adresserar minst en intention.",
                           "en": "Every subproject addresses at least one intention."},
    # milestones without a date asked about, of a subproject, and decisions
    "milestones_of": {"sv": "{n} milstolpar för {sub}", "en": "{n} milestones of {sub}"},
    "milestones_all": {"sv": "{n} milstolpar", "en": "{n} milestones"},
    "milestones_between": {"sv": "{n} milstolpar ligger mellan {first} och {last}",
                           "en": "{n} milestones fall between {first} and {last}"},
    "reversed_range": {"sv": "”{first}” ligger efter ”{last}”: ange det tidigare datumet först.",
                       "en": "“{first}” is later than “{last}”: give the earlier date first."},
    "milestones_in": {"sv": "{n} milstolpar ligger i {date}", "en": "{n} milestones fall in {date}"},
    "last_milestone": {"sv": "; den sista: {item}", "en": "; the last: {item}"},
    "decision_dates": {"sv": "Beslut ska fattas: {items}", "en": "Decisions are due: {items}"},
    "no_decision_dates": {"sv": "Inga beslutsdatum anges", "en": "No decision dates are stated"},
    # decisions of a body in a plan's chain
    "plan_decisions": {"sv": "Inget protokoll från sammanträdet är lagrat; planerna anger {parts}.",
                       "en": "No minutes of the meeting are stored; the plans record {parts}."},
    # meetings: what was decided, who chaired and adjusted, paragraphs of a case, reservations
    "meeting_label": {"sv": "{body_gen} sammanträde {date}", "en": "the {body} meeting of {date}"},
    "a_meeting": {"sv": "sammanträdet", "en": "the meeting"},
    "no_meeting": {"sv": "Inget lagrat sammanträde matchar ”{ref}”.", "en": "No stored meeting matches “{ref}”."},
    "no_meetings": {"sv": "Inga sammanträden finns i grafen.", "en": "There are no meetings in the graph."},
    "too_many_meetings": {"sv": "{n} sammanträden matchar; ange organ och datum, t.ex. {examples}.",
                          "en": "{n} meetings match; name the body and date, e.g. {examples}."},
    "decided": {"sv": "Vid {meeting} beslutades: {parts}", "en": "At {meeting}, it was decided: {parts}"},
    "decided_nothing": {"sv": "Protokollet från {meeting} anger inga beslut",
                        "en": "The minutes of {meeting} record no decisions"},
    "chaired": {"sv": "Ordförande vid {meeting} var {names}", "en": "{Meeting} was chaired by {names}"},
    "vice_chaired": {"sv": "Vice ordförande vid {meeting} var {names}", "en": "The vice chair of {meeting} was {names}"},
    "no_vice_chair": {"sv": "Protokollet från {meeting} anger ingen vice ordförande",
                      "en": "The minutes of {meeting} name no vice chair"},
    "replaced": {"sv": "{substitute} ersatte {replaced} vid {meeting}", "en": "{substitute} replaced {replaced} at {meeting}"},
    "no_substitutes": {"sv": "Ingen ersättare tjänstgjorde {whom}i de lagrade protokollen",
                       "en": "No substitute served {whom}in the stored minutes"},
    "for_person": {"sv": "för eller som {name} ", "en": "for or as {name} "},
    "no_chair": {"sv": "Protokollet från {meeting} anger ingen ordförande", "en": "The minutes of {meeting} name no chair"},
    "adjusted": {"sv": "Protokollet från {meeting} justerades av {names}",
                 "en": "The minutes of {meeting} were adjusted by {names}"},
    "secretary": {"sv": "Sekreterare vid {meeting} var {names}", "en": "The secretary of {meeting} was {names}"},
    "no_secretary": {"sv": "Protokollet från {meeting} anger ingen sekreterare",
                     "en": "The minutes of {meeting} name no secretary"},
    "adjusted_at": {"sv": " ({place})", "en": " ({place})"},
    "no_adjuster": {"sv": "Protokollet från {meeting} anger ingen justerare",
                    "en": "The minutes of {meeting} name no adjuster"},
    "no_case": {"sv": "Ange ett diarienummer, t.ex. KS 2022/140.", "en": "Give a case number, e.g. KS 2022/140."},
    "case_paragraphs": {"sv": "{case} behandlas i {n} paragrafer: {parts}.",
                        "en": "{case} is dealt with in {n} paragraphs: {parts}."},
    "case_paragraph": {"sv": "{case} behandlas i 1 paragraf: {parts}.", "en": "{case} is dealt with in 1 paragraph: {parts}."},
    "no_case_paragraphs": {"sv": "Ingen paragraf i grafen gäller {case}.", "en": "No paragraph in the graph concerns {case}."},
    "reserved": {"sv": "{names} reserverade sig mot beslutet i {paragraph} ({meeting})",
                 "en": "{names} entered a reservation against the decision in {paragraph} ({meeting})"},
    "no_reservations": {"sv": "Ingen reserverade sig {where}.", "en": "Nobody entered a reservation {where}."},
    "at_meetings": {"sv": "vid {meetings}", "en": "at {meetings}"},
    "dealt_with": {"sv": "Vid {meeting} behandlades {n} ärenden: {parts}", "en": "{n} items were dealt with at {meeting}: {parts}"},
    "dealt_with_nothing": {"sv": "Protokollet från {meeting} anger inga ärenden",
                           "en": "The minutes of {meeting} list no items"},
    "in_item": {"sv": "i ärendet ”{title}”", "en": "in the item “{title}”"},
    "in_case": {"sv": "i ärende {case}", "en": "in case {case}"},
    "in_paragraph": {"sv": "i § {number} {where}", "en": "in § {number} {where}"},
}
# How a decision of each kind is named in a chain ("KLU beslut 2012-02-07").
DECISION_KINDS = {
    "assignment": {"sv": "uppdrag", "en": "assignment"}, "tabling": {"sv": "bordläggning", "en": "tabling"},
    "decision": {"sv": "beslut", "en": "decision"}, "plan": {"sv": "projektplanen", "en": "the plan"},
}


def say(kind: str, lang: str, **values) -> str:
    """The sentence or phrase `kind` in `lang` ("sv" or "en"), its fields filled from `values`."""
    return SENTENCES[kind][lang].format(**values)