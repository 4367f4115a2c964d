"""Hand-written test documents for the analysis layer, built by code.

Three small project plans in the seed's genre and text-export format (title
line, `Relevanta dokument`, `Transkript:`, one paragraph per page, each page
opening with its running header). Every name, number and title is invented.

What the documents are made to contain, and the tests rely on (`FACTS`):
- plan A (Solviks kommun) and plan B (the same municipality) each have
  subprojects; A3 and B1 are both asked to write guidelines for how staff meet
  businesses, in different words, with no intention, person or work in common;
- Maria Holm sits in all four subprojects of A and in B2 (five subprojects);
- intention 6 (f) of plan A is addressed by no subproject; A3 refers to
  intention 9, which plan A does not define; intention 4 is addressed by A2 and A3;
- one referenced plan written three ways (`KS-VP 2014`, `KS Verksamhetsplan för
  2014`, `KS verksamhetsplan 2014`); one project written two ways within A
  (`Pågående projekt om att utveckla kundtjänst, ärendehantering mm` and
  `… e-tjänster, kundtjänst, ärendehantering mm`) and one across A and B
  (`projektet Levande stadskärna`, `Stadskärneprojektet Levande Stadskärna`);
- people written with and without diacritics (Erik Sjöström / Erik Sjostrom)
  and with and without a middle initial (Anna K Berglund / Anna Berglund);
  Karin, Olof and Per Nilsson share only a surname;
- an organisation defined with its abbreviation in A (`Solviks Näringslivsbolag
  AB (SNAB)`) and written only as `SNAB` in B; both support a subproject
  (A4, B2); B3 names it in full as its reference group;
- plan B has an impossible date (2014-09-31), a subproject without a leader,
  a milestone after the date the decision must be taken by, and restates its
  intention 2 with the text of intention 3;
- plan C (another municipality, Ekby) has its own Maria Holm, who must stay a
  different person.
"""
from __future__ import annotations

from pathlib import Path

FACTS = {
    "municipality": "Solvik",
    "text_pair": (("A", 3), ("B", 1)),
    "busy_person": "Maria Holm",
    "busy_count": 5,
    "unaddressed_intention": ("A", 6),
    "unknown_intention": ("A", 3, 9),
    "shared_intention": ("A", 4, (2, 3)),
    "plan_variants": ("KS-VP 2014", "KS Verksamhetsplan för 2014", "KS verksamhetsplan 2014"),
    "project_variants": ("Pågående projekt om att utveckla kundtjänst, ärendehantering mm",
                         "Pågående projekt om att utveckla e-tjänster, kundtjänst, ärendehantering mm"),
    "city_variants": ("projektet Levande stadskärna", "Stadskärneprojektet Levande Stadskärna"),
    "diacritics": ("Erik Sjöström", "Erik Sjostrom"),
    "middle_initial": ("Anna K Berglund", "Anna Berglund"),
    "surname_only": ("Karin Nilsson", "Olof Nilsson", "Per Nilsson"),
    "organisation": ("Solviks Näringslivsbolag AB", "SNAB"),
    "impossible_date": "2014-09-31",
    "leaderless": ("B", 3),
    "late_milestone": ("B", "2014-11-24"),  # a decision after the deadline
    "implementation_after_deadline": ("B", "2015-01-15"),  # work that follows the decisions: no finding
    "mismatched_restatement": ("B", 1, 2, 3),
}


def export(title: str, related: list[str], pages: list[str]) -> str:
    """The site's text export: title, related list, `Transkript:`, one paragraph per page."""
    head = [title, "", "", "", "Relevanta dokument"] + [line for r in related for line in (r, "")]
    return "\n".join(head) + "\nTranskript:\n\n" + "\n\n".join(pages) + "\n"


