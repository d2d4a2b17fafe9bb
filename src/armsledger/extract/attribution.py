"""Who says it: one attribution routine for quotes, figures and announcements.

The speaker or source is the subject or agent of the speech or report verb that governs the
quote or the claim's clause (an incise "..., a déclaré X", "..., X said" included; a participle
"soulignant que" speaks with its main clause's subject), or the object of "according to" /
"selon" / "citing", resolved through the document's mention chain (extract/mentions.py): a
pronoun, "the ministry", "le porte-parole du ministère", "the statement", "the lawsuit", "ce
pacte" become the person, body or text they stand for. An incise with an inverted "on" reads the
text or place it names ("lit-on dans une note de l'état-major", "espère-t-on à Madrid"). With no
speech verb, a quote is the words of the text it is read in ("Dans ce texte, ...") or of its
main clause's subject, named, a pronoun or a text ("L'accord prévoit « ... »"). A speaker wins
over a source it cites. Figures inside a quote take the quote's speaker (extract/figures.py); no
one named is the article's own voice.

`attribute_claim` (figures) climbs the parse from the claim; `attribute_quote` reads the verbs
around a quote; `source_kind` says what kind of source a speaker is. All words are data
(`lang/*/speech.json`, `sources.json`).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from armsledger.extract.context import DocContext
from armsledger.extract.mentions import BODIES, EXPAND, Ref, is_speech_verb, mentions_of
from armsledger.normalize.actors import lookup_actor

SUBJECT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "expl:subj", "csubj"}
AGENT_DEPS = {"obl:agent", "agent"}
INVERTED_DEPS = {"obj", "dobj", "nsubj", "appos", "obl:mod", "dep", "conj"}
CLIMB_CLAIM = 12
INCISE_DEPS = {"parataxis", "advcl", "ccomp"}
# organisation kinds (orgs.csv) as figure source kinds; armed groups announcing tolls are official
ORG_SOURCE_KINDS = {"official": "official", "agency": "agency", "media": "agency", "ngo": "ngo",
                    "expert": "expert", "armed_group": "official", "court": "official"}


def is_report_verb(ctx: DocContext, tok) -> bool:
    """Is `tok` a verb that puts a claim in its subject's mouth ("said", "reported", "recense")?"""
    return tok.text[:1].isalpha() and ctx.lex.rx("report_verbs").fullmatch(tok.text) is not None


def nominal(tok) -> bool:
    return tok.pos_ in {"NOUN", "PROPN", "PRON"} or (not tok.pos_ and tok.text[:1].isalpha())


def incise(verb, q_end: int) -> bool:
    """Only punctuation and the verb's auxiliaries stand between `q_end` and `verb`."""
    between = [t for t in verb.doc[max(0, verb.i - 6):verb.i] if t.idx >= q_end]
    return all(t.is_punct or (t.head.i == verb.i and t.dep_.startswith(("aux", "expl"))) for t in between)


