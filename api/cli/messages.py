"""The CLI's words in Swedish and English: command and option help, and the messages shared by commands.

Output is Swedish by default; `--lang en` (or `STYRGRAF_LANG=en`) gives English. Help is
written when the commands are declared, before an option is parsed, so its language is read
from the command line and the environment once (`help_lang`): `styrgraf check --lang en --help`
and `STYRGRAF_LANG=en styrgraf --help` are English. `--lang` is checked (`check_lang`): an
unknown language is a clear error and exit code 2.
"""
from __future__ import annotations

import os
import sys
from typing import Optional

import typer

from styrgraf.graph.errors import message_in as error_text  # an error's message in a language
from styrgraf.graph.wording import LANGS, decimal

LANG_ENV = "STYRGRAF_LANG"
DEFAULT_LANG = "sv"

__all__ = ["LANGS", "LANG_ENV", "check_lang", "decimal", "error_text", "help_lang", "help_text", "say", "severity_label"]


def help_lang(argv: Optional[list[str]] = None, environ: Optional[dict] = None) -> str:
    """The language of the help: the `--lang` on the command line, else `STYRGRAF_LANG`, else Swedish."""
    argv = sys.argv[1:] if argv is None else argv
    environ = os.environ if environ is None else environ
    wanted = None
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            wanted = argv[i + 1]
        elif arg.startswith("--lang="):
            wanted = arg.split("=", 1)[1]
    wanted = wanted or environ.get(LANG_ENV)
    return wanted if wanted in LANGS else DEFAULT_LANG


