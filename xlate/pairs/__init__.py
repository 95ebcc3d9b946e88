"""Language-pair resources: everything language-specific that the pipeline and checks read.

Adding a pair means adding a module here that builds a :class:`LanguagePair`
(abbreviations, number words, month names, function words, the Apertium mode,
and the data files of calques and official titles) and registering it in
``PAIRS``. No check hard-codes a language.
"""

from __future__ import annotations

import bisect
import csv
import importlib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources as importlib_resources

from xlate.errors import ConfigError
from xlate.pairs.grammar import Negation, Verbs


@dataclass(frozen=True)
class AnalyserTags:
    """What the part-of-speech tags of a language's morphological analyser (Apertium's) mean to the
    word aligner and the checks."""

    # Content words: what a translation must carry over (nouns, names, lexical verbs, adjectives, …).
    content: frozenset[str] = frozenset()
    # Every verb tag, auxiliaries included.
    verbs: frozenset[str] = frozenset()
    # Auxiliary and modal verbs, which join the lexical verb after them ("will increase").
    auxiliaries: frozenset[str] = frozenset()
    # Adverbs, which may stand between an auxiliary and its verb ("has also said").
    adverbs: frozenset[str] = frozenset()
    # Punctuation tags (never aligned).
    punctuation: frozenset[str] = frozenset()
    # The tags that mark a subject pronoun ("he", "they") and an object pronoun ("him"), if the analyser
    # has them.
    subject_pronoun: str = ""
    object_pronoun: str = ""
    # Adjectives (a word negated by an affix is one: "unprepared"), and the tags of their comparative and
    # superlative forms, which stand for a noun phrase of their own ("the worst of it").
    adjectives: frozenset[str] = frozenset()
    graded: frozenset[str] = frozenset()
    # Tags of ordinal numbers ("second", «segundo»), which modify a noun as adjectives do.
    ordinals: frozenset[str] = frozenset()
    # Modal verbs (always finite: "can", "will"), and words that may begin a subject.
    modals: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    # Nouns, determiners, prepositions, names, and subordinating conjunctions ("if", "because").
    nouns: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    # Tags of given names, which have exonyms (Guillermo → "William", Juan Pablo → "John Paul").
    given_names: frozenset[str] = frozenset()
    subordinators: frozenset[str] = frozenset()
    # Coordinating conjunctions ("and", «pero»), and the tags of relative and interrogative pronouns
    # ("which", "who"), which open a clause that hangs on another.
    coordinators: frozenset[str] = frozenset()
    relatives: frozenset[str] = frozenset()
    # Words that cannot follow an article in place of its noun ("the of").
    not_nouns: frozenset[str] = frozenset()

    # Tags of verb forms that cannot carry a sentence on their own (participles, gerunds, infinitives).
    non_finite: frozenset[str] = frozenset()

    # Parts of speech whose first subtag changes where the word may stand (verb forms: "was founded"
    # vs "founded was"; determiner and pronoun kinds), for the word-order model.
    order_subtags: frozenset[str] = frozenset()
    # Closed word classes (determiners, prepositions, auxiliaries …), whose words the word-order model
    # tells apart one by one.
    closed_classes: frozenset[str] = frozenset()

    # Part-of-speech tag → WordNet's part of speech ("n", "v", "a", "r").
    wordnet: dict[str, str] = field(default_factory=dict)


