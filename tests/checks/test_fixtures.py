"""Per-check fixtures (DESIGN.md §6) and the check registry's contract.

Each registered check code has ``fixtures/XLnnn.jsonl``: realistic Spanish→English news
pairs, one JSON object a line::

    {"name": "short-slug", "expect": "fail"|"pass", "source": "…", "target": "…",
     "span_text": "…", "note": "why", "glossary": [["Guardia Nacional", "National Guard"]],
     "pair": "fr-en"}

A ``fail`` case passes when the check reports a finding whose ``target_span`` overlaps (or
comes within ``SLACK`` characters of) an occurrence of ``span_text`` in the target; for the
checks in ``PRESENCE_ONLY`` (whose caret position is a guess) ``span_text`` is "" and any
finding of the code will do. A ``pass`` case passes when the check reports nothing.
``glossary`` (XL301) lists ``[source term, rendering, …]`` rows handed to the check; ``pair``
(default ``es-en``) checks a case of another language pair.

Each check runs on its own (``Settings(select=(code,))``), so no other check can supersede
its findings. There is one Checker per code (and glossary), and all of its cases go through
``Checker.check_pairs`` in one batch, so Apertium and the embedder run once per checker
instead of once per case; the results are the ones ``Checker.check`` gives pair by pair.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xlate.checks.registry import DOC_SECTIONS, all_checks
from xlate.cli import app
from xlate.io.glossary import GlossaryEntry
from xlate.model import DocumentResult, Finding, PairInput
from xlate.pairs import pair_names
from xlate.pipeline import Checker, Settings

FIXTURES = Path(__file__).parent / "fixtures"
# A finding "touches" span_text when it ends or starts at most this many characters away.
SLACK = 2
# Checks whose target span is only a caret guess: a fail case needs a finding, anywhere.
PRESENCE_ONLY = frozenset({"XL201", "XL402"})
MIN_CASES = 3  # of each kind, per code

_CODE = re.compile(r"^XL\d{3}$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEYS = frozenset({"name", "expect", "source", "target", "span_text", "note", "glossary", "pair"})

Glossary = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Case:
    code: str
    name: str
    expect: str
    source: str
    target: str
    span_text: str
    note: str
    glossary: Glossary
    pair: str = "es-en"

    @property
    def id(self) -> str:
        return f"{self.code}-{self.name}"


def _case(code: str, where: str, record: object) -> Case:
    """One fixture line, validated (a malformed fixture is an error, never a silent pass)."""
    if not isinstance(record, dict):
        raise ValueError(f"{where}: a fixture line must be a JSON object")
    unknown = set(record) - _KEYS
    missing = {"name", "expect", "source", "target", "note"} - set(record)
    if unknown or missing:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
    name, expect = record["name"], record["expect"]
    if not isinstance(name, str) or not _SLUG.match(name):
        raise ValueError(f"{where}: name {name!r} is not a short lower-case slug")
    if expect not in ("fail", "pass"):
        raise ValueError(f"{where}: expect must be 'fail' or 'pass', not {expect!r}")
    if not all(isinstance(record[k], str) and record[k].strip() for k in ("source", "target", "note")):
        raise ValueError(f"{where}: source, target and note must be non-empty strings")
    span_text = record.get("span_text", "")
    if expect == "fail":
        if not isinstance(span_text, str):
            raise ValueError(f"{where}: span_text must be a string")
        if code in PRESENCE_ONLY and span_text:
            raise ValueError(f"{where}: {code} fail cases use span_text \"\" (only presence is checked)")
        if code not in PRESENCE_ONLY and (not span_text or span_text not in record["target"]):
            raise ValueError(f"{where}: span_text {span_text!r} is not a substring of the target")
    rows = record.get("glossary", [])
    if not isinstance(rows, list) or not all(
        isinstance(row, list) and len(row) >= 2 and all(isinstance(x, str) and x.strip() for x in row)
        for row in rows
    ):
        raise ValueError(f"{where}: glossary must be a list of [source term, rendering, …] rows")
    pair = record.get("pair", "es-en")
    if not isinstance(pair, str) or pair not in pair_names():
        raise ValueError(f"{where}: pair {pair!r} is not a known language pair")
    return Case(code, name, expect, record["source"], record["target"], span_text or "", record["note"],
                tuple(tuple(row) for row in rows), pair)


def load_cases() -> list[Case]:
    cases: list[Case] = []
    for path in sorted(FIXTURES.glob("*.jsonl")):
        code = path.stem
        if not _CODE.match(code):
            raise ValueError(f"{path}: fixture files are named by check code (XLnnn.jsonl)")
        names: set[str] = set()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{n}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{where}: not valid JSON ({exc})") from None
            case = _case(code, where, record)
            if case.name in names:
                raise ValueError(f"{where}: case name {case.name!r} is used twice in {path.name}")
            names.add(case.name)
            cases.append(case)
    return cases


CASES = load_cases()
CODES = [spec.code for spec in all_checks()]


@cache
def _checker(code: str, glossary: Glossary, pair: str) -> Checker:
    entries = tuple(GlossaryEntry(row[0], tuple(row[1:])) for row in glossary)
    return Checker(Settings(pair=pair, select=(code,), glossary=entries))


@cache
def _results(code: str, glossary: Glossary, pair: str) -> dict[str, DocumentResult]:
    """Every case of ``code`` with this glossary and pair, checked in one batch."""
    group = [c for c in CASES if c.code == code and c.glossary == glossary and c.pair == pair]
    results = _checker(code, glossary, pair).check_pairs([PairInput(c.name, c.source, c.target) for c in group])
    return {r.id: r for r in results}


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.start() + len(needle)) for m in re.finditer(re.escape(needle), text)]


def _touches(span: tuple[int, int] | None, start: int, end: int) -> bool:
    """True when ``span`` overlaps ``[start, end)`` or comes within SLACK of it (zero-width included)."""
    return span is not None and span[0] <= end + SLACK and span[1] >= start - SLACK


def _describe(case: Case, findings: list[Finding]) -> str:
    shown = [f"  {f.code} {f.target_span} {case.target[slice(*f.target_span)]!r}: {f.message}"
             if f.target_span else f"  {f.code} (no target span): {f.message}" for f in findings]
    return "\n".join([f"source: {case.source!r}", f"target: {case.target!r}", f"note: {case.note}",
                      "findings:", *(shown or ["  (none)"])])


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_fixture(case: Case) -> None:
    result = _results(case.code, case.glossary, case.pair)[case.name]
    assert result.error is None, result.error
    findings = [f for f in result.findings if f.code == case.code]
    if case.expect == "pass":
        assert not findings, f"{case.code} flagged a clean pair\n{_describe(case, findings)}"
    elif case.code in PRESENCE_ONLY:
        assert findings, f"{case.code} missed the defect\n{_describe(case, findings)}"
    else:
        spans = _occurrences(case.target, case.span_text)
        assert any(_touches(f.target_span, s, e) for f in findings for s, e in spans), (
            f"{case.code} did not flag {case.span_text!r}\n{_describe(case, result.findings)}")


# --- the registry ------------------------------------------------------------------------------


def test_codes_are_unique_and_well_formed() -> None:
    specs = all_checks()
    codes = [s.code for s in specs]
    names = [s.name for s in specs]
    assert codes, "no check is registered"
    assert len(codes) == len(set(codes)), "a check code is registered twice"
    assert len(names) == len(set(names)), "a check name is registered twice"
    assert [c for c in codes if not _CODE.match(c)] == []


def test_every_fixture_file_names_a_registered_check() -> None:
    files = {p.stem for p in FIXTURES.glob("*.jsonl")}
    assert sorted(files - set(CODES)) == []


@pytest.mark.parametrize("code", CODES)
def test_every_check_has_fixtures(code: str) -> None:
    path = FIXTURES / f"{code}.jsonl"
    assert path.is_file(), f"{code} has no fixture file {path.name}"
    mine = [c for c in CASES if c.code == code]
    fails = sum(c.expect == "fail" for c in mine)
    passes = sum(c.expect == "pass" for c in mine)
    assert fails >= MIN_CASES and passes >= MIN_CASES, f"{code}: {fails} fail and {passes} pass cases"


def _section_lines(doc: str) -> list[str]:
    return [line.strip() for line in doc.splitlines() if line.strip() in {f"{s}:" for s in DOC_SECTIONS}]


@pytest.mark.parametrize("code", CODES)
def test_docstring_has_every_section(code: str) -> None:
    (spec,) = [s for s in all_checks() if s.code == code]
    assert spec.doc.strip(), f"{code} has no docstring"
    assert _section_lines(spec.doc) == [f"{s}:" for s in DOC_SECTIONS], (
        f"{code}: the docstring needs the sections {', '.join(DOC_SECTIONS)} in that order")
    example = spec.doc.split("Example:", 1)[1].split("Fix:", 1)[0]
    for label in ("Bad:", "Good:"):
        assert label in example, f"{code}: the example has no {label!r} line"
    assert re.search(r"Source:|Glossary:", example), f"{code}: the example has no Spanish source"


@pytest.mark.parametrize("code", CODES)
def test_explain_prints_the_docs(code: str) -> None:
    (spec,) = [s for s in all_checks() if s.code == code]
    result = CliRunner().invoke(app, ["explain", code])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{code} {spec.name}")
    for section in DOC_SECTIONS:
        assert f"{section}:" in result.output
    assert spec.doc.strip() in result.output
