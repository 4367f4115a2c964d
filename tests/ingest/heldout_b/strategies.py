"""Strategies, policies and action plans: a metadata block with a document owner, a policy in a
PDF adopted by the council, an action plan with goals and activities in a pdftotext export."""
from __future__ import annotations

from tests.ingest.heldout_b.names import People
from tests.ingest.heldout_b.record import Doc, Record


def strategy_tallby(p: People) -> Doc:
    r = Record("strategi", "Tallby")
    title = r.title("Näringslivsstrategi för Tallby kommun 2020-2024")
    date = r.date("2020-11-23")
    dnr = r.dnr("KS 2020/0099")
    owner = p.one()
    r.role(owner, "dokumentansvarig")
    r.decision(date, "Kommunfullmäktige")
    goals = [("1", "Tallby ska ha Sveriges bästa företagsklimat bland kommuner med färre än 20 000 invånare"),
             ("2", "Antalet nystartade företag per 1000 invånare ska öka varje år"),
             ("3", "Kommunen ska alltid ha planlagd mark för etableringar"),
             ("4", "Fler unga ska få sommarjobb och praktik i det lokala näringslivet")]
    pages = [
        [f"STRATEGI Dnr {dnr}", title,
         f"Beslutad av: Kommunfullmäktige {date}, § 140",
         f"Dokumentansvarig: {owner}, näringslivschef",
         "Gäller för: Alla nämnder och bolag", "Revideras: 2024",
         "Innehållsförteckning", "1 Inledning... 2", "2 Strategiska mål... 2", "3 Uppföljning... 3",
         "Näringslivsstrategi 1/3"],
        ["1 Inledning",
         "Strategin visar hur kommunen ska arbeta för ett starkt och växande näringsliv.",
         "2 Strategiska mål",
         *[f"Mål {lab}: {r.goal(lab, t)}" for lab, t in goals],
         "Näringslivsstrategi 2/3"],
        ["3 Uppföljning",
         "Målen följs upp årligen i kommunstyrelsens verksamhetsberättelse med indikatorer från "
         "Svenskt Näringsliv och SCB.",
         "Näringslivsstrategi 3/3"],
    ]
    related = ["EU-strategi fö r Ekfors kömmun", "Näringslivsprogram 2015-2019",
               f"Kommunfullmäktiges protokoll 2020-11-23 Justerare {p.one()} (M)",
               "Strategi för besöksnäringen i Älvby kommun"]
    return Doc("b14-strategi-tallby", "docplayer", title, pages, r, related)


def policy_granryd(p: People) -> Doc:
    r = Record("strategi", "Granryd")
    title = r.title("Policy för hållbara måltider i Granryds kommun")
    date = r.date("2019-06-17")
    dnr = r.dnr("KS 2019/0151")
    r.decision(date, "Kommunfullmäktige")
    goals = [("a", "Minst hälften av livsmedlen ska vara ekologiska eller närproducerade"),
             ("b", "Matsvinnet i skolor och äldreboenden ska halveras till år 2025"),
             ("c", "Måltiderna ska vara näringsriktiga och anpassade till gästernas behov"),
             ("d", "Måltidspersonalen ska ha kompetens i specialkost")]
    pages = [
        ["Granryds kommun", title, f"Antagen av kommunfullmäktige {date}, § 77", f"Diarienummer {dnr}",
         "Dokumentansvarig: Kostchef",
         "Syfte",
         "Policyn anger kommunens förhållningssätt till de måltider som serveras i kommunens verksamheter.",
         "Inriktning",
         "Kommunen ska arbeta för att",
         *[f"{lab}) {r.goal(lab, t)}" for lab, t in goals]],
        ["Ansvar",
         "Varje nämnd ansvarar för att policyn följs i den egna verksamheten. Kostchefen följer upp "
         "policyn och rapporterar till kommunstyrelsen vartannat år."],
    ]
    return Doc("b15-policy-granryd", "pdf-dejavu", title, pages, r)


def actionplan_hagaby(p: People) -> Doc:
    r = Record("strategi", "Hagaby")
    title = r.title("Handlingsplan för ökad trygghet i Hagaby 2022-2023")
    date = r.date("2022-02-15")
    dnr = r.dnr("KS 2021/0702")
    owner = p.one()
    r.role(owner, "dokumentansvarig")
    r.decision(date, "Kommunstyrelsen")
    goals = [("1", "Fler invånare ska känna sig trygga i centrum på kvällstid"),
             ("2", "Antalet anmälda skadegörelser på kommunens fastigheter ska minska"),
             ("3", "Unga ska ha meningsfulla fritidsaktiviteter på helger")]
    pages = [
        ["HANDLINGSPLAN", title, "",
         f"Fastställd av kommunstyrelsen {date}, § 23          Dnr {dnr}",
         f"Ansvarig för dokumentet: {owner}, säkerhetssamordnare", "",
         "Mål och aktiviteter", "",
         f"Mål 1  {r.goal('1', goals[0][1])}",
         "   Aktivitet                         Ansvarig                Klart",
         "   Trygghetsvandringar två gånger    Samhällsbyggnad         2022-10",
         "   per år",
         "   Bättre belysning i parkerna       Tekniska enheten        2023-06", "",
         f"Mål 2  {r.goal('2', goals[1][1])}",
         "   Aktivitet                         Ansvarig                Klart",
         "   Kameror vid två skolor            Fastighetsenheten       2022-12", "",
         "                                                              1 (2)"],
        [f"Handlingsplan för ökad trygghet                  {dnr}", "",
         f"Mål 3  {r.goal('3', goals[2][1])}",
         "   Aktivitet                         Ansvarig                Klart",
         "   Öppen fritidsgård fredag och      Kultur och fritid       2022-09",
         "   lördag", "",
         "Uppföljning",
         "Handlingsplanen följs upp av kommunstyrelsen i samband med årsredovisningen.", "",
         "                                                              2 (2)"],
    ]
    return Doc("b16-handlingsplan-hagaby", "formfeed", title, pages, r)
