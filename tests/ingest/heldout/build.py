"""The held-out set: seventeen constructed documents of five kinds, their layouts and export formats.

Invented municipalities, people and content; deterministic (each document has its own seed).
"""
from __future__ import annotations

from pathlib import Path

from tests.ingest.devset.gold import Gold
from tests.ingest.heldout.doc import Document
from tests.ingest.heldout.export import write_document
from tests.ingest.heldout.minutes import minutes_document
from tests.ingest.heldout.plans import Layout, Topic, project_document
from tests.ingest.heldout.strategies import strategy_document

SEED = 4711

SCHOOL = Topic("en gemensam digital lärplattform för grundskolan", "Digital lärplattform",
               "Barn- och utbildningsförvaltningen", "Barn- och utbildningsnämnden", "BUN",
               ("Alla elever i årskurs 4–9 använder samma lärplattform senast hösten 2026",
                "Vårdnadshavare får besked om frånvaro samma dag som den inträffar",
                "Lärarnas tid för administration minskar med minst en timme i veckan",
                "Plattformen uppfyller kraven i dataskyddsförordningen",
                "Minst åtta av tio lärare är nöjda med stödet vid uppföljningen"),
               ("Kravställning och upphandling", "Införande på skolenheterna", "Utbildning av pedagoger",
                "Förvaltning och support"),
               ("Digitaliseringsstrategi för {m} kommun", "Riktlinjer för informationssäkerhet",
                "Skolstrukturutredningen", "Kompetensförsörjningsplan för barn- och utbildningsförvaltningen"))
PLANNING = Topic("en ny översiktsplan för hela kommunen", "Översiktsplan 2045", "Samhällsbyggnadsförvaltningen",
                 "Kommunstyrelsen", "KS",
                 ("Planen pekar ut mark för minst 1 500 nya bostäder fram till 2045",
                  "Medborgardialog genomförs i samtliga kommundelar",
                  "Planen redovisar hur kommunen ska anpassas till ett förändrat klimat",
                  "Översiktsplanen antas av kommunfullmäktige under mandatperioden"),
                 ("Bostadsförsörjning och bebyggelseutveckling", "Grönstruktur och klimatanpassning",
                  "Trafik och infrastruktur", "Landsbygdsutveckling"),
                 ("Bostadsförsörjningsprogram för {m} kommun", "Trafikstrategi 2030", "Dagvattenplan",
                  "Regional utvecklingsstrategi"))
MEALS = Topic("en hållbar måltidsverksamhet i kommunens kök", "Hållbara måltider", "Kultur- och servicekontoret",
              "Servicenämnden", "SN",
              ("Matsvinnet i skolornas kök halveras till utgången av 2025",
               "Andelen ekologiska livsmedel uppgår till minst 40 procent",
               "Alla kök använder samma system för menyplanering",
               "Klimatpåverkan per portion minskar med 20 procent"),
              ("Minskat matsvinn", "Gemensam menyplanering", "Upphandling av livsmedel"),
              ("Livsmedelsupphandlingen 2023", "Kostpolicy för {m} kommun", "Lokalförsörjningsplan 2024–2028"))
BROADBAND = Topic("utbyggnad av bredband på landsbygden", "Bredband till alla", "Kommunledningskontoret",
                  "Kommunstyrelsen", "KS",
                  ("98 procent av hushållen har tillgång till minst 1 Gbit/s år 2025",
                   "Alla byalag erbjuds stöd vid ansökan om medfinansiering",
                   "Kommunens fastigheter på landsbygden ansluts till nätet"),
                  ("Kartläggning av behov", "Samverkan med byalag", "Upphandling av nätägare"),
                  ("Bredbandsstrategi för {m} kommun", "Landsbygdsprogrammet", "Översiktsplan 2030"))
ARCHIVE = Topic("ett e-arkiv för kommunens verksamheter", "E-arkiv", "Kommunledningskontoret", "Kommunstyrelsen", "KS",
                ("Alla nämnder levererar handlingar till e-arkivet senast 2025",
                 "Pappersarkivet minskar med hälften",
                 "Allmänheten kan ta del av arkiverade handlingar digitalt",
                 "Gallring sker enligt gällande informationshanteringsplaner"),
                ("Informationskartläggning", "Teknisk plattform", "Leveranser från verksamhetssystem"),
                ("Arkivreglemente för {m} kommun", "Informationshanteringsplan", "Digitaliseringsstrategi 2022–2026"))
