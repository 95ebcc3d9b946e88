"""Number mentions: the figures a text states (digits, number words, magnitudes, Roman numerals,
dated months, clock times), each with the values it may stand for and its span.

Shared by the checks that compare figures between source and translation: XL204 (numbers) and XL201
(a number of the source that the whole translation lacks).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from xlate.checks.text import words
from xlate.pairs import LanguageResources
from xlate.pairs.units import CURRENCY_SIGNS, UNIT_SYMBOLS

# Digits with thousands separators, a decimal part, a time ("15:30", "20h45") or a decade ("1920s").
# (Thousands are grouped after one to three digits: "2011 255" is a year and a count, not 2,011,255.)
# (French typography spaces a colon: «2 :05 :36».)
_DIGITS = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:[.,  ]\d{3})+|\d+)(?:[.,]\d+|[  \u202f]?:\d+|h\d\d\b)?(?:s\b)?")
_ROMAN_LETTERS = re.compile(r"^[MDCLXVI]+")
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
# The first year of a range whose second year has two digits ("1950-51").
_YEAR_RANGE_START = re.compile(r"\b(\d\d)\d\d\s?[-–/]\s?$")
# A day written against the word after it («11.September»).
_DAY_PREFIX = re.compile(r"\d{1,2}\.(?=[^\W\d_])")
# An amount (digits and up to three words: "20m", "17 billion dollars", «4.000 Pfund») and an opening bracket.
_AMOUNT_THEN_BRACKET = re.compile(r"\d[\d.,]*(?:\s?[^\W\d]+\.?){0,3}\s*\(\s*$")
# How far a bracket may open before its figure ("(almost 300 billion crowns)") and close after it.
CONVERSION_BEFORE_FIGURE = 12
CONVERSION_AFTER_FIGURE = 40
# A number word that begins a compound has at least this many letters («zehnmal», not «einige»).
COMPOUND_NUMBER_MIN_LETTERS = 4
# A month name begins a compound when at least this many letters follow it («Novemberausgabe», not «Juni-»).
COMPOUND_REST_LETTERS = 4


@dataclass(frozen=True, slots=True)
class Mention:
    """A number or month in a text: every value it may stand for, and its span."""

    values: frozenset[float]
    start: int
    end: int
    text: str
    kind: str  # "digits", "roman", "word", "word-magnitude", "ordinal", "approximate" («una decena») or "month"


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
    groups = re.split(r"[  \u202f]?:|[.,h  ]", token)
    values = set()
    if len(groups) == 1 or all(len(g) == 3 for g in groups[1:]):
        values.add(float("".join(groups)))  # thousands separators: "2.000", "2,000", "10 405"
    if len(groups) == 2:
        values.add(float(f"{groups[0]}.{groups[1]}"))  # a decimal: "1,5", "1.5", "15:30" (as 15.30)
        if ":" in token and len(groups[1]) == 1:
            values |= {float(groups[0]), float(groups[1])}  # a score: «1:0» is "1-0"
        if ":" in token or "h" in token or (len(groups[1]) == 2 and int(groups[0]) <= 24):
            values.add(float(f"{int(groups[0]) % 12}.{groups[1]}"))  # 15:30 or «15.30» is 3:30 p.m.
    if len(groups) > 2:
        values.add(float("".join(groups[:-1]) + "." + groups[-1]))  # "10.405,83"
    if decade:
        values |= {v % 100 for v in values}
    return values


def _clock(values: set[float], text: str, end: int, lang: LanguageResources) -> set[float]:
    """The hours of the day a time before "pm" or "am" stands for ("9pm" is 21, "5.30pm" 17.30)."""
    after = text[end : end + 6].lstrip().lower()
    add = next((hours for suffix, hours in lang.clock_suffixes.items()
                if after.startswith(suffix) and not after[len(suffix) : len(suffix) + 1].isalpha()), None)
    return {v + add for v in values if v < 13} if add else set()


_HOUR_MINUTES = re.compile(r"\s+([^\W\d_]+)\s+(\d\d)\b")


def _hour_and_minutes(hour: str, text: str, end: int, lang: LanguageResources) -> tuple[set[float], int]:
    """A time written with the word for hours between hour and minutes: «11 heures 10» is 11:10; and
    where its minutes start (-1 when there is no such time)."""
    match = _HOUR_MINUTES.match(text, end, end + 20)
    if not hour.isdigit() or match is None or match.group(1).lower() not in lang.hour_words or int(hour) > 24:
        return set(), -1
    return {float(f"{int(hour)}.{match.group(2)}"), float(f"{int(hour) % 12}.{match.group(2)}")}, match.start(2)


# The longest run of words looked at for a unit after a number ("degrees fahrenheit", "miles per hour").
UNIT_MAX_WORDS = 3
_UNIT_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"  # "pour-cent" is one word
_UNIT_WORDS = re.compile(rf"[-\s]?((?:[^\W\d_]|[°º/²2])+(?:-[^\W\d_]+)*(?:\s+{_UNIT_WORD}){{0,{UNIT_MAX_WORDS - 1}}})")


def unit_after(text: str, end: int, lang: LanguageResources) -> str | None:
    """The unit of measurement written right after a number ending at ``end`` ("1,700-mile",
    «2.735 km», "30 degrees Celsius"), as a unit of pairs/units.py."""
    rest = _UNIT_WORDS.match(text, end, end + 40)
    if rest is None:
        return None
    parts = rest.group(1).lower().split()
    for n in range(len(parts), 0, -1):
        phrase = " ".join(parts[:n])
        unit = lang.unit_words.get(phrase) or UNIT_SYMBOLS.get(phrase)
        if unit:
            return unit
    return None


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
        elif dated := _DAY_PREFIX.match(word):  # «11.September»: a day glued to its month
            word, w_start = word[dated.end() :], w_start + dated.end()
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
    minutes: set[int] = set()  # where the minutes of «11 heures 10» start: they are part of the time
    for match in _DIGITS.finditer(text, start, end):
        if match.start() in minutes:
            continue
        values = _scaled(_digit_values(match.group()), text[match.end() : match.end() + 30], lang)
        time, minutes_at = _hour_and_minutes(match.group(), text, match.end(), lang)
        if time:
            minutes.add(minutes_at)
        values |= _clock(values, text, match.end(), lang) | time
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
        if numeral is None or not _ROMAN.fullmatch(numeral.group()) or match.group().lower() in lang.stopwords:
            continue  # no numeral, or a word that looks like one with an ending (French «Le», «De»)
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
        if lower in lang.collective_numbers:
            values = _scaled({float(lang.collective_numbers[lower])}, text[w_end : w_end + 30], lang)
            found.append(Mention(frozenset(values), w_start, w_end, word, "approximate"))
            continue
        if lower in lang.ordinal_words:  # «el primero de mayo» is May 1 (ordinals only add values)
            found.append(Mention(frozenset({float(lang.ordinal_words[lower])}), w_start, w_end, word, "ordinal"))
        # "thousand" alone only scales a number; "one" or «un» is a number only before a unit («un pour cent»)
        if lower in lang.number_words and not is_name and lower not in lang.magnitudes and (
                lang.number_words[lower] > 1 or unit_after(text, w_end, lang) is not None):
            values = _scaled({float(lang.number_words[lower])}, text[w_end : w_end + 30], lang)
            found.append(Mention(frozenset(values), w_start, w_end, word, "word"))
        elif lang.compounds and word.islower() and (value := _compound_number(lower, lang)):
            found.append(Mention(frozenset({float(value)}), w_start, w_end, word, "word"))
        elif lang.compounds and (month := _compound_month(lower, lang)):
            found.append(Mention(frozenset({float(month)}), w_start, w_end, word, "month"))
        elif lower in lang.months and (not lang.month_cues or _is_dated_month(text, word, w_start, w_end, lang)):
            found.append(Mention(frozenset({float(lang.months[lower])}), w_start, w_end, word, "month"))
    return _with_clock_phrases(_with_phrases(_composed(found, text, lang), text, start, end, lang),
                               text, start, end, lang)


def _with_phrases(found: list[Mention], text: str, start: int, end: int, lang: LanguageResources) -> list[Mention]:
    """The language's number phrases («octavos de final» = 16) in place of the mentions inside them."""
    values = lang.number_phrases
    phrases = [Mention(frozenset({float(values[m.group().lower()])}), m.start(), m.end(), m.group(), "word")
               for m in _phrase_pattern(tuple(values)).finditer(text, start, end)] if values else []
    if not phrases:
        return found
    return [m for m in found if not any(p.start <= m.start < p.end for p in phrases)] + phrases


