"""Extracts of minutes (protokollsutdrag): a committee's extract on docplayer, a council's
adoption in a pdftotext export, a board's two paragraphs in a PDF."""
from __future__ import annotations

from tests.ingest.heldout_b.names import People
from tests.ingest.heldout_b.record import Doc, Record


def minutes_norrfors(p: People) -> Doc:
    r = Record("protokollsutdrag", "Norrfors")
    r.unsure("title")
    date = r.date("2020-09-08")
    chair, adj, sec = p.many(3)
    members = p.many(3)
    official = p.one()
    dnr = r.dnr("KS 2020/0388")
    item = r.title("Projektdirektiv för nytt vård- och omsorgsboende")
    r.decision(date, "Kommunstyrelsens arbetsutskott")
    pages = [
        ["NORRFORS KOMMUN PROTOKOLLSUTDRAG", "Kommunstyrelsens arbetsutskott",
         f"Sammanträdesdatum {date}",
         "Plats och tid Kommunhuset, sammanträdesrum Forsen, kl. 08.30-11.45",
         "Beslutande " + f"{r.role(chair, 'ordforande')} (C), ordförande " +
         " ".join(f"{r.person(n)} ({pt})" for n, pt in zip(members, ("S", "M", "KD"))),
         f"Övriga närvarande {r.person(official)}, kommunchef",
         f"Utses att justera {r.role(adj, 'justerare')}",
         "Justeringens plats och tid Kommunkansliet 2020-09-10",
         f"Underskrifter Sekreterare {r.role(sec, 'sekreterare')} Ordförande {chair} Justerare {adj}",
         f"§ 112 Dnr {dnr}", item,
         "Beslut",
         "Arbetsutskottet beslutar att godkänna projektdirektivet för ett nytt vård- och omsorgsboende, "
         "att ge kommunchefen i uppdrag att tillsätta en projektledare.",
         "Ärendet",
         "Behovet av platser i särskilt boende väntas öka med 40 platser till år 2027.",
         "Expedieras till Vård- och omsorgsförvaltningen, Samhällsbyggnadsförvaltningen",
         "Utdragsbestyrkande"],
    ]
    related = [f"Kommunstyrelsens arbetsutskott 2020-08-25 Beslutande {p.one()} (S), ordförande",
               "Äldreomsorgsplan Norrfors 2019-2025",
               f"Projektdirektiv Nytt särskilt boende Projektledare {p.one()}",
               "ANSLAG/BEVIS Protokollet är justerat"]
    return Doc("b11-utdrag-norrfors", "docplayer", f"{item} Protokollsutdrag {date}", pages, r, related)


def minutes_stromby(p: People) -> Doc:
    r = Record("protokollsutdrag", "Strömby")
    r.unsure("title")
    date = r.date("2021-04-26")
    chair, adj1, adj2, sec = p.many(4)
    dnr = r.dnr("KS 2020/0517")
    item = r.title("Antagande av kulturstrategi för Strömby kommun 2021-2025")
    r.decision(date, "Kommunfullmäktige")
    r.decision("2021-03-30", "Kommunstyrelsen")
    pages = [
        ["                                  SAMMANTRÄDESPROTOKOLL", "Kommunfullmäktige",
         f"Sammanträdesdatum: {date}                                    Sida 1 (2)", "",
         "Plats och tid      Stora salen, Folkets hus, kl. 18.00-21.10", "",
         f"Ordförande         {r.role(chair, 'ordforande')} (S)",
         f"Sekreterare        {r.role(sec, 'sekreterare')}",
         f"Justerare          {r.role(adj1, 'justerare')} (M), {r.role(adj2, 'justerare')} (V)", "",
         "Justeringens plats och tid    Kommunkansliet 2021-04-29 kl. 15.00", "",
         "Rätt utdraget ur protokollet intygar:", "",
         "K:\\Kansli\\KF\\2021\\KF 210426 utdrag.docx"],
        ["Kommunfullmäktige                                                 Sida 2 (2)",
         f"Sammanträdesdatum: {date}", "",
         f"§ 54                                                        Dnr {dnr}", "",
         item, "",
         "Beslut",
         "Kommunfullmäktige beslutar",
         "att anta kulturstrategi för Strömby kommun 2021-2025, samt",
         "att strategin ska följas upp vartannat år.", "",
         "Beslutsunderlag",
         "Kommunstyrelsens beslut 2021-03-30, § 61",
         "Kulturstrategi för Strömby kommun 2021-2025", "",
         "Sammanfattning",
         "Strategin har tagits fram av kultur- och fritidsförvaltningen efter dialog med före-",
         "ningar, skolor och studieförbund. Kommunstyrelsen föreslog 2021-03-30 § 61 att full-",
         "mäktige antar strategin.", "",
         "Justerandes signatur                    Utdragsbestyrkande"],
    ]
    return Doc("b12-utdrag-stromby", "formfeed", item, pages, r)


def minutes_rodby(p: People) -> Doc:
    r = Record("protokollsutdrag", "Rödby")
    r.unsure("title")
    date = r.date("2022-05-17")
    chair, adj, sec = p.many(3)
    members = p.many(4)
    boss = p.one()
    d1 = r.dnr("BUN 2022/45")
    d2 = r.dnr("BUN 2022/61")
    r.title("Förstudie om ny förskola i Västra Rödby")
    r.decision(date, "Barn- och utbildningsnämnden")
    pages = [
        ["Rödby kommun", "Protokollsutdrag", "Barn- och utbildningsnämnden",
         f"Sammanträdesdatum {date}",
         "Närvarande ledamöter",
         f"{r.role(chair, 'ordforande')} (L), ordförande",
         *[f"{r.person(n)} ({pt})" for n, pt in zip(members, ("S", "M", "C", "SD"))],
         "Tjänstepersoner",
         f"{r.person(boss)}, förvaltningschef",
         f"Justerare: {r.role(adj, 'justerare')}",
         f"Sekreterare: {r.role(sec, 'sekreterare')}",
         "",
         f"§ 38 Förstudie om ny förskola i Västra Rödby ({d1})",
         "Nämnden beslutar att ge förvaltningschefen i uppdrag att genomföra en förstudie om en ny "
         "förskola i Västra Rödby och redovisa den senast i december 2022."],
        [f"§ 39 Revidering av riktlinjer för skolskjuts ({d2})",
         "Nämnden beslutar att anta reviderade riktlinjer för skolskjuts att gälla från 2022-08-01.",
         "",
         "Justerandes sign ______   Utdragsbestyrkande ______",
         f"Sida 2 av 2"],
    ]
    return Doc("b13-utdrag-rodby", "pdf", "Protokollsutdrag", pages, r)
