"""Figures: numbers the text claims about people or damage, with who claims them and how.

A number becomes a figure when a measure cue (killed, injured, missing, displaced, detained,
destroyed) follows it closely ("37 084 personnes tuées", "11,000 people under the rubble") or a
killing verb or toll word leads to it ("a tué plus de 56 500", "death toll rose to 200").
Quantities of weapons, money, durations and distances are left to other extractors.
The source is the body after "selon"/"according to", else the subject of the speech verb,
else the publication itself; the stance comes from the words (conditional mood, "reportedly",
estimates, disputes). One record per distinct (value, measure).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property

from armsledger.extract.attribution import role_before
from armsledger.extract.context import DocContext, Sentence
from armsledger.model import Figure, FigureSource
from armsledger.normalize.numbers import NumberMatch
from armsledger.normalize.spans import SpanIndex

AFTER_WORDS = 7
# organisation kinds (orgs.csv) as figure source kinds; armed groups announcing tolls are official
ORG_SOURCE_KINDS = {"official": "official", "agency": "agency", "ngo": "ngo", "expert": "expert",
                    "armed_group": "official", "court": "official"}
SUBCOUNT = re.compile(r"(?:\bdont|\bincluding|\bamong them|\bparmi lesquel\w*|\bparmi eux)\s*$", re.I)
RANGE_OPEN = re.compile(r"(?:\bentre|\bbetween)\s*$", re.I)
ARTICLE = re.compile(r"^(?:un |une |des |le |la |les |l['’]|the |a |an )", re.I)
TOLL_WORDS = ("bilan", "victimes", "toll", "casualties", "death")
TOLL_WORD = re.compile(rf"\b(?:{'|'.join(TOLL_WORDS)})\b", re.I)
TOLL_WORD_WIDTH = max(map(len, TOLL_WORDS))
NOTHING_COUNTED_AFTER = re.compile(r"\s*(?:[,.;)]|$)")


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
        self._sources: dict[tuple[int, bool], tuple[str | None, str, str | None] | None] = {}
        self._speech: dict[int, tuple[re.Match | None, re.Match | None]] = {}
        self._kinds: dict[str, str | None] = {}
        self._stances: dict[int, tuple[bool, bool, bool]] = {}
        self._places: dict[int, str | None] = {}
        self._tolls: dict[int, int] = {}
        # what kind_of looks for in a phrase, each distinct surface once, in text order
        self._org_surfaces: dict[str, str] = {}
        for m in ctx.actors:
            if m.label == "ORG" and m.kind in ORG_SOURCE_KINDS:
                self._org_surfaces.setdefault(m.surface, m.kind)
        self._state_surfaces = list(dict.fromkeys(
            m.surface for m in ctx.actors if m.label == "GPE" and m.kind != "demonym"))
        self._surnames: dict[str, int] = {}  # last word of a person's name -> first person with it
        for i, p in enumerate(ctx.persons):
            self._surnames.setdefault(p.name.split()[-1], i)

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
                return name
        window = _first_words(after, AFTER_WORDS)
        hits = [(m.start(), name) for name, rx in self.measures.items() for m in [rx.search(window)] if m]
        if hits:
            return min(hits)[1]
        if self.lex.rx("killed_verbs_before").search(before):
            return "killed"
        # "le bilan ... l'estimant à environ 200 000", "the death toll has climbed to 31,": a toll
        # word earlier, nothing counted after the number
        if NOTHING_COUNTED_AFTER.match(after) and self._toll_word_before(sent, n.start):
            return "killed"
        return None

    def _toll_word_before(self, sent: Sentence, pos: int) -> bool:
        """`TOLL_WORD.search(text[sent.start:pos])`, without reading the sentence again for
        every number in it.

        A toll word is a whole word, so the first one of the sentence is the first to end: if it
        ends by `pos` the slice holds it too. Otherwise the slice can only match a word it cuts
        short at `pos` ("death" of "deaths"), within the last few characters."""
        if pos > sent.end:  # the second number of a range, past the sentence: read the slice
            return TOLL_WORD.search(self.ctx.text[sent.start:pos]) is not None
        if sent.index not in self._tolls:
            first = TOLL_WORD.search(sent.text)
            self._tolls[sent.index] = first.end() if first else -1
        end = pos - sent.start
        first_end = self._tolls[sent.index]
        if first_end != -1 and first_end <= end:
            return True
        return TOLL_WORD.search(sent.text, max(0, end - TOLL_WORD_WIDTH), end) is not None

    def source_of(self, sent: Sentence, n: NumberMatch) -> tuple[FigureSource, str | None]:
        """(source, the phrase naming it) for a figure in `sent`."""
        intro, verb = self._speech_in(sent)
        # without a source intro, only whether a speech verb comes before the figure matters
        before_verb = intro is None and verb is not None and verb.start() < n.start - sent.start
        key = (sent.index, before_verb)
        if key not in self._sources:
            self._sources[key] = self._source_in(sent.text, intro, verb, before_verb)
        found = self._sources[key]
        if found is None:
            return FigureSource(name=None, kind="publication"), None
        name, kind, phrase = found
        if kind == "same":
            return None, "same"  # type: ignore[return-value]
        return FigureSource(name=name, kind=kind), phrase

    def _speech_in(self, sent: Sentence) -> tuple[re.Match | None, re.Match | None]:
        """(the source intro of the sentence, else its first speech verb), read once."""
        if sent.index not in self._speech:
            intro = self.lex.rx("source_intro").search(sent.text)
            verb = None if intro else self.lex.rx("speech_verbs").search(sent.text)
            self._speech[sent.index] = (intro, verb)
        return self._speech[sent.index]

    def _source_in(self, s: str, intro: re.Match | None, verb: re.Match | None, before_verb: bool
                   ) -> tuple[str | None, str, str | None] | None:
        """(name, kind, phrase) of the source sentence `s` names, ("", "same", None) for "the
        same source", None for the publication itself."""
        phrase = None
        if intro:
            rest = s[intro.end():]
            phrase = re.split(r"[,;.:]|\s(?:que|qui|that|who|s['’]appuyant|citing)\s", rest, maxsplit=1)[0]
        elif verb is not None and before_verb:
            phrase = s[:verb.start()]
            phrase = re.split(r"[;:]|,\s(?=\w+\s\w+\s)", phrase)[0] if len(phrase) > 120 else phrase
        elif verb is not None:
            # "..., the Hamas-run Health Ministry said on Monday": the words before a final verb
            head = s[:verb.start()]
            phrase = re.split(r"[,;:]", head)[-1]
            if len(phrase) > 100 or not phrase.strip():
                phrase = None
        if not phrase or not phrase.strip():
            return None
        phrase = re.sub(r"\s+(?:a|ont|avait|avaient|has|have|had|is|was|were)$", "", phrase.strip().strip(","))
        if re.match(r"(?:cette même source|la même source|the same source)", phrase, re.I):
            return "", "same", None
        kind = self.kind_of(phrase)
        if kind is None:
            return None
        name = ARTICLE.sub("", phrase)
        name = re.sub(r"^(?:un |a )?(?:décompte|tally|count|bilan)\s+(?:de |d['’]|of |by )", "", name, flags=re.I)
        return name.strip()[:120], kind, phrase

    def kind_of(self, phrase: str) -> str | None:
        if phrase not in self._kinds:
            self._kinds[phrase] = self._kind_of(phrase)
        return self._kinds[phrase]

    def _kind_of(self, phrase: str) -> str | None:
        # the first organisation of the text (as a source kind) that the phrase names
        for surface, kind in self._org_surfaces.items():
            if surface in phrase:
                return ORG_SOURCE_KINDS[kind]
        hits = []
        for kind, rx in self.lex.groups("source_kinds").items():
            m = rx.search(phrase)
            if m:
                hits.append((m.start(), kind))
        if hits:
            return min(hits)[1]
        if any(surface in phrase for surface in self._state_surfaces):
            return "official"  # "Israel claimed it killed ...": a state speaks officially
        # "Abiad told reporters ...": by the role the text gave the person (the first person
        # of the text whose last name is a word of the phrase)
        named = [self._surnames[w] for w in set(phrase.split()) if w in self._surnames]
        if named:
            first = self.ctx.persons[min(named)]
            role = role_before(self.ctx, first.start) or first.name
            return self.kind_of(role) if role != phrase else None
        return None

    def stance_of(self, sent: Sentence, source: FigureSource) -> str:
        if sent.index not in self._stances:
            s = sent.text
            self._stances[sent.index] = (self.lex.has("disputed_cues", s), self.lex.has("estimated_cues", s),
                                         self.lex.has("reported_cues", s))
        disputed, estimated, reported = self._stances[sent.index]
        if disputed:
            return "disputed"
        if estimated:
            return "estimated"
        if reported or source.kind == "unknown":
            return "reported"
        return "asserted"

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
    seen: set[tuple[float, str]] = set()
    last_source: FigureSource | None = None
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
        if RANGE_OPEN.search(ctx.text[max(0, n.start - 10):n.start]) and i + 1 < len(numbers) \
                and re.fullmatch(r"\s+(?:et|and)\s+", ctx.text[n.end:numbers[i + 1].start]):
            value_high = numbers[i + 1].value
            nxt_n = numbers[i + 1]
            nxt = numbers[i + 2].start if i + 2 < len(numbers) else len(ctx.text)
            measure = finder.measure_of(nxt_n, sent, nxt)
            skip_next = True
        else:
            measure = finder.measure_of(n, sent, nxt)
        prev = numbers[i - 1] if i else None
        listed = prev is not None and (prev.start, prev.end) in subcounts and \
            re.fullmatch(r"\s*\w*\s*(?:,|and|et)\s*", ctx.text[prev.end:n.start] if prev.end <= n.start else "x")
        if measure is None and finder.subject_of(n) and (
                SUBCOUNT.search(ctx.text[max(sent.start, n.start - 20):n.start]) or listed):
            # "including seven women and three children": sub-counts of the figure before
            measure = prev_in_sentence.get(sent.index)
            subcounts.add((n.start, n.end))
        if measure is None:
            continue
        prev_in_sentence[sent.index] = measure
        source, phrase = finder.source_of(sent, n)
        if phrase == "same":
            source = last_source or FigureSource(name=None, kind="publication")
        if source.kind != "publication":
            last_source = source
        key = (n.value, measure)
        if key in seen:
            continue
        seen.add(key)
        if sent.index not in since_of:
            since_of[sent.index] = next((d.value for d in ctx.in_sentence(ctx.dates, sent) if d.kind == "since"), None)
        since = since_of[sent.index]
        end = min(sent.end, n.end + 90)
        out.append(Figure(
            value=n.value, value_high=value_high, qualifier=n.qualifier, measure=measure,
            description=re.sub(r"\s+", " ", ctx.text[n.start:end]).strip(),
            subject=finder.subject_of(n), location=finder.location_of(sent), period_start=since,
            source=source, stance=finder.stance_of(sent, source), evidence=[(n.start, n.end), (sent.start, sent.end)]))
    return out
