"""PowerPoint and Word, read-only. Each paragraph becomes one line of a synthetic source, so line and
column still mean something; each block's `where` names the slide and shape, or the paragraph and
nearest heading. Zip size is checked before anything is unpacked; the XML parsers of python-pptx
and python-docx do not resolve entities."""

from __future__ import annotations

import io
import re
import zipfile

from brandlint.model import Block, Document

MAX_UNZIPPED = 300 * 1024 * 1024
MAX_RATIO = 200
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class OfficeError(Exception):
    pass


def _check_zip(data: bytes, what: str) -> None:
    if data.startswith(OLE_MAGIC):
        raise OfficeError(f"not a readable {what}: password-protected or legacy binary Office format; "
                          "save it unencrypted as .pptx/.docx")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise OfficeError(f"not a readable {what} (broken or truncated zip: {exc})") from None
    # Count the bytes that actually come out, not the sizes the headers declare (they can lie).
    limit = min(MAX_UNZIPPED, MAX_RATIO * max(len(data), 1) + 10 * 1024 * 1024)
    total = 0
    try:
        for info in infos:
            with archive.open(info) as member:
                while chunk := member.read(1 << 20):
                    total += len(chunk)
                    if total > limit:
                        raise OfficeError(f"refusing to unpack {what}: more than {limit // 2**20} MB uncompressed "
                                          f"from {len(data) // 1024} KB looks like a decompression bomb")
    except OfficeError:
        raise
    except Exception as exc:  # unsupported compression or version, bad CRC, encrypted member, truncated data
        raise OfficeError(f"not a readable {what} (zip member cannot be unpacked: {type(exc).__name__}: {exc})") from None


class _Lines:
    """Collect paragraphs into a synthetic source, one per line."""

    def __init__(self):
        self.parts: list[str] = []
        self.blocks: list[Block] = []
        self.size = 0

    def add(self, text: str, kind: str, where: str) -> None:
        text = re.sub(r"[\r\n\v\x0b]+", " ", text).rstrip()
        if not text.strip():
            return
        self.blocks.append(Block(text, self.size, kind, where))
        self.parts.append(text + "\n")
        self.size += len(text) + 1

    def document(self, path: str, fmt: str, meta: dict) -> Document:
        return Document(path, "".join(self.parts), tuple(self.blocks), fmt, meta, "utf-8", editable=False)


def _properties(core) -> dict:
    """The channel named in the keywords or category, and the date the file was last saved (whether
    that date says when the copy was written is for brandlint/published.py to decide)."""
    meta = {}
    for value in (getattr(core, "keywords", "") or "", getattr(core, "category", "") or ""):
        m = re.search(r"\b(?:channel\s*[:=]\s*)?(internal|external|sales)\b", value, re.I)
        if m:
            meta["channel"] = m.group(1).lower()
            break
    try:
        modified = core.modified
    except (ValueError, TypeError):  # a date the library cannot parse is no date
        modified = None
    if modified is not None:
        meta["modified"] = modified
    return meta


def _open(opener, data: bytes, what: str):
    _check_zip(data, what)
    try:
        return opener(io.BytesIO(data))
    except Exception as exc:  # the libraries raise many kinds on broken files; each is a per-file error
        raise OfficeError(f"not a readable {what}: {type(exc).__name__}: {exc}") from None


def read_pptx(path: str, data: bytes) -> Document:
    from pptx import Presentation

    deck = _open(Presentation, data, "PowerPoint file")
    lines = _Lines()
    try:
        for number, slide in enumerate(deck.slides, start=1):
            for shape in slide.shapes:
                _shape(lines, shape, f"slide {number}")
            _smartart(lines, slide, f"slide {number}")
            if slide.has_notes_slide:
                notes = slide.notes_slide.notes_text_frame
                if notes is not None:
                    for i, para in enumerate(notes.paragraphs, start=1):
                        lines.add(para.text, "notes", f"slide {number}:notes:paragraph {i}")
        meta = _properties(deck.core_properties)
    except OfficeError:
        raise
    except Exception as exc:
        raise OfficeError(f"not a readable PowerPoint file: {type(exc).__name__}: {exc}") from None
    return lines.document(path, "pptx", meta)


