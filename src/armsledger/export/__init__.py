"""Exports: the ledger written out for other tools. Pure writers over plain data, each taking
extraction dicts (`armsledger/1` objects) and/or merged deals (`Deal` or its `to_json()` dict)
and a text stream, returning the number of rows or lines written. No spaCy, no database: the
CLI (`armsledger export`) feeds them from the store.

- `write_jsonl`: the extractions, then the merged deals, one JSON object a line;
- `write_records_csv`: one CSV per record kind (transfers, aid, figures, legal_actions, quotes, deals);
- `write_sipri`: a SIPRI-trade-register-style CSV, one row per item of a deal;
- `write_unroca`: a UN-Register-style CSV, one row per item of a deal that falls in categories I-VII.
"""
from armsledger.export.csv import RECORD_KINDS, write_records_csv
from armsledger.export.jsonl import write_jsonl
from armsledger.export.sipri import SIPRI_COLUMNS, write_sipri
from armsledger.export.unroca import UNROCA_COLUMNS, write_unroca

__all__ = ["RECORD_KINDS", "SIPRI_COLUMNS", "UNROCA_COLUMNS", "write_jsonl", "write_records_csv", "write_sipri",
           "write_unroca"]
