"""MarianMT (or any transformers seq2seq model): opt-in neural pseudo-references.

The model is loaded from a local folder or from the Hugging Face cache, never
from the network: a Hub id is resolved to its cached snapshot folder first, so
transformers only ever sees a local path. torch and transformers are imported
when the model is first needed (``pip install 'xlate[neural]'``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from xlate.errors import EngineError

log = logging.getLogger(__name__)

T = TypeVar("T")

_NOT_FOUND = ("{engine}: model not found at {model} "
              "(give a local path or a model in the HF cache; nothing is downloaded)")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def import_neural(engine: str) -> tuple[Any, Any]:
    """torch and transformers, or an EngineError saying how to install them."""
    try:
        import torch
        import transformers
    except ImportError as exc:
        raise EngineError(f"{engine}: needs torch and transformers (pip install 'xlate[neural]'): {exc}") from exc
    return torch, transformers


def local_model_dir(engine: str, model: str | Path, cache_dir: str | Path | None = None) -> Path:
    """The local folder of ``model``: a folder path as given, or a Hub id's snapshot in the HF cache.

    Nothing is downloaded; a model that is neither raises EngineError.
    """
    path = Path(model).expanduser()
    if path.is_dir():
        return path
    not_found = EngineError(_NOT_FOUND.format(engine=engine, model=model))
    if path.exists() or str(model).startswith((".", "/", "~")) or str(model).count("/") > 1:
        raise not_found  # a path, not a Hub id
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(str(model), cache_dir=cache_dir, local_files_only=True))
    except ImportError as exc:
        raise EngineError(f"{engine}: needs huggingface_hub (pip install 'xlate[neural]'): {exc}") from exc
    except Exception as exc:  # not cached, or not a valid Hub id
        raise not_found from exc


def load_local(engine: str, model: str | Path, cache_dir: str | Path | None, load: Callable[[str], T]) -> T:
    """``load(folder)`` on the model's local folder; every failure becomes an EngineError."""
    folder = local_model_dir(engine, model, cache_dir)
    _, transformers = import_neural(engine)
    progress = transformers.utils.logging  # the library never prints: no loading progress bars
    was_enabled = progress.is_progress_bar_enabled()
    progress.disable_progress_bar()
    try:
        return load(str(folder))
    except EngineError:
        raise
    except Exception as exc:  # transformers raises OSError, ValueError, KeyError… on a broken folder
        raise EngineError(f"{engine}: cannot load the model at {folder}: {exc}") from exc
    finally:
        if was_enabled:
            progress.enable_progress_bar()


class LocalModel:
    """Loads once on first use; remembers a failure so it is reported (and logged) once."""

    name = "neural"
    _off_note = "it is off for this run"

    def __init__(self, model: str | Path, cache_dir: str | Path | None) -> None:
        self.model = str(model)
        self.cache_dir = cache_dir
        self._loaded: Any = None
        self._tokenizer: Any = None
        self._error: EngineError | None = None
        self._warned = False

    # The transformers Auto class that loads this kind of model ("AutoModel", "AutoModelForSeq2SeqLM").
    auto_class = "AutoModel"
    device = "cpu"

    def _load_now(self) -> Any:
        """The model (on ``self.device``, in eval mode), with its tokenizer kept in ``self._tokenizer``."""
        _, transformers = import_neural(self.name)
        auto_model = getattr(transformers, self.auto_class)

        def load(folder: str) -> Any:
            tokenizer = transformers.AutoTokenizer.from_pretrained(folder, local_files_only=True)
            model = auto_model.from_pretrained(folder, local_files_only=True)
            return model.to(self.device).eval(), tokenizer

        model, tokenizer = load_local(self.name, self.model, self.cache_dir, load)
        self._tokenizer = tokenizer
        return model

    def load(self) -> Any:
        """Load the model now (EngineError when it cannot be)."""
        if self._loaded is None:
            if self._error is not None:
                raise EngineError(str(self._error)) from self._error
            try:
                self._loaded = self._load_now()
            except EngineError as exc:
                self._error = exc
                raise
            log.info("%s: loaded %s", self.name, self.model)
        return self._loaded

    @property
    def available(self) -> bool:
        try:
            self.load()
        except EngineError as exc:
            if not self._warned:
                log.warning("%s; %s", exc, self._off_note)
                self._warned = True
            return False
        return True

    @property
    def version(self) -> str | None:
        """The model (with its Hub revision when known) and the transformers release."""
        try:
            import transformers
        except ImportError:
            return None
        revision = getattr(getattr(self._loaded, "config", None), "_commit_hash", None) if self._loaded else None
        model = f"{self.model}@{revision[:12]}" if revision else self.model
        return f"{model} (transformers {transformers.__version__})"


class MarianTranslator(LocalModel):
    """Translates batches of sentences with a local seq2seq model (greedy by default, or a small beam)."""

    name = "marian"
    auto_class = "AutoModelForSeq2SeqLM"
    _off_note = "pseudo-references come from Apertium"

    def __init__(self, model: str | Path, *, device: str = "cpu", batch_size: int = 16, max_length: int = 256,
                 num_beams: int = 1, cache_dir: str | Path | None = None) -> None:
        super().__init__(model, cache_dir)
        self.device = device
        self.batch_size = max(1, batch_size)
        self.max_length = max_length
        self.num_beams = max(1, num_beams)

    def _max_new_tokens(self, model: Any) -> int:
        # Learned or sinusoidal position tables cannot go past their size (the start token takes one).
        positions = getattr(model.config, "max_position_embeddings", None)
        return min(self.max_length, positions - 1) if positions else self.max_length

    def translate(self, sentences: list[str]) -> list[str]:
        """One translation per sentence, in order; shortest first in batches to waste little padding."""
        if not sentences:
            return []
        model = self.load()
        tokenizer = self._tokenizer
        import torch

        out = [""] * len(sentences)
        todo = sorted((i for i, s in enumerate(sentences) if s.strip()), key=lambda i: len(sentences[i]))
        max_new_tokens = self._max_new_tokens(model)
        try:
            with torch.inference_mode():
                for start in range(0, len(todo), self.batch_size):
                    indices = todo[start:start + self.batch_size]
                    batch = tokenizer([_one_line(sentences[i]) for i in indices], return_tensors="pt",
                                      padding=True, truncation=True, max_length=self.max_length).to(self.device)
                    generated = model.generate(**batch, num_beams=self.num_beams, do_sample=False,
                                               max_new_tokens=max_new_tokens)
                    texts = tokenizer.batch_decode(generated, skip_special_tokens=True)
                    for i, text in zip(indices, texts, strict=True):
                        out[i] = _one_line(text)
        except Exception as exc:  # a failing model (out of memory, bad input) is an engine failure
            raise EngineError(f"marian: translation failed: {exc}") from exc
        return out
