"""Opening sources: type sniffing, page reading and every kind of bad input."""
from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from styrgraf.ingest.sources import SUPPORTED_MEDIA_TYPES, RawPage, SourceError, open_source
from tests.ingest import badfiles


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- good files -------------------------------------------------------------

def test_supported_media_types():
    assert set(SUPPORTED_MEDIA_TYPES) == {"application/pdf", "text/plain"}


def test_pdf_opens_with_identity_and_pages(tmp_path):
    path = badfiles.good_pdf(tmp_path)
    source = open_source(path)
    assert source.media_type == "application/pdf"
    assert source.sha256 == _sha(path)
    assert source.size == path.stat().st_size
    assert source.page_count == 3
    assert source.preamble is None
    pages = list(source.pages())
    assert [p.number for p in pages] == [1, 2, 3]
    assert pages[0].lines == ["2012-02-22 KS 2011/0456", "Bakgrund", badfiles.SWEDISH, "Sida 1 av 3"]
    assert pages[1] == RawPage(number=2, lines=[])  # an empty page stays a page
    assert pages[2].lines[0] == "2012-02-22 Bilaga 1."


def test_pdf_pages_can_be_read_twice(tmp_path):
    source = open_source(badfiles.good_pdf(tmp_path))
    assert list(source.pages()) == list(source.pages())


def test_pdf_with_only_an_owner_password_opens(tmp_path):
    """Editing restrictions (an empty user password) do not stop reading; see test_pdf_limits too."""
    pages = list(open_source(badfiles.encrypted_pdf_owner_only(tmp_path)).pages())
    assert pages == [RawPage(number=1, lines=[badfiles.SWEDISH])]


def test_pdf_named_txt_is_read_as_pdf(tmp_path):
    path = badfiles.write(tmp_path, "egentligen-pdf.txt", badfiles.pdf_bytes([["Hej", "världen"]]))
    source = open_source(path)
    assert source.media_type == "application/pdf"
    assert [p.lines for p in source.pages()] == [["Hej", "världen"]]


def test_text_export_has_preamble_and_one_page_per_paragraph(tmp_path):
    path = badfiles.text_export(tmp_path)
    source = open_source(path)
    assert source.media_type == "text/plain"
    assert source.sha256 == _sha(path)
    assert source.size == path.stat().st_size
    assert source.page_count == 2
    assert source.preamble == "PROJEKTPLAN FÖR NÅGOT\n\n\n\nRelevanta dokument\nEn annan kommuns strategi\n\n"
    assert list(source.pages()) == [
        RawPage(1, ["2012-01-01 KS 2012/0001 Första sidan. 1"]),
        RawPage(2, ["2012-01-01 Bilaga 1. Andra sidan med å, ä och ö."]),
    ]


def test_text_with_form_feeds_is_paged(tmp_path):
    source = open_source(badfiles.form_feed_text(tmp_path))
    assert source.preamble is None
    assert source.page_count == 4  # the trailing form feed does not make a fifth page
    assert [p.lines for p in source.pages()] == [["Sida ett rad 1", "rad 2"], ["Sida två"], [], ["Sida fyra"]]


def test_text_without_form_feed_is_one_page(tmp_path):
    path = badfiles.write(tmp_path, "en.txt", "Rad ett\r\nRad två\r\n".encode("utf-8"))
    source = open_source(path)
    assert source.page_count == 1
    assert list(source.pages()) == [RawPage(1, ["Rad ett", "Rad två"])]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_text_with_bom_is_decoded(tmp_path, encoding):
    data = ("Rad ett\n" + badfiles.SWEDISH).encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # these codecs write no BOM: add it
        data = ("\ufeff" + "Rad ett\n" + badfiles.SWEDISH).encode(encoding)
    source = open_source(badfiles.write(tmp_path, "bom.txt", data))
    assert [p.lines for p in source.pages()] == [["Rad ett", badfiles.SWEDISH]]


def test_seed_opens_as_text_export():
    seed = Path(__file__).resolve().parents[2] / "corpus" / "000_5a26368617003b47.txt"
    source = open_source(seed)
    assert source.media_type == "text/plain"
    assert source.page_count == 18
    assert source.preamble is not None and "Relevanta dokument" in source.preamble
    assert "Transkript:" not in source.preamble
    assert all(len(page.lines) == 1 for page in source.pages())


# --- bad files ----------------------------------------------------------------

