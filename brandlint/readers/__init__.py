"""Readers turn a file's bytes into a Document whose blocks keep exact offsets in the source.
One module per format; READERS maps a file suffix to its reader."""

from __future__ import annotations

import codecs
from pathlib import Path

from brandlint.model import Document
from brandlint.readers import html, markdown, office, plain


class ReadError(Exception):
    """A draft that cannot be read. It becomes a `tool` finding for that file; the run goes on."""


READERS = {
    ".md": markdown.read,
    ".markdown": markdown.read,
    ".mdx": markdown.read,
    ".txt": plain.read,
    ".text": plain.read,
    ".html": html.read,
    ".htm": html.read,
    ".pptx": office.read_pptx,
    ".docx": office.read_docx,
}
BINARY_READERS = {".pptx", ".docx"}
MAX_BYTES = 50 * 1024 * 1024


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def decode(data: bytes) -> tuple[str, str]:
    """UTF-8, UTF-8 with BOM, UTF-16 with BOM; anything else is a clear error, never mojibake."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ReadError(f"invalid UTF-16 at byte {exc.start}") from None
    if b"\0" in data[:8192]:
        raise ReadError("binary file (it holds NUL bytes); lint text, Markdown, HTML, .pptx or .docx files")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ReadError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line}); "
                        "save the file as UTF-8") from None


def read(path: str, data: bytes, reader_suffix: str | None = None) -> Document:
    suffix = (reader_suffix or Path(path).suffix).lower()
    reader = READERS.get(suffix, plain.read)
    if len(data) > MAX_BYTES:
        raise ReadError(f"file is {len(data) // 2**20} MB; brandlint reads drafts up to {MAX_BYTES // 2**20} MB")
    if suffix in BINARY_READERS:
        try:
            return reader(path, data)
        except office.OfficeError as exc:
            raise ReadError(str(exc)) from None
    source, encoding = decode(data)
    return reader(path, source, encoding)


TEXT_READERS = {"markdown": markdown.read, "html": html.read, "text": plain.read}


def reparse(document: Document, source: str) -> Document:
    """Read new text (after fixes) with the reader that read the document."""
    return TEXT_READERS[document.format](document.path, source, document.encoding)
