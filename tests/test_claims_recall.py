"""Claims said in other words than the messaging's (issue 12, on a blind development set): a retired
superlative in a long sentence, a duration of the same thing, an unannounced product by its name, a
prohibited claim denied beside the approved figure, a comparison with others before its subject.
The real pipeline and model against a messaging the test writes."""

from __future__ import annotations

import pytest
from conftest import ROOT, invoke
from test_claims import concise, own_messaging

from brandlint.claims.detect import shares_words, superlatives
from brandlint.claims.phrases import says_key
from brandlint.claims.wording import as_role

QUAYSIDE = """company: Quayside
facts:
  sync-interval:
    text: Quayside Vault syncs every file on your laptop every 30 seconds.
    figure: 30 seconds
  retention:
    text: Quayside Vault keeps deleted files for up to 180 days.
    figure: 180 days
    previously: [90 days]
messages:
  accuracy:
    text: Quayside Scan reads printed invoices with 97% accuracy.
    figure: 97%
  tower-launch:
    text: Quayside Tower backs up whole servers to the cloud.
    embargo_until: 2027-03-01
prohibited:
  perfect-scan:
    text: Quayside Scan never misreads an invoice.
    variants: [Quayside Scan is 100% accurate.]
    reason: We publish 97% accuracy on printed invoices.
retired:
  biggest-cloud:
    text: Quayside runs Europe's largest private file cloud.
    retired_on: 2026-01-01
  old-retention:
    text: Quayside Vault keeps deleted files for 90 days.
    retired_on: 2026-05-01
    use_instead: retention
terms:
  - use: Quayside Vault
    case_sensitive: true
  - use: Quayside Scan
    case_sensitive: true
  - use: Quayside Tower
    case_sensitive: true
"""


def test_claims_in_other_words(project):
    own_messaging(project, QUAYSIDE)
    (project / "post.md").write_text(
        "## Meet Quayside Tower\n\n"                                                  # unannounced, by its name
        "Join the biggest private file cloud in Europe and never lose a holiday photo again.\n\n"
        "Quayside Vault syncs the files on your laptop every 10 seconds.\n\n"           # same nouns, other duration
        "After the 90-day window, Quayside Vault now keeps deleted files for a total of 180 days.\n\n"
        "We won't tell you Quayside Scan is 100% accurate; it reads printed invoices with 97% accuracy.\n\n"
        "Unlike other backup vendors, we never lock you into a long contract.\n\n"
        "Quayside Vault keeps deleted files for 90 days.\n", encoding="utf-8")
    retired = "BL201 [error] Retired claim"
    expected = [
        "post.md:3:1: " + retired + " 'biggest-cloud' (retired 2026-01-01, similarity 0.62); remove it (no replacement "
        "is approved)",
        "post.md:5:1: BL203 [error] '10 seconds' does not match fact 'sync-interval' (30 seconds). Approved: Quayside "
        "Vault syncs every file on your laptop every 30 seconds.",
        # the retired 90 days beside the 180 days that replaced it is the news of the change (line 7)
        "post.md:11:1: BL207 [info] Unsupported claim (superiority): no approved message backs it (nearest "
        "similarity 0.39).",
        "post.md:13:1: " + retired + " 'old-retention' (retired 2026-05-01, similarity 1.00); say instead: Quayside "
        "Vault keeps deleted files for up to 180 days."]
    embargo = ("post.md:1:4: BL206 [error] Message 'tower-launch' is embargoed until 2027-03-01; only internal copy "
               "may mention it before then.")
    assert concise("post.md", "--select", "claims") == [embargo, *expected]
    assert concise("post.md", "--select", "claims", "--channel", "internal") == expected


def test_a_prohibited_figure_bounded_the_other_way_is_not_the_claim(project):
    """Most of the prohibited claim's words, but "more than a minute" against its "in under a minute"."""
    own_messaging(project, "company: Northwind\nprohibited:\n  instant-restore:\n"
                           "    text: Northwind restores any database in under a minute.\n"
                           "    reason: Restores of large databases take longer.\n")
    (project / "post.md").write_text(
        "Any database can be restored in a few clicks; large ones take more than a minute.\n\n"
        "Northwind restores every database in under a minute.\n", encoding="utf-8")
    assert concise("post.md", "--select", "claims") == [
        "post.md:3:1: BL200 [error] This says what prohibited claim 'instant-restore' says (similarity 0.98): "
        "Restores of large databases take longer."]


