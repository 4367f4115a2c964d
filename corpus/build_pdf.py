"""Render the seed's transcript as a PDF shaped like a real municipal PDF.

    python corpus/build_pdf.py            # writes corpus/halmstad-projektplan-2012.pdf

The seed text export has one paragraph per PDF page. This script turns each
paragraph back into an A4 page with what real PDFs have and the export lost:
the running header on its own top line, a `Sida N av M` footer (the page
number the export left at the end of main pages moves there), the body wrapped
at a fixed width with words hyphenated at line ends, list items and section
headings on their own lines. Lines break only at spaces or at inserted
hyphenation points, so the page normaliser (`ingest.pages.normalise_page`)
gets the seed paragraph back from the PDF lines.

The output is reproducible byte for byte: fixed creation date (the plan's own
date), fixed producer, no compression (zlib builds can differ between
machines), no random ids.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF

HERE = Path(__file__).resolve().parent
SEED = HERE / "000_5a26368617003b47.txt"
OUT = HERE / "halmstad-projektplan-2012.pdf"

RUNNING_HEADER = re.compile(r"^\d{4}-\d{2}-\d{2} (?:KS \d{4}/\d{4}|Bilaga \d+\.)")
TRANSCRIPT_LINE = re.compile(r"^[ \t]*Transkript:[ \t]*$", re.MULTILINE)

# Section headings of this genre, set bold on their own line (longest first).
HEADINGS = tuple(sorted((
    "Bakgrund", "Beslut", "Syfte och frågeställning", "Avgränsning", "Avgränsningar",
    "Andra utredningar/processer som ska beaktas", "Andra utredningar/processer som skall beaktas",
    "Metodik", "Analysfas", "Utvecklingsfas", "Projektorganisation", "Tidplan", "Kostnader/budget",
    "Rapportering och utvärdering", "Rapport och utvärdering",
), key=lambda h: -len(h.split())))
_CAPS_WORD = re.compile(r"^[A-ZÅÄÖÉ]{2,}$")
_NUMBERED = re.compile(r"^\d{1,2}\.$")
_LETTERED = re.compile(r"^[a-l]\)$")
_STEP_NUMBER = re.compile(r"^\d{1,2}:$")
_BULLET = re.compile(r"^-(?:$|[A-ZÅÄÖ])")
# A hyphen before these words belongs to the text (`grund- och gymnasieskolan`):
# a line may break after it, but an inserted hyphenation must not look like it.
_CONJUNCTIONS = ("och", "eller", "samt", "respektive", "resp", "till", "som")
_HYPHENATABLE = re.compile(r"^(?P<word>[a-zåäöéü]{8,})(?P<punct>[,.;:]?)$")
_VOWELS = frozenset("aeiouyåäöéü")
_DIGRAPHS = frozenset({"ng", "ck", "sj", "tj", "kj", "dj", "gj", "lj", "hj", "ch"})

# Page geometry (mm) and type (pt).
MARGIN_X = 25.0
BODY_TOP = 28.0
BODY_BOTTOM = 272.0
LINE_HEIGHT = 5.0
BODY_SIZE = 10.0
SMALL_SIZE = 9.0
FONT = "Helvetica"


@dataclass(frozen=True)
class SeedPage:
    number: int
    header: str  # running header, e.g. `2012-02-22 KS 2011/0456`
    body: str  # the rest of the paragraph, without a trailing page number


@dataclass(frozen=True)
class Line:
    text: str
    bold: bool = False


def read_seed(seed_path: Path) -> tuple[str, list[SeedPage]]:
    """The seed's title line and its transcript pages (one paragraph each)."""
    text = seed_path.read_text(encoding="utf-8")
    match = TRANSCRIPT_LINE.search(text)
    if not match:
        raise ValueError(f"{seed_path}: no 'Transkript:' line")
    title = next(line.strip() for line in text.splitlines() if line.strip())
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text[match.end():]) if p.strip()]
    pages = []
    for number, paragraph in enumerate(paragraphs, start=1):
        header = RUNNING_HEADER.match(paragraph)
        if not header:
            raise ValueError(f"page {number} has no running header: {paragraph[:40]!r}")
        body = paragraph[header.end():].strip()
        # The export put the page number at the end of main pages; in the PDF it is the footer.
        body = re.sub(rf"\s+{number}$", "", body)
        pages.append(SeedPage(number=number, header=header.group(0), body=body))
    return title, pages


def _heading_length(tokens: list[str], i: int) -> int:
    """How many tokens from `i` form a section heading (0 if none)."""
    for heading in HEADINGS:
        words = heading.split()
        end = i + len(words)
        if tokens[i:end] == words and (end == len(tokens) or tokens[end][:1].isupper()
                                       or tokens[end][:1].isdigit() or tokens[end][:1] == "-"):
            return len(words)
    end = i
    while end < len(tokens) and _CAPS_WORD.match(tokens[end]):
        end += 1
    # An upper-case title such as `NÄRINGSLIVSUTREDNING DELPROJEKT 2`, not a pair
    # of abbreviations such as `VD HNAB`.
    if end - i >= 2 and any(len(word) >= 6 for word in tokens[i:end]):
        if end < len(tokens) and tokens[end].isdigit():
            end += 1
        return end - i
    return 0


def _starts_item(tokens: list[str], i: int) -> bool:
    token = tokens[i]
    if _BULLET.match(token) or _NUMBERED.match(token) or _LETTERED.match(token):
        return True
    return token == "Steg" and i + 1 < len(tokens) and bool(_STEP_NUMBER.match(tokens[i + 1]))


