"""Project plans: four layouts (a docplayer transcript with appendices per subproject, a PDF whose
organisation is a ruled table, a pdftotext export with one page per subproject, a short plan
with page markers)."""
from __future__ import annotations

from tests.ingest.heldout_b.names import People
from tests.ingest.heldout_b.record import Doc, Record


def plan_alvby(p: People) -> Doc:
    r = Record("projektplan", "Älvby")
    title = r.title("Projektplan för ett samlat besöksnäringsarbete i Älvby kommun")
    dnr = r.dnr("KS 2019/0231")
    date = r.date("2019-05-14")
    owner, lead, sec = p.many(3)
    steer = p.many(3)
    team = p.many(3)
    d1l, d2l, d3l = p.many(3)
    d1m, d2m, d3m = p.many(2), p.many(2), p.many(1)
    r.decision("2019-02-05", "Kommunstyrelsen")
    r.dnr("KS 2018/0877")
    goals = [("1", "Antalet gästnätter i kommunen ska öka med tio procent till år 2022"),
             ("2", "Besöksnäringens företag ska erbjudas en gemensam bokningsportal"),
             ("3", "Kommunens evenemang ska samordnas i en gemensam kalender"),
             ("4", "Samverkan med grannkommunerna kring leder och vandring ska formaliseras")]
    head = lambda n: f"{date} {dnr} Sida {n} (5)"
    pages = [
        [head(1), "Älvby kommun", "Kommunledningsförvaltningen", title.upper(),
         "Bakgrund",
         "Kommunstyrelsen beslutade den 5 februari 2019, § 18 (dnr KS 2018/0877), att ge kommunchefen i "
         "uppdrag att ta fram en projektplan för hur kommunens arbete med besöksnäringen kan samordnas. "
         "Uppdraget bygger på en kartläggning som visade att ansvaret i dag är spritt på flera förvaltningar.",
         "Syfte",
         "Syftet är att ge besökare och företagare en väg in till kommunen och att göra arbetet mer "
         "effektivt och lättare att följa upp.", "1"],
        [head(2), "Projektmål", "Projektet ska bidra till följande mål:",
         *[f"{lab}. {r.goal(lab, text)}." for lab, text in goals],
         "Projektorganisation",
         f"Projektägare: {r.role(owner, 'uppdragsansvarig')}, kommunchef",
         f"Projektledare: {r.role(lead, 'projektledare')}, näringslivsutvecklare",
         f"Projektsekreterare: {r.role(sec, 'projektsekreterare')}, nämndsekreterare",
         "Styrgrupp: " + ", ".join(r.role(n, "styrgrupp") for n in steer),
         "Projektgrupp: " + ", ".join(r.role(n, "projektgrupp") for n in team), "2"],
        [head(3), "Delprojekt",
         "Arbetet delas in i tre delprojekt som redovisas närmare i bilagorna 1-3.",
         f"Delprojekt 1 {r.subproject(1, 'Destinationsutveckling')} (mål {r.subgoal(1, '1')} och {r.subgoal(1, '4')})",
         f"Delprojekt 2 {r.subproject(2, 'Gemensam bokning och information')} (mål {r.subgoal(2, '2')})",
         f"Delprojekt 3 {r.subproject(3, 'Evenemangssamordning')} (mål {r.subgoal(3, '3')})",
         "Tidplan",
         "Projektet startar i juni 2019 och avslutas med en slutrapport till kommunstyrelsen i december 2020.",
         "Kostnader", "Arbetet bedrivs inom befintliga ramar.", "3"],
        [f"{date} Bilaga 1.", "Delprojekt 1 Destinationsutveckling",
         f"Delprojektledare: {r.leader(1, d1l)}, turismsamordnare",
         "Deltagare: " + ", ".join(r.member(1, n) for n in d1m),
         "Andra utredningar och processer som ska beaktas:",
         f"- {r.consider(1, 'Landsbygdsprogrammet för Älvby kommun')}",
         f"- {r.consider(1, 'Ledutredningen 2018')}",
         f"{date} Bilaga 2.", "Delprojekt 2 Gemensam bokning och information",
         f"Delprojektledare: {r.leader(2, d2l)}, kommunikatör",
         "Deltagare: " + ", ".join(r.member(2, n) for n in d2m),
         "Andra utredningar och processer som ska beaktas:",
         f"- {r.consider(2, 'Kommunens digitaliseringsstrategi')}", "- Övriga delprojekt"],
        [f"{date} Bilaga 3.", "Delprojekt 3 Evenemangssamordning",
         f"Delprojektledare: {r.leader(3, d3l)}, fritidschef",
         "Deltagare: " + ", ".join(r.member(3, n) for n in d3m),
         "Andra utredningar och processer som ska beaktas:",
         f"- {r.consider(3, 'Översynen av föreningsbidragen')}"],
    ]
    related = ["Besöksnäringsstrategi för Granryds kommun 2017-2020",
               f"Sammanträdesprotokoll Kommunstyrelsen 2019-03-12 Ordförande {p.one()} (S)",
               "Projektplan Evenemangsstrategi. Version 1.2",
               f"Näringslivsprogram Tallby kommun Dokumentansvarig {p.one()}",
               "Destinationsutveckling i samverkan - slutrapport"]
    return Doc("b01-plan-alvby", "docplayer", title, pages, r, related)


