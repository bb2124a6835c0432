"""PowerPoint and Word files built by the tests with python-pptx and python-docx; the real files in
../shared/data/office/ when that folder is present."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from conftest import SHARED, invoke

from brandlint import readers


def _deck(path, notes="Speaker notes are prose."):
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    deck.core_properties.keywords = "channel: sales"
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Why AcmeCloud"
    body = slide.placeholders[1].text_frame
    body.text = "First bullet."
    body.add_paragraph().text = "Our clients love it."
    slide.notes_slide.notes_text_frame.text = notes
    other = deck.slides.add_slide(deck.slide_layouts[6])
    box = other.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(1))
    box.name = "Claim Box"
    box.text_frame.text = "Talk to our clients."
    table = other.shapes.add_table(2, 2, Inches(1), Inches(3), Inches(4), Inches(1)).table
    table.cell(1, 1).text = "Login to the console."
    deck.save(path)


def test_pptx_locations(tmp_path, lint, rules):
    path = tmp_path / "deck.pptx"
    _deck(path)
    doc = readers.read(str(path), path.read_bytes())
    # python-pptx keeps its blank template's save date: read, and ignored when dating (brandlint/published.py)
    assert doc.meta == {"channel": "sales", "modified": dt.datetime(2013, 1, 27, 9, 15, 58)}
    assert [(b.kind, b.where, b.text) for b in doc.blocks] == [
        ("title", "slide 1:Title 1", "Why AcmeCloud"),
        ("list", "slide 1:Content Placeholder 2:paragraph 1", "First bullet."),
        ("list", "slide 1:Content Placeholder 2:paragraph 2", "Our clients love it."),
        ("notes", "slide 1:notes:paragraph 1", "Speaker notes are prose."),
        ("list", "slide 2:Claim Box", "Talk to our clients."),
        ("table", "slide 2:Table 2:row 2 cell 2", "Login to the console."),
    ]


def test_pptx_check_output_names_slide_and_shape(project):
    _deck(project / "deck.pptx")
    before = (project / "deck.pptx").read_bytes()
    result = invoke("check", "deck.pptx", "--select", "terminology", "--format", "concise", "--fix")
    assert result.exit_code == 0, result.output  # warnings only
    lines = result.output.splitlines()
    assert "deck.pptx:slide 1:Title 1: BL100 [warning] Use 'Acme Cloud' instead of 'AcmeCloud'." in lines
    assert "deck.pptx:slide 1:Content Placeholder 2:paragraph 2: BL100 [warning] Use 'customers' instead of 'clients'." in lines
    assert "deck.pptx:slide 2:Claim Box: BL100 [warning] Use 'customers' instead of 'clients'." in lines
    assert "deck.pptx:slide 2:Table 2:row 2 cell 2: BL100 [warning] Use 'Sign in to' instead of 'Login to'." in lines
    assert (project / "deck.pptx").read_bytes() == before, "--fix must never modify an Office file"


def test_docx_paragraphs_tables_headings_and_tracked_changes(tmp_path):
    import docx
    from docx.oxml.ns import qn
    from lxml import etree

    document = docx.Document()
    document.core_properties.category = "internal"
    document.add_heading("Pricing", level=1)
    document.add_paragraph("Plain prose here.")
    document.add_paragraph("A bullet item.", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 1).text = "Cell text."
    p = document.add_paragraph("Kept ")
    deleted = etree.SubElement(p._p, qn("w:del"))
    run = etree.SubElement(deleted, qn("w:r"))
    etree.SubElement(run, qn("w:delText")).text = "deleted words"
    inserted = etree.SubElement(p._p, qn("w:ins"))
    run = etree.SubElement(inserted, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = "inserted words"
    document.sections[0].footer.paragraphs[0].text = "Footer line."
    path = tmp_path / "one.docx"
    document.save(path)
    doc = readers.read(str(path), path.read_bytes())
    assert doc.meta == {"channel": "internal", "modified": dt.datetime(2013, 12, 23, 23, 15, tzinfo=dt.timezone.utc)}
    assert [(b.kind, b.where, b.text) for b in doc.blocks] == [
        ("heading", "paragraph 1", "Pricing"),
        ("prose", "paragraph 2 (under 'Pricing')", "Plain prose here."),
        ("list", "paragraph 3 (under 'Pricing')", "A bullet item."),
        ("table", "table 1 row 1 cell 2 (under 'Pricing')", "Cell text."),
        ("prose", "paragraph 4 (under 'Pricing')", "Kept inserted words"),
        ("list", "footer 1:paragraph 1", "Footer line."),
    ]


def test_broken_office_files_are_per_file_errors(project):
    (project / "truncated.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (project / "fake.pptx").write_text("I am text", encoding="utf-8")
    (project / "encrypted.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (project / "good.md").write_text("Our clients.\n", encoding="utf-8")
    result = invoke("check", ".", "--select", "terminology,tool", "--format", "concise")
    assert result.exit_code == 1
    out = result.output
    assert "encrypted.docx:1:1: BL001 [error] cannot lint this file: not a readable Word file: password-protected" in out
    assert "fake.pptx:1:1: BL001 [error] cannot lint this file: not a readable PowerPoint file (broken or truncated zip" in out
    assert "truncated.docx:1:1: BL001 [error]" in out
    assert "good.md:1:5: BL100 [warning]" in out


def test_zip_bomb_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<a/>")
        archive.writestr("ppt/big.xml", b"0" * (400 * 1024 * 1024))
    with pytest.raises(readers.ReadError, match="decompression bomb"):
        readers.read("bomb.pptx", buffer.getvalue())


def _lying_zip(declared: int) -> bytes:
    """A .docx-shaped zip whose one big member (120 MB of zeros, about 120 KB compressed) declares
    `declared` bytes uncompressed, in its local header and in the central directory."""
    import struct

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<a/>")
        archive.writestr("word/document.xml", b"0" * (120 * 1024 * 1024))
        local = archive.getinfo("word/document.xml").header_offset
    data = bytearray(buffer.getvalue())
    central = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02") + 1)  # the second entry of the directory
    struct.pack_into("<I", data, local + 22, declared)  # uncompressed size, local header
    struct.pack_into("<I", data, central + 24, declared)  # uncompressed size, central directory
    return bytes(data)


@pytest.mark.parametrize("declared,message", [
    (100, "not a readable Word file (zip member cannot be unpacked: BadZipFile: Bad CRC-32 for file "
          "'word/document.xml')"),
    (4_000_000_000, "refusing to unpack Word file: more than 33 MB uncompressed from 119 KB looks like a "
                    "decompression bomb"),
])
def test_zip_headers_that_lie_about_sizes_are_refused_in_bounded_memory(declared, message):
    """Issue 15: a zip member that inflates to 120 MB is refused holding a few MB whatever its headers
    claim. Declaring 100 bytes, the zip library stops there and the CRC fails; declaring 4 GB, the
    guard counts the bytes that actually come out and stops at the limit (a guard that trusted the
    declared sizes would pass the first, and a reader without the guard would hold 120 MB)."""
    import tracemalloc

    data = _lying_zip(declared)
    tracemalloc.start()
    try:
        with pytest.raises(readers.ReadError) as raised:
            readers.read("lies.docx", data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(raised.value) == message
    assert peak < 16 * 1024 * 1024, f"peak {peak / 2**20:.1f} MB while refusing"


def test_entities_are_not_expanded(tmp_path):
    """A real .docx whose body declares an entity and uses it: the reader must not expand it (an
    expanded entity can read local files or blow up memory)."""
    import docx

    path = tmp_path / "a.docx"
    document = docx.Document()
    document.add_paragraph("Before PLACEHOLDER after.")
    document.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    body = parts["word/document.xml"].decode("utf-8")
    declared = body.replace("<w:document ", '<!DOCTYPE w:document [<!ENTITY secret "EXPANDED-ENTITY">]><w:document ', 1)
    parts["word/document.xml"] = declared.replace("PLACEHOLDER", "&secret;").encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    try:
        doc = readers.read("a.docx", buffer.getvalue())
    except readers.ReadError:
        return  # refusing the file is safe too
    assert "EXPANDED-ENTITY" not in doc.source
    assert "Before" in doc.source


OFFICE = SHARED / "office"


@pytest.mark.skipif(not OFFICE.is_dir(), reason="../shared/data/office is not present")
def test_real_office_files_read_or_fail_cleanly():
    import csv

    manifest = {row["path"]: row for row in csv.DictReader(open(OFFICE / "MANIFEST.csv", encoding="utf-8"))}
    opened = failed = 0
    for path in sorted(OFFICE.rglob("*.*x")):
        relative = path.relative_to(OFFICE).as_posix()
        try:
            doc = readers.read(str(path), path.read_bytes())
            opened += 1
            assert relative.startswith(("pptx/", "docx/")), f"{relative} should not open"
            assert doc.blocks or manifest[relative]["words_in_text_frames_or_paragraphs"] == "0", relative
        except readers.ReadError:
            failed += 1
            assert relative.startswith("broken/"), f"{relative} should open"
    assert (opened, failed) == (56, 5)
