"""The command line: `armsledger COMMAND`. Each command module calls one public function."""
from armsledger.cli.app import app, main

__all__ = ["app", "main"]
