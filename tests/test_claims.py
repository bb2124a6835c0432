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


def test_durations_and_figures_written_with_an_article():
    """A duration is one kind of figure, in seconds, so "half an hour" is "30 minutes"; "a week" is a
    figure only after a word of time ("in under a week", not "once a week")."""
    text = "Live in under a week, refresh every 5 minutes, set up in half an hour, a 30-day trial, " \
           "half a billion loads, once a week, 12 months."
    assert [(f.text, f.value, f.unit) for f in find_figures(text)] == [
        ("a week", 604800.0, "s"), ("5 minutes", 300.0, "s"), ("half an hour", 1800.0, "s"),
        ("30-day", 2592000.0, "s"), ("half a billion", 5e8, ""), ("12 months", 31557600.0, "s")]
    assert parse_figure("30 minutes").same(find_figures("in under half an hour")[0])
    assert parse_figure("1 year").same(parse_figure("12 months"))


def claims(lint, text, channel="external", as_of=dt.date(2026, 11, 22)):
    result = lint(text, channel=channel, as_of=as_of, select=("claims",))
    return [(f.code, f.entry) for f in result.findings], result


def concise(*args) -> list[str]:
    """`brandlint check ARGS --format concise` as of the evaluation day: the findings' lines, no summary."""
    return invoke("check", *args, "--format", "concise", "--as-of", "2026-11-22").stdout.splitlines()[:-1]


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


def test_unsupported_is_a_suggestion_by_default_and_raised_per_channel(project):
    """Info by default (README: its measured precision on real copy); `unsupported_severity` raises it
    per channel, internal copy stays one level milder, and so do hedged sentences."""
    (project / "a.md").write_text("Acme Cloud is the fastest cloud in the world.\n", encoding="utf-8")
    (project / "b.md").write_text("Acme Cloud may be the fastest cloud in the world.\n", encoding="utf-8")

    def lines(*args):
        return concise("a.md", "b.md", "--select", "BL207", *args)

    a = " Unsupported claim (superlative): no approved message backs it (nearest similarity 0.62)."
    b = " Unsupported claim (superlative): no approved message backs it (nearest similarity 0.60)."
    assert lines() == ["a.md:1:1: BL207 [info]" + a, "b.md:1:1: BL207 [info]" + b]
    (project / "brandlint.yaml").write_text("messaging: messaging\nclaims:\n  unsupported_severity: "
                                            "{external: warning}\n", encoding="utf-8")
    assert lines() == ["a.md:1:1: BL207 [warning]" + a, "b.md:1:1: BL207 [info]" + b]
    assert lines("--channel", "internal") == ["a.md:1:1: BL207 [info]" + a, "b.md:1:1: BL207 [info]" + b]


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


def test_a_dated_post_is_judged_as_of_its_own_date(project):
    """Issue 11: a post that was true when it was published is history. The date comes from front
    matter (YAML or TOML), else from a date in the URL path or the file path; a fact's `since:` says
    when its figure became current. `claims: dated_documents: false` judges every file as of today."""
    text = "Half of the Fortune 500 run on Acme Cloud.\n"
    (project / "old.md").write_text(f"---\ndate: 2024-05-01\n---\n{text}", encoding="utf-8")
    (project / "toml.md").write_text(f'+++\npath = "2024/05/01/launch"\n+++\n{text}', encoding="utf-8")
    (project / "blog" / "2024").mkdir(parents=True)
    (project / "blog" / "2024" / "0501-launch.md").write_text(text, encoding="utf-8")
    (project / "new.md").write_text(f"---\ndate: 2025-07-01\n---\n{text}", encoding="utf-8")
    (project / "undated.md").write_text(text, encoding="utf-8")
    retired = ("BL201 [error] Retired claim 'fortune-500' (retired 2025-06-30, similarity 0.86); say instead: "
               "More than 4,000 companies run on Acme Cloud.")  # the bundled messaging

    def lines(*args):
        return concise(".", "--select", "BL201", *args)

    assert lines() == [f"new.md:4:1: {retired}", f"undated.md:1:1: {retired}"]
    (project / "brandlint.yaml").write_text("messaging: messaging\nclaims: {dated_documents: false}\n",
                                            encoding="utf-8")
    assert lines() == [f"new.md:4:1: {retired}", f"old.md:4:1: {retired}", f"toml.md:4:1: {retired}",
                       f"undated.md:1:1: {retired}", f"blog/2024/0501-launch.md:1:1: {retired}"]


