"""Transfers: one record per deal, gathered across the sentences that describe it.

A deal mention is a sentence with items and a transfer cue (vente, livrer, approved, sale,
deliver...), or with a sale cue, a value and a recipient. Mentions join the deal before them
when they continue it: the same parties (or none named), close by or pointed back to ("Cette
vente potentielle comprend...", "The Government of X has requested to buy..."). Headline totals
("au total", "in all") are left out. Status comes from the cue nearest the items; a
notice of a possible sale makes a US deal `approved`.
"""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field, replace
from functools import cached_property

from armsledger.extract.context import DocContext, Mention, Sentence
from armsledger.extract.frames import (PARTY_LINKS, SUBJECTS, FrameReader, best_frame, case_words, count_at,
                                       frame_specs, says_what, sentence_frames)
from armsledger.extract.mentions import EXPAND
from armsledger.extract.items import (ItemMention, broken_down, drop_summaries, group_item_mentions, more_of_the_same,
                                      without_counts)
from armsledger.extract.notices import is_notice, is_support_phrase, read_notice, request_lists
from armsledger.extract.status import deal_status, mention_status, status_cues
from armsledger.extract.parties import DETERMINER, Parties, actor_of, find_parties, home_state, states_between
from armsledger.model import Actor, Item, Money, Transfer
from armsledger.normalize.money import MoneyMatch

CONTINUATION = re.compile(
    r"^(?:cette|ce|cet|ces|la|le|this|the|these|it|il|elle)\s+(?:vente|contrat|commande|paquet|accord|livraison|"
    r"sale|contract|order|package|deal|proposed sale|possible sale|potential sale|government of|gouvernement|comprend|includes?|"
    r"potentielle|proposée|notice|request)", re.I)
OF_OBJECT = {"obj", "dobj", "nmod"}  # a noun that is the object of its head, or its complement
CLAUSE_OF_NOUN = ("relcl", "acl")  # a verb that qualifies a noun: "the tanks that X bought", "les chars livrés à"
REFUSALS = {"rejected", "cancelled"}  # statuses of a deal that does not go ahead
MODIFIER_LINKS = {"amod", "compound", "nmod"}  # how a demonym qualifies its noun
DESTINATION = re.compile(r"\b(?:à|au|aux|en|vers|to)\s+" + DETERMINER + "$", re.I)
CONTRACTOR = re.compile(r"(?:principal contractors?|prime contractors?|maître d['’]œuvre|contractant principal)"
                        r"\s+(?:will be|is|are|sera|seront|est)\s+(.+?)(?:\.\s|\.$|$)", re.I)


@dataclass(frozen=True)
class FrameParties:
    supplier: Mention | None
    recipient: Mention | None
    recipients: list[Mention]  # several buyers of one frame ("vendu à A, B et C"): one deal each
    status: str | None = None  # what the frame's verb, tense and mood say
    when: str | None = None  # the date the frame's parse attaches to its trigger
    suppliers: tuple[Mention, ...] = ()  # several givers of one frame ("A and B will send"): one deal each
    earlier: bool = False  # the frames that tell of it tell of a deal before the news (`Frame.earlier`)
    due: bool = False  # `when` is a deadline ("by 2026"): the deal's schedule, not its date


@dataclass
class DealMention:
    sentence: Sentence
    items: list[ItemMention]
    supplier: Mention | None
    recipient: Mention | None
    money: MoneyMatch | None
    status: str
    refers_back: bool = False
    package_only: bool = False  # "a $250 million package for Ukraine": a deal only if items follow
    own_value: bool = False  # items priced apart from the others of their sentence: a contract of its own
    era: int | None = None  # the year the deal's verb is dated to ("signed in 2022"), or due by ("by 2026")
    due: bool = False  # `era` is a deadline's ("to deliver 212 howitzers by 2026"): no date of the deal
    companies: frozenset[str] = frozenset()  # the companies its sentence names
    apart: bool = False  # one of several contracts a plural deal noun tells of: a deal of its own
    earlier: bool = False  # told as a deal before the news ("had signed", "from the first contract")
    held: bool = False  # equipment the buyer already has ("already owned 24 of them"): a deal before the news

    @property
    def counts(self) -> dict[str, int]:
        """Counted items by family (else category): what another contract counts differently."""
        out: dict[str, int] = {}
        for i in self.items:
            if i.quantity is not None:
                item = i.to_item()
                out.setdefault(item.family or item.category or "", i.quantity)
        return out


@dataclass
class Deal:
    mentions: list[DealMention] = field(default_factory=list)
    # attribute -> (mentions read, the first value found): mentions are only ever added, so a
    # first value stays first and a later question reads on from where the last one stopped
    _firsts: dict[str, tuple[int, object]] = field(default_factory=dict, repr=False, compare=False)

    def _first(self, attr: str):
        read, found = self._firsts.get(attr, (0, None))
        while found is None and read < len(self.mentions):
            found = getattr(self.mentions[read], attr) or None
            read += 1
        self._firsts[attr] = (read, found)
        return found

    @property
    def supplier(self) -> Mention | None:
        return self._first("supplier")

    @property
    def recipient(self) -> Mention | None:
        return self._first("recipient")

    @property
    def has_items(self) -> bool:
        return self._first("items") is not None

    @property
    def era(self) -> int | None:
        return self._first("era")

    @property
    def year(self) -> int | None:
        """The year the deal is dated to: the first era that is no deadline."""
        return next((m.era for m in self.mentions if m.era is not None and not m.due), None)

    @property
    def earlier(self) -> bool:
        return self._first("earlier") is not None

    @property
    def held(self) -> bool:
        return self._first("held") is not None

    # what `another_contract` asks of every mention, gathered as mentions are added
    _tallied: int = field(default=0, repr=False, compare=False)
    _counts: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False, compare=False)  # key -> (min, max)
    _prices: list[MoneyMatch] = field(default_factory=list, repr=False, compare=False)  # of mentions with items
    _companies: set[str] = field(default_factory=set, repr=False, compare=False)  # of mentions with items

    def tally(self) -> "Deal":
        """The deal with its counts, prices and contractors read up to its last mention."""
        for m in self.mentions[self._tallied:]:
            for key, n in m.counts.items():
                low, high = self._counts.get(key, (n, n))
                self._counts[key] = (min(low, n), max(high, n))
            if m.items:
                self._companies |= m.companies
                if m.money is not None and not any(_same_amount(p, m.money) for p in self._prices):
                    self._prices.append(m.money)
        self._tallied = len(self.mentions)
        return self


