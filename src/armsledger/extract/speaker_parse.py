"""Who said a quote, read from the dependency parse.

The speaker is the subject of the speech verb that governs the quote: the verb the quote
hangs from ("X said: "..."", "X a déclaré que « ... »"), or the verb of the incise that hangs
from the quote (""...", the ministry said", "« ... », a estimé le ministère", "a-t-il
insisté"). French incises often parse the inverted subject as an object: the first noun after
the verb then stands for it, and an incise between commas ("Ce contrat, a expliqué la DGA, sert
« ... »") names its speaker after the verb. The subject token becomes a speaker:

* a person or organisation the document names there (its full name, its acronym);
* a pronoun: the last speaker, or the last person / organisation named, by the pronoun's kind;
* a statement noun ("the statement"): the body that issued it;
* "a spokesperson for X", "le porte-parole du ministère": X, the role kept;
* a definite body noun alone ("the ministry", "le tribunal"): the last organisation named;
* a relative pronoun ("X, who said"): its antecedent; a passive's agent ("par les autorités")
  before its subject;
* a proper noun the gazetteer does not know ("the Northern Relief Coalition"): its words;
* any other noun phrase ("officials", "one resident", "des manifestants"): the phrase without
  its determiners and numerals; a later "the resident" resolves to that first mention.

All word lists are in the per-language lexicon; nothing here scans back through the document:
the lookups go through the indexes of `DocContext`.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from armsledger.extract.attribution import (
    Speaker, acronym_after, clean_name, issuer_before, last_person_before, nearest_speaker, speaker_from_mention,
)
from armsledger.extract.context import DocContext

SUBJECT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "expl:subj", "csubj"}
AGENT_DEPS = {"obl:agent", "agent"}
INVERTED_DEPS = {"obj", "dobj", "nsubj", "appos", "obl:mod", "dep", "conj"}
LEFT_KEEP = {"compound", "amod", "flat:name", "flat", "nmod", "poss", "npadvmod"}
RIGHT_KEEP = {"flat:name", "flat", "compound", "amod"}
RIGHT_COMPLEMENTS = RIGHT_KEEP | {"case", "det", "nmod", "pobj", "prep", "appos"}
CLIMB = 4


class Memory:
    """The unnamed speakers of a document by their head word, first mention kept."""

    def __init__(self) -> None:
        self.by_head: dict[str, Speaker] = {}


def _is_speech_verb(ctx: DocContext, tok) -> bool:
    if not tok.text[:1].isalpha() or tok.pos_ in {"NOUN", "PROPN", "PRON", "DET", "ADP"}:
        return False
    text = ctx.text
    start = min([tok.idx] + [c.idx for c in tok.children if c.dep_.startswith("aux") and c.i < tok.i])
    window = text[start:tok.idx + len(tok.text) + 12]
    rx = ctx.lex.rx("speech_verbs")
    m = rx.match(window) or rx.match(text[tok.idx:tok.idx + len(tok.text) + 12])
    return m is not None


def _candidates(span, q_start: int, q_end: int):
    """The verbs that may govern the quote: the heads outside it, climbing a few levels, then
    the tokens outside it that hang from a token inside (an incise after the quote)."""
    out, seen = [], set()
    for tok in span:
        head = tok.head
        if q_start <= head.idx < q_end or head.i == tok.i:
            continue
        for _ in range(CLIMB):
            if head.i not in seen:
                seen.add(head.i)
                out.append(head)
            if head.head.i == head.i:
                break
            head = head.head
    doc = span.doc
    # "X a scandé : « ... »", "« ... », a estimé X": the quote parsed apart from its verb
    for k, mark in ((span.start - 1, ":"), (span.start - 2, ":"), (span.end, ","), (span.end + 1, ",")):
        if 0 <= k < len(doc) and doc[k].text == mark and doc[k].head.i not in seen \
                and not q_start <= doc[k].head.idx < q_end:
            seen.add(doc[k].head.i)
            out.append(doc[k].head)
    for tok in span:
        for child in tok.children:
            if not (q_start <= child.idx < q_end) and child.i not in seen and child.dep_ not in {"punct"}:
                seen.add(child.i)
                out.append(child)
    return out


def _incise(ctx: DocContext, verb, q_end: int) -> bool:
    """Only punctuation and the verb's auxiliaries stand between the quote and `verb`."""
    between = [t for t in verb.doc[max(0, verb.i - 6):verb.i] if t.idx >= q_end]
    return all(t.is_punct or (t.head.i == verb.i and t.dep_.startswith(("aux", "expl"))) for t in between)


