"""Limits on reading one PDF, so that a hostile file cannot exhaust the machine.

A few hundred kilobytes of PDF can inflate to gigabytes (one Flate stream of
spaces) or hold millions of operators that take minutes to interpret. The PDF
is read in a child process (`ingest.formats.pdf`) that stops at these limits;
past one, the file is refused with an error that names it and the limit, and
nothing is written.

The defaults leave ordinary steering documents far below every limit:

- `decompressed_mb` (200): all streams the text reader inflates, per file. A
  500-page plan with embedded fonts inflates to some tens of megabytes.
- `page_mb` (8): the content of one page (its content streams, and its forms
  each time they are drawn). A page of text is kilobytes, a dense vector map a
  few megabytes. It also bounds the text PDFium lays out before `page_chars`
  is checked: 7 MB of text operators are some 7 million characters, about 4 s
  and 1 GB.
- `pages` (2000): four times the longest plans and directives we have seen.
- `page_chars` (200 000): a full A4 page of small print is about 6 000
  characters; 30 times that is garbage, not text. Counted on PDFium's text of
  the page, before the text is taken.
- `seconds` (120): wall time per file; a 500-page document reads in well
  under a minute.
- `memory_mb` (2048): the reading process's address space, a backstop for what
  the limits above do not see (e.g. an LZW bomb, an inline image). The process
  itself maps some hundreds of megabytes of libraries; PDFium aborts the
  process when an allocation fails, and that is reported as this limit.

Each can be changed with an environment variable (`ENVIRONMENT`), read when a
file is opened, so `styrgraf ingest` and `styrgraf serve` both follow them.
"""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields

MB = 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    decompressed_mb: float = 200
    page_mb: float = 8
    pages: int = 2000
    page_chars: int = 200_000
    seconds: float = 120
    memory_mb: float = 2048

    @property
    def decompressed_bytes(self) -> int:
        return int(self.decompressed_mb * MB)

    @property
    def page_bytes(self) -> int:
        return int(self.page_mb * MB)

    def to_dict(self) -> dict[str, float]:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict) -> ReadLimits:
        return cls(**{f.name: values[f.name] for f in fields(cls) if f.name in values})

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> ReadLimits:
        """The defaults, overridden by `STYRGRAF_PDF_*`; raises ValueError naming a bad variable."""
        environ = os.environ if environ is None else environ
        values: dict[str, float] = {}
        for name, variable in ENVIRONMENT.items():
            raw = environ.get(variable, "").strip()
            if raw:
                values[name] = _positive(variable, raw, integer=name in ("pages", "page_chars"))
        return cls(**values)


# Setting -> environment variable.
ENVIRONMENT: dict[str, str] = {
    "decompressed_mb": "STYRGRAF_PDF_MAX_DECOMPRESSED_MB",
    "page_mb": "STYRGRAF_PDF_MAX_PAGE_MB",
    "pages": "STYRGRAF_PDF_MAX_PAGES",
    "page_chars": "STYRGRAF_PDF_MAX_PAGE_CHARS",
    "seconds": "STYRGRAF_PDF_MAX_SECONDS",
    "memory_mb": "STYRGRAF_PDF_MAX_MEMORY_MB",
}


def _positive(variable: str, raw: str, *, integer: bool) -> float:
    try:
        value = int(raw) if integer else float(raw.replace(",", "."))
    except ValueError:
        value = 0
    if not value > 0:
        raise ValueError(f"{variable} måste vara ett positivt {'heltal' if integer else 'tal'}, inte {raw!r}")
    return value


class LimitExceeded(BaseException):
    """A read passed one of the limits (`name` is a ReadLimits field).

    A BaseException, not an Exception: pdfminer catches
    `Exception` in places to carry on past a broken object, and a limit must
    stop the read, not be carried on past.
    """

    def __init__(self, name: str, page: int | None = None) -> None:
        super().__init__(name, page)
        self.name = name
        self.page = page


def describe(name: str, limits: ReadLimits, page: int | None = None) -> tuple[str, str]:
    """(Swedish, English) reason for passing the limit `name`."""
    value = getattr(limits, name)
    shown = f"{value:,}".replace(",", "\u00a0") if isinstance(value, int) else f"{value:g}".replace(".", ",")
    setting = f"ändras med {ENVIRONMENT[name]}"
    setting_en = f"set with {ENVIRONMENT[name]}"
    on_page_sv = f"sidan {page} " if page else "den "
    on_page_en = f"page {page} " if page else "it "
    texts = {
        "decompressed_mb": (f"den överskrider gränsen för uppackad data per fil ({shown} MB; {setting})",
                            f"it exceeds the limit on decompressed data per file ({value:g} MB; {setting_en})"),
        "page_mb": (f"{on_page_sv}överskrider gränsen för uppackat innehåll per sida ({shown} MB; {setting})",
                    f"{on_page_en}exceeds the limit on decompressed content per page ({value:g} MB; {setting_en})"),
        "pages": (f"den överskrider gränsen för antal sidor ({shown} sidor; {setting})",
                  f"it exceeds the limit on pages ({value} pages; {setting_en})"),
        "page_chars": (f"{on_page_sv}överskrider gränsen för text per sida ({shown} tecken; {setting})",
                       f"{on_page_en}exceeds the limit on text per page ({value} characters; {setting_en})"),
        "seconds": (f"läsningen överskrider tidsgränsen per fil ({shown} s; {setting})",
                    f"reading it exceeds the time limit per file ({value:g} s; {setting_en})"),
        "memory_mb": (f"läsningen överskrider minnesgränsen ({shown} MB; {setting})",
                      f"reading it exceeds the memory limit ({value:g} MB; {setting_en})"),
    }
    return texts[name]
