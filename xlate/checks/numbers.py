"""Numbers, amounts, percentages and dates that differ between source and translation."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from xlate.checks.context import CheckContext
from xlate.checks.registry import Hit, check
from xlate.checks.text import words
from xlate.model import Sentence, Severity
from xlate.pairs import LanguageResources

# Digits with thousands separators, a decimal part, a time ("15:30", "20h45") or a decade ("1920s").
_DIGITS = re.compile(r"(?<![\w.,])\d+(?:[.,  ]\d{3})*(?:[.,:]\d+|h\d\d\b)?(?:s\b)?")
_ROMAN_LETTERS = re.compile(r"^[MDCLXVI]+")
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
# The first year of a range whose second year has two digits ("1950-51").
_YEAR_RANGE_START = re.compile(r"\b(\d\d)\d\d\s?[-–/]\s?$")
# A number word that begins a compound has at least this many letters («zehnmal», not «einige»).
COMPOUND_NUMBER_MIN_LETTERS = 4


@dataclass(frozen=True, slots=True)
class Mention:
    """A number or month in a text: every value it may stand for, and its span."""

    values: frozenset[float]
    start: int
    end: int
    text: str
    kind: str  # "digits", "roman", "word", "word-magnitude", "ordinal" or "month"


def _roman_value(numeral: str) -> int:
    total = 0
    for char, nxt in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if nxt and _ROMAN_VALUES[nxt] > value else value
    return total


def _digit_values(token: str) -> set[float]:
    """The values a digit string may have: "2.000" is 2000 in Spain and 2.0 in Mexico; "1920s" is 20 too."""
    decade = token.endswith("s")
    token = token.rstrip("s")
    groups = re.split(r"[.,:h  ]", token)
    values = set()
    if len(groups) == 1 or all(len(g) == 3 for g in groups[1:]):
        values.add(float("".join(groups)))  # thousands separators: "2.000", "2,000", "10 405"
    if len(groups) == 2:
        values.add(float(f"{groups[0]}.{groups[1]}"))  # a decimal: "1,5", "1.5", "15:30" (as 15.30)
        if ":" in token or "h" in token or (len(groups[1]) == 2 and int(groups[0]) <= 24):
            values.add(float(f"{int(groups[0]) % 12}.{groups[1]}"))  # 15:30 or «15.30» is 3:30 p.m.
    if len(groups) > 2:
        values.add(float("".join(groups[:-1]) + "." + groups[-1]))  # "10.405,83"
    if decade:
        values |= {v % 100 for v in values}
    return values


def _scaled(values: set[float], after: str, lang: LanguageResources) -> set[float]:
    """Add the value times a following magnitude word ("1,5 millones", "2 mil", "15 billion")."""
    following = after.split(maxsplit=2)
    for i in range(min(2, len(following))):
        word = following[i].strip(".,;:").lower()
        if word in lang.magnitudes:
            values = values | {v * lang.magnitudes[word] for v in values}
        elif word not in lang.stopwords:  # «1,5 millones de», "a million of"
            break
    return values


def _number_word_parts(text: str, start: int, end: int, lang: LanguageResources
                       ) -> Iterator[tuple[str, int, int]]:
    """Words, with hyphenated compounds also split ("six-year" gives "six"); compounds made only of
    number words stay whole ("twenty-first")."""
    known = lang.number_words.keys() | lang.ordinal_words.keys()
    for word, w_start, w_end in words(text, start, end):
        elided = max(word.rfind("'"), word.rfind("’"))
        if elided > 0:  # «d'agost», «l'onze»: the word after an elided article or preposition
            word, w_start = word[elided + 1 :], w_start + elided + 1
        yield word, w_start, w_end
        if "-" in word and word.lower() not in known and not all(part.lower() in known for part in word.split("-")):
            offset = w_start
            for part in word.split("-"):
                if part:
                    yield part, offset, offset + len(part)
                offset += len(part) + 1


# Marks after which a capitalised word begins a sentence.
_SENTENCE_ENDS = ".!?…"


def mentions(text: str, start: int, end: int, lang: LanguageResources) -> list[Mention]:
    """Numbers (digits and number words, with magnitudes) and dated month names in ``text[start:end]``."""
    found: list[Mention] = []
    for match in _DIGITS.finditer(text, start, end):
        values = _scaled(_digit_values(match.group()), text[match.end() : match.end() + 30], lang)
        if (century := _YEAR_RANGE_START.search(text, max(0, match.start() - 6), match.start())) and len(
                match.group()) == 2:
            values.add(float(century.group(1) + match.group()))  # "1950-51" is 1951 too
        found.append(Mention(frozenset(values), match.start(), match.end(), match.group(), "digits"))
    thousands = tuple(word for word, value in lang.magnitudes.items() if value == 1000)
    for match in _split_thousands(thousands).finditer(text, start, end) if thousands else ():
        value = float(int(match.group(1)) * 1000 + int(match.group(2)))
        # "9 mil 200" replaces its parts "9" and "200"
        found = [m for m in found if not (match.start() <= m.start and m.end <= match.end())]
        found.append(Mention(frozenset({value}), match.start(), match.end(), match.group(), "digits"))
    for match in _roman_tokens(lang.roman_ordinal_endings).finditer(text, start, end) if lang.roman_numerals else ():
        numeral = _ROMAN_LETTERS.match(match.group())
        if numeral is None or not _ROMAN.fullmatch(numeral.group()):
            continue
        found.append(Mention(frozenset({float(_roman_value(numeral.group()))}), match.start(), match.end(),
                             match.group(), "roman"))
    for word, w_start, w_end in _number_word_parts(text, start, end, lang):
        lower = word.lower()
        if "-" in lower and lower not in lang.number_words and all(
                p in lang.number_words or p in lang.ordinal_words for p in lower.split("-")):
            *tens, last = lower.split("-")  # "twenty-first" is 21, "two-hundred-thousand" is 200,000
            kind = "ordinal" if last in lang.ordinal_words else "word"
            value = compose([lang.number_words.get(p, 0) for p in tens] + [
                lang.ordinal_words[last] if kind == "ordinal" else lang.number_words.get(last, 0)])
            found.append(Mention(frozenset({float(value)}), w_start, w_end, word, kind))
            continue
        if lower in lang.magnitudes and not _follows_number(text, w_start, lang):
            # «mil millones» alone is a number: 1 × 1000 × 10**6
            values = _scaled({float(lang.magnitudes[lower])}, text[w_end : w_end + 30], lang)
            found.append(Mention(frozenset(values), w_start, w_end, word, "word-magnitude"))
            continue
        # "BBC Two" and 'Nine' are names; a capital after a sentence's end is not one ("… 2015. Ten agencies")
        is_name = word[:1].isupper() and w_start > start and text[start:w_start].rstrip()[-1:] not in _SENTENCE_ENDS
        if lower in lang.ordinal_words:  # «el primero de mayo» is May 1 (ordinals only add values)
            found.append(Mention(frozenset({float(lang.ordinal_words[lower])}), w_start, w_end, word, "ordinal"))
        if lower in lang.number_words and lang.number_words[lower] > 1 and not is_name \
                and lower not in lang.magnitudes:  # "thousand" alone only scales a number
            values = _scaled({float(lang.number_words[lower])}, text[w_end : w_end + 30], lang)
            found.append(Mention(frozenset(values), w_start, w_end, word, "word"))
        elif lang.compound_numbers and word.islower() and (value := _compound_number(lower, lang)):
            found.append(Mention(frozenset({float(value)}), w_start, w_end, word, "word"))
        elif lower in lang.months and (not lang.month_cues or _is_dated_month(text, word, w_start, w_end, lang)):
            found.append(Mention(frozenset({float(lang.months[lower])}), w_start, w_end, word, "month"))
    return _composed(found, text, lang)


def _compound_number(word: str, lang: LanguageResources) -> int | None:
    """The value of the longest number word that begins ``word`` and leaves a word after it («zehnmal»;
    only lower-case words are read so, since nouns such as «Achtung» begin with one by chance)."""
    for cut in range(len(word) - 2, COMPOUND_NUMBER_MIN_LETTERS - 1, -1):
        value = lang.number_words.get(word[:cut])
        if value is not None and value > 1:
            return value
    return None


def compose(values: list[int]) -> int:
    """The number that number words of these values make together: a hundred multiplies what stands
    before it, a thousand or more what stands before it since the last such word, the rest adds
    ("two hundred five thousand" is 205,000)."""
    total = current = 0
    for value in values:
        if value == 100:
            current = (current or 1) * 100
        elif value >= 1000:
            total += (current or 1) * value
            current = 0
        else:
            current += value
    return total + current


def _composable(values: list[int]) -> bool:
    """Whether number words of these values make one number: a multiplier may follow anything, and
    otherwise only a unit or a teen may follow a round ten ("twenty three", not "eight three")."""
    for first, second in itertools.pairwise(values):
        if second >= 100 or first >= 100:
            continue
        if not (first >= 20 and first % 10 == 0 and second < 20):
            return False
    return True


def _composed(found: list[Mention], text: str, lang: LanguageResources) -> list[Mention]:
    """Runs of number words separated by spaces, hyphens or the language's connector («deux cent mille»,
    «vinte e catro», «vint-i-quatre») as one mention each."""
    numbers = sorted((m for m in found if m.kind == "word"), key=lambda m: m.start)
    runs: list[list[Mention]] = []
    for mention in numbers:
        between = text[runs[-1][-1].end : mention.start].strip(" -").lower() if runs else None
        if between is not None and mention.start >= runs[-1][-1].end and (
                not between or between in lang.number_connectors):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    merged = [(run, word_values) for run in runs if len(run) > 1
              and _composable(word_values := [lang.number_words.get(m.text.lower(), 0) for m in run])]
    if not merged:
        return found
    parts = {id(m) for run, _ in merged for m in run}
    out = [m for m in found if id(m) not in parts]
    for run, word_values in merged:
        values = _scaled({float(compose(word_values))}, text[run[-1].end : run[-1].end + 30], lang)  # «deux cent mille»
        out.append(Mention(frozenset(values), run[0].start, run[-1].end, text[run[0].start : run[-1].end], "word"))
    return out


def _follows_number(text: str, start: int, lang: LanguageResources) -> bool:
    before = text[max(0, start - 20) : start].split()
    return bool(before) and (before[-1][-1:].isdigit() or before[-1].lower() in lang.number_words)


def _is_dated_month(text: str, word: str, start: int, end: int, lang: LanguageResources) -> bool:
    """Whether a month name of a language that capitalises them is one (not "may" or "march"): it is
    capitalised and, when it is also a common word, followed by a day or preceded by a cue ("in May")."""
    if not word[:1].isupper():
        return False
    if word.lower() not in lang.month_cues.ambiguous:
        return True
    before = text[max(0, start - 8) : start].lower().split()
    return bool(re.match(r"\s+\d", text[end : end + 3])) or bool(before and before[-1] in lang.month_cues.before)


@cache
def _roman_tokens(endings: tuple[str, ...]) -> re.Pattern[str]:
    """Roman numerals of two letters or more («XIX»), or of any length before one of the language's
    ordinal endings («XIXe», «Ier»)."""
    ordinal = f"|[MDCLXVI]+(?:{'|'.join(map(re.escape, endings))})" if endings else ""
    return re.compile(rf"\b(?:[MDCLXVI]{{2,}}{ordinal})\b")


@cache
def _split_thousands(thousands: tuple[str, ...]) -> re.Pattern[str]:
    """«9 mil 200» (Mexican style for 9,200): digits, a word for a thousand, digits."""
    return re.compile(rf"(\d+)\s+(?:{'|'.join(map(re.escape, thousands))})\s+(\d{{1,3}})\b")


def _sentence_mentions(sentences: list[Sentence], text: str, lang: LanguageResources) -> list[Mention]:
    return [m for s in sentences for m in mentions(text, s.start, s.end, lang)]


@check("XL204", "number-mismatch", "accuracy/mistranslation", Severity.MAJOR)
def number_mismatch(ctx: CheckContext) -> Iterator[Hit]:
    """A number, amount, percentage, year or date in the translation that the source does not have.

    What it flags:
        Digits ("53" for «52»), number words ("five" for «tres»), amounts with
        magnitudes and separators («2.000» ↔ "2,000", «1,5 millones» ↔ "1.5
        million"), percentages, years and months («31 de julio» ↔ "July 31")
        in a target sentence whose value appears nowhere in the source.
    Why it matters:
        Wrong figures are among the most damaging translation errors in news:
        they are believed, quoted and hard for readers to spot.
    Example:
        Source: «Frazetta hijo, de 52 años, declaró ante la policía…»
        Bad:    "Frazetta Jnr, 53, told police…"
        Good:   "Frazetta Jnr, 52, told police…"
    Fix:
        Copy the figure from the source, converting only the separators.
    """
    src_lang, tgt_lang = ctx.pair.source, ctx.pair.target
    source_all = mentions(ctx.doc.source.text, 0, len(ctx.doc.source.text), src_lang)
    source_values = {(m.kind == "month", v) for m in source_all for v in m.values}
    for _link, sources, targets in ctx.pairs():
        linked = _sentence_mentions(sources, ctx.doc.source.text, src_lang)
        target_mentions = _sentence_mentions(targets, ctx.doc.target.text, tgt_lang)
        target_values = {v for m in target_mentions for v in m.values}
        for mention in target_mentions:
            is_month = mention.kind == "month"
            if any((is_month, v) in source_values for v in mention.values):
                continue
            if mention.kind == "roman" and re.search(rf"\b{re.escape(mention.text)}\b", ctx.doc.source.text):
                continue  # the source has the same letters ("an XL", "CD's"): a size or a name, not a number
            candidates = [m.text for m in linked if (m.kind == "month") == is_month and m.kind != "roman"
                          and not m.values & target_values]
            if mention.kind in ("word-magnitude", "ordinal") or (mention.kind == "word" and not candidates):
                continue  # "the two countries" for «ambos países» is a rendering, not an error
            expected = f" (the source has {', '.join(candidates)})" if candidates else ""
            what = "month" if is_month else "number"
            yield Hit(
                f"{what} {mention.text!r} does not match the source{expected}",
                target_span=(mention.start, mention.end),
                source_span=(sources[0].start, sources[-1].end) if sources else None,
                suggestion=candidates[0] if len(candidates) == 1 and mention.kind == "digits" else None,
                confidence=0.85 if candidates else 0.7,
            )