def test_a_prohibited_claim_by_its_figure_or_superlative(project):
    """Far from the prohibited claim by meaning, but stating its figure or superlative of the same thing;
    the same figure of another thing, a duration or a plain "only" is no such evidence."""
    own_messaging(project, QUAYSIDE.replace("retired:", "  lowest-price:\n"
                                            "    text: Quayside always has the lowest storage price on the market.\n"
                                            "    reason: We cannot see every provider's price.\nretired:"))
    (project / "post.md").write_text(
        "Our invoice reads are 100% accurate, so skip the manual check before you pay a supplier.\n\n"
        "We will match you with the lowest storage price around, and moving your files costs nothing.\n\n"
        "Quayside Vault is 100% open source, so anyone can read how it syncs your files.\n\n"
        "Quayside Scan is the only invoice reader our finance team uses.\n\n"
        "Chasing the lowest storage price often costs more in the end.\n", encoding="utf-8")  # not about us
    assert concise("post.md", "--select", "claims") == [
        "post.md:1:1: BL200 [error] This says what prohibited claim 'perfect-scan' says (similarity 0.41): We publish "
        "97% accuracy on printed invoices.",
        "post.md:3:1: BL200 [error] This says what prohibited claim 'lowest-price' says (similarity 0.71): We cannot "
        "see every provider's price."]


COMPLIANT = "Brightmoor keeps you 100% compliant with HMRC payroll rules."
CHEAPEST = "Brightmoor is the cheapest payroll software in the UK."
SAVINGS = "Brightmoor saves every business £5,000 a year in accountancy fees."


@pytest.mark.parametrize("text, form, says", [
    ("Our ETAs are 100% accurate, so don't bother with delay alerts.", "Harborline Track is 100% accurate.", True),
    ("We'll find you the lowest rate available anywhere.", "Harborline always finds the lowest freight rate.", True),
    ("Linkerd is 100% open source.", "Harborline Track is 100% accurate.", False),  # the figure of another thing
    ("It checks only service mesh functionality.", "Linkerd is the only service mesh to graduate.", False),
    ("Ubuntu Core gets 10 years of security updates.", "Ubuntu LTS gets 10 years of security updates.", False),
    # a reviewer's: the same figure or superlative of another thing, a yearly amount of anything
    ("Our Leeds office is 100% compliant with the building's accessibility standards.", COMPLIANT, False),
    ("We're 100% compliant with GDPR.", COMPLIANT, False),
    ("Our cheapest payroll plan starts at £9 a month.", CHEAPEST, False),
    ("The cheapest payroll mistake is the one you catch before payday.", CHEAPEST, False),
    ("Our Leeds office gives £5,000 a year to local food banks.", SAVINGS, False),
    ("Our Enterprise plan costs £5,000 per year.", SAVINGS, False),
    ("Switch and save £5,000 a year in accountancy fees.", SAVINGS, True),
    ("Brightmoor is the cheapest payroll software you can buy.", CHEAPEST, True),
])
def test_a_claims_figure_or_superlative_of_the_same_thing(text, form, says):
    assert says_key(text, form) is says


VETLY = """company: Vetly
facts:
  clinic-count:
    text: More than 3,400 veterinary clinics take bookings with Vetly.
    figure: 3,400
  no-show-reduction:
    text: Clinics that use Vetly Remind see 38% fewer missed appointments on average.
    figure: 38%
messages:
  book-trial:
    text: Vetly Book comes with a 14-day free trial for clinics of every size.
    figure: 14 days
prohibited:
  no-shows-gone:
    text: Vetly Remind eliminates missed appointments.
    reason: We publish 38% fewer missed appointments on average.
retired:
  free-for-solo-vets:
    text: Vetly Book is free forever for clinics with one vet.
    retired_on: 2025-10-31
    use_instead: book-trial
  number-one:
    text: Vetly is Europe's number one veterinary booking platform.
    retired_on: 2026-03-15
    use_instead: clinic-count
terms:
  - use: Vetly Book
    case_sensitive: true
  - use: Vetly Remind
    case_sensitive: true
"""