class TransferFinder:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.lex = ctx.lex
        self.fms_doc = ctx.lex.has("fms_cues", ctx.text)
        self.default_supplier = self._default_supplier()
        self.recipients: set[str] = set()  # every state the text names as receiving a deal
        self.mention_sentences: set[int] = set()  # the sentences that hold a deal mention
        self.used_values: set[tuple[int, int]] = set()  # amounts taken as values outside a mention
        self._salience: dict[frozenset[str], list[Mention]] = {}
        self.year = int(ctx.published[:4]) if ctx.published else None  # the year of the news

    def _default_supplier(self) -> Mention | None:
        """The state behind a notifying body (DSCA, State Department) when the text has one."""
        for m in self.ctx.actors:
            if m.label == "ORG" and m.kind == "official" and self.lex.has("fms_cues", m.surface):
                if len(m.id) == 3:
                    return m
                return Mention(m.start, m.end, "USA", m.surface, "GPE", "metonym") if m.id == "DSCA" else None
        return None

    def status_of(self, sent: Sentence, anchor: int) -> str:
        return mention_status(self.ctx, sent, anchor)

    def value_money(self, sent: Sentence) -> MoneyMatch | None:
        weapons = self.ctx.in_sentence(self.ctx.weapons, sent)
        # not the digits of a designation read as an amount ("KMU-558B/B")
        amounts = [a for a in self.ctx.in_sentence(self.ctx.money, sent)
                   if not any(w.start <= a.start and a.end <= w.end for w in weapons)]
        if amounts and self.lex.has("sale_cues", sent.text):
            return amounts[0]
        for money in amounts:
            before = self.ctx.text[max(sent.start, money.start - 40):money.start]
            if self.lex.has("value_cues", before) or self.measures_worth(money):
                return money
        return None

    def measures_worth(self, money: MoneyMatch) -> bool:
        """Is the amount the measure of a value noun after it ("$39.2 million worth of
        equipment") or of a deal noun ("a $1 billion arms package", "un contrat de 2 milliards
        d'euros")? Its head in the parse (past compounds) is a word of `value_cues` or of a deal frame."""
        cues = self.ctx.remember(("value_cues", 1), lambda: frozenset(
            w.lower() for w in self.lex.words("value_cues") if " " not in w))
        deal_nouns = status_cues(self.ctx.lang).deal_lemmas
        last = self.amount_head(money)
        if last is None or last.head.i == last.i:
            return False
        head = last.head
        while head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        return head.i > last.i and head.lemma_.lower() in cues or \
            head.pos_ == "NOUN" and head.lemma_.lower() in deal_nouns

    def amount_head(self, money: MoneyMatch):
        """The amount's own head word in the parse ("milliard" in "1 milliard de dollars"): from its
        last word up while the head stays inside the amount; None when no token holds its end."""
        last = self.token_at(money.end - 1)  # the amount's last word ("million", "dollars")
        while last is not None and last.head.i != last.i and money.start <= last.head.idx < money.end:
            last = last.head
        return last

    def introduced_after(self, money: MoneyMatch, start: int) -> bool:
        """Is the amount introduced by a value word (`value_cues`: "valued at", "worth", "pour",
        "d'une valeur de") that the parse ties to it, written after character `start`: the
        amount's own preposition, or a word on its path up the parse before the path leaves the
        stretch of text from `start` to the amount?"""
        head = self.amount_head(money)
        if head is None:
            return False
        path = [c for c in head.children if c.dep_ in {"case", "prep"} and c.i < head.i]
        tok = head
        while tok.head.i != tok.i and start <= tok.head.idx < money.start:
            tok = tok.head
            path.append(tok)
        return any(start <= t.idx and self.lex.has("value_cues", t.text) for t in path)

    def mentions(self) -> list[DealMention]:
        out = []
        for sent in self.ctx.sentences:
            s = sent.text
            tally = self.tally_mentions(sent) if self.lex.has("held_cues", s) else []
            if tally:
                out += tally
                continue
            if not self.lex.has("transfer_cues", s):
                out += self.breakdown_mentions(sent, out)
                continue
            if self.lex.has("anaphora", s) and not self.ctx.in_sentence(self.ctx.weapons, sent):
                # "c'est Washington qui a autorisé cette vente", "Cette vente, estimée
                # à ...": news of the deal before
                status = self.status_of(sent, sent.start + self.lex.rx("anaphora").search(s).start())
                out.append(DealMention(sent, [], None, None, self.value_money(sent), status,
                                       refers_back=True))
                continue
            items = self.sentence_items(sent)
            # the fleet a deal replaces is no item, even when the sentence names no other
            items = [i for i in items if not self.not_bought(i)]
            if self.lex.has("aggregate_cues", s) and any(i.quantity is not None for i in items):
                continue  # a headline total of deals described elsewhere (a total is counted:
                # "so far, X has declined to send missiles" tells of a deal, not of a sum)
            if self.lex.has("negation_cues", s):
                continue  # "aucun accord conclu sur la livraison de drones": no deal
            sale = self.lex.has("sale_cues", s)
            package = not items and not sale and self.lex.has("package_cues", s)
            money = self.value_money(sent) if (items or sale or package) else None
            if not items and money is None:
                out += self.implied_mentions(sent) + self.partitive_mentions(sent)
                continue
            apart = self.plural_deal_groups(sent, items) or \
                (self.scheduled_groups(sent, items) if not self.priced_groups(sent, items) else [])
            groups = apart or (self.frame_groups(sent, items) if items else [[]])
            for n, group in enumerate(groups):
                # the value goes with the equipment told before it
                own = money if money is None or len(groups) == 1 or \
                    max(range(len(groups)), key=lambda k: (groups[k][0].start < money.start, -k)) == n else None
                out += self.sentence_mentions(sent, group, own, package, apart=bool(apart))
            out += self.partitive_mentions(sent) + self.gapped_mentions(sent, items)
        return out

    def breakdown_mentions(self, sent: Sentence, before: list[DealMention]) -> list[DealMention]:
        """"Of these 48 howitzers, 30 will be K9A2 and 18 K9NO": a sentence with no transfer cue
        whose counted models of one programme add up to the count a deal mention of the two
        sentences before gives that programme breaks that deal down; its equipment is the deal's,
        told back to it (`refers_back`), and `_without_totals` then drops the count it breaks down."""
        near = [m for m in before if m.sentence.index >= sent.index - 2]
        if not near:
            return []
        items = self.sentence_items(sent)
        models: dict[str, list[int]] = {}  # family -> the counts of its named models
        for i in items:
            family = i.to_item().family
            if i.designation and family and i.designation != family and i.quantity is not None:
                models.setdefault(family, []).append(i.quantity)
        if not any(len(counts) >= 2 and any(m.counts.get(family) == sum(counts) for m in near)
                   for family, counts in models.items()):
            return []
        return [DealMention(sent, items, None, None, None, self.status_of(sent, items[0].start), refers_back=True)]

    def gapped_mentions(self, sent: Sentence, items: list[ItemMention]) -> list[DealMention]:
        """"80 Rafale aux Émirats, 42 à l'Indonésie et 6 au Pérou": one deal per count and
        buyer that repeats the frame's verb, of the first equipment the frame holds."""
        out = []
        for f in sentence_frames(self.ctx, sent):
            base = next((i for i in items if f.holds(i.start)), None)
            if not f.gapped or base is None:
                continue
            supplier, status = self.frame_giver(sent, f)
            for count, buyer in f.gapped:
                n = self._count_value(count)
                if n is not None and (supplier is None or buyer.id != supplier.id):
                    item = replace(base, quantity=n[0], qualifier=n[1],
                                   quantity_span=(count.idx, count.idx + len(count.text)))
                    out.append(DealMention(sent, [item], supplier, buyer, None, status))
        return out

    def partitive_mentions(self, sent: Sentence) -> list[DealMention]:
        """Deals told by a count that stands for the equipment named before it ("la Hongrie en a
        racheté 14", "and plans to give nineteen of them to Ukraine"): that equipment, the last
        weapon programme the text names before the verb, with the frame's count and parties."""
        out = []
        for f in sentence_frames(self.ctx, sent):
            if f.count is None or not f.recipients:
                continue
            antecedent = self._named_before(f.start)
            if antecedent is None:
                continue
            count = self._count_value(f.count)  # None: "en ont commandé aussi", "some of them"
            item = replace(antecedent, quantity=count[0] if count else None, qualifier=count[1] if count else None,
                           quantity_span=(f.count.idx, f.count.idx + len(f.count.text)) if count else None)
            supplier, status = self.frame_giver(sent, f)
            # a state ordering more of what its own industry makes ("Stockholm en a commandé 60"): no deal
            made = self._made_by([item.to_item()]) if supplier is None else None
            out += [DealMention(sent, [item], supplier, r, None, status) for r in f.recipients if r.id != made]
        return out

    def tally_mentions(self, sent: Sentence) -> list[DealMention]:
        """"Le Chili en avait déjà 12, en voici 18 de plus : au total 30 Gripen", "Chile already
        owns 12 of them and is ordering 18 more": a partitive count of a verb of possession that
        a word of `held_cues` qualifies is the equipment the buyer already has (an earlier deal,
        delivered); a later bare count that a word of `more_cues` follows (under it, or its head:
        "18 more") is a new order of it, with the parties and tense of a deal frame of its own if any; the
        total is no deal. The equipment is the one programme the sentence names after the
        counts (the partitive points forward to it), else the last one named before. [] unless
        the sentence has both counts."""
        held_words = self.ctx.remember(("held_cues", 1), lambda: frozenset(self.lex.words("held_cues")))
        more_words = self.ctx.remember(("more_cues", 1), lambda: frozenset(self.lex.words("more_cues")))
        frames = sentence_frames(self.ctx, sent)
        held = next((f for f in frames if f.count is not None and f.recipients and self._count_value(f.count)
                     and any(c.lemma_.lower() in held_words for c in f.trigger.children)), None)
        if held is None:
            return []
        bare = (self.token_at(n.start) for n in self.ctx.in_sentence(self.ctx.numbers, sent)
                if not self.ctx.within(self.ctx.weapons, n.start, n.end))
        more = next((tok for tok in bare if tok is not None and tok.idx > held.count.idx and self._count_value(tok)
                     and any(c.i > tok.i and c.lemma_.lower() in more_words for c in (*tok.subtree, tok.head))), None)
        if more is None:
            return []
        after = [i for i in self.sentence_items(sent) if i.start > more.idx and i.to_item().family]
        base = after[0] if len({i.to_item().family for i in after}) == 1 else self._named_before(held.count.idx)
        if base is None:
            return []
        own = next((f for f in frames if f is not held and f.recipients and f.trigger.is_ancestor(more)), None)
        out = []
        # the new order's status: its own frame's tense, not the cues of the clause it sits in
        for frame, count, status, had in ((held, held.count, None, True),
                                          (own or held, more, own and own.status or "unknown", False)):
            n, qualifier = self._count_value(count)
            item = replace(base, quantity=n, qualifier=qualifier, quantity_span=(count.idx, count.idx + len(count.text)))
            supplier, told = self.frame_giver(sent, frame)
            out += [DealMention(sent, [item], supplier, r, None, status or told, held=had) for r in frame.recipients]
        return out

    def _named_before(self, pos: int) -> ItemMention | None:
        """The last item mention naming a weapon (a programme or a designation) that ends before `pos`."""
        named = self._designated_mentions
        k = bisect_left(self._named_ends, pos) - 1
        return named[k] if k >= 0 else None

    @cached_property
    def _named_ends(self) -> list[int]:
        return [i.end for i in self._designated_mentions]

    def sentence_items(self, sent: Sentence) -> list[ItemMention]:
        """The item mentions of one sentence, grouped once for the deal mentions and for the
        programmes the whole text names (a new list; the mentions are shared, never changed)."""
        def build() -> list[ItemMention]:
            items = group_item_mentions(self.ctx, sent.start, sent.end)
            return sorted(items + more_of_the_same(self.ctx, items, sent.start, sent.end), key=lambda i: i.start)
        return list(self.ctx.remember(("sentence items", sent.index), build))

    @cached_property
    def _all_item_mentions(self) -> list[ItemMention]:
        return [i for sent in self.ctx.sentences for i in self.sentence_items(sent)]

    @cached_property
    def _designated_mentions(self) -> list[ItemMention]:
        return [i for i in self._all_item_mentions if i.designation or i.to_item().family]

    def _count_value(self, tok) -> tuple[int, str] | None:
        """The whole number written at token `tok` ("12", "huit", "une dizaine") and its qualifier."""
        n = count_at(self.ctx, tok)
        if n is not None and n.value == int(n.value) and n.value > 0:
            return int(n.value), n.qualifier
        return None

    def not_bought(self, item: ItemMention) -> bool:
        """Is the equipment at `item` what a deal replaces, or what it was preferred to ("to
        replace its fleet of F-18", "scrapping the deal in favour of the Rafale", "in addition to the
        tanks"): when a word of `not_bought` governs it in the parse below any deal frame's
        trigger, or is the preposition of a noun on that path ("outre les chars")."""
        words = self.ctx.remember("not_bought", lambda: frozenset(self.lex.words("not_bought")))
        sent = self.ctx.sentence_at(item.start)
        triggers = {f.trigger.i for f in sentence_frames(self.ctx, sent)}
        tok = self.token_at(item.end - 1)  # the head noun ends the phrase ("chars K2", "F-18 de Boeing")
        if tok is None:
            return False
        item_token = tok.i
        for tok in [tok, *tok.ancestors]:
            if tok.i in triggers:
                return False
            # the word itself ("in addition to"), or the preposition that marks it ("outre les chars")
            if tok.lemma_.lower() in words and tok.i != item_token or \
                    any(c.dep_ == "case" and c.lemma_.lower() in words for c in tok.children):
                return True
        return False

    def implied_mentions(self, sent: Sentence) -> list[DealMention]:
        """Deals named in passing by a deal noun with its buyers and no equipment ("Purchases by
        Qatar, India and Greece", "D'autres commandes pour le Qatar"), in a text about one weapon
        programme: that programme is what they bought. One mention per buyer."""
        topic = self.topic_item
        if topic is None or self.ctx.in_sentence(self.ctx.weapons, sent):
            return []
        out = []
        for f in sentence_frames(self.ctx, sent):
            if not f.nominal or not f.recipients or f.items or says_what(f.trigger):
                continue  # "livraisons d'armes à l'Ukraine": it says what, and not the programme
            supplier, status = self.frame_giver(sent, f)
            out += [DealMention(sent, [topic], supplier, r, None, status) for r in f.recipients]
        return out

    @cached_property
    def _named_mentions(self) -> list[ItemMention]:
        """The item mentions of the whole text that name a weapon programme, found once."""
        return [i for i in self._all_item_mentions if i.to_item().family]

    @cached_property
    def _named_items(self) -> list[Item]:
        return [i.to_item() for i in self._named_mentions]

    @cached_property
    def topic_item(self) -> ItemMention | None:
        """The weapon programme a text is about when it names only one (its first mention, no
        count), else None."""
        named = self._named_mentions
        if not named or len({i.family for i in self._named_items}) > 1:
            return None
        first = named[0]
        return ItemMention(first.start, first.end, first.parts, model=first.model)

    def frame_groups(self, sent: Sentence, items: list[ItemMention]) -> list[list[ItemMention]]:
        """The items of a sentence split by the deal frames whose items phrases hold them, when
        those frames tell of other deals: other parties or another status ("Indonesia, which
        decided to buy 42 Rafale ... Finland sealed the purchase of 64 F-35"; "150 Javelin
        missiles ... adds to the 210 missiles that Ukraine bought"). Items no frame holds make a
        group of their own; groups that tell the same deal are one again."""
        frames = [f for f in sentence_frames(self.ctx, sent) if f.recipients or f.suppliers]
        keyed: dict[int, list[ItemMention]] = {}
        loose: list[ItemMention] = []
        for item in items:
            holding = [k for k, f in enumerate(frames) if f.holds(item.start)]
            if holding:
                keyed.setdefault(min(holding, key=lambda k: min(e - s for s, e in frames[k].items)), []).append(item)
            else:
                loose.append(item)
        if len(keyed) == 1 and loose:
            # "150 missiles ... adds to the 210 missiles that Ukraine bought in 2018": a clause
            # that dates its own equipment tells of another deal than the rest of the sentence
            (only,) = keyed
            clause = frames[only]
            if clause.trigger.dep_.startswith(CLAUSE_OF_NOUN) and clause.when is not None and \
                    not any(self.governs(clause, i.start) for i in loose):
                return sorted([loose, keyed[only]], key=lambda g: g[0].start)
        if len(keyed) < 2:
            return [items]
        for item in loose:  # with the group of the nearest equipment a frame holds
            nearest = min(keyed, key=lambda k: min(abs(i.start - item.start) for i in keyed[k]))
            keyed[nearest].append(item)
        merged: dict[tuple, list[ItemMention]] = {}
        for group in keyed.values():
            p = self.parties_of(sent, group[0].start)
            key = (p.supplier.id if p.supplier else None, tuple(sorted(r.id for r in p.recipients)) or
                   (p.recipient.id if p.recipient else None), self.mention_status(sent, group[0].start, p))
            merged.setdefault(key, []).extend(group)
        return sorted((sorted(g, key=lambda i: i.start) for g in merged.values()), key=lambda g: g[0].start)

    def plural_deal_groups(self, sent: Sentence, items: list[ItemMention]) -> list[list[ItemMention]]:
        """"inked deals to purchase Rafale jets and two submarines", "contracts for 180 tanks
        and 212 howitzers were signed": a plural deal noun over equipment of several kinds is one
        deal per kind; [] unless all the sentence's equipment is under that noun (in its phrase or
        coordinated with it, `_split_conjunct`, or held by a verb frame that is a clause of it or
        of the verb it is the object of)."""
        if len(items) < 2 or len({i.to_item().family or i.to_item().category for i in items}) < len(items):
            return []
        frames = sentence_frames(self.ctx, sent)
        tokens = [self.token_at(i.end - 1) for i in items]
        if any(t is None for t in tokens):
            return []
        for noun in (f.trigger for f in frames if f.nominal and "Plur" in f.trigger.morph.get("Number")):
            def under(item: ItemMention, tok) -> bool:
                return noun.is_ancestor(tok) or _split_conjunct(noun, tok) or any(
                    f.holds(item.start) and not f.nominal and f.trigger.head.i in {noun.i, noun.head.i}
                    and f.trigger.i != noun.head.i for f in frames) or (
                    # "a signé des contrats pour l'achat de", "une série de contrats en vue d'acquérir":
                    # in the clause of the word the noun is the object or complement of
                    noun.dep_.split(":")[0] in OF_OBJECT and _in_clause_of(noun.head, tok))
            if all(under(i, t) for i, t in zip(items, tokens)):
                return [[i] for i in sorted(items, key=lambda i: i.start)]
        return []

    def scheduled_groups(self, sent: Sentence, items: list[ItemMention]) -> list[list[ItemMention]]:
        """"80 tanks for delivery from 2026-2029 and 40 howitzers in years 2027-2030": equipment
        given a delivery schedule of its own (a range of years, `_year_ranges`, written after it
        and before the next equipment) is separate contracts, one per schedule, each with the
        unscheduled items that follow it; [] unless two groups have different schedules."""
        if len(items) < 2:
            return []
        ranges = self._year_ranges(sent)
        ordered = sorted(items, key=lambda i: i.start)
        groups: list[tuple[list[ItemMention], tuple[int, int]]] = []
        for n, item in enumerate(ordered):
            limit = ordered[n + 1].start if n + 1 < len(ordered) else sent.end
            own = next((years for pos, years in ranges if item.end <= pos < limit), None)
            if own is not None and (not groups or groups[-1][1] != own):
                groups.append(([item], own))
            elif groups:
                groups[-1][0].append(item)
            else:
                return []  # equipment before the first schedule: one deal
        return [g for g, _ in groups] if len(groups) >= 2 else []

    def _year_ranges(self, sent: Sentence) -> list[tuple[int, tuple[int, int]]]:
        """The ranges of years of a sentence ("2026-2029", "between 2026 and 2029", "entre 2026
        et 2029"): a year whose dependent in the parse is a later year, or that a dash or a
        conjunction or preposition joins to one; (its position, the years)."""
        first = self.ctx.token_from(sent.start)
        doc = self.ctx.doc
        out = []
        for tok in doc[first.i:] if first is not None else ():
            if tok.idx >= sent.end:
                break
            if tok.idx < sent.start or not _year(tok):
                continue
            joined = [tok.nbor(2)] if tok.i + 2 < len(doc) and (
                tok.nbor(1).is_punct or tok.nbor(1).dep_ in {"cc", "case", "prep"}) else []
            later = [int(c.text) for c in [*tok.children, *joined] if _year(c) and int(c.text) > int(tok.text)]
            if later:
                out.append((tok.idx, (int(tok.text), max(later))))
        return out

    def frame_giver(self, sent: Sentence, f) -> tuple[Mention | None, str]:
        """The supplier of a frame with buyers (its first giver that is none of them) and the
        status of the deal it tells of."""
        supplier = next((m for m in f.suppliers if all(m.id != r.id for r in f.recipients)), None)
        return supplier, self.mention_status(sent, f.start, FrameParties(supplier, f.recipients[0], [], f.status))

    def mention_status(self, sent: Sentence, anchor: int, parties: FrameParties) -> str:
        """The status of the deal whose items start at `anchor`, from the cues the parse links
        to it (extract/status.py); when none speaks, the deal frame's ("a customer of")."""
        status = self.status_of(sent, anchor)
        return parties.status if status == "unknown" and parties.status else status

    def sentence_mentions(self, sent: Sentence, items: list[ItemMention], money: MoneyMatch | None,
                          package: bool, apart: bool = False) -> list[DealMention]:
        """The deal mentions of one sentence for `items` (one group of its equipment) or, with
        none, for `money`; one per buyer, one per priced group of equipment."""
        s = sent.text
        out: list[DealMention] = []
        anchor = items[0].start if items else money.start
        parties = self.parties_of(sent, anchor)
        if not items and (parties.recipient is None or self.lex.has("aid.loan", s)
                          or self.lex.has("aid.military_financing", s)
                          or not self.ctx.military_nearby(sent.index)):
            return out  # no deal to speak of, money lent or granted to buy arms (aid), or trade
        status = self.mention_status(sent, anchor, parties)
        priced = self.priced_groups(sent, items)
        era = int(parties.when[:4]) if parties.when else None
        if era is not None and self.year is not None and era >= self.year:
            # the news of this year is the deal itself; a date to come is a schedule ("to be
            # delivered by 2029"): only a deal of a past year is told apart by its date
            era = None
        companies = frozenset(m.id for m in self.ctx.in_sentence(self.ctx.actors, sent) if m.kind == "company")
        recipients = parties.recipients or self.export_destinations(sent, parties) or [parties.recipient]
        if len(recipients) > 2:  # "600 K-9 exported to Turkey, Poland, India ...": a total of them all
            items = without_counts(items)
        suppliers = parties.suppliers or (parties.supplier,)
        made = self._made_by([i.to_item() for i in items]) if len(recipients) == 1 == len(suppliers) else None
        if made is not None and recipients[0] is not None and recipients[0].id == made and \
                (suppliers[0] is None or suppliers[0].id != made) and parties.status is None and \
                self.default_supplier is None:
            # "a record sale for Korea, with 18 K9 assembled by Norway's Kongsberg" read backwards:
            # a state does not buy the weapons its own industry makes (as `build` reads a whole
            # deal); with no other party read, the buyer is the other state the sentence names
            # ("The contract signed by Germany covers 20 Leopard tanks for Chile"), else unknown here;
            # a verb of sale or purchase that tells the parties (a status) wins: "the United States
            # approved the sale of 60 missiles to Norway" stands even for missiles Norway makes, and
            # so does a notice's seller (the notifying state)
            buyer = suppliers[0] or next((m for m in states_between(self.ctx, sent.start, sent.end)
                                          if m.id != made and m.kind != "demonym"), None)
            suppliers, recipients = tuple(recipients), [buyer]
        for supplier in suppliers:
            for recipient in recipients:
                if priced:
                    out += [DealMention(sent, group, supplier, recipient, price, status, own_value=True,
                                        era=era, due=parties.due, companies=companies, earlier=parties.earlier)
                            for group, price in priced]
                    continue
                out.append(DealMention(sent, items, supplier, recipient, money, status, package_only=package,
                                       era=era, due=parties.due, companies=companies, apart=apart,
                                       earlier=parties.earlier))
        return out

    def priced_groups(self, sent: Sentence, items: list[ItemMention]) -> list[tuple[list[ItemMention], MoneyMatch]]:
        """"60 helicopters worth $1.9 billion and 140 trucks worth $0.3 billion", "80 tanks for
        delivery from 2026, valued at $2 billion, and 40 howitzers ..., valued at $1 billion":
        equipment given values of its own is separate contracts, one per value, each with the
        unpriced items that follow it. An amount is the value of the item before it when a value
        word the parse ties to it introduces it after that item (`introduced_after`); [] unless at
        least two items have their own value."""
        amounts = self.ctx.in_sentence(self.ctx.money, sent)
        if len(items) < 2 or len(amounts) < 2:
            return []
        ordered = sorted(items, key=lambda i: i.start)
        groups: list[tuple[list[ItemMention], MoneyMatch]] = []
        k = 0
        for n, item in enumerate(ordered):
            limit = ordered[n + 1].start if n + 1 < len(ordered) else sent.end
            while k < len(amounts) and amounts[k].start < item.end:
                k += 1
            price = amounts[k] if k < len(amounts) and amounts[k].start < limit else None
            if price is not None and self.introduced_after(price, item.end):
                groups.append(([item], price))
            elif groups:
                groups[-1][0].append(item)
            else:
                return []  # equipment before the first price: one deal with a total
        return groups if len(groups) >= 2 else []

    def parties_of(self, sent: Sentence, anchor: int) -> FrameParties:
        """The deal's parties from the frame of the sentence that holds its items (or, with
        none, whose trigger is nearest them); the character windows of `find_parties` fill
        what no frame names."""
        found = find_parties(self.ctx, sent.start, sent.end, anchor)
        if found.supplier is not None and (self.speaks(found.supplier) or self.qualifies_other(found.supplier)
                                           or self.acts_elsewhere(found.supplier)):
            # "Russia said the Javelin deal ...": a speaker; "working with Yemeni journalists":
            # the origin of people or things that are neither party nor equipment; "l'offensive
            # lancée par la Russie": the agent of another act
            found = Parties(None, found.recipient)
        frames = sentence_frames(self.ctx, sent)
        frame = best_frame(frames, anchor)
        if frame is None:
            return FrameParties(found.supplier, found.recipient, [])
        governs = self.governs(frame, anchor)
        # the date of a frame that does not tell of this equipment is another deal's; those that
        # do: the frame, its governor, a frame whose items phrase holds it too ("avait signé en
        # 2022 des contrats en vue d'acquérir des chars": the signing dates the purchase), and a
        # deal noun the frame's verb governs ("received 46 tanks from the first contract")
        telling = [f for f in frames if f is frame or f is frame.governor or f.holds(anchor) or
                   f.governor is frame] if governs else []
        dating = next((f for f in [frame, frame.governor, *telling] if f is not None and f.when), None) \
            if governs else None
        when, due = (dating.when, dating.due) if dating else (None, False)
        earlier = any(f.earlier for f in telling)
        if not frame.recipients and not frame.suppliers:
            return FrameParties(found.supplier, found.recipient, [], frame.status, when, earlier=earlier, due=due)
        recipients = frame.recipients
        supplier = frame.suppliers[0] if frame.suppliers else None
        if not recipients:
            recipient = found.recipient if supplier is None or found.recipient is None \
                or found.recipient.id != supplier.id else None
            recipients = [recipient] if recipient is not None else []
        # the windows' supplier only when they read the same recipient as the frame, and it is
        # no party of another frame of the sentence ("after Indonesia, which chose 42 Rafale,
        # Finland announced ...": Finland is not Indonesia's supplier)
        elsewhere = {m.id for f in sentence_frames(self.ctx, sent) if f is not frame and f is not frame.governor
                     for m in f.suppliers + f.recipients}
        if supplier is None and found.supplier is not None and all(found.supplier.id != r.id for r in recipients) \
                and (found.recipient is None or any(found.recipient.id == r.id for r in recipients)) \
                and not (frame.holds(anchor) and found.supplier.id in elsewhere) \
                and not self.off_role(frame, found.supplier):
            supplier = found.supplier
        # coordinated givers ("the Netherlands and Denmark will donate"), not the two sides of a signing
        suppliers = tuple(frame.suppliers) if len(frame.suppliers) > 1 and not frame.signed else ()
        return FrameParties(supplier, recipients[0] if recipients else None,
                            recipients if len(recipients) > 1 else [],
                            frame.status if governs else None, when, suppliers, earlier, due)

    def off_role(self, frame, m: Mention) -> bool:
        """Does the parse put `m` in a phrase hung on the frame's trigger with a preposition that
        is none of the frame's supplier roles ("Face à la Russie, l'Ukraine a reçu ...", "dans sa
        guerre contre la Russie", "in its war against Russia"), or in a clause of a verb that is no
        deal frame ("Facing Russia, ...")? There it is no supplier."""
        span = self.ctx.doc.char_span(m.start, m.end)
        if span is None:
            return False
        specs = frame_specs(self.ctx.lang).get((frame.trigger.lemma_.lower(), frame.nominal), ())
        preps = {p for spec in specs if spec.frame == frame.name for path in spec.roles["supplier"] for p in path.preps}
        top = span.root
        own = top.head.text.lower() if top.dep_ == "pobj" else case_words(top)
        if own in preps:  # "par la Slovaquie", even hung on the name before it
            return False
        for _ in range(4):
            if top.head.i == top.i:
                return False
            if top.head.i == frame.trigger.i:
                break
            top = top.head
        else:
            return False
        if top.pos_ in {"VERB", "AUX"}:
            triggers = {f.trigger.i for f in sentence_frames(self.ctx, self.ctx.sentence_at(m.start))}
            return top.i not in triggers and top.dep_.startswith(("advcl", "acl"))
        if top.pos_ == "ADP" and top.dep_ == "prep":  # English: the preposition hangs on the verb
            case = top.text.lower()
        elif top.dep_.startswith(("obl", "nmod")):
            case = case_words(top)
        else:
            return False
        return case is not None and case not in preps

    def governs(self, frame, anchor: int) -> bool:
        """Does `frame` tell of the equipment (or money) at `anchor`: its items phrase holds it,
        or it lies under the frame's trigger in the parse? Only then is its status the deal's."""
        if frame.holds(anchor):
            return True
        tok = self.token_at(anchor)
        return tok is not None and frame.trigger.is_ancestor(tok)

    def token_at(self, pos: int):
        """The token of the parse that holds character `pos`, or None (between tokens)."""
        tok = self.ctx.token_from(pos)
        return tok if tok is not None and pos < tok.idx + len(tok.text) else None

    def speaks(self, m: Mention) -> bool:
        """Is `m`, or the body it qualifies ("Russia's Foreign Ministry said"), the subject of a
        verb of saying that is no deal frame? A speaker comments on a deal; it is no party to it."""
        span = self.ctx.doc.char_span(m.start, m.end)  # entity mentions end on token bounds
        if span is None:
            return False
        tok = span.root
        for _ in range(3):
            if tok.dep_ in SUBJECTS:
                verb = tok.head
                triggers = {f.trigger.i for f in sentence_frames(self.ctx, self.ctx.sentence_at(m.start))}
                return verb.i not in triggers and self.lex.rx("speech_verbs").fullmatch(verb.text) is not None
            if tok.head.i == tok.i or tok.dep_.split(":")[0] not in PARTY_LINKS:
                return False
            tok = tok.head
        return False

    def acts_elsewhere(self, m: Mention) -> bool:
        """Is `m` the agent of a passive verb that is no deal frame ("l'offensive lancée par la Russie",
        "destroyed by Russia"), or the subject of a verb that is none and governs none ("Alors
        que la Russie bombarde Kharkiv, ...")? The one who acts there is no party to the deal."""
        span = self.ctx.doc.char_span(m.start, m.end)
        if span is None:
            return False
        tok = span.root
        if tok.dep_ == "pobj" and tok.head.dep_ == "agent":  # English: "by" is the agent, its object the name
            tok = tok.head
        agent = tok.dep_ in {"obl:agent", "agent"}
        if not (agent or tok.dep_ in SUBJECTS) or tok.head.pos_ not in {"VERB", "AUX"}:
            return False
        triggers = [f.trigger for f in sentence_frames(self.ctx, self.ctx.sentence_at(m.start))]
        verb = tok.head
        if agent:
            # "frigates developed by China": the maker of the equipment is no other act
            head = verb.head
            made = verb.dep_.startswith("acl") and self.ctx.within(self.ctx.weapons, head.idx, head.idx + len(head.text))
            return not made and all(t.i != verb.i for t in triggers)
        return all(not verb.is_ancestor(t) and t.i != verb.i for t in triggers) and not self.lex.rx(
            "speech_verbs").fullmatch(verb.text)

    def qualifies_other(self, m: Mention) -> bool:
        """Is `m` a demonym adjective of a common noun that names neither a party nor equipment
        ("local Yemeni journalists", "des journalistes yéménites")?"""
        if m.kind != "demonym":
            return False
        span = self.ctx.doc.char_span(m.start, m.end)
        if span is None or span.root.dep_ not in MODIFIER_LINKS or span.root.head.i == span.root.i:
            return False
        head = span.root.head
        reader = self.ctx.remember("frame reader", lambda: FrameReader(self.ctx))
        return head.pos_ == "NOUN" and head.lemma_.lower() not in reader.party_heads and \
            not any(reader.has_weapon(t) for t in [head, *head.children] if t is head or t.dep_ in MODIFIER_LINKS)

    def export_destinations(self, sent: Sentence, parties) -> list[Mention]:
        """"exporté au Qatar, en Grèce, au Brésil": one deal per destination."""
        if not self.lex.has("export_cues", sent.text):
            return []
        out: list[Mention] = []
        ids: set[str] = set()
        for m in states_between(self.ctx, sent.start, sent.end):
            before = self.ctx.text[max(sent.start, m.start - 8):m.start]
            if DESTINATION.search(before) and (parties.supplier is None or m.id != parties.supplier.id) \
                    and m.id not in ids:
                out.append(m)
                ids.add(m.id)
        return out if len(out) > 1 else []

    def continues(self, deal: Deal, m: DealMention) -> bool:
        last = deal.mentions[-1]
        if m.held != deal.held:
            return False  # what the buyer already has is no part of a new deal, nor the reverse
        if m.own_value and deal._first("money") is not None:
            return False  # priced apart: another contract
        if m.recipient and deal.recipient and m.recipient.id != deal.recipient.id:
            return False
        if m.supplier and deal.supplier and m.supplier.id != deal.supplier.id:
            return False
        if m.items and deal.has_items and self.another_contract(deal, m):
            return False
        distance = m.sentence.index - last.sentence.index
        if not m.items and m.money is not None and m.recipient is not None and deal.recipient is not None \
                and m.recipient.id == deal.recipient.id and deal.has_items and distance <= 5 \
                and deal._first("money") is None:
            return True  # "Oslo a indiqué que le contrat était estimé à ...": the value of its deal
        if not m.items and m.money is not None and m.recipient is not None and \
                any(not _same_amount(p, m.money) for p in deal.tally()._prices):
            return False  # "Additionally, a $308 million sale to X ...": a deal of its own value
        close = distance <= 1
        pointed = CONTINUATION.match(m.sentence.text) is not None and distance <= 3
        if not m.items or not deal.has_items:
            return close or pointed
        same_parties = m.recipient is not None and deal.recipient is not None and \
            (m.supplier is None or deal.supplier is None or m.supplier.id == deal.supplier.id)
        # "approved the sale of $1.9 billion in munitions ... [two sentences later] a possible
        # sale of 14,500 JDAM kits": the named equipment of a deal announced in general words
        # (a sentence that names no buyer names no other one: "the State Department approved the
        # sale of 64 F-35A for $12.5 billion" after "... approved the sale of fighter jets to X")
        unnamed = m.recipient is None and deal.recipient is not None and m.supplier is not None and \
            deal.supplier is not None and m.supplier.id == deal.supplier.id
        spelled_out = (same_parties or unnamed) and (m.money is None or deal._first("money") is None) and \
            m.sentence.index - deal.mentions[0].sentence.index <= 3 and \
            all(i.designation is None for d in deal.mentions for i in d.items) and \
            (m.status == last.status or not {m.status, last.status} & REFUSALS) and \
            m.era == deal.era  # not a refusal, then a delivery; not a deal of another year
        return pointed or spelled_out or (close and (m.recipient is None or same_parties))

    @staticmethod
    def split_from(deal: Deal, m: DealMention) -> bool:
        """Was `m` told apart from the deal's last mention in their one sentence (`frame_groups`:
        equipment of frames with other parties or another status)?"""
        last = deal.mentions[-1]
        return bool(m.items and last.items) and m.sentence.index == last.sentence.index and not m.own_value

    def another_contract(self, deal: Deal, m: DealMention) -> bool:
        """Does `m`, which names equipment, tell of another contract than `deal`, which names
        some too? It does when the text dates them to other years ("a contract signed in 2022"
        beside one signed this week), counts the same equipment differently (180 tanks in one
        contract, 1,000 in the framework agreement), prices its equipment when the deal's own
        equipment is priced already, names other contractors ("Hyundai Rotem will deliver 180
        tanks. Hanwha will deliver 212 howitzers") or a contractor for part of the programmes of a
        deal that names none (`_contractor_part`), names none of the programmes of a deal that is
        one of several a plural deal noun tells of, tells of a deal before the news when the deal
        is the news ("had signed in 2022", "from the first contract"), or says it is told apart
        ("Separately, ...")."""
        if m.era is not None and deal.era is not None and m.era != deal.era or m.earlier and not deal.earlier:
            return True
        deal.tally()
        recounted = [(deal._counts[key], n) for key, n in m.counts.items() if key in deal._counts]
        if m.era is not None and deal.era is None and (
                CONTINUATION.match(m.sentence.text) is None and self.year is not None and m.era < self.year
                or any((n, n) != old for old, n in recounted)):
            # "24 bought in 2015" beside this year's 30, even in a sentence that goes on about
            # the deal ("The contract, which comes after a 2015 buy of 24 jets, ...")
            return True
        # a smaller count may be a part of the deal (9 single-seaters of 12 jets), a larger one not;
        # nor is a count told outside a framework agreement a part of its totals (an executive
        # contract for 24 of the 300 howitzers a framework provides for)
        if any(low < n for (low, _), n in recounted):
            return True
        if any(n != high for (_, high), n in recounted) and \
                self.framed(m) != any(self.framed(d) for d in deal.mentions if d.items):
            return True
        if m.money is not None and any(not _same_amount(p, m.money) for p in deal._prices):
            return True
        if m.companies and deal._companies and not m.companies & deal._companies:
            return True
        families = {i.to_item().family for i in m.items}
        deal_families = {i.to_item().family for d in deal.mentions for i in d.items}
        if _contractor_part(m.companies, families, deal._companies, deal_families,
                            alike=any((n, n) == old for old, n in recounted)):
            return True
        if any(d.apart for d in deal.mentions) and None not in families | deal_families and \
                families.isdisjoint(deal_families):
            return True  # "deals for tanks and howitzers. X will deliver 80 tanks": not the howitzers' deal
        return self.lex.rx("separate_cues").match(m.sentence.text) is not None

    def deals(self) -> list[Deal]:
        deals: list[Deal] = []
        mentions = _without_summed_counts(self.mentions())
        self.recipients = {m.recipient.id for m in mentions if m.recipient}
        self.mention_sentences = {m.sentence.index for m in mentions}
        for m in mentions:
            if m.refers_back:
                if deals and m.sentence.index - deals[-1].mentions[-1].sentence.index <= 2:
                    deals[-1].mentions.append(m)
            elif deals and not m.apart and self.continues(deals[-1], m) and not self.split_from(deals[-1], m):
                deals[-1].mentions.append(m)
            else:
                deals.append(Deal([m]))
        return [part for deal in deals for part in self.unrequested(deal)]

    def unrequested(self, deal: Deal) -> list[Deal]:
        """A platform that a mention of the deal before a notice's request list names beside
        equipment the list details is a sale of its own (`unrequested`): a deal of that mention's
        parties, status and date, told first. [deal] when there is none."""
        blocks = request_lists(self.ctx)

        def requests(m: DealMention) -> bool:
            return bool(m.items) and any(start <= m.sentence.start < end for start, end in blocks)
        listed = next((k for k, m in enumerate(deal.mentions) if requests(m)), None)
        if listed is None:
            return [deal]
        requested = [i.to_item() for m in deal.mentions[listed:] if requests(m) for i in m.items]
        parts, kept = [], []
        for k, m in enumerate(deal.mentions):
            apart = [x for x, out in zip(m.items, unrequested(requested, [i.to_item() for i in m.items])) if out] \
                if k < listed else []
            if apart:
                parts.append(Deal([replace(m, items=apart)]))
                m = replace(m, items=[x for x in m.items if all(x is not a for a in apart)])
            kept.append(m)
        return parts + [Deal(kept)] if parts else [deal]

    def build(self, deal: Deal, previous: Transfer | None) -> Transfer | None:
        ctx = self.ctx
        supplier = deal.supplier
        recipient = deal.recipient
        items = _merge_items([i.to_item() for i in drop_summaries([i for m in deal.mentions for i in m.items])])
        made = self._made_by(items)
        if recipient is None:  # "... a sale to Israel. The deal ... encompasses M107 projectiles"
            supplier, recipient = self.context_parties(deal.mentions[0].sentence, supplier)
        if recipient is None and previous is not None and previous.recipient is not None:
            recipient = self._mention_for(previous.recipient)
        if recipient is None:
            return None
        if supplier is None:
            supplier = self.default_supplier or self._maker(deal, items, recipient.id) \
                or self._salient_state(exclude=recipient.id)
        if supplier is not None and supplier.id == recipient.id:
            supplier = self.default_supplier if self.default_supplier and self.default_supplier.id != recipient.id \
                else self._maker(deal, items, recipient.id)
        if made == recipient.id and self.default_supplier is None:
            # "Egypt signed with South Korea for K9 howitzers" read backwards: a state does not
            # buy abroad the weapons its own industry makes; the other party of the deal buys them
            # (a notice's seller, the notifying state, stands: the buyer is who it notifies of)
            buyer = supplier if supplier is not None and supplier.id != recipient.id else next(
                (s for m in deal.mentions for s in states_between(ctx, m.sentence.start, m.sentence.end)
                 if s.id != recipient.id), None)
            if buyer is not None:
                supplier, recipient = recipient, buyer
        # the value told beside the equipment before one told of the deal in general words
        money = next((m.money for m in deal.mentions if m.money and m.items), None) or \
            next((m.money for m in deal.mentions if m.money), None)
        sentences = [m.sentence for m in deal.mentions]
        if money is None:
            found = self._following_value(deal, {recipient.id, supplier.id if supplier else recipient.id})
            if found is not None:
                money, after = found
                sentences.append(after)
                self.used_values.add((money.start, money.end))
        value = None
        if money is not None:
            value = deal_value(money, self.lex.has("value_about_cues", ctx.text[max(0, money.start - 30):money.start]))
        status = deal_status(ctx, deal.mentions)
        sup_id = supplier.id if supplier else None
        fms = self.fms_doc and sup_id == "USA"
        if fms and status in {"unknown", "requested"}:
            status = "approved"
        text = " ".join(s.text for s in sentences)
        channel = "FMS" if fms else ("grant" if self.lex.has("grant_cues", text) and not self.lex.has("sale_cues", text)
                                     else "unknown")
        date = deal_date(ctx, sentences)
        return Transfer(supplier=actor_of(supplier), recipient=actor_of(recipient), items=items, value=value,
                        status=status, channel=channel,
                        announced_by=self.announcers(sentences, {recipient.id}),
                        contractor=self.contractors(sentences) or None, date=date,
                        year=deal.year or _date_year(date),
                        framework=self.under_framework(deal),
                        evidence=[(s.start, s.end) for s in sentences])

    def context_parties(self, first: Sentence, supplier: Mention | None) -> tuple[Mention | None, Mention | None]:
        """The parties of a deal whose sentences name no buyer, from the two sentences before
        it: the parties of a deal frame there ("Norway signed two contracts with Hanwha. The
        first covers 40 tanks"), else a state named as receiving; `supplier` stays when known."""
        for sent in reversed(self.ctx.sentences[max(0, first.index - 2):first.index]):
            framed = [f for f in sentence_frames(self.ctx, sent) if f.recipients]
            if framed:
                f = framed[0]
                if supplier is None and f.suppliers and f.suppliers[0].id != f.recipients[0].id:
                    supplier = f.suppliers[0]
                return supplier, f.recipients[0]
            recipient = find_parties(self.ctx, sent.start, sent.end, sent.end).recipient
            if recipient is not None:
                return supplier, recipient
        return supplier, None

    def _following_value(self, deal: Deal, parties: set[str]) -> tuple[MoneyMatch, Sentence] | None:
        """A deal with no value of its own: an amount introduced as a value ("La transaction
        est estimée à ...", "..., estimated at $2 billion" cut off by the segmentation) in the
        sentence right after one of its mentions (in the same paragraph, or opening the next on
        the deal: "Le contrat ..."), when that sentence is no deal of its own and names no other
        state."""
        sentences = self.ctx.sentences
        for m in deal.mentions:
            k = m.sentence.index + 1
            if k >= len(sentences) or k in self.mention_sentences:
                continue
            after = sentences[k]
            if "\n" in self.ctx.text[m.sentence.end:after.start] and CONTINUATION.match(after.text) is None:
                continue  # another paragraph that does not open on the deal ("Le contrat est estimé à")
            if any(s.id not in parties for s in states_between(self.ctx, after.start, after.end)):
                continue
            for money in self.ctx.in_sentence(self.ctx.money, after):
                before = self.ctx.text[max(after.start, money.start - 40):money.start]
                if self.lex.has("value_cues", before):
                    return money, after
        return None

    def _maker(self, deal: Deal, items: list[Item], recipient: str) -> Mention | None:
        """With no state named as supplier: the home state of a company the deal's sentences
        name ("Hanwha", "Lockheed Martin"), else the one state that makes all of its known
        weapon families (Rafale: France); never the recipient's own industry."""
        for m in deal.mentions:
            for c in self.ctx.in_sentence(self.ctx.actors, m.sentence):
                state = home_state("company", c.id) if c.kind == "company" else None
                if state is not None and state != recipient:
                    return Mention(c.start, c.end, state, c.surface, "ORG", "company")
        state = self._made_by(items)
        if state is None:
            # unnamed equipment ("les canons commandés"): the maker of the programme of its kind
            # the text names ("canons Caesar")
            kinds = {i.category for i in items if not i.family}
            state = self._made_by([i for i in self._named_items if i.category in kinds]) if kinds else None
        if state is not None and state != recipient:
            return Mention(0, 0, state, "", "GPE", "inferred")
        return None

    @staticmethod
    def _made_by(items: list[Item]) -> str | None:
        """The one state that makes all the known weapon families of `items`, if any."""
        states = {home_state("family", i.family) for i in items if i.family}
        states.discard(None)
        return states.pop() if len(states) == 1 else None

    def _salient_state(self, exclude: str) -> Mention | None:
        """The state the text names most often (other than `exclude`): the implied supplier
        of a deal whose sentence names only the recipient."""
        ranking = self._salience.get(frozenset(self.recipients))
        if ranking is None:  # states by (mentions, earliest first), each with its first mention
            counts: dict[str, list[Mention]] = {}
            for m in self._all_states:
                if m.id not in self.recipients:
                    counts.setdefault(m.id, []).append(m)
            ranking = sorted((ms for ms in counts.values()), key=lambda ms: (len(ms), -ms[0].start), reverse=True)
            ranking = self._salience[frozenset(self.recipients)] = [ms[0] for ms in ranking]
        return next((m for m in ranking if m.id != exclude), None)

    @cached_property
    def _all_states(self) -> list[Mention]:
        return states_between(self.ctx, 0, len(self.ctx.text))

    @cached_property
    def _first_mentions(self) -> dict[str, Mention]:
        out: dict[str, Mention] = {}
        for m in self.ctx.actors:
            out.setdefault(m.id, m)
        return out

    def _mention_for(self, actor: Actor) -> Mention:
        """The first mention of an actor already resolved in an earlier deal."""
        return self._first_mentions.get(actor.id) or Mention(0, 0, actor.id, actor.name or actor.id, "GPE", "state")

    def announcers(self, sentences: list[Sentence], exclude: set[str] = frozenset()) -> list[Actor]:
        """Who announced the deal: the body right after a speech verb ("a déclaré lundi la DSCA")
        or its subject right before ("the Pentagon said"); never the recipient."""
        out: list[Actor] = []
        ids: set[str] = set()
        for sent in sentences:
            for v in self.lex.rx("speech_verbs").finditer(sent.text):
                start, end = sent.start + v.start(), sent.start + v.end()
                near = [m for m in self.ctx.within(self.ctx.actors, end, min(sent.end, end + 25))
                        if re.fullmatch(r"\s*(?:\w+\s+)?(?:l['’]|la\s|le\s|les\s|the\s)?", self.ctx.text[end:m.start])]
                near += [m for m in self.ctx.within(self.ctx.actors, max(sent.start, start - 60), start)
                         if re.fullmatch(r"\s*(?:a|ont|has|have|had)?\s*", self.ctx.text[m.end:start])]
                near = [m for m in near if m.kind != "demonym" and m.id not in exclude]
                if near:
                    a = Actor(id=near[0].id, name=re.sub(r"^(?:l['’]|la |le |the )", "", near[0].surface))
                    if a.id not in ids:  # one entry per actor, as first named
                        out.append(a)
                        ids.add(a.id)
        return out

    @cached_property
    def _contract_nouns(self) -> frozenset[str]:
        """The nouns of a contract (`earlier_deal.nouns`: "contract", "contrat", "agreement")."""
        return frozenset(self.lex.words("earlier_deal")["nouns"])

    def under_framework(self, deal: Deal) -> bool:
        """Is the deal a framework agreement (totals a buyer may order under later contracts)?"""
        return any(self.framed(m) for m in deal.mentions if m.items)

    def framed(self, m: DealMention) -> bool:
        """Does the parse tie a framework agreement's name to the mention's equipment: the name on
        the path from the equipment up to the root of its sentence ("un accord-cadre pour 1 000
        chars"), or hung on that path, directly or through a preposition ("The framework
        agreement ... provides for 1,000 tanks", "to acquire 1,000 tanks under a framework
        agreement")? A framework named in another sentence ("a contract followed the framework
        agreement") or elsewhere in the sentence is not."""
        cues = self.lex.rx("framework_cues")
        if not m.items or cues.search(m.sentence.text) is None:
            return False
        path: list = []  # spaCy tokens, from the equipment up to the root
        tok = self.ctx.token_from(m.items[0].start)
        while tok is not None and tok not in path:
            path.append(tok)
            tok = tok.head
        on_path = {t.i for t in path}
        names = []
        for found in cues.finditer(m.sentence.text):
            start = m.sentence.start + found.start()
            names.append({t.i for t in self.ctx.doc.char_span(start, start + len(found.group()), alignment_mode=EXPAND)
                          or ()})
        if any(span & on_path for span in names):
            return True
        # a contract of its own on the path holds the equipment: "under the framework agreement,
        # X signed an executive contract for 180 tanks" is that contract, not the framework
        if any(t.pos_ == "NOUN" and t.lemma_.lower() in self._contract_nouns for t in path[1:]):
            return False
        return any(t.head.i in on_path or (t.head.pos_ == "ADP" and t.head.head.i in on_path)
                   for span in names for t in (self.ctx.doc[i] for i in span))

    def contractors(self, sentences: list[Sentence]) -> list[str]:
        """The companies of the deal's sentences, then every contractor the text names."""
        names = [m.surface for s in sentences for m in self.ctx.in_sentence(self.ctx.actors, s) if m.kind == "company"]
        return list(dict.fromkeys(names + self._named_contractors))

    @cached_property
    def _named_contractors(self) -> list[str]:
        """"The principal contractor will be X and Y": the names, once each, in text order."""
        names: list[str] = []
        for m in CONTRACTOR.finditer(self.ctx.text):
            for part in re.split(r"\s+(?:and|et)\s+|;\s*", m.group(1)):
                name = re.split(r",\s*(?:of|located|based|in|à|de)\b|\s+(?:of|located in|based in|in|à)\s", part)[0]
                name = name.strip(" ,.")
                if name and len(name) < 80:
                    names.append(name)
        return list(dict.fromkeys(names))


