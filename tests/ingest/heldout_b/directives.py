"""Project directives and commission descriptions (uppdragsbeskrivningar): metadata blocks, role
lines, signature blocks, a table-less PDF and exports with page markers."""
from __future__ import annotations

from tests.ingest.heldout_b.names import People
from tests.ingest.heldout_b.record import Doc, Record


def directive_vasterryd(p: People) -> Doc:
    r = Record("projektdirektiv", "Västerryd")
    title = r.title("Projektdirektiv Ny vatten- och avloppsplan för Västerryds kommun")
    date = r.date("2020-03-10")
    dnr = r.dnr("KS 2020/112")
    owner, lead = p.many(2)
    steer = p.many(3)
    team = p.many(4)
    r.decision(date, "Kommunstyrelsen")
    goals = [("1", "En VA-plan ska vara antagen av kommunfullmäktige senast december 2021"),
             ("2", "Planen ska peka ut områden där allmänt vatten och avlopp behövs"),
             ("3", "Planen ska ha en åtgärdslista med ansvar och kostnader")]
    pages = [
        ["Västerryds kommun", "PROJEKTDIREKTIV", title,
         "Dokumenttyp: Projektdirektiv", f"Fastställd av: Kommunstyrelsen {date}, § 41",
         f"Diarienummer: {dnr}", "Version: 1.0",
         "1 Bakgrund",
         "Kommunen saknar en samlad plan för vatten och avlopp. Länsstyrelsen har i sin tillsyn "
         "påpekat att en sådan plan behövs.",
         "2 Effektmål och projektmål",
         *[f"{lab}. {r.goal(lab, t)}" for lab, t in goals],
         "Sida 1 av 2"],
        ["Västerryds kommun", f"{dnr}",
         "3 Avgränsningar", "Projektet omfattar inte taxefrågor.",
         "4 Organisation",
         f"Beställare: {r.role(owner, 'uppdragsansvarig')}, samhällsbyggnadschef",
         f"Projektledare: {r.role(lead, 'projektledare')}, VA-ingenjör",
         "Styrgrupp: " + ", ".join(f"{r.role(n, 'styrgrupp')} ({t})" for n, t in
                                  zip(steer, ("kommundirektör", "miljöchef", "VD Västerryds Vatten AB"))),
         "Projektdeltagare: " + ", ".join(r.role(n, "projektgrupp") for n in team),
         "5 Tidplan och rapportering",
         "Projektledaren rapporterar till styrgruppen varje månad.",
         "Sida 2 av 2"],
    ]
    related = ["VA-policy för Granryds kommun. Antagen av kommunfullmäktige",
               f"Protokoll Samhällsbyggnadsnämnden Justerare {p.one()}",
               "Dagvattenstrategi Remissversion", "Vattenförsörjningsplan Västerryd 2012"]
    return Doc("b05-direktiv-vasterryd", "docplayer", title, pages, r, related)


def directive_granryd(p: People) -> Doc:
    r = Record("projektdirektiv", "Granryd")
    title = r.title("Projektdirektiv för införande av e-arkiv")
    date = r.date("2021-01-12")
    dnr = r.dnr("KS 2020/0419")
    signer, lead, sec = p.many(3)
    steer = p.many(3)
    team = p.many(3)
    refs = p.many(2)
    r.role(signer, "signatory")
    r.decision("2021-01-19", "Kommunstyrelsens arbetsutskott")
    goals = [("1", "Kommunens verksamhetssystem ska kunna leverera handlingar till e-arkivet"),
             ("2", "Pappersarkivet ska inte växa efter år 2023"),
             ("3", "Allmänheten ska kunna söka i arkivet via webben")]
    pages = [
        ["GRANRYDS KOMMUN", "Kommunledningskontoret", f"{date}    Dnr {dnr}", title,
         "Bakgrund",
         "Lagen kräver att allmänna handlingar bevaras. En allt större del av handlingarna skapas i digital form.",
         "Mål",
         *[f"Mål {lab}. {r.goal(lab, t)}." for lab, t in goals],
         "Projektorganisation",
         "Projektägare är kommunstyrelsen genom kommundirektören.",
         f"Projektledare: {r.role(lead, 'projektledare')}",
         f"Projektsekreterare: {r.role(sec, 'projektsekreterare')}",
         "Styrgrupp: " + ", ".join(r.role(n, "styrgrupp") for n in steer),
         "Arbetsgrupp: " + ", ".join(r.role(n, "projektgrupp") for n in team),
         "Referensgrupp: " + ", ".join(r.role(n, "referensgrupp") for n in refs)],
        ["Tidplan", "Förstudie hösten 2021, upphandling 2022, drift från 2023.",
         "Beslut",
         "Direktivet fastställs av kommunstyrelsens arbetsutskott den 19 januari 2021.",
         "", f"Granryd {date}", "", signer, "Kommundirektör"],
    ]
    return Doc("b06-direktiv-granryd", "pdf", title, pages, r)


