"""Legal actions: warrants, cases, rulings, provisional measures, investigations, indictments.

A sentence that names a court (ICC/CPI, ICJ/CIJ by their names or acronyms, or a national
court) and an action cue gives a record; subjects are the persons named after the cue,
the respondent the state they belong to (or the state the sentence is about), charges come
from the lexicon. Records of one court and action in a text merge into one, their subjects
and charges pooled (warrants sharing charges and respondent are one record).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from armsledger.extract.context import DocContext, Sentence
from armsledger.model import LegalAction
from armsledger.normalize.actors import lookup_actor


def _court_in(ctx: DocContext, s: str) -> tuple[str, re.Match] | None:
    hits = []
    for court in ctx.lex.words("legal.courts"):
        m = ctx.lex.rx(f"legal.courts.{court}").search(s)
        if m:
            hits.append((m.start(), court, m))
    if hits:
        _, court, m = min(hits)
        return court, m
    m = ctx.lex.rx("legal.national_court").search(s)
    if m:  # the name as written: "Cour d'appel de La Haye", "Supreme Court of the Netherlands"
        tail = re.match(r"(?:\s+(?:de|d['’]|du|des|of|of the|in)\s+(?:la\s+|le\s+|l['’]|the\s+)?[A-ZÀ-Ý][\w'’-]*"
                        r"(?:\s+[A-ZÀ-Ý][\w'’-]*)*)?", s[m.end():])
        return (m.group(0) + (tail.group(0) if tail else "")).strip(), m
    return None


def _action_in(ctx: DocContext, s: str) -> str | None:
    hits = []
    for action, rx in ctx.lex.groups("legal.actions").items():
        m = rx.search(s)
        if m:
            hits.append((m.start(), action))
    return min(hits)[1] if hits else None


def _respondent(ctx: DocContext, sent: Sentence, subjects_at: list[int]) -> str | None:
    states = [m for m in ctx.in_sentence(ctx.actors, sent) if m.label == "GPE"]
    # states in text order: the ones near a position are found by bisection
    starts = [m.start for m in states] if ctx.starts_ordered(ctx.actors) else None

    def starting_in(lo: int, hi: int) -> list:  # the states with lo <= start < hi
        if starts is None:
            return [m for m in states if lo <= m.start < hi]
        return states[bisect_left(starts, lo):bisect_left(starts, hi)]

    for cue in ctx.lex.rx("legal.respondent_cues").finditer(ctx.text, sent.start, sent.end):
        after = starting_in(cue.end(), cue.end() + 26)
        if after:  # "contre Israël", "accusant Berlin"
            return after[0].id
    for pos in subjects_at:  # "le Premier ministre israélien Benjamin Netanyahu": the demonym next to the name
        near = starting_in(pos - 40, pos)
        if near:
            return near[-1].id
    if states:
        return states[0].id
    return None


def extract_legal_actions(ctx: DocContext) -> list[LegalAction]:
    """Court actions named in the text, one record per court and action."""
    merged: dict[tuple[str, str, str | None], LegalAction] = {}
    # what the merge looks up, kept alongside: the subjects and charges of each record as sets,
    # the records of each (court, action) and of each court, in the order they were made
    subject_sets: dict[tuple[str, str, str | None], set[str]] = {}
    charge_sets: dict[tuple[str, str, str | None], set[str]] = {}
    by_action: dict[tuple[str, str], list[tuple[str, str, str | None]]] = {}
    by_court: dict[str, list[tuple[str, str, str | None]]] = {}
    last_court: str | None = None
    for sent in ctx.sentences:
        s = sent.text
        court_hit = _court_in(ctx, s)
        back_reference = False
        if court_hit is not None:
            court = last_court = court_hit[0]
        elif last_court is not None and ctx.lex.has("legal.court_back_reference", s):
            court, back_reference = last_court, True  # "la Cour", "les juges": the court named before
        else:
            continue
        action = _action_in(ctx, s)
        if action is None:
            continue
        persons = [p for p in ctx.in_sentence(ctx.persons, sent)]
        subjects: list[str] = []
        for p in persons:
            name = ctx.full_name(p.name)
            if lookup_actor(p.name, ctx.lang) is None and name not in subjects:
                subjects.append(name)
        charges = [m.group(0) for m in ctx.lex.rx("legal.charges").finditer(s)]
        date = next((d.value for d in ctx.in_sentence(ctx.dates, sent) if d.value), None)
        respondent = _respondent(ctx, sent, [p.start for p in persons])
        key = (court, action, respondent)
        if key not in merged:  # the same warrant again: a subject already named
            named = set(subjects)
            key = next((k for k in by_action.get(key[:2], ()) if named & subject_sets[k]), key)
        if key not in merged and (back_reference or respondent is None):
            # more words on a decision already recorded ("Dans son verdict, la Cour a ordonné ...")
            key = next((k for k in reversed(by_court.get(court, [])) if respondent in (None, k[2])), key)
        if key in merged:
            old = merged[key]
            _extend_new(old.subjects, subject_sets[key], subjects)
            _extend_new(old.charges, charge_sets[key], charges)
            old.evidence.append((sent.start, sent.end))
            continue
        merged[key] = LegalAction(court=court, action=action, subjects=subjects, respondent=respondent,
                                  charges=list(dict.fromkeys(charges)), date=date,
                                  evidence=[(sent.start, sent.end)])
        subject_sets[key], charge_sets[key] = set(subjects), set(charges)
        by_action.setdefault(key[:2], []).append(key)
        by_court.setdefault(court, []).append(key)
    return list(merged.values())


def _extend_new(values: list[str], seen: set[str], more: list[str]) -> None:
    """Append the values of `more` not in `values` yet (`seen` is `set(values)`, kept so)."""
    for x in more:
        if x not in seen:
            seen.add(x)
            values.append(x)
