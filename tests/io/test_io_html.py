"""HTML articles reduced to text (trafilatura, no network)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from xlate.errors import InputError
from xlate.io.html import html_fragment_to_text, html_to_text, read_html_pair

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "inputs"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.mark.usefixtures("no_network")
def test_article_pair_paragraphs_without_boilerplate() -> None:
    pair = read_html_pair(FIXTURES / "html" / "article.es.html", FIXTURES / "html" / "article.en.html")
    assert pair.id == "article.en.html"
    assert pair.origin == str(FIXTURES / "html" / "article.en.html")
    paragraphs = pair.target.split("\n\n")
    assert paragraphs[0] == "Thousands of migrants cross the border in Cúcuta"
    assert (
        paragraphs[-1]
        == "The Government plans to open three new shelters in the city before the end of the month."
    )
    assert len(paragraphs) == 4
    for noise in ("Home", "Politics", "rights reserved", "tracking"):
        assert noise not in pair.target
    assert len(pair.source.split("\n\n")) == 4


@pytest.mark.usefixtures("no_network")
def test_short_fragment_keeps_paragraphs_and_line_breaks() -> None:
    assert (
        html_to_text("<p>Hola &amp; adiós.</p><p>Dos<br>líneas</p>", "x.html")
        == "Hola & adiós.\n\nDos\nlíneas"
    )


def test_fragment_converter_skips_scripts_and_keeps_blocks() -> None:
    html = "<div>Uno <b>dos</b></div><script>var x = 1;</script><ul><li>a</li><li>b</li></ul>tres"
    assert html_fragment_to_text(html) == "Uno dos\n\na\n\nb\n\ntres"


def test_page_without_text_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^page\.html: no article text found in the HTML$"):
        html_to_text("<html><head><script>x()</script></head><body></body></html>", "page.html")
    latin = tmp_path / "a.es.html"
    latin.write_bytes("<p>Año</p>".encode("latin-1"))
    with pytest.raises(InputError, match=r"a\.es\.html: not UTF-8"):
        read_html_pair(latin, FIXTURES / "html" / "article.en.html")


@pytest.mark.usefixtures("no_network")
def test_tiny_page_that_trafilatura_rejects_still_gives_its_text() -> None:
    assert html_to_text("<p>Hola.</p>", "x.html") == "Hola."
