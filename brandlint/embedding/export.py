"""Export the sentence-transformer to a folder the torch-free runtime reads: model.onnx (a BERT graph built
here from the safetensors weights, so no torch is needed to export either) with its weights in
model.data, tokenizer.json, static.npy (see static.py) and manifest.json. The folder appears whole or
not at all: it is written beside the target and renamed into place."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from brandlint.embedding.manifest import FORMAT, MODEL, TOKENIZER, WEIGHTS, write_manifest

OPSET = 17  # LayerNormalization is an op from 17 on
IR_VERSION = 8  # readable by onnxruntime >= 1.14
# The files whose content decides the exported vectors; their hash names the source in the manifest.
SOURCE_FILES = ("model.safetensors", "tokenizer.json", "config.json", "sentence_bert_config.json",
                "1_Pooling/config.json", "modules.json")


def source_hash(model_dir: Path) -> str:
    digest = hashlib.sha256(f"format {FORMAT}\n".encode())
    for name in SOURCE_FILES:
        path = Path(model_dir) / name
        if not path.is_file():
            continue
        digest.update(f"{name}\n".encode())
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def source_fingerprint(model_dir: Path) -> str:
    """Sizes and mtimes of the source files: a cheap first test of staleness, so a check run does not
    hash 90 MB of weights. When it differs, the full hash decides."""
    parts = [f"format {FORMAT}", str(Path(model_dir).resolve())]
    for name in SOURCE_FILES:
        path = Path(model_dir) / name
        if path.is_file():
            st = path.stat()
            parts.append(f"{name} {st.st_size} {st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def export(model_dir: Path, target_dir: Path, *, name: str = "all-MiniLM-L6-v2", static: bool = True) -> Path:
    """Write the exported folder for the sentence-transformer in model_dir; replaces target_dir whole."""
    model_dir, target_dir = Path(model_dir), Path(target_dir)
    settings = _read_settings(model_dir)
    target_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target_dir.name}.tmp-", dir=target_dir.parent))
    try:
        tmp.chmod(0o755)  # mkdtemp makes it private; the model folder is not a secret
        digest = write_graph(build_graph(model_dir, settings), tmp)
        shutil.copyfile(model_dir / TOKENIZER, tmp / TOKENIZER)
        manifest = {
            "format": FORMAT,
            "name": name,
            "source": {"path": str(model_dir.resolve()), "sha256": source_hash(model_dir),
                       "fingerprint": source_fingerprint(model_dir)},
            "onnx_sha256": digest,
            **settings,
            "static": None,
        }
        write_manifest(tmp, manifest)
        if static:
            from brandlint.embedding.static import build_table

            manifest["static"] = build_table(tmp)
            write_manifest(tmp, manifest)
        _swap_in(tmp, target_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target_dir


def write_graph(model, folder: Path) -> str:
    """Write the graph to MODEL and its weights to WEIGHTS; returns the sha256 of the two. Weights kept
    apart are mapped into memory by onnxruntime instead of parsed and copied out of the graph: a session
    starts in about 0.02 s instead of 0.13-0.19 s here, and worker processes share the pages."""
    import onnx

    onnx.save_model(model, str(folder / MODEL), save_as_external_data=True, all_tensors_to_one_file=True,
                    location=WEIGHTS, size_threshold=1024)
    digest = hashlib.sha256()
    for name in (MODEL, WEIGHTS):
        (folder / name).chmod(0o644)  # onnx writes the weights private; the rest of the folder is readable
        with open(folder / name, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def _swap_in(tmp: Path, target: Path) -> None:
    """Rename the finished folder into place. A directory cannot be renamed over a non-empty one, so an
    old folder is first renamed aside, then deleted."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.replace(target, old / "x")
    os.replace(tmp, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _read_settings(model_dir: Path) -> dict:
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    if config.get("model_type") != "bert" or config.get("position_embedding_type", "absolute") != "absolute":
        raise ValueError(f"{model_dir}: only BERT models with absolute positions can be exported")
    if config.get("hidden_act") != "gelu":
        raise ValueError(f"{model_dir}: activation {config.get('hidden_act')!r} is not supported")
    st_config = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
    pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
    modes = [k for k, v in pooling.items() if k.startswith("pooling_mode_") and v]
    if modes != ["pooling_mode_mean_tokens"]:
        raise ValueError(f"{model_dir}: only mean pooling is supported, not {modes}")
    modules = json.loads((model_dir / "modules.json").read_text(encoding="utf-8"))
    return {
        "dims": config["hidden_size"],
        "max_seq_length": min(st_config.get("max_seq_length", 512), config["max_position_embeddings"]),
        "do_lower_case": st_config.get("do_lower_case", False),
        "pooling": "mean",
        "normalize": any(m.get("type", "").endswith("Normalize") for m in modules),
        "layers": config["num_hidden_layers"],
        "heads": config["num_attention_heads"],
        "layer_norm_eps": config.get("layer_norm_eps", 1e-12),
    }


def build_graph(model_dir: Path, settings: dict | None = None):
    """The BERT encoder as an ONNX graph: (input_ids, attention_mask) int64 [batch, seq] ->
    last_hidden_state float32 [batch, seq, dims]. Token types are all 0 for single sentences, so that row is
    folded into the position table; the attention scale is folded into the query weights."""
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper
    from safetensors.numpy import load_file

    settings = settings or _read_settings(Path(model_dir))
    weights = load_file(str(Path(model_dir) / "model.safetensors"))
    prefix = "bert." if "bert.embeddings.word_embeddings.weight" in weights else ""
    hidden, heads, eps = settings["dims"], settings["heads"], settings["layer_norm_eps"]
    head_dim = hidden // heads
    nodes, inits = [], []

    def init(name, array):
        inits.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def w(key):
        return weights[prefix + key]

    def node(op, inputs, output, **attrs):
        nodes.append(helper.make_node(op, inputs, [output], name=output, **attrs))
        return output

    def linear(x, key, out, scale=1.0):
        # torch Linear stores [out, in]; MatMul wants [in, out]
        y = node("MatMul", [x, init(f"{key}.w", (w(f"{key}.weight").T * scale).astype(np.float32))], f"{out}.mm")
        return node("Add", [y, init(f"{key}.b", (w(f"{key}.bias") * scale).astype(np.float32))], out)

    def layer_norm(x, key, out):
        gamma, beta = init(f"{key}.g", w(f"{key}.weight")), init(f"{key}.beta", w(f"{key}.bias"))
        return node("LayerNormalization", [x, gamma, beta], out, axis=-1, epsilon=float(eps))

    init("one_f", np.array(1.0, np.float32))
    init("shape_heads", np.array([0, 0, heads, head_dim], np.int64))
    init("shape_hidden", np.array([0, 0, hidden], np.int64))
    init("zero_i", np.array([0], np.int64))
    init("axes_0", np.array([0], np.int64))
    init("axes_12", np.array([1, 2], np.int64))

    # embeddings: word row + (position row + token-type-0 row), then LayerNorm
    table = init("emb.word", w("embeddings.word_embeddings.weight"))
    word = node("Gather", [table, "input_ids"], "emb.word_rows", axis=0)
    seq_len = node("Shape", ["input_ids"], "seq_len", start=1, end=2)
    pos_type = w("embeddings.position_embeddings.weight") + w("embeddings.token_type_embeddings.weight")[0]
    pos = node("Slice", [init("emb.pos", pos_type.astype(np.float32)), "zero_i", seq_len, "axes_0"], "emb.pos_rows")
    x = layer_norm(node("Add", [word, pos], "emb.sum"), "embeddings.LayerNorm", "emb.out")

    # padding: -10000 added to masked scores makes their softmax weight exactly 0 in float32
    mask = node("Cast", ["attention_mask"], "mask_f", to=TensorProto.FLOAT)
    inverted = node("Sub", ["one_f", mask], "mask_inv")
    bias = node("Mul", [inverted, init("mask_big", np.array(-10000.0, np.float32))], "mask_bias_2d")
    bias = node("Unsqueeze", [bias, "axes_12"], "mask_bias")  # [batch, 1, 1, seq]

    init("half", np.array(0.5, np.float32))
    init("inv_sqrt2", np.array(1 / np.sqrt(2), np.float32))
    scale = 1 / np.sqrt(head_dim)
    for i in range(settings["layers"]):
        k = f"encoder.layer.{i}"
        p = f"l{i}"
        q = linear(x, f"{k}.attention.self.query", f"{p}.q", scale)
        kk = linear(x, f"{k}.attention.self.key", f"{p}.k")
        v = linear(x, f"{k}.attention.self.value", f"{p}.v")
        q = node("Transpose", [node("Reshape", [q, "shape_heads"], f"{p}.q4")], f"{p}.qt", perm=[0, 2, 1, 3])
        kk = node("Transpose", [node("Reshape", [kk, "shape_heads"], f"{p}.k4")], f"{p}.kt", perm=[0, 2, 3, 1])
        v = node("Transpose", [node("Reshape", [v, "shape_heads"], f"{p}.v4")], f"{p}.vt", perm=[0, 2, 1, 3])
        scores = node("Add", [node("MatMul", [q, kk], f"{p}.qk"), bias], f"{p}.scores")
        probs = node("Softmax", [scores], f"{p}.probs", axis=-1)
        ctx = node("Transpose", [node("MatMul", [probs, v], f"{p}.ctx4")], f"{p}.ctxt", perm=[0, 2, 1, 3])
        ctx = node("Reshape", [ctx, "shape_hidden"], f"{p}.ctx")
        attn = linear(ctx, f"{k}.attention.output.dense", f"{p}.attn")
        x = layer_norm(node("Add", [attn, x], f"{p}.res1"), f"{k}.attention.output.LayerNorm", f"{p}.ln1")
        h = linear(x, f"{k}.intermediate.dense", f"{p}.inter")
        # exact GELU, as BERT's "gelu": 0.5 * h * (1 + erf(h / sqrt 2))
        erf = node("Erf", [node("Mul", [h, "inv_sqrt2"], f"{p}.gs")], f"{p}.erf")
        he = node("Mul", [h, node("Add", [erf, "one_f"], f"{p}.e1")], f"{p}.he")
        gelu = node("Mul", [he, "half"], f"{p}.gelu")
        out = linear(gelu, f"{k}.output.dense", f"{p}.out")
        x = layer_norm(node("Add", [out, x], f"{p}.res2"), f"{k}.output.LayerNorm", f"{p}.ln2")
    nodes.append(helper.make_node("Identity", [x], ["last_hidden_state"], name="last_hidden_state"))

    ids = helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"])
    attention = helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"])
    output = helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "seq", hidden])
    graph = helper.make_graph(nodes, "bert", [ids, attention], [output], initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="brandlint")
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model, full_check=False)
    return model
