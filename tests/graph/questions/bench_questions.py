"""The question benchmark: phrasings as staff type them, Swedish and English, with typing errors,
missing diacritics, upper case and synonyms, each with the answer it must give, checked by value.

Each row is (store, question, language, family, expected). The stores are the seed plan
(`seed`), the constructed minutes of Ekträsk (`minutes`, tests/graph/minutes_builder.py), the
linked set of Älvstad (`linked`, tests/graph/linked_set.py) and a strategy of Norrvik
(`strategy`, tests/graph/questions/stores.py). `expected` names the values the
answer's results must hold (`names`, `numbers`, `dates`, `count`) and the text the answer must
contain (`says`). A question is right when it is understood as its family, in its language, with
those values; not understood when `understood_as` is None; wrong otherwise.
"""
from __future__ import annotations

from dataclasses import dataclass, field

LEADERS_1 = {"Stefan Almér", "Björn Kalla"}
LEADERS_3 = {"Anders Bergenek", "Roger Weman"}
MEMBERS_1 = LEADERS_1 | {"Henry Bengtsson", "Max Wehlin", "Stefan Sorpola"}
KAROLINA = {2, 3, 4, 5}
SEVERAL = {"Annika Vannerberg", "Björn Kalla", "Eva-Lena Torudd", "Fredrik Ottosson", "Ingegerd Andersson",
           "Johan F Lundberg", "Karolina Davidsson", "Stefan Almér"}
BASIS_1 = ["2012-02-22", "2012-02-07", "2011-12-06", "2011-09-06"]
RESOURCE_3 = {"Alexandra Landin", "Carl Westman", "Kai Källström", "Mats Wallmark"}
ORGANISATIONS = {"BUF", "Halmstad & Co", "Halmstads Näringslivs AB", "Svensk Handel", "UAF"}
MILESTONES_3 = ["2012-03-31", "2012-04-30", "2012-05-15", "2012-05-29", "2012-09-01"]


@dataclass(frozen=True)
class Expect:
    names: frozenset[str] | None = None  # the `name` of every result
    numbers: frozenset | None = None  # the `number` of every result
    dates: tuple[str, ...] | None = None  # the `date` of every result, in order
    count: int | None = None  # how many results
    says: tuple[str, ...] = field(default_factory=tuple)  # text the answer contains


def names(*values, says=()) -> Expect:
    return Expect(names=frozenset(values[0] if len(values) == 1 and isinstance(values[0], set) else values),
                  says=tuple(says))


def numbers(*values, says=()) -> Expect:
    return Expect(numbers=frozenset(values[0] if len(values) == 1 and isinstance(values[0], set) else values),
                  says=tuple(says))


def dates(*values, says=()) -> Expect:
    return Expect(dates=tuple(values[0] if len(values) == 1 and isinstance(values[0], list) else values),
                  says=tuple(says))


def count(n: int, says=()) -> Expect:
    return Expect(count=n, says=tuple(says))


def says(*texts) -> Expect:
    return Expect(says=tuple(texts))


