"""Blank out markup while keeping every character's offset: the masked text is as long as the
source, so positions in it are positions in the file."""

from __future__ import annotations

import re


def blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] with spaces, keeping line breaks."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def blank_all(text: str, pattern: re.Pattern, keep_group: str | None = None) -> str:
    """Blank every match; with keep_group, keep that group's text (a link's words) and blank the rest."""
    out = list(text)
    for m in pattern.finditer(text):
        keep = m.span(keep_group) if keep_group and m.group(keep_group) is not None else (m.end(), m.end())
        for i in range(m.start(), m.end()):
            if not keep[0] <= i < keep[1] and out[i] != "\n":
                out[i] = " "
    return "".join(out)


DIRECTIVE = re.compile(r"brandlint-(disable-next-line|disable-file|disable|enable)\b")
URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]|\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
# Template code is markup, not prose. Jinja in HTML: {{ expression }}, {% statement %}, {# comment #};
# Hugo shortcodes in Markdown: {{< name >}} and {{% name %}} (Zola's {{ name() }} and {% name() %} too).
JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
SHORTCODE = re.compile(r"\{\{[<%].*?[>%]\}\}|\{%\s*(?:end\b|[\w-]+\().*?%\}|\{\{\s*[\w-]+\(.*?\)\s*\}\}", re.S)
