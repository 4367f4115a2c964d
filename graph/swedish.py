"""Swedish text as staff type it: case and diacritic folding, tokens, stems.

Staff type `Almer` for `Almér`, `naringsliv` for `näringsliv`, and inflected
or compound forms (`Näringslivsstrategin`, `delprojektledare`). Matching
folds case and diacritics first and then stems with the Snowball Swedish
stemmer, so that the same word typed with or without å/ä/ö gets one key.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Words that carry no meaning for search (Swedish and English function words), folded below.
_STOPWORDS = frozenset("""
och i att det som en på är av för med till den har de inte om ett men var så vi kan ska skall eller
från vid hur vad vilka vilken vilket vem där när sig dess denna detta dessa the of and in to a an is
for on with which what who are be by or at as it this that from how
""".split())

_stemmer = snowballstemmer.stemmer("swedish")


def fold(text: str) -> str:
    """Lower case without diacritics: `Näringslivsstrategin` -> `naringslivsstrategin`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


STOPWORDS = frozenset(fold(w) for w in _STOPWORDS)


def words(text: str) -> list[str]:
    """The words of a text, folded (digits kept)."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The search key of a folded word."""
    return _stemmer.stemWord(word)


def terms(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """Search keys of a text, in order (stop words dropped)."""
    return [stem(w) for w in words(text) if keep_stopwords or w not in STOPWORDS]


def name_matches(query: str, name: str) -> bool:
    """Whether every word typed is a word (or the start of a word) of the name, folded."""
    return words_match(words(query), words(name))


def words_match(wanted: list[str], have) -> bool:
    """Whether each wanted (folded) word is one of `have` or, from 3 letters, the start of one."""
    return bool(wanted) and all(any(h == w or (len(w) >= 3 and h.startswith(w)) for h in have) for w in wanted)


def name_equals(query: str, name: str) -> bool:
    return words(query) == words(name)