def subject_of(ctx: DocContext, verb, q_end: int, q_start: int | None = None):
    """The token that speaks for `verb`: the agent of a passive, an inverted subject after the
    verb of an incise ("..., a estimé le ministère", "X, a expliqué la DGA, sert ..."), else its
    subject. [`q_start`, `q_end`) are the words it introduces (an incise comes after them)."""
    mentions = mentions_of(ctx)
    q_start = q_end if q_start is None else q_start
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
        subjects = [c for c in verb.children if c.i > verb.i and c.dep_ in SUBJECT_DEPS and nominal(c)]
        if subjects and not q_start <= subjects[0].idx < q_end:  # the nearest inverted subject
            return subjects[0]
        named = [c for c in verb.children
                 if c.i > verb.i and c.dep_ in INVERTED_DEPS and mentions.entity_at(c) is not None]
        persons = [c for c in named if mentions.entity_at(c).kind == "person"]
        if named:  # "a déclaré la ministre des Armées, Claire Martin": the person first
            return (persons or named)[0]
    words = list(verb.children) + [g for c in verb.children if c.dep_.startswith("aux") for g in c.children]
    subj = next((c for c in words  # its subject (hung from its auxiliary by a bad parse: "X a ... indiqué"),
                 if c.dep_ in SUBJECT_DEPS and not q_start <= c.idx < q_end), None)  # not a word it introduces
    if subj is not None and not (subj.idx < q_start and verb.idx >= q_end and incise(verb, q_end)):
        return subj
    if verb.idx >= q_end and incise(verb, q_end):  # an incise: its inverted subject, not a word before the quote
        for c in verb.children:
            if c.i > verb.i and c.dep_ in INVERTED_DEPS and nominal(c):
                return c
        # "« ... », a indiqué mardi devant des journalistes le porte-parole X": the inverted subject
        # hung deeper by the parser; the first person named after the verb in its clause
        for t in verb.subtree:
            if t.i > verb.i and (mentions.entity_at(t) is not None and mentions.entity_at(t).kind == "person"):
                return t
    if subj is not None:
        return subj
    # "..., soulignant que « ... »", "X said ... and added": a participle or a joined verb speaks
    # with the subject of the verb it hangs from
    if verb.dep_ in {"advcl", "xcomp", "conj", "acl"} and (
            verb.dep_ == "conj" or {"Part", "Ger"} & set(verb.morph.get("VerbForm")) or verb.tag_ in {"VBG", "VBN"}):
        head, found = verb, None  # the subject highest up: a participle adjunct's is the main clause's
        for _ in range(6):
            if head.head.i == head.i or found is not None and head.dep_ not in {"advcl", "xcomp", "ccomp", "conj"}:
                break
            head = head.head
            words = [c for c in head.children] + [g for c in head.children if c.dep_.startswith("aux")
                                                  for g in c.children]  # "X a ... indiqué", X hung from "a"
            subj = next((c for c in words if c.dep_ in SUBJECT_DEPS and not q_start <= c.idx < q_end), None)
            found = subj or found
        if found is not None:
            return found
    # no subject in the parse: a person or body named right before the verb ("..., Minister X
    # announced" with X hung elsewhere)
    before = verb.doc[first - 1] if first > 0 else None
    if before is not None and mentions.entity_at(before) is not None and before.idx >= q_end:
        return before
    return None


def intro_object(ctx: DocContext, tok):
    """The source a phrase introduced by "according to" / "selon" / "citing" names, when `tok`
    is that phrase: the noun that has the intro as its case marker ("selon X"), or the head of
    what follows the intro word ("according to X", "citing X"); else None."""
    rx = ctx.lex.rx("source_intro")
    for c in tok.children:
        if c.dep_ in {"case", "mark"} and c.i < tok.i and rx.match(ctx.text, c.idx):
            return tok
    m = rx.match(ctx.text, tok.idx)
    if m is None:
        return None
    rest = [t for t in tok.subtree if t.idx >= m.end()]
    inside = {t.i for t in rest}
    heads = [t for t in rest if t.head.i not in inside and not t.is_punct]
    return heads[0] if heads else None


def attribute_claim(ctx: DocContext, start: int, end: int, *, last: Ref | None = None) -> Ref | None:
    """Who claims what the text says in [start, end) (a figure): the subject or agent of the
    report verb that governs it, climbing the parse from its head; else the object of
    "according to" / "selon" on that path, else anywhere in its sentence; a whole claim
    ("the figure", "ce bilan") for the source that gave it (`last`). None: the text's own voice.
    A speaker wins over the source it cites ("X said that, according to Y, ...": X)."""
    mentions = mentions_of(ctx)
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    lo, hi = claim_bounds(ctx, start)

    def inside(t) -> bool:  # the parse may run across a line break: its sentence and line bound it
        return lo <= t.idx < hi

    tok, prev = span.root, None
    cited = None
    for _ in range(CLIMB_CLAIM):
        for c in [tok] + [c for c in tok.children if (prev is None or c.i != prev.i) and inside(c)]:
            if cited is None and c.dep_ != "ROOT":
                cited = intro_object(ctx, c)
        if prev is not None and governs(prev) and is_report_verb(ctx, tok):
            found = _speaker_at(ctx, subject_of(ctx, tok, end), last, inside)
            if found is not None:
                return found
        for c in tok.children:  # "..., a annoncé le ministère", "..., X announced": an incise
            if c.idx > end and inside(c) and is_report_verb(ctx, c) and (
                    c.dep_ in INCISE_DEPS or (c.dep_ == "conj" and _after_comma(c)
                                              and not any(g.dep_ == "cc" for g in c.children))):
                found = _speaker_at(ctx, subject_of(ctx, c, end), last, inside)
                if found is not None:
                    return found
        if tok.head.i == tok.i or not inside(tok.head):
            break
        prev, tok = tok, tok.head
    root = span.root
    while root.head.i != root.i and inside(root.head):
        root = root.head
    if cited is None:
        cited = _intro_in_sentence(ctx, span, root, inside)
    if cited is not None:
        return mentions.resolve(cited, last=last)
    for c in root.children:  # "The figure ... includes ...", "ce bilan inclut ...": the source of the toll
        if c.dep_ in SUBJECT_DEPS and ctx.lex.rx("report_nouns").fullmatch(c.text) and \
                any(ctx.lex.rx("speaker_definite").fullmatch(d.text) for d in c.lefts):
            return mentions.resolve(c, last=last)
    return None