BAD: list[tuple[Callable[[Path], Path], str, str]] = [
    # (builder, code, a word the Swedish reason must contain)
    (badfiles.empty, "empty", "tom"),
    (badfiles.whitespace_only, "empty", "blanktecken"),
    (badfiles.text_named_pdf, "not-pdf", "textfil"),
    (badfiles.html_named_pdf, "not-pdf", "HTML"),
    (badfiles.zip_named_pdf, "not-pdf", "ZIP"),
    (badfiles.png_named_txt, "unsupported-type", "PNG"),
    (badfiles.binary_junk, "unsupported-type", "binärdata"),
    (badfiles.truncated_pdf, "corrupt-pdf", "avkortad"),
    (badfiles.truncated_pdf_with_eof, "corrupt-pdf", "skadad"),
    (badfiles.corrupt_pdf, "corrupt-pdf", "skadad"),
    (badfiles.encrypted_pdf, "encrypted-pdf", "krypterad"),
    (badfiles.encrypted_pdf_aes_user, "encrypted-pdf", "lösenord"),
    (badfiles.scanned_pdf, "no-text-layer", "textlager"),
    (badfiles.windows_1252_text, "bad-encoding", "Windows-1252"),
    (badfiles.dos_text, "bad-encoding", "DOS"),
    (badfiles.nul_text, "bad-encoding", "NUL"),
    (badfiles.utf16_without_bom, "bad-encoding", "UTF-16 utan BOM"),
    (badfiles.utf32_text, "bad-encoding", "UTF-32"),
]


@pytest.mark.parametrize(("build", "code", "word"), BAD, ids=[b.__name__ for b, _, _ in BAD])
def test_bad_file_raises_source_error(tmp_path, build, code, word):
    path = build(tmp_path)
    with pytest.raises(SourceError) as info:
        open_source(path)
    err = info.value
    assert err.code == code
    assert err.path == path
    message = str(err)
    assert path.name in message
    assert word in message
    assert "\n" not in message
    assert err.reason in message and err.reason_en


def test_windows_1252_error_names_the_line(tmp_path):
    with pytest.raises(SourceError) as info:
        open_source(badfiles.windows_1252_text(tmp_path))
    assert "rad 2" in str(info.value)  # the first line is plain ASCII


def test_too_large(tmp_path):
    path = badfiles.good_pdf(tmp_path)
    with pytest.raises(SourceError) as info:
        open_source(path, max_bytes=path.stat().st_size - 1)
    assert info.value.code == "too-large"
    assert path.name in str(info.value)
    assert open_source(path, max_bytes=path.stat().st_size).page_count == 3


def test_missing_file(tmp_path):
    with pytest.raises(SourceError) as info:
        open_source(tmp_path / "finns-inte.pdf")
    assert info.value.code == "unreadable"
    assert "finns-inte.pdf" in str(info.value)


def test_directory_is_refused(tmp_path):
    with pytest.raises(SourceError) as info:
        open_source(tmp_path)
    assert info.value.code == "unreadable"


def test_text_export_without_pages_is_empty(tmp_path):
    path = badfiles.write(tmp_path, "tom-export.txt", "Titel\n\nRelevanta dokument\n\nTranskript:\n\n\n".encode())
    with pytest.raises(SourceError) as info:
        open_source(path)
    assert info.value.code == "empty"


def _mangled_pdfs() -> list[bytes]:
    """Damaged variants of a real PDF: cut, overwritten and shuffled bytes."""
    rng = random.Random(11)
    good = badfiles.pdf_bytes([[badfiles.SWEDISH, "Rad två"], ["Sida två"]])
    variants = [good[:n] + b"\n%%EOF\n" for n in (20, 200, len(good) // 3, len(good) - 40)]
    for _ in range(12):
        data = bytearray(good)
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(9, len(data) - 8)] = rng.randrange(256)
        variants.append(bytes(data))
    variants.append(b"%PDF-1.7\n%%EOF\n")
    variants.append(b"%PDF-" + bytes(range(256)) + b"%%EOF")
    return variants


MANGLED = _mangled_pdfs()


@pytest.mark.parametrize("index", range(len(MANGLED)))
def test_damaged_pdf_raises_only_source_error(tmp_path, index):
    data = MANGLED[index]
    path = badfiles.write(tmp_path, f"skadad-{index}.pdf", data)
    try:
        source = open_source(path)
        pages = list(source.pages())
    except SourceError as err:
        assert err.code in {"corrupt-pdf", "no-text-layer", "encrypted-pdf"}
        assert path.name in str(err)
    else:  # a harmless flip (e.g. inside text) may leave a readable PDF
        assert len(pages) == source.page_count
