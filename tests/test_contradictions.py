"""Contradictions without "not" (issue 12), with the real pipeline and model against a messaging the
test writes: office hours against round-the-clock, a narrowing of what an entry says of everyone,
one alternative kept of a choice the entry offers. Each with sentences of the same shape that must
stay quiet (many of them a reviewer's, written to break the rules)."""

from __future__ import annotations

import pytest
from test_claims import concise, own_messaging

from brandlint.claims.contradict import contradicts, narrows
from brandlint.figures import find_figures, parse_figure

QUAYSIDE = """company: Quayside
facts:
  founded:
    text: Quayside was founded in Hamburg in 2015.
    figure: 2015
messages:
  support:
    text: Every Quayside plan includes 24/7 support from our engineers by phone and email.
    figure: 24/7
  hosting:
    text: Customers choose whether their files are hosted in Canada or in Germany.
  trial:
    text: Quayside Vault comes with a 14-day free trial for teams of every size.
    figure: 14 days
retired:
  free-plan:
    text: Quayside Vault is free forever for teams of up to 5 people.
    retired_on: 2025-01-01
    use_instead: trial
terms:
  - use: Quayside Vault
    case_sensitive: true
"""


def test_contradictions_without_a_negation_word(project):
    own_messaging(project, QUAYSIDE)
    (project / "post.md").write_text(
        "Our engineers answer support calls only during business hours.\n\n"  # office hours, far by meaning
        "Most Quayside support engineers work from Hamburg.\n\n"
        "Every Quayside plan comes with support around the clock.\n\n"         # the same figure, spelt out
        "Our 24/7 phone and email support is staffed in English only.\n\n"   # narrows no plan
        "Quayside was founded in Hamburg in 2015, and its first app came out on May 4.\n\n"
        "All customer files are hosted in Canada.\n\n"                         # one alternative kept for everyone
        "The 14-day free trial of Quayside Vault is open to teams of 20 people or more.\n\n"
        "The webinar starts at 10 a.m. on 3 May.\n\n"
        "24/7 support is reserved for customers on the Enterprise plan.\n\n"  # far by meaning, by its words
        "Our 24/7 support team is based in Hamburg.\n", encoding="utf-8")
    support = "Approved: Every Quayside plan includes 24/7 support from our engineers by phone and email."
    assert concise("post.md", "--select", "claims") == [
        f"post.md:1:1: BL204 [error] This contradicts approved message 'support' (similarity 0.57). {support}",
        "post.md:11:1: BL204 [error] This contradicts approved message 'hosting' (similarity 0.74). Approved: "
        "Customers choose whether their files are hosted in Canada or in Germany.",
        # the retired free plan, closer by meaning but not what the sentence says, does not hide it
        "post.md:13:1: BL204 [error] This contradicts approved message 'trial' (similarity 0.87). Approved: "
        "Quayside Vault comes with a 14-day free trial for teams of every size.",
        f"post.md:17:1: BL204 [error] This contradicts approved message 'support' (similarity 0.55). {support}"]


NORTHWIND = """company: Northwind
facts:
  position-refresh:
    text: Northwind Track updates every truck's position every 60 seconds.
    figure: 60 seconds
messages:
  soc2:
    text: Northwind is SOC 2 Type II certified.
  trial:
    text: Northwind Track comes with a 30-day free trial for fleets of every size.
    figure: 30 days
terms:
  - use: Northwind Track
    case_sensitive: true
"""


def test_contradictions_by_the_opposite_word(project):
    own_messaging(project, NORTHWIND)
    (project / "post.md").write_text(
        "We are currently preparing for our first SOC 2 Type II audit.\n\n"          # far by meaning
        "We are preparing for this year's SOC 2 Type II audit.\n\n"                 # a certified company does
        "Northwind Track comes without a free trial; billing starts with your first truck.\n\n"
        "You can start the Northwind Track free trial without a credit card.\n\n"
        "In Northwind Track, drivers update their position manually at each stop.\n\n"
        "Drivers can also update their position manually in Northwind Track if they prefer.\n", encoding="utf-8")
    assert concise("post.md", "--select", "claims") == [
        "post.md:1:1: BL204 [error] This contradicts approved message 'soc2' (similarity 0.47). Approved: "
        "Northwind is SOC 2 Type II certified.",
        "post.md:5:1: BL204 [error] This contradicts approved message 'trial' (similarity 0.67). Approved: "
        "Northwind Track comes with a 30-day free trial for fleets of every size.",
        "post.md:9:1: BL204 [error] This contradicts approved message 'position-refresh' (similarity 0.77). Approved: "
        "Northwind Track updates every truck's position every 60 seconds."]