def directive_hagaby(p: People) -> Doc:
    r = Record("projektdirektiv", "Hagaby")
    title = r.title("PROJEKTDIREKTIV Hållbar mobilitet i centrala Hagaby")
    date = r.date("2022-04-04")
    dnr = r.dnr("SBN 2022/0093")
    owner, lead = p.many(2)
    steer = p.many(3)
    leaders = p.many(2)
    r.decision("2022-03-23", "Samhällsbyggnadsnämnden")
    goals = [("1", "Andelen resor till fots och med cykel i centrum ska öka"),
             ("2", "Parkeringsytor i centrum ska kunna användas för bostäder"),
             ("3", "Kollektivtrafiken ska nå alla nya bostadsområden")]
    subs = [("Parkeringsstrategi", ["2"], "Detaljplanen för kvarteret Linden"),
            ("Gång- och cykelnät", ["1", "3"], "Trafiksäkerhetsprogrammet")]
    head = f"Hagaby kommun             Projektdirektiv             {date}"
    pages = [
        [head, "", title, "", f"Ärende: {dnr}", "",
         "Uppdrag",
         "Samhällsbyggnadsnämnden beslutade 2022-03-23 § 31 att ge förvaltningen i uppdrag att",
         "genomföra projektet enligt detta direktiv.", "",
         "Mål", *[f"  {lab}  {r.goal(lab, t)}" for lab, t in goals], "", "1 (2)"],
        [head, "",
         "Roller",
         f"  Projektägare       {r.role(owner, 'uppdragsansvarig')}, samhällsbyggnadschef",
         f"  Projektledare      {r.role(lead, 'projektledare')}, trafikplanerare",
         "  Styrgrupp          " + ", ".join(r.role(n, "styrgrupp") for n in steer), "",
         "Delprojekt",
         *[line for i, ((sub, gl, cons), ldr) in enumerate(zip(subs, leaders), start=1) for line in (
             f"  Delprojekt {i}. {r.subproject(i, sub)}",
             f"  Delprojektledare: {r.leader(i, ldr)}",
             "  Bidrar till mål " + ", ".join(r.subgoal(i, g) for g in gl),
             f"  Ska samordnas med {r.consider(i, cons)}")],
         "", "2 (2)"],
    ]
    return Doc("b07-direktiv-hagaby", "formfeed", title, pages, r)


def commission_lindfors(p: People) -> Doc:
    r = Record("uppdragsbeskrivning", "Lindfors")
    title = r.title("Uppdragsbeskrivning: Översyn av kommunens lokalförsörjning")
    date = r.date("2019-11-05")
    dnr = r.dnr("KS 2019/0610")
    giver, leader = p.many(2)
    team = p.many(3)
    res = p.many(2)
    r.decision("2019-10-28", "Kommunstyrelsen")
    goals = [("1", "en samlad bild av kommunens lokaler och deras nyttjandegrad"),
             ("2", "förslag på lokaler som kan avvecklas eller samutnyttjas"),
             ("3", "en modell för hur lokalbehov ska beställas")]
    pages = [
        ["Lindfors kommun UPPDRAGSBESKRIVNING", f"Datum: {date} Diarienummer: {dnr}", title,
         "Uppdragsgivare",
         f"Kommunstyrelsen genom kommundirektör {r.role(giver, 'uppdragsansvarig')}.",
         "Uppdragsledare",
         f"{r.role(leader, 'projektledare')}, strateg vid kommunledningskontoret.",
         "Bakgrund",
         "Kommunstyrelsen beslutade 2019-10-28 § 201 att en översyn av lokalförsörjningen ska göras. "
         "Kostnaderna för lokaler har ökat snabbare än verksamheternas budgetar."],
        ["Uppdraget ska resultera i",
         *[f"{lab}. {r.goal(lab, t)}" for lab, t in goals],
         "Medverkande",
         "Arbetsgrupp: " + ", ".join(r.role(n, "projektgrupp") for n in team),
         "Resurspersoner: " + ", ".join(r.role(n, "resursperson") for n in res),
         "Redovisning",
         "Uppdraget redovisas för kommunstyrelsen senast 2020-05-31."],
    ]
    related = [f"Lokalförsörjningsplan 2018-2021 Handläggare {p.one()}",
               "Riktlinjer för lokalförsörjning i Ekfors kommun",
               "Revisionsrapport Granskning av lokalförsörjningsprocessen",
               "Uppdragsbeskrivning mall"]
    return Doc("b08-uppdrag-lindfors", "docplayer", title, pages, r, related)