def test_a_dated_document_is_judged_against_the_figure_current_on_its_date(project):
    """A fact's history: `since:` for the current figure and for each `previously` figure. A dated
    post that states the figure of its day is not reported; one that states a figure already out of
    date on its day is, against the figure of that day; an undated page is judged as of today."""
    messaging = (project / "messaging" / "claims.yaml").read_text(encoding="utf-8")
    (project / "messaging" / "claims.yaml").write_text(messaging.replace(
        "    previously: [2,500, 3,000]",
        "    since: 2026-01-15\n    previously:\n      - figure: 2,500\n        since: 2024-01-01\n"
        "      - figure: 3,000\n        since: 2025-03-01"), encoding="utf-8")
    posts = {"2024-06-01-a.md": "2,500", "2025-12-01-b.md": "3,000", "2025-12-01-c.md": "2,500",
             "2026-02-01-d.md": "3,000", "live.md": "3,000", "2023-06-01-e.md": "2,000"}
    for name, figure in posts.items():
        (project / name).write_text(f"More than {figure} companies run on Acme Cloud.\n", encoding="utf-8")
    stale = "BL202 [error] '{}' is out of date for 'customer-count': the current figure is {}. Approved: More " \
            "than 4,000 companies run on Acme Cloud."
    assert concise(".", "--select", "BL202,BL203") == [
        "2025-12-01-c.md:1:1: " + stale.format("2,500", "3,000 on 2025-12-01, the document's date"),
        "2026-02-01-d.md:1:1: " + stale.format("3,000", "4,000"),
        "live.md:1:1: " + stale.format("3,000", "4,000")]


def test_an_office_file_is_dated_by_its_last_save(project):
    """A deck or document is dated by the "modified" date of its core properties, as an editor saves
    it; a file a library wrote from its blank template (python-pptx, python-docx) carries that
    template's 2013 dates, which say nothing of the copy, and a date before 2007 is a placeholder: both
    are judged as of today."""
    from docx import Document
    from pptx import Presentation
    from pptx.util import Inches

    messaging = (project / "messaging" / "claims.yaml").read_text(encoding="utf-8")
    (project / "messaging" / "claims.yaml").write_text(messaging.replace(
        "    previously: [2,500, 3,000]",
        "    since: 2026-01-15\n    previously:\n      - figure: 2,500\n        since: 2024-01-01\n"
        "      - figure: 3,000\n        since: 2025-03-01"), encoding="utf-8")
    saved = {"archived": dt.datetime(2025, 12, 1, 9, 30), "live": dt.datetime(2026, 11, 2, 16, 0), "tool": None,
             "epoch": dt.datetime(1970, 1, 1)}  # a placeholder from before the format existed: no date
    for name, when in saved.items():
        deck = Presentation()
        if when:
            deck.core_properties.modified = when
        box = deck.slides.add_slide(deck.slide_layouts[6]).shapes.add_textbox(Inches(1), Inches(1), Inches(6), Inches(1))
        box.text_frame.text = "More than 3,000 companies run on Acme Cloud."
        deck.save(project / f"{name}.pptx")
    memo = Document()
    memo.core_properties.modified = dt.datetime(2025, 12, 1, 9, 30)
    memo.add_paragraph("More than 2,500 companies run on Acme Cloud.")
    memo.save(project / "memo.docx")
    stale = "BL202 [error] '{}' is out of date for 'customer-count': the current figure is {}. Approved: More " \
            "than 4,000 companies run on Acme Cloud."
    assert concise(".", "--select", "BL202,BL203") == [
        "epoch.pptx:slide 1:TextBox 1: " + stale.format("3,000", "4,000"),
        "live.pptx:slide 1:TextBox 1: " + stale.format("3,000", "4,000"),
        "memo.docx:paragraph 1: " + stale.format("2,500", "3,000 on 2025-12-01, the document's date"),
        "tool.pptx:slide 1:TextBox 1: " + stale.format("3,000", "4,000")]


