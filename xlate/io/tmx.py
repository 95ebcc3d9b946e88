"""TMX 1.4 translation memories: each <tu> with a Spanish and an English <tuv> is one pair.

Parsed with defusedxml: entity declarations are refused (never expanded) and nothing external is
fetched. The whole file is read before the first pair is yielded, so a file that turns out not to be
well-formed raises an InputError instead of yielding half its units.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from xlate.errors import InputError
from xlate.io._common import XML_NS, describe, inline_text, iterparse_xml, lang_side, local_name, read_bytes
from xlate.model import BadInput, PairInput

# Inline elements whose content is native code (formatting of the original file), not text.
_NATIVE_CODE = frozenset({"bpt", "ept", "ph", "it", "ut"})
_SIDE_NAME = {"es": "Spanish", "en": "English"}


def _tuv_lang(tuv: Element) -> str | None:
    return tuv.get(f"{XML_NS}lang") or tuv.get("lang")


def _seg_text(tuv: Element) -> str:
    for child in tuv:
        if local_name(child.tag) == "seg":
            return inline_text(child, _NATIVE_CODE).strip()
    return ""


class _TmxCollector:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.depth = 0
        self.count = 0
        self.paired = 0
        self.languages: set[str] = set()
        self.records: list[PairInput | BadInput] = []

    def start(self, elem: Element) -> None:
        self.depth += 1
        if self.depth == 1 and local_name(elem.tag) != "tmx":
            raise InputError(f"{self.path}: not a TMX file (root element <{local_name(elem.tag)}>)")

    def end(self, elem: Element) -> None:
        self.depth -= 1
        if local_name(elem.tag) != "tu":
            return
        self.count += 1
        self.records.append(self._record(elem))
        elem.clear()

    def _record(self, tu: Element) -> PairInput | BadInput:
        n = self.count
        tuid = tu.get("tuid")
        ident = tuid or f"tu-{n}"
        where = f"tu {n} (tuid {tuid})" if tuid else f"tu {n}"
        origin = f"{self.path}#{ident}"
        texts: dict[str, str] = {}
        for tuv in tu:
            if local_name(tuv.tag) != "tuv":
                continue
            lang = _tuv_lang(tuv)
            if lang:
                self.languages.add(lang)
            side = lang_side(lang)
            if side is not None and side not in texts:
                texts[side] = _seg_text(tuv)
        missing = [_SIDE_NAME[s] for s in ("es", "en") if s not in texts]
        if missing:
            return BadInput(ident, f"{self.path}: {where}: no {' or '.join(missing)} segment", origin)
        self.paired += 1
        empty = [_SIDE_NAME[s] for s in ("es", "en") if not texts[s]]
        if empty:
            return BadInput(ident, f"{self.path}: {where}: empty {' and '.join(empty)} segment", origin)
        return PairInput(ident, texts["es"], texts["en"], origin)


def read_tmx(path: str | Path) -> Iterator[PairInput | BadInput]:
    """Each <tu> as a pair (Spanish source, English target); a unit missing a side is a BadInput.

    Language tags are matched case-insensitively on their primary subtag (es, es-ES, es-MX, spa;
    en, en-US, en-GB, eng), from ``xml:lang`` or the old ``lang`` attribute. Inline native code
    (<bpt>, <ept>, <ph>, <it>, <ut>) is dropped; <hi> keeps its text.
    """
    path = Path(path)
    data = read_bytes(path)
    collector = _TmxCollector(path)
    iterparse_xml(path, data, collector.start, collector.end)
    if collector.count == 0:
        raise InputError(f"{path}: no translation units (<tu>) in the TMX file")
    if collector.paired == 0:
        found = describe(sorted(collector.languages)) or "none"
        raise InputError(
            f"{path}: no <tu> has both a Spanish and an English segment (languages found: {found})"
        )
    yield from collector.records