def _after_comma(verb) -> bool:
    """Does a comma come right before `verb` and its auxiliaries ("..., a annoncé X")?"""
    first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i])
    return first > 0 and verb.doc[first - 1].text == ","


def claim_bounds(ctx: DocContext, pos: int) -> tuple[int, int]:
    """[start, end) of the sentence holding `pos`, within its line."""
    sent = ctx.sentence_at(pos)
    breaks = ctx.remember("line breaks", lambda: [m.start() for m in re.finditer("\n", ctx.text)])
    k = bisect_left(breaks, pos)
    line_start = breaks[k - 1] + 1 if k else 0
    line_end = breaks[k] if k < len(breaks) else len(ctx.text)
    return max(sent.start, line_start), min(sent.end, line_end)


def governs(clause) -> bool:
    """Does the verb `clause` hangs from govern what it says? Not when `clause` is that verb's
    subject, nor a clause of its own joined to it ("X declared a truce, but strikes killed 200")."""
    if clause.dep_ in SUBJECT_DEPS:
        return False
    if clause.dep_ == "conj":
        return not any(c.dep_ in SUBJECT_DEPS for c in clause.children)
    return True


def _speaker_at(ctx: DocContext, tok, last: Ref | None, inside=lambda t: True) -> Ref | None:
    """Who the subject `tok` of a report verb stands for; a toll as the subject ("the toll
    shows") gives no one of its own: the verb above it may."""
    if tok is None or not inside(tok):
        return None
    if ctx.lex.rx("report_nouns").fullmatch(tok.text):
        last = None
    return mentions_of(ctx).resolve(tok, last=last)


def _intro_in_sentence(ctx: DocContext, span, root, inside):
    """The object of "according to" / "selon" hung from a clause of the sentence of `span` (a
    parse that hangs it off the path to the claim); an intro inside a phrase ("deaths verified
    according to UN rules") is not the claim's."""
    lo, hi = claim_bounds(ctx, span.start_char)
    return ctx.remember(("intro in sentence", lo, root.i), lambda: _find_intro(ctx, lo, hi, root, inside))


def _find_intro(ctx: DocContext, lo: int, hi: int, root, inside):
    tokens = ctx.doc.char_span(lo, hi, alignment_mode="expand")
    if tokens is None:
        return None
    for t in tokens:
        obj = intro_object(ctx, t) if inside(t) else None
        if obj is None:
            continue
        clause = t.head
        if clause.i in {t.i, root.i} or not inside(clause) or any(c.dep_ in SUBJECT_DEPS for c in clause.children):
            return obj
    return None


def source_kind(ctx: DocContext, ref: Ref) -> str:
    """official | agency | ngo | expert | unknown: the gazetteer's kind of the body, else the
    words the text describes it with (its role, its name), else by what it is (a state speaks
    officially, a private person or an unnamed group is unknown, an organisation an NGO)."""
    org_kind = ref.org_kind
    if org_kind is None and ref.kind == "org":
        entry = lookup_actor(ref.name, ctx.lang)
        org_kind = entry.kind if entry is not None and entry.label == "ORG" else None
    if org_kind in ORG_SOURCE_KINDS:
        return ORG_SOURCE_KINDS[org_kind]
    if ref.kind == "state":
        return "official"
    hits = []
    for words in (ref.person_role or "", ref.name):
        for kind, rx in ctx.lex.groups("source_kinds").items():
            m = rx.search(words)
            if m:
                hits.append((m.start(), kind))
        if hits:
            return min(hits)[1]
    if org_kind == "company":
        return "unknown"
    return "ngo" if ref.kind == "org" else "unknown"


CLIMB_QUOTE = 4


def _quote_verbs(span, q_start: int, q_end: int):
    """The verbs that may govern a quote: the heads outside it, climbing a few levels, the
    verbs on the far side of a colon before it or a comma after it, then the tokens outside it
    that hang from a token inside (an incise after the quote)."""
    out, seen = [], set()
    for tok in span:
        head = tok.head
        if q_start <= head.idx < q_end or head.i == tok.i:
            continue
        for _ in range(CLIMB_QUOTE):
            if head.i not in seen:
                seen.add(head.i)
                out.append(head)
            if head.head.i == head.i:
                break
            head = head.head
    doc = span.doc
    for k, mark in ((span.start - 1, ":"), (span.start - 2, ":"), (span.end, ","), (span.end + 1, ",")):
        if 0 <= k < len(doc) and doc[k].text == mark and doc[k].head.i not in seen \
                and not q_start <= doc[k].head.idx < q_end:
            seen.add(doc[k].head.i)
            out.append(doc[k].head)
    for tok in span:
        for child in tok.children:
            if not (q_start <= child.idx < q_end) and child.i not in seen and child.dep_ != "punct":
                seen.add(child.i)
                out.append(child)
    return out