def test_an_approved_entry_backs_only_what_it_says(project):
    """Shapes from the blind Pawmark set: a superlative is not backed by a count; a comparison with every
    other platform restates "number one"; the approved figure, or the replacement's, is not the prohibited
    or retired claim that embeds close to it; another figure is a mismatch, not the prohibited claim."""
    own_messaging(project, VETLY)
    (project / "post.md").write_text(
        "Vetly is the fastest booking platform for veterinary clinics.\n\n"
        "More European vets take bookings with Vetly than with any other platform.\n\n"
        "On average, clinics using Vetly Remind see 38% fewer missed appointments.\n\n"
        "Vetly Remind cuts missed appointments by 45% on average.\n\n"
        "Try Vetly Book free for 14 days, whether you run a one-vet practice or a hospital group.\n\n"
        "Vetly Remind eliminates missed appointments for good.\n", encoding="utf-8")
    assert concise("post.md", "--select", "claims") == [
        "post.md:1:1: BL207 [info] Unsupported claim (superlative): no approved message backs it (nearest "
        "similarity 0.78).",
        "post.md:3:1: BL201 [error] Retired claim 'number-one' (retired 2026-03-15, similarity 0.84); say instead: "
        "More than 3,400 veterinary clinics take bookings with Vetly.",
        "post.md:7:1: BL203 [error] '45%' does not match fact 'no-show-reduction' (38%). Approved: Clinics that use "
        "Vetly Remind see 38% fewer missed appointments on average.",
        "post.md:11:1: BL200 [error] This says what prohibited claim 'no-shows-gone' says (similarity 0.99): We "
        "publish 38% fewer missed appointments on average."]


@pytest.mark.parametrize("text, form, shares", [
    # a compound's parts are words of it (a close embedding needs a word of the entry to count)
    ("Move to Pawmark and your practice is GDPR-compliant from day one.", "Pawmark makes every clinic fully GDPR "
     "compliant.", True),
    ("Our payroll is 100% HMRC-compliant.", "Brightmoor payroll is 100% compliant with HMRC rules.", True),
    ("A well-known vendor.", "Pawmark makes every clinic fully GDPR compliant.", False),
])
def test_a_compound_shares_its_parts(text, form, shares):
    assert shares_words(text, form) == shares


TIDEMARK = """company: Tidemark
facts:
  marina-count:
    text: More than 1,200 marinas take berth bookings with Tidemark.
    figure: 1,200
    previously: [600, 900]
  go-live:
    text: Marinas go live on Tidemark Dock in under 3 days.
    figure: 3 days
  payments:
    text: Tidemark Dock connects to more than 40 payment providers.
    figure: 40
terms:
  - use: Tidemark Dock
    case_sensitive: true
"""


def test_a_figure_is_the_entrys_by_the_words_around_it(project):
    """A bullet or headline without the product's name states a fact's figure by the fact's own words: a
    count before the same two words is the entry's quantity, and one of its old values counting the same
    thing is stale, however far the embedding puts the short line. A duration after the entry's own words
    is its quantity too; "most marinas" counts, it claims no superlative; other hours are another quantity."""
    own_messaging(project, TIDEMARK)
    (project / "post.md").write_text(
        "Go live on Tidemark Dock in 24 hours.\n\n"
        "Connects to 60+ payment providers.\n\n"
        "Trusted by 600+ marinas.\n\n"
        "Most marinas go live on Tidemark Dock within two weeks.\n\n"
        "The harbour office answers calls within 10 minutes.\n", encoding="utf-8")
    assert concise("post.md", "--select", "claims") == [
        "post.md:1:1: BL203 [error] '24 hours' does not match fact 'go-live' (3 days). Approved: Marinas go live on "
        "Tidemark Dock in under 3 days.",
        "post.md:3:1: BL203 [error] '60+' does not match fact 'payments' (40). Approved: Tidemark Dock connects to "
        "more than 40 payment providers.",
        "post.md:5:1: BL202 [error] '600+' is out of date for 'marina-count': the current figure is 1,200. Approved: "
        "More than 1,200 marinas take berth bookings with Tidemark.",
        "post.md:7:1: BL203 [error] 'two weeks' does not match fact 'go-live' (3 days). Approved: Marinas go live on "
        "Tidemark Dock in under 3 days."]


def test_a_compounds_parts_name_what_a_figure_measures(project):
    """"harbour software" names what "harbour-management system" does: with the verb, two words in
    common before the figure say it measures the entry's quantity. A compound of other words does not."""
    own_messaging(project, TIDEMARK.replace("terms:", """  sync:
    text: Tidemark Dock syncs berth bookings with the harbour-management system every 5 minutes.
    figure: 5 minutes
terms:"""))
    (project / "post.md").write_text(
        "Tidemark Dock syncs with your harbour software every 2 minutes.\n\n"
        "Tidemark Dock refreshes the weather-forecast panel every 2 minutes.\n", encoding="utf-8")
    assert concise("post.md", "--select", "claims") == [
        "post.md:1:1: BL203 [error] '2 minutes' does not match fact 'sync' (5 minutes). Approved: Tidemark Dock "
        "syncs berth bookings with the harbour-management system every 5 minutes."]


