"""GitHub workflow commands: one annotation per finding, escaped the way the Actions runner reads them."""

from __future__ import annotations

import io

from xlate.model import Document, DocumentResult, Finding, Link, Severity
from xlate.report import github


def _unescape(value: str) -> str:
    return (value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    """Split a command as the runner does: name, properties (split on unescaped ',' and '='), data."""
    assert line.startswith("::")
    head, data = line[2:].split("::", 1)
    name, _, props = head.partition(" ")
    properties = {}
    for item in props.split(",") if props else []:
        key, value = item.split("=", 1)
        properties[key] = _unescape(value)
    return name, properties, _unescape(data)


def test_escape_functions() -> None:
    assert github.escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert github.escape_property("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext%3A a%2C b"
    assert github.escape_data("%0A") == "%250A"  # a literal escape sequence survives


def test_odd_file_names_and_messages(sample) -> None:
    target = sample.side("en", [["It cost 10%, then: more."], ["Second line."]], para_sep="\n")
    doc = Document("d", sample.side("es", [["Costó."]]), target, [Link((0,), (0, 1))],
                   origin="dir, with:odd%/a%0A.en.txt")
    start = target.text.index("Second")
    message = "Percent 100%, colon: here\nsecond line\r\nthird, with %0A literal"
    finding = Finding("XL204", "number-mismatch", "accuracy/mistranslation", Severity.MINOR,
                      (start, start + 6), None, message, "fix: this, now")
    out = io.StringIO()
    github.write([DocumentResult("d", doc, [finding], origin=doc.origin)], out, sample.info())
    lines = out.getvalue().splitlines()
    assert len(lines) == 1  # newlines in the message never split the command
    assert lines[0].startswith("::warning file=dir%2C with%3Aodd%25/a%250A.en.txt,line=2,col=1,endLine=2,")
    name, props, data = _parse(lines[0])
    assert name == "warning"
    assert props == {"file": "dir, with:odd%/a%0A.en.txt", "line": "2", "col": "1", "endLine": "2",
                     "endColumn": "7", "title": "XL204 number-mismatch"}
    assert data.startswith(message + " [minor, accuracy/mistranslation]\nSuggestion: fix: this, now")


def test_sample(render) -> None:
    lines = render("github").splitlines()
    assert len(lines) == 10  # 8 + 1 findings, 1 unreadable record
    parsed = [_parse(line) for line in lines]
    assert [p[0] for p in parsed] == ["error", "warning", "warning", "error", "warning", "error", "error",
                                      "warning", "warning", "error"]
    _, props, data = parsed[0]
    assert props == {"file": "corpus/art-1.en.txt", "line": "1", "col": "31", "endLine": "1",
                     "endColumn": "49", "title": "XL101 fragment-split"}
    _, props, data = parsed[-1]
    assert props == {"file": "pairs.jsonl", "line": "3", "endLine": "3", "title": "xlate: cannot read line-3"}
    assert "not JSON" in data
