"""JUnit XML: valid against the Ant schema, one test case per document, counts by the gate."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from xlate.model import DocumentResult

XSD = Path(__file__).resolve().parents[2] / ".." / "shared" / "schemas" / "JUnit.xsd"


def _validate(xml: str) -> None:
    etree = pytest.importorskip("lxml.etree")
    if not XSD.is_file():
        pytest.skip(f"JUnit schema not found at {XSD} (shared/ is expected beside the repository)")
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    doc = etree.fromstring(xml.encode("utf-8"))
    assert schema.validate(doc), "\n".join(str(e) for e in schema.error_log)


def test_valid_against_the_schema(render) -> None:
    _validate(render("junit"))


def test_valid_with_no_documents(render) -> None:
    xml = render("junit", results=[])
    _validate(xml)
    suite = ET.fromstring(xml)
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("0", "0", "0")


def test_counts_and_contents(render) -> None:
    suite = ET.fromstring(render("junit"))
    assert suite.tag == "testsuite" and suite.get("name") == "xlate"
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")
    assert suite.get("timestamp") == "2023-11-14T22:13:20"  # SOURCE_DATE_EPOCH=1700000000
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["art-1", "art-2|pipe, odd:%id", "line-3"]
    assert all(c.get("classname") == "xlate" for c in cases)
    failure = cases[0].find("failure")
    assert failure is not None
    assert failure.get("message") == "4 finding(s) at or above major (1 critical, 3 major)"
    for code in ("XL101", "XL204", "XL106", "XL402"):
        assert code in failure.text
    assert "XL101 fragment-split major 1:31 " in failure.text
    assert "XL106 truncation major 3:48 Something is missing here <b><script>" in failure.text
    assert len(list(cases[1])) == 0  # a minor finding passes the default gate
    error = cases[2].find("error")
    assert error is not None and "not JSON" in error.get("message")
    assert float(suite.get("time")) == pytest.approx(sum(float(c.get("time")) for c in cases), abs=0.01)


@pytest.mark.parametrize(("fail_on", "failures"), [("minor", 2), ("major", 1), ("critical", 1), ("never", 0)])
def test_fail_on(render, fail_on: str, failures: int) -> None:
    xml = render("junit", fail_on=fail_on)
    _validate(xml)
    assert ET.fromstring(xml).get("failures") == str(failures)


def test_characters_xml_cannot_carry_are_replaced(render, sample) -> None:
    article = sample.results()[0]
    bad = DocumentResult("id\x00with\x1bcontrols", article.document, article.findings, 50.0)
    xml = render("junit", results=[bad, DocumentResult("e\x0b", error="bad\x01byte")])
    _validate(xml)
    names = [c.get("name") for c in ET.fromstring(xml).findall("testcase")]
    assert names == ["id\ufffdwith\ufffdcontrols", "e\ufffd"]
