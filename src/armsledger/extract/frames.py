"""Deal frames: who gives, who receives and what, read from the dependency parse.

A frame is a trigger (a sale, delivery, purchase, signing or approval verb, or a deal noun,
matched on lemma and part of speech) and the roles its dependents fill, as written in
`lang/{fr,en}/frames.json`: "X vend Y à Z", "Y est vendu à Z par X", "la vente de Y à Z",
"Z's order of Y", "provide Z with Y", "doter Z de Y" are patterns of the same few frames, not
separate rules. A party role takes a dependent only when it names a state (directly, through a
demonym adjective, an apposition or a "gouvernement de X"); coordinated parties ("à A, B et C")
are each a party. An items role takes the dependents that hold equipment. A deal noun governed by
a verb frame ("Washington a approuvé la vente de ... à X") takes the verb's parties for the roles
it leaves empty.

`sentence_frames(ctx, sentence)` gives the frames of one sentence, found once per document.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Span, Token

from armsledger.extract.context import DocContext, Mention, Sentence
from armsledger.extract.mentions import BODIES, mentions_of
from armsledger.lang import get_lexicon
from armsledger.normalize.actors import state_name

SUBJECTS = ("nsubj", "nsubj:pass", "nsubjpass")
# dependents that name the party a head noun stands for: "le gouvernement polonais", "the
# Government of Poland", "son allié, Israël", "South Korea's Hanwha"
PARTY_LINKS = {"amod", "nmod", "flat", "flat:name", "compound", "appos", "poss", "nmod:poss", "pobj", "prep"}
PARTY_ORGS = {"NATO", "EU"}
OF_WORDS = {"de", "d'", "du", "des", "of"}
OBJECTS = {"obj", "dobj", "nsubj:pass", "nsubjpass"}
NOUN_PHRASE_LINKS = {"nmod", "amod", "flat", "flat:name", "compound", "appos", "nummod"}
# dependents of a trigger that may say when it happened: "signé en 2022", "on Friday signed",
# "the purchase in 2015 of ...", "a conclu mardi"
CLAUSE_LINKS = ("acl", "relcl", "advcl", "ccomp", "xcomp", "csubj", "parataxis")
DATE_LINKS = {"obl", "obl:mod", "obl:tmod", "nmod", "nmod:tmod", "prep", "npadvmod", "advmod", "nummod"}


@dataclass(frozen=True)
class RoleSpec:
    dep: str
    preps: frozenset[str]


@dataclass(frozen=True)
class FrameSpec:
    frame: str
    lemmas: frozenset[str]
    nominal: bool
    roles: dict[str, tuple[RoleSpec, ...]]
    requires: str | None
    status: dict[str, str]  # tense -> status
    split_subject: bool  # "X and Y signed": the first the buyer, the other its counterparty
    approver_buys: bool = False  # a deal noun whose approver, when it names no party, is its buyer
    reflexive_buys: bool = False  # a verb whose subject, with a reflexive pronoun, equips itself


@dataclass
class Frame:
    """One trigger with the parties and equipment its dependents name."""
    name: str
    trigger: Token
    nominal: bool
    suppliers: list[Mention] = field(default_factory=list)
    recipients: list[Mention] = field(default_factory=list)
    items: list[tuple[int, int]] = field(default_factory=list)  # char spans of the items' phrases
    governor: "Frame | None" = None
    status: str | None = None  # from the trigger's tense, mood and controlling verb
    when: str | None = None  # the date the parse attaches to the trigger ("signed in 2022")
    signed: bool = False  # a signing (or a deal noun under one): its parties are either side
    approver_buys: bool = False  # see FrameSpec
    gapped: list[tuple[Token, Mention]] = field(default_factory=list)  # "80 à A, 42 à B": (42, B)
    count: Token | None = None  # a bare count standing for equipment named before ("en a vendu 12", "12 of them")
    earlier: bool = False  # told as before the news: "avait signé", "had ordered", "the first contract"
    due: bool = False  # `when` is a deadline ("to deliver 212 howitzers by 2026"), not when it happened

    @property
    def start(self) -> int:
        return self.trigger.idx

    def holds(self, pos: int) -> bool:
        """Is character `pos` inside one of the frame's items phrases?"""
        return any(s <= pos < e for s, e in self.items)


def _role(path: str) -> RoleSpec:
    dep, _, preps = path.partition(":")
    # "nsubj:pass", "obl:agent", "head:acl": a label of its own, not a preposition
    if preps in {"pass", "agent", "acl", "arg", "mod", "poss"} or dep == "head":
        return RoleSpec(path, frozenset())
    return RoleSpec(dep, frozenset(p for p in preps.split("|") if p))


