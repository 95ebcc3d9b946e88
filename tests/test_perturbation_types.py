"""One end-to-end test per meaning perturbation type of the team's set (corpora/perturbations/,
scripts/perturb.py): a realistic news pair written for the test, with the error of that type, goes
through ``xlate check --pairs`` and must come back flagged by the expected check at the error.

Types xlate does not catch yet are strict expected failures: the test says what is missing, and it
fails (so the marker must go) the day a check starts catching them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import Run, invoke


@dataclass(frozen=True)
class Case:
    kind: str
    source: str
    target: str
    code: str | None  # the check expected to flag it (None: not caught yet)
    span_text: str | None  # the target text the finding must touch


CASES = [
    Case('negation_added',
         'El Gobierno aprobó ayer el presupuesto para 2025.',
         'The government did not approve the budget for 2025 yesterday.',
         'XL208', 'not'),
    Case('negation_removed',
         'La policía no detuvo a ningún sospechoso tras el robo.',
         'The police arrested a suspect after the robbery.',
         'XL208', 'suspect'),
    Case('antonym',
         'El salario mínimo aumentará un 5 % en enero.',
         'The minimum wage will fall by 5% in January.',
         'XL209', 'fall'),
    Case('tense',
         'El ministro visitará Lima el martes para firmar el acuerdo.',
         'The minister visited Lima on Tuesday to sign the agreement.',
         'XL210', 'visited'),
    Case('aspect',
         'La empresa construyó dos fábricas en Monterrey.',
         'The company was building two factories in Monterrey.',
         'XL210', 'was building'),
    Case('question_statement',
         '¿Aprobará el Congreso la reforma fiscal?',
         'Congress will approve the tax reform.',
         'XL210', 'Congress will approve'),
    Case('name_replaced',
         'La tienda de aplicaciones estará activa en Francia a partir de enero.',
         'The application store will be active in Italy from January.',
         'XL205', 'Italy'),
    Case('number_replaced',
         'El incendio destruyó 350 hectáreas de bosque en Galicia.',
         'The fire destroyed 530 hectares of forest in Galicia.',
         'XL204', '530'),
    Case('noun_removed',
         'El colapso de la empresa Enron afectó a miles de ahorradores.',
         'The collapse of the of Enron hit thousands of savers.',
         'XL211', 'the of'),
    Case('verb_removed',
         'El Gobierno presentó el plan de vivienda en el Congreso.',
         'The Government the housing plan in Congress.',
         None, None),
    Case('subject_removed',
         'Internet ha provocado un auge de las ventas en línea.',
         'Has caused a boom in online sales.',
         'XL211', 'Has'),
    Case('adjective_removed',
         'La reforma fiscal entrará en vigor en marzo.',
         'The reform will come into force in March.',
         None, None),
    Case('adverb_removed',
         'Los precios subieron ligeramente en octubre.',
         'Prices rose in October.',
         None, None),
    Case('pp_removed',
         'El presidente se reunió con los sindicatos en el palacio de gobierno.',
         'The president met with the unions.',
         None, None),
    Case('phrase_added',
         'El alcalde, Juan Pérez, dijo que la obra terminará en mayo.',
         'The mayor, Juan Pérez, a former boxer, said the work would end in May.',
         'XL212', 'a former boxer'),
    Case('vaguer_word',
         'El salario de los médicos subirá un 3 % este año.',
         'The payment of doctors will rise by 3% this year.',
         None, None),
    Case('gender_swapped',
         'La ministra de Sanidad dijo que ella no dimitirá.',
         'The Health Minister said he would not resign.',
         None, None),
    Case('untranslated_word',
         'La guerra en Ucrania cumple dos años este sábado.',
         'The guerra in Ukraine turns two years old this Saturday.',
         'XL203', 'guerra'),
]
# A finding touches span_text when it starts or ends at most this many characters away (score.py's tolerance).
SLACK = 3


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    workdir = tmp_path_factory.mktemp("perturbation-types")
    batch = workdir / "pairs.jsonl"
    batch.write_text("".join(json.dumps({"id": c.kind, "source": c.source, "target": c.target}, ensure_ascii=False)
                             + "\n" for c in CASES), encoding="utf-8")
    run: Run = invoke(["check", "--pairs", batch, "--format", "jsonl", "--no-embeddings", "--fail-on", "never"],
                      workdir)
    assert run.code == 0, run
    return {line["id"]: line for line in run.jsonl()}


def _touches(finding: dict[str, Any], target: str, span_text: str) -> bool:
    span = finding.get("target_span")
    if not span:
        return False
    start = target.index(span_text)
    return span[0] <= start + len(span_text) + SLACK and start <= span[1] + SLACK


@pytest.mark.parametrize("case", [
    c if c.code else pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="no check catches this type yet"))
    for c in CASES], ids=lambda c: c.kind)
def test_perturbation_type_is_flagged(case: Case, results: dict[str, dict[str, Any]]) -> None:
    findings = results[case.kind]["findings"]
    assert case.code is not None, f"not caught yet; findings: {findings}"
    assert any(f["code"] == case.code and _touches(f, case.target, case.span_text or "") for f in findings), findings


def test_every_meaning_type_has_a_case() -> None:
    corpus = Path(__file__).parents[1] / "corpora" / "perturbations" / "meaning.jsonl"
    kinds = {json.loads(line)["garble"]["type"] for line in corpus.read_text(encoding="utf-8").splitlines()
             if line.strip() and json.loads(line)["label"] != "clean"}
    assert sorted(c.kind for c in CASES) == sorted(kinds)
