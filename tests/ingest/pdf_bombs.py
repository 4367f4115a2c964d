"""Hostile PDFs, built by code: small files that inflate to a lot, or take long to interpret.

Written by hand (a few objects and an xref table) so that the inflated content
is never in the test's memory: it is compressed a megabyte at a time.
"""
from __future__ import annotations

import io
import zlib
from pathlib import Path

import pikepdf

MB = 1024 * 1024
TEXT = b"BT /F1 12 Tf 72 720 Td (Projektplan for ett hostilt test) Tj ET\n"


def deflated(unit: bytes, total: int, prefix: bytes = TEXT) -> bytes:
    """`prefix` then `unit` repeated up to `total` bytes, Flate-compressed piece by piece."""
    packer = zlib.compressobj(9)
    parts = [packer.compress(prefix)]
    block = unit * (MB // len(unit))
    written = 0
    while written < total:
        piece = block[: total - written]
        parts.append(packer.compress(piece))
        written += len(piece)
    parts.append(packer.flush())
    return b"".join(parts)


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_with_contents(contents: list[bytes], xobjects: str = "", extra: list[bytes] = (),
                      flate: bool = True, font: bytes = HELVETICA) -> bytes:
    """A PDF with one page per (Flate-compressed) content stream, in Helvetica.

    `xobjects` goes into every page's resources as the XObject dictionary; the
    `extra` objects follow the pages (numbered from 4 + 2 * pages); `font` is
    object 3, the font F1.
    """
    count = len(contents)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        font,
    ]
    resources = f"/Font << /F1 3 0 R >>" + (f" /XObject << {xobjects} >>" if xobjects else "")
    for i, stream in enumerate(contents):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {5 + 2 * i} 0 R "
                       f"/Resources << {resources} >> >>".encode())
        objects.append(f"<< /Length {len(stream)}{' /Filter /FlateDecode' if flate else ''} >>\nstream\n".encode()
                       + stream + b"\nendstream")
    objects.extend(extra)
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def spaces_bomb(directory: Path, mb: int = 400) -> Path:
    """One page whose content inflates to `mb` MB of spaces (about 400 KB on disk)."""
    path = directory / "mellanslag.pdf"
    path.write_bytes(pdf_with_contents([deflated(b" ", mb * MB)]))
    return path


def operator_bomb(directory: Path, mb: int = 10, name: str = "operatorer.pdf") -> Path:
    """One page of `mb` MB of `q Q` (save and restore the graphics state): slow to interpret."""
    path = directory / name
    path.write_bytes(pdf_with_contents([deflated(b"q Q ", mb * MB)]))
    return path


def nested_forms(directory: Path, depth: int, fan: int = 10, name: str = "formular.pdf") -> Path:
    """A page that draws a form that draws the next one `fan` times, `depth` levels down: about 2 KB on
    disk, `fan ** depth` forms of `q Q` to interpret (PDFium takes seconds at depth 5, minutes at 7)."""
    first = 6  # the object number of the innermost form
    forms = []
    for level in range(depth + 1):
        body = b"q Q " * 64 if level == 0 else b"/X Do " * fan
        resources = "" if level == 0 else f" /Resources << /XObject << /X {first + level - 1} 0 R >> >>"
        forms.append(f"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842]{resources} /Length {len(body)} >>"
                     f"\nstream\n".encode() + body + b"\nendstream")
    path = directory / name
    path.write_bytes(pdf_with_contents([TEXT + b"/X Do\n"], xobjects=f"/X {first + depth} 0 R", extra=forms,
                                       flate=False))
    return path


def font_bomb(directory: Path, mb: int) -> Path:
    """A page in a TrueType font whose embedded program inflates to `mb` MB of spaces."""
    program = deflated(b" ", mb * MB, prefix=b"")
    font = (b"<< /Type /Font /Subtype /TrueType /BaseFont /Helvetica /FirstChar 32 /LastChar 126 "
            b"/Encoding /WinAnsiEncoding /FontDescriptor 6 0 R >>")
    extra = [b"<< /Type /FontDescriptor /FontName /Helvetica /Flags 32 /FontBBox [0 0 1000 1000] "
             b"/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>",
             f"<< /Length {len(program)} /Filter /FlateDecode >>\nstream\n".encode() + program + b"\nendstream"]
    path = directory / "typsnitt.pdf"
    path.write_bytes(pdf_with_contents([zlib.compress(TEXT)], extra=extra, font=font))
    return path


def many_pages(directory: Path, pages: int) -> Path:
    path = directory / "sidor.pdf"
    path.write_bytes(pdf_with_contents([zlib.compress(TEXT)] * pages))
    return path


def wordy_page(directory: Path, chars: int) -> Path:
    """One page whose text is `chars` characters (short lines of letters)."""
    line = b"(" + b"a" * 99 + b") Tj T* "
    path = directory / "ordrik.pdf"
    path.write_bytes(pdf_with_contents([deflated(line, (chars // 99 + 1) * len(line),
                                                 prefix=b"BT /F1 1 Tf 1 TL 0 800 Td ")]))
    return path


def slow_plan(source: Path, directory: Path, operators_mb: int, depth: int = 5) -> Path:
    """The PDF at `source` with one more page that reads slowly: a real plan that takes seconds to read.

    The page draws forms nested `depth` levels deep, each drawing the next ten times, the innermost
    `q Q` operators, `operators_mb` MB of them drawn in all (what the page limit counts): PDFium
    interprets a hundred thousand forms in a second or two.
    """
    path = directory / "langsam-plan.pdf"
    leaf = b"q Q " * max(1, operators_mb * MB // (4 * 10 ** depth))
    with pikepdf.open(source) as pdf:
        form = None
        for level in range(depth + 1):
            body = leaf if form is None else b"/X Do " * 10
            form_stream = pikepdf.Stream(pdf, body)
            form_stream.Type, form_stream.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
            form_stream.BBox = [0, 0, 595, 842]
            if form is not None:
                form_stream.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(X=form))
            form = form_stream
        page = pikepdf.Page(pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842]))
        pdf.pages.append(page)
        pdf.pages[-1].obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(X=form))
        pdf.pages[-1].obj.Contents = pikepdf.Stream(pdf, b"/X Do")
        pdf.save(path)
    return path


def owner_restricted(pdf: bytes, directory: Path, name: str = "begransad.pdf", **encryption) -> Path:
    """`pdf` with editing and copying restrictions but an empty user password (opens without one)."""
    path = directory / name
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as document:
        document.save(out, encryption=pikepdf.Encryption(
            owner="ägare", user="", allow=pikepdf.Permissions(extract=False, modify_other=False), **encryption))
    path.write_bytes(out.getvalue())
    return path
