"""XLIFF 1.2 (<trans-unit>) and 2.x (<unit><segment>) files: each unit is one pair.

The version is detected from the namespace or the ``version`` attribute. Parsed with defusedxml
(entity declarations refused, nothing external fetched). A unit without a target, or with an empty
one, becomes a BadInput naming the unit; inline elements are reduced to their text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from xlate.errors import InputError
from xlate.io._common import inline_text, local_name, namespace, parse_xml, read_bytes
from xlate.model import BadInput, PairInput
from xlate.pairs.identify import language_code

# XLIFF 1.2: <bpt>/<ept>/<ph>/<it> hold native code; <x/>, <bx/>, <ex/> are empty; <g>, <mrk> keep text.
_DROP_V1 = frozenset({"bpt", "ept", "ph", "it", "sub", "x", "bx", "ex"})
# XLIFF 2.x: placeholders and markers are empty; <pc> and <mrk> keep text; <cp> is a code point.
_DROP_V2 = frozenset({"ph", "sc", "ec", "sm", "em"})


def _child(elem: Element, name: str) -> Element | None:
    for child in elem:
        if local_name(child.tag) == name:
            return child
    return None


def _children(elem: Element, *names: str) -> list[Element]:
    return [child for child in elem if local_name(child.tag) in names]


def _units(elem: Element, name: str) -> Iterator[Element]:
    """Units in document order (inside any depth of <group>)."""
    for node in elem.iter():
        if local_name(node.tag) == name:
            yield node


def _major_version(path: Path, root: Element) -> int:
    if local_name(root.tag) != "xliff":
        raise InputError(f"{path}: not an XLIFF file (root element <{local_name(root.tag)}>)")
    ns = namespace(root.tag)
    version = (root.get("version") or "").strip()
    if ns.startswith("urn:oasis:names:tc:xliff:document:"):
        version = ns.rsplit(":", 1)[-1]
    if version.startswith("2"):
        return 2
    if version.startswith("1") or not version:
        return 1
    raise InputError(f"{path}: unsupported XLIFF version {version!r} (expected 1.2 or 2.x)")


def _declared(source_lang: str | None, target_lang: str | None) -> tuple[str, str] | None:
    """The (source, target) language codes the file declares, if it declares both."""
    source, target = language_code(source_lang), language_code(target_lang)
    return (source, target) if source and target else None


def _file_prefix(files: list[Element], index: int) -> str:
    if len(files) < 2:
        return ""
    elem = files[index]
    return f"{elem.get('id') or elem.get('original') or f'file-{index + 1}'}/"


def _read_v1(path: Path, root: Element) -> list[PairInput | BadInput]:
    records: list[PairInput | BadInput] = []
    files = _children(root, "file")
    count = 0
    for i, file_elem in enumerate(files):
        declared = _declared(file_elem.get("source-language"), file_elem.get("target-language"))
        for unit in _units(file_elem, "trans-unit"):
            count += 1
            if (unit.get("translate") or "").lower() == "no":
                continue
            ident = _file_prefix(files, i) + (unit.get("id") or f"unit-{count}")
            where = f"{path}: trans-unit {ident}"
            origin = f"{path}#{ident}"
            source, target = _child(unit, "source"), _child(unit, "target")
            source_text = "" if source is None else inline_text(source, _DROP_V1).strip()
            target_text = "" if target is None else inline_text(target, _DROP_V1).strip()
            if source is None or not source_text:
                records.append(
                    BadInput(ident, f"{where}: {'no' if source is None else 'empty'} source", origin)
                )
            elif target is None or not target_text:
                records.append(
                    BadInput(ident, f"{where}: {'no' if target is None else 'empty'} target", origin)
                )
            else:
                records.append(PairInput(ident, source_text, target_text, origin, declared))
    if count == 0:
        raise InputError(f"{path}: no translation units (<trans-unit>) in the XLIFF file")
    return records


def _join(pieces: list[tuple[str, bool]]) -> str:
    """Concatenate segment texts; a space goes between two segments with no <ignorable> between them."""
    out = ""
    previous_segment = False
    for text, is_segment in pieces:
        if (
            is_segment
            and previous_segment
            and out
            and not out[-1].isspace()
            and text
            and not text[0].isspace()
        ):
            out += " "
        out += text
        previous_segment = is_segment
    return out.strip()


def _read_unit_v2(path: Path, unit: Element, ident: str, declared: tuple[str, str] | None) -> PairInput | BadInput:
    where = f"{path}: unit {ident}"
    origin = f"{path}#{ident}"
    sources: list[tuple[str, bool]] = []
    targets: list[tuple[str, bool]] = []
    untranslated: list[str] = []
    segments = 0
    for n, part in enumerate(_children(unit, "segment", "ignorable"), 1):
        is_segment = local_name(part.tag) == "segment"
        source, target = _child(part, "source"), _child(part, "target")
        source_text = "" if source is None else inline_text(source, _DROP_V2, code_points=True)
        target_text = None if target is None else inline_text(target, _DROP_V2, code_points=True)
        if is_segment:
            segments += 1
            if target_text is None or not target_text.strip():
                untranslated.append(part.get("id") or str(n))
        sources.append((source_text, is_segment))
        targets.append(
            (source_text if target_text is None and not is_segment else target_text or "", is_segment)
        )
    if segments == 0:
        return BadInput(ident, f"{where}: no <segment>", origin)
    if untranslated:
        if segments == 1:
            return BadInput(ident, f"{where}: no target", origin)
        return BadInput(ident, f"{where}: no target for segment {', '.join(untranslated)}", origin)
    source_text, target_text = _join(sources), _join(targets)
    if not source_text:
        return BadInput(ident, f"{where}: empty source", origin)
    return PairInput(ident, source_text, target_text, origin, declared)


def _read_v2(path: Path, root: Element) -> list[PairInput | BadInput]:
    declared = _declared(root.get("srcLang"), root.get("trgLang"))
    records: list[PairInput | BadInput] = []
    files = _children(root, "file")
    count = 0
    for i, file_elem in enumerate(files):
        for unit in _units(file_elem, "unit"):
            count += 1
            if (unit.get("translate") or "").lower() == "no":
                continue
            ident = _file_prefix(files, i) + (unit.get("id") or f"unit-{count}")
            records.append(_read_unit_v2(path, unit, ident, declared))
    if count == 0:
        raise InputError(f"{path}: no translation units (<unit>) in the XLIFF file")
    return records


def read_xliff(path: str | Path) -> Iterator[PairInput | BadInput]:
    """Each translation unit as a pair, with the languages the file declares (its structure says which
    side is the source); units lacking a target are BadInputs naming the unit."""
    path = Path(path)
    root = parse_xml(path, read_bytes(path))
    records = _read_v2(path, root) if _major_version(path, root) == 2 else _read_v1(path, root)
    yield from records
