"""Small pieces of wording shared by the answers `graph/` computes and the CLI renders.

Numbers are written as a reader of the answer's language writes them: `0,45` in
Swedish, `0.45` in English.
"""
from __future__ import annotations

LANGS = ("sv", "en")


def decimal(value: float, lang: str, digits: int = 2) -> str:
    """`value` with `digits` decimals, a decimal comma in Swedish and a point in English."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "sv" else text
