"""German → English resources.

Neither Debian nor a pivot gives Apertium German: this pair has no pseudo-reference and no German
analysis. The checks that read the English side alone run (with Apertium's English analyser), and
so do those of numbers, names, punctuation, repetition and the embedding-based alignment; the
meaning checks that need the source analysed are off.
"""

from __future__ import annotations

from xlate.pairs import ApertiumData, LanguagePair, LanguageResources
from xlate.pairs.english import ENGLISH
from xlate.pairs.es_en import ENG_SPA, EXONYM_FINAL_LETTERS

_DE_NUMBERS = {
    "null": 0, "eins": 1, "ein": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
    "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20,
    "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
    "hundert": 100, "tausend": 1000, "dutzend": 12, "zwei dutzend": 24,
}
_DE_ORDINALS = {
    "erste": 1, "erster": 1, "ersten": 1, "zweite": 2, "zweiter": 2, "zweiten": 2, "dritte": 3, "dritter": 3,
    "dritten": 3, "vierte": 4, "vierten": 4, "fünfte": 5, "fünften": 5, "sechste": 6, "sechsten": 6,
    "siebte": 7, "siebten": 7, "achte": 8, "achten": 8, "neunte": 9, "neunten": 9, "zehnte": 10, "zehnten": 10,
}
_DE_MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}

GERMAN = LanguageResources(
    code="de",
    hour_words=frozenset({"uhr"}),
    clock_minutes_before=frozenset({"vor"}),
    clock_half_before=frozenset({"halb"}),
    clock_quarter=frozenset({"viertel"}),
    currency_words=frozenset({"bolívar", "dinar", "dirham", "dollar", "dollars", "euro", "euros", "forint",
        "franken", "krone", "kronen", "lira", "peso", "pesos", "pfund", "rand", "real", "renminbi", "rubel",
        "rupie", "rupien", "schekel", "taka", "yen", "yuan", "zloty"}),
    unit_words={
        "kilometer": "km", "kilometern": "km", "stundenkilometer": "km/h", "kilometer pro stunde": "km/h",
        "meter": "m", "metern": "m", "zentimeter": "cm", "meilen": "mi", "seemeilen": "nmi", "fuß": "ft",
        "kilogramm": "kg", "kilo": "kg", "tonnen": "t", "pfund": "lb", "grad": "c", "grad celsius": "c",
        "grad fahrenheit": "f", "hektar": "ha", "quadratkilometer": "km2", "knoten": "kn", "liter": "l",
        "litern": "l", "gallonen": "gal", "prozent": "%",
    },
    name="German",
    tag_codes=("deu", "ger"),
    other_names=("deutsch",),
    abbreviations=frozenset({"etc.", "usw.", "bzw.", "ca.", "evtl.", "ggf.", "inkl.", "vgl.", "Jh.", "Mio.", "Mrd.",
                             "z. B.", "z.B.", "u. a.", "u.a.", "d. h.", "d.h.", "v. a.", "v.a.", "o. ä."}),
    abbreviations_never_final=frozenset({
        "Dr.", "Prof.", "Nr.", "Hr.", "Fr.", "St.", "Str.", "Abs.", "Art.", "S.", "Bd.", "Gen.", "Min.",
        "z.", "u.", "d.", "v.", "Mr.", "Mrs.",
    }),
    number_words=_DE_NUMBERS,
    number_connectors=frozenset({"und"}),
    ordinal_words=_DE_ORDINALS,
    months=_DE_MONTHS,
    compounds=True,
    name_case_endings=frozenset({"e", "em", "en", "er", "es"}),  # the strong and weak adjective endings
    hunspell_paths=("/usr/share/hunspell/de_DE",),  # hunspell-de-de
    romanisations=(("ß", "ss"), ("ä", "ae"), ("ö", "oe"), ("ü", "ue")),
    stopwords=frozenset(
        "der die das den dem des ein eine einer einen einem eines und oder aber sondern denn dass daß ob wenn "
        "weil als wie zu zum zur im in am an auf aus bei mit nach von vor für über unter durch gegen ohne um "
        "bis seit es er sie wir ihr ich du man sich sein seine ihre ihren ihrem ist sind war waren wird werden "
        "wurde wurden hat haben hatte hatten nicht auch noch schon nur so sehr mehr dies diese dieser dieses"
        .split()
    ),
    name_connectors=frozenset({"von", "der", "die", "des", "und", "für", "zu", "van", "de"}),
    magnitudes={"tausend": 10**3, "million": 10**6, "millionen": 10**6, "mio.": 10**6, "milliarde": 10**9,
                "milliarden": 10**9, "mrd.": 10**9, "billion": 10**12, "billionen": 10**12},
)

# How German and English transliterate the same name from Cyrillic, Arabic or Turkish (Duden against
# the English conventions: «Jelzin» / "Yeltsin", «Medwedew» / "Medvedev", «Janukowitsch» /
# "Yanukovych", «Chodorkowski» / "Khodorkovsky", «Aserbaidschan» / "Azerbaijan", «Mahmud» /
# "Mahmoud"), applied in this order to both names. Checked on 35 well-known names, none from the dev
# sets: 29 come out the same, some with the source's case ending («Talyschen» / "Talysh"); the
# vowels of «Gorbatschow» / "Gorbachev" and «Tschetschenien» / "Chechnya" do not.
NAME_SPELLINGS = (("tsch", "ch"), ("sch", "sh"), ("dsh", "j"), ("kh", "ch"), ("w", "v"), ("j", "y"), ("z", "s"),
                  ("ts", "s"), ("y", "i"), ("ii", "i"), ("ph", "f"), ("ou", "u"), ("sh", "s"))

DE_EN = LanguagePair(
    name="de-en",
    calibration_file="calibration_de_en.tsv",
    name_spellings=NAME_SPELLINGS,
    # the Spanish table, which German place names follow closely enough (not measured apart)
    exonym_final_letters=EXONYM_FINAL_LETTERS,
    source=GERMAN,
    target=ENGLISH,
    length_ratio=0.9,
    apertium=ApertiumData(packages=("apertium-eng-spa",), target_analyser=f"{ENG_SPA}/eng-spa"),
)
