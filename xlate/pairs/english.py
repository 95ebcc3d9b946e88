"""English: the target language of every pair so far."""

from __future__ import annotations

from xlate.pairs import LanguageResources, MonthCues
from xlate.pairs.grammar import Negation, Verbs

_EN_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "thousand": 1000, "dozen": 12, "twenty-one": 21, "twenty-two": 22,
    "twenty-three": 23, "twenty-four": 24, "twenty-five": 25,
}
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}
_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
}

_EN_NEGATION = Negation(
    negators=frozenset({"not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor", "nowhere",
                        "no one", "cannot"}),
    concord=frozenset({"nor"}),
    fixed=(r"no matter", r"no doubt", r"\ba (?:little|few)\b", r"not least", r"none other", r"not to mention",
           r"\bor not\b", r"no sooner",
           r"\b(?:not|\w+n't)\s+(?:only|just|merely|simply)\b",
           r"\b(?:if|were) it (?:were|was|had|had been)?\s*not for\b", r"\bif it hadn't been for\b",
           r"\b(?:no|nothing|none)\b(?:\s+\w+)?\s+(?:but|except)\b",
           r"\b\w+n't\s+(?:i|you|he|she|it|we|they|there)\s*\?"),  # a question tag: ", don't they?"
    # "no-" begins a compound ("a no-brainer", "a no-excuses attitude"): it negates no clause, but may
    # render a source negation, like «sin».
    approximate=(r"\bno-\w", r"\b(?:almost|nearly|virtually|practically) (?:no|none|nothing|nobody|no one|never)\b",
                 r"\bhardly (?:any|ever)\b",
                 # "far from dead" is not dead; "keep prices from rising" stops them rising
                 r"\bfar from\b", r"\b(?:keep|keeps|kept|keeping)\b[^.;:,]{0,25}?\bfrom\b"),
    scope_words=frozenset({"without", "hardly", "barely", "little", "few", "scarcely"}),
    verbs=frozenset({"deny", "refuse", "fail", "reject", "lack", "decline", "avoid", "prevent", "stop", "cease",
                     "object", "conflict", "withdraw", "ban", "prohibit", "forbid", "miss", "oppose", "doubt",
                     "exclude", "dismiss", "halt", "veto", "abstain", "withhold", "ignore", "omit", "forget",
                     "neglect", "refrain", "disagree", "deprive", "rule out"}),
    prefixes=("un", "in", "im", "il", "ir", "dis", "non"),
    suffixes=("less",),
)
_EN_VERBS = Verbs(
    tenses={"pres": "present", "pri": "present", "past": "past", "imp": "imperative"},
    person=frozenset({"p1", "p2", "p3"}),
    verb_subordinators=frozenset({"that", "as", "than", "so", "nor", "neither"}),
    complementizers=frozenset({"that"}),
    exhortatives=frozenset({"let"}),
    articles=frozenset({"the", "a", "an"}),
    imperative_auxiliaries=frozenset({"do"}),
    future=frozenset({"will", "shall"}),
    conditional=frozenset({"would"}),
    perfect="have",
    progressive="be",
    going_to=("go", "to"),
    going_to_gerund=True,
    modals=frozenset({"can", "could", "may", "might", "must", "should", "ought"}),
    reporting=frozenset({"say", "tell", "add", "explain", "state", "note", "claim", "insist", "argue", "warn",
                         "stress", "announce", "report", "write", "comment", "declare", "assert", "indicate",
                         "maintain"}),
    subject_only=frozenset({"i", "he", "she", "we", "they"}),
    clause_subjects=frozenset({"it", "you"}),
    auxiliary_next_to_verb=True,
)