def test_no_effect_on_what_an_entry_says_changes(project):
    """"No measurable effect on missed appointments" contradicts "38% fewer missed appointments", far as
    the embedding puts it; "made little difference to" them contradicts it too, and denies the prohibited
    "eliminates missed appointments" rather than saying it. No effect on something else is no finding."""
    own_messaging(project, """company: Quayside
facts:
  no-shows:
    text: Clinics that use Quayside Remind see 38% fewer missed appointments on average.
    figure: 38%
prohibited:
  no-shows-gone:
    text: Quayside Remind eliminates missed appointments.
    reason: We publish 38% fewer missed appointments on average.
terms:
  - use: Quayside Remind
    case_sensitive: true
""")
    (project / "post.md").write_text(
        "Quayside Remind has no measurable effect on missed appointments.\n\n"
        "In our first pilot, Quayside Remind made little difference to missed appointments.\n\n"
        "Turning on Quayside Remind has no effect on the appointments already in your diary.\n", encoding="utf-8")
    assert concise("post.md", "--select", "claims") == [
        "post.md:1:1: BL204 [error] This contradicts approved message 'no-shows' (similarity 0.56). Approved: "
        "Clinics that use Quayside Remind see 38% fewer missed appointments on average.",
        "post.md:3:1: BL204 [error] This contradicts approved message 'no-shows' (similarity 0.64). Approved: "
        "Clinics that use Quayside Remind see 38% fewer missed appointments on average."]


def test_an_old_value_in_words_or_of_a_unit_by_the_entrys_words(project):
    """An old count said in words ("six hundred marinas") is stale, however far the embedding puts a
    short line; an old duration in the entry's words around it ("fix or swap it within 72 hours", singular
    or not) is its quantity; anyone's engineer is not ours, nor a count of something else."""
    own_messaging(project, TIDEMARK.replace("terms:", """  repairs:
    text: When a Tidemark pontoon breaks, a Tidemark engineer fixes or swaps it within 48 hours.
    figure: 48 hours
    previously: [72 hours]
terms:"""))
    (project / "post.md").write_text(
        "Trusted by six hundred marinas.\n\n"
        "If a pontoon breaks, a Tidemark engineer will fix or swap it within 72 hours.\n\n"
        "When a neighbour's boat breaks, the engineer usually needs 72 hours to order parts.\n\n"
        "Our six harbour masters answer the phone within 72 hours.\n", encoding="utf-8")
    assert concise("post.md", "--select", "claims") == [
        "post.md:1:1: BL202 [error] 'six hundred' is out of date for 'marina-count': the current figure is 1,200. "
        "Approved: More than 1,200 marinas take berth bookings with Tidemark.",
        "post.md:3:1: BL202 [error] '72 hours' is out of date for 'repairs': the current figure is 48 hours. "
        "Approved: When a Tidemark pontoon breaks, a Tidemark engineer fixes or swaps it within 48 hours."]


def test_another_facts_figure_is_not_a_mismatch_by_words(project):
    """Real ubuntu.com lines against the benchmark's messaging (in the repository): "a 5-year security
    maintenance commitment" is the 5 years of standard support, not a mismatch of Pro's 15 years of
    security maintenance; the retired ten-year maximum and an old package count are found by their words."""
    own_messaging(project, (ROOT / "benchmarks" / "messaging" / "ubuntu-com" / "messaging.yaml").read_text("utf-8"))
    (project / "post.md").write_text(
        "Ubuntu LTS gained popularity due to a 5-year security maintenance commitment for the operating system.\n\n"
        "Benefit from 10 years of security maintenance with automated security patches at scale.\n\n"
        "This includes core ROS libraries, the underlying Ubuntu system and more than 23,000 packages from the "
        "Ubuntu Universe repository.\n", encoding="utf-8")
    assert concise("post.md", "--select", "claims") == [
        "post.md:3:1: BL201 [error] Retired claim 'ten-year-maximum' (retired 2024-02-01, similarity 0.67); say "
        "instead: Ubuntu Pro gives up to 15 years of security maintenance for each Ubuntu LTS release.",
        "post.md:5:1: BL202 [error] '23,000' is out of date for 'pro-packages': the current figure is 36,000. "
        "Approved: Ubuntu Pro expands security maintenance to more than 36,000 packages."]


@pytest.mark.parametrize("text, found", [
    ("Most customers go live on Harborline Dispatch within two weeks.", set()),
    ("Most of our clinics book online.", set()),
    ("Our most popular plans include phone support.", {"most popular"}),
    ("The most famous vets use it.", {"most famous"}),
    ("Tidemark is the most secure berth platform.", {"safest"}),
])
def test_most_as_a_quantifier_is_no_superlative(text, found):
    assert superlatives(text) == found