def test_a_not_in_another_clause_neither_hides_nor_makes_a_claim(lint):
    """The prohibited claim is found although another clause says "not"; a "not" about something the
    entry does not say contradicts nothing; one about what it says does."""
    assert claims(lint, "Acme Cloud never goes down, and you do not need to install anything.")[0] == [
        ("BL200", "never-down")]
    # the entry's own "never" in another clause is not a word the clause shares with it
    assert claims(lint, "Acme Cloud never goes down and you never wait.")[0] == [("BL200", "never-down")]
    assert claims(lint, "Acme Cloud encrypts your data at rest, and its agent does not even need a config file.")[0] \
        == []
    assert claims(lint, "Acme Cloud does not encrypt customer data in transit.")[0] == [
        ("BL204", "secure-by-default")]


def test_a_percentage_of_another_share_is_not_compared(lint):
    assert claims(lint, "Acme Cloud buys renewable energy to match 60% of the power its data centers use.")[0] == [
        ("BL203", "renewable-match")]
    assert claims(lint, "Acme Cloud customers say 35% of their workloads now run in containers.")[0] == []


@pytest.mark.parametrize("text,form,how", [
    ("The driver app does not support passkeys yet.",
     "Drivers sign in to the driver app with a passkey, without a password.", "negation"),
    ("Acme Cloud does not require code changes.", "Acme Cloud requires no code changes.", ""),
    ("Our SOC 2 Type II certification lapsed in 2025.", "Acme Cloud is SOC 2 Type II certified.", "reversal"),
    ("Support is available only during business hours.",
     "Every plan includes 24/7 support from human engineers.", "hours"),
    ("New versions can change things, but only in backwards-compatible ways.",
     "Editions let the language evolve; every edition interoperates with the others.", ""),
    ("Linkerd-proxy doesn't even have a config file.",
     "Linkerd's data plane proxy is written in Rust, a memory-safe language.", ""),
    ("The team will no longer publish a blog post each time a malicious crate is found.",
     "The team removes malicious crates and publishes what it found.", ""),
    ("Customer data is never encrypted on Acme Cloud.",
     "Acme Cloud encrypts every customer's data at rest and in transit.", "negation"),
    # a requirement of what the entry spares you denies it; sparing it again does not
    ("Couriers need a password to open the parcel app.",
     "Couriers open the parcel app with a passkey, without a password.", "requirement"),
    ("Patches are applied live, to avoid the need for reboots.", "Patches are applied without rebooting.", ""),
    ("The agent requires no code changes.", "The agent adds tracing without code changes.", ""),
])
def test_contradiction_is_what_the_sentence_denies_not_a_count_of_negations(text, form, how):
    """Issue 12: a "not" or a reversal of a word the entry asserts, or a narrowing of what it says of
    everyone; the entry's own "without a password" is about passwords, and a "not" about something
    else denies nothing."""
    from brandlint.claims.contradict import contradicts

    assert contradicts(text, form) == how


def test_explain_says_why_a_close_entry_gave_no_finding(project):
    (project / "e.md").write_text("Acme Cloud encrypts every customer's data at rest and in transit.\n",
                                  encoding="utf-8")
    result = invoke("explain", "e.md:1", "--as-of", "2026-11-22")
    assert result.stdout.splitlines() == [
        "e.md:1: claim-like sentence (about the company), no finding:",
        "  text: \"Acme Cloud encrypts every customer's data at rest and in transit.\"",
        "    1.000  message    secure-by-default: Acme Cloud encrypts every customer's data at rest and in transit.",
        "           why no finding: restates the approved entry",
        "    0.621  prohibited cheapest: Acme Cloud is the cheapest cloud provider on the market.",
        "           why no finding: similarity 0.621 is below the 0.725 needed",
        "    0.595  message    pricing-terms: Prices and credits are subject to the Acme Cloud terms of service.",
        "           why no finding: similarity 0.595 is below the 0.725 needed",
        "    0.591  fact       customer-count: More than 4,000 companies run on Acme Cloud.",
        "           why no finding: similarity 0.591 is below the 0.725 needed",
        "    0.575  prohibited unhackable: Acme Cloud cannot be hacked.",
        "           why no finding: similarity 0.575 is below the 0.725 needed", ""]


def test_a_prohibited_claim_is_reported_beside_a_closer_entry_the_sentence_denies(lint):
    """Issue 12: only a negation of that very claim clears a prohibited claim; denying another one in
    the same sentence does not."""
    assert claims(lint, "Acme Cloud never goes down, and we do not say it cannot be hacked.")[0] == [
        ("BL200", "never-down")]
    assert claims(lint, "We do not say that Acme Cloud cannot be hacked.")[0] == []


