"""Realistic synthetic project plans (text exports) with their ground truth, for benchmarks.

    python bench/synth.py OUT_DIR --count N [--seed S] [--truth truth.jsonl]

Each plan is a `tests.ingest.plan_builder.Plan` filled from the pools below:
one of ~45 Swedish municipalities, people drawn from first-name and surname
lists, 5-14 intentions (lettered or numbered), 2-8 subprojects laid out as
appendices or inline, the genre's role words, background decisions, schedules
with ISO and Swedish dates (now and then an impossible one), and referenced
investigations drawn from pools shared across subprojects and across
documents, in slightly varied wordings (each wording maps to a canonical work
in the truth). Every document gets its own Dnr, so documents are distinct.

`generate_plan(rng, index) -> (text, truth)` is deterministic for a given
`random.Random` state and index.

    python bench/synth.py OUT_DIR --count N --linked

writes linked families instead (`generate_family`, six documents each): a strategy with its
Dnr, a project directive, the board's minutes adopting the directive, the council's minutes
citing the strategy by title and Dnr, a plan naming the strategy among its related documents
and recording the adopting decision, and the board's later minutes following up the directive's
case and approving the plan; a board's chair, adjuster and secretary are the same in all its
minutes of a year. Every link type of `graph.analysis.links` occurs among them.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.ingest.plan_builder import (  # noqa: E402
    MONTHS, NUMBER_WORDS, Decision, Milestone, Person, Plan, Reference, RoleLine, Subproject, Truth,
    join_list, render_export, truth,
)

# (name, as the municipality writes itself, region)
MUNICIPALITIES = (
    ("Lund", "Lunds kommun", "Skåne"), ("Malmö", "Malmö stad", "Skåne"), ("Uppsala", "Uppsala kommun", "Uppsala"),
    ("Västerås", "Västerås stad", "Västmanland"), ("Örebro", "Örebro kommun", "Örebro län"),
    ("Linköping", "Linköpings kommun", "Östergötland"), ("Norrköping", "Norrköpings kommun", "Östergötland"),
    ("Jönköping", "Jönköpings kommun", "Jönköpings län"), ("Umeå", "Umeå kommun", "Västerbotten"),
    ("Luleå", "Luleå kommun", "Norrbotten"), ("Gävle", "Gävle kommun", "Gävleborg"),
    ("Borås", "Borås stad", "Västra Götaland"), ("Eskilstuna", "Eskilstuna kommun", "Sörmland"),
    ("Södertälje", "Södertälje kommun", "Stockholm"), ("Karlstad", "Karlstads kommun", "Värmland"),
    ("Täby", "Täby kommun", "Stockholm"), ("Växjö", "Växjö kommun", "Kronoberg"),
    ("Sundsvall", "Sundsvalls kommun", "Västernorrland"), ("Östersund", "Östersunds kommun", "Jämtland Härjedalen"),
    ("Trollhättan", "Trollhättans stad", "Västra Götaland"), ("Kalmar", "Kalmar kommun", "Kalmar län"),
    ("Kristianstad", "Kristianstads kommun", "Skåne"), ("Skövde", "Skövde kommun", "Västra Götaland"),
    ("Karlskrona", "Karlskrona kommun", "Blekinge"), ("Skellefteå", "Skellefteå kommun", "Västerbotten"),
    ("Uddevalla", "Uddevalla kommun", "Västra Götaland"), ("Falkenberg", "Falkenbergs kommun", "Halland"),
    ("Varberg", "Varbergs kommun", "Halland"), ("Kungsbacka", "Kungsbacka kommun", "Halland"),
    ("Nyköping", "Nyköpings kommun", "Sörmland"), ("Motala", "Motala kommun", "Östergötland"),
    ("Borlänge", "Borlänge kommun", "Dalarna"), ("Piteå", "Piteå kommun", "Norrbotten"),
    ("Trelleborg", "Trelleborgs kommun", "Skåne"), ("Ystad", "Ystads kommun", "Skåne"),
    ("Ängelholm", "Ängelholms kommun", "Skåne"), ("Lidköping", "Lidköpings kommun", "Västra Götaland"),
    ("Alingsås", "Alingsås kommun", "Västra Götaland"), ("Härnösand", "Härnösands kommun", "Västernorrland"),
    ("Mora", "Mora kommun", "Dalarna"), ("Ljungby", "Ljungby kommun", "Kronoberg"),
    ("Vänersborg", "Vänersborgs kommun", "Västra Götaland"), ("Enköping", "Enköpings kommun", "Uppsala"),
    ("Katrineholm", "Katrineholms kommun", "Sörmland"),
)

FIRST_NAMES = (
    "Anna", "Eva", "Maria", "Karin", "Sara", "Emma", "Elin", "Linnea", "Johanna", "Malin", "Helena", "Camilla",
    "Jenny", "Therese", "Sofia", "Lena", "Kristina", "Ulrika", "Petra", "Ingrid", "Marie", "Lisa", "Hanna", "Ida",
    "Fatima", "Amira", "Eva-Lena", "Lars", "Johan", "Mikael", "Anders", "Per", "Magnus", "Daniel", "Henrik",
    "Jonas", "Patrik", "Tobias", "Oskar", "Karl", "Niklas", "Mattias", "Erik", "Peter", "Ulf", "Göran", "Ahmed",
    "Omar", "Jan", "Mats", "Per-Olof", "Lars-Göran", "Sven", "Gunnar", "Åsa", "Birgitta", "Elsa", "Viktor",
)
SURNAMES = (
    "Lindgren", "Berglund", "Sandberg", "Forsberg", "Sjöberg", "Lindqvist", "Engström", "Eklund", "Danielsson",
    "Håkansson", "Lundqvist", "Björk", "Bergström", "Fredriksson", "Sandström", "Nyberg", "Holmberg", "Isaksson",
    "Nordström", "Lindholm", "Hedlund", "Öberg", "Strand", "Ek", "Falk", "Holm", "Lund", "Asp", "Dahl", "Sjöholm",
    "Grönvall", "Frick", "Rask", "Widén", "Nyman", "Hagström", "Öhman", "Wallin", "Sandell", "Ekdahl", "Nordin",
    "Karimi", "Berglöf", "Strömberg", "Hedberg", "Lindahl", "Mattsson", "Blom", "Norberg", "Ahmadi", "Hassan",
    "Wikman", "Boström", "Lövgren", "Sundberg", "Åberg", "Ström", "Lundin", "Edlund", "Yilmaz",
)
INITIALS = "ABCDEFGHJKLMNPRST"

# (name, abbreviation) of administrations that plans define in their background.
ADMINISTRATIONS = (
    ("Kommunledningskontoret", "KLK"), ("Utbildningsförvaltningen", "UF"), ("Socialförvaltningen", "SOF"),
    ("Samhällsbyggnadsförvaltningen", "SBF"), ("Miljöförvaltningen", "MF"), ("Arbetsmarknadsförvaltningen", "AMF"),
    ("Serviceförvaltningen", "SEF"), ("Kulturförvaltningen", "KUF"), ("Stadsbyggnadskontoret", "SBK"),
    ("Barn- och utbildningsförvaltningen", "BUN"),
)
REFERENCE_GROUPS = ("Företagarna", "Arbetsförmedlingen", "Polisen", "Handelskammaren", "Hyresgästföreningen",
                    "Länsstyrelsen", "fastighetsägare", "butiksägare", "pensionärsorganisationerna", "Högskolan")
OWNER_TITLES = ("Utvecklingschef", "Ekonomichef", "HR-chef", "Förvaltningschef", "Näringslivschef", "Kanslichef",
                "Stadsbyggnadsdirektör", "Socialdirektör", "Skoldirektör", "IT-chef", "Kommunikationschef",
                "Planeringschef", "Miljöchef")
CHIEF_TITLES = ("kommundirektör", "kommunchef", "stadsdirektör")

# topic: (plan title, assignment task, intentions, subprojects (title, purpose verb phrase), references)
# A reference is (canonical key, wordings); `{m}` is the municipality, `{W}` its written name, `{y}` the year.
TOPICS = {
    "naringsliv": (
        "PROJEKTPLAN FÖR ETT STÄRKT FÖRETAGSKLIMAT",
        "göra en översyn av hur kommunen arbetar med näringslivsfrågor",
        ("Kommunen har en tydlig och långsiktig vision för näringslivets utveckling i {m}.",
         "Företagare möter en samordnad service med en väg in till kommunen.",
         "Handläggningstiderna för tillstånd och lov är kända och hålls.",
         "Dialogen med näringslivets organisationer sker regelbundet och i former som är lätta att delta i.",
         "Arbetet med att utveckla stadskärnan och handeln samordnas med fastighetsägarna.",
         "Samverkan med högskolan och andra kunskapsaktörer stärker det lokala innovationsklimatet.",
         "Marknadsföringen av {m} som etableringsort samordnas inom kommunkoncernen.",
         "Upphandlingar utformas så att även små och medelstora företag kan lämna anbud."),
        (("Näringslivsstrategi", "ta fram en näringslivsstrategi med prioriteringar och mål för de kommande åren"),
         ("En väg in för företagare", "föreslå hur företagens kontakter med kommunen kan samlas i en gemensam funktion"),
         ("Dialog med näringslivet", "utveckla formerna för en kontinuerlig dialog med företag och deras organisationer"),
         ("Handel och stadskärna", "stärka handeln i centrum i samarbete med fastighetsägare och handlare"),
         ("Etablering och marknadsföring", "samordna arbetet med etableringar och marknadsföringen av kommunen"),
         ("Innovation och samverkan med högskolan", "utveckla samarbetet med högskolan kring innovation och företagande"),
         ("Upphandling och småföretag", "göra kommunens upphandlingar mer tillgängliga för små företag"),
         ("Service och bemötande", "ta fram riktlinjer för service och bemötande gentemot företagare")),
        (("naringslivsprogram", ("{W}s näringslivsprogram", "Näringslivsprogrammet", "Näringslivsprogram för {m}")),
         ("foretagsklimat", ("Svenskt Näringslivs enkät om företagsklimatet", "Enkätundersökning om företagsklimatet")),
         ("servicedeklarationer", ("Utredning om servicedeklarationer", "Översyn av kommunens servicedeklarationer")),
         ("handelsutredning", ("Handelsutredningen", "Utredning om handelns utveckling i {m}")),
         ("insikt", ("SKL:s servicemätning Insikt", "Servicemätningen Insikt")),
         ("etablering", ("Etableringsstrategi för {m}", "Strategi för nyetableringar"))),
    ),
    "digital": (
        "PROJEKTPLAN DIGITAL SERVICE",
        "utreda hur kommunens service till invånare och företag kan utvecklas digitalt",
        ("Invånare och företag kan sköta sina ärenden med kommunen digitalt dygnet runt.",
         "Kommunens e-tjänster utvecklas utifrån användarnas behov.",
         "Ärendehanteringen är digital från ansökan till beslut.",
         "Medarbetarnas digitala kompetens stärks.",
         "Kommunens information är tillgänglig och lätt att hitta på webbplatsen.",
         "Informationssäkerheten är hög och anpassad till verksamheternas behov.",
         "Digitaliseringen leder till effektivare verksamheter och frigör resurser till kärnverksamheten.",
         "Alla hushåll och företag i {m} har tillgång till snabbt bredband."),
        (("E-tjänster", "prioritera vilka e-tjänster som ska utvecklas först och hur de ska förvaltas"),
         ("Digital ärendehantering", "föreslå hur ärenden kan hanteras digitalt från ansökan till beslut"),
         ("Webb och information", "göra kommunens webbplats mer tillgänglig och lättare att hitta på"),
         ("Digital kompetens", "planera de utbildningsinsatser som medarbetarna behöver"),
         ("Informationssäkerhet", "ta fram rutiner för informationssäkerhet i de nya arbetssätten"),
         ("Bredbandsutbyggnad", "föreslå hur bredbandsutbyggnaden på landsbygden kan påskyndas"),
         ("Gemensam IT-drift", "utreda förutsättningarna för en gemensam drift av verksamhetssystemen"),
         ("Nyttorealisering och uppföljning", "beskriva hur nyttan av digitaliseringen ska mätas och följas upp")),
        (("digital-agenda", ("Digital agenda för {m}", "Kommunens digitala agenda")),
         ("e-forvaltning", ("Regional handlingsplan för e-förvaltning", "Regionens handlingsplan för e-förvaltning")),
         ("it-strategi", ("IT-strategi för {W}", "Kommunens IT-strategi")),
         ("arendesystem", ("Upphandling av nytt ärendehanteringssystem", "Projekt Nytt ärendehanteringssystem")),
         ("bredband", ("Bredbandsstrategi för {m}", "Kommunens bredbandsstrategi")),
         ("infosak", ("Informationssäkerhetspolicy", "Kommunens informationssäkerhetspolicy"))),
    ),
    "kompetens": (
        "PROJEKTPLAN KOMPETENSFÖRSÖRJNING",
        "ta fram en samlad strategi för kompetensförsörjning",
        ("Kommunen har en samlad bild av det framtida kompetensbehovet i de egna verksamheterna och i näringslivet.",
         "Vuxenutbildningens utbud anpassas till arbetsmarknadens behov.",
         "Fler unga får kontakt med arbetslivet under skoltiden.",
         "Nyanlända får snabbare vägar till arbete genom samordnade insatser.",
         "Kommunen är en attraktiv arbetsgivare som kan rekrytera och behålla medarbetare.",
         "Samarbetet med högskolan om praktik och examensarbeten utvecklas.",
         "Företagens kompetensbehov fångas upp i en regelbunden dialog.",
         "Långtidsarbetslösheten minskar genom individuellt anpassade insatser."),
        (("Kompetensbehov och prognoser", "ta fram en samlad bild av kompetensbehoven på fem till tio års sikt"),
         ("Vuxenutbildning och yrkesutbildning", "föreslå hur vuxenutbildningens utbud kan anpassas till arbetsmarknaden"),
         ("Unga och arbetsliv", "utveckla kontakterna mellan skolan och arbetslivet"),
         ("Nyanländas väg till arbete", "korta tiden från ankomst till arbete för nyanlända"),
         ("Kommunen som arbetsgivare", "föreslå hur kommunen kan rekrytera och behålla medarbetare i bristyrken"),
         ("Samverkan med högskolan", "utveckla samarbetet med högskolan om praktik och examensarbeten"),
         ("Företagsdialog om kompetens", "fånga upp företagens behov av kompetens"),
         ("Insatser för långtidsarbetslösa", "ta fram individuellt anpassade insatser för långtidsarbetslösa")),
        (("kompetensplattform", ("Regional kompetensplattform", "Den regionala kompetensplattformen")),
         ("vux", ("Utredning om vuxenutbildningens organisation", "Översyn av vuxenutbildningen")),
         ("personalpolicy", ("Kommunens personalpolicy", "Personalpolitiskt program")),
         ("feriepraktik", ("Projekt Feriepraktik", "Feriepraktikprojektet")),
         ("af", ("Samverkansöverenskommelse med Arbetsförmedlingen", "Överenskommelsen med Arbetsförmedlingen")),
         ("larling", ("Förstudie om lärlingsutbildning", "Förstudien om lärlingsutbildning"))),
    ),
    "bostad": (
        "PROJEKTPLAN FÖR ÖKAT BOSTADSBYGGANDE",
        "utreda hur bostadsbyggandet i kommunen kan öka",
        ("Bostadsbyggandet i {m} ökar och möter befolkningens behov.",
         "Planberedskapen är god så att byggbar mark finns när efterfrågan uppstår.",
         "Handläggningen av detaljplaner och bygglov är förutsägbar och snabb.",
         "Kommunens markinnehav används strategiskt för att nå de bostadspolitiska målen.",
         "Det finns bostäder för grupper som har svårt att komma in på bostadsmarknaden.",
         "Kollektivtrafik, service och grönområden planeras i samband med nya bostadsområden.",
         "Dialogen med byggföretag och fastighetsägare sker regelbundet.",
         "De kommunala bostadsbolagens roll i bostadsförsörjningen tydliggörs."),
        (("Bostadsförsörjningsprogram", "ta fram ett förslag till bostadsförsörjningsprogram"),
         ("Planberedskap och markreserv", "säkra att det finns planlagd och byggbar mark"),
         ("Effektivare plan- och bygglovsprocess", "korta handläggningstiderna för detaljplaner och bygglov"),
         ("Bostäder för särskilda grupper", "föreslå hur bostäder för särskilda grupper kan tillskapas"),
         ("Dialog med byggaktörer", "utveckla dialogen med byggföretag och fastighetsägare"),
         ("Bostadsbolagets roll", "tydliggöra de kommunala bostadsbolagens uppdrag"),
         ("Infrastruktur och service i nya områden", "samordna planeringen av trafik, service och grönområden"),
         ("Uppföljning av bostadsbyggandet", "ta fram mått för att följa bostadsbyggandet")),
        (("oversiktsplan", ("Översiktsplan för {m}", "Den kommuntäckande översiktsplanen", "Översiktsplanen")),
         ("bostadsforsorjning", ("Riktlinjer för bostadsförsörjning", "Bostadsförsörjningsprogrammet")),
         ("lokalforsorjning", ("Utredning om kommunens lokalförsörjning", "Lokalförsörjningsutredningen")),
         ("markpolicy", ("Mark- och exploateringspolicy", "Kommunens markpolicy")),
         ("trafikstrategi", ("Trafikstrategi för {m}", "Kommunens trafikstrategi")),
         ("va-plan", ("VA-plan för {m}", "Kommunens VA-plan"))),
    ),
    "trygghet": (
        "PROJEKTPLAN TRYGG OCH HÄLSOSAM KOMMUN",
        "ta fram ett samlat program för trygghet och folkhälsa",
        ("Invånarna i {m} känner sig trygga i sitt bostadsområde och i centrum.",
         "Det brottsförebyggande arbetet samordnas mellan kommunen, polisen och civilsamhället.",
         "Barn och unga har tillgång till meningsfulla fritidsaktiviteter.",
         "Skillnaderna i hälsa mellan olika grupper och bostadsområden minskar.",
         "Alkohol- och drogförebyggande insatser når de unga som behöver dem.",
         "Medborgarnas synpunkter på trygghet fångas upp genom regelbunden dialog.",
         "Den fysiska miljön utformas så att den upplevs som trygg.",
         "Föreningslivets roll i det förebyggande arbetet stärks."),
        (("Trygghet i centrum", "föreslå åtgärder som ökar tryggheten i centrum"),
         ("Samverkan mot brott", "samordna det brottsförebyggande arbetet med polisen"),
         ("Fritid för barn och unga", "utveckla utbudet av fritidsaktiviteter för barn och unga"),
         ("Jämlik hälsa", "minska skillnaderna i hälsa mellan bostadsområden"),
         ("Förebyggande arbete mot alkohol och droger", "samordna de drogförebyggande insatserna"),
         ("Medborgardialog om trygghet", "utveckla dialogen med invånarna om trygghet"),
         ("Trygg fysisk miljö", "se över belysning, gångstråk och parker"),
         ("Föreningslivet som resurs", "stärka samarbetet med föreningslivet")),
        (("trygghetsmatning", ("Trygghetsmätningen", "Polisens trygghetsmätning")),
         ("folkhalsa", ("Folkhälsoprogram för {m}", "Kommunens folkhälsoprogram")),
         ("brottsforebyggande", ("Handlingsplan för brottsförebyggande arbete", "Det brottsförebyggande rådets handlingsplan")),
         ("drogpolitik", ("Alkohol- och drogpolitiskt program", "Kommunens drogpolitiska program")),
         ("fritidsgardar", ("Översyn av fritidsgårdsverksamheten", "Utredning om fritidsgårdarna")),
         ("medborgardialog", ("Riktlinjer för medborgardialog", "Kommunens riktlinjer för medborgardialog"))),
    ),
    "klimat": (
        "PROJEKTPLAN KLIMATOMSTÄLLNING",
        "ta fram en plan för hur kommunen ska nå sina klimatmål",
        ("Utsläppen av växthusgaser från kommunens verksamheter minskar.",
         "Kommunens fordon drivs med förnybara drivmedel.",
         "Energianvändningen i kommunens lokaler minskar.",
         "Invånare och företag får stöd att ställa om till ett klimatsmart liv.",
         "Upphandlingar ställer krav på miljö och klimat.",
         "Kommunen är förberedd på ett förändrat klimat med mer nederbörd och högre havsnivåer.",
         "Andelen resor med kollektivtrafik, cykel och gång ökar.",
         "Samarbetet med näringslivet om klimatfrågor fördjupas."),
        (("Fossilfri fordonsflotta", "föreslå hur kommunens fordon kan ställas om till förnybara drivmedel"),
         ("Energieffektiva lokaler", "minska energianvändningen i kommunens lokaler"),
         ("Klimatanpassning", "kartlägga riskerna med ett förändrat klimat"),
         ("Hållbart resande", "öka andelen resor med kollektivtrafik, cykel och gång"),
         ("Klimatkrav i upphandling", "ta fram klimatkrav som kan ställas i upphandlingar"),
         ("Rådgivning till invånare och företag", "utveckla energi- och klimatrådgivningen"),
         ("Klimatsamverkan med näringslivet", "utveckla samarbetet med företagen om klimatfrågor"),
         ("Uppföljning av klimatmålen", "ta fram mått för att följa upp klimatmålen")),
        (("energiplan", ("Energi- och klimatplan för {m}", "Kommunens energi- och klimatplan")),
         ("miljoprogram", ("Miljöprogram för {W}", "Miljöprogrammet")),
         ("resvaneundersokning", ("Resvaneundersökningen", "Den regionala resvaneundersökningen")),
         ("klimatanpassning", ("Förstudie om klimatanpassning", "Förstudien om klimatanpassning")),
         ("upphandlingspolicy", ("Kommunens upphandlingspolicy", "Upphandlingspolicyn")),
         ("fordonsutredning", ("Utredning om kommunens fordonsflotta", "Fordonsutredningen"))),
    ),
}
# Upper-case appendix headings (`NÄRINGSLIVSUTVECKLING DELPROJEKT 3`).
TOPIC_HEADINGS = {"naringsliv": "NÄRINGSLIVSUTVECKLING", "digital": "DIGITALISERING",
                  "kompetens": "KOMPETENSFÖRSÖRJNING", "bostad": "BOSTADSFÖRSÖRJNING",
                  "trygghet": "TRYGGHET OCH FOLKHÄLSA", "klimat": "KLIMATOMSTÄLLNING"}
GENERAL_INTENTIONS = (
    "Arbetet bedrivs gränsöverskridande mellan förvaltningarna så att dubbelarbete undviks.",
    "Ansvar och mandat mellan nämnder, förvaltningar och bolag tydliggörs.",
    "Insatserna följs upp med gemensamma nyckeltal som redovisas för kommunstyrelsen.",
    "Samverkan med Region {r} och andra regionala aktörer tydliggörs så att bästa gemensamma nytta uppnås.",
    "Kommunikationen med invånarna om arbetet är tydlig och samordnad.",
    "Medarbetare och chefer har den kompetens som förändringsarbetet kräver.",
    "Resurserna används effektivt och inom befintliga ramar.",
    "Erfarenheter från andra kommuner tas till vara i arbetet.",
)
GENERAL_SUBPROJECTS = (
    ("Organisation och ansvarsfördelning", "tydliggöra ansvar och mandat mellan förvaltningarna"),
    ("Kommunikation", "ta fram en plan för hur arbetet ska kommuniceras internt och externt"),
    ("Uppföljning och nyckeltal", "föreslå nyckeltal och former för uppföljning"),
    ("Ledarskap och förändringsarbete", "stödja cheferna i förändringsarbetet"),
)
# Works every municipality has, in several wordings (shared across documents).
SHARED_REFERENCES = (
    ("verksamhetsplan", ("KS verksamhetsplan {y}", "Kommunstyrelsens verksamhetsplan för {y}")),
    ("budget", ("Budget och verksamhetsplan {y}-{y2}", "Planeringsdirektiv med budget {y}-{y2}")),
    ("styrmodell", ("Kommunens styrmodell", "Utveckling av kommunens styrmodell")),
    ("agenda2030", ("Agenda 2030", "Arbetet med Agenda 2030")),
    ("ros", ("Risk- och sårbarhetsanalys", "Kommunens risk- och sårbarhetsanalys")),
    ("rus", ("Regional utvecklingsstrategi för {r}", "Den regionala utvecklingsstrategin")),
)
SIBLING_WORDINGS = ("Övriga delprojekt i projektet", "Övriga delprojekt i detta dokument",
                    "Övriga delprojekt i denna projektplan", "Övriga delprojekt")
SCOPE_LIMITS = (
    "Delprojektet omfattar inte myndighetsutövningen i sig.",
    "Frågor om lokaler hanteras i den ordinarie lokalförsörjningsprocessen.",
    "Förslag som kräver ändrad budgetram lämnas till budgetberedningen.",
    "Delprojektet omfattar inte de kommunala bolagen.",
    "Upphandlingsfrågor ingår inte.",
    "Delprojektet ska inte föreslå ändringar av nämndernas reglementen.",
)
METHOD_STEPS = (
    "Kartläggning av nuläget.",
    "Intervjuer med berörda förvaltningar och företrädare för målgruppen.",
    "Omvärldsbevakning och studiebesök hos andra kommuner.",
    "Analys av resultatet och identifiering av förbättringsområden.",
    "Framtagning av förslag till åtgärder.",
    "Förankring av förslaget i styrgruppen.",
    "Workshops med medarbetare och chefer.",
)
MILESTONE_LABELS = ("Nulägesanalys klar", "Delrapport till styrgruppen", "Förslag till styrgruppen",
                    "Förslag överlämnat till kommundirektören", "Remissversion klar", "Slutrapport",
                    "Beslut i kommunstyrelsen", "Utvärdering genomförd", "Implementering klar")
BUDGETS = ("Inom befintliga ramar.", "Inom befintlig budget.",
           "Arbetet bedrivs inom befintliga ramar. Kostnader för externt stöd hanteras av styrgruppen.",
           "Kostnaderna ryms inom kommunstyrelsens budget för utvecklingsinsatser.")
RELATED = ("Näringslivsstrategi för {o}", "Digitaliseringsstrategi för {o}", "Policy för projektarbete",
           "Riktlinjer för styrdokument i {o}", "Verksamhetsplan. Kommunstyrelse {y}", "Kvalitetspolicy",
           "Projektdirektiv. Projektnamn: Projektägare: Styrgrupp:", "{o} Sammanträdesprotokoll",
           "Bostadsförsörjningsprogram för {o}", "Folkhälsoplan {o}", "Klimatstrategi {o}",
           "Personalpolitiskt program", "Checklista inför beslut, BP1 JA NEJ", "Program för samverkan med civilsamhället",
           "Handlingsplan för ökad service till näringslivet i {o}", "Granskning av kommunens styrning")
PARTIES = ("S", "M", "C", "V", "L", "KD", "MP", "SD")
ANSWER_TO = ("kommundirektören", "kommunchefen", "stadsdirektören")
OWNER_DEFINITE = {"Projektägare": "projektägaren", "Uppdragsansvarig": "uppdragsansvarig",
                  "Projektansvarig": "projektansvarig", "Beställare": "beställaren"}


class _People:
    """Unique person names for one document."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def new(self) -> str:
        rng = self.rng
        while True:
            first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
            r = rng.random()
            if r < 0.06:
                last = f"{last}-{rng.choice(SURNAMES)}"
            elif r < 0.12:
                first = f"{first} {rng.choice(INITIALS)}"
            name = f"{first} {last}"
            if name not in self.used:
                self.used.add(name)
                return name


