"""Helpers shared by the readers: reading bytes, strict UTF-8, safe XML and language tags.

Every error is an :class:`~xlate.errors.InputError` whose message is one line naming the file
and the problem, so the CLI can print it as is.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from xlate.errors import InputError

XML_NS = "{http://www.w3.org/XML/1998/namespace}"

_XML_DECL_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_bytes(path: str | Path, *, allow_empty: bool = False) -> bytes:
    """The file's bytes; a missing, unreadable or (unless ``allow_empty``) blank file is an InputError."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, expected a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if not allow_empty and not data.strip():
        raise InputError(f"{path}: file is empty")
    return data


def utf8_error(path: str | Path, data: bytes, exc: UnicodeDecodeError) -> InputError:
    """The one-line 'not UTF-8' error, with the line of the first bad byte."""
    line = data.count(b"\n", 0, exc.start) + 1
    return InputError(f"{path}: not UTF-8 (invalid byte 0x{data[exc.start]:02x} at line {line})")


def decode_utf8(path: str | Path, data: bytes) -> str:
    """Strict UTF-8 (a BOM is kept: callers that index the original text need it)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise utf8_error(path, data, exc) from None
    return text


def check_xml_encoding(path: str | Path, data: bytes) -> None:
    """Reject XML that claims (or defaults to) UTF-8 but is not, with the line of the bad byte.

    A document that declares another encoding, or starts with a UTF-16 byte-order mark, is left to
    the XML parser, which honours the declaration.
    """
    if data.startswith(_UTF16_BOMS):
        return
    match = _XML_DECL_ENCODING.match(data.removeprefix(b"\xef\xbb\xbf"))
    if match and match.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        return
    decode_utf8(path, data)


def local_name(tag: object) -> str:
    """The tag without its namespace ('{urn:x}unit' → 'unit'); comments and PIs give ''."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def xml_error(path: str | Path, exc: Exception) -> InputError:
    """An InputError for a parse failure or a refused DTD feature (entities, external references)."""
    import defusedxml

    if isinstance(exc, ParseError):
        line, column = getattr(exc, "position", (0, -1))
        reason = str(exc).split(":", 1)[0].strip()
        reason = re.sub(r"^not well-formed \((.*)\)$", r"\1", reason)
        suffix = f": {reason}" if reason else ""
        return InputError(f"{path}: not well-formed XML (line {line}, column {column + 1}){suffix}")
    if isinstance(exc, defusedxml.EntitiesForbidden):
        return InputError(
            f"{path}: XML entity declarations are not allowed (entity {exc.name!r}); "
            "entities are never expanded"
        )
    if isinstance(exc, defusedxml.ExternalReferenceForbidden):
        return InputError(f"{path}: external XML references are not allowed ({exc.sysid or exc.pubid})")
    if isinstance(exc, defusedxml.DTDForbidden):
        return InputError(f"{path}: XML document type declarations are not allowed")
    return InputError(f"{path}: cannot parse XML ({exc})")


def parse_xml(path: str | Path, data: bytes) -> Element:
    """Parse a whole document safely: no entity expansion, no external entities or DTDs fetched."""
    import defusedxml
    from defusedxml.ElementTree import fromstring

    check_xml_encoding(path, data)
    try:
        return fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (ParseError, defusedxml.DefusedXmlException) as exc:
        raise xml_error(path, exc) from None


def iterparse_xml(
    path: str | Path, data: bytes, on_start: Callable[[Element], Any], on_end: Callable[[Element], Any]
) -> None:
    """Stream a document safely, calling ``on_start``/``on_end`` for every element."""
    import io

    import defusedxml
    from defusedxml.ElementTree import iterparse

    check_xml_encoding(path, data)
    try:
        for event, elem in iterparse(
            io.BytesIO(data),
            events=("start", "end"),
            forbid_dtd=False,
            forbid_entities=True,
            forbid_external=True,
        ):
            (on_start if event == "start" else on_end)(elem)
    except (ParseError, defusedxml.DefusedXmlException) as exc:
        raise xml_error(path, exc) from None


def with_article(name: str) -> str:
    """'a Spanish', 'an English' (for messages)."""
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def inline_text(elem: Element, drop: frozenset[str], *, code_points: bool = False) -> str:
    """Text of a segment, with inline markup reduced to text.

    Children whose local name is in ``drop`` (native code such as TMX ``<bpt>``) lose their
    content but keep their tail; other children (``<hi>``, ``<g>``, ``<pc>``, ``<mrk>``) keep their
    text. With ``code_points``, XLIFF 2 ``<cp hex="…"/>`` becomes its character.
    """
    parts: list[str] = [elem.text or ""]
    for child in elem:
        name = local_name(child.tag)
        if code_points and name == "cp":
            with contextlib.suppress(ValueError, OverflowError):
                parts.append(chr(int(child.get("hex", ""), 16)))
        elif name and name not in drop:
            parts.append(inline_text(child, drop, code_points=code_points))
        parts.append(child.tail or "")
    return "".join(parts)


def describe(items: list[str], limit: int = 5) -> str:
    """'a, b, c' (with '…' past ``limit``) for messages."""
    shown = ", ".join(items[:limit])
    return shown + (", …" if len(items) > limit else "")
