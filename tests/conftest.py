"""Shared fixtures. The real spaCy pipeline and the real embedding model are used; the cache goes to a
temporary folder so tests never touch the user's cache, and nothing is downloaded."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.pop("GITHUB_ACTIONS", None)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
AS_OF = dt.date(2026, 11, 22)


@pytest.fixture(scope="session", autouse=True)
def _cache(tmp_path_factory):
    os.environ["BRANDLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def messaging():
    from brandlint.messaging import load_messaging

    return load_messaging(ROOT / "messaging")


@pytest.fixture(scope="session")
def rules():
    from brandlint.rules import load_rules

    return load_rules()


@pytest.fixture(scope="session")
def language():
    from brandlint.language import Language

    return Language()


@pytest.fixture
def lint(messaging, rules, language):
    """Lint a string as a file of the given suffix; returns the FileResult."""
    from brandlint import project
    from brandlint.config import Config

    def go(text: str, channel: str = "external", suffix: str = ".md", select=(), as_of=AS_OF, fix=False, path=None):
        config = Config(root=ROOT, select=tuple(select))
        run = project.Run(config, messaging, tuple(rules), language, as_of, channel, fix)
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        return project.lint_bytes(path or f"draft{suffix}", data, run)
    return go


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A throw-away project: the bundled messaging copied in, a config, cwd set there."""
    import shutil

    shutil.copytree(ROOT / "messaging", tmp_path / "messaging")
    (tmp_path / "brandlint.yaml").write_text("messaging: messaging\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args, input=None):
    from click.testing import CliRunner

    from brandlint.cli import commands

    runner = CliRunner()
    return runner.invoke(commands, list(args), input=input, catch_exceptions=False)


GIT_IDENTITY = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
                "GIT_COMMITTER_EMAIL": "t@example.com"}


def git(*args, cwd, **env):
    """Run git in `cwd` as a fixed author (and any extra environment, such as commit dates)."""
    import subprocess

    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, **GIT_IDENTITY, **env})
