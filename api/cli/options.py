"""The options (and arguments) the `styrgraf` commands share, declared once as `Annotated` types.

A command takes one as `store: StoreOption = None`; the default stays in the
signature, the option's name and help here (typer copies the `Option` for each
use). The help texts are those the commands had when each declared its own:
the read commands describe `--json` and `--lang` in other words than the
analysis commands, so each wording has its own alias.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

STORE_HELP = "Lagringsplats: en katalog (inbäddad) eller http://… (SPARQL-server). Standard ./var/store"

StoreOption = Annotated[Optional[str], typer.Option("--store", envvar="STYRGRAF_STORE", help=STORE_HELP)]

# Read commands (`show`, `trace`, `search`; `ask` defaults to the question's language).
QueryJsonOption = Annotated[bool, typer.Option("--json", help="Samma data som API:t, som JSON.")]
QueryLangOption = Annotated[str, typer.Option("--lang", help="sv eller en.")]
EntityArgument = Annotated[str, typer.Argument(help="Entitetens id (slug) eller IRI.")]
TypeOption = Annotated[Optional[str], typer.Option(
    "--type", help="Entitetstyp när samma id finns för flera typer (subproject, appendix …).")]

# Analysis commands (`overlaps`, `check`, `matrix …`, `resolve`).
JsonOption = Annotated[bool, typer.Option("--json", help="Resultat som JSON.")]
LangOption = Annotated[str, typer.Option("--lang", help="Språk: sv eller en.")]
ProjectOption = Annotated[Optional[str], typer.Option("--project", help="Projektets eller dokumentets id.")]
FormatOption = Annotated[str, typer.Option("--format", help="csv eller json.")]
OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="Skriv till fil i stället för stdout.")]