def test_names_match_through_typographic_apostrophes_and_dashes():
    from brandlint.claims.detect import names_in, own_claim

    names = ["Tidewater's Insight", "Acme-Edge"]
    assert names_in("Tidewater’s Insight is the fastest tool; Acme–Edge too.", names) == set(names)
    assert own_claim("Tidewater’s Insight is the fastest tool.", names) == ("superlative",)


def test_messaging_examples_are_tests_and_calibrate_proposes_thresholds_from_them(project):
    """Issue 12: an entry's `examples:` run in `messaging check` (pass: no finding; fail: a finding
    about the entry), and `messaging calibrate` proposes thresholds under which more of them pass,
    writing them only when asked."""
    path = project / "messaging" / "claims.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    previously: [2,500, 3,000]        # figures published before: using one now is a stale figure\n",
        "    previously: [2,500, 3,000]\n    examples:\n      pass:\n        - Over four thousand businesses rely on "
        "Acme Cloud.\n      fail:\n        - 3,000 companies use Acme Cloud.\n        - Acme Cloud serves 6.\n"),
        encoding="utf-8")
    check = invoke("messaging", "check", "--as-of", "2026-11-22")
    assert (check.exit_code, check.stdout.splitlines()[1:]) == (1, [
        f"{path}:5: example of fact 'customer-count' fails: 'Acme Cloud serves 6.': expected a finding about "
        "'customer-count', got no finding (similarity 0.666 is below the 0.725 needed)",
        "examples: 2 of 3 pass"])
    proposal = invoke("messaging", "calibrate", "--as-of", "2026-11-22")
    assert proposal.stdout == ("examples passing: 2 of 3 with the current thresholds, 3 with the proposal\n"
                               "claims:\n  thresholds:\n    match: 0.65\n")
    assert (project / "brandlint.yaml").read_text(encoding="utf-8") == "messaging: messaging\n"
    written = invoke("messaging", "calibrate", "--as-of", "2026-11-22", "--write")
    assert written.stdout.splitlines()[-1] == f"wrote the thresholds to {project / 'brandlint.yaml'}"
    assert (project / "brandlint.yaml").read_text(encoding="utf-8") == (
        "messaging: messaging\nclaims:\n  thresholds:\n    match: 0.65\n")
    again = invoke("messaging", "check", "--as-of", "2026-11-22")
    assert (again.exit_code, again.stdout.splitlines()[-1]) == (0, "examples: 3 of 3 pass")


def test_a_sentence_with_two_claims_is_judged_clause_by_clause(project):
    """Issue 12: a retired claim in one clause and a wrong figure in the other are both reported; the
    retired claim points at its own clause."""
    (project / "two.md").write_text("Our customers say so. Half of the Fortune 500 run on Acme Cloud, and more than "
                                    "5,000 companies trust us with their workloads.\n", encoding="utf-8")
    assert concise("two.md", "--select", "BL201,BL203") == [
        "two.md:1:23: BL201 [error] Retired claim 'fortune-500' (retired 2025-06-30, similarity 0.84); say "
        "instead: More than 4,000 companies run on Acme Cloud.",
        "two.md:1:23: BL203 [error] '5,000' does not match fact 'customer-count' (4,000). Approved: More than "
        "4,000 companies run on Acme Cloud."]


def test_a_duration_that_ends_the_entry_is_compared_by_the_words_before_it(project):
    """`figure: 8` for "more than 8 years": a draft's "5 years" is a mismatch and "7 years" (a
    `previously` value, read in years too) is stale, though no word follows the figure in the entry."""
    path = project / "messaging" / "claims.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("facts:\n", "facts:\n  years-in-business:\n"
                    "    text: Acme Cloud has served customers for more than 8 years.\n    figure: 8\n"
                    "    previously: [7]\n", 1), encoding="utf-8")
    (project / "d.md").write_text("Acme Cloud has served customers for more than 5 years.\n\n"
                                  "Acme Cloud has served customers for more than 7 years.\n", encoding="utf-8")
    approved = "Approved: Acme Cloud has served customers for more than 8 years."
    assert concise("d.md", "--select", "claims") == [
        f"d.md:1:1: BL203 [error] '5 years' does not match fact 'years-in-business' (8 years). {approved}",
        f"d.md:3:1: BL202 [error] '7 years' is out of date for 'years-in-business': the current figure is 8 years. "
        f"{approved}"]