QUESTIONS: list[tuple[str, str, str, str, Expect]] = [
    # -- who holds role R in subproject N or in the project -------------------------------------
    ("seed", "Vem leder delprojekt 3?", "sv", "subproject_leaders", names(LEADERS_3)),
    ("seed", "vem leder dp 3", "sv", "subproject_leaders", names(LEADERS_3)),
    ("seed", "VEM LEDER DP3", "sv", "subproject_leaders", names(LEADERS_3)),
    ("seed", "vem leder delprojekt tre?", "sv", "subproject_leaders", names(LEADERS_3)),
    ("seed", "vem leder delprojket 3", "sv", "subproject_leaders", names(LEADERS_3)),
    ("seed", "vem ledr delprojekt 1", "sv", "subproject_leaders", names(LEADERS_1)),
    ("seed", "vem ar ansvarig for delprojekt 1", "sv", "subproject_leaders", names(LEADERS_1)),
    ("seed", "Vem är projektledare för delprojekt tre", "sv", "subproject_leaders", names(LEADERS_3)),
    ("seed", "vilka leder delprojekt 4?", "sv", "subproject_leaders", names("Karin Åhström", "Jan Hellkvist")),
    ("seed", "Vem driver delprojekt 6", "sv", "subproject_leaders", names("Annika Vannerberg", "Marina Zivojinovic")),
    ("seed", "who leads subproject 3", "en", "subproject_leaders", names(LEADERS_3)),
    ("seed", "Who manages sub-project 5?", "en", "subproject_leaders", names("Karolina Davidsson", "Bengt Andersson")),
    ("seed", "who is responsible for subprojcet 2", "en", "subproject_leaders", names(LEADERS_1)),
    ("seed", "Who heads subproject two?", "en", "subproject_leaders", names(LEADERS_1)),
    ("seed", "who is the leader of dp 6", "en", "subproject_leaders", names("Annika Vannerberg", "Marina Zivojinovic")),
    ("seed", "vem är projektsekreterare i delprojekt 3", "sv", "subproject_role", names("Stefan Agmarken")),
    ("seed", "Vem är sekreterare i dp 3?", "sv", "subproject_role", names("Stefan Agmarken")),
    ("seed", "vilka är resurspersoner i delprojekt 3", "sv", "subproject_role", names(RESOURCE_3)),
    ("seed", "Who are the resource people of subproject 3?", "en", "subproject_role", names(RESOURCE_3)),
    ("seed", "who is the project secretary of subproject 3", "en", "subproject_role", names("Stefan Agmarken")),
    ("seed", "vem är uppdragsansvarig för delprojekt 5", "sv", "subproject_role", names("Karolina Davidsson")),
    ("seed", "vem är uppdragsansvarg i delprojekt 4", "sv", "subproject_role", names("Karin Åhström")),
    ("seed", "who is the accountable owner of subproject 6", "en", "subproject_role", names("Annika Vannerberg")),
    ("seed", "vilka ingår i projektgruppen för delprojekt 1", "sv", "subproject_role",
     names("Henry Bengtsson", "Max Wehlin", "Stefan Sorpola")),
    ("seed", "vilka ingår i delprojekt 1", "sv", "subproject_members", names(MEMBERS_1)),
    ("seed", "vilka ingar i delprojekt 1", "sv", "subproject_members", names(MEMBERS_1)),
    ("seed", "Vem är med i delprojekt ett?", "sv", "subproject_members", names(MEMBERS_1)),
    ("seed", "vilka personer deltar i dp 1", "sv", "subproject_members", names(MEMBERS_1)),
    ("seed", "who is in subproject 1", "en", "subproject_members", names(MEMBERS_1)),
    ("seed", "Who are the members of subproject one?", "en", "subproject_members", names(MEMBERS_1)),
    ("seed", "who works on subproject 1", "en", "subproject_members", names(MEMBERS_1)),
    ("seed", "vem leder delprojekt 1 och 4", "sv", "subproject_leaders", names(LEADERS_1 | {"Karin Åhström", "Jan Hellkvist"})),
    ("seed", "Vilka sitter i referensgruppen för delprojekt 5", "sv", "subproject_role", names("Svensk Handel")),
    ("seed", "vem är uppdragsansvarig för projektet", "sv", "project_roles", names("Fredrik Geijer")),
    ("seed", "vem leder hela projektet?", "sv", "project_roles", names("Fredrik Geijer")),
    ("seed", "who leads the project", "en", "project_roles", names("Fredrik Geijer")),
    ("seed", "Who is the project owner?", "en", "project_roles", names("Fredrik Geijer")),
    # -- what subproject N is about, what intention N says ---------------------------------------
    ("seed", "vad handlar delprojekt 4 om", "sv", "subproject_about", numbers(4, says=["Kultur och värderingar"])),
    ("seed", "Vad är syftet med delprojekt 4?", "sv", "subproject_about", numbers(4, says=["Kultur och värderingar"])),
    ("seed", "vad handlar dp 5 om", "sv", "subproject_about", numbers(5, says=["Cityförening"])),
    ("seed", "vad är delprojekt 6", "sv", "subproject_about", numbers(6, says=["Skola, näringsliv och arbetsmarknad"])),
    ("seed", "what is subproject 4 about", "en", "subproject_about", numbers(4, says=["Kultur och värderingar"])),
    ("seed", "What is the purpose of subproject 6?", "en", "subproject_about", numbers(6)),
    ("seed", "describe subproject 5", "en", "subproject_about", numbers(5)),
    ("seed", "vad säger intention 3", "sv", "intention_text", numbers(3, says=["strategiska inriktningen"])),
    ("seed", "Vad innebär intention c?", "sv", "intention_text", numbers(3, says=["strategiska inriktningen"])),
    ("seed", "vad lyder intentionen 7", "sv", "intention_text", numbers(7, says=["Cityföreningen"])),
    ("seed", "what does intention 8 say", "en", "intention_text", numbers(8, says=["Science Park"])),
    ("seed", "What is intention h?", "en", "intention_text", numbers(8, says=["Science Park"])),
    # -- intentions of subproject N, subprojects of intention N ----------------------------------
    ("seed", "vilka delprojekt täcker intention 8?", "sv", "intention_coverage", numbers(1, 2)),
    ("seed", "Vilka delprojekt adresserar intention åtta", "sv", "intention_coverage", numbers(1, 2)),
    ("seed", "vilka delprojekt tacker intention 8", "sv", "intention_coverage", numbers(1, 2)),
    ("seed", "intention h täcks av vilka delprojekt?", "sv", "intention_coverage", numbers(1, 2)),
    ("seed", "vilket delprojekt hanterar intention 7", "sv", "intention_coverage", numbers(5)),
    ("seed", "vilka delprojket behandlar intention 4", "sv", "intention_coverage", numbers(3)),
    ("seed", "which subprojects address intention 8", "en", "intention_coverage", numbers(1, 2)),
    ("seed", "Which subprojects cover intention eight?", "en", "intention_coverage", numbers(1, 2)),
    ("seed", "which subproject deals with intention 9", "en", "intention_coverage", numbers(6)),
    ("seed", "what subprojects adress intention 12", "en", "intention_coverage", numbers(2)),
    ("seed", "vilka intentioner adresserar delprojekt 1", "sv", "subproject_intentions", numbers(1, 2, 3, 8, 10)),
    ("seed", "vilka intentioner täcker dp 2?", "sv", "subproject_intentions", numbers(6, 8, 12)),
    ("seed", "Vilka intentionspunkter hanterar delprojekt 6", "sv", "subproject_intentions", numbers(9, 11)),
    ("seed", "which intentions does subproject 1 address", "en", "subproject_intentions", numbers(1, 2, 3, 8, 10)),
    ("seed", "What intentions are covered by subproject 3?", "en", "subproject_intentions", numbers(4, 5)),
    # -- what X must take into account, what depends on X -----------------------------------------
    ("seed", "vad ska delprojekt 2 beakta?", "sv", "subproject_considerations",
     says("Utredning Regional samordning")),
    ("seed", "Vad måste delprojekt två ta hänsyn till", "sv", "subproject_considerations",
     says("Utredning Regional samordning")),
    ("seed", "vad ska dp 2 beakta", "sv", "subproject_considerations", says("Utredning Regional samordning")),
    ("seed", "vad beror delprojekt 2 på", "sv", "subproject_considerations", says("Utredning Regional samordning")),
    ("seed", "what must subproject 2 take into account", "en", "subproject_considerations",
     says("Utredning Regional samordning")),
    ("seed", "What should subproject two consider?", "en", "subproject_considerations",
     says("Utredning Regional samordning")),
    ("seed", "what does subproject 2 depend on", "en", "subproject_considerations", says("Utredning Regional samordning")),
    ("seed", "vad beror på delprojekt 2", "sv", "subproject_dependents", numbers(1, 3)),
    ("seed", "vilka ska beakta delprojekt 2", "sv", "subproject_dependents", numbers(1, 3)),
    ("seed", "what depends on subproject 2", "en", "subproject_dependents", numbers(1, 3)),
    ("seed", "Which subprojects must take subproject 2 into account?", "en", "subproject_dependents", numbers(1, 3)),
    # -- milestones and deadlines ------------------------------------------------------------------
    ("seed", "vilka milstolpar ligger före 2012-05-01?", "sv", "milestones", count(9)),
    ("seed", "Milstolpar före 1 maj 2012", "sv", "milestones", count(9)),
    ("seed", "milstolpar innan 2012-05-01", "sv", "milestones", count(9)),
    ("seed", "vilka milstoplar ligger före 1 maj 2012", "sv", "milestones", count(9)),
    ("seed", "milestones before 1 May 2012", "en", "milestones", count(9)),
    ("seed", "Which milestones are before May 1, 2012?", "en", "milestones", count(9)),
    ("seed", "which milestones fall before 2012-05-01", "en", "milestones", count(9)),
    ("seed", "vilka milstolpar ligger efter maj 2012", "sv", "milestones", dates("2012-09-01", "2013-12-31")),
    ("seed", "milestones after May 2012", "en", "milestones", dates("2012-09-01", "2013-12-31")),
    ("seed", "deadlines after may 2012", "en", "milestones", dates("2012-09-01", "2013-12-31")),
    ("seed", "vilka milstolpar ligger i maj 2012", "sv", "milestones", count(13)),
    ("seed", "milestones in May 2012", "en", "milestones", count(13)),
    ("seed", "när ska delprojekt 3 vara klart?", "sv", "milestones", dates(MILESTONES_3)),
    ("seed", "nar ska dp 3 vara klar", "sv", "milestones", dates(MILESTONES_3)),
    ("seed", "When must subproject 3 be finished?", "en", "milestones", dates(MILESTONES_3)),
    ("seed", "vilka milstolpar har delprojekt 3", "sv", "milestones", dates(MILESTONES_3)),
    ("seed", "vad ska vara klart senast 2012-03-31", "sv", "milestones", count(8)),
    ("seed", "milestones no later than 31 March 2012", "en", "milestones", count(8)),
    ("seed", "vilka milstolpar finns i juni 2012", "sv", "milestones", count(0)),
    ("seed", "milestones of subproject 3", "en", "milestones", dates(MILESTONES_3)),
    ("seed", "när ska besluten fattas?", "sv", "milestones",
     dates("2012-05", "2012-05-15", "2012-05-15", "2012-05-15", "2012-05-15", "2012-05-15", "2012-05-29",
           "2012-05-29", "2012-05-29", "2012-05-29", "2012-05-29", "2012-05-31")),
    ("seed", "by when must the decisions be taken", "en", "milestones",
     dates("2012-05", "2012-05-15", "2012-05-15", "2012-05-15", "2012-05-15", "2012-05-15", "2012-05-29",
           "2012-05-29", "2012-05-29", "2012-05-29", "2012-05-29", "2012-05-31")),
    # -- decisions: what a body decided on a date, which decision X rests on ------------------------
    ("seed", "vilket beslut bygger delprojekt 1 på?", "sv", "decision_basis", dates(BASIS_1)),
    ("seed", "Vilket beslut ligger bakom delprojekt ett", "sv", "decision_basis", dates(BASIS_1)),
    ("seed", "vilket beslut bygger dp1 pa", "sv", "decision_basis", dates(BASIS_1)),
    ("seed", "vad grundar sig delprojekt 1 på", "sv", "decision_basis", dates(BASIS_1)),
    ("seed", "which decision does subproject 1 rest on", "en", "decision_basis", dates(BASIS_1)),
    ("seed", "What decision is behind subproject one?", "en", "decision_basis", dates(BASIS_1)),
    ("seed", "what is subproject 1 based on", "en", "decision_basis", dates(BASIS_1)),
    ("seed", "vilket beslut kommer intention 8 från?", "sv", "decision_basis", says("2012-02-07")),
    ("seed", "Varifrån kommer intention h", "sv", "decision_basis", says("2012-02-07")),
    ("seed", "which decision is intention 8 from", "en", "decision_basis", says("2012-02-07")),
    ("seed", "vad beslutade KLU 2012-02-07?", "sv", "meeting_decisions", dates("2012-02-07")),
    ("seed", "What did KS decide on 6 September 2011?", "en", "meeting_decisions", dates("2011-09-06")),
    ("seed", "vilket beslut ligger till grund för projektet", "sv", "decision_basis", dates(BASIS_1)),
    # -- people in several subprojects, who person X is ---------------------------------------------
    ("seed", "i vilka delprojekt är Karolina Davidsson med?", "sv", "person_subprojects", numbers(KAROLINA)),
    ("seed", "Vilka delprojekt är karolina davidsson med i", "sv", "person_subprojects", numbers(KAROLINA)),
    ("seed", "i vilka delprojekt är Karolina Davidson med", "sv", "person_subprojects", numbers(KAROLINA)),
    ("seed", "i vilka delprojekt deltar Karolin Davidsson", "sv", "person_subprojects", numbers(KAROLINA)),
    ("seed", "which subprojects is Karolina Davidsson in", "en", "person_subprojects", numbers(KAROLINA)),
    ("seed", "Which subprojects does Karolina Davidsson take part in?", "en", "person_subprojects", numbers(KAROLINA)),
    ("seed", "what subprojects is Stefan Almer part of", "en", "person_subprojects", numbers(1, 2)),
    ("seed", "i vilka delprojekt sitter Bjorn Kalla", "sv", "person_subprojects", numbers(1, 2)),
    ("seed", "vilka personer är med i flera delprojekt?", "sv", "several_subprojects", names(SEVERAL)),
    ("seed", "vilka deltar i flera delprojekt", "sv", "several_subprojects", names(SEVERAL)),
    ("seed", "who is in more than one subproject", "en", "several_subprojects", names(SEVERAL)),
    ("seed", "Which people take part in several subprojects?", "en", "several_subprojects", names(SEVERAL)),
    ("seed", "vem är Stefan Almér?", "sv", "person", numbers(1, 2, says=["Utvecklingschef"])),
    ("seed", "vem är stefan almer", "sv", "person", numbers(1, 2, says=["Utvecklingschef"])),
    ("seed", "Who is Björn Kalla?", "en", "person", numbers(1, 2, says=["project manager"])),
    ("seed", "who is Fredrik Geijer", "en", "person", says("kommunchef", "accountable owner")),
    ("seed", "vilken titel har Karin Åhström", "sv", "person", says("HR-chef")),
    ("seed", "what is the role of Roger Weman", "en", "person", numbers(3, says=["project manager"])),
    # -- counts and lists --------------------------------------------------------------------------
    ("seed", "hur många delprojekt finns det?", "sv", "count", count(6)),
    ("seed", "Hur manga delprojekt har projektet", "sv", "count", count(6)),
    ("seed", "antal delprojekt", "sv", "count", count(6)),
    ("seed", "how many subprojects are there", "en", "count", count(6)),
    ("seed", "hur många intentioner finns", "sv", "count", count(12)),
    ("seed", "How many intentions does the plan have?", "en", "count", count(12)),
    ("seed", "hur många personer är med i projektet", "sv", "count", count(34)),
    ("seed", "how many people are in subproject 3", "en", "count", count(14)),
    ("seed", "hur många ingår i delprojekt 1", "sv", "count", count(5)),
    ("seed", "vilka delprojekt finns?", "sv", "list", numbers(1, 2, 3, 4, 5, 6)),
    ("seed", "lista delprojekten", "sv", "list", numbers(1, 2, 3, 4, 5, 6)),
    ("seed", "list the subprojects", "en", "list", numbers(1, 2, 3, 4, 5, 6)),
    ("seed", "List all intentions", "en", "list", count(12)),
    ("seed", "vilka intentioner finns", "sv", "list", count(12)),
    # -- budgets, reporting lines, organisations --------------------------------------------------------
    ("seed", "vilken budget har delprojekt 6?", "sv", "budget", numbers(6, says=["Ökade livschanser"])),
    ("seed", "vad kostar delprojekt 6", "sv", "budget", numbers(6, says=["Ökade livschanser"])),
    ("seed", "what is the budget of subproject 6", "en", "budget", numbers(6, says=["Ökade livschanser"])),
    ("seed", "budget for subproject five", "en", "budget", numbers(5, says=["Initialt inom befintlig budget"])),
    ("seed", "till vem rapporterar delprojekt 3", "sv", "reporting", numbers(3, says=["Fortlöpande till uppdragsansvarig"])),
    ("seed", "hur sker rapporteringen i dp 1", "sv", "reporting", numbers(1, says=["Rapportering sker löpande"])),
    ("seed", "who does subproject 4 report to", "en", "reporting", numbers(4, says=["Fortlöpande till kommunchefen"])),
    ("seed", "vilka organisationer är med i projektet", "sv", "organisations", names(ORGANISATIONS)),
    ("seed", "vilka organisationer är inblandade", "sv", "organisations", names(ORGANISATIONS)),
    ("seed", "which organisations are involved", "en", "organisations", names(ORGANISATIONS)),
    ("seed", "which organizations take part in subproject 5", "en", "organisations",
     names("Svensk Handel", "Halmstads Näringslivs AB")),
    ("seed", "i vilka delprojekt är HNAB med", "sv", "organisation", numbers(1, 2, 3, 4, 5, 6)),
    ("seed", "Which subprojects involve Svensk Handel?", "en", "organisation", numbers(5, says=["reference group"])),
    ("seed", "where does Halmstad & Co take part", "en", "organisation", numbers(1)),
    ("seed", "vilka delprojekt är UAF med i", "sv", "organisation", numbers(1, 2, 6)),
    # -- overlaps and gaps ---------------------------------------------------------------------------
    ("seed", "vilka delprojekt överlappar?", "sv", "overlaps", says("1")),
    ("seed", "Överlappar några delprojekt", "sv", "overlaps", says("1")),
    ("seed", "overlappar nagra delprojekt", "sv", "overlaps", says("1")),
    ("seed", "which subprojects overlap", "en", "overlaps", says("1")),
    ("seed", "Do any subprojects overlap?", "en", "overlaps", says("1")),
    ("seed", "vad överlappar med delprojekt 1", "sv", "subproject_overlaps", says("delprojekt 2")),
    ("seed", "what overlaps with subproject 1", "en", "subproject_overlaps", says("subproject 2")),
    ("seed", "vilka delprojekt adresserar ingen intention", "sv", "gaps", numbers(4)),
    ("seed", "which subprojects address no intention", "en", "gaps", numbers(4)),
    ("seed", "are there subprojects without intentions", "en", "gaps", numbers(4)),
    ("seed", "vilka intentioner täcks inte av något delprojekt", "sv", "gaps", count(0, says=["Varje intention"])),
    ("seed", "which intentions are not covered by any subproject", "en", "gaps", count(0, says=["Every intention"])),
    # -- in a named plan --------------------------------------------------------------------------------
    ("seed", "vilka delprojekt täcker intention 8 i plan KS 2011/0456", "sv", "intention_coverage", numbers(1, 2)),
    ("seed", "who leads subproject 3 in plan näringslivsarbete", "en", "subproject_leaders", names(LEADERS_3)),
    # -- minutes -----------------------------------------------------------------------------------------
    ("minutes", "Vad beslutade kommunstyrelsen 2022-09-12?", "sv", "meeting_decisions", numbers("112", "113")),
    ("minutes", "Vilka beslut fattade KS den 12 september 2022", "sv", "meeting_decisions", numbers("112", "113")),
    ("minutes", "vad beslutade kommunstyrelssen 2022-09-12", "sv", "meeting_decisions", numbers("112", "113")),
    ("minutes", "What did KS decide on 12 September 2022?", "en", "meeting_decisions", numbers("112", "113")),
    ("minutes", "what was decided by the municipal board KS on 2022-09-12", "en", "meeting_decisions",
     numbers("112", "113")),
    ("minutes", "vad beslutade kommunfullmäktige 2022-10-03", "sv", "meeting_decisions", numbers("88")),
    ("minutes", "Vem var ordförande vid kommunstyrelsens sammanträde 2022-09-12?", "sv", "meeting_chair",
     names("Ingrid Vall")),
    ("minutes", "vem var ordforande pa mötet 2022-09-12", "sv", "meeting_chair", names("Ingrid Vall")),
    ("minutes", "Who chaired the KS meeting on 2022-09-12?", "en", "meeting_chair", names("Ingrid Vall")),
    ("minutes", "who was the chairman of KS on 12 September 2022", "en", "meeting_chair", names("Ingrid Vall")),
    ("minutes", "Vem justerade protokollet från kommunstyrelsens sammanträde 2022-09-12?", "sv", "meeting_adjusters",
     names("Märta Lunde")),
    ("minutes", "vem var justerare 2022-09-12", "sv", "meeting_adjusters", names("Märta Lunde")),
    ("minutes", "Who adjusted the minutes of KS on 2022-09-12?", "en", "meeting_adjusters", names("Märta Lunde")),
    ("minutes", "Vilka paragrafer gäller KS 2022/140?", "sv", "case_paragraphs", numbers("112", "88")),
    ("minutes", "vilka paragrafer rör ks 2022/140", "sv", "case_paragraphs", numbers("112", "88")),
    ("minutes", "Which paragraphs concern ks 2022/140?", "en", "case_paragraphs", numbers("112", "88")),
    ("minutes", "i vilka sammanträden behandlades KS 2022/140", "sv", "case_paragraphs", numbers("112", "88")),
    ("minutes", "Vem reserverade sig mot beslutet i § 113 vid kommunstyrelsens sammanträde 2022-09-12?", "sv",
     "reservations", count(1, says=["Per Holmgren (M)", "Rolf Sparre (M)"])),
    ("minutes", "Vem reserverade sig i ärende KS 2022/155?", "sv", "reservations",
     count(1, says=["Per Holmgren (M)", "Rolf Sparre (M)"])),
    ("minutes", "vilka reserverde sig 2022-09-12", "sv", "reservations", count(1, says=["Per Holmgren (M)"])),
    ("minutes", "Who entered a reservation at the KS meeting on 2022-09-12?", "en", "reservations",
     count(1, says=["Rolf Sparre (M)"])),
    ("minutes", "who dissented at KS on 2022-09-12", "en", "reservations", count(1, says=["Rolf Sparre (M)"])),
    ("minutes", "I vilka delprojekt är Ingrid Vall med?", "sv", "person_subprojects", count(0)),
    ("minutes", "vem var sekreterare 2022-09-12", "sv", "meeting_secretary", names("Agnes Tor")),
    ("minutes", "Who was the secretary of the KS meeting on 2022-09-12?", "en", "meeting_secretary", names("Agnes Tor")),
    ("minutes", "vad beslutades i § 113", "sv", "meeting_decisions", numbers("113")),
    ("minutes", "vem var ordf 2022-09-12", "sv", "meeting_chair", names("Ingrid Vall")),
    ("minutes", "who signed the minutes from 12 sept 2022", "en", "meeting_adjusters", names("Märta Lunde")),
    ("minutes", "hur många sammanträden finns", "sv", "count", count(2)),
    # -- the linked set -----------------------------------------------------------------------------------
    ("linked", "vem var ordförande vid kommunstyrelsens sammanträde 2023-03-14", "sv", "meeting_chair",
     names("Karin Holm")),
    ("linked", "who chaired the council meeting of 24 April 2023", "en", "meeting_chair", names("Eva Strand")),
    ("linked", "vem var ordförande i kommunfullmäktige 2023-04-24", "sv", "meeting_chair", names("Eva Strand")),
    ("linked", "vem justerade protokollet 2023-03-14", "sv", "meeting_adjusters", names("Jonas Ahl")),
    ("linked", "who adjusted the minutes of 10 October 2023", "en", "meeting_adjusters", names("Jonas Ahl")),
    ("linked", "vilka paragrafer gäller KS 2023/45", "sv", "case_paragraphs", numbers("12", "88")),
    ("linked", "which paragraphs deal with KS 2023/45", "en", "case_paragraphs", numbers("12", "88")),
    ("linked", "vad beslutade kommunstyrelsen 2023-03-14", "sv", "meeting_decisions", numbers("12")),
    ("linked", "what did the kommunfullmäktige decide on 2023-04-24", "en", "meeting_decisions", numbers("30")),
    ("linked", "vad beslutade KS 2023-10-10", "sv", "meeting_decisions", numbers("88")),
]

