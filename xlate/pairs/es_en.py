"""Spanish → English resources."""

from __future__ import annotations

from xlate.pairs import APERTIUM_TENSES, ApertiumData, LanguagePair, LanguageResources
from xlate.pairs.english import ENGLISH
from xlate.pairs.grammar import Negation, Verbs

__all__ = ["ENGLISH", "ES_EN", "SPANISH"]

# Debian apertium-eng-spa: the Spanish and English analysers and the dictionaries between them.
ENG_SPA = "/usr/share/apertium/apertium-eng-spa"

_ES_NUMBERS = {
    "cero": 0, "uno": 1, "una": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
    "quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
    "veintiuno": 21, "veintidós": 22, "veintitrés": 23, "veinticuatro": 24, "veinticinco": 25,
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
    "noventa": 90, "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
    "trescientas": 300, "cuatrocientos": 400, "quinientos": 500, "seiscientos": 600, "setecientos": 700,
    "ochocientos": 800, "novecientos": 900, "mil": 1000, "docena": 12,
}
_ES_COLLECTIVES = {
    "docenas": 12, "decena": 10, "decenas": 10, "veintena": 20, "treintena": 30, "centenar": 100, "centenares": 100,
    "cientos": 100, "millar": 1000, "millares": 1000, "miles": 1000,
}
_ES_NUMBER_PHRASES = {"dieciseisavos de final": 32, "octavos de final": 16, "octavo de final": 16,
                      "cuartos de final": 8, "cuarto de final": 8, "media docena": 6}