KESTREL = """company: Kestrel
facts:
  founded:
    text: Kestrel was founded in Leeds in 2018.
    figure: 2018
  homes:
    text: More than 900 care homes plan their shifts with Kestrel Rota.
    figure: 900
prohibited:
  cheapest:
    text: Kestrel Rota is the cheapest rota software for care homes.
    reason: Price comparisons need Legal review.
messages:
  auto-reminders:
    text: Kestrel Rota sends shift reminders to carers automatically the day before each shift.
  support-247:
    text: Every Kestrel plan includes 24/7 support from our rota team by phone and chat.
    figure: 24/7
  magic-link:
    text: Carers sign in to the Kestrel Rota app with a magic link, without a password.
  data-location:
    text: Care homes choose whether their rota data is stored in the UK or the EU.
retired:
  free-small-homes:
    text: Kestrel Rota is free forever for care homes with ten beds or fewer.
    retired_on: 2026-01-01
terms:
  - use: Kestrel Rota
    case_sensitive: true
"""


def test_where_we_began_rivals_denied_and_talking_points(project):
    """Where we began has one answer, so another place after "started life in" contradicts the founding
    fact below the match score; "you won't find one that costs less" asserts the prohibited superlative
    ("not cheaper" or "no cheaper than" said of our own still denies it); a talking point is a claim even
    in words that make none. Quiet: the founding place beside an office elsewhere, and a "nobody" about
    something else."""
    own_messaging(project, KESTREL)
    (project / "post.md").write_text(
        "Kestrel started life in Manchester and now plans shifts across the UK.\n\n"
        "You won't find rota software for care homes that costs less than Kestrel Rota.\n\n"
        "Remind managers that rota plans stay free for homes with ten beds or fewer.\n\n"
        "Kestrel was founded in Leeds, and it opened an office in Bristol in 2024.\n\n"
        "Kestrel Rota is not cheaper than a paper rota, but it saves your managers hours.\n\n"
        "Nobody was born in a rota, and nobody should spend their Sunday on one.\n\n"
        "Kestrel Rota is no cheaper than a paper rota, but it saves your managers hours.\n", encoding="utf-8")
    assert concise("post.md", "--select", "claims") == [
        "post.md:1:1: BL204 [error] This contradicts approved message 'founded' (similarity 0.72). Approved: "
        "Kestrel was founded in Leeds in 2018.",
        "post.md:3:1: BL200 [error] This says what prohibited claim 'cheapest' says (similarity 0.90): Price "
        "comparisons need Legal review.",
        "post.md:5:1: BL201 [error] Retired claim 'free-small-homes' (retired 2026-01-01, similarity 0.76); remove "
        "it (no replacement is approved)"]


def test_doing_it_another_way(project):
    """Where a message names its way of signing in and rules another out, signing in another way contradicts
    it, below the match score; not the message's way beside another, an option, nor a code in another clause."""
    own_messaging(project, KESTREL)
    (project / "post.md").write_text(
        "Kestrel Rota texts carers a one-time code to log in.\n\n"
        "Carers sign in to the Kestrel Rota app with a magic link instead of a code.\n\n"
        "Carers can also sign in to the Kestrel Rota app with a fingerprint.\n\n"
        "Sign in to Kestrel Rota and scan the QR code on the ward door.\n", encoding="utf-8")
    assert concise("post.md", "--select", "claims") == [
        "post.md:1:1: BL204 [error] This contradicts approved message 'magic-link' (similarity 0.73). Approved: "
        "Carers sign in to the Kestrel Rota app with a magic link, without a password."]


def test_a_denial_said_of_whom_an_entry_speaks_of(project):
    """A sentence that names none of us is still about us when its subject is whom an approved entry speaks
    of ("Care homes choose ..."): its denial of the entry's own verb contradicts it, however far the
    embedding puts it ("another" says nothing of what is denied). Not a denial said of someone else, and
    not one in other words ("pick" is not "choose": a known limit)."""
    own_messaging(project, KESTREL)
    (project / "post.md").write_text(
        "Care homes cannot pick another country for their rota data.\n\n"
        "Homes cannot choose another country for their rota data.\n\n"
        "Residents cannot choose their carers, but they can ask for a change.\n", encoding="utf-8")
    assert concise("post.md", "--select", "claims") == [
        "post.md:3:1: BL204 [error] This contradicts approved message 'data-location' (similarity 0.56). Approved: "
        "Care homes choose whether their rota data is stored in the UK or the EU."]


