"""Aid: money for military purposes that is not one deal.

A money amount in a sentence with an aid cue (aide, financement, dépensé, prêt; aid,
financing, spent, loan) and a military context (the sentence or its neighbours speak of arms,
the military, defence) gives a record, unless a transfer already took that money as its value.
Kind and period come from the nearest cues. Donor and recipient are read from the parse of the
clause that holds the amount (`_clause_parties`): the agent of a passive, a "from"/"de la part
de" complement, the possessor or demonym of the aid noun ("Germany's aid", "l'aide allemande"),
the subject of the giving verb, or of a receiving verb for the recipient ("Z will receive X from
Y"); the recipient is a "to"/"for"/"à"/"pour" complement. When the parse names none, as in
`parties`; carried over from the record before when the sentence names none ("2 milliards en
2022, 5,4 en 2023"), else the last state named before as a possible giver.
An amount in a sentence with no aid cue is aid when it is the value of a noun that named an aid
agreement before ("signed an MoU to give Israel $38 billion" ... "the current $30 billion MoU"):
the same parties and kind, unless its own clause names others.
Not aid: an amount asked for or needed, the price of a sale in the amount's clause, a total for
several purposes whose military part follows (only the part is), the same amount converted in
brackets, a state paying itself, the value of an equipment package given as a transfer.
"""
from __future__ import annotations

import re
from functools import cache

import pycountry
from spacy.tokens import Token

from armsledger.extract.context import DocContext, Mention, Sentence
from armsledger.extract.parties import DETERMINER, PREPOSITION, actor_of, find_parties, is_state, states_between
from armsledger.lang import Lexicon
from armsledger.model import Actor, Aid, Money, Transfer
from armsledger.normalize.money import MoneyMatch

# the first kind whose cue the sentence has; money named as military aid is aid even when "spent"
KIND_ORDER = ("military_financing", "loan", "military_aid_named", "spending", "military_aid")
# the kinds a sentence names outright: money so named is aid even in a clause about a sale
NAMED_KINDS = ("military_financing", "loan", "military_aid_named")


NEAR = 60  # characters after an amount where its period cue is looked for ("... to Ukraine for 2024")


def period_of(ctx: DocContext, money: MoneyMatch, sent: Sentence, cumulative_cue: bool | None = None) -> str:
    """annual, cumulative or one_off, from the cue nearest the amount, then from its sentence
    (`cumulative_cue`: whether the sentence has a cumulative cue, when the caller knows)."""
    lex = ctx.lex
    near = ctx.text[money.end:min(sent.end, money.end + NEAR)]
    near_before = ctx.text[max(sent.start, money.start - 30):money.start]
    hits = []
    for period in ("cumulative", "annual"):
        for window, offset in ((near, 0), (near_before, NEAR)):
            m = lex.rx(f"period.{period}").search(window)
            if m:
                hits.append((m.start() + offset, period))
    if hits:
        return min(hits)[1]
    if cumulative_cue if cumulative_cue is not None else lex.has("period.cumulative", sent.text):
        return "cumulative"
    return "one_off"