_ES_ORDINALS = {
    "primero": 1, "primera": 1, "primer": 1, "segundo": 2, "segunda": 2, "tercero": 3, "tercera": 3,
    "tercer": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5, "sexto": 6, "sexta": 6,
    "séptimo": 7, "séptima": 7, "octavo": 8, "octava": 8, "noveno": 9, "novena": 9, "décimo": 10,
    "décima": 10,
}
_ES_MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
_ES_NEGATION = Negation(
    negators=frozenset({"no", "nunca", "jamás", "tampoco", "nadie", "nada", "ninguno", "ninguna", "ningún",
                        "ningunos", "ningunas", "ni"}),
    concord=frozenset({"nadie", "nada", "ninguno", "ninguna", "ningún", "ningunos", "ningunas", "nunca",
                       "jamás", "tampoco", "ni"}),
    fixed=(r"no obstante", r"a no ser que", r"\bun poco\b", r"nada más", r"no cabe duda", r"no hay duda",
           r"\bde no ser por\b",
           r"\bpor no (?:hablar|mencionar)\b", r"\bo no\b(?=\s*[?,.])",
           r"(?:más|menos|mejor|peor|mayor|menor)\b[^,;:.]{0,40}?\bque nunca\b",
           r"\bno\b(?:(?!\bno\b)[^,;:.])*?\bmás que\b",
           r"\bno\s+(?:sólo|solo|solamente|únicamente|simplemente|meramente)\b",
           r"\bno\s+(?:\w+\s+)?dej\w* de\b"),
    # «no es sólo …» is "not only", but «no caer únicamente en …» is "not fall only into": either way
    # the translation may or may not negate; «hace años que no viene» is "he has not come for years"
    # or "it is years since he came"
    approximate=(r"\bcasi (?:nada|nadie|ningún|ninguna|ninguno|nunca|no)\b",
                 r"\bno\s+\w+\s+(?:sólo|solo|solamente|únicamente|simplemente|meramente)\b",
                 r"\bhac(?:e|ía|en|ían)\s+(?:\w+\s+){0,3}?que\s+no\b"),
    scope_words=frozenset({"sin", "poco", "apenas"}),
    corrective=frozenset({"sino"}),
    verbs=frozenset({"negar", "rechazar", "rehusar", "impedir", "evitar", "prohibir", "carecer", "faltar",
                     "fallar", "cesar", "parar", "excluir", "descartar", "dudar", "abstener", "oponer", "vetar",
                     "denegar", "desmentir", "ignorar", "omitir", "olvidar", "renunciar", "incumplir"}),
    prefixes=("in", "im", "ir", "il", "des"),
    exhaustive=True,
)
_ES_VERBS = Verbs(
    tenses=APERTIUM_TENSES,
    perfective=frozenset({"ifi"}),
    perfect="haber",
    progressive="estar",
    going_to=("ir", "a"),
    modals=frozenset({"poder", "deber", "soler"}),
    reporting=frozenset({"decir", "afirmar", "asegurar", "explicar", "añadir", "agregar", "señalar", "indicar",
                         "declarar", "comentar", "sostener", "advertir", "subrayar", "destacar", "manifestar",
                         "precisar", "apuntar", "expresar", "informar", "anunciar", "escribir"}),
    question_marks="¿?",
)
SPANISH = LanguageResources(
    code="es",
    hour_words=frozenset({"horas", "hora", "h"}),
    clock_minus=frozenset({"menos"}),
    clock_quarter=frozenset({"cuarto"}),
    currency_words=frozenset({"bolívar", "bolívares", "corona", "coronas", "dinar", "dinares", "dírham",
        "dírhams", "dólar", "dólares", "esloti", "eslotis", "euro", "euros", "forinto", "forintos", "franco",
        "francos", "libra", "libras", "lira", "liras", "peso", "pesos", "rand", "real", "reales", "rublo",
        "rublos", "rupia", "rupias", "séquel", "séqueles", "taka", "yen", "yenes", "yuan", "yuanes",
        "zloty", "zlotys"}),
    unit_words={
        "kilómetros": "km", "kilómetro": "km", "kilómetros por hora": "km/h", "metros": "m", "metro": "m",
        "centímetros": "cm", "millas": "mi", "milla": "mi", "millas náuticas": "nmi", "pies": "ft", "pulgadas": "in",
        "kilos": "kg", "kilo": "kg", "kilogramos": "kg", "kilogramo": "kg", "toneladas": "t", "libras": "lb",
        "grados": "c", "grados centígrados": "c", "grados celsius": "c", "grados fahrenheit": "f",
        "hectáreas": "ha", "hectárea": "ha", "acres": "acre", "kilómetros cuadrados": "km2", "nudos": "kn",
        "litros": "l", "galones": "gal", "por ciento": "%", "por cien": "%",
    },
    name="Spanish",
    tag_codes=("spa",),
    other_names=("español", "espanol", "castellano"),
    abbreviations=frozenset({
        "a. m.", "p. m.", "a.m.", "p.m.", "etc.", "núm.", "art.", "pág.", "aprox.", "UU.", "EE. UU.",
    }),
    abbreviations_never_final=frozenset({
        "Sr.", "Sra.", "Srta.", "Dr.", "Dra.", "Lic.", "Ing.", "Gral.", "Pdte.", "Excmo.", "Excma.",
        "EE.", "Uds.", "Ud.", "Sto.", "Sta.", "St.", "Av.", "Avda.", "Dña.", "D.", "a.", "p.", "d.", "Mr.",
        "Mrs.", "Ms.", "Gob.", "Sen.", "Dip.", "Prof.",
    }),
    number_words=_ES_NUMBERS,
    number_phrases=_ES_NUMBER_PHRASES,
    collective_numbers=_ES_COLLECTIVES,
    number_connectors=frozenset({"y"}),
    ordinal_words=_ES_ORDINALS,
    months=_ES_MONTHS,
    determiner_genders={"la": "f", "el": "m", "una": "f", "un": "m", "del": "m", "al": "m"},
    # Only the stressed forms: the clitics «lo», «la» stand for things as often as for people.
    gendered_pronouns={"f": frozenset({"ella"}), "m": frozenset({"él"})},
    gendered_titles={
        "secretaria": "f", "secretario": "m", "ministra": "f", "ministro": "m", "presidenta": "f",
        "presidente": "m", "senadora": "f", "senador": "m", "diputada": "f", "diputado": "m",
        "gobernadora": "f", "gobernador": "m", "alcaldesa": "f", "alcalde": "m", "jueza": "f",
        "juez": "m", "fiscal": "", "canciller": "", "directora": "f", "director": "m", "funcionaria": "f",
        "funcionario": "m", "portavoz": "", "vocera": "f", "vocero": "m", "embajadora": "f",
        "embajador": "m", "la": "f", "el": "m", "señora": "f", "señor": "m", "doña": "f", "don": "m",
        "sra.": "f", "sr.": "m", "sra": "f", "sr": "m", "jefa": "f", "jefe": "m", "candidata": "f", "candidato": "m",
        "consejera": "f", "consejero": "m", "subsecretaria": "f", "subsecretario": "m",
        "abogada": "f", "abogado": "m", "acusada": "f", "acusado": "m", "mujer": "f", "hombre": "m",
        "madre": "f", "padre": "m", "hija": "f", "hijo": "m", "esposa": "f", "esposo": "m",
        "hermana": "f", "hermano": "m", "niña": "f", "niño": "m", "activista": "", "periodista": "",
        "dirigente": "", "líder": "", "testigo": "", "víctima": "", "entrenador": "m", "entrenadora": "f",
        "empresaria": "f", "empresario": "m", "doctora": "f", "doctor": "m", "profesora": "f",
        "profesor": "m", "autora": "f", "autor": "m", "reina": "f", "rey": "m", "princesa": "f",
        "príncipe": "m",
    },
    roman_numerals=True,
    inverted_marks={"?": "¿", "!": "¡"},
    pro_drop=True,
    adjective_after_noun=True,
    hunspell_paths=("/usr/share/hunspell/es_ES", "/usr/share/hunspell/es_MX"),  # hunspell-es
    word_prefixes=("anti", "auto", "co", "contra", "des", "ex", "extra", "hiper", "inter", "macro", "micro", "mini",
                   "multi", "neo", "pos", "post", "pre", "re", "semi", "sobre", "sub", "super", "ultra", "vice"),
    stopwords=frozenset(
        "el la los las un una unos unas lo de del a al en con por para sin sobre entre hasta desde hacia según "
        "y e o u ni pero sino que quien quienes cual cuales cuyo cuya como cuando donde si no sí se me te le les "
        "nos os su sus mi mis tu tus este esta estos estas ese esa esos esas aquel aquella también ya más menos "
        "muy tan tanto así aún todavía sólo solo casi bien además entonces luego incluso ser estar haber"
        .split()
    ),
    negation=_ES_NEGATION,
    verbs=_ES_VERBS,
    name_connectors=frozenset({"de", "del", "la", "las", "los", "el", "y", "e", "para", "por", "en"}),
    magnitudes={"mil": 10**3, "millón": 10**6, "millones": 10**6, "millardos": 10**9, "billón": 10**12,
                "billones": 10**12},
)

