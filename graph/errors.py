"""Errors raised by the graph layer, and the one catalogue of what they say.

Kept in their own module so that the guard, the backends, the queries and the analyses can
share them without importing each other.  Every user-facing error message is a key of
`ERRORS`, written in Swedish (staff read it by default) and English (`--lang en`, `?lang=en`);
`texts(key, **fields)` fills in both.  `code` is a stable English key for programs (CLI exit
paths, HTTP status mapping).
"""

from __future__ import annotations

# key -> (Swedish, English).  The two templates take the same fields.
ERRORS: dict[str, tuple[str, str]] = {
    # opening and addressing a store
    "store.missing": ("Det finns inget lager i {path}.", "There is no store in {path}."),
    "store.unopenable": ("Lagret i {path} kunde inte öppnas: {error}", "The store in {path} could not be opened: {error}"),
    "store.is_file": ("{path} är en fil, inte en lagringskatalog.", "{path} is a file, not a store folder."),
    "store.locked": (
        "Lagret i {path} är låst: en annan process (till exempel `styrgraf serve`) har det öppet. "
        "Stoppa den processen, eller låt den ta emot dokumenten.",
        "The store in {path} is locked: another process (`styrgraf serve`, for one) has it open. "
        "Stop that process, or let it take the documents."),
    "store.closed": ("Lagret är stängt.", "The store is closed."),
    "store.read_only": ("Lagret {location} är öppnat skrivskyddat.", "The store {location} is open read-only."),
    "store.bad_location": (
        "Okänd lagringsplats {location!r}: ange en katalog eller en http(s)://-adress till en SPARQL 1.1-server.",
        "Unknown store location {location!r}: give a folder or an http(s):// address of a SPARQL 1.1 server."),
    "store.busy": ("Lagret är upptaget av tidigare långsamma frågor; försök igen senare.",
                   "The store is busy with earlier slow queries; try again later."),
    "store.timeout": ("Frågan tog längre tid än {seconds:g} s och avbröts.",
                      "The query took longer than {seconds:g} s and was stopped."),
    "store.bad_request": ("Ogiltig begäran: {error}", "Invalid request: {error}"),
    "store.failed": ("Lagret svarade med ett fel: {error}", "The store answered with an error: {error}"),
    "store.unreadable_for_query": ("Lagret kunde inte läsas för frågan: {error}",
                                   "The store could not be read for the query: {error}"),
    "store.shutting_down": ("Servern stängs.", "The server is shutting down."),
    # graphs and terms
    "graph.reserved": ("Grafen {graph} är reserverad för lagrets egen bokföring.",
                       "The graph {graph} is reserved for the store's own bookkeeping."),
    "graph.exists": ("Grafen finns redan: {graph}", "The graph already exists: {graph}"),
    "graph.missing": ("Grafen {graph} finns inte i lagret.", "The graph {graph} is not in the store."),
    "graph.bad_sha256": ("Ogiltig SHA-256-summa: {value!r}", "Invalid SHA-256 sum: {value!r}"),
    "term.bad_iri": ("Ogiltig IRI (otillåtna tecken eller inte absolut): {value!r}",
                     "Invalid IRI (characters not allowed, or not absolute): {value!r}"),
    "term.bad_language": ("Ogiltig språktagg: {value!r}", "Invalid language tag: {value!r}"),
    "term.unstorable": ("Termtypen {kind} kan inte lagras i grafen", "The term type {kind} cannot be stored in the graph"),
    "term.rdf_star": ("Termtypen {kind} stöds inte (RDF-star)", "The term type {kind} is not supported (RDF-star)"),
    "term.unsupported": ("Termtypen {kind} stöds inte", "The term type {kind} is not supported"),
    "term.unknown_kind": ("Okänd termtyp i svaret: {kind!r}", "Unknown term type in the answer: {kind!r}"),
    # export and import
    "format.unknown": ("Okänt format {value!r}; välj trig, nquads, turtle, ntriples eller jsonld.",
                       "Unknown format {value!r}; choose trig, nquads, turtle, ntriples or jsonld."),
    "export.rdf_star": ("RDF-star-termer kan inte exporteras", "RDF-star terms cannot be exported"),
    "import.default_graph": (
        "Importen innehåller tripplar utanför namngivna grafer. Ange vilken graf de ska läggas i (--document).",
        "The import holds triples outside named graphs. Say which graph they go in (--document)."),
    "import.blank_graph": ("Grafer med blanka noder som namn kan inte importeras.",
                           "Graphs named by blank nodes cannot be imported."),
    "import.unreadable": ("Importfilen kunde inte läsas ({format}): {error}",
                          "The import file could not be read ({format}): {error}"),
    # queries
    "query.syntax": ("Ogiltig SPARQL: {error}", "Invalid SPARQL: {error}"),
    "query.too_deep": ("Ogiltig SPARQL: frågan är för djupt nästlad (högst {depth} nivåer).",
                       "Invalid SPARQL: the query is nested too deeply (at most {depth} levels)."),
    "query.bad_iri": ("Ogiltig SPARQL: IRI:n <{value}> innehåller otillåtna tecken.",
                      "Invalid SPARQL: the IRI <{value}> holds characters that are not allowed."),
    "query.escape_outside": (
        "Ogiltig SPARQL: \\u-escape utanför en IRI eller sträng (rad {line}, tecken {column}: {near!r}).",
        "Invalid SPARQL: a \\u escape outside an IRI or string (line {line}, character {column}: {near!r})."),
    "query.bad_char": (
        "Ogiltig SPARQL: tecknet hör inte till någon SPARQL-symbol (rad {line}, tecken {column}: {near!r}).",
        "Invalid SPARQL: the character belongs to no SPARQL token (line {line}, character {column}: {near!r})."),
    "query.nested_at": (
        "Ogiltig SPARQL: frågan är nästlad djupare än {depth} nivåer (rad {line}, tecken {column}: {near!r}).",
        "Invalid SPARQL: the query is nested deeper than {depth} levels (line {line}, character {column}: {near!r})."),
    "query.surrogate": ("Ogiltig SPARQL: frågan innehåller ett ensamt surrogattecken.",
                        "Invalid SPARQL: the query holds a lone surrogate character."),
    "query.unicode_escape": (
        "Ogiltig SPARQL: en sträng i frågan innehåller \\u eller \\U, som läses olika av olika SPARQL-tolkar; "
        "skriv tecknet direkt.",
        "Invalid SPARQL: a string in the query holds \\u or \\U, which SPARQL parsers read differently; "
        "write the character itself."),
    "query.no_form": ("Ogiltig SPARQL: frågan börjar inte med SELECT, ASK, CONSTRUCT eller DESCRIBE.",
                      "Invalid SPARQL: the query does not begin with SELECT, ASK, CONSTRUCT or DESCRIBE."),
    "query.unclear_form": ("Ogiltig SPARQL: frågans form kunde inte fastställas.",
                           "Invalid SPARQL: the form of the query could not be made out."),
    "query.service": ("Federerade frågor (SERVICE) är inte tillåtna: lagret hämtar aldrig data från andra servrar.",
                      "Federated queries (SERVICE) are not allowed: the store never fetches data from other servers."),
    "query.load": ("LOAD är inte tillåtet: lagret hämtar aldrig data från andra servrar.",
                   "LOAD is not allowed: the store never fetches data from other servers."),
    "query.only_reads": ("Endast läsfrågor (SELECT, ASK, CONSTRUCT, DESCRIBE) är tillåtna här.",
                         "Only read queries (SELECT, ASK, CONSTRUCT, DESCRIBE) are allowed here."),
    "query.wrong_form": ("{method}() kräver en {forms}-fråga.", "{method}() needs a {forms} query."),
    "query.not_acceptable": (
        "Inget av de begärda formaten (Accept: {accept}) kan levereras för den här frågan. Möjliga format: {offered}",
        "None of the formats asked for (Accept: {accept}) can be delivered for this query. Formats offered: {offered}"),
    "query.unevaluable": ("Frågan kunde inte utvärderas: {error}", "The query could not be evaluated: {error}"),
    "query.bad_request": ("Ogiltig fråga: {error}", "Invalid query: {error}"),
    "query.nested": ("Ogiltig SPARQL: frågan är för djupt nästlad.", "Invalid SPARQL: the query is nested too deeply."),
    "query.unknown_graph": (
        "FROM och FROM NAMED kan bara välja grafer som finns i lagret; <{graph}> finns inte (lagret hämtar "
        "aldrig data från andra servrar).",
        "FROM and FROM NAMED can only choose graphs that are in the store; <{graph}> is not (the store never "
        "fetches data from other servers)."),
    "query.too_many_rows": (
        "Svaret har fler än {cap} rader, som är gränsen för den här servern. Begränsa frågan med LIMIT (och "
        "OFFSET för att bläddra).",
        "The answer has more than {cap} rows, the limit of this server. Narrow the query with LIMIT (and OFFSET "
        "to page)."),
    "query.out_of_memory": ("Frågan behövde mer minne än servern tillåter.",
                            "The query needed more memory than the server allows."),
    "query.stopped": ("Frågan avbröts: den behövde mer minne eller tid än servern tillåter.",
                      "The query was stopped: it needed more memory or time than the server allows."),
    "store.unreadable": ("Lagret kunde inte läsas: {error}", "The store could not be read: {error}"),
    # a remote SPARQL server
    "remote.bad_address": ("Ogiltig serveradress {location!r}: ange http(s)://VÄRD:PORT/… ",
                           "Invalid server address {location!r}: give http(s)://HOST:PORT/… "),
    "remote.other_host": ("Slutpunkten {url} ligger inte på servern {host}.", "The endpoint {url} is not on the server {host}."),
    "remote.timeout": ("SPARQL-servern {location} svarade inte i tid.", "The SPARQL server {location} did not answer in time."),
    "remote.unreachable": ("Kan inte nå SPARQL-servern {location}: {error}", "Cannot reach the SPARQL server {location}: {error}"),
    "remote.redirect": ("SPARQL-servern vidarebefordrar till {target}; ange den adressen direkt.",
                        "The SPARQL server redirects to {target}; give that address directly."),
    "remote.no_service": ("Ingen SPARQL-tjänst på {url} (HTTP 404).", "No SPARQL service at {url} (HTTP 404)."),
    "remote.not_acceptable": ("Servern kan inte leverera formatet: {detail}", "The server cannot deliver the format: {detail}"),
    "remote.denied": ("SPARQL-servern nekade åtkomst (HTTP {status}).", "The SPARQL server denied access (HTTP {status})."),
    "remote.slow": ("Frågan tog för lång tid på servern.", "The query took too long on the server."),
    "remote.failed": ("SPARQL-servern svarade med HTTP {status}: {detail}", "The SPARQL server answered HTTP {status}: {detail}"),
    "remote.unreadable": ("SPARQL-servern gav ett oläsbart svar.", "The SPARQL server gave an unreadable answer."),
    "remote.not_union": (
        "SPARQL-servern {location} använder inte unionen av namngivna grafer som standardgraf. Starta Oxigraph "
        "med --union-default-graph eller sätt unionDefaultGraph i Fuseki (se docs/remote-store.md).",
        "The SPARQL server {location} does not use the union of named graphs as its default graph. Start "
        "Oxigraph with --union-default-graph or set unionDefaultGraph in Fuseki (see docs/remote-store.md)."),
    # looking entities up
    "entity.ambiguous": ("”{ref}” kan vara {n} olika: {listed}{more}. Ange id.",
                         "“{ref}” may be {n} different things: {listed}{more}. Give the id."),
    "entity.missing": ("Det finns {kind} med id {ref!r}.", "No {kind} with id {ref!r}."),
    "entity.unknown": ("Okänd entitet: {ref}", "Unknown entity: {ref}"),
    "project.unknown": ("Okänt projekt: {ref}", "Unknown project: {ref}"),
    "document.no_project": ("Dokumentet {ref} beskriver inget projekt", "The document {ref} describes no project"),
    "document.no_graph": ("Dokumentet {ref!r} har ingen dokumentgraf.", "The document {ref!r} has no document graph."),
    "document.no_strategy_parts": (
        "Dokumentet {ref!r} anger inget antagande, ingen giltighet, ägare, revision eller målområden.",
        "The document {ref!r} states no adoption, validity, owner, revision or goal areas."),
    "meeting.missing": ("Det finns inget sammanträde med id {ref!r}.", "No meeting with id {ref!r}."),
    "person.missing": ("Ingen person som heter {name!r} finns.", "No person called {name!r} is stored."),
    "versions.from_missing": ("Det finns inget dokument med id {ref!r} (from: versionen att jämföra med).",
                              "No document with id {ref!r} (from: the version to compare with)."),
    "versions.same": ("{other!r} är samma dokument som {ref!r}: jämför med en annan version.",
                      "{other!r} is the same document as {ref!r}: compare with another version."),
    "versions.unrelated": (
        "{other!r} är inte en version av {ref!r}: versioner har samma kommun, diarienummer och titel.",
        "{other!r} is not a version of {ref!r}: versions share municipality, case number and title."),
    # the HTTP API's own requests
    "http.writing_disabled": (
        "Skrivning över HTTP är avstängd: servern startades utan STYRGRAF_TOKEN. Sätt STYRGRAF_TOKEN för servern, "
        "eller läs in dokument med `styrgraf ingest`.",
        "Writing over HTTP is turned off: the server was started without STYRGRAF_TOKEN. Set STYRGRAF_TOKEN for "
        "the server, or ingest documents with `styrgraf ingest`."),
    "http.no_token": ("Nyckel saknas: skicka `Authorization: Bearer <nyckel>`.",
                      "Key missing: send `Authorization: Bearer <key>`."),
    "http.wrong_token": ("Nyckeln är fel.", "The key is wrong."),
    "http.not_acceptable": ("Inget av de begärda formaten kan levereras. Möjliga format: {offered}",
                            "None of the formats asked for can be delivered. Formats offered: {offered}"),
    "http.no_entity": ("Det finns ingen entitet {iri} i lagret.", "There is no entity {iri} in the store."),
    "http.bad_cursor": ("Ogiltig cursor: {cursor!r}. Använd värdet från förra svaret.",
                        "Invalid cursor: {cursor!r}. Use the value from the previous answer."),
    "http.bad_date": ("Ogiltigt datum i {name}: {value} finns inte.", "Invalid date in {name}: {value} does not exist."),
    "http.bad_multipart": ("Ogiltig multipart-data: {error}", "Invalid multipart data: {error}"),
    "http.no_file_field": ("Fältet file saknas: skicka dokumentet som multipart-fältet file.",
                           "The field file is missing: send the document as the multipart field file."),
    "http.too_large": ("Filen är för stor: högst {megabytes} MB tas emot.", "The file is too large: at most {megabytes} MB is taken."),
    "http.unreadable_file": ("Filen {name} kan inte läsas in: {reason}", "The file {name} cannot be ingested: {reason}"),
    "http.not_multipart": ("Skicka dokumentet som multipart/form-data i fältet file.",
                           "Send the document as multipart/form-data in the field file."),
    "http.no_document": ("Inget lagrat dokument matchar {ref!r}.", "No stored document matches {ref!r}."),
    # the SPARQL endpoint's requests
    "sparql.timeout": (
        "Frågan tog längre tid än tidsgränsen {seconds:g} s och avbröts. Begränsa frågan (till exempel med LIMIT "
        "eller fler villkor).",
        "The query took longer than the time limit of {seconds:g} s and was stopped. Narrow the query (with LIMIT "
        "or more conditions, for one)."),
    "sparql.busy": ("Servern kör redan så många SPARQL-frågor den kan; försök igen om en stund.",
                    "The server is already running as many SPARQL queries as it can; try again in a moment."),
    "sparql.no_worker": ("Servern kan inte starta fler SPARQL-frågor just nu.",
                         "The server cannot start more SPARQL queries just now."),
    "sparql.bad_graph": ("Ogiltig graf-IRI: {iri!r}", "Invalid graph IRI: {iri!r}"),
    "sparql.update_refused": (
        "SPARQL-slutpunkten tar bara emot läsfrågor (SELECT, ASK, CONSTRUCT, DESCRIBE). Dokument läses in med "
        "`styrgraf ingest` eller POST /api/documents.",
        "The SPARQL endpoint takes read queries only (SELECT, ASK, CONSTRUCT, DESCRIBE). Documents are ingested "
        "with `styrgraf ingest` or POST /api/documents."),
    "sparql.no_query": ("Parametern query saknas: ange SPARQL-frågan i query.",
                        "The parameter query is missing: give the SPARQL query in query."),
    "sparql.two_queries": ("Parametern query får bara anges en gång.", "The parameter query may be given only once."),
    "sparql.too_large": ("Frågan är för stor (högst {limit} byte).", "The query is too large (at most {limit} bytes)."),
    "sparql.media_type": ("Medietypen {kind} stöds inte: skicka frågan som {form} (query=…) eller som {direct}.",
                          "The media type {kind} is not supported: send the query as {form} (query=…) or as {direct}."),
    "sparql.not_utf8": ("Begäran är inte giltig UTF-8.", "The request is not valid UTF-8."),
    "sparql.bad_form": ("Formulärdata kunde inte avkodas (procentkodad UTF-8 krävs).",
                        "The form data could not be decoded (percent-encoded UTF-8 is needed)."),
    # parameters of the analyses
    "param.number": ("{name} måste vara ett tal, inte {value!r}", "{name} must be a number, not {value!r}"),
    "param.integer": ("{name} måste vara ett heltal, inte {value!r}", "{name} must be a whole number, not {value!r}"),
    "param.boolean": ("{name} måste vara true eller false, inte {value!r}", "{name} must be true or false, not {value!r}"),
    "param.lang": ("lang måste vara sv eller en, inte {value!r}", "lang must be sv or en, not {value!r}"),
    "param.format": ("format måste vara json eller csv, inte {value!r}", "format must be json or csv, not {value!r}"),
    "param.limit": ("limit måste vara mellan 1 och {most}, inte {value}", "limit must be from 1 to {most}, not {value}"),
    "param.at_least_one": ("{name} måste vara minst 1", "{name} must be at least 1"),
    "param.share": ("{name} måste vara ett tal mellan 0 och 1", "{name} must be a number from 0 to 1"),
    "param.direction": ("direction måste vara down eller up", "direction must be down or up"),
    "param.severity": ("allvarlighetsgraden måste vara error, warning eller info, inte {value!r}",
                       "the severity must be error, warning or info, not {value!r}"),
}