def extract_aid(ctx: DocContext, used_money: set[tuple[int, int]] = frozenset(),
                transfers: list[Transfer] = ()) -> list[Aid]:
    """Aid amounts, each with donor, recipient, kind and period. A sentence that names no
    recipient takes the one of the aid before, else of the document's transfers."""
    out: list[Aid] = []
    seen: set[tuple[float, str]] = set()
    last_donor: Actor | None = None
    last_recipient: Actor | None = next((t.recipient for t in transfers if t.recipient), None)
    deal_values = {(t.value.amount, t.value.currency) for t in transfers if t.value}
    # packages of named equipment given, whose value the transfer did not take
    unpriced_grants = {(t.supplier.id, t.recipient.id) for t in transfers
                       if t.channel == "grant" and t.value is None and t.items and t.supplier and t.recipient}
    # what depends only on the sentence, read once however many amounts it holds
    sentences: dict[int, tuple[str, bool, str | None] | None] = {}
    agreements: dict[str, Aid] = {}  # the noun of an aid agreement (lemma) -> its first record
    for k, money in enumerate(ctx.money):
        if (money.start, money.end) in used_money or (money.amount, money.currency) in deal_values:
            continue  # a deal's value, here or told again ("a new $250 million package")
        if k and _converted(ctx, ctx.money[k - 1], money):
            continue  # "75 millions de dollars (64 millions d'euros)": the same money again
        if k + 1 < len(ctx.money) and _mixed_total(ctx, money, ctx.money[k + 1]):
            continue
        sent = ctx.sentence_at(money.start)
        if sent.index not in sentences:
            sentences[sent.index] = _aid_sentence(ctx, sent)
        restated = None
        if sentences[sent.index] is None:
            # "It replaces the current $30 billion MoU": the noun of an aid agreement told before
            noun = _amount_noun(ctx, money)
            restated = agreements.get(noun.lemma_.lower()) if noun is not None else None
            if restated is None:
                continue
            kind, cumulative, since = restated.kind, False, None
        else:
            kind, cumulative, since = sentences[sent.index]
        period = period_of(ctx, money, sent, cumulative)
        giver, receiver, not_given = _clause_parties(ctx, sent, money)
        if not_given == REQUESTED or \
                (not_given == "sale" and not any(ctx.lex.has(f"aid.{named}", sent.text) for named in NAMED_KINDS)):
            continue  # what is asked for; "la vente ..., estimée à 997 millions de dollars": a deal's price
        if restated is not None:
            last_donor, last_recipient = restated.donor, restated.recipient
        elif giver is None or receiver is None:
            parties = find_parties(ctx, sent.start, sent.end, money.start, subject_only=False)
            giver = giver or (parties.supplier if not _compared(ctx, sent, parties.supplier) else None)
            if receiver is None and parties.recipient is not None and \
                    (giver is None or parties.recipient.id != giver.id):
                receiver = parties.recipient
        recipient = actor_of(receiver) or last_recipient
        if giver is None and last_donor is None and not ctx.lex.has("sale_cues", sent.text) and \
                not ctx.in_sentence(ctx.weapons, sent):
            giver = _named_before(ctx, sent, recipient)  # not for the price of a sale or of equipment
        donor = actor_of(giver) or last_donor
        if donor is None or (recipient is not None and donor.id == recipient.id):
            continue  # nobody gives, or a state pays itself: its own purchases
        if period == "one_off" and (donor.id, recipient.id if recipient else None) in unpriced_grants and \
                ctx.lex.has("package_cues", sent.text):
            continue  # "a new weapons package for Ukraine, valued at $550 million": that grant's value
        key = (money.amount, money.currency)
        if key in seen:
            continue
        seen.add(key)
        last_donor, last_recipient = donor, recipient
        # "$185 million" in a text on Australia's aid is in Australian dollars
        currency = DOLLARS.get(donor.id, money.currency) if money.text.lstrip().startswith("$") else money.currency
        out.append(Aid(donor=donor, recipient=recipient,
                       value=Money(amount=money.amount, currency=currency, qualifier=money.qualifier),
                       kind=kind, period=period, period_start=since if period == "cumulative" else None,
                       evidence=[(money.start, money.end), (sent.start, sent.end)]))
        if restated is None:
            for lemma in _agreement_nouns(ctx, money):
                agreements.setdefault(lemma, out[-1])
    return out


# how an amount hangs on the noun it is the value of ("a $30 billion MoU", "un accord de 3 milliards")
AMOUNT_OF_NOUN = frozenset({"nummod", "compound", "amod", "nmod"})
# a clause that says what an agreement is for ("signed an MoU to give Israel $38 billion")
PURPOSE_DEPS = frozenset({"advcl", "xcomp"})
RELATIVE_DEPS = frozenset({"relcl", "acl:relcl", "acl"})
NOUNS = frozenset({"NOUN", "PROPN"})


def _amount_noun(ctx: DocContext, money: MoneyMatch) -> Token | None:
    """The noun an amount is the value of ("the current $30 billion MoU" -> MoU), if any."""
    span = ctx.doc.char_span(money.start, money.end, alignment_mode=ALIGN_TO_TOKENS)
    if span is None or not len(span):
        return None
    root = span.root
    if root.dep_ in AMOUNT_OF_NOUN and root.head.i != root.i and root.head.pos_ in NOUNS and \
            not (span.start <= root.head.i < span.end):
        return root.head
    return None


