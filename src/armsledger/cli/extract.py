"""`armsledger extract PATH...`: read documents, print their records."""
from __future__ import annotations

import json
import sys

import typer
from rich.markup import escape

from armsledger.cli import options as opt
from armsledger.cli.app import app, report_error
from armsledger.cli.summary import print_summary
from armsledger.errors import ConfigError, DocumentFailed, InputError
from armsledger.ingest import read_inputs
from armsledger.ingest.limits import Limits
from armsledger.model import Extraction


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files (.txt, .html, .htm, .jsonl, feeds), folders, or - for stdin."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object (an array for several documents)."),
    as_jsonl: bool = typer.Option(False, "--jsonl", help="One JSON line per document, in input order."),
    language: str = opt.LANGUAGE,
    published: str = opt.PUBLISHED,
    max_file_bytes: int = opt.MAX_FILE_BYTES,
    max_chars: int = opt.MAX_CHARS,
    batch_chars: int = opt.BATCH_CHARS,
    prefilter: bool = opt.PREFILTER_OFF,
) -> None:
    """Extract transfers, aid, figures, legal actions and quotes, each with evidence spans.

    Unreadable inputs are reported one line each on stderr and skipped; the exit code is 1 only
    when no document at all could be read, 2 for a bad or conflicting option.
    """
    from armsledger.pipeline import Options, extract_documents  # loads spaCy: only when extracting

    if as_json and as_jsonl:
        raise ConfigError("--json and --jsonl cannot be used together: choose one output")
    limits = Limits(max_file_bytes=max_file_bytes, max_document_chars=max_chars, batch_chars=batch_chars)
    options = Options(language=language, published=published, limits=limits, prefilter=prefilter)
    good, bad, collected = 0, 0, []
    for result in extract_documents(read_inputs(paths, stdin=sys.stdin.buffer, limits=limits), options):
        if not isinstance(result, InputError):
            result = _write(result, as_json, as_jsonl, collected)
        if isinstance(result, InputError):
            bad += 1
            report_error(result)
        else:
            good += 1
    if as_json and collected:
        out = collected[0] if len(collected) == 1 else collected
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    if good == 0:
        report_error(InputError(escape(f"no document could be read ({bad} failed)")))
        raise typer.Exit(1)


def _write(result: Extraction, as_json: bool, as_jsonl: bool, collected: list[dict]) -> Extraction | InputError:
    """Print (or keep, for --json) one document's output; what fails is that document's error."""
    try:
        data = result.to_json_dict()
        line = json.dumps(data, ensure_ascii=False, allow_nan=False)  # NaN or Infinity is no JSON
        if as_jsonl:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()
        elif as_json:
            collected.append(data)
        else:
            print_summary(result)
    except Exception as exc:  # noqa: BLE001 - the document's fault boundary
        return DocumentFailed.wrap(exc, "writing its output", result.document.source or result.document.id)
    return result