def test_channel_rules_hold_for_copy_dated_before_an_entry_changed(project):
    """A sales-only offer in an external post is reported even when the post predates the offer's
    current wording (`since:`): the history excuses old figures, not the wrong audience."""
    path = project / "messaging" / "claims.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    channels: [sales]                 # a sales offer: not for the public web",
        "    channels: [sales]\n    since: 2026-06-01"), encoding="utf-8")
    (project / "2025-01-10-offer.md").write_text(
        "New customers who move from another cloud get $10,000 in migration credits.\n", encoding="utf-8")
    assert concise(".", "--select", "claims") == [
        "2025-01-10-offer.md:1:1: BL205 [error] Message 'migration-credits' is approved for sales copy only, "
        "not external copy."]


def own_messaging(project, text: str) -> None:
    """Replace the project's messaging with one file of `text`."""
    import shutil

    shutil.rmtree(project / "messaging")
    (project / "messaging").mkdir()
    (project / "messaging" / "m.yaml").write_text(text, encoding="utf-8")


CONDUIT = """company: Conduit
messages:
  open-source:
    text: Conduit is 100% open source, licensed under Apache 2.0.
  release-model:
    text: The Conduit project ships nightly builds; stable releases come from vendors.
retired:
  project-stable-releases:
    text: The Conduit open source project publishes stable releases.
    retired_on: 2025-02-01
    use_instead: release-model
"""


def test_a_retired_claim_is_not_seen_in_approved_wording_pointers_or_the_news_of_its_change(project):
    """Issue 11, shapes of three false alarms in a real announcement post: a pointer to a page; a
    sentence whose words in common with the retired claim are those of another approved message it
    restates; one that announces the change in the replacement's words. The retired claim itself,
    in other words, is still reported."""
    own_messaging(project, CONDUIT)
    (project / "post.md").write_text(
        "See the Conduit releases page for more.\n\n"
        "Conduit is open source today and will stay open source.\n\n"
        "While Conduit will always be open source, as of Conduit 3.0, producing stable Conduit releases will be "
        "in the hands of vendors.\n\n"
        "The Conduit open source project still publishes stable releases.\n\n"
        "Stable Conduit builds are published by the open-source project.\n", encoding="utf-8")
    instead = "say instead: The Conduit project ships nightly builds; stable releases come from vendors."
    assert concise("post.md", "--select", "claims") == [
        f"post.md:7:1: BL201 [error] Retired claim 'project-stable-releases' (retired 2025-02-01, similarity 0.93); "
        f"{instead}",
        f"post.md:9:1: BL201 [error] Retired claim 'project-stable-releases' (retired 2025-02-01, similarity 0.91); "
        f"{instead}"]
    why = []
    for n in (3, 5):  # the retired entry's line in `explain` and the reason under it
        lines = [line.strip() for line in invoke("explain", f"post.md:{n}", "--as-of", "2026-11-22").stdout.splitlines()]
        at = next(i for i, line in enumerate(lines) if "retired    project-stable-releases" in line)
        why += lines[at:at + 2]
    assert why == [
        "0.823  retired    project-stable-releases: The Conduit open source project publishes stable releases.",
        "why no finding: what it shares with the retired claim (open, source) is also the approved wording of "
        "'open-source', which it matches (0.779)",
        "0.838  retired    project-stable-releases: The Conduit open source project publishes stable releases.",
        "why no finding: it announces a change ('as of') in the words of the claim that replaced it (vendor, from "
        "'release-model')"]


def test_superlatives_that_claim_the_same_attribute_are_one_claim():
    """"The biggest network" restates a retired "largest network"; "fastest" is still not "cheapest"."""
    from brandlint.claims.detect import superlatives

    assert superlatives("We run the biggest freight network in Europe.") == {"largest"}
    assert superlatives("The most secure and least expensive cloud.") == {"safest", "cheapest"}
    assert superlatives("The fastest cloud.") != superlatives("The cheapest cloud.")


def test_a_claim_after_a_lead_in_is_read_without_it(lint):
    """Issue 12: "X: <claim>" and "Tell prospects that <claim>". The colon made the lead-in a clause of
    its own, and the claim's "nobody" was then read as a denial in another clause."""
    found, _ = claims(lint, "Note for the launch webinar: nobody can hack into Acme Cloud.", "internal")
    assert found == [("BL200", "unhackable")]
    found, _ = claims(lint, "Remind the sales team that Acme Cloud has never once gone down.", "internal")
    assert found == [("BL200", "never-down")]