def _agreement_nouns(ctx: DocContext, money: MoneyMatch) -> set[str]:
    """The lemmas of the nouns that name the agreement an aid amount belongs to: the noun it is
    the value of, the agreement the giving clause is the purpose of ("signed a memorandum (MoU)
    to give Israel $38 billion"), or the agreement its relative clause hangs on. A later amount
    on one of these nouns is aid of the same parties told again."""
    out: set[str] = set()
    noun = _amount_noun(ctx, money)
    if noun is not None:
        out.add(noun.lemma_.lower())
    span = ctx.doc.char_span(money.start, money.end, alignment_mode=ALIGN_TO_TOKENS)
    if span is None or not len(span):
        return out
    verb, steps = span.root, 0
    while verb.pos_ not in VERBS and verb.head.i != verb.i and steps < MAX_DEPTH:
        verb, steps = verb.head, steps + 1
    if verb.pos_ not in VERBS or verb.head.i == verb.i:
        return out
    if verb.dep_ in RELATIVE_DEPS and verb.head.pos_ in NOUNS:
        out.add(verb.head.lemma_.lower())
    elif verb.dep_ in PURPOSE_DEPS and verb.head.pos_ in VERBS:
        for obj in verb.head.children:
            if obj.dep_ in OBJECT_DEPS and obj.pos_ in NOUNS:
                out.add(obj.lemma_.lower())
                out.update(t.lemma_.lower() for t in obj.subtree if t.dep_ == "appos" and t.pos_ in NOUNS)
    return out


def _converted(ctx: DocContext, before: MoneyMatch, money: MoneyMatch) -> bool:
    """Is `money` the amount before it converted, in brackets right after it ("$130 million
    (110 millions d'euros)")?"""
    gap = ctx.text[before.end:money.start]
    return len(gap) <= 16 and "(" in gap and ")" not in gap and not any(c.isdigit() for c in gap)


def _mixed_total(ctx: DocContext, total: MoneyMatch, part: MoneyMatch) -> bool:
    """Is `total` a sum for several purposes whose military part follows ("$820 million,
    including $300 million for the armed forces")? Its military part is aid, the total not."""
    lex, text = ctx.lex, ctx.text
    gap = text[total.end:part.start]
    if len(gap) > 40 or not _before(lex, "part_of").search(gap.rstrip(" ,:")) or part.amount >= total.amount:
        return False
    return lex.has("military_cues", text[part.end:part.end + 40]) and not lex.has("military_cues", gap)


def _named_before(ctx: DocContext, sent: Sentence, recipient: Actor | None) -> Mention | None:
    """The last state named in the sentences just before, other than the recipient and not
    after a preposition ("à la Moldavie", "en Pologne" name no giver): who gives,
    when a sentence on aid names nobody ("Le coût de cette aide s'élèverait à ...")."""
    earlier = states_between(ctx, max(0, sent.start - BEFORE), sent.start)
    return next((m for m in reversed(earlier) if (recipient is None or m.id != recipient.id)
                 and PREPOSITION.search(ctx.text[max(0, m.start - 14):m.start]) is None), None)


def _compared(ctx: DocContext, sent: Sentence, m: Mention | None) -> bool:
    """Is the state named as what an amount is compared to ("trois fois plus que l'Italie")?"""
    if m is None:
        return False
    return _before(ctx.lex, "than").search(ctx.text[max(sent.start, m.start - WINDOW):m.start]) is not None


def _aid_sentence(ctx: DocContext, sent: Sentence) -> tuple[str, bool, str | None] | None:
    """(kind of aid, has a cumulative cue, start of a "since" period) of a sentence that speaks
    of aid in a military context; None for any other sentence."""
    lex, s = ctx.lex, sent.text
    if not lex.has("aid_cues", s) or not ctx.military_nearby(sent.index):
        return None
    kind = next((k for k in KIND_ORDER if lex.has(f"aid.{k}", s)), "military_aid")
    kind = "military_aid" if kind == "military_aid_named" else kind
    since = next((d.value for d in ctx.in_sentence(ctx.dates, sent) if d.kind == "since"), None)
    return kind, lex.has("period.cumulative", s), since