def blocks(body: str) -> list[tuple[bool, list[str]]]:
    """Split a page body into (is_heading, tokens) blocks, each starting a new line."""
    tokens = body.split()
    out: list[tuple[bool, list[str]]] = []
    current: list[str] = []
    i = 0
    while i < len(tokens):
        n = _heading_length(tokens, i)
        if n:
            if current:
                out.append((False, current))
                current = []
            out.append((True, tokens[i:i + n]))
            i += n
            continue
        if current and _starts_item(tokens, i):
            out.append((False, current))
            current = []
        current.append(tokens[i])
        i += 1
    if current:
        out.append((False, current))
    return out


def units(tokens: list[str]) -> list[str]:
    """Group tokens that must stay on one line: no break after a text hyphen
    (`Omsorgs- College` would read back as `Omsorgs-College`) unless a
    conjunction follows, and none right after a list marker."""
    out: list[str] = []
    glue = False
    for i, token in enumerate(tokens):
        if glue and out:
            out[-1] += " " + token
        else:
            out.append(token)
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        hyphen_glue = token.endswith("-") and following not in _CONJUNCTIONS
        marker = _NUMBERED.match(token) or _LETTERED.match(token) or token == "Steg" or _STEP_NUMBER.match(token)
        glue = bool(hyphen_glue or marker)
    return out


def hyphenation_points(word: str) -> list[int]:
    """Where an all-lower-case word may take a hyphen: before the consonant
    that starts a syllable (or before its `ng`/`sk`/`st` cluster), at least
    three letters from either end, never so that the rest starts with a
    conjunction (it would read as a text hyphen). Compounds are not known, so
    some breaks are off (`myndighetsu-tövning`), as in many real PDFs."""
    m = _HYPHENATABLE.match(word)
    if not m:
        return []
    letters = m.group("word")
    points = set()
    for k in range(3, len(letters) - 2):
        if letters[k] in _VOWELS or letters[k + 1] not in _VOWELS:
            continue
        if letters[k - 1:k + 1] in _DIGRAPHS:  # `ng`, `ck`, `sj`...: one sound, not split
            continue
        if letters[k - 1] == "s" and letters[k] in "kpt" and k - 1 >= 3:
            k -= 1  # `sär-skilt`, `nedan-stående`: s-clusters start a syllable
        if k >= 3 and not letters[k:].startswith(_CONJUNCTIONS):
            points.add(k)
    return sorted(points)


def wrap(tokens: list[str], width: float, measure, hyphenate: bool = True) -> list[str]:
    """Greedy line breaking at spaces, hyphenating a word that does not fit."""
    lines: list[str] = []
    current = ""
    for unit in units(tokens):
        if not current:
            current = unit
            continue
        if measure(current + " " + unit) <= width:
            current += " " + unit
            continue
        split = None
        if hyphenate:
            for k in reversed(hyphenation_points(unit)):
                if measure(current + " " + unit[:k] + "-") <= width:
                    split = k
                    break
        if split is None:
            lines.append(current)
            current = unit
        else:
            lines.append(current + " " + unit[:split] + "-")
            current = unit[split:]
    if current:
        lines.append(current)
    return lines


def layout(body: str, width: float, measure) -> list[Line]:
    """The body lines of one page; `measure(text, bold)` gives a width in mm."""
    lines: list[Line] = []
    for is_heading, tokens in blocks(body):
        wrapped = wrap(tokens, width, lambda s, b=is_heading: measure(s, b), hyphenate=not is_heading)
        lines.extend(Line(text, bold=is_heading) for text in wrapped)
    return lines


def build_pdf(seed_path: Path = SEED, out_path: Path = OUT) -> Path:
    title, pages = read_seed(seed_path)
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_compression(False)
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN_X, BODY_TOP, MARGIN_X)
    pdf.set_title(title)
    pdf.set_subject(title)
    pdf.set_lang("sv")
    pdf.set_creator("styrgraf corpus/build_pdf.py")
    pdf.set_producer("styrgraf corpus/build_pdf.py")
    plan_date = datetime.strptime(pages[0].header[:10], "%Y-%m-%d").replace(tzinfo=timezone.utc)
    pdf.set_creation_date(plan_date)

    width = pdf.w - 2 * MARGIN_X

    def measure(text: str, bold: bool) -> float:
        pdf.set_font(FONT, "B" if bold else "", BODY_SIZE)
        return pdf.get_string_width(text)

    for page in pages:
        pdf.add_page()
        pdf.set_font(FONT, "", SMALL_SIZE)
        pdf.set_xy(MARGIN_X, 14)
        pdf.cell(width, LINE_HEIGHT, page.header)
        pdf.set_draw_color(120)
        pdf.line(MARGIN_X, 20, pdf.w - MARGIN_X, 20)

        lines = layout(page.body, width, measure)
        if BODY_TOP + len(lines) * LINE_HEIGHT > BODY_BOTTOM:
            raise ValueError(f"page {page.number} does not fit on one A4 page ({len(lines)} lines)")
        y = BODY_TOP
        for line in lines:
            pdf.set_font(FONT, "B" if line.bold else "", BODY_SIZE)
            pdf.set_xy(MARGIN_X, y)
            pdf.cell(width, LINE_HEIGHT, line.text)
            y += LINE_HEIGHT

        pdf.set_font(FONT, "", SMALL_SIZE)
        pdf.set_xy(MARGIN_X, 282)
        pdf.cell(width, LINE_HEIGHT, f"Sida {page.number} av {len(pages)}", align="C")

    out_path = Path(out_path)
    out_path.write_bytes(bytes(pdf.output()))
    return out_path


if __name__ == "__main__":
    written = build_pdf(Path(sys.argv[1]) if len(sys.argv) > 1 else SEED, Path(sys.argv[2]) if len(sys.argv) > 2 else OUT)
    print(f"Skrev {written}")
