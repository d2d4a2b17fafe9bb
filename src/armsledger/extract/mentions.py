"""Mentions and their chains: which words of a document name the same person or body.

Built once per document (`mentions_of(ctx)`), then asked by every extractor that needs "who":

* **named mentions**, in text order: the persons the NER finds, the organisations and states it
  or the gazetteer finds (an organisation unknown to the gazetteer is a mention too: open
  vocabulary), each with its place in the parse (`role`: subject, object, agent, dative,
  possessor, oblique; the verb it hangs from; negation) and chained into an `Entity`:
  full name <- surname <- title + surname; long form <-> acronym ("... Agency (DSCA)", or an
  acronym spelling the initials of a name given before); one gazetteer id, one entity;
* **numbers, money, dates and weapons** as typed mentions with their place in the parse;
* `resolve(tok)`: the entity any other word stands for, read from the parse at that token:
  a pronoun (he/she -> a person, it -> a body, they -> the last speaker or body), "the latter",
  a relative pronoun (its antecedent), "a spokesperson for X" (X, the role kept), a statement or
  a toll ("the statement", "le bilan": the body that issued it, else the body last named acting),
  an agreement (itself, as the text first names it: "un accord bilatéral de sécurité"), a lawsuit
  (whoever filed it), "ce texte" (the kind of text named before it), a definite body noun ("the
  ministry", "le tribunal": the last body of that kind named before; "the South Korean firm": the
  last company; "the UN's highest court": the last court; "l'agence chargée ... (DSCA)": the name
  in brackets), a definite role noun ("the minister": the person the text introduced with that
  role), "ils" opening a sentence (the plural subject of the one before), a proper noun the NER
  missed, or any other noun phrase ("officials", "a farmer" ... "the farmer": its first mention).

Every question is answered from tables built in one pass (by surname, by acronym, by head word,
by kind with bisection over starts): the work stays linear in the length of the document.
All words are in the language's data files (`speech.json`, `actors.json`, `sources.json`).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field

from armsledger.extract.context import DocContext
from armsledger.normalize.actors import lookup_actor

# parse relations of a mention to the verb it hangs from, by dependency label (fr UD, en ClearNLP)
ROLE_OF_DEP = {"nsubj": "subject", "nsubj:pass": "subject", "nsubjpass": "subject", "csubj": "subject",
               "expl:subj": "subject", "obj": "object", "dobj": "object", "obl:agent": "agent", "agent": "agent",
               "iobj": "dative", "dative": "dative", "obl:arg": "oblique", "obl": "oblique", "obl:mod": "oblique",
               "pobj": "oblique", "poss": "possessor", "nmod:poss": "possessor", "nmod": "possessor"}
LEFT_KEEP = {"compound", "amod", "flat:name", "flat", "nmod", "poss", "npadvmod", "nmod:poss"}
RIGHT_KEEP = {"flat:name", "flat", "compound", "amod"}
RIGHT_COMPLEMENTS = RIGHT_KEEP | {"case", "det", "nmod", "pobj", "prep", "appos"}
ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)")
ARTICLE = re.compile(r"^(?:l['’]\s*|(?:le|la|les|the)\s+)", re.IGNORECASE)
NAME_LABELS = {"PERSON", "ORG", "GPE"}
BODIES = ("org", "court")  # the kinds of entity that are bodies
EXPAND = "expand"  # spaCy's alignment of a character span to whole tokens


@dataclass
class Entity:
    """One person or body of the document: every mention of it shares this id."""
    id: int
    kind: str                  # person | org | state | court | group
    name: str                  # as first given in full (persons: the longest form given)
    start: int                 # where it is first named
    actor_id: str | None = None  # gazetteer id (ISO3, org id) when it has one
    org_kind: str | None = None  # gazetteer kind (official, agency, ngo, court, media, company ...)
    role: str | None = None      # the role the text gives a person ("porte-parole du ministère")
    acronym: str | None = None


@dataclass(frozen=True)
class Mention:
    """A word or phrase of the text that names something, with its place in the parse."""
    id: int
    start: int
    end: int
    head: int                  # token index of its head word
    kind: str                  # person | org | state | court | number | money | date | weapon
    text: str
    entity: int | None         # the chain it belongs to (actors only)
    role: str                  # subject | object | agent | dative | possessor | oblique | other
    verb: int | None           # token index of the verb it hangs from
    negated: bool              # that verb is negated


@dataclass(frozen=True)
class Ref:
    """What a word resolves to: an entity of the chain, or the text's own noun phrase."""
    name: str
    kind: str                  # person | org | state | court | group
    start: int
    role: str | None = None
    actor_id: str | None = None
    org_kind: str | None = None
    entity: int | None = None
    person_role: str | None = None  # the role the text gave the person (for the kind of a source)
    full_name: str | None = None    # a body's name as first given in full (the source of a figure)

    @property
    def long_name(self) -> str:
        return self.full_name or self.name