# ---------------------------------------------------------------------- who gives, from the parse
# where the clause of an amount ends: reported speech ("..., France said") and other clauses
CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "advcl", "relcl", "acl:relcl", "csubj"})
SUBJECT_DEPS = frozenset({"nsubj"})
AGENT_DEPS = frozenset({"agent", "obl:agent"})
OBJECT_OF_PREPOSITION = frozenset({"pobj"})
POSSESSOR_DEPS = frozenset({"poss", "nmod:poss"})
DATIVE_DEPS = frozenset({"dative", "iobj"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
VERBS = frozenset({"VERB", "AUX"})
# bounds: a sentence of thousands of words costs linear time however many amounts it holds
MAX_DEPTH = 12
MAX_CLAUSE = 80
WINDOW = 32  # characters before a state where its preposition is looked for
BEFORE = 400  # characters before a sentence where a donor it does not name is looked for
# states whose own currency is the "$" of their news, by their dollar's ISO 4217 code (whose first
# two letters are the ISO 3166 code of the state that issues it)
DOLLARS = {pycountry.countries.get(alpha_2=code[:2]).alpha_3: code for code in ("AUD", "CAD", "NZD")}
REQUESTED = "requested"  # what a clause is when it asks for the amount (the status of a request)
ALIGN_TO_TOKENS = "expand"  # spaCy's char_span mode: the tokens a character range touches


@cache
def _before(lex: Lexicon, key: str) -> re.Pattern[str]:
    """The words of `aid_parse.key` ending a text, an article allowed after them ("à l'", "to the")."""
    return re.compile(r"(?:" + lex.rx(f"aid_parse.{key}").pattern + r")\s*" + DETERMINER + r"$", re.I)


def _new_clause(tok: Token) -> bool:
    return tok.dep_ in CLAUSE_DEPS or (tok.dep_ == "conj" and tok.pos_ in VERBS)


def _clause_of(ctx: DocContext, tok: Token) -> tuple[Token, set[int]]:
    """The head of the clause that holds `tok` and its token indices (at most MAX_CLAUSE),
    without the clauses hanging from it; each clause read once however many amounts it holds."""
    top, steps = tok, 0
    while top.head.i != top.i and not _new_clause(top) and steps < MAX_DEPTH:
        top, steps = top.head, steps + 1

    def build() -> set[int]:
        out: set[int] = set()
        todo = [top]
        while todo and len(out) < MAX_CLAUSE:
            t = todo.pop()
            out.add(t.i)
            todo += [c for c in t.children if not _new_clause(c)]
        return out
    return top, ctx.remember(("aid.clause", top.i), build)


def _states_by_root(ctx: DocContext, sent: Sentence) -> dict[int, Mention]:
    """The state mentions of a sentence by the index of their root token, found once."""
    def build() -> dict[int, Mention]:
        out: dict[int, Mention] = {}
        for m in ctx.in_sentence(ctx.actors, sent):
            span = ctx.doc.char_span(m.start, m.end, alignment_mode=ALIGN_TO_TOKENS)
            if is_state(m) and span is not None and len(span):
                out.setdefault(span.root.i, m)
        return out
    return ctx.remember(("aid.states", sent.index), build)


def _speaker_state(ctx: DocContext, top: Token) -> Mention | None:
    """For a clause told by someone whose subject is a pronoun ("le ministère espagnol a indiqué
    qu'il enverrait ..."), the state named in the teller's subject."""
    if top.dep_ != "ccomp" or not any(c.dep_ in SUBJECT_DEPS and c.pos_ == "PRON" for c in top.children):
        return None
    teller = next((c for c in top.head.children if c.dep_ in SUBJECT_DEPS), None)
    if teller is None:
        return None
    phrase = ctx.doc[teller.left_edge.i:min(teller.right_edge.i, teller.left_edge.i + MAX_CLAUSE) + 1]
    return next((m for m in ctx.within(ctx.actors, phrase.start_char, phrase.end_char) if is_state(m)), None)


def _requested(ctx: DocContext, tok: Token) -> bool:
    """Is the amount what someone asks for ("demandait une hausse de l'aide de 2 milliards",
    "Georgia requested $40 million in military aid", "a besoin de"), not what is given? The words
    above it in its clause, and their objects, tell."""
    asking, t, steps = ctx.lex.rx("aid_parse.request_verbs"), tok, 0

    def asks(t: Token) -> bool:  # once per token: its children are scanned once however many amounts hang there
        return ctx.remember(("aid.asks", t.i), lambda: asking.fullmatch(t.text) is not None or any(
            c.dep_ in ("obj", "dobj") and asking.fullmatch(c.text) for c in t.children))

    while steps < MAX_DEPTH:
        if asks(t):
            return True
        if t.head.i == t.i or _new_clause(t):
            return False
        t, steps = t.head, steps + 1
    return False


def _clause_parties(ctx: DocContext, sent: Sentence,
                    money: MoneyMatch) -> tuple[Mention | None, Mention | None, str | None]:
    """(donor, recipient, "sale" or REQUESTED when the clause speaks of one) as the parse of the
    amount's clause tells them, donor and recipient None when it does not: the agent, a "from"
    complement, the possessor or demonym of the aid noun, the subject of a verb that is not one of
    receiving (else the state of who tells a clause whose subject is a pronoun); the recipient
    after "to"/"à", an indirect object, or the subject of a receiving or thanking verb. A compound
    ("U.S. aid", "Ukraine aid") is the donor only beside another recipient."""
    doc, lex, text = ctx.doc, ctx.lex, ctx.text
    span = doc.char_span(money.start, money.end, alignment_mode=ALIGN_TO_TOKENS)
    if span is None or not len(span):
        return None, None, None
    top, clause = _clause_of(ctx, span.root)
    selling = lex.rx("sale_cues")
    sale = any(selling.fullmatch(doc[i].text) for i in clause)
    if _requested(ctx, span.root):
        return None, None, REQUESTED
    aid_words, receiving = lex.rx("aid_cues"), lex.rx("aid_parse.receive_verbs")
    providing = lex.rx("aid_parse.provide_verbs")
    aid_nouns = {t.i for t in span} | {i for i in clause if aid_words.fullmatch(doc[i].text)}
    roles: dict[str, list[Mention]] = {r: [] for r in ("agent", "from", "poss", "subject", "compound", "to")}
    states = _states_by_root(ctx, sent)
    for i in sorted(clause):  # the clause is bounded: the work per amount does not grow with the sentence
        m = states.get(i)
        if m is None:
            continue
        r = doc[i]
        before = text[max(sent.start, m.start - WINDOW):m.start]
        gov = r.head.head if r.dep_ in OBJECT_OF_PREPOSITION else r.head
        if _before(lex, "hearsay").search(before) or _before(lex, "than").search(before):
            continue  # a source ("selon Paris") or a comparison ("less than Britain")
        if r.dep_ in AGENT_DEPS or r.head.dep_ in AGENT_DEPS or _before(lex, "by").search(before):
            roles["agent"].append(m)
        elif _before(lex, "from").search(before):
            roles["from"].append(m)
        elif _before(lex, "to").search(before) or r.dep_ in DATIVE_DEPS:
            roles["to"].append(m)
        elif _before(lex, "of").search(before) and (gov.i in aid_nouns or receiving.fullmatch(gov.text)):
            roles["from"].append(m)
        elif r.dep_ in POSSESSOR_DEPS | {"amod"} and gov.i in aid_nouns:
            roles["poss"].append(m)
        elif r.dep_ == "compound" and gov.i in aid_nouns:
            roles["compound"].append(m)
        elif r.dep_ in SUBJECT_DEPS and r.head.pos_ in VERBS:
            roles["to" if receiving.fullmatch(r.head.text) else "subject"].append(m)
        elif r.dep_ in OBJECT_DEPS and providing.fullmatch(r.head.text):
            roles["to"].append(m)  # "provide Kyiv with $2 billion", "doter l'armée moldave de"
    if (roles["agent"] or roles["from"]) and not roles["to"]:
        # "Ukraine's military aid from Sweden": beside who gives, the possessor is who receives
        roles["to"] = [m for m in roles["poss"] if m.id not in {d.id for d in roles["agent"] + roles["from"]}]
    donor = next((ms[0] for ms in (roles["agent"], roles["from"], roles["poss"], roles["subject"]) if ms),
                 None) or _speaker_state(ctx, top)
    # the nearest to the amount: "à l'Ukraine" rather than the place of a summit "à Vilnius"
    recipient = min((m for m in roles["to"] if donor is None or m.id != donor.id),
                    key=lambda m: abs(m.start - money.start), default=None)
    if donor is None and recipient is not None:
        donor = next((m for m in roles["compound"] if m.id != recipient.id), None)
    return donor, recipient, "sale" if sale else None
