"""Figures: numbers the text claims about people or damage, with who claims them and how.

A number becomes a figure when a measure cue (killed, injured, missing, displaced, detained,
destroyed) follows it closely ("37 084 personnes tuées", "11,000 people under the rubble") or a
killing verb or toll word leads to it ("a tué plus de 56 500", "death toll rose to 200").
Before the words after it, the parse is asked what governs the counted noun: a participle on it
("quatre otages libérés"), the noun it complements ("the bodies of two crewmen", "l'exécution de
300 civils"), the verb it is subject or object of ("freed four hostages", "forced 20,000
residents to flee"), or a condition another argument of its clause names ("facing hunger");
lemmas in `measure_governors*` / `figure_conditions`. Releasing, losing or executing count only
people; the subject of killing others is not a casualty; a cue word in another, quantified
argument of the count's verb counts something else ("two hospitals received many wounded");
killed and wounded joined on one number are `other`.
Quantities of weapons, money, durations and distances are left to other extractors.
The source is the body after "selon"/"according to", else the subject of the speech verb,
else the publication itself; the stance comes from the words (conditional mood, "reportedly",
estimates, disputes). One record per distinct (value, measure); a record first told in the
article's voice takes the source of a later telling that names one.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, cached_property

from armsledger.extract.attribution import attribute_claim, claim_stance, source_kind
from armsledger.extract.context import DocContext, Sentence
from armsledger.extract.mentions import Ref
from armsledger.extract.quotes import quote_speakers
from armsledger.lang import Lexicon
from armsledger.model import Figure, FigureSource
from armsledger.normalize.numbers import NumberMatch
from armsledger.normalize.spans import SpanIndex

AFTER_WORDS = 7
NOTHING_COUNTED_AFTER = re.compile(r"\s*(?:[,.;)]|$)")
# how a counted noun hangs on the word that governs it: as the subject or object of a verb, as
# the complement of a noun ("the bodies of two crewmen", "la libération de quatre otages")
COUNTED_HEADS = frozenset({"NOUN", "NUM", "PROPN", "PRON", "ADJ"})  # what a number can count ("10 autres")
CORE_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj"})
OBJECTS = frozenset({"dobj", "obj"})
NOUN_COMPLEMENTS = frozenset({"pobj", "nmod"})
SELF_MODIFIERS = frozenset({"amod", "acl", "relcl"})
CLAUSE_ARGUMENTS = frozenset({"dobj", "obj", "obl", "obl:arg", "obl:mod", "prep", "pobj", "nmod", "attr"})
CONDITION_WORDS = 60  # words of a verb's arguments read for a condition, at most
CONDITIONS_MEMO = "figures_conditions"  # DocContext.remember key
SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
RELATIVE_CLAUSES = frozenset({"relcl", "acl:relcl"})
OTHER_ARGUMENTS = frozenset({"dobj", "obj", "prep", "obl", "obl:arg", "obl:mod"})  # the verb's other arguments
SIBLING_COUNTS = frozenset({"amod", "nummod", "det"})
COUNTED_TOGETHER = frozenset({"killed", "injured"})  # measures that, joined with one number, are `other`
DONE_TO_OTHERS = frozenset({"killed", "injured", "detained"})  # measures whose verbs have an agent and victims
ACTIVE_SUBJECTS = frozenset({"nsubj"})
AGENT = "agent"  # what governed_measure answers for a count that did the killing, wounding or holding
OTHER = "other"  # the measure of casualties that are neither killed, injured, missing, displaced nor held


@cache
def _ending_with(lex: Lexicon, key: str) -> re.Pattern[str]:
    """The words of `key` ending a text, blanks allowed after them ("including ", "entre ")."""
    return re.compile(rf"(?:{lex.rx(key).pattern})\s*$", re.I)


@cache
def _range_joiner(lex: Lexicon) -> re.Pattern[str]:
    """What stands between the bounds of a range: a conjunction ("50 and 100", "50 et 100")."""
    return re.compile(rf"\s+(?:{lex.rx('figure_conjunctions').pattern})\s+", re.I)


@cache
def _list_joiner(lex: Lexicon) -> re.Pattern[str]:
    """What stands between listed sub-counts ("seven women, three children and ...")."""
    return re.compile(rf"\s*\w*\s*(?:,|{lex.rx('figure_conjunctions').pattern})\s*", re.I)


def _first_words(text: str, n: int) -> str:
    m = re.match(r"(?:\W*\w[\w'’-]*){1,%d}" % n, text)
    return m.group(0) if m else ""


class FigureFinder:
    """The figure rules over one document. What depends only on a sentence (its source phrase,
    stance cues, place, toll words) or on a phrase (the kind of source it names) is worked out
    once and kept: a sentence holding thousands of figures is not read again for each."""

    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.lex = ctx.lex
        self.measures = ctx.lex.groups("measures")
        self.taken = SpanIndex([(m.start, m.end) for m in ctx.money] + [(w.start, w.end) for w in ctx.weapons]
                               + [(d.start, d.end) for d in ctx.dates])
        self._quotes = quote_speakers(ctx)
        self._quote_starts = [start for start, _, _ in self._quotes]
        self._places: dict[int, str | None] = {}
        self._tolls: dict[int, int] = {}
        self.governors = {lemma: name for name, lemmas in ctx.lex.words("measure_governors").items() for lemma in lemmas}
        self.people_governors = {lemma: name for name, lemmas in ctx.lex.words("measure_governors_of_people").items()
                                 for lemma in lemmas}
        self.plural_governors = {lemma: name for name, lemmas in ctx.lex.words("measure_governors_plural").items()
                                 for lemma in lemmas}
        self.patient_preps = frozenset(ctx.lex.words("figure_patient_prepositions"))
        self.conditions = {lemma: name for name, lemmas in ctx.lex.words("figure_conditions").items() for lemma in lemmas}
        self.own_quantifiers = frozenset(ctx.lex.words("figure_own_quantifiers"))
        self.toll_word = ctx.lex.rx("toll_words")
        self.toll_word_width = max(map(len, ctx.lex.words("toll_words")), default=0)

    def _is_taken(self, n: NumberMatch) -> bool:
        """Does the number start or end inside money, a weapon or a date?"""
        return self.taken.contains(n.start) or self.taken.contains(n.end - 1)

    def measure_of(self, n: NumberMatch, sent: Sentence, next_number: int) -> str | None:
        text = self.ctx.text
        after = text[n.end:min(sent.end, next_number)]
        first = _first_words(after, 1).strip().lower()
        if first and self.lex.rx("figure_exclude_after").match(first):
            return None
        before = text[max(sent.start, n.start - 45):n.start]
        for name, rx in self.measures.items():  # "killed at least 37", "wounded about 2,900"
            last = None
            for last in rx.finditer(before):  # noqa: B007  (the last match is the one we want)
                pass
            if last is not None and not before[last.end():].strip():
                if name == OTHER and not self._counts_people_or_nothing(n):
                    continue  # "released three videos", "freed three villages"
                return name
        governed = self.governed_measure(n)
        if governed is not None:
            return None if governed == AGENT else governed
        window = _first_words(after, AFTER_WORDS)
        hits = [(m.start(), name) for name, rx in self.measures.items() for m in [rx.search(window)] if m]
        if hits:
            start, name = min(hits)
            if self._counts_something_else(n, n.end + start):
                return None
            cue = self.ctx.token_from(n.end + start + 1)
            return self._counted_together(cue, name) if cue is not None else name
        predicate = self._predicate_after(n)
        if predicate is not None:
            return predicate
        if self.lex.rx("killed_verbs_before").search(before):
            return "killed"
        # "le bilan ... l'estimant à environ 200 000", "the death toll has climbed to 31,": a toll
        # word earlier, nothing counted after the number
        if NOTHING_COUNTED_AFTER.match(after) and self._toll_word_before(sent, n.start):
            return "killed"
        return None

    def _counted(self, n: NumberMatch):
        """The token the number counts: the noun it modifies ("47,000 people", "25 millions de
        personnes" -> "millions"), else the number itself."""
        tok = self.ctx.token_from(n.end - 1)
        if tok is None:
            return None
        for _ in range(2):  # "25 million people": 25 -> million -> people
            if (tok.dep_ in {"nummod", "compound"} or (tok.dep_ == "det" and tok.like_num)) and tok.head.i != tok.i \
                    and tok.head.pos_ in COUNTED_HEADS:  # "20 000 habitants": digits read as a determiner
                tok = tok.head
        return tok

    def governed_measure(self, n: NumberMatch) -> str | None:
        """The measure named by the word that governs the count in the parse: a participle or
        relative clause on it ("quatre otages libérés", "civilians summarily executed"), the noun
        it complements ("the bodies of two crewmen", "l'exécution de 300 civils"), the verb it is
        subject or object of ("losing 90 members", "freed four hostages"); else a condition
        another argument of its clause names ("25 million people are facing hunger")."""
        count = self._counted(n)
        if count is None:
            return None
        for c in count.children:
            if c.dep_ in SELF_MODIFIERS and c.pos_ in {"VERB", "ADJ"}:
                measure = self._named_by(c, count)
                if measure is not None:
                    return measure
        tok = count
        for step in range(3):
            head = tok.head
            if head.i == tok.i:
                break
            if tok.dep_ in NOUN_COMPLEMENTS:
                preps = [c.text.lower() for c in tok.children if c.dep_ == "case"]
                if head.pos_ == "ADP":  # "of" -> the noun it hangs on
                    preps.append(head.text.lower())
                    tok, head = head, head.head
                    if head.i == tok.i:
                        break
                if head.pos_ in {"NOUN", "PROPN"}:
                    # only the noun the count complements, as what it acts on ("the release of 33
                    # hostages", not "in exchange for 1,900 prisoners"), names its measure; nouns
                    # further up are climbed to reach the clause
                    of = step == 0 and any(p in self.patient_preps for p in preps)
                    measure = self._named_by(head, count) if of else None
                    if measure is not None:
                        return measure
                    tok = head
                    continue
                break
            if tok.dep_ in CORE_ARGUMENTS and head.pos_ in {"VERB", "AUX"}:
                if tok.i == count.i and tok.dep_ in ACTIVE_SUBJECTS and self._acts_on_others(head):
                    return AGENT  # "three gunmen killed 10 people": the 3 did the killing
                if tok.i == count.i:
                    # the verb, or what it makes its object do ("forced 20,000 residents to flee")
                    for verb in [head] + [c for c in head.children if c.dep_ == "xcomp" and tok.dep_ in OBJECTS]:
                        measure = self._named_by(verb, count)
                        if measure is not None:
                            return measure
                return self._condition_of(head, tok) if self._people_or_scale(count, n) else None
            break
        return None

    def _acts_on_others(self, verb) -> bool:
        """Is `verb` one of killing, wounding or holding with an object of its own?"""
        return self.governors.get(verb.lemma_.lower()) in DONE_TO_OTHERS and \
            any(c.dep_ in OBJECTS for c in verb.children)

    def _predicate_after(self, n: NumberMatch) -> str | None:
        """The measure of the verb that follows the count's whole phrase, auxiliaries and
        punctuation skipped ("2,300 villagers, most of them farmers, have been killed"), when
        the parse did not hang the phrase on it."""
        count = self._counted(n)
        if count is None or count.pos_ not in {"NOUN", "PROPN"}:
            return None
        doc = count.doc
        sent_end = count.sent.end
        i = count.right_edge.i + 1
        while i < sent_end and (doc[i].pos_ in {"PUNCT", "AUX", "PART"} or doc[i].dep_.startswith("aux")):
            i += 1
        if i < sent_end and doc[i].pos_ == "VERB":
            return self.governors.get(doc[i].lemma_.lower())
        return None

    def _named_by(self, governor, count) -> str | None:
        """The measure `governor`'s lemma names for `count`; releasing, losing or executing only
        count casualties when the count names people ("freed four hostages", not "released three
        videos")."""
        lemma = governor.lemma_.lower()
        if lemma in self.governors:
            return self._counted_together(governor, self.governors[lemma])
        if lemma in self.people_governors and self._names_people(count):
            return self.people_governors[lemma]
        if lemma in self.plural_governors and "Plur" in governor.morph.get("Number"):
            return self.plural_governors[lemma]
        return None

    def _counted_together(self, cue, measure: str) -> str:
        """"killed or wounded", "morts ou blessés" with one number: casualties counted together
        are `other`; "five killed and 10 injured" gives each its own number."""
        if measure not in COUNTED_TOGETHER:
            return measure
        for c in cue.children:
            if c.dep_ == "conj" and self.governors.get(c.lemma_.lower(), measure) in COUNTED_TOGETHER - {measure} \
                    and not any(g.like_num for g in cue.doc[c.left_edge.i:c.i]):  # its own number before it
                return OTHER
        return measure

    def _counts_people_or_nothing(self, n: NumberMatch) -> bool:
        """Does the number count people, or stand with no noun of its own ("freed 37")?"""
        count = self._counted(n)
        return count is None or count.pos_ not in {"NOUN", "PROPN"} or self._names_people(count)

    def _people_or_scale(self, count, n: NumberMatch) -> bool:
        """Does the count name people, or a bare scale ("a population of 30 million", "25
        millions de personnes"), rather than things ("three provinces")?"""
        if count.pos_ == "NUM" or n.start <= count.idx < n.end:  # a word of the number itself
            complements = [g for c in count.children if c.dep_ in {"nmod", "prep"}
                           for g in ([c] if c.dep_ == "nmod" else [x for x in c.children if x.dep_ == "pobj"])]
            return not complements or any(self._names_people(c) for c in complements)
        return count.pos_ not in {"NOUN", "PROPN"} or self._names_people(count)

    def _names_people(self, count) -> bool:
        text = count.text
        return self.lex.rx("figure_subjects").fullmatch(text) is not None or \
            any(rx.fullmatch(text) for rx in self.measures.values())

    def _condition_of(self, verb, arg) -> str | None:
        """A condition ("hunger", "la faim") named within the other arguments of `verb`. What
        each argument of a verb names is read once per verb, a bounded number of words: a verb
        with thousands of counted objects is not read again for each."""
        def build() -> list[tuple[int, str]]:
            found: list[tuple[int, str]] = []
            seen = 0
            for branch in verb.children:
                if branch.dep_ not in CLAUSE_ARGUMENTS:
                    continue
                todo = [(branch, 0)]
                while todo and seen < CONDITION_WORDS:
                    tok, depth = todo.pop()
                    seen += 1
                    if tok.lemma_.lower() in self.conditions:
                        found.append((branch.i, self.conditions[tok.lemma_.lower()]))
                        break
                    if depth < 3:
                        todo += [(c, depth + 1) for c in tok.children if c.dep_ in CLAUSE_ARGUMENTS]
            return found
        return next((name for i, name in self.ctx.remember((CONDITIONS_MEMO, verb.i), build) if i != arg.i), None)

    def _counts_something_else(self, n: NumberMatch, cue_pos: int) -> bool:
        """Is the cue word after the number in another argument of the verb the count is the
        subject of (or of its relative clause), quantified on its own ("two hospitals received
        many wounded", "3 ambulances carried dozens of wounded", "deux hôpitaux, qui ont reçu de
        nombreux blessés")? Then the number counts the subject, not the casualties."""
        count, cue = self._counted(n), self.ctx.token_from(cue_pos)
        if count is None or cue is None or cue.i == count.i:
            return False
        verbs = {c.i for c in count.children if c.dep_ in RELATIVE_CLAUSES}
        if count.dep_ in SUBJECTS and count.head.i != count.i:
            verbs.add(count.head.i)
        path, tok = [cue], cue
        for _ in range(4):
            if tok.head.i == tok.i or tok.head.i in verbs or tok.i in verbs:
                break
            tok = tok.head
            path.append(tok)
        if tok.i in verbs or tok.head.i not in verbs or tok.dep_ not in OTHER_ARGUMENTS:
            return False
        return any(t.lemma_.lower() in self.own_quantifiers or any(
            c.dep_ in SIBLING_COUNTS and c.lemma_.lower() in self.own_quantifiers for c in t.children) for t in path)

    def _toll_word_before(self, sent: Sentence, pos: int) -> bool:
        """`self.toll_word.search(text[sent.start:pos])`, without reading the sentence again for
        every number in it.

        A toll word is a whole word, so the first one of the sentence is the first to end: if it
        ends by `pos` the slice holds it too. Otherwise the slice can only match a word it cuts
        short at `pos` ("death" of "deaths"), within the last few characters."""
        if pos > sent.end:  # the second number of a range, past the sentence: read the slice
            return self.toll_word.search(self.ctx.text[sent.start:pos]) is not None
        if sent.index not in self._tolls:
            first = self.toll_word.search(sent.text)
            self._tolls[sent.index] = first.end() if first else -1
        end = pos - sent.start
        first_end = self._tolls[sent.index]
        if first_end != -1 and first_end <= end:
            return True
        return self.toll_word.search(sent.text, max(0, end - self.toll_word_width), end) is not None

    def source_of(self, n: NumberMatch, last: Ref | None) -> tuple[FigureSource, Ref | None]:
        """(source, who it resolves to) for figure `n`: the speaker of the quote it is in, else
        whoever the attribution routine finds claims it; the publication itself when no one."""
        ref = self._quoted_by(n) or attribute_claim(self.ctx, n.start, n.end, last=last)
        if ref is None:
            return FigureSource(name=None, kind="publication"), None
        return FigureSource(name=ref.long_name, kind=source_kind(self.ctx, ref)), ref

    def _quoted_by(self, n: NumberMatch) -> Ref | None:
        k = bisect_left(self._quote_starts, n.start + 1) - 1
        if k >= 0 and n.end <= self._quotes[k][1]:
            return self._quotes[k][2]
        return None

    def subject_of(self, n: NumberMatch) -> str | None:
        m = re.match(r"\s+(?:de |d['’]|of )?([\w’'-]+)", self.ctx.text[n.end:n.end + 40])
        if m and self.lex.rx("figure_subjects").fullmatch(m.group(1)):
            return m.group(1)
        return None

    def location_of(self, sent: Sentence) -> str | None:
        """The first place or state entity in the sentence."""
        if sent.index not in self._places:
            places = self._place_entities
            if self._places_ordered:
                k = bisect_left(places, (sent.start,))
                place = places[k][1] if k < len(places) and places[k][0] < sent.end else None
            else:
                place = next((text for start, text in places if sent.start <= start < sent.end), None)
            self._places[sent.index] = place
        return self._places[sent.index]

    @cached_property
    def _place_entities(self) -> list[tuple[int, str]]:
        return [(ent.start_char, ent.text) for ent in self.ctx.ents if ent.label_ in {"LOC", "GPE"}]

    @cached_property
    def _places_ordered(self) -> bool:
        starts = [start for start, _ in self._place_entities]
        return all(a < b for a, b in zip(starts, starts[1:]))


def extract_figures(ctx: DocContext) -> list[Figure]:
    """Casualty and damage figures with source, stance and qualifier."""
    finder = FigureFinder(ctx)
    numbers = [n for n in ctx.numbers if not finder._is_taken(n)]
    out: list[Figure] = []
    seen: dict[tuple[float, str], int] = {}  # (value, measure) -> its record in `out`
    last_source: Ref | None = None
    prev_in_sentence: dict[int, str] = {}
    subcounts: set[tuple[int, int]] = set()
    since_of: dict[int, str | None] = {}  # per sentence: the start of a "depuis"/"since" period
    skip_next = False
    for i, n in enumerate(numbers):
        if skip_next:
            skip_next = False
            continue
        sent = ctx.sentence_at(n.start)
        nxt = numbers[i + 1].start if i + 1 < len(numbers) else len(ctx.text)
        value_high = None
        if _ending_with(ctx.lex, "figure_range_openers").search(ctx.text[max(0, n.start - 10):n.start]) \
                and i + 1 < len(numbers) and _range_joiner(ctx.lex).fullmatch(ctx.text[n.end:numbers[i + 1].start]):
            value_high = numbers[i + 1].value
            nxt_n = numbers[i + 1]
            nxt = numbers[i + 2].start if i + 2 < len(numbers) else len(ctx.text)
            measure = finder.measure_of(nxt_n, sent, nxt)
            skip_next = True
        else:
            measure = finder.measure_of(n, sent, nxt)
        prev = numbers[i - 1] if i else None
        listed = prev is not None and (prev.start, prev.end) in subcounts and \
            _list_joiner(ctx.lex).fullmatch(ctx.text[prev.end:n.start] if prev.end <= n.start else "x")
        if measure is None and finder.subject_of(n) and (
                _ending_with(ctx.lex, "figure_subcount_openers").search(ctx.text[max(sent.start, n.start - 20):n.start])
                or listed):
            # "including seven women and three children": sub-counts of the figure before
            measure = prev_in_sentence.get(sent.index)
            subcounts.add((n.start, n.end))
        if measure is None:
            continue
        prev_in_sentence[sent.index] = measure
        source, ref = finder.source_of(n, last_source)
        if ref is not None:
            last_source = ref
        key = (n.value, measure)
        if key in seen:
            k = seen[key]
            if out[k].source.kind == "publication" and source.kind != "publication":
                # "left at least 70 dead", then "killed at least 70 people, according to MSF": the
                # same figure, told again with who claims it
                out[k] = out[k].model_copy(update={
                    "source": source, "stance": claim_stance(ctx, n.start, n.end, source.name, source.kind)})
            continue
        seen[key] = len(out)
        if sent.index not in since_of:
            since_of[sent.index] = next((d.value for d in ctx.in_sentence(ctx.dates, sent) if d.kind == "since"), None)
        since = since_of[sent.index]
        end = min(sent.end, n.end + 90)
        out.append(Figure(
            value=n.value, value_high=value_high, qualifier=n.qualifier, measure=measure,
            description=re.sub(r"\s+", " ", ctx.text[n.start:end]).strip(),
            subject=finder.subject_of(n), location=finder.location_of(sent), period_start=since,
            source=source, stance=claim_stance(ctx, n.start, n.end, source.name, source.kind), evidence=[(n.start, n.end), (sent.start, sent.end)]))
    return out
