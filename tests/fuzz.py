"""A seeded generator of hostile drafts, per reader, and a runner that counts crashes and hangs.

    python tests/fuzz.py [--n 100000] [--seed 1] [--readers markdown,html,text,pptx,docx,claims] [--limit 5]

Each input is a small real file (built here, the Office ones with python-pptx and python-docx) with
mutations: markup fragments that broke parsers before (`<![`, `<!x>`, runs of `[`), line endings
mixed, BOMs and invalid bytes, deep nesting, flipped bytes and lying zip headers. Every input goes
through the project layer (read, lint, fix) with the lexical rules; a crash is a result marked
`crashed` (a bug) or an exception out of it, a hang a document over the per-document time limit.
`claims` mutates sentences in the claims shapes and runs the claims decisions on them (see run_claims).
`make fuzz` runs it; tests/test_fuzz.py runs a few hundred per reader in the suite."""

from __future__ import annotations

import argparse
import io
import random
import struct
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MARKDOWN = """---
title: Launch
channel: external
---
# Why Acme Cloud

Prior to launch, our clients said [acme cloud](https://example.com/a) is **in order** to win.
Write to sales@example.com or see www.example.com/path.

- a list item with `code` and <em>at this point</em> in time
  > a quote in a list

| Plan | Price |
| --- | --- |
| Pro | $10 |

<!-- brandlint-disable-next-line BL100 -->
Our clients.

```
code block
```
"""
HTML = """<!DOCTYPE html><html><head><title>Acme cloud</title><style>p{}</style></head>
<body><h1>Why acme cloud</h1><p>Prior to launch, our <b>clients</b> &amp; partners said
<a href="https://example.com">in order to</a> win.</p><ul><li>At this point in time</li></ul>
<table><tr><td>Login</td></tr></table><!-- comment --><pre>code</pre><script>x<y</script></body></html>
"""
TEXT = """Prior to launch, our clients said acme cloud is in order to win.

Write to sales@example.com. See https://example.com/a-b-c.
brandlint-disable-next-line BL100
Our clients.
"""
# The claims seed: sentences in the shapes the claims decisions read (figures, cues, negations,
# choices, round-the-clock), judged against the bundled messaging with every entry made close.
CLAIMS = """Acme Cloud never goes down, and only 4,000 companies run on it around the clock.
Every plan includes 24/7 support, but support is available only during business hours, Monday to Friday.
We don't say Acme Cloud cannot be hacked; all data is stored in the EU or the US, only in the EU.
Half of the Fortune 500 run on Acme Cloud in under a minute, more than 99.95% of the time.
Acme Edge brings Acme Cloud to 40 new regions; unlike other clouds, we guarantee that every deploy works.
"""
FRAGMENTS = ["[", "]", "](", "[x](", "<!", "<![", "<![CDATA[", "<!x>", "<!ELEMENT x>", "<!--", "-->", "<p>", "</p>",
             "<div>", "</div>", "*", "**", "_", "`", "```", "~~", "\\", "|", "\r", "\n", "\r\n", "\n\n", "---\n",
             "+++\n", "# ", "> ", "- ", "1. ", "&", "&amp;", "&#", "&#x110000;", "@", "a-", "http://", "www.",
             "\t", "\x00", "\ufeff", "\u2028", "é", "🙂", "{", "}", "{0}", ":", "brandlint-disable ", "<?x ?>",
             "<script>", "<svg>", "\x0b", "\x1b[31m"]
NESTERS = [("[", "]"), ("<div>", "</div>"), ("> ", ""), ("- ", ""), ("*", "*"), ("<p>", ""), ("[", "")]
BOMS = [b"", b"", b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]