@cache
def frame_specs(lang: str) -> dict[tuple[str, bool], tuple[FrameSpec, ...]]:
    """(lemma, nominal) -> the frames it triggers, in file order."""
    lex = get_lexicon(lang)
    out: dict[tuple[str, bool], list[FrameSpec]] = {}
    for key, nominal in (("verb_frames", False), ("noun_frames", True)):
        for entry in lex.words(key):
            roles = {r: tuple(_role(p) for p in entry.get(r, ())) for r in ("supplier", "recipient", "items")}
            spec = FrameSpec(entry["frame"], frozenset(entry["lemmas"]), nominal, roles, entry.get("requires"),
                             entry.get("status", {}), entry.get("split_subject", False),
                             entry.get("approver_buys", False), entry.get("reflexive_buys", False))
            for lemma in entry["lemmas"]:
                out.setdefault((lemma, nominal), []).append(spec)
    return {k: tuple(v) for k, v in out.items()}


def case_words(tok: Token) -> str | None:
    """The preposition a nominal dependent carries: its `case` children ("auprès de", "au")."""
    case = [c for c in tok.children if c.dep_ in {"case", "fixed"} and c.i < tok.i]
    if not case:
        return None
    first = case[0]
    words = [first.text.lower()] + [f.text.lower() for f in first.children if f.dep_ == "fixed"]
    words += [c.text.lower() for c in case[1:]]
    return " ".join(words).replace("’", "'")


def _dep_matches(label: str, dep: str) -> bool:
    return label == dep or label.startswith(dep + ":")


def _fill(trigger: Token, spec: RoleSpec) -> list[Token]:
    """The tokens that fill one role path of `trigger`."""
    if spec.dep == "head:nsubj":  # "Greece became the first customer of the Rafale"
        if trigger.head.i != trigger.i and trigger.dep_ in {"attr", "oprd", "xcomp"}:
            return [c for c in trigger.head.children if c.dep_ in SUBJECTS]
        return []
    if spec.dep == "head:acl":
        if trigger.dep_.startswith(("acl", "amod", "relcl")) and trigger.head.i != trigger.i:
            # "the 90 rockets and 12 launchers that X ordered": the clause, parsed under the last
            # conjunct, qualifies the whole coordination
            out, noun = [trigger.head], trigger.head
            while noun.dep_ == "conj" and noun.head.i < noun.i and noun.head.pos_ in {"NOUN", "PROPN"}:
                noun = noun.head
                out.append(noun)
            return out
        return []
    out = []
    for c in trigger.children:
        if c.pos_ == "ADP" or (c.dep_ in {"prep", "agent", "dative"} and c.pos_ not in {"PROPN", "NOUN"}):
            # English: the preposition is the dependent, its object the role
            if not _dep_matches(c.dep_, spec.dep) and not (spec.dep == "prep" and c.dep_ in {"dative", "agent"}):
                continue
            if spec.preps and c.text.lower() not in spec.preps:
                continue
            # "to Hungary, to Brazil and to Thailand": the prepositions coordinated with it too
            out += [g for p in _conjuncts(c) if p.pos_ == "ADP" for g in p.children if g.dep_ in {"pobj", "pcomp"}]
            continue
        if not _dep_matches(c.dep_, spec.dep):
            continue
        if spec.preps:
            case = case_words(c)
            if case is None or case not in spec.preps:
                continue
        elif c.dep_.startswith(("obl", "nmod")) and spec.dep in {"obl", "nmod"} and case_words(c):
            continue
        out.append(c)
    if not out and spec.preps and spec.dep in {"obl", "prep", "dative"}:
        # "a vendu 12 obusiers au Brésil", the complement parsed under the object
        for obj in trigger.children:
            if obj.dep_ in OBJECTS or obj.like_num and obj.i > trigger.i:  # a count, however parsed
                out += _fill_phrase(obj, spec)
    head = trigger
    while not out and spec.dep in {"nsubj", "nsubj:pass", "nsubjpass"} and head.dep_ in {"xcomp", "conj", "advcl"} \
            and head.head.i != head.i:
        # "La Suède va équiper la Lettonie de ...", "X ordered ... and received ...", "le Portugal
        # vient d'annoncer avoir conclu ...": the subject of the verb it depends on
        head = head.head
        out = [c for c in head.children if c.dep_ == spec.dep]
    return out


def _fill_phrase(noun: Token, spec: RoleSpec) -> list[Token]:
    """Complements with the role's prepositions inside the noun phrase of `noun` (not inside a
    clause that qualifies it): what the parser attached to the object rather than the verb."""
    out, todo = [], [noun]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ in NOUN_PHRASE_LINKS:
                todo.append(c)
            if c.dep_.startswith("nmod") and (case_words(c) or "") in spec.preps:
                out.append(c)
            elif c.dep_ == "prep" and c.text.lower() in spec.preps:
                out += [g for g in c.children if g.dep_ == "pobj"]
    return out


# how a parser hangs the counts of a gapped list ("80 à A, 42 à B et 12 à C") on the verb or on
# the item before
GAP_LINKS = {"dep", "npadvmod", "nmod", "conj", "obl", "obl:mod", "appos", "dobj", "obj"}
GOVERNOR_PATH = {"conj", "nmod", "pobj", "prep", "obl", "obl:arg", "obl:mod", "appos"}