class Words(tuple):
    """A field of a message that is itself a word: (Swedish, English), each put in its own message."""

    def __new__(cls, sv: str, en: str) -> "Words":
        return super().__new__(cls, (sv, en))


def texts(key: str, **fields: object) -> tuple[str, str]:
    """The Swedish and the English message of `key`, with `fields` filled in (a `Words` field per language)."""
    sv, en = ERRORS[key]
    return tuple(template.format(**{name: value[i] if isinstance(value, Words) else value
                                    for name, value in fields.items()})
                 for i, template in enumerate((sv, en)))  # type: ignore[return-value]


class StoreError(Exception):
    """A store operation failed; `message` is Swedish, `message_en` English, `code` machine-readable.

    Codes in use: locked, unreachable, bad_location, not_found, read_only,
    bad_query, refused, timeout, not_acceptable, invalid_data,
    unsupported_format, server_error, not_union, io.
    """

    def __init__(self, message: str, message_en: str | None = None, *, code: str = "error") -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en or message
        self.code = code

    @classmethod
    def of(cls, key: str, *, code: str, **fields: object) -> "StoreError":
        """The error of catalogue entry `key`, in both languages."""
        return cls(*texts(key, **fields), code=code)

    def __str__(self) -> str:
        return self.message


class QueryRefused(StoreError):
    """A query or update was refused before reaching the store (e.g. SERVICE, LOAD)."""

    def __init__(self, message: str, message_en: str | None = None) -> None:
        super().__init__(message, message_en, code="refused")

    @classmethod
    def of(cls, key: str, **fields: object) -> "QueryRefused":  # type: ignore[override]
        return cls(*texts(key, **fields))


def message_in(error: Exception, lang: str) -> str:
    """An error's message in `lang`: its English where `lang` is en and it has one, else its Swedish."""
    english = getattr(error, "message_en", None)
    return english if lang == "en" and english else getattr(error, "message", str(error))
