"""Invented material for the dev set: municipalities, people, offices and topics.

Nothing here comes from a real document: the municipalities do not exist, the people are
first names and surnames put together at random, and the topics' goals are written for the set.
All text is Latin-1 so that the PDFs can use a core font.
"""
from __future__ import annotations

MUNICIPALITIES = ("Norrbacka", "Lilla Åby", "Ekbyholm", "Sjöhamra", "Västerlunda", "Granvik", "Öresta",
                  "Tallmora", "Kvarnås", "Bergsjöby", "Fjällinge", "Strömsvik")

# For the documents laid out in the sectioned shape (build.SHAPED_LAYOUTS), so that the earlier
# documents keep their municipalities.
SHAPED_MUNICIPALITIES = ("Hagmark", "Ljungsäter", "Rävnäs", "Ormtorp")

FIRST = ("Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Mikael", "Lena", "Per", "Sofia", "Anders",
         "Helena", "Jonas", "Ingrid", "Magnus", "Elin", "Fredrik", "Ulla", "Nils", "Sara", "Tomas", "Greta",
         "Olof", "Malin", "Henrik", "Linnea", "Göran", "Ebba", "Viktor", "Åsa", "Björn", "Cecilia", "Rune")
LAST = ("Lindqvist", "Bergström", "Holmgren", "Sandberg", "Ekdahl", "Nordin", "Wallin", "Forsberg", "Hägg",
        "Blom", "Östlund", "Sjöberg", "Dahlgren", "Lundmark", "Nyström", "Åkesson", "Falk", "Engström",
        "Hedlund", "Strand", "Moberg", "Vikström", "Rydén", "Lilja", "Törnqvist", "Hammar", "Brandt",
        "Kjellberg", "Öberg", "Sundell")
# Second surnames of double surnames (`Greta Falk Hedlund`, `Anna Berg Lind`).
SECOND_LAST = ("Lindahl", "Hedlund", "Lind", "Nordin", "Strand", "Holmberg", "Ekman", "Sjögren")
TITLES = ("kommundirektör", "ekonomichef", "utvecklingsstrateg", "IT-chef", "förvaltningschef", "HR-chef",
          "planeringschef", "kvalitetsutvecklare", "näringslivschef", "verksamhetsutvecklare", "controller",
          "kommunikationschef", "enhetschef", "miljöstrateg")
PARTIES = ("S", "M", "C", "V", "KD", "L", "MP", "SD")
UNITS = ("Kommunledningskontoret", "Kommunstyrelsens förvaltning", "Samhällsbyggnadsförvaltningen",
         "Kommunledningsförvaltningen", "Serviceförvaltningen")
BODIES = (("Kommunstyrelsen", "KS"), ("Kommunfullmäktige", "KF"), ("Kommunstyrelsens arbetsutskott", "KSAU"))

