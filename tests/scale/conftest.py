"""What the scale tests share: a corpus of short written deal reports, with two bad documents."""
from __future__ import annotations

from armsledger.errors import EmptyInput, InputError
from armsledger.ingest.limits import Limits
from armsledger.model import SourceDocument
from armsledger.pipeline import Options

OPTIONS = Options(limits=Limits(max_document_chars=2_000))
SUPPLIERS = ["France", "Germany", "South Korea", "the United States", "Italy", "Sweden"]
BUYERS = ["Poland", "Egypt", "India", "Brazil", "Norway", "Chile"]


def corpus(n: int) -> list:
    """Short written reports of deals (some with no record, one empty, one too long)."""
    items: list = []
    for i in range(n):
        supplier, buyer = SUPPLIERS[i % len(SUPPLIERS)], BUYERS[(i * 5) % len(BUYERS)]
        items.append(SourceDocument(text=f"{buyer} has ordered {i + 3} howitzers from {supplier}, "
                                         f"the defence ministry said on Monday.", language="en", source=f"d{i}.txt"))
    items[7] = EmptyInput("text is empty", source="empty.txt")        # failed while read
    items[11] = SourceDocument(text="word " * 1_000, language="en", source="long.txt")  # fails in the worker
    return items


def plain(results) -> list:
    return [("error", type(r).__name__, r.source) if isinstance(r, InputError) else r.to_json_dict() for r in results]
