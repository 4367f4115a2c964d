"""The word lists kept in the user's cache folder: the same words as parsing gives, and parsing
whenever the cache cannot be used."""
from __future__ import annotations

import os

import pytest

from styrgraf.ingest import name_lexicon
from styrgraf.ingest.name_lexicon import _parse_common_words, _parse_first_names, cached_words

DIC = "5\nabborre/AEGY\nAachen/A\n  strand/X \nbakgrund\nÄrende/A\nåtgärd/ADG\n"


def _name_line(gender: str, name: str, country: int, frequency: str) -> str:
    """A line of nam_dict.txt: the name in columns 3-29, one frequency column per country from 30."""
    columns = [" "] * 55
    columns[country] = frequency
    return f"{gender}  {name:<27}{''.join(columns)}$\r\n"


# Sweden is country 18, the Netherlands 5.
NAMES = ("# a comment line\n= another\n" + _name_line("M", "Anders", 18, "1") + _name_line("F", "Anna+Karin", 18, "3")
         + _name_line("M", "Aad", 5, "4"))


def _not_called(_path):
    raise AssertionError("parsed although the cache holds the words")


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home / "styrgraf"


def test_a_cached_list_holds_the_parsed_words_and_is_read_back(tmp_path, cache_home):
    dic = tmp_path / "sv.dic"
    dic.write_text(DIC, encoding="utf-8")
    parsed = _parse_common_words(dic)
    assert parsed == {"abborre", "strand", "bakgrund", "åtgärd"}
    assert cached_words(dic, "common-words", _parse_common_words) == parsed
    assert len(list(cache_home.glob("common-words-*.txt"))) == 1
    assert cached_words(dic, "common-words", _not_called) == parsed


def test_first_names_cached_as_parsed(tmp_path, cache_home):
    names = tmp_path / "nam_dict.txt"
    names.write_bytes(NAMES.encode("utf-8"))
    nordic, anywhere = _parse_first_names.__wrapped__(names)
    assert anywhere == {"Anders", "Anna-Karin", "AnnaKarin", "Aad"} and nordic == {"Anders", "Anna-Karin", "AnnaKarin"}
    for name, words in (("first-names-nordic", nordic), ("first-names", anywhere)):
        assert cached_words(names, name, lambda p, w=words: w) == words
        assert cached_words(names, name, _not_called) == words


def test_a_changed_source_is_parsed_again(tmp_path, cache_home):
    dic = tmp_path / "sv.dic"
    dic.write_text(DIC, encoding="utf-8")
    cached_words(dic, "common-words", _parse_common_words)
    dic.write_text(DIC + "vik/A\n", encoding="utf-8")
    assert "vik" in cached_words(dic, "common-words", _parse_common_words)


def test_a_cache_file_cut_short_is_parsed_again(tmp_path, cache_home):
    dic = tmp_path / "sv.dic"
    dic.write_text(DIC, encoding="utf-8")
    cached_words(dic, "common-words", _parse_common_words)
    cache = next(cache_home.glob("common-words-*.txt"))
    cache.write_text(cache.read_text(encoding="utf-8").rsplit("\n", 2)[0] + "\n", encoding="utf-8")
    assert cached_words(dic, "common-words", _parse_common_words) == _parse_common_words(dic)


@pytest.mark.parametrize("variable", ["XDG_CACHE_HOME", "HOME"])
def test_an_unwritable_cache_folder_falls_back_to_parsing(tmp_path, monkeypatch, variable):
    # A regular file where the cache folder should be: no folder can be made there (even for root).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    if variable == "HOME":
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv(variable, str(blocker))
    dic = tmp_path / "sv.dic"
    dic.write_text(DIC, encoding="utf-8")
    assert cached_words(dic, "common-words", _parse_common_words) == _parse_common_words(dic)
    assert cached_words(dic, "common-words", _parse_common_words) == _parse_common_words(dic)
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_the_installed_lexicons_read_through_the_cache_are_the_parsed_ones(cache_home):
    names, wordlist = name_lexicon._name_dictionary(), name_lexicon.wordlist_path()
    if names is None or wordlist is None:
        pytest.skip("gender-guesser or hunspell-sv not installed")
    for _ in range(2):  # written, then read back
        assert name_lexicon._first_names.__wrapped__() == _parse_first_names.__wrapped__(names)
        assert name_lexicon._common_words.__wrapped__() == _parse_common_words(wordlist)
    assert len(list(cache_home.glob("*.txt"))) == 3


def test_a_changed_source_leaves_one_list_of_its_name(tmp_path, cache_home):
    dic = tmp_path / "sv.dic"
    dic.write_text(DIC, encoding="utf-8")
    cached_words(dic, "common-words", _parse_common_words)
    cached_words(dic, "common-words-extra", _parse_common_words)  # another name that begins alike stays
    dic.write_text(DIC + "vik/A\n", encoding="utf-8")
    cached_words(dic, "common-words", _parse_common_words)
    kept = sorted(p.name.rsplit("-", 1)[0] for p in cache_home.glob("*.txt"))
    assert kept == ["common-words", "common-words-extra"]
    assert "vik" in cached_words(dic, "common-words", _not_called)


def test_a_relative_cache_home_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert name_lexicon.cache_folder() == tmp_path / ".cache" / "styrgraf"


def test_a_lexicon_asked_for_by_two_threads_at_once_is_loaded_once():
    import threading
    import time

    calls: list[int] = []

    def slow_loader() -> frozenset[str]:
        calls.append(1)
        time.sleep(0.05)
        return frozenset({"ord"})

    loaded = name_lexicon._loaded_once(slow_loader)
    answers: list[frozenset[str]] = []
    threads = [threading.Thread(target=lambda: answers.append(loaded())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [1] and answers == [frozenset({"ord"})] * 4
