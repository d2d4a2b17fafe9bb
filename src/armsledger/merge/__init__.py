"""Merge: the transfer records of many documents become ledger deals, one per real-world deal.

The contract between the store and the merge (`model.py`): the store hands over every stored
transfer as a `TransferSource` and every manual decision as a `Decision`; `merge_transfers`
returns `Deal`s. Pure Python over plain data: no spaCy, no database.
"""
from armsledger.merge.model import Deal, Decision, TransferSource
from armsledger.merge.deals import merge_transfers

__all__ = ["Deal", "Decision", "TransferSource", "merge_transfers"]