# Apertium's tagset, shared by its Spanish and English analysers.
APERTIUM_TAGS = AnalyserTags(
    content=frozenset({"n", "np", "vblex", "adj", "adv", "num"}),
    verbs=frozenset({"vblex", "vbser", "vbhaver", "vaux", "vbmod", "vbdo"}),
    auxiliaries=frozenset({"vbser", "vbhaver", "vaux", "vbmod", "vbdo"}),
    adverbs=frozenset({"adv", "preadv"}),
    punctuation=frozenset({"sent", "cm", "lpar", "rpar", "lquest", "guio", "apos", "quot", "lquot", "rquot"}),
    subject_pronoun="subj",
    object_pronoun="obj",
    adjectives=frozenset({"adj"}),
    graded=frozenset({"sup", "comp"}),
    ordinals=frozenset({"ord"}),
    modals=frozenset({"vaux", "vbmod"}),
    subjects=frozenset({"prn", "det", "predet", "np", "n", "num"}),
    nouns=frozenset({"n", "np"}),
    determiners=frozenset({"det"}),
    prepositions=frozenset({"pr"}),
    names=frozenset({"np"}),
    given_names=frozenset({"ant"}),
    subordinators=frozenset({"cnjsub", "cnjadv"}),
    coordinators=frozenset({"cnjcoo"}),
    relatives=frozenset({"rel", "itg"}),
    non_finite=frozenset({"pp", "ger", "inf"}),
    order_subtags=frozenset({"vblex", "vbser", "vbhaver", "vbmod", "vaux", "vbdo", "det", "prn"}),
    closed_classes=frozenset({"det", "pr", "prn", "cnjcoo", "cnjsub", "cnjadv", "vbser", "vbhaver", "vbmod", "vaux",
                              "vbdo", "preadv", "rel", "predet"}),
    not_nouns=frozenset({"pr", "cnjcoo", "cnjsub", "vbser", "vbhaver", "vaux", "vbmod", "vbdo"}),
    wordnet={"n": "n", "vblex": "v", "adj": "a", "adv": "r"},
)


@dataclass(frozen=True)
class MonthCues:
    """For a language that capitalises month names: the ones that are also common words ("may",
    "march"), which count as months only before a day or after one of the ``before`` words."""

    ambiguous: frozenset[str] = frozenset()
    before: frozenset[str] = frozenset()


# Apertium's finite tense tags of the Romance analysers (Spanish, French, Catalan, Galician) → time.
APERTIUM_TENSES = {"pri": "present", "ifi": "past", "pii": "past", "fti": "future", "cni": "conditional",
                   "prs": "subjunctive", "pis": "subjunctive", "fts": "subjunctive", "imp": "imperative"}


