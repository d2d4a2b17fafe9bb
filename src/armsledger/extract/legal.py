"""Legal actions: warrants, cases, rulings, provisional measures, investigations, indictments.

Read from the parse, sentence by sentence, with the words of `lang/*/legal.json`; who is who
comes from the document's mention layer (extract/mentions.py: typed mentions, chains, `resolve`):

* courts: the international courts of the gazetteer as the mention layer chains them (or the
  `legal.courts` names), and any national court by the noun phrase the parse gives a court noun
  ("tribunal", "cour", "court", "juge", "parquet"...) with its modifiers ("tribunal civil de X",
  "a district court in X", "la justice militaire malienne", "California federal judge" as a
  person's title); accents optional. A bare noun ("la Cour", "the judges") is the court named
  before it, else a national court named by that noun. A sentence that names no court but
  follows one that does speaks of that court ("Chile brought its claim ...", "Cette ordonnance
  répond à une requête ...", "It ordered Peru to ...").
* actions: every action cue of the sentence, each one record (one per action and respondent);
  the court of an action is the court nearest to its cue in the dependency tree. An order is
  provisional measures at the ICJ, a ruling elsewhere; an order given to someone ("told X to")
  counts only with the court, or a word standing for it, for subject. An ambiguous case noun
  ("case", "affaire") counts only when the parse shows proceedings: it is filed/brought/opened,
  or holds an "against" complement; an accusation ("X accused Y of") only with a court in its
  own sentence and the accused for object.
* claimant: the subject of a case verb ("X sued Y", "X filed a complaint"), the agent of a
  passive, a "by"/"par" complement, a possessor ("Nicaragua's demands"): never the respondent.
* respondent and subjects: the "against"/"contre" complement of the cue, else its object (of an
  order, a conviction, an accusation), else an "against" complement further down its phrase or
  of the noun it is the object of, the subject of a passive ("X est poursuivi"), the party in
  the content of a demand or a case. A state named there (by name, demonym or metonym) is the
  respondent, persons named there are the subjects (their state, by a demonym in any of their
  mentions, the respondent), an organisation stands for its gazetteer id (a government body for
  its state); a pronoun or a definite body noun ("it", "l'", "the company", "la société") is
  what the mention chain resolves it to. Without one: the respondent of the court's previous
  action, else of its next one, else the first state of the sentence that is neither in the
  court's name nor the claimant, else an organisation the gazetteer does not know, by its name.
* the date of an action is the date nearest to its cue in the parse, when near enough.
* records that would be the same action merge: same court, action and respondent, with subjects
  in common, none on one side, or the same charges (warrants sharing charges and respondent are
  one record), and dates that agree; their subjects, charges and evidence pool. A ruling of the
  court that ordered provisional measures against the same respondent is that order.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Span, Token

from armsledger.extract.context import DocContext, Mention, Sentence
from armsledger.extract.mentions import Mentions, Ref, fold, mentions_of
from armsledger.lang import Lexicon, cue_regex
from armsledger.model import LegalAction
from armsledger.normalize.actors import lookup_actor

INTERNATIONAL = ("ICC", "ICJ")
# the kinds of the mention layer's entities that can be a party (extract/mentions.py: Entity.kind)
PERSON, STATE, BODY, COURT = "person", "state", "org", "court"
PARTY_KINDS = (STATE, BODY, PERSON)
ALIGN_TO_TOKENS = "expand"  # spaCy's char_span mode: the tokens a character range touches
SUBJECT_DEPS = frozenset({"nsubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubj:pass", "nsubjpass"})
OBJECT_DEPS = frozenset({"obj", "dobj", "iobj", "obl:arg", "dative"})
AGENT_DEPS = frozenset({"agent", "obl:agent"})
PREPOSITION_DEPS = frozenset({"prep", "agent"})   # English: the preposition heads its object
CASE_DEPS = frozenset({"case"})                    # French (UD): the noun heads its preposition
OBJECT_OF_PREPOSITION = frozenset({"pobj"})
TARGETING_DEPS = frozenset({"acl", "advcl"})       # a participle in the role of "against" ("targeting X")
# where a noun phrase stops: clauses and punctuation hanging from it
CLAUSE_DEPS = frozenset({"acl", "acl:relcl", "relcl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "appos:relcl"})
# the actions a court itself performs (its verb has the court for subject)
COURT_ACTS = frozenset({"ruling", "order", "provisional_measures", "indictment"})
CONTENT_DEPS = frozenset({"acl", "ccomp", "relcl", "acl:relcl"})  # the content of a demand or a case
NAME_DEPS = frozenset({"appos", "flat", "flat:name", "compound", "nmod"})
# a court's name, a party's phrase, the search for a complement: bounded, so that a sentence of
# thousands of words (a list without stops) costs linear time however many cues it holds
MAX_COURT_WORDS = 12
MAX_PHRASE = 40
MAX_SEARCH = 80
MAX_DEPTH = 30
MAX_DATE_DISTANCE = 4  # arcs between an action's cue and its date in the parse
MAX_MERGE_LOOKBACK = 50  # records compared when settling (merging already happened as they came)
MODIFIER_DEPS = frozenset({"amod", "compound", "flat", "flat:name", "fixed", "nmod", "npadvmod", "nummod", "nmod:poss"})


class _FoldTable(dict):
    """`str.translate` table: a character to the first of its compatibility decomposition
    ("é" -> "e"), each worked out once."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = unicodedata.normalize("NFKD", chr(code))[0]
        return folded


_FOLDED = _FoldTable()


def _fold(text: str) -> str:
    """Lower case without accents, one character for one (offsets stay valid)."""
    lowered = text.lower()
    return lowered if lowered.isascii() else lowered.translate(_FOLDED)


