"""Plain-text files: strict UTF-8 with a clear error naming the file otherwise."""

from __future__ import annotations

from pathlib import Path

from xlate.io._common import read_bytes, utf8_error
from xlate.model import PairInput


def read_text(path: str | Path) -> str:
    """The file's text exactly as stored (BOM and CRLF kept, so spans index the real file)."""
    data = read_bytes(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise utf8_error(path, data, exc) from None


def read_pair(source: str | Path, target: str | Path) -> PairInput:
    """One article pair from two plain-text files."""
    return PairInput(Path(target).name, read_text(source), read_text(target), origin=str(target))
