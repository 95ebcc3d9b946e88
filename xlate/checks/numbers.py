"""Numbers, amounts, percentages and dates that differ between source and translation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from xlate.checks.context import CheckContext
from xlate.checks.mentions import Mention, in_currency_conversion, mentions, unit_after
from xlate.checks.registry import Hit, check
from xlate.model import Sentence, Severity
from xlate.pairs import LanguageResources
from xlate.pairs.units import convert

# A figure converted between units matches within this share, for the rounding translators do
# ("1,700-mile" for «2.735 km» is 1,699.5 miles).
CONVERSION_TOLERANCE = 0.05


def _converted(mention: Mention, unit: str, measures: list[tuple[frozenset[float], str]]) -> bool:
    """Whether the figure is one of the source's measures converted into its unit (give or take rounding)."""
    for values, source_unit in measures:
        if source_unit == unit:
            continue
        for value in values:
            converted = convert(value, source_unit, unit)
            if converted is not None and any(abs(v - converted) <= CONVERSION_TOLERANCE * max(abs(converted), 1.0)
                                             for v in mention.values):
                return True
    return False


def _sentence_mentions(sentences: list[Sentence], text: str, lang: LanguageResources) -> list[Mention]:
    return [m for s in sentences for m in mentions(text, s.start, s.end, lang)]


@check("XL204", "number-mismatch", "accuracy/mistranslation", Severity.MAJOR)
def number_mismatch(ctx: CheckContext) -> Iterator[Hit]:
    """A number, amount, percentage, year or date in the translation that the source does not have.

    What it flags:
        Digits ("53" for «52»), number words ("five" for «tres»), amounts with
        magnitudes and separators («2.000» ↔ "2,000", «1,5 millones» ↔ "1.5
        million"), percentages, years and months («31 de julio» ↔ "July 31")
        in a target sentence whose value appears nowhere in the source. A figure
        that converts a source measure into other units within 5 % ("1,700-mile"
        for «2.735 km», °C → °F, km/h → mph, hectares → acres) or a time into
        the 12-hour clock ("9pm" for «21 horas») is no mismatch, and a time
        counted back from the hour is that time ("8:40" for «neuf heures moins
        vingt», "10:30" for «halb elf»); nor is an amount in brackets
        converted into another currency ("$20m (£12m)"), a
        rounding of a collective numeral ("a dozen" for «una decena», "more
        than 100" for «une centaine»), a number phrase («octavos de final» =
        "the last 16") or "1 per cent" for «un pour cent».
    Why it matters:
        Wrong figures are among the most damaging translation errors in news:
        they are believed, quoted and hard for readers to spot.
    Example:
        Source: «Frazetta hijo, de 52 años, declaró ante la policía…»
        Bad:    "Frazetta Jnr, 53, told police…"
        Good:   "Frazetta Jnr, 52, told police…"
    Fix:
        Copy the figure from the source, converting only the separators.
    """
    src_lang, tgt_lang = ctx.pair.source, ctx.pair.target
    source_all = mentions(ctx.doc.source.text, 0, len(ctx.doc.source.text), src_lang)
    source_values = {(m.kind == "month", v) for m in source_all for v in m.values}
    measures = [(m.values, unit) for m in source_all if (unit := unit_after(ctx.doc.source.text, m.end, src_lang))]
    for _link, sources, targets in ctx.pairs():
        linked = _sentence_mentions(sources, ctx.doc.source.text, src_lang)
        target_mentions = _sentence_mentions(targets, ctx.doc.target.text, tgt_lang)
        target_values = {v for m in target_mentions for v in m.values}
        for mention in target_mentions:
            is_month = mention.kind == "month"
            if any((is_month, v) in source_values for v in mention.values):
                continue
            unit = unit_after(ctx.doc.target.text, mention.end, tgt_lang) if measures else None
            if unit is not None and _converted(mention, unit, measures):
                continue  # a conversion: "1,700-mile" for «2.735 km», "86 degrees Fahrenheit" for «30 grados»
            if in_currency_conversion(ctx.doc.target.text, mention, tgt_lang):
                continue
            if mention.kind == "roman" and re.search(rf"\b{re.escape(mention.text)}\b", ctx.doc.source.text):
                continue  # the source has the same letters ("an XL", "CD's"): a size or a name, not a number
            candidates = [m.text for m in linked if (m.kind == "month") == is_month
                          and m.kind not in ("roman", "approximate") and not m.values & target_values]
            if mention.kind in ("word-magnitude", "ordinal", "approximate") or (
                    mention.kind == "word" and not candidates):
                continue  # "the two countries" for «ambos países», «miles de» for "thousands of": renderings
            expected = f" (the source has {', '.join(candidates)})" if candidates else ""
            what = "month" if is_month else "number"
            yield Hit(
                f"{what} {mention.text!r} does not match the source{expected}",
                target_span=(mention.start, mention.end),
                source_span=(sources[0].start, sources[-1].end) if sources else None,
                suggestion=candidates[0] if len(candidates) == 1 and mention.kind == "digits" else None,
                confidence=0.85 if candidates else 0.7,
            )
