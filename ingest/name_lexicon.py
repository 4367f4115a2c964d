"""Lexicons that tell a person's name from a common word: first names and Swedish common words.

First names come from the `gender-guesser` package's name dictionary (`nam_dict.txt`, GNU FDL),
read as data: one line per name with a frequency column per country. Names used in Sweden or its
Nordic neighbours count as first names outright; names known only from other countries count
when they are not also a Swedish common word (`Mark`, `Will`, `Rose`).

Common words come from Debian's `hunspell-sv` (`/usr/share/hunspell/sv_SE.dic`): entries written
in lower case. Both sources are optional: without the word list no word is known to be common,
and without the name dictionary no word is a first name (so people are found only next to role
labels). Both are loaded once, on first use.

Parsing the two files line by line takes a tenth of a second each, paid by the first document a
process reads; reading the words back from plain word lists is several times faster. So each
parsed set is kept in the user's cache folder (`$XDG_CACHE_HOME/styrgraf` or `~/.cache/styrgraf`),
one word a line, under a name made of its source file's path, size and modification time. A cache
that cannot be read or written (a read-only home, a full disk) is passed over: the words are parsed.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from collections.abc import Callable
from functools import lru_cache, wraps
from importlib import resources
from pathlib import Path
from typing import TypeVar

_T = TypeVar("_T")

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


# The lexicons are loaded once per process, under one lock: `load()` may run in one thread while
# the first document's extraction asks for them in another (`ingest.pipeline.extract_ahead`).
_LOADING = threading.RLock()


def _loaded_once(loader: Callable[[], _T]) -> Callable[[], _T]:
    """`loader()` called once, by whichever thread asks first; the others wait for its value."""
    value: list[_T] = []

    @wraps(loader)
    def loaded() -> _T:
        if not value:
            with _LOADING:
                if not value:
                    value.append(loader())
        return value[0]
    return loaded


@_loaded_once
def _first_names() -> tuple[frozenset[str], frozenset[str]]:
    """(Nordic first names, first names from anywhere), as written (`Anna`, `Göran`)."""
    path = _name_dictionary()
    if path is None:
        return frozenset(), frozenset()
    return (cached_words(path, "first-names-nordic", lambda p: _parse_first_names(p)[0]),
            cached_words(path, "first-names", lambda p: _parse_first_names(p)[1]))


@lru_cache(maxsize=1)  # both sets come from one reading of the file, when neither is cached
def _parse_first_names(path: Path) -> tuple[frozenset[str], frozenset[str]]:
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


@_loaded_once
def _common_words() -> frozenset[str]:
    path = wordlist_path()
    if path is None:
        return frozenset()
    return cached_words(path, "common-words", _parse_common_words)


def _parse_common_words(path: Path) -> frozenset[str]:
    words: set[str] = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        next(f, None)  # the entry count
        for line in f:
            w = line.split("/", 1)[0].strip()
            if w[:1].islower():
                words.add(w)
    return frozenset(words)


# Part of every cache file's name: raise it when a parse above changes what it gives.
_CACHE_VERSION = "1"
_CACHE_HEADER = "# styrgraf word list, words: "


def cache_folder() -> Path | None:
    """`$XDG_CACHE_HOME/styrgraf`, else `~/.cache/styrgraf`; None when there is no home to name.
    A relative `XDG_CACHE_HOME` is ignored, as the XDG specification asks."""
    base = os.environ.get("XDG_CACHE_HOME")
    try:
        return Path(base) / "styrgraf" if base and os.path.isabs(base) else Path.home() / ".cache" / "styrgraf"
    except RuntimeError:  # no home directory known
        return None


def cached_words(source: Path, name: str, parse: Callable[[Path], frozenset[str]]) -> frozenset[str]:
    """`parse(source)`, read back from the cache folder when a list of it is there for this very
    file (path, inode, size, modification and change times); else parsed, and the list written for the next process."""
    cache = _cache_file(source, name)
    words = _read_cache(cache) if cache else None
    if words is None:
        words = parse(source)
        if cache:
            _write_cache(cache, words)
    return words


def _cache_file(source: Path, name: str) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    try:
        stat = source.stat()
        # The change time too: a copy that keeps size and modification time still changes it.
        key = (f"{_CACHE_VERSION}\0{source.resolve()}\0{stat.st_ino}\0{stat.st_size}\0{stat.st_mtime_ns}"
               f"\0{stat.st_ctime_ns}")
    except (OSError, RuntimeError):
        return None
    return folder / f"{name}-{hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()[:20]}.txt"


def _read_cache(cache: Path) -> frozenset[str] | None:
    """The words of a cache file, or None when it is missing, unreadable or not whole."""
    try:
        with open(cache, encoding="utf-8", newline="") as f:  # newline="": the words as written
            text = f.read()
    except (OSError, UnicodeError):
        return None
    header, _, body = text.partition("\n")
    words = body.split("\n")[:-1]  # each word ends with its line break, the last one too
    if header != f"{_CACHE_HEADER}{len(words)}":
        return None
    return frozenset(words)


def _write_cache(cache: Path, words: frozenset[str]) -> None:
    """Written to a temporary file of its own that then takes the cache's name, so no reader sees
    half a list; the lists of this name kept for other versions of the source are removed."""
    temporary: Path | None = None
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=cache.parent, prefix=f".{cache.name}.", suffix=".tmp")
        temporary = Path(name)
        with open(handle, "w", encoding="utf-8", newline="") as f:
            f.write(f"{_CACHE_HEADER}{len(words)}\n" + "".join(w + "\n" for w in sorted(words)))
        os.replace(temporary, cache)
        temporary = None
        _remove_stale(cache)
    except (OSError, UnicodeError):
        if temporary is not None:
            try:
                temporary.unlink(missing_ok=True)
            except OSError:
                pass


def _remove_stale(cache: Path) -> None:
    """Other lists of the same name (`common-words-…`): kept for a source that has since changed."""
    stem = cache.stem.rsplit("-", 1)[0]
    for other in cache.parent.glob(f"{stem}-*.txt"):
        if other != cache and other.stem.rsplit("-", 1)[0] == stem:
            try:
                other.unlink()
            except OSError:
                pass


def load() -> None:
    """Load both lexicons now rather than on first use (`ingest.pipeline.extract_ahead` does it
    while the first PDF is read)."""
    _first_names()
    _common_words()


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
    return _is_first_name_in(word, _first_names(), _common_words())


# Asked of every capitalised word of a document, the same words again and again; the answer is
# remembered with the lexicons it was given by.
@lru_cache(maxsize=1 << 16)
def _is_first_name_in(word: str, first_names: tuple[frozenset[str], frozenset[str]], common: frozenset[str]) -> bool:
    nordic, anywhere = first_names
    if word in nordic:
        return True
    if word in anywhere and word.lower() not in common:
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
