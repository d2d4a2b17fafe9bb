"""A deal's status read from the parse: its cues, how they link to the deal, tense, mood, negation.

A cue is a word of `lang/{fr,en}/status.json` matched on lemma and part of speech, never on the
letters a word starts with: a verb whose tense says how far the deal went ("signed" a signing
done, "will deliver" a delivery to come, "could sell" a talk), a noun that names a step
("clearance", "feu vert", "letter of intent"), a word that qualifies a deal noun ("possible
sale", "vente éventuelle"), or a deal noun that alone suggests a step ("the contract", "la
commande": a weak cue, heard only when nothing else speaks).

A cue speaks for a deal when the parse links them: it lies on the chain of heads from the deal's
equipment (or its trigger) up to the sentence root ("Poland has inked deals to purchase ..."),
not past a verb the deal's verb is coordinated to ("pledged support and proposed a sale of"),
or qualifies a noun of that chain ("24 Rafale achetés en 2015", "the deal approved on ...
includes"), or is the deal noun subject of a verb on it ("Ce contrat porte sur ..."). A verb whose
object names a step reads as that step ("received clearance to buy": approved). A cancellation
of "the deal" in the same sentence calls off the deal the sentence tells of.

Of several cues the most advanced step the text states wins (delivered beats signed beats
approved ...), a cancellation or refusal above all (`annotation.md`); a hold (frozen, suspended)
keeps a deal signed. `mention_status` reads one mention, `deal_status` a whole deal.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from armsledger.extract.context import DocContext, Sentence
from armsledger.extract.frames import best_frame, clause_tense, frame_specs, sentence_frames
from armsledger.lang import get_lexicon

# most advanced first: what a deal's several cues come to
RANK = ("cancelled", "rejected", "delivered", "signed", "approved", "requested", "proposed")
UNKNOWN = "unknown"
VERBAL = {"VERB", "AUX"}
NOMINAL = {"NOUN", "PROPN"}
# dependents of a noun that say what became of it ("les Rafale achetés en 2015", "the deal
# approved on", "la vente éventuelle", "déjà en service")
NOUN_MODIFIERS = ("acl", "amod", "nmod", "relcl", "prep")
# edges the chain of heads does not climb: a relative clause's antecedent is a party or another
# thing, not the deal ("le Chili, qui a choisi d'acquérir ...")
RELATIVE = ("acl:relcl", "relcl")
SUBJECTS = ("nsubj", "nsubj:pass", "nsubjpass")
MAX_CHAIN = 10  # heads climbed from the equipment
OBJECTS = ("obj", "dobj", "nsubj:pass", "nsubjpass", "attr")


# what a step named by a verb and its noun ("take delivery", "les livraisons ont commencé") is
# in a clause to come or a conditional one
PHRASE_TENSES = {"future": "approved", "modal": "proposed"}


@dataclass(frozen=True)
class TenseTable:
    """What a cue verb states in each tense of its clause (the keys of a `status_verbs` entry)."""
    past: str | None = None
    present: str | None = None
    progressive: str | None = None  # "is finalizing": under way
    future: str | None = None  # also an infinitive no cue governs ("France to deliver")
    modal: str | None = None  # "could sell", "pourrait être paraphé"
    negated: str | None = None  # "n'a pas été signé"
    complement: str | None = None  # the tense its infinitive complement reads in ("decided to buy")


@dataclass(frozen=True)
class StatusCues:
    """The status words of one language (`lang/<lang>/status.json`)."""
    verbs: dict[str, TenseTable]  # lemma -> what each tense of it states
    nouns: dict[str, str]  # lemma or phrase -> status: a noun naming a step
    modifiers: dict[str, str]  # words qualifying a deal noun ("possible sale")
    deal_nouns: dict[str, str]  # weak: a deal noun alone ("the contract")
    anaphors: frozenset[str]  # determiners pointing back to a deal told before ("the deal")
    holding_verbs: frozenset[str]  # with a deal noun subject, what it holds ("provides for"): no step
    negations: frozenset[str]  # adverbs that deny a verb ("not", "pas")
    tense_verbs: dict[str, frozenset[str]]
    deal_lemmas: frozenset[str]  # the nouns of deal frames
    # word -> the phrases of several words of `nouns` holding it, as (words, status), in file order
    noun_phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]


def _phrases(table: dict[str, list[str]]) -> dict[str, str]:
    return {w.lower(): status for status, words in table.items() for w in words}


def _by_word(table: dict[str, str]) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The phrases of several words of `table`, under each of their words, in table order."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, status in table.items():
        words = tuple(phrase.split())
        if len(words) > 1:
            for w in dict.fromkeys(words):
                index.setdefault(w, []).append((words, status))
    return {w: tuple(entries) for w, entries in index.items()}


@cache
def status_cues(lang: str) -> StatusCues:
    lex = get_lexicon(lang)
    verbs: dict[str, TenseTable] = {}
    for entry in lex.words("status_verbs"):
        for lemma in entry["lemmas"]:
            verbs[lemma.lower()] = TenseTable(**entry["status"])
    nouns = _phrases(lex.words("status_nouns"))
    return StatusCues(
        verbs, nouns, _phrases(lex.words("status_modifiers")),
        _phrases(lex.words("status_deal_nouns")), frozenset(w.lower() for w in lex.words("status_anaphors")),
        frozenset(w.lower() for w in lex.words("status_holding_verbs")),
        frozenset(w.lower() for w in lex.words("status_negations")),
        {k: frozenset(v) for k, v in lex.words("tense_verbs").items()},
        frozenset(lemma for (lemma, nominal) in frame_specs(lang) if nominal), _by_word(nouns))


def most_advanced(statuses) -> str:
    """The most advanced of `statuses` (RANK order); "unknown" when none is known."""
    known = [s for s in statuses if s in RANK]
    return min(known, key=RANK.index) if known else UNKNOWN


# ---------------------------------------------------------------- one cue
def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _phrase_status(tok: Token, cues: StatusCues, phrases_only: bool = False) -> str | None:
    """The status of a one-word entry of `cues.nouns` on `tok`'s lemma (unless `phrases_only`),
    or of a phrase whose words are all lemmas of `tok`, its head, its dependents and theirs
    ("feu vert", "letter of intent", "en service", "in service", "took delivery")."""
    lemma = _lemma(tok)
    if lemma in cues.nouns and not phrases_only:
        return cues.nouns[lemma]
    phrases = cues.noun_phrases.get(lemma)
    if not phrases:
        return None
    near = {lemma, _lemma(tok.head), tok.text.lower()}
    for c in tok.children:
        near |= {_lemma(c), c.text.lower()}
        near |= {_lemma(g) for g in c.children}
    verb_head = tok.head.i != tok.i and tok.head.pos_ in VERBAL and not phrases_only
    for words, status in phrases:
        if verb_head and _lemma(tok.head) in words:
            continue  # "take delivery": the verb's tense tells whether it is done
        if all(w in near for w in words):
            return status
    return None


def _holds(tok: Token, cues: StatusCues) -> bool:
    """Does verb `tok` say what the deal noun that is its subject holds ("the agreement provides
    for 300 tanks", "le contrat prévoit l'achat de"), a content and no step: the noun tells?"""
    lemma = _lemma(tok)
    said = {lemma} | {f"{lemma} {c.text.lower()}" for c in tok.children if c.dep_ in {"prep", "prt"}}
    return bool(said & cues.holding_verbs) and \
        any(c.dep_ in SUBJECTS and _lemma(c) in cues.deal_lemmas for c in tok.children)


def _negated(tok: Token, cues: StatusCues) -> bool:
    return any(c.dep_ == "neg" or c.dep_ == "advmod" and _lemma(c) in cues.negations for c in tok.children)


def verb_tense(tok: Token, cues: StatusCues) -> str | None:
    """The `TenseTable` field for verb `tok`: past, present, progressive, future or modal, from
    the tense of its clause (`frames.clause_tense`), a coordinated verb without auxiliaries taking
    its first conjunct's ("seront produits et exportés"), a perfect infinitive a past ("avoir
    scellé"); None when the parse does not tell (a bare infinitive)."""
    auxes = [c for c in tok.children if c.dep_.startswith("aux") and c.pos_ == "AUX"]
    if tok.dep_ == "conj" and not auxes and tok.head.i != tok.i and tok.head.pos_ in VERBAL:
        return verb_tense(tok.head, cues)
    tense = clause_tense(tok, cues.tense_verbs)
    if tok.tag_ == "VBG" and tok.head.pos_ == "ADP" and not auxes:
        return None  # "a sale for supplying X with ...": a purpose, no step under way
    if tok.tag_ == "VBG" and tense not in {"past", "future", "modal"}:
        return "progressive"  # "is finalizing", "with Warsaw planning to acquire": under way
    if tense is None and "Part" in tok.morph.get("VerbForm") and any("Inf" in a.morph.get("VerbForm") for a in auxes):
        return "past"  # "avoir scellé", "to have signed"
    return tense


def cue_status(tok: Token, cues: StatusCues, below: Token | None = None) -> str | None:
    """The status one token states, or None. `below` is the token of the chain under it: an
    infinitive a cue governs ("plans to buy", "clearance to buy") says nothing of its own."""
    lemma = _lemma(tok)
    if tok.pos_ in VERBAL or (tok.pos_ == "ADJ" and tok.dep_.startswith("acl")):
        phrase = _phrase_status(tok, cues, phrases_only=True)  # "took delivery of"
        if phrase is not None:
            # a step done or under way; "will take delivery" one to come, "could begin deliveries" a talk
            tense = verb_tense(tok, cues)
            if _negated(tok, cues) or tense is None and "Inf" in tok.morph.get("VerbForm"):
                return None
            return PHRASE_TENSES.get(tense, phrase)
        if lemma not in cues.verbs or _holds(tok, cues):
            return None
        for c in tok.children:  # "received clearance to buy", "signed a letter of intent"
            if c.dep_ in OBJECTS and c.pos_ in NOMINAL:
                noun = _phrase_status(c, cues)
                if noun is not None:
                    return noun
        table = cues.verbs[lemma]
        if _negated(tok, cues):
            return table.negated
        tense = verb_tense(tok, cues)
        if tense is None and "Inf" in tok.morph.get("VerbForm"):
            governor = tok.head
            if governor.i != tok.i and _lemma(governor) in cues.verbs:
                # "decided to scrap" a future; "plans to buy": the governing cue tells
                tense = cues.verbs[_lemma(governor)].complement
            elif governor.i != tok.i and governor.pos_ in NOMINAL:
                return None  # "clearance to buy", "a contract to buy": the noun's verb tells
            else:
                tense = "future"  # "France to deliver ..."
        return getattr(table, tense) if tense else None
    if tok.pos_ in NOMINAL:
        if below is None and lemma in cues.deal_lemmas:
            return None  # a deal noun ("order") states its step of the equipment it governs
        return _phrase_status(tok, cues)
    return None


def _modifier_status(noun: Token, cues: StatusCues) -> list[str]:
    """What the words qualifying `noun` say: cue verbs and nouns among its modifiers, and the
    words that qualify a deal noun ("possible sale")."""
    out = []
    for c in noun.children:
        if not c.dep_.startswith(NOUN_MODIFIERS):
            continue
        if c.dep_.startswith(("amod", "acl")) and _lemma(noun) in cues.deal_lemmas and _lemma(c) in cues.modifiers:
            out.append(cues.modifiers[_lemma(c)])
            continue
        targets = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c]
        for t in targets:
            s = cue_status(t, cues)
            if s is not None:
                out.append(s)
    return out