YOUTH = Topic("arbetsmarknadsinsatser för unga vuxna", "Ung framtid", "Arbetsmarknadsenheten",
              "Arbetsmarknads- och vuxenutbildningsnämnden", "AVN",
              ("Minst 60 deltagare har påbörjat arbete eller studier efter avslutad insats",
               "Tiden från inskrivning till första insats understiger tre veckor",
               "Samverkan med Arbetsförmedlingen regleras i en skriftlig överenskommelse"),
              ("Uppsökande verksamhet", "Praktik hos lokala arbetsgivare", "Studievägledning"),
              ("Överenskommelse om samverkan med Arbetsförmedlingen", "Vuxenutbildningens verksamhetsplan"))

RELATED = ["Projektplan för ny simhall i Norrlida kommun", "Sammanträdesprotokoll Kommunstyrelsen 2019-04-02",
           "Handlingsplan för folkhälsa 2020–2023 Västerfors kommun", "Riktlinjer för projektarbete",
           "Protokoll Barn- och utbildningsnämnden Ordförande Kerstin Åberg (S)",
           "Näringslivsprogram för Åkerby kommun"]


def _projects() -> list[Document]:
    P, D, U = "projektplan", "projektdirektiv", "uppdragsbeskrivning"
    return [
        project_document("ho01-projektplan-granbacka", P, "Granbacka", SCHOOL,
                         Layout("docplayer", "flen", "labels", ("Projektägare", "Styrgrupp", "Projektledare", "Projektgrupp"),
                                "Effektmål", "word", "dash", 4), SEED + 1, related=RELATED),
        project_document("ho02-projektplan-lillsjo", P, "Lillsjö", PLANNING,
                         Layout("formfeed", "orebro", "table", ("Beställare", "Projektledare", "Projektsekreterare",
                                                                 "Arbetsgrupp", "Referensgrupp"),
                                "Projektmål", "letter_paren", "table", 4, commission="long"), SEED + 2),
        project_document("ho03-projektplan-ekvattna", P, "Ekvattna", MEALS,
                         Layout("pdf", "memo", "prose", ("Projektägare", "Projektledare", "Projektgrupp", "Resurspersoner"),
                                "Mål", "num_dot", "colon", 3, genitive=True), SEED + 3, fmt="pdf"),
        project_document("ho04-projektplan-hagmora", P, "Hagmora", BROADBAND,
                         Layout("sida", "direktiv", "labels", ("Projektbeställare", "Projektledare", "Styrgrupp",
                                                                "Sakkunniga", "Referensgrupp"),
                                "Förväntade effekter", "num_paren", "dp", 3, signed=True), SEED + 4),
        project_document("ho05-projektdirektiv-vasterlunda", D, "Västerlunda", ARCHIVE,
                         Layout("docplayer", "direktiv", "labels", ("Beställare", "Projektledare", "Projektdeltagare"),
                                "Effektmål", "num_dot", "none", adopted_by="Kommunstyrelsens arbetsutskott"),
                         SEED + 5, related=RELATED[:3]),
        project_document("ho06-projektdirektiv-sjobacka", D, "Sjöbacka", PLANNING,
                         Layout("formfeed", "memo", "prose", ("Uppdragsgivare", "Projektledare", "Styrgrupp", "Arbetsgrupp"),
                                "Projektmål", "upper_dot", "colon", 2, commission="long"), SEED + 6),
        project_document("ho07-projektdirektiv-ronnaker", D, "Rönnåker", YOUTH,
                         Layout("pdf", "orebro", "table", ("Projektägare", "Projektledare", "Styrgrupp", "Projektmedarbetare"),
                                "Effektmål", "num_paren", "dash", 2, signed=True,
                                adopted_by="Arbetsmarknads- och vuxenutbildningsnämnden"), SEED + 7, fmt="pdf"),
        project_document("ho08-uppdragsbeskrivning-tallvika", U, "Tallvika", ARCHIVE,
                         Layout("sida", "memo", "labels", ("Uppdragsgivare", "Uppdragsledare", "Arbetsgrupp"),
                                "Uppdragets mål", "num_dot", "none", signed=True), SEED + 8),
        project_document("ho09-uppdragsbeskrivning-hogstorp", U, "Högstorp", BROADBAND,
                         Layout("docplayer", "memo", "pair", ("Beställare", "Uppdragsledare", "Referensgrupp"),
                                "Mål", "word", "none", commission="long"), SEED + 9, related=RELATED[2:]),
        project_document("ho10-uppdragsbeskrivning-alvnas", U, "Älvnäs", SCHOOL,
                         Layout("pdf", "direktiv", "prose", ("Uppdragsgivare", "Uppdragsledare", "Arbetsgrupp", "Sakkunniga"),
                                "Uppdragets mål", "letter_paren", "dp", 2), SEED + 10, fmt="pdf"),
    ]


