"""A held-out question set for `styrgraf ask`, written apart from the question reader.

The phrasings are typed the way a municipal official, an auditor and a participant in a
coordination meeting would type them: Swedish and English, short forms (`dp3`, `3an`), missing
diacritics, typos, colloquial word order and synonyms. They were written from the documents'
content alone (the seed plan and the constructed corpora of tests/graph/), without looking at
the reader's vocabulary, so the figure measures how far the reader generalises; see
docs/questions-heldout.md.

Each phrasing carries its expected answer by value (names, subproject and intention numbers,
dates, counts, quoted words of the document). An answer is

- right: understood, and every expected value is there (and no value it must not give);
- wrong: understood, but a value is missing or one it must not give is there;
- not understood: `understood_as` is None (a clear "not understood" is not wrong).

A right answer that also gives an entity beside the asked one (the accountable owner beside the
project manager) is listed as broader than asked.

`python -m tests.graph.questions.heldout_questions` builds the stores and prints the table.
"""
from __future__ import annotations

import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from styrgraf.graph.ask import ask
from styrgraf.graph.store.interface import open_store
from tests.graph.persons_set import build_persons_store
from tests.graph.questions.stores import build_stores
from tests.graph.strategy_builder import build_strategy_store

FAMILIES = ("role", "about", "intention", "considers", "milestone", "decision", "person", "count-list",
            "budget-report-org", "overlap-gap", "minutes", "strategy")


@dataclass(frozen=True)
class Q:
    family: str
    store: str  # seed | minutes | linked | strategy | persons | strategies
    lang: str
    text: str
    has: tuple = ()  # each item a value, or a tuple of alternatives, that must be in the answer
    lacks: tuple = ()  # values the answer must not give
    beside: tuple = ()  # values that, given beside the asked ones, make the answer broader than asked (noted)
    subs: frozenset | None = None  # the exact numbers of the subproject results
    intentions: frozenset | None = None  # the exact numbers of the intention results
    count: int | None = None  # a count the answer states
    empty: bool = False  # the right answer is that there is nothing


def q(family, store, lang, text, has=(), lacks=(), beside=(), subs=None, intentions=None, count=None,
      empty=False) -> Q:
    return Q(family, store, lang, text, tuple(has), tuple(lacks), tuple(beside),
             frozenset(subs) if subs is not None else None,
             frozenset(intentions) if intentions is not None else None, count, empty)


# -- the facts (from the documents, checked by hand) ------------------------------------------
MULTI = ("Karolina Davidsson", "Stefan Almér", "Björn Kalla", "Fredrik Ottosson", "Annika Vannerberg",
         "Johan F Lundberg", "Eva-Lena Torudd", "Ingegerd Andersson")
DP6_TEAM = ("Anna Hammarlund", "Catarina Carlsson", "Christina Agerlöv", "Leili Lindwe", "Pär Henriksson")
DP4_TEAM = ("Björn Alvengrip", "Eva-Lena Torudd", "Ingegerd Andersson", "Karolina Davidsson")
DP2_TEAM = ("Karolina Davidsson", "Johan F Lundberg", "Fredrik Ottosson", "Annika Vannerberg")
HNAB = ("HNAB", "Halmstads Näringslivs AB")
KLU_0207 = ("vidareutveckling", "utredningsförslag nr 1", "intentioner")
DP3_DONE = ("2012-04-30", "2012-05-29")
NORRVIK_GOALS = ("nå kommunens tjänster digitalt", "gemensamma system", "öppen och tillgänglig")

