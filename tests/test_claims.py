"""Claims against the bundled messaging with the real spaCy pipeline and the real embedding model."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import invoke

from brandlint.figures import find_figures, parse_figure


@pytest.mark.parametrize("text", ["more than 4,000", "over 4k", "4,000+", "four thousand", "4000"])
def test_same_figure_in_many_spellings(text):
    (figure,) = find_figures(text)
    assert figure.same(parse_figure("4,000"))


def test_figures_that_are_not_quantities():
    found = find_figures("In 2025 half of the Fortune 500 ranked us #1.")
    assert [(f.text, f.year_like) for f in found] == [("2025", True), ("half", False), ("500", True)]
    assert [(f.value, f.unit) for f in find_figures("99.9% uptime, 3x faster, $2.5 million, 20-30%")] == [
        (99.9, "%"), (3.0, "x"), (2_500_000.0, "$"), (20.0, ""), (30.0, "%")]


def claims(lint, text, channel="external", as_of=dt.date(2026, 11, 22)):
    result = lint(text, channel=channel, as_of=as_of, select=("claims",))
    return [(f.code, f.entry) for f in result.findings], result


def test_each_kind_names_its_entry(lint):
    cases = [
        ("Nobody can ever break into Acme Cloud.", "external", ("BL200", "unhackable")),
        ("Half of the Fortune 500 run on Acme Cloud.", "external", ("BL201", "fortune-500")),
        ("More than 3,000 companies run on Acme Cloud.", "external", ("BL202", "customer-count")),
        ("More than 5,000 companies run on Acme Cloud.", "external", ("BL203", "customer-count")),
        ("Acme Cloud does not encrypt customer data in transit.", "external", ("BL204", "secure-by-default")),
        ("New customers who move from another cloud get $10,000 in migration credits.", "external",
         ("BL205", "migration-credits")),
        ("Acme Edge brings Acme Cloud to 40 new regions.", "sales", ("BL206", "edge-launch")),
        ("Acme Cloud is the fastest cloud in the world.", "external", ("BL207", None)),
    ]
    for text, channel, expected in cases:
        found, _ = claims(lint, text, channel)
        assert found == [expected], (text, found)


def test_paraphrases_and_plain_text_pass(lint):
    for text in ["Over 4k companies run on Acme Cloud.",
                 "Your data is encrypted by Acme Cloud both at rest and in transit.",
                 "Teams move their workloads to Acme Cloud in days, not months.",
                 "Read on to learn how to set up your account."]:
        assert claims(lint, text)[0] == [], text


def test_stale_figure_message_says_what_is_current(lint):
    _, result = claims(lint, "More than 3,000 companies run on Acme Cloud.")
    (finding,) = result.findings
    assert finding.message.startswith("'3,000' is out of date for 'customer-count': the current figure is 4,000.")
    assert finding.suggestions == ("More than 4,000 companies run on Acme Cloud.",)
    assert dict(finding.details)["score"] > 0.7


def test_retired_shows_replacement_and_respects_date(lint):
    _, result = claims(lint, "Half of the Fortune 500 run on Acme Cloud.")
    assert result.findings[0].suggestions == ("More than 4,000 companies run on Acme Cloud.",)
    assert claims(lint, "Half of the Fortune 500 run on Acme Cloud.", as_of=dt.date(2025, 1, 1))[0] == []


def test_embargo_lifts_on_launch_day_and_internal_may_prepare(lint):
    text = "Acme Edge brings Acme Cloud to 40 new regions."
    assert claims(lint, text, "internal")[0] == []
    assert claims(lint, text, "sales", as_of=dt.date(2027, 1, 15))[0] == []
    assert claims(lint, text, "external", as_of=dt.date(2027, 1, 15))[0] == [("BL205", "edge-launch")]


def test_unsupported_is_milder_internally_and_when_hedged(lint):
    _, strong = claims(lint, "Acme Cloud is the fastest cloud in the world.")
    _, internal = claims(lint, "Acme Cloud is the fastest cloud in the world.", "internal")
    _, hedged = claims(lint, "Acme Cloud may be the fastest cloud in the world.")
    assert [str(f.severity) for f in (*strong.findings, *internal.findings, *hedged.findings)] == [
        "warning", "info", "info"]


def test_json_carries_entry_score_and_nearest(project):
    (project / "post.md").write_text("# News\n\nAcme Cloud can never be hacked.\n", encoding="utf-8")
    result = invoke("check", "post.md", "--select", "claims", "--format", "json", "--as-of", "2026-11-22")
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["rule"], finding["family"], finding["entry"], finding["line"], finding["column"]) == (
        "BL200", "claims", "unhackable", 3, 1)
    assert finding["nearest"][0]["entry"] == "unhackable" and finding["score"] == finding["nearest"][0]["score"]
    assert result.exit_code == 1


def test_explain_line_shows_nearest_entries(project):
    (project / "post.md").write_text("Intro.\n\nOver 4k companies run on Acme Cloud.\n", encoding="utf-8")
    out = invoke("explain", "post.md:3").stdout
    assert "claim-like sentence (figure, about the company), no finding:" in out
    assert "fact       customer-count: More than 4,000 companies run on Acme Cloud." in out


def test_second_run_embeds_nothing(messaging, rules):
    from brandlint import project
    from brandlint.config import Config
    from brandlint.language import Language

    text = b"Acme Cloud is the greenest cloud in Lisbon, with 17 sites."
    for expected_new in (True, False):
        language = Language()
        run = project.Run(Config(), messaging, tuple(rules), language, dt.date(2026, 11, 22))
        project.lint_bytes("a.md", text, run)
        assert (language.stats["embedded"] > 0) == expected_new, language.stats


def test_missing_model_is_a_clear_exit_2(project):
    (project / "brandlint.yaml").write_text("messaging: messaging\nclaims:\n  model: /nonexistent/model\n",
                                            encoding="utf-8")
    (project / "post.md").write_text("Acme Cloud is the fastest cloud.\n", encoding="utf-8")
    result = invoke("check", "post.md", "--no-cache")
    assert result.exit_code == 2
    assert result.output == (
        "brandlint: error: embedding model '/nonexistent/model' is neither all-MiniLM-L6-v2 nor a local folder: download the "
        "sentence-transformers model (its folder holds model.safetensors) and set claims.model to that folder\n")


def test_messaging_check_reports_confusable_entries(project):
    (project / "messaging" / "extra.yaml").write_text(
        "prohibited:\n  unbreakable:\n    text: Nobody can ever hack Acme Cloud.\n    reason: Same claim.\n",
        encoding="utf-8")
    result = invoke("messaging", "check")
    assert "prohibited 'unhackable' and prohibited 'unbreakable'" in result.output
    assert result.exit_code == 1


def test_static_first_pass_agrees_with_the_transformer(messaging):
    """The static model only decides sentences far from every entry; the verdicts must not change."""
    from brandlint.claims import analyse
    from brandlint.engine import Context
    from brandlint.language import Language
    from brandlint.readers import plain

    sentences = ["Acme Cloud is the fastest cloud in the world.", "Half of the Fortune 500 run on Acme Cloud.",
                 "More than 3,000 companies run on Acme Cloud.", "We shipped 3 releases of the compiler in 2019.",
                 "Our new parser is 40% faster than the old one.", "Nobody can ever break into Acme Cloud."]
    verdicts = {}
    for static in ("auto", "off"):
        language = Language(static=static)
        ctx = Context(messaging, as_of=dt.date(2026, 11, 22), language=language)
        found = []
        for s in sentences:
            found.append([v.kind if v else None for _, _, v, _ in analyse(plain.read("x.txt", s), ctx)])
        verdicts[static] = found
        if static == "auto":  # the sentences near an entry still went to the transformer (or its cache)
            assert 0 < language.stats["embedded"] + language.stats["cached"] < len(sentences) + len(messaging.entries) + 1
    assert verdicts["auto"] == verdicts["off"]