def test_support_at_some_hours_only(project):
    """Office hours with an "only" that closes the sentence in a clause of its own, and other hours at which
    the support line is closed, contradict round-the-clock support; an office open on weekdays beside a
    support line that never closes does not, nor does an office closed at weekends."""
    own_messaging(project, KESTREL)
    (project / "post.md").write_text(
        "Phone the support line Monday to Friday, during office hours only.\n\n"
        "Out of hours and at weekends, the support line is closed.\n\n"
        "Our office in Leeds is open Monday to Friday, and the support line never closes.\n\n"
        "The Leeds office is closed at weekends.\n", encoding="utf-8")
    approved = "Approved: Every Kestrel plan includes 24/7 support from our rota team by phone and chat."
    assert concise("post.md", "--select", "claims") == [
        f"post.md:1:1: BL204 [error] This contradicts approved message 'support-247' (similarity 0.37). {approved}",
        f"post.md:3:1: BL204 [error] This contradicts approved message 'support-247' (similarity 0.39). {approved}"]


def test_by_hand_what_is_done_automatically(project):
    """By hand, whatever the verb, denies what an entry says is done automatically; not in the past, nor
    as an option beside it."""
    own_messaging(project, KESTREL)
    (project / "post.md").write_text(
        "Your managers text each shift reminder to carers by hand.\n\n"
        "Before Kestrel, our manager wrote every shift reminder by hand.\n\n"
        "You can also send a shift reminder by hand.\n", encoding="utf-8")
    assert concise("post.md", "--select", "claims") == [
        "post.md:1:1: BL204 [error] This contradicts approved message 'auto-reminders' (similarity 0.67). Approved: "
        "Kestrel Rota sends shift reminders to carers automatically the day before each shift."]



def test_one_alternative_of_a_choice_ruled_out(project):
    """Where a message offers a choice of two, ruling one out keeps the other; not "at any time", which is
    no universal of what is chosen."""
    own_messaging(project, KESTREL)
    (project / "post.md").write_text(
        "All rota data is stored in the UK; care homes can't move it to the EU.\n\n"
        "Care homes can move their rota data to the EU at any time.\n", encoding="utf-8")
    assert concise("post.md", "--select", "claims") == [
        "post.md:1:1: BL204 [error] This contradicts approved message 'data-location' (similarity 0.92). Approved: "
        "Care homes choose whether their rota data is stored in the UK or the EU."]


def test_phone_support_is_support_by_phone(project):
    """A way an entry names after "by" and the thing it is the way of are one compound in a sentence
    ("phone support" of "support ... by phone and chat"): denied or narrowed to some plans, it contradicts
    the entry without our name, far below the match score. Quiet: a pair after the denial ("cannot plan
    shifts"), a denial of something else, and the entry said again."""
    own_messaging(project, KESTREL)
    (project / "post.md").write_text(
        "From March, phone support is no longer part of the Basic plan.\n\n"
        "Phone support comes with the Premium plan only.\n\n"
        "On paper, you cannot plan shifts fairly across ten homes.\n\n"
        "Phone support is included in every plan, day and night.\n\n"
        "Chat support is not a chatbot: a person answers.\n", encoding="utf-8")
    contradiction = ("BL204 [error] This contradicts approved message 'support-247' (similarity {}). Approved: "
                     "Every Kestrel plan includes 24/7 support from our rota team by phone and chat.")
    assert concise("post.md", "--select", "claims") == [
        "post.md:1:1: " + contradiction.format("0.43"), "post.md:3:1: " + contradiction.format("0.39")]

OSPREY = """company: Osprey
facts:
  fewer-missed:
    text: Physio clinics that use Osprey Remind see 30% fewer missed appointments.
    figure: 30%
prohibited:
  no-missed:
    text: Osprey Remind eliminates missed appointments.
    reason: We publish 30% fewer missed appointments; absolute claims are false.
retired:
  free-texts:
    text: Every Osprey plan includes unlimited free text-message reminders.
    retired_on: 2026-01-01
  carbon-neutral:
    text: Osprey is a carbon-neutral company.
    retired_on: 2026-02-01
messages:
  channels:
    text: Clinics choose whether reminders go out to patients by text message or by email.
terms:
  - use: Osprey Remind
    case_sensitive: true
  - use: patients
    avoid: [clients]
"""


