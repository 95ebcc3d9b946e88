"""TMX 1.4 translation memories: each <tu> with a source-language and a target-language <tuv> is one pair.

The languages are the pair's when one is given; otherwise the header's ``srclang`` (or, when it is
``*all*``, the first <tuv>'s language) is the source and each unit's first other language the target.

Parsed with defusedxml: entity declarations are refused (never expanded) and nothing external is
fetched. The whole file is read before the first pair is yielded, so a file that turns out not to be
well-formed raises an InputError instead of yielding half its units.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from xlate.errors import InputError
from xlate.io._common import XML_NS, describe, inline_text, iterparse_xml, local_name, read_bytes, with_article
from xlate.model import BadInput, PairInput
from xlate.pairs import get_pair
from xlate.pairs.identify import language_code, language_name, pair_joining

# Inline elements whose content is native code (formatting of the original file), not text.
_NATIVE_CODE = frozenset({"bpt", "ept", "ph", "it", "ut"})


def _tuv_lang(tuv: Element) -> str | None:
    return tuv.get(f"{XML_NS}lang") or tuv.get("lang")


def _seg_text(tuv: Element) -> str:
    for child in tuv:
        if local_name(child.tag) == "seg":
            return inline_text(child, _NATIVE_CODE).strip()
    return ""


class _TmxCollector:
    def __init__(self, path: Path, languages: tuple[str, str] | None) -> None:
        self.path = path
        self.wanted = languages
        self.source_lang: str | None = None
        self.depth = 0
        self.count = 0
        self.paired = 0
        self.languages: set[str] = set()
        self.records: list[PairInput | BadInput] = []

    def start(self, elem: Element) -> None:
        self.depth += 1
        if self.depth == 1 and local_name(elem.tag) != "tmx":
            raise InputError(f"{self.path}: not a TMX file (root element <{local_name(elem.tag)}>)")
        if local_name(elem.tag) == "header" and elem.get("srclang", "*all*").lower() != "*all*":
            self.source_lang = language_code(elem.get("srclang"))

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
            code = language_code(lang)
            if code is not None and code not in texts:
                texts[code] = _seg_text(tuv)
        source, target = self._sides(list(texts))
        missing = [language_name(code) if code else "second-language" for code in (source, target) if code not in texts]
        if missing:
            return BadInput(ident, f"{self.path}: {where}: no {' or '.join(missing)} segment", origin)
        self.paired += 1
        empty = [language_name(code) for code in (source, target) if not texts[code]]
        if empty:
            return BadInput(ident, f"{self.path}: {where}: empty {' and '.join(empty)} segment", origin)
        return PairInput(ident, texts[source], texts[target], origin, (source, target))

    def _sides(self, found: list[str]) -> tuple[str, str]:
        """The unit's source and target languages: the pair's; else the header's source and the first
        other; else, without a header language, as a registered pair orders the first two."""
        if self.wanted is not None:
            return self.wanted
        if self.source_lang is None and (name := pair_joining(set(found[:2]))) is not None:
            pair = get_pair(name)
            return pair.source.code, pair.target.code
        source = self.source_lang or (found[0] if found else "")
        return source, next((code for code in found if code != source), "")


def read_tmx(path: str | Path, languages: tuple[str, str] | None = None) -> Iterator[PairInput | BadInput]:
    """Each <tu> as a pair (source, target in ``languages``, see the module docstring); a unit missing
    a side is a BadInput.

    Language tags are matched case-insensitively on their primary subtag (es, es-ES, es-MX, spa;
    en, en-US, en-GB, eng), from ``xml:lang`` or the old ``lang`` attribute. Inline native code
    (<bpt>, <ept>, <ph>, <it>, <ut>) is dropped; <hi> keeps its text.
    """
    path = Path(path)
    data = read_bytes(path)
    collector = _TmxCollector(path, languages)
    iterparse_xml(path, data, collector.start, collector.end)
    if collector.count == 0:
        raise InputError(f"{path}: no translation units (<tu>) in the TMX file")
    if collector.paired == 0:
        found = describe(sorted(collector.languages)) or "none"
        source, target = collector.wanted or (collector.source_lang, None)
        first = with_article(language_name(source)) if source else "a source"
        second = with_article(language_name(target)) if target else "another language's"
        sides = f"{first} and {second}"
        raise InputError(f"{path}: no <tu> has both {sides} segment (languages found: {found})")
    yield from collector.records
