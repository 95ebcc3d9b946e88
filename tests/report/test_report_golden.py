"""Golden files for every report writer; ``XLATE_UPDATE_GOLDEN=1 pytest tests/report`` rewrites them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from xlate.report import writers

GOLDEN = Path(__file__).parent / "golden"
FORMATS = {
    "text": "text.txt",
    "json": "report.json",
    "jsonl": "report.jsonl",
    "markdown": "report.md",
    "html": "report.html",
    "sarif": "report.sarif",
    "junit": "junit.xml",
    "github": "github.txt",
}


def test_every_format_has_a_golden() -> None:
    assert set(FORMATS) == set(writers())


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_golden(fmt: str, render) -> None:
    path = GOLDEN / FORMATS[fmt]
    actual = render(fmt)
    if os.environ.get("XLATE_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
    assert path.exists(), f"{path} is missing: run XLATE_UPDATE_GOLDEN=1 pytest tests/report"
    with path.open(encoding="utf-8", newline="") as handle:
        expected = handle.read()
    assert actual == expected, f"{fmt} report differs from {path.name} (XLATE_UPDATE_GOLDEN=1 to accept)"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_empty_batch(fmt: str, render) -> None:
    """No documents at all is a valid (if dull) report in every format."""
    assert isinstance(render(fmt, results=[]), str)