def test_a_claim_in_other_words_than_the_messagings(project):
    """A sentence is also read in the messaging's words ("SMS" is a text message, "at no extra charge" is
    free, "no-shows" are missed appointments) and, where it starts with "we", with our name; "unlimited"
    is an absolute. Quiet: a denial of "eliminate" (and another thing got rid of), the approved figure in
    other words, a "we" later in the sentence, "our landlord", a claim on the way to being true, and a
    text message beside an email. `explain` shows how it was read."""
    own_messaging(project, OSPREY)
    (project / "post.md").write_text(
        "Every plan comes with unlimited SMS reminders at no extra charge.\n\n"
        "Say goodbye to no-shows for good with Osprey Remind.\n\n"
        "We're a carbon-neutral business.\n\n"
        "Osprey Remind doesn't eliminate missed appointments, but it cuts them by 30%.\n\n"
        "Osprey Remind cuts no-shows by 30% at physio clinics.\n\n"
        "We are a small team of physios based in Bristol.\n\n"
        "Before we could send a single reminder, we had to get rid of missed appointments in our own diary.\n\n"
        "There are no setup fees, no contracts, and your text-message reminders are unlimited and free.\n\n"
        "Our landlord is a carbon-neutral company.\n\n"
        "We're working toward becoming a carbon-neutral company by 2030.\n\n"
        "Osprey Remind gets rid of paper diaries, but it can't eliminate missed appointments.\n\n"
        "Patients who get a text message don't also get an email.\n", encoding="utf-8")
    retired = "BL201 [error] Retired claim '{}' (retired {}, similarity {}); remove it (no replacement is approved)"
    long_retired = retired.replace("BL201 [error]", "BL201 retired-claim [error]")
    assert concise("post.md", "--select", "claims") == [
        "post.md:1:1: " + retired.format("free-texts", "2026-01-01", "0.85"),
        "post.md:3:1: BL200 [error] This says what prohibited claim 'no-missed' says (similarity 0.88): We publish "
        "30% fewer missed appointments; absolute claims are false.",
        "post.md:5:1: " + retired.format("carbon-neutral", "2026-02-01", "0.96"),
        "post.md:15:1: " + retired.format("free-texts", "2026-01-01", "0.63")]
    shown = invoke("explain", "post.md:5", "--as-of", "2026-11-22").stdout.splitlines()
    assert shown[0] == "post.md:5:1: " + long_retired.format("carbon-neutral", "2026-02-01", "0.96")
    assert shown[-3:] == ["  signals: about the company", "  read as: Osprey is a carbon-neutral business.",
                          ""]


def test_the_messagings_words_are_its_own():
    """Another way of saying a thing is written as the messaging writes it, and an avoided term as its
    `use`; not a way the messaging itself writes somewhere (the retired claim about "Ubuntu Advantage")."""
    from brandlint.claims.wording import as_named, in_our_words, rewriter
    from brandlint.messaging import Entry, Messaging, Term

    messaging = Messaging("Osprey", (
        Entry("free-texts", "retired", "Free text-message reminders on every Osprey plan."),
        Entry("old-name", "retired", "Osprey Classic includes phone support.")),
        (Term("Osprey Remind", ("Osprey Classic", "Remindr")), Term("patients", ("clients",))))
    pairs = rewriter(messaging)
    assert in_our_words("Remindr sends clients SMS messages at no extra cost.", pairs) == \
        "Osprey Remind sends patients text-message free."
    assert in_our_words("Osprey Classic texts are free of charge.", pairs) == "Osprey Classic text-message are free."
    assert as_named("We're the only choice for our clients.", "Osprey") == \
        "Osprey is the only choice for Osprey's clients."
    assert as_named("Before we start, a word on pricing.", "Osprey") == "Before we start, a word on pricing."


KITE = """company: Kite
prohibited:
  never-down:
    text: Kite never goes down.
    reason: We promise 99.9% uptime, not perfect availability.
  unhackable:
    text: Kite cannot be hacked.
    reason: Legal forbids absolute security claims.
"""


def test_our_name_for_we_needs_the_entrys_words(project):
    """Read with our name, a "we" sentence is near every entry that names us: it is judged so only where it
    shares two words with the entry. Found: "We never go down", "We cannot be hacked". Quiet: "down" alone
    ("slow their work down", from a real project blog), a clause with "never" alone, and a thank-you."""
    own_messaging(project, KITE)
    (project / "post.md").write_text(
        "We do not want to slow their work down!\n\n"
        "We never go down.\n\n"
        "We cannot be hacked, and we never will be.\n\n"
        "We couldn't have done it without all of you.\n", encoding="utf-8")
    prohibited = "BL200 [error] This says what prohibited claim '{}' says (similarity {}): {}"
    assert concise("post.md", "--select", "claims") == [
        "post.md:3:1: " + prohibited.format("never-down", "0.98", "We promise 99.9% uptime, not perfect availability."),
        "post.md:5:1: " + prohibited.format("unhackable", "0.96", "Legal forbids absolute security claims.")]


