"""The check catalogue: importing this package registers every check family."""

from xlate.checks import entities, fragments, numbers, punctuation, repetition  # noqa: F401  (registration side effects)
