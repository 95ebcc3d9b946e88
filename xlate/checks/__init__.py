"""The check catalogue: importing this package registers every check family."""

from xlate.checks import (  # noqa: F401  (registration side effects)
    addition,
    adequacy,
    alignment,
    case,
    clauses,
    coverage,
    entities,
    fragments,
    gender,
    lexical,
    numbers,
    omission,
    order,
    polarity,
    punctuation,
    repetition,
    spelling,
    terminology,
    untranslated,
    verbs,
)
