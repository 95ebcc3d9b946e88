"""Catalan → English resources (Debian apertium-eng-cat: translation, both analysers, dictionaries)."""

from __future__ import annotations

from xlate.pairs import APERTIUM_TENSES, ApertiumData, LanguagePair, LanguageResources
from xlate.pairs.english import ENGLISH
from xlate.pairs.es_en import EXONYM_FINAL_LETTERS, NAME_SPELLINGS
from xlate.pairs.grammar import Negation, Verbs

ENG_CAT = "/usr/share/apertium/apertium-eng-cat"

_CA_NUMBERS = {
    "zero": 0, "un": 1, "una": 1, "dos": 2, "dues": 2, "tres": 3, "quatre": 4, "cinc": 5, "sis": 6, "set": 7,
    "vuit": 8, "nou": 9, "deu": 10, "onze": 11, "dotze": 12, "tretze": 13, "catorze": 14, "quinze": 15,
    "setze": 16, "disset": 17, "divuit": 18, "dinou": 19, "vint": 20, "trenta": 30, "quaranta": 40,
    "cinquanta": 50, "seixanta": 60, "setanta": 70, "vuitanta": 80, "noranta": 90, "cent": 100, "mil": 1000,
    "dotzena": 12,
}
_CA_COLLECTIVES = {
    "dotzenes": 12, "desena": 10, "desenes": 10, "vintena": 20, "trentena": 30, "centenar": 100, "centenars": 100,
    "miler": 1000, "milers": 1000,
}
_CA_NUMBER_PHRASES = {"vuitens de final": 16, "quarts de final": 8, "mitja dotzena": 6}
_CA_ORDINALS = {
    "primer": 1, "primera": 1, "segon": 2, "segona": 2, "tercer": 3, "tercera": 3, "quart": 4, "quarta": 4,
    "cinquè": 5, "cinquena": 5, "sisè": 6, "sisena": 6, "setè": 7, "setena": 7, "vuitè": 8, "vuitena": 8,
    "novè": 9, "novena": 9, "desè": 10, "desena": 10,
}
_CA_MONTHS = {
    "gener": 1, "febrer": 2, "març": 3, "abril": 4, "maig": 5, "juny": 6, "juliol": 7, "agost": 8,
    "setembre": 9, "octubre": 10, "novembre": 11, "desembre": 12,
}

# «cap» ("no" before a noun, but also "head", "towards") and «pas» are left out of the negators.
_CA_NEGATION = Negation(
    negators=frozenset({"no", "mai", "ningú", "res", "gens", "tampoc", "ni"}),
    concord=frozenset({"mai", "ningú", "res", "gens", "tampoc", "ni", "cap"}),
    fixed=(r"\bno obstant\b", r"\bno (?:només|sols|solament|únicament)\b", r"\bo no\b(?=\s*[?,.])",
           r"\bno\b(?:(?!\bno\b)[^,;:.])*?\bmés que\b"),
    approximate=(r"\bgairebé (?:res|ningú|mai|cap|no)\b",),
    scope_words=frozenset({"sense", "poc", "amb prou feines"}),
    corrective=frozenset({"sinó"}),
    verbs=frozenset({"negar", "rebutjar", "refusar", "impedir", "evitar", "prohibir", "mancar", "faltar", "fallar",
                     "cessar", "excloure", "descartar", "dubtar", "abstenir", "oposar", "vetar", "desmentir",
                     "ignorar", "ometre", "oblidar", "renunciar", "incomplir"}),
    prefixes=("in", "im", "ir", "il", "des"),
)
# The periphrastic past «va dir» ("said") is anar + infinitive: the tense check reads «va» as a
# present and so never takes it for a contradiction of a past.
_CA_VERBS = Verbs(
    tenses=APERTIUM_TENSES,
    perfective=frozenset({"ifi"}),
    perfect="haver",
    progressive="estar",
    modals=frozenset({"poder", "deure", "soler"}),
    reporting=frozenset({"dir", "afirmar", "assegurar", "explicar", "afegir", "assenyalar", "indicar", "declarar",
                         "comentar", "sostenir", "advertir", "subratllar", "destacar", "manifestar", "precisar",
                         "apuntar", "expressar", "informar", "anunciar", "escriure"}),
)

