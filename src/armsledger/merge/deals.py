"""Clustering: the transfer records of many documents become deals (how, in plain words, in the
package docstring, `armsledger/merge/__init__.py`).

1. Decisions first, in the order they were made: a join makes its records one cluster from the
   start; a split forbids its records to share a cluster with the others and undoes the joins
   made before that held them; a later join of the same pair undoes a split.
2. Within each block (the same two parties, both named, either way round), agglomeration: the two
   clusters with the best link merge first, while that link is above zero; the link of two
   clusters is the best `link_score` of a pair of their records, and any pair that is not
   `compatible` forbids the merge (so every record of a deal fits every other). Then ties are
   settled (`_Clusters.settle`): a record that fits another deal of its block as well as its
   own moves to the one its document's company (the documents reporting its other deals) tells of.
3. Records left over, those without a supplier or a recipient and those whose items have no
   family (only a category), join a deal only when exactly one deal fits: the same known party,
   compatible with every record of it, a category in common and (with item keys) a positive
   average score. Otherwise they stay deals of their own.
"""
from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from armsledger.merge.keys import (END_STEPS, STEP_RANK, Report, compatible, counted_apart, item_key, link_score,
                                   read_report, same_quantity)
from armsledger.merge.model import Deal, Decision, TransferSource

__all__ = ["counted_items", "merge_transfers"]

_BLOCKED = float("-inf")


class _Links:
    """Pairwise evidence between reports: a score, -inf when they cannot be one deal, absent
    when there is none either way. Decisions override the rules."""

    def __init__(self, reports: list[Report], decisions: Iterable[Decision]):
        self.reports = reports
        self.forced: dict[tuple[int, int], str] = {}
        for d in decisions:
            mine = [r.n for r in reports if r.document in d.documents and _parties_match(r, d)]
            theirs = [r.n for r in reports if r.document in d.others and _parties_match(r, d)]
            group = mine + theirs if d.kind == "join" else []
            pairs = [(a, b) for a in mine for b in theirs] if d.kind == "split" else \
                [(a, b) for i, a in enumerate(group) for b in group[i + 1:]]
            if d.kind == "split":   # the records split off leave the joins made before
                gone = set(mine)
                self.forced = {p: k for p, k in self.forced.items() if k != "join" or not gone & set(p)}
            for a, b in pairs:
                if a != b:
                    self.forced[(min(a, b), max(a, b))] = d.kind
        self._cache: dict[tuple[int, int], float | None] = {}

    def joins(self) -> list[tuple[int, int]]:
        return sorted(p for p, kind in self.forced.items() if kind == "join")

    def score(self, a: int, b: int) -> float | None:
        key = (min(a, b), max(a, b))
        if key not in self._cache:
            forced = self.forced.get(key)
            ra, rb = self.reports[key[0]], self.reports[key[1]]
            if forced == "split":
                value: float | None = _BLOCKED
            elif forced == "join":
                value = None
            elif not compatible(ra, rb):
                value = _BLOCKED
            else:
                value = link_score(ra, rb)
            self._cache[key] = value
        return self._cache[key]


def _parties_match(r: Report, d: Decision) -> bool:
    return (d.supplier is None or r.supplier == d.supplier.upper()) and \
        (d.recipient is None or r.recipient == d.recipient.upper())


