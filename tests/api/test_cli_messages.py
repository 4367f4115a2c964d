"""The CLI's language: help and output in English with `--lang en` or STYRGRAF_LANG, `--lang` checked,
`--version`, decimal commas in Swedish only. Real processes: the help's language is read at start."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from styrgraf.api.cli.main import app
from styrgraf.api.cli.messages import HELP, help_lang
from tests.query_seed import seed_store_path

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = ("ingest", "documents", "remove", "export", "import", "reindex", "links", "serve", "ask", "show",
            "trace", "search", "overlaps", "check", "resolve", "meetings", "meeting")


def cli(*args: str, lang_env: str | None = None, store: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("STYRGRAF_LANG", "STYRGRAF_STORE")}
    env["COLUMNS"] = "400"  # help panels unwrapped, so that each help text is one line
    if lang_env is not None:
        env["STYRGRAF_LANG"] = lang_env
    if store is not None:
        env["STYRGRAF_STORE"] = store
    return subprocess.run([sys.executable, "-m", "styrgraf.api.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    return str(seed_store_path(tmp_path_factory))


def _command_names() -> set[str]:
    return {c.name or c.callback.__name__ for c in app.registered_commands}


def test_every_command_has_help_in_both_languages():
    """Every registered command, a new one too, has its help in the catalogue in both languages."""
    assert set(COMMANDS) <= _command_names() and "matrix" in {g.name for g in app.registered_groups}
    for lang in ("sv", "en"):
        assert _command_names() | {"matrix", "matrix.coverage", "matrix.people", "app"} <= set(HELP[lang])
    assert HELP["sv"].keys() == HELP["en"].keys()


def test_help_language_comes_from_the_command_line_then_the_environment():
    assert help_lang(["check", "--lang", "en", "--help"], {}) == "en"
    assert help_lang(["check", "--lang=en"], {"STYRGRAF_LANG": "sv"}) == "en"
    assert help_lang(["check"], {"STYRGRAF_LANG": "en"}) == "en"
    assert help_lang(["check", "--lang", "xx"], {}) == "sv"
    assert help_lang([], {}) == "sv"


def test_top_level_help_in_english():
    english = cli("--help", lang_env="en").stdout
    assert HELP["en"]["app"] in english and HELP["sv"]["app"] not in english
    for name in _command_names():
        assert HELP["en"][name][:40] in english, name
        assert HELP["sv"][name][:40] not in english, name
    swedish = cli("--help").stdout
    assert HELP["sv"]["app"] in swedish and HELP["sv"]["check"] in swedish


@pytest.mark.parametrize("command", [("check",), ("overlaps",), ("matrix", "people"), ("ingest",), ("serve",),
                                     ("ask",), ("search",), ("meetings",)])
def test_command_help_in_english_with_lang_en(command):
    text = cli(*command, "--lang", "en", "--help").stdout
    key = ".".join(command)
    assert HELP["en"][key] in text
    swedish = [v for v in HELP["sv"].values() if v in text and v not in HELP["en"].values()]
    assert swedish == []
    assert "--lang" in text and "STYRGRAF_LANG" in text


def test_unknown_language_is_a_clear_error_with_exit_2(store):
    for args in (("check",), ("overlaps",), ("show", "x"), ("ask", "vem leder delprojekt 1"), ("documents",),
                 ("meetings",), ("matrix", "coverage")):
        r = cli(*args, "--lang", "fi", store=store)
        assert r.returncode == 2, args
        assert r.stderr.strip() == "Okänt språk 'fi' i --lang: välj sv eller en.", args
        assert "Traceback" not in r.stderr
    r = cli("check", lang_env="de", store=store)
    assert r.returncode == 2 and r.stderr.strip() == "Okänt språk 'de' i STYRGRAF_LANG: välj sv eller en."


def test_styrgraf_lang_gives_english_output_and_lang_wins(store):
    r = cli("check", lang_env="en", store=store)
    assert r.returncode == 1
    assert r.stdout.startswith("ERROR    Impossible date '2012-04-31'") and "errors" in r.stderr
    r = cli("check", "--lang", "sv", lang_env="en", store=store)
    assert r.stdout.startswith("FEL      Omöjligt datum '2012-04-31'")
    missing = cli("overlaps", lang_env="en", store=str(ROOT / "var" / "no-such-store"))
    assert missing.returncode == 2 and missing.stderr.startswith("There is no store in ")


def test_version():
    r = cli("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"styrgraf {version('styrgraf')}"


def test_decimal_commas_in_swedish_only(store):
    decimals = re.compile(r"\d+[.,]\d\d\b")
    sv = cli("overlaps", "--min-score", "0", store=store).stdout
    en = cli("overlaps", "--min-score", "0", "--lang", "en", store=store).stdout
    numbers_sv = [n for n in decimals.findall(sv) if not re.fullmatch(r"\d{4}[.,]\d\d", n)]
    numbers_en = [n for n in decimals.findall(en) if not re.fullmatch(r"\d{4}[.,]\d\d", n)]
    assert numbers_sv and all("," in n for n in numbers_sv), numbers_sv
    assert numbers_en and all("." in n for n in numbers_en), numbers_en
    assert "(poäng 0,87)" in sv and "(score 0.87)" in en
    search_sv = cli("search", "näringslivsstrategi", "--limit", "3", store=store).stdout
    search_en = cli("search", "näringslivsstrategi", "--limit", "3", "--lang", "en", store=store).stdout
    assert re.search(r"│\s+\d,\d\d\s+│", search_sv) and not re.search(r"│\s+\d\.\d\d\s+│", search_sv)
    assert re.search(r"│\s+\d\.\d\d\s+│", search_en)
