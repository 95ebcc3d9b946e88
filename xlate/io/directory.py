"""A directory of article pairs, searched recursively (hidden files and folders are skipped).

Two layouts, which may be mixed:

- ``NAME.es.txt`` + ``NAME.en.txt`` side by side (pair id ``NAME``, with its sub-folder if any);
- ``NAME/source.es.txt`` + ``NAME/target.en.txt`` (pair id ``NAME``).

``.html``/``.htm`` may stand for ``.txt`` on either side; HTML is reduced to its article text with
trafilatura. Pairs are yielded sorted by id. A side without its partner, or a side that cannot be
read (empty, not UTF-8), is a BadInput for that pair; the other pairs are still read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from xlate.errors import InputError
from xlate.model import BadInput, PairInput

_FLAT = re.compile(r"^(?P<name>.+)\.(?P<lang>es|en)\.(?P<ext>txt|html|htm)$", re.IGNORECASE)
_NESTED = re.compile(r"^(?P<role>source\.es|target\.en)\.(?P<ext>txt|html|htm)$", re.IGNORECASE)
_LANG_NAME = {"es": "Spanish", "en": "English"}
_EXPECTED = "NAME.es.txt + NAME.en.txt, or NAME/source.es.txt + NAME/target.en.txt (.html also accepted)"


@dataclass
class _Slot:
    """The files found for one pair id, and how the missing side would be named."""

    nested: bool
    files: dict[str, list[Path]] = field(default_factory=lambda: {"es": [], "en": []})


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
    article_folders = {rel.parent for rel in rels if _NESTED.match(rel.name) and rel.parent != PurePosixPath(".")}
    for path, rel in zip(paths, rels, strict=True):
        nested = _NESTED.match(rel.name)
        if nested and rel.parent != PurePosixPath("."):
            ident, lang = str(rel.parent), nested.group("role")[-2:].lower()
        else:
            flat = _FLAT.match(rel.name)
            if not flat or rel.parent in article_folders:
                continue
            ident, lang = str(rel.parent / flat.group("name")), flat.group("lang").lower()
        slot = slots.setdefault(ident, _Slot(nested=bool(nested)))
        slot.files[lang].append(path)
    return slots


def _expected(root: Path, ident: str, slot: _Slot, lang: str, other: Path) -> Path:
    """Where the missing side was looked for (same extension as the side that exists)."""
    ext = other.name.rsplit(".", 1)[-1]
    if slot.nested:
        return root / ident / f"{'source.es' if lang == 'es' else 'target.en'}.{ext}"
    return root / f"{ident}.{lang}.{ext}"


def _read_side(path: Path) -> str:
    if path.suffix.lower() in (".html", ".htm"):
        from xlate.io.html import read_html

        return read_html(path)
    from xlate.io.text import read_text

    return read_text(path)


def _pair(root: Path, ident: str, slot: _Slot) -> PairInput | BadInput:
    es, en = slot.files["es"], slot.files["en"]
    for lang, found in (("es", es), ("en", en)):
        if len(found) > 1:
            names = ", ".join(str(p) for p in found)
            return BadInput(ident, f"{root}: pair {ident}: more than one {_LANG_NAME[lang]} file ({names})")
    if not en:
        missing = _expected(root, ident, slot, "en", es[0])
        return BadInput(ident, f"{es[0]}: no English file ({missing} is missing)", str(missing))
    if not es:
        missing = _expected(root, ident, slot, "es", en[0])
        return BadInput(ident, f"{en[0]}: no Spanish file ({missing} is missing)", str(en[0]))
    try:
        return PairInput(ident, _read_side(es[0]), _read_side(en[0]), str(en[0]))
    except InputError as exc:
        return BadInput(ident, str(exc), str(en[0]))


def read_directory(path: str | Path) -> Iterator[PairInput | BadInput]:
    """Every article pair under ``path``, sorted by pair id (see the module docstring for layouts)."""
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
        yield _pair(root, ident, slots[ident])