def _governor(noun: Token, by_token: dict[int, Frame]) -> Frame | None:
    """The frame that governs deal noun `noun`: the first frame trigger up its chain of heads
    through nominal links (at most four), the verb whose object or subject it is included."""
    tok = noun
    for _ in range(4):
        if tok.head.i == tok.i:
            return None
        dep = tok.dep_
        tok = tok.head
        # "La Grèce vient de signer un contrat ... pour l'achat de": the frame a verb
        # that is none governs through its complement
        frame = by_token.get(tok.i) or next((by_token[c.i] for c in tok.children
                                             if c.dep_ == "xcomp" and c.i in by_token and not by_token[c.i].nominal),
                                            None)
        if frame is not None:
            return frame if frame.recipients or frame.suppliers or not frame.nominal else None
        if dep not in GOVERNOR_PATH and not (dep in OBJECTS or dep.startswith("nsubj")):
            return None
        if dep in OBJECTS or dep.startswith("nsubj"):
            return None  # the verb it is the object of is no frame
    return None


def says_what(noun: Token) -> bool:
    """Does deal noun `noun` have an "of" complement ("livraisons d'armes", "sale of arms")?"""
    for c in noun.children:
        if c.dep_ == "prep" and c.text.lower() in OF_WORDS or \
                c.dep_.startswith("nmod") and (case_words(c) or "") in OF_WORDS:
            return True
    return False


def count_at(ctx: DocContext, tok: Token):
    """The number (a NumberMatch) whose words hold token `tok`, or None."""
    n = ctx.last_starting_before(ctx.numbers, tok.idx + 1)
    return n if n is not None and n.end >= tok.idx + len(tok.text) else None


