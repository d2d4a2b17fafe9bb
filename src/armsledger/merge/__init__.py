"""Merge: the transfer records of many documents become ledger deals, one per real-world deal.

The contract between the store and the merge (`model.py`): the store hands over every stored
transfer as a `TransferSource` and every manual decision as a `Decision`; `merge_transfers`
returns `Deal`s. Pure Python over plain data: no spaCy, no database.

How merge decides, in plain words:

- Blocking. Only records between the same two parties are compared: the same supplier and the
  same recipient (a record with the two swapped is compared too, since extractors swap buyer and
  seller; it joins only when a quantity or a value agrees, and the deal takes the direction most
  of its sources give).
- One deal, or two? Two records can be one deal only if all of these hold: they come from two
  documents (two records of one document are two deals as that document tells them); their items
  share a family (K2, Rafale, F-35; the designation's family from the weapons catalogue when the
  record gives none) or, where a record names no family, a category; a quantity of a shared item
  agrees within 5% (116 and 117 tanks are one order, 30 and 24 aircraft are two); values agree
  within a factor of 1.6, compared roughly in US dollars (values are never converted for
  display); channels (FMS, DCS, grant) agree where both are known; both or neither are a
  framework agreement (its totals, "1,000 tanks under a framework agreement", are a deal apart
  from the contracts made under it); and their steps fit one
  deal's life in time: the same step (two signatures, two approvals) at most 6 months apart,
  deliveries within 6 years, an earlier step (request, approval) not dated after a later one
  (signature, delivery), everything within 10 years, and an undated record cannot tell of a
  step that happened after its document was published. A record dated only to a year ("the
  contract signed in 2022") is compared a year at a time: the same step in years two or more
  apart is two deals; a year it names wins over a date of another year found beside it.
- How alike? A pair that may be one deal scores the share of families in common, plus one for
  the same quantity, one for the same value, a half for a designation written alike, a half for
  the same step in the same month, less a half for two designations of one family that are not
  variants of each other (Hornet against Super Hornet) unless a number agrees.
- Clustering. Within a block the best-scoring pair of deals merges first, then the next, as
  long as the best pair between two deals scores above zero and no record of one is
  incompatible with a record of the other. So a follow-on order of more units, or other
  equipment for the same buyer, stays another deal; an approval, then the signature, then
  deliveries become one deal with three steps.
- Ties. A record that fits another deal exactly as well as its own (an undated "180 tanks" that
  fits the 2022 and the 2025 order of 180 alike) goes to the deal that more of the documents
  reporting its own document's other deals also report: articles that tell the same deals tell
  of one time.
- Records missing a supplier or a recipient, and records that name no item family (only
  "aircraft"), join a deal only when exactly one deal fits them (the same known party,
  compatible with every record, a category in common); otherwise they stay alone.
- The user has the last word: a split keeps the records of some documents out of a deal, a join
  puts them in one, whatever the rules say; both are written in document ids and actor ids, so
  they survive re-merging and `--reprocess`.
- A deal lists every source (with the items of its record and its evidence), every step with
  its date and document, and values and quantities side by side with the documents that give
  them: disagreeing figures are kept, never averaged. Its status is the most advanced step (a
  cancellation or refusal, when reported, ends it). Its id is a hash of its earliest record's
  document, place and parties, so it survives a re-merge that does not change that record.
"""
from armsledger.merge.model import Deal, Decision, TransferSource
from armsledger.merge.deals import counted_items, merge_transfers

__all__ = ["Deal", "Decision", "TransferSource", "counted_items", "merge_transfers"]
