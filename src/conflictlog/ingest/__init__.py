"""Ingest: input paths to a stream of ``Document | Rejected``.

    discover(paths)                 -> list[InputFile]       files, directories, globs, "-"
    iter_documents(files, settings) -> Document | Rejected   one at a time, in order
    read_file(file, settings)       -> Document | Rejected   one input (picklable arguments)

Bad input never raises: each bad item becomes a Rejected saying where it was and why.
Only a path that matches nothing raises ``InputError``.
"""

from __future__ import annotations

from .discover import discover
from .inputs import InputFile
from .reader import iter_documents, read_file

__all__ = ["InputFile", "discover", "iter_documents", "read_file"]