@cache
def _folded_rx(lex: Lexicon, path: str):
    """The cue regex of the list at `path`, its entries folded (accents optional)."""
    return cue_regex([_fold(e) for e in lex.words(path)])


@cache
def _folded_set(lex: Lexicon, path: str) -> frozenset[str]:
    return frozenset(_fold(w) for w in lex.words(path))


@dataclass
class _Court:
    name: str
    tokens: frozenset[int]   # the token indices of its phrase
    head: int
    bare: bool = False       # a court noun without a name ("la Cour"): the court named before


@dataclass
class _Draft:
    court: str
    action: str
    respondent: str | None
    subjects: list[str]
    charges: list[str]
    date: str | None
    evidence: list[tuple[int, int]] = field(default_factory=list)
    fallback: str | None = None  # the respondent guessed from its sentence, when nothing better turns up
    court_state: str | None = None  # the state a national court's name holds: the very last resort


def _tokens_of(ctx: DocContext, start: int, end: int) -> Span:
    """The tokens that characters [start, end) touch (none for an empty or odd range)."""
    span = ctx.doc.char_span(start, end, alignment_mode=ALIGN_TO_TOKENS)
    return span if span is not None else ctx.doc[0:0]


class _Sentence:
    """One sentence with its tokens, the states and organisations the gazetteer finds on them
    (demonyms included, looked up by token index), and the document's mention layer."""

    def __init__(self, ctx: DocContext, sent: Sentence, mentions: Mentions):
        self.ctx, self.sent, self.mentions = ctx, sent, mentions
        self.span: Span = _tokens_of(ctx, sent.start, sent.end)
        self.folded = _fold(sent.text)
        self.states: dict[int, Mention] = {}
        self.orgs: dict[int, Mention] = {}
        for m in ctx.in_sentence(ctx.actors, sent):
            table = self.states if m.label == "GPE" else self.orgs
            for tok in self.tokens_of(m.start, m.end):
                table.setdefault(tok.i, m)
        self.claimant: set[int] | None = None  # found when first asked
        self.loose_persons: list[str] | None = None
        self._date_tokens: set[int] | None = None

    def tokens_of(self, start: int, end: int) -> Span:
        return _tokens_of(self.ctx, start, end)

    def token_at(self, offset: int) -> Token | None:
        """The token at character `offset` of the sentence text."""
        span = self.tokens_of(self.sent.start + offset, self.sent.start + offset + 1)
        return span[0] if len(span) else None

    def date_tokens(self) -> set[int]:
        """The indices of the tokens that the dates of the sentence cover."""
        if self._date_tokens is None:
            self._date_tokens = {t.i for d in self.ctx.in_sentence(self.ctx.dates, self.sent)
                                 for t in self.tokens_of(d.start, d.end)}
        return self._date_tokens

    def person_at(self, tok: Token) -> str | None:
        """The full name of the person a named mention on `tok` belongs to (not an actor's name)."""
        ent = self.mentions.entity_at(tok)
        if ent is None or ent.kind != "person" or lookup_actor(ent.name, self.ctx.lang) is not None:
            return None
        return self.ctx.full_name(ent.name)


# ---------------------------------------------------------------------- the parse, generically
def _complements(tok: Token, prepositions: frozenset[str], deep: bool = True) -> list[Token]:
    """The nouns `tok` governs through one of `prepositions` ("contre X", "against X"), with
    the nouns coordinated to them ("contre X et Y"); `deep`: down its phrase too."""
    out, todo, visited = [], [tok], 0
    while todo and visited < MAX_SEARCH:  # down the phrase: "par X contre Y" often hangs "contre Y" from X
        t = todo.pop()
        visited += 1
        for child in t.children:
            if child.dep_ in PREPOSITION_DEPS and _fold(child.text) in prepositions:
                out += [g for g in child.children if g.dep_ in OBJECT_OF_PREPOSITION]
            elif child.dep_ in TARGETING_DEPS and _fold(child.text) in prepositions:
                out += [g for g in child.children if g.dep_ in OBJECT_DEPS]  # "une enquête visant X"
            elif any(g.dep_ in CASE_DEPS and _fold(g.text) in prepositions for g in child.children):
                out.append(child)
            elif child.dep_ not in CLAUSE_DEPS and deep:
                todo.append(child)
    return [n for head in sorted(out, key=lambda t: t.i) for n in _with_conjuncts(head)]


def _with_conjuncts(tok: Token) -> list[Token]:
    out, todo = [], [tok]
    while todo and len(out) < MAX_PHRASE:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ == "conj"]
    return sorted(out, key=lambda t: t.i)


def _phrase(tok: Token, without: frozenset[str] = frozenset()) -> list[Token]:
    """The tokens of the noun phrase headed by `tok`, without its clauses and conjuncts, nor its
    complements through one of the prepositions `without` ("par X contre Y": X alone)."""
    out, todo = [], [tok]
    while todo and len(out) < MAX_PHRASE:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ not in CLAUSE_DEPS and c.dep_ not in ("conj", "cc")
                 and not (without and _introduced_by(c, without))]
    return sorted(out, key=lambda t: t.i)


def _introduced_by(tok: Token, prepositions: frozenset[str]) -> bool:
    """Is `tok` a complement through one of `prepositions` (the preposition, or a noun that has it)?"""
    return (tok.dep_ in PREPOSITION_DEPS and _fold(tok.text) in prepositions) or \
        any(g.dep_ in CASE_DEPS and _fold(g.text) in prepositions for g in tok.children)