def mutate_text(rng: random.Random, seed_text: str) -> bytes:
    text = seed_text
    for _ in range(rng.randint(1, 8)):
        op = rng.random()
        at = rng.randint(0, len(text))
        if op < 0.45:
            text = text[:at] + rng.choice(FRAGMENTS) * rng.choice([1, 1, 1, 2, 5, 50, 500]) + text[at:]
        elif op < 0.6:
            open_, close = rng.choice(NESTERS)
            depth = rng.choice([10, 100, 1000])
            text = text[:at] + open_ * depth + "x" + close * rng.choice([0, depth]) + text[at:]
        elif op < 0.75:
            end = rng.randint(at, min(len(text), at + 200))
            text = text[:at] + text[end:]
        elif op < 0.85:
            end = rng.randint(at, min(len(text), at + 200))
            text = text[:at] + text[at:end] * rng.randint(2, 20) + text[at:]
        else:
            text = text.replace("\n", rng.choice(["\r\n", "\r", "\n"]))
    data = text.encode("utf-8", "surrogatepass")
    bom = rng.choice(BOMS)
    if bom in (b"\xff\xfe", b"\xfe\xff"):
        data = bom + text.encode("utf-16-le" if bom == b"\xff\xfe" else "utf-16-be", "surrogatepass")
    else:
        data = bom + data
    for _ in range(rng.choice([0, 0, 0, 1, 3])):  # stray bytes: invalid UTF-8 and friends
        at = rng.randint(0, len(data))
        data = data[:at] + bytes([rng.randint(0, 255)]) + data[at:]
    return data


def office_seeds() -> dict[str, bytes]:
    import docx
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Why acme cloud"
    slide.placeholders[1].text_frame.text = "Prior to launch, our clients win."
    slide.notes_slide.notes_text_frame.text = "In order to win."
    other = deck.slides.add_slide(deck.slide_layouts[6])
    other.shapes.add_table(2, 2, Inches(1), Inches(1), Inches(4), Inches(1)).table.cell(0, 0).text = "Login"
    pptx = io.BytesIO()
    deck.save(pptx)
    document = docx.Document()
    document.add_heading("Why acme cloud", 1)
    document.add_paragraph("Prior to launch, our clients win.")
    document.add_table(rows=1, cols=2).cell(0, 0).text = "At this point in time"
    document.sections[0].header.paragraphs[0].text = "Login"
    word = io.BytesIO()
    document.save(word)
    return {"pptx": pptx.getvalue(), "docx": word.getvalue()}


def mutate_zip(rng: random.Random, seed: bytes) -> bytes:
    op = rng.random()
    if op < 0.35:  # rewrite one member's XML with text mutations, then zip again
        source = zipfile.ZipFile(io.BytesIO(seed))
        out = io.BytesIO()
        victim = rng.choice([i.filename for i in source.infolist() if i.filename.endswith(".xml")])
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == victim:
                    data = mutate_text(rng, data.decode("utf-8", "replace"))
                target.writestr(info.filename, data)
        return out.getvalue()
    data = bytearray(seed)
    if op < 0.65:  # lie in a header: version needed, method, sizes, name length
        heads = [i for i in range(len(data) - 30) if data[i:i + 4] in (b"PK\x03\x04", b"PK\x01\x02")]
        at = rng.choice(heads)
        field = rng.choice([4, 6, 8, 10, 18, 22, 24, 26, 28])
        data[at + field:at + field + 4] = struct.pack("<I", rng.choice([0, 1, 99, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFF]))
        return bytes(data)
    if op < 0.85:
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randint(0, 255)
        return bytes(data)
    return bytes(data[:rng.randint(0, len(data))])  # truncated


def inputs(reader: str, n: int, seed: int):
    rng = random.Random(f"{reader}:{seed}")
    if reader in ("pptx", "docx"):
        base = office_seeds()[reader]
        for _ in range(n):
            yield mutate_zip(rng, base)
        return
    base = {"markdown": MARKDOWN, "html": HTML, "text": TEXT, "claims": CLAIMS}[reader]
    for _ in range(n):
        yield mutate_text(rng, base)


SUFFIX = {"markdown": ".md", "html": ".html", "text": ".txt", "pptx": ".pptx", "docx": ".docx", "claims": ".txt"}


