"""Spanish → English resources."""

from __future__ import annotations

from xlate.pairs import LanguagePair, LanguageResources
from xlate.pairs.grammar import Negation, Verbs

_ES_NUMBERS = {
    "cero": 0, "uno": 1, "una": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
    "quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
    "veintiuno": 21, "veintidós": 22, "veintitrés": 23, "veinticuatro": 24, "veinticinco": 25,
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
    "noventa": 90, "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
    "trescientas": 300, "cuatrocientos": 400, "quinientos": 500, "seiscientos": 600, "setecientos": 700,
    "ochocientos": 800, "novecientos": 900, "mil": 1000, "docena": 12, "media docena": 6,
    # sports rounds named by the number of teams left: «octavos de final» = "the last 16"
    "octavos": 16, "cuartos": 8,
}
_EN_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "thousand": 1000, "dozen": 12, "half a dozen": 6, "twenty-one": 21, "twenty-two": 22,
    "twenty-three": 23, "twenty-four": 24, "twenty-five": 25,
}
_ES_ORDINALS = {
    "primero": 1, "primera": 1, "primer": 1, "segundo": 2, "segunda": 2, "tercero": 3, "tercera": 3,
    "tercer": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5, "sexto": 6, "sexta": 6,
    "séptimo": 7, "séptima": 7, "octavo": 8, "octava": 8, "noveno": 9, "novena": 9, "décimo": 10,
    "décima": 10,
}
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}
_ES_MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
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
           r"\bno\s+(?:\w+\s+)?(?:sólo|solo|solamente|únicamente|simplemente|meramente)\b",
           r"\bno\s+(?:\w+\s+)?dej\w* de\b"),
    approximate=(r"\bcasi (?:nada|nadie|ningún|ninguna|ninguno|nunca|no)\b",),
    scope_words=frozenset({"sin", "poco", "apenas"}),
    corrective=frozenset({"sino"}),
    verbs=frozenset({"negar", "rechazar", "rehusar", "impedir", "evitar", "prohibir", "carecer", "faltar",
                     "fallar", "cesar", "parar", "excluir", "descartar", "dudar", "abstener", "oponer", "vetar",
                     "denegar", "desmentir", "ignorar", "omitir", "olvidar", "renunciar", "incumplir"}),
    prefixes=("in", "im", "ir", "il", "des"),
)
_ES_VERBS = Verbs(
    tenses={"pri": "present", "ifi": "past", "pii": "past", "fti": "future", "cni": "conditional",
            "prs": "subjunctive", "pis": "subjunctive", "fts": "subjunctive", "imp": "imperative"},
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
_EN_NEGATION = Negation(
    negators=frozenset({"not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor", "nowhere",
                        "no one", "cannot"}),
    concord=frozenset({"nor"}),
    fixed=(r"no matter", r"no doubt", r"\ba (?:little|few)\b", r"not least", r"none other", r"not to mention",
           r"\bor not\b", r"no sooner",
           r"\bnot (?:only|just|merely|simply)\b",
           r"\b(?:if|were) it (?:were|was|had|had been)?\s*not for\b", r"\bif it hadn't been for\b",
           r"\b(?:no|nothing|none)\b(?:\s+\w+)?\s+(?:but|except)\b"),
    approximate=(r"\b(?:almost|nearly|virtually|practically) (?:no|none|nothing|nobody|no one|never)\b",
                 r"\bhardly (?:any|ever)\b"),
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
)

SPANISH = LanguageResources(
    code="es",
    abbreviations=frozenset({
        "a. m.", "p. m.", "a.m.", "p.m.", "etc.", "núm.", "art.", "pág.", "aprox.", "UU.", "EE. UU.",
    }),
    abbreviations_never_final=frozenset({
        "Sr.", "Sra.", "Srta.", "Dr.", "Dra.", "Lic.", "Ing.", "Gral.", "Pdte.", "Excmo.", "Excma.",
        "EE.", "Uds.", "Ud.", "Sto.", "Sta.", "St.", "Av.", "Avda.", "Dña.", "D.", "a.", "p.", "d.", "Mr.",
        "Mrs.", "Ms.", "Gob.", "Sen.", "Dip.", "Prof.",
    }),
    number_words=_ES_NUMBERS,
    ordinal_words=_ES_ORDINALS,
    months=_ES_MONTHS,
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
    pro_drop=True,
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

ENGLISH = LanguageResources(
    code="en",
    abbreviations=frozenset({
        "a.m.", "p.m.", "etc.", "No.", "approx.", "U.S.", "U.K.", "Inc.", "Ltd.", "Co.", "Corp.", "Bros.",
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
    ordinal_words=_EN_ORDINALS,
    months=_EN_MONTHS,
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

ES_EN = LanguagePair(
    name="es-en",
    source=SPANISH,
    target=ENGLISH,
    apertium_mode="spa-eng",
    apertium_data="/usr/share/apertium/apertium-eng-spa",
    apertium_source_prefix="spa-eng",
    apertium_target_prefix="eng-spa",
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
