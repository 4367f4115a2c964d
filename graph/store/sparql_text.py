"""SPARQL text in one canonical spelling: the text that is checked is the text that runs.

Why: a check that reads a query one way while the engine reads it another is
no check (a comment ended by CR, a number glued to a keyword, a ``\\u0027``
escape read as a quote by one side and as string content by the other each
smuggled a ``SERVICE`` past the old pattern-based guard).  So the query is cut
into the terminals of the SPARQL 1.1 grammar (section 19.8) by this one lexer,
and written back as those tokens separated by single spaces: no comments, no
``\\u`` escapes anywhere (escapes in IRIs and strings are decoded, strings are
written with only ``\\"``, ``\\\\``, ``\\n``, ``\\r``), keywords as bare words.
In that spelling every reader, with or without the SPARQL 19.2 escape
preprocessing, sees the same tokens; the checks look at these tokens and at
the parse of the canonical text, and only the canonical text is evaluated.

What the lexer cannot read is refused, never passed on: a ``\\u`` escape outside
an IRI or a string, characters that are no SPARQL token, a lone surrogate,
brackets nested deeper than `MAX_DEPTH` (the parsers recurse per level).
A string whose value holds ``\\u`` is the one spelling left that readers differ
on (`Canonical.escape_in_a_string`); checks that parse with rdflib refuse it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from styrgraf.graph.errors import QueryRefused

__all__ = ["Canonical", "MAX_DEPTH", "canonical"]

# Deeper than any query written by hand; the parsers recurse per level.
MAX_DEPTH = 64

_PN_CHARS_BASE = ("A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF"
                  "\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD"
                  "\U00010000-\U000EFFFF")
_PN_CHARS_U = _PN_CHARS_BASE + "_"
_PN_CHARS = _PN_CHARS_U + "\\-0-9\u00B7\u0300-\u036F\u203F-\u2040"
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_PN_PREFIX = f"[{_PN_CHARS_BASE}](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"
_PN_LOCAL = (f"(?:[{_PN_CHARS_U}:0-9]|{_PLX})"
             f"(?:(?:[{_PN_CHARS}.:]|{_PLX})*(?:[{_PN_CHARS}:]|{_PLX}))?")
_VARNAME = f"[{_PN_CHARS_U}0-9][{_PN_CHARS_U}0-9\u00B7\u0300-\u036F\u203F-\u2040]*"
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_ECHAR = r"\\[tbnrf\\\"']"
_EXP = r"[eE][+-]?[0-9]+"

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_DIGITS = "0123456789"
# (kind, pattern, the ASCII characters it can start with), in order of precedence where
# two could start at one place (longest terminal first: an IRI before `<`, a prefixed
# name before a keyword, a number before `.`).
_TERMINALS = (
    ("ws", r"[\x20\t\r\n]+", " \t\r\n"),
    ("comment", r"#[^\r\n]*", "#"),
    ("iri", rf"<(?:[^<>\"{{}}|^`\\\x00-\x20]|{_UCHAR})*>", "<"),
    ("string", rf"'''(?:(?:'|'')?(?:[^'\\]|{_ECHAR}|{_UCHAR}))*'''"
               rf"|\"\"\"(?:(?:\"|\"\")?(?:[^\"\\]|{_ECHAR}|{_UCHAR}))*\"\"\""
               rf"|'(?:[^'\\\n\r]|{_ECHAR}|{_UCHAR})*'"
               rf"|\"(?:[^\"\\\n\r]|{_ECHAR}|{_UCHAR})*\"", "'\""),
    ("langtag", r"@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*(?:--[a-zA-Z]+)?", "@"),
    ("var", rf"[?$]{_VARNAME}", "?$"),
    ("bnode", rf"_:[{_PN_CHARS_U}0-9](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?", "_"),
    ("pname", rf"(?:{_PN_PREFIX})?:(?:{_PN_LOCAL})?", _LETTERS + ":"),
    ("number", rf"[+-]?(?:[0-9]+\.[0-9]*{_EXP}|\.[0-9]+{_EXP}|[0-9]+{_EXP}|[0-9]*\.[0-9]+|[0-9]+)",
     _DIGITS + ".+-"),
    ("word", r"[A-Za-z_][A-Za-z0-9_]*", _LETTERS + "_"),
    ("punct", r"\^\^|<<|>>|\{\||\|\}|&&|\|\||!=|<=|>=|[{}()\[\];,.=<>!+\-*/^|?~]", "{}()[];,.=<>!+-*/^|?~&"),
)


def _alternation(terminals: tuple[tuple[str, str, str], ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern, _ in terminals))


# All terminals (a non-ASCII first character can only start a prefixed name), and per
# ASCII first character only those that can start with it: the same match, faster.
_TOKEN = _alternation(_TERMINALS)
_BY_FIRST = {char: _alternation(tuple(t for t in _TERMINALS if char in t[2]))
             for char in {c for _, _, starts in _TERMINALS for c in starts}}
_NOTHING = re.compile(r"(?!)")
_ESCAPE = re.compile(rf"{_UCHAR}|{_ECHAR}")
_ECHARS = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", "\\": "\\", '"': '"', "'": "'"}
_BAD_IRI_CHARS = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_OPEN, _CLOSE = "({[", ")}]"
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Canonical:
    """The canonical text and its tokens as (kind, text) pairs."""

    text: str
    tokens: tuple[tuple[str, str], ...]

    @property
    def escape_in_a_string(self) -> bool:
        """A string holds a backslash and `u`/`U`: read as an escape by a parser that
        preprocesses escapes (SPARQL 19.2, rdflib) and as text by one that does not (Oxigraph)."""
        return "\\u" in self.text or "\\U" in self.text

    def words(self) -> set[str]:
        """Bare words (keywords, function names) in upper case."""
        return {text.upper() for kind, text in self.tokens if kind == "word"}



def _decode(body: str) -> str:
    def replace(match: re.Match[str]) -> str:
        escape = match.group(0)
        if escape[1] in "uU":
            return chr(int(escape[2:], 16))
        return _ECHARS[escape[1]]

    return _ESCAPE.sub(replace, body)


def _string(token: str) -> str:
    quote = 3 if token[:3] in ("'''", '"""') else 1
    value = _decode(token[quote:-quote])
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def _iri(token: str) -> str:
    value = _decode(token[1:-1])
    if _BAD_IRI_CHARS.search(value):
        raise QueryRefused.of("query.bad_iri", value=value[:80])
    return f"<{value}>"


