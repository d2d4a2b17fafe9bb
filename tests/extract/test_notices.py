"""US arms-sale notices, one test per layout: the press release, the Federal Register
36(b)(1) transmittal, and the cover letter that gives only recipient, transmittal and value.
The texts are written for the tests in the public layouts of these notices."""
import re

PRESS_RELEASE = """WASHINGTON, March 3, 2026 - The State Department has approved a possible Foreign Military Sale to Finland of AIM-9X Block II Sidewinder missiles and associated support for an estimated total cost of $95 million. The Defense Security Cooperation Agency has notified Congress of this possible sale.

Finland has requested to purchase up to thirty-six (36) AIM-9X Block II Sidewinder tactical missiles and eight (8) AIM-9X Block II captive air training missiles. Also included are missile containers, spare and repair parts, publications, training and other related elements of logistics and program support.

The proposed sale will not affect the military balance in the region.

The principal contractor will be RTX Corporation, located in Tucson, Arizona. There are no known offset agreements proposed in connection with this potential sale.

By law, this notice of a potential sale must be published; it does not mean that the sale is concluded.
"""

FEDERAL_REGISTER = """DEPARTMENT OF DEFENSE

Office of the Secretary

[Transmittal No. 26-07]

Arms Sales Notification

AGENCY: Defense Security Cooperation Agency, Department of Defense.

ACTION: Arms sales notice.

Transmittal No. 26-07
Notice of Proposed Issuance of Letter of Offer Pursuant to Section
36(b)(1) of the Arms Export Control Act, as amended
    (i) Prospective Purchaser: Government of Chile
    (ii) Total Estimated Value:

Major Defense Equipment*................................     $120 million
Other...................................................     $ 30 million
                                                         ---------------
  Total.................................................    $150 million

    (iii) Description and Quantity or Quantities of Articles or
Services under Consideration for Purchase:
    Major Defense Equipment (MDE):
    Six (6) F-16C Block 52 aircraft
    Twelve (12) AN/APG-83 radars
    Non-MDE: spare and repair parts, support equipment, publications.
    (iv) Military Department: Air Force (CI-D-SAA)
    (v) Prior Related Cases, if any: None
"""

COVER_LETTER = """Defense Security
Cooperation Agency,
Arlington, VA.
Dear Mr. Chairman: Pursuant to the reporting requirements
of Section 36(b)(1) of the Arms Export Control Act, as
amended, we are forwarding herewith Transmittal No. 26-11
concerning the Army's proposed Letter(s) of Offer and
Acceptance to the Government of Peru for defense articles
and services estimated to cost $210 million. After this
letter is delivered to your office, we plan to issue a news
release to notify the public of this proposed sale.
"""


def _items(t):
    return [(i.designation, i.quantity) for i in t.items]


def test_press_release_is_one_approved_fms_deal(extract):
    x = extract(PRESS_RELEASE, lang="en", published="2026-03-03")
    assert len(x.transfers) == 1
    t = x.transfers[0]
    assert (t.supplier.id, t.recipient.id, t.status, t.channel) == ("USA", "FIN", "approved", "FMS")
    assert (t.value.amount, t.value.currency, t.value.qualifier) == (95_000_000, "USD", "about")
    assert ("AIM-9X Block II", 36) in _items(t)
    assert t.contractor == ["RTX Corporation"]


def test_federal_register_fields(extract):
    x = extract(FEDERAL_REGISTER, lang="en", published="2026-04-01")
    assert len(x.transfers) == 1
    t = x.transfers[0]
    assert (t.supplier.id, t.recipient.id, t.status, t.channel) == ("USA", "CHL", "approved", "FMS")
    assert (t.value.amount, t.value.qualifier) == (150_000_000, "about")
    assert _items(t) == [("F-16C Block 52", 6), ("AN/APG-83", 12)]
    assert {i.category for i in t.items} == {"aircraft", "sensor"}


def test_cover_letter_gives_recipient_and_value_only(extract):
    x = extract(COVER_LETTER, lang="en", published=None)
    assert len(x.transfers) == 1
    t = x.transfers[0]
    assert (t.recipient.id, t.items, t.status, t.channel) == ("PER", [], "approved", "FMS")
    assert (t.value.amount, t.value.currency) == (210_000_000, "USD")


