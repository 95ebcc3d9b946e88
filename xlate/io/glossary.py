"""Glossaries for the glossary check (XL301): CSV/TSV (``source,target[,target…]``) or TBX."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from xlate.errors import InputError
from xlate.io.text import read_text
from xlate.pairs.identify import language_code

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """A source term and its approved renderings (the first is the preferred one)."""

    source: str
    targets: tuple[str, ...]


def _from_rows(rows: list[list[str]], path: Path, languages: tuple[str, str]) -> list[GlossaryEntry]:
    entries = []
    for n, row in enumerate(rows, 1):
        cells = [c.strip() for c in row if c.strip()]
        if not cells or cells[0].startswith("#"):
            continue
        if n == 1 and [language_code(c) for c in cells[:2]] in (["source", "target"], list(languages)):
            continue
        if len(cells) < 2:
            raise InputError(f"{path}:{n}: a glossary row needs a source term and at least one rendering")
        entries.append(GlossaryEntry(cells[0], tuple(cells[1:])))
    return entries


def _from_tbx(text: str, path: Path, source_lang: str, target_lang: str) -> list[GlossaryEntry]:
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        root = ElementTree.fromstring(text.encode("utf-8"))
    except (ElementTree.ParseError, DefusedXmlException) as exc:
        raise InputError(f"{path}: not a valid TBX file ({exc})") from None
    entries = []
    for entry in root.iter():
        if entry.tag.split("}")[-1] not in ("termEntry", "conceptEntry"):
            continue
        terms: dict[str, list[str]] = {}
        for lang_set in entry:
            if lang_set.tag.split("}")[-1] != "langSet":
                continue
            lang = language_code(lang_set.get(_XML_LANG)) or ""
            terms.setdefault(lang, []).extend(
                t.text.strip() for t in lang_set.iter() if t.tag.split("}")[-1] == "term" and t.text)
        if terms.get(source_lang) and terms.get(target_lang):
            entries.extend(GlossaryEntry(s, tuple(terms[target_lang])) for s in terms[source_lang])
    return entries


def read_glossary(path: str | Path, languages: tuple[str, str]) -> tuple[GlossaryEntry, ...]:
    """The entries of a CSV, TSV or TBX glossary from ``languages[0]`` into ``languages[1]``; an
    unusable file raises InputError naming it."""
    source_lang, target_lang = languages
    path = Path(path)
    text = read_text(path)
    if path.suffix.lower() in (".tbx", ".xml") or text.lstrip().startswith("<"):
        entries = _from_tbx(text, path, source_lang, target_lang)
    else:
        delimiter = "\t" if path.suffix.lower() == ".tsv" or "\t" in text.splitlines()[0] else ","
        entries = _from_rows(list(csv.reader(io.StringIO(text), delimiter=delimiter)), path, languages)
    if not entries:
        raise InputError(f"{path}: no {source_lang}→{target_lang} glossary entries found")
    return tuple(entries)