# ---------------------------------------------------------------- the deal's cues
def _token_at(ctx: DocContext, pos: int) -> Token | None:
    """The token that holds character `pos` (in a gap, the one before it; before the first
    token, the first)."""
    tok = ctx.token_from(pos)
    return tok if tok is not None or not len(ctx.doc) else ctx.doc[0]


def _coordinated_verb(tok: Token) -> bool:
    """Is `tok` a verb coordinated to the verb before it ("pledged support and proposed talks")?
    The first verb tells of its own object, not of the second one's."""
    return tok.dep_ == "conj" and tok.pos_ in VERBAL and tok.head.pos_ in VERBAL


def _chain(tok: Token) -> list[Token]:
    """`tok` and its heads up to the root (at most MAX_CHAIN), not past a relative clause's
    antecedent nor from a coordinated verb to the one before it: a cue further up speaks of
    another clause, and the work per deal stays bounded."""
    out = [tok]
    while tok.head.i != tok.i and not tok.dep_.startswith(RELATIVE) and not _coordinated_verb(tok) \
            and len(out) <= MAX_CHAIN:
        tok = tok.head
        out.append(tok)
    return out


def _memo(ctx: DocContext | None, key: tuple, compute):
    """`compute()` once per document and key: a long sentence's root is on every deal's chain."""
    if ctx is None:
        return compute()
    memo = ctx.remember("status_memo", dict)
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _readings(ctx: DocContext | None, cues: StatusCues, starts: list[Token]) -> list[str]:
    out: list[str] = []
    seen: set[int] = set()
    for start in starts:
        chain = _chain(start)
        for n, tok in enumerate(chain):
            if tok.i in seen:
                continue
            seen.add(tok.i)
            below = chain[n - 1] if n else None
            s = _memo(ctx, ("status_cue", tok.i, below is None), lambda: cue_status(tok, cues, below))
            if s is not None:
                out.append(s)
            if tok.pos_ in NOMINAL:
                out += _memo(ctx, ("status_modifiers", tok.i), lambda: _modifier_status(tok, cues))
            elif tok.pos_ in VERBAL and all(t.pos_ not in NOMINAL or t is start or _lemma(t) in cues.deal_lemmas
                                            for t in chain[:n] if t.pos_ not in VERBAL):
                # "The deal approved on ... includes", "Ce contrat porte sur l'achat de": the deal
                # noun subject of the verb whose object is the equipment (or a deal noun of it)
                subjects = _memo(ctx, ("deal_subjects", tok.i), lambda: [
                    c for c in tok.children if c.dep_ in SUBJECTS and _lemma(c) in cues.deal_lemmas])
                for c in subjects:
                    if c.i not in seen:
                        seen.add(c.i)
                        out += _memo(ctx, ("status_modifiers", c.i), lambda: _modifier_status(c, cues))
    return out