def _with_clock_phrases(found: list[Mention], text: str, start: int, end: int,
                        lang: LanguageResources) -> list[Mention]:
    """Times counted back from the hour («neuf heures moins vingt», «zwanzig vor neun», «halb elf») as
    one mention of the time they name (8:40, 8:40, 10:30) and of the numbers inside them."""
    if not (lang.clock_minus or lang.clock_minutes_before or lang.clock_half_before):
        return found
    numbers = tuple((w, v) for w, v in lang.number_words.items() if 0 < v < 60 and " " not in w)
    patterns = _clock_patterns(numbers, lang.hour_words, lang.clock_minus, lang.clock_minutes_before,
                               lang.clock_half_before, lang.clock_quarter)
    clocks = []
    for pattern in patterns:
        for match in pattern.finditer(text, start, end):
            article = match.groupdict().get("article")
            if article and article.lower() not in lang.stopwords:
                continue
            hour = _clock_number(match.group("hour"), lang)
            minutes = 30 if "minutes" not in match.groupdict() else 60 - _clock_number(match.group("minutes"), lang)
            if not 1 <= hour <= 24 or not 0 < minutes < 60:
                continue
            before = hour - 1 if hour > 1 else 12
            # the numbers inside keep their values: «ganó por 3 menos 2» may be no time at all
            inside = {v for m in found if match.start() <= m.start < match.end() for v in m.values}
            values = {float(f"{h}.{minutes:02d}") for h in (before, before + 12) if h < 24} | inside
            clocks.append(Mention(frozenset(values), match.start(), match.end(), match.group(), "word"))
    if not clocks:
        return found
    return [m for m in found if not any(c.start <= m.start < c.end for c in clocks)] + clocks