QUESTIONS: list[Q] = [
    # who holds role R in subproject N or in the whole project
    q("role", "seed", "sv", "vem leder 3an", has=["Roger Weman"], lacks=["Björn Kalla"]),
    q("role", "seed", "sv", "vem e projektledare för dp1", has=["Björn Kalla"], beside=["Stefan Almér"]),
    q("role", "seed", "sv", "projektledare delprojekt 6?", has=["Marina Zivojinovic"], beside=["Annika Vannerberg"]),
    q("role", "seed", "sv", "vem är uppdragsansvarg för delprojekt 5", has=["Karolina Davidsson"],
      beside=["Bengt Andersson"]),
    q("role", "seed", "sv", "vem ansvarar for delprojekt fyra", has=["Karin Åhström"], lacks=["Björn Kalla"]),
    q("role", "seed", "sv", "vem är projektsekreterare i dp 3", has=["Stefan Agmarken"], lacks=["Roger Weman"]),
    q("role", "seed", "sv", "vilka sitter i projektgruppen för delprojekt 6", has=DP6_TEAM,
      lacks=["Karolina Davidsson"]),
    q("role", "seed", "sv", "resurspersoner i delprojekt 3?", has=["Carl Westman", "Alexandra Landin"],
      lacks=["Roger Weman"]),
    q("role", "seed", "sv", "vem är ansvarig för hela projektet", has=["Fredrik Geijer"], lacks=["Björn Kalla"]),
    q("role", "seed", "sv", "vem leder huvudprojektet", has=["Fredrik Geijer"], lacks=["Roger Weman"]),
    q("role", "seed", "sv", "vem ar projektledare for dp2", has=["Björn Kalla"], beside=["Stefan Almér"]),
    q("role", "seed", "sv", "uppdragsansvarig dp 2", has=["Stefan Almér"], beside=["Björn Kalla"]),
    q("role", "seed", "sv", "vilka är med i arbetsgruppen i delprojekt 1",
      has=["Max Wehlin", "Stefan Sorpola", "Henry Bengtsson"], lacks=["Roger Weman"]),
    q("role", "seed", "sv", "vilka ingår i referensgruppen för delprojekt 5", has=["Svensk Handel"],
      lacks=["Roger Weman"]),
    q("role", "seed", "sv", "Vem leder delprojekt sex?", has=["Marina Zivojinovic"], lacks=["Björn Kalla"]),
    q("role", "seed", "sv", "vem är projektansvarig för kultur och värderingar", has=["Karin Åhström"],
      lacks=["Roger Weman"]),
    q("role", "seed", "sv", "vem är projketledare i delprojekt 5", has=["Bengt Andersson"],
      beside=["Karolina Davidsson"]),
    q("role", "seed", "en", "who is the project manager of dp4", has=["Jan Hellkvist"], beside=["Karin Åhström"]),
    q("role", "seed", "en", "who's in charge of subproject 5", has=["Karolina Davidsson"], lacks=["Roger Weman"]),
    q("role", "seed", "en", "project secretary sub project 3?", has=["Stefan Agmarken"], lacks=["Roger Weman"]),
    q("role", "seed", "en", "who is on the project team of subproject four", has=DP4_TEAM,
      lacks=["Roger Weman"]),
    q("role", "seed", "en", "who leads the whole project", has=["Fredrik Geijer"], lacks=["Roger Weman"]),
    q("role", "seed", "en", "who is the proj manager for sub-project 1", has=["Björn Kalla"],
      beside=["Stefan Almér"]),
    q("role", "seed", "en", "resource persons in SP3", has=["Carl Westman", "Alexandra Landin"],
      lacks=["Roger Weman"]),
    q("role", "seed", "en", "Who manages subproject 6?", has=["Marina Zivojinovic"], lacks=["Björn Kalla"]),
    q("role", "seed", "en", "who is responsible for subproject 3", has=["Anders Bergenek"], lacks=["Björn Kalla"]),
    q("role", "seed", "en", "members of the working group of subproject 2", has=DP2_TEAM, lacks=["Roger Weman"]),
    q("role", "seed", "en", "who is the projet leader of subproject 2", has=["Björn Kalla"],
      beside=["Stefan Almér"]),

    q("role", "seed", "sv", "delprojekt tre vem är projektledare där", has=["Roger Weman"], beside=["Anders Bergenek"]),
    q("role", "seed", "sv", "DP5 projektledare", has=["Bengt Andersson"], beside=["Karolina Davidsson"]),
    q("role", "seed", "sv", "vem ansvarar för projektet som helhet", has=["Fredrik Geijer"], lacks=["Roger Weman"]),
    q("role", "seed", "sv", "hur många sitter i projektgruppen i dp3", count=7),
    q("role", "seed", "en", "who is accountable for sub-project 6", has=["Annika Vannerberg"], lacks=["Björn Kalla"],
      beside=["Marina Zivojinovic"]),
    q("role", "seed", "en", "who sits in the reference group of subproject 5", has=["Svensk Handel"],
      lacks=["Roger Weman"]),
    q("role", "persons", "sv", "vem är projektsekreterare i projektet för digital skolskjuts", has=["E. Strand"]),

    q("role", "seed", "en", "who signed the project plan", has=["Fredrik Geijer"], lacks=["Roger Weman"]),
    q("role", "seed", "sv", "vem har skrivit under projektplanen", has=["Fredrik Geijer"], lacks=["Roger Weman"]),
    q("role", "seed", "en", "list all people in subproject 5",
      has=["Karolina Davidsson", "Bengt Andersson", "Mattias Bjellvi", "Johan F Lundberg", "Ida Andersson"],
      lacks=["Roger Weman"]),
    q("role", "seed", "sv", "vilka jobbar i delprojekt 2", has=DP2_TEAM + ("Stefan Almér", "Björn Kalla"),
      lacks=["Roger Weman"]),

    # what a subproject is about
    q("about", "seed", "sv", "vad går delprojekt 5 ut på", has=["Cityförening"]),
    q("about", "seed", "sv", "vad handlar dp4 om", has=["Kultur och värderingar"]),
    q("about", "seed", "sv", "vad är syftet med delprojekt 1",
      has=[("helhetstäckande strategi", "Näringslivsstrategi för Halmstads kommun")]),
    q("about", "seed", "sv", "vad ska delprojekt 3 göra", has=[("En väg in", "myndighetsprocesser")]),
    q("about", "seed", "sv", "syfte dp 6", has=["Skola, näringsliv och arbetsmarknad"]),
    q("about", "seed", "en", "what is subproject 6 about", has=["Skola, näringsliv och arbetsmarknad"]),
    q("about", "seed", "en", "whats the aim of sub project 2",
      has=[("Strategiska respektive operativa", "strategiskt och operativt")]),
    q("about", "seed", "en", "purpose of dp 3?", has=[("En väg in", "myndighetsprocesser")]),

    q("about", "seed", "en", "what is dp5 about", has=["Cityförening"]),

    # what an intention says; intentions of a subproject; subprojects of an intention
    q("intention", "seed", "sv", "vad säger intention d", has=["En väg in/ut"]),
    q("intention", "seed", "sv", "vad står det i intentionspunkt 7", has=["Cityföreningen"]),
    q("intention", "seed", "sv", "vad innebär intention k", has=["sammanhållen funktion"]),
    q("intention", "seed", "sv", "vad sager intention 12", has=["Region Halland"]),
    q("intention", "seed", "en", "what does intention h say", has=["Science Park"]),
    q("intention", "seed", "en", "what is intention 3", has=["strategiska inriktningen"]),
    q("intention", "seed", "en", "text of intention b?", has=["Näringslivsstrategin skapar"]),
    q("intention", "seed", "sv", "vilka intentioner ska dp2 adressera", intentions=[6, 8, 12]),
    q("intention", "seed", "sv", "vilka intentionspunkter har delprojekt 1", intentions=[1, 2, 3, 8, 10]),
    q("intention", "seed", "sv", "vilka intentioner täcker dp 6", intentions=[9, 11]),
    q("intention", "seed", "en", "which intentions does subproject 3 cover", intentions=[4, 5]),
    q("intention", "seed", "en", "intentions addressed by sub-project 5", intentions=[7]),
    q("intention", "seed", "sv", "vilka delprojekt jobbar med intention h", subs=[1, 2]),
    q("intention", "seed", "sv", "vilket delprojekt adresserar intention 7", subs=[5]),
    q("intention", "seed", "sv", "vem tar hand om intention e", subs=[3]),
    q("intention", "seed", "en", "which subprojects address intention 8", subs=[1, 2]),
    q("intention", "seed", "en", "what subproject covers intention k", subs=[6]),

    q("intention", "seed", "sv", "vad är intention a", has=["tydlig vision"]),
    q("intention", "seed", "sv", "vad innebar intentionspunkt 9", has=["Kontakterna mellan skola och näringsliv"]),
    q("intention", "seed", "en", "which intentions has dp1 got", intentions=[1, 2, 3, 8, 10]),
    q("intention", "seed", "sv", "vilka delprojekt berörs av intention 8", subs=[1, 2]),
    q("intention", "seed", "sv", "hur många intentioner adresserar dp1", count=5),

    q("intention", "seed", "en", "what does intention nr 10 say", has=["arbetsmarknadens utveckling"]),
    q("intention", "seed", "sv", "vilka delprojekt ska hantera intention 1", subs=[1]),
    q("intention", "seed", "en", "what subprojects deal with intention l", subs=[2]),
    q("intention", "seed", "en", "list the intentions", intentions=range(1, 13)),

    # what X must take into account; what depends on X
    q("considers", "seed", "sv", "vad ska dp 2 ta hänsyn till", has=["Samordnad kommunikation och marknadsföring"]),
    q("considers", "seed", "sv", "vad måste delprojekt 6 beakta", has=["SMILE"]),
    q("considers", "seed", "sv", "vilka andra utredningar ska delprojekt 3 beakta", has=["Servicecenter"]),
    q("considers", "seed", "en", "what must subproject 5 take into account", has=["Stadens Hjärta"]),
    q("considers", "seed", "en", "what should sp4 consider", has=["SKL"]),
    q("considers", "seed", "sv", "vad är beroende av delprojekt 4", has=["delprojekt 2"]),
    q("considers", "seed", "en", "what depends on subproject 4", has=[("subproject 2", "delprojekt 2")]),

    q("considers", "seed", "en", "what does sp 1 have to consider", has=["Samordnad kommunikation och marknadsföring"]),

    # milestones and deadlines
    q("milestone", "seed", "sv", "när ska dp3 vara klart", has=[DP3_DONE], lacks=["2013-12-31"]),
    q("milestone", "seed", "sv", "när ska delprojekt 6 vara färdigt", has=[("2012-05-31", "31 maj", "2012-05-29")], lacks=["2013-12-31"]),
    q("milestone", "seed", "sv", "när ska delprojekt 4 vara klart?", has=["2013-12-31"], lacks=["2012-05-29"]),
    q("milestone", "seed", "sv", "vilka milstolpar finns i maj 2012", has=["2012-05-15", "2012-05-29"],
      lacks=["2012-04-30", "2012-09-01"]),
    q("milestone", "seed", "sv", "vad händer efter 1 juni 2012", has=["2012-09-01", "2013-12-31"],
      lacks=["2012-05-15"]),
    q("milestone", "seed", "sv", "milstolpar före april 2012", has=["2012-03-31"], lacks=["2012-05-15"]),
    q("milestone", "seed", "sv", "när ska besluten vara tagna", has=["2012-05-31"]),
    q("milestone", "seed", "sv", "senast när måste beslut fattas", has=["2012-05-31"]),
    q("milestone", "seed", "sv", "när är analysfasen klar i dp3", has=["2012-03-31"], lacks=["2013-12-31"]),
    q("milestone", "seed", "sv", "tidplan för delprojekt 3", has=["2012-03-31", "2012-04-30", "2012-09-01"], lacks=["2013-12-31"]),
    q("milestone", "seed", "en", "milestones in march 2012", has=["2012-03-31"], lacks=["2012-05-15"]),
    q("milestone", "seed", "en", "what deadlines are after May 2012", has=["2012-09-01", "2013-12-31"],
      lacks=["2012-05-15"]),
    q("milestone", "seed", "en", "when does subproject 3 have to be done", has=[DP3_DONE], lacks=["2013-12-31"]),
    q("milestone", "seed", "en", "by when must the decisions be made", has=["2012-05-31"]),
    q("milestone", "seed", "en", "deadlines before 1 may 2012", has=["2012-03-31", "2012-04-30"],
      lacks=["2012-05-29"]),
    q("milestone", "seed", "en", "when should sp 4 be finished", has=["2013-12-31"], lacks=["2012-05-29"]),

    q("milestone", "seed", "sv", "deadline för dp 5", has=["2012-05-29"], lacks=["2013-12-31"]),
    q("milestone", "seed", "en", "schedule of subproject 6", has=["2012-05-15", "2012-05-29"], lacks=["2013-12-31"]),

    q("milestone", "seed", "en", "when is the KS decision for subproject 1", has=["2012-05-29"], lacks=["2013-12-31"]),
    q("milestone", "seed", "en", "milestones between 1 April and 15 May 2012", has=["2012-04-30", "2012-05-15"],
      lacks=["2012-05-29", "2012-03-31"]),
    q("milestone", "seed", "sv", "milstolpar mellan 1 april och 15 maj 2012", has=["2012-04-30", "2012-05-15"],
      lacks=["2012-05-29", "2012-03-31"]),

    # what a body decided on a date; which decision X rests on
    q("decision", "seed", "sv", "vad beslutade klu 2012-02-07", has=[KLU_0207]),
    q("decision", "seed", "sv", "vad bestämde ledningsutskottet den 7 februari 2012", has=[KLU_0207]),
    q("decision", "seed", "sv", "vad beslutade KS 2011-09-06", has=[("översyn", "uppdrag")]),
    q("decision", "seed", "sv", "vilket beslut bygger projektet på", has=["2012-02-07"]),
    q("decision", "seed", "sv", "vilket beslut vilar dp1 på", has=["2012-02-07"]),
    q("decision", "seed", "sv", "var kommer intention c ifrån", has=["2012-02-07"]),
    q("decision", "seed", "en", "what did the KLU decide on 7 Feb 2012", has=[KLU_0207]),
    q("decision", "seed", "en", "which decision is subproject 3 based on", has=["2012-02-07"]),
    q("decision", "seed", "en", "what decision does the plan rest on", has=["2012-02-07"]),

    q("decision", "seed", "en", "what did the municipal executive board decide on 6 Sept 2011",
      has=[("översyn", "uppdrag")]),
    q("decision", "seed", "sv", "vad beslutade KLU 2011-12-06", has=["bordlägga"]),

    # people in several subprojects; who a person is
    q("person", "seed", "sv", "vilka är med i flera delprojekt", has=MULTI, lacks=["Roger Weman"]),
    q("person", "seed", "sv", "vem sitter i mer än ett delprojekt", has=MULTI, lacks=["Roger Weman"]),
    q("person", "seed", "en", "people in several subprojects", has=MULTI, lacks=["Roger Weman"]),
    q("person", "seed", "en", "who works in more than one subproject?", has=MULTI, lacks=["Roger Weman"]),
    q("person", "seed", "sv", "vem är stefan almer", has=["Stefan Almér", "1", "2"], subs=[1, 2]),
    q("person", "seed", "sv", "vem är bjorn kala", has=["Björn Kalla"], subs=[1, 2]),
    q("person", "seed", "sv", "vem ar Karolina Davidson", has=["Karolina Davidsson"], subs=[2, 3, 4, 5]),
    q("person", "seed", "sv", "i vilka delprojekt är karolina davidsson med", subs=[2, 3, 4, 5]),
    q("person", "seed", "sv", "vilka delprojekt är annika vannerberg med i", subs=[2, 6]),
    q("person", "seed", "en", "who is Roger Weman", has=["Roger Weman"], subs=[3]),
    q("person", "seed", "en", "which subprojects is Fredrik Ottosson in", subs=[2, 3]),
    q("person", "seed", "en", "who's eva-lena torud", has=["Eva-Lena Torudd"], subs=[3, 4]),
    q("person", "seed", "sv", "vad har Fredrik Geijer för roll", has=["Fredrik Geijer", "kommunchef"]),
    q("person", "seed", "sv", "vem är Anders Bergenek", has=["Anders Bergenek"], subs=[3]),

    q("person", "seed", "sv", "vem är Hans Ekberg", has=["Hans Ekberg"], subs=[3]),
    q("person", "seed", "sv", "vilka roller har Björn Kalla", has=["projektledare"], subs=[1, 2]),
    q("person", "seed", "en", "who is Karin Åhström", has=["Karin Åhström"], subs=[4]),

    q("person", "seed", "en", "who is Stefan Almer", has=["Stefan Almér"], subs=[1, 2]),
    q("person", "seed", "en", "in which subprojects does Karolina Davidsson take part", subs=[2, 3, 4, 5]),
    q("person", "seed", "sv", "vem är marina zivojinovic", has=["Marina Zivojinovic"], subs=[6]),
    q("person", "seed", "en", "who are the people in more than 1 subproject", has=MULTI, lacks=["Roger Weman"]),

    # counts and lists
    q("count-list", "seed", "sv", "hur många delprojekt är det", count=6),
    q("count-list", "seed", "sv", "antal delprojekt?", count=6),
    q("count-list", "seed", "sv", "hur många intentioner finns det", count=12),
    q("count-list", "seed", "sv", "lista alla delprojekt", subs=[1, 2, 3, 4, 5, 6]),
    q("count-list", "seed", "sv", "visa intentionerna", intentions=range(1, 13)),
    q("count-list", "seed", "sv", "hur många personer är med i delprojekt 6", count=7),
    q("count-list", "seed", "en", "how many subprojects are there", count=6),
    q("count-list", "seed", "en", "how many intentions", count=12),
    q("count-list", "seed", "en", "list the subprojects", subs=[1, 2, 3, 4, 5, 6]),
    q("count-list", "seed", "en", "how many people in dp 1", count=5),

    q("count-list", "seed", "en", "how many people are in subproject 3", count=14),
    q("count-list", "seed", "sv", "antal personer i dp 4", count=6),
    q("count-list", "seed", "sv", "vilka delprojekt finns", subs=[1, 2, 3, 4, 5, 6]),

    q("count-list", "seed", "en", "number of subprojects", count=6),

    # budgets, reporting lines, organisations
    q("budget-report-org", "seed", "sv", "vad är budgeten för delprojekt 6",
      has=[("befintliga ramar", "Ökade livschanser")]),
    q("budget-report-org", "seed", "sv", "vilken budget har dp 3", has=["befintliga ramar"]),
    q("budget-report-org", "seed", "en", "what's the budget of subproject 5", has=["befintlig budget"]),
    q("budget-report-org", "seed", "sv", "till vem rapporterar dp 4", has=["kommunchef"]),
    q("budget-report-org", "seed", "sv", "vem rapporterar delprojekt 1 till", has=["ppdragsansvarig", "ommunchef"]),
    q("budget-report-org", "seed", "en", "who does subproject 6 report to", has=["ommunchef"]),
    q("budget-report-org", "seed", "sv", "vilka organisationer är inblandade", has=[HNAB, "UAF"]),
    q("budget-report-org", "seed", "sv", "vilka delprojekt är HNAB med i",
      has=[("delprojekt 1", "Delprojekt 1"), ("delprojekt 6", "Delprojekt 6")]),
    q("budget-report-org", "seed", "en", "which organisations take part in subproject 6",
      has=["UAF", "BUF", HNAB]),
    q("budget-report-org", "seed", "en", "what organizations are involved", has=[HNAB, "UAF"]),

    q("budget-report-org", "seed", "en", "what is the budget for sp1", has=["befintliga ramar"]),
    q("budget-report-org", "seed", "sv", "rapportering dp3", has=["ppdragsansvarig", "ommunchef"]),
    q("budget-report-org", "seed", "en", "which subprojects is HNAB part of", has=["subproject 1", "subproject 6"]),

    q("budget-report-org", "seed", "en", "reporting line of subproject 3", has=["ppdragsansvarig", "ommunchef"]),
    q("budget-report-org", "seed", "sv", "vilka organisationer är med i dp 5", has=["Svensk Handel"]),

    # overlaps and gaps
    q("overlap-gap", "seed", "sv", "vad överlappar dp1 med", has=[("delprojekt 2", "Delprojekt 2")]),
    q("overlap-gap", "seed", "sv", "finns det dubbelarbete mellan delprojekten", has=["1", "2"]),
    q("overlap-gap", "seed", "sv", "vilka delprojekt saknar intentioner", subs=[4]),
    q("overlap-gap", "seed", "sv", "finns det intentioner som inget delprojekt tar hand om", empty=True),
    q("overlap-gap", "seed", "en", "which subprojects overlap", has=["1", "2"]),
    q("overlap-gap", "seed", "en", "subprojects with no intention", subs=[4]),
    q("overlap-gap", "seed", "en", "are there intentions no subproject covers", empty=True),
    q("overlap-gap", "seed", "en", "what overlaps with sub project 3", has=[("subproject 4", "delprojekt 4")]),

    q("overlap-gap", "seed", "sv", "finns det delprojekt utan intentioner", subs=[4]),
    q("overlap-gap", "seed", "sv", "vilka delprojekt liknar varandra", has=["1", "2"]),

    q("overlap-gap", "seed", "en", "which subproject has no intentions", subs=[4]),

    # minutes (Ekträsk, tests/graph/minutes_builder.py)
    q("minutes", "minutes", "sv", "vem var ordförande på ks 12 sept 2022", has=["Ingrid Vall"], lacks=["Per Holmgren"]),
    q("minutes", "minutes", "sv", "vem justerade protokollet från kommunstyrelsen 2022-09-12",
      has=["Märta Lunde"]),
    q("minutes", "minutes", "sv", "vem var sekreterare ks 2022-09-12", has=["Agnes Tor"]),
    q("minutes", "minutes", "sv", "vilka reserverade sig mot försäljningen av Granen 4",
      has=["Per Holmgren", "Rolf Sparre"], lacks=["Märta Lunde"]),
    q("minutes", "minutes", "sv", "vem reserverade sig i KS 2022/155", has=["Per Holmgren", "Rolf Sparre"], lacks=["Märta Lunde"]),
    q("minutes", "minutes", "sv", "vilka paragrafer gäller ks 2022/140", has=["112", "88"], lacks=["113"]),
    q("minutes", "minutes", "sv", "vad beslutade kf 2022-10-03", has=["godkänna handlingsplanen"]),
    q("minutes", "minutes", "sv", "vad beslutade kommunstyrelsen den 12 september 2022",
      has=["addinfrastruktur", "Granen 4"]),
    q("minutes", "minutes", "sv", "vem ersatte Karl Öst", has=["Rolf Sparre"]),
    q("minutes", "minutes", "sv", "vem var ordf i kommunstyrelsen 2022-09-12", has=["Ingrid Vall"]),
    q("minutes", "minutes", "en", "who chaired the board meeting on 12 Sept 2022", has=["Ingrid Vall"]),
    q("minutes", "minutes", "en", "who dissented in KS on 2022-09-12", has=["Per Holmgren", "Rolf Sparre"], lacks=["Märta Lunde"]),
    q("minutes", "minutes", "en", "who checked the minutes of KS 2022-09-12", has=["Märta Lunde"]),
    q("minutes", "minutes", "en", "what did the council decide on 3 October 2022", has=["godkänna handlingsplanen"]),
    q("minutes", "minutes", "en", "which paragraphs concern case KS 2022/140", has=["112", "88"], lacks=["113"]),
    q("minutes", "minutes", "en", "who was vice chair at KS 2022-09-12", has=["Per Holmgren"], lacks=["Ingrid Vall"]),
    q("minutes", "minutes", "sv", "vilka beslut togs på ks-mötet 12/9 2022", has=["addinfrastruktur", "Granen 4"]),
    q("minutes", "minutes", "en", "who took the minutes at KS on 12 September 2022", has=["Agnes Tor"]),
    q("minutes", "minutes", "sv", "när justerades protokollet 2022-09-12", has=["2022-09-15"]),

    q("minutes", "minutes", "en", "which decisions did KF make on 2022-10-03", has=["godkänna handlingsplanen"]),
    q("minutes", "minutes", "sv", "vilka deltog i ks 2022-09-12",
      has=["Ingrid Vall", "Per Holmgren", "Märta Lunde", "Rolf Sparre"]),
    q("minutes", "minutes", "sv", "vem yrkade avslag i ärendet om Granen 4", has=["Per Holmgren"],
      lacks=["Märta Lunde"]),
    q("minutes", "minutes", "en", "which cases were dealt with at KS 2022-09-12", has=["KS 2022/140", "KS 2022/155"]),

    # minutes of the Älvstad linked set (tests/graph/linked_set.py)
    q("minutes", "linked", "sv", "vem var ordf vid kf 2023-04-24", has=["Eva Strand"]),
    q("minutes", "linked", "sv", "vem justerade ks protokollet 2023-03-14", has=["Jonas Ahl"]),
    q("minutes", "linked", "sv", "vad beslutade ks 2023-10-10", has=["återrapporteringen"]),
    q("minutes", "linked", "sv", "vilka paragrafer rör KS 2023/45", has=["12", "88"]),
    q("minutes", "linked", "sv", "vilket beslut bygger projektplanen för cykelbanor på", has=["2023-03-14"]),
    q("minutes", "linked", "en", "who chaired the council meeting of 24 April 2023", has=["Eva Strand"]),
    q("minutes", "linked", "en", "what did the municipal board decide on 14 March 2023", has=["projektdirektiv"]),
    q("minutes", "linked", "en", "who was secretary of KS 2023-10-10", has=["Stina Hallberg"]),
    q("minutes", "linked", "sv", "vem var ordförande 2023-03-14", has=["Karin Holm"], lacks=["Eva Strand"]),
    q("minutes", "linked", "en", "which decisions did KS take on 2023-03-14", has=["projektdirektiv"]),
    q("minutes", "linked", "en", "what paragraphs deal with KS 2023/45", has=["12", "88"]),

    q("strategy", "linked", "sv", "när antogs strategin för hållbart resande", has=["2022-05-16"]),

    # minutes and a plan of the persons set (tests/graph/persons_set.py)
    q("minutes", "persons", "sv", "vem var ordförande i kommunstyrelsen 2024-02-13", has=["Karin Holm"]),
    q("minutes", "persons", "sv", "vem justerade 2024-02-13", has=["Eva Strand"]),
    q("minutes", "persons", "en", "who chaired the board in Sjöby on 11 April 2023", has=["Karin Holm"]),
    q("role", "persons", "sv", "vem är projektledare för digital skolskjuts", has=["Omar B Sandell"],
      beside=["Anna K Berg"]),
    q("role", "persons", "sv", "vilka sitter i styrgruppen för digital skolskjuts", has=["Holm", "Lars Ek"],
      lacks=["Omar B Sandell"]),
    q("person", "persons", "en", "who is Maria Nord", has=["Maria Nord", "Norrvik"]),
    q("person", "persons", "sv", "vem är Anna Berg", has=["Norrvik", "Sjöby"]),

    # strategies (tests/graph/questions/stores.py STRATEGY; tests/graph/strategy_builder.py)
    q("strategy", "strategy", "sv", "vilka mål har digitaliseringsstrategin", has=NORRVIK_GOALS),
    q("strategy", "strategy", "sv", "vad är målen i strategi för digital utveckling", has=NORRVIK_GOALS),
    q("strategy", "strategy", "en", "goals of the digital development strategy", has=NORRVIK_GOALS),
    q("strategy", "strategy", "en", "what goals does Strategi för digital utveckling have", has=NORRVIK_GOALS),
    q("strategy", "strategy", "sv", "mål strategi digital utveckling", has=NORRVIK_GOALS),
    q("strategy", "strategy", "sv", "vem är dokumentansvarig för strategin", has=["Elin Marsk"]),
    q("strategy", "strategy", "sv", "när antogs strategin för digital utveckling", has=["2021-06-14"]),
    q("strategy", "strategy", "en", "who owns the digital strategy", has=["Elin Marsk"]),
    q("strategy", "strategies", "sv", "vilka mål har programmet för levande landsbygd",
      has=["Grundläggande service", "snabbt bredband"], lacks=["trygga i skolan"]),
    q("strategy", "strategies", "sv", "mål i strategin för digitala tjänster?",
      has=["vanligaste ärenden digitalt", "snabbare och mer enhetlig"], lacks=["snabbt bredband"]),
    q("strategy", "strategies", "en", "what are the goals of Program för trygg och säker uppväxt",
      has=["trygga i skolan", "fullföljer gymnasiet", "röra sig mer"], lacks=["snabbt bredband"]),
    q("strategy", "strategies", "sv", "vem äger strategin för digitala tjänster", has=["Tove Hallin"]),
    q("strategy", "strategies", "sv", "hur länge gäller programmet för trygg och säker uppväxt",
      has=["2024-12-31"]),
    q("strategy", "strategies", "en", "when was Program för levande landsbygd adopted", has=["2017-09-25"]),
]