def _in_clause_of(head, tok) -> bool:
    """Is `tok` under `head` in the parse with no clause of its own between them (a verb with its
    own subject: "avec la Corée, à laquelle elle a commandé des chars")?"""
    while tok.i != head.i:
        if tok.head.i == tok.i or tok.pos_ in {"VERB", "AUX"} and any(c.dep_ in SUBJECTS for c in tok.children):
            return False
        tok = tok.head
    return True


def _date_year(date: str | None) -> int | None:
    """The year of a record's `date` (YYYY-MM or YYYY-MM-DD)."""
    return int(date[:4]) if date else None


def _year(tok) -> bool:
    """Is `tok` a year written in digits?"""
    return tok.text.isdigit() and len(tok.text) == 4 and tok.text[:2] in {"19", "20"}


def _split_conjunct(noun, tok) -> bool:
    """Is `tok` a conjunct of `noun`'s phrase that the parse made a second dependent of `noun`'s
    head with the same role ("Contracts for 80 tanks and 40 howitzers were signed": "howitzers"
    read as a second subject of "signed"), after a conjunction the parse has join nothing?"""
    same_role = tok.dep_.split(":")[0] == noun.dep_.split(":")[0]
    return tok.i > noun.i and tok.head.i == noun.head.i != noun.i and same_role and \
        any(t.dep_ == "cc" and not any(c.dep_ == "conj" for c in t.head.children) for t in noun.doc[noun.i + 1:tok.i])