def _tree_distance(a: Token, b: Token) -> int:
    up = {}
    t, d = a, 0
    while d < MAX_DEPTH:
        up[t.i] = d
        if t.head.i == t.i:
            break
        t, d = t.head, d + 1
    t, d = b, 0
    while t.i not in up:
        if t.head.i == t.i or d >= MAX_DEPTH:
            return 10_000  # not in one tree (sentence pieces), or too far apart to be related
        t, d = t.head, d + 1
    return up[t.i] + d


# ---------------------------------------------------------------------- courts
def _courts_in(s: _Sentence, lex: Lexicon) -> list[_Court]:
    ctx = s.ctx
    courts: list[_Court] = []
    taken: set[int] = set()
    for m in _court_mentions(s):  # the gazetteer's courts, as the mention layer chains them
        span = s.tokens_of(m.start, m.end)
        ent = s.mentions.entities[m.entity]
        if len(span):
            courts.append(_Court(ent.actor_id if ent.actor_id in INTERNATIONAL else m.text,
                                 frozenset(t.i for t in span), span.root.i))
            taken |= {t.i for t in span}
    for court in lex.words("legal.courts"):
        for match in _folded_rx(lex, f"legal.courts.{court}").finditer(s.folded):
            span = s.tokens_of(s.sent.start + match.start(), s.sent.start + match.end())
            if len(span) and not taken & {t.i for t in span}:
                courts.append(_Court(court, frozenset(t.i for t in span), span.root.i))
                taken |= {t.i for t in span}
    for match in _folded_rx(lex, "legal.court_names").finditer(s.folded):  # "le Conseil d'État"
        span = s.tokens_of(s.sent.start + match.start(), s.sent.start + match.end())
        if len(span) and not taken & {t.i for t in span}:
            courts.append(_Court(span.text, frozenset(t.i for t in span), span.root.i))
            taken |= {t.i for t in span}
    nouns = _folded_set(lex, "legal.court_nouns")
    needing = _folded_set(lex, "legal.court_nouns_needing_a_modifier")
    for tok in s.span:
        if tok.i in taken or _fold(tok.text) not in nouns or \
                (tok.dep_ == "compound" and s.person_at(tok.head) is None):
            continue  # a compound names a court only as a person's title ("federal judge Jeffrey White")
        phrase = _court_phrase(tok, lex, s.states)
        inner = next((c for c in courts if c.name in INTERNATIONAL and c.tokens & {t.i for t in phrase}), None)
        if inner is not None:  # "le procureur de la CPI": that court
            continue
        if len(phrase) == 1 and _fold(tok.text) in needing:
            continue  # "justice", "the judge" alone name no court
        words = [t for t in phrase if not t.is_punct]
        name = ctx.text[words[0].idx:words[-1].idx + len(words[-1].text)]
        courts.append(_Court(name, frozenset(t.i for t in phrase), tok.i, bare=not _names_a_place(s, phrase, tok)))
        taken |= {t.i for t in phrase}
    return courts


def _court_mentions(s: _Sentence) -> list:
    """The mentions of the sentence that the mention layer takes for a court (the gazetteer's)."""
    def build() -> tuple[list[int], list]:
        found = [m for m in s.mentions.mentions if m.kind == COURT and m.entity is not None]
        return [m.start for m in found], found
    starts, found = s.ctx.remember("legal.court_mentions", build)
    lo, hi = bisect_left(starts, s.sent.start), bisect_left(starts, s.sent.end)
    return [m for m in found[lo:hi] if m.end <= s.sent.end]


def _names_a_place(s: _Sentence, phrase: list[Token], noun: Token) -> bool:
    """Does a court's phrase name where it sits (a state, a demonym, a place), and no
    organisation ("the top UN court" is a periphrasis of a court named elsewhere)?"""
    modifiers = [t for t in phrase if t.i != noun.i]
    indices = {t.i for t in modifiers}
    if indices & set(s.orgs):
        return False
    return bool(indices & set(s.states)) or any(
        t.ent_type_ in ("GPE", "LOC") or (t.ent_type_ == "ORG" and t.i not in s.orgs) for t in modifiers)



def _court_phrase(noun: Token, lex: Lexicon, states: dict[int, Mention]) -> list[Token]:
    """The court noun with the modifiers that name the court: adjectives, compounds, a state as
    possessor, and complements through a naming preposition ("de Bruxelles", "in Aarhus"),
    determiners out."""
    preps = _folded_set(lex, "legal.name_prepositions")
    out, todo = [], [noun]
    while todo and len(out) < MAX_COURT_WORDS:
        t = todo.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in MODIFIER_DEPS or (c.dep_ == "poss" and c.i in states):
                todo.append(c)  # "Canada's Federal Court": a state's court
            elif c.dep_ in CASE_DEPS and t is not noun and (_fold(c.text) in preps or t.dep_ == "poss"):
                out.append(c)
            elif c.dep_ == "prep" and _fold(c.text) in preps:
                out.append(c)
                todo += [g for g in c.children if g.dep_ in OBJECT_OF_PREPOSITION]
            elif c.dep_ == "det" and t is not noun:
                out.append(c)  # "de la Haye"
    out = sorted(out, key=lambda t: t.i)
    # a phrase is one stretch of the text: stop at the first gap
    keep = [out[0]]
    for t in out[1:]:
        if t.i != keep[-1].i + 1:
            break
        keep.append(t)
    if noun not in keep:
        keep = [noun]
    return keep


# ---------------------------------------------------------------------- actions
@dataclass(frozen=True)
class _Cue:
    action: str             # an action of the records, or "order" (resolved by its court)
    tok: Token
    own_court: bool = False     # counts only with a court named in its own sentence ("accused X of")
    court_subject: bool = False  # counts only with the court for subject ("it told Israel to")
    favours: bool = False       # its object is the party that wins ("sided with X"), not the respondent