QUESTIONS += [
    # -- a strategy ------------------------------------------------------------------------------------------
    ("strategy", "Vilka mål har strategin för digital utveckling?", "sv", "document_goals", numbers(1, 2, 3)),
    ("strategy", "vilka mål anger digitala strategin", "sv", "document_goals", numbers(1, 2, 3)),
    ("strategy", "What are the goals of Strategi för digital utveckling?", "en", "document_goals", numbers(1, 2, 3)),
    ("strategy", "vilka målsättningar har strategi för digital utvekling", "sv", "document_goals", numbers(1, 2, 3)),
    ("strategy", "vem är Elin Marsk", "sv", "person", says("digitaliseringschef", "Strategi för digital utveckling")),
    ("strategy", "who is Elin Marsk", "en", "person", says("document owner")),
]

# Questions the graph cannot answer: they must not be understood (never a guess), in their language.
NOT_UNDERSTOOD: list[tuple[str, str, str]] = [
    ("seed", "vad är meningen med livet?", "sv"),
    ("seed", "hej", "sv"),
    ("seed", "what is the weather like", "en"),
    ("seed", "vem leder", "sv"),
    ("seed", "intention 8", "sv"),
    ("seed", "how tall is the town hall", "en"),
    ("seed", "Berätta något om Science Park", "sv"),
    ("seed", "vem vann melodifestivalen", "sv"),
    ("seed", "who is the king of Sweden", "en"),
]


