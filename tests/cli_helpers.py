"""Helpers shared by the CLI end-to-end tests: run xlate in-process or as a real process."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from xlate.cli import app


def _runner() -> CliRunner:
    try:  # click < 8.2 mixes standard error into output unless told not to
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]
    except TypeError:
        return CliRunner()


@contextlib.contextmanager
def _chdir(path: Path) -> Iterator[None]:
    """Run from a folder with no xlate.toml / pyproject.toml, so only defaults and options apply."""
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


class Run:
    """What one invocation left: exit code, standard output and standard error."""

    def __init__(self, code: int, stdout: str, stderr: str) -> None:
        self.code, self.stdout, self.stderr = code, stdout, stderr

    def jsonl(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]

    def __repr__(self) -> str:
        return f"Run(code={self.code}, stderr={self.stderr[-2000:]!r}, stdout={self.stdout[:2000]!r})"


def invoke(args: list[str | Path], cwd: Path) -> Run:
    """xlate ARGS in-process (CliRunner), from ``cwd``."""
    with _chdir(cwd):
        result = _runner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def _xlate_command() -> list[str]:
    script = Path(sys.executable).with_name("xlate")
    return [str(script)] if script.exists() else [sys.executable, "-m", "xlate.cli"]


def run_xlate(args: list[str | Path], cwd: Path, timeout: float = 120) -> Run:
    """xlate ARGS as a real process, from ``cwd``, as in CI (standard error is not a terminal)."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "FORCE_COLOR")}
    proc = subprocess.run(
        [*_xlate_command(), *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def assert_one_error_line(run: Run, *needles: str) -> str:
    """Exit 2 with exactly one line on standard error: 'xlate: error: …' naming every needle; no traceback."""
    assert run.code == 2, run
    assert "Traceback" not in run.stderr, run
    lines = run.stderr.splitlines()
    assert len(lines) == 1, f"expected one line on standard error, got {len(lines)}:\n{run.stderr}"
    line = lines[0]
    assert line.startswith("xlate: error:"), line
    for needle in needles:
        assert needle in line, f"{needle!r} not in {line!r}"
    return line