class _Clusters:
    """Agglomeration under blocking pairs: two clusters may merge when no pair of their records is
    blocked and some pair has evidence; the link of two clusters is their best pair's score."""

    def __init__(self, links: _Links, members: dict[int, list[int]]):
        self.links = links
        self.members = members   # cluster id (its smallest report) -> its reports, sorted

    def _stats(self, c1: int, c2: int) -> tuple[int, bool, float]:
        """(pairs with evidence, any pair blocked, best score) of two clusters."""
        return self._stats_of(self.members[c1], c2)

    def _stats_of(self, reports: list[int], c2: int) -> tuple[int, bool, float]:
        """`_stats` of some reports against cluster `c2`."""
        count, blocked, best = 0, False, _BLOCKED
        for a in reports:
            for b in self.members[c2]:
                s = self.links.score(a, b)
                if s == _BLOCKED:
                    blocked = True
                elif s is not None:
                    count, best = count + 1, max(best, s)
        return count, blocked, best

    def _entry(self, st: tuple[int, bool, float], c1: int, c2: int) -> tuple | None:
        """The heap entry of a possible merge (None when it may not happen): best link first; on
        a tie, the merge that makes the larger deal (a record that fits a deal four documents
        report as well as a lone record joins the four), then the smaller ids."""
        count, blocked, best = st
        if blocked or not count or best <= 0:
            return None
        sizes = (len(self.members[c1]), len(self.members[c2]))
        return (-best, -sum(sizes), c1, c2, sizes)

    def agglomerate(self, ids: list[int]) -> None:
        """Merge the clusters `ids`, best link first, while the best link is above zero.

        Only clusters that share an item key can have evidence, so only those pairs are scored
        (an inverted index on item keys); a pair's blocking is looked at when it could merge."""
        alive = set(ids)
        by_key = self._by_key(ids)
        candidates = sorted({pair for key, cs in by_key.items() for pair in self._pairs_by_count(key, cs)})
        stats: dict[tuple[int, int], tuple[int, bool, float]] = {}
        neighbours: dict[int, set[int]] = {c: set() for c in ids}
        heap: list[tuple] = []
        for c1, c2 in candidates:
            stats[(c1, c2)] = self._stats(c1, c2)
            neighbours[c1].add(c2)
            neighbours[c2].add(c1)
            entry = self._entry(stats[(c1, c2)], c1, c2)
            if entry:
                heapq.heappush(heap, entry)
        while heap:
            neg, _, c1, c2, sizes = heapq.heappop(heap)
            if c1 not in alive or c2 not in alive or sizes != (len(self.members[c1]), len(self.members[c2])):
                continue    # a stale entry: one of the two has grown or gone since
            alive.discard(c2)
            part1, part2 = self.members[c1], self.members.pop(c2)
            self.members[c1] = sorted(part1 + part2)
            for other in sorted((neighbours[c1] | neighbours.pop(c2)) & alive - {c1}):
                neighbours[other].discard(c2)
                neighbours[other].add(c1)
                neighbours[c1].add(other)
                pair = (min(c1, other), max(c1, other))
                # the merged cluster's stats are the two parts' (counted afresh only for a part
                # that had no evidence with `other`, so was never scored against it)
                s1 = stats.get(pair) or self._stats_of(part1, other)
                s2 = stats.pop((min(c2, other), max(c2, other)), None) or self._stats_of(part2, other)
                stats[pair] = (s1[0] + s2[0], s1[1] or s2[1], max(s1[2], s2[2]))
                entry = self._entry(stats[pair], *pair)
                if entry:
                    heapq.heappush(heap, entry)
            neighbours[c1].discard(c2)


    def _by_key(self, ids: list[int]) -> dict[str, list[int]]:
        """Item key -> the clusters of `ids` that name it, in `ids` order: only those can share
        evidence (an inverted index)."""
        by_key: dict[str, list[int]] = {}
        for c in ids:
            for k in sorted({k for m in self.members[c] for k in self.links.reports[m].named}):
                by_key.setdefault(k, []).append(c)
        return by_key

    def _pairs_by_count(self, key: str, clusters: list[int]) -> Iterator[tuple[int, int]]:
        """The pairs of `clusters` (which all name item key `key`) that may be one deal as far as
        their counts of it go: a cluster whose reports give no single count of it pairs with
        every other; counted ones only with those whose count is the same within tolerance,
        found in count order (a block of 1,000 reports of one family and many counts is not
        a million pairs)."""
        counted, loose = [], []
        for c in clusters:
            counts = {self.links.reports[m].quantities.get(key) for m in self.members[c]}
            if len(counts) == 1 and None not in counts:
                counted.append((counts.pop(), c))
            else:
                loose.append(c)
        counted.sort()
        for i, (qa, a) in enumerate(counted):
            for qb, b in counted[i + 1:]:
                if not same_quantity(qa, qb):
                    break   # further counts are further apart
                yield min(a, b), max(a, b)
        for a in loose:
            for b in clusters:
                if a != b:
                    yield min(a, b), max(a, b)

    def settle(self, ids: list[int]) -> None:
        """Ties settled by the company a record keeps: a record that fits another deal of its
        block exactly as well as its own (the same best link, no conflict) moves there when
        more of the documents that report its own document's other deals report that one.
        Documents that tell the same deals tell of one time: an undated article's "180 tanks"
        beside its 2022 howitzer order is the 2022 tank order that the howitzer order's other
        reporters also tell of, not the 2025 one. One pass, in record order; records a user's
        decision placed stay."""
        where = {m: c for c in ids for m in self.members[c]}
        by_doc: dict[str, list[int]] = {}
        for m in sorted(where):
            by_doc.setdefault(self.links.reports[m].document, []).append(m)
        placed = {m for pair in self.links.forced for m in pair}
        by_key = {k: set(cs) for k, cs in self._by_key(ids).items()}  # only clusters naming a key can tie
        for m in sorted(where):
            own = where[m]
            rest = [x for x in self.members[own] if x != m]
            if m in placed or not rest:
                continue
            best = self._best(m, rest)
            if best is None:
                continue
            document = self.links.reports[m].document
            company = {self.links.reports[x].document for r in by_doc[document] if r != m and r in where
                       for x in self.members[where[r]]} - {document}

            def support(members: list[int]) -> int:
                return len({self.links.reports[x].document for x in members} & company)

            kept = support(rest)
            near = sorted({c for k in self.links.reports[m].named for c in by_key.get(k, ())} - {own})
            # `counted_apart` with one member first: a cheap test that spares scoring (and caching)
            # the pairs of a deal of another count
            moves = [(support(self.members[c]), -c) for c in near
                     if self.members[c] and not counted_apart(self.links.reports[m], self.links.reports[self.members[c][0]])
                     and self._best(m, self.members[c]) == best]
            if moves and max(moves)[0] > kept:
                target = -max(moves)[1]
                self.members[own] = rest
                self.members[target] = sorted(self.members[target] + [m])
                where[m] = target
                for k in self.links.reports[m].named:
                    by_key.setdefault(k, set()).add(target)

    def _best(self, m: int, members: list[int]) -> float | None:
        """The best link of report `m` with `members`; None when a pair is blocked or none has evidence."""
        scores = [self.links.score(m, x) for x in members]
        if _BLOCKED in scores:
            return None
        known = [x for x in scores if x is not None]
        return max(known) if known else None


