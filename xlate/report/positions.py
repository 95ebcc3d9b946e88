"""Where a finding is: line/column positions and file locations.

Shared by the writers that point into files (sarif, github, junit). Lines and columns are 1-based;
columns count characters (Python code points); ``\\r\\n``, ``\\n`` and a lone ``\\r`` each count
as one line break.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path, PurePath

from xlate.model import DocumentResult, Finding, Span

_BREAK = re.compile(r"\r\n|\r|\n")
# An origin such as "pairs.jsonl:12": the record on line 12 of a file of pairs.
_RECORD = re.compile(r"^(?P<path>.*\S):(?P<line>\d+)$")


class LineIndex:
    """Offsets of the line starts of one text, for repeated offset → (line, column) look-ups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of ``offset``, clamped to the text.

        An offset between the ``\\r`` and ``\\n`` of a CRLF counts as the end of its line.
        """
        offset = max(0, min(offset, len(self.text)))
        if 0 < offset < len(self.text) and self.text[offset - 1 : offset + 1] == "\r\n":
            offset -= 1  # inside a CRLF: the line break is one character
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return line + 1, offset - start + 1


def line_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based (line, column) of character ``offset`` in ``text`` (CRLF is one line break)."""
    return LineIndex(text).position(offset)


@dataclass(frozen=True, slots=True)
class Region:
    """A 1-based region; ``end_column`` is the column just after the last character (exclusive)."""

    start_line: int
    start_column: int | None = None
    end_line: int | None = None
    end_column: int | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """A file (or, failing that, the document id) and an optional region in it."""

    uri: str
    region: Region | None = None
    # The region inside the target text when ``region`` is a record's line in a file of pairs.
    text_region: Region | None = None


def origin_file(origin: str | None, ident: str) -> tuple[str, int | None]:
    """The file a document came from and the record's line for files of pairs (``path:N``).

    An absolute path under the working directory is made relative to it; with no origin the
    document id stands in for the file.
    """
    if not origin:
        return ident, None
    path, line = origin, None
    if not Path(origin).is_file() and (m := _RECORD.match(origin)):
        path, line = m["path"], int(m["line"])
    return _relative(path), line


def _relative(path: str) -> str:
    pure = PurePath(path)
    if pure.is_absolute():
        try:
            return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
        except (ValueError, OSError):
            return Path(path).as_posix()
    return pure.as_posix()


def anchor_span(result: DocumentResult, finding: Finding) -> Span | None:
    """The target span of a finding; for a source-only finding, a zero-width point where the aligned
    target sentence starts (or where the translation would have had it). None without either span."""
    if finding.target_span is not None:
        return finding.target_span
    doc = result.document
    if finding.source_span is None or doc is None:
        return None
    point = finding.source_span[0]
    index = next((s.index for s in doc.source.sentences if s.start <= point < s.end), None)
    if index is None:
        before = [s.index for s in doc.source.sentences if s.start <= point]
        index = before[-1] if before else None
    if index is None:
        return None
    last_end = 0
    targets = doc.target.sentences
    for link in doc.links:
        if index in link.source:
            if link.target:
                start = min(targets[i].start for i in link.target if i < len(targets))
                return start, start
            return last_end, last_end
        if link.target:
            last_end = max([last_end] + [targets[i].end for i in link.target if i < len(targets)])
    return None


def region(index: LineIndex, span: Span) -> Region:
    start_line, start_col = index.position(span[0])
    end_line, end_col = index.position(max(span[0], span[1]))
    return Region(start_line, start_col, end_line, end_col)


def locate(result: DocumentResult, finding: Finding | None = None,
           index: LineIndex | None = None) -> Location:
    """The file and region to report ``finding`` at (the file alone for ``finding=None``).

    The target text is the file for a pair of text files; for a record of a file of pairs the
    region is the record's line, and the position inside the target text is ``text_region``.
    """
    uri, record_line = origin_file(result.origin or (result.document.origin if result.document else None),
                                   result.id)
    span = None if finding is None else anchor_span(result, finding)
    if span is None or result.document is None:
        if record_line is not None:
            return Location(uri, Region(record_line, None, record_line, None))
        return Location(uri, None)
    text_region = region(index or LineIndex(result.document.target.text), span)
    if record_line is not None:
        return Location(uri, Region(record_line, None, record_line, None), text_region)
    return Location(uri, text_region, text_region)