def _without_summed_counts(mentions: list[DealMention]) -> list[DealMention]:
    """Leaves out a mention of one counted weapon family whose count is the sum of the counts of the
    same family in two or more other sentences ("366 chars Abrams" ordered in all, then 116 and
    250 of them in two contracts): a headline total of deals told apart."""
    counts: dict[str, dict[int, int]] = {}  # family -> sentence -> count
    for m in mentions:
        for i in m.items:
            fam = i.to_item().family
            if fam and i.quantity:
                by_sent = counts.setdefault(fam, {})
                by_sent[m.sentence.index] = by_sent.get(m.sentence.index, 0) + i.quantity
    totals = {fam: (sum(v.values()), len(v)) for fam, v in counts.items()}

    def summed(m: DealMention) -> bool:
        counted = [i for i in m.items if i.quantity and i.to_item().family]
        if len(counted) != 1:
            return False
        fam = counted[0].to_item().family
        if not fam or fam not in totals:
            return False
        total, sentences = totals[fam]
        own = counts[fam][m.sentence.index]
        return sentences >= 3 and total - own == own
    return [m for m in mentions if not summed(m)]


def _same_amount(a: MoneyMatch, b: MoneyMatch) -> bool:
    return a.currency == b.currency and abs(a.amount - b.amount) <= 0.01 * max(a.amount, b.amount)


