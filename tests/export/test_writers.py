"""The export writers (export/): whole outputs on records and deals written for the test."""
from __future__ import annotations

import io
import json

import pytest

from armsledger.export import write_jsonl, write_records_csv, write_sipri, write_unroca

EXTRACTION = {
    "schema": "armsledger/1", "document": {"id": "sha256:aa", "language": "fr", "published": "2025-03-06",
                                           "title": "t", "source": "a.txt", "text": "..."},
    "transfers": [{"record_id": "tr_1", "supplier": {"id": "KOR", "name": "Corée du Sud"},
                   "recipient": {"id": "NOR", "name": "Norvège"},
                   "items": [{"designation": "K9", "family": "K9", "description": "obusier K9", "category": "artillery",
                              "quantity": 24, "quantity_qualifier": "exact", "evidence": [[26, 28]]}],
                   "value": {"amount": 600000000.0, "currency": "USD", "qualifier": "exact"}, "status": "signed",
                   "channel": "unknown", "announced_by": [], "contractor": None, "date": "2025-03-04", "year": 2025,
                   "framework": False,
                   "evidence": [[0, 40], [50, 60]]}],
    "quotes": [{"record_id": "qu_1", "speaker": "Jane Roe", "speaker_role": None, "text": "Un bon accord",
                "direct": True, "evidence": [[70, 83]]}],
}


def source(doc, status, qty, date=None, published="2025-03-06", value=None):
    return {"document": doc, "record_id": f"tr_{doc}", "transfer_index": 0, "source": f"{doc}.txt",
            "title": doc, "status": status, "date": date, "published": published, "value": value,
            "items": [{"designation": "K9", "family": "K9", "description": "obusier K9", "category": "artillery",
                       "quantity": qty, "evidence": [[0, 2]]}]}


DEAL = {"id": "deal_1", "supplier": {"id": "KOR", "name": "South Korea"}, "recipient": {"id": "NOR", "name": "Norway"},
        "items": [{"designation": "K9", "family": "K9", "description": "obusier K9", "category": "artillery"},
                  {"designation": "K9A1", "family": "K9", "description": "howitzer K9A1", "category": "artillery"},
                  {"designation": None, "family": None, "description": "trucks", "category": "other"}],
        "status": "delivered",
        "steps": [{"status": "signed", "date": "2025-03-04", "document": "fr", "record_id": "tr_fr"},
                  {"status": "delivered", "date": "2026-11-02", "document": "en", "record_id": "tr_en"}],
        "values": [{"amount": 600000000.0, "currency": "USD", "qualifier": "exact", "sources": ["fr"]},
                   {"amount": 620000000.0, "currency": "USD", "qualifier": "about", "sources": ["en"]}],
        "quantities": [{"designation": "K9", "quantity": 24, "qualifier": "exact", "sources": ["fr", "en"]}],
        "sources": [source("fr", "signed", 24, "2025-03-04"), source("en", "delivered", 24, "2026-11-02"),
                    source("wire", "signed", 25)]}


def test_jsonl_writes_the_extractions_then_the_deals():
    out = io.StringIO()
    assert write_jsonl([EXTRACTION], [DEAL], out) == 2
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first == EXTRACTION
    assert second == {"kind": "deal", **DEAL}
    assert "Corée" in out.getvalue()


def test_csv_of_transfers_and_of_quotes():
    out = io.StringIO()
    assert write_records_csv("transfers", [EXTRACTION], out) == 1
    assert out.getvalue() == (
        "document_id,record_id,supplier,recipient,items,value_amount,value_currency,value_qualifier,status,channel,"
        "announced_by,contractor,date,year,framework,evidence\n"
        "sha256:aa,tr_1,KOR,NOR,24 K9 [artillery],600000000.0,USD,exact,signed,unknown,,,2025-03-04,2025,false,0-40;50-60\n")
    out = io.StringIO()
    assert write_records_csv("quotes", [EXTRACTION], out) == 1
    assert out.getvalue() == ("document_id,record_id,speaker,speaker_role,text,direct,evidence\n"
                              "sha256:aa,qu_1,Jane Roe,,Un bon accord,true,70-83\n")


def test_csv_of_deals_and_an_unknown_kind():
    out = io.StringIO()
    assert write_records_csv("deals", [], out, deals=[DEAL]) == 1
    assert out.getvalue() == (
        "deal_id,supplier,recipient,items,status,steps,values,quantities,documents\n"
        "deal_1,KOR,NOR,K9 [artillery]; K9A1 [artillery]; trucks [other],delivered,signed 2025-03-04; "
        "delivered 2026-11-02,600 million USD (1); 620 million USD (1),24 K9 (2),fr; en; wire\n")
    with pytest.raises(ValueError, match="unknown record kind"):
        write_records_csv("tanks", [], io.StringIO())


def test_sipri_one_row_per_item_family_with_numbers_years_and_the_values_side_by_side():
    out = io.StringIO()
    assert write_sipri([DEAL], out) == 2
    assert out.getvalue() == (
        "supplier,recipient,designation,description,armament_category,order_year,number_ordered,delivery_years,"
        "number_delivered,status,comments\n"
        "KOR,NOR,K9,obusier K9,Artillery,2025,24,2026,24,delivered,value 600 million USD (1 source); "
        "value about 620 million USD (1 source); also reported: 25; sources: fr.txt | en.txt | wire.txt\n"
        "KOR,NOR,,trucks,Other,2025,,2026,,delivered,value 600 million USD (1 source); "
        "value about 620 million USD (1 source); sources: fr.txt | en.txt | wire.txt\n")


def test_unroca_only_items_in_categories_one_to_seven():
    out = io.StringIO()
    assert write_unroca([DEAL], out) == 1
    assert out.getvalue() == (
        "category,category_name,exporter,importer,number_of_items,state_of_origin,intermediate_location,description,"
        "comments,year,status\n"
        "III,Large-calibre artillery systems,KOR,NOR,24,,,obusier K9,value 600 million USD (1 source); "
        "value about 620 million USD (1 source); also reported: 25; sources: fr.txt | en.txt | wire.txt,2026,delivered\n")


@pytest.mark.parametrize("item, expected", [
    ({"designation": "M1A2 SEPv3", "family": "Abrams", "category": "armoured_vehicle"}, "I"),
    ({"designation": "Rafale", "family": "Rafale", "category": "aircraft"}, "IV"),
    ({"designation": None, "family": None, "description": "frégates", "category": "ship"}, "VI"),
    ({"designation": "AN/TPY-2", "family": None, "category": "sensor"}, None),
    ({"designation": "C-130J", "family": "C-130", "category": "aircraft"}, None),
])
def test_unroca_categories(item, expected):
    from armsledger.export.deals import unroca_category
    assert unroca_category(item) == expected


def test_sipri_years_come_from_the_year_a_step_is_dated_to_when_it_has_no_date():
    deal = {**DEAL, "steps": [{"status": "signed", "date": None, "year": 2019, "document": "old"},
                              {"status": "delivered", "date": None, "year": 2021, "document": "news"}]}
    out = io.StringIO()
    assert write_sipri([deal], out) == 2
    assert [row.split(",")[5:8] for row in out.getvalue().splitlines()[1:]] == [["2019", "24", "2021"],
                                                                                 ["2019", "", "2021"]]