SUPPORT = "Every Northwind plan includes 24/7 support by phone and chat."
SOC2 = "Northwind is SOC 2 Type II certified."
TRIAL = "Northwind Track comes with a 30-day free trial for fleets of every size."
PASSKEY = "Drivers sign in to the Northwind Driver app with a passkey, without a password."
REFRESH = "Northwind Track updates every truck's position every 60 seconds."
REORDER = "Northwind Orders reorders bestselling titles automatically when stock runs low."
MAGIC = "Employees sign in to the Brightmoor app with a magic link, without a password."
RESIDENCY = "Customers choose whether their data is stored in the EU or the US."
SERVICING = "Servicing and repairs are included in every Northwind plan."
WEEK = "Every Northwind plan includes rider support by phone and chat, 7 days a week."
MILES = "Carriers who plan with Northwind Route drive 12% fewer empty miles on average."


@pytest.mark.parametrize("text, form, how", [
    ("Support is available only during business hours.", "Every plan includes 24/7 support.", "hours"),
    ("Our phone and chat support runs Monday to Friday, 9 a.m. to 5 p.m.",
     "Every plan includes 24/7 support by phone and chat.", "hours"),
    # another tier beside round-the-clock support, not a denial of it; or the other hours covered too
    ("Weekday support is discounted by 50%.", "Canonical offers 24/7 access to a support team.", ""),
    ("Weekday support with a named engineer is available as an add-on.",
     "Every plan includes round-the-clock support from human engineers.", ""),
    ("Our engineers answer within an hour on weekdays and within four hours at weekends.",
     "Every plan includes round-the-clock support from human engineers.", ""),
    ("Round-the-clock support is available by chat only.", "24/7 support by phone and chat.", "subset"),
    ("All shipment data is stored in our US data center.",
     "Customers choose whether their shipment data is stored in the EU or the US.", "subset"),
    ("All Harborline customer data is stored in the EU.",
     "Customers choose whether their shipment data is stored in the EU or the US.", "subset"),
    # "and" between two things a sentence does is no choice between them
    ("Over 2,800 shippers book all their freight with us.", "Shippers plan and book their freight with us.", ""),
    ("Harborline Dispatch reports CO2 emissions for selected loads on request.",
     "Harborline Dispatch reports the CO2 emissions of every load it plans.", "scope"),
    # "only" bearing on the figure says what "every six weeks" says
    ("Each release is only six weeks apart.", "A new stable version is released every six weeks.", ""),
    ("Drivers need a password to sign in.", "Drivers sign in with a passkey, without a password.", "requirement"),
    ("Drivers sign in with a passkey instead of a password.", "Drivers sign in with a passkey, without a password.",
     ""),
    # doing with it what the wording does without: only after the wording's own verb
    ("Drivers sign in to Northwind Driver with their email address and password.",
     "Drivers sign in with a passkey, without a password.", "requirement"),
    ("Compared with a password, a passkey cannot be phished.", "Drivers sign in with a passkey, without a password.",
     ""),
    ("Unlike languages with a garbage collector, Rust gives you control over memory.",
     "Rust guarantees memory safety without a garbage collector.", ""),
    ("Go and Java ship with a garbage collector; Rust does not.",
     "Rust guarantees memory safety without a garbage collector.", ""),
    # another place after the wording's own verb; not a place it names, nor one beside its own
    ("Northwind was founded in Amsterdam in 2013.", "Northwind was founded in Rotterdam in 2013.", "place"),
    ("Northwind was founded in Rotterdam in 2013, with an office in Berlin.",
     "Northwind was founded in Rotterdam in 2013.", ""),
    ("Northwind, founded in Rotterdam, opened an office in Berlin.", "Northwind was founded in Rotterdam in 2013.", ""),
    ("Shipment data is stored in the US for US customers.", RESIDENCY, ""),
    ("All shipment data is stored in Frankfurt.", RESIDENCY, ""),  # in the EU: only a gazetteer knows
    ("Northwind was founded in the Netherlands in 2013.", "Northwind was founded in Rotterdam in 2013.", ""),
    # "every plan": restricted to some customers in other words
    ("24/7 support is reserved for Enterprise customers.", SUPPORT, "scope"),
    # with a password in a comparison, or beside the wording's own way for someone else
    ("Employees sign in with a magic link, which is safer than signing in with a password.", MAGIC, ""),
    ("Employees sign in with a magic link; admins sign in with a password and 2FA.", MAGIC, ""),
    ("Employees sign in to the Brightmoor app with their NI number and a password.", MAGIC, "requirement"),
    # a range over the whole day, hours that are not the support's, an addition, a count, a list
    ("Our phone support is staffed 00:00 to 24:00, every day of the year.", SUPPORT, ""),
    ("Onboarding calls with our support engineers are scheduled on weekdays.", SUPPORT, ""),
    ("Live chat with sales is open Monday to Friday.", SUPPORT, ""),
    ("Our partner's support desk is open during business hours.", SUPPORT, ""),
    ("The support webinar runs Monday to Friday at 3 p.m.", SUPPORT, ""),
    ("Our phone support opens at 9 a.m. and closes at 5 p.m. on weekdays.", SUPPORT, "hours"),
    ("Our 24/7 phone and chat support is staffed in English only.", SUPPORT, ""),
    ("Northwind Cloud backs up your databases at least once an hour.", "Northwind Cloud backs up every database every "
     "hour.", ""),
    ("Northwind Cloud backs up selected databases more often, on request.", "Northwind Cloud backs up every database "
     "every hour.", ""),
    ("All our engineers are based in the EU.", RESIDENCY, ""),
    ("Customers who store data in the EU can only pick Frankfurt or Dublin as their region.", RESIDENCY, ""),
    ("Northwind Cloud runs in 12 regions; only three of them are in North America.",
     "Northwind Cloud runs in 12 regions across Europe and North America.", ""),
    # the opposite word (claims/opposites.py): on the way to a standing, without what comes with, by hand
    ("We are preparing for our first SOC 2 Type II audit.", SOC2, "pending"),
    ("Northwind is working towards ISO 27001 certification.", "Northwind is ISO 27001 certified.", "pending"),
    ("We are preparing for this year's SOC 2 Type II audit.", SOC2, ""),  # a certified company does, yearly
    ("Our auditors have renewed our SOC 2 Type II report.", SOC2, ""),
    ("We are working towards faster arrival estimates.", "Northwind's arrival estimates are 94% accurate.", ""),
    ("Northwind Track comes without a free trial; billing starts with your first truck.", TRIAL, "without"),
    ("You can start the free trial without a credit card.", TRIAL, ""),
    ("Drivers sign in without a passkey.", PASSKEY, "without"),
    ("Drivers sign in without a password.", PASSKEY, ""),  # what the wording itself rules out
    ("Drivers update their position manually at each stop.", REFRESH, "manual"),
    ("Drivers can also update their position manually if they prefer.", REFRESH, ""),
    ("When GPS is lost, drivers update their position manually.", REFRESH, ""),
    ("No more updating truck positions by hand.", REFRESH, ""),
    ("Dispatchers enter delivery notes manually.", REFRESH, ""),  # a clause about something else
    ("We're not ISO certified yet, but our security is solid.", "Northwind is ISO 27001 certified.", "negation"),
    # where we began, in other words; a place after "offer" or "part of" says nothing itself
    ("Northwind started life in Antwerp in 2016.", "Northwind was founded in Ghent in 2016.", "place"),
    ("Northwind was born in Amsterdam and now serves clinics across Europe.", "Northwind was founded in Ghent in "
     "2016.", "place"),
    ("Founded in Sheffield, Northwind now serves more than 2,100 bookshops.", "Northwind was founded in Leeds in "
     "2015.", "place"),
    ("Founded in Leeds, Northwind now serves more than 2,100 bookshops.", "Northwind was founded in Leeds in 2015.", ""),
    ("As of January, 24/7 support is no longer part of the Starter plan.", SUPPORT, "negation"),
    ("Our support team takes calls Monday to Friday during office hours.", SUPPORT, "hours"),
    # "one or more" is any number; "50 or more" narrows (linkerd-blog: "between one or more services")
    ("The free trial of Northwind Track is open to fleets with one or more trucks.", TRIAL, ""),
    ("The free trial of Northwind Track is open to fleets with 50 or more trucks.", TRIAL, "scope"),
])
def test_how_a_sentence_contradicts(text, form, how):
    assert contradicts(text, form) == how