def plan_tallby(p: People) -> Doc:
    r = Record("projektplan", "Tallby")
    title = r.title("Projektplan Gemensam digital lärplattform")
    date = r.date("2021-08-30")
    dnr = r.dnr("BUN 2021/0144")
    owner, lead, sec = p.many(3)
    steer = p.many(3)
    refs = p.many(2)
    res = p.many(2)
    s1, s2 = p.one(), p.one()
    m1, m2 = p.many(2), p.many(2)
    r.decision("2021-06-15", "Barn- och utbildningsnämnden")
    goals = [("a", "Alla elever i grundskolan ska använda samma lärplattform från höstterminen 2022"),
             ("b", "Vårdnadshavare ska nå frånvaro, omdömen och information på ett ställe"),
             ("c", "Lärarnas tid för administration ska minska")]
    table = [("Roll", "Namn", "Funktion"),
             ("Beställare", r.role(owner, "uppdragsansvarig"), "Förvaltningschef"),
             ("Projektledare", r.role(lead, "projektledare"), "IT-strateg"),
             ("Projektsekreterare", r.role(sec, "projektsekreterare"), "Administratör"),
             *[("Styrgrupp", r.role(n, "styrgrupp"), t) for n, t in zip(steer, ("Rektor", "IT-chef", "Ekonomichef"))],
             *[("Referensgrupp", r.role(n, "referensgrupp"), t) for n, t in zip(refs, ("Lärare", "Elevhälsan"))],
             *[("Resursperson", r.role(n, "resursperson"), t) for n, t in zip(res, ("Upphandlare", "Dataskyddsombud"))]]
    pages = [
        ["Tallby kommun", "Barn- och utbildningsförvaltningen", f"Datum: {date}", f"Diarienummer: {dnr}",
         title, "Version 1.0",
         "1. Bakgrund",
         "Barn- och utbildningsnämnden gav 2021-06-15, § 52, förvaltningen i uppdrag att införa en "
         "gemensam lärplattform för kommunens skolor. I dag används fyra olika system.",
         "2. Mål",
         *[f"{lab}) {r.goal(lab, text)}" for lab, text in goals],
         "Sida 1 av 3"],
        ["Tallby kommun", f"Projektplan {dnr}",
         "3. Projektorganisation", "Sida 2 av 3"],
        ["Tallby kommun", f"Projektplan {dnr}",
         "4. Delprojekt",
         f"Delprojekt 1: {r.subproject(1, 'Upphandling och avtal')}",
         f"Ansvarig: {r.leader(1, s1)}. I arbetet deltar " + " och ".join(r.member(1, n) for n in m1) + ".",
         f"Delprojektet arbetar mot mål {r.subgoal(1, 'a')}.",
         f"Hänsyn ska tas till {r.consider(1, 'Kommunens upphandlingspolicy')}.",
         f"Delprojekt 2: {r.subproject(2, 'Utbildning och införande')}",
         f"Ansvarig: {r.leader(2, s2)}. I arbetet deltar " + " och ".join(r.member(2, n) for n in m2) + ".",
         f"Delprojektet arbetar mot mål {r.subgoal(2, 'b')} och {r.subgoal(2, 'c')}.",
         "5. Tidplan",
         "Upphandlingen ska vara klar i januari 2022. Införandet sker under våren 2022.",
         "Sida 3 av 3"],
    ]
    return Doc("b02-plan-tallby", "pdf-table", title, pages, r, table=table, table_page=1,
               table_heading="3. Projektorganisation")


