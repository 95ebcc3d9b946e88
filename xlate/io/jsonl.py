"""JSON Lines of pairs, the batch contract's input: {"id", "source", "target"} per line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from xlate.errors import InputError
from xlate.model import BadInput, PairInput


def _record(obj: object, line_no: int) -> tuple[str, str | None, str | None]:
    """(id, source, target) of a decoded line, or (id, None, error) when it is not a valid pair."""
    if not isinstance(obj, dict):
        return f"line-{line_no}", None, "line is not a JSON object"
    ident = obj.get("id")
    ident = str(ident) if ident is not None else f"line-{line_no}"
    for key in ("source", "target"):
        if not isinstance(obj.get(key), str):
            return ident, None, f"missing or non-string {key!r}"
    return ident, obj["source"], obj["target"]


def read_pairs_jsonl(path: str | Path) -> Iterator[PairInput | BadInput]:
    """Each non-blank line as a pair; a line that cannot be read becomes a BadInput and reading goes on."""
    path = Path(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot open ({exc.strerror})") from None
    with handle:
        for line_no, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            where = f"{path}:{line_no}"
            try:
                obj = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield BadInput(f"line-{line_no}", f"{where}: not UTF-8", where)
                continue
            except json.JSONDecodeError as exc:
                yield BadInput(f"line-{line_no}", f"{where}: not JSON ({exc.msg}, column {exc.colno})", where)
                continue
            ident, source, target_or_error = _record(obj, line_no)
            if source is None:
                yield BadInput(ident, f"{where}: {target_or_error}", where)
            elif not source.strip() and not target_or_error.strip():
                yield BadInput(ident, f"{where}: source and target are both empty", where)
            else:
                yield PairInput(ident, source, target_or_error, where)
