"""Report writers: one module per format, each ``write(results, out, info)``.

``results`` is an iterable of DocumentResult in input order; streaming writers
(jsonl, text) write as results arrive, the others collect them first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TextIO

from xlate.model import DocumentResult

Writer = Callable[[Iterable[DocumentResult], TextIO, "RunInfo"], None]


@dataclass
class RunInfo:
    """The header every report carries so that a score can be reproduced.

    The engines are asked for their state when a writer reads it (after the results, for the
    writers that collect them first), so that no engine is loaded for the header alone.
    """

    version: str
    engine_state: Callable[[], dict[str, bool]]
    engine_version_numbers: Callable[[], dict[str, str | None]]
    config: dict[str, Any] = field(default_factory=dict)

    @property
    def engines(self) -> dict[str, bool]:
        return self.engine_state()

    @property
    def engine_versions(self) -> dict[str, str | None]:
        return self.engine_version_numbers()

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version, "engines": self.engines, "engine_versions": self.engine_versions,
                "config": self.config}


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
