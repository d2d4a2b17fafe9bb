"""Size limits on what ingest accepts."""
from __future__ import annotations

# spaCy's default `nlp.max_length`. Ingest keeps a longer text as one SourceDocument; the
# pipeline then refuses it with InputTooLarge (one line naming it), and the batch goes on.
# Splitting is left to the user: where to cut a 20 MB text is not ours to guess.
MAX_TEXT_CHARS: int = 1_000_000

# A file (or stdin) larger than this is refused with InputTooLarge before it is read.
MAX_FILE_BYTES: int = 50 * 1024 * 1024
