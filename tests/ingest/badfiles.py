"""Builders for source files, good and bad, written into a test's tmp dir.

Every file is made by code (fpdf2, pikepdf, Pillow) so the tests do not depend
on binary fixtures checked into the repository.
"""
from __future__ import annotations

import io
import random
import struct
import zlib
from datetime import datetime, timezone
from pathlib import Path

import pikepdf
from fpdf import FPDF
from PIL import Image

FIXED_DATE = datetime(2012, 1, 1, tzinfo=timezone.utc)  # builds are byte-comparable
SWEDISH = "Översyn av kommunens näringslivsarbete: Åsa Ängström och Örjan Nyström."


def pdf_bytes(pages: list[list[str]], *, owner_password: str | None = None,
              user_password: str | None = None) -> bytes:
    """A text PDF, one list of lines per page (an empty list is an empty page)."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_auto_page_break(False)
    for lines in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    if owner_password is not None:
        pdf.set_encryption(owner_password=owner_password, user_password=user_password)
    return bytes(pdf.output())


def png_bytes(width: int = 4, height: int = 4) -> bytes:
    """A minimal valid grey PNG, built by hand (no image library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes([128] * width) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def write(directory: Path, name: str, data: bytes) -> Path:
    path = directory / name
    path.write_bytes(data)
    return path


# --- good files -------------------------------------------------------------

def good_pdf(directory: Path, name: str = "plan.pdf") -> Path:
    return write(directory, name, pdf_bytes([
        ["2012-02-22 KS 2011/0456", "Bakgrund", SWEDISH, "Sida 1 av 3"],
        [],  # a page whose text comes out empty
        ["2012-02-22 Bilaga 1.", "Tidplan", "Sida 3 av 3"],
    ]))


def text_export(directory: Path, name: str = "export.txt") -> Path:
    text = ("PROJEKTPLAN FÖR NÅGOT\n\n\n\nRelevanta dokument\nEn annan kommuns strategi\n\n"
            "Transkript:\n\n2012-01-01 KS 2012/0001 Första sidan. 1\n\n"
            "2012-01-01 Bilaga 1. Andra sidan med å, ä och ö.\n")
    return write(directory, name, text.encode("utf-8"))


def form_feed_text(directory: Path, name: str = "sidor.txt") -> Path:
    text = "Sida ett rad 1\nrad 2\n\fSida två\n\f\n\fSida fyra\n\f"
    return write(directory, name, text.encode("utf-8"))


# --- bad files ----------------------------------------------------------------

def empty(directory: Path) -> Path:
    return write(directory, "tom.txt", b"")


def whitespace_only(directory: Path) -> Path:
    return write(directory, "blank.txt", b" \n\n\t\n")


def text_named_pdf(directory: Path) -> Path:
    return write(directory, "rapport.pdf", SWEDISH.encode("utf-8"))


def html_named_pdf(directory: Path) -> Path:
    return write(directory, "hämtad.pdf", b"<!DOCTYPE html><html><body>404 Not Found</body></html>")


def png_named_txt(directory: Path) -> Path:
    return write(directory, "bild.txt", png_bytes())


def zip_named_pdf(directory: Path) -> Path:
    return write(directory, "protokoll.pdf", b"PK\x03\x04" + bytes(range(256)) * 4)


def binary_junk(directory: Path) -> Path:
    return write(directory, "data.bin", random.Random(7).randbytes(4096))


def truncated_pdf(directory: Path) -> Path:
    data = pdf_bytes([[SWEDISH]] * 3)
    return write(directory, "avkortad.pdf", data[: len(data) // 2])


def truncated_pdf_with_eof(directory: Path) -> Path:
    """Half a PDF that still ends with %%EOF: only the parser can tell."""
    data = pdf_bytes([[SWEDISH]] * 3)
    return write(directory, "halv.pdf", data[: len(data) // 2] + b"\n%%EOF\n")


def corrupt_pdf(directory: Path) -> Path:
    junk = random.Random(3).randbytes(4000)
    return write(directory, "skadad.pdf", b"%PDF-1.4\n" + junk + b"\n%%EOF\n")


def encrypted_pdf(directory: Path) -> Path:
    """Needs a password to open (fpdf2, RC4)."""
    return write(directory, "hemlig.pdf", pdf_bytes([[SWEDISH]], owner_password="ägare", user_password="hemligt"))


def encrypted_pdf_owner_only(directory: Path) -> Path:
    """Opens without a password but has an encryption dictionary (pikepdf, AES)."""
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf_bytes([[SWEDISH]]))) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(user="", owner="ägare", R=6))
    return write(directory, "skyddad.pdf", out.getvalue())


def encrypted_pdf_aes_user(directory: Path) -> Path:
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf_bytes([[SWEDISH]]))) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(user="hemligt", owner="ägare", R=6))
    return write(directory, "aes.pdf", out.getvalue())


def scanned_pdf(directory: Path) -> Path:
    """Two pages, one image and one vector drawing, and no text at all."""
    image = Image.new("L", (120, 160), color=230)
    for x in range(10, 110):
        image.putpixel((x, 40), 0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.add_page()
    pdf.image(buffer, x=10, y=10, w=180)
    pdf.add_page()
    pdf.rect(20, 20, 100, 50)
    pdf.line(20, 100, 180, 100)
    return write(directory, "skannad.pdf", bytes(pdf.output()))


def windows_1252_text(directory: Path) -> Path:
    return write(directory, "ansi.txt", ("Rad ett\n" + SWEDISH + "\n").encode("cp1252"))


def dos_text(directory: Path) -> Path:
    return write(directory, "dos.txt", (SWEDISH * 3).encode("cp850"))


def nul_text(directory: Path) -> Path:
    return write(directory, "nul.txt", "Rad ett\nRad två\x00 med NUL\n".encode("utf-8"))


def utf16_without_bom(directory: Path) -> Path:
    return write(directory, "utf16.txt", (SWEDISH * 4).encode("utf-16-le"))


def utf32_text(directory: Path) -> Path:
    return write(directory, "utf32.txt", SWEDISH.encode("utf-32"))