def _date(d: dt.date) -> str:
    return d.isoformat()


def _swedish(d: dt.date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}"


def _reference(rng, pool, fmt) -> Reference:
    key, wordings = rng.choice(pool)
    return Reference(rng.choice(wordings).format(**fmt), key)


def _milestones(rng, doc_date: dt.date, invalid: bool) -> tuple[Milestone, ...]:
    n = rng.randint(2, 4)
    labels = rng.sample(MILESTONE_LABELS, n)
    day = doc_date
    out = []
    for i, label in enumerate(labels):
        day = day + dt.timedelta(days=rng.randint(20, 70))
        r = rng.random()
        if invalid and i == 0:
            y = day.year
            text = rng.choice((f"{y}-04-31", f"{y}-06-31", f"{y}-09-31", f"{y}-11-31", f"{y}-02-30"))
        elif r < 0.2 and day.year == doc_date.year:
            text = _swedish(day)
        elif r < 0.28:
            text = f"{MONTHS[day.month - 1]} {day.year}"
        else:
            text = _date(day)
        style = rng.random()
        if text[0].isalpha():  # a month: `Slutrapport i maj 2014`
            written = f"{label} i {text}" if style < 0.5 else None
        else:
            written = f"{label} senast {text}" if style < 0.25 else (f"{label} den {text}" if style < 0.35 else None)
        out.append(Milestone(label, text, written))
    return tuple(out)