def deal_value(money: MoneyMatch, estimated: bool) -> Money:
    """A deal's value; an exact amount said to be estimated ("estimated cost of") is `about`."""
    qualifier = "about" if money.qualifier == "exact" and estimated else money.qualifier
    return Money(amount=money.amount, currency=money.currency, qualifier=qualifier)


def deal_date(ctx: DocContext, sentences: list[Sentence]) -> str | None:
    """The first date of the deal's sentences precise to the month (the contract wants one)."""
    return next((d.value for s in sentences for d in ctx.in_sentence(ctx.dates, s)
                 if d.value and len(d.value) >= 7), None)


def _merge_items(items: list[Item]) -> list[Item]:
    """One item per designation (or unnamed description); a programme name followed by its
    model ("250 chars Abrams, des modèles M1A2") is one item. The items given are left as they
    are: a merged item is a new one (`model_copy`)."""
    out: list[Item] = []
    # what the merge looks up for every item, kept up to date instead of searched for:
    with_key: dict[str, list[int]] = {}     # _key -> the positions in `out` that have it, in order
    programmes: dict[str, list[int]] = {}   # family -> positions of the items named by it alone
    for item in items:
        if item.designation and out:
            base = _programme_for(out, programmes, item)
            if base is not None:
                old_key = _key(out[base])
                out[base] = out[base].model_copy(update={
                    "designation": item.designation, "category": out[base].category or item.category,
                    "evidence": sorted(set(out[base].evidence + item.evidence))})
                _move(with_key, old_key, _key(out[base]), base)
                continue
        key = _key(item)
        if with_key.get(key):
            at = with_key[key][0]
            twin = out[at]
            if twin.quantity is None and item.quantity is not None:
                out[at] = twin.model_copy(update={"quantity": item.quantity,
                                                  "quantity_qualifier": item.quantity_qualifier})
            continue
        with_key.setdefault(key, []).append(len(out))
        if item.designation and item.designation == item.family:
            programmes.setdefault(item.family, []).append(len(out))
        out.append(item)
    # "Naval Strike Missiles ... sixty (60) RGM-184A": the uncounted programme name of a counted model
    counted_families = {i.family for i in out if i.family and i.quantity is not None}
    out = [i for i in out if i.quantity is not None or i.family not in counted_families]
    # "18 HIMARS launchers ... 18 M142 HIMARS": one item told twice, the model's name kept
    kept: list[Item] = []
    models: set[tuple[str | None, int | None]] = set()  # (family, quantity) of kept models
    for item in sorted(out, key=lambda i: not re.search(r"\d", i.designation or "")):
        if item.family and item.designation == item.family and (item.family, item.quantity) in models:
            continue
        kept.append(item)
        if re.search(r"\d", item.designation or ""):
            models.add((item.family, item.quantity))
    return sorted(kept, key=lambda i: i.evidence[0])