def test_a_notice_is_never_a_signed_sale(extract):
    x = extract(PRESS_RELEASE + "\nThe contract was signed.", lang="en", published="2026-03-03")
    assert [t.status for t in x.transfers] == ["approved"]


def test_notice_patterns_cannot_rescan_a_line_from_every_offset():
    """Regression (a fuzz input of one long line took seconds per document): a pattern that
    opens with a negated class run, or grows a lazy unbounded run, rescans the rest of the line
    from every offset where it is tried; the spans they find are bounded instead."""
    from armsledger.lang import get_lexicon
    patterns = [p for key, value in get_lexicon("en").words("notices").items()
                if key != "_comment" and isinstance(value, list) for p in value]
    opens_with_run = [p for p in patterns if re.match(r"\[\^[^\]]*\][*+]", p)]
    lazy_unbounded = [p for p in patterns if re.search(r"\][*+]\?", p)]
    assert (opens_with_run, lazy_unbounded) == ([], [])


# --- a platform named beside the notified equipment but left out of the request list ---------

EDITORIAL = ("On March 3, 2026, the State Department approved a sale of F-15EX and F-16 Block 70 aircraft to "
             "Norway. The Government of Norway has requested to buy thirty-two (32) F-16C Block 70 aircraft; "
             "forty (40) F110-GE-129D engines; and associated equipment.")
RELEASE_HEADLINE = ("On March 3, 2026, the State Department approved a possible Foreign Military Sale to Norway of "
                    "P-8A Poseidon and C-130J Super Hercules aircraft.\n\nThe Government of Norway has requested "
                    "to buy four (4) C-130J-30 Super Hercules aircraft; ten (10) AE2100D3 engines; and associated "
                    "equipment.")


def _deals(x):
    return [(t.supplier.id, t.recipient.id, t.status, t.channel, t.date, _items(t)) for t in x.transfers]


def test_platform_left_out_of_the_request_list_is_a_sale_of_its_own(extract):
    assert _deals(extract(EDITORIAL, lang="en", published="2026-03-03")) == [
        ("USA", "NOR", "approved", "FMS", "2026-03-03", [("F-15EX", None)]),
        ("USA", "NOR", "approved", "FMS", "2026-03-03", [("F-16C Block 70", 32), ("F110-GE-129D", 40)])]


def test_platform_left_out_of_a_notice_request_list_is_a_sale_of_its_own(extract):
    assert _deals(extract(RELEASE_HEADLINE, lang="en", published="2026-03-03")) == [
        ("USA", "NOR", "approved", "FMS", "2026-03-03", [("P-8A", None)]),
        ("USA", "NOR", "approved", "FMS", "2026-03-03", [("C-130J-30", 4), ("AE2100D3", 10)])]


def test_equipment_of_a_kind_the_request_list_does_not_detail_stays_in_the_sale(extract):
    """The list names no missile programme ("associated missiles"): the AIM-120 named beside
    the aircraft is no sale of its own."""
    text = RELEASE_HEADLINE.replace("P-8A Poseidon and C-130J Super Hercules aircraft",
                                    "AIM-120 missiles and C-130J Super Hercules aircraft")
    assert _deals(extract(text, lang="en", published="2026-03-03")) == [
        ("USA", "NOR", "approved", "FMS", "2026-03-03", [("AIM-120", None), ("C-130J-30", 4), ("AE2100D3", 10)])]


def test_a_notice_of_a_sale_to_the_state_that_makes_the_weapon_is_one_sale_to_it(extract):
    """Sweden buying RBS 70 missiles through the US (the notice's seller): no second, reversed deal."""
    text = PRESS_RELEASE.replace("Finland", "Sweden").replace(
        "AIM-9X Block II Sidewinder missiles", "RBS 70 missiles").replace(
        "up to thirty-six (36) AIM-9X Block II Sidewinder tactical missiles and eight (8) AIM-9X Block II "
        "captive air training missiles", "up to thirty-six (36) RBS 70 missiles")
    x = extract(text, lang="en", published="2026-03-03")
    assert [(t.supplier.id, t.recipient.id, [(i.designation, i.quantity) for i in t.items]) for t in x.transfers] \
        == [("USA", "SWE", [("RBS 70", 36)])]
