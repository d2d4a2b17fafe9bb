"""The armsledger exception tree, each error with a stable code.

    ArmsledgerError                      base of everything we raise on purpose
    ├── InputError        [AL1xx]        a document could not be read
    │   ├── EmptyInput        AL101
    │   ├── BinaryInput       AL102
    │   ├── EncodingError     AL103
    │   ├── InputTooLarge     AL104
    │   ├── NoMainText        AL105
    │   ├── MalformedRecord   AL106
    │   └── MissingInput      AL107
    ├── ConfigError       [AL2xx]        a setting or option is wrong
    └── PipelineError     [AL3xx]        a language model or data file is missing

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


class ConfigError(ArmsledgerError):
    code = "AL200"


class PipelineError(ArmsledgerError):
    code = "AL300"


__all__ = [
    "ArmsledgerError", "InputError", "EmptyInput", "BinaryInput", "EncodingError", "InputTooLarge",
    "NoMainText", "MalformedRecord", "MissingInput", "ConfigError", "PipelineError",
]
