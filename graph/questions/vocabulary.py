"""The words a question asks with: each concept with its Swedish and English words.

A question is read word by word; each word (case and diacritics folded) is compared with the
words below. A word ending in `*` stands for every inflection and compound that starts with it
(`milstolp*`: milstolpe, milstolparna); a phrase of several words matches those words in a row.
Typing errors are tolerated by edit distance (a swapped pair of letters counts as one): none in
words of up to three letters, one in words of four to seven, two in longer ones; the first
letter must be right, which keeps short words from turning into one another.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from styrgraf.graph.swedish import words
from styrgraf.ingest.roles import ROLES

# concept -> (Swedish words, English words)
CONCEPTS: dict[str, tuple[str, str]] = {
    # what is asked about
    "subproject": ("delprojekt* projektdel* dp delproj", "subproject* sub-project* sub project* subprojects dp sp"),
    "intention": ("intention* avsikt*", "intention* aims"),
    "project": ("projektet hela projektet projektplanen planen projektets huvudprojekt*", "project the project whole project plan"),
    "person": ("person* folk människor individer namn", "people person* persons individuals names"),
    "organisation": ("organisation* förvaltning* bolag* företag* aktör* myndighet* avdelning* verksamhet*",
                     "organisation* organization* companies company bodies departments department agencies actors"),
    "milestone": ("milstolp* deadline* tidsplan* tidplan* hållpunkt* delmål* slutdatum leverans*",
                  "milestone* deadline* schedule* timeline* due dates target dates"),
    "decision": ("beslut beslutet besluten beslutens", "decision decisions"),
    "meeting": ("sammanträde* möte* protokoll*", "meeting* minutes session* held"),
    "case": ("ärende* diarienummer dnr", "case cases matter matters"),
    "concern": ("gäller rör avser angår handlar om", "concern concerns concerning regarding relate relates related"),
    # relations
    "lead": ("leder leds ledare ledaren ledning* ledningen projektledare projektledaren delprojektledare driver styr "
             "ansvarar ansvarig ansvariga ansvaret huvudansvarig chef",
             "leads lead leader* leading led manager* manages manage heads head runs run responsible in charge boss"),
    "member": ("ingår ingar deltar deltog närvarande närvarade deltagare medlem* med medverkar sitter jobbar arbetar består involverad* "
               "involverade bemanning* bemannat",
               "members member participants participant participate* attended attendance present team staff involved part sits sit works work "
               "working take part takes part taking part belong belongs"),
    "cover": ("täcker täcks täckt adresserar adresseras hanterar hanteras behandlar behandlas omfattar omfattas "
              "tar upp tas upp arbetar med jobbar med svarar mot",
              "covers cover covered covering address* handle* handled deal with deals with dealt with treat* "
              "takes up take up taken up"),
    "consider": ("beakta* beaktas hänsyn samordna* samordnas förhålla ta hänsyn",
                 "consider* take into account taken into account account coordinate* considered"),
    "depend": ("beror beroende* hänger ihop avhängig* bygger vidare",
               "depend* dependent* dependencies relies rely relying"),
    "rest": ("bygger vilar grundar grundas baseras baserar utgår bakom grund grunden varifrån ursprung* härstammar "
             "kommer ifrån",
             "rest rests resting based base behind originate* origin* stem stems come from comes from derives "
             "derive"),
    "decide": ("beslutade beslutades beslutat beslutats besluta fattade fattades fattats togs bestämde bestämdes",
               "decide decided decides made taken resolved"),
    "overlap": ("överlapp* gemensamt gemensamma dubbelarbete dubblering* liknar varandra", "overlap* shared in common duplicat*"),
    "gap": ("lucka luckor saknar saknas otäckt* otäckta utan ingen inget inga inte",
            "gap gaps missing uncovered unaddressed without no none not nothing"),
    "count": ("hur många antal antalet räkna", "how many number of count"),
    "list": ("lista listan visa räkna upp alla samtliga finns", "list show all every enumerate exist there are"),
    "several": ("flera flertal fler mer än ett mer än en mer än 1 två eller fler", "several multiple more than one more than 1 two or more"),
    "about": ("handlar syfte* syftar uppdrag* beskriv* titel titeln heter går ut på innehåll* "
              "inriktning* avser berätta sammanfatta* sammanfattning* översikt* ut",
              "about purpose aim assignment describe* description title called named what is tell summar* "
              "overview"),
    "goal": ("mål målen målet målsättning* målområde*", "goal goals objective* target targets"),
    "say": ("säger står lyder innebär betyder formulering* text texten ordalydelse*",
            "say says said state states stated mean means wording text read reads"),
    "budget": ("budget* kostnad* kostar pengar medel finansier* ekonomi* resurser", "budget* cost* costs money funding "
               "funds financ* resources"),
    "report": ("rapporter* återrapport* redovis* avrapport*", "report* reporting reports accountable to"),
    "profile": ("titel befattning* tjänst* roll roller rollen yrke arbetar som", "title job position role roles "
                "works as"),
    "chair": ("ordförande ordf mötesordförande ledde", "chair chaired chairs chairman chairwoman chairperson presided "
              "preside*"),
    "move": ("yrkade yrkar yrkat yrkande*", "moved motion motions"),
    "vice": ("vice viceordförande* viceordf", "vice deputy"),
    "replace": ("ersatte ersätter ersattes ersatts tjänstgjorde tjänstgör ersättare* ersättaren",
                "replaced replaces replace substitute* substituted deputised deputized"),
    "adopt": ("antogs antagen antaget antagits antog antagande* fastställd* fastställdes", "adopted adoption approved"),
    "own": ("äger ägs dokumentansvarig* dokumentägare*", "owns owned"),
    "valid": ("giltig* länge", "valid validity expire* long"),
    "adjust": ("juster*", "adjust* attest* verifi* checked signed"),
    "paragraph": ("paragraf* §", "paragraph* §"),
    "reserve": ("reserver* reservation*", "reserv* dissent*"),
    # question words and little words whose place in the question matters
    "who": ("vem vilka vems", "who whom whose"),
    "what": ("vad vilket vilken vilka", "what which"),
    "when": ("när datum vilket datum", "when date by when"),
    "where": ("var varifrån", "where"),
    "done": ("klart klar klara färdig* avslut* slutför* levereras", "done finished complete* ready due delivered"),
    "before": ("före innan tidigare än", "before prior to earlier than"),
    "by": ("senast", "by until no later than"),
    "after": ("efter senare än från och med", "after later than since"),
    "between": ("mellan", "between"),
    "happen": ("händer hända sker inträffar", "happens happen happening"),
    "during": ("i under inom", "in during within"),
    "on": ("på", "on"),
    "is": ("är var", "is are was were"),
}

# Role words name the role they stand for ("vem är projektsekreterare i delprojekt 2").
ROLE_WORDS_EN = {
    "uppdragsansvarig": "accountable owner* project owner* owner sponsor commissioner",
    "projektsekreterare": "project secretary secretary took_the_minutes kept_the_minutes minute_taker",
    "projektgrupp": "project team team members",
    "resursperson": "resource person* resource people experts",
    "referensgrupp": "reference group*",
    "styrgrupp": "steering group* steering committee* board",
    "stod": "support",
    "signatory": "signatory signatories signed",
}
ROLE_WORDS_SV_EXTRA = {"uppdragsansvarig": "ägare", "resursperson": "resurspersonerna", "styrgrupp": "styrgrupper",
                       "projektsekreterare": "sekreterare sekreteraren förde_protokollet skrev_protokollet",
                       "signatory": "undertecknare undertecknat undertecknade undertecknad undertecknats signerade "
                                    "signerat skrivit_under skrev_under"}
# Words that name no concept; they are left alone rather than read as typos of a concept word.
FUNCTION_WORDS = frozenset(words(
    "och att det som en ett den de dem har hade ha ska skall måste bör behöver kan om av för till från mot hos "
    "sig sin sitt sina nu man the a an of and to for from by at do does did has have had must should shall need "
    "needs can could would will be been it its their them they there this that these those me us our my i "
    "något några någon vara bli blir blev sådan sådana dessa denne any some being get got so such please tell me "
    "with grafen graph databasen database systemet"))


@dataclass(frozen=True)
class Word:
    concept: str
    lang: str  # "sv" or "en"
    words: tuple[str, ...]  # folded, in order
    prefix: bool  # the last word is a stem


def _entries() -> list[Word]:
    out = []
    for concept, (sv, en) in CONCEPTS.items():
        out += _words(concept, "sv", sv) + _words(concept, "en", en)
    for key, role in ROLES.items():
        if role.scope != "project":
            continue
        sv = " ".join(w.replace(" ", "_") for w in role.words) + " " + ROLE_WORDS_SV_EXTRA.get(key, "")
        out += _words("role:" + key, "sv", sv) + _words("role:" + key, "en", ROLE_WORDS_EN.get(key, ""))
    return out


def _words(concept: str, lang: str, text: str) -> list[Word]:
    """Entries of a word list: single words, `*` stems; two or three words in a row are a phrase
    when the list names them together (written here with spaces between known phrase words)."""
    out = []
    for item in _phrases(text):
        prefix = item.endswith("*")
        folded = tuple(words(item.rstrip("*"))) if item.rstrip("*") != "§" else ("§",)
        if folded:
            out.append(Word(concept, lang, folded, prefix))
    return out


# Phrases in the lists above, written with spaces: they are matched as words in a row.
PHRASES = (
    "hela projektet", "tar upp", "tas upp", "arbetar med", "jobbar med", "svarar mot", "ta hänsyn", "hänger ihop",
    "bygger vidare", "kommer ifrån", "hur många", "räkna upp", "mer än ett", "mer än en", "mer än 1", "more than 1", "liknar varandra", "två eller fler",
    "går ut på", "arbetar som", "vilket datum", "tidigare än", "senare än", "från och med", "sub project",
    "the project", "whole project", "in charge", "take part", "takes part", "taking part", "deal with",
    "deals with", "dealt with", "take up", "takes up", "taken up", "take into account", "taken into account",
    "come from", "comes from", "in common", "how many", "number of", "there are", "more than one", "two or more",
    "what is", "accountable to", "works as", "by when", "prior to", "earlier than", "later than", "due dates",
    "target dates", "no later than", "accountable owner", "project owner", "resource person", "resource people", "reference group",
    "steering group", "steering committee", "project secretary", "project team", "team members",
    "accountable owners", "project owners", "resource persons", "reference groups", "steering groups",
    "steering committees", "med stöd från", "med stöd av", "ansvarig för huvudprojektet", "ansvarig för dokumentet",
    "skrivit under", "skrev under", "took the minutes", "kept the minutes", "minute taker", "förde protokollet",
    "skrev protokollet",
)


def _phrases(text: str) -> list[str]:
    tokens = text.replace("_", " ").split()
    out, i = [], 0
    while i < len(tokens):
        for n in (4, 3, 2):
            joined = " ".join(tokens[i:i + n])
            if n <= len(tokens) - i and joined.rstrip("*") in PHRASES:
                out.append(joined)
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


ENTRIES: tuple[Word, ...] = tuple(_entries())


def distance(a: str, b: str, limit: int) -> int:
    """Edit distance (insert, delete, replace, swap two neighbours) of two words, or limit + 1 if more."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def tolerance(word: str) -> int:
    """How many typing errors a word of this length may carry."""
    return 0 if len(word) <= 3 else 1 if len(word) <= 7 else 2