HELP = {
    "sv": {
        "app": "Styrgraf: kunskapsgraf över kommunala styrdokument.",
        "version": "Visa versionen och avsluta.",
        # commands
        "ingest": "Läs in projektplaner och direktiv (PDF eller text) i kunskapsgrafen.",
        "documents": "Lista lagrade dokument.",
        "remove": "Ta bort ett dokuments graf.",
        "export": "Exportera grafen deterministiskt (samma lager ger samma byte).",
        "import": "Återställ en export i ett lager.",
        "reindex": "Skriv analysrader för dokument som saknar aktuella (efter import eller uppgradering).",
        "links": "Ett dokuments länkar till andra dokument, med säkerhet och belägg.",
        "serve": "Starta webbservern (SPARQL, länkade data, dokument).",
        "ask": "Ställ en fråga: ”Vem leder delprojekt 3?”, ”Vilka delprojekt täcker intention 8?” …",
        "show": "Visa allt om en entitet: delprojekt, person, dokument, beslut, intention …",
        "trace": "Belägg för en entitet, beslutskedjan den vilar på och det som vilar på den.",
        "search": "Sök bland entiteter och textavsnitt.",
        "overlaps": "Delprojekt som överlappar: rangordnade par med skäl och belägg.",
        "check": "Konsistenskontroller. Avslutar med kod 1 om något fel hittas.",
        "resolve": "Kör entitetsupplösning (personer, organisationer, utredningar) och spara resultatet i grafen.",
        "matrix": "Matriser: intentioner × delprojekt och personer × delprojekt.",
        "matrix.coverage": "Vilka delprojekt adresserar vilka intentioner, med avgränsningar.",
        "matrix.people": "Vilka personer finns i vilka delprojekt, med roller.",
        "meetings": "Lista sammanträden (protokoll och protokollsutdrag): organ, datum, plats, antal paragrafer.",
        "meeting": "Visa ett sammanträde: försättsblad, deltagare och varje paragraf med beslut och reservationer.",
        "versions": "Ett dokuments lagrade versioner, äldst först (samma kommun, diarienummer och titel).",
        "diff": "Vad en version av ett dokument lägger till, tar bort och ändrar jämfört med en annan.",
        "person": "Vem en person är i kommunens dokument: namn som slagits samman, säkerhet, skäl, roller per dokument.",
        "strategy": "En strategis, policys eller ett programs antagande, giltighet, dokumentansvarig, revisioner och målområden.",
        "opt.person_name": "Personens namn (delar av namnet räcker), id eller IRI.",
        "opt.diff_from": "Den version som jämförs med: dess id eller IRI.",
        # options and arguments
        "opt.store": "Lagringsplats: en katalog (inbäddad) eller http://… (SPARQL-server). Standard ./var/store",
        "opt.lang": "Språk för utdata: sv eller en (även STYRGRAF_LANG).",
        "opt.ask_lang": "sv eller en (standard: frågans språk; STYRGRAF_LANG ger bara felmeddelandenas språk).",
        "opt.json": "Resultat som JSON.",
        "opt.query_json": "Samma data som API:t, som JSON.",
        "opt.csv": "Resultat som CSV.",
        "opt.entity": "Entitetens id (slug) eller IRI.",
        "opt.type": "Entitetstyp när samma id finns för flera typer (subproject, appendix …).",
        "opt.project": "Projektets eller dokumentets id.",
        "opt.format": "csv, json eller table (standard: table, en läsbar tabell).",
        "opt.output": "Skriv till fil i stället för stdout.",
        "opt.paths": "Filer och kataloger att läsa in.",
        "opt.doc_ref": "Dokumentets IRI, id, Dnr eller sha256.",
        "opt.doc_id": "Dokumentets id eller IRI.",
        "opt.export_format": "trig, nquads, turtle eller jsonld.",
        "opt.export_document": "Bara detta dokument.",
        "opt.export_output": "Fil att skriva till (standard: stdout).",
        "opt.import_file": "En TriG- eller N-Quads-export.",
        "opt.question": "Frågan, på svenska eller engelska.",
        "opt.search_query": "Sökord; böjningar och å/ä/ö spelar ingen roll.",
        "opt.limit_hits": "Högst så många träffar.",
        "opt.min_score": "Lägsta poäng (0–1); 0 visar alla par.",
        "opt.limit_pairs": "Högst så många par (0 = alla).",
        "opt.max_subprojects": "Flagga personer i fler delprojekt än så här.",
        "opt.shacl": "Kör även SHACL-validering (långsamt).",
        "opt.body": "Organets namn, förkortning eller id (KS, kommunstyrelsen).",
        "opt.date": "Sammanträdesdatum (ÅÅÅÅ-MM-DD).",
        "opt.host": "Adress att lyssna på.",
        "opt.port": "Port (0 = valfri ledig).",
        "opt.serve_ingest": "Läs in filen eller katalogen först (upprepningsbar).",
        "opt.query_timeout": "Tidsgräns för SPARQL-frågor (s).",
        "opt.row_cap": "Största antal rader i ett SPARQL-svar.",
    },
    "en": {
        "app": "Styrgraf: a knowledge graph of municipal steering documents.",
        "version": "Show the version and exit.",
        "ingest": "Read project plans and directives (PDF or text) into the knowledge graph.",
        "documents": "List the stored documents.",
        "remove": "Remove a document's graph.",
        "export": "Export the graph deterministically (the same store gives the same bytes).",
        "import": "Restore an export into a store.",
        "reindex": "Write analysis rows for documents without current ones (after an import or an upgrade).",
        "links": "A document's links to other documents, with confidence and evidence.",
        "serve": "Start the web server (SPARQL, linked data, documents).",
        "ask": "Ask a question: \"Who leads subproject 3?\", \"Which subprojects address intention 8?\" …",
        "show": "Show everything about an entity: subproject, person, document, decision, intention …",
        "trace": "Evidence for an entity, the chain of decisions it rests on, and what rests on it.",
        "search": "Search entities and passages.",
        "overlaps": "Subprojects that overlap: ranked pairs with reasons and evidence.",
        "check": "Consistency checks. Exits with code 1 when an error is found.",
        "resolve": "Run entity resolution (people, organisations, works) and store the result in the graph.",
        "matrix": "Matrices: intentions × subprojects and people × subprojects.",
        "matrix.coverage": "Which subprojects address which intentions, with their scopes.",
        "matrix.people": "Which people are in which subprojects, with their roles.",
        "meetings": "List meetings (minutes and extracts): body, date, place, number of paragraphs.",
        "meeting": "Show a meeting: cover page, participants and each paragraph with decisions and reservations.",
        "versions": "A document's stored versions, oldest first (same municipality, case number and title).",
        "diff": "What one version of a document adds, removes and changes compared with another.",
        "person": "Who a person is across the municipality's documents: merged names, confidence, reasons, roles per document.",
        "strategy": "A strategy's, policy's or programme's adoption, validity, owner, revisions and goal areas.",
        "opt.person_name": "The person's name (part of it will do), id or IRI.",
        "opt.diff_from": "The version compared with: its id or IRI.",
        "opt.store": "Where the store is: a folder (embedded) or http://… (SPARQL server). Default ./var/store",
        "opt.lang": "Language of the output: sv or en (also STYRGRAF_LANG).",
        "opt.ask_lang": "sv or en (default: the question's language; STYRGRAF_LANG sets only the language of errors).",
        "opt.json": "The result as JSON.",
        "opt.query_json": "The same data as the API, as JSON.",
        "opt.csv": "The result as CSV.",
        "opt.entity": "The entity's id (slug) or IRI.",
        "opt.type": "The entity type when one id names several (subproject, appendix …).",
        "opt.project": "The id of the project or document.",
        "opt.format": "csv, json or table (default: table, a readable table).",
        "opt.output": "Write to a file instead of stdout.",
        "opt.paths": "Files and folders to read.",
        "opt.doc_ref": "The document's IRI, id, case number or sha256.",
        "opt.doc_id": "The document's id or IRI.",
        "opt.export_format": "trig, nquads, turtle or jsonld.",
        "opt.export_document": "Only this document.",
        "opt.export_output": "File to write to (default: stdout).",
        "opt.import_file": "A TriG or N-Quads export.",
        "opt.question": "The question, in Swedish or English.",
        "opt.search_query": "Search words; inflections and å/ä/ö do not matter.",
        "opt.limit_hits": "At most this many hits.",
        "opt.min_score": "Lowest score (0–1); 0 shows every pair.",
        "opt.limit_pairs": "At most this many pairs (0 = all).",
        "opt.max_subprojects": "Flag people in more subprojects than this.",
        "opt.shacl": "Also run SHACL validation (slow).",
        "opt.body": "The body's name, abbreviation or id (KS, kommunstyrelsen).",
        "opt.date": "Date of the meeting (YYYY-MM-DD).",
        "opt.host": "Address to listen on.",
        "opt.port": "Port (0 = any free one).",
        "opt.serve_ingest": "Read this file or folder first (repeatable).",
        "opt.query_timeout": "Time limit of SPARQL queries (s).",
        "opt.row_cap": "Largest number of rows in a SPARQL answer.",
    },
}