def _called_off(sent_tokens, cues: StatusCues) -> list[int]:
    """The verbs of a sentence that call off "the deal" (a deal noun pointing back, holding no
    equipment of its own): "... but announced that it was scrapping the deal"."""
    out = []
    for tok in sent_tokens:
        if tok.pos_ not in VERBAL or _lemma(tok) not in cues.verbs:
            continue
        if cue_status(tok, cues) not in {"cancelled", "rejected"}:
            continue
        for c in tok.children:
            if c.dep_ in OBJECTS and _lemma(c) in cues.deal_lemmas and \
                    any(_lemma(d) in cues.anaphors for d in c.children if d.dep_ in {"det", "poss", "nmod:poss"}) and \
                    not any(g.pos_ in {"NUM", "PROPN"} for g in c.subtree if g is not c):
                out.append(tok.i)
                break
    return out


def mention_status(ctx: DocContext, sent: Sentence, anchor: int) -> str:
    """The status of the deal whose equipment (or value, or deal noun) starts at character
    `anchor` of `sent`: the most advanced step its linked cues state; "unknown" when none does."""
    cues = status_cues(ctx.lang)
    tok = _token_at(ctx, anchor)
    if tok is None:
        return UNKNOWN
    starts = [tok]
    frame = best_frame(sentence_frames(ctx, sent), anchor)
    if frame is not None and (frame.holds(anchor) or not frame.items or not frame.trigger.dep_.startswith(RELATIVE)):
        # not a relative clause that tells of equipment of its own ("the 210 missiles that X bought")
        starts.append(frame.trigger)
    readings = _readings(ctx, cues, starts)
    chain_ids = {t.i for s in starts for t in _chain(s)}
    calling_off = _memo(ctx, ("called_off", tok.sent.start), lambda: _called_off(tok.sent, cues))
    if any(i not in chain_ids for i in calling_off):  # a verb off the deal's own chain
        readings.append("cancelled")
    return most_advanced(readings)