def _subject(ctx: DocContext, verb, q_end: int):
    # the agent of a passive speaks ("was described as "..." by the authorities"), before its subject
    for c in verb.children:
        if c.dep_ in AGENT_DEPS:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            return objs[0] if objs else c
    if any(c.dep_ in {"aux:pass", "auxpass", "nsubj:pass", "nsubjpass"} for c in verb.children):
        agent = ctx.lex.rx("agent_prepositions")
        for c in verb.children:  # "déclaré ... par les autorités", parsed as a plain oblique
            if c.dep_.startswith("obl") and any(g.dep_ == "case" and agent.fullmatch(g.text) for g in c.children):
                return c
    first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i])
    if first > 0 and verb.doc[first - 1].text == ",":
        # "X, a expliqué la DGA, sert ...": an incise between commas, its subject after the verb
        for c in verb.children:
            if c.i > verb.i and c.dep_ in INVERTED_DEPS and _entity_at(ctx, c) is not None:
                return c
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            return c
    # "« ... », a estimé le ministère": the inverted subject parsed as an object
    if verb.idx >= q_end and _incise(ctx, verb, q_end):
        for c in verb.children:
            if c.i > verb.i and c.dep_ in INVERTED_DEPS and _nominal(c):
                return c
    return None


def _nominal(tok) -> bool:
    return tok.pos_ in {"NOUN", "PROPN", "PRON"} or (not tok.pos_ and tok.text[:1].isalpha())


def _left_edge(tok, keep_det: bool = True):
    """The first token of the words right before `tok` that modify it (compounds, adjectives,
    names, hyphens), read back token by token so a bad parse never reaches a far clause."""
    doc, i = tok.doc, tok.i
    while i > 0 and i > tok.i - 8:
        prev = doc[i - 1]
        if not (i - 1 < prev.head.i <= tok.i):
            break
        if prev.dep_ in LEFT_KEEP or (keep_det and prev.dep_ in {"det", "poss"}) or prev.text in {"-", "."}:
            i -= 1
            continue
        break
    return doc[i]


def _right_edge(tok):
    """The last token of the names and complements right after `tok` ("Coalition du Nord",
    "Ngefa" in "Guillaume Ngefa"), read token by token, stopping at a comma or a conjunction."""
    doc, j = tok.doc, tok.i
    while j + 1 < len(doc) and j < tok.i + 8:
        nxt = doc[j + 1]
        if not (tok.i <= nxt.head.i <= j + 2) or nxt.dep_ not in RIGHT_COMPLEMENTS or nxt.is_punct:
            break
        j += 1
    while j > tok.i and doc[j].dep_ in {"case", "det", "prep"}:
        j -= 1
    return doc[j]


def _phrase(ctx: DocContext, tok, drop: set[str]) -> str:
    """The noun phrase of `tok`: its compounds, adjectives and names, without determiners,
    numerals or clauses."""
    words = [t for t in tok.doc[_left_edge(tok).i:tok.i + 1] if t.dep_ not in {"det", "punct", "case"} or t.text == "-"]
    words += list(tok.doc[tok.i + 1:_right_edge(tok).i + 1])
    while words and (words[0].text.lower() in drop or words[0].dep_ in {"det", "nummod"}):
        words = words[1:]
    if not words:
        return ""
    return ctx.text[words[0].idx:words[-1].idx + len(words[-1].text)]


def _named(ctx: DocContext, tok) -> Speaker | None:
    """A person or organisation the document names in the phrase of `tok`."""
    lo = _left_edge(tok).idx
    last_tok = _right_edge(tok)
    hi = last_tok.idx + len(last_tok.text)
    found = nearest_speaker(ctx, lo, hi, prefer="first")
    if found is not None:
        return found
    return None


def _ent_starts(ctx: DocContext) -> list[int]:
    return ctx.remember("entity starts", lambda: [e.start_char for e in ctx.ents])


def _entity_at(ctx: DocContext, tok):
    """The named entity holding `tok`, or None."""
    k = bisect_right(_ent_starts(ctx), tok.idx) - 1
    if k >= 0 and ctx.ents[k].start_char <= tok.idx < ctx.ents[k].end_char:
        return ctx.ents[k]
    return None


