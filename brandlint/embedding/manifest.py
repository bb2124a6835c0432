"""The exported folder's file names and its manifest.json (what was exported, from what, in which format).
Its own module so the exporter, the runtime and the static table can all read it without importing
each other."""

from __future__ import annotations

import json
import os
from pathlib import Path

# Bump when the graph or the folder layout changes: a folder written with another value is stale.
FORMAT = 2  # 2: the weights in their own file (WEIGHTS), which onnxruntime maps into memory
MANIFEST = "manifest.json"
MODEL = "model.onnx"
WEIGHTS = "model.data"
TOKENIZER = "tokenizer.json"


def read_manifest(folder: Path) -> dict | None:
    try:
        with open(Path(folder) / MANIFEST, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) and manifest.get("format") == FORMAT else None


def write_manifest(folder: Path, manifest: dict) -> None:
    """Write through a temporary file and rename, so a reader never sees half a manifest."""
    tmp = Path(folder) / f".{MANIFEST}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, Path(folder) / MANIFEST)