@dataclass(frozen=True)
class LanguageResources:
    """One language's lexical facts used by segmentation and checks."""

    code: str
    # Abbreviations that may end a sentence: a split after them is undone only before lower case.
    abbreviations: frozenset[str]
    # Abbreviations that never end a sentence ("Sr.", "EE."): a split after them is always undone.
    abbreviations_never_final: frozenset[str]
    number_words: dict[str, int]
    ordinal_words: dict[str, int]
    months: dict[str, int]
    # Phrases that stand for a number as a whole: the rounds of a cup named by the teams left («octavos de
    # final» = "the last 16"), «media docena». (A part such as «cuartos» alone is no number: "rooms".)
    number_phrases: dict[str, int] = field(default_factory=dict)
    # Collective numerals, which say "about" a number («una decena», «des centaines»): a figure near them in
    # the translation may round them another way ("a dozen"), so they match but are never what was expected.
    collective_numbers: dict[str, int] = field(default_factory=dict)
    # Closing marks of questions and exclamations that the language also opens, with their opening marks
    # ("?" → "¿", "!" → "¡"): an unopened or unclosed one is an error, and a comma may follow a closed one.
    inverted_marks: dict[str, str] = field(default_factory=dict)
    # Capitalised words of three letters or fewer that may end a sentence and are no abbreviation ("War.").
    short_words: frozenset[str] = frozenset()
    # Words whose presence proves a clause has a finite verb even when the tagger is unsure.
    function_words: frozenset[str] = frozenset()
    # Lower-case words that join the capitalised words of a name («Banco de la Nación»).
    name_connectors: frozenset[str] = frozenset()
    # Function words: not content for coverage comparisons (omission, addition).
    stopwords: frozenset[str] = frozenset()
    # Words that cannot end a sentence (articles, prepositions, conjunctions): a truncation cue.
    non_final_words: frozenset[str] = frozenset()
    # Third-person pronouns by grammatical gender: {"f": {...}, "m": {...}} (singular: a plural «ellas»
    # has no English counterpart of its gender).
    gendered_pronouns: dict[str, frozenset[str]] = field(default_factory=dict)
    # Each gendered pronoun's counterpart of the other gender ("he" → "she").
    pronoun_counterparts: dict[str, str] = field(default_factory=dict)
    # Titles and nouns of people whose grammatical gender marks their referent's gender.
    gendered_titles: dict[str, str] = field(default_factory=dict)
    # Determiners that give an epicene title its gender («la canciller», «el fiscal»): word → "f" or "m".
    determiner_genders: dict[str, str] = field(default_factory=dict)
    # Words that join number words into one number ("and" in "two hundred and five", «e» in «vinte e catro»).
    number_connectors: frozenset[str] = frozenset()
    # The language's words for units of measurement ("miles", «kilómetros», "miles per hour") → a unit of
    # pairs/units.py, and what follows a clock time after noon ("pm", "p.m.") or before it, in hours to add.
    unit_words: dict[str, str] = field(default_factory=dict)
    clock_suffixes: dict[str, int] = field(default_factory=dict)
    # Names of currencies, lower case: an amount in brackets naming one after another amount is a
    # conversion for the readers («4.000 Pfund (4.500 Euro)», "17 billion dollars (300 billion crowns)").
    currency_words: frozenset[str] = frozenset()
    # Words for "hours" between the hour and the minutes of a time («11 heures 10», «11 Uhr 10»).
    hour_words: frozenset[str] = frozenset()
    # Times counted back from the hour: the word between an hour and the minutes before it («neuf heures
    # moins vingt», «las nueve menos cuarto»: 8:40, 8:45), the word between minutes and the hour they
    # precede («zwanzig vor neun»), the word for half an hour before the hour («halb elf»: 10:30), and
    # the words for a quarter of an hour.
    clock_minus: frozenset[str] = frozenset()
    clock_minutes_before: frozenset[str] = frozenset()
    clock_half_before: frozenset[str] = frozenset()
    clock_quarter: frozenset[str] = frozenset()
    # Multiplier words for amounts: "millones" → 10**6.
    magnitudes: dict[str, int] = field(default_factory=dict)
    # Set for a language whose month names are capitalised words: a lower-case one is no month.
    month_cues: MonthCues | None = None
    # How the language's letters are spelt where they are not available («ß» → "ss", «ü» → "ue"): a name
    # so spelt in the translation is the source's ("Wuerttemberg"), not a misspelling.
    romanisations: tuple[tuple[str, str], ...] = ()
    # Whether the language writes compounds as one word: number words, month names and names may begin
    # one («zehnmal» = "ten times", «dreijährige» = "three-year-old", «Novemberausgabe» = "the November
    # issue", «Düsseldorfer» = "Düsseldorf's").
    compounds: bool = False
    # Case endings the language puts on names and the adjectives inside them, one exchanged for another
    # between two cases of a name («der Kleine Grasbrook», «des Kleinen Grasbrooks» → "Kleiner Grasbrook").
    name_case_endings: frozenset[str] = frozenset()
    # Endings of ordinal Roman numerals («XIXe siècle», «Ier»).
    roman_ordinal_endings: tuple[str, ...] = ()
    # Whether upper-case Roman numerals count as numbers («siglo XIX»; English "World War II" is a name).
    roman_numerals: bool = False
    # System word lists (one word a line, proper names included), the first ones found are used.
    wordlist_paths: tuple[str, ...] = ()
    # Productive prefixes that make new words of known ones ("re" + "accredited"), which dictionaries lack.
    word_prefixes: tuple[str, ...] = ()
    # Hunspell dictionaries of the language (paths without ``.dic``/``.aff``); any one accepting a word will do.
    hunspell_paths: tuple[str, ...] = ()
    # Counts of the language's word-order class bigrams (a file in pairs/data; XL110's model), if any.
    pos_bigrams: str = ""
    # What the morphological analyser's tags mean.
    analyser: AnalyserTags = APERTIUM_TAGS
    # The language's name in messages ("no Spanish file"), and its other codes in language tags (ISO 639-2:
    # "spa", "fre"/"fra"), which TMX, XLIFF and feeds may use instead of ``code``.
    name: str = ""
    tag_codes: tuple[str, ...] = ()
    # Other names of the language, in itself and in its pairs' languages, as sites put them in links
    # ("/espanol/", "/ingles/"): the feed reader ignores them when it matches links across languages.
    other_names: tuple[str, ...] = ()
    # Whether adjectives follow their noun («el éxodo venezolano»), so that a sentence starting with one
    # right after a noun is the noun phrase split in two («el éxodo. Venezolano»).
    adjective_after_noun: bool = False
    # Whether finite verbs carry their subject, so that subject pronouns are usually dropped («dijo»).
    pro_drop: bool = False
    # Whether the language writes every word of a multiword name with a capital ("Volkswagen Golf",
    # "Bella Center"; Spanish writes «el hotel Ritz», «los sunitas»): a name word copied in lower case is
    # then a case error.
    capitalises_name_words: bool = False
    # Whether WordNet describes the language's words (synonyms, antonyms).
    wordnet: bool = False
    # How the language negates, and how its verbs mark tense and mood (see pairs/grammar.py).
    negation: Negation = field(default_factory=Negation)
    verbs: Verbs = field(default_factory=Verbs)

    @property
    def wordlist(self) -> frozenset[str]:
        """Lower-cased words of the language's system word lists (empty when none is installed)."""
        return _load_wordlist(self.wordlist_paths)


