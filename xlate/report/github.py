"""GitHub Actions workflow commands: one ``::error``/``::warning`` annotation per finding.

Escaping follows the Actions toolkit (``@actions/core`` ``command.ts``): in the message ``%``,
``\\r`` and ``\\n``; in property values also ``:`` and ``,``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from xlate.model import DocumentResult, Finding, Severity
from xlate.report import RunInfo
from xlate.report.positions import LineIndex, Location, locate

COMMAND = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int | None) -> str:
    """One workflow command line, e.g. ``::error file=a.txt,line=3::message``."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items()
                     if value is not None)
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def _position(location: Location) -> dict[str, int | None]:
    region = location.region
    if region is None:
        return {}
    return {"line": region.start_line, "col": region.start_column, "endLine": region.end_line,
            "endColumn": region.end_column}


def annotation(result: DocumentResult, finding: Finding, index: LineIndex | None = None) -> str:
    location = locate(result, finding, index)
    message = f"{finding.message} [{finding.severity.value}, {finding.category}]"
    if finding.suggestion:
        message += f"\nSuggestion: {finding.suggestion}"
    if location.text_region is not None and location.text_region is not location.region:
        region = location.text_region
        message += (f"\nIn document {result.id}, target line {region.start_line}, "
                    f"column {region.start_column}.")
    return command(COMMAND[finding.severity], message, file=location.uri, **_position(location),
                   title=f"{finding.code} {finding.check}")


def write(results: Iterable[DocumentResult], out: TextIO, info: RunInfo) -> None:
    for result in results:
        if result.error is not None:
            location = locate(result)
            out.write(command("error", result.error, file=location.uri, **_position(location),
                              title=f"xlate: cannot read {result.id}") + "\n")
        else:
            index = LineIndex(result.document.target.text) if result.document is not None else None
            for finding in result.findings:
                out.write(annotation(result, finding, index) + "\n")
        out.flush()