def _values(results: list[dict], key: str) -> list:
    return [r.get(key) for r in results]


def verdict(answer: dict, lang: str, family: str, expected: Expect) -> tuple[str, str]:
    """("right" | "wrong" | "not understood", why)."""
    if answer["understood_as"] is None:
        return "not understood", answer["answer"][:120]
    problems = []
    if answer["understood_as"]["intent"] != family:
        problems.append(f"read as {answer['understood_as']['intent']}")
    if answer["lang"] != lang:
        problems.append(f"answered in {answer['lang']}")
    results = answer["results"]
    if expected.names is not None and set(_values(results, "name")) != expected.names:
        problems.append(f"names {sorted(n for n in _values(results, 'name') if n)}")
    if expected.numbers is not None and set(_values(results, "number")) != set(expected.numbers):
        problems.append(f"numbers {_values(results, 'number')}")
    if expected.dates is not None and tuple(_values(results, "date")) != expected.dates:
        problems.append(f"dates {_values(results, 'date')}")
    if expected.count is not None and len(results) != expected.count:
        problems.append(f"{len(results)} results")
    for text in expected.says:
        if text not in answer["answer"]:
            problems.append(f"no {text!r} in the answer")
    if problems:
        return "wrong", "; ".join(problems) + " | " + answer["answer"][:200]
    return "right", ""


