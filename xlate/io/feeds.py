"""Two RSS/Atom feeds, one in the source language and one in the target language, matched item by item.

Feeds are parsed with feedparser from bytes read here (never from a URL, so nothing is fetched),
with relative-URI resolution off and its HTML sanitiser on. A feed whose prolog declares XML
entities is refused. Items are matched, in this order of precedence:

1. an explicit mapping file: a JSON object ``{source link or guid: target link or guid}``;
2. declared translation links: ``<link rel="alternate" hreflang="en" href=…>`` (the target
   language) on the source item pointing at the target item's link or id;
3. equal guid / id;
4. equal link after normalisation (scheme, ``www.``, a language sub-domain, language path segments
   such as ``/es/`` and ``/en-us/``, query, fragment and trailing slash are ignored).

The languages are the pair's, or those the feeds declare (RSS ``<language>``, Atom ``xml:lang``).
Each target item is matched at most once. The text of an item is its title, a blank line, then its
content (or summary) as plain text with paragraphs separated by blank lines.
"""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from xlate.errors import InputError
from xlate.io._common import decode_utf8, read_bytes
from xlate.io.html import html_fragment_to_text
from xlate.model import BadInput, PairInput
from xlate.pairs.identify import known_languages, language_code, language_name

log = logging.getLogger(__name__)

