"""Real-copy false alarms (issue 11) kept as regression cases: sentences written for these tests in
the shapes that produced noise on published blogs, run through the real pipeline. A messaging with
one-word product names (one of them an English word) shows the terminology shapes the bundled Acme
messaging cannot."""

from __future__ import annotations

import datetime as dt

import pytest

from brandlint import project
from brandlint.claims.detect import signal
from brandlint.config import Config
from brandlint.messaging import load_messaging
from brandlint.readers import html, markdown

MESSAGING = """company: Corvid
messages:
  what-it-does:
    text: Corvid adds encryption and retries to every service, without code changes.
terms:
  - use: Corvid
    case_sensitive: true
  - use: Harbor
    case_sensitive: true
  - use: Corvid Relay
    case_sensitive: true
  - use: Corvid Enterprise for Teams
    case_sensitive: true
"""


@pytest.fixture
def corvid(tmp_path, rules, language):
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "messaging.yaml").write_text(MESSAGING, encoding="utf-8")
    messaging = load_messaging(tmp_path / "m")

    def go(text: str, select=("terminology",), suffix=".md"):
        run = project.Run(Config(root=tmp_path, select=tuple(select)), messaging, tuple(rules), language,
                          dt.date(2026, 11, 22), "external", False)
        result = project.lint_bytes(f"draft{suffix}", text.encode("utf-8"), run)
        return [f"{f.line}:{f.column} {f.code} {f.match}" for f in result.findings]
    return go


@pytest.mark.parametrize("text", [
    "Follow [@corvid](https://example.com/corvid) for news.",  # a handle
    "Mail the team at hello@corvid.dev or visit corvid.dev today.",  # e-mail and domain
    "We merged corvid-labs/corvid#1234 and corvid#88 last week.",  # repository and issue references
    "The config lives in /etc/corvid/relay.toml on each host.",  # a path
    "Run the corvid inject command, then check the corvid namespace.",  # commands and namespaces
    "In today's fast-moving IT harbor, teams move quickly.",  # a name that is an English word, used as one
    "Traffic goes through the Corvid relay before it leaves the node.",  # the name + an ordinary word
    "The corvid relay pods restart first.",
    "Read the notes for Corvid Enterprise for the details.",  # the name's own prefix
    "Every service is relayed to every other service.",  # an English word near the name
])
def test_terminology_is_quiet_on_names_that_are_not_names(corvid, text):
    assert corvid(text) == []


def test_terminology_still_finds_real_slips(corvid):
    assert corvid("We moved to corvid last year. Our Corvd Relay and Corvid Realy work.") == [
        "1:13 BL101 corvid", "1:35 BL102 Corvd", "1:51 BL102 Corvid Realy"]
    assert corvid("We publish Corvids roadmap.") == []  # the name's plural is an inflection, not a misspelling


@pytest.mark.parametrize("text", [
    "We keep 6 replicas of the billing worker in each zone.",
    "When we opened our first office in 2014, 12% of our traffic came from phones.",
    "Our signing keys rotate every 90 days.",
    "Most of the settings need no change, but the proxy port does.",
    "As always, you can download the latest build from our releases page.",
    "This was the biggest meetup yet, with 900 attendees and a great Corvid booth.",
    "What is new in Corvid 4.2.1",
    "Notes from the 2026-03-11 planning call, where we met at 14:30:",
    "According to a 2025 industry survey, 68% of teams run more than one cloud.",
    "Kubernetes guarantees that init containers finish before Corvid starts.",
    "The most important thing to know is that we route to endpoints.",
    "Corvid cuts the log into pieces of half a megabyte.",
    "According to the survey, teams save $5,000 a year.",
])
def test_not_a_claim_the_company_makes(text):
    assert signal(text, ["Corvid"]).claim == ()


@pytest.mark.parametrize("text,shapes", [
    ("Corvid is the simplest mesh in the world.", ("superlative",)),
    ("Corvid is 5 times smaller than its rivals.", ("comparison",)),
    ("Corvid guarantees zero downtime during upgrades.", ("guarantee",)),
    ("Corvid cuts your cloud bill by 40%.", ("performance",)),
    ("More than 9,000 companies run Corvid in production.", ("customers",)),
    ("Developers rank Corvid #1 for ease of use.", ("ranking",)),
    # wordings the first lists missed: "$120,000" was never a saving (the pattern stopped at its first
    # digit), "in half" and "as reliable as any other" were not claims
    ("Nobody beats the prices Corvid finds.", ("superiority",)),
    ("Corvid is twice as reliable as any other mesh.", ("comparison",)),
    ("We guarantee a reply for every ticket within an hour.", ("guarantee",)),
    ("Customers see a full return on their investment in a year.", ("performance",)),
    ("Corvid cuts deployment times in half.", ("performance",)),
    ("Corvid is trusted by the world's largest banks.", ("customers",)),
    ("We have the happiest customers in cloud hosting.", ("superlative",)),
    ("Corvid saves the average team $120,000 a year.", ("savings",)),
])
def test_a_claim_the_company_makes(text, shapes):
    assert signal(text, ["Corvid"]).claim == shapes


def test_leaving_out_without_is_not_a_contradiction(corvid):
    text = "This release adds encryption and retries to every Corvid service.\n"
    assert corvid(text, select=("claims",)) == []


def test_jinja_and_shortcodes_are_markup():
    source = ('<p>Hi {{ image(url="x.png", alt="<b>Logo</b>", width="283") }} there.</p>\n'
              "{% if x %}<p>Our {# note #}story</p>{% endif %}")
    page = html.read("a.html", source)
    assert [(" ".join(b.text.split()), b.start) for b in page.blocks] == [
        ("Hi there.", source.index("Hi")), ("Our story", source.index("Our"))]
    source = 'Intro {{< x user="lili" id="1197" >}} text.\n\n{{% note %}}\nBody.\n{{% /note %}}\n'
    post = markdown.read("a.md", source)
    assert [(" ".join(b.text.split()), b.start) for b in post.blocks] == [
        ("Intro text.", 0), ("Body.", source.index("Body"))]
