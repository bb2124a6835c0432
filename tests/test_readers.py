"""Readers keep exact offsets: every block's text lines up with the source, markup blanked."""

from __future__ import annotations

import codecs


import pytest

from brandlint import readers
from brandlint.model import LineIndex


def blocks(name: str, text: str):
    doc = readers.read(name, text.encode("utf-8"))
    for b in doc.blocks:  # the invariant every reader keeps
        assert len(b.text) == b.end - b.start
        # each character is the source's, or blanked markup, or an HTML entity put back as its character
        assert all(c == s or c == " " or s == "&" for c, s in zip(b.text, doc.source[b.start:b.end]))
    return doc, [(b.kind, " ".join(b.text.split())) for b in doc.blocks]


def test_markdown_structure_and_skips():
    src = ("---\ntitle: T\nchannel: sales\n---\n# Our *clients*\n\nSee `clients` and [our clients](https://x.com/clients).\n"
           "Visit https://example.com/clients now.\n\n- one client\n- two\n\n| a | clients |\n|---|---|\n| b | c |\n\n"
           "> a quote\n\n```\nclients in code\n```\n\n<!-- clients in a comment -->\n")
    doc, found = blocks("a.md", src)
    assert doc.meta == {"title": "T", "channel": "sales"}
    assert found == [("heading", "Our clients"), ("prose", "See and our clients . Visit now."),
                     ("list", "one client"), ("list", "two"), ("table", "a"), ("table", "clients"),
                     ("table", "b"), ("table", "c"), ("quote", "a quote")]


def test_toml_front_matter():
    doc, found = blocks("a.md", '+++\ntitle = "x"\nchannel = "internal"\n+++\n\nHello there.\n')
    assert doc.meta["channel"] == "internal"
    assert found == [("prose", "Hello there.")]


def test_markdown_position_is_exact(lint):
    src = "---\ntitle: x\n---\n# Head\n\nA line.\n\n* First item with **bold clients** here\n"
    result = lint(src, select=("BL100",))
    (pos,) = result.findings
    assert (pos.line, pos.column, pos.end_line, pos.end_column) == (8, 26, 8, 33)
    assert src.splitlines()[7][25:32] == "clients"


def test_html_skips_code_and_scripts():
    src = ("<html><head><title>Acme &amp; clients</title><style>.clients{}</style></head><body>"
           "<h1>Hello</h1><p>Our <b>clients</b> &mdash; <code>clients</code></p><script>clients()</script>"
           "<pre>clients</pre><ul><li>one</li></ul></body></html>")
    doc, found = blocks("a.html", src)
    assert found == [("heading", "Acme & clients"), ("heading", "Hello"), ("prose", "Our clients —"),
                     ("list", "one")]


def test_text_paragraphs_and_directive_lines():
    doc, found = blocks("a.txt", "First para\nstill first.\n\n# brandlint-disable BL100\nSecond.\n")
    assert found == [("prose", "First para still first."), ("prose", "Second.")]


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8-sig", b""), ("utf-16-le", codecs.BOM_UTF16_LE),
                                          ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_decodes_boms_and_writes_back_the_same_bytes(encoding, bom):
    data = bom + "Caf\u00e9 clients.\n".encode(encoding)
    doc = readers.read("a.txt", data)
    assert doc.source == "Caf\u00e9 clients.\n"
    assert doc.encoding == encoding
    assert readers.encode(doc) == data


def test_undecodable_and_binary_are_clear_errors():
    with pytest.raises(readers.ReadError, match=r"not valid UTF-8 \(byte 0xff on line 2\)"):
        readers.read("a.md", b"ok\n\xff\xfe bad")
    with pytest.raises(readers.ReadError, match="binary file"):
        readers.read("a.md", b"\x00\x01\x02PNG")


def test_crlf_positions():
    doc = readers.read("a.md", b"Line one.\r\n\r\nOur clients.\r\n")
    index = LineIndex(doc)
    block = doc.blocks[1]
    assert index.point(block.start + 4) == (3, 5)
