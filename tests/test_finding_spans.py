"""Where findings point: the place an editor has to change, not a word near it.

XL201 puts its caret at the clause boundary where the dropped words stood: dropped material is a
phrase or a clause, and those end at punctuation; a caret before the last word of the sentence
("continent⟨⟩ resulted.") or after the full stop misses the place to write the missing words.
XL208 marks a lost negation on the verb group it belonged to ("⟨is the answer⟩", "⟨will last⟩"),
not only on the negated word's partner ("answer").
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from cli_helpers import Run, invoke

from xlate.checks.gaps import clause_point


@pytest.mark.parametrize(("text", "start", "end", "expected"), [
    ("the continent resulted. A combination", 13, 37, 22),  # the full stop after the free rendering
    ("presented to it, whether unaccompanied", 9, 25, 15),  # the comma before the next clause
    ("was founded in 1,034 towns, and later", 11, 30, 26),  # a comma inside a number is no boundary
    ("the culture - sometimes disdained.", 11, 34, 11),  # a spaced dash is one
    ("they met the president in Lima", 8, 30, 8),  # no boundary: the start of the stretch
])
def test_clause_point(text: str, start: int, end: int, expected: int) -> None:
    assert clause_point(text, start, end) == expected


OMISSIONS = [
    # (source, target, the text just before the caret, the text just after it)
    ("Las exportaciones de café crecieron, impulsadas por la fuerte demanda de China y de Estados Unidos.",
     "Coffee exports rose.", "Coffee exports rose", "."),
    ("La selección ganó el torneo en Lima, con 12 goles de Pérez, y volverá a jugar en marzo.",
     "The team won the tournament in Lima and will play again in March.",
     "The team won the tournament in Lima", " and will play again in March."),
]


LOST_NEGATIONS = [
    # (source, target, the text the finding must mark)
    ("Según los analistas, la subida de los tipos no es la respuesta a la inflación.",
     "According to analysts, the rise in rates is the answer to inflation.", "is the answer"),
    ("El entrenador dijo que su equipo no va a renunciar al título esta temporada.",
     "The coach said his team is going to give up the title this season.", "is going"),
    ("Con esa actitud usted no durará mucho en la política.",
     "With that attitude you will last long in politics.", "will last"),
]


def _check(tmp_path_factory: pytest.TempPathFactory, pairs: list[tuple[str, str]], code: str) -> dict[str, Any]:
    workdir = tmp_path_factory.mktemp(code)
    batch = workdir / "pairs.jsonl"
    batch.write_text("".join(json.dumps({"id": str(n), "source": s, "target": t}, ensure_ascii=False) + "\n"
                             for n, (s, t) in enumerate(pairs)), encoding="utf-8")
    run: Run = invoke(["check", "--pairs", batch, "--format", "jsonl", "--no-embeddings", "--fail-on", "never",
                       "--select", code], workdir)
    assert run.code == 0, run
    return {line["id"]: line["findings"] for line in run.jsonl()}


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    return _check(tmp_path_factory, [(s, t) for s, t, _, _ in OMISSIONS], "XL201")


@pytest.fixture(scope="module")
def negation_findings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    return _check(tmp_path_factory, [(s, t) for s, t, _ in LOST_NEGATIONS], "XL208")


@pytest.mark.parametrize("n", range(len(OMISSIONS)))
def test_caret_at_the_dropped_clause(findings: dict[str, list[dict[str, Any]]], n: int) -> None:
    _, target, before, after = OMISSIONS[n]
    carets = [f["target_span"] for f in findings[str(n)]]
    assert carets, "XL201 should flag the dropped clause"
    assert [len(before), len(before)] in carets and target[len(before):] == after, (carets, target)


@pytest.mark.parametrize("n", range(len(LOST_NEGATIONS)))
def test_lost_negation_marks_its_verb_group(negation_findings: dict[str, list[dict[str, Any]]], n: int) -> None:
    _, target, marked = LOST_NEGATIONS[n]
    start = target.index(marked)
    assert [start, start + len(marked)] in [f["target_span"] for f in negation_findings[str(n)]]