def weak_status(ctx: DocContext, sent: Sentence, anchor: int) -> str:
    """What the deal nouns linked to `anchor` alone suggest: a deal noun whose complement is the
    equipment ("la commande de 18 Rafale") or subject of a verb of its chain ("Ce contrat
    dépasse ..."), not one the equipment only qualifies through a clause ("the current contract
    supporting its aircraft")."""
    cues = status_cues(ctx.lang)
    tok = _token_at(ctx, anchor)
    if tok is None:
        return UNKNOWN
    found = []
    through_verb = False
    chain = _chain(tok)
    for t in chain:
        nouns = [c for c in t.children if c.dep_ in SUBJECTS and c not in chain] + ([] if through_verb else [t])
        through_verb = through_verb or t.pos_ in VERBAL
        for n in nouns:
            if n.pos_ in NOMINAL and _lemma(n) in cues.deal_nouns:
                found.append(cues.deal_nouns[_lemma(n)])
    return most_advanced(found)


def deal_status(ctx: DocContext, mentions) -> str:
    """The status of a deal told by `mentions` (each with `sentence`, `items`, `money`, `status`):
    the most advanced step they state; with none, what their deal nouns suggest."""
    status = most_advanced(m.status for m in mentions)
    if status != UNKNOWN:
        return status
    return most_advanced(weak_status(ctx, m.sentence, _weak_anchor(ctx, m)) for m in mentions)


def _weak_anchor(ctx: DocContext, mention) -> int:
    """Where the deal nouns of `mention` are looked for: its equipment (or value), or, when that
    was told in a sentence before ("Orders from Chile and Peru followed"), the trigger of the
    deal frame of its own sentence that names its parties."""
    sent = mention.sentence
    anchor = mention.items[0].start if mention.items else mention.money.start if mention.money else sent.start
    if sent.start <= anchor < sent.end:
        return anchor
    frame = best_frame(sentence_frames(ctx, sent), anchor)
    return frame.start if frame is not None else sent.start


__all__ = ["RANK", "deal_status", "mention_status", "most_advanced", "status_cues", "verb_tense"]