def _shape(lines: _Lines, shape, where: str) -> None:
    name = f"{where}:{shape.name}"
    if shape.shape_type is not None and int(shape.shape_type) == 6:  # a group: read its members
        for member in shape.shapes:
            _shape(lines, member, where)
        return
    if getattr(shape, "has_table", False) and shape.has_table:
        for r, row in enumerate(shape.table.rows, start=1):
            for c, cell in enumerate(row.cells, start=1):
                lines.add(cell.text, "table", f"{name}:row {r} cell {c}")
        return
    if not getattr(shape, "has_text_frame", False) or not shape.has_text_frame:
        return
    title = shape.is_placeholder and "TITLE" in str(shape.placeholder_format.type)
    paragraphs = [p for p in shape.text_frame.paragraphs if p.text.strip()]
    for i, para in enumerate(paragraphs, start=1):
        suffix = f":paragraph {i}" if len(paragraphs) > 1 else ""
        lines.add(para.text, "title" if title else "list", name + suffix)


def _smartart(lines: _Lines, slide, where: str) -> None:
    """SmartArt text lives in a diagram-data part that python-pptx does not model; read its a:t runs."""
    from lxml import etree

    for rel in slide.part.rels.values():
        if not rel.reltype.endswith("/diagramData") or rel.is_external:
            continue
        root = etree.fromstring(rel.target_part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
        ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
        for i, para in enumerate(root.iterfind(".//a:p", ns), start=1):
            lines.add("".join(t.text or "" for t in para.iterfind(".//a:t", ns)), "list", f"{where}:SmartArt:paragraph {i}")


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _para_text(p) -> str:
    """Inserted text (w:ins) counts, deleted text (w:delText) does not."""
    out = []
    for node in p.iter(W + "t", W + "tab", W + "br", W + "cr"):
        out.append(node.text or "" if node.tag == W + "t" else " ")
    return "".join(out)


def _style(p) -> str:
    node = p.find(f"{W}pPr/{W}pStyle")
    return node.get(W + "val", "") if node is not None else ""


def read_docx(path: str, data: bytes) -> Document:
    import docx

    doc = _open(docx.Document, data, "Word file")
    lines = _Lines()
    try:
        heading, number, tables = "", 0, 0
        for child in doc.element.body.iterchildren():
            if child.tag == W + "p":
                number += 1
                text, style = _para_text(child), _style(child)
                if re.match(r"(?i)heading|title", style):
                    lines.add(text, "heading", f"paragraph {number}")
                    heading = text.strip() or heading
                    continue
                listed = child.find(f"{W}pPr/{W}numPr") is not None or style.lower().startswith("list")
                under = f" (under '{heading[:40]}')" if heading else ""
                lines.add(text, "list" if listed else "prose", f"paragraph {number}{under}")
            elif child.tag == W + "tbl":
                tables += 1
                under = f" (under '{heading[:40]}')" if heading else ""
                for r, row in enumerate(child.iterfind(f"{W}tr"), start=1):
                    for c, cell in enumerate(row.iterfind(f"{W}tc"), start=1):
                        text = " ".join(_para_text(p) for p in cell.iterfind(f".//{W}p"))
                        lines.add(text, "table", f"table {tables} row {r} cell {c}{under}")
        for s, section in enumerate(doc.sections, start=1):
            for label, part in (("header", section.header), ("footer", section.footer)):
                if part.is_linked_to_previous and s > 1:
                    continue
                for i, p in enumerate(part._element.iterfind(f".//{W}p"), start=1):
                    lines.add(_para_text(p), "list", f"{label} {s}:paragraph {i}")
        _notes(lines, doc)
        meta = _properties(doc.core_properties)
    except Exception as exc:
        raise OfficeError(f"not a readable Word file: {type(exc).__name__}: {exc}") from None
    return lines.document(path, "docx", meta)


def _notes(lines: _Lines, doc) -> None:
    """Footnotes and endnotes: python-docx does not model them, so read their parts' paragraphs."""
    from lxml import etree

    for rel in doc.part.rels.values():
        kind = rel.reltype.rsplit("/", 1)[-1]
        if kind not in ("footnotes", "endnotes") or rel.is_external:
            continue
        root = etree.fromstring(rel.target_part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
        for note in root.iterfind(f"{W}{kind[:-1]}"):
            note_id = note.get(W + "id")
            if note_id is not None and int(note_id) <= 0:
                continue  # separators
            text = " ".join(_para_text(p) for p in note.iterfind(f".//{W}p"))
            lines.add(text, "prose", f"{kind[:-1]} {note_id}")