def commission_bjorkkoping(p: People) -> Doc:
    r = Record("uppdragsbeskrivning", "Björkköping")
    title = r.title("Uppdragsbeskrivning – Handlingsplan mot ofrivillig ensamhet bland äldre")
    date = r.date("2023-02-20")
    dnr = r.dnr("SN 2023/018")
    giver, leader, sec = p.many(3)
    team = p.many(4)
    expert = p.one()
    r.decision("2023-01-25", "Socialnämnden")
    goals = [("1", "Kartlägga vilka insatser mot ensamhet som finns i dag"),
             ("2", "Föreslå nya insatser tillsammans med civilsamhället"),
             ("3", "Ta fram indikatorer för uppföljning")]
    pages = [
        ["Björkköpings kommun", "Socialförvaltningen", title,
         f"Datum {date}", f"Dnr {dnr}",
         "Beställning",
         "Socialnämnden gav den 25 januari 2023 förvaltningen i uppdrag att ta fram en handlingsplan "
         "mot ofrivillig ensamhet.",
         "Uppdragets innehåll", *[f"{lab}) {r.goal(lab, t)}" for lab, t in goals]],
        ["Organisation",
         f"Uppdragsgivare är socialchef {r.role(giver, 'uppdragsansvarig')}.",
         f"Uppdragsledare är {r.role(leader, 'projektledare')}, verksamhetsutvecklare.",
         f"Sekreterare i arbetet är {r.role(sec, 'projektsekreterare')}.",
         "Arbetsgruppen består av " + ", ".join(r.role(n, "projektgrupp") for n in team[:-1])
         + " och " + r.role(team[-1], "projektgrupp") + ".",
         f"Som sakkunnig medverkar {r.role(expert, 'resursperson')}, geriatriker.",
         "Tidplan", "Handlingsplanen ska lämnas till nämnden i november 2023."],
    ]
    return Doc("b09-uppdrag-bjorkkoping", "pdf-dejavu", title, pages, r)


def commission_asryd(p: People) -> Doc:
    r = Record("uppdragsbeskrivning", "Åsryd")
    title = r.title("Uppdragsbeskrivning för utredning av framtida skolorganisation")
    date = r.date("2017-09-12")
    dnr = r.dnr("BUN 2017/233")
    giver, leader = p.many(2)
    steer = p.many(2)
    team = p.many(3)
    r.decision("2017-08-29", "Barn- och utbildningsnämnden")
    r.unsure("goals", "goal_labels")
    goals = [("1", "Elevprognoser per skolområde till år 2030"),
             ("2", "Två alternativ till ny skolorganisation med konsekvenser för elever och personal")]
    pages = [
        ["ÅSRYDS KOMMUN", "Barn- och utbildningsförvaltningen", title,
         f"{date}", f"{dnr}",
         "Bakgrund",
         "Barn- och utbildningsnämnden beslutade 2017-08-29 § 64 att utreda skolorganisationen i kommunen.",
         "Leveranser", *[f"{lab}. {r.goal(lab, t)}" for lab, t in goals]],
        ["Ansvar",
         f"Uppdragsgivare: {r.role(giver, 'uppdragsansvarig')}, förvaltningschef",
         f"Utredare och projektledare: {r.role(leader, 'projektledare')}",
         "Styrgrupp: " + " och ".join(r.role(n, "styrgrupp") for n in steer),
         "Projektgrupp: " + ", ".join(r.role(n, "projektgrupp") for n in team),
         "Utredningen redovisas till nämnden i mars 2018."],
    ]
    return Doc("b10-uppdrag-asryd", "markers", title, pages, r)
