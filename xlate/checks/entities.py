"""Names: misspelt, swapped or with their accents dropped."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from xlate.checks.context import CheckContext
from xlate.checks.registry import Hit, check
from xlate.checks.text import MIN_NAME_LENGTH, name_parts, names_in, words
from xlate.model import Sentence, Severity
from xlate.pairs.identify import romanisations
from xlate.similarity import fold
from xlate.wordalign import COGNATE, Word, WordAlignment

# A target name this similar to a source name (0–1, accents ignored) is a misspelling of it …
MISSPELLING_SIMILARITY = 0.8
# … and one less similar than this is another name altogether (a swap candidate).
SWAP_MAX_SIMILARITY = 0.5
# A name that starts with a source word of at least this length is derived from it
# ("Afghanistani" from «Afganistán» → "Afghanistan"), not put in place of another.
MIN_DERIVED_STEM = 5
# A declined name keeps its stem and changes at most this many letters at its end («Jedličkův» → "Jedlicka").
INFLECTION_MAX_ENDING = 3


def _full_names(text: str, sentence: Sentence) -> Iterator[tuple[str, int, int, set[str]]]:
    """Runs of two or more capitalised words ("Gustavo Petro", "Nicolás Maduro"), with their folded words."""
    run: list[tuple[str, int, int]] = []
    for word, start, end in [*words(text, sentence.start, sentence.end), ("", -1, -1)]:
        gap = text[run[-1][2] : start] if run else ""
        if word[:1].isupper() and word.isalpha() and not word.isupper() and (not run or gap == " "):
            run.append((word, start, end))
            continue
        if len(run) >= 2:
            yield " ".join(w for w, _, _ in run), run[0][1], run[-1][2], {fold(w) for w, _, _ in run}
        run = [(word, start, end)] if word[:1].isupper() and word.isalpha() and not word.isupper() else []


def _folded_words(text: str) -> set[str]:
    """Every word of ``text`` folded, and the parts of hyphenated and possessive words."""
    return {fold(form) for w, _, _ in words(text) for form in (w, *(part for part, _ in name_parts(w)))}


def _neighbours(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Two folded words before and after ``text[start:end]``."""
    before = [fold(w) for w, _, _ in words(text[max(0, start - 60) : start])][-2:]
    after = [fold(w) for w, _, _ in words(text[end : end + 60])][:2]
    return before, after


def _same_context(target: str, t_span: tuple[int, int], pseudo: str, name: str,
                  function_words: frozenset[str]) -> bool:
    """True when the target name stands where the pseudo-reference has ``name`` (same neighbours)."""
    t_before, t_after = _neighbours(target, *t_span)
    for match in re.finditer(rf"\b{re.escape(name)}\b", pseudo):
        p_before, p_after = _neighbours(pseudo, match.start(), match.end())
        if (len(t_before) == 2 and t_before == p_before) or (len(t_after) == 2 and t_after == p_after):
            return True
        if t_before[-1:] == p_before[-1:] and t_before[-1:] and t_before[-1] not in function_words:
            return True
        if t_after[:1] == p_after[:1] and t_after[:1] and t_after[0] not in function_words:
            return True
    return False


def _skeleton(folded: str, spellings: tuple[tuple[str, str], ...]) -> str:
    for a, b in spellings:
        folded = folded.replace(a, b)
    return folded


def _undoubled(folded: str) -> str:
    return re.sub(r"(.)\1", r"\1", folded)


def _romanised(text: str, table: tuple[tuple[str, str], ...]) -> str:
    """``text`` in lower case with the language's letters spelt as without them («Straße» → "strasse")."""
    lowered = text.lower()
    for letter, spelling in table:
        lowered = lowered.replace(letter, spelling)
    return lowered if table else ""


def _is_transliteration(name: str, source_name: str, spellings: tuple[tuple[str, str], ...]) -> bool:
    """Same skeleton under the pair's name spellings, and not merely a doubled letter ("Guatemalla" is
    a typo, "Mouallem" a spelling)."""
    return bool(spellings) and _skeleton(name, spellings) == _skeleton(source_name, spellings) and \
        _undoubled(name) != _undoubled(source_name)