# -- judging ----------------------------------------------------------------------------------
def _flat(result: dict) -> str:
    """A result's own strings and numbers and its role's labels; ids, evidence and the entities it
    hangs on (a milestone's subproject, an intention's plan) left out, so that a value counts only
    where the answer gives it."""
    own = [str(v) for k, v in result.items() if k not in ("iri", "id") and isinstance(v, (str, int, float))]
    role = result.get("role")
    if isinstance(role, dict):
        own += [str(v) for v in role.values() if isinstance(v, str)]
    return " ".join(own)


def _contains(text: str, value: str) -> bool:
    """`value` in `text`, case-folded; a number only as a whole number."""
    if value.isdigit():
        return re.search(rf"(?<![\d-]){value}(?![\d-])", text) is not None
    return value.casefold() in text.casefold()


def _states_count(answer: str, count: int) -> bool:
    """The answer states `count` of something ("6 delprojekt", "14 people"), not as a list's item number."""
    return re.search(rf"(?<![\d.-]){count} +[^\W\d]", answer) is not None


def _numbers(results: list, kind: str) -> set:
    return {r.get("number") for r in results if r.get("type") == kind}


def judge(question: Q, data: dict) -> tuple[str, str]:
    """("right" | "wrong" | "not understood", why a wrong answer is wrong or what a right one gives
    beside what was asked)."""
    if data.get("understood_as") is None:
        return "not understood", ""
    results = [r for r in data.get("results") or [] if isinstance(r, dict)]
    text = " ".join([data.get("answer") or ""] + [_flat(r) for r in results])
    missing = [v for v in question.has
               if not any(_contains(text, alt) for alt in (v if isinstance(v, tuple) else (v,)))]
    given = [v for v in question.lacks if _contains(text, v)]
    problems = [f"missing {missing}"] if missing else []
    problems += [f"gives {given}"] if given else []
    if question.subs is not None and _numbers(results, "subproject") != question.subs:
        problems.append(f"subprojects {sorted(_numbers(results, 'subproject'), key=str)}")
    if question.intentions is not None and _numbers(results, "intention") != question.intentions:
        problems.append(f"intentions {sorted(_numbers(results, 'intention'), key=str)}")
    if question.count is not None and not _states_count(data.get("answer") or "", question.count):
        problems.append(f"no count {question.count}")
    if question.empty and results:
        problems.append(f"{len(results)} results where there are none")
    if problems:
        return "wrong", "; ".join(problems)
    broader = [v for v in question.beside if _contains(text, v)]
    return "right", f"also gives {broader}" if broader else ""


