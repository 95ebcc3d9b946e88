"""Choose the reader for what the user gave on the command line.

=========================================  ==============================================
input                                      reader
=========================================  ==============================================
``--pairs FILE``                           JSON Lines (the batch contract)
``--feed-source SRC --feed-target TGT``    two RSS/Atom feeds (``--feed-map`` optional)
``SOURCE TARGET`` (text or HTML)           one article pair
``SOURCE_FEED TARGET_FEED``                two RSS/Atom feeds
``DIR``                                    every pair under the directory
``FILE`` (.tmx, .xlf/.xliff, .jsonl, .tsv)  that format; other extensions are sniffed
=========================================  ==============================================

:func:`read_inputs` checks the arguments (and sniffs formats) when it is called, so usage errors
surface at once; records are then read lazily as the returned iterator is consumed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from xlate.errors import InputError
from xlate.io._common import utf8_error
from xlate.model import BadInput, PairInput

_EXTENSIONS = {
    ".tmx": "tmx",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".xlf2": "xliff",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".rss": "feed",
    ".atom": "feed",
}
_ROOTS = {"tmx": "tmx", "xliff": "xliff", "rss": "feed", "feed": "feed", "rdf": "feed", "html": "html"}
_BILINGUAL = ("tmx", "xliff", "jsonl", "tsv")
_SNIFF_BYTES = 64 * 1024
_ROOT_TAG = re.compile(r"<([A-Za-z_][\w.:-]*)")
EXPECTED = (
    "expected SOURCE TARGET (two text or HTML files), a directory of pairs, one .tmx, .xlf/.xliff, "
    ".jsonl or .tsv file, two RSS/Atom feeds, or --pairs FILE"
)


def _head(path: Path, *, decode: bool = True) -> str:
    """The start of the file as text; an empty file, or (with ``decode``) bad UTF-8, is an InputError."""
    try:
        with path.open("rb") as handle:
            data = handle.read(_SNIFF_BYTES)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    if not decode:  # the reader checks the encoding itself (per line for JSONL)
        return ""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and len(data) == _SNIFF_BYTES:  # a character cut by the read
            return data[: exc.start].decode("utf-8")
        if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"encoding=" in data[:200]:
            return data.decode("utf-8", errors="replace")  # XML in another declared encoding
        raise utf8_error(path, data, exc) from None


def _xml_root(text: str) -> str | None:
    """Local name of the root element, skipping the XML declaration, comments and a DOCTYPE."""
    rest = text.lstrip("\ufeff \t\r\n")
    while rest.startswith("<!") or rest.startswith("<?"):
        if rest.startswith("<?"):
            end = rest.find("?>") + 2
        elif rest.startswith("<!--"):
            end = rest.find("-->") + 3
        else:  # <!DOCTYPE …> possibly with an internal subset
            bracket, close = rest.find("["), rest.find(">")
            end = rest.find("]>") + 2 if -1 < bracket < close else close + 1
        if end <= 1:
            return None
        rest = rest[end:].lstrip()
    match = _ROOT_TAG.match(rest)
    return match.group(1).rsplit(":", 1)[-1].lower() if match else None


def sniff_format(path: str | Path) -> str:
    """'tmx', 'xliff', 'jsonl', 'tsv', 'feed', 'html', 'text' or 'unknown' (by extension, else content)."""
    path = Path(path)
    by_extension = _EXTENSIONS.get(path.suffix.lower())
    head = _head(path, decode=by_extension is None or by_extension in ("text", "html"))
    if by_extension:
        return by_extension
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith("<"):
        root = _xml_root(stripped)
        return _ROOTS.get(root or "", "unknown")
    if stripped.startswith("{"):
        return "jsonl"
    first_line = stripped.split("\n", 1)[0]
    if first_line.count("\t") >= 2:
        return "tsv"
    return "text"


def _single_file(path: Path, languages: tuple[str, str] | None) -> Iterator[PairInput | BadInput]:
    kind = sniff_format(path)
    if kind == "tmx":
        from xlate.io.tmx import read_tmx

        return read_tmx(path, languages)
    if kind == "xliff":
        from xlate.io.xliff import read_xliff

        return read_xliff(path)
    if kind == "jsonl":
        from xlate.io.jsonl import read_pairs_jsonl

        return read_pairs_jsonl(path)
    if kind == "tsv":
        from xlate.io.tabular import read_pairs_tsv

        return read_pairs_tsv(path)
    if kind in ("text", "html"):
        raise InputError(
            f"{path}: one {kind} file is not a pair (give the source and the target file, a directory "
            "of pairs or a bilingual file)"
        )
    if kind == "feed":
        raise InputError(f"{path}: one feed is not a pair (give --feed-source SOURCE.xml --feed-target TARGET.xml)")
    raise InputError(f"{path}: unknown input format ({EXPECTED})")


def _side_text(path: Path, kind: str) -> str:
    if kind == "html":
        from xlate.io.html import read_html

        return read_html(path)
    from xlate.io.text import read_text

    return read_text(path)


def _name_language(path: Path) -> str | None:
    """The known language a file name ends in ('article.fr.txt' → 'fr'), if any."""
    from xlate.pairs.identify import known_languages, language_code

    parts = path.name.split(".")
    code = language_code(parts[-2]) if len(parts) > 2 else None
    return code if code in known_languages() else None


def _two_files(source: Path, target: Path, feed_map: Path | None,
               languages: tuple[str, str] | None) -> Iterator[PairInput | BadInput]:
    for path in (source, target):
        if path.is_dir():
            raise InputError(f"{path}: is a directory (give one directory, or two files)")
        if not path.exists():
            raise InputError(f"{path}: no such file")
    kinds = [sniff_format(source), sniff_format(target)]
    if kinds == ["feed", "feed"]:
        from xlate.io.feeds import read_feeds

        if feed_map is not None:
            _head(feed_map, decode=False)

        return read_feeds(source, target, feed_map, languages)
    for path, kind in zip((source, target), kinds, strict=True):
        if kind == "feed":
            raise InputError(f"{path}: is an RSS/Atom feed, but the other file is not (give two feeds)")
        if kind in _BILINGUAL:
            raise InputError(f"{path}: a {kind.upper()} file is a complete bilingual input; give it alone")
    if feed_map is not None:
        raise InputError(f"{feed_map}: a feed map needs two feeds")
    named = (_name_language(source), _name_language(target))
    declared = (named[0], named[1]) if named[0] and named[1] else None
    pair = PairInput(target.name, _side_text(source, kinds[0]), _side_text(target, kinds[1]), str(target), declared)
    return iter([pair])


def read_inputs(
    paths: list[Path],
    *,
    pairs_file: Path | None = None,
    feed_source: Path | None = None,
    feed_target: Path | None = None,
    feed_map: Path | None = None,
    languages: tuple[str, str] | None = None,
) -> Iterator[PairInput | BadInput]:
    """The records of whatever input was given, in input order (see the module docstring); sides in
    ``languages`` (the pair's source and target codes) or, when None, as the input declares them.

    Raises InputError at once for a wrong combination of arguments, a missing, empty or non-UTF-8
    file, or an unknown format; errors found while reading a file surface from the iterator.
    """
    paths = [Path(p) for p in paths]
    feeds = feed_source is not None or feed_target is not None
    if pairs_file is not None:
        if paths or feeds:
            raise InputError("give either --pairs FILE or other inputs, not both")
        from xlate.io.jsonl import read_pairs_jsonl

        pairs_file = Path(pairs_file)
        if not pairs_file.is_file():
            raise InputError(f"{pairs_file}: {'is a directory' if pairs_file.is_dir() else 'no such file'}")
        return read_pairs_jsonl(pairs_file)
    if feeds:
        if feed_source is None or feed_target is None:
            raise InputError("--feed-source and --feed-target must be given together")
        if paths:
            raise InputError("give either --feed-source/--feed-target or positional inputs, not both")
        from xlate.io.feeds import read_feeds

        for path in (feed_source, feed_target, feed_map):
            if path is not None:
                _head(Path(path), decode=False)
        return read_feeds(feed_source, feed_target, feed_map, languages)
    if len(paths) == 1:
        if feed_map is not None:
            raise InputError(f"{feed_map}: a feed map needs two feeds")
        path = paths[0]
        if path.is_dir():
            from xlate.io.directory import read_directory

            return read_directory(path, languages)
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
        return _single_file(path, languages)
    if len(paths) == 2:
        return _two_files(paths[0], paths[1], None if feed_map is None else Path(feed_map), languages)
    if not paths:
        raise InputError(f"no input given ({EXPECTED})")
    raise InputError(f"expected one directory or file, or two files (got {len(paths)} paths)")