def run(stores: dict, ask) -> list[tuple[str, str, str, str]]:
    """(store, question, verdict, why) for every question of the benchmark."""
    rows = []
    for store, question, lang, family, expected in QUESTIONS:
        outcome, why = verdict(ask(stores[store], question), lang, family, expected)
        rows.append((store, question, outcome, why))
    for store, question, lang in NOT_UNDERSTOOD:
        answer = ask(stores[store], question)
        ok = answer["understood_as"] is None and answer["lang"] == lang and answer["results"] == []
        rows.append((store, question, "not understood" if ok else "wrong", "" if ok else answer["answer"][:200]))
    return rows


def report(rows) -> str:
    """The benchmark's result as a person reads it: the counts, then every question that was not right."""
    total = len(QUESTIONS)
    right = sum(1 for r in rows[:total] if r[2] == "right")
    wrong = sum(1 for r in rows if r[2] == "wrong")
    unread = sum(1 for r in rows[:total] if r[2] == "not understood")
    lines = [f"questions: {total}  right: {right} ({100 * right / total:.1f} %)  wrong: {wrong}  "
             f"not understood: {unread}  (and {len(NOT_UNDERSTOOD)} that must not be understood)"]
    lines += [f"  {outcome:15} [{store}] {question}  {why}" for store, question, outcome, why in rows
              if outcome != "right" and not (outcome == "not understood" and (store, question) in
                                             {(s, q) for s, q, _ in NOT_UNDERSTOOD})]
    return "\n".join(lines)


if __name__ == "__main__":  # a run over stores built in a temporary folder
    import sys
    import tempfile
    from pathlib import Path

    from styrgraf.graph.ask import ask as ask_question
    from styrgraf.graph.store.interface import open_store
    from tests.graph.questions.stores import build_stores

    with tempfile.TemporaryDirectory() as tmp:
        paths = build_stores(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tmp))
        opened = {name: open_store(str(path)) for name, path in paths.items()}
        try:
            print(report(run(opened, ask_question)))
        finally:
            for s in opened.values():
                s.close()
