"""Plain-text files: strict UTF-8 with a clear error naming the file otherwise."""

from __future__ import annotations

from pathlib import Path

from xlate.errors import InputError
from xlate.model import PairInput


def read_text(path: str | Path) -> str:
    """The file's text exactly as stored (BOM and CRLF kept, so spans index the real file)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, expected a text file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 (invalid byte at offset {exc.start})") from None
    if not text.strip():
        raise InputError(f"{path}: file is empty")
    return text


def read_pair(source: str | Path, target: str | Path) -> PairInput:
    """One article pair from two plain-text files."""
    return PairInput(Path(target).name, read_text(source), read_text(target), origin=str(target))
