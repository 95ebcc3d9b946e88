"""Apertium: rule-based pseudo-reference translation, morphological analysis and POS tags.

Every call sends a whole batch of sentences through one process pipeline, one
NUL-flushed chunk per sentence (the tagger alone takes a process of its own for
the few sentences that would change its state: see apertium_tagger).
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

from xlate.engines.apertium_tagger import TOKEN, HmmTagger, Mode, run_process
from xlate.errors import EngineError
from xlate.pairs import LanguagePair

log = logging.getLogger(__name__)

SEPARATOR = "---XLSEP---"
_ESCAPE = re.compile(r"([\\^$/<>@\[\]{}*#+~])")
_UNESCAPE = re.compile(r"\\(.)")
# Bilingual lookups sent to lt-proc per NUL-flushed chunk (a flush per token cost a quarter more time).
LOOKUP_GROUPS = 64


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
    for match in TOKEN.finditer(stream):
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


def _alternatives(body: str) -> list[str]:
    """The translations in one ``lt-proc -b`` output unit, ``say<vblex>/decir<vblex>/…`` → [decir<vblex>, …]
    (unknown words, marked ``@`` or ``*``, have none)."""
    return [a for a in re.split(r"(?<!\\)/", body)[1:] if a and not a.startswith(("@", "*"))]


def _lemmas(units: list[str]) -> list[str]:
    """The lower-cased lemmas of ``^lemma<tags>$`` units (multiword ones with spaces)."""
    lemmas = []
    for unit in units:
        lemma = _UNESCAPE.sub(r"\1", unit[1:-1].partition("<")[0]).replace("#", "").strip()
        if lemma:
            lemmas.append(lemma.lower())
    return lemmas


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _escaped(text: str) -> str:
    """One line of text as an Apertium stream (its reserved characters escaped)."""
    return _ESCAPE.sub(r"\\\1", _one_line(text))


class Apertium:
    """The Apertium engine for one language pair: whatever of translation and analysis its data gives."""

    name = "apertium"
    modes_folder = Path("/usr/share/apertium/modes")

    def __init__(self, pair: LanguagePair) -> None:
        self.pair = pair
        self.data = pair.apertium
        self._tagger = HmmTagger()
        self._modes: dict[str, Mode] = {}

    @cached_property
    def available(self) -> bool:
        """Whether Apertium does anything for the pair (at least one side analysed)."""
        missing = [t for t in ("lt-proc", "apertium-tagger") if shutil.which(t) is None]
        if missing or not (self.analyses(self.pair.source.code) or self.analyses(self.pair.target.code)):
            if self.data.packages:
                log.warning("Apertium is not installed (%s); the checks that need it are off. Install it with: "
                            "apt-get install -y apertium %s", ", ".join(missing) or "language data missing",
                            " ".join(self.data.packages))
            return False
        return True

    @cached_property
    def translates(self) -> bool:
        """Whether the pair's translation modes are installed (pseudo-references)."""
        return bool(self.data.translation) and shutil.which("apertium") is not None and all(
            (self.modes_folder / f"{mode}.mode").exists() for mode in self.data.translation)

    def _analyser(self, lang: str) -> str:
        return self.data.source_analyser if lang == self.pair.source.code else self.data.target_analyser

    @cached_property
    def _installed_analysers(self) -> frozenset[str]:
        return frozenset(lang for lang in (self.pair.source.code, self.pair.target.code)
                         if (path := self._analyser(lang)) and Path(f"{path}.automorf.bin").exists()
                         and Path(f"{path}.prob").exists())

    def analyses(self, lang: str) -> bool:
        """Whether the analyser of ``lang`` (the pair's source or target language) is installed."""
        return lang in self._installed_analysers

    @cached_property
    def version(self) -> str | None:
        try:
            out = subprocess.run(["dpkg-query", "-W", "-f", "${Package}=${Version} ", *self.data.packages],
                                 capture_output=True, text=True, timeout=10)
            return out.stdout.strip() or None
        except (OSError, subprocess.SubprocessError):
            return None

    def _run(self, command: list[str] | str, data: str) -> str:
        return run_process(command, data).stdout.decode("utf-8", "replace")

    def translate(self, sentences: list[str]) -> list[str]:
        """Pseudo-references: ``sentences`` translated through the pair's modes in turn."""
        if not sentences:
            return []
        texts = list(sentences)
        for mode in self.data.translation:
            # A separator before every sentence, so that Apertium translates a sentence as it did when
            # the batch was one stream (a sentence after text came out "Takes advantage …", a first one
            # "It takes advantage …"; the former measured better on the dev tune fold).
            chunks = [f"{SEPARATOR}\n{_escaped(text)}\n" for text in texts]
            out = self._mode(mode).run(chunks, self._tagger)
            texts = [_UNESCAPE.sub(r"\1", o).replace(SEPARATOR, "").strip() for o in out]
        return texts

    def _mode(self, name: str) -> Mode:
        if name not in self._modes:
            self._modes[name] = Mode.read(self.modes_folder / f"{name}.mode")
        return self._modes[name]

    def analyse(self, sentences: list[str], lang: str) -> list[list[Token]]:
        """Tagged tokens of each sentence, analysed as ``lang`` (the pair's source or target language)."""
        if not sentences:
            return []
        path = self._analyser(lang)
        # The newline before each NUL keeps lt-proc from dropping a chunk's final full stop.
        data = "".join(_escaped(s) + "\n\0" for s in sentences)
        morphology = self._run(["lt-proc", "-z", "-w", path + ".automorf.bin"], data).split("\0")
        if len(morphology) < len(sentences):
            raise EngineError(f"lt-proc returned {len(morphology)} analyses for {len(sentences)} sentences")
        chunks = self._tagger.tag(morphology[: len(sentences)], path + ".prob", ("-g", "-p"))
        analyses = [_parse_tagged(chunk) for chunk in chunks]
        dictionaries = self.data.source_dictionaries if lang == self.pair.source.code else \
            self.data.target_dictionaries
        if not dictionaries or not all(Path(d).exists() for d in dictionaries):
            return analyses
        return self._with_translations(analyses, chunks, dictionaries)

    def _with_translations(self, analyses: list[list[Token]], chunks: list[str], dictionaries: tuple[str, ...]
                           ) -> list[list[Token]]:
        """Every token with the lemmas the bilingual dictionaries give it (through a pivot language
        when there are several), each dictionary looked up in one process."""
        units = [[_lexical_units(body) for body in TOKEN.findall(chunk)] for chunk in chunks]
        # A sentence whose tokens the tagger and the parser count differently gets no translations.
        units = [per_sentence if len(per_sentence) == len(tokens) else [[] for _ in tokens]
                 for per_sentence, tokens in zip(units, analyses, strict=True)]
        # One group of units per unit of a token; after each dictionary, a group holds the unit's
        # translations as units for the next one.
        groups = [[unit] for per_sentence in units for parts in per_sentence for unit in parts]
        for dictionary in dictionaries:
            groups = self._look_up(groups, dictionary)
        found = iter(groups)
        return [[replace(token, translations=tuple(dict.fromkeys(
            lemma for _ in parts for lemma in _lemmas(next(found)))))
            for token, parts in zip(tokens, per_sentence, strict=True)]
            for tokens, per_sentence in zip(analyses, units, strict=True)]

    def _look_up(self, groups: list[list[str]], dictionary: str, size: int = LOOKUP_GROUPS) -> list[list[str]]:
        """The translations of each group's units in ``dictionary``, as ``^lemma<tags>$`` units. Groups
        go ``size`` to a NUL-flushed chunk; a chunk whose count the dictionary loses is looked up again
        one group to a chunk, so that only the group at fault gets none, not those that shared its chunk
        (which may belong to other documents of the batch)."""
        chunks = [groups[i : i + size] for i in range(0, len(groups), size)]
        data = "".join(" ".join(unit for group in chunk for unit in group) + "\n\0" for chunk in chunks)
        outputs = self._run(["lt-proc", "-z", "-b", dictionary], data).split("\0")[: len(chunks)]
        out: list[list[str]] = []
        for chunk, output in zip(chunks, outputs + [""] * (len(chunks) - len(outputs)), strict=True):
            found = TOKEN.findall(output)
            if len(found) != sum(map(len, chunk)):
                # no translations rather than wrong ones
                out.extend(self._look_up(chunk, dictionary, 1) if size > 1 else [[] for _ in chunk])
                continue
            bodies = iter(found)
            out.extend([f"^{alternative}$" for _ in group for alternative in _alternatives(next(bodies))]
                       for group in chunk)
        return out