CATALAN = LanguageResources(
    code="ca",
    hour_words=frozenset({"hores", "hora", "h"}),
    currency_words=frozenset({"bolívar", "bolívars", "corona", "corones", "dinar", "dinars", "dírham",
        "dírhams", "dòlar", "dòlars", "euro", "euros", "franc", "francs", "ien", "iuan", "lira", "lires",
        "lliura", "lliures", "peso", "pesos", "rand", "real", "reals", "ruble", "rubles", "rupia", "rupies",
        "taka", "zloty"}),
    unit_words={
        "quilòmetres": "km", "quilòmetre": "km", "quilòmetres per hora": "km/h", "metres": "m", "metre": "m",
        "centímetres": "cm", "milles": "mi", "peus": "ft", "quilos": "kg", "quilograms": "kg", "tones": "t",
        "lliures": "lb", "graus": "c", "hectàrees": "ha", "hectàrea": "ha", "quilòmetres quadrats": "km2",
        "nusos": "kn", "litres": "l", "per cent": "%",
    },
    name="Catalan",
    tag_codes=("cat",),
    other_names=("català", "catala"),
    abbreviations=frozenset({"etc.", "núm.", "pàg.", "aprox.", "art.", "p."}),
    abbreviations_never_final=frozenset({
        "Sr.", "Sra.", "Srta.", "Dr.", "Dra.", "St.", "Sta.", "Av.", "Pl.", "c/.", "Mr.", "Mrs.", "Hble.", "Excm.",
        "Excma.",
    }),
    number_words=_CA_NUMBERS,
    number_phrases=_CA_NUMBER_PHRASES,
    collective_numbers=_CA_COLLECTIVES,
    number_connectors=frozenset({"i"}),
    ordinal_words=_CA_ORDINALS,
    months=_CA_MONTHS,
    determiner_genders={"la": "f", "el": "m", "una": "f", "un": "m", "del": "m", "al": "m"},
    # Only the stressed forms: the clitics «el», «la» stand for things as often as for people.
    gendered_pronouns={"f": frozenset({"ella"}), "m": frozenset({"ell"})},
    gendered_titles={
        "consellera": "f", "conseller": "m", "ministra": "f", "ministre": "m", "presidenta": "f", "president": "m",
        "alcaldessa": "f", "alcalde": "m", "regidora": "f", "regidor": "m", "diputada": "f", "diputat": "m",
        "directora": "f", "director": "m", "portaveu": "", "senyora": "f", "senyor": "m", "sra.": "f", "sr.": "m",
        "la": "f", "el": "m", "dona": "f", "home": "m", "mare": "f", "pare": "m", "filla": "f", "fill": "m",
        "jutgessa": "f", "jutge": "m", "advocada": "f", "advocat": "m",
    },
    roman_numerals=True,
    pro_drop=True,
    adjective_after_noun=True,
    stopwords=frozenset(
        "el la els les l un una uns unes de del dels d a al als en amb per sense sobre entre fins des cap segons "
        "i o ni però sinó que qui quin quina on si no se es s em et li ens us seu seva seus seves aquest aquesta "
        "aquests aquestes aquell aquella també ja més menys molt tan així encara només gairebé bé ser estar "
        "haver és són va van ha han hi ho"
        .split()
    ),
    negation=_CA_NEGATION,
    verbs=_CA_VERBS,
    name_connectors=frozenset({"de", "del", "dels", "la", "les", "els", "el", "i", "d'", "d"}),
    magnitudes={"mil": 10**3, "milió": 10**6, "milions": 10**6, "miliard": 10**9, "miliards": 10**9,
                "bilió": 10**12, "bilions": 10**12},
)

CA_EN = LanguagePair(
    name="ca-en",
    # the Spanish tables, which these names follow closely enough (not measured apart)
    name_spellings=NAME_SPELLINGS,
    exonym_final_letters=EXONYM_FINAL_LETTERS,
    source=CATALAN,
    target=ENGLISH,
    # Not measured (no Catalan dev set): Spanish's ratio, the closest measured direction.
    length_ratio=0.92,
    apertium=ApertiumData(
        packages=("apertium-eng-cat",),
        translation=("cat-eng",),
        source_analyser=f"{ENG_CAT}/cat-eng",
        target_analyser=f"{ENG_CAT}/eng-cat",
        source_dictionaries=(f"{ENG_CAT}/cat-eng.autobil.bin",),
        target_dictionaries=(f"{ENG_CAT}/eng-cat.autobil.bin",),
    ),
    adjective_endings=(("ic", "ic"), ("ica", "ic"), ("ic", "ical"), ("ica", "ical"), ("à", "an"), ("ana", "an"),
                       ("al", "al"), ("iu", "ive"), ("iva", "ive")),
)
