"""Opening a source file: sniff its type by content and read its pages.

A source is either a PDF or a plain-text file (possibly a text export of a PDF
with a preamble before a `Transkript:` line). Each format is a plug-in module
in `ingest.formats` with `MEDIA_TYPE`, `sniff(head) -> bool` and
`open(path, sha256, size, head) -> SourceFile`. The type is decided by the
bytes, never by the file name, so a PDF named `.txt` is still read as a PDF.

Any input that cannot be ingested raises `SourceError` (and nothing else), with
a Swedish one-line message for staff and a code for programs.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from styrgraf.ingest.limits import ReadLimits

HEAD_BYTES = 8192  # enough for every magic number and a text sample
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
SUPPORTED_MEDIA_TYPES: tuple[str, ...] = ("application/pdf", "text/plain")

# Binary formats we can name when someone uploads one by mistake:
# (magic bytes at offset 0, Swedish name, English name).
_KNOWN_BINARIES: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "en PNG-bild", "a PNG image"),
    (b"\xff\xd8\xff", "en JPEG-bild", "a JPEG image"),
    (b"GIF87a", "en GIF-bild", "a GIF image"),
    (b"GIF89a", "en GIF-bild", "a GIF image"),
    (b"II*\x00", "en TIFF-bild", "a TIFF image"),
    (b"MM\x00*", "en TIFF-bild", "a TIFF image"),
    (b"PK\x03\x04", "ett ZIP-arkiv (t.ex. en Word- eller Excel-fil, .docx/.xlsx)",
     "a ZIP archive (e.g. a .docx/.xlsx file)"),
    (b"PK\x05\x06", "ett tomt ZIP-arkiv", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ett äldre Office-dokument (.doc/.xls)",
     "a legacy Office document (.doc/.xls)"),
    (b"{\\rtf", "ett RTF-dokument", "an RTF document"),
    (b"\x1f\x8b", "ett gzip-arkiv", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "ett 7z-arkiv", "a 7z archive"),
    (b"Rar!\x1a\x07", "ett RAR-arkiv", "a RAR archive"),
    (b"\x7fELF", "en körbar fil (ELF)", "an ELF executable"),
)


class SourceError(Exception):
    """A file that cannot be ingested.

    `str(err)` is one Swedish line naming the file and the reason; `code` is a
    stable machine-readable key ("empty", "not-pdf", "corrupt-pdf",
    "encrypted-pdf", "no-text-layer", "bad-encoding", "unsupported-type",
    "too-large", "unreadable", "limit-exceeded" (a PDF past one of the
    `ingest.limits.ReadLimits`), "abandoned" (the read was abandoned: nobody
    waits for it), "bad-setting" (a `STYRGRAF_PDF_*` variable is invalid)).
    """

    def __init__(self, path: Path, code: str, reason: str, reason_en: str) -> None:
        self.path = Path(path)
        self.code = code
        self.reason = reason
        self.reason_en = reason_en
        self.name = _display_name(self.path)
        super().__init__(f"Filen {self.name} kan inte läsas in: {reason}")


def _display_name(path: Path) -> str:
    # File names come from uploads: keep the message on one printable line.
    name = path.name or str(path)
    return "".join(ch if ch.isprintable() else "?" for ch in name)


@dataclass
class RawPage:
    number: int  # 1-based
    lines: list[str]  # text lines in reading order (running header first if any)


@dataclass
class SourceFile:
    """An opened source: identity, type and a way to stream its pages."""

    path: Path
    sha256: str
    size: int
    media_type: str  # one of SUPPORTED_MEDIA_TYPES
    preamble: str | None  # text export only: everything before the `Transkript:` line
    page_count: int
    _read_pages: Callable[[], Iterator[RawPage]] = field(repr=False, compare=False, default=lambda: iter(()))

    def pages(self) -> Iterator[RawPage]:
        """The pages in order; each call starts a fresh pass over the file."""
        return self._read_pages()


def _formats() -> tuple[ModuleType, ...]:
    # Imported here because the format modules import the types above.
    from styrgraf.ingest.formats import pdf, text

    return (pdf, text)


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def known_binary(head: bytes) -> tuple[str, str] | None:
    """(Swedish, English) name of a recognised non-text, non-PDF format, if any."""
    for magic, sv, en in _KNOWN_BINARIES:
        if head.startswith(magic):
            return sv, en
    return None


def _what_it_looks_like(head: bytes, text_format: ModuleType) -> tuple[str, str]:
    named = known_binary(head)
    if named:
        return named
    if text_format.sniff(head):
        start = head.lstrip().lower()
        if start.startswith((b"<!doctype html", b"<html")):
            return "en HTML-sida (kanske en felsida från en webbplats)", "an HTML page (perhaps a web error page)"
        return "en textfil", "a text file"
    return "okänd binärdata", "unknown binary data"


@dataclass(frozen=True)
class Identified:
    """A file whose type is known from its content, not yet read."""

    path: Path
    format: ModuleType  # the plug-in in `ingest.formats` that reads it
    sha256: str
    size: int
    head: bytes


def identify_source(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Identified:
    """Check size and type of `path` without reading it as a document; raises SourceError.

    Cheap (one pass to hash the file): lets a caller refuse a wrong type or an
    oversized file before it starts the real, bounded read.
    """
    path = Path(path)
    try:
        if not path.is_file():
            raise SourceError(path, "unreadable", "filen finns inte eller är ingen vanlig fil",
                              "the file does not exist or is not a regular file")
        size = os.stat(path).st_size
        if size == 0:
            raise SourceError(path, "empty", "filen är tom (0 byte)", "the file is empty (0 bytes)")
        if size > max_bytes:
            raise SourceError(
                path, "too-large",
                f"filen är för stor ({_mb(size)}; högst {_mb(max_bytes)} tillåts)",
                f"the file is too large ({size} bytes; at most {max_bytes} allowed)",
            )
        with open(path, "rb") as fh:
            head = fh.read(HEAD_BYTES)
        sha256 = _hash_file(path)
    except OSError as err:
        raise SourceError(path, "unreadable", f"filen kunde inte läsas ({err.strerror or err})",
                          f"the file could not be read ({err})") from err

    pdf_format, text_format = _formats()
    named_pdf = path.suffix.lower() == ".pdf"
    if pdf_format.sniff(head):
        return Identified(path, pdf_format, sha256, size, head)
    binary = known_binary(head)
    if binary is None and text_format.sniff(head) and not named_pdf:
        return Identified(path, text_format, sha256, size, head)

    sv, en = binary or _what_it_looks_like(head, text_format)
    if named_pdf:
        raise SourceError(path, "not-pdf", f"filen heter .pdf men är ingen PDF; den ser ut som {sv}",
                          f"the file is named .pdf but is not a PDF; it looks like {en}")
    raise SourceError(
        path, "unsupported-type",
        f"filtypen stöds inte: filen ser ut som {sv} (endast PDF och text kan läsas in)",
        f"unsupported file type: it looks like {en} (only PDF and text are supported)",
    )


def open_source(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, limits: ReadLimits | None = None) -> SourceFile:
    """Open `path`, deciding its type from its content; raises SourceError.

    A PDF is read within `limits` (default: `ReadLimits.from_env()`).
    """
    found = identify_source(path, max_bytes=max_bytes)
    if found.format.MEDIA_TYPE == "application/pdf":
        return found.format.open(found.path, found.sha256, found.size, found.head, limits=limits)
    return found.format.open(found.path, found.sha256, found.size, found.head)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB".replace(".", ",")
