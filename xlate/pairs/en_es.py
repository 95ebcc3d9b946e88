"""English → Spanish: the Spanish-English pair the other way round, with Spanish the language checked.

Apertium's ``apertium-eng-spa`` gives the pseudo-reference (mode ``eng-spa``), both analysers and both
bilingual dictionaries. The target-side knowledge is Spanish's (SPANISH in ``es_en``); what belongs to
the direction (the expected length, calques of English in Spanish) is here.
"""

from __future__ import annotations

from xlate.pairs import LanguagePair
from xlate.pairs.english import ENGLISH
from xlate.pairs.es_en import ES_EN, EXONYM_FINAL_LETTERS, NAME_SPELLINGS, SPANISH

EN_ES = LanguagePair(
    name="en-es",
    calibration_file="calibration_en_es.tsv",
    source=ENGLISH,
    target=SPANISH,
    # the inverse of Spanish → English's 0.917, the median of the dev set's clean tune items
    length_ratio=1.09,
    # Spanish → English's tables: name skeletons are compared on both sides; endings change the other way
    name_spellings=NAME_SPELLINGS,
    exonym_final_letters=frozenset((target, source) for source, target in EXONYM_FINAL_LETTERS),
    apertium=ES_EN.apertium.reversed(("eng-spa",)),
    calques_file="calques_en_es.tsv",
    titles_file="titles_en_es.tsv",
)