ENGLISH = LanguageResources(
    capitalises_name_words=True,
    code="en",
    currency_words=frozenset({"bolivar", "bolivars", "crown", "crowns", "dinar", "dinars", "dirham", "dirhams",
        "dollar", "dollars", "euro", "euros", "forint", "forints", "franc", "francs", "koruna", "krona",
        "krone", "kroner", "kronor", "lira", "lire", "peso", "pesos", "pound", "pounds", "rand", "reais",
        "real", "renminbi", "rouble", "roubles", "ruble", "rubles", "rupee", "rupees", "shekel", "shekels",
        "sterling", "taka", "yen", "yuan", "zloty", "zlotys"}),
    unit_words={
        "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "miles": "mi", "mile": "mi",
        "nautical miles": "nmi", "metres": "m", "meters": "m", "metre": "m", "meter": "m", "feet": "ft", "foot": "ft",
        "yards": "yd", "yard": "yd", "inches": "in", "inch": "in", "centimetres": "cm", "centimeters": "cm",
        "kilograms": "kg", "kilogrammes": "kg", "kilogram": "kg", "kilos": "kg", "kilo": "kg", "pounds": "lb",
        "pound": "lb", "ounces": "oz", "tonnes": "t", "tonne": "t", "degrees fahrenheit": "f", "fahrenheit": "f",
        "degrees celsius": "c", "celsius": "c", "centigrade": "c", "hectares": "ha", "hectare": "ha",
        "acres": "acre", "acre": "acre", "square miles": "sqmi", "square kilometres": "km2",
        "square kilometers": "km2", "miles per hour": "mph", "miles an hour": "mph", "kilometres per hour": "km/h",
        "kilometers per hour": "km/h", "kilometres an hour": "km/h", "kilometers an hour": "km/h", "knots": "kn",
        "gallons": "gal", "litres": "l", "liters": "l", "per cent": "%", "percent": "%",
    },
    clock_suffixes={"pm": 12, "p.m.": 12, "am": 0, "a.m.": 0},
    name="English",
    tag_codes=("eng",),
    short_words=frozenset({"Yes", "Now", "Too", "Him", "Her", "Air", "War", "Day", "Law", "Sea", "Act", "Art"}),
    other_names=("inglés", "ingles", "anglais", "anglès", "englisch"),
    abbreviations=frozenset({
        "a.m.", "p.m.", "etc.", "No.", "approx.", "U.S.", "U.K.", "Inc.", "Ltd.", "Co.", "Corp.", "Bros.",
        # AP style months
        "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
        # AP style US states
        "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.",
        "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "Okla.",
        "Ore.", "Pa.", "Tenn.", "Tex.", "Va.", "Vt.", "Wash.", "Wis.", "Wyo.", "N.J.", "N.Y.", "D.C.",
    }),
    abbreviations_never_final=frozenset({
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.", "Sgt.",
        "St.", "Mt.", "Jr.", "Sr.", "vs.", "e.g.", "i.e.", "EE.", "Jan.", "Feb.", "Aug.", "Sept.", "Sep.",
        "Oct.", "Nov.", "Dec.",
    }),
    number_words=_EN_NUMBERS,
    number_phrases={"half a dozen": 6},
    number_connectors=frozenset({"and"}),
    ordinal_words=_EN_ORDINALS,
    months=_EN_MONTHS,
    month_cues=MonthCues(ambiguous=frozenset({"may"}), before=frozenset({
        "in", "of", "on", "since", "until", "by", "from", "last", "next", "early", "late", "mid", "this"})),
    stopwords=frozenset(
        "the a an of to in on at for with by from and or but that which who is are was were be been has have had "
        "will would can could may might must it its this these those as than not no so he she they we i you his "
        "her their our my your him them us me also there here into about after before over under more most such"
        .split()
    ),
    non_final_words=frozenset({  # prepositions are left out: they end phrasal verbs ("sworn in")
        "the", "a", "an", "of", "and", "or", "nor", "but", "because", "although", "whose",
        "its", "their", "my", "your", "our", "between", "among", "during", "than", "every", "each",
        "very", "whether", "if",
    }),
    pronoun_counterparts={"he": "she", "him": "her", "his": "her", "himself": "herself", "she": "he",
                          "her": "his", "hers": "his", "herself": "himself"},
    gendered_pronouns={
        "f": frozenset({"she", "her", "hers", "herself"}),
        "m": frozenset({"he", "him", "his", "himself"}),
    },
    wordnet=True,
    negation=_EN_NEGATION,
    verbs=_EN_VERBS,
    wordlist_paths=(  # Debian wamerican-large and wbritish-large
        "/usr/share/dict/american-english-large", "/usr/share/dict/british-english-large",
    ),
    magnitudes={"thousand": 10**3, "million": 10**6, "millions": 10**6, "billion": 10**9,
                "billions": 10**9, "trillion": 10**12},
    hunspell_paths=("/usr/share/hunspell/en_US", "/usr/share/hunspell/en_GB"),  # hunspell-en-us, -en-gb
    pos_bigrams="pos_bigrams_en.tsv",
    word_prefixes=("anti", "co", "counter", "cross", "de", "dis", "inter", "macro", "mega", "micro", "mini", "mis",
                   "multi", "non", "out", "over", "post", "pre", "re", "semi", "sub", "super", "trans", "un",
                   "under"),
)