def _people_line(rng, word: str, people: list[str], orgs: list[str]) -> RoleLine:
    items: list = []
    i = 0
    while i < len(people):
        if i + 1 < len(people) and rng.random() < 0.08:
            items.append((Person(people[i]), Person(people[i + 1])))
            i += 2
            continue
        org = rng.choice(orgs) if orgs and rng.random() < 0.3 else None
        items.append(Person(people[i], org=org))
        i += 1
    return RoleLine(word, tuple(items))


def generate_plan(rng: random.Random, index: int) -> tuple[str, Truth]:
    """One plan as a text export, and its ground truth."""
    plan = generate(rng, index)
    return render_export(plan), truth(plan)


def generate(rng: random.Random, index: int) -> Plan:
    muni, written, region = rng.choice(MUNICIPALITIES)
    topic_key = rng.choice(sorted(TOPICS))
    title, task, topic_intentions, topic_subprojects, topic_refs = TOPICS[topic_key]
    year = rng.randint(2009, 2018)
    doc_date = dt.date(year, rng.randint(2, 8), rng.randint(1, 28))
    fmt = {"m": muni, "W": written, "r": region, "y": year, "y2": year + 2}
    people = _People(rng)
    admins = rng.sample(ADMINISTRATIONS, rng.randint(2, 4))
    abbrs = [a for _, a in admins]

    # Intentions and subprojects.
    n_int = rng.randint(5, 14)
    intentions = tuple(t.format(**fmt) for t in rng.sample(topic_intentions + GENERAL_INTENTIONS, n_int))
    lettered = rng.random() < 0.5
    n_sub = rng.randint(2, 8)
    sub_pool = rng.sample(topic_subprojects + GENERAL_SUBPROJECTS, n_sub)
    order = list(range(1, n_int + 1))
    rng.shuffle(order)
    layout = "appendix" if rng.random() < 0.6 else "inline"

    owner_word = rng.choice(("Projektägare", "Uppdragsansvarig", "Projektansvarig", "Beställare"))
    leader_word = rng.choice(("Projektledare", "Delprojektledare"))
    group_word = rng.choice(("Projektgrupp", "Arbetsgrupp", "Projektarbetsgrupp"))
    chief = people.new()
    chief_title = rng.choice(CHIEF_TITLES)
    verb = rng.choice(("ska", "skall"))
    refs_pool = topic_refs + SHARED_REFERENCES
    owners = [people.new() for _ in range(max(1, n_sub // 2 + 1))]
    owner_titles = {o: rng.choice(OWNER_TITLES) for o in owners}
    owner_definite = OWNER_DEFINITE[owner_word]

    subprojects = []
    invalid_sub = rng.randrange(n_sub) if rng.random() < 0.2 else None
    for i, (stitle, phrase) in enumerate(sub_pool, 1):
        k = rng.randint(1, 3)
        covered = sorted(set(order[(i - 1) % n_int: (i - 1) % n_int + k]) | {order[(i - 1) % n_int]})
        owner = rng.choice(owners)
        leader = people.new()
        group = [people.new() for _ in range(rng.randint(2, 5))]
        roles = [RoleLine(owner_word, (Person(owner),)),
                 RoleLine(leader_word, (Person(leader, org=rng.choice(abbrs) if rng.random() < 0.3 else None),)),
                 _people_line(rng, group_word, group, abbrs)]
        if rng.random() < 0.2:
            roles.append(RoleLine("Projektsekreterare", (Person(people.new()),)))
        if rng.random() < 0.25:
            roles.append(_people_line(rng, "Resurspersoner", [people.new() for _ in range(rng.randint(1, 3))], abbrs))
        if rng.random() < 0.3:
            roles.append(RoleLine("Styrgrupp", tuple(Person(p) for p in rng.sample(owners + [chief], min(3, len(owners) + 1)))))
        if rng.random() < 0.25:
            roles.append(RoleLine("Referensgrupp", organisations=tuple(rng.sample(REFERENCE_GROUPS, rng.randint(2, 3)))))
        refs = []
        for _ in range(rng.randint(1, 4)):
            ref = _reference(rng, refs_pool, fmt)
            if ref.title not in {r.title for r in refs}:
                refs.append(ref)
        clauses = ()
        if rng.random() < 0.2:
            clause = _reference(rng, SHARED_REFERENCES, fmt)
            if clause.title not in {r.title for r in refs}:
                clauses = (clause.title,)
        restate = rng.random() < 0.3
        scope = None
        if restate and rng.random() < 0.5:
            scope = (rng.choice(covered), f"I detta uppdrag avses främst {rng.choice(('kommunens egna verksamheter', 'samordningen mellan förvaltningarna', 'de strategiska frågorna', 'arbetet i centrum'))}")
        purpose = rng.choice(("Delprojektet ska {p}.", "Syftet med delprojektet är att {p}.",
                              "Uppdraget omfattar att {p}.")).format(p=phrase)
        subprojects.append(Subproject(
            i, stitle, tuple(covered), purpose,
            refer_by_letter=lettered and rng.random() < 0.2, clauses=clauses, restate=restate, scope=scope,
            scope_limits=tuple(rng.sample(SCOPE_LIMITS, rng.randint(0, 2))),
            method_steps=tuple(rng.sample(METHOD_STEPS, rng.choice((0, 0, 2, 3, 4)))),
            considerations=tuple(refs), siblings=rng.choice(SIBLING_WORDINGS) if rng.random() < 0.7 else None,
            roles=tuple(roles), schedule=_milestones(rng, doc_date, invalid_sub == i - 1),
            schedule_style=rng.choice(("numbered", "plain", "sentences")),
            budget=rng.choice(BUDGETS),
            reporting=rng.choice((f"Fortlöpande till {rng.choice(ANSWER_TO)}.",
                                  f"{leader_word}n rapporterar månadsvis till {owner_definite}.",
                                  f"Rapportering sker löpande till {owner_definite} och till {rng.choice(ANSWER_TO)}.")),
            appendix_date=_date(doc_date - dt.timedelta(days=rng.randint(3, 20))) if rng.random() < 0.15 else None,
            coverage_verb=verb, owner_title=owner_titles[owner],
        ))

    # Background decisions, newest last, all before the plan's date.
    final = doc_date - dt.timedelta(days=rng.randint(7, 40))
    committee, committee_name = rng.choice((("KS", "Kommunstyrelsen"), ("KSAU", "Kommunstyrelsens arbetsutskott"),
                                            ("KLU", "Kommunstyrelsens ledningsutskott")))
    background: list = [f"{written} {rng.choice(('har under flera år arbetat med frågan', 'står inför stora utmaningar på området', 'vill bli bättre på detta område'))}."]
    tabled = rng.random() < 0.5
    handled = final - dt.timedelta(days=rng.randint(21, 45)) if tabled else None
    assigned = (handled or final) - dt.timedelta(days=rng.randint(60, 160))
    a_body, a_name = rng.choice((("KS", "Kommunstyrelsen"), ("KF", "Kommunfullmäktige")))
    case_dnr = f"KS {assigned.year}/{rng.randint(100, 999):04d}"
    if rng.random() < 0.5:
        a_text = f"{a_name} gav {_date(assigned)} {rng.choice(ANSWER_TO)} i uppdrag att {task} ({case_dnr})."
    else:
        a_text = f"{_date(assigned)} uppdrog {a_name.lower()} åt {rng.choice(ANSWER_TO)} att {task} ({case_dnr})."
    background.append(Decision(_date(assigned), a_body, "assignment", a_text, identifier=case_dnr))
    defs = [f"{n} ({a})" for n, a in admins]
    background.append(f"Utredningen har tagits fram av {defs[0]} tillsammans med {join_list(defs[1:])}.")
    if tabled:
        if committee != "KS" and rng.random() < 0.5:
            t_text = (f"Utredningen behandlades av {committee_name.lower()} {_date(handled)}. Utskottet beslutade att "
                      f"bordlägga frågan till dess sammanträde {_date(final)}.")
        else:
            t_text = (f"{committee_name} behandlade utredningen {_date(handled)} och beslutade att bordlägga ärendet "
                      f"till sammanträdet {_date(final)}.")
        background.append(Decision(_date(handled), committee, "tabling", t_text))
    if rng.random() < 0.5:
        d_text = (f"{committee_name} beslutade {_date(final)} att uppdra åt {rng.choice(ANSWER_TO)} att ta fram en "
                  f"projektplan för det fortsatta arbetet utifrån följande intentioner:")
    else:
        d_text = (f"{_date(final)} beslutade {committee_name.lower()} att det fortsatta arbetet ska tillgodose "
                  f"följande intentioner:")
    background.append(Decision(_date(final), committee, "decision", d_text, lays_down_intentions=True))

    after: tuple[str, ...] = ()
    project_ms: tuple[Milestone, ...] = ()
    if rng.random() < 0.6:
        deadline = doc_date + dt.timedelta(days=rng.randint(60, 200))
        after = (f"Ambitionen är att kommunfullmäktige ska kunna fatta beslut i frågan senast {_date(deadline)}.",)
        project_ms = (Milestone("beslut", _date(deadline)),)

    project_roles: tuple[RoleLine, ...] = ()
    owner = None
    r = rng.random()
    if r < 0.6:
        owner = Person(chief, title=chief_title)
    else:
        project_roles = (RoleLine("Projektägare", (Person(chief, title=chief_title),)),
                         RoleLine("Styrgrupp", tuple(Person(p) for p in [chief] + owners[:3])))
    n_word = NUMBER_WORDS[n_sub] if n_sub < len(NUMBER_WORDS) else str(n_sub)
    plan = Plan(
        municipality=muni, municipality_written=written,
        dnr=f"{rng.choice(('KS', 'KS', 'KS', 'KLK'))} {year}/{index + 1:04d}", date=_date(doc_date),
        title=title if rng.random() < 0.7 else f"{title} FÖR {written.upper()}",
        background=tuple(background), intentions=intentions, subprojects=subprojects, lettered=lettered,
        after_intentions=after, project_milestones=project_ms,
        plan_decision=(f"Det fortsatta arbetet genomförs som ett projekt med {n_word} delprojekt. I varje delprojekt "
                       f"{verb} en eller flera av intentionerna adresseras."),
        layout=layout, list_subprojects=rng.random() < (0.85 if layout == "appendix" else 0.3),
        owner=owner, responsibles=layout == "appendix" and rng.random() < 0.5, project_roles=project_roles,
        closing=("Uppdragsbeskrivningarna för delprojekten bilägges.",) if layout == "appendix" else (),
        signatory=Person(chief, title=chief_title) if rng.random() < 0.6 else None,
        header_layout=rng.choice(("date-dnr", "date-dnr", "muni-dnr-date", "dnr-date")),
        appendix_heading=rng.choice(("UPPDRAGSBESKRIVNING", "PROJEKTDIREKTIV", TOPIC_HEADINGS[topic_key])),
        organisations=tuple(admins),
        related=tuple(t.format(o=rng.choice(MUNICIPALITIES)[1], y=rng.randint(2010, 2019))
                      for t in rng.sample(RELATED, rng.randint(5, 12))),
        related_party_lines=tuple(_party_line(rng, people) for _ in range(rng.randint(0, 2))),
    )
    return plan


# -- linked families: a strategy, a directive, the minutes that decide and follow them up, a plan ----------

STRATEGY_TOPICS = ("hållbart resande", "digitalisering", "näringslivsutveckling", "kompetensförsörjning", "folkhälsa",
                   "klimatanpassning", "bostadsförsörjning", "kultur och fritid", "trygghet och säkerhet",
                   "integration", "besöksnäring", "livsmedel i offentlig verksamhet")
PROJECTS = ("trygga skolvägar", "en ny förskola", "utbyggd laddinfrastruktur", "digitala e-tjänster",
            "samlad lokalförsörjning", "en gemensam kundtjänst", "ökad återvinning", "fler feriejobb",
            "upprustade lekplatser", "belysning längs gång- och cykelvägar", "ett nytt badhus", "säkra skolgårdar")
DISTRICTS = ("norra", "södra", "östra", "västra", "centrala")
FAMILY_DOCS = ("strategy", "directive", "adopting", "council", "plan", "follow_up")


def _dnr(year: int, family: int, k: int) -> str:
    """A case number of its own for each document of each family (`KS 2019/4711`)."""
    return f"KS {year}/{100 + family * 8 + k}"


def _meeting_people(muni: str, year: int) -> tuple[str, str, str]:
    """Chair, adjuster and secretary of a municipality's board in a year: the same in all its minutes of that year."""
    r = random.Random(f"{muni}-{year}")
    people = _People(r)
    return people.new(), people.new(), people.new()


def _minutes_text(written: str, body: str, date: str, people: tuple[str, str, str],
                  paragraphs: list[tuple[int, str, str, str, str]]) -> str:
    """Minutes in the clean layout: a cover page, then one page per paragraph (number, Dnr, title,
    the matter, the decision)."""
    chair, adjuster, secretary = people
    numbers = [n for n, *_ in paragraphs]
    span = str(numbers[0]) if len(numbers) == 1 else f"{numbers[0]}-{numbers[-1]}"
    cover = (f"{written.upper()}\nSAMMANTRÄDESPROTOKOLL\n{body}\nSammanträdesdatum {date}\n\n"
             f"Plats och tid Kommunhuset, kl. 13.00–15.00\nBeslutande {chair} (S), ordförande\n"
             f"Utses att justera {adjuster} (M)\nSekreterare {secretary}\nParagrafer {span}")
    possessive = body + ("s" if not body.endswith("s") else "")
    pages = [f"§ {n} Dnr {dnr}\n{title}\n\nÄrendet\n{matter}\n\n{possessive} beslut\n{body} beslutar {decision}"
             for n, dnr, title, matter, decision in paragraphs]
    return "\f".join([cover] + pages) + "\n"


def generate_family(rng: random.Random, family: int) -> dict[str, str]:
    """One linked family of a municipality, as texts by name (`FAMILY_DOCS`): a strategy; a directive;
    the board's minutes adopting it (same Dnr and title); the council's minutes citing the strategy
    by title and Dnr; a plan whose related documents name the strategy and whose background records
    the board's adopting decision; and the board's later minutes that take a report back on the
    directive's case and approve the plan. Deterministic for a `random.Random` state and index."""
    muni, written, _ = rng.choice(MUNICIPALITIES)
    year = rng.randint(2012, 2022)
    topic, project = rng.choice(STRATEGY_TOPICS), rng.choice(PROJECTS)
    place = f"{rng.choice(DISTRICTS)} {muni}"
    day = dt.date(year, rng.randint(1, 3), rng.randint(1, 28))
    adopted, directive_day = day - dt.timedelta(days=rng.randint(90, 300)), day
    adopting_day = directive_day + dt.timedelta(days=rng.randint(20, 50))
    council_day = adopting_day + dt.timedelta(days=rng.randint(10, 40))
    plan_day = council_day + dt.timedelta(days=rng.randint(5, 30))
    follow_day = plan_day + dt.timedelta(days=rng.randint(60, 150))
    s_dnr, d_dnr, c_dnr, p_dnr = (_dnr(year, family, k) for k in range(4))
    s_title = f"Strategi för {topic} i {muni}"
    d_title = f"Projektdirektiv för {project} i {place}"
    p_title = f"Projektplan för {project} i {place}"
    c_title = f"Handlingsplan för {topic} {year + 1}–{year + 3}"
    board = _meeting_people(muni, year)
    council = _meeting_people(muni + "-kf", year)
    assigned = directive_day - dt.timedelta(days=rng.randint(30, 90))
    texts = {
        "strategy": (f"{written.upper()}\n{s_title}\n\nDiarienummer: {s_dnr}\n\n"
                     f"Antagen av kommunfullmäktige {_date(adopted)}\n\n1. Inledning\n"
                     f"Strategin anger inriktningen för {topic} i kommunen.\n"),
        "directive": (f"{written.upper()}\nKommunstyrelsens förvaltning\n{d_title}\nDatum {_date(directive_day)}\n"
                      f"Dnr {d_dnr}\n\n1. Bakgrund\nKommunstyrelsen gav {_date(assigned)} förvaltningen i uppdrag "
                      f"att ta fram ett direktiv för {project}.\n\n2. Syfte\nSyftet är att arbetet med {project} "
                      f"ska samordnas.\n"),
        "adopting": _minutes_text(written, "Kommunstyrelsen", _date(adopting_day), board, [
            (rng.randint(5, 60), d_dnr, d_title, "Förvaltningen har tagit fram ett projektdirektiv.",
             f"att anta projektdirektivet för {project} i {place}.")]),
        "council": _minutes_text(written, "Kommunfullmäktige", _date(council_day), council, [
            (rng.randint(5, 60), c_dnr, c_title, f"Handlingsplanen bygger på {s_title} ({s_dnr}).",
             f"att anta handlingsplanen enligt {s_title}.")]),
        "plan": (f"{p_title}\n\n\nRelevanta dokument\n{s_title}\n\n{rng.choice(RELATED).format(o=written, y=year)}"
                 f"\n\nTranskript:\n\n{written.upper()} {p_title} Datum {_date(plan_day)} Dnr {p_dnr}\n\n"
                 f"1. Bakgrund Kommunstyrelsen beslutade {_date(adopting_day)} att anta projektdirektivet för "
                 f"{project} i {place} ({d_dnr}).\n"),
        "follow_up": _minutes_text(written, "Kommunstyrelsen", _date(follow_day), board, [
            (70, d_dnr, f"Återrapportering av projektet {project}",
             "Förvaltningen redovisar arbetet enligt projektdirektivet.",
             "att lägga återrapporteringen till handlingarna."),
            (71, p_dnr, p_title, "Förvaltningen har tagit fram en projektplan.",
             f"att godkänna projektplanen för {project} i {place}.")]),
    }
    return texts


def _party_line(rng: random.Random, people: _People) -> str:
    names = [f"{people.new()} ({rng.choice(PARTIES)})" for _ in range(rng.randint(3, 6))]
    return f"{names[0]}, ordförande " + " ".join(names[1:])


def _ascii(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in folded if c.isascii() and c.isalnum())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Skriv syntetiska projektplaner (textexporter) för benchmarks.")
    ap.add_argument("out_dir", type=Path, help="katalog att skriva filerna i")
    ap.add_argument("--count", type=int, default=100, help="antal dokument (standard 100)")
    ap.add_argument("--seed", type=int, default=1, help="slumpfrö (standard 1)")
    ap.add_argument("--truth", type=Path, help="skriv facit som JSON Lines till denna fil")
    ap.add_argument("--linked", action="store_true",
                    help="skriv länkade familjer (strategi, direktiv, protokoll, plan) i stället för projektplaner")
    args = ap.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    if args.linked:
        return _write_families(args.out_dir, args.count, rng, started)
    truth_fh = args.truth.open("w", encoding="utf-8") if args.truth else None
    try:
        for index in range(args.count):
            plan = generate(rng, index)
            name = f"{index:05d}_{_ascii(plan.municipality)}.txt"
            (args.out_dir / name).write_text(render_export(plan), encoding="utf-8")
            if truth_fh:
                truth_fh.write(json.dumps({"file": name, **truth(plan).to_json()}, ensure_ascii=False) + "\n")
    finally:
        if truth_fh:
            truth_fh.close()
    elapsed = time.perf_counter() - started
    print(f"Skrev {args.count} dokument till {args.out_dir} på {elapsed:.1f} s", file=sys.stderr)
    return 0


def _write_families(out_dir: Path, count: int, rng: random.Random, started: float) -> int:
    """`count` documents of linked families (`generate_family`), six to a family."""
    written = 0
    for family in range((count + len(FAMILY_DOCS) - 1) // len(FAMILY_DOCS)):
        for name, text in generate_family(rng, family).items():
            if written < count:
                (out_dir / f"{family:05d}_{name}.txt").write_text(text, encoding="utf-8")
                written += 1
    print(f"Skrev {written} dokument till {out_dir} på {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