def _refuse_at(sparql: str, position: int, key: str, **fields: object) -> QueryRefused:
    line = sparql.count("\n", 0, position) + 1
    return QueryRefused.of(key, line=line, column=position + 1, near=sparql[position:position + 20], **fields)


def _attached(previous: tuple[str, str], token: tuple[str, str], joined: bool) -> bool:
    """Whether `token` is written without a space after `previous`: a literal's language tag
    and `^^` datatype, a function's `(`, an empty `()` (NIL), and path operators that were
    attached in the query, which some parsers only read attached (rdflib, Oxigraph).
    Punctuation only: two words or names are always apart."""
    kind, text = token
    if kind == "langtag" or text == "^^" or previous[1] == "^^":
        return True
    if (text == "(" and previous[0] == "word") or (text == ")" and previous[1] == "("):
        return True
    return joined and ((kind == "punct" and text in "*+?") or previous[1] in ("^", "!"))


def _join(tokens: list[tuple[str, str]], joined: list[bool]) -> str:
    parts: list[str] = []
    for index, token in enumerate(tokens):
        if index and not _attached(tokens[index - 1], token, joined[index]):
            parts.append(" ")
        parts.append(token[1])
    return "".join(parts)


def canonical(sparql: str) -> Canonical:
    """The query in canonical spelling; QueryRefused for text this lexer cannot read."""
    tokens: list[tuple[str, str]] = []
    joined: list[bool] = []  # no white space or comment before the token in the query
    apart = True
    depth = 0
    position, end = 0, len(sparql)
    while position < end:
        first = sparql[position]
        match = _BY_FIRST.get(first, _TOKEN if first >= "\x80" else _NOTHING).match(sparql, position)
        if match is None or match.end() == position:
            why = "query.escape_outside" if sparql.startswith(("\\u", "\\U"), position) else "query.bad_char"
            raise _refuse_at(sparql, position, why)
        kind = match.lastgroup or ""
        text = match.group(0)
        position = match.end()
        if kind in ("ws", "comment"):
            apart = True
            continue
        if kind == "string":
            text = _string(text)
        elif kind == "iri":
            text = _iri(text)
        elif kind == "punct":
            if text in _OPEN:
                depth += 1
                if depth > MAX_DEPTH:
                    raise _refuse_at(sparql, match.start(), "query.nested_at", depth=MAX_DEPTH)
            elif text in _CLOSE:
                depth -= 1
        tokens.append((kind, text))
        joined.append(not apart)
        apart = False
    text = _join(tokens, joined)
    if _SURROGATE.search(text):
        raise QueryRefused.of("query.surrogate")
    return Canonical(text, tuple(tokens))
