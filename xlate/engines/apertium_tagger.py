"""Apertium's HMM tagger and translation modes, run so that every sentence comes out as it would alone.

apertium-tagger (3.8) narrows its class for unknown words for the rest of the process whenever it
meets a word whose ambiguity class its training never saw (``find_similar_ambiguity_class`` in
tagger_utils assigns through a reference to the open class). Through one process per batch, a
sentence's tags, and so its pseudo-reference and its findings, depended on the other documents of
the batch: "Will Wekesa" was a name after some batches and the auxiliary "will" after others. The
tagger here learns which surface forms carry such a class (the tagger names them under ``-d``),
tags each chunk that holds one in a process of its own and all the others together.
"""

from __future__ import annotations

import re
import shlex
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from xlate.errors import EngineError

# One lexical unit of an Apertium stream, ``^surface/analysis…$`` (escaped characters inside).
TOKEN = re.compile(r"(?<!\\)\^((?:\\.|[^$\\])*)\$")
_UNSEEN_CLASS = re.compile(r"^Word '(.*)'\.$", re.MULTILINE)
# How long one Apertium call may run before it counts as failed (seconds).
TIMEOUT_S = 600
# Tagger processes run at once for the chunks that need one of their own (each mostly loads its model).
SINGLE_PROCESSES = 4
# What `apertium -u` gives a mode's parameters: $1, the generator's option (no unknown-word marks),
# and $2, the tagger's (none).
_MODE_PARAMETERS = {"$1": "-n", "$2": ""}


def run_process(command: list[str] | str, data: str) -> subprocess.CompletedProcess[bytes]:
    """Run an Apertium program, or a shell pipeline of them, over ``data``; EngineError when it fails."""
    try:
        done = subprocess.run(command, input=data.encode("utf-8"), capture_output=True, timeout=TIMEOUT_S,
                              shell=isinstance(command, str), check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise EngineError(f"apertium failed: {exc}") from exc
    if done.returncode != 0:
        raise EngineError(f"apertium failed: {done.stderr.decode('utf-8', 'replace').strip()[:200]}")
    return done


def surfaces(chunk: str) -> set[str]:
    """The surface forms (as escaped in the stream) of the lexical units of one chunk of lt-proc output."""
    return {re.split(r"(?<!\\)/", body, maxsplit=1)[0] for body in TOKEN.findall(chunk)}


class HmmTagger:
    """apertium-tagger over NUL-flushed chunks, each tagged as it would be in a fresh process."""

    def __init__(self) -> None:
        # Per tagger model: the surface forms whose ambiguity class its training did not see.
        self._unseen: dict[str, set[str]] = {}

    def tag(self, chunks: list[str], model: str, flags: tuple[str, ...] = ("-g",)) -> list[str]:
        """The tagger's output for each chunk. Chunks holding a form of unseen class go one to a process,
        the others together; a batch that shows new such forms is tagged again after the first chunk
        holding one, so only what a fresh process would give is kept."""
        unseen = self._unseen.setdefault(model, set())
        forms = [surfaces(chunk) for chunk in chunks]
        tagged: dict[int, str] = {}
        pending = list(range(len(chunks)))
        while pending:
            alone = [n for n in pending if forms[n] & unseen]
            together = [n for n in pending if not forms[n] & unseen]
            with ThreadPoolExecutor(SINGLE_PROCESSES) as pool:
                tagged.update(zip(alone, pool.map(lambda n: self._run([chunks[n]], model, flags)[0][0], alone),
                                  strict=True))
            if not together:
                break
            outputs, warned = self._run([chunks[n] for n in together], model, flags)
            unseen |= warned
            first = next((k for k, n in enumerate(together) if forms[n] & warned), len(together))
            tagged.update(zip(together[: first + 1], outputs, strict=False))
            pending = together[first + 1 :]
        return [tagged[n] for n in range(len(chunks))]

    @staticmethod
    def _run(chunks: list[str], model: str, flags: tuple[str, ...]) -> tuple[list[str], set[str]]:
        done = run_process(["apertium-tagger", "-d", "-z", *flags, model], "".join(chunk + "\0" for chunk in chunks))
        outputs = done.stdout.decode("utf-8", "replace").split("\0")
        if len(outputs) < len(chunks):
            raise EngineError(f"apertium-tagger returned {len(outputs)} chunks for {len(chunks)}")
        return outputs[: len(chunks)], set(_UNSEEN_CLASS.findall(done.stderr.decode("utf-8", "replace")))


@dataclass(frozen=True)
class Mode:
    """One translation mode split at its tagger: the stages before it, the tagger's model and options, and
    the stages after it, each stage null-flushing (no tagger: every stage in ``before``)."""

    before: str
    model: str | None
    flags: tuple[str, ...]
    after: str

    @classmethod
    def read(cls, path: Path) -> Mode:
        stages = [_null_flushing(stage) for stage in path.read_text(encoding="utf-8").strip().split(" | ")]
        at = next((n for n, stage in enumerate(stages) if stage[0] == "apertium-tagger"), None)
        if at is None:
            return cls(_pipeline(stages), None, (), "")
        *options, model = [arg for arg in stages[at][1:] if arg != "-z"]
        return cls(_pipeline(stages[:at]), model, tuple(options), _pipeline(stages[at + 1 :]))

    def run(self, chunks: list[str], tagger: HmmTagger) -> list[str]:
        """The mode's output for each NUL-flushed chunk of input."""
        def flushed(command: str, parts: list[str]) -> list[str]:
            data = "".join(part + "\0" for part in parts)
            out = run_process(command, data).stdout.decode("utf-8", "replace").split("\0")
            if len(out) < len(parts):
                raise EngineError(f"apertium returned {len(out)} chunks for {len(parts)}")
            return out[: len(parts)]

        analysed = flushed(self.before, chunks)
        if self.model is None:
            return analysed
        return flushed(self.after, tagger.tag(analysed, self.model, self.flags))


def _null_flushing(stage: str) -> list[str]:
    program, *args = shlex.split(stage)
    args = [value for arg in args if (value := _MODE_PARAMETERS.get(arg, arg))]
    return [program, "-z", *args]


def _pipeline(stages: list[list[str]]) -> str:
    return " | ".join(shlex.join(stage) for stage in stages)
