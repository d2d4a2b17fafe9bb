"""The armsledger exception tree, each error with a stable code.

    ArmsledgerError                      base of everything we raise on purpose
    ├── InputError        [AL1xx]        a document could not be read
    │   ├── EmptyInput        AL101
    │   ├── BinaryInput       AL102
    │   ├── EncodingError     AL103
    │   ├── InputTooLarge     AL104
    │   ├── NoMainText        AL105
    │   ├── MalformedRecord   AL106
    │   ├── MissingInput      AL107
    │   └── DocumentFailed    AL108   anything else one document raised (a bug): that
    │                                 document is lost, never the batch
    ├── ConfigError       [AL2xx]        a setting or option is wrong
    ├── PipelineError     [AL3xx]        a language model or data file is missing
    └── StoreError        [AL4xx]        the ledger (SQLite or PostgreSQL store)
        ├── LedgerUnavailable AL401   cannot be opened, reached or migrated
        ├── NotInLedger       AL402   no such deal or document (or an ambiguous id prefix)
        └── InvalidReview     AL403   a review decision names an unknown field or makes an invalid record

Library code raises these; the CLI turns them into one red line and a non-zero exit, and the
pipeline records a per-document failure as a skipped document and goes on with the batch.
"""
from __future__ import annotations


class ArmsledgerError(Exception):
    code = "AL000"

    def __init__(self, message: str, *, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}{self.message} [{self.code}]"


class InputError(ArmsledgerError):
    code = "AL100"


class EmptyInput(InputError):
    code = "AL101"


class BinaryInput(InputError):
    code = "AL102"


class EncodingError(InputError):
    code = "AL103"


class InputTooLarge(InputError):
    code = "AL104"


class NoMainText(InputError):
    code = "AL105"


class MalformedRecord(InputError):
    code = "AL106"


class MissingInput(InputError):
    code = "AL107"


class DocumentFailed(InputError):
    """An unexpected exception while reading or extracting one document. `cause` keeps the
    original exception so that `--debug` can show its traceback."""
    code = "AL108"

    def __init__(self, message: str, *, source: str | None = None, cause: BaseException | None = None):
        super().__init__(message, source=source)
        self.cause = cause

    @classmethod
    def wrap(cls, exc: BaseException, stage: str, source: str | None) -> "DocumentFailed":
        """The document's error for an exception raised while `stage` (reading, extracting,
        writing): one line, the exception's type and first line."""
        first = (str(exc).strip().splitlines() or [""])[0][:200]
        detail = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
        return cls(f"failed while {stage}: {detail} (a bug: please report it; --debug shows where)",
                   source=source, cause=exc)


class ConfigError(ArmsledgerError):
    code = "AL200"


class PipelineError(ArmsledgerError):
    code = "AL300"


class StoreError(ArmsledgerError):
    code = "AL400"


class LedgerUnavailable(StoreError):
    code = "AL401"


class NotInLedger(StoreError):
    code = "AL402"


class InvalidReview(StoreError):
    code = "AL403"


def error_to_dict(err: ArmsledgerError) -> dict:
    """A plain dict of an error, to cross a process boundary (its traceback stays behind)."""
    return {"error": type(err).__name__, "code": err.code, "message": err.message, "source": err.source}


def error_from_dict(data: dict) -> ArmsledgerError:
    """The error `error_to_dict` described (an unknown class name comes back as DocumentFailed)."""
    known = {cls.__name__: cls for cls in (EmptyInput, BinaryInput, EncodingError, InputTooLarge, NoMainText,
                                           MalformedRecord, MissingInput, DocumentFailed, ConfigError,
                                           PipelineError, InputError, StoreError, LedgerUnavailable, NotInLedger,
                                           InvalidReview)}
    return known.get(data.get("error"), DocumentFailed)(data.get("message") or "", source=data.get("source"))


__all__ = [
    "error_to_dict", "error_from_dict", "ArmsledgerError", "InputError", "EmptyInput", "BinaryInput", "EncodingError", "InputTooLarge",
    "NoMainText", "MalformedRecord", "MissingInput", "DocumentFailed", "ConfigError", "PipelineError",
    "StoreError", "LedgerUnavailable", "NotInLedger", "InvalidReview",
]
