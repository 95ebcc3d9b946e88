"""Galician → English resources (Debian apertium-en-gl: translation, both analysers, dictionaries)."""

from __future__ import annotations

from xlate.pairs import APERTIUM_TENSES, ApertiumData, LanguagePair, LanguageResources
from xlate.pairs.english import ENGLISH
from xlate.pairs.es_en import EXONYM_FINAL_LETTERS, NAME_SPELLINGS
from xlate.pairs.grammar import Negation, Verbs

EN_GL = "/usr/share/apertium/apertium-en-gl"

_GL_NUMBERS = {
    "cero": 0, "un": 1, "unha": 1, "dous": 2, "dúas": 2, "tres": 3, "catro": 4, "cinco": 5, "seis": 6, "sete": 7,
    "oito": 8, "nove": 9, "dez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dezaseis": 16, "dezasete": 17, "dezaoito": 18, "dezanove": 19, "vinte": 20, "trinta": 30, "corenta": 40,
    "cincuenta": 50, "sesenta": 60, "setenta": 70, "oitenta": 80, "noventa": 90, "cen": 100, "cento": 100,
    "douscentos": 200, "duascentas": 200, "trescentos": 300, "trescentas": 300, "catrocentos": 400,
    "cincocentos": 500, "quiñentos": 500, "mil": 1000, "ducia": 12,
}
_GL_COLLECTIVES = {
    "ducias": 12, "decena": 10, "decenas": 10, "vintena": 20, "centenar": 100, "centenares": 100, "milleiro": 1000,
    "milleiros": 1000,
}
_GL_NUMBER_PHRASES = {"oitavos de final": 16, "cuartos de final": 8, "media ducia": 6}
_GL_ORDINALS = {
    "primeiro": 1, "primeira": 1, "segundo": 2, "segunda": 2, "terceiro": 3, "terceira": 3, "cuarto": 4,
    "cuarta": 4, "quinto": 5, "quinta": 5, "sexto": 6, "sexta": 6, "sétimo": 7, "sétima": 7, "oitavo": 8,
    "oitava": 8, "noveno": 9, "novena": 9, "décimo": 10, "décima": 10,
}
_GL_MONTHS = {
    "xaneiro": 1, "febreiro": 2, "marzo": 3, "abril": 4, "maio": 5, "xuño": 6, "xullo": 7, "agosto": 8,
    "setembro": 9, "outubro": 10, "novembro": 11, "decembro": 12,
}

_GL_NEGATION = Negation(
    negators=frozenset({"non", "nunca", "xamais", "tampouco", "ninguén", "nada", "ningún", "ningunha", "nin"}),
    concord=frozenset({"nunca", "xamais", "tampouco", "ninguén", "nada", "ningún", "ningunha", "nin"}),
    fixed=(r"\bnon obstante\b", r"\bnon (?:só|soamente|unicamente)\b", r"\bou non\b(?=\s*[?,.])",
           r"\ba non ser que\b", r"\bnon\b(?:(?!\bnon\b)[^,;:.])*?\bmáis que\b"),
    approximate=(r"\bcase (?:nada|ninguén|ningún|ningunha|nunca|non)\b",),
    scope_words=frozenset({"sen", "pouco", "apenas"}),
    corrective=frozenset({"senón"}),
    verbs=frozenset({"negar", "rexeitar", "refusar", "impedir", "evitar", "prohibir", "carecer", "faltar", "fallar",
                     "cesar", "excluír", "descartar", "dubidar", "absterse", "opoñer", "vetar", "desmentir",
                     "ignorar", "omitir", "esquecer", "renunciar", "incumprir"}),
    prefixes=("in", "im", "ir", "il", "des"),
)
_GL_VERBS = Verbs(
    tenses=APERTIUM_TENSES,
    perfective=frozenset({"ifi"}),
    perfect="haber",
    progressive="estar",
    modals=frozenset({"poder", "deber", "soer"}),
    reporting=frozenset({"dicir", "afirmar", "asegurar", "explicar", "engadir", "sinalar", "indicar", "declarar",
                         "comentar", "manter", "advertir", "subliñar", "destacar", "manifestar", "precisar",
                         "apuntar", "expresar", "informar", "anunciar", "escribir"}),
)