def _swapped_full_names(ctx: CheckContext, known: set[str], target_known: set[str]) -> Iterator[Hit]:
    """A full name in the translation sharing no word with the source, where the aligned source has a
    full name sharing no word with the translation: one person put in place of another."""
    source_text, target_text = ctx.doc.source.text, ctx.doc.target.text
    for _link, sources, targets in ctx.pairs():
        yield from _swapped_surnames(ctx, sources, targets, known)
        pseudo = ctx.pseudo_reference(sources) or ""
        # names Apertium copies unchanged are names of people and places, not translatable phrases
        # («Jemeres Rojos», «Oriente Próximo», «La Reina»)
        absent = [name for s in sources for name, _, _, parts in _full_names(source_text, s)
                  if not parts & target_known and name in pseudo]
        if not absent:
            continue
        for sentence in targets:
            for name, start, end, parts in _full_names(target_text, sentence):
                if not parts & known:
                    yield Hit(f"“{name}” is not in the source, which names {absent[0]} here", (start, end),
                              suggestion=absent[0], confidence=0.75)


def _lost_names(alignment: WordAlignment, names: frozenset[str], target_words: set[str]) -> list[Word]:
    """Source names that no target word renders: not linked, and neither they nor their dictionary
    translations among the translation's words."""
    linked = alignment.linked("source", COGNATE)
    return [w for i, w in enumerate(alignment.source) if w.pos in names and i not in linked
            and len(w.text) >= MIN_NAME_LENGTH and fold(w.text) not in target_words
            and not any(fold(x) in target_words for x in w.translations)]


def _replaced_names(ctx: CheckContext, known: set[str]) -> Iterator[Hit]:
    """A name of the translation that nothing in the source accounts for, in a one-to-one link whose
    source has a name that the translation lacks: "Italy" for «Francia». Both sides come from the word
    alignment, so they are names the analysers know (countries, cities, many surnames); counting the
    capitalised words they do not know as well flagged four more clean dev items and caught no more."""
    if not {"source-analysis", "target-analysis"} <= ctx.available_engines:
        return
    source_names, target_names = ctx.pair.source.analyser.names, ctx.pair.target.analyser.names
    for link in ctx.doc.links:
        if link.kind != "1-1":
            continue
        alignment = ctx.word_alignment(link)
        target_words = {fold(w.text) for w in alignment.target}
        lost = _lost_names(alignment, source_names, target_words)
        if len(lost) != 1:
            continue
        linked = alignment.linked("target", COGNATE)
        # compared with the lost name's English forms where the dictionary has them ("Syria" is as
        # like «Francia» as a misspelling might be, and nothing like "France")
        forms = lost[0].translations or (lost[0].text,)
        new = [w for j, w in enumerate(alignment.target) if w.pos in target_names and j not in linked
               and len(w.text) >= MIN_NAME_LENGTH and fold(w.text) not in known
               and max(SequenceMatcher(None, fold(w.text), fold(form)).ratio() for form in forms) < SWAP_MAX_SIMILARITY]
        given = ctx.pair.source.analyser.given_names, ctx.pair.target.analyser.given_names
        if len(new) == 1 and not (given[0] & set(lost[0].tags) and given[1] & set(new[0].tags)):
            # (one given name for another may be its exonym: "William" for «Guillermo»)
            yield Hit(f"{new[0].text!r} stands where the source names {lost[0].text!r}", (new[0].start, new[0].end),
                      suggestion=lost[0].text, confidence=0.6)