TERN = """company: Tern
facts:
  routes:
    text: Tern sells tickets for more than 300 ferry routes.
    figure: 300
retired:
  number-one:
    text: Tern is Europe's number one ferry booking platform.
    retired_on: 2026-03-15
  free-solo:
    text: Tern Book is free forever for operators with one boat.
    retired_on: 2025-10-31
terms:
  - use: Tern Book
    case_sensitive: true
"""


def test_a_tagline_is_read_as_said_of_us(project):
    """A short line that names no one is also read with our name before it ("Tern is free forever for ..."),
    where it shares two words with a prohibited or retired entry. Quiet: other things of Europe, of ferries
    and of one boat, a rule called number one, and a free thing that is not ours to sell."""
    own_messaging(project, TERN)
    (project / "post.md").write_text(
        "- Free forever for single-boat companies\n\n"
        "Europe's busiest ferry route runs from Dover to Calais.\n\n"
        "The number one rule on board: keep your ticket.\n\n"
        "Book ferry tickets on the platform in one minute.\n\n"
        "Operators with one boat pay nothing for the first month.\n\n"
        "Europe's oldest ferry booking office is in Dover.\n\n"
        "Free parking for every passenger.\n", encoding="utf-8")
    assert concise("post.md", "--select", "claims") == [
        "post.md:1:3: BL201 [error] Retired claim 'free-solo' (retired 2025-10-31, similarity 0.78); remove it (no "
        "replacement is approved)"]


HERON = """company: Heron
facts:
  late-drop:
    text: Shippers that use Heron Track see 30% fewer late deliveries.
    figure: 30%
prohibited:
  no-delays:
    text: Heron Track eliminates delivery delays.
    variants: [With Heron, parcels are never late.]
    reason: We publish 30% fewer late deliveries; absolute claims are false.
retired:
  number-one:
    text: Heron is Europe's number one parcel tracking platform.
    retired_on: 2026-03-15
terms:
  - use: Heron Track
    case_sensitive: true
"""


def test_zero_as_none_no_1_and_what_we_are_said_to_be(project):
    """"zero delivery delays" says what "eliminates delivery delays" says, and so does "ends delivery delays"
    (no negation on either side); "no. 1" is "number one"; "As the biggest ..., we" says what we are. Quiet:
    a denial of the claim, "As a reminder, we", someone else's rule number one, "No-code" (a word, not a
    denial), and "as" for "while"."""
    own_messaging(project, HERON)
    (project / "post.md").write_text(
        "## Heron Track: zero delivery delays, zero lost parcels\n\n"
        "Europe's no. 1 platform for parcel tracking.\n\n"
        "As the biggest parcel tracking platform in Europe, we have seen every kind of warehouse.\n\n"
        "Heron Track does not eliminate delivery delays; it cuts them.\n\n"
        "As a reminder, we ship parcels on weekdays only.\n\n"
        "The no. 1 rule in the warehouse: scan every parcel.\n\n"
        "No-code rules in Heron Track tell you which parcels will be late.\n\n"
        "Heron Track ends delivery delays for good.\n\n"
        "As the number one parcel tracking platform in Europe raises its prices, we keep ours low.\n", encoding="utf-8")
    retired = ("BL201 [error] Retired claim 'number-one' (retired 2026-03-15, similarity {}); remove it (no "
               "replacement is approved)")
    assert concise("post.md", "--select", "claims") == [
        "post.md:1:4: BL200 [error] This says what prohibited claim 'no-delays' says (similarity 0.74): We publish 30% "
        "fewer late deliveries; absolute claims are false.",
        "post.md:3:1: " + retired.format("0.99"),
        "post.md:5:1: " + retired.format("0.78"),
        "post.md:15:1: BL200 [error] This says what prohibited claim 'no-delays' says (similarity 0.89): We publish "
        "30% fewer late deliveries; absolute claims are false."]


@pytest.mark.parametrize("text, role", [
    ("As the biggest parcel platform in Europe, we ship a lot.", "Heron is the biggest parcel platform in Europe"),
    ("As Europe's largest network, our carriers reach every town.", "Heron is Europe's largest network"),
    ("As a reminder, we close at six.", "Heron is a reminder"),  # harmless: scored only with two words of an entry
    ("As we said, Heron Track is new.", "As we said, Heron Track is new."),
    ("As the number one platform in Europe raises its prices, we keep ours low.",
     "As the number one platform in Europe raises its prices, we keep ours low."),
    ("As it's late, we close.", "As it's late, we close.")])
def test_as_role_reads_what_we_are_said_to_be(text, role):
    assert as_role(text, "Heron") == role