def _actions_in(s: _Sentence, lex: Lexicon) -> list[_Cue]:
    """The action cues of the sentence, in text order; "order" is resolved later by its court."""
    found: list[_Cue] = []
    seen: set[int] = set()
    groups = [(a, f"legal.actions.{a}", {}) for a in lex.words("legal.actions")] + [
        ("order", "legal.orders", {}), ("order", "legal.orders_to_someone", {"court_subject": True}),
        ("case", "legal.accusations", {"own_court": True})]
    for action, path, flags in groups:
        for m in _folded_rx(lex, path).finditer(s.folded):
            span = s.tokens_of(s.sent.start + m.start(), s.sent.start + m.end())
            if not len(span) or span.root.i in seen:
                continue
            if flags.get("own_court") and not any(c.dep_ in ("obj", "dobj") for c in span.root.children):
                continue  # an accusation is a case only with the accused for object ("X accused Y of")
            if flags.get("court_subject") and not any(c.dep_ == "xcomp" for c in span.root.children):
                continue  # an order to someone says what to do ("told Israel to allow"), not "told reporters"
            seen |= {t.i for t in span}
            favours = _folded_rx(lex, "legal.in_favour").fullmatch(m.group(0)) is not None
            found.append(_Cue(action, span.root, favours=favours, **flags))
    filing = _folded_rx(lex, "legal.filing_verbs")
    against = _folded_set(lex, "legal.against")
    ruled_on = {c.tok.i for c in found if c.action == "ruling"}  # "dismissed the case": a case there was
    for m in _folded_rx(lex, "legal.ambiguous_case_nouns").finditer(s.folded):
        tok = s.token_at(m.start())
        if tok is None or tok.i in seen:
            continue
        if (tok.head is not tok and (filing.fullmatch(_fold(tok.head.text)) or tok.head.i in ruled_on)) or \
                _complements(tok, against) or \
                any(filing.fullmatch(_fold(c.text)) for c in tok.children if c.dep_ in ("acl", "amod")):
            seen.add(tok.i)
            found.append(_Cue("case", tok))
    found.sort(key=lambda c: c.tok.i)
    return found


def _requested(cue: Token, lex: Lexicon) -> bool:
    """Is the act only asked for ("asked the court to order", "appelé la Cour à ordonner")?"""
    requests = _folded_rx(lex, "legal.requests")
    t, steps = cue, 0
    while t.head.i != t.i and steps < MAX_DEPTH:
        t, steps = t.head, steps + 1
        if requests.fullmatch(_fold(t.text)):
            return True
    return False


def _dominating(cue: Token, cues: set[int]) -> int | None:
    """The cue token above `cue` in the tree, if any ("rejeté la demande d'ordonner": rejeté)."""
    t, steps = cue, 0
    while t.head.i != t.i and steps < MAX_DEPTH:
        t, steps = t.head, steps + 1
        if t.i in cues:
            return t.i
    return None


def _court_of(cue: Token, courts: list[_Court]) -> _Court | None:
    if not courts:
        return None
    return min(courts, key=lambda c: (_tree_distance(cue, cue.doc[c.head]), abs(c.head - cue.i)))