_INTERNAL_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[(.*?)\]\s*>", re.DOTALL | re.IGNORECASE)
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_PROLOG_SCAN = 1 << 20
_LANG_SEGMENT = re.compile(r"[a-z]{2,3}(?:[-_][a-z]{2,4})?", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class _Item:
    index: int
    link: str | None
    id: str | None
    text: str
    # (language code, link) of the item's alternates in other languages (hreflang).
    alternates: list[tuple[str | None, str]] = field(default_factory=list)
    translations: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.link or self.id or f"item {self.index}"

    @property
    def refs(self) -> list[str]:
        return [r for r in (self.link, self.id) if r]


@cache
def _language_names(codes: tuple[str, ...]) -> frozenset[str]:
    """The names of the known languages, as sites write them in links ('english', 'español')."""
    languages = known_languages()
    return frozenset(name.lower() for code in codes for name in (languages[code].name, *languages[code].other_names))


def _is_lang_part(part: str) -> bool:
    """Whether a host label or path segment names a language ('es', 'en-us', 'english', 'español')."""
    codes = tuple(known_languages())
    if _LANG_SEGMENT.fullmatch(part) and language_code(part) in codes:
        return True
    return part.lower() in _language_names(codes)


def normalise_link(url: str | None) -> str | None:
    """A language-neutral key for a link ('https://www.x.com/es/a/?q=1' → 'x.com/a'); None if not a URL."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if not host:
        return None
    labels = host.split(".")
    if labels[0] == "www":
        labels = labels[1:]
    if len(labels) > 2 and _is_lang_part(labels[0]):
        labels = labels[1:]
    segments = [s for s in parts.path.split("/") if s and not _is_lang_part(s)]
    return "/".join([".".join(labels), *segments])


def _to_text(value: str | None, content_type: str | None) -> str:
    if not value:
        return ""
    if (content_type or "").lower() in _HTML_TYPES or (content_type is None and "<" in value):
        return html_fragment_to_text(value)
    blocks = re.split(r"\n\s*\n", value.replace("\r\n", "\n"))
    return "\n\n".join(" ".join(b.split()) for b in blocks if b.strip())


def _entry_text(entry: Any) -> str:
    title_detail = entry.get("title_detail") or {}
    title = _to_text(entry.get("title"), title_detail.get("type", "text/plain"))
    body = ""
    for content in entry.get("content") or []:
        body = _to_text(content.get("value"), content.get("type"))
        if body:
            break
    if not body:
        summary_detail = entry.get("summary_detail") or {}
        body = _to_text(entry.get("summary"), summary_detail.get("type", "text/html"))
    if title and body.startswith(title):
        body = body[len(title) :].strip()
    return "\n\n".join(part for part in (title, body) if part)


def _own_link(entry: Any, lang: str | None) -> str | None:
    """The item's own link: an alternate in its language, else one without hreflang, else feedparser's."""
    alternates = [
        link
        for link in entry.get("links") or []
        if link.get("href") and link.get("rel", "alternate") == "alternate"
    ]
    for wanted in (lambda h: lang is not None and language_code(h) == lang, lambda h: not h):
        for link in alternates:
            if wanted(link.get("hreflang")):
                return link["href"]
    return entry.get("link") or None


def _alternates(entry: Any) -> list[tuple[str | None, str]]:
    return [
        (language_code(link.get("hreflang")), link["href"])
        for link in entry.get("links") or []
        if link.get("href") and link.get("rel", "alternate") == "alternate" and link.get("hreflang")
    ]


def _sax_reason(exc: object) -> str:
    get_line = getattr(exc, "getLineNumber", None)
    get_message = getattr(exc, "getMessage", None)
    if callable(get_line) and callable(get_message):
        return f"line {get_line()}: {get_message()}"
    return str(exc) or type(exc).__name__


def _reject_broken(path: Path, data: bytes, exc: object) -> None:
    """Refuse a feed that is not well-formed XML or not in its declared encoding (a truncated item would
    be checked as if it were complete); tolerate the undefined HTML entities real feeds often hold."""
    import feedparser

    declared = re.search(rb"<\?xml[^>]*encoding=[\"']([\w.-]+)", data[:200])
    encoding = (declared.group(1).decode("ascii") if declared else "utf-8").lower()
    if encoding in ("utf-8", "utf8"):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"{path}: not UTF-8 (invalid byte at offset {err.start})") from None
    if isinstance(exc, feedparser.CharacterEncodingOverride | feedparser.NonXMLContentType):
        return
    reason = _sax_reason(exc)
    if "undefined entity" in reason:
        log.warning("%s: %s; read leniently", path, reason)
        return
    raise InputError(f"{path}: not a valid RSS/Atom feed: not well-formed XML ({reason})")


def _parse_feed(path: Path, lang: str | None) -> tuple[list[_Item], str | None]:
    """The feed's items and its language: ``lang`` (the pair's), else the one the feed declares."""
    import feedparser

    data = read_bytes(path)
    subset = _INTERNAL_SUBSET.search(data[:_PROLOG_SCAN])
    if subset and _ENTITY_DECL.search(subset.group(1)):
        raise InputError(f"{path}: XML entity declarations are not allowed; entities are never expanded")
    try:
        parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    except Exception as exc:  # feedparser is lenient; anything it still raises means the file is unusable
        raise InputError(f"{path}: cannot parse the feed ({exc})") from None
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            reason = _sax_reason(parsed.get("bozo_exception"))
            raise InputError(f"{path}: not a valid RSS/Atom feed ({reason})")
        raise InputError(f"{path}: the feed has no items")
    if parsed.get("bozo"):
        _reject_broken(path, data, parsed.bozo_exception)
    lang = lang or language_code((parsed.get("feed") or {}).get("language"))
    items = []
    for n, entry in enumerate(entries, 1):
        items.append(
            _Item(
                index=n,
                link=_own_link(entry, lang),
                id=entry.get("id") or None,
                text=_entry_text(entry),
                alternates=_alternates(entry),
            )
        )
    return items, lang


def _read_mapping(path: Path) -> dict[str, str]:
    text = decode_utf8(path, read_bytes(path))
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(obj, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in obj.items()
    ):
        raise InputError(f"{path}: expected a JSON object {{source link or guid: target link or guid}}")
    return {k.strip(): v.strip() for k, v in obj.items()}


class _TargetIndex:
    def __init__(self, items: list[_Item]) -> None:
        self.exact: dict[str, _Item] = {}
        self.normal: dict[str, _Item] = {}
        self.used: set[int] = set()
        for item in items:
            for ref in item.refs:
                self.exact.setdefault(ref.strip(), item)
                key = normalise_link(ref)
                if key:
                    self.normal.setdefault(key, item)

    def free(self, item: _Item | None) -> _Item | None:
        return item if item is not None and item.index not in self.used else None

    def by_ref(self, ref: str) -> _Item | None:
        """The target item whose link or id is ``ref``, exactly or after normalisation."""
        found = self.exact.get(ref.strip())
        if found is None:
            key = normalise_link(ref)
            found = self.normal.get(key) if key else None
        return found


def _match(
    source_items: list[_Item], index: _TargetIndex, mapping: dict[str, str] | None, map_path: Path | None
) -> tuple[dict[int, _Item], dict[int, str]]:
    """Source item index → matched target item, and source item index → error (mapping problems)."""
    matched: dict[int, _Item] = {}
    errors: dict[int, str] = {}

    def assign(item: _Item, translated: _Item | None, how: str) -> bool:
        translated = index.free(translated)
        if translated is None:
            return False
        matched[item.index] = translated
        index.used.add(translated.index)
        log.debug("feed item %s ↔ %s (%s)", item.label, translated.label, how)
        return True

    if mapping:
        normal_mapping = {normalise_link(k) or k: v for k, v in mapping.items()}
        for item in source_items:
            target = next((mapping[r.strip()] for r in item.refs if r.strip() in mapping), None)
            if target is None:
                keys = [k for k in map(normalise_link, item.refs) if k]
                target = next((normal_mapping[k] for k in keys if k in normal_mapping), None)
            if target is not None and not assign(item, index.by_ref(target), "mapping"):
                errors[item.index] = (
                    f"{map_path}: {item.label} is mapped to {target}, "
                    "which is not an unmatched item of the target feed"
                )

    passes: list[tuple[str, Callable[[_Item], list[_Item | None]]]] = [
        ("hreflang", lambda it: [index.by_ref(href) for href in it.translations]),
        ("guid", lambda it: [index.exact.get(it.id.strip())] if it.id else []),
        ("link", lambda it: [index.normal.get(k) for k in map(normalise_link, it.refs) if k]),
    ]
    for how, candidates in passes:
        for item in source_items:
            if item.index in matched or item.index in errors:
                continue
            for translated in candidates(item):
                if assign(item, translated, how):
                    break
    return matched, errors


def read_feeds(
    source: str | Path, target: str | Path, mapping: str | Path | None = None,
    languages: tuple[str, str] | None = None,
) -> Iterator[PairInput | BadInput]:
    """Pairs of matched feed items, in the source feed's order; unmatched source items are BadInputs.

    ``origin`` of a pair is the target item's link. Raises InputError when a feed cannot be read or
    when no item of the two feeds match.
    """
    source, target = Path(source), Path(target)
    map_path = Path(mapping) if mapping is not None else None
    mapping_table = _read_mapping(map_path) if map_path is not None else None
    source_items, source_lang = _parse_feed(source, languages[0] if languages else None)
    target_items, target_lang = _parse_feed(target, languages[1] if languages else None)
    for item in source_items:
        item.translations = [href for code, href in item.alternates if code == target_lang]
    declared = (source_lang, target_lang) if source_lang and target_lang else None
    matched, errors = _match(source_items, _TargetIndex(target_items), mapping_table, map_path)
    if not matched:
        raise InputError(f"{source} / {target}: no items match between the two feeds")
    for item in source_items:
        ident = item.id or item.link or f"item-{item.index}"
        translated = matched.get(item.index)
        if translated is None:
            name = language_name(target_lang) if target_lang else "target-feed"
            error = errors.get(item.index) or f"{source}: no {name} item matches {item.label}"
            yield BadInput(ident, error, item.link)
        elif not item.text.strip() or not translated.text.strip():
            empty = item.label if not item.text.strip() else translated.label
            yield BadInput(ident, f"{source}: feed item {empty} has no text", translated.link or translated.id)
        else:
            yield PairInput(ident, item.text, translated.text, translated.link or translated.id, declared)