def merge_transfers(sources: Iterable[TransferSource], decisions: Iterable[Decision] = ()) -> list[Deal]:
    """The deals the transfer records report, with every source, step, value and quantity.

    `sources`: every stored transfer record with its document's metadata; `decisions`: the
    users' splits and joins, in the order they were made. Deterministic: the same records and
    decisions give the same deals, with the same ids, in the same order (the order documents
    tell them, then first date, then id), whatever the order of `sources`. Never raises on odd
    records: a record without parties or items is a deal of its own."""
    ordered = sorted(sources, key=lambda s: (s.document_id, s.transfer_index, s.record_id))
    reports = [read_report(n, s) for n, s in enumerate(ordered)]
    links = _Links(reports, list(decisions))

    # 1. joins: one cluster from the start
    parent = list(range(len(reports)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links.joins():
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[int, list[int]] = {}
    for r in reports:
        members.setdefault(find(r.n), []).append(r.n)
    clusters = _Clusters(links, members)

    # 2. blocks of known parties, clusters that name items
    blocks: dict[tuple[str, str], list[int]] = {}
    loose: list[int] = []
    for cid, ms in sorted(members.items()):
        block = _block_of([reports[m] for m in ms])
        if block and any(reports[m].named for m in ms):
            blocks.setdefault(tuple(sorted(block)), []).append(cid)  # a swapped record is in its block
        else:
            loose.append(cid)
    for block in sorted(blocks):
        clusters.agglomerate(blocks[block])
    for block in sorted(blocks):
        clusters.settle([c for c in blocks[block] if c in clusters.members])
    prior = Counter((r.supplier, r.recipient) for r in reports if r.parties_known)

    # 3. the records left over join the one deal that fits, if there is one
    anchored = {cid for cid in clusters.members if cid not in loose}
    for cid in loose:
        fits = [other for other in sorted(anchored) if _fits(clusters, reports, cid, other)]
        if len(fits) == 1:
            target = fits[0]
            keep, gone = min(target, cid), max(target, cid)
            clusters.members[keep] = sorted(clusters.members.pop(gone) + clusters.members.get(keep, []))
            anchored.discard(gone)
            anchored.add(keep)

    deals = [_deal(reports, ms, prior) for ms in clusters.members.values()]
    _unique_ids(deals)
    return _in_telling_order(deals)


def _block_of(rs: list[Report], prior: Counter | None = None) -> tuple[str, str] | None:
    """(supplier, recipient) of a cluster: the direction most of its records give; on a tie, the
    direction most records between the two parties give (`prior`), then the alphabet."""
    pairs = Counter((r.supplier, r.recipient) for r in rs if r.parties_known)
    prior = prior or Counter()
    return min(pairs, key=lambda p: (-pairs[p], -prior[p], p)) if pairs else None


def _fits(clusters: _Clusters, reports: list[Report], cid: int, other: int) -> bool:
    mine, theirs = [reports[m] for m in clusters.members[cid]], [reports[m] for m in clusters.members[other]]
    block = _block_of(theirs)
    if block is None:
        return False
    sup = {r.supplier for r in mine if r.supplier}
    rec = {r.recipient for r in mine if r.recipient}
    if not (sup or rec) or sup - {block[0]} or rec - {block[1]}:
        return False
    total, count = 0.0, 0
    for a in clusters.members[cid]:
        for b in clusters.members[other]:
            s = clusters.links.score(a, b)
            if s == _BLOCKED:
                return False
            if s is not None:
                total, count = total + s, count + 1
    if any(r.named for r in mine):
        return count > 0 and total / count > 0
    # only categories: the deal must have one of them
    cats = set().union(*(r.categories for r in mine))
    return bool(cats & set().union(*(r.categories for r in theirs)))


# ---------------------------------------------------------------- the deal a cluster makes

def _time_key(s: TransferSource) -> str:
    return s.transfer.get("date") or s.published or "9999"


def _deal(reports: list[Report], ms: list[int], prior: Counter) -> Deal:
    rs = sorted((reports[m] for m in ms), key=lambda r: (_time_key(r.source), r.document, r.source.transfer_index))
    block = _block_of(rs, prior)
    supplier = _party(rs, "supplier", block[0] if block else None)
    recipient = _party(rs, "recipient", block[1] if block else None)
    anchor = rs[0]
    digest = hashlib.sha256(f"{anchor.document}|{anchor.source.transfer_index}|"
                            f"{(supplier or {}).get('id')}|{(recipient or {}).get('id')}".encode()).hexdigest()
    return Deal(id=f"deal_{digest[:16]}", supplier=supplier, recipient=recipient, items=_items(rs),
                status=_status(rs), steps=_steps(rs), values=_values(rs), quantities=_quantities(rs),
                sources=[_source(r) for r in rs])


def _party(rs: list[Report], role: str, wanted: str | None) -> dict[str, Any] | None:
    ids = Counter(getattr(r, role) for r in rs if getattr(r, role))
    if not ids:
        return None
    pid = wanted or min(ids, key=lambda i: (-ids[i], i))
    for r in rs:    # the actor as first written, in this role or (a swapped record) the other
        for actor in (r.source.transfer.get(role), r.source.transfer.get(_OTHER_ROLE[role])):
            if isinstance(actor, dict) and str(actor.get("id") or "").upper() == pid:
                return dict(actor)
    return {"id": pid, "name": pid}


_OTHER_ROLE = {"supplier": "recipient", "recipient": "supplier"}


def _items(rs: list[Report]) -> list[dict[str, Any]]:
    items, seen = [], set()
    for r in rs:
        for it in r.source.transfer.get("items") or []:
            if not isinstance(it, dict):
                continue
            key = ("d", item_key(it["designation"])) if it.get("designation") else \
                ("f", item_key(it.get("family") or ""), it.get("category"))
            if key in seen:
                continue
            seen.add(key)
            items.append({k: it.get(k) for k in ("designation", "family", "description", "category")})
    return items


def _status(rs: list[Report]) -> str:
    statuses = [r.source.transfer.get("status") for r in rs]
    ended = [s for s in statuses if s in END_STEPS]
    if ended:
        return ended[-1]
    known = [s for s in statuses if s in STEP_RANK]
    return max(known, key=STEP_RANK.__getitem__) if known else "unknown"


def _steps(rs: list[Report]) -> list[dict[str, Any]]:
    steps = [{"status": r.source.transfer.get("status"), "date": r.source.transfer.get("date"), "year": r.year,
              "document": r.document, "record_id": r.source.record_id, "published": r.source.published}
             for r in rs if r.source.transfer.get("status") not in (None, "unknown")]
    order = {**STEP_RANK, **{s: 5 for s in END_STEPS}}
    return sorted(steps, key=lambda s: (s["date"] or (str(s["year"]) if s["year"] else None) or s["published"] or "9999",
                                        order.get(s["status"], 6),
                                        s["document"], s["record_id"]))


def _values(rs: list[Report]) -> list[dict[str, Any]]:
    values: dict[tuple, dict[str, Any]] = {}
    for r in rs:
        v = r.source.transfer.get("value")
        if not isinstance(v, dict) or v.get("amount") is None:
            continue
        key = (v.get("amount"), v.get("currency"), v.get("qualifier"))
        entry = values.setdefault(key, {"amount": v.get("amount"), "currency": v.get("currency"),
                                        "qualifier": v.get("qualifier"), "sources": []})
        if r.document not in entry["sources"]:
            entry["sources"].append(r.document)
    return list(values.values())


def _quantities(rs: list[Report]) -> list[dict[str, Any]]:
    found: dict[tuple, dict[str, Any]] = {}
    for r in rs:
        for it in r.source.transfer.get("items") or []:
            if not isinstance(it, dict) or not isinstance(it.get("quantity"), int):
                continue
            name = it.get("designation") or it.get("family") or it.get("category")
            key = (item_key(name or ""), it["quantity"])
            entry = found.setdefault(key, {"designation": name, "quantity": it["quantity"],
                                           "qualifier": it.get("quantity_qualifier"), "sources": []})
            if r.document not in entry["sources"]:
                entry["sources"].append(r.document)
    return list(found.values())


def counted_items(deal: dict[str, Any]) -> list[dict[str, Any]]:
    """A deal's items (from its JSON) each with the `quantity` (and `quantity_qualifier`) its
    sources give, when they agree on one; where they disagree, or give none, the item has no
    quantity (the deal's `quantities` list the figures side by side). For lines that show a
    deal's items with their count: the merge keeps counts in `quantities`, not in `items`."""
    reported: dict[str, list[dict[str, Any]]] = {}
    for q in deal.get("quantities") or []:
        reported.setdefault(item_key(q.get("designation") or ""), []).append(q)
    out = []
    for item in deal.get("items") or []:
        name = item.get("designation") or item.get("family") or item.get("category")
        found = reported.get(item_key(name or ""), [])
        counts = {q.get("quantity") for q in found}
        one = found[0] if len(counts) == 1 else {}
        out.append({**item, "quantity": one.get("quantity"), "quantity_qualifier": one.get("qualifier")})
    return out


def _source(r: Report) -> dict[str, Any]:
    s, t = r.source, r.source.transfer
    return {"document": s.document_id, "record_id": s.record_id, "transfer_index": s.transfer_index,
            "items": list(t.get("items") or []), "language": s.language, "published": s.published,
            "source": s.source, "title": s.title, "status": t.get("status"), "date": t.get("date"),
            "year": t.get("year"), "value": t.get("value"), "channel": t.get("channel"),
            "evidence": t.get("evidence")}


def _first_time(d: Deal) -> str:
    times = [s.get("date") or s.get("published") for s in d.sources]
    return min((t for t in times if t), default="9999")


def _in_telling_order(deals: list[Deal]) -> list[Deal]:
    """The deals in the order their documents tell them (a deal that a document reports before
    another comes first), else by first date and id; a cycle is broken at the earliest deal.

    Besides reading naturally, this lets a reader (and `score_merge.py`) pair the sources of one
    document that have the same items with that document's records in order."""
    by_id = {d.id: d for d in deals}
    after: dict[str, set[str]] = {d.id: set() for d in deals}
    before: dict[str, int] = {d.id: 0 for d in deals}
    told: dict[str, list[tuple[int, str]]] = {}
    for d in deals:
        for s in d.sources:
            told.setdefault(s["document"], []).append((s["transfer_index"], d.id))
    for seq in told.values():
        seq.sort()
        for (_, a), (_, b) in zip(seq, seq[1:]):
            if a != b and b not in after[a]:
                after[a].add(b)
                before[b] += 1
    key = {d.id: (_first_time(d), d.id) for d in deals}
    ready = [key[i] for i, n in before.items() if n == 0]
    heapq.heapify(ready)
    out: list[Deal] = []
    left = set(by_id)
    while left:
        if not ready:  # a cycle: break it at the earliest deal left
            heapq.heappush(ready, min(key[i] for i in left))
        _, did = heapq.heappop(ready)
        if did not in left:
            continue
        left.discard(did)
        out.append(by_id[did])
        for nxt in sorted(after[did]):
            before[nxt] -= 1
            if before[nxt] == 0 and nxt in left:
                heapq.heappush(ready, key[nxt])
    return out


def _unique_ids(deals: list[Deal]) -> None:
    """Two deals anchored on the same record cannot happen; the same hash twice would be a
    collision: the later (by its sources) gets a suffix, deterministically."""
    seen: Counter[str] = Counter()
    for d in sorted(deals, key=lambda d: (d.id, d.sources[0]["document"], d.sources[0]["transfer_index"])):
        seen[d.id] += 1
        if seen[d.id] > 1:
            d.id = f"{d.id}_{seen[d.id]}"
