"""PDF sources.

`open` checks that the file is complete (ends with `%%EOF`), then reads every
page's text in a process of its own (`pdf_reader`, PDFium; forked by a warm
starter, `pdf_reader_starter`, so that it need not import PDFium first) bounded by the
`ReadLimits`: at most `memory_mb` of address space, killed past `seconds`, and
stopping itself at the other limits. A PDF that only restricts editing (an
empty user password) is read; one that needs a password to open is refused.
Reading stops, and the file is refused, as soon as the read is abandoned
(`ingest.abandon`: an upload whose client went away).

The pages' text is kept for `SourceFile.pages()`: it is small next to what
reading the PDF takes, and the file is read once, not once to check and once to
extract.
"""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from styrgraf.ingest.abandon import ABANDONED_EN, ABANDONED_SV, abandoned
from styrgraf.ingest.formats.pdf_reader_starter import ReadingProcess, Starter, interrupts_held
from styrgraf.ingest.limits import ReadLimits, describe
from styrgraf.ingest.sources import RawPage, SourceError, SourceFile

MEDIA_TYPE = "application/pdf"

_HEADER_WINDOW = 1024  # the PDF spec lets the header start within the first 1024 bytes
_EOF_WINDOW = 2048  # `%%EOF` near the end; some producers append a little junk
_POLL_SECONDS = 0.1  # how soon an abandoned read is noticed
_READER = (sys.executable, "-m", "styrgraf.ingest.formats.pdf_reader")
_STARTER = Starter(list(_READER))


def prepare() -> None:
    """Make PDF reading ready ahead of the first file (`Starter.prepare`)."""
    try:
        _STARTER.prepare()
    except OSError:  # no process to be had now: the first file starts one, or says why it cannot
        pass


def sniff(head: bytes) -> bool:
    return b"%PDF-" in head[:_HEADER_WINDOW]


def open(path: Path, sha256: str, size: int, head: bytes = b"",  # noqa: A001 - plug-in API
         limits: ReadLimits | None = None) -> SourceFile:
    _check_complete(path, size)
    pages = [RawPage(number=n, lines=lines) for n, lines in enumerate(_read(path, limits or _env_limits(path)), 1)]
    return SourceFile(path=path, sha256=sha256, size=size, media_type=MEDIA_TYPE,
                      preamble=None, page_count=len(pages), _read_pages=lambda: iter(pages))


def corrupt(path: Path, sv: str, en: str) -> SourceError:
    return SourceError(path, "corrupt-pdf", f"PDF-filen är skadad: {sv}", f"the PDF is corrupt: {en}")


def encrypted(path: Path) -> SourceError:
    return SourceError(path, "encrypted-pdf",
                       "PDF-filen är krypterad eller lösenordsskyddad; spara en oskyddad kopia och försök igen",
                       "the PDF is encrypted or password protected; save an unprotected copy and retry")


def limit_exceeded(path: Path, name: str, limits: ReadLimits, page: int | None = None) -> SourceError:
    sv, en = describe(name, limits, page)
    return SourceError(path, "limit-exceeded", sv, en)


def _env_limits(path: Path) -> ReadLimits:
    try:
        return ReadLimits.from_env()
    except ValueError as err:
        raise SourceError(path, "bad-setting", f"inställningen är ogiltig: {err}", f"invalid setting: {err}") from None


def _check_complete(path: Path, size: int) -> None:
    with path.open("rb") as fh:
        fh.seek(max(0, size - _EOF_WINDOW))
        tail = fh.read()
    if b"%%EOF" not in tail:
        raise corrupt(path, "den är avkortad (slutmarkeringen %%EOF saknas), kanske en avbruten nedladdning",
                      "it is truncated (no %%EOF marker), perhaps an interrupted download")


def _read(path: Path, limits: ReadLimits) -> list[list[str]]:
    """Every page's lines, from the reading process; raises SourceError."""
    args = [str(path.resolve()), json.dumps(limits.to_dict())]
    try:
        child = _STARTER.start(args)
    except OSError:  # no warm starter (e.g. out of processes for a moment): a reading process of its own
        with interrupts_held():
            child = subprocess.Popen([*_READER, *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
    out, err = _wait(path, child, limits)
    try:
        answer = json.loads(out)
    except ValueError:
        # PDFium aborts the process when an allocation fails (Python raises MemoryError instead).
        if b"MemoryError" in err or child.returncode == -signal.SIGABRT:
            raise limit_exceeded(path, "memory_mb", limits) from None
        raise corrupt(path, "den går inte att tolka",
                      f"it cannot be parsed (the reader ended with {child.returncode}: "
                      f"{err.decode(errors='replace')[-300:]})") from None
    if "error" in answer:
        error = answer["error"]
        if error["code"] == "limit-exceeded":
            raise limit_exceeded(path, error["limit"], limits, error.get("page"))
        raise SourceError(path, error["code"], error["reason"], error["reason_en"])
    return answer["pages"]


def _wait(path: Path, child: subprocess.Popen | ReadingProcess, limits: ReadLimits) -> tuple[bytes, bytes]:
    """The child's output; it is killed past the time limit or once the read is abandoned."""
    deadline = time.monotonic() + limits.seconds
    while True:
        try:
            output = child.communicate(timeout=_POLL_SECONDS)
        except subprocess.TimeoutExpired:
            if abandoned():
                _kill(child)
                raise _abandoned(path) from None
            if time.monotonic() > deadline:
                _kill(child)
                raise limit_exceeded(path, "seconds", limits) from None
        else:
            if abandoned():  # finished just now: still nobody to give the text to
                raise _abandoned(path)
            return output


def _abandoned(path: Path) -> SourceError:
    return SourceError(path, "abandoned", ABANDONED_SV, ABANDONED_EN)


def _kill(child: subprocess.Popen | ReadingProcess) -> None:
    child.kill()
    child.communicate()
