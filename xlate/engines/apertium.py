"""Apertium: rule-based pseudo-reference translation, morphological analysis and POS tags.

Every call sends a whole batch of sentences through one process pipeline
(never one process per sentence): translation uses a separator line that
Apertium passes through untouched; analysis uses lt-proc's NUL-flush mode.
Analysed tokens also carry every translation the pair's bilingual dictionary
gives their lemma (``lt-proc -b``), the evidence the word aligner starts from.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from xlate.errors import EngineError
from xlate.pairs import LanguagePair

log = logging.getLogger(__name__)

SEPARATOR = "---XLSEP---"
_TOKEN = re.compile(r"(?<!\\)\^((?:\\.|[^$\\])*)\$")
_ESCAPE = re.compile(r"([\\^$/<>@\[\]{}*#+~])")
_UNESCAPE = re.compile(r"\\(.)")
_TIMEOUT_S = 600


@dataclass(frozen=True, slots=True)
class Token:
    """One analysed word: its surface form, lemma and tags (``known`` is False for ``*unknown``).

    ``translations`` are the lemmas the bilingual dictionary gives for it in the other language of
    the pair (all alternatives, multiword ones with spaces), empty when it has none.
    """

    surface: str
    lemma: str
    tags: tuple[str, ...]
    known: bool
    translations: tuple[str, ...] = ()

    @property
    def pos(self) -> str:
        return self.tags[0] if self.tags else ""


def _parse_tagged(stream: str) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(stream):
        body = match.group(1)
        parts = re.split(r"(?<!\\)/", body, maxsplit=1)
        surface = _UNESCAPE.sub(r"\1", parts[0])
        analysis = parts[1] if len(parts) > 1 else parts[0]
        known = not analysis.startswith("*")
        analysis = analysis.lstrip("*")
        lemma_part, _, tag_part = analysis.partition("<")
        tags = tuple(re.findall(r"<([^>]+)>", "<" + tag_part)) if tag_part else ()
        invariable = tag_part.partition("#")[2].split("+")[0]  # «conferencia<n># de prensa»
        lemma = _UNESCAPE.sub(r"\1", lemma_part + invariable.rstrip())
        tokens.append(Token(surface, lemma, tags, known, ()))
    return tokens


def _lexical_units(body: str) -> list[str]:
    """The ``^lemma<tags>$`` units the bilingual dictionary looks up for one tagged token (one per part
    of a joined analysis such as «del» = de<pr>+el<det>); none for unknown words and punctuation."""
    analysis = re.split(r"(?<!\\)/", body, maxsplit=1)[-1]
    if analysis.startswith("*") or "<" not in analysis:
        return []
    units = []
    for part in re.split(r"(?<=>)\+", analysis):
        # the dictionary wants a multiword's invariable part after the lemma: «conferencia# de prensa<n>»
        head, _, invariable = part.partition("#")
        lemma, _, tags = head.partition("<")
        units.append(f"^{lemma}#{invariable}<{tags}$" if invariable else f"^{part}$")
    return units


def _translations(unit: str) -> list[str]:
    """The target lemmas of one ``lt-proc -b`` output unit: ``^say<vblex>/decir<vblex>/…$`` → [decir, …]."""
    alternatives = re.split(r"(?<!\\)/", unit)[1:]
    lemmas = []
    for alternative in alternatives:
        lemma = _UNESCAPE.sub(r"\1", alternative.partition("<")[0]).replace("#", "").strip()
        if lemma and not lemma.startswith(("@", "*")):
            lemmas.append(lemma.lower())
    return lemmas


def _one_line(text: str) -> str:
    return " ".join(text.split())


class Apertium:
    """The Apertium engine for one language pair."""

    name = "apertium"

    def __init__(self, pair: LanguagePair) -> None:
        self.pair = pair
        self.data = Path(pair.apertium_data)

    @cached_property
    def available(self) -> bool:
        tools = ("apertium", "lt-proc", "apertium-tagger")
        missing = [t for t in tools if shutil.which(t) is None]
        files = [self._file(self.pair.apertium_source_prefix, ".automorf.bin"),
                 self._file(self.pair.apertium_target_prefix, ".automorf.bin")]
        if missing or not all(f.exists() for f in files):
            log.warning(
                "Apertium is not installed (%s); the checks that need it are off. "
                "Install it with: apt-get install -y apertium apertium-eng-spa",
                ", ".join(missing) or "language data missing",
            )
            return False
        return True

    @cached_property
    def version(self) -> str | None:
        try:
            out = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "apertium-eng-spa"],
                                 capture_output=True, text=True, timeout=10)
            return out.stdout.strip() or None
        except (OSError, subprocess.SubprocessError):
            return None

    def _file(self, prefix: str, suffix: str) -> Path:
        return self.data / f"{prefix}{suffix}"

    def _run(self, command: list[str] | str, data: str) -> str:
        try:
            done = subprocess.run(command, input=data.encode("utf-8"), capture_output=True,
                                  timeout=_TIMEOUT_S, shell=isinstance(command, str), check=False)
        except (OSError, subprocess.SubprocessError) as exc:
            raise EngineError(f"apertium failed: {exc}") from exc
        if done.returncode != 0:
            raise EngineError(f"apertium failed: {done.stderr.decode('utf-8', 'replace').strip()[:200]}")
        return done.stdout.decode("utf-8", "replace")

    def translate(self, sentences: list[str]) -> list[str]:
        """Pseudo-references: ``sentences`` translated by the pair's Apertium mode, in one process."""
        if not sentences:
            return []
        # Every sentence follows a separator, the first one too, so that Apertium translates a sentence
        # the same wherever it falls in a batch (the first of a batch came out "It takes advantage …"
        # and the others "Takes advantage …"; the latter measured better on the dev tune fold).
        data = "".join(f"{SEPARATOR}\n{_one_line(s)}\n" for s in sentences)
        out = self._run(["apertium", "-u", self.pair.apertium_mode], data)
        parts = [p.strip() for p in re.split(rf"\n?{re.escape(SEPARATOR)}\n?", out)][1:]
        if len(parts) != len(sentences):
            raise EngineError(f"apertium returned {len(parts)} translations for {len(sentences)} sentences")
        return parts

    def analyse(self, sentences: list[str], lang: str) -> list[list[Token]]:
        """Tagged tokens of each sentence, analysed as ``lang`` (the pair's source or target)."""
        if not sentences:
            return []
        prefix = self.pair.apertium_source_prefix if lang == self.pair.source.code else \
            self.pair.apertium_target_prefix
        morph, prob = self._file(prefix, ".automorf.bin"), self._file(prefix, ".prob")
        # The newline before each NUL keeps lt-proc from dropping a chunk's final full stop.
        data = "".join(_ESCAPE.sub(r"\\\1", _one_line(s)) + "\n\0" for s in sentences)
        command = f"lt-proc -z -w '{morph}' | apertium-tagger -z -g -p '{prob}'"
        chunks = self._run(command, data).split("\0")
        if len(chunks) < len(sentences):
            raise EngineError(f"apertium tagger returned {len(chunks)} analyses for {len(sentences)} sentences")
        chunks = chunks[: len(sentences)]
        analyses = [_parse_tagged(chunk) for chunk in chunks]
        bilingual = self._file(prefix, ".autobil.bin")
        return self._with_translations(analyses, chunks, bilingual) if bilingual.exists() else analyses

    def _with_translations(self, analyses: list[list[Token]], chunks: list[str], bilingual: Path
                           ) -> list[list[Token]]:
        """Every token with the lemmas the bilingual dictionary gives it, looked up in one process."""
        units = [[_lexical_units(body) for body in _TOKEN.findall(chunk)] for chunk in chunks]
        data = "".join(" ".join(u for per_token in sentence for u in per_token) + "\n\0" for sentence in units)
        chunks = self._run(["lt-proc", "-z", "-b", str(bilingual)], data).split("\0")
        out = []
        for tokens, per_sentence, chunk in zip(analyses, units, chunks, strict=False):
            found = _TOKEN.findall(chunk)
            if len(found) != sum(map(len, per_sentence)):
                out.append(tokens)  # the dictionary lost count: no translations rather than wrong ones
                continue
            lookups = iter(found)
            out.append([replace(token, translations=tuple(dict.fromkeys(
                lemma for _ in parts for lemma in _translations(next(lookups)))))
                for token, parts in zip(tokens, per_sentence, strict=True)])
        return out + analyses[len(out):]
