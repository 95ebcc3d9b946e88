"""French → English resources.

Debian packages no French–English Apertium pair, so the pseudo-reference goes through Spanish
(``apertium-fr-es`` then ``apertium-eng-spa``), and so do the bilingual dictionaries the word aligner
reads. French is analysed by apertium-fr-es's analyser and tagger, whose tagset is Apertium's.
"""

from __future__ import annotations

from xlate.pairs import APERTIUM_TENSES, ApertiumData, LanguagePair, LanguageResources
from xlate.pairs.english import ENGLISH
from xlate.pairs.es_en import ENG_SPA, EXONYM_FINAL_LETTERS, NAME_SPELLINGS
from xlate.pairs.grammar import Negation, Verbs

FR_ES = "/usr/share/apertium/apertium-fr-es"

_FR_NUMBERS = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60, "soixante-dix": 70, "quatre-vingt": 80, "quatre-vingts": 80,
    "quatre-vingt-dix": 90, "cent": 100, "cents": 100, "mille": 1000, "douzaine": 12, "demi-douzaine": 6,
}
_FR_COLLECTIVES = {
    "dizaine": 10, "dizaines": 10, "douzaines": 12, "quinzaine": 15, "vingtaine": 20, "vingtaines": 20,
    "trentaine": 30, "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "centaines": 100,
    "millier": 1000, "milliers": 1000,
}
# The rounds of a cup, in words and in the abbreviations French sports pages use («8es de finale»).
_FR_NUMBER_PHRASES = {
    **{f"{name} de finale": 32 for name in ("seizièmes", "seizième", "16es", "16e", "16èmes", "16ème", "1/16e")},
    **{f"{name} de finale": 16 for name in ("huitièmes", "huitième", "8es", "8e", "8èmes", "8ème", "1/8e", "1/8")},
    **{f"{name} de finale": 8 for name in ("quarts", "quart", "1/4")},
}
_FR_ORDINALS = {
    "premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3, "quatrième": 4,
    "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10,
}
_FR_MONTHS = {
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
}

# «ne … pas» is one negation: «ne» (or «n'») opens it only when a second part stands in its clause,
# before or after it («personne ne sait»), and the second part joins it. The second parts negate on
# their own in elliptical phrases («pas de prison», «rien de plus facile», «jamais dictatorial»), but
# not as nouns («à 20 pas», «une seule personne»: the analyser's tag decides) nor as "ever"
# («plus que jamais», «si jamais»). «plus» and «personne» only join a «ne», since they mostly mean
# "more" and "person"; «non» is mostly a prefix ("non-Gypsy").
_FR_NEGATION = Negation(
    negators=frozenset({"ne", "n'", "n", "pas", "jamais", "rien", "aucun", "aucune", "nul", "nulle", "ni",
                        "guère"}),
    bipartite=frozenset({"ne", "n'", "n"}),  # the word aligner reads «n'» as "n"
    lone_verbs=frozenset({"pouvoir", "savoir", "oser", "cesser"}),
    restrictive=frozenset({"que", "qu'", "qu"}),
    concord=frozenset({"ne", "n'", "n", "pas", "jamais", "rien", "aucun", "aucune", "nul", "nulle", "ni", "guère",
                       "plus", "personne", "point"}),
    fixed=(r"\bn['’]importe\b", r"\bnon seulement\b", r"\bpas (?:seulement|uniquement|simplement|juste)\b",
           r"\bsans doute\b", r"\bpas mal\b", r"\bnon plus\b", r"\bou pas\b", r"\b(?:à|pour|que|si) jamais\b",
           # «jamais» after a subjunctive is "ever": «le plus beau qu'il ait jamais vu»
           r"\b(?:ait|aient|aies|soit|soient|fût|eût) jamais\b",
           r"\bsans\b[^.;:]{0,60}?\bni\b",
           # «pas» after a number is "steps" («à 20 pas»); «ne … pas que» before a preposition is "not only"
           r"\b(?:\d+|quelques|premiers)\s+pas\b",
           r"\bpas que\b(?=\s+(?:chez|dans|pour|par|sur|de|des|du|à|au|aux|en)\b)"),
    approximate=(r"\bpresque (?:pas|rien|personne|aucun|aucune|jamais)\b", r"\bquasi(?:ment)? (?:pas|rien|aucun)\b"),
    scope_words=frozenset({"sans", "peu"}),
    corrective=frozenset({"mais"}),
    verbs=frozenset({"nier", "refuser", "rejeter", "empêcher", "éviter", "interdire", "manquer", "échouer",
                     "cesser", "exclure", "écarter", "douter", "abstenir", "opposer", "démentir",
                     "ignorer", "omettre", "oublier", "renoncer", "priver"}),
    prefixes=("in", "im", "ir", "il", "dés", "dé", "non"),
)
_FR_VERBS = Verbs(
    tenses=APERTIUM_TENSES,
    perfective=frozenset({"ifi"}),
    perfect="avoir",
    going_to=("aller", ""),
    modals=frozenset({"pouvoir", "devoir"}),
    reporting=frozenset({"dire", "affirmer", "assurer", "expliquer", "ajouter", "souligner", "indiquer",
                         "déclarer", "commenter", "estimer", "préciser", "annoncer", "écrire", "rappeler",
                         "avertir", "noter", "confier"}),
)

