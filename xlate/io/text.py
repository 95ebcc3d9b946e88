"""Plain-text files: strict UTF-8 with a clear error naming the file otherwise."""

from __future__ import annotations

from pathlib import Path

from xlate.io._common import decode_utf8, read_bytes


def read_text(path: str | Path) -> str:
    """The file's text exactly as stored (BOM and CRLF kept, so spans index the real file)."""
    return decode_utf8(path, read_bytes(path))
