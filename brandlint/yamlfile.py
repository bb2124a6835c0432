"""Load YAML safely and remember where every key sits, so errors can name the line."""

from __future__ import annotations

import difflib
from pathlib import Path

import yaml


class ConfigError(Exception):
    """A configuration, rule or messaging file the run cannot use. The CLI exits 2."""

    def __init__(self, path: str | Path, line: int | None, message: str):
        self.path, self.line, self.message = str(path), line, message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class Located:
    """Parsed YAML data plus the line of each key path, e.g. ("facts", "customer-count", "figure")."""

    def __init__(self, path: str | Path, data, lines: dict[tuple, int]):
        self.path, self.data, self.lines = str(path), data, lines

    def line(self, *keys) -> int | None:
        keys = tuple(keys)
        while keys:
            if keys in self.lines:
                return self.lines[keys]
            keys = keys[:-1]
        return self.lines.get((), 1)

    def error(self, keys: tuple, message: str) -> ConfigError:
        return ConfigError(self.path, self.line(*keys), message)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The safe loader (libyaml's when present: ten times faster, and rule files load on every run),
    keeping dates as text: PyYAML raises a bare ValueError on 2027-13-45, and the messaging loader
    gives a better message when it parses dates itself."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


_Bounds = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 64  # deeper nesting would overflow the (C) composer's stack: a crash, not an error
MAX_NODES = 200_000  # counted with aliases expanded: a billion-laughs file stops here


def check_bounds(text: str, path: str | Path = "<text>") -> None:
    """Walk the YAML events (a flat stream, so this cannot recurse) and refuse deep nesting and
    aliases that expand too far, before anything is composed."""
    sizes: dict[str, int] = {}
    stack: list[list] = [[0, None]]  # [nodes so far, anchor] per open collection
    try:
        for event in yaml.parse(text, Loader=_Bounds):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if len(stack) > MAX_DEPTH:
                    raise ConfigError(path, event.start_mark.line + 1,
                                      f"nesting deeper than {MAX_DEPTH} levels; flatten the structure")
                stack.append([1, event.anchor])
                continue
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                count, anchor = stack.pop()
            elif isinstance(event, yaml.ScalarEvent):
                count, anchor = 1, event.anchor
            elif isinstance(event, yaml.AliasEvent):
                count, anchor = sizes.get(event.anchor, 1), None
            else:
                continue
            if anchor is not None:
                sizes[anchor] = count
            stack[-1][0] += count
            if stack[-1][0] > MAX_NODES:
                raise ConfigError(path, event.start_mark.line + 1,
                                  f"more than {MAX_NODES} values once aliases are expanded; "
                                  "write the data out or use fewer aliases")
    except yaml.YAMLError:
        return  # the real parse reports it, with its line


def decode(path: str | Path, data: bytes) -> str:
    """UTF-8 (a BOM allowed); anything else names the file and line, never silently replaced."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        at = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        raise ConfigError(path, data[:at].count(b"\n") + 1, f"not valid UTF-8 (byte 0x{data[at]:02x}); "
                                                            "save the file as UTF-8") from None


def load(path: str | Path, text: str | None = None) -> Located:
    path = Path(path)
    if text is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ConfigError(path, None, f"cannot read: {exc.strerror or exc}") from None
        text = decode(path, data)
    check_bounds(text, path)
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()  # one parse: the node tree gives lines, then the data
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(path, mark.line + 1 if mark else None,
                          f"invalid YAML: {problem}; check indentation and quoting") from None
    lines: dict[tuple, int] = {(): 1}
    if node is not None:
        _walk(node, (), lines, path)
    return Located(path, data, lines)


def _walk(node, keys: tuple, lines: dict, path: Path) -> None:
    lines[keys] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                raise ConfigError(path, key_node.start_mark.line + 1,
                                  f"duplicate key '{key}' (first at line {seen[key]}); keep one")
            seen[key] = key_node.start_mark.line + 1
            _walk(value_node, keys + (key,), lines, path)
            lines[keys + (key,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, keys + (i,), lines, path)


def check_keys(located: Located, keys: tuple, mapping, allowed, what: str, shape: str = "") -> None:
    """Unknown keys are errors, with the nearest valid key suggested."""
    if not isinstance(mapping, dict):
        raise located.error(keys, f"{what} must be a mapping of keys to values, not {_kind(mapping)}" + _shape(shape))
    for key in mapping:
        if key not in allowed:
            near = difflib.get_close_matches(str(key), list(allowed), n=1)
            hint = f"did you mean '{near[0]}'?" if near else f"valid keys: {', '.join(sorted(allowed))}"
            raise located.error(keys + (key,), f"unknown key '{key}' in {what}; {hint}")


def expect(located: Located, keys: tuple, value, types, what: str, shape: str = ""):
    """`value` must be of `types`; the error shows the right shape (`shape`, a YAML example) rather
    than dumping the data back."""
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in _tuple(types)):
        names = " or ".join(KINDS_SAID.get(t, t.__name__) for t in _tuple(types))
        raise located.error(keys, f"{what} must be {names}, not {_kind(value)}" + _shape(shape))
    return value


KINDS_SAID = {str: "text", dict: "a mapping (key: value)", list: "a list", int: "a number", float: "a number",
              bool: "true or false"}


def _kind(value) -> str:
    if isinstance(value, (dict, list)):
        return KINDS_SAID[type(value)]
    text = repr(value)
    return f"{KINDS_SAID.get(type(value), type(value).__name__)} {text if len(text) <= 40 else text[:37] + '...'}"


def _shape(shape: str) -> str:
    return "; write it like this:\n" + "\n".join("    " + line for line in shape.splitlines()) if shape else ""


def _tuple(types):
    return types if isinstance(types, tuple) else (types,)