# How English and Spanish spell the same transliterated name («Jamenei» / "Khamenei", «Mualem» /
# "Mouallem", «Abdalá» / "Abdallah"), and the final letters Spanish place names change into English
# ones («Palestina» → "Palestine", «Jerusalén» → "Jerusalem"; «-o» ↔ «-a» is a misspelling).
NAME_SPELLINGS = (("kh", "j"), ("ou", "u"), ("ph", "f"), ("ll", "l"), ("h", ""), ("y", "i"), ("w", "u"))
EXONYM_FINAL_LETTERS = frozenset({("a", "e"), ("n", "m"), ("o", "e"), ("i", "y"), ("e", "a")})

ES_EN = LanguagePair(
    name="es-en",
    source=SPANISH,
    target=ENGLISH,
    length_ratio=0.92,
    name_spellings=NAME_SPELLINGS,
    exonym_final_letters=EXONYM_FINAL_LETTERS,
    apertium=ApertiumData(
        packages=("apertium-eng-spa",),
        translation=("spa-eng",),
        source_analyser=f"{ENG_SPA}/spa-eng",
        target_analyser=f"{ENG_SPA}/eng-spa",
        source_dictionaries=(f"{ENG_SPA}/spa-eng.autobil.bin",),
        target_dictionaries=(f"{ENG_SPA}/eng-spa.autobil.bin",),
    ),
    calques_file="calques_es_en.tsv",
    titles_file="titles_es_en.tsv",
    calibration_file="calibration_es_en.tsv",
    adjective_endings=(("ico", "ical"), ("ica", "ical"), ("ico", "ic"), ("ica", "ic"), ("ano", "an"),
                       ("ana", "an"), ("ense", "ian"), ("es", "ese"), ("al", "al"), ("ivo", "ive"),
                       ("iva", "ive")),
    country_cues={
        "US": ("estadounidense", "estados unidos", "ee. uu.", "ee.uu.", "eeuu", "eua", "norteamericano",
               "washington", "casa blanca"),
        "MX": ("mexicano", "mexicana", "méxico", "mexico"),
        "ES": ("español", "española", "españa", "moncloa"),
        "AR": ("argentino", "argentina"), "CO": ("colombiano", "colombiana", "colombia"),
        "CL": ("chileno", "chilena", "chile"), "PE": ("peruano", "peruana", "perú", "peru"),
        "VE": ("venezolano", "venezolana", "venezuela"), "CU": ("cubano", "cubana", "cuba"),
        "GT": ("guatemalteco", "guatemalteca", "guatemala"), "SV": ("salvadoreño", "salvadoreña", "el salvador"),
        "NI": ("nicaragüense", "nicaragua"), "HN": ("hondureño", "hondureña", "honduras"),
        "DE": ("alemán", "alemana", "alemania"), "AT": ("austriaco", "austriaca", "austria"),
    },
)