# Each topic: the subject as a title phrase, goals, subproject titles and works to take into account.
TOPICS = (
    dict(subject="digital service till invånarna", short="digital service",
         goals=("Invånarna ska kunna göra sina vanligaste ärenden via e-tjänster dygnet runt.",
                "Handläggningstiden för bygglov ska halveras jämfört med utgångsläget.",
                "Kommunens webbplats ska uppfylla kraven på tillgänglighet.",
                "Alla förvaltningar ska använda en gemensam plattform för e-tjänster.",
                "Medarbetarna ska ha den kompetens som krävs för digitalt arbete.",
                "Kostnaden per ärende ska minska genom automatisering av enkla beslut."),
         subs=("Gemensam plattform för e-tjänster", "Digital kompetens för medarbetare",
               "Tillgänglig webbplats", "Automatiserad handläggning"),
         works=("Utredning om gemensam växel och kundtjänst", "Projekt Ny ekonomimodell",
                "Riktlinjer för informationssäkerhet", "Förstudie om e-arkiv", "Plan för kompetensförsörjning")),
    dict(subject="ett hållbart näringsliv", short="näringslivet",
         goals=("Antalet nystartade företag per år ska öka.",
                "Kommunens placering i företagarnas rankning av företagsklimatet ska förbättras.",
                "Det ska finnas planlagd mark för verksamheter i alla kommundelar.",
                "Dialogen mellan kommunen och företagen ska ske på fasta mötesplatser.",
                "Fler ungdomar ska få feriepraktik hos lokala företag.",
                "Upphandlingar ska utformas så att små företag kan lämna anbud."),
         subs=("Mark och lokaler för företag", "Företagsdialog och service",
               "Skola och arbetsliv", "Upphandling för små företag"),
         works=("Översiktsplan för kommunen", "Utredning om centrumhandelns framtid",
                "Projekt Unga i arbete", "Handlingsplan för landsbygdsutveckling", "Policy för upphandling")),
    dict(subject="en samlad lokalförsörjning", short="lokalförsörjningen",
         goals=("Kommunens lokalbehov ska redovisas i en gemensam plan varje år.",
                "Lokalkostnaden per elev ska ligga i nivå med jämförbara kommuner.",
                "Tomma lokaler ska avvecklas eller hyras ut inom ett år.",
                "Nya skollokaler ska byggas med låg energianvändning.",
                "Ansvaret mellan fastighetsägare och verksamhet ska vara tydligt.",
                "Underhållsskulden i kommunens fastigheter ska minska."),
         subs=("Lokalbehovsplan", "Ansvarsfördelning och hyresmodell", "Energieffektiva skollokaler",
               "Underhållsplan för fastigheter"),
         works=("Utredning om skolstrukturen", "Energi- och klimatstrategi", "Projekt Ny hyresmodell",
                "Investeringsplan 2020-2024", "Förstudie om gemensam fastighetsförvaltning")),
    dict(subject="ett tryggare centrum", short="tryggheten",
         goals=("Andelen invånare som känner sig trygga i centrum ska öka.",
                "Belysningen i parker och på gångstråk ska förbättras.",
                "Samverkan mellan kommunen, polisen och fastighetsägarna ska ske i en fast form.",
                "Skadegörelse på kommunens egendom ska minska.",
                "Fritidsgårdarna ska ha öppet fler kvällar i veckan."),
         subs=("Belysning och fysisk miljö", "Samverkan med polis och fastighetsägare",
               "Fritid för unga på kvällstid"),
         works=("Medborgarlöfte med polisen", "Program för offentlig miljö", "Utredning om fritidsgårdarnas framtid",
                "Handlingsplan mot skadegörelse")),
    dict(subject="hållbar kompetensförsörjning", short="kompetensförsörjningen",
         goals=("Kommunen ska vara en attraktiv arbetsgivare för nyutexaminerade.",
                "Sjukfrånvaron bland medarbetarna ska minska.",
                "Alla chefer ska ha genomgått kommunens ledarprogram.",
                "Andelen heltidsanställda inom vård och omsorg ska öka.",
                "Rekryteringstiden för bristyrken ska kortas."),
         subs=("Heltid som norm", "Ledarutveckling", "Rekrytering av bristyrken", "Friskare arbetsplatser"),
         works=("Personalpolitiskt program", "Projekt Heltidsresan", "Utredning om bemanningsenhet",
                "Lönepolitisk plan")),
    dict(subject="en fossilfri fordonsflotta", short="fordonsflottan",
         goals=("Kommunens personbilar ska drivas med förnybara drivmedel.",
                "Antalet tjänsteresor med bil ska minska till förmån för digitala möten.",
                "Laddplatser ska finnas vid alla kommunala arbetsplatser.",
                "Bilpoolen ska vara gemensam för alla förvaltningar."),
         subs=("Laddinfrastruktur", "Gemensam bilpool", "Resfria möten"),
         works=("Energi- och klimatstrategi", "Riktlinjer för tjänsteresor", "Upphandling av leasingbilar",
                "Utredning om gemensam fordonsenhet")),
    dict(subject="en ny modell för verksamhetsstyrning", short="styrmodellen",
         goals=("Nämndernas mål ska kunna följas upp med mätbara indikatorer.",
                "Budgetprocessen ska börja med en gemensam omvärldsanalys.",
                "Uppföljningen ska rapporteras till kommunstyrelsen tre gånger per år.",
                "Styrdokumenten ska vara färre och lättare att hitta.",
                "Alla förvaltningar ska använda samma system för uppföljning."),
         subs=("Mål och indikatorer", "Budgetprocess och omvärldsanalys", "Styrdokument och uppföljning"),
         works=("Riktlinjer för styrdokument", "Projekt Nytt beslutsstödssystem", "Revisionsrapport om intern kontroll",
                "Utredning om nämndorganisationen")),
    dict(subject="ett gemensamt e-arkiv", short="e-arkivet",
         goals=("Allmänna handlingar ska kunna bevaras digitalt utan pappersutskrift.",
                "Sökningar i arkivet ska kunna göras av alla handläggare.",
                "Gallring ska ske enligt beslutade dokumenthanteringsplaner.",
                "Arkivet ska delas med grannkommunerna i en gemensam lösning."),
         subs=("Informationsredovisning", "Teknisk lösning och upphandling", "Samverkan med grannkommuner"),
         works=("Arkivreglemente", "Förstudie om e-arkiv", "Dokumenthanteringsplaner för förvaltningarna",
                "Avtal om samverkan i arkivfrågor")),
)