INVERTED = re.compile(r"[\s,]*[^\W\d_]+(?:-t)?-(\w+)\b")
INVERTED_AFTER_COMMA = re.compile(r",\s*[^\W\d_]+(?:-t)?-(\w+)\b")


def _inverted_incise(ctx: DocContext, close: int, hi: int, last: Ref | None, issuer: Ref | None) -> Ref | None:
    """The speaker of an incise with an inverted subject right after a quote's closing mark
    ("», a-t-il précisé", "», lit-on dans une note de l'état-major", "», espère-t-on à Madrid"):
    the pronoun's person or body; for the impersonal "on", the text or the place the incise names."""
    lex = ctx.lex
    m = INVERTED.match(ctx.text, close, min(hi, close + 40))
    if m is None:  # "« ... » pour moderniser son armée, espère-t-on à Madrid": at the end of its clause
        m = INVERTED_AFTER_COMMA.search(ctx.text, close, min(hi, close + 200))
        if m is not None and any(ch in ctx.text[close:m.start()] for ch in "«»“”\"."):
            m = None
    if m is None or not lex.rx("inverted_subjects").fullmatch(m.group(1)):
        return None
    mentions = mentions_of(ctx)
    tail = ctx.doc.char_span(m.start(1), min(hi, m.end() + 120), alignment_mode=EXPAND)
    if tail is None or not len(tail):
        return None
    if not lex.rx("impersonal_subjects").fullmatch(m.group(1)):
        return mentions.resolve(tail[0], last=last, issuer=issuer)
    for t in tail[1:]:
        if t.is_punct and t.text != "-" or t.is_sent_start:
            break
        if mentions.document_kind(t) is not None:
            return mentions.resolve(t, last=last, issuer=issuer)
        ent = mentions.entity_at(t)
        if ent is not None and (ent.kind in BODIES or ent.kind == "state"):
            return mentions.named_ref(t)
    return None