def plan_a() -> str:
    h = "2014-03-10 KS 2014/123"
    title = "PROJEKTPLAN FÖR ATT STÄRKA KOMMUNENS FÖRETAGSSERVICE"
    pages = [
        f"{h} {title} Bakgrund Kommunstyrelsen gav 2013-09-03 kommundirektören i uppdrag att göra en översyn av "
        "hur Solviks kommun tar emot och stödjer företag (KS 2013/0311). Översynen visade att företagare i Solvik "
        "upplever kommunens kontakter som splittrade och svåra att överblicka. Solviks Näringslivsbolag AB (SNAB) "
        "har lämnat synpunkter på översynen. Utredningen behandlades av kommunstyrelsens arbetsutskott 2013-12-03. "
        "Utskottet beslutade att bordlägga frågan till dess sammanträde 2014-02-04. 2014-02-04 beslutade "
        "kommunstyrelsens arbetsutskott följande: 1. Kommunstyrelsens arbetsutskott beslutar att uppdra åt "
        "kommundirektören att ta fram en samlad plan för kommunens företagsservice. 1",

        f"{h} 2. Kommunstyrelsens arbetsutskott beslutar att det fortsatta arbetet skall tillgodose nedanstående "
        "intentioner: a) Företagare får en fast kontaktperson genom hela ärendet. b) Kommunens handläggningstider "
        "för företagsärenden blir kända och korta. c) Kommunens e-tjänster för företag samlas på ett ställe. "
        "d) Företagare kan följa sitt ärende digitalt. e) Kommunen tryggar kompetensförsörjningen för det lokala "
        "näringslivet. f) Dialogen med näringslivets organisationer sker regelbundet. - Arbetet ska bedrivas "
        "skyndsamt så att nödvändiga beslut kan fattas av kommunstyrelsen senast 2014-06-30. 2",

        f"{h} Beslut Det fortsatta arbetet genomförs som ett projekt med flera delprojekt. Delprojekten är följande: "
        "1. Företagslots. Delprojektet skall adressera intentionspunkterna 1 och 2. "
        "2. Digitala e-tjänster för företag. Delprojektet skall adressera intentionspunkterna 3 och 4 samt beakta "
        "projektet Levande stadskärna. "
        "3. Bemötande och service. Delprojektet skall adressera intentionspunkterna 4 och 9. "
        "4. Kompetensförsörjning. Delprojektet skall adressera intentionspunkten 5. "
        "Ansvarig för huvudprojektet är kommundirektör Helena Strand Ansvariga för respektive delprojekt är: "
        "1 Näringslivschef Erik Sjöström, Projektledare Maria Holm 2 IT-chef Olof Nilsson, Projektledare Anna K "
        "Berglund 3 HR-chef Karin Nilsson, Projektledare Maria Holm 4 Utbildningschef Göran Blom, Projektledare "
        "Sara Wik Uppdragsbeskrivningarna för delprojekten bilägges. I tjänsten Helena Strand kommundirektör 3",

        "2014-03-10 Bilaga 1. NÄRINGSLIVSUTREDNING DELPROJEKT 1 Syfte och frågeställning Företagare ska få en "
        "fast kontaktperson, en lots, som följer ärendet från första kontakt till beslut. Uppdraget omfattar att "
        "1. kartlägga hur företagare i dag kommer i kontakt med kommunen 2. föreslå hur en lotsfunktion ska "
        "organiseras. Andra utredningar/processer som ska beaktas 1. KS-VP 2014 2. Pågående projekt om att "
        "utveckla kundtjänst, ärendehantering mm 3. Projekt Gemensam kundtjänst 4. Övriga delprojekt i detta "
        "dokument Projektorganisation Uppdragsansvarig: Erik Sjöström Projektledare: Maria Holm Projektgrupp: "
        "Lena Ek, Per Nilsson och Tove Dahl. Tidplan 1. Förslag överlämnat till kommundirektören 2014-05-15 "
        "2. KS 2014-06-10 Kostnader/budget Inom befintliga ramar. Rapportering och utvärdering Fortlöpande till "
        "uppdragsansvarig.",

        "2014-03-10 Bilaga 2. NÄRINGSLIVSUTREDNING DELPROJEKT 2 Syfte och frågeställning Kommunens e-tjänster "
        "för företag ska samlas på ett ställe så att företagare kan söka tillstånd och följa sitt ärende digitalt. "
        "Andra utredningar/processer som ska beaktas 1. KS Verksamhetsplan för 2014 2. Pågående projekt om att "
        "utveckla e-tjänster, kundtjänst, ärendehantering mm 3. Övriga delprojekt i detta dokument "
        "Projektorganisation Uppdragsansvarig: Olof Nilsson Projektledare: Anna K Berglund Projektgrupp: "
        "Maria Holm, Jonas Åkesson och Lena Ek. Tidplan 1. Förslag överlämnat till kommundirektören 2014-05-15 "
        "2. KS 2014-06-10 Kostnader/budget Inom befintliga ramar. Rapportering och utvärdering Fortlöpande till "
        "uppdragsansvarig.",

        "2014-03-10 Bilaga 3. NÄRINGSLIVSUTREDNING DELPROJEKT 3 Syfte och frågeställning Uppdraget omfattar att "
        "ta fram riktlinjer för bemötande och service gentemot företagare i kommunens myndighetsutövning. "
        "Riktlinjerna ska beskriva vilket bemötande en företagare kan förvänta sig vid varje kontakt med "
        "kommunens handläggare. Andra utredningar/processer som ska beaktas 1. Medarbetarenkäten 2013 "
        "Projektorganisation Uppdragsansvarig: Karin Nilsson Projektledare: Maria Holm Projektgrupp: Ulla Fors "
        "och Bertil Sand. Tidplan 1. Förslag överlämnat till kommundirektören 2014-05-15 2. KS 2014-06-10 "
        "Kostnader/budget Inom befintliga ramar. Rapportering och utvärdering Fortlöpande till kommundirektören.",

        "2014-03-10 Bilaga 4. NÄRINGSLIVSUTREDNING DELPROJEKT 4 Syfte och frågeställning Delprojektet ska "
        "kartlägga det lokala näringslivets behov av arbetskraft och föreslå hur vuxenutbildningen kan möta det. "
        "Andra utredningar/processer som ska beaktas 1. Arbetsmarknadsprogrammet Projektorganisation "
        "Uppdragsansvarig: Göran Blom Projektledare: Sara Wik Projektgrupp: Maria Holm och Nils Berg med stöd från "
        "SNAB. Tidplan "
        "1. Förslag överlämnat till kommundirektören 2014-05-15 2. KS 2014-06-10 Kostnader/budget Inom "
        "befintliga ramar. Rapportering och utvärdering Fortlöpande till uppdragsansvarig.",
    ]
    return export(title, ["Näringslivsprogram för en annan kommun", "Riktlinjer för styrdokument"], pages)


