"""JUnit XML (the Apache Ant schema CI servers read): one test case per document.

A document fails when a finding at or above the gate's ``fail_on`` severity remains; an
unreadable document is an error. Every finding is also listed in the suite's ``system-out``.
"""

from __future__ import annotations

import os
import re
import socket
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TextIO

from xlate.model import DocumentResult, Finding, Severity
from xlate.report import RunInfo
from xlate.report.positions import LineIndex, origin_file

# Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _clock() -> float:
    return time.perf_counter()


def _now() -> datetime:
    """The run's timestamp (SOURCE_DATE_EPOCH when set, for reproducible reports)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).replace(tzinfo=None)
    return datetime.now()


def _hostname() -> str:
    try:
        return socket.gethostname().strip() or "localhost"
    except OSError:
        return "localhost"


def _threshold(info: RunInfo) -> int | None:
    fail_on = str(info.config.get("fail_on", "major"))
    if fail_on == "never":
        return None
    return Severity.parse(fail_on).rank


def _line(result: DocumentResult, finding: Finding, index: LineIndex | None) -> str:
    if finding.target_span is not None and index is not None:
        line, col = index.position(finding.target_span[0])
        where = f"{line}:{col}"
    elif finding.source_span is not None and result.document is not None:
        line, col = LineIndex(result.document.source.text).position(finding.source_span[0])
        where = f"source {line}:{col}"
    else:
        where = "-"
    text = f"{finding.code} {finding.check} {finding.severity.value} {where} {finding.message}"
    if finding.suggestion:
        text += f" (suggestion: {finding.suggestion})"
    return text


def _counts(findings: Iterable[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    return ", ".join(f"{counts[s]} {s.value}" for s in reversed(Severity) if counts[s])


def write(results: Iterable[DocumentResult], out: TextIO, info: RunInfo) -> None:
    threshold = _threshold(info)
    fail_on = str(info.config.get("fail_on", "major"))
    suite = ET.Element("testsuite", name="xlate", timestamp=_now().strftime("%Y-%m-%dT%H:%M:%S"),
                       hostname=_xml(_hostname()))
    properties = ET.SubElement(suite, "properties")
    entries = [("xlate.version", info.version), ("xlate.fail_on", fail_on)]
    entries += [(f"engine.{name}", "on" if ok else "off") for name, ok in info.engines.items()]
    entries += [(f"engine.{name}.version", str(v)) for name, v in info.engine_versions.items() if v]
    entries += [(f"config.{key}", str(value)) for key, value in info.config.items()]
    for name, value in entries:
        ET.SubElement(properties, "property", name=_xml(name), value=_xml(value))

    tests = failures = errors = 0
    total_time = 0.0
    log: list[str] = []
    started = _clock()
    for result in results:
        elapsed = max(0.0, _clock() - started)
        total_time += elapsed
        tests += 1
        case = ET.SubElement(suite, "testcase", classname="xlate", name=_xml(result.id),
                             time=f"{elapsed:.3f}")
        path, record = origin_file(result.origin, result.id)
        where = path if record is None else f"{path}:{record}"
        if result.error is not None:
            errors += 1
            error = ET.SubElement(case, "error", message=_xml(result.error), type="InputError")
            error.text = _xml(result.error if result.error.startswith(where) else f"{where}: {result.error}")
            log.append(f"{result.id}: error: {result.error}")
            started = _clock()
            continue
        index = LineIndex(result.document.target.text) if result.document is not None else None
        lines = [_line(result, f, index) for f in result.findings]
        failing = [f for f in result.findings if threshold is not None and f.severity.rank >= threshold]
        if failing:
            failures += 1
            worst = max(failing, key=lambda f: f.severity.rank).severity.value
            below = len(result.findings) - len(failing)
            message = f"{len(failing)} finding(s) at or above {fail_on} ({_counts(failing)})"
            failure = ET.SubElement(case, "failure", message=_xml(message), type=worst)
            text = [f"{where}: {message}"]
            text += ["  " + _line(result, f, index) for f in failing]
            if below:
                text.append(f"  and {below} finding(s) below {fail_on}")
            failure.text = _xml("\n".join(text) + "\n")
        score = "-" if result.score is None else f"{result.score:.1f}"
        log.append(f"{result.id}: score {score}, {len(lines)} finding(s)")
        log += ["  " + line for line in lines]
        started = _clock()

    ET.SubElement(suite, "system-out").text = _xml("\n".join(log) + "\n") if log else ""
    ET.SubElement(suite, "system-err").text = ""
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", "0")
    suite.set("time", f"{total_time:.3f}")
    ET.indent(suite)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(suite, encoding="unicode"))
    out.write("\n")
