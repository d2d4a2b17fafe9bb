"""Resource bounds on what armsledger reads and parses, which a user can see and change.

`Limits` travels with the options from the command line (`--max-file-bytes`,
`--max-chars`, `--batch-chars`) to the readers and the pipeline. The defaults keep one process
under 1 GB of resident memory whatever it is given (measured by bench/memory.py):

* `max_file_bytes`: a file (or stdin) larger than this is refused with InputTooLarge before it
  is read. JSON Lines files are streamed line by line and have no file limit, only a line limit.
* `max_document_bytes` (derived): the longest JSON Lines line, i.e. one document's bytes: four
  bytes a character of `max_document_chars`, UTF-8's widest.
* `max_document_chars`: a longer text is refused with InputTooLarge (one line naming it) before
  anything is parsed; where to cut a long text is not ours to guess. Texts under the limit are
  parsed in pieces of at most `parse_chunk_chars`, cut at paragraph breaks, so the parser's
  memory does not grow with the document (see nlp/parsing.py).
* `batch_chars`: documents are parsed together (`nlp.pipe`) while their texts add up to no
  more than this (a longer text is a batch of its own), then the batch's memory is released
  (`nlp.memory_zone()`).
"""
from __future__ import annotations

from dataclasses import dataclass

from armsledger.errors import ConfigError

MAX_TEXT_CHARS: int = 1_000_000
MAX_FILE_BYTES: int = 20 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = MAX_FILE_BYTES
    max_document_chars: int = MAX_TEXT_CHARS
    batch_chars: int = 1_000_000
    parse_chunk_chars: int = 20_000

    @property
    def max_document_bytes(self) -> int:
        return 4 * self.max_document_chars

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if not isinstance(value, int) or value < 1:
                raise ConfigError(f"{name.replace('_', '-')} must be a whole number of at least 1, not {value!r}")


__all__ = ["Limits", "MAX_FILE_BYTES", "MAX_TEXT_CHARS"]