def _listed(tok: Token, preps: frozenset[str]) -> list[Token]:
    """The complements with the same prepositions that carry on a list after `tok` ("livré en
    Hongrie, au Brésil, en Thaïlande"), when the parser hangs each under the one before it:
    an nmod set off by a comma or a conjunction."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.i > t.i and c.dep_.startswith("nmod") and (case_words(c) or "") in preps and c.left_edge.i > 0 \
                    and any(e.is_punct or e.pos_ == "CCONJ" for e in (c.left_edge, c.doc[c.left_edge.i - 1])):
                out.append(c)
                todo.append(c)
    return out


def _listed_on_trigger(trigger: Token, tok: Token) -> list[Token]:
    """The names that carry on a list begun by `tok` when the parser coordinates them with the
    trigger instead ("commandes pour le Chili, l'Irak et la Hongrie": Irak and Hongrie hung
    on "commandes"), or hangs them on it after a comma as a bare complement or an object ("vendu
    à la Roumanie, la Suède et aux Pays-Bas"): proper nouns after `tok`."""
    if tok.head.i != trigger.i:
        return []
    return [c for c in trigger.children if c.i > tok.i and c.pos_ == "PROPN"
            and (c.dep_ == "conj" or (c.dep_.startswith("nmod") and case_words(c) is None or c.dep_ in OBJECTS)
                 and (c.left_edge.is_punct or c.doc[c.left_edge.i - 1].is_punct))]


def _conjuncts(tok: Token) -> list[Token]:
    out, todo = [tok], [tok]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ == "conj" and c not in out:
                out.append(c)
                todo.append(c)
    return out


class FrameReader:
    """Reads the frames of a document's sentences; mentions looked up by character offset."""

    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.specs = frame_specs(ctx.lang)
        self.actors = sorted(ctx.actors, key=lambda m: m.start)
        self.actors_ordered = ctx.actors  # the context's own list, searched by bisection
        self._starts = [m.start for m in self.actors]
        self.weapons = ctx.weapons
        lex = get_lexicon(ctx.lang)
        self.tense_verbs = {k: frozenset(v) for k, v in lex.words("tense_verbs").items()}
        self.control = {k: frozenset(v) for k, v in lex.words("control_verbs").items()}
        self.party_heads = frozenset(lex.words("party_heads"))
        self.list_extenders = frozenset(lex.words("list_extenders"))
        self.partitive = frozenset(lex.words("partitive_pronouns"))
        self.deadline_cases = frozenset(lex.words("deadline_cases"))
        self.latter = lex.rx("latter")
        self.earlier_deal = {k: frozenset(v) for k, v in lex.words("earlier_deal").items()}

    # ---------------------------------------------------------------- mentions
    def mention_at(self, tok: Token) -> Mention | None:
        """The actor mention that covers (or starts inside) token `tok`."""
        k = bisect_right(self._starts, tok.idx) - 1
        while k >= 0 and self.actors[k].end > tok.idx:
            m = self.actors[k]
            if m.start <= tok.idx < m.end:
                return m
            k -= 1
        k = bisect_right(self._starts, tok.idx)
        if k < len(self.actors) and self.actors[k].start < tok.idx + len(tok.text):
            return self.actors[k]
        return None

    def party(self, tok: Token) -> Mention | None:
        """The state `tok` names: itself, or through the words that say whose it is ("le
        gouvernement polonais", "the Government of Poland", "son allié, Israël"); None when it
        names none or holds equipment."""
        if self.has_weapon(tok):
            return None
        if tok.pos_ == "PRON" and tok.head.dep_.startswith(("acl:relcl", "relcl")) and tok.head.head.i != tok.head.i \
                and ("Rel" in tok.morph.get("PronType") or tok.i == tok.head.left_edge.i):
            # "le Chili, qui a choisi d'acquérir", "Norway, which bought": the antecedent
            return self.party(tok.head.head)
        m = self.mention_at(tok)
        if m is not None:
            return m if _is_party(m) else None
        if tok.pos_ != "PROPN" and self.latter.fullmatch(tok.text):
            return self.named_last(tok)
        if tok.pos_ == "PRON" and tok.dep_ in SUBJECTS and "3" in tok.morph.get("Person"):
            return self.subject_before(tok)
        if tok.pos_ != "PROPN" and tok.lemma_.lower() not in self.party_heads or self.items_span(tok) is not None:
            # "les journalistes yéménites", "the Polish solutions", equipment whoever made it
            # ("64 chasseurs américains F-35"): no party
            return None
        for c in tok.children:
            if c.dep_ in PARTY_LINKS or c.dep_.split(":")[0] in PARTY_LINKS:
                if c.dep_ in {"prep"} and c.text.lower() not in {"of", "de"}:
                    continue
                if c.dep_.startswith("nmod") and (case_words(c) or "de") not in {"de", "d'", "du", "des", "of"}:
                    continue
                targets = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c]
                for t in targets:
                    m = self.mention_at(t)
                    if m is not None and _is_party(m):
                        return m
        return None

    def named_last(self, tok: Token) -> Mention | None:
        """"Ce dernier", "the latter": the state of the person or body the mention chain names
        last before `tok`, as last written; None when that is no state (a minister, a company)."""
        found = mentions_of(self.ctx).last_mentioned(("person", "state") + BODIES, tok.idx)
        if found is None or found[1].actor_id is None:
            return None
        m = self.ctx.last_starting_before(self.actors_ordered, found[0] + 1)
        return m if m is not None and m.id == found[1].actor_id and _is_party(m) else None

    def subject_before(self, tok: Token) -> Mention | None:
        """"La Norvège a annoncé de nouvelles livraisons. Elle livrera ...": the state that is the
        last grammatical subject before the pronoun `tok`, in its sentence or the one before,
        agreeing with it in gender when both say; None when there is none."""
        sent = self.ctx.sentence_at(tok.idx)
        start = self.ctx.sentences[sent.index - 1].start if sent.index else sent.start
        gender = tok.morph.get("Gender")
        for m in reversed(self.ctx.within(self.actors_ordered, start, tok.idx)):
            span = self.ctx.doc.char_span(m.start, m.end)
            if span is None or not _is_party(m) or span.root.dep_ not in SUBJECTS:
                continue
            other = span.root.morph.get("Gender")
            if not gender or not other or other == gender:
                return m
        return None

    def parties(self, tok: Token) -> list[Mention]:
        """The states `tok` names, one per conjunct ("à A, B et C"); a conjunct counts only when
        it is itself a name ("vendus au Maroc et 40 instructeurs belges détachés" is not)."""
        out: list[Mention] = []
        first = self.mention_at(tok)
        # a name of several tokens ("les Pays-Bas et le Danemark"): the conjunct may hang on any of them
        heads = [tok]
        if first is not None:
            a, b = self.ctx.token_from(first.start), self.ctx.token_from(first.end - 1)
            if a is not None and b is not None and b.i - a.i < 8:
                heads += [t for t in tok.doc[a.i:b.i + 1] if t is not tok]
        # "to A, B and to C": a preposition coordinated in the list stands for its object
        names = [g for t in dict.fromkeys(c for h in heads for c in _conjuncts(h))
                 for g in ([g for g in t.children if g.dep_ == "pobj"] if t is not tok and t.pos_ == "ADP" else [t])]
        for t in names:
            m = self.party(t) if t is tok else self.mention_at(t)
            if m is not None and _is_party(m) and all(m.id != o.id for o in out):
                out.append(m)
        return out

    def company_subject(self, tok: Token) -> bool:
        """Is the subject of verb `tok` a company ("Hanwha", "the maker Hyundai Rotem")?"""
        for c in tok.children:
            if c.dep_ in SUBJECTS:
                for t in c.subtree:
                    m = self.mention_at(t)
                    if m is not None and m.kind == "company":
                        return True
        return False

    def has_weapon(self, tok: Token) -> bool:
        w = self.ctx.within(self.weapons, tok.idx, tok.idx + len(tok.text))
        return bool(w)

    def items_span(self, tok: Token) -> tuple[int, int] | None:
        """The char span of the noun phrase under `tok` when it names equipment, without the
        complements that name someone ("12 obusiers K9" of "12 obusiers K9 au Brésil")."""
        keep, todo = [tok], [tok]
        while todo:
            t = todo.pop()
            for c in t.children:
                if c.dep_.startswith("nmod") and (case_words(c) or "de") not in OF_WORDS \
                        or c.dep_ == "prep" and c.text.lower() not in OF_WORDS \
                        or c.dep_.startswith(("acl", "relcl", "punct")):
                    continue
                keep.append(c)
                todo.append(c)
        start = min(t.idx for t in keep)
        end = max(t.idx + len(t.text) for t in keep)
        return (start, end) if self.ctx.within(self.weapons, start, end) else None

    def partitive_count(self, tok: Token) -> Token | None:
        """The count of a verb whose object is a number standing for equipment named before: with
        a partitive clitic on the verb ("la Hongrie en a acheté 14", "compte en donner huit")
        or a partitive complement on the count ("sold twelve of them"); None otherwise. A count
        the parser hangs elsewhere is the word right after the verb ("qui en a racheté 14")."""
        clitic = any(c.i < tok.i and c.lemma_.lower() in self.partitive
                     and (c.pos_ == "PRON" or "Inf" in tok.morph.get("VerbForm")) for c in tok.children)
        for c in tok.children:
            if c.i < tok.i or self.has_weapon(c):
                continue
            num = c if self.is_count(c) else next((g for g in c.children if g.dep_ == "nummod" and self.is_count(g)),
                                                  None) if c.dep_ in OBJECTS else None
            if num is None:
                continue
            if clitic or self.of_them(num):
                return num
        after = tok.nbor() if tok.i + 1 < len(tok.doc) else None
        if clitic and after is not None and self.is_count(after) and not self.has_weapon(after):
            return after
        # no number: "la Colombie en a commandé aussi", "ordered some of them": the clitic, or the
        # word the partitive complement hangs on, stands for an uncounted quantity
        some = next((c for c in tok.children if c.dep_ in OBJECTS and c.i > tok.i and self.of_them(c)), None)
        clitic_tok = next((c for c in tok.children if c.i < tok.i and c.lemma_.lower() in self.partitive), None)
        if some is None and clitic and not any(c.dep_ in OBJECTS and c.i > tok.i for c in tok.children):
            some = clitic_tok
        return some

    def of_them(self, tok: Token) -> bool:
        """Does `tok` carry a partitive complement ("twelve of them", "some of them")?"""
        return any(g.lemma_.lower() in self.partitive and g.pos_ == "PRON"
                   for p in tok.children if p.dep_ == "prep" or p.dep_.startswith("nmod") for g in p.subtree)

    def gapped(self, tok: Token, spec: FrameSpec) -> list[tuple[Token, Mention]]:
        """"a vendu 80 Rafale aux Émirats, 42 à l'Indonésie et 6 au Pérou", "sold 80 jets to
        the UAE, 42 to Indonesia and 12 to Serbia": the counts that repeat the verb for other
        buyers, each with its buyer, paired in text order; [] unless each count has one."""
        preps = frozenset(p for path in spec.roles["recipient"] for p in path.preps)
        if not preps:
            return []
        first = min((t.i for t in tok.subtree if self.has_weapon(t)), default=None)
        if first is None:
            return []
        counts, buyers = [], []
        for t in tok.subtree:
            if t.i <= first or not self.is_count(t) or self.has_weapon(t) or t.dep_ not in GAP_LINKS:
                continue
            if t.head.i != tok.i and not (t.head.dep_ in GAP_LINKS or t.head.pos_ == "PROPN" or t.head in counts):
                continue
            counts.append(t)
            for c in t.children:
                if c.dep_.startswith("nmod") and (case_words(c) or "") in preps:
                    buyers += self.parties(c)
                elif c.dep_ == "prep" and c.text.lower() in preps:
                    buyers += [m for g in c.children if g.dep_ == "pobj" for m in self.parties(g)]
        counts = [c for c in counts if not (c.dep_ == "nummod" or c.head in counts and c.dep_ != "conj")]
        return list(zip(counts, buyers)) if counts and len(counts) == len(buyers) else []

    def is_count(self, tok: Token) -> bool:
        """Is `tok` (part of) a number ("12", "huit", "une dizaine")?"""
        return tok.like_num or count_at(self.ctx, tok) is not None

    # ---------------------------------------------------------------- frames
    def frames(self, span: Span) -> list[Frame]:
        out: list[Frame] = []
        by_token: dict[int, Frame] = {}
        for tok in span:
            nominal = tok.pos_ in {"NOUN", "PROPN"}
            if not nominal and tok.pos_ not in {"VERB", "AUX"} and not (tok.pos_ == "ADJ" and tok.dep_.startswith("acl")):
                continue
            specs = self.specs.get((tok.lemma_.lower(), nominal))
            if not specs:
                continue
            frame = self.read(tok, specs)
            out.append(frame)
            by_token[tok.i] = frame
        # a deal noun governed by a frame ("a approuvé la vente de ...", "signed the letter of
        # offer for the purchase of ...") takes the governor's parties for its empty roles
        for f in out:
            if not f.nominal:
                continue
            gov = _governor(f.trigger, by_token)
            if gov is None:
                continue
            f.governor = gov
            if f.approver_buys and not f.suppliers and not f.recipients and not gov.recipients and not gov.signed \
                    and not gov.nominal:
                # "La Pologne a approuvé l'acquisition de 96 hélicoptères": its own purchase
                f.recipients = list(gov.suppliers)
            if gov.suppliers and gov.recipients and not gov.nominal:
                # "Poland signed a deal with South Korea": the verb tells both sides of the deal
                f.suppliers, f.recipients = list(gov.suppliers), list(gov.recipients)
            if not f.suppliers and not (f.approver_buys and f.recipients == gov.suppliers):
                f.suppliers = list(gov.suppliers)
            f.signed = f.signed or gov.signed
            if not f.suppliers and f.recipients and gov.signed:
                # "Le Danemark a signé le contrat de vente à l'Argentine": the one who signs the
                # sale to another is its seller
                f.suppliers = [m for m in gov.recipients if all(m.id != r.id for r in f.recipients)][:1]
            if not f.recipients:
                f.recipients = list(gov.recipients)
            f.status = gov.status or f.status
            if not f.when:
                f.when, f.due = gov.when, gov.due
            f.earlier = f.earlier or gov.earlier
            gov.items = gov.items or f.items
            # "won an order from Norway": the verb's buyer is no seller of the order it names
            f.suppliers = [m for m in f.suppliers if all(m.id != r.id for r in f.recipients)]
        for f in out:
            if f.nominal:
                self.concluded_with(f, out)
        return out

    @staticmethod
    def concluded_with(f: Frame, frames: list[Frame]) -> None:
        """"le contrat ... conclu avec la Corée du Sud", "the contract signed with South Korea": the
        state a signing participle that qualifies deal noun `f` names as the other side is its supplier;
        the party the noun took from its governor ("Le Parlement roumain a approuvé une
        extension au contrat ...") is then its buyer."""
        signed = next((g for g in frames if g.signed and not g.nominal and g.suppliers and not g.recipients
                       and g.trigger.dep_.startswith("acl") and f.trigger.is_ancestor(g.trigger)), None)
        if signed is None or f.recipients and f.suppliers:
            return
        seller = signed.suppliers[0]
        if not f.recipients:
            f.recipients = [m for m in f.suppliers if m.id != seller.id][:1]
        f.suppliers = [seller] if all(seller.id != r.id for r in f.recipients) else []

    def when(self, tok: Token):
        """The date written in a dependent of `tok` that says when it happened (or is due: see
        `deadline`), as a `DateMatch`."""
        for c in tok.children:
            if c.dep_ not in DATE_LINKS:
                continue
            # the dependent's phrase, not the clauses inside it ("le programme initié en 2015")
            phrase, todo = [c], [c]
            while todo:
                for g in todo.pop().children:
                    if not g.dep_.startswith(CLAUSE_LINKS):
                        phrase.append(g)
                        todo.append(g)
            start = min(t.idx for t in phrase)
            end = max(t.idx + len(t.text) for t in phrase)
            dated = [d for d in self.ctx.within(self.ctx.dates, start, end) if d.value]
            if dated:
                return dated[0]
        return None

    def deadline(self, start: int) -> bool:
        """Is the date starting at `start` a deadline ("to deliver 212 howitzers by 2026", "d'ici
        2026"), which says when something is due, not when it happened? The one or two words
        before it say so."""
        first = self.ctx.token_from(start)
        if first is None or first.i == 0:
            return False
        before = [t.text.lower().replace("’", "'") for t in first.doc[max(0, first.i - 2):first.i]]
        return before[-1] in self.deadline_cases or "".join(before) in self.deadline_cases

    def told_earlier(self, tok: Token, nominal: bool, when: str | None) -> bool:
        """Does trigger `tok` tell of a deal made before the news: a verb in the pluperfect dated
        by the parse ("avait signé en 2022", "had ordered in 2019"), or a contract noun a modifier
        of `earlier_deal` qualifies ("the first contract", "son accord initial")? Another deal than
        the one the news is about, even when the news's own year is unknown. An undated
        pluperfect is often reported speech only ("It said X had requested the sale")."""
        if nominal:
            return tok.lemma_.lower() in self.earlier_deal["nouns"] and any(
                c.dep_.startswith("amod") and c.lemma_.lower() in self.earlier_deal["modifiers"] for c in tok.children)
        return when is not None and pluperfect(tok, self.tense_verbs.get("perfect", frozenset()))

    def status(self, tok: Token, spec: FrameSpec) -> str | None:
        """The deal's status told by the trigger: a controlling verb ("plans to buy", "souhaite
        acquérir") or the trigger's tense looked up in the frame's table."""
        if tok.dep_ in {"xcomp", "ccomp"} and tok.head.i != tok.i:
            for status, lemmas in self.control.items():
                if tok.head.lemma_.lower() in lemmas:
                    return status
        # "Greece became a customer": a noun complement has the tense of its verb
        verb = tok.head if spec.nominal and tok.dep_ in {"attr", "oprd"} else tok
        tense = clause_tense(verb, self.tense_verbs)
        return spec.status.get(tense) if tense else None

    def read(self, tok: Token, specs: tuple[FrameSpec, ...]) -> Frame:
        best = None
        for spec in specs:
            frame = Frame(spec.frame, tok, spec.nominal)
            sources: dict[str, Token] = {}
            for role in ("items", "supplier", "recipient"):
                for path in spec.roles[role]:
                    if path.dep == "amod" and path.preps:  # "amod:destiné": "destinée au Pérou"
                        for c in tok.children:
                            if c.dep_ in {"amod", "acl"} and c.lemma_.lower() in path.preps:
                                for g in c.children:
                                    if g.dep_.startswith(("obl", "nmod")):
                                        frame.recipients += [m for m in self.parties(g) if m not in frame.recipients]
                        continue
                    for t in _fill(tok, path):
                        if role == "items":
                            span = self.items_span(t)
                            if span is not None and span not in frame.items:
                                frame.items.append(span)
                        else:
                            bucket = frame.suppliers if role == "supplier" else frame.recipients
                            # "livré à A, au B, à C": the next places of a list the parser hangs under the first
                            listed = [t] + _listed(t, path.preps)
                            for c in _listed_on_trigger(tok, t):
                                listed += [c] + _listed(c, path.preps)
                            for m in [m for c in listed for m in self.parties(c)]:
                                if all(m.id != o.id for o in bucket):
                                    bucket.append(m)
                                    if role == "recipient":
                                        # the dependent of the trigger it was found under
                                        sources[m.id] = t if t.head.i == tok.i else t.head
            frame.recipients = _recipients_of_items(frame, sources)
            if len(frame.recipients) > 1:
                # "retenu par la Suède et l'Autriche, sans oublier le Japon, l'Espagne ...":
                # a list of buyers carried on by a clause that adds to it
                clauses = [c for c in tok.children if c.dep_.startswith("advcl")] + \
                    [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.pos_ == "VERB"]
                for c in clauses:
                    if c.lemma_.lower() in self.list_extenders:
                        for t in c.subtree:
                            m = self.mention_at(t)
                            if m is not None and m.label == "GPE" and _is_party(m) \
                                    and all(m.id != o.id for o in frame.recipients + frame.suppliers):
                                frame.recipients.append(m)
            if spec.split_subject and len(frame.recipients) > 1:
                frame.suppliers = frame.suppliers or frame.recipients[1:2]
                frame.recipients = frame.recipients[:1]
            if spec.split_subject and not frame.recipients and self.company_subject(tok):
                # "Hanwha signed a contract with Norway": a maker signs with its buyer
                frame.recipients, frame.suppliers = frame.suppliers, []
            if spec.reflexive_buys and any("Yes" in c.morph.get("Reflex") for c in tok.children):
                # "le Maroc s'est doté de 24 hélicoptères", "equipped itself with": the subject buys
                frame.recipients, frame.suppliers = frame.recipients or frame.suppliers, []
            if not frame.items and not frame.nominal:
                frame.count = self.partitive_count(tok)
            if spec.requires and not getattr(frame, spec.requires) and not (
                    spec.requires == "items" and any(_fill(tok, path) for path in spec.roles["items"])):
                # "supplying Israel with fuel": the complement is there, though no equipment
                continue
            if frame.items and frame.recipients and not spec.nominal:
                frame.gapped = self.gapped(tok, spec)
            frame.status = self.status(tok, spec)
            frame.signed = spec.split_subject
            frame.approver_buys = spec.approver_buys
            best = frame
            break
        if best is None:
            best = Frame(specs[-1].frame, tok, specs[-1].nominal)
        dated = self.when(tok)
        best.when = dated.value if dated else None
        best.due = dated is not None and self.deadline(dated.start)
        best.earlier = self.told_earlier(tok, best.nominal, best.when)
        if not best.suppliers:
            # "les frégates italiennes", "116 chars américains": the origin an adjective of the
            # equipment tells, when no role names the supplier
            best.suppliers = [m for s, e in best.items for m in self.ctx.within(self.actors_ordered, s, e)
                              if m.kind == "demonym" and _is_party(m)][:1]
        # a party cannot be both: the recipient wins ("Poland's order of Polish-built ...")
        best.suppliers = [m for m in best.suppliers if all(m.id != r.id for r in best.recipients)]
        return best


