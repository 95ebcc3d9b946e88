"""Which pair an input is checked with when none is named (``--pair`` or the ``pair`` setting).

The languages the input declares (TMX, XLIFF, feeds, file names such as ``NAME.fr.txt``) decide;
an input that declares none (JSON Lines, TSV, two plain files) is identified from the text of its
first records. Undecided, it is the default pair's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import chain, islice

from xlate.errors import InputError
from xlate.model import BadInput, PairInput
from xlate.pairs import DEFAULT_PAIR, get_pair, pair_names
from xlate.pairs.identify import detect_language, language_name, pair_between

# Records read ahead to choose the pair, and the characters of each side that identification reads.
SAMPLE_RECORDS = 16
SAMPLE_CHARS = 10_000


def _sample(texts: list[str]) -> str:
    return " ".join(texts)[:SAMPLE_CHARS]


def choose_pair(records: Iterator[PairInput | BadInput]) -> tuple[str, Iterator[PairInput | BadInput]]:
    """The name of the pair the records are in, and the records (all of them, in order).

    Raises InputError when the input declares, or is written in, languages no registered pair joins.
    """
    head = list(islice(records, SAMPLE_RECORDS))
    readable = [r for r in head if isinstance(r, PairInput)]
    rest = chain(head, records)
    declared = Counter(r.languages for r in readable if r.languages)
    if declared:
        (source, target), _ = declared.most_common(1)[0]
        where = next(r.origin or r.id for r in readable if r.languages == (source, target))
        how = "declares"
    else:
        source = detect_language(_sample([r.source for r in readable])) if readable else None
        target = detect_language(_sample([r.target for r in readable])) if readable else None
        if source is None or target is None or source == target:  # undecided, or an untranslated target
            return DEFAULT_PAIR, rest
        where = readable[0].origin or readable[0].id
        how = "is written in"
    name = pair_between(source, target)
    if name is None:
        raise InputError(f"{where}: the input {how} {language_name(source)} → {language_name(target)}, which no "
                         f"language pair checks (available: {', '.join(pair_names())}; --pair names one)")
    return name, rest


def in_pair(records: Iterator[PairInput | BadInput], pair_name: str) -> Iterator[PairInput | BadInput]:
    """The records; one that declares other languages than the pair's is an input error."""
    pair = get_pair(pair_name)
    languages = (pair.source.code, pair.target.code)
    for record in records:
        if isinstance(record, PairInput) and record.languages and record.languages != languages:
            source, target = (language_name(code) for code in record.languages)
            yield BadInput(record.id, f"{record.origin or record.id}: declares {source} → {target}, not the "
                                      f"languages of the pair {pair_name} (--pair)", record.origin)
        else:
            yield record
