"""Report writers: one module per format, each ``write(results, out, info)``.

``results`` is an iterable of DocumentResult in input order; streaming writers
(jsonl, text) write as results arrive, the others collect them first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, TextIO

from xlate.model import DocumentResult

Writer = Callable[[Iterable[DocumentResult], TextIO, "RunInfo"], None]


@dataclass
class RunInfo:
    """The header every report carries so that a score can be reproduced."""

    version: str
    engines: dict[str, bool]
    engine_versions: dict[str, str | None]
    config: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def writers() -> dict[str, Writer]:
    """Format name → writer (imported lazily so the CLI starts fast)."""
    from xlate.report import github as github_report
    from xlate.report import html as html_report
    from xlate.report import json as json_report
    from xlate.report import junit as junit_report
    from xlate.report import markdown as markdown_report
    from xlate.report import sarif as sarif_report
    from xlate.report import text as text_report

    return {
        "text": text_report.write,
        "json": json_report.write_json,
        "jsonl": json_report.write_jsonl,
        "markdown": markdown_report.write,
        "html": html_report.write,
        "sarif": sarif_report.write,
        "junit": junit_report.write,
        "github": github_report.write,
    }