def build_all(folder: Path) -> dict[str, Path]:
    """The stores the set asks, by name, built under `folder` the first time."""
    paths = dict(build_stores(folder))
    if not (folder / "persons").exists():
        build_persons_store(folder / "persons")
    paths["persons"] = folder / "persons"
    if not (folder / "strategies" / "store").exists():
        build_strategy_store(folder / "strategies")
    paths["strategies"] = folder / "strategies" / "store"
    return paths


@dataclass
class Outcome:
    question: Q
    verdict: str
    reason: str
    answer: str
    intent: str | None


def run(paths: dict[str, Path]) -> list[Outcome]:
    outcomes = []
    for name in sorted({x.store for x in QUESTIONS}):
        store = open_store(str(paths[name]))
        try:
            for x in (x for x in QUESTIONS if x.store == name):
                data = ask(store, x.text, None)
                verdict, reason = judge(x, data)
                intent = (data.get("understood_as") or {}).get("intent")
                outcomes.append(Outcome(x, verdict, reason, data.get("answer") or "", intent))
        finally:
            store.close()
    order = {id(x): i for i, x in enumerate(QUESTIONS)}
    return sorted(outcomes, key=lambda o: order[id(o.question)])


def tally(outcomes: list[Outcome]) -> dict[str, Counter]:
    """Verdict counts per language and in all."""
    table = {"sv": Counter(), "en": Counter(), "all": Counter()}
    for o in outcomes:
        table[o.question.lang][o.verdict] += 1
        table["all"][o.verdict] += 1
    return table


