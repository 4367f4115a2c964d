"""Click's and typer's own words in the help and usage errors: Swedish in a Swedish run, English in an English one.
Real processes: the words are put in place at start, in the help's language."""
from __future__ import annotations

import pytest

from styrgraf.api.cli.click_words import swedish
from tests.api.test_cli_messages import cli

ENGLISH_WORDS = ("Usage:", "Options", "Commands", "Show this message and exit.", "Try '")
SWEDISH_WORDS = ("Användning:", "Flaggor", "Kommandon", "Visa den här hjälpen och avsluta.", "Skriv '")


def test_swedish_help_has_swedish_words():
    out = cli("--help").stdout
    assert all(word in out for word in SWEDISH_WORDS[:4]), out
    assert not [word for word in ENGLISH_WORDS if word in out]
    assert "[FLAGGOR] KOMMANDO [ARGUMENT]..." in out


@pytest.mark.parametrize("args, env", [(("--lang", "en", "--help"), None), (("--help",), "en")])
def test_english_help_has_clicks_words(args, env):
    out = cli(*args, lang_env=env).stdout
    assert all(word in out for word in ENGLISH_WORDS[:4]), out
    assert not [word for word in SWEDISH_WORDS if word in out]
    assert "Styrgraf: a knowledge graph" in out


def test_a_commands_help_has_the_arguments_panel_in_swedish():
    out = cli("show", "--help").stdout
    assert "╭─ Argument " in out and "╭─ Flaggor " in out and "Visa den här hjälpen och avsluta." in out


def test_missing_argument_in_both_languages():
    swedish_run = cli("show")
    assert swedish_run.returncode == 2
    assert "Argumentet 'entity' saknas." in swedish_run.stderr and "show --help' för hjälp." in swedish_run.stderr
    assert "Missing" not in swedish_run.stderr
    english_run = cli("show", "--lang", "en")
    assert english_run.returncode == 2 and "Missing argument 'entity'." in english_run.stderr


def test_unknown_option_in_swedish():
    run = cli("show", "x", "--bogus")
    assert run.returncode == 2 and "Okänd flagga: --bogus" in run.stderr


def test_top_level_lang_is_the_commands_language(tmp_path):
    run = cli("--lang", "en", "documents", "--store", str(tmp_path / "none"))
    assert "There is no store in" in run.stderr, run.stderr
    refused = cli("--lang", "de", "documents", "--store", str(tmp_path / "none"))
    assert refused.returncode == 2 and "Okänt språk 'de' i --lang" in refused.stderr


@pytest.mark.parametrize("english, expected", [
    ("Missing argument 'ENTITY'.", "Argumentet 'ENTITY' saknas."),
    ("Missing option '--from'.", "Flaggan '--from' saknas."),
    ("No such option: --x (Possible options: --xa, --xb)", "Okänd flagga: --x (möjliga flaggor: --xa, --xb)"),
    ("No such command 'shw'.", "Okänt kommando 'shw'."),
    ("Option '--store' requires an argument.", "Flaggan '--store' kräver ett värde."),
    ("Got unexpected extra argument(s) (a b)", "Oväntade extra argument (a b)"),
    ("Invalid value for '--min-score': Value 'x' is not a valid float.",
     "Ogiltigt värde för '--min-score': 'x' är inte ett tal."),
    ("Invalid value for 'FILE': File 'a.trig' does not exist.", "Ogiltigt värde för 'FILE': Filen 'a.trig' finns inte."),
    ("Something Click never says", "Something Click never says"),
])
def test_swedish_phrases(english, expected):
    assert swedish(english) == expected
