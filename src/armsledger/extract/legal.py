"""Legal actions: warrants, cases, rulings, provisional measures, investigations, indictments.

Read from the parse, sentence by sentence, with the words of `lang/*/legal.json`:

* courts: the international courts by name or acronym (the gazetteer's court mentions, or the
  `legal.courts` names), and any national court by its noun phrase: a court noun ("tribunal",
  "cour", "court", "juge", "parquet"...) with its modifiers ("tribunal civil de X", "a district
  court in X", "la justice militaire malienne"); accents optional. A bare noun ("la Cour", "the
  judges") is the court named before it, else a national court named by that noun.
* actions: every action cue of the sentence, each one record (one per action and respondent);
  the court of an action is the court nearest to its cue in the dependency tree. An order is
  provisional measures at the ICJ, a ruling elsewhere. An ambiguous case noun ("case",
  "affaire") counts only when the parse shows proceedings: it is filed/brought/opened, or
  holds an "against" complement.
* respondent and subjects: the "against"/"contre" complement of the cue (or of the noun it is
  the object of, or of that noun's own complements), the object of an order or a conviction,
  the subject of a passive ("X est poursuivi"): a state named there is the respondent, persons
  named there are the subjects (and their state, by a demonym in their phrase, the respondent).
  Without one: the respondent of the court's previous action in the text, else the first state
  of the sentence that is neither in the court's name nor the plaintiff.
* records that would be the same action merge: same court, action and respondent, with subjects
  in common, none on one side, or the same charges (warrants sharing charges and respondent are
  one record), and dates that agree; their subjects, charges and evidence pool.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Span, Token

from armsledger.extract.context import DocContext, Mention, Person, Sentence
from armsledger.lang import Lexicon, cue_regex
from armsledger.model import LegalAction
from armsledger.normalize.actors import lookup_actor

INTERNATIONAL = ("ICC", "ICJ")
SUBJECT_DEPS = frozenset({"nsubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubj:pass", "nsubjpass"})
OBJECT_DEPS = frozenset({"obj", "dobj", "iobj", "obl:arg", "dative"})
AGENT_DEPS = frozenset({"agent", "obl:agent"})
PREPOSITION_DEPS = frozenset({"prep", "agent"})   # English: the preposition heads its object
CASE_DEPS = frozenset({"case"})                    # French (UD): the noun heads its preposition
OBJECT_OF_PREPOSITION = frozenset({"pobj"})
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
MODIFIER_DEPS = frozenset({"amod", "compound", "flat", "flat:name", "fixed", "nmod", "npadvmod", "nummod", "nmod:poss"})


def _fold(text: str) -> str:
    """Lower case without accents, one character for one (offsets stay valid)."""
    return "".join(unicodedata.normalize("NFKD", c)[0] for c in text.lower())


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

    @property
    def kind(self) -> str:
        return self.name if self.name in INTERNATIONAL else "national"


@dataclass
class _Draft:
    court: str
    action: str
    respondent: str | None
    subjects: list[str]
    charges: list[str]
    date: str | None
    evidence: list[tuple[int, int]] = field(default_factory=list)


class _Sentence:
    """One sentence with its tokens and the mentions on them, looked up by token index."""

    def __init__(self, ctx: DocContext, sent: Sentence):
        self.ctx, self.sent = ctx, sent
        self.span: Span = ctx.doc.char_span(sent.start, sent.end, alignment_mode="expand")
        self.folded = _fold(sent.text)
        self.states: dict[int, Mention] = {}
        self.orgs: dict[int, Mention] = {}
        for m in ctx.in_sentence(ctx.actors, sent):
            table = self.states if m.label == "GPE" else self.orgs
            for tok in self.tokens_of(m.start, m.end):
                table.setdefault(tok.i, m)
        self.plaintiff: set[int] | None = None  # found when first asked
        self.loose_persons: list[str] | None = None
        self.persons: dict[int, Person] = {}
        for p in ctx.in_sentence(ctx.persons, sent):
            for tok in self.tokens_of(p.start, p.end):
                self.persons.setdefault(tok.i, p)

    def tokens_of(self, start: int, end: int) -> Span:
        span = self.ctx.doc.char_span(start, end, alignment_mode="expand")
        return span if span is not None else self.ctx.doc[0:0]

    def token_at(self, offset: int) -> Token | None:
        """The token at character `offset` of the sentence text."""
        span = self.tokens_of(self.sent.start + offset, self.sent.start + offset + 1)
        return span[0] if len(span) else None


# ---------------------------------------------------------------------- the parse, generically
def _complements(tok: Token, prepositions: frozenset[str]) -> list[Token]:
    """The nouns `tok` governs through one of `prepositions` ("contre X", "against X"), with
    the nouns coordinated to them ("contre X et Y")."""
    out, todo, visited = [], [tok], 0
    while todo and visited < MAX_SEARCH:  # down the phrase: "par X contre Y" often hangs "contre Y" from X
        t = todo.pop()
        visited += 1
        for child in t.children:
            if child.dep_ in PREPOSITION_DEPS and _fold(child.text) in prepositions:
                out += [g for g in child.children if g.dep_ in OBJECT_OF_PREPOSITION]
            elif any(g.dep_ in CASE_DEPS and _fold(g.text) in prepositions for g in child.children):
                out.append(child)
            elif child.dep_ not in CLAUSE_DEPS:
                todo.append(child)
    return [n for head in sorted(out, key=lambda t: t.i) for n in _with_conjuncts(head)]


def _with_conjuncts(tok: Token) -> list[Token]:
    out, todo = [], [tok]
    while todo and len(out) < MAX_PHRASE:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ == "conj"]
    return sorted(out, key=lambda t: t.i)


def _phrase(tok: Token) -> list[Token]:
    """The tokens of the noun phrase headed by `tok`, without its clauses and conjuncts."""
    out, todo = [], [tok]
    while todo and len(out) < MAX_PHRASE:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ not in CLAUSE_DEPS and c.dep_ not in ("conj", "cc")]
    return sorted(out, key=lambda t: t.i)


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
    for m in ctx.in_sentence(ctx.courts, s.sent):
        span = s.tokens_of(m.start, m.end)
        if len(span):
            courts.append(_Court(m.id if m.id in INTERNATIONAL else m.surface, frozenset(t.i for t in span), span.root.i))
            taken |= {t.i for t in span}
    for court in lex.words("legal.courts"):
        for match in _folded_rx(lex, f"legal.courts.{court}").finditer(s.folded):
            span = s.tokens_of(s.sent.start + match.start(), s.sent.start + match.end())
            if len(span) and not taken & {t.i for t in span}:
                courts.append(_Court(court, frozenset(t.i for t in span), span.root.i))
                taken |= {t.i for t in span}
    nouns = _folded_set(lex, "legal.court_nouns")
    needing = _folded_set(lex, "legal.court_nouns_needing_a_modifier")
    for tok in s.span:
        if tok.i in taken or _fold(tok.text) not in nouns or tok.dep_ == "compound":
            continue
        phrase = _court_phrase(tok, lex)
        inner = next((c for c in courts if c.kind != "national" and c.tokens & {t.i for t in phrase}), None)
        if inner is not None:  # "le procureur de la CPI": that court
            continue
        if len(phrase) == 1 and _fold(tok.text) in needing:
            continue  # "justice", "the judge" alone name no court
        words = [t for t in phrase if not t.is_punct]
        name = ctx.text[words[0].idx:words[-1].idx + len(words[-1].text)]
        courts.append(_Court(name, frozenset(t.i for t in phrase), tok.i, bare=not _names_a_place(s, phrase, tok)))
        taken |= {t.i for t in phrase}
    return courts


def _names_a_place(s: _Sentence, phrase: list[Token], noun: Token) -> bool:
    """Does a court's phrase name where it sits (a state, a demonym, a place), and no
    organisation ("the top UN court" is a periphrasis of a court named elsewhere)?"""
    modifiers = [t for t in phrase if t.i != noun.i]
    indices = {t.i for t in modifiers}
    if indices & set(s.orgs):
        return False
    return bool(indices & set(s.states)) or any(
        t.ent_type_ in ("GPE", "LOC") or (t.ent_type_ == "ORG" and t.i not in s.orgs) for t in modifiers)



def _court_phrase(noun: Token, lex: Lexicon) -> list[Token]:
    """The court noun with the modifiers that name the court: adjectives, compounds, and
    complements through a naming preposition ("de Bruxelles", "in Aarhus"), determiners out."""
    preps = _folded_set(lex, "legal.name_prepositions")
    out, todo = [], [noun]
    while todo and len(out) < MAX_COURT_WORDS:
        t = todo.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in MODIFIER_DEPS:
                todo.append(c)
            elif c.dep_ in CASE_DEPS and t is not noun and _fold(c.text) in preps:
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
def _actions_in(s: _Sentence, lex: Lexicon) -> list[tuple[str, Token]]:
    """(action, cue token) for each action cue of the sentence, in text order; "order" is
    resolved later by its court."""
    found: list[tuple[int, str, Token]] = []
    seen: set[int] = set()
    groups = [(a, f"legal.actions.{a}") for a in lex.words("legal.actions")] + [("order", "legal.orders")]
    for action, path in groups:
        for m in _folded_rx(lex, path).finditer(s.folded):
            span = s.tokens_of(s.sent.start + m.start(), s.sent.start + m.end())
            if not len(span) or span.root.i in seen:
                continue
            seen |= {t.i for t in span}
            found.append((span.root.i, action, span.root))
    filing = _folded_rx(lex, "legal.filing_verbs")
    against = _folded_set(lex, "legal.against")
    ruled_on = {t.i for _, a, t in found if a == "ruling"}  # "dismissed the case": a case there was
    for m in _folded_rx(lex, "legal.ambiguous_case_nouns").finditer(s.folded):
        tok = s.token_at(m.start())
        if tok is None or tok.i in seen:
            continue
        if (tok.head is not tok and (filing.fullmatch(_fold(tok.head.text)) or tok.head.i in ruled_on)) or \
                _complements(tok, against) or \
                any(filing.fullmatch(_fold(c.text)) for c in tok.children if c.dep_ in ("acl", "amod")):
            seen.add(tok.i)
            found.append((tok.i, "case", tok))
    found.sort(key=lambda x: x[0])
    return [(a, t) for _, a, t in found]


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
def _parties_tokens(cue: Token, action: str, lex: Lexicon) -> list[Token]:
    """The nouns that name who the action is against, from the parse around its cue."""
    against = _folded_set(lex, "legal.warrant_for" if action == "arrest_warrant" else "legal.against")
    found = _complements(cue, against)
    objects = [c for c in cue.children if c.dep_ in OBJECT_DEPS]
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
    found = [n for n in direct if _names_a_party_itself(n)]
    # "rejected X's demand that Y stop ...", "a case accusing Y of ...": the party in its clause
    for noun in ([cue] if not found else []) + [n for n in direct if not _names_a_party_itself(n)]:
        for clause in noun.children:
            if clause.dep_ in CONTENT_DEPS:
                found += [n for c in clause.children if c.dep_ in SUBJECT_DEPS | OBJECT_DEPS | PASSIVE_SUBJECT_DEPS
                          for n in _with_conjuncts(c) if _names_a_party_itself(n)]
    return found


def _names_a_party_itself(tok: Token) -> bool:
    """Is the object itself a party (a name, or a noun with its demonym: "l'État belge"), not a
    thing that belongs to one ("la demande du Nicaragua")?"""
    return tok.ent_type_ in ("GPE", "PERSON", "ORG") or any(
        c.dep_ == "amod" and c.ent_type_ == "GPE" for c in tok.children)


def _plaintiff_tokens(s: _Sentence) -> set[int]:
    """Tokens of who brings the proceedings or the demand: the agent of a passive, a "by"/"par"
    complement, a possessor ("Nicaragua's demands"); kept out of the respondent fallback."""
    by = _folded_set(s.ctx.lex, "legal.by")
    out: set[int] = set()
    for tok in s.span:
        if tok.dep_ in ("poss", "nmod:poss") or any(c.dep_ in CASE_DEPS and _fold(c.text) in by for c in tok.children):
            out |= {t.i for t in _phrase(tok)}
        elif tok.dep_ in AGENT_DEPS or (tok.dep_ in PREPOSITION_DEPS and _fold(tok.text) in by):
            for c in tok.children:  # "by X", and "by X accusing Y" parsed as a clause under "by"
                nouns = [c] if c.dep_ in OBJECT_OF_PREPOSITION else [g for g in c.children if g.dep_ in SUBJECT_DEPS]
                out |= {t.i for n in nouns for t in _phrase(n)}
    return out


def _state_of(s: _Sentence, phrase: list[Token]) -> Mention | None:
    return next((s.states[t.i] for t in phrase if t.i in s.states), None)


def _subjects_and_states(s: _Sentence, nouns: list[Token]) -> list[tuple[str | None, list[str]]]:
    """For each noun naming a party: (its state id, the persons it names)."""
    out = []
    for noun in nouns:
        phrase = _phrase(noun)
        persons = []
        for t in phrase:
            p = s.persons.get(t.i)
            if p is not None and lookup_actor(p.name, s.ctx.lang) is None:
                name = s.ctx.full_name(p.name)
                if name not in persons:
                    persons.append(name)
        state = _state_of(s, phrase)
        if state is None and persons:
            state = _state_of_person(s.ctx, persons[0])
        org = next((s.orgs[t.i] for t in phrase if t.i in s.orgs), None)
        if state is None and org is None and not persons:
            continue
        out.append((state.id if state else None, persons))
    return out


def _state_of_person(ctx: DocContext, name: str) -> Mention | None:
    """The state a person belongs to, by a demonym or state in the phrase of any mention of
    them in the text ("le président russe Vladimir Poutine" ... "Poutine")."""
    def build() -> dict[str, Mention]:
        states: dict[int, Mention] = {}
        for m in ctx.actors:
            if m.label == "GPE":
                span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
                for t in span if span is not None else ():
                    states.setdefault(t.i, m)
        out: dict[str, Mention] = {}
        for p in ctx.persons:
            span = ctx.doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            tok = span.root
            heads = [tok, tok.head] if tok.dep_ in NAME_DEPS else [tok]
            found = next((states[t.i] for h in heads for t in _phrase(h) if t.i in states), None)
            full = ctx.full_name(p.name)
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
    names = []
    for i, p in s.persons.items():
        if i in speakers or lookup_actor(p.name, s.ctx.lang) is not None:
            continue
        name = s.ctx.full_name(p.name)
        if name not in names:
            names.append(name)
    return names


def _fallback_state(s: _Sentence, court: _Court) -> str | None:
    if s.plaintiff is None:
        s.plaintiff = _plaintiff_tokens(s)
    plaintiff = s.plaintiff
    for i in sorted(s.states):
        if i not in court.tokens and i not in plaintiff:
            return s.states[i].id
    return None


# ---------------------------------------------------------------------- records
def extract_legal_actions(ctx: DocContext) -> list[LegalAction]:
    """Court actions named in the text, one record per court, action and respondent (see the
    module docstring); records that would be the same action merge."""
    lex = ctx.lex
    found: list[tuple[_Sentence, list[_Court], list[tuple[str, Token]]]] = []
    court_paths = ["legal.court_nouns"] + [f"legal.courts.{c}" for c in lex.words("legal.courts")]
    for sent in ctx.sentences:
        folded = _fold(sent.text)
        if not any(_folded_rx(lex, path).search(folded) for path in court_paths) \
                and not ctx.in_sentence(ctx.courts, sent):
            continue  # no court, no action
        s = _Sentence(ctx, sent)
        courts = _courts_in(s, lex)
        if courts:
            found.append((s, courts, _actions_in(s, lex)))
    _resolve_bare_courts([courts for _, courts, _ in found])
    drafts: list[_Draft] = []
    for s, courts, actions in found:
        if actions:
            _record_actions(s, courts, actions, drafts)
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


def _record_actions(s: _Sentence, courts: list[_Court], actions: list[tuple[str, Token]],
                    drafts: list[_Draft]) -> None:
    ctx, lex, sent = s.ctx, s.ctx.lex, s.sent
    charges = list(dict.fromkeys(m.group(0) for m in lex.rx("legal.charges").finditer(sent.text)))
    date = next((d.value for d in ctx.in_sentence(ctx.dates, sent) if d.value), None)
    live: list[tuple[str, Token, _Court]] = []
    for action, cue in actions:
        court = _court_of(cue, courts)
        if court is None or cue.i in court.tokens:
            continue
        if action != "case" and _requested(cue, lex):
            continue  # "asked the court to order": not done
        if action in COURT_ACTS and not _done_by_court(cue, court, lex):
            continue  # "la Russie a jugé ...": someone else's verb
        live.append((action, cue, court))
    cue_tokens = {cue.i for _, cue, _ in live}
    under: dict[int, list[tuple[str, Token]]] = {}  # the cues each cue dominates
    kept = []
    for action, cue, court in live:
        top = _dominating(cue, cue_tokens)
        if top is not None and action != "case":
            under.setdefault(top, []).append((action, cue))  # what a ruling is about
        else:
            kept.append((action, cue, court))
    for action, cue, court in kept:
        if action == "order":
            action = "provisional_measures" if court.name == "ICJ" else "ruling"
        parties = _subjects_and_states(s, _parties_tokens(cue, action, lex))
        for sub_action, sub in under.get(cue.i, ()):
            parties = parties or _subjects_and_states(s, _parties_tokens(sub, sub_action, lex))
        if action == "arrest_warrant":  # the persons named around the warrant, whatever the parse of the list
            named = [p for _, persons in parties for p in persons]
            if s.loose_persons is None:
                s.loose_persons = _sentence_persons(s)
            extra = [p for p in s.loose_persons if p not in named]
            if extra:
                parties = (parties or [(None, [])])
                parties[0] = (parties[0][0], parties[0][1] + extra)
        if not parties:
            parties = [(None, [])]
        for respondent, subjects in parties:
            respondent = respondent or _earlier_respondent(drafts, court.name) or _fallback_state(s, court)
            _add(drafts, _Draft(court.name, action, respondent, subjects, charges, date, [(sent.start, sent.end)]))


def _done_by_court(cue: Token, court: _Court, lex: Lexicon) -> bool:
    """A verb the court performs: its subject is the court, a pronoun, or it has none (a
    participle, a passive); any other subject does the act itself."""
    subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS]
    if not subjects:
        return True
    return any({t.i for t in subj.subtree} & court.tokens or _fold(subj.text) in _folded_set(lex, "legal.pronouns")
               for subj in subjects)


def _earlier_respondent(drafts: list[_Draft], court: str) -> str | None:
    return next((d.respondent for d in reversed(drafts) if d.court == court and d.respondent), None)


def _dates_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _add(drafts: list[_Draft], new: _Draft) -> None:
    """Merge `new` into the latest draft it would repeat, else keep it."""
    for old in reversed(drafts):
        if (old.court, old.action) != (new.court, new.action):
            continue
        if new.respondent is not None and old.respondent not in (None, new.respondent):
            continue
        if old.subjects and new.subjects and not set(old.subjects) & set(new.subjects) and \
                not (old.charges and set(old.charges) == set(new.charges)):
            continue  # other persons, on other charges: another warrant
        if not _dates_agree(old.date, new.date):
            continue
        old.respondent = old.respondent or new.respondent
        old.subjects += [x for x in new.subjects if x not in old.subjects]
        old.charges += [x for x in new.charges if x not in old.charges]
        old.date = old.date or new.date
        old.evidence += [e for e in new.evidence if e not in old.evidence]
        return
    drafts.append(new)