def _recipients_of_items(frame: Frame, sources: dict[str, Token]) -> list[Mention]:
    """The recipients of a frame whose trigger has several complements naming them ("send
    tanks to A and instructors to B", "livrer des chars à A et des instructeurs à B"): those of
    the first complement after the equipment; each gapped clause gives its own object to its own
    party. Conjuncts under one complement ("to A, B and C") stay together."""
    heads = sorted({sources[m.id].i for m in frame.recipients if m.id in sources})
    if len(heads) < 2 or not frame.items:
        return frame.recipients
    doc = frame.trigger.doc
    # gapped only when another object stands between the complements ("to A and 70 instructors
    # to B"), not in a list of them ("à l'Estonie, à la Croatie et à l'Arménie")
    between = doc[heads[0]:heads[-1]]
    if not any(t.pos_ in {"NOUN", "NUM"} and not any(m.start <= t.idx < m.end for m in frame.recipients)
               for t in between):
        return frame.recipients
    end = frame.items[0][1]
    after = [i for i in heads if doc[i].idx >= end]
    keep = min(after) if after else max(heads)
    return [m for m in frame.recipients if m.id not in sources or sources[m.id].i == keep]


def clause_tense(tok: Token, tense_verbs: dict[str, frozenset[str]]) -> str | None:
    """past | present | future | modal for the verb `tok`, from its auxiliaries ("a livré",
    "seront livrés", "will be delivered", "could sell"), the verb it depends on ("va livrer"),
    and its own morphology; None when the parse does not tell."""
    auxes = [c for c in tok.children if c.dep_.startswith("aux")]
    heads = [tok.head] if tok.dep_ == "xcomp" and tok.head.i != tok.i else []
    for a in auxes + heads:
        lemma = a.lemma_.lower()
        if lemma in tense_verbs.get("modal", ()) or "Cnd" in a.morph.get("Mood") \
                or a.text.lower().endswith(("rait", "raient")):
            return "modal"
        if lemma in tense_verbs.get("future", ()) or "Fut" in a.morph.get("Tense"):
            return "future"
        if lemma in tense_verbs.get("past", ()):  # "vient de conclure": a recent past
            return "past"
    morph = tok.morph
    if "Fut" in morph.get("Tense"):
        return "future"
    if "Cnd" in morph.get("Mood") or tok.text.lower().endswith(("rait", "raient")) and tok.lang_ == "fr":
        return "modal"
    finite = [a for a in auxes if "Fin" in a.morph.get("VerbForm")]
    if "Part" in morph.get("VerbForm") and "Past" in morph.get("Tense"):
        if not finite:  # "les chars livrés à", "delivered last year"
            return "past" if tok.dep_ != "xcomp" else None
        # "a livré", "has delivered", "ont été livrés": past; "sont livrés", "are delivered": present
        if any(a.lemma_.lower() in {"avoir", "have"} for a in finite) or \
                any(t in {"Past", "Imp"} for a in finite for t in a.morph.get("Tense")):
            return "past"
        return "present"
    if "Fin" in morph.get("VerbForm") or tok.tag_ in {"VBD", "VBZ", "VBP"}:
        tenses = morph.get("Tense")
        if "Past" in tenses or "Imp" in tenses or tok.tag_ == "VBD":
            return "past"
        if "Pres" in tenses:
            return "present"
    if tok.tag_ == "VBG" and finite:  # "is purchasing"
        return "past" if any("Past" in a.morph.get("Tense") for a in finite) else "present"
    return None