def make_run(limit: float):
    from brandlint import project
    from brandlint.config import Config
    from brandlint.messaging import load_messaging
    from brandlint.rules import load_rules

    # The lexical families (claims need the models: minutes per thousand documents, not the readers' risk).
    config = Config(root=ROOT, select=("terminology", "wording", "tool"), cache=False)
    return project.Run(config, load_messaging(ROOT / "messaging"), tuple(load_rules()), None, fix=True,
                       time_limit=limit)


def run_claims(n: int, seed: int = 1, limit: float = 5.0) -> dict:
    """The claims decisions on hostile lines, without the models: every line is judged against every
    entry of the bundled messaging as if the embeddings had put it close (`decide` is pure: scores come
    in), so each word list, figure reader and contradiction test sees it. A line over `limit` seconds
    is a hang."""
    import datetime as dt

    from brandlint.claims import names
    from brandlint.claims.decide import decide
    from brandlint.claims.detect import signal
    from brandlint.messaging import load_messaging

    messaging = load_messaging(ROOT / "messaging")
    known = names(messaging)
    ranked = [(entry, 0.8) for entry in messaging.entries]
    counts = {"inputs": 0, "crashes": 0, "hangs": 0, "unreadable": 0, "examples": []}
    for i, data in enumerate(inputs("claims", n, seed)):
        counts["inputs"] += 1
        text = data.decode("utf-8", "replace")
        started = time.perf_counter()
        try:
            for line in text.splitlines() or [text]:
                decide(line, signal(line, known), ranked, messaging, "external", dt.date(2026, 11, 22), known, {})
        except Exception as exc:
            counts["crashes"] += 1
            counts["examples"].append((i, f"{type(exc).__name__}: {exc}"))
            continue
        if time.perf_counter() - started > limit:
            counts["hangs"] += 1
            counts["examples"].append((i, f"took {time.perf_counter() - started:.1f} s"))
    return counts


def run(reader: str, n: int, seed: int = 1, limit: float = 5.0, run_=None) -> dict:
    """Counts for one reader: inputs, crashes, hangs, unreadable (a clear BL001 finding), and the first
    few crash messages."""
    from brandlint import project

    if reader == "claims":
        return run_claims(n, seed, limit)
    run_ = run_ or make_run(limit)
    counts = {"inputs": 0, "crashes": 0, "hangs": 0, "unreadable": 0, "examples": []}
    for i, data in enumerate(inputs(reader, n, seed)):
        counts["inputs"] += 1
        try:
            result = project.lint_bytes(f"fuzz{i}{SUFFIX[reader]}", data, run_)
        except Exception as exc:  # out of lint_bytes: that is a crash of the run
            counts["crashes"] += 1
            counts["examples"].append((i, f"{type(exc).__name__}: {exc}"))
            continue
        message = result.findings[0].message if result.findings else ""
        if result.crashed and "took longer" in message:
            counts["hangs"] += 1
            counts["examples"].append((i, message))
        elif result.crashed:
            counts["crashes"] += 1
            counts["examples"].append((i, message))
        elif result.findings and result.findings[0].code == "BL001":
            counts["unreadable"] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--readers", default="markdown,html,text,pptx,docx,claims")
    parser.add_argument("--limit", type=float, default=5.0, help="seconds per document before it counts as a hang")
    args = parser.parse_args()
    run_ = make_run(args.limit)
    failed = False
    print(f"{'reader':<10} {'inputs':>8} {'crashes':>8} {'hangs':>6} {'unreadable':>11} {'seconds':>8}")
    for reader in args.readers.split(","):
        started = time.perf_counter()
        counts = run(reader, args.n, args.seed, args.limit, run_)
        print(f"{reader:<10} {counts['inputs']:>8} {counts['crashes']:>8} {counts['hangs']:>6} "
              f"{counts['unreadable']:>11} {time.perf_counter() - started:>8.1f}", flush=True)
        for i, message in counts["examples"][:5]:
            print(f"    input {i} (seed {args.seed}): {message}")
        failed |= bool(counts["crashes"] or counts["hangs"])
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