PAYROLL = "Every Brightmoor plan includes 24/7 payroll support from certified accountants by phone and chat."
HUMAN = "Every Northwind Cloud plan includes round-the-clock support from human engineers."


@pytest.mark.parametrize("text, forms, how", [
    # far from the entry by meaning, but holding two neighbouring words of it that the denial bears on
    ("24/7 support is reserved for Enterprise customers.", (SUPPORT,), "scope"),
    ("Round-the-clock support is available by chat only.", (SUPPORT,), "subset"),
    ("Human support is no longer included in Northwind Cloud plans.", (HUMAN,), "negation"),
    ("All Northwind customer data is stored in the EU.", (RESIDENCY,), "subset"),
    ("Our support engineers are available by phone and chat on weekdays from 8:00 to 18:00 CET.",
     ("Every plan includes 24/7 support from support engineers by phone and chat.",), "hours"),
    # the same pairs in copy that denies something else: the pair is the denial itself, the denial bears
    # first on another word, or on a short one; "only" on another's subject with no choice offered
    ("Northwind isn't the first open source project to add a steering committee.",
     ("Northwind is 100% open source, licensed under Apache 2.0.",), ""),
    ("Our maintenance service makes sure that a security update won't break your device.",
     ("Northwind Core, for embedded devices, gets up to 15 years of security updates.",), ""),
    ("Private clouds are not as attractive on day 0 as public clouds.",
     ("Northwind will build and run your private cloud from $5 per server per day.",), ""),
    ("Northwind downloaded two crates and their dependencies and compiled them, but it didn't touch the others.",
     ("Northwind builds your code and downloads your dependencies.",), ""),
    ("Our audit only covers the crates currently published on the registry.",
     ("The registry team removes malicious crates and publishes what it found.",), ""),
    ("Your job is not to use a service mesh.", ("Northwind was the first service mesh to graduate.",), ""),
    # a reviewer's quiet sentences against an entry of the same shape (Brightmoor, a payroll company)
    ("24/7 payroll support is for account admins only; employees should ask their manager.", (PAYROLL,), ""),
    ("Our 24/7 payroll support is only a phone call away.", (PAYROLL,), ""),
    ("Not every 24/7 payroll support call needs an accountant; most questions are answered in chat.", (PAYROLL,), ""),
    ("Brightmoor's phone and chat support does not include certified tax advice.", (PAYROLL,), ""),
    ("Every Brightmoor plan includes payslips and P60s, but HMRC fines you incur are not included.", (PAYROLL,), ""),
    ("24/7 payroll support is reserved for Premium customers.", (PAYROLL,), "scope"),
    ("Brightmoor payroll support is no longer included in the Starter plan.", (PAYROLL,), "negation"),
    # a standing named as the wording names it, what comes with it in its words
    ("We are currently preparing for our first SOC 2 Type II audit.", (SOC2,), "pending"),
    ("Northwind Track comes without a free trial.", (TRIAL,), "without"),
    ("Northwind Track comes without a setup fee.", (TRIAL,), ""),
    ("Northwind Track doesn't offer a free trial, but we're happy to give you a demo.", (TRIAL,), "negation"),
    ("We're not ISO certified yet, but our security is solid.", ("Northwind is ISO 27001 certified.",), "pending"),
    # a reviewer's quiet sentences (Tallyhive, a bookshop stock system): the past, someone else's
    # standing, a renewal, another action on the wording's things
    ("Preparing for our first SOC 2 Type II audit back in 2021 taught us a lot about access reviews.", (SOC2,), ""),
    ("When we were working towards SOC 2 Type II in 2022, we chose an auditor with retail experience.", (SOC2,), ""),
    ("Shops whose card terminals are not certified yet can borrow a Northwind Till reader.", (SOC2,), ""),
    ("Our customers expect to receive their SOC 2 Type II report within a day of asking.", (SOC2,), ""),
    ("We plan to get our SOC 2 Type II report renewed before the summer, as we do every year.", (SOC2,), ""),
    ("Before Northwind, Marta reordered bestselling titles by hand every Monday morning.", (REORDER,), ""),
    ("Staff at Marta's shop still write the shelf-talker cards for bestselling titles by hand.", (REORDER,), ""),
    ("Shop staff reorder bestselling titles by hand each week.", (REORDER,), "manual"),
    ("As of January, 24/7 support is no longer part of the Starter plan.", (SUPPORT,), "negation"),
    # far by meaning, a narrowing of what the wording shares is not evidence enough (a twelfth-session
    # rule for it flagged "Only admins of a fleet can start the free trial", and with "one or more" read
    # as a restriction, this linkerd-blog sentence: 0309-linkerd-multi-cluster-failover)
    ("Free trials of Northwind Track are only open to fleets with 50 trucks or more.", (TRIAL,), ""),
    ("Only admins of a fleet can start the Northwind Track free trial.", (TRIAL,), ""),
    ("Free trials of Northwind Track are only available in English.", (TRIAL,), ""),
    ("Fleets of every size can start a free trial of Northwind Track.", (TRIAL,), ""),
    ("The operator lets users configure conditions under which Northwind will shift traffic between one or "
     "more services.", ("Northwind adds mutual TLS to all TCP traffic between meshed pods with zero configuration.",),
     ""),
    # a denial of a denial: a requirement, not the wording denied (rust-blog, inside-rust/spec-vision.md)
    ("Changes to the language features cannot be stabilized without a corresponding pull request.",
     ("Rust promises stability without stagnation; code that compiles on stable Rust keeps compiling.",), ""),
    # every day of the week against weekdays or a day it closes; office hours are hours of each day, and
    # other days beside them cover the week
    ("Rider support runs by phone and chat on weekdays only.", (WEEK,), "hours"),
    ("Rider support closes on Sundays, so get in touch by Saturday.", (WEEK,), "hours"),
    ("From December, rider support is no longer staffed at weekends.", (WEEK,), "hours"),
    ("Rider support is available by phone and chat during business hours.", (WEEK,), ""),
    ("Phone support runs on weekdays, and chat support at weekends.", (WEEK,), ""),
    ("Our Utrecht hub closes on Sundays.", (WEEK,), ""),
    # a reviewer's quiet sentences: another team's weekdays, a customer's closing days, a condition
    ("Our sales team answers phone calls Monday to Friday.", (WEEK,), ""),
    ("Customers can book a showroom visit by phone on weekdays only.", (WEEK,), ""),
    ("Our finance team answers billing questions by phone on weekdays only.", (WEEK,), ""),
    ("Warehouse sensors can be switched off at night to save battery.",
     ("Northwind monitors every sensor in your warehouse 24/7.",), ""),
    ("Sensors in your warehouse go offline at night only if the power is cut.",
     ("Northwind monitors every sensor in your warehouse 24/7.",), ""),
    ("Our Bristol customer office closes at weekends, but phone and chat support never stop.",
     ("Every Northwind plan includes customer support by phone and chat, 24/7.",), ""),
    # "has no" is "comes without"
    ("Northwind Track has no free trial, but you can cancel in the first month.", (TRIAL,), "without"),
    ("There's no free trial of Northwind Track, but the first week is cheap.", (TRIAL,), "without"),
    ("Northwind Track has no setup fee.", (TRIAL,), ""),
    ("Northwind Track offers no-obligation free trials.", (TRIAL,), ""),
    # a price of its own on what the wording says is included, as the clause's subject; not on another
    # thing, nor as an option or a condition
    ("Servicing is available as a paid add-on from 8 euros a month.", (SERVICING,), "paid extra"),
    ("Servicing is billed per bike per visit.", (SERVICING,), "paid extra"),
    # a reviewer's quiet sentences: the clause's subject is another thing, of which an included word is a
    # modifier or a part
    ("Servicing for boilers we did not install is billed per visit.", (SERVICING,), ""),
    ("Phone cases for the app display are sold separately.", (SUPPORT,), ""),
    ("Customer training days for installers are charged per person.", ("Every plan includes customer support.",),
     ""),
    ("Annual membership of the Heat Pump Association is billed separately to installers.",
     ("Annual servicing and repairs are included in every Northwind plan.",), ""),
    ("24/7 support is a paid add-on for Starter customers.", (SUPPORT,), "paid extra"),
    ("Repairs cost extra if the damage is deliberate.", (SERVICING,), ""),
    ("Brake pads are charged separately.", (SERVICING,), ""),
    ("Weekday support with a named engineer is a paid add-on.", (SUPPORT,), ""),
    ("Alongside 24/7 support, clinics can add a phone answering service as a paid extra.", (SUPPORT,), ""),
    # no effect on what the wording says changes, in its words; not on something else, nor against a wording
    # of no change
    ("Northwind Route has no measurable effect on empty miles.", (MILES,), "no effect"),
    ("In our pilot, Northwind Route made little difference to empty miles.", (MILES,), "no effect"),
    ("The update has no impact on your existing routes or empty-mile reports.", (MILES,), ""),
    # a reviewer's quiet sentences: a part of the thing, an action's effect, a count is no change
    ("Northwind Route has no effect on empty miles you drove before installing it.", (MILES,), ""),
    ("Changing your tariff has no impact on empty miles during the first month.", (MILES,), ""),
    ("Switching fuel supplier has no impact on empty miles.", (MILES,), ""),
    ("A short outage has no lasting effect on your Northwind trucks.",
     ("More than 9,000 trucks are planned by Northwind Route.",), ""),
    ("Switching plans has no effect on your empty miles history.", ("Northwind Route plans include every report.",),
     ""),
])
def test_what_contradicts_from_far_by_meaning(text, forms, how):
    """`narrows`: the contradictions that count from the low `narrowing` similarity (0.35)."""
    assert narrows(text, forms) == how