def _clock_number(token: str, lang: LanguageResources) -> int:
    lower = token.lower()
    return int(lower) if lower.isdigit() else 15 if lower in lang.clock_quarter else lang.number_words.get(lower, 0)


@cache
def _clock_patterns(numbers: tuple[tuple[str, int], ...], hour_words: frozenset[str], minus: frozenset[str],
                    minutes_before: frozenset[str], half_before: frozenset[str],
                    quarter: frozenset[str]) -> tuple[re.Pattern[str], ...]:
    """A language's ways of counting back from the hour (see LanguageResources), as patterns with the
    groups "hour" and "minutes" (none for half an hour) and an optional "article" («moins le quart»)."""

    def alternation(options: Iterable[str]) -> str:
        return "|".join(map(re.escape, sorted(options, key=len, reverse=True)))

    number = "|".join([r"\d{1,2}", *([alternation(w for w, _ in numbers)] if numbers else [])])
    minutes = f"(?P<minutes>{number}{'|' + alternation(quarter) if quarter else ''})"
    hour_word = rf"(?:\s+(?:{alternation(hour_words)}))?" if hour_words else ""
    patterns = []
    if minus:
        patterns.append(rf"(?P<hour>{number}){hour_word}\s+(?:{alternation(minus)})\s+"
                        rf"(?:(?P<article>[^\W\d]+)\s+)?{minutes}")
    if minutes_before:
        patterns.append(rf"{minutes}\s+(?:{alternation(minutes_before)})\s+(?P<hour>{number})")
    if half_before:
        patterns.append(rf"(?:{alternation(half_before)})\s+(?P<hour>{number})")
    return tuple(re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.IGNORECASE) for p in patterns)


def _compound_month(word: str, lang: LanguageResources) -> int | None:
    """The month whose name begins a compound noun («Novemberausgabe»), leaving a word of at least
    COMPOUND_REST_LETTERS letters after it."""
    return next((value for name, value in lang.months.items()
                 if word.startswith(name) and len(word) - len(name) >= COMPOUND_REST_LETTERS), None)


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
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, phrases))})(?!\w)", re.IGNORECASE)


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


def in_currency_conversion(text: str, mention: Mention, lang: LanguageResources) -> bool:
    """Whether the figure stands in brackets right after another amount, the brackets naming a currency
    (a sign, or a currency word of ``lang``): a conversion for the readers ("$20m (£12m)", «4.000 Pfund
    (4.500 Euro)»), which one side may add or leave out and whose rate the other cannot vouch for."""
    opening = text.rfind("(", max(0, mention.start - CONVERSION_BEFORE_FIGURE), mention.start)
    closing = text.find(")", mention.end, mention.end + CONVERSION_AFTER_FIGURE)
    if opening < 0 or closing < 0 or ")" in text[opening : mention.start] or "(" in text[mention.end : closing]:
        return False
    inside = text[opening + 1 : closing]
    if not any(sign in inside for sign in CURRENCY_SIGNS) and not any(
            word.lower() in lang.currency_words for word, _, _ in words(inside)):
        return False
    return _AMOUNT_THEN_BRACKET.search(text, max(0, opening - CONVERSION_AFTER_FIGURE), opening + 1) is not None