def _ent_acronyms(ctx: DocContext) -> dict[str, str]:
    """Organisation names the text follows with an acronym in parentheses, built once."""
    def build() -> dict[str, str]:
        table: dict[str, str] = {}
        for e in ctx.ents:
            if e.label_ == "ORG":
                acro = acronym_after(ctx, e.end_char)
                if acro:
                    table.setdefault(clean_name(e.text), acro)
        return table

    return ctx.remember("org entity acronyms", build)


def _last_org_entity(ctx: DocContext, pos: int) -> Speaker | None:
    """The last organisation the parser names before `pos`, known to the gazetteer or not."""
    orgs = ctx.remember("org entities", lambda: [e for e in ctx.ents if e.label_ == "ORG"])
    starts = ctx.remember("org entity starts", lambda: [e.start_char for e in orgs])
    k = bisect_right(starts, pos - 1)
    if not k:
        return None
    e = orgs[k - 1]
    mention = next(iter(ctx.within(ctx.actors, e.start_char, e.end_char)), None)
    if mention is not None:
        return speaker_from_mention(ctx, mention)
    return Speaker(clean_name(e.text), "org", e.start_char)


def _pronoun_kind(ctx: DocContext, tok) -> str | None:
    """"person", "thing" or "group" for a personal pronoun ("he", "-t-elle", "it", "they")."""
    word = ([tok.text] + [c.text for c in tok.rights if c.text.startswith("-")])[-1]
    word = word.split("-")[-1] if "-" in word else word
    for kind, rx in ctx.lex.groups("speaker_pronouns").items():
        if rx.fullmatch(word):
            return kind
    return "person" if tok.dep_ == "expl:subj" else None


def _by_pronoun(ctx: DocContext, kind: str, q_start: int, last: Speaker | None,
                last_org: Speaker | None) -> Speaker | None:
    if kind == "thing":  # "it said": a body, never a person
        if last is not None and last.kind != "person":
            return last
        return last_org or issuer_before(ctx, q_start) or _last_org_entity(ctx, q_start)
    if kind == "group":
        return last
    if kind == "any":  # French "il"/"elle" stand for a body as well as a person
        return last or last_person_before(ctx, q_start)
    # "he said": a person, never a body; the one named last
    named = last_person_before(ctx, q_start)
    if last is not None and last.kind == "person" and \
            (named is None or last.start >= named.start or last.name == named.name):
        return last
    return named


