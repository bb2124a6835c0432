"""The per-file work of a report on a Dask distributed cluster. The client reads the files and sends
their content (workers need no shared file system); the Run is scattered once to every worker, so each
worker process unpickles one Language and loads its models once, on its first file. Each worker keeps
its own result cache (BRANDLINT_CACHE_DIR on that machine)."""

from __future__ import annotations

import dataclasses
import os
import threading

from brandlint.report import facts

BATCH = 32  # files per task: big enough to hide scheduling overhead, small enough to balance the load
_LOCK = threading.Lock()  # one lint at a time per worker process: spaCy and the embedder are shared


class ClusterError(Exception):
    """No dask installed or no scheduler reachable: the CLI shows the text and exits 2."""


def _batch(items, run):
    stores = facts.open_stores(run)
    out = []
    with _LOCK:
        for path, data in items:
            found = facts.for_bytes(path, data, run, stores)
            # The document's text is not needed for the report: do not ship it back.
            out.append(dataclasses.replace(found, result=dataclasses.replace(found.result, document=None)))
    return out


def facts_on_cluster(files, run, address: str, progress=None) -> list:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise ClusterError("--scheduler needs Dask: pip install 'brandlint[scale]'") from None
    items = []
    for path in files:
        try:
            items.append((os.path.abspath(path), path.read_bytes()))
        except OSError:
            items.append((os.path.abspath(path), None))
    readable = [i for i in items if i[1] is not None]
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        shared_run = client.scatter(run, broadcast=True)
        batches = [readable[i:i + BATCH] for i in range(0, len(readable), BATCH)]
        futures = client.map(_batch, batches, run=shared_run, pure=False)
        index = {id(f): i for i, f in enumerate(futures)}
        parts = [None] * len(futures)
        for future in as_completed(futures):
            parts[index[id(future)]] = future.result()
            if progress:
                progress(len(batches[index[id(future)]]))
    finally:
        client.close()
    by_path = {f.result.path: f for part in parts for f in part}
    # An unreadable file is judged here, as a local run would judge it.
    return [by_path[p] if p in by_path else facts.for_path(path, run) for (p, _), path in zip(items, files)]