FRENCH = LanguageResources(
    code="fr",
    hour_words=frozenset({"heures", "heure", "h"}),
    clock_minus=frozenset({"moins"}),
    clock_quarter=frozenset({"quart"}),
    currency_words=frozenset({"bolivar", "bolivars", "couronne", "couronnes", "dinar", "dinars", "dirham",
        "dirhams", "dollar", "dollars", "euro", "euros", "forint", "forints", "franc", "francs", "lire",
        "lires", "livre", "livres", "peso", "pesos", "rand", "reais", "real", "rouble", "roubles", "roupie",
        "roupies", "shekel", "shekels", "taka", "yen", "yens", "yuan", "yuans", "zloty", "zlotys"}),
    unit_words={
        "kilomètres": "km", "kilomètre": "km", "kilomètres par heure": "km/h", "kilomètres-heure": "km/h",
        "mètres": "m", "mètre": "m", "centimètres": "cm", "milles": "mi", "miles": "mi", "pieds": "ft",
        "kilos": "kg", "kilogrammes": "kg", "tonnes": "t", "livres": "lb", "degrés": "c", "degrés celsius": "c",
        "degrés fahrenheit": "f", "hectares": "ha", "hectare": "ha", "acres": "acre", "kilomètres carrés": "km2",
        "nœuds": "kn", "litres": "l", "gallons": "gal", "pour cent": "%", "pour-cent": "%", "pourcent": "%",
    },
    adjective_after_noun=True,
    name="French",
    tag_codes=("fra", "fre"),
    other_names=("français", "francais"),
    abbreviations=frozenset({"etc.", "env.", "cf.", "p.", "art.", "n°", "av.", "apr.", "J.-C."}),
    abbreviations_never_final=frozenset({
        "M.", "MM.", "Mme.", "Mlle.", "Dr.", "Pr.", "Me.", "Mgr.", "St.", "Ste.", "av.", "bd.", "cf.", "p.",
        "art.", "Gén.", "Col.", "Cdt.", "Lt.", "Sgt.", "Mr.",
    }),
    number_words=_FR_NUMBERS,
    number_phrases=_FR_NUMBER_PHRASES,
    collective_numbers=_FR_COLLECTIVES,
    number_connectors=frozenset({"et"}),
    ordinal_words=_FR_ORDINALS,
    months=_FR_MONTHS,
    determiner_genders={"la": "f", "le": "m", "une": "f", "un": "m", "du": "m", "au": "m"},
    # Subject pronouns only: «lui» is also the indirect object of either gender («je lui ai dit»).
    gendered_pronouns={"f": frozenset({"elle"}), "m": frozenset({"il"})},
    gendered_titles={
        "ministre": "", "présidente": "f", "président": "m", "sénatrice": "f", "sénateur": "m", "députée": "f",
        "député": "m", "maire": "", "juge": "", "directrice": "f", "directeur": "m", "ambassadrice": "f",
        "ambassadeur": "m", "porte-parole": "", "madame": "f", "monsieur": "m", "mme": "f", "m.": "m",
        "femme": "f", "homme": "m", "mère": "f", "père": "m", "fille": "f", "fils": "m", "épouse": "f",
        "époux": "m", "sœur": "f", "frère": "m", "reine": "f", "roi": "m", "princesse": "f", "prince": "m",
        "avocate": "f", "avocat": "m", "entraîneuse": "f", "entraîneur": "m", "auteure": "f", "autrice": "f",
        "auteur": "m", "journaliste": "", "chancelière": "f", "chancelier": "m",
    },
    roman_numerals=True,
    roman_ordinal_endings=("e", "er", "re", "ème", "eme"),
    stopwords=frozenset(
        "le la les l' un une des du de d' à au aux en dans par pour sur sous avec sans entre vers chez selon "
        "et ou ni mais que qu' qui dont où si ne n' pas se s' me m' te t' lui leur leurs son sa ses mon ma mes "
        "ton ta tes ce cet cette ces c' il elle ils elles on nous vous je j' y plus moins très aussi déjà "
        "encore ainsi même tout tous toute toutes être avoir l d n s c j qu m t"
        .split()
    ),
    negation=_FR_NEGATION,
    verbs=_FR_VERBS,
    name_connectors=frozenset({"de", "du", "des", "la", "le", "les", "et", "d'", "pour", "en"}),
    magnitudes={"mille": 10**3, "million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9,
                "billion": 10**12, "billions": 10**12},
)

FR_EN = LanguagePair(
    name="fr-en",
    calibration_file="calibration_fr_en.tsv",
    # the Spanish tables, which these names follow closely enough (not measured apart)
    name_spellings=NAME_SPELLINGS,
    exonym_final_letters=EXONYM_FINAL_LETTERS,
    source=FRENCH,
    target=ENGLISH,
    length_ratio=0.9,
    apertium=ApertiumData(
        packages=("apertium-fr-es", "apertium-eng-spa"),
        translation=("fr-es", "spa-eng"),
        source_analyser=f"{FR_ES}/fr-es",
        target_analyser=f"{ENG_SPA}/eng-spa",
        source_dictionaries=(f"{FR_ES}/fr-es.autobil.bin", f"{ENG_SPA}/spa-eng.autobil.bin"),
        target_dictionaries=(f"{ENG_SPA}/eng-spa.autobil.bin", f"{FR_ES}/es-fr.autobil.bin"),
    ),
    adjective_endings=(("ique", "ical"), ("ique", "ic"), ("ien", "ian"), ("ienne", "ian"), ("ais", "ese"),
                       ("aise", "ese"), ("al", "al"), ("ale", "al"), ("if", "ive"), ("ive", "ive"), ("ain", "an"),
                       ("aine", "an")),
)