def test_round_the_clock_is_one_figure_and_a_time_of_day_none():
    spellings = ["24/7 support", "support around the clock", "round-the-clock support", "24x7 help",
                 "by phone, 24 hours a day, seven days a week"]
    assert [[(f.text, f.unit) for f in find_figures(t)] for t in spellings] == [
        [("24/7", "24/7")], [("around the clock", "24/7")], [("round-the-clock", "24/7")], [("24x7", "24/7")],
        [("24 hours a day, seven days a week", "24/7")]]
    assert all(find_figures(t)[0].same(parse_figure("24/7")) for t in spellings)
    assert [(f.text, f.year_like) for f in find_figures("The webinar starts at 10 a.m., the demo at 5pm.")] == [
        ("10", True), ("5", True)]


def test_long_sentences_cost_what_their_length_does():
    """A sentence of thousands of cues and figures (a fuzzed paragraph took past the 60 s limit when
    each cue looked at every figure): positions are found by bisection. No timing here: on the old code
    this test ran for minutes; what it asserts is the answer."""
    long = "only a 24/7 b c d e f " * 4000
    assert contradicts(long, SUPPORT) == ""
    assert narrows(long, (SUPPORT,)) == ""
    hours = "our support news weekdays, 9 a.m. to 5 p.m. " * 2000  # office hours in every clause
    assert narrows(hours, (SUPPORT,)) == contradicts(hours, SUPPORT) == ""  # no "only", no availability word
    assert contradicts("Customer data: " + "all x y z, " * 9000 + "EU.", RESIDENCY) == ""  # "all" in another clause
