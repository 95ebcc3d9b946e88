"""A directory of article pairs, searched recursively (hidden files and folders are skipped).

Two layouts, which may be mixed (``es`` and ``en`` stand for any language xlate knows):

- ``NAME.es.txt`` + ``NAME.en.txt`` side by side (pair id ``NAME``, with its sub-folder if any);
- ``NAME/source.es.txt`` + ``NAME/target.en.txt`` (pair id ``NAME``).

With a pair given, its languages are the sides; otherwise the file names say them (side by side,
the registered pair between the two languages says which is the source). ``.html``/``.htm`` may
stand for ``.txt`` on either side; HTML is reduced to its article text with trafilatura. Pairs are
yielded sorted by id. A side without its partner, or a side that cannot be read (empty, not UTF-8),
is a BadInput for that pair; the other pairs are still read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from xlate.errors import InputError
from xlate.model import BadInput, PairInput
from xlate.pairs import get_pair
from xlate.pairs.identify import known_languages, language_code, language_name, pair_joining, pairs_with

_FLAT = re.compile(r"^(?P<name>.+)\.(?P<lang>[a-z]{2,3})\.(?P<ext>txt|html|htm)$", re.IGNORECASE)
_NESTED = re.compile(r"^(?P<role>source|target)\.(?P<lang>[a-z]{2,3})\.(?P<ext>txt|html|htm)$", re.IGNORECASE)
_EXPECTED = "NAME.es.txt + NAME.en.txt, or NAME/source.es.txt + NAME/target.en.txt (.html also accepted)"


@dataclass
class _Slot:
    """The files found for one pair id by language, and (nested layout) each role's language."""

    nested: bool
    files: dict[str, list[Path]] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)


def _known(tag: str) -> str | None:
    code = language_code(tag)
    return code if code in known_languages() else None


def _walk(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder) / name


def _collect(root: Path) -> dict[str, _Slot]:
    slots: dict[str, _Slot] = {}
    paths = list(_walk(root))
    rels = [PurePosixPath(path.relative_to(root).as_posix()) for path in paths]
    # a folder holding source.es.txt / target.en.txt is one article: its other files (a reference
    # translation, notes) are companions, not pairs of their own
    article_folders = {rel.parent for rel in rels
                       if (m := _NESTED.match(rel.name)) and _known(m["lang"]) and rel.parent != PurePosixPath(".")}
    for path, rel in zip(paths, rels, strict=True):
        nested = _NESTED.match(rel.name)
        if nested and rel.parent in article_folders and (lang := _known(nested["lang"])):
            ident = str(rel.parent)
        else:
            flat = _FLAT.match(rel.name)
            if not flat or rel.parent in article_folders or not (lang := _known(flat["lang"])):
                continue
            ident, nested = str(rel.parent / flat["name"]), None
        slot = slots.setdefault(ident, _Slot(nested=bool(nested)))
        slot.files.setdefault(lang, []).append(path)
        if nested:
            slot.roles[nested["role"].lower()] = lang
    return slots


def _sides(slot: _Slot, wanted: tuple[str, str] | None) -> tuple[str, str] | None:
    """The slot's (source, target) languages: the pair's, the roles', or those of the registered pair
    the file names point to; None when they do not say."""
    if wanted is not None:
        return wanted
    if not slot.nested:
        codes = set(slot.files)
        name = pair_joining(codes) if len(codes) == 2 else None
        pair = get_pair(name) if name else pairs_with(next(iter(codes))) if len(codes) == 1 else None
        return (pair.source.code, pair.target.code) if pair else None
    source, target = slot.roles.get("source"), slot.roles.get("target")
    if source and not target and (first := pairs_with(source, "source")):
        target = first.target.code
    if target and not source and (first := pairs_with(target, "target")):
        source = first.source.code
    return (source, target) if source and target else None


def _expected(root: Path, ident: str, slot: _Slot, role: str, lang: str, other: Path) -> Path:
    """Where the missing side was looked for (same extension as the side that exists)."""
    ext = other.name.rsplit(".", 1)[-1]
    if slot.nested:
        return root / ident / f"{role}.{lang}.{ext}"
    return root / f"{ident}.{lang}.{ext}"


def _read_side(path: Path) -> str:
    if path.suffix.lower() in (".html", ".htm"):
        from xlate.io.html import read_html

        return read_html(path)
    from xlate.io.text import read_text

    return read_text(path)


def _pair(root: Path, ident: str, slot: _Slot, wanted: tuple[str, str] | None) -> PairInput | BadInput:
    sides = _sides(slot, wanted)
    found = [path for paths in slot.files.values() for path in paths]
    if sides is None:
        names = ", ".join(str(p) for p in found)
        return BadInput(ident, f"{root}: pair {ident}: the file names do not say which side is the source "
                               f"({names}): give --pair", str(found[0]))
    source, target = (slot.files.get(code, []) for code in sides)
    for code, files in zip(sides, (source, target), strict=True):
        if len(files) > 1:
            names = ", ".join(str(p) for p in files)
            return BadInput(ident, f"{root}: pair {ident}: more than one {language_name(code)} file ({names})")
    if not target:
        missing = _expected(root, ident, slot, "target", sides[1], found[0])
        return BadInput(ident, f"{found[0]}: no {language_name(sides[1])} file ({missing} is missing)", str(missing))
    if not source:
        missing = _expected(root, ident, slot, "source", sides[0], target[0])
        return BadInput(ident, f"{target[0]}: no {language_name(sides[0])} file ({missing} is missing)",
                        str(target[0]))
    try:
        return PairInput(ident, _read_side(source[0]), _read_side(target[0]), str(target[0]), sides)
    except InputError as exc:
        return BadInput(ident, str(exc), str(target[0]))


def read_directory(path: str | Path, languages: tuple[str, str] | None = None) -> Iterator[PairInput | BadInput]:
    """Every article pair under ``path``, sorted by pair id, its sides in ``languages`` (the pair's)
    or as the file names say (see the module docstring)."""
    root = Path(path)
    if not root.exists():
        raise InputError(f"{root}: no such directory")
    if not root.is_dir():
        raise InputError(f"{root}: not a directory")
    try:
        slots = _collect(root)
    except OSError as exc:
        raise InputError(f"{root}: cannot read ({exc.strerror})") from None
    if not slots:
        raise InputError(f"{root}: no article pairs found (expected {_EXPECTED})")
    for ident in sorted(slots):
        yield _pair(root, ident, slots[ident], languages)