def plan_ekfors(p: People) -> Doc:
    r = Record("projektplan", "Ekfors")
    title = r.title("Projektplan - Framtidens äldreomsorg i Ekfors")
    date = r.date("2020-10-07")
    dnr = r.dnr("VON 2020/061")
    owner, lead = p.many(2)
    steer = p.many(4)
    team = p.many(3)
    leaders = p.many(3)
    members = [p.many(2), p.many(3), p.many(2)]
    r.decision("2020-09-22", "Vård- och omsorgsnämnden")
    goals = [("1", "Fler äldre ska kunna bo kvar i sitt hem med stöd av välfärdsteknik"),
             ("2", "Behovet av platser i särskilt boende ska vara utrett för perioden 2021-2030"),
             ("3", "Kompetensförsörjningen inom hemtjänsten ska säkras"),
             ("4", "Anhöriga ska erbjudas stöd tidigt")]
    subs = [("Välfärdsteknik i hemtjänsten", ["1"], ["Handlingsplan för e-hälsa"]),
            ("Boendeplanering", ["2"], ["Lokalförsörjningsplanen", "Befolkningsprognosen 2020"]),
            ("Kompetens och rekrytering", ["3", "4"], ["Kommunens personalpolicy"])]
    foot = lambda n: f"Ekfors kommun | {dnr} | {n}/5"
    pages = [
        [f"EKFORS KOMMUN                                   {date}", "Vård- och omsorgsförvaltningen", "",
         title, "", "Uppdrag",
         "Vård- och omsorgsnämnden beslutade 2020-09-22 § 88 att starta projektet Framtidens",
         "äldreomsorg och att förvaltningen ska redovisa en projektplan. Projektet ska ge under-",
         "lag för nämndens långsiktiga planering.", "", "Projektets mål",
         *[f"Mål {lab}: {r.goal(lab, text)}" for lab, text in goals], "", foot(1)],
        ["Projektplan - Framtidens äldreomsorg", "", "Organisation",
         f"Projektägare är förvaltningschef {r.role(owner, 'uppdragsansvarig')}. Projektledare är",
         f"{r.role(lead, 'projektledare')}, utvecklingsledare.",
         "Styrgruppen består av " + ", ".join(r.role(n, "styrgrupp") for n in steer[:-1]) + " och "
         + r.role(steer[-1], "styrgrupp") + ".",
         "Arbetsgrupp:", *[f"  {r.role(n, 'projektgrupp')}" for n in team], "",
         "Projektet består av tre delprojekt, se sidorna 3-5.", "", foot(2)],
    ]
    for i, ((sub, gl, cons), ldr, mem) in enumerate(zip(subs, leaders, members), start=1):
        pages.append(["Projektplan - Framtidens äldreomsorg", "",
                      f"Delprojekt {i}: {r.subproject(i, sub)}",
                      f"Delprojektansvarig: {r.leader(i, ldr)}",
                      "Arbetsgrupp: " + ", ".join(r.member(i, n) for n in mem),
                      "Kopplade mål: " + " och ".join(f"Mål {r.subgoal(i, g)}" for g in gl),
                      "Beroenden:", *[f"  * {r.consider(i, c)}" for c in cons], "", foot(2 + i)])
    return Doc("b03-plan-ekfors", "formfeed", title, pages, r)


def plan_sjokoping(p: People) -> Doc:
    r = Record("projektplan", "Sjököping")
    title = r.title("Projektplan för förstudie om en gemensam kundtjänst")
    date = r.date("2018-03-19")
    dnr = r.dnr("KS 2018/75")
    owner, lead = p.many(2)
    refs = p.many(3)
    res = p.one()
    r.decision("2018-02-27", "Kommunstyrelsens arbetsutskott")
    goals = [("1", "Förstudien ska beskriva vilka ärenden en kundtjänst kan lösa direkt"),
             ("2", "Förstudien ska ge ett förslag till organisation och bemanning"),
             ("3", "Förstudien ska redovisa kostnader för tre alternativ")]
    pages = [
        ["Sjököpings kommun", title, f"Datum {date}    Dnr {dnr}",
         "Uppdraget",
         "Kommunstyrelsens arbetsutskott gav den 27 februari 2018 kommundirektören i uppdrag att låta "
         "utreda förutsättningarna för en gemensam kundtjänst.",
         "Mål för förstudien", *[f"{lab}. {r.goal(lab, t)}" for lab, t in goals]],
        ["Organisation",
         f"Uppdragsgivare: {r.role(owner, 'uppdragsansvarig')} (kommundirektör)",
         f"Projektledare: {r.role(lead, 'projektledare')} (kvalitetsutvecklare)",
         "Referensgrupp: " + "; ".join(r.role(n, "referensgrupp") + t for n, t in
                                        zip(refs, (", socialförvaltningen", ", samhällsbyggnad", ", IT-enheten"))),
         f"Sakkunnig: {r.role(res, 'resursperson')}, jurist",
         "Tidplan",
         "Förstudien redovisas för kommunstyrelsen i oktober 2018."],
    ]
    return Doc("b04-plan-sjokoping", "markers", title, pages, r)