def test_nobody_beats_is_a_claim_of_superiority_not_a_denial(lint):
    found, _ = claims(lint, "Nobody beats the prices you get on Acme Cloud.", "sales")
    assert found == [("BL200", "cheapest")]


REVIEW = """company: Acme Cloud
messages:
  oss-free:
    text: Acme Cloud is free for open source projects.
  secure-default:
    text: Acme Cloud is secure by default, with encryption at rest.
  support-channels:
    text: Acme Cloud support answers by chat and email around the clock.
  passkeys:
    text: Couriers open the Parcelly app with a passkey, without a password.
prohibited:
  totally-secure:
    text: Acme Cloud is totally secure.
    reason: No absolutes.
retired:
  free-for-all:
    text: Acme Cloud is free.
    retired_on: 2025-01-01
  phone:
    text: Acme Cloud support answers by phone.
    retired_on: 2025-01-01
    use_instead: support-channels
"""


def test_the_reasons_to_clear_a_retired_or_prohibited_match_never_clear_the_claim_itself(project):
    """A review's cases: the claim word for word (its only word is also in an approved entry), a claim
    restated with the news of a change, a claim after a lead-in that denies it, and a curly
    apostrophe in "don’t need a password", which agrees with "without a password"."""
    own_messaging(project, REVIEW)
    (project / "d.md").write_text(
        "Acme Cloud is free.\n\n"
        "Acme Cloud is completely secure.\n\n"
        "Starting in May, Acme Cloud support answers by phone, chat and email.\n\n"
        "Couriers don\u2019t need a password to open the Parcelly app.\n\n"
        "Not true: nobody can hack into Acme Cloud.\n", encoding="utf-8")
    assert concise("d.md", "--select", "claims") == [
        "d.md:1:1: BL201 [error] Retired claim 'free-for-all' (retired 2025-01-01, similarity 1.00); remove it "
        "(no replacement is approved)",
        "d.md:3:1: BL200 [error] This says what prohibited claim 'totally-secure' says (similarity 0.96): "
        "No absolutes.",
        "d.md:5:1: BL201 [error] Retired claim 'phone' (retired 2025-01-01, similarity 0.89); say instead: Acme "
        "Cloud support answers by chat and email around the clock."]


def test_a_pointer_that_says_something_on_the_way_is_judged(lint):
    found, _ = claims(lint, "See how Acme Cloud runs entirely on renewable energy for more details.")
    assert found == [("BL201", "fully-renewable")]
    found, _ = claims(lint, "See the Acme Cloud renewable energy page for more details.")
    assert found == []


def test_a_year_is_compared_when_the_fact_is_a_year_and_said_after_the_same_words(project):
    """Issue 12: "founded in 2011" against a fact "founded in 2013"; a year after other words dates
    something else."""
    own_messaging(project, "company: Conduit\nfacts:\n  founded:\n    text: Conduit was founded in Lisbon in 2016.\n"
                           "    figure: 2016\n")
    (project / "y.md").write_text("Conduit was founded in Lisbon in 2014.\n\n"
                                  "Conduit was founded in Lisbon in 2016.\n\n"
                                  "Conduit opened its second office in Lisbon in 2019.\n", encoding="utf-8")
    assert concise("y.md", "--select", "claims") == [
        "y.md:1:1: BL203 [error] '2014' does not match fact 'founded' (2016). Approved: Conduit was founded in "
        "Lisbon in 2016."]


def test_an_old_value_of_the_entrys_own_count_is_stale_from_a_lower_similarity(lint):
    """Issue 12: a long sentence with a link scores below the full match; "3,000 companies" is still one
    of the count's old values ("websites" are not what the entry counts)."""
    long = ("We talked to the head of platform at a logistics firm about why her team moved to [Acme "
            "Cloud](https://example.com/story), which more than 3,000 companies now run on.")
    found, result = claims(lint, long)
    assert found == [("BL202", "customer-count")]
    found, _ = claims(lint, long.replace("3,000 companies now run on", "3,000 websites now run on"))
    assert found == []


def test_a_narrowing_of_every_contradicts_from_the_full_match_score(lint):
    """A "not" needs the closer contradiction score (0.75); "only on weekdays" against "every plan
    includes round-the-clock support" is evidence enough at the full match (0.73 here)."""
    found, _ = claims(lint, "Acme Cloud plans include support from human engineers only on weekdays.")
    assert found == [("BL204", "human-support")]
