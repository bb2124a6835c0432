"""Blank out markup while keeping every character's offset: the masked text is as long as the
source, so positions in it are positions in the file."""

from __future__ import annotations

import re


def blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] with spaces, keeping line breaks."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def blank_all(text: str, pattern: re.Pattern, keep_group: str | None = None) -> str:
    """Blank every match; with keep_group, keep that group's text (a link's words) and blank the rest."""
    pieces, at = [], 0
    for m in pattern.finditer(text):
        keep = m.span(keep_group) if keep_group and m.group(keep_group) is not None else (m.end(), m.end())
        for a, b in ((m.start(), keep[0]), (keep[1], m.end())):
            if b > a and a >= at:
                pieces.append(text[at:a])
                pieces.append(_NOT_NEWLINE.sub(" ", text[a:b]))
                at = b
    if not pieces:
        return text  # the common case: nothing to blank, no copy
    pieces.append(text[at:])
    return "".join(pieces)


_NOT_NEWLINE = re.compile(r"[^\n]")


DIRECTIVE = re.compile(r"brandlint-(disable-next-line|disable-file|disable|enable)\b")
# Bounded runs (2,000 for a URL, 64 for an address's local part, as RFC 5321 allows): a line of
# "a-a-a-..." would otherwise be scanned to its end from every position, quadratic in its length.
URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>()\[\]]{0,2000}[^\s<>()\[\].,;:!?'\"]"
                 r"|\b[\w.+-]{1,64}@[\w-]{1,255}\.[\w.-]{1,255}\b")
# Template code is markup, not prose. Jinja in HTML: {{ expression }}, {% statement %}, {# comment #};
# Hugo shortcodes in Markdown: {{< name >}} and {{% name %}} (Zola's {{ name() }} and {% name() %} too).
# Bounded (5,000 characters), so an unclosed "{{" cannot make the scan quadratic.
JINJA = re.compile(r"\{#.{0,5000}?#\}|\{%.{0,5000}?%\}|\{\{.{0,5000}?\}\}", re.S)
SHORTCODE = re.compile(r"\{\{[<%].{0,5000}?[>%]\}\}|\{%\s*(?:end\b|[\w-]+\().{0,5000}?%\}"
                       r"|\{\{\s*[\w-]+\(.{0,5000}?\)\s*\}\}", re.S)