def plan_b() -> str:
    h = "2014-05-20 KS 2014/201"
    title = "PROJEKTPLAN FÖR EN ENKLARE VÄG IN FÖR NÄRINGSLIVET"
    pages = [
        f"{h} {title} Bakgrund Kommunstyrelsen gav 2014-01-14 kommundirektören i uppdrag att föreslå hur "
        "Solviks kommun kan göra det enklare att etablera och driva företag (KS 2014/0020). Utredningen "
        "behandlades av kommunstyrelsens arbetsutskott 2014-03-25. Utskottet beslutade att bordlägga frågan till "
        "dess sammanträde 2014-04-22. 2014-04-22 beslutade kommunstyrelsens arbetsutskott följande: "
        "1. Kommunstyrelsens arbetsutskott beslutar att uppdra åt kommundirektören att genomföra arbetet som ett "
        "projekt. 1",

        f"{h} 2. Kommunstyrelsens arbetsutskott beslutar att arbetet skall tillgodose nedanstående intentioner: "
        "a) Företagare som söker tillstånd möts av ett enhetligt bemötande. b) Kommunens besked i "
        "tillståndsärenden är begripliga. c) Nya företag får hjälp att hitta lokaler och mark. d) Unga får "
        "kontakt med det lokala näringslivet under sin utbildning. - Arbetet ska bedrivas så att nödvändiga beslut "
        "kan fattas av kommunstyrelsen senast 2014-10-31. 2",

        f"{h} Beslut Det fortsatta arbetet genomförs som ett projekt med tre delprojekt. Delprojekten är följande: "
        "1. Kundmöten i tillståndsärenden. Delprojektet skall adressera intentionspunkterna 1 och 2. "
        "2. Lokalisering och etablering. Delprojektet skall adressera intentionspunkten 3. "
        "3. Skola och arbetsliv. Delprojektet skall adressera intentionspunkten 4. "
        "Ansvarig för huvudprojektet är kommundirektör Helena Strand Ansvariga för respektive delprojekt är: "
        "1 Miljöchef Sofia Lindqvist, Projektledare Johan Viklund 2 Planchef Rickard Ström, Projektledare Emma "
        "Falk Uppdragsbeskrivningarna för delprojekten bilägges. I tjänsten Helena Strand kommundirektör 3",

        "2014-05-20 Bilaga 1. NÄRINGSLIVSUTREDNING DELPROJEKT 1 Syfte och frågeställning Delprojektet ska "
        "utarbeta gemensamma riktlinjer för hur medarbetarna bemöter företagen och vilken service de kan "
        "förvänta sig när de söker tillstånd hos kommunen. Intentionspunkterna är: 1. Företagare som söker "
        "tillstånd möts av ett enhetligt bemötande. 2. Nya företag får hjälp att hitta lokaler och mark. "
        "Andra utredningar/processer som ska beaktas 1. Miljöförvaltningens tillsynsplan Projektorganisation "
        "Uppdragsansvarig: Sofia Lindqvist Projektledare: Johan Viklund Projektgrupp: Hanna Berg och David Lund. "
        "Tidplan 1. Förslag överlämnat till kommundirektören 2014-09-31 2. KS 2014-10-21 Kostnader/budget Inom "
        "befintliga ramar. Rapportering och utvärdering Fortlöpande till uppdragsansvarig.",

        "2014-05-20 Bilaga 2. NÄRINGSLIVSUTREDNING DELPROJEKT 2 Syfte och frågeställning Nya företag ska få hjälp "
        "att hitta lokaler och mark för att etablera sig i Solvik. Andra utredningar/processer som ska beaktas "
        "1. KS verksamhetsplan 2014 2. Stadskärneprojektet Levande Stadskärna 3. Projekt Gemensam kundtjänst "
        "Projektorganisation Uppdragsansvarig: Rickard Ström Projektledare: Emma Falk Projektgrupp: Maria Holm, "
        "Erik Sjostrom och Anna Berglund med stöd från SNAB. Tidplan 1. Förslag överlämnat till kommundirektören 2014-09-15 2. KS "
        "2014-10-21 3. Beslut i kommunfullmäktige 2014-11-24 4. Etablering av lotsfunktion 2015-01-15 "
        "Kostnader/budget Inom befintliga ramar. "
        "Rapportering och utvärdering Fortlöpande till uppdragsansvarig.",

        "2014-05-20 Bilaga 3. NÄRINGSLIVSUTREDNING DELPROJEKT 3 Syfte och frågeställning Elever i grundskolan ska "
        "möta det lokala näringslivet genom studiebesök och praktik. Andra utredningar/processer som ska beaktas "
        "1. Arbetsmarknadsprogrammet Projektorganisation Projektgrupp: Karin Nilsson och Eva Lund. Referensgrupp: "
        "Solviks Näringslivsbolag AB Tidplan 1. Förslag överlämnat till kommundirektören 2014-09-15 2. KS "
        "2014-10-21 Kostnader/budget Inom befintliga ramar. Rapportering och utvärdering Fortlöpande till "
        "kommundirektören.",
    ]
    return export(title, ["Näringslivsstrategi för en tredje kommun"], pages)


