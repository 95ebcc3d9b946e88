"""SARIF 2.1.0, as GitHub code scanning accepts it: one run, the check catalogue as rules, one
result per finding with a file location, a region and a stable fingerprint."""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib import metadata
from typing import Any, TextIO

from xlate.model import DocumentResult, Finding, Severity
from xlate.report import RunInfo
from xlate.report.positions import LineIndex, Location, Region, locate

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "xlateFingerprint/v1"
LEVEL = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning"}


def fingerprint(result: DocumentResult, finding: Finding) -> str:
    """A fingerprint that survives edits elsewhere in the article: sha256 (hex) of the check code and
    the whitespace-collapsed, lower-cased text of the target sentence(s) holding the finding.

    The same fingerprint the baseline file stores (:func:`xlate.baseline.finding_fingerprint`), so an
    alert in code scanning and an entry in a baseline name the same finding.
    """
    from xlate.baseline import finding_fingerprint

    return finding_fingerprint(result, finding)


def _checks() -> list[Any]:
    """The check catalogue (a seam for tests that pin the rules)."""
    from xlate.checks.registry import all_checks

    return all_checks()


def _information_uri() -> str | None:
    """The project's home page, from the installed package's metadata (None when it declares none)."""
    try:
        md = metadata.metadata("xlate")
    except metadata.PackageNotFoundError:
        return None
    for entry in md.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in {"homepage", "home", "repository", "source", "documentation"}:
            return url.strip()
    home = md.get("Home-page")
    return home.strip() if home and home.strip().lower() != "unknown" else None


def _rule(code: str, name: str, category: str, severity: Severity, summary: str, doc: str) -> dict[str, Any]:
    doc = doc or summary
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": doc},
        "help": {"text": doc},
        "defaultConfiguration": {"level": LEVEL[severity]},
        "properties": {"tags": [category], "category": category, "severity": severity.value},
    }


def _region(region: Region) -> dict[str, int]:
    out = {"startLine": region.start_line}
    if region.start_column is not None:
        out["startColumn"] = region.start_column
    if region.end_line is not None:
        out["endLine"] = region.end_line
    if region.end_column is not None:
        out["endColumn"] = region.end_column
    return out


def _location(location: Location, *, need_region: bool = True) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": location.uri}}
    if location.region is not None:
        physical["region"] = _region(location.region)
    elif need_region:
        # GitHub code scanning wants a start line: point at the top of the file.
        physical["region"] = {"startLine": 1}
    return {"physicalLocation": physical}


def _result(result: DocumentResult, finding: Finding, index: LineIndex | None,
            rule_index: dict[str, int]) -> dict[str, Any]:
    location = locate(result, finding, index)
    properties: dict[str, Any] = {
        "document": result.id,
        "check": finding.check,
        "category": finding.category,
        "severity": finding.severity.value,
        "confidence": round(finding.confidence, 3),
        "targetSpan": None if finding.target_span is None else list(finding.target_span),
        "sourceSpan": None if finding.source_span is None else list(finding.source_span),
    }
    if finding.suggestion is not None:
        properties["suggestion"] = finding.suggestion
    if location.text_region is not None and location.text_region is not location.region:
        properties["targetRegion"] = _region(location.text_region)
    message = finding.message
    if finding.suggestion:
        message += f" Suggestion: {finding.suggestion}"
    return {
        "ruleId": finding.code,
        "ruleIndex": rule_index[finding.code],
        "level": LEVEL[finding.severity],
        "rank": round(100 * finding.confidence, 1),  # SARIF's 0-100 priority: the calibrated confidence
        "message": {"text": message},
        "locations": [_location(location)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(result, finding)},
        "properties": properties,
    }


def build(results: Iterable[DocumentResult], info: RunInfo) -> dict[str, Any]:
    """The SARIF log as a dict."""
    rules = [_rule(c.code, c.name, c.category, c.severity, c.summary, c.doc) for c in _checks()]
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for result in results:
        if result.error is not None:
            notifications.append({
                "level": "error",
                "message": {"text": f"{result.id}: {result.error}"},
                "locations": [_location(locate(result), need_region=False)],
            })
            continue
        index = LineIndex(result.document.target.text) if result.document is not None else None
        for finding in result.findings:
            if finding.code not in rule_index:  # a check missing from the catalogue: describe it anyway
                rule_index[finding.code] = len(rules)
                rules.append(_rule(finding.code, finding.check, finding.category, finding.severity,
                                   finding.check, ""))
            sarif_results.append(_result(result, finding, index, rule_index))
    driver: dict[str, Any] = {"name": "xlate", "version": info.version, "semanticVersion": info.version}
    if uri := _information_uri():
        driver["informationUri"] = uri
    driver["rules"] = rules
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "invocations": [{
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
            "properties": {"xlate": info.to_dict()},
        }],
    }


def write(results: Iterable[DocumentResult], out: TextIO, info: RunInfo) -> None:
    json.dump(build(results, info), out, ensure_ascii=False, indent=2, default=str)
    out.write("\n")
