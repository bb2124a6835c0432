"""Write the demo sales deck (a .pptx is generated, never committed).

    python examples/make_deck.py examples/sales/retail-deck.pptx
"""

import sys
from pathlib import Path

from pptx import Presentation
from pptx.util import Inches


def build(path: Path) -> None:
    deck = Presentation()
    deck.core_properties.keywords = "channel: sales"
    title = deck.slides.add_slide(deck.slide_layouts[0])
    title.shapes.title.text = "Acme Cloud for retail"
    title.placeholders[1].text = "Sales briefing, winter 2026"

    claims = deck.slides.add_slide(deck.slide_layouts[1])
    claims.shapes.title.text = "Why retailers pick AcmeCloud"
    body = claims.placeholders[1].text_frame
    body.text = "Half of the Fortune 500 run on Acme Cloud."
    for line in ("Acme Cloud is the only platform built for retail.",
                 "Our clients move their workloads in days, not months."):
        body.add_paragraph().text = line
    claims.notes_slide.notes_text_frame.text = (
        "Remind the customer that we encrypt every customer's data at rest and in transit. "
        "In order to close the deal, utilize the migration credits.")

    table_slide = deck.slides.add_slide(deck.slide_layouts[5])
    table_slide.shapes.title.text = "Acme Cloud in numbers"
    rows = [("Metric", "Value"), ("Companies on Acme Cloud", "More than 3,000 companies run on Acme Cloud."),
            ("Uptime", "Acme Cloud never goes down.")]
    shape = table_slide.shapes.add_table(len(rows), 2, Inches(0.5), Inches(1.5), Inches(9), Inches(2))
    for r, (a, b) in enumerate(rows):
        shape.table.cell(r, 0).text = a
        shape.table.cell(r, 1).text = b
    path.parent.mkdir(parents=True, exist_ok=True)
    deck.save(path)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "examples/sales/retail-deck.pptx")
    build(target)
    print(f"wrote {target}", file=sys.stderr)
