"""Style and terminology: calques, glossary terms, inconsistent renderings and official titles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from xlate.checks.context import CheckContext
from xlate.checks.registry import Hit, check
from xlate.model import Severity
from xlate.pairs import Calque, OfficialTitle
from xlate.similarity import fold


@cache
def _compiled_calque(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)


@check("XL107", "calque", "style/unidiomatic", Severity.MINOR)
def calque(ctx: CheckContext) -> Iterator[Hit]:
    """A literal rendering of a Spanish turn of phrase: "between both countries", "Aztec territory".

    What it flags:
        Phrases from the language pair's curated calque table
        (``xlate/pairs/data/calques_es_en.tsv``, documented in its README), each
        wrong in every English news context, with its idiomatic fix.
    Why it matters:
        Calques mark a text as machine-translated and sometimes mislead ("the
        actual president" for «el actual presidente» means the real one, not
        the current one).
    Example:
        Source: «…la ampliación del muro en la frontera entre ambos países.»
        Bad:    "…the expansion of the wall on the border between both countries."
        Good:   "…the expansion of the wall on the border between the two countries."
    Fix:
        Use the suggested idiomatic phrase.
    """
    text = ctx.doc.target.text
    entries: tuple[Calque, ...] = ctx.pair.calques
    for entry in entries:
        for match in _compiled_calque(entry.pattern).finditer(text):
            yield Hit(f"literal rendering “{match.group()}”: {entry.note}", target_span=match.span(),
                      suggestion=match.expand(entry.fix), confidence=0.8)


def _office_pattern(office: str) -> re.Pattern[str]:
    """The Spanish office in either gender, accents optional: "secretari[oa] de seguridad nacional"."""
    first, _, rest = fold(office).partition(" ")
    if first.endswith("o"):
        first = first[:-1] + "[oa]"
    elif first.endswith("e"):
        first = first[:-1] + "[ea]"
    elif first.endswith(("r", "l")):
        first += "a?"
    body = first + (r"\s+" + r"\s+".join(map(re.escape, rest.split())) if rest else "")
    return re.compile(rf"\b{body}\b", re.IGNORECASE)


@cache
def _phrase(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", re.IGNORECASE)


# Characters around an office in the source searched for a country cue («la canciller argentina»).
COUNTRY_WINDOW = 60


def _offices_in_source(ctx: CheckContext) -> list[tuple[OfficialTitle, list[re.Match[str]]]]:
    folded = fold(ctx.doc.source.text)
    found = []
    for title in ctx.pair.titles:
        matches = list(_office_pattern(title.source).finditer(folded))
        if matches:
            found.append((title, matches))
    return found


def _resolve_countries(ctx: CheckContext, found: list[tuple[OfficialTitle, list[re.Match[str]]]]
                       ) -> dict[str, OfficialTitle]:
    """Office → the row of the country the source places it in, for offices several countries share."""
    folded = fold(ctx.doc.source.text)
    rows: dict[str, list[OfficialTitle]] = {}
    for title, _ in found:
        rows.setdefault(title.source, []).append(title)
    resolved = {}
    for office, candidates in rows.items():
        if len(candidates) == 1:
            resolved[office] = candidates[0]
            continue
        matches = next(m for t, m in found if t.source == office)
        near = " ".join(folded[max(0, m.start() - COUNTRY_WINDOW) : m.end() + COUNTRY_WINDOW] for m in matches)
        cues = ctx.pair.country_cues
        placed = [t for t in candidates
                  if any(re.search(rf"\b{re.escape(fold(c))}\b", near) for c in cues.get(t.country, ()))]
        if len(placed) == 1:
            resolved[office] = placed[0]
    return resolved


def _wrong_renderings(ctx: CheckContext) -> Iterator[tuple[str, OfficialTitle, bool]]:
    """(rendering, office row, office named in the source) for every rendering to flag, longest first.

    A rendering is wrong when the row of the office's country lists it as wrong or, for an office
    the source places in a country, when only another country's row accepts it ("Chancellor" for
    «la canciller argentina»); otherwise only renderings no row of the table accepts are flagged
    (offices share Spanish names across countries).
    """
    found = _offices_in_source(ctx)
    resolved = _resolve_countries(ctx, found)
    accepted_anywhere = {fold(a) for title in ctx.pair.titles for a in title.accepted}
    out: list[tuple[str, OfficialTitle, bool]] = []
    for office, row in resolved.items():
        own = {fold(a) for a in row.accepted}
        others = [t for t, _ in found if t.source == office and t is not row]
        out.extend((w, row, True) for w in row.wrong if fold(w) not in own)
        out.extend((r, row, True) for t in others for r in (*t.accepted, *t.wrong) if fold(r) not in own)
    in_source = {t.source for t, _ in found}
    for title, _ in found:
        if title.source not in resolved:
            out.extend((w, title, True) for w in title.wrong if fold(w) not in accepted_anywhere)
    for title in ctx.pair.titles:
        if title.source not in in_source:
            out.extend((w, title, False) for w in title.wrong if fold(w) not in accepted_anywhere)
    yield from sorted(out, key=lambda item: (-len(item[0]), not item[2]))


@check("XL303", "official-title", "terminology", Severity.MAJOR)
def official_title(ctx: CheckContext) -> Iterator[Hit]:
    """An office mistranslated: «secretario de Seguridad Nacional» (US) → "Secretary of National Security".

    What it flags:
        A rendering of an office that the pair's table of offices (Spanish →
        English: Mexico, the United States, Spain, Latin America and
        international bodies, ``xlate/pairs/data/titles_es_en.tsv``; English →
        Spanish: US and UK offices, ``titles_en_es.tsv``) lists as wrong, or that belongs
        to another country's office of the same Spanish name when the source
        says whose office it is («la canciller argentina» → not "Chancellor").
    Why it matters:
        Official titles are facts: "Secretary of National Security" does not
        exist in the US cabinet, and a wrong title can point to another person.
    Example:
        Source: «…acompañado por el secretario de Seguridad Nacional, Alejandro Mayorkas…»
        Bad:    "…accompanied by the Secretary of National Security, Alejandro Mayorkas…"
        Good:   "…accompanied by the Secretary of Homeland Security, Alejandro Mayorkas…"
    Fix:
        Use the accepted name of the office in the target language.
    """
    text, language = ctx.doc.target.text, ctx.pair.target.name or ctx.pair.target.code
    seen: list[tuple[int, int]] = []
    for rendering, title, named in _wrong_renderings(ctx):
        for match in _phrase(rendering).finditer(text):
            if any(s < match.end() and match.start() < e for s, e in seen):
                continue
            seen.append(match.span())
            where = {"intl": "international"}.get(title.country, title.country)
            yield Hit(f"“{match.group()}” is not the {language} name of the office «{title.source}» ({where})",
                      target_span=match.span(), suggestion=title.accepted[0], confidence=0.85 if named else 0.6)


@check("XL302", "inconsistent-term", "terminology/inconsistent", Severity.MINOR)
def inconsistent_term(ctx: CheckContext) -> Iterator[Hit]:
    """One source office or term rendered in different ways within an article.

    What it flags:
        An office from the titles table named in the source (and placed in one
        country) whose English renderings in the translation differ (e.g. "Foreign Minister" in one
        paragraph and "Secretary of Foreign Affairs" in another); every
        rendering after the first is flagged.
    Why it matters:
        Readers take two different titles for two different people or bodies.
    Example:
        Source: «La canciller Bárcena… Más tarde, la canciller dijo…»
        Bad:    "Foreign Minister Bárcena… Later, the Secretary of Foreign Affairs said…"
        Good:   "Foreign Minister Bárcena… Later, the foreign minister said…"
    Fix:
        Use the first rendering throughout.
    """
    text = ctx.doc.target.text
    flagged: set[tuple[int, int]] = set()
    found = _offices_in_source(ctx)
    resolved = _resolve_countries(ctx, found)
    for title, _ in found:
        if resolved.get(title.source) is not title:
            continue  # an office several countries share, placed in none: renderings may differ rightly
        renderings = sorted(
            ((m.start(), m.end(), fold(r)) for r in (*title.accepted, *title.wrong) for m in _phrase(r).finditer(text)),
        )
        # drop renderings nested inside a longer one ("Foreign Minister" inside "Deputy Foreign Minister")
        outer = [r for r in renderings if not any(o != r and o[0] <= r[0] and r[1] <= o[1] for o in renderings)]
        if len({r[2] for r in outer}) < 2:
            continue
        first = outer[0]
        for start, end, form in outer[1:]:
            if form != first[2] and (start, end) not in flagged:
                flagged.add((start, end))
                yield Hit(f"«{title.source}» is rendered “{text[start:end]}” here but "
                          f"“{text[first[0]:first[1]]}” earlier", target_span=(start, end),
                          suggestion=text[first[0] : first[1]], confidence=0.6)


@check("XL301", "glossary", "terminology", Severity.MAJOR)
def glossary(ctx: CheckContext) -> Iterator[Hit]:
    """A term translated against the glossary given with ``--glossary`` (CSV or TBX).

    What it flags:
        A source sentence containing a glossary term whose aligned translation
        lacks every approved rendering of it.
    Why it matters:
        Newsrooms fix the English names of parties, programmes and institutions;
        off-glossary renderings break consistency and search.
    Example:
        Glossary: «Guardia Nacional» → "National Guard"
        Source: «La Guardia Nacional desplegó 500 elementos.»
        Bad:    "The National Watch deployed 500 members."
        Good:   "The National Guard deployed 500 members."
    Fix:
        Use the glossary's rendering.
    """
    if not ctx.glossary:
        return
    for _link, sources, targets in ctx.pairs():
        if not targets:
            continue
        source = fold(" ".join(s.text for s in sources))
        target = fold(" ".join(t.text for t in targets))
        for entry in ctx.glossary:
            if not re.search(rf"\b{re.escape(fold(entry.source))}\b", source):
                continue
            if any(re.search(rf"\b{re.escape(fold(t))}\b", target) for t in entry.targets):
                continue
            yield Hit(f"«{entry.source}» should be rendered “{entry.targets[0]}” (glossary)",
                      target_span=(targets[0].start, targets[-1].end),
                      source_span=(sources[0].start, sources[-1].end), suggestion=entry.targets[0],
                      confidence=0.8)