GALICIAN = LanguageResources(
    code="gl",
    hour_words=frozenset({"horas", "hora", "h"}),
    clock_minus=frozenset({"menos"}),
    clock_quarter=frozenset({"cuarto"}),
    currency_words=frozenset({"bolívar", "bolívares", "coroa", "coroas", "dinar", "dinares", "dírham",
        "dírhams", "dólar", "dólares", "euro", "euros", "franco", "francos", "ien", "iuan", "libra", "libras",
        "lira", "liras", "peso", "pesos", "rand", "reais", "real", "rublo", "rublos", "rupia", "rupias",
        "taka", "zloty"}),
    unit_words={
        "quilómetros": "km", "quilómetro": "km", "quilómetros por hora": "km/h", "metros": "m", "metro": "m",
        "centímetros": "cm", "millas": "mi", "pés": "ft", "quilos": "kg", "quilogramos": "kg", "toneladas": "t",
        "libras": "lb", "graos": "c", "hectáreas": "ha", "hectárea": "ha", "quilómetros cadrados": "km2",
        "nós": "kn", "litros": "l", "por cento": "%",
    },
    name="Galician",
    tag_codes=("glg",),
    other_names=("galego",),
    abbreviations=frozenset({"etc.", "núm.", "páx.", "aprox.", "art.", "p."}),
    abbreviations_never_final=frozenset({
        "Sr.", "Sra.", "Srta.", "Dr.", "Dra.", "St.", "Sta.", "Av.", "Avda.", "Pza.", "Mr.", "Mrs.", "Excmo.",
        "Excma.",
    }),
    number_words=_GL_NUMBERS,
    number_phrases=_GL_NUMBER_PHRASES,
    collective_numbers=_GL_COLLECTIVES,
    number_connectors=frozenset({"e"}),
    ordinal_words=_GL_ORDINALS,
    months=_GL_MONTHS,
    determiner_genders={"a": "f", "o": "m", "unha": "f", "un": "m", "da": "f", "do": "m", "á": "f", "ao": "m"},
    # Only the stressed forms: the clitics «o», «a» stand for things as often as for people.
    gendered_pronouns={"f": frozenset({"ela"}), "m": frozenset({"el"})},
    gendered_titles={
        "conselleira": "f", "conselleiro": "m", "ministra": "f", "ministro": "m", "presidenta": "f",
        "presidente": "m", "alcaldesa": "f", "alcalde": "m", "concelleira": "f", "concelleiro": "m",
        "deputada": "f", "deputado": "m", "directora": "f", "director": "m", "voceira": "f", "voceiro": "m",
        "señora": "f", "señor": "m", "sra.": "f", "sr.": "m", "a": "f", "o": "m", "muller": "f", "home": "m",
        "nai": "f", "pai": "m", "filla": "f", "fillo": "m", "xuíza": "f", "xuíz": "m", "avogada": "f",
        "avogado": "m",
    },
    roman_numerals=True,
    pro_drop=True,
    adjective_after_noun=True,
    stopwords=frozenset(
        "o a os as un unha uns unhas de do da dos das ao á aos ás en no na nos nas con por para sen sobre entre "
        "ata desde cara segundo e ou nin pero senón que quen cal cales cuxo onde se non si me te lle lles vos "
        "seu súa seus súas este esta estes estas ese esa eses esas aquel aquela tamén xa máis menos moi tan así "
        "aínda só case ben ser estar haber é son foi"
        .split()
    ),
    negation=_GL_NEGATION,
    verbs=_GL_VERBS,
    name_connectors=frozenset({"de", "do", "da", "dos", "das", "o", "a", "os", "as", "e"}),
    magnitudes={"mil": 10**3, "millón": 10**6, "millóns": 10**6, "billón": 10**12, "billóns": 10**12},
)

GL_EN = LanguagePair(
    name="gl-en",
    # the Spanish tables, which these names follow closely enough (not measured apart)
    name_spellings=NAME_SPELLINGS,
    exonym_final_letters=EXONYM_FINAL_LETTERS,
    source=GALICIAN,
    target=ENGLISH,
    # Not measured (no Galician dev set): Spanish's ratio, the closest measured direction.
    length_ratio=0.92,
    apertium=ApertiumData(
        packages=("apertium-en-gl",),
        translation=("gl-en",),
        source_analyser=f"{EN_GL}/gl-en",
        target_analyser=f"{EN_GL}/en-gl",
        source_dictionaries=(f"{EN_GL}/gl-en.autobil.bin",),
        target_dictionaries=(f"{EN_GL}/en-gl.autobil.bin",),
    ),
    adjective_endings=(("ico", "ical"), ("ica", "ical"), ("ico", "ic"), ("ica", "ic"), ("ano", "an"),
                       ("ana", "an"), ("al", "al"), ("ivo", "ive"), ("iva", "ive")),
)
