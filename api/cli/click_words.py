"""Typer's and Click's own words (help panels, the usage line, `--help`'s help, usage errors) in Swedish.

Typer carries its own copy of Click whose words are written in English, most of them without
gettext, so a translation catalogue cannot reach them. `install(lang)` puts the Swedish ones in
place for a Swedish run: the panel titles and labels of `typer.rich_utils`, the usage line's
prefix, the help of `--help`, and each usage error's message (translated by `swedish`, phrase by
phrase from `ERROR_PHRASES`). An English run keeps Click's words. The language is the help's
(`messages.help_lang`), read once at start like the rest of the help.
"""
from __future__ import annotations

import re
from functools import wraps

from typer import rich_utils
from typer._click import decorators, exceptions, formatting

USAGE = "Användning: "
USAGE_WORDS = {"[OPTIONS]": "[FLAGGOR]", "COMMAND [ARGS]...": "KOMMANDO [ARGUMENT]..."}
HELP_OPTION = "Visa den här hjälpen och avsluta."
# typer.rich_utils' module constants, read by its functions at each use.
PANEL_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "Argument",
    "OPTIONS_PANEL_TITLE": "Flaggor",
    "COMMANDS_PANEL_TITLE": "Kommandon",
    "ERRORS_PANEL_TITLE": "Fel",
    "ABORTED_TEXT": "Avbrutet.",
    "RICH_HELP": "Skriv [blue]'{command_path} {help_option}'[/] för hjälp.",
    "DEFAULT_STRING": "[standard: {}]",
    "ENVVAR_STRING": "[miljövariabel: {}]",
    "REQUIRED_LONG_STRING": "[krävs]",
    "DEPRECATED_STRING": "(föråldrad) ",
}
_KIND = {"argument": "Argumentet", "option": "Flaggan", "parameter": "Parametern"}
# Click's error phrases (as its copy in typer writes them) and their Swedish, applied in turn.
ERROR_PHRASES: list[tuple[re.Pattern[str], object]] = [
    (re.compile(r"^Missing (argument|option|parameter) (.+?)\.(?= |$)"),
     lambda m: f"{_KIND[m.group(1)]} {m.group(2)} saknas."),
    (re.compile(r"^Missing parameter: (.+)$"), r"Parametern \1 saknas."),
    (re.compile(r"^Missing command\.$"), "Kommando saknas."),
    (re.compile(r"^No such command (.+)\.$"), r"Okänt kommando \1."),
    (re.compile(r"^No such option: (\S+)"), r"Okänd flagga: \1"),
    (re.compile(r"\(Possible options: (.+)\)$"), r"(möjliga flaggor: \1)"),
    (re.compile(r"Did you mean (.+)\?"), r"Menade du \1?"),
    (re.compile(r"^Option (.+) requires an argument\.$"), r"Flaggan \1 kräver ett värde."),
    (re.compile(r"^Option (.+) requires (\d+) arguments\.$"), r"Flaggan \1 kräver \2 värden."),
    (re.compile(r"^Option (.+) does not take a value\.$"), r"Flaggan \1 tar inget värde."),
    (re.compile(r"^Got unexpected extra argument\(s\) \((.+)\)$"), r"Oväntade extra argument (\1)"),
    (re.compile(r"^Invalid value for (.+?): "), r"Ogiltigt värde för \1: "),
    (re.compile(r"^Invalid value: "), "Ogiltigt värde: "),
    (re.compile(r"Value (.+) is not a valid (float|integer|int|boolean|bool)\."),
     lambda m: f"{m.group(1)} är inte {_TYPE[m.group(2)]}."),
    (re.compile(r"(.+) is not one of (.+)\.$"), r"\1 är inte något av \2."),
    (re.compile(r"\b(File|Directory|Path) (.+) does not exist\."),
     lambda m: f"{_PATH[m.group(1)]} {m.group(2)} finns inte."),
    (re.compile(r"\b(File|Directory|Path) (.+) is a directory\."), lambda m: f"{_PATH[m.group(1)]} {m.group(2)} är en katalog."),
]
_TYPE = {"float": "ett tal", "integer": "ett heltal", "int": "ett heltal", "boolean": "sant eller falskt",
         "bool": "sant eller falskt"}
_PATH = {"File": "Filen", "Directory": "Katalogen", "Path": "Sökvägen"}
# The usage errors whose message is shown; each class's own `format_message` is wrapped.
ERROR_CLASSES = (exceptions.ClickException, exceptions.UsageError, exceptions.BadParameter, exceptions.MissingParameter,
                 exceptions.NoSuchOption, exceptions.BadOptionUsage, exceptions.BadArgumentUsage)
_installed = False


def swedish(message: str) -> str:
    """A Click error message in Swedish, phrase by phrase (what no phrase matches stays as it is)."""
    for pattern, replacement in ERROR_PHRASES:
        message = pattern.sub(replacement, message)  # type: ignore[arg-type]
    return message


def _in_swedish(format_message):
    @wraps(format_message)
    def formatted(self) -> str:
        return swedish(format_message(self))
    return formatted


def _help_option(original):
    @wraps(original)
    def help_option(*args, **kwargs):
        option = original(*args, **kwargs)

        def decorate(command):
            command = option(command)
            command.params[-1].help = HELP_OPTION
            return command
        return decorate
    return help_option


def install(lang: str) -> None:
    """Put Click's and typer's own words in `lang` (Swedish; English is theirs already). Once per process."""
    global _installed
    if lang != "sv" or _installed:
        return
    _installed = True
    for name, words in PANEL_WORDS.items():
        setattr(rich_utils, name, words)
    write_usage = formatting.HelpFormatter.write_usage

    def swedish_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, words in USAGE_WORDS.items():
            args = args.replace(english, words)
        write_usage(self, prog, args, USAGE if prefix is None else prefix)
    formatting.HelpFormatter.write_usage = swedish_usage
    decorators.help_option = _help_option(decorators.help_option)
    for cls in ERROR_CLASSES:
        if "format_message" in cls.__dict__:
            cls.format_message = _in_swedish(cls.__dict__["format_message"])
