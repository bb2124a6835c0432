"""The on-disk cache: a per-version folder under the user cache dir (BRANDLINT_CACHE_DIR overrides),
one SQLite file, so every write is atomic and concurrent runs do not corrupt it."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from brandlint import __version__


def folder() -> Path:
    override = os.environ.get("BRANDLINT_CACHE_DIR")
    if override:
        return Path(override) / __version__
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("brandlint")) / __version__


def server_socket() -> Path:
    """Where a running `brandlint server` listens. Here, not in server.py, so the entry point can see
    that none is running without importing the server's modules."""
    return folder() / "server" / "server.sock"


class Store:
    """A key-value table per purpose ("embeddings", "results"). Failing to open the cache is not fatal:
    the run goes on uncached."""

    def __init__(self, table: str, enabled: bool = True):
        self.table = table
        self.db = None
        if not enabled:
            return
        try:
            path = folder()
            path.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path / "cache.sqlite3", timeout=10, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value BLOB)")
        except (OSError, sqlite3.Error):
            self.db = None

    def get_many(self, keys: list[str]) -> dict[str, bytes]:
        if not self.db or not keys:
            return {}
        out = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            marks = ",".join("?" * len(chunk))
            try:
                out.update(self.db.execute(f"SELECT key, value FROM {self.table} WHERE key IN ({marks})", chunk))
            except sqlite3.Error:
                return out
        return out

    def put_many(self, items: dict[str, bytes]) -> None:
        if not self.db or not items:
            return
        try:
            with self.db:
                self.db.execute("BEGIN")
                self.db.executemany(f"INSERT OR REPLACE INTO {self.table} VALUES (?, ?)", items.items())
        except sqlite3.Error:
            pass
