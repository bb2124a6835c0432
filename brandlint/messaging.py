"""Load and validate the master messaging: every YAML file in one folder, merged."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from brandlint.figures import parse_figure
from brandlint.model import DEFAULT_CHANNELS
from brandlint.yamlfile import ConfigError, Located, check_keys, decode, expect, load

SECTIONS = {"facts": "fact", "messages": "message", "prohibited": "prohibited", "retired": "retired"}
TOP_KEYS = {"company", "facts", "messages", "prohibited", "retired", "terms", "voice"}
ENTRY_KEYS = {
    "fact": {"text", "figure", "previously", "since", "channels", "embargo_until", "variants", "note", "required_in",
             "examples"},
    "message": {"text", "figure", "previously", "since", "channels", "embargo_until", "variants", "note",
                "required_in", "examples"},
    "prohibited": {"text", "reason", "variants", "note", "examples"},
    "retired": {"text", "retired_on", "use_instead", "variants", "note", "examples"},
}
TERM_KEYS = {"use", "avoid", "case_sensitive", "channels", "note"}
VOICE_KEYS = {"max_grade", "max_sentence_words", "passive", "min_words"}
# The right shape of each section, shown when a file has another one (brandlint init writes them all).
SHAPES = {
    "facts": "facts:\n  customer-count:          # an id of your choice\n"
             "    text: More than 4,000 companies run on Acme Cloud.\n    figure: 4,000\n    previously: [3,000]\n"
             "    since: 2026-01-15      # when this figure became current",
    "messages": "messages:\n  secure-by-default:\n    text: Acme Cloud encrypts every customer's data at rest and in transit.",
    "prohibited": "prohibited:\n  unhackable:\n    text: Acme Cloud cannot be hacked.\n"
                  "    reason: Legal forbids absolute security claims.",
    "retired": "retired:\n  fortune-500:\n    text: Acme Cloud powers half of the Fortune 500.\n"
               "    retired_on: 2025-06-30\n    use_instead: customer-count",
    "terms": "terms:\n  - use: Acme Cloud\n    avoid: [AcmeCloud]\n    case_sensitive: true",
    "voice": "voice:\n  external: {max_grade: 9, max_sentence_words: 25}",
}


@dataclass(frozen=True)
class Entry:
    id: str
    section: str  # fact, message, prohibited, retired
    text: str
    figure: str | None = None
    previously: tuple[str, ...] = ()
    channels: tuple[str, ...] | None = None
    embargo_until: dt.date | None = None
    reason: str = ""
    retired_on: dt.date | None = None
    use_instead: str | None = None
    variants: tuple[str, ...] = ()
    source: str = ""
    line: int = 0
    required_in: tuple[str, ...] = ()  # path globs of documents that must restate this entry
    since: dt.date | None = None  # when this wording or figure became current: older dated copy is history
    previously_since: tuple[dt.date | None, ...] = ()  # when each `previously` figure became current, if known
    examples: tuple[tuple[str, str], ...] = ()  # ("pass" or "fail", wording): `brandlint messaging check` tests


@dataclass(frozen=True)
class Term:
    use: str
    avoid: tuple[str, ...] = ()
    case_sensitive: bool = False
    channels: tuple[str, ...] | None = None
    note: str = ""
    source: str = ""
    line: int = 0


@dataclass(frozen=True)
class Messaging:
    company: str = ""
    entries: tuple[Entry, ...] = ()
    terms: tuple[Term, ...] = ()
    voice: dict = field(default_factory=dict, hash=False, compare=False)
    digest: str = ""
    files: tuple[str, ...] = ()

    def entry(self, entry_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == entry_id), None)


# In a YAML flow list a comma separates items, so `previously: [2,500, 3,000]` would read as four
# numbers. A person means two figures: quote digit groups before parsing (line numbers do not move).
FLOW_FIGURE = re.compile(r"(?<=[\[,])(\s*)(\d{1,3}(?:,\d{3})+(?:\.\d+)?%?)(?=\s*[,\]])")


def quote_figures(text: str) -> str:
    return FLOW_FIGURE.sub(lambda m: f'{m.group(1)}"{m.group(2)}"', text)


def load_messaging(folder: str | Path | None, channels: tuple[str, ...] = DEFAULT_CHANNELS) -> Messaging:
    """`channels`: every channel name the configuration knows; entries and terms may name only these."""
    if folder is None:
        return Messaging()
    folder = Path(folder)
    if not folder.is_dir():
        raise ConfigError(folder, None, "messaging folder not found; set 'messaging:' in brandlint.yaml "
                                        "to the folder holding your master messaging YAML")
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    company, entries, terms, voice = "", [], [], {}
    where: dict[str, str] = {}
    digest = hashlib.sha256()
    for path in files:
        text = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + text)
        located = load(path, quote_figures(decode(path, text)))
        data = located.data
        if data is None:
            continue
        check_keys(located, (), data, TOP_KEYS, "messaging file")
        if "company" in data:
            company = str(expect(located, ("company",), data["company"], str, "company"))
        for section_key, section in SECTIONS.items():
            block = data.get(section_key) or {}
            expect(located, (section_key,), block, dict, f"'{section_key}'", SHAPES[section_key])
            for entry_id, body in block.items():
                entry = _entry(located, section_key, section, str(entry_id), body, channels)
                if entry.id in where:
                    raise located.error((section_key, entry_id),
                                        f"duplicate id '{entry.id}' (also in {where[entry.id]}); ids must be unique")
                where[entry.id] = f"{path}:{entry.line}"
                entries.append(entry)
        terms_list = expect(located, ("terms",), data.get("terms") or [], list, "'terms'", SHAPES["terms"])
        for i, body in enumerate(terms_list):
            terms.append(_term(located, i, body, channels))
        voices = expect(located, ("voice",), data.get("voice") or {}, dict, "'voice'", SHAPES["voice"])
        for channel, body in voices.items():
            voice[channel] = _voice(located, channel, body, channels)
    ids = {e.id for e in entries}
    for entry in entries:
        if entry.use_instead and entry.use_instead not in ids:
            raise ConfigError(entry.source, entry.line,
                              f"use_instead '{entry.use_instead}' of '{entry.id}' names no entry; "
                              f"use one of: {', '.join(sorted(ids))}")
    return Messaging(company, tuple(entries), tuple(terms), voice, digest.hexdigest(),
                     tuple(str(p) for p in files))


def _channels(located: Located, keys: tuple, value, known: tuple[str, ...]) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    expect(located, keys, value, list, "channels")
    for i, name in enumerate(value):
        if name not in known:
            raise located.error(keys + (i,), _unknown_channel(name, known))
    return tuple(value)


def _date(located: Located, keys: tuple, value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise located.error(keys, f"bad date {value!r}; write it as YYYY-MM-DD, e.g. 2027-01-15") from None


def _examples(located: Located, keys: tuple, value) -> tuple[tuple[str, str], ...]:
    """`examples: {pass: [...], fail: [...]}`: wordings that must give no finding, and wordings that
    must give a finding about this entry."""
    if value is None:
        return ()
    check_keys(located, keys, value, {"pass", "fail"}, "examples",
               "examples:\n  pass: [Over 4,000 businesses rely on Acme Cloud.]\n  fail: [3,000 companies use Acme Cloud.]")
    return tuple((group, text) for group in ("pass", "fail")
                 for text in _strings(located, keys + (group,), value.get(group), f"examples {group}"))


def _history(located: Located, keys: tuple, value) -> tuple[tuple[str, dt.date | None], ...]:
    """`previously:` items: a figure, or `figure:` with the `since:` date it became current."""
    items = [] if value is None else value if isinstance(value, list) else [value]
    out = []
    for i, item in enumerate(items):
        if isinstance(item, dict):
            check_keys(located, keys + (i,), item, {"figure", "since"}, "a previously item",
                       "previously:\n  - figure: 3,000\n    since: 2025-02-01")
            if "figure" not in item:
                raise located.error(keys + (i,), "a previously item needs 'figure:' (and optionally 'since:')")
            expect(located, keys + (i, "figure"), item["figure"], (str, int, float), "figure")
            out.append((str(item["figure"]), _date(located, keys + (i, "since"), item.get("since"))))
        else:
            expect(located, keys + (i,), item, (str, int, float), "previously")
            out.append((str(item), None))
    return tuple(out)


def _strings(located: Located, keys: tuple, value, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        value = [value]
    for i, item in enumerate(value):
        expect(located, keys + (i,), item, (str, int, float), what)
    return tuple(str(v) for v in value)


def _unknown_channel(name, known: tuple[str, ...]) -> str:
    return (f"unknown channel '{name}'; use one of {', '.join(known)} (name more under 'channels:' in "
            "brandlint.yaml)")


def _entry(located: Located, section_key: str, section: str, entry_id: str, body, known) -> Entry:
    keys = (section_key, entry_id)
    if isinstance(body, str):
        body = {"text": body}
    check_keys(located, keys, body, ENTRY_KEYS[section], f"{section} '{entry_id}'", SHAPES[section_key])
    if "text" not in body:
        raise located.error(keys, f"{section} '{entry_id}' needs a 'text:' with the approved wording")
    text = expect(located, keys + ("text",), body["text"], str, "text").strip()
    figure = body.get("figure")
    figures = [] if figure is None else [("figure", figure)]
    history = _history(located, keys + ("previously",), body.get("previously"))
    figures += [(("previously", i), v) for i, (v, _) in enumerate(history)]
    for key, value in figures:
        if parse_figure(str(value)) is None:
            key = key if isinstance(key, tuple) else (key,)
            raise located.error(keys + key, f"cannot read figure {value!r}; write a number such as 4,000, 99.9% or 3x")
    if section == "retired" and "retired_on" not in body:
        raise located.error(keys, f"retired '{entry_id}' needs 'retired_on: YYYY-MM-DD'")
    return Entry(
        id=entry_id, section=section, text=text,
        figure=None if figure is None else str(figure),
        previously=tuple(v for v, _ in history), previously_since=tuple(d for _, d in history),
        channels=_channels(located, keys + ("channels",), body.get("channels"), known),
        embargo_until=_date(located, keys + ("embargo_until",), body.get("embargo_until")),
        reason=str(body.get("reason") or ""),
        retired_on=_date(located, keys + ("retired_on",), body.get("retired_on")),
        since=_date(located, keys + ("since",), body.get("since")),
        use_instead=body.get("use_instead"),
        variants=_strings(located, keys + ("variants",), body.get("variants"), "variants"),
        source=located.path, line=located.line(*keys) or 0,
        required_in=_strings(located, keys + ("required_in",), body.get("required_in"), "required_in (path globs)"),
        examples=_examples(located, keys + ("examples",), body.get("examples")),
    )


def _term(located: Located, i: int, body, known) -> Term:
    keys = ("terms", i)
    check_keys(located, keys, body, TERM_KEYS, "term", SHAPES["terms"])
    if "use" not in body:
        raise located.error(keys, "a term needs 'use:' with the preferred form")
    case_sensitive = body.get("case_sensitive", False)
    expect(located, keys + ("case_sensitive",), case_sensitive, bool, "case_sensitive")
    return Term(
        use=str(expect(located, keys + ("use",), body["use"], str, "use")),
        avoid=_strings(located, keys + ("avoid",), body.get("avoid"), "avoid"),
        case_sensitive=case_sensitive,
        channels=_channels(located, keys + ("channels",), body.get("channels"), known),
        note=str(body.get("note") or ""),
        source=located.path, line=located.line(*keys) or 0,
    )


def _voice(located: Located, channel: str, body, known) -> dict:
    keys = ("voice", channel)
    if channel not in known:
        raise located.error(keys, _unknown_channel(channel, known))
    check_keys(located, keys, body, VOICE_KEYS, f"voice '{channel}'")
    for key in ("max_grade", "max_sentence_words", "min_words"):
        if key in body:
            expect(located, keys + (key,), body[key], (int, float), key)
    if "passive" in body:
        expect(located, keys + ("passive",), body["passive"], bool, "passive")
    return dict(body)