def _programme_for(out: list[Item], programmes: dict[str, list[int]], item: Item) -> int | None:
    """The position of the last item of `out` named by its programme alone ("Abrams") that
    `item`, a model of it without a count ("M1A2"), renames; None if there is none."""
    if item.quantity is not None or not item.family or item.designation == item.family:
        return None
    named = programmes.get(item.family, [])
    while named and out[named[-1]].designation != item.family:
        named.pop()  # renamed since: no longer a programme name
    return named[-1] if named else None


def _move(with_key: dict[str, list[int]], old: str, new: str, position: int) -> None:
    """Position `position` of the merged items now has key `new` instead of `old`."""
    positions = with_key[old]
    del positions[bisect_left(positions, position)]
    insort(with_key.setdefault(new, []), position)


def _key(item: Item) -> str:
    return re.sub(r"[\s\-./]", "", (item.designation or item.description or "").upper())


def unrequested(requested: list[Item], named: list[Item]) -> list[bool]:
    """Which of the equipment `named` together before a notice's request list (the "X has
    requested to buy ..." enumeration, what the notified sale is in detail: `requested`) is a
    sale of its own: when the group names equipment the list details ("approved a sale of F-15EX
    and F-16 Block 70 aircraft to X", then "X has requested to buy 32 F-16C Block 70 aircraft"),
    a platform of a kind the list details by programme (aircraft) but of a programme it leaves
    out (F-15EX)."""
    families = {i.family for i in requested if i.family}
    kinds = {i.category for i in requested if i.family}
    if not any(i.family in families for i in named):
        return [False] * len(named)
    return [bool(i.family) and i.family not in families and i.category in kinds for i in named]


