"""The per-file result cache: an unchanged file under unchanged configuration, messaging, rules,
models, options and brandlint code costs a read and a hash."""

from __future__ import annotations

import hashlib
import json
import os

from brandlint import __version__, readers
from brandlint.codehash import code_digest
from brandlint.model import Document, FileResult, Finding


def key(path: str, data: bytes, run) -> str:
    """Everything a result depends on: brandlint's code, the configuration, messaging, rules, models,
    options and the file's bytes."""
    digest = hashlib.sha256()
    digest.update(code_digest().encode())
    rules = [(r.code, r.severity, r.message, sorted(r.options.items(), key=str)) for r in run.rules]
    for part in (__version__, os.path.abspath(path), run.config.raw, str(run.config.root), run.messaging.digest,
                 repr(rules), repr((run.config.select, run.config.ignore, run.config.fail_on)), run.channel or "",
                 str(run.as_of), run.language.identity() if run.language is not None else ""):
        digest.update(str(part).encode("utf-8", "surrogateescape") + b"\0")
    digest.update(data)
    return digest.hexdigest()


def freeze(result: FileResult) -> bytes:
    doc = result.document
    return json.dumps({
        "channel": result.channel,
        "format": doc.format if doc else "text", "encoding": doc.encoding if doc else "utf-8",
        "editable": doc.editable if doc else True,
        "findings": [f.to_dict() for f in result.findings],
    }).encode()


def thaw(path: str, data: bytes, blob: bytes) -> FileResult:
    """A cached result; ValueError (or a KeyError, TypeError) when the row is damaged."""
    raw = json.loads(blob)
    findings = tuple(Finding.from_dict(f) for f in raw["findings"])
    for f in findings:
        if not (isinstance(f.message, str) and isinstance(f.start, int) and isinstance(f.end, int)
                and 0 <= f.start <= f.end and isinstance(f.line, int) and f.line >= 1):
            raise ValueError("damaged cache row")
    source = ""
    if raw["editable"]:
        try:
            source = readers.decode(data)[0]
        except readers.ReadError:
            pass
    document = Document(path, source, (), raw["format"], {}, raw["encoding"], raw["editable"])
    return FileResult(path, findings, raw["channel"], document)