def similar(typed: str, known: str, prefix: bool = False) -> int | None:
    """The number of typing errors between a typed word and a known one (or stem), None if too many."""
    if typed == known or (prefix and typed.startswith(known)):
        return 0
    if not typed or not known or typed[0] != known[0] or typed.isdigit():
        return None
    limit = tolerance(known)
    if limit == 0:
        return None
    if prefix and len(typed) > len(known):
        # A stem with a typo: compare the typed word's start with the stem (`milstople` ~ `milstolp`).
        best = min(distance(typed[:n], known, limit) for n in range(len(known) - limit, len(known) + limit + 1)
                   if 0 < n <= len(typed))
    else:
        best = distance(typed, known, limit)
    return best if best <= limit else None


@lru_cache(maxsize=20_000)
def word_concepts(word: str) -> tuple[tuple[str, str, int], ...]:
    """(concept, language, errors) for a single folded word, the exact readings first."""
    if word in FUNCTION_WORDS:
        return tuple((e.concept, e.lang, 0) for e in ENTRIES if len(e.words) == 1 and e.words[0] == word)
    found = []
    for e in ENTRIES:
        if len(e.words) != 1:
            continue
        errors = similar(word, e.words[0], e.prefix)
        if errors is not None:
            whole = 2 if word == e.words[0] else 0
            found.append((e.concept, e.lang, errors, len(e.words[0]) + whole - 4 * errors))
    if not found:
        return ()
    # The reading that explains most of the word wins: a whole word with a typo (`uppdragsansvarg`)
    # before a short stem it happens to start with (`uppdrag*`).
    best = max(score for *_, score in found)
    return tuple(sorted({(c, lang, err) for c, lang, err, score in found if score == best},
                        key=lambda f: (f[2], f[0], f[1])))


def phrase_entries() -> tuple[Word, ...]:
    return tuple(e for e in ENTRIES if len(e.words) > 1)