def notice_transfer(finder: TransferFinder) -> tuple[list[Transfer], MoneyMatch | None]:
    """The deal of a US arms-sale notice, from its layout (see extract/notices.py), last; before
    it, a sale of its own for each platform named beside the notified equipment but left out of
    the request list (`unrequested`)."""
    ctx = finder.ctx
    facts = read_notice(ctx)
    if facts.recipient is None:
        return [], None
    requests = set(request_lists(ctx))
    by_block: dict[tuple[int, int], list[Item]] = {}
    for start, end in facts.blocks:
        for mention in group_item_mentions(ctx, start, end, listed=True):
            first = mention.quantity_span[0] if mention.quantity_span else mention.start
            if is_support_phrase(ctx, first, mention.end) or \
                    mention.quantity is None and mention.designation is None:
                # a platform only supported ("logistics support for C-17 aircraft"), or
                # unnamed, uncounted equipment of a list
                continue
            by_block.setdefault((start, end), []).append(mention.to_item())
    requested = [i for block in requests & by_block.keys() for i in by_block[block]]
    apart: list[tuple[tuple[int, int], list[Item]]] = []
    items = []
    for block, named in sorted(by_block.items()):
        out = unrequested(requested, named) if requested and block not in requests and block < min(requests) \
            else [False] * len(named)
        items += [i for i, o in zip(named, out) if not o]
        if any(out):
            apart.append((block, [i for i, o in zip(named, out) if o]))
    # "a sale of 160 MRAP vehicles ... 160 MRAP vehicles to include (110 MaxxPro ...)": the total again
    totals = broken_down(ctx)
    items = [i for i in items if (i.designation, i.quantity) not in totals]
    value = deal_value(facts.value, facts.value_about) if facts.value is not None else None
    supplier = finder.default_supplier
    sentences = [ctx.sentence_at(start) for start, _ in facts.blocks] or [ctx.sentence_at(facts.recipient.start)]
    evidence = sorted({(s, e) for s, e in facts.blocks} | {(facts.recipient.start, facts.recipient.end)}
                      | ({(facts.value.start, facts.value.end)} if facts.value else set()))
    date = deal_date(ctx, sentences)
    seller = actor_of(supplier) if supplier else Actor(id="USA", name="United States")
    transfer = Transfer(
        supplier=seller, recipient=actor_of(facts.recipient), items=_merge_items(items), value=value,
        status="approved", channel="FMS", announced_by=finder.announcers(sentences, {facts.recipient.id}),
        contractor=finder.contractors(sentences) or None, date=date, year=_date_year(date),
        evidence=evidence)
    own = []
    for (start, end), named in apart:
        told = [ctx.sentence_at(start)]
        when = deal_date(ctx, told) or date
        own.append(Transfer(supplier=seller, recipient=actor_of(facts.recipient), items=_merge_items(named),
                            status="approved", channel="FMS", announced_by=finder.announcers(told, {facts.recipient.id}),
                            date=when, year=_date_year(when), evidence=[(start, end)]))
    return own + [transfer], facts.value


def extract_transfers(ctx: DocContext) -> tuple[list[Transfer], set[tuple[int, int]]]:
    """The deals of a document, and the money spans they took as values."""
    finder = TransferFinder(ctx)
    out = _Recorded(finder.year)
    used = set()
    unplaced: list[Deal] = []
    notice = None
    if is_notice(ctx):
        notices, money = notice_transfer(finder)
        for t in notices:
            out.add(t, None, frozenset())
        notice = notices[-1] if notices else None
        if money is not None:
            used.add((money.start, money.end))
    def place(t: Transfer, deal: Deal) -> None:
        for m in deal.mentions:
            if m.money:
                used.add((m.money.start, m.money.end))
        if notice is not None and (_party(t.recipient) == _party(notice.recipient) or t.status == "unknown"):
            return  # the notice's layout already gave this deal; its justification names no other
        out.record(t, deal)

    for deal in finder.deals():
        if all(m.package_only or m.refers_back for m in deal.mentions) and not any(m.items for m in deal.mentions):
            continue  # money announced with no equipment named is aid, not a deal
        t = finder.build(deal, out.transfers[-1] if out.transfers else None)
        if t is None:
            unplaced.append(deal)
        else:
            place(t, deal)
    # deals whose sentences and neighbours name no buyer, in a text about one buyer's deals
    buyers = {_party(t.recipient) for t in out.transfers}
    if len(buyers) == 1 and None not in buyers:
        for deal in unplaced:
            t = finder.build(deal, out.transfers[-1])
            if t is not None:
                place(t, deal)
    return _without_headline_totals(out.records()), used | finder.used_values


def _without_headline_totals(records: list[Transfer]) -> list[Transfer]:
    """Drops a deal in general words ("$5.8 billion worth of tanks and howitzers") whose value
    is the sum of the values of two or more deals of the same parties the text gives apart."""
    def key(t: Transfer) -> tuple:
        return (_party(t.supplier), _party(t.recipient), t.value.currency)

    sums: dict[tuple, tuple[float, int]] = {}  # (parties, currency) -> (sum of values, deals)
    for t in records:
        if t.value is not None:
            total, n = sums.get(key(t), (0.0, 0))
            sums[key(t)] = (total + t.value.amount, n + 1)

    def total_of_others(t: Transfer) -> bool:
        if t.value is None or not t.value.amount or any(i.designation for i in t.items):
            return False
        total, n = sums[key(t)]
        return n - 1 >= 2 and abs(total - 2 * t.value.amount) <= 0.01 * t.value.amount
    return [t for t in records if not total_of_others(t)]