def speaker_of(ctx: DocContext, tok, q_start: int, last: Speaker | None, last_org: Speaker | None,
               memory: Memory, depth: int = 0) -> Speaker | None:
    """The speaker a subject token stands for (see the module's description), or None."""
    lex = ctx.lex
    word = tok.text
    lower = word.lower()
    if lex.rx("relative_pronouns").fullmatch(word) and tok.head.dep_ in {"relcl", "acl:relcl"} and depth < 2:
        # "X, who said ...": the antecedent speaks
        return speaker_of(ctx, tok.head.head, q_start, last, last_org, memory, depth + 1)
    kind = _pronoun_kind(ctx, tok)
    if kind is not None:
        return _by_pronoun(ctx, kind, q_start, last, last_org)
    if tok.pos_ and tok.pos_ not in {"NOUN", "PROPN", "PRON", "X", "NUM"}:
        return None  # not a noun: a bad parse
    for c in tok.rights:  # "la porte-parole de la Maison Blanche, Karoline Leavitt": the person
        if c.dep_ == "appos":
            named = _named(ctx, c)
            if named is not None and named.kind == "person":
                return named
    is_for_noun = lex.rx("speaker_for_nouns").fullmatch(word) is not None
    named = None if is_for_noun else _named(ctx, tok)
    if named is not None:
        return named
    if lex.rx("statement_nouns").fullmatch(word):
        return last_org or issuer_before(ctx, q_start) or last
    dets = [c.text.lower() for c in tok.lefts if c.dep_ in {"det", "poss"}]
    definite = any(lex.rx("speaker_definite").fullmatch(d) for d in dets)
    if is_for_noun and depth < 2:
        # "a spokesperson for X", "le porte-parole du ministère": X speaks
        for c in tok.rights:
            if c.dep_ in {"prep", "nmod"}:
                obj = c if c.dep_ == "nmod" else next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is None:
                    continue
                body = speaker_of(ctx, obj, q_start, last, last_org, memory, depth + 1)
                if body is not None:
                    return Speaker(body.name, body.kind, body.start, word)
    body_noun = lex.rx("speaker_body_nouns").fullmatch(word) is not None
    ent = _entity_at(ctx, tok)
    if ent is not None and ent.label_ in {"ORG", "PER", "PERSON"} and not (body_noun and len(ent) <= 2):
        # a name the gazetteer does not know ("the Northern Relief Coalition")
        name = clean_name(ctx.text[ent.start_char:ent.end_char])
        if ent.label_ == "ORG":  # by the acronym the text gives it ("... de l'armement (DGA)")
            name = _ent_acronyms(ctx).get(name, name)
        if name[:1].isupper():
            return Speaker(name, "person" if ent.label_ != "ORG" else "org", ent.start_char)
    bare = _left_edge(tok, keep_det=False).i == tok.i and _right_edge(tok).i == tok.i
    if body_noun and (definite or depth) and bare:  # "the ministry", "le tribunal": named before
        if lower in memory.by_head:
            return memory.by_head[lower]
        if lex.rx("speaker_court_nouns").fullmatch(word):
            court = ctx.last_starting_before(ctx.courts, q_start)
            if court is not None:
                return speaker_from_mention(ctx, court)
        if last is not None and last.kind == "org":
            return last
        return last_org or issuer_before(ctx, q_start) or _last_org_entity(ctx, q_start)
    if tok.pos_ == "PRON":
        return None
    if depth:  # the body a spokesperson or a source speaks for, as the text writes it
        phrase = _phrase(ctx, tok, set(lex.words("speaker_drop_modifiers")) | set(lex.words("speaker_definite")))
        return Speaker(phrase, "org", tok.idx) if phrase and not bare else None
    if definite and lower in memory.by_head:
        return memory.by_head[lower]
    if definite and bare and not body_noun:
        return None  # "the lawsuit", "le responsable": no earlier mention to stand for
    phrase = _phrase(ctx, tok, set(lex.words("speaker_drop_modifiers")) | set(lex.words("speaker_definite")))
    if not phrase or not re.search(r"\w", phrase):
        return None
    if _left_edge(tok, keep_det=True).is_sent_start and phrase[:1].isupper() and not phrase[1:2].isupper():
        phrase = phrase[:1].lower() + phrase[1:]  # "Officials said": capitalised only as the sentence's first word
    found = Speaker(phrase, "group", tok.idx)
    memory.by_head.setdefault(lower, found)
    return memory.by_head[lower]


def parsed_speaker(ctx: DocContext, q_start: int, q_end: int, lo: int, hi: int,
                   others: list[tuple[int, int]], last: Speaker | None,
                   last_org: Speaker | None, memory: Memory, *, first_pass: bool = False) -> Speaker | None:
    """The speaker the parse gives the quote in [q_start, q_end), or None. The `first_pass`
    reads only the subject of the first speech verb, and leaves pronouns (and a quote with no
    speech verb) to the other readings; the last pass goes through every verb. The verb and its
    subject lie in [lo, hi) (the quote's sentences), outside the `others` (the quotes around it)."""
    def free(pos: int) -> bool:
        return lo <= pos < hi and not any(a <= pos < b for a, b in others)

    span = ctx.doc.char_span(q_start, q_end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for verb in _candidates(span, q_start, q_end):
        if not free(verb.idx) or not _is_speech_verb(ctx, verb):
            continue
        subj = _subject(ctx, verb, q_end)
        if subj is None:
            continue
        if q_start <= subj.idx < q_end or not free(subj.idx):
            continue
        if first_pass:
            return speaker_of(ctx, subj, q_start, last, last_org, memory)
        found = speaker_of(ctx, subj, q_start, last, last_org, memory)
        if found is not None:
            return found
    if first_pass:
        return None
    # no speech verb: words the sentence's main clause puts in a named subject's mouth
    # ("X requested the court to "..."", "X ruled that the strikes "..."")
    root = span[0].sent.root
    if q_start <= root.idx < q_end or not free(root.idx):
        return None
    subj = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or q_start <= subj.idx < q_end or not free(subj.idx) or subj.dep_ == "expl:subj":
        return None
    found = _named(ctx, subj)
    return found if found is not None and found.kind in {"person", "org", "state"} else None
