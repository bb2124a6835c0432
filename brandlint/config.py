"""Find and validate brandlint.yaml, .brandlint.yaml or [tool.brandlint] in pyproject.toml.
Errors name the file, the line, the key and the fix."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from brandlint import wordlists
from brandlint.model import DEFAULT_CHANNELS, Severity
from brandlint.yamlfile import ConfigError, Located, check_keys, expect, load

CONFIG_NAMES = ("brandlint.yaml", ".brandlint.yaml")
KEYS = {"messaging", "rules", "select", "ignore", "severity", "fail_on", "exclude", "channels",
        "default_channel", "per_channel", "claims", "cache"}
PER_CHANNEL_KEYS = {"select", "ignore", "severity"}
CLAIMS_KEYS = {"model", "allow_download", "spacy_model", "static_model", "thresholds", "unsupported_severity",
               "dated_documents"}
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Config:
    path: str | None = None
    root: Path = field(default_factory=Path.cwd)
    messaging: Path | None = None
    rule_dirs: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict = field(default_factory=dict, hash=False, compare=False)
    fail_on: Severity = Severity.ERROR
    exclude: tuple[str, ...] = ()
    channels: dict = field(default_factory=dict, hash=False, compare=False)
    default_channel: str = "external"
    per_channel: dict = field(default_factory=dict, hash=False, compare=False)
    claims: dict = field(default_factory=dict, hash=False, compare=False)
    cache: bool = True
    raw: str = ""  # the config text, part of every cache key
    lines: dict = field(default_factory=dict, hash=False, compare=False)  # key path -> line, for later errors

    @property
    def channel_names(self) -> tuple[str, ...]:
        """The default channels plus any the team names under `channels:`."""
        return DEFAULT_CHANNELS + tuple(c for c in self.channels if c not in DEFAULT_CHANNELS)


def find(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and re.search(r"^\[tool\.brandlint[\].]", pyproject.read_text("utf-8", "replace"), re.M):
            return pyproject
    return None


def load_config(path: str | Path | None = None, start: Path | None = None) -> Config:
    start = (start or Path.cwd()).resolve()
    if path is None:
        path = find(start)
    if path is None:
        default = start / "messaging"
        return Config(root=start, messaging=default if default.is_dir() else None)
    path = Path(path)
    if not path.is_file():
        raise ConfigError(path, None, "config file not found; check the --config path")
    if path.suffix == ".toml":
        located = _load_toml(path)
    else:
        located = load(path)
    data = located.data or {}
    check_keys(located, (), data, KEYS, "brandlint config")
    root = path.resolve().parent

    def strings(key, base=data, keys=(), globs=False) -> tuple[str, ...]:
        value = base.get(key) or []
        if isinstance(value, str):
            value = [value]
        expect(located, keys + (key,), value, list, f"'{key}'")
        for i, item in enumerate(value):
            expect(located, keys + (key, i), item, str, f"each item of '{key}'")
            if globs:
                try:
                    check_glob(item)
                except ValueError as exc:
                    raise located.error(keys + (key, i), str(exc)) from None
        return tuple(value)

    messaging = data.get("messaging", "messaging")
    expect(located, ("messaging",), messaging, str, "'messaging'")
    messaging_path = (root / messaging)
    if "messaging" in data and not messaging_path.is_dir():
        raise located.error(("messaging",), f"messaging folder '{messaging}' does not exist (looked in {messaging_path})")
    rule_dirs = []
    for i, folder in enumerate(strings("rules")):
        p = root / folder
        if not p.is_dir():
            raise located.error(("rules", i), f"rule folder '{folder}' does not exist (looked in {p})")
        rule_dirs.append(p)
    channels = expect(located, ("channels",), data.get("channels") or {}, dict, "'channels'")
    for name in channels:
        if not re.fullmatch(r"[a-z][a-z0-9_-]*", str(name)):
            raise located.error(("channels", name), f"bad channel name {name!r}; use lower-case letters, digits, - and _")
        strings(name, channels, ("channels",), globs=True)
    known = DEFAULT_CHANNELS + tuple(c for c in channels if c not in DEFAULT_CHANNELS)
    per_channel = expect(located, ("per_channel",), data.get("per_channel") or {}, dict, "'per_channel'")
    for name, body in per_channel.items():
        _channel(located, ("per_channel", name), name, known)
        check_keys(located, ("per_channel", name), body, PER_CHANNEL_KEYS, f"per_channel '{name}'")
        for key in ("select", "ignore"):
            strings(key, body, ("per_channel", name))
        _severities(located, ("per_channel", name, "severity"), body.get("severity") or {})
    claims = expect(located, ("claims",), data.get("claims") or {}, dict, "'claims'")
    check_keys(located, ("claims",), claims, CLAIMS_KEYS, "'claims'")
    if "thresholds" in claims:
        defaults = wordlists.load("thresholds")
        check_keys(located, ("claims", "thresholds"), claims["thresholds"], set(defaults), "claims thresholds")
        for key, value in claims["thresholds"].items():
            expect(located, ("claims", "thresholds", key), value, (int, float), key)
    expect(located, ("claims", "dated_documents"), claims.get("dated_documents", True), bool, "'dated_documents'")
    if "unsupported_severity" in claims:
        claims = dict(claims, unsupported_severity=_severities(
            located, ("claims", "unsupported_severity"), claims["unsupported_severity"], known))
    default_channel = data.get("default_channel", "external")
    _channel(located, ("default_channel",), default_channel, known)
    cache = data.get("cache", True)
    expect(located, ("cache",), cache, bool, "'cache'")
    return Config(
        path=str(path), root=root, messaging=messaging_path if messaging_path.is_dir() else None,
        rule_dirs=tuple(rule_dirs), select=strings("select"), ignore=strings("ignore"),
        severity=_severities(located, ("severity",), data.get("severity") or {}),
        fail_on=_severity(located, ("fail_on",), data.get("fail_on", "error")),
        exclude=strings("exclude", globs=True), channels={k: tuple(v) for k, v in channels.items()},
        default_channel=default_channel, per_channel=per_channel, claims=claims, cache=cache,
        raw=path.read_text("utf-8", "replace"), lines=located.lines,
    )


def check_glob(pattern: str) -> None:
    """A glob as .gitignore reads it (exclude, channels) and as fnmatch does (channels); ValueError
    says what is wrong with it."""
    import fnmatch

    import pathspec

    try:
        pathspec.PathSpec.from_lines("gitignore", [pattern])
        re.compile(fnmatch.translate(pattern))
    except Exception as exc:  # pathspec raises its own kinds, and re.error for a bad range
        raise ValueError(f"invalid glob {pattern!r}: {exc}") from None


def gitignore(path: Path):
    """A .gitignore as a PathSpec; a line git would reject is a ConfigError naming the file and line."""
    import pathspec

    lines = path.read_text("utf-8", "replace").splitlines()
    for number, line in enumerate(lines, start=1):
        try:
            check_glob(line)
        except ValueError as exc:
            raise ConfigError(path, number, str(exc)) from None
    return pathspec.PathSpec.from_lines("gitignore", lines)


def _channel(located: Located, keys: tuple, name, known: tuple[str, ...]) -> str:
    if name not in known:
        raise located.error(keys, f"unknown channel '{name}'; use one of {', '.join(known)} "
                                  "(name more under 'channels:')")
    return name


def _severity(located: Located, keys: tuple, value) -> Severity:
    if value not in SEVERITIES:
        raise located.error(keys, f"unknown severity {value!r}; use one of {', '.join(SEVERITIES)}")
    return Severity.parse(value)


def _severities(located: Located, keys: tuple, mapping, channels: tuple[str, ...] = ()) -> dict:
    """Severity by selector, or by channel when `channels` (the known ones) is given."""
    expect(located, keys, mapping, dict, "severity")
    out = {}
    for key, value in mapping.items():
        if channels:
            _channel(located, keys + (key,), key, channels)
        out[str(key)] = _severity(located, keys + (key,), value)
    return out


def _load_toml(path: Path) -> Located:
    text = path.read_text("utf-8", "replace")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise ConfigError(path, int(line.group(1)) if line else None, f"invalid TOML: {exc}") from None
    section = data.get("tool", {}).get("brandlint", {})
    # tomllib keeps no positions: find each key's line in the [tool.brandlint] section by text.
    lines: dict[tuple, int] = {}
    head = re.search(r"^\[tool\.brandlint\]", text, re.M)
    offset = text[:head.start()].count("\n") + 1 if head else 1
    lines[()] = offset
    for i, line in enumerate(text.splitlines()[offset - 1:], start=offset):
        m = re.match(r"\s*([\w-]+)\s*=", line)
        if m and (m.group(1),) not in lines:
            lines[(m.group(1),)] = i
    return Located(path, section, lines)
