"""The desk's speed with 10,000 documents in the ledger: the median and p95 time of each page and
API view, measured with a real HTTP client (httpx) against `armsledger serve` in its own process.

The ledger is filled with generated extractions written through the store's own write function
(`write_extraction`, one transaction a document, as ingest does), not by running spaCy on 10,000
texts; then the merge runs once. Each view is asked `--runs` times after two warm-up requests.

    python bench/desk.py [--documents 10000] [--runs 50] [--db PATH] [--keep]

Prints a Markdown table; exits 1 when a page's p95 is over --budget-ms (300 by default).
"""
from __future__ import annotations

import argparse
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from armsledger.model import (
    Actor, Document, Extraction, Figure, FigureSource, Item, Money, Quote, Transfer, document_id,
)
from armsledger.store import open_ledger
from armsledger.store.deals import remerge
from armsledger.store.writes import write_extraction

STATES = [("FRA", "France"), ("USA", "United States"), ("DEU", "Germany"), ("GBR", "United Kingdom"),
          ("UKR", "Ukraine"), ("POL", "Poland"), ("ISR", "Israel"), ("EGY", "Egypt"), ("IND", "India"),
          ("SAU", "Saudi Arabia"), ("NOR", "Norway"), ("ITA", "Italy")]
ITEMS = [("Caesar", "artillery"), ("AIM-120", "missile"), ("Leopard 2", "armoured_vehicle"), ("F-16", "aircraft"),
         ("Patriot", "air_defence"), ("FREMM", "ship"), ("AN/MPQ-64", "sensor"), ("Rafale", "aircraft")]
STATUSES = ["approved", "signed", "delivered", "proposed"]
PLACES = ["Gaza", "Kharkiv", "Khartoum", "Rafah", "Donetsk"]


def generated(n: int, rng: random.Random) -> Extraction:
    supplier, recipient = rng.sample(STATES, 2)
    designation, category = rng.choice(ITEMS)
    quantity = rng.randint(2, 400)
    year = rng.randint(2015, 2026)
    published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    first = (f"{supplier[1]} has delivered {quantity} {designation} to {recipient[1]} for "
             f"{rng.randint(5, 900)} million dollars, the ministry said (report {n}).")
    second = f"At least {rng.randint(3, 300)} people were killed in {rng.choice(PLACES)}, officials said."
    third = f"\"We keep our word,\" said minister Ana Example {n % 97}."
    text = "\n\n".join([first, second, third, "Filler sentence about context. " * rng.randint(5, 60)])
    a, b = len(first) + 2, len(first) + 2 + len(second)
    c = b + 2
    return Extraction(
        document=Document(id=document_id(text), language="en", published=published, title=f"Report {n}",
                          source=f"bench:{n}", text=text),
        transfers=[Transfer(supplier=Actor(id=supplier[0], name=supplier[1]),
                            recipient=Actor(id=recipient[0], name=recipient[1]),
                            items=[Item(designation=designation, category=category, quantity=quantity,
                                        evidence=[(first.index(str(quantity)), first.index(designation) + len(designation))])],
                            value=Money(amount=float(rng.randint(5, 900)) * 1e6, currency=rng.choice(["USD", "EUR"])),
                            status=rng.choice(STATUSES), date=published[:7], evidence=[(0, len(first))])],
        figures=[Figure(value=float(rng.randint(3, 300)), measure="killed", location=rng.choice(PLACES),
                        qualifier="at_least", stance="reported",
                        source=FigureSource(name="officials", kind="official"), evidence=[(a, b)])],
        quotes=[Quote(speaker=f"Ana Example {n % 97}", speaker_role="minister", text="We keep our word,",
                      evidence=[(c, c + len(third))])],
    ).with_record_ids()


def fill(db: str, documents: int) -> float:
    """Write `documents` generated extractions into `db`, then merge; returns the seconds it took."""
    started = time.perf_counter()
    ledger = open_ledger(db)
    rng = random.Random(8)
    for n in range(documents):
        write_extraction(ledger, generated(n, rng), input_name=f"bench-{n}.txt")
    remerge(ledger)
    ledger.close()
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def views(client: httpx.Client) -> list[tuple[str, str]]:
    """(name, path) of each page and API view, on ids the ledger holds."""
    deals = client.get("/api/deals", params={"per_page": 1}).json()["deals"]
    deal = deals[0]["id"]
    doc = deals[0]["sources"][0]["document"]
    return [
        ("ledger page", "/"),
        ("ledger page, page 50 sorted by value", "/?sort=value&order=asc&page=50"),
        ("ledger page, filtered", "/?supplier=FRA&category=artillery&status=delivered"),
        ("ledger page, year 2020", "/?year=2020"),
        ("ledger page, full-text search", "/?q=Leopard"),
        ("flows picture (SVG)", "/pictures/flows.svg"),
        ("timeline picture (SVG)", "/pictures/timeline.svg"),
        ("deal page", f"/deals/{deal}"),
        ("document page", f"/documents/{doc}"),
        ("documents page", "/documents"),
        ("country page", "/countries/UKR"),
        ("API deals", "/api/deals"),
        ("API deal", f"/api/deals/{deal}"),
        ("API document", f"/api/documents/{doc}"),
        ("API documents", "/api/documents?q=Caesar"),
        ("API country", "/api/countries/POL"),
        ("API flows", "/api/flows"),
        ("API timeline", "/api/timeline"),
        ("API counts", "/api/counts"),
    ]


def measure(client: httpx.Client, path: str, runs: int) -> list[float]:
    for _ in range(2):
        assert client.get(path).status_code == 200, path
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--budget-ms", type=float, default=300)
    parser.add_argument("--db", help="A ledger file to reuse (filled when absent).")
    parser.add_argument("--keep", action="store_true", help="Keep the generated ledger.")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="armsledger-desk-bench-")
    db = args.db or str(Path(folder) / "ledger.sqlite")
    if not Path(db).exists():
        print(f"filling {db} with {args.documents:,} documents ...", file=sys.stderr)
        print(f"filled in {fill(db, args.documents):.0f} s", file=sys.stderr)
    port = free_port()
    command = Path(sys.executable).with_name("armsledger")  # the console script beside this interpreter
    server = subprocess.Popen([str(command), "serve", "--db", db, "--port", str(port), "--read-only"],
                              stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    client.get("/api/counts")
                    break
                except httpx.TransportError:
                    assert time.monotonic() < deadline and server.poll() is None, "the desk did not start"
                    time.sleep(0.2)
            counts = client.get("/api/counts").json()
            print(f"ledger: {counts['documents']:,} documents, {counts['deals']:,} deals; "
                  f"{args.runs} requests per view after 2 warm-ups\n")
            print("| view | median ms | p95 ms |\n|---|---:|---:|")
            over = []
            for name, path in views(client):
                times = measure(client, path, args.runs)
                median, high = statistics.median(times), p95(times)
                print(f"| {name} | {median:.1f} | {high:.1f} |")
                if high > args.budget_ms:
                    over.append(name)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(10)
        if not args.keep and not args.db:
            for path in Path(folder).iterdir():
                path.unlink()
            Path(folder).rmdir()
    if over:
        print(f"\nover {args.budget_ms:.0f} ms at p95: {', '.join(over)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