def pluperfect(tok: Token, perfect: frozenset[str]) -> bool:
    """Is verb `tok` in the pluperfect ("avait signé", "avait été livré", "had ordered"): a past
    participle whose perfect auxiliary (a lemma of `perfect`, not that of a passive: "was
    signed", "était signé") is itself in a past tense?"""
    if "Part" not in tok.morph.get("VerbForm") and tok.tag_ != "VBN":
        return False
    return any(a.dep_ in {"aux", "aux:tense"} and a.lemma_.lower() in perfect
               and {"Past", "Imp"} & set(a.morph.get("Tense")) for a in tok.children)


def _is_party(m: Mention) -> bool:
    return state_name(m.id, "en") is not None or m.id in PARTY_ORGS


def best_frame(frames: list[Frame], anchor: int) -> Frame | None:
    """The frame of the deal whose items (or money) start at `anchor`: the innermost one whose
    items phrase holds it (even when it names no party: the deal is its own), else the frame
    naming parties with a trigger nearest it; None when there is none."""
    holding = [f for f in frames if f.holds(anchor)]
    if holding:  # the innermost: a deal noun inside an approval's object
        # on a tie, the deal noun before the verb that governs it and took its items
        return min(holding, key=lambda f: (min(e - s for s, e in f.items), f.governor is None))
    named = [f for f in frames if f.recipients or f.suppliers]
    if not named:
        return None
    return min(named, key=lambda f: (not f.recipients, abs(f.start - anchor)))


def sentence_frames(ctx: DocContext, sent: Sentence) -> list[Frame]:
    """The deal frames whose trigger lies in `sent`, in text order."""
    def build() -> list[Frame]:
        span = ctx.doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is None:
            return []
        reader = ctx.remember("frame reader", lambda: FrameReader(ctx))
        return reader.frames(span)

    return ctx.remember(("frames", sent.start, sent.end), build)


__all__ = ["Frame", "FrameReader", "best_frame", "case_words", "count_at", "frame_specs", "says_what", "sentence_frames"]