def fold(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.replace("’", "'").casefold()


def is_speech_verb(ctx: DocContext, tok) -> bool:
    """Is `tok` a verb of saying ("said", "a déclaré", with its auxiliaries)?"""
    if not tok.text[:1].isalpha() or tok.pos_ in {"NOUN", "PROPN", "PRON", "DET", "ADP"}:
        return False
    text = ctx.text
    start = min([tok.idx] + [c.idx for c in tok.children if c.dep_.startswith("aux") and c.i < tok.i])
    rx = ctx.lex.rx("speech_verbs")
    return rx.match(text[start:tok.idx + len(tok.text) + 12]) is not None or \
        rx.match(text[tok.idx:tok.idx + len(tok.text) + 12]) is not None


# ---------------------------------------------------------------- noun phrases from the parse
def left_edge(tok, keep_det: bool = True):
    """The first token of the words right before `tok` that modify it (compounds, adjectives,
    names, possessors), read back token by token so a bad parse never reaches a far clause."""
    doc, i = tok.doc, tok.i
    while i > 0 and i > tok.i - 8:
        prev = doc[i - 1]
        if not (i - 1 < prev.head.i <= tok.i):
            break
        if prev.dep_ in LEFT_KEEP or (keep_det and prev.dep_ in {"det", "poss", "case"}) or prev.text in {"-", "."}:
            i -= 1
            continue
        break
    return doc[i]


def right_edge(tok):
    """The last token of the names and complements right after `tok` ("Coalition du Nord"),
    read token by token, stopping at a comma or a conjunction."""
    doc, j = tok.doc, tok.i
    while j + 1 < len(doc) and j < tok.i + 12:
        nxt = doc[j + 1]
        if not (tok.i <= nxt.head.i <= j + 3) or nxt.dep_ not in RIGHT_COMPLEMENTS or nxt.is_punct:
            break
        j += 1
    while j > tok.i and (doc[j].dep_ in {"case", "det", "prep"} or doc[j].head.i > j):
        j -= 1
    return doc[j]


def phrase(ctx: DocContext, tok, drop, core: bool = False) -> str:
    """The noun phrase of `tok`: its compounds, adjectives and names, without determiners,
    numerals or clauses; the leading words in `drop` (articles, "one", "some") left out. `core`:
    only the complements that are part of a name ("of X", "de X"), not "against the government"
    nor a bare noun ("un accord de sécurité vendredi")."""
    words = [t for t in tok.doc[left_edge(tok).i:tok.i + 1] if t.dep_ not in {"det", "punct"} or t.text == "-"]
    right = list(tok.doc[tok.i + 1:right_edge(tok).i + 1])
    if core:
        keep = ctx.lex.rx("name_prepositions")
        for k, t in enumerate(right):
            if t.dep_ in {"prep", "case"} and not keep.fullmatch(t.text) or (
                    t.head.i == tok.i and t.pos_ in {"NOUN", "PROPN"} and t.dep_ in {"nmod", "npadvmod", "obl:mod"}
                    and not any(c.dep_ == "case" for c in t.children)):
                right = right[:k]
                break
        while right and right[-1].dep_ in {"prep", "case", "det", "cc"}:
            right.pop()
    words += right
    while words and (words[0].text.lower() in drop or words[0].dep_ in {"det", "nummod", "case"}):
        words = words[1:]
    if not words:
        return ""
    out = ctx.text[words[0].idx:words[-1].idx + len(words[-1].text)]
    if words[0].is_sent_start and out[:1].isupper() and not out[1:2].isupper() and not words[0].ent_type_:
        out = out[:1].lower() + out[1:]  # "Officials said": capitalised only as the sentence's first word
    return out


def doc_punct_before(tok, mark: str) -> bool:
    return tok.i > 0 and tok.doc[tok.i - 1].text == mark


def parse_role(tok, lex, negated_at: dict[int, bool] | None = None) -> tuple[str, int | None, bool]:
    """(role, verb index, negated) of a token: how it hangs from the verb it depends on.
    `negated_at` remembers the answer for each verb (a verb with many mentions under it is read once)."""
    dep = tok.dep_
    head = tok.head
    if dep == "pobj" and head.dep_ == "agent":
        dep, head = "agent", head.head
    elif dep == "pobj":
        head = head.head
    role = ROLE_OF_DEP.get(dep, "other")
    agent = lex.rx("agent_prepositions")
    if dep.startswith("obl") and any(c.dep_ == "case" and agent.fullmatch(c.text) for c in tok.children):
        role = "agent"
    negated = negated_at.get(head.i) if negated_at is not None else None
    if negated is None:
        negated = any(c.dep_ in {"neg", "advmod"} and lex.rx("negators").fullmatch(c.text) for c in head.children)
        if negated_at is not None:
            negated_at[head.i] = negated
    return role, head.i if head.i != tok.i else None, negated


# ---------------------------------------------------------------- the mention layer
@dataclass
class Mentions:
    """The mentions of one document and the chains they form (see the module's description)."""
    ctx: DocContext
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    _by_kind: dict[str, tuple[list[int], list[int]]] = field(default_factory=dict)   # kind -> (starts, entity ids)
    _by_word: dict[str, tuple[list[int], list[int]]] = field(default_factory=dict)   # folded word -> (starts, ids)
    _by_role_word: dict[str, tuple[list[int], list[int]]] = field(default_factory=dict)
    _named_at: dict[int, int] = field(default_factory=dict)      # token index -> entity id
    _span_at: dict[int, tuple[int, int]] = field(default_factory=dict)  # token index -> its named mention
    _speakers: tuple[list[int], list[int]] = field(default_factory=lambda: ([], []))  # bodies that spoke
    _first_head: dict[str, int] = field(default_factory=dict)    # lower-cased word -> first token index
    _surnames: dict[str, int] = field(default_factory=dict)      # surname -> entity id
    _initials: dict[str, int] = field(default_factory=dict)      # initials of an org name -> entity id
    _acronym_of: dict[str, str] = field(default_factory=dict)    # folded long form -> its acronym
    _mention_starts: list[int] = field(default_factory=list)
    _negated_at: dict[int, bool] = field(default_factory=dict)  # verb index -> negated (parse_role's memo)
    _documents: tuple[list[int], list[tuple[int, str]]] = field(default_factory=lambda: ([], []))  # statements ...
    _filers: tuple[list[int], list[int]] = field(default_factory=lambda: ([], []))  # "filed by X": X's token
    _first_of_kind: dict[str, int] = field(default_factory=dict)  # kind of text -> its first word's index

    # ------------------------------------------------------------ building
    def build(self) -> Mentions:
        ctx = self.ctx
        doc = ctx.doc
        acronyms: dict[str, int] = {}
        keys: dict[str, int] = {}
        people = {(p.start, p.end) for p in ctx.persons}
        found = []
        for e in ctx.ents:
            if e.label_ == "PERSON" and (e.start_char, e.end_char) in people:
                found.append((e, "person", None))
            elif e.label_ in {"ORG", "GPE"}:
                entry = lookup_actor(e.text, ctx.lang)
                if entry is None and e.label_ == "GPE":
                    continue
                if entry is not None and entry.kind == "demonym":
                    continue
                found.append((e, "org" if e.label_ == "ORG" else "state", entry))
        for e, kind, entry in found:
            surface = ARTICLE.sub("", e.text.strip())
            if entry is None and surface in self._surnames:
                kind = "person"  # a surname the NER takes for a body ("Abiad told reporters")
            actor_id = (e.id_ or entry.actor_id) if entry is not None else None
            org_kind = entry.kind if entry is not None and e.label_ == "ORG" else None
            if org_kind == "court":
                kind = "court"
            if kind == "person":
                name = ctx.strip_honorific(surface)
                surname = name.split()[-1] if name.split() else name
                ent_id = self._surnames.get(surname)
                if ent_id is None:
                    ent_id = self._new(kind, ctx.full_name(name), e.start_char)
                    self._surnames[surname] = ent_id
                ent = self.entities[ent_id]
                if ent.role is None:
                    ent.role = self._person_role(e)
            else:
                acro = ACRONYM_AFTER.match(ctx.text, e.end_char)
                short = surface if surface.isupper() and " " not in surface else None
                key = (entry.id if entry is not None else fold(surface))
                ent_id = keys.get(key)
                if ent_id is None and short:
                    ent_id = acronyms.get(short)
                    if ent_id is None:
                        ent_id = self._initials_of(short)
                if ent_id is None:
                    ent_id = self._new(kind, self._org_name(e, surface), e.start_char, actor_id, org_kind)
                keys.setdefault(key, ent_id)
                ent = self.entities[ent_id]
                if acro:
                    acronyms.setdefault(acro.group(1), ent_id)
                    self._acronym_of.setdefault(fold(surface), acro.group(1))
                    ent.acronym = ent.acronym or acro.group(1)
                elif short and ent.acronym is None and fold(short) != fold(ent.name):
                    ent.acronym = short
                if ent.actor_id is None and actor_id is not None:
                    ent.actor_id, ent.org_kind = actor_id, org_kind
                if ent.role is None:
                    ent.role = self._description(e)
            self._add(e, self.entities[ent_id].kind, ent_id)
        for kind, items in (("number", ctx.numbers), ("money", ctx.money), ("date", ctx.dates),
                            ("weapon", ctx.weapons)):
            for x in items:
                span = doc.char_span(x.start, x.end, alignment_mode=EXPAND)
                if span is not None and len(span):
                    self._add(span, kind, None)
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self.mentions = [Mention(i, m.start, m.end, m.head, m.kind, m.text, m.entity, m.role, m.verb, m.negated)
                         for i, m in enumerate(self.mentions)]
        self._mention_starts = [m.start for m in self.mentions]
        lex = ctx.lex
        for tok in doc:
            self._first_head.setdefault(tok.lower_, tok.i)
            if not tok.text[:1].isalpha():
                continue
            if tok.pos_ in {"NOUN", "PROPN"}:
                for kind in ("agreement_nouns", "filing_nouns", "statement_nouns"):
                    if lex.rx(kind).fullmatch(tok.text):
                        self._documents[0].append(tok.idx)
                        self._documents[1].append((tok.i, kind))
                        self._first_of_kind.setdefault(kind, tok.i)
                        break
            elif tok.pos_ in {"VERB", "AUX"} and lex.rx("filing_verbs").fullmatch(tok.text):
                filer = self._filer(tok)
                if filer is not None:
                    self._filers[0].append(tok.idx)
                    self._filers[1].append(filer.i)
        return self

    def _filer(self, verb):
        """Who files what `verb` says was filed: its agent ("filed by X"), else its active subject."""
        agent = self.ctx.lex.rx("agent_prepositions")
        for c in verb.children:
            if c.dep_ == "agent":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
            if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and any(
                    g.dep_ == "case" and agent.fullmatch(g.text) for g in c.children)):
                return c
        passive = any(c.dep_ in {"aux:pass", "auxpass", "nsubj:pass", "nsubjpass"} for c in verb.children)
        return None if passive else next((c for c in verb.children if c.dep_ in {"nsubj", "expl:subj"}), None)

    def _new(self, kind: str, name: str, start: int, actor_id=None, org_kind=None) -> int:
        ent = Entity(len(self.entities), kind, name, start, actor_id, org_kind)
        self.entities.append(ent)
        words = re.findall(r"\w+", name)
        if kind in {"org", "court"} and len(words) > 1:
            for spelled in ("".join(w[0] for w in words if w[:1].isupper()), "".join(w[0] for w in words)):
                if len(spelled) > 1:
                    self._initials.setdefault(spelled.upper(), ent.id)
        return ent.id

    def _add(self, span, kind: str, ent_id: int | None) -> None:
        head = span.root
        role, verb, negated = parse_role(head, self.ctx.lex, self._negated_at)
        self.mentions.append(Mention(0, span.start_char, span.end_char, head.i, kind,
                                     self.ctx.text[span.start_char:span.end_char], ent_id, role, verb, negated))
        if ent_id is None:
            return
        for tok in span:
            self._named_at[tok.i] = ent_id
            self._span_at[tok.i] = (span.start_char, span.end_char)
        ent = self.entities[ent_id]
        if ent.kind in {"org", "court"} and role in {"subject", "agent"} and verb is not None \
                and is_speech_verb(self.ctx, span.doc[verb]):
            self._index({"": self._speakers}, "", span.start_char, ent_id)
        self._index(self._by_kind, ent.kind, span.start_char, ent_id)
        if ent.kind in {"org", "court", "state"}:
            for w in re.findall(r"\w+", fold(ent.name + " " + span.text)):
                self._index(self._by_word, w, span.start_char, ent_id)
        if ent.kind == "person" and ent.role:
            for w in re.findall(r"\w+", fold(ent.role)):
                self._index(self._by_role_word, w, span.start_char, ent_id)

    @staticmethod
    def _index(table, key, start, ent_id) -> None:
        starts, ids = table.setdefault(key, ([], []))
        if ids and ids[-1] == ent_id and starts[-1] == start:
            return  # the same mention again
        starts.append(start)
        ids.append(ent_id)

    def _initials_of(self, short: str) -> int | None:
        """The organisation named before whose initials `short` spells ("DSCA")."""
        return self._initials.get(short.upper())

    def _org_name(self, e, surface: str) -> str:
        """An organisation's name with the words before it that are part of it ("Hamas-run")."""
        head = e.root
        lo = left_edge(head, keep_det=False)
        if lo.idx < e.start_char and lo.i >= e.start - 4:
            words = [t for t in head.doc[lo.i:e.start] if t.dep_ not in {"det", "case", "punct"} or t.text == "-"]
            if words and not any(t.dep_ in {"poss", "nmod:poss"} or t.text in {"'s", "’s"} for t in words):
                return ARTICLE.sub("", self.ctx.text[words[0].idx:e.end_char].strip())
        return surface

    def _person_role(self, e) -> str | None:
        """The role the parse gives a person where it is named: a title before the name
        ("Public Works Minister Ali Hamie"), the noun the name is in apposition to ("le
        porte-parole du ministère, Jean Martin"), an apposition after it ("X, the spokesman")."""
        roles = self.ctx.lex.rx("roles")
        head = e.root
        doc = head.doc
        i = e.start
        while i > 0 and e.start - i < 6:  # the words of the name's own phrase before it
            prev = doc[i - 1]
            if (prev.is_punct and prev.text != "-") or not self._in_name_phrase(prev, i, e) \
                    or prev.ent_type_ == "PERSON":
                break
            i -= 1
        if i < e.start and roles.search(self.ctx.text[doc[i].idx:e.start_char]):
            words = self.ctx.text[doc[i].idx:e.start_char].split()
            name = set(self.ctx.full_name(e.text.strip()).split())
            while words and words[-1] in name:  # "ministre des Armées Claire" before "Dupont"
                words.pop()
            return ARTICLE.sub("", " ".join(words)) or None
        for cand in ([head.head] if head.dep_ == "appos" else []) + [c for c in head.children if c.dep_ == "appos"]:
            if roles.fullmatch(cand.text) or roles.search(cand.text):
                lo, hi = left_edge(cand, keep_det=False), right_edge(cand)
                end = hi.idx + len(hi.text)
                if lo.idx < e.start_char < end:  # "la ministre de la Défense, Claire Dupont"
                    end = e.start_char
                elif cand.i < e.start and any(not t.is_punct for t in doc[hi.i + 1:e.start]):
                    continue  # "le président X et son homologue Y": the role is X's, not Y's
                return ARTICLE.sub("", self.ctx.text[lo.idx:end].strip().rstrip(",").strip()) or None
        return None

    @staticmethod
    def _in_name_phrase(tok, lo: int, e) -> bool:
        """Does `tok` (right before the words [lo, e.end) of a name's phrase) belong to that
        phrase: its head chain reaches the name through words of the phrase ("le chancelier
        allemand Olaf Scholz"), and it is no preposition heading the whole name ("Après X")?"""
        if tok.dep_ == "case" and e.start <= tok.head.i < e.end:
            return False
        node = tok
        for _ in range(4):
            head = node.head
            if head.i == node.i or not tok.i - 3 <= head.i < e.end:
                return False
            if head.i >= lo:
                return True
            node = head
        return False

    def _description(self, e) -> str | None:
        """The noun phrase in apposition to a body ("Radio Nova, station financée par l'UE")."""
        head = e.root
        for c in head.children:
            if c.dep_ == "appos" and c.i >= e.end and not doc_punct_before(c, "("):
                hi = right_edge(c)
                return self.ctx.text[c.idx:hi.idx + len(hi.text)]
        return None

    # ------------------------------------------------------------ asking
    def entity_at(self, tok) -> Entity | None:
        """The entity a named mention holding `tok` belongs to, or None."""
        ent_id = self._named_at.get(tok.i)
        return self.entities[ent_id] if ent_id is not None else None

    def last(self, kinds, before: int, word: str | None = None, role_word: str | None = None) -> Entity | None:
        """The entity of one of `kinds` mentioned last before `before`; with `word`, whose name
        has that word; with `role_word`, a person introduced with a role holding that word."""
        found = self.last_mentioned(kinds, before, word, role_word)
        return found[1] if found else None

    def last_mentioned(self, kinds, before: int, word: str | None = None,
                       role_word: str | None = None) -> tuple[int, Entity] | None:
        """(where, entity) for `last`."""
        best = None
        tables = [(self._by_word, word)] if word else [(self._by_role_word, role_word)] if role_word else \
            [(self._by_kind, k) for k in kinds]
        for table, key in tables:
            starts, ids = table.get(key, ((), ()))
            k = bisect_left(starts, before)
            while k:
                k -= 1
                ent = self.entities[ids[k]]
                if ent.kind in kinds:
                    if best is None or starts[k] > best[0]:
                        best = (starts[k], ent)
                    break
        return best

    def ref(self, ent: Entity, start: int | None = None, role: str | None = None,
            surface: str | None = None) -> Ref:
        """The entity as a speaker or source: a person by the full name; a body by `surface`
        (the name written where it speaks), else the acronym the text gives it, else its name
        as first given; `full_name` keeps that first name (the source of a figure)."""
        name = ent.name
        if ent.kind != "person":
            name = surface or ent.acronym or ent.name
        return Ref(name, "org" if ent.kind == "court" else ent.kind, ent.start if start is None else start,
                   role, ent.actor_id, ent.org_kind, ent.id, ent.role, ent.name)

    def first_with_head(self, word: str) -> int | None:
        """The index of the first token of the text spelled `word` (any case)."""
        return self._first_head.get(word.lower())


    # ------------------------------------------------------------ resolving any word
    def resolve(self, tok, *, last: Ref | None = None, issuer: Ref | None = None, depth: int = 0) -> Ref | None:
        """What the word `tok` stands for (see the module's description), or None. `last` is the
        caller's last speaker or source (what "he", "ils", "the same source" continue), `issuer`
        the last body that spoke (what "the statement" comes from when the text does not say)."""
        lex = self.ctx.lex
        word = tok.text
        if lex.rx("relative_pronouns").fullmatch(word) and tok.head.dep_ in {"relcl", "acl:relcl"} and depth < 2:
            return self.resolve(tok.head.head, last=last, issuer=issuer, depth=depth + 1)  # "X, who said"
        kind = self.pronoun_kind(tok)
        if kind == "group" and depth < 2:  # "Les enquêteurs de l'ONU ont ... . Ils ont relevé": that subject
            before = self.previous_subject(tok)
            if before is not None:
                found = self.resolve(before, last=last, issuer=issuer, depth=depth + 1)
                if found is not None:
                    return found
        if kind is not None:
            return self._by_pronoun(kind, tok.idx, last)
        if lex.rx("latter").fullmatch(word):  # "the latter", "ce dernier": the one named last
            ent = self.last(("person", "org", "court", "state"), tok.idx)
            return self.ref(ent) if ent is not None else last
        for c in tok.rights:  # "la porte-parole du ministère, Karoline Leavitt": the person
            if c.dep_ == "appos" and self._adjacent_appos(tok, c):
                ent = self.named_in(c)
                if ent is not None and ent.kind == "person":
                    return self.ref(ent)
        is_for = lex.rx("speaker_for_nouns").fullmatch(word) is not None
        named = None if is_for else self.named_ref(tok)
        if named is not None:
            return named
        if lex.rx("report_nouns").fullmatch(word):  # "bilans fournis par X"; "the figure": who gave it
            return self._complement(tok, last, issuer, depth) or last
        doc_kind = self.document_kind(tok)
        if doc_kind is not None and depth < 3:
            return self._document_speaker(tok, doc_kind, last, issuer, depth)
        dets = [c.text for c in tok.lefts if c.dep_ in {"det", "poss"}]
        definite = any(lex.rx("speaker_definite").fullmatch(d) for d in dets)
        if is_for and depth < 2:  # "a spokesperson for X", "le porte-parole du ministère": X
            body = self._complement(tok, last, issuer, depth)
            if body is not None:
                return Ref(body.name, body.kind, body.start, word, body.actor_id, body.org_kind, body.entity,
                           body.person_role)
            if definite:  # "the spokesman", "la même source": the one the text introduced, else the last
                first = self.first_with_head(word)
                if first is not None and first < tok.i:
                    found = self.resolve(tok.doc[first], last=last, issuer=issuer, depth=depth + 1)
                    if found is not None and found.role:
                        return found
                if last is not None:
                    return last
        bare = left_edge(tok, keep_det=False).i == tok.i and right_edge(tok).i == tok.i
        body_noun = lex.rx("speaker_body_nouns").fullmatch(word) is not None
        if body_noun or lex.rx("speaker_company_nouns").fullmatch(word):
            named = self._parenthesised(tok)  # "l'agence chargée des exportations (DSCA)"
            if named is not None:
                return self.named_ref(named)
        possessed = any(c.dep_ in {"poss", "nmod:poss"} for c in tok.lefts)
        if (definite or possessed or depth) and not bare and self._adjectives_only(tok):
            # "the South Korean firm": the company named before; "the UN's highest court": the court
            if lex.rx("speaker_company_nouns").fullmatch(word):
                ent = self._last_where(BODIES, tok.idx, lambda e: e.org_kind == "company")
                if ent is not None:
                    return self.ref(ent)
            elif lex.rx("speaker_court_nouns").fullmatch(word):
                ent = self.last(("court",), tok.idx)
                if ent is not None:
                    return self.ref(ent)
        if body_noun and (definite or depth) and bare:
            # "the ministry", "le tribunal": the body of that kind named before
            kinds = ("court",) if lex.rx("speaker_court_nouns").fullmatch(word) else BODIES
            ent = self.last(kinds, tok.idx, word=fold(word)) or self.last(kinds, tok.idx)
            if ent is not None:
                return self.ref(ent)
            if issuer is not None:
                return issuer
        if lex.rx("roles").fullmatch(word) and definite and not is_for:
            # "the minister", "le chancelier allemand": the person the text introduced with that
            # role, else the person named last
            ent = self.last(("person",), tok.idx, role_word=fold(word)) or self.last(("person",), tok.idx)
            if ent is not None:
                return self.ref(ent)
        drop = set(lex.words("speaker_drop_modifiers")) | set(lex.words("speaker_definite"))
        if depth:  # the body a spokesperson or a source speaks for, as the text writes it; a
            # bare "du ministère" as the text first wrote it ("le ministère turc de la Défense")
            first = self.first_with_head(word) if bare and lex.rx("speaker_body_nouns").fullmatch(word) else None
            src = tok.doc[first] if first is not None and first < tok.i else tok
            text = phrase(self.ctx, src, drop, core=True)
            return Ref(text, "org", src.idx) if text and (not bare or src.i != tok.i) else None
        first = self.first_with_head(word)
        if first is not None and first < tok.i and (definite or bare):
            text = phrase(self.ctx, tok.doc[first], drop)  # "the farmer": the farmer of the first mention
        else:
            text = phrase(self.ctx, tok, drop)
        if not text or not re.search(r"\w", text):
            return None
        return Ref(text, "org" if text[:1].isupper() and not tok.is_sent_start else "group", tok.idx)

    def _parenthesised(self, tok):
        """The token of a name given in brackets right in the phrase of `tok` ("the agency in
        charge of exports (Defense Security Cooperation Agency)"), or None."""
        doc = tok.doc
        hi = min(len(doc), tok.i + 16)
        for t in doc[tok.i + 1:hi]:
            if t.text in {",", ";", ":", "«", "»", "\"", "“", "”"} or t.is_sent_start or t.head.i < tok.i:
                return None
            if t.text == "(" and t.i + 1 < len(doc) and (t.i + 1) in self._named_at:
                ent = self.entities[self._named_at[t.i + 1]]
                return doc[t.i + 1] if ent.kind in BODIES else None
        return None

    @staticmethod
    def _adjectives_only(tok) -> bool:
        """Are the words of the phrase of `tok`, but for its determiners and possessor, only
        adjectives ("the South Korean firm", "highest court")?"""
        doc = tok.doc
        lo, hi = left_edge(tok, keep_det=False).i, right_edge(tok).i
        words = [t for t in doc[lo:hi + 1] if t.i != tok.i and t.dep_ not in {"det", "poss", "nmod:poss", "case"}
                 and not t.is_punct and t.head.i == tok.i]
        return all(t.pos_ == "ADJ" or t.dep_ == "amod" for t in words)

    def _last_where(self, kinds, before: int, keep, limit: int = 40) -> Entity | None:
        """The entity of one of `kinds` mentioned last before `before` for which `keep` holds
        (the last `limit` mentions of each kind looked at)."""
        best = None
        for kind in kinds:
            starts, ids = self._by_kind.get(kind, ((), ()))
            k = bisect_left(starts, before)
            for j in range(k - 1, max(-1, k - 1 - limit), -1):
                ent = self.entities[ids[j]]
                if keep(ent):
                    if best is None or starts[j] > best[0]:
                        best = (starts[j], ent)
                    break
        return best[1] if best else None

    @staticmethod
    def _adjacent_appos(tok, appos) -> bool:
        """Is `appos` set right after the phrase of `tok` ("the spokesman for X, Jane Doe"), not
        after a phrase of its own ("le président, en conférence avec son homologue, Y")?"""
        doc = tok.doc
        lo = appos.left_edge.i
        commas = [t.i for t in doc[tok.i + 1:lo] if t.text in {",", ";", "(", ")"}]
        return not commas or commas == [lo - 1]

    def document_kind(self, tok) -> str | None:
        """"statement_nouns", "agreement_nouns", "filing_nouns" for a word naming a text that
        speaks ("the statement", "l'accord", "the lawsuit"); for a word that only says it is a
        text ("ce texte", "the document"), the kind of the text named last before it."""
        lex = self.ctx.lex
        for kind in ("agreement_nouns", "filing_nouns", "statement_nouns"):
            if lex.rx(kind).fullmatch(tok.text):
                return kind
        if lex.rx("text_nouns").fullmatch(tok.text):
            starts, found = self._documents
            k = bisect_left(starts, tok.idx)
            return found[k - 1][1] if k else "statement_nouns"
        return None

    def _document_speaker(self, tok, kind: str, last, issuer, depth) -> Ref | None:
        """Who speaks through the text `tok` names: the body of its complement ("the ministry's
        statement", "un communiqué du ministère"); an agreement, itself, as the text first names
        it ("un accord bilatéral de sécurité"); a lawsuit, whoever filed it; a statement, the
        body that last spoke, else the issuer, else the last body named."""
        body = self._complement(tok, last, issuer, depth)
        if body is not None:
            return body
        if kind == "agreement_nouns":  # the first word naming an agreement, else this one
            first = self._first_of_kind.get(kind)
            first = tok.doc[first] if first is not None and first <= tok.i else tok
            text = phrase(self.ctx, first, set(self.ctx.lex.words("speaker_drop_modifiers")), core=True)
            return Ref(text, "org", first.idx) if text else None
        if kind == "filing_nouns":
            starts, filers = self._filers
            k = bisect_left(starts, tok.idx)
            if k:
                found = self.resolve(tok.doc[filers[k - 1]], last=last, issuer=issuer, depth=depth + 1)
                if found is not None:
                    return found
        ent = self.last_speaking_body(tok.idx)
        if ent is not None:
            return self.ref(ent)
        if issuer is not None:
            return issuer
        ent = self._last_acting_body(tok.idx) or \
            self._last_where(BODIES, tok.idx, lambda e: e.org_kind != "company") or \
            self.last(BODIES, tok.idx)
        return self.ref(ent) if ent is not None else last

    def _last_acting_body(self, before: int, limit: int = 60) -> Entity | None:
        """The body last named as the subject or agent of a verb before `before` ("The DSCA
        notified Congress": the DSCA), among the last `limit` mentions."""
        k = bisect_left(self._mention_starts, before)
        for m in self.mentions[max(0, k - limit):k][::-1]:
            if m.entity is not None and m.role in {"subject", "agent"} \
                    and self.entities[m.entity].kind in BODIES:
                return self.entities[m.entity]
        return None

    def _complement(self, tok, last, issuer, depth) -> Ref | None:
        """The body named in a complement of `tok`: its possessor, "of/for/by X", "du ministère",
        "fournis par X"."""
        for c in tok.children:
            target = None
            if c.dep_ in {"poss", "nmod:poss", "nmod"}:
                target = c
            elif c.dep_ in {"prep", "agent"}:
                target = next((g for g in c.children if g.dep_ == "pobj"), None)
            elif c.dep_ in {"acl", "acl:relcl"}:  # "les bilans fournis par la société civile"
                target = next((g for g in c.children if g.dep_ in {"obl:agent", "agent"}), None)
                if target is not None and target.dep_ == "agent":
                    target = next((g for g in target.children if g.dep_ == "pobj"), None)
            lex = self.ctx.lex
            if target is not None and (self.entity_at(target) is not None or self.named_in(target) is not None
                                       or lex.rx("speaker_body_nouns").fullmatch(target.text)
                                       or lex.rx("roles").fullmatch(target.text)):
                found = self.resolve(target, last=last, issuer=issuer, depth=depth + 1)
                if found is not None:
                    return found
        return None

    def named_in(self, tok) -> Entity | None:
        """The person or body named in the phrase of `tok` (persons first), or a surname the
        text gave in full before, missed by the NER ("Bell said")."""
        found = self._named_token(tok)
        return self.entities[self._named_at[found]] if found is not None else self._surname_at(tok)

    def _named_token(self, tok) -> int | None:
        lo, hi = left_edge(tok).i, right_edge(tok).i
        found = [i for i in range(lo, hi + 1) if i in self._named_at]
        persons = [i for i in found if self.entities[self._named_at[i]].kind == "person"]
        if tok.i in self._named_at and not persons:
            return tok.i
        return (persons or found or [None])[0]

    def _surname_at(self, tok) -> Entity | None:
        if tok.text[:1].isupper() and tok.text in self._surnames:
            ent = self.entities[self._surnames[tok.text]]
            return ent if ent.start < tok.idx else None
        return None

    def named_ref(self, tok) -> Ref | None:
        """`named_in` as a speaker: a body by the name written there (or the acronym the text
        puts after it), a person by the full name."""
        i = self._named_token(tok)
        if i is None:
            ent = self._surname_at(tok)
            return self.ref(ent) if ent is not None else None
        ent = self.entities[self._named_at[i]]
        if ent.kind == "person":
            return self.ref(ent)
        start, end = self._span_at[i]
        acro = ACRONYM_AFTER.match(self.ctx.text, end)
        surface = ARTICLE.sub("", self.ctx.text[start:end].strip())
        surface = acro.group(1) if acro else self._acronym_of.get(fold(surface), surface)
        return self.ref(ent, surface=surface)

    def last_speaking_body(self, before: int) -> Entity | None:
        """The body that was last the subject of a speech verb before `before` ("the statement")."""
        starts, ids = self._speakers
        k = bisect_left(starts, before)
        return self.entities[ids[k - 1]] if k else None

    def pronoun_kind(self, tok) -> str | None:
        """"person", "thing", "group" or "any" for a personal pronoun ("he", "-t-elle", "it")."""
        word = ([tok.text] + [c.text for c in tok.rights if c.text.startswith("-")])[-1]
        word = word.split("-")[-1] if "-" in word else word
        for kind, rx in self.ctx.lex.groups("speaker_pronouns").items():
            if rx.fullmatch(word):
                return kind
        return "person" if tok.dep_ == "expl:subj" else None

    def previous_subject(self, tok):
        """The plural noun that is the subject of the sentence before the one of the pronoun
        `tok` ("Les enquêteurs ... . Ils ..."), agreeing with it in gender; else None."""
        ctx = self.ctx
        sent = ctx.sentence_at(tok.idx)
        if sent.index == 0 or tok.head.dep_ != "ROOT":  # the subject of its sentence's main verb only
            return None
        prev = ctx.sentences[sent.index - 1]
        span = ctx.doc.char_span(prev.start, prev.end, alignment_mode=EXPAND)
        if span is None or not len(span):
            return None
        root = span.root
        subj = next((c for c in root.children if c.dep_ in {"nsubj", "nsubj:pass", "nsubjpass"}), None)
        if subj is None or subj.pos_ not in {"NOUN", "PROPN"} or "Plur" not in subj.morph.get("Number") \
                or ctx.lex.rx("report_nouns").fullmatch(subj.text):
            return None
        gender = tok.morph.get("Gender")
        if gender and subj.morph.get("Gender") and gender != subj.morph.get("Gender"):
            return None
        return subj

    def _by_pronoun(self, kind: str, pos: int, last: Ref | None) -> Ref | None:
        if kind == "thing":  # "it said": a body, never a person
            if last is not None and last.kind in {"org", "state"}:
                return last
            ent = self.last(("org", "court", "state"), pos)
            return self.ref(ent) if ent is not None else None
        if kind == "group":
            if last is not None:
                return last
            ent = self.last(("org", "court", "state"), pos)
            return self.ref(ent) if ent is not None else None
        found = self.last_mentioned(("person",), pos)
        person = self.ref(found[1], found[0]) if found else None
        if kind == "any":  # French "il"/"elle" stand for a body as well as a person: the last
            if last is not None or found is None:  # speaker, else the person or body named last
                body = None if last is not None else self.last_mentioned(BODIES, pos)
                return last or (self.ref(body[1], body[0]) if body else None)
            body = self.last_mentioned(BODIES, pos)
            return self.ref(body[1], body[0]) if body and body[0] > found[0] else person
        # "he said": a person, never a body; the one named last
        if last is not None and last.kind == "person" and (person is None or last.start >= person.start
                                                           or last.entity == person.entity):
            return last
        return person


def mentions_of(ctx: DocContext) -> Mentions:
    """The document's mention layer, built once."""
    return ctx.remember("mentions", lambda: Mentions(ctx).build())


__all__ = ["Entity", "Mention", "Mentions", "Ref", "left_edge", "mentions_of", "parse_role", "phrase", "right_edge"]