def report(outcomes: list[Outcome]) -> str:
    lines = [f"{'':6}{'right':>7}{'wrong':>7}{'not understood':>16}{'total':>7}{'right %':>9}"]
    for lang, c in tally(outcomes).items():
        total = sum(c.values())
        lines.append(f"{lang:6}{c['right']:>7}{c['wrong']:>7}{c['not understood']:>16}{total:>7}"
                     f"{100 * c['right'] / total:>8.1f}%")
    broader = [o for o in outcomes if o.verdict == "right" and o.reason]
    if broader:
        lines.append(f"\nright, but broader than asked ({len(broader)}):")
        lines += [f"  {o.question.family:18} {o.question.lang} {o.question.text!r} [{o.intent}] {o.reason}"
                  for o in broader]
    for verdict in ("wrong", "not understood"):
        failed = [o for o in outcomes if o.verdict == verdict]
        if failed:
            lines.append(f"\n{verdict} ({len(failed)}):")
        for family in FAMILIES:
            for o in (o for o in failed if o.question.family == family):
                detail = f" [{o.intent}] {o.reason} — {o.answer[:160]}" if verdict == "wrong" else ""
                lines.append(f"  {family:18} {o.question.lang} {o.question.store:10} {o.question.text!r}{detail}")
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) > 1:  # a folder to build the stores in once and reuse
        print(report(run(build_all(Path(sys.argv[1])))))
        return 0
    with tempfile.TemporaryDirectory(prefix="heldout-questions-") as folder:
        print(report(run(build_all(Path(folder)))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
