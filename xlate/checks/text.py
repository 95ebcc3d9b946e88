"""Small text helpers shared by the check families (word spans, quote and punctuation classes)."""

from __future__ import annotations

import re
from collections.abc import Iterator

# A word: letters (with combining marks, so non-NFC input still matches), digits, inner ' ’ - . ,
WORD = re.compile(r"[^\W_](?:[\w\u0300-\u036f]|['’\-.,](?=[^\W_]))*", re.UNICODE)
OPENING_QUOTES = "“‘«\"'"
CLOSING_QUOTES = "”’»\"'"
TERMINAL = ".!?…"


def words(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) for each word of ``text[start:end]``, spans into ``text``."""
    for match in WORD.finditer(text, start, len(text) if end is None else end):
        yield match.group(), match.start(), match.end()


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with terminal punctuation, allowing closing quotes/brackets after it."""
    stripped = text.rstrip().rstrip(CLOSING_QUOTES + ")]")
    return bool(stripped) and stripped[-1] in TERMINAL


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()