class _Recorded:
    """The transfers recorded so far. A new one is compared (`_same_deal`) only with those that
    share its recipient and one of its item keys, found in an index, not with every one.

    Records are never changed once built: absorbing a second mention of a deal replaces the
    recorded transfer by a new one (`_absorbed`); the evidence of a deal is gathered here, kept
    sorted, and written into the records once, by `records()`."""

    def __init__(self, year: int | None = None) -> None:
        self.year = year  # the year of the news: a deal dated before it is not the news's deal
        self.transfers: list[Transfer] = []
        self._by_item: dict[tuple[str | None, str], list[int]] = {}  # -> positions, in order
        self._indexed: list[set[tuple[str | None, str]]] = []
        self._spans: list[list[tuple[int, int]]] = []  # per position, the evidence, sorted, once each
        self._seen: list[set[tuple[int, int]]] = []
        self._eras: list[int | None] = []  # per position, the year its deal is dated to
        self._earlier: list[bool] = []  # per position, whether its deal is told as before the news
        self._companies: list[frozenset[str]] = []  # per position, the contractors its sentences name
        self._held: list[bool] = []  # per position, whether it is equipment the buyer already had
        self._parted: set[int] = set()  # positions some of whose equipment went to contracts told apart
        self._wholes: set[int] = set()  # positions recorded naming several programmes, no count, no value

    def record(self, t: Transfer, deal: Deal) -> None:
        """Adds `t`, built from `deal`, or folds it into the deal recorded before it is a twin of."""
        companies = frozenset(c for m in deal.mentions if m.items for c in m.companies)
        apart = any(m.apart for m in deal.mentions)
        told_apart = apart or any(m.own_value for m in deal.mentions)  # one of several contracts of a sentence
        whole = self.uncounted_whole(t, deal.era, companies) if told_apart else None
        if whole is not None:
            self.take_part(whole, t, companies)
            return
        twin = self.twin_of(t, deal.era, companies, apart=apart, earlier=deal.earlier, held=deal.held)
        if twin is not None:
            self.absorb(twin, t)
            self._companies[twin] |= companies
        else:
            self.add(t, deal.era, companies, deal.earlier, deal.held)

    def add(self, t: Transfer, era: int | None, companies: frozenset[str], earlier: bool = False,
            held: bool = False, at: int | None = None) -> None:
        """Records `t` last, or at position `at` (the transfers from there on move one place on)."""
        at = len(self.transfers) if at is None else at
        if at < len(self.transfers):
            self._by_item = {key: [p + (p >= at) for p in found] for key, found in self._by_item.items()}
            self._parted = {p + (p >= at) for p in self._parted}
            self._wholes = {p + (p >= at) for p in self._wholes}
        self.transfers.insert(at, t)
        self._eras.insert(at, era)
        self._earlier.insert(at, earlier)
        self._held.insert(at, held)
        self._companies.insert(at, companies)
        self._indexed.insert(at, set())
        spans = sorted(set(t.evidence))
        self._spans.insert(at, spans)
        self._seen.insert(at, set(spans))
        self._index(at)
        if t.value is None and len({_kind(i) for i in t.items}) > 1 and all(i.quantity is None for i in t.items):
            self._wholes.add(at)

    def _index(self, pos: int) -> None:
        t = self.transfers[pos]
        for key in _item_keys(t):
            entry = (_party(t.recipient), key)
            if entry not in self._indexed[pos]:  # keys only gained: a stale entry is checked anyway
                self._indexed[pos].add(entry)
                insort(self._by_item.setdefault(entry, []), pos)

    def twin_of(self, t: Transfer, era: int | None, companies: frozenset[str], apart: bool = False,
                earlier: bool = False, held: bool = False) -> int | None:
        """The position of the first recorded transfer that is the same deal as `t` (dated to
        the same year, and made by the same contractors, when both say). A deal told as one of
        several contracts (`apart`), or a framework agreement beside a contract that is none, is
        no part of another: its twin counts its equipment alike; a deal told as before the news
        (`earlier`) is no part of one that is not. What the buyer already had (`held`) and a new
        deal are never twins."""
        party = _party(t.recipient)
        candidates = sorted({pos for key in _item_keys(t) for pos in self._by_item.get((party, key), ())})
        return next((pos for pos in candidates if _same_deal(self.transfers[pos], t) and self._held[pos] == held
                     and not ((apart or t.framework != self.transfers[pos].framework)
                              and _counted_otherwise(self.transfers[pos], t))
                     and not (earlier and not self._earlier[pos])
                     and _same_era(self.transfers[pos], self._eras[pos], t, era, self.year)
                     and not (companies and self._companies[pos] and not companies & self._companies[pos])
                     and not _contractor_part(companies, {i.family for i in t.items}, self._companies[pos],
                                              {i.family for i in self.transfers[pos].items},
                                              alike=_counted_alike(self.transfers[pos], t))),
                    None)

    def uncounted_whole(self, t: Transfer, era: int | None, companies: frozenset[str]) -> int | None:
        """The position of a recorded transfer that names, without counts or value, `t`'s
        equipment among equipment of other programmes ("the first shipment of tanks and
        howitzers", then "contracts for 80 tanks and 40 howitzers"), when `t` is one of several
        contracts a sentence tells apart (by their values or a plural deal noun): `t` is that
        transfer's part for its programmes, not the whole (unnamed equipment, "tanks", stands for
        any programme of its category). A transfer already parted that way keeps its last
        programme for its last part."""
        if not t.items or any(i.quantity is None or _kind(i) is None for i in t.items):
            return None
        party = _party(t.recipient)
        for pos in sorted(self._wholes | self._parted):  # the candidates, not every transfer
            whole = self.transfers[pos]
            kinds = {_kind(i) for i in whole.items}
            several = len(kinds) > 1 or pos in self._parted
            covered = all(any(_covers(w, i) for w in whole.items) for i in t.items)
            if _party(whole.recipient) == party and whole.value is None and several and \
                    None not in kinds and covered and all(i.quantity is None for i in whole.items) and \
                    not (whole.supplier and t.supplier and whole.supplier.id != t.supplier.id) and \
                    _same_era(whole, self._eras[pos], t, era, self.year) and \
                    not (companies and self._companies[pos] and not companies & self._companies[pos]):
                return pos
        return None

    def take_part(self, pos: int, t: Transfer, companies: frozenset[str]) -> None:
        """Folds `t` into the transfer at `pos` (`uncounted_whole`) once the equipment of other
        programmes is taken out of it into a transfer of its own, recorded just after it, that
        keeps the rest for the contracts told after `t`: `t` has the evidence of the whole and
        what it says of the deal (status, date, parties) where `t` is silent; unnamed equipment
        of the whole that `t` names ("tanks") is left for `t`'s names."""
        whole = self.transfers[pos]
        taken = [w for w in whole.items if any(_covers(w, i) for i in t.items)]
        rest = [w for w in whole.items if w not in taken]
        self.transfers[pos] = whole.model_copy(update={"items": [w for w in taken if w.family]})
        if rest:
            self.add(whole.model_copy(update={"items": rest, "evidence": list(self._spans[pos])}),
                     self._eras[pos], self._companies[pos], self._earlier[pos], self._held[pos], at=pos + 1)
            self._parted.add(pos + 1)
        self.absorb(pos, t)
        self._companies[pos] |= companies

    def absorb(self, pos: int, other: Transfer) -> None:
        self.transfers[pos] = _absorbed(self.transfers[pos], other)
        # the evidence of both, sorted, once each: inserted, not sorted again at every absorb
        seen, spans = self._seen[pos], self._spans[pos]
        for span in other.evidence:
            if span not in seen:
                seen.add(span)
                insort(spans, span)
        self._index(pos)

    def records(self) -> list[Transfer]:
        """The transfers, each with the evidence of every mention it absorbed."""
        return [t if len(spans) == len(t.evidence) else t.model_copy(update={"evidence": list(spans)})
                for t, spans in zip(self.transfers, self._spans)]


def _item_keys(t: Transfer) -> set[str]:
    """What two mentions of one deal share: a designation, or a programme and its count ("40 Rafale"
    in the headline, "40 Rafale F4" in the story)."""
    return {_key(i) for i in t.items if i.designation} | \
        {f"{i.family}#{i.quantity}" for i in t.items if i.family and i.quantity is not None}


def _contractor_part(companies: frozenset[str], families: set[str | None], others: frozenset[str] | set[str],
                     other_families: set[str | None], alike: bool) -> bool:
    """Is equipment its sentences name a contractor for (`companies`), of only some of the
    programmes of a deal whose sentences name none, a contract of its own ("Chile received its
    first tanks and howitzers. The agreement with Company X provides for 300 tanks")? Not when
    it counts equipment as the deal does (`alike`): "the contract with X covers the 4
    submarines" of "4 submarines and 2 frigates" tells who makes them, not another contract."""
    return bool(companies) and not others and None not in families and families < other_families and not alike


def _party(a: Actor | None) -> str | None:
    return a.id if a else None


def _same_deal(a: Transfer, b: Transfer) -> bool:
    """Two mentions of one deal: same parties and a shared item (a headline and its story)."""
    if _party(a.recipient) != _party(b.recipient):
        return False
    if a.supplier and b.supplier and a.supplier.id != b.supplier.id:
        return False
    shared = _item_keys(a) & _item_keys(b)
    # the same equipment counted higher: another contract (180 tanks, then 1,000); a lower count
    # may be a part of the deal (9 single-seaters of 12 jets)
    counts = {}
    for i in a.items:
        if i.designation and i.quantity is not None:
            counts[_key(i)] = i.quantity
    if any(_key(i) in counts and i.quantity is not None and counts[_key(i)] < i.quantity for i in b.items):
        return False
    return bool(shared)


def _kind(item: Item) -> str | None:
    """The programme of an item, or the category of unnamed equipment ("tanks")."""
    return item.family or (item.category if item.designation is None else None)


def _covers(whole: Item, item: Item) -> bool:
    """Does `whole`, an item named without a count, stand for `item`: the same programme, or
    unnamed equipment of its category ("tanks" for "80 Leopard tanks")?"""
    if whole.family:
        return whole.family == item.family
    return whole.designation is None and whole.category is not None and whole.category == item.category


def _counted_alike(a: Transfer, b: Transfer) -> bool:
    """Does `b` count some equipment of a programme `a` counts, with the same count?"""
    counts = {(i.family, i.quantity) for i in a.items if i.family and i.quantity is not None}
    return any((i.family, i.quantity) in counts for i in b.items if i.quantity is not None)


def _counted_otherwise(a: Transfer, b: Transfer) -> bool:
    """Does `b` count equipment `a` designates and counts, with another count?"""
    counts = {_key(i): i.quantity for i in a.items if i.designation and i.quantity is not None}
    return any(_key(i) in counts and i.quantity is not None and counts[_key(i)] != i.quantity for i in b.items)


def _same_era(a: Transfer, a_era: int | None, b: Transfer, b_era: int | None, year: int | None = None) -> bool:
    """Can two transfers of the same parties and equipment be one deal by their dates? Not when
    dated to other years, nor when only one is dated and they count the equipment differently
    ("24 Rafale bought in 2015" beside 30 ordered now), nor when a deal the text told undated (the
    news) is followed by one dated to a year before the news (`year`): "Egypt ordered 30 more
    Rafale ... it first bought the Rafale in 2015" (as `another_contract` reads a mention)."""
    if a_era is not None and b_era is not None:
        return a_era == b_era
    if a_era is None and b_era is None:
        return True
    if a_era is None and year is not None and b_era < year:
        return False
    return not _counted_otherwise(a, b)


def _absorbed(into: Transfer, other: Transfer) -> Transfer:
    """A new transfer: `into` with a second mention of its deal folded in (its evidence is
    `_Recorded`'s to gather); neither is changed."""
    return into.model_copy(update={
        "items": _merge_items(into.items + other.items),
        "supplier": into.supplier or other.supplier,
        "value": into.value or other.value,
        "status": other.status if into.status == "unknown" else into.status,
        "channel": other.channel if into.channel == "unknown" else into.channel,
    })
