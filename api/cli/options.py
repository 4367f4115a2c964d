"""The options (and arguments) the `styrgraf` commands share, declared once as `Annotated` types.

A command takes one as `store: StoreOption = None`; the default stays in the
signature, the option's name and help here (typer copies the `Option` for each
use). Help texts come from the message catalogue (`api.cli.messages`), in the
language of this run's help. Every `--lang` is checked and reads `STYRGRAF_LANG`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from styrgraf.api.cli.messages import LANG_ENV, check_lang, help_text

STORE_HELP = help_text("opt.store")

StoreOption = Annotated[Optional[str], typer.Option("--store", envvar="STYRGRAF_STORE", help=STORE_HELP)]


def lang_option(help_key: str = "opt.lang") -> typer.models.OptionInfo:
    """A `--lang` option: sv or en, from `STYRGRAF_LANG` when not given, checked before the command runs."""
    return typer.Option("--lang", envvar=LANG_ENV, callback=check_lang, help=help_text(help_key))


# Read commands (`show`, `trace`, `search`; `ask` defaults to the question's language).
QueryJsonOption = Annotated[bool, typer.Option("--json", help=help_text("opt.query_json"))]
QueryLangOption = Annotated[str, lang_option()]
AskLangOption = Annotated[Optional[str], lang_option("opt.ask_lang")]
EntityArgument = Annotated[str, typer.Argument(help=help_text("opt.entity"))]
TypeOption = Annotated[Optional[str], typer.Option("--type", help=help_text("opt.type"))]

# Analysis commands (`overlaps`, `check`, `matrix …`, `resolve`) and the document commands.
JsonOption = Annotated[bool, typer.Option("--json", help=help_text("opt.json"))]
CsvOption = Annotated[bool, typer.Option("--csv", help=help_text("opt.csv"))]
LangOption = QueryLangOption
ProjectOption = Annotated[Optional[str], typer.Option("--project", help=help_text("opt.project"))]
FormatOption = Annotated[Optional[str], typer.Option("--format", help=help_text("opt.format"))]
OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help=help_text("opt.output"))]
