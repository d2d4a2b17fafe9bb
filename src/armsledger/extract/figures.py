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

from armsledger.extract.attribution import role_before
from armsledger.extract.context import DocContext, Sentence
from armsledger.model import Figure, FigureSource
from armsledger.normalize.numbers import NumberMatch

AFTER_WORDS = 7
# organisation kinds (orgs.csv) as figure source kinds; armed groups announcing tolls are official
ORG_SOURCE_KINDS = {"official": "official", "agency": "agency", "ngo": "ngo", "expert": "expert",
                    "armed_group": "official", "court": "official"}
SUBCOUNT = re.compile(r"(?:\bdont|\bincluding|\bamong them|\bparmi lesquel\w*|\bparmi eux)\s*$", re.I)
RANGE_OPEN = re.compile(r"(?:\bentre|\bbetween)\s*$", re.I)
ARTICLE = re.compile(r"^(?:un |une |des |le |la |les |l['’]|the |a |an )", re.I)


def _first_words(text: str, n: int) -> str:
    m = re.match(r"(?:\W*\w[\w'’-]*){1,%d}" % n, text)
    return m.group(0) if m else ""


class FigureFinder:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.lex = ctx.lex
        self.measures = ctx.lex.groups("measures")
        self.taken = [(m.start, m.end) for m in ctx.money] + [(w.start, w.end) for w in ctx.weapons] \
            + [(d.start, d.end) for d in ctx.dates]

    def _is_taken(self, n: NumberMatch) -> bool:
        return any(s <= n.start < e or s < n.end <= e for s, e in self.taken)

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
        if re.match(r"\s*(?:[,.;)]|$)", after) and re.search(
                r"\b(?:bilan|victimes|toll|casualties|death)\b", text[sent.start:n.start], re.I):
            return "killed"
        return None

    def source_of(self, sent: Sentence, n: NumberMatch) -> tuple[FigureSource, str | None]:
        """(source, the phrase naming it) for a figure in `sent`."""
        text = self.ctx.text
        s = text[sent.start:sent.end]
        intro = self.lex.rx("source_intro").search(s)
        phrase = None
        if intro:
            rest = s[intro.end():]
            phrase = re.split(r"[,;.:]|\s(?:que|qui|that|who|s['’]appuyant|citing)\s", rest, maxsplit=1)[0]
        else:
            rel = n.start - sent.start
            verbs = list(self.lex.rx("speech_verbs").finditer(s))
            before = [v for v in verbs if v.start() < rel]
            after = [v for v in verbs if v.start() >= rel]
            if before:
                phrase = s[:before[0].start()]
                phrase = re.split(r"[;:]|,\s(?=\w+\s\w+\s)", phrase)[0] if len(phrase) > 120 else phrase
            elif after:
                # "..., the Hamas-run Health Ministry said on Monday": the words before a final verb
                head = s[:after[0].start()]
                phrase = re.split(r"[,;:]", head)[-1]
                if len(phrase) > 100 or not phrase.strip():
                    phrase = None
        if not phrase or not phrase.strip():
            return FigureSource(name=None, kind="publication"), None
        phrase = re.sub(r"\s+(?:a|ont|avait|avaient|has|have|had|is|was|were)$", "", phrase.strip().strip(","))
        if re.match(r"(?:cette même source|la même source|the same source)", phrase, re.I):
            return None, "same"  # type: ignore[return-value]
        kind = self.kind_of(phrase)
        if kind is None:
            return FigureSource(name=None, kind="publication"), None
        name = ARTICLE.sub("", phrase)
        name = re.sub(r"^(?:un |a )?(?:décompte|tally|count|bilan)\s+(?:de |d['’]|of |by )", "", name, flags=re.I)
        return FigureSource(name=name.strip()[:120], kind=kind), phrase

    def kind_of(self, phrase: str) -> str | None:
        for m in self.ctx.actors:
            if m.label == "ORG" and m.surface in phrase and m.kind in ORG_SOURCE_KINDS:
                return ORG_SOURCE_KINDS[m.kind]
        hits = []
        for kind, rx in self.lex.groups("source_kinds").items():
            m = rx.search(phrase)
            if m:
                hits.append((m.start(), kind))
        if hits:
            return min(hits)[1]
        if any(m.label == "GPE" and m.kind != "demonym" and m.surface in phrase for m in self.ctx.actors):
            return "official"  # "Israel claimed it killed ...": a state speaks officially
        for p in self.ctx.persons:  # "Abiad told reporters ...": by the role the text gave the person
            if p.name.split()[-1] in phrase.split():
                first = next(q for q in self.ctx.persons if q.name.split()[-1] == p.name.split()[-1])
                role = role_before(self.ctx, first.start) or first.name
                return self.kind_of(role) if role != phrase else None
        return None

    def stance_of(self, sent: Sentence, source: FigureSource) -> str:
        s = self.ctx.text[sent.start:sent.end]
        if self.lex.has("disputed_cues", s):
            return "disputed"
        if self.lex.has("estimated_cues", s):
            return "estimated"
        if self.lex.has("reported_cues", s) or source.kind == "unknown":
            return "reported"
        return "asserted"

    def subject_of(self, n: NumberMatch) -> str | None:
        m = re.match(r"\s+(?:de |d['’]|of )?([\w’'-]+)", self.ctx.text[n.end:n.end + 40])
        if m and self.lex.rx("figure_subjects").fullmatch(m.group(1)):
            return m.group(1)
        return None

    def location_of(self, sent: Sentence) -> str | None:
        for ent in self.ctx.ents:
            if ent.label_ in {"LOC", "GPE"} and sent.start <= ent.start_char < sent.end:
                return ent.text
        return None


def extract_figures(ctx: DocContext) -> list[Figure]:
    """Casualty and damage figures with source, stance and qualifier."""
    finder = FigureFinder(ctx)
    numbers = [n for n in ctx.numbers if not finder._is_taken(n)]
    out: list[Figure] = []
    seen: set[tuple[float, str]] = set()
    last_source: FigureSource | None = None
    prev_in_sentence: dict[int, str] = {}
    subcounts: set[tuple[int, int]] = set()
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
        since = next((d.value for d in ctx.in_sentence(ctx.dates, sent) if d.kind == "since"), None)
        end = min(sent.end, n.end + 90)
        out.append(Figure(
            value=n.value, value_high=value_high, qualifier=n.qualifier, measure=measure,
            description=re.sub(r"\s+", " ", ctx.text[n.start:end]).strip(),
            subject=finder.subject_of(n), location=finder.location_of(sent), period_start=since,
            source=source, stance=finder.stance_of(sent, source), evidence=[(n.start, n.end), (sent.start, sent.end)]))
    return out