MESSAGES = {
    "sv": {
        "bad_lang": "Okänt språk {value!r} i {source}: välj sv eller en.",
        "bad_format": "Okänt format {value!r} i --format: välj {choices}.",
        "severity": {"error": "FEL", "warning": "VARNING", "info": "INFO"},
    },
    "en": {
        "bad_lang": "Unknown language {value!r} in {source}: choose sv or en.",
        "bad_format": "Unknown format {value!r} in --format: choose {choices}.",
        "severity": {"error": "ERROR", "warning": "WARNING", "info": "INFO"},
    },
}


# Which fact a quote supports: the property its evidence is for (its local name), and, for evidence of
# the entity itself (no property), the entity's kind. `trace` and `show` print these beside each quote.
FACT_LABELS = {
    "sv": {
        "title": "titel", "date": "datum", "identifier": "diarienummer", "caseNumber": "diarienummer",
        "citesCaseNumber": "hänvisat diarienummer", "municipality": "kommun", "signatory": "undertecknare",
        "purpose": "syfte", "budget": "kostnader/budget", "reporting": "rapportering", "scope": "avgränsning",
        "meetingDate": "sammanträdesdatum", "startDate": "startdatum", "endDate": "slutdatum",
        "adoptionDate": "antagningsdatum", "placeAndTime": "plats och tid", "adjustment": "justering",
        "paragraphRange": "paragrafer", "noticePosted": "anslaget uppsatt", "noticeRemoved": "anslaget nedtaget",
    },
    "en": {
        "title": "title", "date": "date", "identifier": "case number", "caseNumber": "case number",
        "citesCaseNumber": "cited case number", "municipality": "municipality", "signatory": "signatory",
        "purpose": "purpose", "budget": "costs/budget", "reporting": "reporting", "scope": "scope",
        "meetingDate": "meeting date", "startDate": "start date", "endDate": "end date",
        "adoptionDate": "adoption date", "placeAndTime": "place and time", "adjustment": "adjustment",
        "paragraphRange": "paragraphs", "noticePosted": "notice posted", "noticeRemoved": "notice removed",
    },
}
# What rests on an entity, by how (`graph.queries.DEPENDENT_KINDS`).
DEPENDENT_LABELS = {
    "sv": {"builds_on": "bygger på det", "generated_by": "tillkom genom det", "decided_by": "beslutad genom det",
           "part_of": "ingår i det", "considers": "ska beakta det"},
    "en": {"builds_on": "builds on it", "generated_by": "came about through it", "decided_by": "decided by it",
           "part_of": "is part of it", "considers": "must take it into account"},
}


def fact_label(prop: Optional[str], kind_name: str, lang: str) -> str:
    """What a quote shows: `syfte`, `kostnader/budget`, or (evidence of the entity itself) its kind."""
    if not prop:
        return kind_name
    return FACT_LABELS.get(lang, FACT_LABELS[DEFAULT_LANG]).get(prop, prop)


def dependent_label(how: str, lang: str) -> str:
    return DEPENDENT_LABELS.get(lang, DEPENDENT_LABELS[DEFAULT_LANG]).get(how, how)


def help_text(key: str) -> str:
    """A command's or option's help in the language of this run's help."""
    return HELP[help_lang()][key]


def say(lang: str, key: str, **kw) -> str:
    return MESSAGES.get(lang, MESSAGES[DEFAULT_LANG])[key].format(**kw)


def severity_label(severity: str, lang: str) -> str:
    """`error` -> `FEL` / `ERROR`: how a finding's severity is printed, in `check` and `show` alike."""
    return MESSAGES.get(lang, MESSAGES[DEFAULT_LANG])["severity"].get(severity, severity.upper())


def check_lang(ctx: typer.Context, param: typer.CallbackParam, value: Optional[str]) -> Optional[str]:
    """`--lang` as given: sv, en or (for `ask`) none; anything else stops the command with exit code 2."""
    if value is None or value in LANGS:
        return value
    # By name: typer parses with its own copy of click, whose ParameterSource is not click's.
    from_env = getattr(ctx.get_parameter_source(param.name), "name", None) == "ENVIRONMENT"
    typer.echo(say(help_lang(), "bad_lang", value=value, source=LANG_ENV if from_env else "--lang"), err=True)
    raise typer.Exit(2)
