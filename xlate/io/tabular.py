"""Tab-separated pairs: ``id<TAB>source<TAB>target`` per line, with an optional header row.

Fields use the common TSV escapes (``\\n`` newline, ``\\t`` tab, ``\\r`` carriage return, ``\\\\``
backslash; any other backslash is kept as is). A header row naming ``id``, ``source`` and
``target`` (in any order, other columns ignored) is recognised and used; without one the columns
are id, source, target. A line with the wrong number of fields is a BadInput naming file:line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from xlate.errors import InputError
from xlate.io._common import decode_utf8, read_bytes
from xlate.model import BadInput, PairInput

_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
_HEADER_NAMES = {"id", "source", "target"}


def unescape(field: str) -> str:
    """Undo the TSV escapes \\n, \\t, \\r and \\\\ (other backslashes are kept)."""
    if "\\" not in field:
        return field
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(0)), field)


def _header(fields: list[str]) -> dict[str, int] | None:
    names = [f.strip().lower() for f in fields]
    if not {"source", "target"} <= set(names):
        return None
    return {name: names.index(name) for name in _HEADER_NAMES if name in names}


def read_pairs_tsv(path: str | Path) -> Iterator[PairInput | BadInput]:
    """Each non-blank line as a pair; a line that cannot be read becomes a BadInput and reading goes on."""
    path = Path(path)
    text = decode_utf8(path, read_bytes(path)).removeprefix("\ufeff")
    columns: dict[str, int] = {"id": 0, "source": 1, "target": 2}
    width = 3
    first = True
    rows = 0
    for line_no, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        fields = line.split("\t")
        where = f"{path}:{line_no}"
        if first:
            first = False
            header = _header(fields)
            if header is not None:
                columns, width = header, len(fields)
                continue
        rows += 1
        if len(fields) != width:
            ident = unescape(fields[columns["id"]]).strip() if "id" in columns and len(fields) > 1 else ""
            yield BadInput(
                ident or f"line-{line_no}",
                f"{where}: expected {width} tab-separated fields, found {len(fields)}",
                where,
            )
            continue
        ident = unescape(fields[columns["id"]]).strip() if "id" in columns else ""
        source, target = unescape(fields[columns["source"]]), unescape(fields[columns["target"]])
        ident = ident or f"line-{line_no}"
        if not source.strip() and not target.strip():
            yield BadInput(ident, f"{where}: source and target are both empty", where)
        else:
            yield PairInput(ident, source, target, where)
    if first:
        raise InputError(f"{path}: file is empty")
    if rows == 0:
        raise InputError(f"{path}: no pairs after the header row")
