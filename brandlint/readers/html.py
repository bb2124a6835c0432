"""HTML: the standard library's parser reports where every tag, entity and run of text starts;
tags are blanked, entities become their character padded to the same length, and script, style,
pre, code and similar elements are blanked whole. Block-level tags end a block."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from brandlint.model import Block, Document, line_starts
from brandlint.readers.mask import JINJA, URL, blank_all

SKIP = {"script", "style", "pre", "code", "kbd", "samp", "var", "textarea", "noscript", "svg", "math", "template"}
KINDS = {**{f"h{i}": "heading" for i in range(1, 7)}, "li": "list", "td": "table", "th": "table",
         "blockquote": "quote", "title": "heading", "dt": "list", "dd": "list", "caption": "heading"}
BLOCKS = set(KINDS) | {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "ul", "ol",
                       "table", "tr", "br", "hr", "body", "head", "html", "figure", "figcaption", "form",
                       "details", "summary", "dl", "address", "label", "button", "option", "select"}
VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}


class _Masker(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.out = list(source)
        self.starts = line_starts(source)
        self.skip = 0
        # Open block tags with the block kind at each depth, and how many of each tag are open:
        # lookups stay constant-time however deep the nesting (21,000 unclosed <p> were quadratic).
        self.stack: list[tuple[str, str]] = []
        self.open: dict[str, int] = {}
        self.cuts: list[tuple[int, str]] = [(0, "prose")]

    def _at(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def blank(self, start: int, end: int) -> None:
        for i in range(start, min(end, len(self.out))):
            if self.out[i] != "\n":
                self.out[i] = " "

    def tag_end(self, start: int) -> int:
        end = self.source.find(">", start)
        return len(self.source) if end < 0 else end + 1

    def cut(self, at: int) -> None:
        self.cuts.append((at, self.stack[-1][1] if self.stack else "prose"))

    def handle_starttag(self, tag, attrs):
        start = self._at()
        text = self.get_starttag_text() or ""
        self.blank(start, start + len(text))
        if tag in SKIP:
            self.skip += 1
        if tag in BLOCKS:
            if tag not in VOID:
                self.stack.append((tag, KINDS.get(tag) or (self.stack[-1][1] if self.stack else "prose")))
                self.open[tag] = self.open.get(tag, 0) + 1
            self.cut(start + len(text))

    def handle_startendtag(self, tag, attrs):
        start = self._at()
        self.blank(start, start + len(self.get_starttag_text() or ""))
        if tag in BLOCKS:
            self.cut(start)

    def handle_endtag(self, tag):
        start = self._at()
        self.blank(start, self.tag_end(start))
        if tag in SKIP and self.skip:
            self.skip -= 1
        if tag in BLOCKS:
            self.cut(start)
            if self.open.get(tag):
                while True:
                    top = self.stack.pop()[0]
                    self.open[top] -= 1
                    if top == tag:
                        break
            self.cut(start)

    def handle_data(self, data):
        if self.skip:
            start = self._at()
            self.blank(start, start + len(data))

    def _ref(self, raw: str, char: str):
        start = self._at()
        end = start + len(raw) + (1 if self.source[start + len(raw):start + len(raw) + 1] == ";" else 0)
        self.blank(start, end)
        if not self.skip and len(char) == 1 and char not in "\n":
            self.out[start] = char

    def handle_entityref(self, name):
        self._ref("&" + name, html.unescape(f"&{name};"))

    def handle_charref(self, name):
        self._ref("&#" + name, html.unescape(f"&#{name};"))

    def handle_comment(self, data):
        # "<!-- ... -->", or a bogus comment such as "<!x>" or "<!ELEMENT x>" that ends at its ">"
        start = self._at()
        real = self.source.startswith("<!--", start)
        end = self.source.find("-->" if real else ">", start + (4 if real else 2))
        self.blank(start, len(self.source) if end < 0 else end + (3 if real else 1))

    def handle_decl(self, decl):
        start = self._at()
        self.blank(start, self.tag_end(start))

    handle_pi = handle_decl
    unknown_decl = handle_decl

    def parse_marked_section(self, i, report=1):
        """`<![` that is not CDATA: the standard library raises AssertionError; blank it to its ">"."""
        saved = self.getpos()
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = saved  # the failed scan moved the position on
            end = self.rawdata.find(">", i + 3)
            if end < 0:
                return -1
            self.handle_decl(self.rawdata[i + 2:end])
            return end + 1

    def parse_html_declaration(self, i):
        saved = self.getpos()
        try:
            return super().parse_html_declaration(i)
        except AssertionError:  # html.parser asserts on some malformed declarations
            self.lineno, self.offset = saved
            end = self.rawdata.find(">", i + 2)
            return -1 if end < 0 else end + 1


def read(path: str, source: str, encoding: str = "utf-8") -> Document:
    # Jinja is blanked before parsing: a `{{ image(alt="<b>") }}` call must not open a tag either.
    parser = _Masker(blank_all(source, JINJA))
    parser.feed(parser.source)
    parser.close()
    masked = blank_all("".join(parser.out), URL)
    cuts = parser.cuts + [(len(source), "prose")]
    blocks = []
    for (a, kind), (b, _) in zip(cuts, cuts[1:]):
        text = masked[a:b]
        for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", text):  # a blank line also ends a block
            chunk = m.group(0).rstrip()
            if chunk:
                blocks.append(Block(chunk, a + m.start(), kind))
    return Document(path, source, tuple(blocks), "html", {}, encoding)