# ---------------------------------------------------------------------- parties
def _parties_tokens(s: _Sentence, cue: Token, action: str) -> list[Token]:
    """The nouns that name who the action is against, from the parse around its cue (`action`
    as the cue gives it: "order" before its court decides). The object of a ruling is a party
    by its name ("rejected Russia's claim"), a pronoun or a body noun only after a verb of
    conviction ("convicted it", "a condamné la société"): elsewhere it is the case ("dismissed it")."""
    against = _folded_set(s.ctx.lex, "legal.warrant_for" if action == "arrest_warrant" else "legal.against")
    conviction = s.ctx.lex.rx("legal.convictions").fullmatch(cue.text) is not None
    resolve = action != "ruling" or conviction
    objects = [c for c in cue.children if c.dep_ in OBJECT_DEPS]
    if conviction and cue.pos_ == "NOUN":  # "la condamnation de Lafarge", "the conviction of X"
        objects += _complements(cue, _folded_set(s.ctx.lex, "legal.name_prepositions"), deep=False)
    found = _complements(cue, against, deep=False)
    if not found and action != "arrest_warrant":  # "accused Israel of genocide against ...": Israel
        found = [n for o in objects for n in _with_conjuncts(o) if _names_a_party_itself(s, n, resolve)]
    if not found:
        found = _complements(cue, against)
    if not found:  # "a déposé une plainte ... contre X", "l'affaire intentée contre X"
        heads = [cue.head] if cue.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"acl", "amod"} else []
        for tok in heads + objects:
            found = _complements(tok, against)
            if found:
                break
    if found or action == "arrest_warrant":
        return found
    # "condamné la France", "X est poursuivi"
    direct = [n for o in objects + [c for c in cue.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
              for n in _with_conjuncts(o)]
    found = [n for n in direct if _names_a_party_itself(s, n, resolve)]
    # "rejected X's demand that Y stop ...", "a case accusing Y of ...": the party in its clause
    for noun in ([cue] if not found else []) + [n for n in direct if not _names_a_party_itself(s, n, resolve)]:
        for clause in noun.children:
            if clause.dep_ in CONTENT_DEPS:
                found += [n for c in clause.children if c.dep_ in SUBJECT_DEPS | OBJECT_DEPS | PASSIVE_SUBJECT_DEPS
                          for n in _with_conjuncts(c) if _names_a_party_itself(s, n, resolve=False)]
    return found


def _names_a_party_itself(s: _Sentence, tok: Token, resolve: bool = True) -> bool:
    """Is the noun itself a party (a name, a noun with its demonym: "l'État belge", a government
    noun: "the authorities", or with `resolve` a word the chain resolves to one), not a thing
    that belongs to one ("la demande du Nicaragua")?"""
    ent = s.mentions.entity_at(tok)
    return tok.i in s.states or (ent is not None and ent.kind != COURT) or _unknown_name(s, tok) or \
        _fold(tok.text) in _folded_set(s.ctx.lex, "legal.government_nouns") or \
        any(c.dep_ == "amod" and c.i in s.states for c in tok.children) or \
        (resolve and _resolved(s, tok) is not None)


def _unknown_name(s: _Sentence, tok: Token) -> bool:
    """A proper noun that neither the NER nor the gazetteer knows ("convicted Lafarge")."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.ent_type_ and s.mentions.entity_at(tok) is None


def _proper_name(tok: Token) -> str:
    """The run of proper nouns around `tok`, as written ("Ashot Ashkelon Industries")."""
    doc, lo, hi = tok.doc, tok.i, tok.i
    while lo > 0 and tok.i - lo < MAX_COURT_WORDS and doc[lo - 1].pos_ == "PROPN":
        lo -= 1
    while hi + 1 < len(doc) and hi - tok.i < MAX_COURT_WORDS and doc[hi + 1].pos_ == "PROPN":
        hi += 1
    return doc[lo:hi + 1].text


def _resolved(s: _Sentence, tok: Token) -> Ref | None:
    """What a pronoun, "the latter" or a definite body noun ("it", "elle", "l'", "the company",
    "la société") stands for through the mention chain: a person, a state or an organisation,
    not a court. A body noun is the last body named before with that word in its name, else
    the last organisation; an object pronoun the mention layer has no kind for (French "l'",
    "la", "les") is the last state, organisation or person named."""
    lex, mentions = s.ctx.lex, s.mentions
    word = tok.text
    ref = None
    if mentions.pronoun_kind(tok) or lex.rx("latter").fullmatch(word):
        ref = mentions.resolve(tok)
        if ref is None or ref.entity is None:  # "contre elle" with no person named: the last party named
            ent = mentions.last(PARTY_KINDS, tok.idx)
            ref = mentions.ref(ent) if ent is not None else None
    elif lex.rx("speaker_body_nouns").fullmatch(word) and _fold(word) not in _folded_set(lex, "legal.court_nouns") \
            and _definite_and_bare(s, tok):
        ent = mentions.last((BODY, STATE), tok.idx, word=fold(word)) or mentions.last((BODY,), tok.idx)
        ref = mentions.ref(ent) if ent is not None else None
    elif tok.pos_ == "PRON" and tok.dep_ in OBJECT_DEPS and lex.rx("speaker_definite").fullmatch(word):
        ent = mentions.last(PARTY_KINDS, tok.idx)
        ref = mentions.ref(ent) if ent is not None else None
    if ref is None or ref.entity is None or mentions.entities[ref.entity].kind not in PARTY_KINDS:
        return None
    return ref


def _definite_and_bare(s: _Sentence, tok: Token) -> bool:
    """A noun with a definite determiner and no other modifier than a date ("the company",
    "la société mardi")."""
    definite = s.ctx.lex.rx("speaker_definite")
    children = [c for c in tok.children if not c.is_punct and c.i not in s.date_tokens()]
    return bool(children) and all(c.dep_ == "det" for c in children) and \
        any(definite.fullmatch(c.text) for c in children)


def _claimant_tokens(s: _Sentence, cues: list[_Cue]) -> set[int]:
    """Tokens of who brings the proceedings or the demand, never the respondent: the subject of
    a case verb ("X sued Y", "X a saisi la Cour") or of the verb a case noun is the object of
    ("X filed a complaint"), the agent of a passive, a "by"/"par" complement, a possessor
    ("Nicaragua's demands"), the party a ruling favours ("sided with X")."""
    if s.claimant is not None:
        return s.claimant
    by = _folded_set(s.ctx.lex, "legal.by")
    against = _folded_set(s.ctx.lex, "legal.against")
    filing = _folded_rx(s.ctx.lex, "legal.filing_verbs")
    out: set[int] = set()
    for tok in s.span:
        if tok.dep_ in ("poss", "nmod:poss") or any(c.dep_ in CASE_DEPS and _fold(c.text) in by for c in tok.children):
            out |= {t.i for t in _phrase(tok, against)}
        elif tok.dep_ in AGENT_DEPS or (tok.dep_ in PREPOSITION_DEPS and _fold(tok.text) in by):
            for c in tok.children:  # "by X", and "by X accusing Y" parsed as a clause under "by"
                nouns = [c] if c.dep_ in OBJECT_OF_PREPOSITION else [g for g in c.children if g.dep_ in SUBJECT_DEPS]
                out |= {t.i for n in nouns for t in _phrase(n, against)}
    for cue in cues:
        if cue.favours:  # "sided with X", "a donné raison à X": X
            out |= {t.i for c in cue.tok.children if c.dep_ not in CLAUSE_DEPS and c.dep_ not in SUBJECT_DEPS
                    for t in _phrase(c, against)}
        if cue.action != "case":
            continue
        filed = cue.tok.dep_ in OBJECT_DEPS and filing.fullmatch(_fold(cue.tok.head.text)) is not None
        verb = cue.tok.head if filed else cue.tok  # not who rejects a complaint ("X rejected the complaint")
        out |= {t.i for c in verb.children if c.dep_ in SUBJECT_DEPS for t in _phrase(c, against)}
    s.claimant = out
    return out


def _state_of(s: _Sentence, phrase: list[Token]) -> Mention | None:
    return next((s.states[t.i] for t in phrase if t.i in s.states), None)


@dataclass
class _Party:
    respondent: str | None      # a state id, or the id of a body the gazetteer knows
    subjects: list[str]
    body: str | None = None     # the name of a body the gazetteer does not know


def _parties_of(s: _Sentence, nouns: list[Token], not_parties: set[int], court: _Court,
                bodies: bool = True) -> list[_Party]:
    """For each noun naming a party (the claimant's and the charges' words left out): the
    respondent and the persons it names. The respondent is the state named in its phrase (by
    name, demonym or metonym), else the state of the person it names, else the organisation it
    names (its id: a government body stands for its state; a body the gazetteer does not know
    is kept by its name, as a last resort); a pronoun or a definite noun ("the company") stands
    for what the mention chain resolves it to; a government noun that names no state ("the
    government", "les autorités") is the state of a national court that names one ("a Dutch
    court"). Nouns of one respondent are one party, their persons pooled ("warrants for X and
    Y"). Without `bodies` (a warrant is for persons), an unknown body is no party of its own."""
    out: list[_Party] = []
    for noun in nouns:
        if noun.i in not_parties:
            continue
        phrase = _phrase(noun)
        persons = list(dict.fromkeys(name for t in phrase if (name := s.person_at(t)) is not None))
        state = _state_of(s, phrase)
        party = _Party(state.id if state is not None else None, persons)
        body = next((ent for t in phrase if (ent := s.mentions.entity_at(t)) is not None and ent.kind == BODY), None)
        if state is None and body is None and not persons and \
                _fold(noun.text) in _folded_set(s.ctx.lex, "legal.government_nouns"):
            found = _court_state(s.ctx, court)
            party.respondent = found.id if found is not None else None
        elif state is None and body is None and not persons:
            ref = _resolved(s, noun)
            if ref is None and _unknown_name(s, noun):
                party.body = _proper_name(noun) if bodies else None
                out.append(party)
                continue
            if ref is None:
                continue
            ent = s.mentions.entities[ref.entity]
            if ent.kind == PERSON:
                party.subjects = [s.ctx.full_name(ent.name)]
            else:
                body = ent
        if party.respondent is None and party.subjects:
            found = _state_of_person(s.ctx, party.subjects[0])
            party.respondent = found.id if found is not None else None
        if party.respondent is None and body is not None:
            party.respondent = body.actor_id
            party.body = None if body.actor_id or not bodies else body.name
        same = next((p for p in out if p.respondent == party.respondent and p.body == party.body), None)
        if same is None:
            out.append(party)
        else:
            same.subjects += [x for x in party.subjects if x not in same.subjects]
    return out


def _court_state(ctx: DocContext, court: _Court) -> Mention | None:
    """The state a national court's name holds ("a Dutch court", "le tribunal de Bruxelles" when
    the gazetteer knows the place), None for an international court."""
    if court.name in INTERNATIONAL:
        return None
    states = _doc_states(ctx)
    return next((states[i] for i in sorted(court.tokens) if i in states), None)


def _doc_states(ctx: DocContext) -> dict[int, Mention]:
    """The state mentions of the document (names, demonyms, metonyms) by token index, found once."""
    def build() -> dict[int, Mention]:
        out: dict[int, Mention] = {}
        for m in ctx.actors:
            if m.label == "GPE":
                for t in _tokens_of(ctx, m.start, m.end):
                    out.setdefault(t.i, m)
        return out
    return ctx.remember("legal.states", build)


def _state_of_person(ctx: DocContext, name: str) -> Mention | None:
    """The state a person belongs to, by a demonym or state in the phrase of any mention of
    them in the text ("le président russe Vladimir Poutine" ... "Poutine")."""
    def build() -> dict[str, Mention]:
        states = _doc_states(ctx)
        mentions = mentions_of(ctx)
        out: dict[str, Mention] = {}
        for m in mentions.mentions:
            if m.kind != "person" or m.entity is None:
                continue
            tok = ctx.doc[m.head]
            heads = [tok, tok.head] if tok.dep_ in NAME_DEPS else [tok]
            found = next((states[t.i] for h in heads for t in _phrase(h) if t.i in states), None)
            full = ctx.full_name(mentions.entities[m.entity].name)
            if found is not None and full not in out:
                out[full] = found
        return out
    return ctx.remember("legal.person_states", build).get(name)


def _sentence_persons(s: _Sentence) -> list[str]:
    """Persons of the sentence who are not the subject of a verb (who speaks or acts)."""
    speakers: set[int] = set()
    for tok in s.span:
        if tok.dep_ in SUBJECT_DEPS:  # the subject and the names in apposition to it, not its complements
            speakers |= {tok.i} | {c.i for c in tok.children if c.dep_ in NAME_DEPS - {"nmod"}}
    names: list[str] = []
    for tok in s.span:
        name = None if tok.i in speakers else s.person_at(tok)
        if name is not None and name not in names:
            names.append(name)
    return names


def _fallback_state(s: _Sentence, court: _Court, claimant: set[int]) -> str | None:
    """The first state of the sentence that is neither in the court's name nor the claimant."""
    for i in sorted(s.states):
        if i not in court.tokens and i not in claimant:
            return s.states[i].id
    return None


# ---------------------------------------------------------------------- records
def extract_legal_actions(ctx: DocContext) -> list[LegalAction]:
    """Court actions named in the text, one record per court, action and respondent (see the
    module docstring); records that would be the same action merge."""
    lex = ctx.lex
    mentions = mentions_of(ctx)
    found: list[tuple[_Sentence, list[_Court], list[_Cue], bool]] = []
    court_paths = ["legal.court_nouns", "legal.court_names"] + [f"legal.courts.{c}" for c in lex.words("legal.courts")]
    cue_paths = [f"legal.actions.{a}" for a in lex.words("legal.actions")] + [
        "legal.orders", "legal.orders_to_someone", "legal.ambiguous_case_nouns"]
    last_courts: list[_Court] = []  # the courts of the sentence before, when it named one
    last_acted = False               # and whether an action cue went with them
    for sent in ctx.sentences:
        folded = _fold(sent.text)
        named = any(_folded_rx(lex, path).search(folded) for path in court_paths)
        if not named and not last_courts:
            continue  # no court here or just before: no action
        s = _Sentence(ctx, sent, mentions)
        courts = _courts_in(s, lex) if named or _court_mentions(s) else []
        cues: list[_Cue] = []
        if courts:
            cues = _actions_in(s, lex)
            found.append((s, courts, cues, False))
        elif last_courts and any(_folded_rx(lex, path).search(folded) for path in cue_paths):
            # the court of the sentence before: after one of its actions ("Chile brought its claim
            # ...", "Cette ordonnance répond à une requête ..."), or when the cue's subject stands
            # for it ("The court has yet to rule. Even so, it has ordered Peru to ...")
            cues = [c for c in _actions_in(s, lex) if not c.own_court and
                    (last_acted or _subject_stands_for_a_court(s, c.tok))]
            if cues:
                found.append((s, [last_courts[-1]], cues, True))
        last_courts, last_acted = courts, bool(courts and cues)
    _resolve_bare_courts([courts for _, courts, _, inherited in found if not inherited])
    drafts: list[_Draft] = []
    for s, courts, cues, inherited in found:
        if cues:
            _record_actions(s, courts, cues, drafts)
    drafts = _settled(drafts)
    return [LegalAction(court=d.court, action=d.action, subjects=d.subjects, respondent=d.respondent,
                        charges=d.charges, date=d.date, evidence=d.evidence) for d in drafts]


def _resolve_bare_courts(courts_by_sentence: list[list[_Court]]) -> None:
    """A court noun that names no place ("la Cour", "the top UN court") is the court named last
    before it, else the first court the text names; with none, a national court of that name."""
    named = [c for courts in courts_by_sentence for c in courts if not c.bare]
    last = named[0] if named else None
    for courts in courts_by_sentence:
        last = next((c for c in reversed(courts) if not c.bare), last)
        for c in courts:
            if c.bare and last is not None:
                c.name = last.name


def _record_actions(s: _Sentence, courts: list[_Court], cues: list[_Cue], drafts: list[_Draft]) -> None:
    ctx, lex, sent = s.ctx, s.ctx.lex, s.sent
    found = list(lex.rx("legal.charges").finditer(sent.text))
    charges = list(dict.fromkeys(m.group(0) for m in found))
    # who is no party: the claimant, and the words of a charge ("crimes contre l'humanité")
    charged = {t.i for m in found for t in s.tokens_of(sent.start + m.start(), sent.start + m.end())}
    dates = [(d.value, s.tokens_of(d.start, d.end)) for d in ctx.in_sentence(ctx.dates, sent) if d.value]
    dates = [(value, span.root) for value, span in dates if len(span)]
    claimant = _claimant_tokens(s, cues)
    not_parties = claimant | charged
    live: list[tuple[_Cue, _Court]] = []
    for cue in cues:
        court = _court_of(cue.tok, courts)
        if court is None or cue.tok.i in court.tokens:
            continue
        if cue.action != "case" and _requested(cue.tok, lex):
            continue  # "asked the court to order": not done
        if (cue.action in COURT_ACTS or cue.court_subject) and not _done_by_court(s, cue, court):
            continue  # "la Russie a jugé ...": someone else's verb
        live.append((cue, court))
    cue_tokens = {cue.tok.i for cue, _ in live}
    under: dict[int, list[_Cue]] = {}  # the cues each cue dominates
    kept = []
    for cue, court in live:
        top = _dominating(cue.tok, cue_tokens)
        if top is not None and cue.action != "case":
            under.setdefault(top, []).append(cue)  # what a ruling is about
        else:
            kept.append((cue, court))
    for cue, court in kept:
        action = cue.action
        if action == "order":
            action = "provisional_measures" if court.name == "ICJ" else "ruling"
        if action == "ruling" and _names_the_decision_before(s, cue, drafts):
            continue
        parties = [] if cue.favours else _parties_of(s, _parties_tokens(s, cue.tok, cue.action), not_parties, court,
                                                           bodies=action != "arrest_warrant")
        for sub in under.get(cue.tok.i, ()):
            parties = parties or _parties_of(s, _parties_tokens(s, sub.tok, sub.action), not_parties, court,
                                              bodies=action != "arrest_warrant")
        if action == "arrest_warrant":  # the persons named around the warrant, whatever the parse of the list
            named = [p for party in parties for p in party.subjects]
            if s.loose_persons is None:
                s.loose_persons = _sentence_persons(s)
            extra = [p for p in s.loose_persons if p not in named]
            if extra:
                parties = parties or [_Party(None, [])]
                parties[0].subjects = parties[0].subjects + extra
        for party in parties or [_Party(None, [])]:
            draft = _Draft(court.name, action, party.respondent or _earlier_respondent(drafts, court.name),
                           party.subjects, charges, _date_of(cue.tok, dates), [(sent.start, sent.end)])
            if draft.respondent is None:  # decided once the text is read: see _settled
                draft.fallback = _fallback_state(s, court, claimant) or party.body
                state = _court_state(ctx, court)
                draft.court_state = state.id if state is not None else None
            _add(drafts, draft)


def _names_the_decision_before(s: _Sentence, cue: _Cue, drafts: list[_Draft]) -> bool:
    """Is the cue a definite noun that names a decision recorded before ("the decision",
    "cette décision", "the verdict" after a ruling or an order), with no party of its own? Then
    its sentence is more evidence of that decision, whatever court it names ("X will appeal the
    decision to the Supreme Court"); this returns True once it has added it."""
    tok = cue.tok
    definite = s.ctx.lex.rx("speaker_definite")
    if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and definite.fullmatch(c.text) for c in tok.children):
        return False
    if _parties_tokens(s, tok, cue.action):
        return False
    earlier = next((d for d in reversed(drafts[-MAX_MERGE_LOOKBACK:])
                    if d.action in ("ruling", "provisional_measures")), None)
    if earlier is None:
        return False
    evidence = (s.sent.start, s.sent.end)
    if evidence not in earlier.evidence:
        earlier.evidence.append(evidence)
    return True


def _date_of(cue: Token, dates: list[tuple[str, Token]]) -> str | None:
    """The date of the sentence nearest to the cue in the parse, if near enough to be its date
    ("ordered ... on Wednesday"), not that of another event of the sentence ("Ukraine filed its
    case shortly after the invasion began on Feb. 24")."""
    near = [(_tree_distance(cue, tok), i, value) for i, (value, tok) in enumerate(dates)]
    near = [x for x in near if x[0] <= MAX_DATE_DISTANCE]
    return min(near)[2] if near else None


def _subjects(verb: Token) -> list[Token]:
    """The subjects of `verb`, or of the verb it is coordinated to ("Peru arrested and convicted")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    while not subjects and verb.dep_ == "conj" and verb.head.i < verb.i:
        verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return subjects


def _stands_for_a_court(s: _Sentence, tok: Token) -> bool:
    """A pronoun or a court noun ("it", "elle", "the judge", "les juges")."""
    lex = s.ctx.lex
    return _fold(tok.text) in _folded_set(lex, "legal.pronouns") | _folded_set(lex, "legal.court_nouns")


def _subject_stands_for_a_court(s: _Sentence, tok: Token) -> bool:
    return any(_stands_for_a_court(s, subj) for subj in _subjects(tok))


def _done_by_court(s: _Sentence, cue: _Cue, court: _Court) -> bool:
    """A verb the court performs: its subject is the court, a word that stands for it (a
    pronoun, a court noun: "the judge", "les juges"), or it has none (a participle, a passive;
    not for an order given to someone, "told X to", which needs its subject); any other subject
    does the act itself."""
    subjects = _subjects(cue.tok)
    if not subjects:
        return not cue.court_subject
    return any({t.i for t in subj.subtree} & court.tokens or _stands_for_a_court(s, subj) for subj in subjects)


def _earlier_respondent(drafts: list[_Draft], court: str) -> str | None:
    return next((d.respondent for d in reversed(drafts) if d.court == court and d.respondent), None)


def _dates_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _add(drafts: list[_Draft], new: _Draft) -> None:
    """Merge `new` into the latest draft it would repeat, else keep it."""
    for old in reversed(drafts):
        if _merged(old, new):
            return
    drafts.append(new)


def _merged(old: _Draft, new: _Draft) -> bool:
    """Fold `new` into `old` when it repeats it: same court, action and respondent (or none),
    subjects in common (or none on one side, or the same charges), dates that agree."""
    if (old.court, old.action) != (new.court, new.action):
        return False
    if new.respondent is not None and old.respondent not in (None, new.respondent):
        return False
    if old.subjects and new.subjects and not set(old.subjects) & set(new.subjects) and \
            not (old.charges and set(old.charges) == set(new.charges)):
        return False  # other persons, on other charges: another warrant
    if not _dates_agree(old.date, new.date):
        return False
    old.respondent = old.respondent or new.respondent
    old.fallback = old.fallback or new.fallback if old.respondent is None else None
    old.court_state = old.court_state or new.court_state if old.respondent is None else None
    old.subjects += [x for x in new.subjects if x not in old.subjects]
    old.charges += [x for x in new.charges if x not in old.charges]
    old.date = old.date or new.date
    old.evidence += [e for e in new.evidence if e not in old.evidence]
    return True


def _settled(drafts: list[_Draft]) -> list[_Draft]:
    """The records once the whole text is read. An action still without a respondent takes the
    respondent of the next action of its court ("the judge ruled ..." before "the lawsuit
    against X"), else the first state of its sentence that is not the claimant, else a body the
    gazetteer does not know, by its name, else the state of a national court ("a court in
    Berlin"); records that then repeat one another merge. A ruling of the court that ordered provisional measures
    against the same respondent, on dates that agree, is that order ("the decision", "la
    décision" of the court): it joins it."""
    after: dict[str, str] = {}
    for d in reversed(drafts):
        if d.respondent is None:
            d.respondent = after.get(d.court) or d.fallback or d.court_state
        else:
            after[d.court] = d.respondent
    out: list[_Draft] = []
    for d in drafts:
        if not any(_merged(old, d) for old in reversed(out[-MAX_MERGE_LOOKBACK:])):
            out.append(d)
    orders = {(d.court, d.respondent): d for d in out if d.action == "provisional_measures" and d.respondent}
    kept = []
    for d in out:
        order = orders.get((d.court, d.respondent)) if d.action == "ruling" else None
        if order is not None and _dates_agree(order.date, d.date):
            order.evidence += [e for e in d.evidence if e not in order.evidence]
            order.date = order.date or d.date
            continue
        kept.append(d)
    return kept
