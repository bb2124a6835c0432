"""Readers turn a file's bytes into a Document whose blocks keep exact offsets in the source.
One module per format; READERS maps a file suffix to its reader."""

from __future__ import annotations

import codecs
import dataclasses
import importlib
import re
from pathlib import Path

from brandlint.model import Document


class ReadError(Exception):
    """A draft that cannot be read. It becomes a `tool` finding for that file; the run goes on."""


# suffix -> (module in brandlint/readers, function): a reader is imported when a file needs it, so a
# run over Markdown never loads the HTML or Office readers
READERS = {
    ".md": ("markdown", "read"),
    ".markdown": ("markdown", "read"),
    ".mdx": ("markdown", "read"),
    ".txt": ("plain", "read"),
    ".text": ("plain", "read"),
    ".html": ("html", "read"),
    ".htm": ("html", "read"),
    ".pptx": ("office", "read_pptx"),
    ".docx": ("office", "read_docx"),
}
BINARY_READERS = {".pptx", ".docx"}
MAX_BYTES = 50 * 1024 * 1024


def too_big(size: int) -> str:
    return f"file is {size / 2**20:.0f} MB; brandlint reads drafts up to {MAX_BYTES // 2**20} MB"


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


# The BOM each encoding is written back with: a UTF-16BE file stays big-endian.
BOMS = {"utf-8-sig": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


def decode(data: bytes) -> tuple[str, str]:
    """UTF-8, UTF-8 with BOM, UTF-16 with BOM; anything else is a clear error, never mojibake."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        encoding = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        try:
            return data[2:].decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise ReadError(f"invalid UTF-16 at byte {exc.start + 2}") from None
    bom = 3 if data.startswith(codecs.BOM_UTF8) else 0
    if b"\0" in data[:8192]:
        raise ReadError("binary file (it holds NUL bytes); lint text, Markdown, HTML, .pptx or .docx files")
    try:
        return data[bom:].decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError as exc:
        at = exc.start + bom
        line = len(NEWLINE.findall(data[:at].decode("utf-8", "replace"))) + 1
        raise ReadError(f"not valid UTF-8 (byte 0x{data[at]:02x} on line {line}); "
                        "save the file as UTF-8") from None


def encode(document: Document) -> bytes:
    """The document's text in the encoding (and byte order, and BOM) it was read in."""
    return BOMS.get(document.encoding, b"") + document.source.encode(document.encoding)


NEWLINE = re.compile(r"\r\n?|\n")


def _lf_view(source: str) -> str:
    """The same text with every line break as LF and offsets unchanged: CRLF becomes " \n", a lone CR
    "\n". Readers parse this view, so CR, LF and CRLF files read alike."""
    if "\r" not in source:
        return source
    return source.replace("\r\n", " \n").replace("\r", "\n")


def _text(reader, path: str, source: str, encoding: str) -> Document:
    document = reader(path, _lf_view(source), encoding)
    return dataclasses.replace(document, source=source) if document.source is not source else document


def _reader(suffix: str):
    module, function = READERS.get(suffix, ("plain", "read"))
    return getattr(importlib.import_module(f"brandlint.readers.{module}"), function)


def read(path: str, data: bytes, reader_suffix: str | None = None) -> Document:
    suffix = (reader_suffix or Path(path).suffix).lower()
    reader = _reader(suffix)
    if len(data) > MAX_BYTES:
        raise ReadError(too_big(len(data)))
    if suffix in BINARY_READERS:
        from brandlint.readers.office import OfficeError

        try:
            return reader(path, data)
        except OfficeError as exc:
            raise ReadError(str(exc)) from None
    source, encoding = decode(data)
    return _text(reader, path, source, encoding)


TEXT_READERS = {"markdown": ".md", "html": ".html", "text": ".txt"}  # a document's format -> its reader's suffix


def reparse(document: Document, source: str) -> Document:
    """Read new text (after fixes) with the reader that read the document."""
    return _text(_reader(TEXT_READERS[document.format]), document.path, source, document.encoding)