@dataclass(frozen=True)
class Calque:
    """A literal rendering common in one direction, with its idiomatic fix."""

    pattern: str
    fix: str
    note: str


@dataclass(frozen=True)
class OfficialTitle:
    """An office in the source language and its accepted rendering(s) in the target language."""

    country: str
    source: str
    accepted: tuple[str, ...]
    wrong: tuple[str, ...]


@dataclass(frozen=True)
class ApertiumData:
    """What Apertium gives a pair; each part may be missing, and the checks that need it are then off.

    Analysers are named by the path of their files without the suffix (``<path>.automorf.bin`` and
    the tagger's ``<path>.prob``). Translation runs the modes in turn (a pivot: French → Spanish →
    English); the bilingual dictionaries are looked up in turn the same way.
    """

    # Debian packages the data comes from (the install hint, and the version in the cache key).
    packages: tuple[str, ...] = ()
    translation: tuple[str, ...] = ()
    source_analyser: str = ""
    target_analyser: str = ""
    # Compiled bilingual dictionaries (``.autobil.bin``): source lemma → target lemmas, and back.
    source_dictionaries: tuple[str, ...] = ()
    target_dictionaries: tuple[str, ...] = ()

    def reversed(self, translation: tuple[str, ...]) -> ApertiumData:
        """The same data for the other direction, which translates with the modes ``translation``."""
        return ApertiumData(self.packages, translation, self.target_analyser, self.source_analyser,
                            self.target_dictionaries, self.source_dictionaries)


@dataclass(frozen=True)
class LanguagePair:
    """A translation direction and all of its resources."""

    name: str
    source: LanguageResources
    target: LanguageResources
    apertium: ApertiumData = field(default_factory=ApertiumData)
    # Expected target/source length in characters (the median of the dev set's clean tune items: 0.917
    # for Spanish → English, 0.897 from French, 0.905 from German); the aligner and the checks of
    # length compare with it.
    length_ratio: float = 1.0
    calques_file: str | None = None
    titles_file: str | None = None
    # Country code → source-language words that place an office in that country («estadounidense»).
    country_cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # (source ending, target ending) of adjectives that keep their stem across the pair
    # («Hidrometeorológico» → "Hydrometeorological"): translated words, not misspelt names.
    adjective_endings: tuple[tuple[str, str], ...] = ()
    # Spelling conventions by which the target transliterates names differently from the source (target
    # spelling, source spelling): «Jamenei» / "Khamenei" is ("kh", "j"); a name that differs only so
    # is the source's, not a misspelling.
    name_spellings: tuple[tuple[str, str], ...] = ()
    # (source, target) final letters by which place names change across the pair («Palestina» →
    # "Palestine"); a change not listed («Curro» → "Curra") is a misspelling.
    exonym_final_letters: frozenset[tuple[str, str]] = frozenset()
    # Per check, (raw confidence, probability that the finding is a real defect) points fitted by
    # scripts/calibrate.py on the dev set's tune fold; a check not in it keeps its raw confidence.
    calibration_file: str | None = None

    def calibrated(self, code: str, raw: float) -> float:
        """The probability that a finding of ``code`` with confidence ``raw`` is a real defect."""
        points = _load_calibration(self.calibration_file).get(code) if self.calibration_file else None
        return interpolate(points, raw) if points else raw

    @property
    def calques(self) -> tuple[Calque, ...]:
        return _load_calques(self.calques_file) if self.calques_file else ()

    @property
    def titles(self) -> tuple[OfficialTitle, ...]:
        return _load_titles(self.titles_file) if self.titles_file else ()


