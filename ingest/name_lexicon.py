"""Lexicons that tell a person's name from a common word: first names and Swedish common words.

First names come from the `gender-guesser` package's name dictionary (`nam_dict.txt`, GNU FDL),
read as data: one line per name with a frequency column per country. Names used in Sweden or its
Nordic neighbours count as first names outright; names known only from other countries count
when they are not also a Swedish common word (`Mark`, `Will`, `Rose`).

Common words come from Debian's `hunspell-sv` (`/usr/share/hunspell/sv_SE.dic`): entries written
in lower case. Both sources are optional: without the word list no word is known to be common,
and without the name dictionary no word is a first name (so people are found only next to role
labels). Both are loaded once, on first use.
"""
from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

# Column offsets in nam_dict.txt: country frequencies start at column 30, one character each,
# in the order of gender-guesser's country list (Iceland 15, Denmark 16, Norway 17, Sweden 18, Finland 19).
_COUNTRY_START = 30
_NORDIC = slice(16, 20)  # Denmark to Finland
_WORDLIST_ENV = "STYRGRAF_SV_WORDLIST"
_WORDLIST_PATHS = ("/usr/share/hunspell/sv_SE.dic", "/usr/share/myspell/sv_SE.dic")


def _name_dictionary() -> Path | None:
    try:
        path = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    except ModuleNotFoundError:
        return None
    return Path(str(path)) if path.is_file() else None


@lru_cache(maxsize=1)
def _first_names() -> tuple[frozenset[str], frozenset[str]]:
    """(Nordic first names, first names from anywhere), as written (`Anna`, `Göran`)."""
    path = _name_dictionary()
    if path is None:
        return frozenset(), frozenset()
    nordic: set[str] = set()
    anywhere: set[str] = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line[:1] in "#=" or len(line) <= _COUNTRY_START:
                continue
            name = line.split(None, 2)[1:2]
            if not name:
                continue
            # `Anna+Karin` stands for the joined, spaced and hyphenated forms.
            forms = (name[0].replace("+", "-"), name[0].replace("+", "")) if "+" in name[0] else name
            anywhere.update(forms)
            if line[_COUNTRY_START:].rstrip("\r\n$")[_NORDIC].strip():  # a frequency in a Nordic column
                nordic.update(forms)
    return frozenset(nordic), frozenset(anywhere)


def wordlist_path() -> Path | None:
    """The Swedish hunspell word list when installed (or named by STYRGRAF_SV_WORDLIST)."""
    for p in filter(None, (os.environ.get(_WORDLIST_ENV), *_WORDLIST_PATHS)):
        if Path(p).is_file():
            return Path(p)
    return None


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    path = wordlist_path()
    if path is None:
        return frozenset()
    words: set[str] = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        next(f, None)  # the entry count
        for line in f:
            w = line.split("/", 1)[0].strip()
            if w[:1].islower():
                words.add(w)
    return frozenset(words)


def has_name_lexicon() -> bool:
    return bool(_first_names()[0])


def has_wordlist() -> bool:
    return bool(_common_words())


def is_common_word(word: str) -> bool:
    """A Swedish common word (`bakgrund`, `strand`), whatever its case as written."""
    return word.lower() in _common_words()


def is_first_name(word: str) -> bool:
    """A first name as written, capitalised (`Anna`, `Eva-Lena`: each part a first name)."""
    if not word[:1].isupper():
        return False
    nordic, anywhere = _first_names()
    if word in nordic:
        return True
    if word in anywhere and not is_common_word(word):
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(p and is_first_name(p) for p in parts)


# Inflection endings of Swedish verbs and nouns that the word list stores only as stems.
_ENDINGS = ("ningen", "ningar", "ning", "ande", "ende", "ade", "ad", "at", "en", "et")


def is_inflected_common_word(word: str) -> bool:
    """An inflected form of a common word (`Beslutad` from `beslut`), as a heading or label reads."""
    w = word.lower()
    return any(w.endswith(e) and len(w) - len(e) >= 3 and w[:-len(e)] in _common_words() for e in _ENDINGS)


# How Swedish surnames end (`Lindahl`, `Bergström`, `Ek`, `Lind`, `Åkesson`, `Rydén`): the second
# word of a double surname must have one of these shapes, since a title or a common word
# (`Rektor`, `Upphandlare`) may stand after a name in a table's next column.
_SURNAME_ENDINGS = (
    "son", "sen", "berg", "borg", "ström", "strom", "lund", "gren", "qvist", "kvist", "quist", "dahl", "dal",
    "holm", "man", "mark", "lind", "ek", "ekh", "blom", "bom", "falk", "strand", "sjö", "stedt", "stad", "stam",
    "häll", "hed", "lid", "ros", "vall", "wall", "ell", "én", "ér", "in", "ius", "ander", "eus", "gård",
    "löf", "löv", "kvarn", "fors", "rot", "sten", "stjerna", "skog", "näs", "vik", "by", "ås", "torp", "hult",
    "bäck", "bro", "dotter", "back", "rup", "ö",
)


def looks_like_surname(word: str) -> bool:
    """A word shaped like a Swedish surname by its ending."""
    lw = word.lower()
    return len(lw) >= 2 and lw.endswith(_SURNAME_ENDINGS)