def _swapped_surnames(ctx: CheckContext, sources: list[Sentence], targets: list[Sentence],
                      known: set[str]) -> Iterator[Hit]:
    """A full name of the translation that keeps one part of a source full name and replaces another
    with a name found nowhere in the source ("Pena Batlló" for «Peña Nieto»)."""
    source_text, target_text = ctx.doc.source.text, ctx.doc.target.text
    target_words = {fold(w) for t in targets for w, _, _ in words(target_text, t.start, t.end)}
    wordlist = ctx.pair.target.wordlist
    source_names = [parts for s in sources for _, _, _, parts in _full_names(source_text, s)]
    for sentence in targets:
        # the new part must be a word neither the analyser nor the word list knows ("Batlló"), not a
        # place or common word that a rewording brings in ("Shanghai Municipal…", "Luckily Mazatlán")
        known_here = {t.start for t in ctx.target_tokens(sentence) or [] if t.token.known}
        for _, _, _, parts in _full_names(target_text, sentence):
            new = [w for w, start, _ in words(target_text, sentence.start, sentence.end)
                   if fold(w) in parts - known and len(w) >= MIN_NAME_LENGTH and w.lower() not in wordlist
                   and start not in known_here]
            for source_parts in source_names:
                lost = sorted(source_parts - target_words)
                if not (parts & source_parts) or len(lost) != 1 or len(new) != 1:
                    continue
                original = next(w for w, _, _ in words(source_text) if fold(w) == lost[0])
                if SequenceMatcher(None, fold(new[0]), lost[0]).ratio() < SWAP_MAX_SIMILARITY:
                    start = target_text.index(new[0], sentence.start)
                    yield Hit(f"{new[0]!r} stands where the source names {original!r}",
                              (start, start + len(new[0])), suggestion=original, confidence=0.7)


def _common_source_words(ctx: CheckContext, sentence: Sentence) -> set[int]:
    """Start offsets of the source words the analyser knows as common words, capitalised or not
    («Población» in «Comisión Municipal de Población»): they are translated, so their absence from
    the translation proves nothing."""
    return {t.start for t in ctx.source_tokens(sentence) or [] if t.token.known and t.token.pos != "np"}


def _is_adjective_rendering(name: str, source_name: str, endings: tuple[tuple[str, str], ...]) -> bool:
    """«Hidrometeorológico» → "Hydrometeorological": a capitalised adjective of an institution's name,
    translated with the pair's usual change of ending."""
    return any(source_name.endswith(s) and name.endswith(t) and len(source_name) - len(s) >= MIN_DERIVED_STEM
               for s, t in endings)


def _one_edit_apart(a: str, b: str) -> bool:
    """True when one letter inserted, deleted, replaced or two adjacent letters swapped turn ``a`` into
    ``b`` ("Wtat" ~ «Watt», "Jisé" ~ «José»): the typos of short names that the similarity ratio misses."""
    if a == b or abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < MIN_NAME_LENGTH:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _is_exonym_ending(name: str, source_name: str, final_letters: frozenset[tuple[str, str]]) -> bool:
    """Same length with only the last letter different («Palestina» → "Palestine", «Jerusalén» →
    "Jerusalem"), or one is the other plus an ending of at most two letters («Microcrédito» →
    "Microcredit", «Hampton» → "Hamptons")."""
    if len(name) == len(source_name):
        return name[:-1] == source_name[:-1] and (source_name[-1], name[-1]) in final_letters
    short, long = sorted((name, source_name), key=len)
    return long.startswith(short) and len(long) - len(short) <= 2


def _is_inflected_form(name: str, source_name: str, case_endings: frozenset[str] = frozenset()) -> bool:
    """The same stem with another ending of at most INFLECTION_MAX_ENDING letters: a name declined in the
    source («Šternberská», «Jedličkův» in a text translated from Czech → "Sternberk", "Jedlicka"). A
    single letter changed, dropped or added stays a misspelling ("Alejando"), and so does a name whose
    letters the pair's name spellings make the source's ("Luiisa") — unless the two end in two of the
    source language's case endings ("Kleiner" for «Kleinen»)."""
    stem = next((i for i, (a, b) in enumerate(zip(name, source_name, strict=False)) if a != b),
                min(len(name), len(source_name)))
    ending = max(len(name), len(source_name)) - stem
    if name == source_name or stem < MIN_DERIVED_STEM or ending > INFLECTION_MAX_ENDING:
        return False
    return not _one_edit_apart(name, source_name) or _exchanged_ending(name, source_name, case_endings)