def plan_c() -> str:
    h = "2015-02-02 KS 2015/007"
    title = "PROJEKTPLAN FÖR BESÖKSNÄRINGEN I EKBY"
    pages = [
        f"{h} {title} Bakgrund Kommunstyrelsen gav 2014-11-04 kommunchefen i uppdrag att stärka besöksnäringen i "
        "Ekby kommun (KS 2014/0400). Utredningen behandlades av kommunstyrelsens arbetsutskott 2014-12-09. "
        "Utskottet beslutade att bordlägga frågan till dess sammanträde 2015-01-13. 2015-01-13 beslutade "
        "kommunstyrelsens arbetsutskott följande: 1. Kommunstyrelsens arbetsutskott beslutar att uppdra åt "
        "kommunchefen att genomföra arbetet som ett projekt. 1",

        f"{h} 2. Kommunstyrelsens arbetsutskott beslutar att arbetet skall tillgodose nedanstående intentioner: "
        "a) Ekby marknadsförs som besöksmål året runt. b) Evenemang samordnas mellan kommunen och föreningslivet. "
        "- Arbetet ska bedrivas så att nödvändiga beslut kan fattas av kommunstyrelsen senast 2015-06-30. 2",

        f"{h} Beslut Det fortsatta arbetet genomförs som ett projekt med två delprojekt. Delprojekten är följande: "
        "1. Marknadsföring av Ekby. Delprojektet skall adressera intentionspunkten 1. 2. Evenemang. Delprojektet "
        "skall adressera intentionspunkten 2. Ansvarig för huvudprojektet är kommunchef Lars Ekman Ansvariga för "
        "respektive delprojekt är: 1 Kulturchef Maria Holm, Projektledare Pia Rask 2 Fritidschef Tom Ek, "
        "Projektledare Pia Rask Uppdragsbeskrivningarna för delprojekten bilägges. I tjänsten Lars Ekman "
        "kommunchef 3",

        "2015-02-02 Bilaga 1. NÄRINGSLIVSUTREDNING DELPROJEKT 1 Syfte och frågeställning Ekby ska marknadsföras "
        "som besöksmål året runt, med fokus på natur och kulturarv. Projektorganisation Uppdragsansvarig: Maria "
        "Holm Projektledare: Pia Rask Projektgrupp: Ola Ström och Siv Ek. Tidplan 1. Förslag överlämnat till "
        "kommunchefen 2015-05-04 2. KS 2015-06-09 Kostnader/budget Inom befintliga ramar. Rapportering och "
        "utvärdering Fortlöpande till kommunchefen.",

        "2015-02-02 Bilaga 2. NÄRINGSLIVSUTREDNING DELPROJEKT 2 Syfte och frågeställning Kommunens och "
        "föreningslivets evenemang ska samordnas i en gemensam kalender. Projektorganisation Uppdragsansvarig: "
        "Tom Ek Projektledare: Pia Rask Projektgrupp: Ola Ström. Tidplan 1. Förslag överlämnat till kommunchefen "
        "2015-05-04 2. KS 2015-06-09 Kostnader/budget Inom befintliga ramar. Rapportering och utvärdering "
        "Fortlöpande till kommunchefen.",
    ]
    return export(title, ["Besöksnäringsstrategi"], pages)


DOCUMENTS = {"A": ("solvik-plan-a.txt", plan_a), "B": ("solvik-plan-b.txt", plan_b), "C": ("ekby-plan-c.txt", plan_c)}


def write_documents(folder: Path, which: tuple[str, ...] = ("A", "B", "C")) -> dict[str, Path]:
    """Write the documents as UTF-8 text exports; returns {key: path}."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for key in which:
        name, build = DOCUMENTS[key]
        path = folder / name
        path.write_text(build(), encoding="utf-8")
        out[key] = path
    return out
