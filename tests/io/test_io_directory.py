"""Directory of article pairs, in both layouts and with HTML sides."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from xlate.errors import InputError
from xlate.io.directory import read_directory
from xlate.model import BadInput, PairInput

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "inputs"


def test_both_layouts_sorted_with_html_and_a_missing_side() -> None:
    root = FIXTURES / "dir_pairs"
    records = list(read_directory(root))
    assert [r.id for r in records] == ["alpha", "beta", "gamma", "orphan", "sub/delta"]
    alpha, beta, gamma, orphan, delta = records
    assert isinstance(alpha, PairInput)
    assert alpha.source == (root / "alpha.es.txt").read_text(encoding="utf-8")
    assert alpha.origin == str(root / "alpha.en.txt")
    assert isinstance(beta, PairInput) and beta.origin == str(root / "beta" / "target.en.txt")
    assert beta.target == "A magnitude 6.2 earthquake shook northern Chile.\n"
    assert isinstance(gamma, PairInput)
    assert gamma.source.startswith("Miles de migrantes cruzan la frontera en Cúcuta\n\nEl éxodo venezolano")
    assert "Portada" not in gamma.source and "Copyright" not in gamma.target
    assert isinstance(orphan, BadInput)
    missing = root / "orphan.en.txt"
    assert orphan.error == f"{root / 'orphan.es.txt'}: no English file ({missing} is missing)"
    assert orphan.origin == str(missing)
    # CRLF is kept as stored, so spans index the real file
    assert isinstance(delta, PairInput) and delta.target.endswith("April.\r\n")


def test_unreadable_side_is_a_bad_input_and_others_go_on(tmp_path: Path) -> None:
    (tmp_path / "a.es.txt").write_text("Hola.", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("Hello.", encoding="utf-8")
    shutil.copy(FIXTURES / "latin1.es.txt", tmp_path / "b.es.txt")
    (tmp_path / "b.en.txt").write_text("Last year.", encoding="utf-8")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "target.en.txt").write_text("Only English.", encoding="utf-8")
    (tmp_path / "d.es.txt").write_text("", encoding="utf-8")
    (tmp_path / "d.en.txt").write_text("Empty source.", encoding="utf-8")
    (tmp_path / ".hidden.es.txt").write_text("Oculto.", encoding="utf-8")
    a, b, c, d = read_directory(tmp_path)
    assert isinstance(a, PairInput)
    assert (
        isinstance(b, BadInput)
        and b.error == f"{tmp_path / 'b.es.txt'}: not UTF-8 (invalid byte 0xf1 at line 1)"
    )
    assert isinstance(c, BadInput)
    assert c.error == (
        f"{tmp_path / 'c' / 'target.en.txt'}: no Spanish file ({tmp_path / 'c' / 'source.es.txt'} is missing)"
    )
    assert c.origin == str(tmp_path / "c" / "target.en.txt")
    assert isinstance(d, BadInput) and d.error == f"{tmp_path / 'd.es.txt'}: file is empty"


def test_directory_without_pairs(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("nada", encoding="utf-8")
    with pytest.raises(InputError, match=r"no article pairs found \(expected NAME\.es\.txt"):
        list(read_directory(tmp_path))
    with pytest.raises(InputError, match="no such directory"):
        list(read_directory(tmp_path / "missing"))
    with pytest.raises(InputError, match="not a directory"):
        list(read_directory(tmp_path / "notes.txt"))
