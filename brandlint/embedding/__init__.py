"""Sentence embeddings without torch: the sentence-transformer's BERT rebuilt as an ONNX graph from its
safetensors weights (export), run by onnxruntime with the `tokenizers` tokenizer (runtime), plus a static
per-token table for a cheap first pass (static). Importing this package imports nothing heavy."""