def attribute_quote(ctx: DocContext, q_start: int, q_end: int, lo: int, hi: int,
                    others: list[tuple[int, int]], last: Ref | None, issuer: Ref | None,
                    q_close: int | None = None) -> Ref | None:
    """Who said the quote in [q_start, q_end): the subject or agent of the speech verb that
    governs it (the verb it hangs from, or the verb of an incise after it), resolved through the
    mention chain; else the named subject of the main clause that puts the words in its mouth
    ("X asked the court to "..."). The verb and its subject lie in [lo, hi) (the quote's
    sentences), outside `others` (the quotes around it). `last` is the last speaker (what
    pronouns continue), `issuer` the last body that spoke (what "the statement" comes from)."""
    mentions = mentions_of(ctx)

    def free(pos: int) -> bool:
        return lo <= pos < hi and not any(a <= pos < b for a, b in others)

    span = ctx.doc.char_span(q_start, q_end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verbs = _quote_verbs(span, q_start, q_end)
    for verb in verbs:
        if not free(verb.idx) or not is_speech_verb(ctx, verb):
            continue
        subj = subject_of(ctx, verb, q_end, q_start)
        if subj is None or q_start <= subj.idx < q_end or not free(subj.idx):
            continue
        found = mentions.resolve(subj, last=last, issuer=issuer)
        if found is not None:
            return found
    for head in verbs:  # "selon X, « ... »", "« ... », according to X"
        for c in [head] + list(head.children):
            obj = intro_object(ctx, c) if free(c.idx) and not q_start <= c.idx < q_end else None
            if obj is not None and free(obj.idx):
                found = mentions.resolve(obj, last=last, issuer=issuer)
                if found is not None:
                    return found
    found = _inverted_incise(ctx, q_end if q_close is None else q_close, hi, last, issuer)
    if found is not None:
        return found
    for head in verbs:  # "Dans ce texte, l'Espagne promet de « ... »": the text speaks
        for c in head.children:
            if free(c.idx) and not q_start <= c.idx < q_end and mentions.document_kind(c) is not None and any(
                    g.dep_ in {"case", "prep"} and ctx.lex.rx("document_prepositions").fullmatch(g.text)
                    for g in [c.head] + list(c.children) if g.i < c.i):
                found = mentions.resolve(c, last=last, issuer=issuer)
                if found is not None:
                    return found
    root = span[0].sent.root  # no speech verb: the main clause's subject, named or a text or a pronoun
    if q_start <= root.idx < q_end or not free(root.idx):
        return None
    subj = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None:  # "..., former President Barack Obama banned ... over « ... »" hung elsewhere
        before = root.doc[root.i - 1] if root.i else None
        if before is not None and free(before.idx) and not q_start <= before.idx < q_end:
            ent = mentions.entity_at(before)
            if ent is not None and (ent.kind in BODIES or ent.kind == "person"):
                return mentions.named_ref(before)
        return None
    if q_start <= subj.idx < q_end or not free(subj.idx) or subj.dep_ == "expl:subj":
        return None
    found = mentions.named_ref(subj)
    if found is None and (mentions.pronoun_kind(subj) is not None or mentions.document_kind(subj) is not None):
        found = mentions.resolve(subj, last=last, issuer=issuer)
    return found


def speaker_before(ctx: DocContext, start: int, end: int, last: Ref | None, issuer: Ref | None) -> Ref | None:
    """Who the sentence in [start, end) (the one before a quote that names no one) makes speak
    ("China denounced the sale on Wednesday." then « ... »): the subject of its main verb, or of a
    verb joined to it, when that verb is a speech verb; else the source its "according to" names."""
    span = ctx.doc.char_span(start, end, alignment_mode=EXPAND)
    if span is None or not len(span):
        return None
    mentions = mentions_of(ctx)
    root = span.root
    for verb in [root] + [c for c in root.children if c.dep_ == "conj"]:
        if start <= verb.idx < end and is_speech_verb(ctx, verb):
            subj = subject_of(ctx, verb, end, end)
            if subj is not None and start <= subj.idx < end:
                found = mentions.resolve(subj, last=last, issuer=issuer)
                if found is not None:
                    return found
    for c in [root] + list(root.children):
        obj = intro_object(ctx, c) if start <= c.idx < end else None
        if obj is not None and start <= obj.idx < end:
            return mentions.resolve(obj, last=last, issuer=issuer)
    return None


HEDGE_DEPS = {"aux", "aux:tense", "aux:pass", "auxpass", "advmod", "neg", "cop", "mark", "xcomp", "prep", "obl:mod",
              "npadvmod", "nsubj", "nsubj:pass", "nsubjpass", "expl:subj"}


def claim_stance(ctx: DocContext, start: int, end: int, source_name: str | None, source_kind_: str) -> str:
    """disputed | estimated | reported | asserted for the claim in [start, end): the cues of its
    own clause (the words on the path from it up to its sentence's root, their auxiliaries,
    adverbs and the phrase naming the source: "auraient été tués", "would have killed",
    "according to early estimates", "X denied that ..."), not those of a neighbouring clause
    ("..., saying that further losses could not yet be estimated"). A denial of responsibility
    is no dispute of the count. The strongest cue wins (disputed > estimated > reported)."""
    lex = ctx.lex
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return "asserted"
    lo, hi = claim_bounds(ctx, start)
    picked = {t.i for t in span}
    tok = span.root
    for _ in range(CLIMB_CLAIM):
        picked.add(tok.i)
        for c in tok.children:
            if c.dep_ not in HEDGE_DEPS or not lo <= c.idx < hi:
                continue
            if intro_object(ctx, c) is not None:  # "according to early estimates"
                picked.update(t.i for t in c.subtree if lo <= t.idx < hi)
            elif c.dep_ not in {"prep", "obl:mod"}:  # auxiliaries, adverbs, the subject's own words
                picked.update(t.i for t in c.subtree if lo <= t.idx < hi and abs(t.i - c.i) <= 3)
        if tok.head.i == tok.i or not lo <= tok.head.idx < hi:
            break
        tok = tok.head
    doc = ctx.doc
    words = " ".join(doc[i].text for i in sorted(picked))
    if lex.has("disputed_cues", words) and not any(
            lex.rx("disputed_cues").fullmatch(doc[i].text) and any(
                lex.rx("undisputing_objects").fullmatch(c.text) for c in doc[i].subtree)
            for i in picked):
        return "disputed"
    if lex.has("estimated_cues", words):
        return "estimated"
    if lex.has("reported_cues", words) or (source_kind_ == "unknown" and lex.has("hearsay_sources", source_name or "")):
        return "reported"
    return "asserted"
