"""`armsledger extract PATH...`: read documents, print their records."""
from __future__ import annotations

import json
import sys

import typer
from rich.markup import escape

from armsledger.cli.app import app, report_error
from armsledger.cli.summary import print_summary
from armsledger.errors import InputError
from armsledger.ingest import read_inputs
from armsledger.pipeline import Options, extract_documents


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files (.txt, .html, .htm, .jsonl, feeds), folders, or - for stdin."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object (an array for several documents)."),
    as_jsonl: bool = typer.Option(False, "--jsonl", help="One JSON line per document, in input order."),
    language: str = typer.Option("auto", "--language", help="fr, en, or auto (declared, else detected)."),
    published: str = typer.Option(None, "--published", help="YYYY-MM-DD for documents that carry no date."),
) -> None:
    """Extract transfers, aid, figures, legal actions and quotes, each with evidence spans.

    Unreadable inputs are reported one line each on stderr and skipped; the exit code is 1 only
    when no document at all could be read.
    """
    options = Options(language=language, published=published)
    good, bad, collected = 0, 0, []
    for result in extract_documents(read_inputs(paths, stdin=sys.stdin.buffer), options):
        if isinstance(result, InputError):
            bad += 1
            report_error(result)
            continue
        good += 1
        data = result.to_json_dict()
        if as_jsonl:
            sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        elif as_json:
            collected.append(data)
        else:
            print_summary(result)
    if as_json and collected:
        out = collected[0] if len(collected) == 1 else collected
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    if good == 0:
        report_error(InputError(escape(f"no document could be read ({bad} failed)")))
        raise typer.Exit(1)