def _read_data_rows(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file shipped in ``xlate/pairs/data`` (``#`` lines are comments)."""
    text = importlib_resources.files("xlate.pairs").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def _load_calques(name: str) -> tuple[Calque, ...]:
    return tuple(Calque(r["pattern"], r["fix"], r["note"]) for r in _read_data_rows(name))


@cache
def _load_titles(name: str) -> tuple[OfficialTitle, ...]:
    def split(value: str) -> tuple[str, ...]:
        return tuple(v.strip() for v in (value or "").split("|") if v.strip())

    return tuple(
        OfficialTitle(r["country"], r["source"], split(r["accepted"]), split(r["wrong"]))
        for r in _read_data_rows(name)
    )


@cache
def _load_calibration(name: str) -> dict[str, list[tuple[float, float]]]:
    table: dict[str, list[tuple[float, float]]] = {}
    for row in _read_data_rows(name):
        table.setdefault(row["code"], []).append((float(row["raw"]), float(row["probability"])))
    return {code: sorted(points) for code, points in table.items()}


def interpolate(points: list[tuple[float, float]], x: float) -> float:
    """The piecewise-linear function through ``points`` (sorted by x) at ``x``, flat beyond the ends."""
    at = bisect.bisect_left(points, (x, -1.0))
    if at == 0:
        return points[0][1]
    if at == len(points):
        return points[-1][1]
    (x0, y0), (x1, y1) = points[at - 1], points[at]
    return y0 + (y1 - y0) * (x - x0) / (x1 - x0) if x1 > x0 else y1


@cache
def read_bigram_counts(name: str) -> dict[tuple[str, str], int]:
    """Bigram counts from a data file of ``first, second, count`` rows (empty when it is missing)."""
    try:
        rows = _read_data_rows(name)
    except FileNotFoundError:
        return {}
    return {(r["first"], r["second"]): int(r["count"]) for r in rows}


@cache
def _load_wordlist(paths: tuple[str, ...]) -> frozenset[str]:
    found: set[str] = set()
    for path in paths:
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                found.update(line.strip().lower() for line in handle if line.strip())
        except OSError:
            continue
    return frozenset(found)


# The pair a run checks when none is named.
DEFAULT_PAIR = "es-en"
# The pairs xlate ships: name → (module, attribute), imported on first use.
PAIR_MODULES = {"es-en": ("xlate.pairs.es_en", "ES_EN"), "en-es": ("xlate.pairs.en_es", "EN_ES"),
                "fr-en": ("xlate.pairs.fr_en", "FR_EN"),
                "de-en": ("xlate.pairs.de_en", "DE_EN"), "ca-en": ("xlate.pairs.ca_en", "CA_EN"),
                "gl-en": ("xlate.pairs.gl_en", "GL_EN")}
_REGISTERED: dict[str, LanguagePair] = {}


def register_pair(pair: LanguagePair) -> None:
    """Make ``pair`` available by its name: a direction defined outside xlate's own modules."""
    _REGISTERED[pair.name] = pair


def pair_names() -> list[str]:
    return [*PAIR_MODULES, *(name for name in _REGISTERED if name not in PAIR_MODULES)]


def get_pair(name: str) -> LanguagePair:
    """The pair called ``name`` (e.g. ``es-en``)."""
    if name in _REGISTERED:
        return _REGISTERED[name]
    if name not in PAIR_MODULES:
        raise ConfigError(f"unknown language pair {name!r} (available: {', '.join(pair_names())})")
    module, attribute = PAIR_MODULES[name]
    pair: LanguagePair = getattr(importlib.import_module(module), attribute)
    return pair