def _exchanged_ending(name: str, source_name: str, endings: frozenset[str]) -> bool:
    """Whether the two are one stem with two different endings of ``endings``."""
    return any(name.endswith(a) and source_name.endswith(b) and name[: -len(a)] == source_name[: -len(b)]
               and len(name) - len(a) >= MIN_DERIVED_STEM for a in endings for b in endings if a != b)


def _keeps_accents(source_text: str, target_text: str) -> bool:
    """True when the translation keeps the accents of most accented source words it copies."""
    target_words = {w for w, _, _ in words(target_text)}
    folded_target = {fold(w) for w in target_words}
    accented = {w for w, _, _ in words(source_text) if not w.isascii() and w[:1].isupper()}
    kept = sum(1 for w in accented if w in target_words)
    dropped = sum(1 for w in accented if w not in target_words and fold(w) in folded_target)
    return kept > dropped


@check("XL205", "entity-mismatch", "accuracy/mistranslation", Severity.MAJOR)
def entity_mismatch(ctx: CheckContext) -> Iterator[Hit]:
    """A name misspelt, swapped for another, or with its accents dropped: "Alejando" for «Alejandro».

    What it flags:
        A capitalised name in the translation that neither the source nor its
        pseudo-reference contains. When it is no English word and a source name
        is spelt almost the same ("Alejando" ~ «Alejandro») it is a misspelling;
        when it stands where the pseudo-reference has a source name that the
        translation lacks (same neighbouring words), or when it is the only
        unexplained name of a sentence whose source has exactly one lost name,
        or the replaced part of a full name ("Peña Batlló" for «Peña Nieto»),
        it is a swap. So is a name that no word of the source renders in a
        one-to-one link whose source has exactly one name the translation
        lacks ("Italy" for «Francia»), by the word alignment. One-letter
        typos of short names ("Wtat") count as misspellings; possessive and
        hyphenated names are split; a name that begins a word of a source
        language that writes compounds as one word («Düsseldorfer»,
        «Landesbankensektor») is that word's; a name declined in the source
        («Jedličkův» → "Jedlicka": the same stem, another ending of up to three
        letters, not one edit apart) is the same name; and a name the word
        alignment links to a source word ("Pacific" for «pacifique») is
        accounted for. A name whose
        accents were dropped («Bárcena» → "Barcena") is a minor finding,
        reported only when the translation keeps most other accents.
    Why it matters:
        Misspelt and swapped names misinform readers and break search, archives
        and legal accuracy; they survive spell-checkers.
    Example:
        Source: «…el secretario de Seguridad Nacional, Alejandro Mayorkas…»
        Bad:    "…the Secretary of Homeland Security, Alejando Mayorkas…"
        Good:   "…the Secretary of Homeland Security, Alejandro Mayorkas…"
    Fix:
        Copy the name from the source.
    """
    source_text, target_text = ctx.doc.source.text, ctx.doc.target.text
    pseudo_all = ctx.pseudo_reference(ctx.doc.source.sentences) or ""
    # names keep the spelling of their own language without its letters ("Rathausstrasse" in a French text)
    known = _folded_words(source_text) | _folded_words(pseudo_all) | _folded_words(
        _romanised(source_text, romanisations()))
    target_known = _folded_words(target_text)
    source_exact = {w for w, _, _ in words(source_text)}
    keeps_accents = _keeps_accents(source_text, target_text)
    function_words = ctx.pair.target.non_final_words
    wordlist = ctx.pair.target.wordlist
    source_names = {fold(w): w for s in ctx.doc.source.sentences
                    for w, _, _ in names_in(source_text, s, ctx.pair.source)}
    yield from _swapped_full_names(ctx, known, target_known)
    yield from _replaced_names(ctx, known)
    for link, sources, targets in ctx.pairs():
        pseudo = ctx.pseudo_reference(sources) or ""
        # source names Apertium passed through untranslated and the aligned translation lacks
        link_words = set().union(*(_folded_words(target_text[t.start : t.end]) for t in targets))
        common = {start for s in sources for start in _common_source_words(ctx, s)}
        missing = {w for s in sources for w, start, _ in names_in(source_text, s, ctx.pair.source)
                   if fold(w) not in link_words and re.search(rf"\b{re.escape(w)}\b", pseudo)
                   and start not in common}
        alignment = ctx.word_alignment(link)
        rendered = [(alignment.target[j].start, alignment.target[j].end) for j in alignment.linked("target", COGNATE)]
        for sentence in targets:
            tokens = ctx.target_tokens(sentence) or []
            english_words = {t.start for t in tokens if t.token.known}
            common_words = {t.start for t in tokens if t.token.known and t.token.pos != "np"}
            # spans of everything the analyser knows, multiword names included ("Foreign Affairs"), and of
            # the words the word alignment links to a source word ("Dionysian" ~ «dionysiaques»)
            known_spans = [(t.start, t.end) for t in tokens if t.token.known] + rendered
            unexplained = []  # names of this sentence that nothing in the source accounts for
            for name, start, end in names_in(target_text, sentence, ctx.pair.target):
                folded = fold(name)
                if folded in known:
                    if keeps_accents and name not in source_exact and name.isascii() and folded not in wordlist:
                        accented = next((w for w in source_exact if fold(w) == folded and not w.isascii()), None)
                        if accented:
                            yield Hit(f"{name!r} drops the accents of {accented!r}", (start, end),
                                      suggestion=accented, confidence=0.6, severity=Severity.MINOR)
                    continue
                if target_text.count(name) > 1:
                    continue  # rendered the same way throughout: a deliberate choice
                close = max(((SequenceMatcher(None, folded, f).ratio(), w) for f, w in source_names.items()),
                            default=(0.0, ""))
                swapped = next((w for w in sorted(missing)
                                if SequenceMatcher(None, folded, fold(w)).ratio() < SWAP_MAX_SIMILARITY
                                and _same_context(target_text, (start, end), pseudo, w, function_words)), None)
                if swapped and start not in common_words and close[0] < MISSPELLING_SIMILARITY:
                    yield Hit(f"{name!r} stands where the source names {swapped!r}", (start, end),
                              suggestion=swapped, confidence=0.7)
                    missing.discard(swapped)
                    continue
                if any(folded.startswith(k) for k in known if len(k) >= MIN_DERIVED_STEM):
                    continue
                if ctx.pair.source.compounds and len(folded) >= MIN_DERIVED_STEM and any(
                        k.startswith(folded) for k in known):
                    continue  # the name begins a source compound or derived form («Düsseldorfer»)
                if not any(a <= start < b for a, b in known_spans) and close[0] < SWAP_MAX_SIMILARITY:
                    unexplained.append((name, start, end))
                if start in english_words or folded in wordlist or name.lower() in wordlist or (
                        ctx.engines.has_speller and ctx.engines.speller.known(name)):
                    continue  # an English word or a known exonym ("Havana", "Bosphorus"), not a misspelling
                source_name, pair = fold(close[1]), ctx.pair
                skeleton, source_skeleton = (_skeleton(n, pair.name_spellings) for n in (folded, source_name))
                variant = _is_exonym_ending(folded, source_name, pair.exonym_final_letters) or \
                    _is_transliteration(folded, source_name, pair.name_spellings) or \
                    _is_adjective_rendering(folded, source_name, pair.adjective_endings) or \
                    _is_inflected_form(skeleton, source_skeleton, pair.source.name_case_endings)
                # one letter off the source's after the pair's spellings, at the same length ("Aliyef"
                # for «Alijew», Aliyev; an added ending is a rendering: «Filarmónica», "Philharmonic")
                misspelt = close[0] >= MISSPELLING_SIMILARITY or _one_edit_apart(folded, source_name) or (
                    len(skeleton) == len(source_skeleton) and _one_edit_apart(skeleton, source_skeleton))
                if misspelt and not variant:
                    yield Hit(f"{name!r} looks like a misspelling of {close[1]!r}", (start, end),
                              suggestion=close[1], confidence=min(1.0, max(close[0], MISSPELLING_SIMILARITY)))
            if link.kind == "1-1" and len(unexplained) == 1 and len(missing) == 1:
                (name, start, end), (swapped,) = unexplained[0], missing
                yield Hit(f"{name!r} stands where the source names {swapped!r}", (start, end),
                          suggestion=swapped, confidence=0.6)