def _minutes() -> list[Document]:
    return [
        minutes_document("ho11-protokollsutdrag-granbacka", "Granbacka", "Kommunstyrelsen", "KS",
                         "Projektplan för e-arkiv", "en plan för införande av e-arkiv", "single", "fivedok", SEED + 11),
        minutes_document("ho12-protokollsutdrag-brunnsta", "Brunnsta", "Barn- och utbildningsnämnden", "BUN",
                         "Projektdirektiv för digital lärplattform", "ett direktiv för en gemensam lärplattform",
                         "cover", "formfeed", SEED + 12),
        minutes_document("ho13-protokollsutdrag-mossby", "Mossby", "Kommunfullmäktige", "KS",
                         "Uppdragsbeskrivning för översyn av förskolans lokaler", "en uppdragsbeskrivning för översynen",
                         "extract", "docplayer", SEED + 13, related=RELATED[1:4]),
        minutes_document("ho14-protokollsutdrag-angsvik", "Ängsvik", "Kommunstyrelsens arbetsutskott", "KS",
                         "Projektplan för hållbara måltider", "en projektplan för hållbara måltider",
                         "cover", "pdf", SEED + 14, fmt="pdf"),
    ]


def _strategies() -> list[Document]:
    return [
        strategy_document("ho15-strategi-lillsjo", "Lillsjö", "Näringslivsstrategi för Lillsjö kommun",
                          ("Ett gott företagsklimat", "Kompetensförsörjning", "Attraktiv mark för etableringar",
                           "Besöksnäring"), "Kommunfullmäktige", "KS", "block", "sida", SEED + 15),
        strategy_document("ho16-strategi-ekvattna", "Ekvattna", "Folkhälsostrategi för Ekvattna kommun",
                          ("Goda uppväxtvillkor", "Psykisk hälsa", "Trygga och säkra miljöer", "Fysisk aktivitet"),
                          "Kommunfullmäktige", "KS", "cover", "docplayer", SEED + 16, related=RELATED[:4]),
        strategy_document("ho17-strategi-sjobacka", "Sjöbacka", "Digitaliseringsstrategi",
                          ("Digitala tjänster för invånare", "Effektiv intern administration", "Säker informationshantering"),
                          "Kommunstyrelsen", "KS", "levels", "pdf", SEED + 17, fmt="pdf"),
        strategy_document("ho18-strategi-hagmora", "Hagmora", "Policy för medborgardialog",
                          ("Dialog tidigt i processen", "Återkoppling till deltagarna", "Barn och unga särskilt"),
                          "Kommunfullmäktige", "KS", "block", "formfeed", SEED + 18),
    ]


def heldout_documents() -> list[Document]:
    return _projects() + _minutes() + _strategies()


def heldout_items(folder: Path) -> list[tuple[str, Path, Gold]]:
    """Write every held-out document into `folder`: (name, file, gold) per document."""
    folder.mkdir(parents=True, exist_ok=True)
    return [(d.key, write_document(d, folder), d.gold()) for d in heldout_documents()]
